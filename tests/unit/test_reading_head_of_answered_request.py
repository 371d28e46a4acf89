"""A short reply to the desk on an enrolment, signed by someone who is not the head:
the head is the one whose request it answers for, as the reply says ("Everything else
was in Chief Orr's original email") or as the desk's quoted answer greets him."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _reply(top: str, desk: str) -> bytes:
    quoted = "\n".join(("> " + line).rstrip() for line in desk.splitlines())
    attribution = "> On Nov 19, 2026, at 2:12 PM, DPS eTicket <dps.eTicket@vermont.gov> wrote:"
    return mail(
        f"{top}\n\n{attribution}\n{quoted}\n",
        sender="Ruth Blanchard <rblanchard@elmorevt.test>",
        subject="Re: Elmore PD e-ticket",
        in_reply_to="<desk-9@vermont.gov>",
    )


def test_the_head_the_desk_greets_is_the_head_of_the_request_answered() -> None:
    desk = (
        "Sheriff Quill,\nYour request for Elmore County Sheriff's Department is nearly "
        "complete. The roster line for Deputy Lund has no VT LEO number or DPS username. "
        "Can you send his full line?"
    )
    result = parse_message(
        _reply("Here it is:\n\nLund | Per | Deputy | 7K311 | plund\n\nRuth", desk)
    )
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Quill"
    assert result.head_of_department.title == "Sheriff"


def test_the_head_whose_email_the_reply_points_to_is_the_head() -> None:
    desk = "Sgt. Blanchard,\nWhat is Officer Lund's DPS username?\nDPS eTicket"
    top = (
        "His username is plund. Everything else was in Chief Orr's original email: Elmore "
        "Police Department, judiciary code 0517, 12 Main St, Elmore, VT 05657, "
        "802-555-0140.\n\nRuth Blanchard\nSergeant, Elmore Police Department"
    )
    result = parse_message(_reply(top, desk))
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Orr"
    assert result.head_of_department.title == "Chief"


def test_any_greeting_of_the_rules_opens_the_desks_line_to_the_head() -> None:
    desk = (
        "Good evening Sheriff Quill:\nYour request for Elmore County Sheriff's Department is "
        "nearly complete. The roster line for Deputy Lund has no VT LEO number or DPS "
        "username. Can you send his full line?"
    )
    result = parse_message(
        _reply("Here it is:\n\nLund | Per | Deputy | 7K311 | plund\n\nRuth", desk)
    )
    assert result.head_of_department.name == "Quill"
    assert result.head_of_department.title == "Sheriff"
