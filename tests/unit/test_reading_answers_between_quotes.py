"""A reply that types its answers between the desk's quoted questions, with no note that
says so: each answer is read under its question, an answer naming the writer ("That
will be me") makes him the Point-of-Contact, and a roster row that names the writer is
still a row, not the start of his signature."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_DESK = """\
On 3/2/26 1:10 PM, DPS eTicket wrote:
> Hello,
>
> Before we can set up your agency record we still need the following:
>
> 1. Your agency's e-ticket Point of Contact (name and email address)
{contact}
> 2. Your agency's 4-digit Judiciary Code
{code}
> 3. For each officer: Last Name, First Name, Rank/Title, Officer Number, DPS username
{roster}
>
> Thank you,
>
> DPS e-Ticket Technical Staff
>
> On 3/1/26 9:00 AM, Nora Pike wrote:
>> Can you tell me what you need to sign Elmside PD up for e-tickets?
>>
>> Nora

--
Lt. Nora Pike
Elmside Police Department
npike@elmsidevt.test
"""

_ROSTER = """
Chief Owen Tarr      44E01   otarr
Lt. Nora Pike        44E02   npike
Ofc. Sam Yoder       44E07   syoder
"""


def _reply(contact: str = "\nNora Pike, npike@elmsidevt.test\n", code: str = "\n0977\n") -> bytes:
    body = _DESK.format(contact=contact, code=code, roster=_ROSTER)
    return mail(
        body,
        sender="Nora Pike <npike@elmsidevt.test>",
        subject="Re: Elmside PD e-tickets",
        in_reply_to="<desk-0302@vermont.gov>",
    )


def test_answers_between_the_desks_questions_need_no_note() -> None:
    result = parse_message(_reply())
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0977"
    assert result.point_of_contact.name == "Nora Pike"
    assert "point_of_contact.name" not in result.missing


def test_that_will_be_me_under_the_contact_question_names_the_writer() -> None:
    result = parse_message(_reply(contact="\nThat will be me, see signature.\n"))
    assert result.point_of_contact.name == "Nora Pike"
    assert result.point_of_contact.email == "npike@elmsidevt.test"
    assert "point_of_contact.email" not in result.missing


def test_a_roster_row_naming_the_writer_is_not_his_signature() -> None:
    result = parse_message(_reply())
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Tarr", "44E01", "otarr"),
        ("Pike", "44E02", "npike"),
        ("Yoder", "44E07", "syoder"),
    ]


def test_one_answer_between_quoted_lines_without_a_note_is_not_read_as_answers() -> None:
    """A single line typed into the quote is too little to say the reply answers there."""
    result = parse_message(_reply(contact="", code=""))
    assert result.agency.judiciary_code is None
