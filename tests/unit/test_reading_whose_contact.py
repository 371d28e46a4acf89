"""The agency's address and phone come from what is said of the police agency (its
letterhead, its signature block), not from whoever forwards or writes for it: a town
administrator's or a contractor's own office details rank below the agency's own, and a
tie stays with staff (the sender is not asked). A town official writing in prose for the
chief makes the chief, not herself, the head, and the officers she lists are read."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _parse(sender: str, subject: str, body: str) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return parse_message(msg.as_bytes())


_CHIEFS_MAIL = (
    "From: Nora Quill <nquill@millbrookpd.org>\n"
    "Sent: Tuesday, March 4, 2025 9:12 AM\n"
    "To: {to}\n"
    "Subject: e-ticket setup\n\n"
    "Here is what DPS needs for our e-ticket setup. Judiciary code 0744.\n\n"
    "Name on ticket: Millbrook Police Department\n\n"
    "Officers\n"
    "Sgt. Owen Tarbox - M2201 - otarbox\n"
    "Ofc. Lena Duval - M2214 - lduval\n\n"
    "Thanks\n"
    "Nora\n\n"
    "Chief Nora Quill\n"
    "Millbrook Police Department\n"
    "77 Depot Street, Millbrook, VT 05999\n"
    "(802) 555-0140\n"
)


def test_town_administrator_forwarding_the_chiefs_mail_gives_the_police_contact() -> None:
    result = _parse(
        "Paul Ridley <pridley@townofmillbrook.org>",
        "FW: e-ticket setup",
        "Good afternoon,\n\nPlease see the Chief's request below for the Millbrook Police"
        " Department.\n\nRegards,\n\nPaul Ridley\nTown Administrator\nTown of Millbrook\n"
        "12 Common Road, Millbrook, VT 05999\nPhone: 802-555-0199\n\n"
        + _CHIEFS_MAIL.format(to="Paul Ridley <pridley@townofmillbrook.org>"),
    )
    assert result.agency.address == "77 Depot Street, Millbrook, VT 05999"
    assert result.agency.phone is not None and "555-0140" in result.agency.phone


def test_contractor_forwarding_the_chiefs_mail_gives_the_police_contact() -> None:
    result = _parse(
        "Sam Okafor <sam@okaforit.net>",
        "Fwd: e-ticket setup",
        "Hello,\n\nChief Quill asked me to forward the information below. I'm their IT"
        " contractor.\n\nThanks,\n\nSam Okafor\nOkafor IT Services LLC\n"
        "5 Bridge Street, Fairmont, VT 05998\n802-555-0177\n\n"
        "---------- Forwarded message ----------\n"
        + _CHIEFS_MAIL.format(to="Sam Okafor <sam@okaforit.net>"),
    )
    assert result.agency.address == "77 Depot Street, Millbrook, VT 05999"
    assert result.agency.phone is not None and "555-0140" in result.agency.phone


def test_two_other_parties_details_go_to_staff_not_the_sender() -> None:
    result = _parse(
        "Sam Okafor <sam@okaforit.net>",
        "e-ticket setup for Millbrook PD",
        "Hello,\n\nThe Millbrook Police Department would like to start e-tickets. Judiciary"
        " code 0744. Officers: Sgt. Owen Tarbox - M2201 - otarbox, Ofc. Lena Duval - M2214 -"
        " lduval.\n\nThanks,\n\nSam Okafor\nOkafor IT Services LLC\n802-555-0177\n\n"
        "cc: Paul Ridley\nTown Administrator\nTown of Millbrook\n802-555-0199\n",
    )
    assert result.agency.phone is None
    assert "agency.phone" not in result.missing
    assert "agency.phone" in (result._questions or {})


def test_town_manager_writing_for_the_chief_names_him_head_and_lists_the_officers() -> None:
    result = _parse(
        "Dana Pike <townmanager@millbrookvt.org>",
        "Millbrook PD e-ticket enrollment",
        "Good morning,\n\nI am writing on behalf of the Millbrook Police Department and Chief"
        " Victor Hale, who has authorized this request. Chief Hale has designated Lt. Iris"
        " Moody (imoody@millbrookpd.org) as the e-ticket point of contact. Our judiciary code"
        " is 0744. The department is at 77 Depot Street, Millbrook, VT 05999, and its business"
        " number is 802-555-0140.\n\nThe officers who will be issuing tickets are Chief Hale"
        " himself (LEO number M2100, DPS username vhale), Lt. Moody (M2105, imoody) and"
        " Officer Lena Duval (M2214, lduval).\n\nSincerely,\n\nDana Pike\nTown Manager\n"
        "Town of Millbrook\n12 Common Road, Millbrook, VT 05999\n802-555-0199\n",
    )
    assert result.head_of_department.name == "Victor Hale"
    assert result.head_of_department.title == "Chief"
    assert [(o.first_name, o.last_name, o.officer_number) for o in result.officers] == [
        ("Victor", "Hale", "M2100"),
        ("Iris", "Moody", "M2105"),
        ("Lena", "Duval", "M2214"),
    ]
    assert result.agency.address == "77 Depot Street, Millbrook, VT 05999"
