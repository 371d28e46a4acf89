"""A sentence giving each officer his record in brackets after his name: the writer's
own ("myself (Ann Roy, Chief, number G4401, username aroy)"), one named by rank and
surname with his first name in the brackets ("Sgt. Hale (Tom, G4415, thale)") and one
named in full ("Officer Kim Ward (G4438, kward)") are all read."""

from __future__ import annotations

from mailbot.intake.bracket_records import bracketed_records
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail

_ROSTER = (
    "For officers, there is myself (Ann Roy, Chief, number G4401, username aroy), "
    "Sgt. Hale (Tom, G4415, thale) and Officer Kim Ward (G4438, kward)."
)


def test_each_bracket_is_one_officers_record() -> None:
    body = (
        "Hello,\n\nGlenford Police Department would like to start e tickets. I will be "
        "the point of contact. Judiciary code 0755, 4 Mill Rd Glenford VT 05999, phone "
        f"802-555-0142. Logo attached.\n\n{_ROSTER}\n\nThanks\nAnn\n"
    )
    result = parse_message(mail(body, sender="Ann Roy <aroy@glenfordvt.org>", subject="tickets"))
    assert [o.model_dump() for o in result.officers] == [
        {
            "last_name": "Roy",
            "first_name": "Ann",
            "title": "Chief",
            "officer_number": "G4401",
            "dps_username": "aroy",
        },
        {
            "last_name": "Hale",
            "first_name": "Tom",
            "title": "Sergeant",
            "officer_number": "G4415",
            "dps_username": "thale",
        },
        {
            "last_name": "Ward",
            "first_name": "Kim",
            "title": "Officer",
            "officer_number": "G4438",
            "dps_username": "kward",
        },
    ]


def test_a_bracket_that_is_no_record_reads_no_officers() -> None:
    said = "Sgt. Hale (Tom, G4415, thale) and Officer Kim Ward (G4438, on leave since 2021)."
    assert bracketed_records(said, load_rules()) == []
