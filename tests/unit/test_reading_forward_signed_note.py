"""A request forwarded under a note that is long only by its writer's signature block
(phone numbers, a second address, a confidentiality notice): the note's length is what
its writer wrote above the sign-off, so the forwarded request is read, and the values
it lists (after a "------" rule of its own) are never asked for again. A forwarded
message the desk wrote stays history: its example rows are nobody's officers."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_NOTE = (
    "Good morning,\n\n"
    "Forwarding Chief Marsh's request below. Our logo and the roster are attached. I will "
    "be your point of contact for the project - reach me at this address or at the desk "
    "number below.\n\n"
    "Thank you,\n\n"
    "Sgt. Nora Pike | Dunmore Police Department\n"
    "12 Mill Street | P.O. Box 9 | Dunmore, VT 05999\n"
    "Desk (802) 555-0181 ext. 4 | Cell (802) 555-0182\n"
    "Non-emergency dispatch (County): (802) 555-0183\n"
    "This e-mail, including any attachments, may contain information that is confidential "
    "or protected by law. Any review, use, distribution or disclosure by anyone other than "
    "the intended recipient is prohibited.\n\n"
)

_CHIEF = (
    "From: Ben Marsh <bmarsh@dunmorevt.test>\n"
    "Sent: Wednesday, May 1, 2024 7:52 AM\n"
    "To: Nora Pike <npike@dunmorevt.test>\n"
    "Subject: e-ticket request for DPS\n\n"
    "Sgt. Pike,\n\n"
    "Please forward the following to DPS along with the logo and the roster.\n\n"
    "------\n\n"
    "Good morning,\n\n"
    "The Dunmore Police Department would like to start issuing Vermont Civil Violation "
    "Complaints electronically. I have designated Sergeant Nora Pike as the e-ticket "
    "Point-of-Contact for this law enforcement agency.\n\n"
    "Below, please find the necessary information to establish an Agency record:\n"
    "\u00b7    Judiciary code: 0917\n"
    "\u00b7    Name: Dunmore Police Department\n"
    "\u00b7    Address and phone: 12 Mill Street, Dunmore, VT 05999, (802) 555-0181\n\n"
    "Officers:\n"
    "Pike, Nora - Sergeant - DU004 - npike\n"
    "Lowe, Adam - Officer - DU009 - alowe\n\n"
    "Thank you,\n"
    "Ben Marsh\n"
    "Chief of Police\n"
)

_DESK = (
    "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
    "Sent: Tuesday, April 30, 2024 2:14 PM\n"
    "To: Nora Pike <npike@dunmorevt.test>\n"
    "Subject: e-ticket enrolment\n\n"
    "To enrol, send us your agency's details and a roster, one officer a line:\n"
    "Judiciary code: 0000\n"
    "Brown, Kevin - Officer - HA022 - kbrown\n\n"
    "Thank you,\n"
    "DPS e-Ticket Staff\n"
)


def _read(forwarded: str):
    return parse_message(
        mail(
            _NOTE + forwarded,
            sender="Nora Pike <npike@dunmorevt.test>",
            subject="FW: e-ticket request for DPS",
        )
    )


def test_the_request_under_a_long_signed_note_is_read() -> None:
    result = _read(_CHIEF)
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0917"
    assert result.head_of_department.name == "Ben Marsh"
    assert {o.officer_number for o in result.officers} == {"DU004", "DU009"}
    assert "agency.judiciary_code" not in result.missing


def test_the_desks_forwarded_message_gives_nothing() -> None:
    result = _read(_DESK)
    assert result.agency.judiciary_code != "0000"
    assert all(o.officer_number != "HA022" for o in result.officers)


def test_a_constable_who_says_so_and_signs_his_note_is_the_head_not_the_clerk_below() -> None:
    """ "I'm the elected constable" over "Ivo Kade / Constable, Town of Fernhill", above
    the town clerk's forwarded values signed "Ada Lune, Town Clerk": the head is the
    constable who sends the request, not the clerk who gathered its values."""
    body = (
        "Hello DPS,\n\nThe Town of Fernhill would like to sign up for electronic tickets. "
        "I'm the elected constable and I'll be the point of contact myself. Our town clerk "
        "pulled together the agency info, see her email below. Town seal is attached.\n\n"
        "Officers:\nKade, Ivo - Constable - LEO# FH273 - DPS username ikade\n"
        "Moss, Len - Deputy Constable - LEO# FH274 - DPS username lmoss\n\n"
        "Thanks\nIvo Kade\nConstable, Town of Fernhill\n802-555-0193\n\n"
        "Begin forwarded message:\n\n> From: Ada Lune <clerk@fernhillvt.test>\n"
        "> Subject: info for e-ticket\n> Date: October 28, 2025 at 2:12:09 PM EDT\n"
        "> To: Ivo Kade <constable@fernhillvt.test>\n>\n> Ivo,\n>\n"
        "> Here is what you asked for:\n>\n> Name for the ticket: Town of Fernhill Constable\n"
        "> Judiciary code: 0274\n> Mailing/street address: 14 Town Hall Road, Fernhill, VT "
        "05998\n> Town office phone: 802-555-3095\n>\n> Ada\n> Ada Lune, Town Clerk\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Ivo Kade <constable@fernhillvt.test>",
            subject="Fwd: info for e-ticket",
            attachments=[("fernhill seal.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")],
        )
    )
    assert result.head_of_department.name == "Ivo Kade"
    assert result.head_of_department.title == "Constable"


_PHONE_FORWARD = (
    "OK to send. Pls set us up. Ama is our point of contact.\n\n"
    "Chief R. Ostrowski\n\n"
    "Get Outlook for iOS<https://aka.ms/o0ukef>\n"
    "________________________________\n"
    "From: Ama Lindqvist <alindqvist@harrowvt.test>\n"
    "Sent: Monday, March 2, 2026 3:10:07 PM\n"
    "To: Roman Ostrowski <rostrowski@harrowvt.test>\n"
    "Subject: e-ticket paperwork for DPS\n\n"
    "Chief,\n\n"
    "Everything for the state is below; forward when ready.\n\n"
    "Judiciary code: 0719\n"
)


def test_a_forward_from_outlook_for_ios_is_unwrapped_under_the_phone_footer() -> None:
    """Outlook's phone app forwards with its footer, a line of underscores and a header
    block: the chief's note is the forward's note, the draft below it the request."""
    from mailbot.intake.quoting import split_message

    split = split_message(_PHONE_FORWARD, "Fw: e-ticket paperwork for DPS")
    assert split.forwarded
    assert split.note.startswith("OK to send.")
    assert "Judiciary code: 0719" in split.text
    # the same footer and header block under "RE:" is a reply: the old message is cut
    reply = split_message(_PHONE_FORWARD, "RE: e-ticket paperwork for DPS")
    assert not reply.forwarded and "0719" not in reply.text


def test_a_forwarding_chief_signing_with_his_first_initial_is_read_as_head() -> None:
    from mailbot.intake.forwards import note_head
    from mailbot.intake.rules import load_rules

    note = _PHONE_FORWARD.split("\n\nGet Outlook")[0]
    assert note_head(note, "Roman Ostrowski", load_rules()) == ("Roman Ostrowski", "Chief")
    # an initial that is not his is someone else's sign-off
    assert note_head(
        note.replace("R. Ostrowski", "T. Ostrowski"), "Roman Ostrowski", load_rules()
    ) != (
        "Roman Ostrowski",
        "Chief",
    )
