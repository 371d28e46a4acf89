"""A request opens a case; the sender gets the acknowledgement or the checklist."""

from __future__ import annotations

from mailbot.domain.decide import Route, decide, route
from mailbot.domain.decision import Audit, Flag, OpenCase, Reply
from mailbot.domain.enums import AuditAction, CaseFlag, CaseKind, CaseStatus, MessageOutcome
from mailbot.domain.facts import Reading
from tests.unit.domain.factories import enrolment, facts, policy, reading


def test_complete_enrolment_opens_in_review_and_is_acknowledged() -> None:
    decision = decide(facts(), None, policy())
    assert decision.outcome == MessageOutcome.PROCESSED
    assert decision.reason == "opened {reference}"
    opened = decision.of(OpenCase)[0]
    assert (opened.kind, opened.status) == (CaseKind.ENROLLMENT, CaseStatus.IN_REVIEW)
    assert opened.data.notes == []
    assert decision.of(Audit)[0].action == AuditAction.RECEIVED
    assert decision.of(Reply) == [Reply("acknowledgement")]


def test_incomplete_enrolment_gets_the_checklist() -> None:
    data = enrolment(agency={"name": "Hartford Police Department"})
    decision = decide(facts(reading=reading(data)), None, policy())
    opened = decision.of(OpenCase)[0]
    assert opened.status == CaseStatus.NEEDS_INFO
    assert "agency.phone" in opened.data.missing
    assert decision.of(Reply) == [Reply("checklist")]


def test_notes_and_removed_control_characters_are_kept_on_the_case() -> None:
    decision = decide(
        facts(reading=reading(notes=("a part was skipped",), cleaned=2)), None, policy()
    )
    opened = decision.of(OpenCase)[0]
    assert [(n.message, n.text) for n in opened.data.notes] == [(7, "a part was skipped")]
    assert Flag(CaseFlag.CONTROL_CHARACTERS_REMOVED) in decision.of(Flag)


def test_mail_asking_nothing_is_left_for_staff() -> None:
    decision = decide(facts(reading=Reading(intent="other")), None, policy())
    assert decision.outcome == MessageOutcome.REVIEW
    assert decision.reason == "not a request: left for staff to read"


def test_route_asks_for_the_roster_only_for_new_requests() -> None:
    assert route(facts(), None) == Route.NEW_CASE
    assert route(facts(own=True), None) == Route.SETTLED
    assert route(facts(reading=Reading(intent="other")), None) == Route.SETTLED
