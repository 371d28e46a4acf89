"""Mail that asks for nothing though it names officers, a code or a change's words: a
question ahead of a later request, a question about an officer and a code from another
office, and a driver writing about the ticket he got."""

from __future__ import annotations

from typing import Any

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, subject: str, sender: str) -> Any:
    return parse_message(mail(body, sender=sender, subject=subject))


def test_a_question_before_requesting_new_officers_asks_for_nothing_yet() -> None:
    result = _read(
        "Hello,\n\nWe are adding two new officers next month, Ofc. Rhea Santangelo (LK041) "
        "and Ofc. Bram Eastwood (LK044). Before we request their accounts we want them "
        "trained. Is there a TraCS class they can attend in the spring?\n\n"
        "Thanks,\nLt. Ines Moravec\nLakeview Police Department\n",
        "TraCS class?",
        "Ines Moravec <imoravec@lakeview.test>",
    )
    assert result.intent == "other"
    assert result.changes == []


def test_a_question_about_an_officer_and_a_code_is_no_enrolment() -> None:
    result = _read(
        "Good afternoon,\n\nA citation from Deputy Lorne Pettibone, officer number LK208, "
        "reached our office with judiciary code 0517 on it. Is that the code his agency "
        "is set up with, and is he cleared to write e-tickets?\n\n"
        "Regards,\nMaeve Ostrander\nCounty Court Clerk\n12 Court Square, Lakeview, VT 05999\n"
        "802-555-0133\n",
        "Code question on a citation",
        "Maeve Ostrander <mostrander@court.test>",
    )
    assert result.intent == "other"
    assert result.officers == []


def test_a_driver_writing_about_his_ticket_asks_for_no_roster_change() -> None:
    result = _read(
        "hello, I got a ticket from officer Pettibone last week and the name on it is wrong, "
        "it says Jon but it's John. Also I want to dispute the ticket. Where do I send this?\n"
        "John Alvarado\n",
        "my ticket",
        "John Alvarado <jalvarado77@mail.test>",
    )
    assert result.intent == "other"
    assert result.changes == []


def test_a_roster_change_with_a_question_is_still_a_change() -> None:
    """An officer's promotion asked for, with a question on the way, stays a change."""
    result = _read(
        "Hi,\n\nSgt. Rhea Santangelo (LK041) was promoted to Lieutenant on 3/1. Please "
        "update her title. Do you need anything else from us?\n\n"
        "Thanks,\nChief Bram Eastwood\nLakeview Police Department\n",
        "Promotion",
        "Bram Eastwood <beastwood@lakeview.test>",
    )
    assert result.intent == "officer_maintenance"
