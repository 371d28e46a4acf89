"""The CLI through its real entry point: help, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "samples" / "sop-sample.eml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mailbot", *args], capture_output=True, text=True, timeout=60
    )


def test_help_lists_commands() -> None:
    """`mailbot --help` shows the commands with their one-line help."""
    out = run("--help")
    assert out.returncode == 0
    assert "parse" in out.stdout


def test_parse_json_prints_one_object() -> None:
    """`mailbot parse --json` prints exactly one JSON object with the public keys."""
    out = run("parse", str(SAMPLE), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {
        "intent",
        "sender",
        "automated",
        "agency",
        "point_of_contact",
        "head_of_department",
        "officers",
        "changes",
        "missing",
        "invalid",
    }
    assert data["sender"] == "rtanner@hartfordvt.gov"


def test_parse_missing_file_is_one_line_error(tmp_path: Path) -> None:
    """A path that does not exist gives a one-line error and a non-zero exit, no traceback."""
    out = run("parse", str(tmp_path / "none.eml"))
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0
    assert "Traceback" not in out.stderr


def test_parse_non_email_is_refused(tmp_path: Path) -> None:
    """A file that is not an email is named as such."""
    bad = tmp_path / "x.eml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    out = run("parse", str(bad))
    assert out.returncode != 0
    assert "not an email" in out.stderr
    assert "Traceback" not in out.stderr


def test_parse_over_size_limit_is_refused(tmp_path: Path) -> None:
    """A file over [limits] max_message_bytes is refused without being read."""
    cfg = tmp_path / "c.toml"
    cfg.write_text("[limits]\nmax_message_bytes = 2048\n")
    big = tmp_path / "big.eml"
    big.write_bytes(b"From: a@b.c\r\nSubject: x\r\n\r\n" + b"a" * 5000)
    out = run("--config", str(cfg), "parse", str(big))
    assert out.returncode != 0
    assert "over the limit" in out.stderr


def test_usage_errors_are_one_line_with_a_pointer_to_help() -> None:
    """A missing argument or an unknown option is one line naming it and the help."""
    for args in (("approve",), ("export", "--format", "xml"), ("nope",)):
        out = run(*args)
        assert out.returncode == 2
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1, out.stderr
        assert lines[0].startswith("error: ") and "--help" in lines[0]


def test_every_command_has_help_with_an_example() -> None:
    """`--help` of every command and subcommand shows an example."""
    import click

    from mailbot.cli import cli

    ctx = click.Context(cli)
    missing = []
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None
        subs = [command]
        if isinstance(command, click.Group):
            subs += [command.get_command(ctx, n) for n in command.list_commands(ctx)]
        for sub in subs:
            assert sub is not None
            if "Example" not in (sub.help or ""):
                missing.append(sub.name)
    assert missing == []


def test_every_setting_is_documented_in_the_example_config() -> None:
    """config.example.toml names every key of every section (some commented out)."""
    from mailbot.config import Settings

    text = (ROOT / "config.example.toml").read_text()
    undocumented = [
        f"{section}.{key}"
        for section, field in Settings.model_fields.items()
        for key in field.annotation.model_fields  # type: ignore[union-attr]
        if f"{key} =" not in text
    ]
    assert f"[{next(iter(Settings.model_fields))}]" in text
    assert undocumented == []
