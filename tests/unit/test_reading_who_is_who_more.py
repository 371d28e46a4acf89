"""Who is who in more wordings: a first name made "the contact person for this" with his
address in the same sentence, the desk's quoted "designation of you as the e-ticket
Point of Contact" to the one it greets, who answers it, the Chief spoken of unnamed whose
own note in the forwarded chain names him in its "From:" line, the head named under a
title label in the signature of the sergeant who writes, the officer "I've copied on this
email" as the PoC, the agency "set up with" its PoC, the head named who "would like" one
as PoC, a head's name that ends its sentence, and the French "Chef"."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_AGENCY = (
    "Agency name: Quillfield Police Department\nJudiciary code: 0917\n"
    "Address: 12 Mill Lane, Quillfield, VT 05999\nPhone: 802-555-0190\n"
)
_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def test_first_name_made_the_contact_person_for_this_with_his_address() -> None:
    body = (
        "Hello,\n\nI'm writing for our constable, who rarely does email. Quillfield would "
        "like to start e-ticketing. Wes will be the contact person for this - his email is "
        "constable@quillfieldvt.org (I read it too).\n\n"
        + _AGENCY
        + "\nHis info: Wesley Marrow, First Constable, VT LEO number QF001, DPS username "
        "wmarrow\n\nThank you,\nJune Pike\nTown Clerk\n"
    )
    raw = mail(body, sender="June Pike <jpike@quillfieldvt.org>", subject="e-tickets",
               attachments=_LOGO)  # fmt: skip
    result = parse_message(raw)
    assert result.point_of_contact.name == "Wesley Marrow"
    assert result.point_of_contact.email == "constable@quillfieldvt.org"
    assert "point_of_contact.name" not in result.missing


def test_the_desk_greeting_the_sender_as_the_designated_contact_makes_him_the_contact() -> None:
    body = (
        "Hi,\n\nHere it is: the judiciary code is 0917 and the address is 12 Mill Lane, "
        "Quillfield, VT 05999, phone 802-555-0190.\n\nOfficers:\n"
        "Trask, Hollis, Chief, QF001, htrask\nOrtiz, Lena, Officer, QF014, lortiz\n\n"
        "Thanks\nLena\n\n"
        "On Tue, Dec 1, 2026 at 10:30 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Good morning Officer Ortiz,\n>\n> Thank you, we received Chief Trask's "
        "designation of you as the e-ticket Point of Contact for Quillfield Police "
        "Department, along with the logo. We still need:\n>\n> 1. Your judiciary code\n"
        "> 2. Agency address and phone number\n> 3. Your officer list\n>\n"
        "> Thank you,\n> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="Lena Ortiz <lena.ortiz.qf@gmail.com>",
        subject="Re: Quillfield e-ticket enrollment",
        in_reply_to="<desk-1201@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Lena Ortiz"
    assert result.point_of_contact.email == "lena.ortiz.qf@gmail.com"
    assert "point_of_contact.name" not in result.missing


def test_the_desk_greeting_someone_else_makes_no_contact_of_the_sender() -> None:
    body = (
        "Hi,\n\nThe judiciary code is 0917.\n\nThanks\nJune Pike\n\n"
        "On Tue, Dec 1, 2026 at 10:30 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        "> Good morning Officer Ortiz,\n>\n> Thank you, we received Chief Trask's "
        "designation of you as the e-ticket Point of Contact. We still need your "
        "judiciary code.\n>\n> Thank you,\n> DPS e-Ticket Technical Staff\n"
    )
    raw = mail(
        body,
        sender="June Pike <jpike@quillfieldvt.org>",
        subject="Re: Quillfield e-ticket enrollment",
        in_reply_to="<desk-1201@vermont.gov>",
    )
    assert parse_message(raw).point_of_contact.name != "June Pike"


def test_the_chief_spoken_of_is_the_one_a_forwarded_from_line_gives_that_title() -> None:
    body = (
        "Please see below. Chief wants this sent to you directly.\n\nJune Pike\n"
        "Administrative Assistant\nQuillfield Police Department\n\n"
        "---------- Forwarded message ---------\n"
        "From: Chief Hollis Trask <htrask@quillfieldvt.org>\n"
        "Date: Tue, Nov 24, 2026 at 4:02 PM\nSubject: Fwd: e-ticket info\n"
        "To: June Pike <jpike@quillfieldvt.org>\n\n"
        "June - send this to the state. Sgt. Lena Ortiz will be our point of contact, "
        "lortiz@quillfieldvt.org. -HT\n\n"
        "---------- Forwarded message ---------\n"
        "From: Lena Ortiz <lortiz@quillfieldvt.org>\nDate: Mon, Nov 23, 2026 at 10:47 AM\n"
        "Subject: Fwd: e-ticket info\nTo: Hollis Trask <htrask@quillfieldvt.org>\n\n"
        "Chief, here's what I pulled together.\n\n"
        + _AGENCY
        + "\nOfficers:\nOrtiz, Lena - Sergeant - QF014 - lortiz\n"
        "Birch, Tobin - Officer - QF022 - tbirch\n\nThe logo is still with the clerk.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Sue Hart <shart@quillfieldvt.org>\nDate: Fri, Nov 20, 2026 at 2:15 PM\n"
        "Subject: e-ticket info\nTo: Lena Ortiz <lortiz@quillfieldvt.org>\n\n"
        "Lena, the code on the court papers is 0917. Sue\n"
    )
    sender = "June Pike <jpike@quillfieldvt.org>"
    raw = mail(body, sender=sender, subject="Fwd: Fwd: Fwd: e-ticket info")
    result = parse_message(raw)
    assert result.head_of_department.name == "Hollis Trask"
    assert "head_of_department.name" not in result.missing


def test_the_head_under_a_title_label_in_the_writers_signature() -> None:
    body = (
        "Pls set us up for eticket. Roster attached. I'm the contact.\n\n--\n"
        "Sgt. Lena Ortiz\ne-Ticket Coordinator\nQUILLFIELD POLICE DEPARTMENT\n"
        "12 Mill Lane | Quillfield, Vermont 05999\nlortiz@quillfieldvt.org\n\n"
        "Chief of Police: Hollis Trask\n"
    )
    roster = b"Last,First,Title,Number,Username\nOrtiz,Lena,Sergeant,QF014,lortiz\n"
    files = [*_LOGO, ("roster.csv", roster, "text/csv")]
    raw = mail(body, sender="Lena Ortiz <lortiz@quillfieldvt.org>", subject="eticket",
               attachments=files)  # fmt: skip
    result = parse_message(raw)
    assert result.head_of_department.name == "Hollis Trask"
    assert result.head_of_department.title == "Chief of Police"


_OWN_REQUEST = (
    "From: Hollis Trask <htrask@quillfieldvt.org>\nDate: Monday, November 30, 2026 at 10:05 AM\n"
    "To: DPS eTicket <dps.eTicket@vermont.gov>\nSubject: Quillfield PD e-tickets\n\n"
    "Quillfield Police Department would like to start e-ticketing. Judiciary code 0917. "
    "Address and phone below. Officers:\n\n"
    "Trask, Hollis, Chief, QF001, htrask\nOrtiz, Lena, Officer, QF014, lortiz\n\n"
    "Hollis Trask\nChief of Police\nQuillfield Police Department\n"
    "12 Mill Lane, Quillfield, VT 05999\n802-555-0190\n"
)


def test_the_officer_copied_on_the_mail_as_the_contact_and_the_own_request_quoted() -> None:
    body = (
        "Hi,\n\nPlease use the officer I've copied on this email as our PoC. She'll be "
        "handling the testing.\n\nThe logo is attached.\n\nThanks,\nHollis\n\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\nDate: Tuesday, December 1, 2026 at "
        "2:41 PM\nTo: Hollis Trask <htrask@quillfieldvt.org>\nSubject: RE: Quillfield PD "
        "e-tickets\n\nChief Trask,\n\nBefore we can set up your agency we still need:\n\n"
        "1. Your e-ticket Point of Contact (name and email address)\n2. Agency logo\n\n"
        "Thank you,\nDPS e-Ticket Technical Staff\n\n" + _OWN_REQUEST
    )
    raw = mail(
        body,
        sender="Hollis Trask <htrask@quillfieldvt.org>",
        cc="Lena Ortiz <lortiz@quillfieldvt.org>",
        subject="Re: Quillfield PD e-tickets",
        in_reply_to="<desk-1201@vermont.gov>",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Lena Ortiz"
    assert result.point_of_contact.email == "lortiz@quillfieldvt.org"
    assert result.agency.judiciary_code == "0917"
    assert "agency.judiciary_code" not in result.missing


_ROSTER = "Officers:\nTrask, Hollis, Chief, QF001, htrask\nOrtiz, Lena, Officer, QF014, lortiz\n"


def _contact(sentence: str, sender: str) -> tuple[str | None, str | None]:
    body = f"Hello,\n\n{sentence}\n\n{_AGENCY}\n{_ROSTER}\nThanks,\nJune Pike\n"
    result = parse_message(mail(body, sender=sender, subject="e-tickets", attachments=_LOGO))
    return result.point_of_contact.name, result.point_of_contact.email


def test_the_agency_set_up_with_a_person_as_its_contact() -> None:
    said = (
        "Please set up our agency with Officer Lena Ortiz as our e-ticket Point of Contact "
        "(lortiz@quillfieldvt.org)."
    )
    assert _contact(said, "Hollis Trask <htrask@quillfieldvt.org>") == (
        "Lena Ortiz",
        "lortiz@quillfieldvt.org",
    )


def test_the_head_named_wanting_a_person_as_the_contact() -> None:
    said = (
        "I handle IT for the town and send this for Chief Hollis Trask. Chief Trask would "
        "like Ofc. Lena Ortiz to be the point of contact - lortiz@quillfieldvt.org."
    )
    assert _contact(said, "June Pike <june@pikeit.test>") == (
        "Lena Ortiz",
        "lortiz@quillfieldvt.org",
    )


def test_the_head_named_between_commas_at_the_end_of_a_sentence() -> None:
    body = (
        "Good afternoon,\n\nForwarding the request below from our Police Chief, Hollis "
        "Trask. He asked me to send it along.\n\n" + _AGENCY + "\n" + _ROSTER
        + "\nThanks,\nJune Pike\nTown Manager\n"
    )  # fmt: skip
    raw = mail(body, sender="June Pike <jpike@quillfieldvt.org>", subject="e-tickets",
               attachments=_LOGO)  # fmt: skip
    assert parse_message(raw).head_of_department.name == "Hollis Trask"


def test_a_head_signing_with_the_french_title_chef() -> None:
    body = (
        "Bonjour,\n\n" + _AGENCY + "\n" + _ROSTER
        + "\nPoint of contact: Lena Ortiz, lortiz@quillfieldvt.org\n\n"
        "Merci / Thank you,\nChef Hélène Trask\nQuillfield Police Department\n"
    )  # fmt: skip
    raw = mail(body, sender="Hélène Trask <htrask@quillfieldvt.org>", subject="e-tickets",
               attachments=_LOGO)  # fmt: skip
    assert parse_message(raw).head_of_department.name == "Hélène Trask"
