"""Conflicts of an enrolment request with the roster on file, and the officer numbers
and usernames requests mention (what the review queue loads before checking them)."""

from __future__ import annotations

from typing import Any

from mailbot.domain.roster import AgencyRef, OfficerRef
from mailbot.review.conflicts import (
    RosterIndex,
    enrollment_conflicts,
    mentioned,
    mentioned_in,
    officer_keys,
)

HARTFORD = AgencyRef(1, "0614", "Hartford Police Department", "poc@hartford.gov", None)


def _index() -> RosterIndex:
    index = RosterIndex(agencies={1: HARTFORD})
    index.add(OfficerRef(10, "HA014", "alussier", 1, "Lussier", "Amy", "Sergeant", "active"))
    return index


def _enrolment(*officers: Any, code: Any = "0700") -> dict[str, Any]:
    return {"agency": {"judiciary_code": code}, "officers": list(officers), "changes": []}


def test_officer_keys_normalize_each_row_and_keep_its_place() -> None:
    data = _enrolment(
        {"officer_number": " ha014 ", "dps_username": " ALussier "},
        "not a row",
        {"officer_number": 7, "dps_username": None},
        {"officer_number": "   ", "dps_username": "bkent"},
    )
    assert officer_keys(data) == [("HA014", "alussier"), ("", ""), ("7", ""), ("", "bkent")]
    assert officer_keys({"officers": {"officer_number": "HA014"}}) == []


def test_mentioned_covers_officers_and_changes_without_blanks() -> None:
    enrolment = _enrolment({"officer_number": "q1", "dps_username": "U1"}, {"last_name": "Doe"})
    changes = {
        "changes": [
            {"action": "update", "officer_number": " ha014", "title": "Lt"},
            {"action": "add", "officer_number": "N2", "dps_username": " New.User "},
            "not a change",
        ]
    }
    assert mentioned(enrolment) == ({"Q1"}, {"u1"})
    assert mentioned(changes) == ({"HA014", "N2"}, {"new.user"})
    both = mentioned_in([enrolment, changes], [officer_keys(enrolment), officer_keys(changes)])
    assert both == ({"Q1", "HA014", "N2"}, {"u1", "new.user"})
    assert mentioned_in([], []) == (set(), set())


def test_conflicts_name_the_row_whatever_the_keys_came_from() -> None:
    data = _enrolment(
        {"officer_number": "ha014", "dps_username": "new1"},
        "not a row",
        {"officer_number": "N2", "dps_username": "ALUSSIER"},
        {"officer_number": "N3", "dps_username": " new1 "},
        code="0614",
    )
    found = [(c.path, c.value) for c in enrollment_conflicts(data, _index())]
    assert found == [
        ("agency.judiciary_code", "0614"),
        ("officers[0].officer_number", "HA014"),
        ("officers[2].dps_username", "alussier"),
        ("officers[3].dps_username", "new1"),
    ]
    given = enrollment_conflicts(data, _index(), officer_keys(data))
    assert given == enrollment_conflicts(data, _index())
    assert given[-1].detail == "DPS username repeats officers[0]"
