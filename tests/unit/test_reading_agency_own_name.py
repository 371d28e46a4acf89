"""The one agency a message names, in full somewhere (its subject), is the sender's own
when its place is his mail domain's or the message speaks of it again; otherwise staff
choose (intake/given_somewhere)."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """Hi - {short} would like to get set up for e tickets, the printers are in.

Jud code 0219
Sgt Kyle Thibault will be our point of contact, kthibault@{domain}
Address is 1 South St Bristol VT 05443 ph 802-453-2533

Officers:
Thibault Kyle Sgt 21B04 kthibault
Ofc Ana Morales 21B09 amorales

Chief Gibbs
"""


def _read(short: str, subject: str, domain: str = "bristolvtpd.org"):  # type: ignore[no-untyped-def]
    body = _BODY.format(short=short, domain=domain)
    return parse_message(mail(body, sender=f"Kevin Gibbs <kgibbs@{domain}>", subject=subject))


def test_the_subjects_full_name_of_the_agency_the_text_calls_short_is_read() -> None:
    result = _read("Bristol PD", "Bristol Police Department - eticket")
    assert result.agency.name == "Bristol Police Department"
    assert "agency.name" not in result.missing


def test_names_of_two_agencies_go_to_staff_not_to_the_sender() -> None:
    result = _read("Bristol PD", "Addison County Sheriff's Office - eticket", "gmail.com")
    assert result.agency.name is None
    assert "agency.name" not in result.missing
    assert "agency.name" in result._questions
