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


def test_a_head_named_in_full_for_the_request_keeps_that_name_over_the_roster() -> None:
    """ "I am sending this for Chief Josh Elliott": the name the message gives him, not
    the roster's "Joshua"."""
    got = parse_message(
        _mail(
            "Good afternoon,\n\nI am sending this for Chief Josh Elliott, who is out this "
            "week. Pell Hollow Police Department would like to start issuing tickets "
            "electronically. Chief Elliott has designated Sgt. Bo Hale as the e-ticket "
            "Point-of-Contact (bhale@pellhollow.test).\n\nJudiciary code: 0588\n\n"
            "Officers:\nElliott, Joshua - Chief - 10420 - jelliott\n"
            "Hale, Bo - Sergeant - 10433 - bhale\n\nThank you,\n\nKaren Lo\n"
            "Administrative Assistant\n"
        )
    )
    assert got.head_of_department.name == "Josh Elliott"


def test_a_reply_with_the_roster_keeps_the_head_as_he_signed_his_request() -> None:
    """His row "Walter Pierce, Constable" in the reply, his request below it signed "Walt
    Pierce" / "First Constable": the head as he signed it."""
    msg = EmailMessage()
    msg["From"] = "Walt Pierce <walt.pierce@mail.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: e-ticket program - Pell Hollow"
    msg.set_content(
        "Here's the rest of what you need.\n\nJudiciary code: 0966\n\nOfficers:\n"
        "Walter Pierce, Constable, LEO# 6QH01, DPS username wpierce\n"
        "Randy Dow, Constable, LEO# 6QH02, DPS username rdow\n\nWalt\n\n\n"
        "On Thursday, February 19, 2026 at 06:12:40 PM EST, Walt Pierce "
        "<walt.pierce@mail.test> wrote:\n\n\nHello,\n\nThe Town of Pell Hollow would like to "
        "sign up for the e-ticket program for our constables. I'm the First Constable and "
        "I'll be the contact person for it (this email).\n\n"
        'Please have the ticket print as "Pell Hollow Constable Department".\n'
        "Address: Town Office, 1021 Quarry Road, Pell Hollow, VT 05767\n"
        "Phone: 802-234-5506\n\nI'll send the judiciary code and our officer info when I "
        "find them.\n\nWalt Pierce\nFirst Constable\nTown of Pell Hollow\n"
    )
    got = parse_message(msg.as_bytes())
    assert (got.head_of_department.name, got.head_of_department.title) == (
        "Walt Pierce",
        "First Constable",
    )


def test_a_writer_introducing_himself_by_name_then_title_gives_that_title() -> None:
    """ "This is Gary Roy, 1st Constable for the Town of ...": his title as he writes it,
    not his roster row's."""
    got = parse_message(
        _mail(
            "Hello,\n\nThis is Gary Roy, 1st Constable for the Town of Pell Hollow. We would "
            "like to start issuing tickets electronically. I will be the point of contact "
            "myself.\n\nJudiciary code: 0437\n\nofficers\n"
            "Roy, Gary - First Constable - C4371 - groy\nDow, Kevin - Second Constable - "
            "C4388 - kdow\n\nThanks\nGary\n"
        )
    )
    assert (got.head_of_department.name, got.head_of_department.title) == (
        "Gary Roy",
        "1st Constable",
    )
