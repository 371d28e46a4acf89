"""Sender verification and an unclear From decide whether a message may act alone."""

from __future__ import annotations

from mailbot.domain.decide import decide
from mailbot.domain.decision import Audit, Flag, OpenCase, Reply
from mailbot.domain.enums import AuditAction, CaseFlag, MessageOutcome
from mailbot.domain.facts import Reading, Trust
from mailbot.domain.rules.verification import strictest, unverified
from tests.unit.domain.factories import case, facts, policy

UNVERIFIED = Trust(configured=True, verified=False, reason="dmarc=fail")


def test_policy_applies_only_when_verification_is_possible_and_failed() -> None:
    assert unverified(UNVERIFIED, policy(), "roster_change") == "require"
    assert unverified(UNVERIFIED, policy(), "enrollment") == "flag"
    assert unverified(Trust(configured=False), policy(), "roster_change") is None
    assert unverified(Trust(True, True, "pass"), policy(), "roster_change") is None
    assert strictest(UNVERIFIED, policy(), "follow_up", "roster_change") == "require"


def test_unverified_enrolment_is_flagged_and_still_answered() -> None:
    decision = decide(facts(trust=UNVERIFIED), None, policy())
    opened = decision.of(OpenCase)[0]
    assert opened.flags == (CaseFlag.UNVERIFIED_SENDER,)
    assert decision.of(Reply)


def test_unverified_enrolment_under_require_is_held_unanswered() -> None:
    decision = decide(facts(trust=UNVERIFIED), None, policy(enrollment="require"))
    assert decision.outcome == MessageOutcome.REVIEW
    assert decision.reason == "opened {reference}: sender not verified (dmarc=fail); held for staff"
    assert AuditAction.HELD_UNVERIFIED in [a.action for a in decision.of(Audit)]
    assert not decision.of(Reply)


def test_unclear_from_opens_a_case_answered_to_nobody() -> None:
    decision = decide(facts(from_problem="several addresses"), None, policy())
    assert decision.outcome == MessageOutcome.REVIEW
    assert decision.of(OpenCase)[0].flags == (CaseFlag.AMBIGUOUS_SENDER,)
    assert not decision.of(Reply)


def test_unclear_from_in_a_thread_holds_the_follow_up() -> None:
    decision = decide(facts(from_problem="malformed"), case(), policy())
    assert decision.reason == "follow-up to ETK-0003 held: unclear sender (malformed)"
    assert decision.of(Flag) == [Flag(CaseFlag.AMBIGUOUS_SENDER)]
    assert decision.of(Audit)[0].action == AuditAction.FOLLOW_UP_HELD


def test_unclear_from_asking_nothing_is_left_for_staff() -> None:
    decision = decide(facts(from_problem="x", reading=Reading(intent="other")), None, policy())
    assert decision.reason == "unclear sender (x): left for staff" and not decision.steps
