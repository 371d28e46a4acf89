"""Plain requests written as people write them: a constable who wants to start writing
e-tickets."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, subject: str = "e-tickets", sender: str = "Ann Roy <aroy@a.test>") -> Any:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_wanting_to_start_writing_e_tickets_is_an_enrolment() -> None:
    """ "would like to start writing e-tickets" asks for the agency's enrolment, as "start
    issuing" does: the constable, his own number, are read."""
    result = _read(
        "Hi,\nI am the town constable for Elmore and would like to start writing "
        "e-tickets. It is only me. My LEO number is EL007.\nWhat do you need?\n"
        "Ann Roy\nElmore Town Constable\n",
    )
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Ann Roy"
    assert [o.officer_number for o in result.officers] == ["EL007"]
