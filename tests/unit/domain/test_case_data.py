"""Case data loads any stored row and writes back the same JSON."""

from __future__ import annotations

from mailbot.domain.case_data import CaseData


def test_old_row_round_trips_unchanged() -> None:
    row = {
        "intent": "enrollment",
        "agency": {"name": "Norwich PD", "phone": None},
        "officers": [{}, {"dps_username": "jhale"}],
        "missing": ["officers[0].last_name"],
        "notes": [{"message": 3, "text": "an attachment was skipped"}],
        "logo_info": {"sha256": "ab", "reason": None, "format": "PNG"},
        "kept_by_an_older_version": {"any": 1},
    }
    assert CaseData.load(row).stored() == row


def test_values_are_typed() -> None:
    data = CaseData.load({"agency": {"phone": 8026491460}, "invalid": []})
    assert data.agency.phone == "8026491460"
    assert data.complete
    assert not CaseData.load({"missing": ["agency.phone"]}).complete


def test_blocking_leaves_out_roster_change_rows() -> None:
    data = CaseData.load(
        {
            "invalid": [
                {"field": "changes[0].officer_number", "reason": "no such officer"},
                {"field": "agency.phone", "reason": "too short"},
            ]
        }
    )
    assert [p.field for p in data.blocking()] == ["agency.phone"]
