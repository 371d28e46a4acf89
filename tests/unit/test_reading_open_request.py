"""A reply on an enrolment the desk answered with a question ("Can you double-check his
number?", "Once we have the officer list we can build the records"): the enrolment is
still open, and the reply completes it with the quoted request's values, also when a
colleague at the same agency wrote that request."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_REQUEST = """\
From: Paul Lemieux <plemieux@lyndonvillevt.test>
Sent: Monday, March 2, 2026 9:05 AM
To: DPS - eTicket <dps.eTicket@vermont.gov>
Subject: Lyndonville PD - TraCS request

Hello,

Lyndonville Police Department would like to start issuing VCVCs electronically.
Cpl. Renata Hoyt (rhoyt@lyndonvillevt.test) is our PoC.

Judiciary code 0391
Lyndonville Police Department
22 Depot Street, Lyndonville, VT 05851
802-555-0187
Logo attached.

Last      First     Title     LEO#     Username
Hoyt      Renata    Corporal  L20417   rhoyt
Bessey    Tomas     Officer   L2093    tbessey

Paul Lemieux
Chief of Police
"""


def _desk(text: str, to: str = "Paul Lemieux <plemieux@lyndonvillevt.test>") -> str:
    return (
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Tuesday, March 3, 2026 3:10 PM\n"
        f"To: {to}\n"
        "Subject: RE: Lyndonville PD - TraCS request\n\n" + text + "\n\n"
    )


def _mail(body: str, sender: str = "Paul Lemieux <plemieux@lyndonvillevt.test>") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "DPS - eTicket <dps.eTicket@vermont.gov>"
    msg["Subject"] = "RE: Lyndonville PD - TraCS request"
    msg["In-Reply-To"] = "<desk-0303@vermont.gov>"
    msg.set_content(body)
    return msg.as_bytes()


def test_number_corrected_for_the_desk_completes_the_enrolment() -> None:
    body = (
        "My mistake - Cpl. Hoyt's number is L2041, not L20417. The rest is fine.\n"
        "Paul\n\n"
        + _desk("Chief - Cpl. Hoyt's LEO number has six characters. Can you check it?\nDana")
        + _REQUEST
    )
    result = parse_message(_mail(body))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0391"
    assert result.point_of_contact.email == "rhoyt@lyndonvillevt.test"
    assert [o.officer_number for o in result.officers] == ["L2041", "L2093"]
    assert not result.changes


def test_name_chosen_for_the_desk_completes_the_enrolment() -> None:
    body = (
        'Go with "Village of Lyndonville Police Department" please, it matches our '
        "letterhead.\n\nPL\n\n"
        + _desk(
            'You wrote "Lyndonville PD" as the name. Should the ticket read "Lyndonville '
            'Police Department" instead?\nDana'
        )
        + _REQUEST.replace("Lyndonville Police Department\n22", "Lyndonville PD\n22")
    )
    result = parse_message(_mail(body))
    assert result.intent == "enrollment"
    assert result.agency.address == "22 Depot Street, Lyndonville, VT 05851"
    assert result.head_of_department.name == "Paul Lemieux"
    assert len(result.officers) == 2


def test_colleagues_request_under_the_desk_question_is_the_agencys() -> None:
    body = (
        "Good morning,\n\nHere is the officer list you asked for:\n\n"
        "Hoyt, Renata, Corporal, L2041, rhoyt\nBessey, Tomas, Officer, L2093, tbessey\n\n"
        "Cpl. Renata Hoyt\nLyndonville Police Department\n\n"
        + _desk(
            "Chief Lemieux,\nOnce we have the officer list we can build the records.\n"
            "Thanks, DPS e-Ticket"
        )
        + _REQUEST.split("Last ")[0]
        + "Paul Lemieux\nChief of Police\n"
    )
    result = parse_message(_mail(body, "Renata Hoyt <rhoyt@lyndonvillevt.test>"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0391"
    assert result.agency.phone is not None
    assert result.head_of_department.name == "Paul Lemieux"
    assert not {"agency.judiciary_code", "agency.address", "agency.phone"} & set(result.missing)


def test_a_correction_after_the_desk_set_the_records_up_is_a_change() -> None:
    body = (
        "Cpl. Hoyt's number is L2041, not L20417. Sorry about that.\nPaul\n\n"
        + _desk("Chief - your agency and officer records are set up in TraCS.\nDana")
        + _REQUEST
    )
    result = parse_message(_mail(body))
    assert result.intent != "enrollment"
