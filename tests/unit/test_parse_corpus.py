"""Every message in tests/data/messages/ reads as the hand-written JSON beside it."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mailbot.intake.parse import parse_message

MESSAGES = Path(__file__).resolve().parents[1] / "data" / "messages"
CASES = sorted(MESSAGES.glob("*.eml"))


def _diff(expected: dict[str, object], actual: dict[str, object]) -> str:
    want = json.dumps(expected, ensure_ascii=False, indent=2).splitlines()
    got = json.dumps(actual, ensure_ascii=False, indent=2).splitlines()
    return "\n".join(difflib.unified_diff(want, got, "expected", "parsed", lineterm=""))


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 40 hand-checked messages, each with its expected JSON."""
    own = [p for p in CASES if not p.name.startswith("mime-")]
    assert len(own) >= 40
    missing = [p.name for p in CASES if not p.with_suffix(".json").exists()]
    assert missing == []


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_message_reads_as_expected(path: Path) -> None:
    """A message is read exactly as a careful clerk would read it (fields, officers, checklist)."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    actual = parse_message(path.read_bytes()).to_json_dict()
    assert actual == expected, f"{path.name} differs:\n{_diff(expected, actual)}"


@pytest.mark.parametrize(
    "name", ["sop-woodstock", "reply-quoted-gt", "maint-mixed", "auto-out-of-office"]
)
def test_cli_prints_the_expected_json(name: str) -> None:
    """`mailbot parse FILE --json` prints the same JSON as the corpus expects."""
    path = MESSAGES / f"{name}.eml"
    out = subprocess.run(
        [sys.executable, "-m", "mailbot", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert json.loads(out.stdout) == expected
