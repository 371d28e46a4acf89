"""The read-only listings start light: with a desk-only settings file they neither build
the full settings nor load SQLAlchemy, logging or table rendering, and print the same
JSON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mailbot.cases import CaseStatus
from mailbot.store import db
from tests.review_seed import OFFICERS, enrolment_data, seed_agency, seed_case

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"pydantic_settings", "structlog", "rich", "sqlalchemy", "alembic"}


def _run(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _imported(stderr: str) -> set[str]:
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


@pytest.fixture
def configs(tmp_path: Path, sqlite_url: str) -> tuple[Path, Path]:
    """A desk-only settings file and a full one, on the same seeded database."""
    db.upgrade(sqlite_url)
    engine = db.make_engine(sqlite_url)
    try:
        with db.transaction(engine) as s:
            seed_agency(s, "0614", "Hartford Police Department", OFFICERS[:2])
            seed_case(s, enrolment_data("0615"))
            seed_case(s, enrolment_data("0616"), status=CaseStatus.NEEDS_INFO)
    finally:
        engine.dispose()
    desk = tmp_path / "desk.toml"
    desk.write_text(f'[database]\nurl = "{sqlite_url}"\n', encoding="utf-8")
    full = tmp_path / "full.toml"
    full.write_text(
        f'[database]\nurl = "{sqlite_url}"\n[bot]\nmessage_id_domain = "desk.test"\n',
        encoding="utf-8",
    )
    return desk, full


@pytest.mark.parametrize(
    "command",
    [
        ["queue", "--json"],
        ["officers", "--json"],
        ["agencies", "--json"],
        ["export", "--format", "json"],
        ["export"],
    ],
)
def test_listings_with_a_desk_only_file_start_light(
    configs: tuple[Path, Path], command: list[str]
) -> None:
    """With only ``[database]`` in the settings file, a listing for scripts loads
    neither pydantic-settings, SQLAlchemy, structlog nor rich, and prints exactly what
    the full settings path prints; with the full settings it still needs no SQLAlchemy."""
    desk, full = configs
    quick = _run(desk, *command)
    slow = _run(full, *command)
    assert quick.stdout == slow.stdout and quick.stdout.strip() not in ("", "[]")
    assert _imported(quick.stderr) & HEAVY == set()
    assert "pydantic_settings" in _imported(slow.stderr)
    assert "sqlalchemy" not in _imported(slow.stderr)


@pytest.mark.parametrize(
    "command",
    [
        ["queue", "--json"],
        ["agencies", "--json"],
        ["officers", "--json"],
        ["officers", "--active", "--agency=0614", "--json"],
    ],
)
def test_listings_for_scripts_run_without_click_and_print_what_click_prints(
    configs: tuple[Path, Path], command: list[str]
) -> None:
    """``queue --json`` and the like run without importing click (mailbot.cli.fast), nor
    dataclasses (and the inspect module it loads), and print byte for byte what the
    click command prints."""
    desk, _ = configs
    quick = _run(desk, *command)
    assert _imported(quick.stderr) & {"click", "dataclasses", "inspect"} == set()
    through_click = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from mailbot.cli.group import main; main(sys.argv[1:])",
            "--config",
            str(desk),
            *command,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert through_click.returncode == 0, through_click.stderr[-2000:]
    assert quick.stdout == through_click.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["queue"],
        ["queue", "--json", "--json"],
        ["--config"],
        ["--help"],
        ["queue", "--json", "--help"],
        ["--log-level", "loud", "queue", "--json"],
        ["officers", "--json", "--agency"],
        ["officers", "--json", "--agency", "--active"],
        ["export", "--format", "json"],
        ["--version"],
    ],
)
def test_other_command_lines_are_left_to_click(argv: list[str]) -> None:
    from mailbot.cli import fast

    assert fast.run(argv) is False
