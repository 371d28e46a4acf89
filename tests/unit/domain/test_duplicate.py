"""A copy of a message seen before is a duplicate; a reused Message-ID is not."""

from __future__ import annotations

from mailbot.domain.decide import decide
from mailbot.domain.decision import Log, OpenCase
from mailbot.domain.enums import MessageOutcome
from mailbot.domain.facts import EarlierMessage
from tests.unit.domain.factories import facts, policy


def test_same_bytes_is_a_duplicate_of_that_message() -> None:
    earlier = (EarlierMessage(4, 9, same_bytes=True),)
    decision = decide(facts(earlier=earlier), None, policy())
    assert decision.outcome == MessageOutcome.DUPLICATE
    assert decision.reason == "same message as ledger #4" and decision.case_id == 9


def test_same_message_id_sender_and_body_is_a_duplicate() -> None:
    earlier = (EarlierMessage(4, None, same_sender=True, same_body=True),)
    assert decide(facts(earlier=earlier), None, policy()).outcome == MessageOutcome.DUPLICATE


def test_reused_message_id_with_another_body_is_read_and_logged() -> None:
    earlier = (EarlierMessage(4, None, same_sender=True, same_body=False),)
    decision = decide(facts(earlier=earlier), None, policy())
    assert decision.outcome == MessageOutcome.PROCESSED
    assert decision.of(OpenCase)
    assert decision.of(Log)[0] == Log("message_id_reused", "warning", {"ledger_id": 4})


def test_another_sender_reusing_a_message_id_is_not_a_duplicate() -> None:
    earlier = (EarlierMessage(4, None, same_sender=False, same_body=True),)
    assert decide(facts(earlier=earlier), None, policy()).outcome != MessageOutcome.DUPLICATE
