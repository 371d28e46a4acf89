"""Enrolment rosters written as blocks of "Heading: value" lines: blocks laid out side by
side are read one column after the other, and their label lines are no officers."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SIDE_BY_SIDE = (
    "Hello,\n\n"
    "The Brandon Police Department would like to start using e-tickets. Cpl. Dana\n"
    "Whitcomb will be our contact (dwhitcomb@brandonpd.test).\n\n"
    "Judiciary code: 0412\n"
    "Agency name: Brandon Police Department\n"
    "Address: 12 Park Street, Brandon, VT 05733\n"
    "Phone: 802-555-0142\n\n"
    "Our officers:\n\n"
    "  Last:       Whitcomb          Last:       Escobar-Lyle\n"
    "  First:      Dana              First:      Mateo\n"
    "  Title:      Corporal          Title:      Officer\n"
    "  Badge #:    BR07              Badge #:    BR19\n"
    "  Login:      dwhitcomb         Login:      mescobarlyle\n\n"
    "  Last:       Quimby\n"
    "  First:      Noreen\n"
    "  Title:      Officer\n"
    "  Badge #:    BR23\n"
    "  Login:      nquimby\n\n"
    "Regards,\n"
    "Harold Fenwick\n"
    "Chief of Police\n"
)


def test_officer_blocks_side_by_side_are_each_an_officer() -> None:
    raw = mail(_SIDE_BY_SIDE, sender="hfenwick@brandonpd.test", subject="E-ticket request")
    result = parse_message(raw)
    got = [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]
    assert got == [
        ("Whitcomb", "Dana", "Corporal", "BR07", "dwhitcomb"),
        ("Escobar-Lyle", "Mateo", "Officer", "BR19", "mescobarlyle"),
        ("Quimby", "Noreen", "Officer", "BR23", "nquimby"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]
