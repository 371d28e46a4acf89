"""A role word after a rank ("Inspector Supervisor") is part of the officer's title,
not of his first name."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_role_after_the_rank_is_part_of_the_title() -> None:
    result = parse_message(
        mail(
            "Good afternoon,\n\nThe Division of Boat Safety would like to begin issuing "
            "complaints electronically.\n\n* Judiciary code \u2013 0955\n"
            "* Agency name \u2013 Vermont Division of Boat Safety\n\n"
            "Inspectors to be set up:\n"
            "Inspector Supervisor Lena Marsh \u2013 LEO # B2201 \u2013 DPS username lmarsh\n"
            "Inspector Omar Reyes \u2013 LEO # B2215 \u2013 DPS username oreyes\n\n"
            "Regards,\nLena Marsh\n",
            sender="Lena Marsh <lena.marsh@vermont.gov>",
            subject="e-ticket setup",
        )
    )
    first = result.officers[0]
    assert (first.first_name, first.last_name) == ("Lena", "Marsh")
    assert first.title == "Inspector Supervisor"
