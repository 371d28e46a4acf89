"""Who signs and under what name: a signature laid out in a table beside its logo, or in
cells side by side, keeps its lines (the agency's name is not run together with the
signer's name and title, nor its street with its town)."""

from __future__ import annotations

from mailbot.intake.html import html_to_text
from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _parse_html(html: str, sender: str, plain: str) -> ParseResult:
    subject = "RE: Ash Grove PD - judiciary code"
    return parse_message(mail(plain, sender=sender, subject=subject, html=html))


_SIGNED_TABLE = (
    "<html><body><p>Hi Dana,</p><p>Our judiciary code is <b>0931</b>, sorry for the mix-up.</p>"
    '<table><tr><td><img src="cid:seal01" width="80"></td>'
    "<td>Harold Quist<br>Chief of Police<br>Ash Grove Police Department<br>"
    "41 Tannery Lane, Ash Grove, VT 05998<br>802-555-0143</td></tr></table>"
    "</body></html>"
)


def test_signature_table_beside_a_logo_keeps_its_lines() -> None:
    text = html_to_text(_SIGNED_TABLE)
    assert "Harold Quist\nChief of Police\nAsh Grove Police Department\n" in text


def test_agency_name_in_a_signature_table_is_not_joined_to_the_signer() -> None:
    plain = "Hi Dana,\nOur judiciary code is 0931, sorry for the mix-up.\n"
    result = _parse_html(_SIGNED_TABLE, "Harold Quist <hquist@ashgrove.test>", plain)
    assert result.agency.name == "Ash Grove Police Department"


def test_a_table_row_of_several_cells_stays_one_line() -> None:
    html = "<table><tr><td>Quist<br>Harold</td><td>Chief</td><td>AG301</td></tr></table>"
    assert "Quist Harold\tChief\tAG301" in html_to_text(html)


def _reply(body: str) -> ParseResult:
    return parse_message(
        mail(
            body,
            sender="Harold Quist <hquist@ashgrove.test>",
            subject="RE: Ash Grove PD - judiciary code",
            in_reply_to="<dps-0931@vermont.gov>",
        )
    )


_CHIEF_REPLY = (
    "Dana,\n\nMy mistake, AG0099100 is our ORI. The court clerk tells me our judiciary code"
    " is 0931.\n\nHarold Quist\nChief of Police\nAsh Grove Police Department\n"
    "41 Tannery Lane, Ash Grove, VT 05998\n802-555-0143\n\n"
    "From: DPS - eTicket\nSent: Monday, March 3, 2025 10:12 AM\n"
    "Subject: RE: Ash Grove PD - judiciary code\n\n"
    "Chief Quist, the code you sent (AG0099100) looks like an ORI. We need the 4-digit"
    " judiciary code. The rest of your request looks good.\n"
)


def test_a_signature_in_two_cells_side_by_side_gives_the_address_of_its_lines() -> None:
    html = (
        "<html><body><p>Good morning,</p><p>The Ash Grove Wildlife Department would like "
        "to begin issuing tickets electronically.</p><p>Judiciary code: 0931</p>"
        "<p>Address and phone: see my signature</p><p>Thank you,</p>"
        "<table><tr><td><p>Col. Harold Quist</p><p>Chief Warden</p></td>"
        "<td><p>Ash Grove Wildlife Department</p><p>7 Tannery Lane, Annex 2</p>"
        "<p>Ash Grove, VT 05998</p><p>Office: 802-555-0143</p></td></tr></table>"
        "</body></html>"
    )
    raw = mail("", sender="Harold Quist <hquist@ashgrove.test>", subject="e-ticket", html=html)
    result = parse_message(raw)
    assert result.agency.address == "7 Tannery Lane, Annex 2, Ash Grove, VT 05998"


def test_chief_who_signs_his_reply_is_the_head_and_his_block_is_read() -> None:
    result = _reply(_CHIEF_REPLY)
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Harold Quist"
    assert result.head_of_department.title == "Chief of Police"
    assert result.agency.address and "05998" in result.agency.address
    assert result.agency.phone and "555-0143" in result.agency.phone
    assert "agency.address" not in result.missing
    assert "agency.phone" not in result.missing


def _request(signed: str) -> ParseResult:
    body = (
        "Ash Grove County Sheriff's Office would like to participate in e-ticketing.\n\n"
        "Judiciary code: 0931\nAddress: 41 Tannery Lane, Ash Grove, VT 05998\n"
        "Phone: 802-555-0143\n\nLt. Mara Okonkwo (mokonkwo@ashgrovesheriff.test) will be our"
        " point of contact.\n\nOkonkwo\tMara\tLieutenant\tAG317\tmokonkwo\n"
        "Lindgren\tTobias\tDeputy\tAG322\ttlindgren\n\n" + signed
    )
    sender = "Dana Quist <dquist@ashgrovesheriff.test>"
    return parse_message(mail(body, sender=sender, subject="e-ticket enrollment"))


def test_head_title_before_its_place_is_the_title() -> None:
    result = _request("Thank you,\n\nDana Quist\nSheriff of Ash Grove County\n")
    assert result.head_of_department.name == "Dana Quist"
    assert result.head_of_department.title == "Sheriff"


def test_typed_signature_mark_is_not_part_of_the_name() -> None:
    result = _request("/s/ Dana R. Quist\nSheriff\n")
    assert result.head_of_department.name == "Dana R. Quist"
    assert result.head_of_department.title == "Sheriff"


def test_quoted_name_to_put_on_the_ticket_is_the_agency_name() -> None:
    body = (
        "Hello,\n\nI'm the constable for the Town of Linden and want to start writing"
        ' tickets electronically. Please put "Linden Constable" on the ticket. Our address'
        " is 9 Mill Road, Linden VT 05999, phone 802-555-0177.\n\n"
        "Orrin Pike, Constable, LEO number LN031, DPS username opike\n\nOrrin Pike\n"
    )
    result = parse_message(
        mail(body, sender="Orrin Pike <opike@lindenvt.test>", subject="constable e-tickets")
    )
    assert result.agency.name == "Linden Constable"


def test_head_named_in_full_by_title_over_a_clerks_sign_off() -> None:
    body = (
        "Hello,\n\nChief Harold Quist has signed off on our joining e-ticketing. Sgt. Mara"
        " Okonkwo will be our e-ticket point of contact (mokonkwo@ashgrove.test).\n\n"
        + _VALUES_BLOCK
        + "Thank you,\nNell Baptiste\nRecords Clerk\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Nell Baptiste <nbaptiste@ashgrove.test>",
            subject="Ash Grove PD - TraCS enrollment",
            cc="Harold Quist <hquist@ashgrove.test>",
        )
    )
    assert result.head_of_department.name == "Harold Quist"
    assert result.head_of_department.title == "Chief"


_VALUES_BLOCK = (
    "Ash Grove Police Department\nJudiciary code 0931\n41 Tannery Lane, Ash Grove, VT 05998\n"
    "802-555-0143\n\nOkonkwo\tMara\tSergeant\tAG317\tmokonkwo\n"
    "Lindgren\tTobias\tOfficer\tAG322\ttlindgren\n\n"
)


def test_poc_with_her_address_between_commas() -> None:
    body = (
        "The Ash Grove County Sheriff's Office requests that an Agency record be created."
        " Captain Mara Okonkwo, mokonkwo@agso.test, is designated as our Point-of-Contact."
        "\n\nJudiciary Code: 0931\n\nRespectfully,\nDana Quist\nSheriff\n"
    )
    result = parse_message(mail(body, sender="Dana Quist <dquist@agso.test>", subject="enrollment"))
    assert result.point_of_contact.name == "Mara Okonkwo"
    assert result.point_of_contact.email == "mokonkwo@agso.test"


def test_letter_under_a_note_signed_with_the_agency_name_is_read() -> None:
    from tests.pdfs import text_pdf

    pdf = text_pdf(
        [
            ["The Ash Grove County Sheriff's Office requests an Agency record in TraCS."],
            ["Lieutenant Mara Okonkwo, mokonkwo@agso.test, is designated as our"],
            ["Point-of-Contact."],
            ["Judiciary Code: 0931"],
            ["Address: 41 Tannery Lane, Ash Grove, VT 05998"],
            ["Phone: (802) 555-0143"],
            ["Rank", "Last", "First", "Justice ID", "DPS Username"],
            ["Lieutenant", "Okonkwo", "Mara", "AG317", "mokonkwo"],
            ["Deputy", "Lindgren", "Tobias", "AG322", "tlindgren"],
            ["Respectfully,"],
            ["Dana Quist"],
            ["Dana Quist, Sheriff"],
        ]
    )
    body = (
        "Please see the attached letter.\n\nSheriff Dana Quist\nAsh Grove County Sheriff's Office\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Dana Quist <dquist@agso.test>",
            subject="e-Ticket letter",
            attachments=[("letter.pdf", pdf, "application/pdf")],
        )
    )
    assert result.point_of_contact.name == "Mara Okonkwo"
    assert result.point_of_contact.email == "mokonkwo@agso.test"
    assert result.head_of_department.name == "Dana Quist"
    assert result.head_of_department.title == "Sheriff"


def test_forward_under_a_note_with_a_long_confidentiality_notice_is_the_request() -> None:
    notice = (
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments may contain confidential"
        " information intended solely for the addressee. If you are not the intended"
        " recipient, please notify the sender and delete this message. Correspondence with"
        " the Town of Ash Grove may be subject to public records requests and disclosure"
        " to third parties upon request under the laws of the State of Vermont.\n"
    )
    body = (
        "Good afternoon,\n\nPlease see below from Chief Quist, the roster and logo are"
        " attached. Let me know if you need anything else.\n\nThanks,\nNell\n\n"
        "Nell Baptiste | Records Clerk\nAsh Grove Police Department\n"
        "41 Tannery Lane | Ash Grove, VT 05998\nMain: 802-555-0143 | Fax: 802-555-0144\n\n"
        + notice
        + "\n-----Original Message-----\nFrom: Harold Quist <hquist@ashgrove.test>\n"
        "Sent: Monday, March 3, 2025 4:51 PM\nTo: Nell Baptiste <nbaptiste@ashgrove.test>\n"
        "Subject: e-Ticket enrollment - Ash Grove PD\n\n"
        "To the DPS e-Ticket staff,\n\nThe Ash Grove Police Department would like to begin"
        " issuing tickets electronically.\n\nSgt. Mara Okonkwo will be our e-ticket point of"
        " contact (mokonkwo@ashgrove.test).\n\n"
        + _VALUES_BLOCK
        + "Respectfully,\n\nHarold Quist\nChief of Police\n"
    )
    result = parse_message(
        mail(
            body,
            sender="Nell Baptiste <nbaptiste@ashgrove.test>",
            subject="FW: e-Ticket enrollment - Ash Grove PD",
        )
    )
    assert result.agency.judiciary_code == "0931"
    assert result.point_of_contact.name == "Mara Okonkwo"
    assert result.point_of_contact.email == "mokonkwo@ashgrove.test"
