"""A note saying outright which field an export's column holds ("The CJTC_ID column holds
each officer's VT LEO number") is read even where another heading names that field in
its own words (an internal "Badge No"); a field named only in passing leaves the
headings as they are."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

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
    msg = EmailMessage()
    msg["From"] = "Alma Brandt <abrandt@mapleridge.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket request"
    msg.set_content(_BODY.format(note=note))
    msg.add_attachment(_EXPORT.encode(), maintype="text", subtype="csv", filename="staff.csv")
    result = parse_message(msg.as_bytes())
    return [(o.last_name, o.officer_number) for o in result.officers]


def test_a_column_said_to_be_the_leo_number_is_read_over_a_badge_column() -> None:
    note = "The CJTC_ID column holds each officer's VT LEO number; the badge is ours only."
    assert _officers(note) == [("Brandt", "00417"), ("Ocampo", "03352")]


def test_a_column_said_to_sit_by_the_number_leaves_the_headings() -> None:
    note = "The CJTC_ID column comes from the academy next to the badge number."
    assert _officers(note) == [("Brandt", "MR-1"), ("Ocampo", "MR-4")]
