"""The PoC and the head as short notes give them: "Our POC would be Officer ...", the
head set off by commas after his title ("Our Chief Inspector, Ann Roy, has approved"), the
writer's name in brackets after his title, "I'm chief and PoC", and labels typed one
letter wrong ("point of contatc", "judicairy code 412")."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_poc_said_in_the_conditional_is_the_poc() -> None:
    got = parse_message(
        mail(
            "Hello,\n\nPell Hollow Campus Public Safety would like to sign up for "
            "e-ticketing. Please let me know what you need from us. Our POC would be "
            "Officer Nils Varga.\n\nDirector Ada Quist\nPell Hollow Campus Public Safety\n",
            sender="Ada Quist <ada.quist@pellhollow.edu>",
            subject="Campus Safety - e-ticket sign up",
        )
    )
    assert got.point_of_contact.name == "Nils Varga"
    assert got.head_of_department.name == "Ada Quist"


def test_a_head_set_off_by_commas_after_his_title_who_approved_is_the_head() -> None:
    got = parse_message(
        mail(
            "Hello,\n\nPell Enforcement & Safety would like to sign up for e-ticketing. Our "
            "Chief Inspector, Mara Lindqvist, has approved and asked me to send this. I'm "
            "the IT Manager and will be the point of contact.\n\nJudiciary code 0652\n\n"
            "Thanks!\nOwen Brisk\nIT Manager, Pell Enforcement & Safety\n",
            sender="Owen Brisk <owen.brisk@pell.example.org>",
            subject="Pell Enforcement - eTicket setup request",
        )
    )
    assert (got.head_of_department.name, got.head_of_department.title) == (
        "Mara Lindqvist",
        "Chief Inspector",
    )
    assert got.point_of_contact.name == "Owen Brisk"


def test_a_writer_named_in_brackets_after_his_head_title_is_the_head() -> None:
    got = parse_message(
        mail(
            "Hi we'd like to do the e ticket thing. I'm the town constable (Ivo Marsh). our "
            "code is 0127. will send the rest later.\n\nIvo\n",
            sender="constable@townofpell.org",
            subject="eticket",
        )
    )
    assert (got.head_of_department.name, got.head_of_department.title) == (
        "Ivo Marsh",
        "Constable",
    )


def test_a_terse_chief_and_poc_is_the_poc() -> None:
    got = parse_message(
        mail(
            "DPS -\nPell PD wants in on e-ticketing. I'm chief and PoC. Code 0198, Pell "
            "Police Dept, 14 Main St, Pell VT 05859, 802-555-0109. Roster to follow.\n"
            "Bo Hale\n",
            sender='"Bo Hale" <bhale.chief@gmail.com>',
            subject="Pell PD eticket",
        )
    )
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Bo Hale",
        "bhale.chief@gmail.com",
    )


def test_poc_words_and_code_label_typed_one_letter_wrong_are_read() -> None:
    got = parse_message(
        mail(
            "hi there\n\npell police dept would like to sign up for e-ticketing. i'm the "
            "chief, Bo Hale, and I will be the point of contatc too, use this email\n\n"
            "judicairy code 412\nPell Police Department\n14 Main St, Pell VT 05680\n\n"
            "thanks\nbo\n",
            sender='"Bo Hale" <chief@pellvtpd.org>',
            subject="e ticket sign up",
        )
    )
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Bo Hale",
        "chief@pellvtpd.org",
    )
    assert got.agency.judiciary_code == "412"
    assert "agency.judiciary_code" in {i.field for i in got.invalid}


def test_point_of_contract_is_not_respelled() -> None:
    from mailbot.intake.poc_plain_words import poc_words_respelled

    assert poc_words_respelled("the point of contract") == "the point of contract"
    assert poc_words_respelled("our Piont of Contatc is") == "our Point of Contact is"


def test_the_part_of_the_agency_a_head_signs_after_his_title_is_kept_in_it() -> None:
    body = (
        "Good afternoon,\n\nThe Pell Attorney General's Office would like to start issuing "
        "tickets electronically. I have designated Investigator Sam Rand as the e-ticket "
        "Point-of-Contact (sam.rand@pell.example.org).\n\nJudiciary code: 0915\n\n"
        "Sincerely,\nMark Hollis\n{title}\n"
    )
    for title, read in (
        ("Chief, Criminal Division", "Chief, Criminal Division"),
        ("Director, Enforcement & Safety Division", "Director"),
    ):
        got = parse_message(
            mail(
                body.format(title=title),
                sender="Mark Hollis <mark.hollis@pell.example.org>",
                subject="e-ticket request",
            )
        )
        assert (got.head_of_department.name, got.head_of_department.title) == ("Mark Hollis", read)
