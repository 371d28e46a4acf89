"""The head named between commas after his title, who is away and so asked the writer to
send the request ("Our Public Safety Director, Ron Roe, is out on leave this month so he
asked me to send this in"): he is the head, not the town official who signs."""

from __future__ import annotations

import pytest

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_REST = (
    "Point of contact will be our admin, Tara Gale - tgale@elmfordvt.gov.\n\n"
    "Judiciary code 0588\nElmford Public Safety Department, 12 Mill Street, Elmford, VT 05999\n"
    "802-555-0131\n\nOfficers:\n1. Ofc. Paul Dubuc, 21110, pdubuc\n"
    "2. Sgt. Nora Whitlock, 21123, nwhitlock\n\nThanks,\nGail Brunelle\n"
    "Town Manager, Town of Elmford\n802-555-0100\n"
)


@pytest.mark.parametrize(
    ("said", "title"),
    [
        (
            "Our Public Safety Director, Ron Delorme, is out on leave this month so he",
            "Public Safety Director",
        ),
        (
            "Our Chief of Police, Ron Delorme, is away at training this week, so he",
            "Chief of Police",
        ),
    ],
)
def test_the_head_away_who_asked_the_writer_to_send(said: str, title: str) -> None:
    body = (
        "Hello,\n\nThe Town of Elmford would like to participate in e-ticketing. "
        f"{said} asked me to send this in. He has approved it.\n\n" + _REST
    )
    got = parse_message(
        mail(body, sender="Gail Brunelle <townmanager@elmfordvt.gov>", subject="e-ticket")
    )
    assert got.head_of_department.name == "Ron Delorme"
    assert got.head_of_department.title == title


def test_a_chief_constable_who_asked_the_clerk_to_send() -> None:
    body = (
        "Good morning, Chief Constable Ron Delorme asked me to send in our request to sign "
        "up the Town of Elmford Constables for e tickets. I will be the contact person "
        "(Gail Brunelle, this email). Our court code is 0588. Town offices 12 Mill St, "
        "Elmford VT 05999, 802-555-0131.\nThe two constables are Ron Delorme (LEO EF021) "
        "and Paul Dubuc (LEO EF034).\n\nGail Brunelle\nElmford Town Clerk\n"
    )
    got = parse_message(
        mail(body, sender="Town Clerk Elmford <townclerk@elmfordvt.us>", subject="eticket")
    )
    assert got.head_of_department.name == "Ron Delorme"
    assert got.head_of_department.title == "Chief Constable"
