"""Roster changes: only the agency's registered contact may ask; each change is
checked against the agency's roster."""

from __future__ import annotations

from typing import Any

from mailbot.domain.decide import decide
from mailbot.domain.decision import Flag, OpenCase, Reply, SetStatus, UpdateCase
from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus, MessageOutcome
from mailbot.domain.facts import RosterFacts, Trust
from mailbot.domain.roster import AgencyRef, OfficerRef, RosterIndex, authority
from tests.unit.domain.factories import SENDER, case, facts, policy, reading

HARTFORD = AgencyRef(1, "0614", "Hartford Police Department", SENDER, "chief@hartfordvt.gov")
NORWICH = AgencyRef(2, "0620", "Norwich Police Department", "poc@norwich.gov", None)


def _index() -> RosterIndex:
    index = RosterIndex(agencies={1: HARTFORD, 2: NORWICH})
    index.add(OfficerRef(10, "HA014", "alussier", 1, "Lussier", "Amy", "Sergeant", "active"))
    index.add(OfficerRef(11, "NO001", "bkent", 2, "Kent", "Bo", "Officer", "active"))
    return index


def _request(*changes: dict[str, Any]) -> dict[str, Any]:
    return {
        "intent": "officer_maintenance",
        "sender": SENDER,
        "agency": {"name": None, "judiciary_code": None},
        "changes": list(changes),
        "missing": [],
        "invalid": [],
    }


PROMOTE = {"action": "update", "officer_number": "HA014", "title": "Lieutenant"}


def test_authority_is_the_one_agency_with_that_contact() -> None:
    assert authority(SENDER.upper(), None, [HARTFORD, NORWICH]) == HARTFORD
    assert authority(SENDER, "0620", [HARTFORD]) is None
    assert authority("someone@else.gov", None, [HARTFORD]) is None
    twice = AgencyRef(3, "0700", "Other", SENDER, None)
    assert authority(SENDER, None, [HARTFORD, twice]) is None


def test_change_from_the_registered_poc_is_received() -> None:
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(reading=reading(_request(PROMOTE)), roster=roster), None, policy())
    assert decision.outcome == MessageOutcome.PROCESSED
    assert decision.of(OpenCase)[0].kind == CaseKind.OFFICER_MAINTENANCE
    update = decision.of(UpdateCase)[0]
    assert update.agency_code == "0614"
    assert update.data.agency.name == "Hartford Police Department"
    assert decision.of(Reply) == [Reply("maintenance_received")]


def test_change_from_an_unregistered_address_is_refused() -> None:
    decision = decide(
        facts(reading=reading(_request(PROMOTE)), roster=RosterFacts()), None, policy()
    )
    assert decision.outcome == MessageOutcome.REVIEW
    assert decision.reason == "roster change from an unregistered address"
    assert Flag(CaseFlag.NOT_AGENCY_CONTACT) in decision.of(Flag)
    assert decision.of(Reply) == [Reply("maintenance_refused")]


def test_officer_of_another_agency_goes_on_the_checklist() -> None:
    other = {"action": "deactivate", "officer_number": "NO001"}
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(reading=reading(_request(other)), roster=roster), None, policy())
    update = decision.of(UpdateCase)[0]
    assert update.data.invalid[0].field == "changes[0].officer_number"
    assert "another agency" in update.data.invalid[0].reason
    assert decision.of(SetStatus) == [SetStatus(CaseStatus.NEEDS_INFO)]
    assert decision.of(Reply) == [Reply("checklist")]


def test_unverified_roster_change_is_held_without_reply() -> None:
    unverified = Trust(configured=True, verified=False, reason="spf=fail")
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(
        facts(reading=reading(_request(PROMOTE)), roster=roster, trust=unverified), None, policy()
    )
    assert decision.outcome == MessageOutcome.REVIEW
    assert "roster change from an unverified sender (spf=fail)" in (decision.reason or "")
    assert not decision.of(Reply)


def test_follow_up_to_a_roster_case_is_checked_against_its_roster() -> None:
    open_case = case(kind=CaseKind.OFFICER_MAINTENANCE, data=_request(PROMOTE))
    answer = reading(_request({"action": "deactivate", "officer_number": "NO001"}))
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(answer=answer, roster=roster), open_case, policy())
    update = decision.of(UpdateCase)[0]
    assert [i.field for i in update.data.invalid] == ["changes[1].officer_number"]


def test_corrected_officer_number_goes_to_staff_not_back_to_the_poc() -> None:
    """ "Amy Lussier's number is HA041": no officer HA041 is on file, but the change
    names one officer of the agency, so the case waits for staff (a roster problem
    flag, the renumbering in its diff) and the PoC is not asked again."""
    fix = {"action": "update", "officer_number": "HA041", "last_name": "Lussier"}
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(reading=reading(_request(fix)), roster=roster), None, policy())
    assert decision.of(UpdateCase)[0].data.invalid == []
    assert Flag(CaseFlag.ROSTER_PROBLEM) in decision.of(Flag)
    assert decision.of(Reply) == [Reply("maintenance_received")]
    unknown = {"action": "update", "officer_number": "HA041", "last_name": "Mayo"}
    decision = decide(facts(reading=reading(_request(unknown)), roster=roster), None, policy())
    assert decision.of(UpdateCase)[0].data.invalid[0].reason == "no such officer"
    assert decision.of(Reply) == [Reply("checklist")]


def test_a_new_officer_with_a_malformed_number_or_username_goes_on_the_checklist() -> None:
    """A new hire given as "4471" (four characters) or with a username the format does not
    allow is asked back from the PoC, not stored as written on approval."""
    hire = {
        "action": "add",
        "officer_number": "4471",
        "last_name": "Roy",
        "first_name": "Ana",
        "title": "Officer",
        "dps_username": "a roy",
    }
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(reading=reading(_request(hire)), roster=roster), None, policy())
    update = decision.of(UpdateCase)[0]
    assert [p.field for p in update.data.invalid] == [
        "changes[0].officer_number",
        "changes[0].dps_username",
    ]
    assert decision.of(SetStatus) == [SetStatus(CaseStatus.NEEDS_INFO)]
    assert decision.of(Reply) == [Reply("checklist")]


def test_a_well_formed_new_officer_is_received() -> None:
    hire = {
        "action": "add",
        "officer_number": "HA101",
        "last_name": "Roy",
        "first_name": "Ana",
        "title": "Officer",
        "dps_username": "aroy",
    }
    roster = RosterFacts(HARTFORD, _index())
    decision = decide(facts(reading=reading(_request(hire)), roster=roster), None, policy())
    assert decision.of(UpdateCase)[0].data.invalid == []
    assert decision.of(Reply) == [Reply("maintenance_received")]
