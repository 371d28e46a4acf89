"""Volume and mailbox-identity scenarios: a large backlog, a recreated folder."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from mailbot.store import db
from mailbot.store.models import Case, Message
from tests.integration.desk_helpers import DESK, SAMPLE, make_desk, make_settings

pytestmark = pytest.mark.integration


def enrolment(i: int) -> bytes:
    m = EmailMessage()
    m["From"] = f"Chief {i} <chief{i}@town{i}.test>"
    m["To"] = DESK
    m["Subject"] = f"Town {i} Police Department e-ticket enrolment"
    m["Message-ID"] = f"<backlog-{i}@town{i}.test>"
    m.set_content(
        f"Town {i} Police Department would like to start issuing tickets electronically.\n"
        f"I have designated Chief {i} as the e-ticket Point-of-Contact (chief{i}@town{i}.test).\n\n"
        f"Judiciary Code: {i:04d}\nAgency Name: Town {i} Police Department\n"
        f"Address: {i} Main Street, Town, VT 05001\nPhone: (802) 555-{i:04d}\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        f"Smith\tJohn\tOfficer\tT{i:04d}\tjsmith{i}\n\nThank you,\nChief {i}\nChief of Police\n"
    )
    return bytes(m)


def scalar(engine: Engine, query: Any) -> int:
    with db.transaction(engine) as s:
        return int(s.scalar(query) or 0)


BACKLOG = 200
BATCH = 10


def test_backlog_many_batches_deep_each_processed_once(
    imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """A backlog twenty times the poll's batch size is read in full: one ledger row,
    one case and one reply per message, and the inbox is empty afterwards."""
    db.upgrade(sqlite_url)
    engine = db.make_engine(sqlite_url)
    with imap_account.client() as client:
        for i in range(BACKLOG):
            client.append("INBOX", enrolment(i))
    settings = make_settings(imap_account, smtp_sink, sqlite_url)
    settings.poll.batch_size = BATCH
    desk = make_desk(settings, engine)
    total = 0
    for _ in range(5):
        polled, _ = desk.cycle()
        total += polled.seen
        if polled.seen == 0:
            break
    while desk.deliver_due(limit=BACKLOG // 2).sent:
        pass
    assert total == BACKLOG
    assert scalar(engine, select(func.count()).select_from(Message)) == BACKLOG
    assert scalar(engine, select(func.count()).select_from(Case)) == BACKLOG
    assert scalar(engine, select(func.count(func.distinct(Message.uid)))) == BACKLOG
    assert len(smtp_sink.messages) == BACKLOG
    assert imap_account.uids("INBOX") == []
    assert len(imap_account.uids("Processed")) == BACKLOG
    engine.dispose()


def test_recreated_folder_new_uidvalidity_falls_back_to_ledger(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """When the folder is recreated (new UIDVALIDITY), old UIDs are not trusted: a
    message seen before is recognised by its content, a new one is processed."""
    settings = make_settings(imap_account, smtp_sink)
    settings.mailbox.folder = "Intake"
    with imap_account.client() as client:
        client.create_folder("Intake")
    imap_account.append(SAMPLE.read_bytes(), "Intake")
    desk = make_desk(settings, engine)
    desk.cycle()
    with imap_account.client() as client:
        client.delete_folder("Intake")
        client.create_folder("Intake")
    imap_account.append(SAMPLE.read_bytes(), "Intake")  # gets UID 1 again
    imap_account.append(enrolment(7), "Intake")
    polled, _ = desk.cycle()
    assert polled.duplicates == 1
    assert scalar(engine, select(func.count()).select_from(Case)) == 2
    assert len(smtp_sink.messages) == 2
    assert imap_account.uids("Intake") == []
