"""Who is who, and the agency's values, as a careful reader takes them: a nickname in
quotes beside a roster row's first name, a signature's role line over a phone number,
a head title with "Acting" or "Interim" before it, the signer's own address under a
department mailbox, a house number on the line of the code, the letterhead and the
writer of a memo attached to a roster change, a letter signed with a middle initial and
a suffix, a photo of the roster while the logo is to follow, a "Security Officer"."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.data import build
from tests.reading_mail import mail

_AGENCY = (
    "Judiciary code: 0777\nAgency name: Quarry Hollow Police Department\n"
    "Address: 14 Mill Road, Quarry Hollow, VT 05999\nPhone: 802-555-0170\n"
)


def _read(body: str, sender: str = "Ann Roy <aroy@quarryvt.test>", **kw: object) -> ParseResult:
    subject = str(kw.pop("subject", "E-ticket enrollment"))
    return parse_message(mail(body, sender=sender, subject=subject, **kw))  # type: ignore[arg-type]


def test_a_quoted_nickname_after_the_first_name_of_last_first_rows() -> None:
    result = _read(
        "We would like to join e-ticketing. I will be the PoC myself.\n\n"
        + _AGENCY
        + "\nOfficers:\n"
        'Quist, Theodore "Ted" - Master Sergeant - QH201 - tquist\n'
        'Lambert Jr., Victor "Vic" - Officer - QH214 - vlambert\n\nChief Ann Roy\n'
    )
    rows = [(o.last_name, o.first_name, o.title) for o in result.officers]
    assert rows[0] == ("Quist", "Theodore", "Master Sergeant")
    assert rows[1][1:] == ("Victor", "Officer")
    assert not [m for m in result.missing if m.startswith("officers")]


def test_a_quoted_nickname_closing_the_first_name_cell() -> None:
    result = _read(
        "We would like to join e-ticketing. I will be the PoC myself.\n\n"
        + _AGENCY
        + "\nOfficers:\nRoy | Ann | Chief | QH100 | aroy\n"
        'Gendreau | Marcel "Marc" | Corporal | QH105 | mgendreau\n\nChief Ann Roy\n'
    )
    assert [(o.last_name, o.first_name, o.title) for o in result.officers][1] == (
        "Gendreau",
        "Marcel",
        "Corporal",
    )


_FIX = (
    "Hello,\n\nOfficer Dale Pruitt's number should be QH244, not QH224. His username "
    "dpruitt is right.\n\nSorry about that! Can you fix it?\n\n"
)


def test_a_poc_role_line_over_a_phone_number_names_the_signer() -> None:
    result = _read(
        _FIX + "Nadia Brisson\nQuarry Hollow Police Department\ne-Ticket Point of Contact\n"
        "802-555-0171\n",
        sender="Nadia Brisson <nbrisson@quarryvt.test>",
        subject="Number fix",
    )
    assert result.intent == "officer_maintenance"
    assert result.point_of_contact.name == "Nadia Brisson"
    assert result.point_of_contact.email == "nbrisson@quarryvt.test"


def test_an_acting_head_title_is_no_agency_name() -> None:
    result = _read(
        "Here are our officers.\n\nRoy | Ann | Lieutenant | QH100 | aroy\n\n"
        "Lt. Ann Roy\nActing Chief of Police\nQuarry Hollow Police Department\n",
        subject="Re: Quarry Hollow e-ticket enrollment",
    )
    assert result.agency.name == "Quarry Hollow Police Department"


def test_the_signers_own_address_under_a_department_mailbox() -> None:
    result = _read(
        "Hello,\n\nThe Chief has designated me as the e-ticket point of contact.\n\n"
        + _AGENCY
        + "\nOfficer   Ann Roy   QH100  aroy\nOfficer   Ben Lutz  QH110  blutz\n\n"
        "Thank you,\n\nOfc. Ben Lutz\nQuarry Hollow Police Department\n"
        "Desk: 802-555-0170 | blutz@quarryvt.test\n",
        sender="Quarry Hollow Police Department <police@quarryvt.test>",
    )
    assert result.point_of_contact.name == "Ben Lutz"
    assert result.point_of_contact.email == "blutz@quarryvt.test"


def test_a_house_number_on_the_code_line_is_not_a_code() -> None:
    result = _read(
        "Hi, Quarry Hollow Police Department would like e-tickets. Sgt. Ben Lutz will be "
        "our PoC, blutz@quarryvt.test.\n\nCode 0777. Address 1450 Mill Road, Quarry Hollow "
        "VT 05999. Phone 802-555-0170.\n\nLutz; Ben; Sergeant; QH110; blutz\n\nChief Ann Roy\n"
    )
    assert result.agency.judiciary_code == "0777"


def _memo(paragraphs: list[str]) -> tuple[str, bytes, str]:
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return ("changes memo.docx", build.docx(paragraphs=paragraphs), kind)


def test_the_letterhead_of_a_memo_with_the_changes_gives_address_and_phone() -> None:
    memo = _memo(
        [
            "QUARRY HOLLOW POLICE DEPARTMENT",
            "14 Mill Road, Quarry Hollow, VT 05999  |  (802) 555-0170",
            "MEMORANDUM",
            "Please deactivate Officer Dale Pruitt, officer number QH244, DPS username "
            "dpruitt, who resigned on November 2.",
            "Chief Ann Roy",
        ]
    )
    result = _read(
        "Good morning,\n\nPlease see the attached memo from Chief Roy about TraCS changes.\n\n"
        "Thank you,\nKim Lo\nExecutive Assistant\nQuarry Hollow Police Department\n",
        sender="Kim Lo <klo@quarryvt.test>",
        subject="TraCS changes - memo attached",
        attachments=[memo],
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.address == "14 Mill Road, Quarry Hollow, VT 05999"
    assert result.agency.phone is not None and result.agency.phone.endswith("555-0170")


def test_the_poc_named_with_his_role_in_a_memos_from_line() -> None:
    memo = _memo(
        [
            "QUARRY HOLLOW POLICE DEPARTMENT",
            "To: DPS e-Ticket Technical Staff",
            "From: Sgt. Ben Lutz, e-Ticket Point-of-Contact, Quarry Hollow Police Department",
            "Please deactivate Officer Dale Pruitt, officer number QH244, who resigned.",
            "Thank you,",
            "Sgt. Ben Lutz",
        ]
    )
    result = _read(
        "Hi,\n\nAttached is a memo with an officer change.\n\nThanks,\nSgt. Ben Lutz\n"
        "Quarry Hollow Police Department\n",
        sender="Ben Lutz <blutz@quarryvt.test>",
        subject="TraCS change",
        attachments=[memo],
    )
    assert result.intent == "officer_maintenance"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Ben Lutz",
        "blutz@quarryvt.test",
    )


def test_a_letter_signed_with_a_middle_initial_and_a_suffix_gives_the_head() -> None:
    letter = _memo(
        [
            "Quarry Hollow Police Department",
            "The Quarry Hollow Police Department would like to start issuing tickets "
            "electronically.",
            "I have designated Sergeant Ben Lutz as the e-ticket Point-of-Contact "
            "(blutz@quarryvt.test).",
            _AGENCY,
            "Lutz | Ben | Sergeant | QH110 | blutz",
            "Thank you,",
            "Albert R. Quist Jr., Chief of Police",
        ]
    )
    result = _read(
        "Hello,\n\nChief Quist asked me to send the attached letter.\n\nThank you,\nMary Hale\n"
        "Town Clerk, Town of Quarry Hollow\n",
        sender="Mary Hale <clerk@quarryvt.test>",
        subject="E-ticket letter from the Chief",
        attachments=[letter],
    )
    assert result.head_of_department.title == "Chief of Police"
    assert (result.head_of_department.name or "").startswith("Albert R. Quist")


def test_an_interim_head_who_asked_for_the_request_keeps_his_title() -> None:
    result = _read(
        "Hi,\n\nI'm the town clerk. Interim Chief Albert Quist asked me to send this.\n\n"
        "Quarry Hollow Police Department would like to start issuing e-tickets. Sgt. Ben "
        "Lutz will be the point of contact, blutz@quarryvt.test.\n\n"
        + _AGENCY
        + "\nLutz | Ben | Sergeant | QH110 | blutz\n\nThanks,\nMary Hale\nTown Clerk\n",
        sender="Mary Hale <clerk@quarryvt.test>",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Albert Quist",
        "Interim Chief",
    )


def test_a_photo_of_the_roster_is_no_logo_when_the_logo_is_to_follow() -> None:
    photo = ("IMG_0042.JPG", build.image("JPEG", 640, 480), "image/jpeg")
    result = _read(
        "Hi,\n\nQuarry Hollow Police Department wants e-tickets.\n\n"
        + _AGENCY
        + "\nI will be the point of contact myself. Took a picture of our roster sheet, it's "
        "attached. Logo to follow from the office.\n\nChief Ann Roy\n",
        attachments=[photo],
    )
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


def test_a_security_officer_keeps_his_whole_title() -> None:
    result = _read(
        "We would like to join e-ticketing. I will be the PoC myself.\n\n"
        + _AGENCY
        + "\nOfficers:\nSgt. Ann Roy, QH100, aroy\nSecurity Officer Ben Lutz, QH110, blutz\n\n"
        "Sgt. Ann Roy\n"
    )
    assert [o.title for o in result.officers] == ["Sergeant", "Security Officer"]


def test_a_phone_number_under_a_poc_label_is_no_name() -> None:
    result = _read(
        "We would like to join e-ticketing.\n\n" + _AGENCY + "\nPoint of Contact\n"
        "802-555-0171\n\nOfficers:\nRoy | Ann | Chief | QH100 | aroy\n\nChief Ann Roy\n"
    )
    assert result.point_of_contact.name is None or any(
        c.isalpha() for c in result.point_of_contact.name
    )
