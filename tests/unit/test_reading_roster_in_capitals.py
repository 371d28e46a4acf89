"""Officers told in running text: a title written after the full name ("Raymond Tatro
Chief number W1187") is his title, not his surname; and a roster typed all in capitals
is read as a clerk would write it, each login as typed."""

from __future__ import annotations

from mailbot.intake.model import Officer
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_HEAD = (
    "Hello,\n\nGlenford Police Department would like to start e tickets. I will be the "
    "point of contact. Judiciary code 0755, 4 Mill Rd Glenford VT 05999, phone "
    "802-555-0142. Logo attached.\n\n"
)


def _officers(body: str) -> list[Officer]:
    result = parse_message(mail(body, sender="Ann Roy <aroy@glenfordvt.org>", subject="tickets"))
    return result.officers


def test_a_title_after_the_full_name_among_several_officers() -> None:
    officers = _officers(
        _HEAD + "The officers are Ann Roy Chief number G1187 username aroy and Officer "
        "Tom Hale number G2260 username thale.\n\nThanks\nAnn\n"
    )
    assert [(o.first_name, o.last_name, o.title, o.officer_number) for o in officers] == [
        ("Ann", "Roy", "Chief", "G1187"),
        ("Tom", "Hale", "Officer", "G2260"),
    ]


def test_a_roster_in_capitals_is_read_with_its_logins_as_typed() -> None:
    body = (
        _HEAD + "The officers are me Ann Roy Chief number G1187 username AROY and my "
        "part time officer Tom Hale number G2260 username THALE. Thats all of us.\n\n"
        "Thanks\nAnn\n"
    ).upper()
    officers = _officers(body)
    assert [o.model_dump() for o in officers] == [
        {
            "last_name": "Roy",
            "first_name": "Ann",
            "title": "Chief",
            "officer_number": "G1187",
            "dps_username": "AROY",
        },
        {
            "last_name": "Hale",
            "first_name": "Tom",
            "title": "Officer",
            "officer_number": "G2260",
            "dps_username": "THALE",
        },
    ]
