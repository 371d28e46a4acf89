"""Officers of an enrolment read where they were lost or asked for needlessly: officers
listed under rank group headings ("Sergeants:") take the group's rank as their title, and
a roster typed in capitals in running text ("OFFICERS ARE ME CHIEF ...") is read."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_REQUEST = """\
Good morning,

Birch Falls Police Department would like to enrol in e-ticketing.

Judiciary code: 0388
Agency name: Birch Falls Police Department
Address: 40 Depot Street, Birch Falls, VT 05998
Phone: 802-555-0187
Our e-ticket Point-of-Contact is Sgt. Odile Ferreira, oferreira@birchfalls.test.
Logo attached.

{roster}
Regards,
Magnus Whitcombe
Chief of Police
"""


def _mail(body: str) -> bytes:
    sender = "Magnus Whitcombe <mwhitcombe@birchfalls.test>"
    return mail(body, sender=sender, subject="e-ticket enrolment")


def _rows(result: object) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers  # type: ignore[attr-defined]
    ]


def test_officers_under_rank_group_headings_take_the_group_rank() -> None:
    roster = (
        "Our people (name / number / login):\n\n"
        "Sergeants:\n"
        "  Odile Ferreira / BF210 / oferreira\n"
        "  Rune Halvorsen / BF214 / rhalvorsen\n"
        "Deputies:\n"
        "  Keziah Abernathy / BF230 / kabernathy\n"
        "Officers:\n"
        "  Tomasz Quill / BF241 / tquill\n"
        "  Detective Yara Blum / BF245 / yblum\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Ferreira", "Odile", "Sergeant", "BF210", "oferreira"),
        ("Halvorsen", "Rune", "Sergeant", "BF214", "rhalvorsen"),
        ("Abernathy", "Keziah", "Deputy", "BF230", "kabernathy"),
        ("Quill", "Tomasz", "Officer", "BF241", "tquill"),
        ("Blum", "Yara", "Detective", "BF245", "yblum"),
    ]
    assert not [m for m in result.missing if m.endswith(".title")]


def test_an_officers_label_alone_names_the_roster_not_a_rank() -> None:
    """ "Officers:" over the whole list gives no title: an untitled row is still asked."""
    roster = (
        "Officers:\n"
        "Ferreira, Odile - Sergeant - BF210 - oferreira\n"
        "Quill, Tomasz - BF241 - tquill\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result)[1] == ("Quill", "Tomasz", None, "BF241", "tquill")
    assert "officers[1].title" in result.missing


def test_a_roster_typed_in_capitals_in_running_text_is_read() -> None:
    body = (
        "GOOD DAY WE WOULD LIKE TO ENROL IN E TICKETS. BIRCH FALLS POLICE DEPARTMENT 40 "
        "DEPOT STREET BIRCH FALLS VT 05998 PHONE 802 555 0187. JUDICIARY CODE 0388. "
        "OUR OFFICERS ARE ME CHIEF MAGNUS WHITCOMBE BF201 MWHITCOMBE, SERGEANT ODILE "
        "FERREIRA BF210 OFERREIRA. LOGO ATTACHED. THANKS\nMAGNUS WHITCOMBE\nCHIEF\n"
    )
    result = parse_message(_mail(body))
    read = [(o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers]
    assert read == [
        ("WHITCOMBE", "MAGNUS", "BF201", "MWHITCOMBE"),
        ("FERREIRA", "ODILE", "BF210", "OFERREIRA"),
    ]
    assert [(o.title or "").lower() for o in result.officers] == ["chief", "sergeant"]


def test_a_digit_left_off_keeps_the_officer_on_the_roster() -> None:
    """ "I left out a letter of her number" keeps out the letter, not the officer."""
    roster = (
        "One fix since my first email: Sergeant Ferreira's number is BF210 "
        "(I left off the last digit).\n\n"
        "Officers:\n"
        "Ferreira, Odile - Sergeant - BF210 - oferreira\n"
        "Quill, Tomasz - Officer - BF241 - tquill\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.last_name for o in result.officers] == ["Ferreira", "Quill"]


def test_an_officer_left_off_is_still_kept_out() -> None:
    roster = (
        "Please leave Quill off for now, he is out on leave.\n\n"
        "Officers:\n"
        "Ferreira, Odile - Sergeant - BF210 - oferreira\n"
        "Quill, Tomasz - Officer - BF241 - tquill\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.last_name for o in result.officers] == ["Ferreira"]


def test_a_three_character_number_keeps_its_row_and_is_found_invalid() -> None:
    roster = (
        "Officers:\n"
        "1. Sergeant Odile Ferreira   BF210   oferreira\n"
        "2. Officer Tomasz Quill   Q41   tquill\n"
        "3. Officer Yara Blum   BF245   yblum\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result)[1] == ("Quill", "Tomasz", "Officer", "Q41", "tquill")
    assert [i.field for i in result.invalid] == ["officers[1].officer_number"]
    assert len(result.officers) == 3


def test_a_roster_pasted_twice_is_read_once() -> None:
    roster = (
        "Officers:\n"
        "Ferreira  Odile  Sergeant  BF210  oferreira\n"
        "Quill  Tomasz  Officer  BF241  tquill\n\n"
        "(pasted again)\n\n"
        "Ferreira  Odile  Sergeant  BF210  oferreira\n"
        "Quill  Tomasz  Officer  BF241  tquill\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.officer_number for o in result.officers] == ["BF210", "BF241"]
    assert result.invalid == []


def test_the_writers_own_row_takes_his_name_from_the_from_header() -> None:
    roster = "Officers:\nMyself - Chief, BF201, mwhitcombe\nSgt. Odile Ferreira, BF210, oferreira\n"
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert _rows(result) == [
        ("Whitcombe", "Magnus", "Chief", "BF201", "mwhitcombe"),
        ("Ferreira", "Odile", "Sergeant", "BF210", "oferreira"),
    ]


def test_an_office_name_in_the_from_header_names_no_officer() -> None:
    """A mailbox named for the office ("Birch Falls PD") gives the writer's own row no
    name: the row is not turned into an officer called "Falls PD"."""
    roster = "Officers:\nMyself - Chief, BF201, mwhitcombe\nSgt. Odile Ferreira, BF210, oferreira\n"
    raw = _mail(_REQUEST.format(roster=roster)).replace(
        b"Magnus Whitcombe <mwhitcombe@", b"Birch Falls PD <mwhitcombe@"
    )
    names = {(o.last_name, o.first_name) for o in parse_message(raw).officers}
    assert not any(last in {"PD", "Falls", "Falls PD"} for last, _ in names)
    assert ("Ferreira", "Odile") in names


def test_a_username_told_in_words_after_the_number_is_read() -> None:
    roster = (
        "Officers:\n"
        "Sgt. Odile Ferreira – BF210, username oferreira\n"
        "Officer Tomasz Quill – BF241; his DPS username is tquill\n"
        "Officer Yara Blum – BF245; her DPS username isn't set up yet\n"
    )
    result = parse_message(_mail(_REQUEST.format(roster=roster)))
    assert [o.dps_username for o in result.officers] == ["oferreira", "tquill", None]
