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


_FORWARD = """\
Good morning,

Sending this along for our chief, who asked me to handle the e-ticket paperwork while he
is away at the academy this week. I look after the computers for the town offices and the
police department, so I will probably be the one testing the printers and the laptops with
your staff. Everything the chief wanted you to have is in the attached letter, and the
department's patch is attached as well.

Thanks,
Noor

---------- Forwarded message ---------
From: Chief Everett Stroud <estroud@pittsfordvt.test>
Date: Mon, Mar 3, 2025 at 8:02 AM
Subject: e-ticket letter
To: Noor Haddadin <nhaddadin@pittsfordvt.test>

Noor, here is the signed letter for the state. Please send it to them along with the
patch file from the shared drive and let me know if they have any questions for us.
I will be back on Friday afternoon; the lieutenant can sign anything else they need in
the meantime, and the clerk has the purchase orders for the printers if they ask.

Chief Stroud
"""

_LETTER = """\
Pittsford Police Department

Dear e-Ticket Staff,

Please establish a TraCS agency record for the Pittsford Police Department.

Judiciary Code:      0871
Name on e-ticket:    Pittsford Police Department
Address:             426 Plains Road, Pittsford, VT 05763
Telephone:           802-555-0120

Sincerely,
Everett Stroud
Chief of Police
"""


def test_a_forwarded_cover_mail_over_an_attached_letter_is_no_request_itself() -> None:
    msg = EmailMessage()
    msg["From"] = "Noor Haddadin <nhaddadin@pittsfordvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Fwd: e-ticket letter"
    msg.set_content(_FORWARD)
    msg.add_attachment(_LETTER.encode(), maintype="text", subtype="plain", filename="letter.txt")
    result = parse_message(msg.as_bytes())
    assert result.agency.name == "Pittsford Police Department"
    assert result.agency.judiciary_code == "0871"
    assert "agency.name" not in result.missing
