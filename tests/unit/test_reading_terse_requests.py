"""Short requests from a phone: the agency's wish said plainly ("We want to do e tickets")
is a request to enrol, and the person who "will be our contact", with the address after,
is the Point-of-Contact."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Chief Marla Voss <mvoss.quillfieldpd@gmail.com>"


def _parse(body: str, subject: str = "etix") -> tuple[str, str | None, str | None]:
    result = parse_message(mail(body, sender=_SENDER, subject=subject))
    return result.intent, result.point_of_contact.name, result.point_of_contact.email


def test_agency_wish_to_do_e_tickets_is_an_enrolment() -> None:
    """ "We'd like to use e tickets." with only a code, the rest to come: an enrolment."""
    body = (
        "Voss from Quillfield PD. We'd like to use e tickets here. Judiciary code 0917. "
        "Rest of the info next week once I'm back in the office.\n\nSent from my phone\n"
    )
    assert _parse(body)[0] == "enrollment"


def test_wish_asked_as_a_question_or_for_an_officer_is_no_enrolment() -> None:
    """Whether the agency wants them, or an officer's wish, is no agency request."""
    asked = "Hi, do we want to use e tickets at all? Our selectboard keeps asking me.\n"
    assert _parse(asked)[0] == "other"
    his = "Sgt. Dale Roy wants to start using e tickets, he asked me who to talk to.\n"
    assert _parse(his)[0] != "enrollment"


def test_person_who_will_be_our_contact_with_address_after() -> None:
    """ "Cpl. Tess Arnaud will be our contact tarnaud@... ." names the PoC and her address."""
    body = (
        "Chief Voss here, Quillfield PD wants to start e-ticketing. Cpl. Tess Arnaud will "
        "be our contact tarnaud@quillfieldvt.org . Judiciary code is 0917.\n"
    )
    assert _parse(body) == ("enrollment", "Tess Arnaud", "tarnaud@quillfieldvt.org")


def test_our_contact_somewhere_else_names_no_poc() -> None:
    """ "Tess Arnaud will be our contact at the town office": not the e-ticket PoC."""
    body = (
        "Chief Voss here, Quillfield PD wants to start e-ticketing. Tess Arnaud will be our "
        "contact at the town office for billing. Judiciary code is 0917.\n"
    )
    assert _parse(body)[1] is None


def test_person_in_our_office_with_address_in_brackets_will_be_poc() -> None:
    """ "Dana Birch in our office (dbirch@...) will be point of contact": where she works,
    then her address, between her name and the verb."""
    body = (
        "Quillfield PD would like to start e-ticketing. Dana Birch in our office "
        "(dbirch@quillfieldvt.org) will be point of contact. Judiciary code is 0917.\n"
    )
    assert _parse(body) == ("enrollment", "Dana Birch", "dbirch@quillfieldvt.org")


def test_clerk_answering_under_the_chiefs_quoted_request_keeps_the_chief_as_head() -> None:
    """The office clerk answers the desk under the chief's own request ("From: Chief Marla
    Voss [mailto:...]"): the head is the chief who wrote it, not the clerk who signs."""
    body = (
        "Here is the rest: address is 12 Mill Lane, Quillfield VT 05999, phone "
        "802-555-0190.\n\nThanks,\nDana Birch\nQuillfield PD - Office Clerk\n\n"
        "-----Original Message-----\n"
        "From: DPS eTicket [mailto:dps.eTicket@vermont.gov]\n"
        "Sent: Monday, November 2, 2026 9:00 AM\nTo: Dana Birch\nSubject: RE: e-ticket\n\n"
        "We still need the agency address and phone.\n\n"
        "-----Original Message-----\n"
        "From: Chief Marla Voss [mailto:mvoss@quillfieldvt.org]\n"
        "Sent: Friday, October 30, 2026 4:00 PM\nTo: dps.eTicket@vermont.gov\n"
        "Cc: Dana Birch\nSubject: e-ticket\n\n"
        "Quillfield PD wants to start e-ticketing. Dana Birch (dbirch@quillfieldvt.org) "
        "will be point of contact. Judiciary code is 0917.\n\n"
        "Voss, Marla, Chief, QF001\nBirch, Tobin, Officer, QF022\n"
    )
    raw = mail(
        body,
        sender="Dana Birch <dbirch@quillfieldvt.org>",
        subject="RE: e-ticket",
        in_reply_to="<desk-1@vermont.gov>",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Marla Voss",
        "Chief",
    )
    assert result.point_of_contact.name == "Dana Birch"


def _groupwise_reply(top: str) -> bytes:
    body = (
        top + "\n\nDana Birch\nTown Clerk / Police Admin\ndbirch@quillfieldvt.org\n\n"
        ">>> DPS eTicket <dps.eTicket@vermont.gov> 11/2/2026 9:00 AM >>>\n"
        "Chief Voss,\nThanks for the request. We still need the judiciary code and the "
        "agency address and phone.\nOfficers received:\n"
        "Voss, Marla - Chief - QF001 - mvoss\nRoy, Tobin - Officer - QF022 - troy\n"
        "PoC listed: Officer Tobin Roy\nDPS e-Ticket Technical Staff\n"
    )
    return mail(
        body,
        sender="Dana Birch <dbirch@quillfieldvt.org>",
        subject="Re: Quillfield PD e-ticket",
        in_reply_to="<desk-2@vermont.gov>",
    )


def test_groupwise_quote_is_the_desks_and_the_writer_takes_the_contact_role() -> None:
    """GroupWise quotes the desk's mail under '>>> DPS eTicket <...> date >>>' without ">"
    marks: that text is the desk's recap ("Officers received:"), not the writer's, and
    "put me down as the contact instead of Officer Roy" makes the writer the PoC; "Chief
    Voss asked me" names the head on the recapped roster."""
    top = (
        "Hello,\n\nChief Voss asked me to answer since I handle the admin side. Our "
        "judiciary code is 0917 and our address is 12 Mill Lane, Quillfield, VT 05999. "
        "Office line is 802-555-0190.\n\nThe Chief also said to put me down as the contact "
        "instead of Officer Roy, he is leaving in the spring. My email is below."
    )
    result = parse_message(_groupwise_reply(top))
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Dana Birch",
        "dbirch@quillfieldvt.org",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Marla Voss",
        "Chief",
    )
    assert [o.officer_number for o in result.officers] == ["QF001", "QF022"]
