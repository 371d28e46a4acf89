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
