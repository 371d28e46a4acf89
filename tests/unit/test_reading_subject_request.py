"""A roster change asked in the subject line: the body only points to it ("see subject"),
or the subject gives the officer number the body's request leaves out."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Lt. Mara Quist <mquist@eastwickvt.test>"


def test_a_switch_off_asked_in_the_subject_under_a_body_that_points_to_it() -> None:
    result = parse_message(
        mail(
            "per subject line - she moved out of state last week. thanks\n\nMara\n",
            sender=_SENDER,
            subject="Deactivate Ofc. Lena Brisco (4K217) - resigned",
        )
    )
    assert result.intent == "officer_maintenance"
    [change] = [c.model_dump(exclude_none=True) for c in result.changes]
    assert change["action"] == "deactivate"
    assert change["officer_number"] == "4K217"
    assert change["last_name"] == "Brisco"
    assert "dps_username" not in change  # "resigned" is why, not her login


def test_the_number_the_subject_gives_completes_the_add_the_body_asks() -> None:
    result = parse_message(
        mail(
            "Could you please add our new hire Ofc. Rowan Tisdale to TraCS. He started "
            "Tuesday.\n\nthx\nMara\n",
            sender=_SENDER,
            subject="Add Ofc Tisdale 6W802 - Eastwick",
        )
    )
    assert result.intent == "officer_maintenance"
    [change] = result.changes
    assert change.action == "add"
    assert change.officer_number == "6W802"


def test_a_question_under_a_subject_naming_an_officer_asks_for_no_change() -> None:
    result = parse_message(
        mail(
            "Is there a form we should fill out for this? Who do I ask?\n\nMara\n",
            sender=_SENDER,
            subject="Ofc. Lena Brisco 4K217",
        )
    )
    assert result.intent == "other"
