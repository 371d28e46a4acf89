"""`mailbot quarantine` and `mailbot reprocess` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mailbot.store import db, ledger
from mailbot.store.models import MessageOutcome
from tests.fakes import FakeClock
from tests.integration.desk_helpers import SAMPLE
from tests.integration.test_desk_process import mailbot, write_config

pytestmark = pytest.mark.integration


@pytest.fixture
def config(tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str) -> Path:
    db.upgrade(db_url)
    return write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)


def test_unreadable_message_listed_and_reprocess_explains(config: Path, imap_account: Any) -> None:
    """A message that is not an email shows in `mailbot quarantine` with its reason;
    reprocessing it says in one line that it is still unreadable."""
    imap_account.append(b"\x00\x01 this is not an email\r\n" * 4)
    assert mailbot(config, "poll", "--once", password=imap_account.password).returncode == 0
    listed = mailbot(config, "quarantine", "--json")
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert "not an email" in row["reason"]
    again = mailbot(config, "reprocess", str(row["id"]))
    assert again.returncode == 1
    assert "still unreadable" in again.stderr
    assert again.stderr.strip().count("\n") == 0
    human = mailbot(config, "quarantine")
    assert "not an email" in human.stdout


def test_reprocess_opens_the_case_and_next_cycle_replies(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """A request quarantined by an earlier fault is read again on demand: the case
    opens and the next cycle sends the acknowledgement."""
    engine = db.make_engine(db_url)
    raw = SAMPLE.read_bytes()
    with db.transaction(engine) as s:
        row = ledger.record_message(
            s,
            mailbox="INBOX",
            uidvalidity=1,
            uid=99,
            raw_sha256=ledger.raw_digest(raw),
            size=len(raw),
            outcome=MessageOutcome.QUARANTINED,
            reason="internal error while reading: KeyError",
            raw=raw,
            now=FakeClock().now(),
            sender="rtanner@hartfordvt.gov",
        )
        row.moved_to = "Quarantine"
        pk = row.id
    engine.dispose()
    out = mailbot(config, "reprocess", str(pk))
    assert out.returncode == 0, out.stderr
    assert "processed" in out.stdout
    assert json.loads(mailbot(config, "quarantine", "--json").stdout) == []
    assert mailbot(config, "poll", "--once", password=imap_account.password).returncode == 0
    assert len(smtp_sink.messages) == 1
    assert b"rtanner@hartfordvt.gov" in smtp_sink.messages[0].data


def test_reprocess_unknown_id_is_one_line(config: Path) -> None:
    """Asking to reprocess a number that is not in the ledger says what to do."""
    out = mailbot(config, "reprocess", "4242")
    assert out.returncode == 1
    assert "mailbot quarantine" in out.stderr
    assert "Traceback" not in out.stderr


def test_quarantine_listing_shows_email_values_without_obeying_them(
    config: Path, db_url: str
) -> None:
    """A quarantined message whose sender and subject carry terminal escapes, bidi
    controls and console markup is listed with them shown as text, in the table and
    in the JSON."""
    engine = db.make_engine(db_url)
    with db.transaction(engine) as s:
        ledger.record_message(
            s,
            mailbox="INBOX",
            uidvalidity=1,
            uid=7,
            raw_sha256=ledger.raw_digest(b"x"),
            size=1,
            outcome=MessageOutcome.QUARANTINED,
            reason="unreadable \x1b]0;owned\x07",
            now=FakeClock().now(),
            sender="evil\u202e@town.test",
            subject="[red]Hi[/red]\x1b[2J\x9b",
        )
    engine.dispose()
    human = mailbot(config, "quarantine")
    assert human.returncode == 0, human.stderr
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in human.stdout
    assert "[red]Hi" in human.stdout
    assert "\\x1b" in human.stdout
    listed = mailbot(config, "quarantine", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "\u202e" not in listed.stdout and "\x9b" not in listed.stdout
    [row] = json.loads(listed.stdout)
    assert row["subject"] == "[red]Hi[/red]\x1b[2J\x9b"


def test_lifting_a_suppression_without_a_name_is_one_line(config: Path) -> None:
    """`mailbot suppressed --lift ADDRESS` with a blank --by says to give a name, in one
    line, and lifts nothing."""
    out = mailbot(config, "suppressed", "--lift", "chief@town.test", "--by", "  ")
    assert out.returncode == 1
    assert "--by NAME" in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "Traceback" not in out.stderr
