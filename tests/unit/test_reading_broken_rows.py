"""Rows a paste broke: a tab-separated row cut short whose other cells went to the next
line ("Roy<TAB>Ann<TAB>Chief" over "00417<TAB>aroy") is one officer, not two; and a list
line whose number is a note in brackets ("– (number to follow, academy class ends in
May) –") is the officer, his number asked for."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """\
Hello,

Maple Ridge Police Department asks to join e-ticketing.

Judiciary code: 0997
Name on ticket: Maple Ridge Police Department
Address: 3 Depot Road, Maple Ridge, VT 05997
Phone: 802-555-0144
I will be the point of contact.

{roster}
Regards,
Chief Alma Brandt
"""


def _read(roster: str) -> tuple[list[tuple[str | None, ...]], list[str]]:
    raw = mail(
        _BODY.format(roster=roster),
        sender="Alma Brandt <abrandt@mapleridge.test>",
        subject="e-ticket request",
    )
    result = parse_message(raw)
    rows = [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]
    return rows, [p for p in result.missing if p.startswith("officers")]


def test_a_tab_row_broken_onto_the_next_line_is_one_officer() -> None:
    roster = (
        "Last\tFirst\tTitle\tLEO #\tDPS user\tShift\n"
        "Brandt\tAlma\tChief\n"
        "00417\tabrandt\tdays\n"
        "Ocampo\tJules\tOfficer\t03352\tjocampo\tnights\n"
    )
    rows, missing = _read(roster)
    assert rows == [
        ("Brandt", "Alma", "Chief", "00417", "abrandt"),
        ("Ocampo", "Jules", "Officer", "03352", "jocampo"),
    ]
    assert missing == []


def test_a_bracketed_note_for_the_number_leaves_the_officer_read() -> None:
    roster = (
        "Officers:\n"
        "Chief Alma Brandt – Chief – 00417 – abrandt\n"
        "Officer Jules Ocampo – Officer – (number to follow, academy class ends in May) – jocampo\n"
    )
    rows, missing = _read(roster)
    assert rows[1] == ("Ocampo", "Jules", "Officer", None, "jocampo")
    assert missing == ["officers[1].officer_number"]
