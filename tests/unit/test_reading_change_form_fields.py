"""A roster-change form read whole: its labelled fields give the agency's code, the PoC
and the approving head as an enrolment form's labels do, and a column heading wrapped
over two lines ("Officer" over "#") is one heading before the rows are read."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.pdfs import text_pdf


def _sent(note: str, pdf: bytes) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = "Nadia Ferreira <nferreira@miltonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS change form"
    msg.set_content(note)
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="change form.pdf")
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    return result


_NOTE = "Hello,\n\nPlease see the attached change form.\n\nThanks,\nNadia\n"


def test_a_change_forms_labels_give_the_code_the_poc_and_the_approving_head() -> None:
    form = text_pdf(
        [
            ["TraCS Officer Record Change Request"],
            [""],
            ["Agency: Milton Police Department"],
            ["Judiciary Code: 0455"],
            ["Submitted by (Agency e-Ticket PoC): Sgt. Rhea Castel, rcastel@miltonvt.test"],
            ["Approved by (Head of Department): Warren Pike, Chief of Police"],
            [""],
            ["Action", "Officer #", "Last Name", "First Name", "Title", "DPS Username"],
            ["Deactivate", "M4410", "Ashby", "Colleen", "Officer", "cashby"],
        ],
        column_width=90,
    )
    result = _sent(_NOTE, form)
    assert result.agency.judiciary_code == "0455"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Rhea Castel",
        "rcastel@miltonvt.test",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Warren Pike",
        "Chief of Police",
    )
    assert [(c.action, c.officer_number) for c in result.changes] == [("deactivate", "M4410")]


_PRINTED = """\
                    MILTON POLICE DEPARTMENT
                 TraCS Officer Record Changes

Action        Officer   Name (Last, First)     Title       DPS          Reason
              #                                            Username
Deactivate    M4410     Ashby, Colleen         Officer     cashby       Retired 5/30
Update        M5127     Okafor, Lydia          Sergeant    lokafor      Promoted


Authorized by:



Warren Pike, Chief of Police
"""


def test_a_change_forms_wrapped_heading_and_its_signed_approval() -> None:
    """The form as a PDF's text prints it: "Officer" over "#", "DPS" over "Username"."""
    msg = EmailMessage()
    msg["From"] = "Nadia Ferreira <nferreira@miltonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS officer changes"
    msg.set_content("Attached is the signed change request from the Chief.\n\nNadia\n")
    msg.add_attachment(_PRINTED.encode(), maintype="text", subtype="plain", filename="form.txt")
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    got = [
        (c.action, c.officer_number, c.last_name, c.model_dump().get("dps_username"))
        for c in result.changes
    ]
    assert got == [
        ("deactivate", "M4410", "Ashby", "cashby"),
        ("update", "M5127", "Okafor", "lokafor"),
    ]
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Warren Pike",
        "Chief of Police",
    )
