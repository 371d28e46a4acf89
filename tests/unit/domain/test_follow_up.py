"""A reply in a case's thread is merged into the case, or held for staff."""

from __future__ import annotations

from mailbot.domain.decide import Route, decide, route
from mailbot.domain.decision import (
    Audit,
    Flag,
    HoldChanges,
    RecordRevisions,
    Reply,
    SetStatus,
    UpdateCase,
)
from mailbot.domain.enums import AuditAction, CaseFlag, CaseStatus, MessageOutcome
from mailbot.domain.facts import Trust
from tests.unit.domain.factories import case, enrolment, facts, policy, reading

INCOMPLETE = enrolment(agency={**enrolment()["agency"], "phone": None})


def test_answer_completing_the_case_moves_it_to_review_and_says_so() -> None:
    answer = reading({"agency": {"phone": "(802) 295-9425"}})
    decision = decide(facts(answer=answer), case(data=INCOMPLETE), policy())
    assert decision.outcome == MessageOutcome.PROCESSED
    assert decision.reason == "merged into ETK-0003"
    revisions = decision.of(RecordRevisions)[0].revisions
    assert [r.path for r in revisions] == ["agency.phone"]
    assert decision.of(SetStatus) == [SetStatus(CaseStatus.IN_REVIEW)]
    assert AuditAction.MERGED in [a.action for a in decision.of(Audit)]
    assert decision.of(Reply) == [Reply("complete")]


def test_answer_leaving_gaps_gets_the_checklist_again() -> None:
    answer = reading({"officers": [{"dps_username": "amy.l"}]})
    decision = decide(facts(answer=answer), case(data=INCOMPLETE), policy())
    assert decision.of(UpdateCase)[0].data.missing == ["agency.phone"]
    assert decision.of(Reply) == [Reply("checklist")]
    assert decision.of(SetStatus) == []


def test_follow_up_from_another_address_is_held_as_a_proposal() -> None:
    answer = reading({"agency": {"phone": "(802) 295-9425"}})
    decision = decide(facts(sender="x@else.gov", answer=answer), case(data=INCOMPLETE), policy())
    assert decision.outcome == MessageOutcome.REVIEW
    assert Flag(CaseFlag.UNEXPECTED_FOLLOW_UP) in decision.of(Flag)
    held = decision.of(HoldChanges)[0]
    assert held.kind == "follow_up" and held.detail["paths"] == ["agency.phone"]
    assert not decision.of(RecordRevisions) and not decision.of(Reply)


def test_unverified_follow_up_changes_nothing() -> None:
    trust = Trust(configured=True, verified=False, reason="dkim=fail")
    answer = reading({"agency": {"phone": "(802) 295-9425"}})
    decision = decide(facts(answer=answer, trust=trust), case(data=INCOMPLETE), policy())
    assert (
        decision.reason == "follow-up to ETK-0003 held for staff: sender not verified (dkim=fail)"
    )
    assert Flag(CaseFlag.UNVERIFIED_SENDER) in decision.of(Flag)


def test_contact_address_change_is_held_the_rest_applied() -> None:
    answer = reading(
        {"point_of_contact": {"email": "new@hartfordvt.gov"}, "agency": {"phone": "802-1"}}
    )
    decision = decide(facts(answer=answer), case(data=INCOMPLETE), policy())
    assert decision.outcome == MessageOutcome.REVIEW
    assert decision.of(HoldChanges)[0].kind == "contact_change"
    applied = decision.of(RecordRevisions)[0].revisions
    assert [r.path for r in applied] == ["agency.phone"]


def test_follow_up_to_a_closed_case_is_flagged_late() -> None:
    closed = case(status=CaseStatus.APPROVED)
    decision = decide(facts(), closed, policy())
    assert decision.reason == "follow-up to closed ETK-0003"
    assert decision.of(Flag) == [Flag(CaseFlag.LATE_FOLLOW_UP)]
    assert route(facts(), closed) == Route.SETTLED
    assert route(facts(), case()) == Route.FOLLOW_UP


def test_a_roster_changes_poc_address_from_its_own_text_is_not_a_known_sender() -> None:
    """On an enrolment the PoC address the request named may answer its checklist; on a
    roster change that address is only what the message said of itself: held for staff."""
    from mailbot.domain.enums import CaseKind

    answer = reading({"agency": {"phone": "(802) 295-9425"}})
    said = "poc@else.gov"
    enrolled = decide(
        facts(sender=said, answer=answer), case(data=INCOMPLETE, poc_email=said), policy()
    )
    assert Flag(CaseFlag.UNEXPECTED_FOLLOW_UP) not in enrolled.of(Flag)
    change = case(data=INCOMPLETE, poc_email=said, kind=CaseKind.OFFICER_MAINTENANCE)
    held = decide(facts(sender=said, answer=answer), change, policy())
    assert held.outcome == MessageOutcome.REVIEW
    assert Flag(CaseFlag.UNEXPECTED_FOLLOW_UP) in held.of(Flag)
    assert not held.of(RecordRevisions)
