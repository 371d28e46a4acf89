"""A list line whose number is a note in round brackets, between its dashes, is read
with the note cut to its first clause ("(number coming, the academy has not sent it)"
says "number coming"): the officer is read and his number asked for, the commas of the
reason no fields of the line."""

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

Officers:
Chief Alma Brandt – Chief – 00417 – abrandt
Officer Jules Ocampo – Officer – {note} – jocampo

Regards,
Chief Alma Brandt
"""


def _second(note: str) -> tuple[tuple[str | None, ...], list[str]]:
    raw = mail(
        _BODY.format(note=note),
        sender="Alma Brandt <abrandt@mapleridge.test>",
        subject="e-ticket request",
    )
    result = parse_message(raw)
    rows = [(o.last_name, o.title, o.officer_number, o.dps_username) for o in result.officers]
    return rows[1] if len(rows) > 1 else (), result.missing


def test_a_bracketed_reason_after_the_number_coming_leaves_the_officer_read() -> None:
    row, missing = _second("(number coming, the academy has not sent it)")
    assert row == ("Ocampo", "Officer", None, "jocampo")
    assert "officers[1].officer_number" in missing
