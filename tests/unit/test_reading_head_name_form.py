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


def test_the_short_name_he_gives_himself_is_kept_over_the_rosters() -> None:
    """ "Walt" in the From header and the sign-off, "Walter" in the roster's first name
    cell: the head is named as he names himself; signed "Walt" under a From header that
    names no person, he is the roster's Walter."""
    body = (
        "Hello,\n\nThe Town of Pell Hollow Constable asks to join e-ticketing. I will be\n"
        "the e-ticket Point-of-Contact.\n\n"
        "Judiciary code: 0879\nAgency name: Town of Pell Hollow Constable\n"
        "Address: 3 Mill St, Pell Hollow, VT 05997\nPhone: 802-555-0192\n\n"
        "Officer Last Name: Okafor\nOfficer First Name: Walter\n"
        "Officer Rank/Title: Constable\nOfficer Number: 71234\nDPS Username: wokafor\n\n"
        "Thank you,\nWalt Okafor\nConstable\n"
    )
    for sender, named in (
        ("Walt Okafor <wokafor@pellhollow.test>", "Walt Okafor"),
        ("Pell Hollow Constable <office@pellhollow.test>", "Walter Okafor"),
    ):
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = "dps.eTicket@vermont.gov"
        msg["Subject"] = "e-ticket enrollment"
        msg.set_content(body)
        assert parse_message(msg.as_bytes()).head_of_department.name == named
