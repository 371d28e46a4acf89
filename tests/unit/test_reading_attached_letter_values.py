"""A cover note signed with the agency's address and phone over an attached Word letter
whose values are in a table: the sign-off's values do not make the note a request of its
own, and the letter is read whole (its paragraphs and its table), not its table alone."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message
from tests.data import build

_NOTE = """\
Hello,

Attached is the Chief's letter asking that our department be set up for e-ticketing.
Our patch is attached too.

Regards,

Lorna Beauchesne
Office Manager
Hartland Police Department
1 Quechee Road, Hartland, VT 05048
802-555-0166
"""


def _mail() -> bytes:
    letter = build.docx(
        rows=[
            ["Name for e-tickets", "Hartland Police Department"],
            ["Judiciary code", "0964"],
            ["Address", "1 Quechee Road, Hartland, VT 05048"],
            ["Telephone", "(802) 555-0166"],
        ],
        paragraphs=[
            "Dear e-Ticket Staff:",
            "Please set up the Hartland Police Department in TraCS. Corporal Ines Vaillancourt "
            "will serve as our e-ticket Point-of-Contact; she can be reached at "
            "ivaillancourt@hartlandvt.test.",
            "Officers: Cpl. Ines Vaillancourt, HT011, ivaillancourt.",
            "Sincerely,",
            "Oskar Lindqvist",
            "Chief of Police",
        ],
    )
    msg = EmailMessage()
    msg["From"] = "Hartland PD <hartlandpd@hartlandvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS request"
    msg.set_content(_NOTE)
    msg.add_attachment(
        letter,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Chief letter.docx",
    )
    return msg.as_bytes()


def test_the_letters_code_and_contact_are_read_under_a_signed_note() -> None:
    result = parse_message(_mail())
    assert result.agency.judiciary_code == "0964"
    assert result.point_of_contact.name == "Ines Vaillancourt"
    assert result.point_of_contact.email == "ivaillancourt@hartlandvt.test"
    assert "agency.judiciary_code" not in result.missing
