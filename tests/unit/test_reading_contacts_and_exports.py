"""Requests read whole although written tersely or by a records system: a writer who is
the Point-of-Contact in other words ("I (Sgt. X) will be ...", "I will be the contact for
this", "PoC is officer X"), a records export's "RANK_DESC" column, an officer number "not
assigned yet" with the reason before it, "judiciary 0511" and "ph 802-...", "justice ID"
in a list line, a chief who introduces himself in lower case, and "Name for the ticket"."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message

_VALUES = (
    "Judiciary code: 0733\nName: Stowbridge Police Department\n"
    "Address: 12 Main Street, Stowbridge, VT 05672\nPhone: 802-555-0140\n\n"
)
_ROSTER = (
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Whitcomb\tDana\tSergeant\tSB007\tdwhitcomb\n"
    "Marsh\tKyle\tOfficer\tSB012\tkmarsh\n\n"
)


def _parse(body: str, sender: str, *, csv: str | None = None) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket"
    msg.set_content(body)
    if csv is not None:
        msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="export.csv")
    return parse_message(msg.as_bytes())


# --- the writer is the Point-of-Contact, in other words -----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm the elected First Constable and I will be the contact for this.",
        "I will be the contact for the e-tickets.",
        "I'll be the main contact.",
    ],
)
def test_writer_who_will_be_the_contact(sentence: str) -> None:
    """ "I will be the contact for this" (no "point of contact"): the writer is the PoC,
    at his own address."""
    body = (
        "Hello,\n\nTown of Stowbridge constables would like to start doing electronic"
        f" tickets.\n\n{sentence}\n\n" + _VALUES + _ROSTER + "thanks\nDana Whitcomb\n"
        "First Constable, Town of Stowbridge\n"
    )
    result = _parse(body, "Dana Whitcomb <dwhitcomb.constable@gmail.test>")
    assert result.point_of_contact.name == "Dana Whitcomb"
    assert result.point_of_contact.email == "dwhitcomb.constable@gmail.test"
    assert "point_of_contact.name" not in result.missing


def test_contact_for_another_matter_is_not_a_designation() -> None:
    """ "I am the contact for the grant paperwork" does not make the writer the PoC."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start e-ticketing. I am the"
        " contact for the grant paperwork only.\n\n"
        + _VALUES
        + _ROSTER
        + "Thanks,\nDana Whitcomb\nTown Clerk\n"
    )
    result = _parse(body, "Dana Whitcomb <clerk@stowbridgevt.test>")
    assert result.point_of_contact.name is None


def test_writer_naming_herself_in_brackets_is_the_poc() -> None:
    """ "Writing on behalf of Chief X ... I (Sgt. Corinne Tatro) will be the e-ticket
    Point-of-Contact": the PoC is the person in brackets, not the chief."""
    body = (
        "Hello,\n\nWriting on behalf of Chief Harold Eastman -- he has asked me to send this"
        " in.\n\nStowbridge Police Department would like to start e-ticketing. I (Sgt."
        " Corinne Tatro) will be the e-ticket Point-of-Contact. Best email for me is"
        " ctatro@stowbridgevt.test.\n\n"
        + _VALUES
        + _ROSTER
        + "Thank you,\nCorinne Tatro\nSergeant, Stowbridge PD\n"
    )
    result = _parse(body, "Corinne Tatro <ctatro@stowbridgevt.test>")
    assert result.point_of_contact.name == "Corinne Tatro"
    assert result.point_of_contact.email == "ctatro@stowbridgevt.test"
    assert result.head_of_department.name == "Harold Eastman"


def test_poc_named_with_a_rank_in_lower_case() -> None:
    """ "PoC is officer Kristen Blow, kblow@..." typed in lower case around the name."""
    body = (
        "hi,\n\nthis is chief dan willey from the stowbridge police dept. we want to do the"
        " e-tickets.\n\n"
        + _VALUES
        + "PoC is officer Kristen Blow, kblow@stowbridgevt.test\n\n"
        + _ROSTER
        + "thx\nDan\n"
    )
    result = _parse(body, "Dan Willey <danwilley_spd@yahoo.test>")
    assert result.point_of_contact.name == "Kristen Blow"
    assert result.point_of_contact.email == "kblow@stowbridgevt.test"
    # "this is chief dan willey": the head introduces himself, title and all
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Dan Willey",
        "Chief",
    )


# --- a records-system export --------------------------------------------------------------


def test_export_heading_with_a_description_suffix() -> None:
    """ "RANK_DESC" in a records-system export is the rank column."""
    csv = (
        "AGENCY_ORI,EMP_ID,LAST_NM,FIRST_NM,RANK_DESC,BADGE_NO,VT_LEO_NO,DPS_NETWORK_ID\n"
        "VT0040300,1044,WHITCOMB,DANA,SERGEANT,12,40817,dwhitcomb\n"
        "VT0040300,1102,MARSH,KYLE,OFFICER,31,41920,kmarsh\n"
    )
    body = (
        "Hello,\n\nStowbridge Police Department would like to participate in e-ticketing.\n\n"
        "Point of Contact: Sgt. Dana Whitcomb, dwhitcomb@stowbridgevt.test\n"
        + _VALUES
        + "The officer list is attached.\n\nRay Olmstead\nChief of Police\n"
    )
    result = _parse(body, "Ray Olmstead <chief@stowbridgevt.test>", csv=csv)
    assert [(o.last_name, o.title, o.officer_number) for o in result.officers] == [
        ("WHITCOMB", "SERGEANT", "40817"),
        ("MARSH", "OFFICER", "41920"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]


def test_officer_number_not_assigned_yet_with_its_reason() -> None:
    """ "(academy - not assigned yet)" in the number's column: missing, not invalid."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start e-ticketing. I (Sgt."
        " Dana Whitcomb) will be the e-ticket Point-of-Contact.\n\n"
        + _VALUES
        + "Rank    Surname    Given name   LEO #   User ID\n"
        "Sgt     Whitcomb   Dana         95102   dwhitcomb\n"
        "Ptl     Varga      Lisa         (academy - not assigned yet)   lvarga\n\n"
        "Thank you,\nDana Whitcomb\n"
    )
    result = _parse(body, "Dana Whitcomb <dwhitcomb@stowbridgevt.test>")
    assert [o.officer_number for o in result.officers] == ["95102", None]
    assert "officers[1].officer_number" in result.missing
    assert not result.invalid


# --- terse values -------------------------------------------------------------------------


def test_terse_request_with_judiciary_and_ph() -> None:
    """ "judiciary 0511, ph 802-766-8223" and a roster: an enrolment with its code and
    phone, not an unread message."""
    body = (
        "DPS - Stowbridge PD wants in on eticket.\n\nStowbridge Police Department, judiciary"
        " 0511, ph 802-555-8223. logo attached. poc is me.\n\n"
        "officers (last, first, rank, leo, dps id):\n"
        "Whitcomb, Dana, Lt, 51702, dwhitcomb\nMarsh, Kyle, Ofc, 51938, kmarsh\n\n"
        "Lt. Dana Whitcomb\nStowbridge PD\n"
    )
    result = _parse(body, "Dana Whitcomb <dwhitcomb@stowbridgevt.test>")
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0511"
    assert result.agency.phone == "(802) 555-8223"
    assert len(result.officers) == 2


def test_list_line_with_justice_id() -> None:
    """ "- Sgt. Kyle Marsh, justice ID B0451, DPS username kmarsh" is an officer."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to get set up for e-ticketing."
        " I have designated Sergeant Kyle Marsh as the e-ticket Point-of-Contact.\n\n"
        + _VALUES
        + "Officers who need records:\n"
        "- Sgt. Kyle Marsh, justice ID B0451, DPS username kmarsh\n"
        "- Officer Jenna Lafayette, justice ID B0457, DPS username jlafayette\n\n"
        "Thanks,\nRay Olmstead\nChief of Police\n"
    )
    result = _parse(body, "Ray Olmstead <chief@stowbridgevt.test>")
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Marsh", "B0451", "kmarsh"),
        ("Lafayette", "B0457", "jlafayette"),
    ]


def test_name_for_the_ticket_label_beats_the_prose_name() -> None:
    """ "Name for the ticket: Stowbridge Constable's Office" is the name, not the longer
    "The Town of Stowbridge Constable's Office" of the first sentence."""
    body = (
        "Good evening,\n\nThe Town of Stowbridge Constable's Office would like to be set up"
        " to issue e-tickets. I will act as e-ticket Point-of-Contact myself.\n\n"
        "Judiciary code: 0290\nName for the ticket: Stowbridge Constable's Office\n"
        "Address: 10632 Route 116, Stowbridge, VT 05461\nPhone: 802-555-2281\n\n"
        + _ROSTER
        + "Frank Koenig\nFirst Constable, Town of Stowbridge\n"
    )
    result = _parse(body, "Frank Koenig <stowbridgeconstable@gmail.test>")
    assert result.agency.name == "Stowbridge Constable's Office"
