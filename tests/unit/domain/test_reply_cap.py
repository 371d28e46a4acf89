"""Replies stop at the daily cap and to suppressed addresses; the audit trail says so."""

from __future__ import annotations

from mailbot.domain.decide import decide
from mailbot.domain.decision import Audit, Reply
from mailbot.domain.enums import AuditAction, Template
from mailbot.domain.facts import Mailbox
from mailbot.domain.rules.reply_cap import allowed
from tests.unit.domain.factories import SENDER, facts, policy


def test_under_the_cap_a_reply_is_queued() -> None:
    decision = decide(facts(mailbox=Mailbox(SENDER, replies_today=4)), None, policy())
    assert decision.of(Reply) == [Reply(Template.ACKNOWLEDGEMENT)]


def test_at_the_cap_no_reply_and_the_audit_says_why() -> None:
    decision = decide(facts(mailbox=Mailbox(SENDER, replies_today=5)), None, policy())
    assert not decision.of(Reply)
    suppressed = [a for a in decision.of(Audit) if a.action == AuditAction.REPLY_SUPPRESSED]
    assert suppressed[0].detail["template"] == "acknowledgement"


def test_suppressed_address_gets_no_reply() -> None:
    ok, why = allowed(Mailbox(SENDER, suppressed=True), policy())
    assert not ok and why is not None and why.event == "reply_to_suppressed_address"


def test_no_sender_address_gets_no_reply() -> None:
    decision = decide(facts(sender="", mailbox=Mailbox("")), None, policy())
    assert not decision.of(Reply)
