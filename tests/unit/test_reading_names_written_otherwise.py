"""One person written two ways: a PoC whose name has accents and whose address has none
("Cpl. Émilie Roy eroy@..."), a head who makes himself the PoC and signs with an
initial ("CHIEF G. ROY") where the roster gives him in full, and a head whose roster row
is typed without capitals or apostrophe ("steve obrien chief ...") under the From
header's "Steve O'Brien"."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_LOGO = [("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")]


def test_address_of_a_poc_whose_name_has_accents() -> None:
    body = (
        "Hello, Quillfield PD would like to be set up for e tickets. Name: Quillfield Police "
        "Department. Jud code 0917. 12 Mill Lane, Quillfield, VT 05999. 802-555-0190. "
        "Officers: Roy, Émilie, Corporal, QF014, eroy. Logo attached. PoC is Cpl. Émilie "
        "Roy eroy@quillfieldpd.test 802-555-0191 ext 3\n\nThanks\nHollis Trask\nChief\n"
    )
    raw = mail(
        body, sender="Hollis Trask <htrask.qpd@gmail.com>", subject="e tickets", attachments=_LOGO
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "Émilie Roy"
    assert result.point_of_contact.email == "eroy@quillfieldpd.test"


def test_head_as_his_own_poc_signed_with_an_initial_is_named_in_full() -> None:
    body = (
        "GOOD MORNING,\n\nTHE QUILLFIELD POLICE DEPARTMENT WOULD LIKE TO START ISSUING "
        "TICKETS ELECTRONICALLY. I WILL BE THE POINT OF CONTACT MYSELF.\n\nOUR JUDICIARY "
        "CODE IS 0917. ADDRESS IS 12 MILL LANE, QUILLFIELD VT 05999. PHONE 802-555-0190.\n\n"
        "OFFICERS ARE MYSELF, CHIEF HOLLIS TRASK, LEO NUMBER 2HT18, DPS USERNAME HTRASK AND "
        "OFFICER NORA VALE, LEO NUMBER 5NV63, DPS USERNAME NVALE.\n\nTHANK YOU\n\n"
        "CHIEF H. TRASK\nQUILLFIELD POLICE DEPT\n802-555-0190 EXT 2\n"
    )
    raw = mail(
        body,
        sender="Quillfield Police <quillfieldpd@myisp.test>",
        subject="E TICKETS",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert result.point_of_contact.name == "HOLLIS TRASK"
    assert result.point_of_contact.email == "quillfieldpd@myisp.test"


def test_head_title_from_his_roster_row_typed_without_apostrophe() -> None:
    body = (
        "quillfield police dept wants in on the etickets. jud code is 0917. 12 mill lane "
        "quillfield vt 05999. 802-555-0190. poc is me steve obrien sobrien@quillfieldvt.test"
        "\n\nofficers\nsteve obrien chief 0SO41 sobrien\nnora vale officer 6NV20 nvale\n\n"
        "logo attached\n\nSent from my Galaxy\n"
    )
    raw = mail(
        body,
        sender="Steve O'Brien <sobrien@quillfieldvt.test>",
        subject="etickets",
        attachments=_LOGO,
    )
    result = parse_message(raw)
    assert (result.head_of_department.title or "").lower() == "chief"
