"""The poller's logic on a fake mailbox (tests/fakes.py) and a real SQLite ledger:
cursor, UIDVALIDITY, batches, moves, and the message that kills the bot.

The IMAP adapter itself, and the bot end to end, are tested on Dovecot
(tests/integration)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from mailbot.config import Settings
from mailbot.reader import InProcessReader, Reader
from mailbot.service import Desk, limits_of
from mailbot.store import db
from mailbot.store.models import AuditEvent, Case, Message, MessageOutcome, ReadAttempt
from tests import faults
from tests.fakes import FakeClock, FakeMailbox, FakeMailer, FakeServer
from tests.integration.desk_helpers import SAMPLE, incomplete_request

FOLDERS = ("Processed", "Needs-Review")


def request(i: int) -> bytes:
    """A distinct enrolment request (its own sender, subject and Message-ID)."""
    return (
        incomplete_request(f"<poll-{i}@norwich.test>")
        .replace(b"Subject: Norwich", f"Subject: Poll {i} Norwich".encode())
        .replace(b"<dmorse@norwich.test>", f"<chief{i}@norwich.test>".encode())
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    db.upgrade(url)
    return url


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    eng = db.make_engine(url)
    yield eng
    eng.dispose()


def settings_for(url: str, **limits: Any) -> Settings:
    return Settings(
        database={"url": url},
        bot={"message_id_domain": "desk.test"},
        poll={"batch_size": 2},
        limits={"read_timeout_seconds": 0, **limits},
    )


def make_desk(
    settings: Settings, engine: Engine, server: FakeServer, **hooks: Any
) -> tuple[Desk, FakeMailbox]:
    mailbox = FakeMailbox(server)
    return Desk(settings, engine, mailbox, FakeMailer(), FakeClock(), **hooks), mailbox


def count(engine: Engine, model: Any) -> int:
    with db.transaction(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def filed(server: FakeServer) -> int:
    return sum(len(server.uids(f)) for f in FOLDERS)


def test_new_mail_is_read_in_batches_once_and_filed(url: str, engine: Engine) -> None:
    """Five new messages with batches of two: sizes and bodies are fetched two at a
    time, each message is recorded once and moved out of the inbox; the next poll
    fetches nothing, and a poll without a SELECT costs one NOOP."""
    server = FakeServer()
    for i in range(5):
        server.append(request(i))
    desk, box = make_desk(settings_for(url), engine, server)
    report = desk.poll_once(full=True)
    assert (report.seen, report.moved) == (5, 5)
    assert [c[1] for c in box.calls if c[0] == "sizes"] == [(1, 2), (3, 4), (5,)]
    assert [c[1] for c in box.calls if c[0] == "fetch_many"] == [(1, 2), (3, 4), (5,)]
    assert server.uids("INBOX") == [] and filed(server) == 5
    assert count(engine, Message) == 5 and count(engine, Case) == 5

    box.calls.clear()
    again = desk.poll_once(full=True)
    assert again.seen == 0
    assert "fetch_many" not in box.names()
    box.calls.clear()
    assert desk.poll_once().seen == 0
    assert box.names() == ["noop"]


def test_cursor_survives_a_restart(url: str, engine: Engine) -> None:
    """A new desk on the same database reads only what arrived since, even though
    the earlier messages are still in the folder (e.g. moved back by a person)."""
    server = FakeServer()
    server.append(request(1))
    first, _ = make_desk(settings_for(url), engine, server)
    first.poll_once(full=True)
    first.close()
    server.append(request(2))
    desk, box = make_desk(settings_for(url), engine, server)
    assert desk.poll_once(full=True).seen == 1
    assert [c[1] for c in box.calls if c[0] == "fetch_many"] == [(2,)]
    assert count(engine, Message) == 2


def test_new_uidvalidity_starts_over_and_the_ledger_recognises_old_mail(
    url: str, engine: Engine
) -> None:
    """When the folder is recreated (new UIDVALIDITY, UIDs start at 1 again), the old
    cursor is dropped: a message seen before is recognised by its content and not
    answered twice, a new one is processed, and staff find the change in the audit
    trail."""
    server = FakeServer()
    server.append(SAMPLE.read_bytes())
    desk, _ = make_desk(settings_for(url), engine, server)
    desk.poll_once(full=True)
    server.create("INBOX")  # deleted and created again: a new UIDVALIDITY, UIDs from 1
    server.append(SAMPLE.read_bytes())  # the message seen before, restored
    server.append(request(7))
    assert server.uids("INBOX") == [1, 2]
    report = desk.poll_once(full=True)
    assert (report.seen, report.duplicates, report.processed) == (2, 1, 1)
    assert count(engine, Case) == 2
    assert server.uids("INBOX") == []
    with db.transaction(engine) as s:
        actions = list(s.scalars(select(AuditEvent.action)))
    assert actions.count("uidvalidity_changed") == 1


class Crash(BaseException):
    """Stands for the process ending abruptly (nothing after it runs)."""


def crash_when_recorded(step: str) -> None:
    if step == "recorded":
        raise Crash


def test_recorded_but_unmoved_mail_is_moved_not_processed_again(url: str, engine: Engine) -> None:
    """A crash after the group's commit and before the move: the next desk moves
    those messages without recording or answering them again."""
    server = FakeServer()
    for i in range(2):
        server.append(request(i))
    crashed, _ = make_desk(settings_for(url), engine, server, checkpoint=crash_when_recorded)
    with pytest.raises(Crash):
        crashed.poll_once(full=True)
    assert server.uids("INBOX") == [1, 2]
    assert count(engine, Message) == 2
    crashed.close()  # its token is retired, as a dead process's would be

    desk, box = make_desk(settings_for(url), engine, server)
    report = desk.poll_once(full=True)
    assert (report.seen, report.moved) == (0, 2)
    assert "fetch_many" not in box.names()
    assert server.uids("INBOX") == [] and filed(server) == 2
    assert count(engine, Message) == 2 and count(engine, Case) == 2


def test_message_over_the_size_limit_is_read_from_its_header_and_set_aside(
    url: str, engine: Engine
) -> None:
    """A message over [limits] max_message_bytes is never fetched whole: its header is
    read, it is recorded as too large and moved to Quarantine; the others go on."""
    server = FakeServer()
    big = SAMPLE.read_bytes() + b"x" * 4096
    server.append(big)
    server.append(request(2))
    settings = settings_for(url, max_message_bytes=len(big) - 1)
    desk, box = make_desk(settings, engine, server)
    report = desk.poll_once(full=True)
    assert (report.too_large, report.processed) == (1, 1)
    assert ("fetch_header", 1) in box.calls
    assert all(1 not in c[1] for c in box.calls if c[0] == "fetch_many")
    assert len(server.uids("Quarantine")) == 1 and filed(server) == 1


def test_message_expunged_meanwhile_is_skipped(url: str, engine: Engine) -> None:
    """A message another client removes between the size check and the fetch is
    skipped; the rest are processed and the cursor moves past it."""
    server = FakeServer()
    for i in range(2):
        server.append(request(i))

    class Racing(FakeMailbox):
        def sizes(self, uids: Any) -> dict[int, int]:
            found = super().sizes(uids)
            if 1 in self.server.folders["INBOX"].messages:
                self.server.expunge("INBOX", 1)
            return found

    box = Racing(server)
    desk = Desk(settings_for(url), engine, box, FakeMailer(), FakeClock())
    report = desk.poll_once(full=True)
    assert report.processed == 1
    assert server.uids("INBOX") == [] and filed(server) == 1
    box.calls.clear()
    assert desk.poll_once(full=True).seen == 0


# -- a message that kills the bot while it is read -------------------------------------


def poll_in_child(settings: Settings, server_path: Path, make_reader: Any) -> int:
    """One full poll in a forked process on the saved fake server; its exit status
    (70 when reading killed it, as :mod:`tests.faults` does)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            engine = db.make_engine(settings.database.url)
            server = FakeServer.load(server_path)
            reader = make_reader(settings)
            desk = Desk(
                settings, engine, FakeMailbox(server), FakeMailer(), FakeClock(), reader=reader
            )
            desk.poll_once(full=True)
            status = 0
        finally:
            os._exit(status)
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status)


def in_process(settings: Settings) -> Reader:
    return InProcessReader(limits_of(settings), None, settings.bot.loop_header)


def dying(settings: Settings) -> Reader:
    return faults.DyingReader(in_process(settings))


def test_message_that_kills_the_bot_is_found_and_set_aside_after_two_deaths(
    url: str, engine: Engine, tmp_path: Path
) -> None:
    """The group holding it dies; it is then read one message at a time (the good
    message before it is answered); after it killed the bot twice while read alone,
    it is set aside in Quarantine unread, and the message after it is answered."""
    path = tmp_path / "server.pickle"
    server = FakeServer(path)
    server.append(request(1))
    server.append(faults.poisoned(request(2)))
    server.append(request(3))
    settings = settings_for(url)
    settings.poll.batch_size = 50
    assert poll_in_child(settings, path, dying) == faults.CRASH_STATUS  # the group
    assert count(engine, Message) == 0
    assert poll_in_child(settings, path, dying) == faults.CRASH_STATUS  # alone: 1st death
    assert filed(FakeServer.load(path)) == 1  # the one before it was answered
    assert poll_in_child(settings, path, dying) == faults.CRASH_STATUS  # alone: 2nd death
    assert poll_in_child(settings, path, dying) == 0  # set aside unread
    server = FakeServer.load(path)
    assert server.uids("INBOX") == []
    assert filed(server) == 2
    assert len(server.uids("Quarantine")) == 1
    with db.transaction(engine) as s:
        quarantined = s.scalars(
            select(Message).where(Message.outcome == MessageOutcome.QUARANTINED)
        ).one()
        assert quarantined.reason == (
            "the bot died 2 times while reading this message alone; it is not read again"
        )
        assert quarantined.sender == "chief2@norwich.test"
    assert count(engine, Case) == 2


class DiesTwice:
    """Kills the bot the first two times it reads a poisoned message (kills that
    happened to land while that message was read), then reads it normally."""

    def __init__(self, inner: Reader, deaths: Path) -> None:
        self.inner, self.deaths = inner, deaths

    def read(self, raw: bytes) -> Any:
        if faults.is_poisoned(raw):
            died = len(self.deaths.read_text()) if self.deaths.exists() else 0
            if died < 2:
                self.deaths.write_text("x" * (died + 1))
                os._exit(faults.CRASH_STATUS)
        return self.inner.read(raw)

    def close(self) -> None:
        self.inner.close()


def test_one_death_while_read_alone_costs_no_message_its_answer(
    url: str, engine: Engine, tmp_path: Path
) -> None:
    """A death while a group is read, then one while a message of it is read alone,
    is not enough to blame that message: it is read again and answered like the
    others."""
    path = tmp_path / "server.pickle"
    server = FakeServer(path)
    for i in range(3):
        server.append(faults.poisoned(request(i)) if i == 1 else request(i))
    settings = settings_for(url)
    settings.poll.batch_size = 50
    deaths = tmp_path / "deaths"

    def reader(s: Settings) -> Reader:
        return DiesTwice(in_process(s), deaths)

    assert poll_in_child(settings, path, reader) == faults.CRASH_STATUS  # the group
    assert poll_in_child(settings, path, reader) == faults.CRASH_STATUS  # alone, once
    assert poll_in_child(settings, path, reader) == 0
    server = FakeServer.load(path)
    assert server.uids("INBOX") == [] and server.uids("Quarantine") == []
    assert filed(server) == 3
    assert count(engine, Case) == 3


def isolated_settings(url: str) -> Settings:
    return Settings(
        database={"url": url},
        bot={"message_id_domain": "desk.test"},
        poll={"batch_size": 2},
        limits={"read_timeout_seconds": 20},
    )


def test_with_the_reader_reading_ahead_each_message_is_recorded_once(
    url: str, engine: Engine
) -> None:
    """With the isolated reader, the next group is fetched and read while the one
    before is recorded: every message is still recorded once, in order, and no read
    mark is left behind."""
    server = FakeServer()
    for i in range(5):
        server.append(request(i))
    desk, box = make_desk(isolated_settings(url), engine, server)
    try:
        report = desk.poll_once(full=True)
    finally:
        desk.close()
    assert (report.seen, report.processed, report.moved) == (5, 5, 5)
    assert [c[1] for c in box.calls if c[0] == "fetch_many"] == [(1, 2), (3, 4), (5,)]
    with db.transaction(engine) as s:
        uids = list(s.scalars(select(Message.uid).order_by(Message.id)))
    assert uids == [1, 2, 3, 4, 5]
    assert count(engine, Case) == 5 and count(engine, ReadAttempt) == 0
    assert server.uids("INBOX") == [] and filed(server) == 5


def test_a_stop_leaves_the_group_read_ahead_for_the_next_poll(url: str, engine: Engine) -> None:
    """Stopped once the first group is recorded, while the next one was fetched and
    sent to the reader already: that group's read marks are dropped and the next poll
    reads the rest, each message once."""
    server = FakeServer()
    for i in range(5):
        server.append(request(i))
    stop = threading.Event()

    def stop_when_recorded(step: str) -> None:
        if step == "recorded":
            stop.set()

    desk, box = make_desk(isolated_settings(url), engine, server, checkpoint=stop_when_recorded)
    try:
        first = desk.poll_once(stop, full=True)
        assert (first.processed, first.moved) == (2, 2)
        assert [c[1] for c in box.calls if c[0] == "fetch_many"] == [(1, 2), (3, 4)]
        assert count(engine, ReadAttempt) == 0 and count(engine, Message) == 2
        stop.clear()
        desk.poller.checkpoint = lambda step: None
        rest = desk.poll_once(full=True)
    finally:
        desk.close()
    assert rest.processed == 3
    assert count(engine, Message) == 5 and count(engine, Case) == 5
    assert server.uids("INBOX") == [] and filed(server) == 5
