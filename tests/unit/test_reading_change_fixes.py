"""Roster changes that fix what a record (or the sender's own request) has wrong: a
number corrected against the desk's list, a first name printed short, a title
corrected in a reply, a change table naming each officer as he is now, a personnel
notice giving the name she had before, a reply filling in the desk's labelled
questions."""

from __future__ import annotations

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Dana Whitcomb <dwhitcomb@elmfieldvt.test>"
_DESK = "DPS eTicket <dps.eTicket@vermont.gov>"


def _mail(body: str, subject: str, reply: bool = False, sender: str = _SENDER) -> bytes:
    return mail(
        body,
        sender=sender,
        subject=subject,
        in_reply_to="<earlier@elmfieldvt.test>" if reply else None,
    )


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def _one(changes: list[Change], number: str) -> dict[str, object]:
    found = [c for c in changes if c.officer_number == number]
    assert len(found) == 1, changes
    return found[0].model_dump(exclude_none=True)


def test_a_number_fixed_against_the_desks_list_takes_the_first_name_listed() -> None:
    """ "Officer Pruitt's number ... should be 31507, not 31570" under the desk's
    "Pruitt, Gemma - Officer - 31570 - gpruitt": her record, her first name."""
    body = (
        "Apologies -- I mistyped Officer Pruitt's number on the list I sent. It should "
        "be 31507, not 31570. Can you fix that in her record?\n\nDana\n\n"
        f"From: {_DESK}\nSent: Monday, March 2, 2026 3:40 PM\nTo: {_SENDER}\n"
        "Subject: TraCS records created - Elmfield PD\n\nDana,\n\n"
        "The following officer records have been created:\n\n"
        "  Pruitt, Gemma - Officer - 31570 - gpruitt\n"
        "  Soule, Aaron - Officer - 31588 - asoule\n\n"
        "DPS e-Ticket Technical Staff\n"
    )
    result = parse_message(_mail(body, "RE: TraCS records created - Elmfield PD", reply=True))
    change = _one(result.changes, "31507")
    assert change["action"] == "update"
    assert change["last_name"] == "Pruitt"
    assert change["first_name"] == "Gemma"


def test_a_first_name_printed_short_and_an_accent_dropped_are_an_update() -> None:
    """ "is printing his first name as "Ben" - it's actually "Benedict" ... the last
    name should have the accent dropped, just BELISLE"; "Username is fine (...)" gives
    no username "fine"."""
    body = (
        'Hi,\n\nThe ticket for Officer Ben Bélisle is printing his first name as "Ben" - '
        'it\'s actually "Benedict", and the last name should have the accent dropped, '
        "just BELISLE. His number is 07731. Username is fine (bbelisle).\n\n"
        "Thanks,\nDana Whitcomb\nElmfield Police Department\n"
    )
    result = parse_message(_mail(body, "Name on tickets"))
    change = _one(result.changes, "07731")
    assert change["action"] == "update"
    assert change["first_name"] == "Benedict"
    assert str(change["last_name"]).casefold() == "belisle"
    assert change.get("dps_username") in (None, "bbelisle")


def test_a_reply_correcting_the_title_of_its_own_request_gives_the_new_title() -> None:
    """ "promoted to Lieutenant, not Sergeant" under the own request "update his title
    to Sergeant": the reply's title."""
    request = (
        "Hi, please update Owen Karp's title to Sergeant, effective today. His VT LEO "
        "number is 22K05.\n\nDana Whitcomb\nElmfield Police Department\n"
    )
    body = (
        "Sorry, my mistake - Karp was promoted to Lieutenant, not Sergeant. Can you fix "
        "his title to Lieutenant? Number is the same, 22K05.\n\nDana\n\n"
        f"On Tue, Mar 3, 2026 at 3:14 PM {_DESK} wrote:\n\n"
        "> Done. Officer Owen Karp (22K05) now shows the title Sergeant.\n>\n"
        f"> On Tue, Mar 3, 2026 at 11:02 AM {_SENDER} wrote:\n>\n"
        f"{_quoted(_quoted(request))}\n"
    )
    result = parse_message(_mail(body, "Re: Title change - Karp", reply=True))
    change = _one(result.changes, "22K05")
    assert change["action"] == "update"
    assert change["title"] == "Lieutenant"


def test_a_change_table_names_each_officer_by_his_current_name() -> None:
    """ "Officer # | Current name | Change": the name column names the record, the
    change cell "Promoted to Sergeant" gives the new title."""
    body = (
        "Hi,\n\nTwo updates please:\n\n"
        "Officer # | Current name | Change\n"
        "06612 | Officer Nora Pike | Name change to Nora Vance (married 2/14). "
        "New DPS username nvance.\n"
        "05540 | Officer Luis Ortega | Promoted to Sergeant\n\n"
        "Thanks!\nDana Whitcomb\nElmfield Police Department\n"
    )
    result = parse_message(_mail(body, "Two updates"))
    promoted = _one(result.changes, "05540")
    assert promoted["action"] == "update"
    assert (promoted["last_name"], promoted["first_name"]) == ("Ortega", "Luis")
    assert promoted["title"] == "Sergeant"
    renamed = _one(result.changes, "06612")
    assert renamed["last_name"] == "Vance"


def test_the_name_a_notice_gives_as_formerly_hers_is_not_her_new_one() -> None:
    """ "Employee: Tess Marlow (formerly Tess Dunn)" and "New DPS username requested:
    tmarlow": her name now, and her new login (not the word "requested")."""
    from mailbot.intake.change_documents import changes_in_document
    from mailbot.intake.rules import load_rules

    notice = (
        "TOWN OF ELMFIELD - PERSONNEL ACTION NOTICE\n"
        "Department: Elmfield Police Department\n"
        "Employee: Tess Marlow (formerly Tess Dunn)\n"
        "Position: Patrol Officer -> Corporal\n"
        "VT LEO Number: 05521\n"
        "Action: Promotion and legal name change\n"
        "New DPS username requested: tmarlow\n"
    )
    found = changes_in_document(notice, load_rules(), None)
    change = _one(found, "05521")
    assert change["last_name"] == "Marlow"
    assert change["dps_username"] == "tmarlow"


def test_bare_answers_under_the_desks_numbered_questions_complete_the_own_add() -> None:
    """ "05M44" / "tcobb" answering the desk's "1. Officer Number (5-character VT LEO
    number) 2. DPS domain username": the number and login of the officer the sender's
    own request asked to add."""
    body = (
        "05M44\ntcobb\n\nDana Whitcomb\nElmfield Police Department\n\n"
        f"From: {_DESK}\nSent: Tuesday, March 3, 2026 9:58 AM\nTo: {_SENDER}\n"
        "Subject: RE: New officer - Cobb\n\nDana,\n\n"
        "We can add Officer Cobb to your agency in TraCS once we have:\n\n"
        "1. Officer Number (5-character VT LEO number)\n2. DPS domain username\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n\n"
        f"From: {_SENDER}\nSent: Monday, March 2, 2026 2:33 PM\nTo: {_DESK}\n"
        "Subject: New officer - Cobb\n\nHello,\n\n"
        "Please add our new hire, Officer Tara Cobb, to Elmfield PD in TraCS. I'll send "
        "her LEO number and username once she has them.\n\nThanks,\nDana\n"
    )
    result = parse_message(_mail(body, "RE: New officer - Cobb", reply=True))
    change = _one(result.changes, "05M44")
    assert change["action"] == "add"
    assert change["dps_username"] == "tcobb"


def test_a_chiefs_note_forwarded_by_his_assistant_asks_an_add_and_a_promotion() -> None:
    """ "We need Nina set up before she goes solo" over her lines, and "Sgt Rowe is now
    our Lieutenant ... so that needs changing too": roster changes, not an enrolment."""
    body = (
        "Good morning, the Chief asked me to forward this to you.\n\n"
        "Pat Lague\nAdministrative Assistant to the Chief\nElmfield Police Department\n"
        "12 Main Street, Elmfield, VT 05999\n802-555-0142\n\n"
        "-----Original Message-----\n"
        "From: Chief Dana Whitcomb <dwhitcomb@elmfieldvt.test>\n"
        "Sent: Monday, March 2, 2026 6:48 PM\nTo: Pat Lague <plague@elmfieldvt.test>\n"
        "Subject: new officer\n\n"
        "Pat - can you send this to the DPS eticket people tomorrow please. We need Nina "
        "set up before she goes solo next week.\n\n"
        "Nina Farrow\nPatrol Officer\nVT LEO 07712\nDPS user: nfarrow\n\n"
        "Also Sgt Rowe is now our Lieutenant (LEO 03311) so that needs changing too.\n\n"
        "Thx\nDana\n"
    )
    sender = "Pat Lague <plague@elmfieldvt.test>"
    result = parse_message(_mail(body, "FW: new officer", sender=sender))
    assert result.intent == "officer_maintenance"
    added = _one(result.changes, "07712")
    assert (added["action"], added["last_name"], added["dps_username"]) == (
        "add",
        "Farrow",
        "nfarrow",
    )
    promoted = _one(result.changes, "03311")
    assert (promoted["action"], promoted["title"]) == ("update", "Lieutenant")


def test_an_officer_separated_to_another_agency_is_closed_and_hires_are_added() -> None:
    """HR's "Ofc. X (LEO ...) separated - transferred to Y Sheriff's Dept." asks no record
    moved: his record here is closed; "Hired: Ofc. ..." lines are adds."""
    body = (
        "Forwarding per the Chief. Please process.\n\nDana Whitcomb\nElmfield Police Department\n\n"
        "Personnel changes effective 3/1/2026:\n"
        "- Ofc. Rory Tate (LEO 03310) separated - transferred to Orange County Sheriff's Dept.\n"
        "- Hired: Ofc. Ivy Stone, LEO 04720, DPS user istone\n"
    )
    result = parse_message(_mail(body, "FW: personnel"))
    assert _one(result.changes, "03310")["action"] == "deactivate"
    hired = _one(result.changes, "04720")
    assert (hired["action"], hired["last_name"], hired["dps_username"]) == (
        "add",
        "Stone",
        "istone",
    )


def test_the_subject_asks_to_add_an_officer_transferring_to_us() -> None:
    """ "Add Deputy Quill to ECSO" over "Mara Quill is transferring to us from Dover PD
    ... Please associate her with Elmfield County Sheriff's Office": an add."""
    body = (
        "Good morning,\n\nMara Quill is transferring to us from Dover PD and starts with "
        "ECSO on Monday. She already has a VT LEO number and DPS account:\n\n"
        "  Name:      Quill, Mara\n  Title:     Deputy Sheriff\n  LEO #:     04488\n"
        "  Username:  mquill\n\n"
        "Please associate her with Elmfield County Sheriff's Office once Dover releases "
        "her.\n\nThank you,\nDana Whitcomb\nElmfield County Sheriff's Office\n"
    )
    result = parse_message(_mail(body, "Add Deputy Quill to ECSO in TraCS"))
    change = _one(result.changes, "04488")
    assert change["action"] == "add"
    assert change["dps_username"] == "mquill"
