"""A reply on an open case is read against its case by the desk's reader: when that
reading fails (a time-out, a crash: a reason instead of an answer), the reply is
quarantined with the reason, its case is left as it was, and the desk goes on.

The desk runs on a fake mailbox (tests/fakes.py) and a real SQLite database, with the
intake in process and a fake answer function; the isolated reader is tested in
tests/unit/test_reader.py and, on real servers, in tests/integration/test_followups.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mailbot.config import Settings
from mailbot.errors import MessageError
from mailbot.intake.limits import Limits
from mailbot.reader import (
    Answer,
    AnswerRequest,
    InProcessReader,
    ReaderUnavailable,
    answer_in_process,
)
from mailbot.service import Desk, limits_of
from mailbot.store import db
from mailbot.store.models import Case, Message, MessageOutcome
from tests import faults
from tests.fakes import FakeClock, FakeMailbox, FakeMailer, FakeServer
from tests.integration.desk_helpers import answer, incomplete_request

REASON = "reading this reply against its case took longer than 20 s"

REPLY = (
    "Here is what was missing.\n\nPhone: 802-649-1460\n\n"
    "Last Name | First Name | Rank/Title | Officer Number | DPS Username\n"
    "Hale | Jordan | Officer | NW002 | jhale\n"
)


class FailingAnswers:
    """Reads replies against their cases as the desk does, except that a poisoned
    reply gets :data:`REASON` while ``failing`` is set; counts the replies asked."""

    def __init__(self, unavailable: bool = False) -> None:
        self.failing = True
        self.unavailable = unavailable  # no reader process could be started instead
        self.asked: list[AnswerRequest] = []

    def __call__(
        self, request: AnswerRequest, limits: Limits, rules_dir: Path | None, loop_header: str
    ) -> Answer:
        self.asked.append(request)
        if self.failing and faults.is_poisoned_reply(request):
            if self.unavailable:
                raise ReaderUnavailable("cannot start the message reader process: no memory")
            return REASON
        return answer_in_process(request, limits, rules_dir, loop_header)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'mailbot.db'}"
    db.upgrade(url)
    eng = db.make_engine(url)
    yield eng
    eng.dispose()


def make_desk(engine: Engine, answers: FailingAnswers) -> tuple[Desk, FakeServer, FakeMailer]:
    settings = Settings(
        database={"url": str(engine.url)},
        bot={"message_id_domain": "desk.test"},
        limits={"read_timeout_seconds": 0},
    )
    reader = InProcessReader(limits_of(settings), None, settings.bot.loop_header, answer=answers)
    server, mailer = FakeServer(), FakeMailer()
    desk = Desk(settings, engine, FakeMailbox(server), mailer, FakeClock(), reader=reader)
    return desk, server, mailer


def other_request() -> bytes:
    return incomplete_request("<other-1@hartford.test>").replace(
        b"<dmorse@norwich.test>", b"<chief@hartford.test>"
    )


def cases(engine: Engine) -> dict[str, dict[str, Any]]:
    with db.transaction(engine) as s:
        return {
            c.sender: {"status": str(c.status), "data": dict(c.data)}
            for c in s.scalars(select(Case))
        }


def ledger_row(engine: Engine, message_id: str) -> tuple[MessageOutcome, str | None, int]:
    with db.transaction(engine) as s:
        row = s.scalars(select(Message).where(Message.message_id == message_id)).one()
        return row.outcome, row.reason, row.id


def test_reply_whose_answer_fails_is_quarantined_and_the_next_message_processed(
    engine: Engine,
) -> None:
    answers = FailingAnswers()
    desk, server, mailer = make_desk(engine, answers)
    server.append(incomplete_request())
    desk.cycle()
    [(_, _, checklist)] = mailer.sent
    before = cases(engine)

    server.append(faults.poisoned(answer(checklist, REPLY)))
    server.append(other_request())
    polled, _ = desk.cycle()

    assert (polled.quarantined, polled.processed) == (1, 1)
    assert len(answers.asked) == 1  # the reply was read against its case, by the reader
    outcome, reason, _ = ledger_row(engine, "<answer-1@norwich.test>")
    assert (outcome, reason) == (MessageOutcome.QUARANTINED, REASON)
    assert len(server.uids("Quarantine")) == 1
    after = cases(engine)
    assert after["dmorse@norwich.test"] == before["dmorse@norwich.test"]
    assert after["dmorse@norwich.test"]["status"] == "needs_info"
    assert after["chief@hartford.test"]["status"] == "needs_info"  # the next one: a case
    assert len(mailer.sent) == 2  # its checklist; nothing to the reply's sender


def test_quarantined_reply_is_read_against_its_case_when_reprocessed(engine: Engine) -> None:
    """``mailbot reprocess`` reads the reply against its case with the same reader: still
    failing, the message stays quarantined with the reason; once it reads, the case
    takes the answer."""
    answers = FailingAnswers()
    desk, server, mailer = make_desk(engine, answers)
    server.append(incomplete_request())
    desk.cycle()
    server.append(faults.poisoned(answer(mailer.sent[0][2], REPLY)))
    desk.cycle()
    _, _, ledger_id = ledger_row(engine, "<answer-1@norwich.test>")

    with pytest.raises(MessageError, match=f"message #{ledger_id} is still unreadable: "):
        desk.reprocess(ledger_id)
    assert ledger_row(engine, "<answer-1@norwich.test>")[:2] == (
        MessageOutcome.QUARANTINED,
        REASON,
    )

    answers.failing = False
    outcome, _ = desk.reprocess(ledger_id)
    assert outcome == MessageOutcome.PROCESSED
    case = cases(engine)["dmorse@norwich.test"]
    assert case["data"]["agency"]["phone"] == "(802) 649-1460"
    assert case["data"]["officers"][1]["dps_username"] == "jhale"


def test_reply_is_not_blamed_when_no_reader_can_be_started(engine: Engine) -> None:
    """When the reader process cannot be started for the reply (not the reply's fault),
    the poll fails, nothing of it is recorded, and the next poll handles the reply."""
    answers = FailingAnswers(unavailable=True)
    desk, server, mailer = make_desk(engine, answers)
    server.append(incomplete_request())
    desk.cycle()
    server.append(faults.poisoned(answer(mailer.sent[0][2], REPLY)))
    with pytest.raises(ReaderUnavailable):
        desk.poll_once()
    assert server.uids("INBOX") == [2] and server.uids("Quarantine") == []
    with db.transaction(engine) as s:
        assert s.scalars(select(Message).where(Message.uid == 2)).first() is None

    answers.failing = False
    assert desk.poll_once().processed == 1
    case = cases(engine)["dmorse@norwich.test"]
    assert case["data"]["officers"][1]["dps_username"] == "jhale"
