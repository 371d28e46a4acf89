"""Agency details set down together, without a label each: a phone number on the line
right under the agency's address or after its ZIP on the same line, a message pasted
in twice read once, and the head spoken of by title and a name of several words."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_ROSTER = (
    "Officers:\n1. Chief Anselm Ste. Onge   GV301   astonge\n"
    "2. Sergeant Ivy Marsh   GV305   imarsh\n\n"
)


def test_a_phone_under_the_agency_address_is_the_agencys_over_the_signers() -> None:
    """A clerk writes for the chief: the block of agency details ends with a number on
    the line under the address; her signature gives the town office's number."""
    body = (
        "Hello,\n\nChief Anselm Ste. Onge asked me to send this for him. The Glenvale Police "
        "Department would like to take part in e-ticketing. Sergeant Ivy Marsh will be the "
        "point of contact, imarsh@glenvale.test.\n\n"
        "Judiciary code 0671\nGlenvale Police Department\n8 River Road, Glenvale, VT 05992\n"
        "(802) 555-0122\n\n" + _ROSTER + "Thank you,\n\nNora Pell\nTown Clerk\nTown of Glenvale\n"
        "PO Box 4, Glenvale, VT 05992\n802-555-0199\n"
    )
    result = parse_message(mail(body, sender="Nora Pell <clerk@glenvale.test>", subject="e-ticket"))
    assert result.agency.phone == "(802) 555-0122"
    assert "agency.phone" not in result.missing
    assert not result.questions


def test_the_head_spoken_of_by_title_is_named_as_the_roster_writes_him() -> None:
    """ "Chief Anselm Ste. Onge asked me": the head's name runs on past its second word, as
    his roster row writes it."""
    body = (
        "Hello,\n\nChief Anselm Ste. Onge asked me to send this for him. The Glenvale Police "
        "Department would like to take part in e-ticketing. Sergeant Ivy Marsh will be the "
        "point of contact, imarsh@glenvale.test.\n\n"
        "Judiciary code 0671\nPhone: (802) 555-0122\nAddress: 8 River Road, Glenvale, VT 05992"
        "\n\n" + _ROSTER + "Thank you,\n\nNora Pell\nTown Clerk\n"
    )
    result = parse_message(mail(body, sender="Nora Pell <clerk@glenvale.test>", subject="e-ticket"))
    assert result.head_of_department.name == "Anselm Ste. Onge"
    assert result.head_of_department.title == "Chief"


_PASTED = (
    "Hello,\n\nThe Glenvale Police Department would like to start issuing tickets "
    "electronically. I have designated Sergeant Ivy Marsh (imarsh@glenvale.test) as our "
    "point of contact for e-ticketing.\n\n"
    "- Judiciary code - 0671\n"
    "- Address and phone - 8 River Road Glenvale VT 05992  802 555 0122\n\n"
    "Marsh  Ivy  Sergeant  GV305  imarsh\nPell  Owen  Officer  GV309  opell\n\n"
    "Thanks,\nAnselm Du Pont\nChief, Glenvale PD\n"
)


def test_a_message_pasted_in_twice_is_read_once() -> None:
    """The same paragraphs twice in a row: one roster, not a second copy of each row."""
    result = parse_message(
        mail(_PASTED + "\n" + _PASTED, sender="Anselm Du Pont <chief@glenvale.test>", subject="x")
    )
    assert [o.officer_number for o in result.officers] == ["GV305", "GV309"]
    assert not result.invalid


def test_a_phone_after_the_zip_on_the_address_line_is_read() -> None:
    """ "8 River Road Glenvale VT 05992  802 555 0122": the ZIP ends the address, and the
    number after it is the phone (never one run of digits with the ZIP)."""
    result = parse_message(
        mail(_PASTED, sender="Anselm Du Pont <chief@glenvale.test>", subject="e-ticket")
    )
    assert result.agency.phone == "(802) 555-0122"
    assert "agency.phone" not in result.missing


def test_a_labelled_address_and_phone_on_one_line_gives_both() -> None:
    body = (
        "Hello,\n\nGlenvale Police Department asks to join e-ticketing; Sergeant Ivy Marsh "
        "(imarsh@glenvale.test) is our point of contact.\n\n"
        "Judiciary code: 0671\n"
        "Address and phone: 8 River Road, Glenvale, VT 05992, 802-555-0122\n\n"
        + _ROSTER
        + "Thanks,\nAnselm Du Pont\nChief of Police\nTown Office 802-555-0150\n"
    )
    result = parse_message(mail(body, sender="Anselm Du Pont <chief@glenvale.test>", subject="x"))
    assert result.agency.address == "8 River Road, Glenvale, VT 05992"
    assert result.agency.phone == "(802) 555-0122"


def test_the_head_who_approved_is_named_as_the_roster_writes_him() -> None:
    """ "Chief Anselm Ste. Onge has approved the list", written by the town clerk: the
    head's full name is his roster row's, abbreviated word and all."""
    body = (
        "Hello,\n\nThe Glenvale Police Department would like to take part in e-ticketing; "
        "Chief Anselm Ste. Onge has approved the list below. Sergeant Ivy Marsh will be the "
        "point of contact, imarsh@glenvale.test.\n\n"
        "Judiciary code 0671\nPhone: (802) 555-0122\nAddress: 8 River Road, Glenvale, VT 05992"
        "\n\n" + _ROSTER + "Thank you,\n\nNora Pell\nTown Clerk\n"
    )
    result = parse_message(mail(body, sender="Nora Pell <clerk@glenvale.test>", subject="e-ticket"))
    assert result.head_of_department.name == "Anselm Ste. Onge"


def _pasted_badge(words: str) -> bytes:
    from email.message import EmailMessage

    from tests.data import build

    msg = EmailMessage()
    msg["From"] = "Anselm Du Pont <chief@glenvale.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    body = (
        "Hello,\n\nThe Glenvale Police Department asks to join e-ticketing. Sergeant Ivy "
        "Marsh (imarsh@glenvale.test) is our point of contact. Judiciary code 0671, 8 River "
        f"Road, Glenvale, VT 05992, main line 802-555-0122. {words}\n\n"
        + _ROSTER
        + "Thanks,\nAnselm Du Pont\nChief of Police\n"
    )
    msg.set_content(body)
    html = "<div>" + body.replace("\n", "<br>") + '</div><div><img src="cid:b1"></div>'
    msg.add_alternative(html, subtype="html")
    msg.get_payload()[1].add_related(  # type: ignore[union-attr, index]
        build.png(150, 150), "image", "png", cid="<b1>", filename="glenvale-badge.png"
    )
    return msg.as_bytes()


def test_a_badge_pasted_below_the_text_is_the_logo() -> None:
    """ "Our badge is below; please use it for the warnings": the image the mail client
    placed in the text is the logo."""
    result = parse_message(_pasted_badge("Our badge is below; please use it for warnings."))
    assert result.agency.logo == "glenvale-badge.png"
    assert "agency.logo" not in result.missing


def test_badge_numbers_do_not_make_a_pasted_image_the_logo() -> None:
    result = parse_message(_pasted_badge("Badge numbers are in the list below."))
    assert result.agency.logo is None


def test_a_signature_tables_cells_give_the_head_and_his_title() -> None:
    """An HTML signature laid out as a table, flattened to one line with its cells apart
    by TABs: the head's name (with a capital inside it) and title are in the first cell."""
    body = (
        "Hello,\n\nThe Glenvale Police Department would like to join e-ticketing. Sergeant "
        "Ivy Marsh (imarsh@glenvale.test) is our point of contact.\n\n"
        "Judiciary code: 0671\nAddress and phone: 8 River Road, Glenvale, VT 05992 / "
        "802-555-0122\n\nOfficers:\n1. Sergeant Ivy Marsh   GV305   imarsh\n"
        "2. Officer Owen Pell   GV309   opell\n\nThank you,\n\n"
        "\tDeclan McAvoy Chief of Police\tGlenvale Police Department 8 River Road\n"
    )
    result = parse_message(mail(body, sender="Declan McAvoy <chief@glenvale.test>", subject="x"))
    assert result.head_of_department.name == "Declan McAvoy"
    assert result.head_of_department.title == "Chief of Police"


def test_a_logo_said_to_come_later_in_a_long_sentence_is_not_the_pasted_image() -> None:
    result = parse_message(
        _pasted_badge(
            "Our logo is being redrawn by the town's graphic designer and I will send it"
            " when it is done."
        )
    )
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


def test_the_head_set_beside_his_title_is_the_head_not_the_writer() -> None:
    """ "Our constable, Orrin Blaise, asked me to send this": the clerk who writes and
    signs is not the head; the constable named beside his title is."""
    body = (
        "Hello,\n\nI am the town clerk. Our constable, Orrin Blaise, asked me to send this "
        "for him. The Town of Glenvale would like to start using e-tickets; put me down as "
        "the contact (Nora Pell, clerk@glenvale.test).\n\n"
        "Judiciary code is 0671\nName for the ticket: Glenvale Town Constable\n"
        "Address: 8 River Road, Glenvale, VT 05992\nPhone: 802-555-0122\n\n"
        "Officer: Orrin Blaise, Constable, officer number GV012, DPS username oblaise\n\n"
        "Thank you,\nNora Pell\nTown Clerk\n"
    )
    result = parse_message(mail(body, sender="Nora Pell <clerk@glenvale.test>", subject="x"))
    assert result.head_of_department.name == "Orrin Blaise"
    assert result.head_of_department.title == "Constable"


def test_the_head_who_approved_keeps_his_abbreviated_surname_word() -> None:
    """ "Chief Paul St. Onge has approved", no roster row of his: "St." begins his
    surname, it ends no sentence."""
    body = (
        "Hello,\n\nThe Glenvale Police Department would like to take part in e-ticketing; "
        "Chief Paul St. Onge has approved the list below. Sergeant Ivy Marsh will be the "
        "point of contact, imarsh@glenvale.test.\n\n"
        "Judiciary code 0671\nPhone: (802) 555-0122\nAddress: 8 River Road, Glenvale, VT 05992"
        "\n\nOfficers:\n1. Sergeant Ivy Marsh   GV305   imarsh\n\nThank you,\n\nNora Pell\n"
        "Office Manager\n"
    )
    result = parse_message(mail(body, sender="Nora Pell <office@glenvale.test>", subject="x"))
    assert result.head_of_department.name == "Paul St. Onge"
