"""Roster changes written as lists under headings of their own: each line one officer,
his cells split by dashes, last name first."""

from __future__ import annotations

from tests.reading_mail import by_number, mail, roster_changes


def test_a_dashed_list_line_with_the_last_name_first_names_its_officer() -> None:
    body = (
        "Hello,\n\nA few changes for Milton PD.\n\n"
        "NEW HIRES (please set up):\n"
        "  Okonkwo, Tariq - Officer - ML618 - tokonkwo\n"
        "  Brassard, Elise - Officer - ML619 - ebrassard\n\n"
        "PROMOTIONS:\n"
        "  Ofc. Wendell Sayer (ML402) to Corporal\n\n"
        "Thank you,\nLt. Joanna Pike\nMilton Police Department\n"
    )
    raw = mail(body, sender="jpike@miltonvt.test", subject="Milton PD TraCS changes")
    got = by_number(roster_changes(raw))
    assert got["ML618"] == {
        "action": "add",
        "officer_number": "ML618",
        "last_name": "Okonkwo",
        "first_name": "Tariq",
        "title": "Officer",
        "dps_username": "tokonkwo",
    }
    assert got["ML619"]["last_name"] == "Brassard"
    assert got["ML619"]["first_name"] == "Elise"
    assert got["ML402"]["action"] == "update"
