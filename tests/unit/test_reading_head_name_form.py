"""The head's name in the form he writes it himself: the middle initial a roster cell
adds is not his, nor the one his signature has when he introduces himself without it."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def _mail(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Town of Pell Hollow <office@pellhollow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(body)
    return msg.as_bytes()


def test_self_introduction_without_initial_gives_the_head_name() -> None:
    body = (
        "Hello,\n\n"
        "My name is Nadia Okonkwo, I am the Sheriff of Pell County. We would like to be\n"
        "set up for e-ticketing.\n\n"
        "Judiciary code: 0877\nAgency name: Pell County Sheriff's Office\n"
        "Address: 9 Court Row, Pell Hollow, VT 05997\nPhone: 802-555-0190\n"
        "Point of contact: Deputy Ivo Marsh, imarsh@pellhollow.test\n\n"
        "Officers:\nDeputy Ivo Marsh, PC201, imarsh\n\n"
        "Thank you,\nSheriff Nadia P. Okonkwo\n"
    )
    result = parse_message(_mail(body))
    assert result.head_of_department.name == "Nadia Okonkwo"


def test_middle_initial_of_a_roster_cell_is_not_added_to_the_signed_name() -> None:
    body = (
        "Hello,\n\n"
        "Pell Hollow Police Department asks to join e-ticketing.\n\n"
        "Judiciary code: 0878\nAgency name: Pell Hollow Police Department\n"
        "Address: 3 Mill St, Pell Hollow, VT 05997\nPhone: 802-555-0191\n"
        "Point of contact: Sgt. Ivo Marsh, imarsh@pellhollow.test\n\n"
        "Title | Full Name | Officer # | DPS Username\n"
        "Chief of Police | Greta K. Lund | PH001 | glund\n"
        "Sergeant | Ivo Marsh | PH014 | imarsh\n\n"
        "Thank you,\nGreta Lund\nChief of Police\n"
    )
    result = parse_message(_mail(body))
    assert result.head_of_department.name == "Greta Lund"
