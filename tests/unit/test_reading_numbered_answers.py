"""A reply that answers the desk's numbered list by its numbers ("1. Quillfield Police
Department" / "2. 0917" / ...): each answer read with the desk's quoted item of that
number as its label."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def test_reply_answering_the_desks_numbered_list_by_its_numbers() -> None:
    body = (
        "Good afternoon,\n\n1. Quillfield Police Department\n2. 0917\n"
        "3. 12 Mill Lane, Quillfield, VT 05999 / 802-555-0190\n4. Attached\n"
        "5. Sgt. Annette Roy, aroy@quillfieldvt.org\n\nThank you,\nHollis Trask\nChief\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Chief Trask,\n>\n> Before we can set up the agency record please send:\n>\n"
        "> 1. The proper name of the agency as it should appear on the e-ticket\n"
        "> 2. The judiciary code\n> 3. Agency address and phone number\n> 4. Your logo\n"
        "> 5. Name and email of your e-ticket Point-of-Contact\n>\n> Regards,\n"
        "> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        subject="Re: TraCS enrollment - Quillfield PD",
        in_reply_to="<20261116.tracs.q1@vermont.gov>",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Annette Roy"
    assert result.point_of_contact.email == "aroy@quillfieldvt.org"
    assert result.agency.judiciary_code == "0917"


def test_own_numbered_officer_list_is_not_read_as_answers() -> None:
    body = (
        "Hi,\n\nHere is what you asked for. Code is 0917, logo attached.\n\nOfficers:\n"
        "1. Sgt. Annette Roy, QF014, aroy\n2. Officer Tobin Birch, QF022, tbirch\n\n"
        "Thanks,\nHollis Trask\nChief\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Chief Trask,\n>\n> Before we can set up the agency record please send:\n>\n"
        "> 1. The judiciary code\n> 2. Your logo\n> 3. Your officer list\n>\n> Regards,\n"
        "> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        subject="Re: TraCS enrollment - Quillfield PD",
        in_reply_to="<20261116.tracs.q1@vermont.gov>",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.agency.judiciary_code == "0917"
    assert [o.officer_number for o in result.officers] == ["QF014", "QF022"]


def test_numbered_answers_under_a_note_saying_they_are_below() -> None:
    body = (
        "Morning,\n\nMy answers are below, numbered as you had them:\n\n1. 0733\n"
        "2. Quillfield Police Department\n3. 12 Mill Lane, Quillfield, VT 05999\n"
        "4. 802-555-0190\n5. dhalvorsen@quillfieldvt.org\n\nThanks,\nHollis\n\n"
        "________________________________\nFrom: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, November 16, 2026 10:05 AM\nTo: Trask, Hollis <htrask@quillfieldvt.org>\n"
        "Subject: RE: TraCS enrollment\n\nChief Trask,\n\nWe still need the following:\n\n"
        "1. Judiciary code (4 digits)\n2. Proper agency name for the ticket\n"
        "3. Agency mailing address\n4. Agency phone number\n"
        "5. Sgt. Halvorsen's email address\n\nThank you,\nDPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Trask, Hollis <htrask@quillfieldvt.org>",
        subject="RE: TraCS enrollment",
        in_reply_to="<20261116.tracs.q2@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.agency.judiciary_code == "0733"
    assert result.agency.address == "12 Mill Lane, Quillfield, VT 05999"
    assert result.agency.phone is not None and "555-0190" in result.agency.phone


def test_numbered_answers_over_a_desk_message_quoted_under_spanish_headers() -> None:
    body = (
        "Buenos días,\n\n1. 0733\n2. 12 Mill Lane, Quillfield, VT 05999 - 802-555-0190\n\n"
        "Hollis Trask\nChief of Police\n\n"
        "De: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Enviado el: lunes, 16 de noviembre de 2026 10:05\n"
        "Para: Hollis Trask <htrask@quillfieldvt.org>\nAsunto: RE: TraCS enrollment\n\n"
        "Chief Trask,\n\nWe still need the following:\n\n1. Judiciary code\n"
        "2. Agency address and phone number\n\nThank you,\nDPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        subject="RE: TraCS enrollment",
        in_reply_to="<20261116.tracs.q3@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.agency.judiciary_code == "0733"
    assert result.agency.address == "12 Mill Lane, Quillfield, VT 05999"


def test_bare_values_one_a_line_answer_the_desks_items_in_their_order() -> None:
    body = (
        "0917\n12 Mill Lane, Quillfield, VT 05999\n802-555-0190\n"
        "Cpl Annette Roy    aroy.quillfieldpd@gmail.com\n\n-A\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Hello,\n>\n> We could not finish your agency record. Please reply with:\n"
        "> 1) Judiciary code\n> 2) Street address of the station\n> 3) Agency phone\n"
        "> 4) Name and email of your e-ticket point of contact\n>\n> Thank you,\n"
        "> DPS eTicket\n"
    )
    raw = mail(
        body,
        sender="Annette Roy <aroy.quillfieldpd@gmail.com>",
        subject="Re: Quillfield Police - TraCS agency setup",
        in_reply_to="<20261116.tracs.q2@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.agency.judiciary_code == "0917"
    assert result.point_of_contact.name == "Annette Roy"
    assert result.point_of_contact.email == "aroy.quillfieldpd@gmail.com"
    assert "point_of_contact.name" not in result.missing
    assert "point_of_contact.email" not in result.missing


def test_an_answer_in_sentences_ending_in_the_value_gives_it() -> None:
    body = (
        "1. My mistake, I left off a number. It's 0917.\n"
        "2. aroy@quillfieldvt.org\n\nHollis Trask\nChief\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Chief Trask,\n>\n> Two items are still needed:\n>\n"
        '> 1. Judiciary code: we received "091", which has three digits only.\n'
        "> 2. An email address for your Point-of-Contact, Sgt. Annette Roy.\n>\n"
        "> Regards,\n> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        subject="Re: TraCS enrollment - Quillfield PD",
        in_reply_to="<20261116.tracs.q2@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.agency.judiciary_code == "0917"


def test_a_number_alone_over_its_rows_and_an_item_with_an_aside_are_answered() -> None:
    body = (
        "1. Cpl. Wren Astley, wastley@quillfieldvt.org\n2. 0917\n"
        "3. Quillfield Police Department\n4.\n"
        "Trask, Hollis, Chief, QF001, htrask\nAstley, Wren, Corporal, QF014, wastley\n\n"
        "Hollis Trask\nChief of Police\n\n"
        "________________________________\nFrom: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Monday, November 16, 2026 10:05 AM\nTo: Trask, Hollis <htrask@quillfieldvt.org>\n"
        "Subject: RE: e-tickets\n\nChief Trask,\n\nPlease send us the following:\n\n"
        "1. Designation of your agency's e-ticket Point of Contact (name and email address)\n"
        "2. Your agency's 4-digit Judiciary Code (this is not your ORI number)\n"
        "3. The proper name of your agency as it should appear on the e-ticket\n"
        "4. For each officer: Last Name, First Name, Rank, Officer Number, DPS username\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Trask, Hollis <htrask@quillfieldvt.org>",
        subject="RE: e-tickets",
        in_reply_to="<20261116.tracs.q3@vermont.gov>",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Wren Astley"
    assert result.point_of_contact.email == "wastley@quillfieldvt.org"
    assert "point_of_contact.name" not in result.missing


def test_an_officer_row_answering_an_item_that_lists_the_columns_is_read() -> None:
    body = (
        "0917\nAnnette Roy, aroy.quillfieldpd@gmail.com\nRoy, Annette, Corporal, QF014, aroy\n\n"
        "On Mon, Nov 16, 2026 at 10:05 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Hello,\n>\n> We could not finish your agency record. Please reply with:\n"
        "> 1) Judiciary code\n> 2) Name and email of your e-ticket point of contact\n"
        "> 3) For every officer: surname, given name, rank, officer number, DPS login\n"
        ">\n> Thank you,\n> DPS eTicket\n"
    )
    raw = mail(
        body,
        sender="Annette Roy <aroy.quillfieldpd@gmail.com>",
        subject="Re: Quillfield Police - TraCS agency setup",
        in_reply_to="<20261116.tracs.q2@vermont.gov>",
    )
    result = parse_message(raw)
    assert [
        (o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [("Roy", "Annette", "QF014", "aroy")]
    assert "officers" not in result.missing


def test_bare_values_under_a_ranked_label_are_not_an_officer_named_by_the_label() -> None:
    body = (
        "4Q718\ntwhitcomb\n\nCpl. Dana Ferrin\nQuillfield Police Department\n\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\nSent: Tuesday, November 17, 2026 9:00 AM\n"
        "To: Ferrin, Dana <dferrin@quillfieldvt.org>\nSubject: RE: New officer - Whitcomb\n\n"
        "Cpl. Ferrin,\n\nWe can add Officer Whitcomb once we have:\n\n"
        "1. Officer Number (5-character VT LEO number)\n2. DPS domain username\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n\n"
        "From: Ferrin, Dana <dferrin@quillfieldvt.org>\nSent: Monday, November 16, 2026 2:00 PM\n"
        "To: DPS eTicket <dps.eTicket@vermont.gov>\nSubject: New officer - Whitcomb\n\n"
        "Please add our new hire, Officer Tessa Whitcomb, to Quillfield PD in TraCS.\n"
        "I'll send her number and username once she has them.\n\nDana\n"
    )
    raw = mail(
        body,
        sender="Ferrin, Dana <dferrin@quillfieldvt.org>",
        subject="RE: New officer - Whitcomb",
        in_reply_to="<20261117.tracs.w1@vermont.gov>",
    )
    result = parse_message(raw)
    assert [(c.officer_number, c.as_officer().last_name) for c in result.changes] == [
        ("4Q718", "Whitcomb")
    ]
