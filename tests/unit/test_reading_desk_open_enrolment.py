"""Replies to the desk's question on an enrolment it has not yet made into records ("The
judiciary code on your request is taken. Can you double-check it?", "Your list had no
usernames"): what answers it is part of that enrolment, whatever else it reads like on
its own (a corrected number, a retirement, a promotion). And the desk that restates a
roster change it waits on ("To add Officer ... we need his number") is that change."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail, roster_changes


def _reply(top: str, desk: str, *, subject: str, attachments=()) -> bytes:  # type: ignore[no-untyped-def]
    quoted = "\n".join(("> " + line).rstrip() for line in desk.splitlines())
    attribution = "On Tue, Nov 3, 2026 at 9:14 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:"
    return mail(
        f"{top}\n\n{attribution}\n{quoted}\n",
        sender="Ruth Blanchard <rblanchard@elmorevt.test>",
        subject=subject,
        in_reply_to="<desk-7@vermont.gov>",
        attachments=attachments,
    )


def test_a_correction_under_the_desks_question_on_the_code_is_the_enrolments() -> None:
    desk = (
        "Sgt. Blanchard,\n\nThe judiciary code on your request (0571) belongs to another "
        "agency. Can you check it?\n\nDPS eTicket"
    )
    top = (
        "Right, our code is 0517, not 0571.\n\nAlso, I swapped Officer Lund's number in "
        "my first email. It should be 7K311 (not 7K131).\n\nRuth Blanchard\nSergeant, "
        "Elmore Police Department"
    )
    result = parse_message(_reply(top, desk, subject="Re: Elmore TraCS request"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0517"
    assert [(o.last_name, o.officer_number) for o in result.officers] == [("Lund", "7K311")]
    assert result.changes == []


def test_a_roster_attached_under_the_desks_word_on_the_list_is_the_enrolments() -> None:
    desk = (
        "Hi Sgt. Blanchard,\n\nNearly there. Your list didn't include DPS usernames for "
        "anyone. A CSV with title, name, number and username would be ideal.\n\nDPS eTicket"
    )
    top = (
        "Hello,\n\nSgt. Ed Marsh retired last week, so he is off the list now. Updated "
        "CSV attached.\n\nRuth Blanchard\nSergeant, Elmore Police Department"
    )
    csv = (
        b"title,last_name,first_name,officer_number,dps_username\n"
        b"Sergeant,Blanchard,Ruth,7K302,rblanchard\nOfficer,Lund,Per,7K311,plund\n"
    )
    raw = _reply(
        top, desk, subject="Re: Elmore PD records", attachments=[("elmore.csv", csv, "text/csv")]
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["7K302", "7K311"]
    assert result.changes == []


def test_a_question_of_the_desk_on_records_made_leaves_a_roster_change() -> None:
    desk = (
        "Sgt. Blanchard,\n\nThe agency record (judiciary code 0517) and officer records "
        "have been created. Can you let us know if anything is wrong?\n\nDPS eTicket"
    )
    top = "Officer Per Lund (7K311) retired on Friday, please deactivate him.\n\nRuth"
    result = parse_message(_reply(top, desk, subject="Re: Elmore records created"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("deactivate", "7K311")]


def test_a_resent_list_under_the_desks_word_on_the_list_is_the_enrolments() -> None:
    desk = (
        "Hello,\n\nOfficer numbers must be 5 characters - some in your list had 4. Please "
        "resend.\n\nDPS eTicket"
    )
    top = "Corrected list:\n\nOfficer Per Lund 07311 plund\nSgt Carl Menge 73020 cmenge"
    result = parse_message(_reply(f"{top}\n\nElmore PD", desk, subject="RE: Elmore e-ticket"))
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["07311", "73020"]
    assert result.changes == []


def test_an_officer_line_keeps_its_number_beside_an_arrow_note() -> None:
    body = (
        "Elmore Police Department would like to enroll in e-ticketing.\n"
        "Judiciary code: 0517\n\nOfficers:\nOfficer Per Lund 07311 plund\n"
        "Sgt Ruth Blanchard 7302 rblanchard  <- that is what her card says, no other digit\n\n"
        "Chief Ann Orr"
    )
    result = parse_message(
        mail(body, sender="Ann Orr <aorr@elmorevt.test>", subject="Elmore PD e-tickets")
    )
    assert result.intent == "enrollment"
    got = [(o.last_name, o.officer_number, o.dps_username) for o in result.officers]
    assert got == [("Lund", "07311", "plund"), ("Blanchard", "7302", "rblanchard")]
    assert "officers[1].officer_number" in {i.field for i in result.invalid}
    assert "officers[1].officer_number" not in result.missing


def test_the_add_the_desk_restates_is_completed_by_the_reply() -> None:
    desk = (
        "Sgt. Blanchard,\nTo add Officer Nora Quist to Elmore PD in TraCS we need her "
        "5-character officer number and her DPS username.\nThanks,\nDPS eTicket"
    )
    top = (
        "Her number is 7K340 and her DPS login is nquist2 (there is already an nquist). "
        "Title should be Patrol Officer.\n\nRuth Blanchard"
    )
    changes = roster_changes(_reply(top, desk, subject="RE: New officer - Quist"))
    got = [c.model_dump(exclude_none=True) for c in changes]
    assert got == [
        {
            "action": "add",
            "officer_number": "7K340",
            "last_name": "Quist",
            "first_name": "Nora",
            "title": "Patrol Officer",
            "dps_username": "nquist2",
        }
    ]


def test_a_numbered_answer_gives_the_code_after_an_apology() -> None:
    desk = (
        "Chief Orr,\n\nA few questions:\n\n1. What is the judiciary code? We received "
        '"07331", which is five digits.\n2. Please confirm the agency name exactly as it '
        "should print.\n\nDPS eTicket"
    )
    top = "1. Oops, my typo - 0733\n2. Elmore Police Department\n\nRuth"
    result = parse_message(_reply(top, desk, subject="Re: Elmore PD e-ticket enrollment"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0733"
    assert "agency.judiciary_code" not in {i.field for i in result.invalid}
