"""An agency that asks to take part in e-tickets and sends its officers later is
enrolling; a printer question that says it asks for no record change is not."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_taking_part_with_officers_to_come_later_is_an_enrolment() -> None:
    result = parse_message(
        mail(
            "Good afternoon,\n\nGlenrock Police Department would like to take part in the "
            "e-ticket program. Sergeant Mia Farrow will be our point of contact, "
            "mfarrow@glenrockpd.org.\n\nOur tablets are not in yet, so I'll send the "
            "officer list and logo in a few weeks.\n\nThanks,\nPaul Dunn\nChief of Police\n",
            sender="Paul Dunn <pdunn@glenrockpd.org>",
            subject="E ticket",
        )
    )
    assert result.intent == "enrollment"


def test_a_printer_question_asking_no_record_change_is_other() -> None:
    result = parse_message(
        mail(
            "Hi,\n\nSince last week's update Officer Jo Kemp (G1207) cannot print from "
            "TraCS in car 5; the ticket saves but the printer shows an error.\n\nIs there "
            "a setting we should change, or do we reinstall the driver? We're not asking "
            "for any record changes, just help with this.\n\nThanks,\nSgt. Lou Park\n"
            "Glenrock Police Department\n",
            sender="Lou Park <lpark@glenrockpd.org>",
            subject="TraCS printing",
        )
    )
    assert result.intent == "other"
