"""A request forwarded on by someone else (a town clerk, an assistant) under a short
note that names no contact: the forwarded request's "I will be the Point-of-Contact
myself" is its own writer's (the forwarded "From:"), not the forwarder's."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_REQUEST = (
    "Good afternoon,\n\n"
    "The Pembrook Police Department is ready to begin issuing civil violation complaints "
    "electronically. I will be the Point of Contact myself.\n\n"
    "Agency: Pembrook Police Department\n"
    "Judiciary code: 0577\n"
    "Address: 12 Mill Pond Road, Pembrook, VT 05999\n"
    "Phone: 802-555-0177\n\n"
    "Officers:\n"
    "Sgt. Odalys Ferreira-Quint - 5F301 - oferreiraquint\n"
    "Officer Tobiah Wren - 5W318 - twren\n\n"
    "Odalys Ferreira-Quint\n"
    "Sergeant\n"
)

_NOTE = (
    "Hello,\n\n"
    "Sgt. Ferreira-Quint asked me to send this along since she is out this week.\n\n"
    "Regards,\n"
    "Margit Sorensen\n"
    "Town Clerk\n\n"
    "-----Original Message-----\n"
    "From: Odalys Ferreira-Quint <oferreira@pembrookvt.test>\n"
    "Sent: Tuesday, May 6, 2025 9:12 AM\n"
    "To: Margit Sorensen <msorensen@pembrookvt.test>\n"
    "Subject: e-ticket sign up\n\n"
)


def test_the_myself_of_a_forwarded_request_is_its_writer() -> None:
    result = parse_message(
        mail(
            _NOTE + _REQUEST,
            sender="Margit Sorensen <msorensen@pembrookvt.test>",
            subject="FW: e-ticket sign up",
        )
    )
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Odalys Ferreira-Quint"
    assert result.point_of_contact.email == "oferreira@pembrookvt.test"


def test_a_note_that_names_the_contact_keeps_its_own_reading() -> None:
    note = _NOTE.replace(
        "since she is out this week.", "since she is out; I will be the Point of Contact."
    )
    result = parse_message(
        mail(
            note + _REQUEST.replace(" I will be the Point of Contact myself.", ""),
            sender="Margit Sorensen <msorensen@pembrookvt.test>",
            subject="FW: e-ticket sign up",
        )
    )
    assert result.point_of_contact.email == "msorensen@pembrookvt.test"
