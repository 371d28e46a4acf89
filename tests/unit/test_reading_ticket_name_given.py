"""The name the sender gives for the ticket is not asked for again: a quoted name after
"what we'd like on the ticket is", and a value after "Name to appear on the ticket"
set apart by a dash."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_quoted_name_the_ticket_is_to_carry() -> None:
    result = parse_message(
        mail(
            "Hello,\n\nI'm Nora Quist, constable for the Town of Elmfield. We'd like to "
            'start on e-tickets. What we want on the ticket is just "Elmfield Constable" '
            "if that works.\n\nAddress: 4 Mill Rd, Elmfield VT 05999\nJudiciary code 0977\n\n"
            "Officers:\nNora Quist, Constable, number 3301E, username nquist\n\n"
            "No logo, please leave it blank.\n\nThanks\nNora\n",
            sender="Nora Quist <elmfieldconstable@gmail.com>",
            subject="e tickets",
        )
    )
    assert result.agency.name == "Elmfield Constable"
    assert "agency.name" not in result.missing


def test_a_name_to_appear_on_the_ticket_after_a_dash() -> None:
    result = parse_message(
        mail(
            "Good morning,\n\nOur inspectors would like to issue complaints electronically.\n\n"
            "* Judiciary code \u2013 0955\n"
            "* Name to appear on the ticket \u2013 Vermont Board of Boat Safety\n"
            "* Address \u2013 12 Dock St, Burlington, VT 05401\n"
            "* Phone \u2013 802-555-0188\n\n"
            "Inspector Lena Marsh \u2013 LEO # B2201 \u2013 DPS username lmarsh\n\n"
            "Regards,\nLena Marsh\nChief Inspector\n",
            sender="Lena Marsh <lena.marsh@vermont.gov>",
            subject="e-ticket setup",
        )
    )
    assert result.agency.name == "Vermont Board of Boat Safety"
    assert "agency.name" not in result.missing
