"""A note saying outright which field an export's column holds ("The CJTC_ID column holds
each officer's VT LEO number") is read even where another heading names that field in
its own words (an internal "Badge No"); a field named only in passing leaves the
headings as they are."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_BODY = """\
Good morning,

Maple Ridge Police Department asks to join e-ticketing.

Judiciary code: 0997
Name on the tickets: Maple Ridge Police Department
Address: 3 Depot Road, Maple Ridge, VT 05997
Phone: 802-555-0144
I will be the point of contact.

Our staff export is attached. {note}

Regards,
Chief Alma Brandt
"""

_EXPORT = (
    "Emp,Badge No,Surname,Given,Rank,CJTC_ID,Login\n"
    "7,MR-1,Brandt,Alma,Chief,00417,abrandt\n"
    "9,MR-4,Ocampo,Jules,Officer,03352,jocampo\n"
)


def _officers(note: str) -> list[tuple[str | None, str | None]]:
    raw = mail(
        _BODY.format(note=note),
        sender="Alma Brandt <abrandt@mapleridge.test>",
        subject="e-ticket request",
        attachments=[("staff.csv", _EXPORT.encode(), "text/csv")],
    )
    result = parse_message(raw)
    return [(o.last_name, o.officer_number) for o in result.officers]


def test_a_column_said_to_be_the_leo_number_is_read_over_a_badge_column() -> None:
    note = "The CJTC_ID column holds each officer's VT LEO number; the badge is ours only."
    assert _officers(note) == [("Brandt", "00417"), ("Ocampo", "03352")]


def test_a_column_said_to_sit_by_the_number_leaves_the_headings() -> None:
    note = "The CJTC_ID column comes from the academy next to the badge number."
    assert _officers(note) == [("Brandt", "MR-1"), ("Ocampo", "MR-4")]
