"""Pure case logic: references, merging replies into a case, the status machine."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from mailbot.cases import (
    CaseStatus,
    can_transition,
    find_reference,
    format_reference,
    is_blank,
    merge,
    provenance_update,
    status_after_check,
    transition,
)
from mailbot.errors import CaseError


def _request(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "intent": "enrollment",
        "sender": "chief@hartfordvt.gov",
        "automated": False,
        "agency": {
            "name": "Hartford Police Department",
            "judiciary_code": "0412",
            "address": None,
            "phone": "802-295-9425",
            "logo": None,
        },
        "point_of_contact": {"name": "Sam Poc", "email": None},
        "head_of_department": {"name": "R. Tanner", "title": "Chief"},
        "officers": [
            {
                "last_name": "Smith",
                "first_name": "John",
                "title": "Officer",
                "officer_number": "HP001",
                "dps_username": None,
            },
            {
                "last_name": "Doe",
                "first_name": "Jane",
                "title": "Sergeant",
                "officer_number": None,
                "dps_username": None,
            },
        ],
        "changes": [],
        "missing": ["agency.address", "officers.1.officer_number"],
        "invalid": [],
    }
    data.update(over)
    return data


# --- references -------------------------------------------------------------------


def test_reference_is_prefix_and_zero_padded_id() -> None:
    """Case 42 is shown to senders as ETK-0042; large ids keep all their digits."""
    assert format_reference("ETK", 42) == "ETK-0042"
    assert format_reference("etk", 123456) == "ETK-123456"


def test_reference_refuses_non_positive_id() -> None:
    """A case id of zero cannot become a reference (it would match nothing)."""
    with pytest.raises(ValueError):
        format_reference("ETK", 0)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: [ETK-0042] Missing information for your request", "ETK-0042"),
        ("RE: FW: etk-42 logo attached", "ETK-0042"),
        ("Re: ETK-0007 and [ETK-0042]", "ETK-0042"),
        ("Re: ETK-0007 then ETK-0042", "ETK-0007"),
        ("Re: XETK-0042", None),
        ("Re: ETK-0042A", None),
        ("Re: ETK-0000", None),
        ("Re: e-ticket enrolment", None),
        ("", None),
    ],
)
def test_find_reference_in_reply_subjects(subject: str, expected: str | None) -> None:
    """A reply's subject is tied to its case by the reference, bracketed or bare."""
    assert find_reference(subject, "ETK") == expected


def test_find_reference_uses_configured_prefix() -> None:
    """Another prefix is not mistaken for ours."""
    assert find_reference("Re: [ETK-0042]", "DPS") is None
    assert find_reference("Re: [DPS-0042]", "DPS") == "DPS-0042"


# --- merge --------------------------------------------------------------------------


def test_merge_fills_gaps_without_touching_inputs() -> None:
    """A reply that supplies the address fills the gap; the stored case is not mutated."""
    old = _request()
    snapshot = copy.deepcopy(old)
    reply = {"intent": "other", "agency": {"address": "812 VA Cutoff Rd, White River Jct VT"}}
    merged, revisions = merge(old, reply)
    assert merged["agency"]["address"] == "812 VA Cutoff Rd, White River Jct VT"
    assert merged["agency"]["name"] == "Hartford Police Department"
    assert merged["intent"] == "enrollment"
    assert old == snapshot
    assert [(r.path, r.old, r.replaced) for r in revisions] == [("agency.address", None, False)]


def test_merge_replaces_changed_value_and_records_revision() -> None:
    """A corrected phone number replaces the old one, and the old value is kept as history."""
    merged, revisions = merge(_request(), {"agency": {"phone": "802-295-0000"}})
    assert merged["agency"]["phone"] == "802-295-0000"
    assert len(revisions) == 1
    rev = revisions[0]
    assert (rev.path, rev.old, rev.new, rev.replaced) == (
        "agency.phone",
        "802-295-9425",
        "802-295-0000",
        True,
    )


def test_merge_blank_values_never_erase() -> None:
    """A reply that leaves a field empty does not wipe what the case already knows."""
    reply = {"agency": {"name": None, "phone": "  "}, "point_of_contact": {"name": ""}}
    merged, revisions = merge(_request(), reply)
    assert merged["agency"]["name"] == "Hartford Police Department"
    assert merged["agency"]["phone"] == "802-295-9425"
    assert merged["point_of_contact"]["name"] == "Sam Poc"
    assert revisions == []


@pytest.mark.parametrize("value", [None, "", " \t\n", {}, [], ()])
def test_blank_means_nothing_was_said(value: Any) -> None:
    """None, text of only spaces and an empty mapping or list say nothing."""
    assert is_blank(value)


@pytest.mark.parametrize("value", ["x", " 0 ", 0, False, {"phone": None}, [None]])
def test_a_zero_a_false_or_a_filled_container_is_a_value(value: Any) -> None:
    """0 and False are answers, and a container with something in it is not empty."""
    assert not is_blank(value)


def test_merge_empty_containers_never_erase() -> None:
    """A reply carrying an empty object or list where the case has a value keeps the
    case's value, like an empty text does."""
    case = _request()
    case["agency"]["logo"] = "logo.png"
    reply = {"agency": {"logo": {}, "phone": []}, "point_of_contact": {"name": []}}
    merged, revisions = merge(case, reply)
    assert merged["agency"]["logo"] == "logo.png"
    assert merged["agency"]["phone"] == "802-295-9425"
    assert merged["point_of_contact"]["name"] == "Sam Poc"
    assert revisions == []


def test_merge_keeps_first_sender_and_ignores_checklists() -> None:
    """The case keeps its original sender; missing/invalid lists are not merged but re-checked."""
    reply = {
        "sender": "poc@hartfordvt.gov",
        "missing": ["everything"],
        "invalid": [{"field": "agency.phone", "reason": "x"}],
    }
    merged, revisions = merge(_request(), reply)
    assert merged["sender"] == "chief@hartfordvt.gov"
    assert merged["missing"] == ["agency.address", "officers.1.officer_number"]
    assert merged["invalid"] == []
    assert revisions == []


def test_merge_partial_row_by_position() -> None:
    """A reply giving only 'row 2 username: jdoe' sets that officer's username and nothing else."""
    reply = {"officers": [{}, {"dps_username": "jdoe"}]}
    merged, revisions = merge(_request(), reply)
    assert len(merged["officers"]) == 2
    assert merged["officers"][1]["dps_username"] == "jdoe"
    assert merged["officers"][1]["last_name"] == "Doe"
    assert merged["officers"][0]["dps_username"] is None
    assert [r.path for r in revisions] == ["officers[1].dps_username"]


def test_merge_full_table_resend_matches_by_number_and_name() -> None:
    """A re-sent full table in another order updates each officer and adds the new one."""
    reply = {
        "officers": [
            {
                "last_name": "Nguyen",
                "first_name": "An",
                "title": "Officer",
                "officer_number": "HP003",
                "dps_username": "anguyen",
            },
            {
                "last_name": "Doe",
                "first_name": "Jane",
                "title": "Sergeant",
                "officer_number": "HP002",
                "dps_username": "jdoe",
            },
            {
                "last_name": "Smith",
                "first_name": "John",
                "title": "Corporal",
                "officer_number": "HP001",
                "dps_username": "jsmith",
            },
        ]
    }
    merged, revisions = merge(_request(), reply)
    officers = merged["officers"]
    assert [o["officer_number"] for o in officers] == ["HP001", "HP002", "HP003"]
    assert officers[0]["title"] == "Corporal"
    assert officers[0]["dps_username"] == "jsmith"
    assert officers[1]["dps_username"] == "jdoe"
    assert officers[2]["last_name"] == "Nguyen"
    replaced = [r for r in revisions if r.replaced]
    assert [(r.path, r.old, r.new) for r in replaced] == [
        ("officers[0].title", "Officer", "Corporal")
    ]


def test_merge_officer_number_correction_matched_by_name() -> None:
    """A corrected officer number for the same named officer replaces the old one, not a new row."""
    old = _request()
    old["officers"][0]["officer_number"] = "HP01"
    reply = {"officers": [{"last_name": "smith", "first_name": "JOHN", "officer_number": "HP001"}]}
    merged, revisions = merge(old, reply)
    assert len(merged["officers"]) == 2
    assert merged["officers"][0]["officer_number"] == "HP001"
    assert [(r.path, r.old) for r in revisions] == [("officers[0].officer_number", "HP01")]


def test_merge_different_officer_at_same_position_is_added() -> None:
    """A reply listing one other officer does not overwrite the first row: it is appended."""
    reply = {"officers": [{"last_name": "Brown", "first_name": "Al", "officer_number": "HP009"}]}
    merged, _ = merge(_request(), reply)
    assert [o["last_name"] for o in merged["officers"]] == ["Smith", "Doe", "Brown"]


def test_merge_changes_matched_by_action_and_number() -> None:
    """A follow-up to a maintenance request updates the matching change and adds new ones."""
    old = _request(
        intent="officer_maintenance",
        changes=[{"action": "update", "officer_number": "HP001", "title": "Corporal"}],
    )
    reply = {
        "changes": [
            {"action": "update", "officer_number": "HP001", "title": "Sergeant"},
            {"action": "deactivate", "officer_number": "HP002"},
        ]
    }
    merged, revisions = merge(old, reply)
    assert merged["changes"] == [
        {"action": "update", "officer_number": "HP001", "title": "Sergeant"},
        {"action": "deactivate", "officer_number": "HP002"},
    ]
    assert ("changes[0].title", "Corporal", "Sergeant") in [
        (r.path, r.old, r.new) for r in revisions
    ]


def test_merge_into_empty_case_lists_every_value() -> None:
    """Opening a case from a first message records where every known value came from."""
    merged, revisions = merge({}, _request())
    assert merged["agency"]["judiciary_code"] == "0412"
    paths = {r.path for r in revisions}
    assert {"agency.judiciary_code", "officers[0].officer_number", "officers[1].title"} <= paths
    assert "agency.address" not in paths
    provenance = provenance_update({}, revisions, 7)
    assert provenance["agency.judiciary_code"] == 7


def test_provenance_points_at_latest_message() -> None:
    """After a correction, the value's provenance names the reply it came from."""
    _, first = merge({}, _request())
    provenance = provenance_update({}, first, 1)
    _, second = merge(_request(), {"agency": {"phone": "802-000-0000"}})
    provenance = provenance_update(provenance, second, 2)
    assert provenance["agency.phone"] == 2
    assert provenance["agency.name"] == 1


# --- status machine -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("needs_info", "in_review"),
        ("in_review", "needs_info"),
        ("in_review", "approved"),
        ("in_review", "rejected"),
        ("needs_info", "failed"),
        ("approved", "failed"),
        ("failed", "in_review"),
    ],
)
def test_allowed_transitions(current: str, target: str) -> None:
    """The moves staff and the bot make are accepted."""
    assert can_transition(current, target)
    assert transition(current, target) == CaseStatus(target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("needs_info", "approved"),
        ("approved", "rejected"),
        ("rejected", "in_review"),
        ("approved", "needs_info"),
        ("in_review", "bogus"),
    ],
)
def test_illegal_transitions_are_refused(current: str, target: str) -> None:
    """An incomplete case cannot be approved, and a decided case cannot be reopened silently."""
    assert not can_transition(current, target)
    with pytest.raises(CaseError, match=f"from {current} to {target}"):
        transition(current, target)


def test_status_after_check() -> None:
    """A re-check sends a complete open case to review and an incomplete one back to the sender."""
    assert status_after_check("needs_info", complete=True) is CaseStatus.IN_REVIEW
    assert status_after_check("in_review", complete=False) is CaseStatus.NEEDS_INFO
    assert status_after_check("needs_info", complete=False) is CaseStatus.NEEDS_INFO
    with pytest.raises(CaseError, match="approved"):
        status_after_check("approved", complete=True)


def test_applying_some_revisions_of_a_merge_sets_only_those_values() -> None:
    """Revisions of a merge applied one by one give the merge's values, rows added at
    the end included; the ones left out stay as they were."""
    from mailbot.cases import apply_revisions, is_contact_change, merge

    old = {
        "agency": {"phone": "(802) 555-0100"},
        "point_of_contact": {"email": "chief@town.vt.us"},
        "officers": [{"officer_number": "AB001", "last_name": "Doe"}],
    }
    new = {
        "agency": {"phone": "(802) 555-0199"},
        "point_of_contact": {"email": "someone@evil.example"},
        "officers": [{"officer_number": "AB002", "last_name": "Roe", "first_name": "Ann"}],
    }
    merged, revisions = merge(old, new)
    assert apply_revisions(old, revisions) == merged
    contact = [r for r in revisions if is_contact_change(r)]
    assert [r.path for r in contact] == ["point_of_contact.email"]
    partial = apply_revisions(old, [r for r in revisions if not is_contact_change(r)])
    assert partial["point_of_contact"]["email"] == "chief@town.vt.us"
    assert partial["officers"][1]["last_name"] == "Roe"
    assert old["officers"] == [{"officer_number": "AB001", "last_name": "Doe"}]


def test_filling_a_missing_contact_address_is_not_a_contact_change() -> None:
    """Giving a PoC address where there was none fills a gap; replacing one is a change."""
    from mailbot.cases import is_contact_change, merge

    _, filled = merge(
        {"point_of_contact": {"email": None}}, {"point_of_contact": {"email": "a@b.gov"}}
    )
    assert [is_contact_change(r) for r in filled] == [False]
