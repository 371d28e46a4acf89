"""The PoC named with his role after a comma ("Lt. Ann Roy, our e-ticket point of contact,
is away"), the role handed on to another ("handing the PoC duties to Officer Ann Roy"),
the PoC words put otherwise ("the person of contact"), and an address's first part typed
after the name ("OFFICER ANN ROY AROY@...") that is no word of the name."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _read(body: str, sender: str = "Rita Amsel <ramsel@tully.vt.us>") -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS"
    msg.set_content(body)
    return parse_message(msg.as_bytes())


def test_the_poc_named_then_his_role_after_a_comma() -> None:
    body = (
        "Hello,\n\nLt. Dominic Vero, our e-ticket point of contact, is away this week and "
        "asked me to send these changes:\n\nPlease deactivate Officer Ned Amsel (T0041).\n\n"
        "Thanks,\nRita Amsel\nAdministrative Assistant\nTully Police Department"
    )
    poc = _read(body).point_of_contact
    assert poc.name == "Dominic Vero"


def test_the_poc_role_handed_on_to_another() -> None:
    body = (
        "Hello,\n\nEffective today I am handing the e-ticket PoC duties for Tully Police "
        "Department to Officer Megan Vero (mvero@tully.vt.us). Please also deactivate "
        "Officer Ned Amsel (T0041).\n\nThanks,\nLt. Rita Amsel\nTully Police Department"
    )
    poc = _read(body).point_of_contact
    assert (poc.name, poc.email) == ("Megan Vero", "mvero@tully.vt.us")


def test_the_person_of_contact() -> None:
    body = (
        "Good day,\n\nI am the chief of police for the Village of Tully. We wish to begin the "
        "e-ticket.\n\nThe person of contact for this will be Mrs. Chantal Vero, her email is "
        "chantal.vero@tully.vt.us .\n\n- Judiciary code : 0999\n- Name on the ticket : Tully "
        "Police Department\n- Adress : 12 Main Street, Tully, VT 05999\n- Telephone : "
        "802-555-0100\n\nThe officers: Quill | Abe | Chief | T0001 | aquill\n\nThank you.\n\n"
        "Abe Quill\nChief of Police\nTully Police Department"
    )
    poc = _read(body, "Abe Quill <aquill@tully.vt.us>").point_of_contact
    assert (poc.name, poc.email) == ("Chantal Vero", "chantal.vero@tully.vt.us")


def test_the_address_first_part_after_the_name_is_no_name_word() -> None:
    body = (
        "THIS IS THE CHIEF AT TULLY PD. WE WANT TO START E TICKETS. POC WILL BE OFFICER "
        "ANN VERONE AVERONE@TULLY.VT.US. JUDICIARY CODE 0999. TULLY POLICE DEPARTMENT 12 MAIN ST "
        "TULLY VT 05999 PHONE 802 555 0100. OFFICERS: VERONE ANN PTL T7701 AVERONE, QUILL ABE "
        "PTL T7704 AQUILL\n\nCHIEF\nTULLY POLICE DEPT"
    )
    poc = _read(body, "Tully Police <tullypolice@tds.net>").point_of_contact
    assert (poc.name or "").casefold() == "ann verone"
