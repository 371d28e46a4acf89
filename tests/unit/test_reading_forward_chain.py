"""A forward of a forward: an office assistant sends on a sergeant's note, under which
the chief's own request is forwarded. The chief (who signs the request) is the head,
the person he names is the Point-of-Contact, and neither forwarding note's sign-off
ends the request: the chief's designation and title are read, and nothing the chief
gave is asked for."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_CLERK = (
    "Hi there,\n\n"
    "Passing this along for the Chief and Sgt. Okonkwo. Logo to follow.\n\n"
    "Thanks,\n\n"
    "Priya Delacroix\n"
    "Office Manager\n"
    "Tamsworth Police Department\n\n"
    "From: Okonkwo, Bertrand <bokonkwo@tamsworthvt.test>\n"
    "Sent: Monday, April 7, 2025 3:10 PM\n"
    "To: Delacroix, Priya <pdelacroix@tamsworthvt.test>\n"
    "Subject: FW: e-ticket sign up\n\n"
)

_SERGEANT = (
    "Priya, please get this to the DPS desk. Roster:\n\n"
    "Sgt. Bertrand Okonkwo - TW210 - bokonkwo\n"
    "Officer Lenna Vasko - TW233 - lvasko\n\n"
    "Thanks,\n"
    "Bert\n\n"
    "Sgt. Bertrand Okonkwo\n"
    "Patrol Sergeant\n"
    "Tamsworth Police Department\n\n"
    "From: Ashgrove, Corwin <cashgrove@tamsworthvt.test>\n"
    "Sent: Monday, April 7, 2025 9:02 AM\n"
    "To: Okonkwo, Bertrand <bokonkwo@tamsworthvt.test>\n"
    "Subject: e-ticket sign up\n\n"
)

_CHIEF = (
    "Bert,\n\n"
    "Please send this on with the roster. The Tamsworth Police Department would like to "
    "issue civil violation complaints electronically; the hardware and software are "
    "installed. {poc}\n\n"
    "Judiciary code: 0744\n"
    "Address: 5 Quarry Road, Tamsworth, VT 05998\n"
    "Phone: 802-555-0144\n\n"
    "Corwin\n\n"
    "Corwin Ashgrove\n"
    "Chief of Police\n"
    "Tamsworth Police Department\n"
)


def _read(poc: str):
    text = _CLERK + _SERGEANT + _CHIEF.format(poc=poc)
    return parse_message(
        mail(
            text,
            sender="Delacroix, Priya <pdelacroix@tamsworthvt.test>",
            subject="FW: FW: e-ticket sign up",
        )
    )


def test_the_chief_at_the_end_of_the_chain_designates_the_contact() -> None:
    result = _read("I designate Sergeant Bertrand Okonkwo as our e-ticket Point-of-Contact.")
    assert result.intent == "enrollment"
    assert result.head_of_department.name == "Corwin Ashgrove"
    assert result.head_of_department.title == "Chief of Police"
    assert result.point_of_contact.name == "Bertrand Okonkwo"
    assert result.point_of_contact.email == "bokonkwo@tamsworthvt.test"
    assert not any(p.startswith("point_of_contact") for p in result.missing)


def test_the_you_of_the_chiefs_request_is_whom_he_wrote_to() -> None:
    result = _read("You will be our e-ticket point of contact.")
    assert result.point_of_contact.name == "Bertrand Okonkwo"
    assert result.point_of_contact.email == "bokonkwo@tamsworthvt.test"
    assert result.head_of_department.name == "Corwin Ashgrove"


def test_the_values_in_a_colleagues_quoted_message_sent_on_are_not_asked() -> None:
    """ "Everything you need should be in the thread below": the chief forwards his own
    reply to the clerk who gathered the values; her quoted message gives the code and
    the address, his own text the phone to use."""
    body = (
        "Hello,\n\nKelby PD would like to sign up for e-ticketing. Everything you need is in "
        "the thread below.\nSgt. Ann Roy will be our point of contact (aroy@kelbyvt.test).\n\n"
        "Tom Hale\nChief of Police\nKelby Police Department\n\n"
        "-------- Forwarded Message --------\nSubject: RE: e-ticket info\n"
        "Date: Tue, 24 Nov 2026 14:40:55 -0500\nFrom: Tom Hale <thale@kelbyvt.test>\n"
        "To: Jo Pike <jpike@kelbyvt.test>\n\n"
        "Jo - 555-0111 is the fax. Main line is (802) 555-0199.\n\n"
        "-----Original Message-----\nFrom: Jo Pike <jpike@kelbyvt.test>\n"
        "Sent: Tuesday, November 24, 2026 11:18 AM\nTo: Tom Hale <thale@kelbyvt.test>\n"
        "Subject: e-ticket info\n\n"
        "> Name on ticket: Kelby Police Department\n> Judiciary code: 0917\n"
        "> Address: 3 Park St, Kelby, VT 05998\n> Phone: (802) 555-0111\n>\n"
        "> Officers:\n> Roy, Ann - Sergeant - 20442 - aroy\n> Dunn, Pia - Officer - 20451 - pdunn\n"
    )
    got = parse_message(
        mail(body, sender="Tom Hale <thale@kelbyvt.test>", subject="Fwd: RE: e-ticket info")
    )
    assert got.agency.judiciary_code == "0917"
    assert got.agency.address == "3 Park St, Kelby, VT 05998"
    assert got.agency.phone is not None and got.agency.phone.endswith("555-0199")
    assert not {"agency.judiciary_code", "agency.address"} & set(got.missing)
