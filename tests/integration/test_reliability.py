"""Faults that are not a message's fault never cost it its answer: real Dovecot (through
a TCP proxy for resets), a real SMTP peer, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from structlog.testing import capture_logs

from mailbot.errors import DatabaseStalled, MailboxError, StoreError
from mailbot.service import Desk
from mailbot.store import db, folders, ledger, outbox
from mailbot.store.models import (
    AuditEvent,
    Case,
    Message,
    MessageOutcome,
    OutboxMessage,
    ReadAttempt,
)
from mailbot.store.models import Message as LedgerRow
from tests.fakes import FakeClock
from tests.integration.desk_helpers import (
    DESK,
    answer,
    incomplete_request,
    make_desk,
    make_settings,
)

pytestmark = pytest.mark.integration


def enrolment(i: int, padding: int = 0) -> bytes:
    """A complete enrolment from agency ``i``; ``padding`` bytes of attachment."""
    m = EmailMessage()
    m["From"] = f"Chief {i} <chief{i}@town{i}.test>"
    m["To"] = DESK
    m["Subject"] = f"Town {i} Police Department e-ticket enrolment"
    m["Message-ID"] = f"<rel-{i}@town{i}.test>"
    m.set_content(
        f"Town {i} Police Department would like to start issuing tickets electronically.\n"
        f"I have designated Chief {i} as the e-ticket Point-of-Contact (chief{i}@town{i}.test).\n\n"
        f"Judiciary Code: {i:04d}\nAgency Name: Town {i} Police Department\n"
        f"Address: {i} Main Street, Town, VT 05001\nPhone: (802) 555-{i:04d}\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        f"Smith\tJohn\tOfficer\tT{i:04d}\tjsmith{i}\n\nThank you,\nChief {i}\nChief of Police\n"
    )
    if padding:
        m.add_attachment(b"x" * padding, maintype="application", subtype="octet-stream")
    return bytes(m)


def lose_connection_before_move(uids: Any, folder: str) -> None:
    """Stands in for the IMAP move when the connection drops right before it."""
    raise MailboxError("IMAP MOVE: connection lost; reconnect")


def count(engine: Engine, model: Any, *where: Any) -> int:
    with db.transaction(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def dead_owner() -> str:
    """The token of a bot process on this host that has exited."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return f"{socket.gethostname()}:{int(child.stdout)}:deadbeef"


def leave_read_marks(engine: Engine, desk: Desk, uids: list[int], folder: str = "INBOX") -> None:
    """What a bot killed while reading a group leaves behind."""
    state = desk.mailbox.status(folder)
    with db.transaction(engine) as s:
        folders.mark_reading(
            s, folder, state.uidvalidity, uids, owner=dead_owner(), now=desk.clock.now()
        )


def test_connection_resets_during_a_one_by_one_reread_quarantine_nothing(
    imap_account: Any, imap_proxy: Any, smtp_sink: Any, engine: Engine
) -> None:
    """After a death, the group is re-read one message at a time; two IMAP connection
    resets in the middle of a large enrolment's fetch then cost nothing: once the
    network is back every request is answered and nothing is in quarantine."""
    settings = make_settings(imap_account, smtp_sink)
    settings.mailbox.port = imap_proxy.port
    desk = make_desk(settings, engine)
    uids = [
        imap_account.append(enrolment(1)),
        imap_account.append(enrolment(2, padding=600_000)),
        imap_account.append(enrolment(3)),
    ]
    desk.mailbox.connect()
    leave_read_marks(engine, desk, uids)
    imap_proxy.cut_after(200_000)
    for _ in range(2):
        with pytest.raises(MailboxError):
            desk.poll_once(full=True)
    imap_proxy.cut_after(None)
    desk.cycle(full=True)
    assert count(engine, Message, Message.outcome == MessageOutcome.QUARANTINED) == 0
    assert count(engine, Case) == 3
    assert count(engine, ReadAttempt) == 0
    assert len(smtp_sink.messages) == 3
    assert imap_account.uids("INBOX") == []
    desk.close()


def _disk_full(engine: Engine, on: bool) -> None:
    """SQLite: the database file may not grow (max_page_count); PostgreSQL: inserting
    a case fails with SQLSTATE 53100 disk_full."""
    if engine.dialect.name == "sqlite":
        return  # handled by the engine's connect hook below
    with engine.begin() as conn:
        if on:
            conn.exec_driver_sql(
                "CREATE OR REPLACE FUNCTION full_disk() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; "
                "END $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER full_disk BEFORE INSERT ON cases "
                "FOR EACH ROW EXECUTE FUNCTION full_disk()"
            )
        else:
            conn.exec_driver_sql("DROP TRIGGER full_disk ON cases")


def test_disk_full_during_a_reread_is_retried_not_blamed_on_the_messages(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A full disk while a group is re-read one message at a time, across two restarts
    of the bot, quarantines nothing: when space is back every request is answered."""
    settings = make_settings(imap_account, smtp_sink)
    uids = [imap_account.append(enrolment(i)) for i in range(1, 4)]
    first = make_desk(settings, engine)
    first.mailbox.connect()
    leave_read_marks(engine, first, uids)
    first.close()
    url = engine.url.render_as_string(hide_password=False)
    for _ in range(2):  # two runs of the bot, each meeting the full disk
        full = db.make_engine(url)
        if full.dialect.name == "sqlite":

            @event.listens_for(full, "connect")
            def _cap(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute("PRAGMA max_page_count = 1")

        _disk_full(full, True)
        desk = make_desk(settings, full)
        with pytest.raises(StoreError):
            desk.cycle(full=True)
        desk.close()
        _disk_full(full, False)
        full.dispose()
    desk = make_desk(settings, engine)
    for _ in range(2):
        desk.cycle(full=True)
    desk.close()
    assert count(engine, Message, Message.outcome == MessageOutcome.QUARANTINED) == 0
    assert count(engine, Case) == 3
    assert len(smtp_sink.messages) == 3
    assert imap_account.uids("INBOX") == []


def test_statement_timeout_turns_a_stalled_postgresql_into_a_logged_error(
    imap_account: Any, smtp_sink: Any, postgres_url: str
) -> None:
    """A PostgreSQL that stops answering (a table held locked by someone else) stops
    the poll within [database] statement_timeout_seconds with a `database_stalled`
    log line, instead of hanging the bot; the poll after it goes through."""
    db.upgrade(postgres_url)
    engine = db.make_engine(postgres_url, statement_timeout=1.5)
    settings = make_settings(imap_account, smtp_sink, postgres_url)
    imap_account.append(enrolment(5))
    desk = make_desk(settings, engine)
    blocker = db.make_engine(postgres_url)
    with blocker.begin() as conn:
        conn.execute(text("LOCK TABLE folder_cursors IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        with capture_logs() as logs, pytest.raises(DatabaseStalled):
            desk.cycle(full=True)
        waited = time.monotonic() - started
    blocker.dispose()
    assert waited < 10
    assert "database_stalled" in [e["event"] for e in logs]
    desk.cycle(full=True)
    assert count(engine, Case) == 1
    desk.close()
    engine.dispose()


def test_another_email_reusing_a_message_id_is_read_not_dropped(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A different email that carries an earlier one's Message-ID is read and answered;
    the same email again (even with an extra trace header) is a duplicate."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    original = enrolment(7)
    reused = enrolment(8).replace(b"<rel-8@town8.test>", b"<rel-7@town7.test>")
    reused = reused.replace(b"chief8@town8.test", b"chief7@town7.test")
    relayed = (
        b"Received: from relay.town7.test by mx; Mon, 2 Nov 2026 09:00:00 -0500\r\n" + original
    )
    for raw in (original, reused, relayed):
        imap_account.append(raw)
    polled, _ = desk.cycle(full=True)
    assert polled.duplicates == 1
    assert count(engine, Case) == 2
    assert len(smtp_sink.messages) == 2
    desk.close()


def dsn(our_id: bytes, n: int, status: bytes = b"5.1.1", action: bytes = b"failed") -> bytes:
    return (
        b"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.norwich.test>\r\n"
        b"To: dps.eticket@vermont.gov\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Message-ID: <dsn-" + str(n).encode() + b"@mx.norwich.test>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nMailbox unavailable.\r\n"
        b"--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Final-Recipient: rfc822; dmorse@norwich.test\r\nAction: " + action + b"\r\n"
        b"Status: " + status + b"\r\n"
        b"\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: dps.eticket@vermont.gov\r\nMessage-ID: " + our_id + b"\r\n\r\n--b--\r\n"
    )


def test_repeated_hard_bounces_stop_replies_and_flag_the_contact(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path
) -> None:
    """After [bot] suppress_after_hard_bounces hard bounces to one address (a delay
    report does not count) the bot stops writing to it and `case show` says so;
    `mailbot suppressed` lists it, and once staff lift it replies go out again."""
    from mailbot.intake.rules import load_rules
    from mailbot.review.casework import case_view

    settings = make_settings(imap_account, smtp_sink, suppress_after_hard_bounces=2)
    desk = make_desk(settings, engine)
    imap_account.append(incomplete_request())
    desk.cycle()
    ours = smtp_sink.messages[0].data
    our_id = ours.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0]
    imap_account.append(dsn(our_id, 1, b"4.4.1", b"delayed"))
    imap_account.append(dsn(our_id, 2))
    desk.cycle()
    with db.transaction(engine) as s:
        reference = s.scalars(select(Case.reference)).one()
        assert "contact_suppressed" not in s.scalars(select(Case.flags)).one()
    imap_account.append(dsn(our_id, 3))
    desk.cycle()
    imap_account.append(answer(ours, "Phone: (802) 555-0100", message_id="<ans-9@norwich.test>"))
    desk.cycle()
    assert len(smtp_sink.messages) == 1  # nothing more went to the bouncing address
    with db.transaction(engine) as s:
        view = case_view(s, str(reference), load_rules(None))
        suppressed = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "address_suppressed")
        )
    labels = [f["label"] for f in view["flags"]]
    assert "replies to this contact stopped after repeated hard bounces" in labels
    assert suppressed == 1
    # Staff see the address, fix it and lift the suppression: replies go out again.
    config = tmp_path / "desk.toml"
    url = engine.url.render_as_string(hide_password=False)
    config.write_text(f'[database]\nurl = "{url}"\n[logging]\nlevel = "warning"\n')
    listed = cli(config, "suppressed", "--json")
    assert [r["address"] for r in json.loads(listed.stdout)] == ["dmorse@norwich.test"]
    cli(config, "suppressed", "--lift", "dmorse@norwich.test", "--by", "K. Staff")
    imap_account.append(answer(ours, "Logo to follow", message_id="<ans-10@norwich.test>"))
    desk.cycle()
    assert len(smtp_sink.messages) == 2
    desk.close()


def cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_the_relay_drains_a_backlog_past_fifty_replies_in_one_round(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """120 queued replies go out in one relay round (not 50 per round), each attempt
    counted and written to the audit trail."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    now = desk.clock.now()
    with db.transaction(engine) as s:
        for i in range(120):
            outbox.enqueue(
                s,
                template="checklist",
                message_id=f"<mailbot.drain{i}@desk.test>",
                to_address=f"chief{i}@town.test",
                recipients=[f"chief{i}@town.test"],
                subject="x",
                raw=f"From: {DESK}\r\nTo: chief{i}@town.test\r\n\r\nhello\r\n".encode(),
                now=now,
            )
    report = desk.deliver_due()
    assert report.sent == 120
    assert len(smtp_sink.messages) == 120
    with db.transaction(engine) as s:
        assert set(s.scalars(select(OutboxMessage.attempts))) == {1}
    assert count(engine, AuditEvent, AuditEvent.action == "send_attempt") == 120
    desk.close()


def test_a_rebuilt_folder_raises_an_alert_and_old_rows_do_not_cost_idle_polls(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """When the folder's UIDVALIDITY changes, staff get an alert (kept in the store and
    the audit trail), and a message recorded under the old UIDVALIDITY but never moved
    does not make every idle poll SELECT the folder again."""
    settings = make_settings(imap_account, smtp_sink)
    settings.mailbox.folder = "Intake"
    imap_account.append(enrolment(11), "Intake")
    desk = make_desk(settings, engine)
    real_move = desk.mailbox.move_many
    desk.mailbox.move_many = lose_connection_before_move  # type: ignore[method-assign]
    with pytest.raises(MailboxError):
        desk.cycle()  # recorded, then the connection dropped before the move
    desk.mailbox.move_many = real_move  # type: ignore[method-assign]
    with db.transaction(engine) as s:
        assert ledger.has_unmoved(s, "Intake")
    with imap_account.client() as client:
        client.delete_folder("Intake")
        client.create_folder("Intake")
    imap_account.append(enrolment(12), "Intake")
    desk.cycle(full=True)
    selects = 0
    real_select = desk.mailbox.select

    def counting_select(folder: str) -> Any:
        nonlocal selects
        selects += 1
        return real_select(folder)

    desk.mailbox.select = counting_select  # type: ignore[method-assign]
    for _ in range(3):
        desk.cycle()
    assert selects == 0
    with db.transaction(engine) as s:
        alerts = [(a.mailbox, a.previous_uidvalidity is not None) for a in folders.folder_alerts(s)]
    assert alerts == [("Intake", True)]
    assert count(engine, AuditEvent, AuditEvent.action == "uidvalidity_changed") == 1
    assert count(engine, Case) == 2
    desk.close()


def test_only_the_instance_that_recorded_a_message_moves_it(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A message one live instance recorded but has not moved yet is left to it by a
    second instance (two MOVEs of one message leave two copies); once the first
    instance is gone, the second moves it. Each message ends in Processed once."""
    settings = make_settings(imap_account, smtp_sink)
    for i in range(20, 24):
        imap_account.append(enrolment(i))
    slow = make_desk(settings, engine)
    real_move = slow.mailbox.move_many
    slow.mailbox.move_many = lose_connection_before_move  # type: ignore[method-assign]
    with pytest.raises(MailboxError):
        slow.poll_once(full=True)
    other_engine = db.make_engine(engine.url.render_as_string(hide_password=False))
    other = make_desk(settings, other_engine, FakeClock(slow.clock.now() + timedelta(seconds=5)))
    other.poll_once(full=True)
    assert len(imap_account.uids("INBOX")) == 4  # not the other's to move
    assert imap_account.uids("Processed") == []
    slow.mailbox.move_many = real_move  # type: ignore[method-assign]
    slow.poll_once(full=True)
    assert len(imap_account.uids("Processed")) == 4
    for i in range(24, 26):
        imap_account.append(enrolment(i))
    slow.mailbox.move_many = lose_connection_before_move  # type: ignore[method-assign]
    with pytest.raises(MailboxError):
        slow.poll_once(full=True)
    slow.close()  # the recorder stops for good
    other.poll_once(full=True)
    assert imap_account.uids("INBOX") == []
    assert len(imap_account.uids("Processed")) == 6
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).where(LedgerRow.moved_to.is_(None))) == 0
    other.close()
    other_engine.dispose()
