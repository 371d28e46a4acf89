"""Roster rows the reader lost or misread: rows lettered as sub-items ("a. Roe, Ann -
...") under a numbered answer."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _read(body: str, sender: str = "Owen Pratt <opratt@millbrookvt.test>") -> ParseResult:
    return parse_message(mail(body, sender=sender, subject="E-Ticket - Millbrook PD"))


def _rows(result: ParseResult) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]


def test_rows_lettered_under_a_numbered_answer_keep_their_numbers() -> None:
    """ "a. Pratt, Owen - Chief - 21804 - DPS\\opratt": the letter marks the item, and the
    row's all-digit number is its officer number."""
    body = (
        "Good morning,\n\n"
        "Millbrook Police Department would like to issue tickets electronically.\n\n"
        "1. Judiciary code: 0777\n"
        "2. Officers:\n"
        "   a. Pratt, Owen - Chief - 21804 - DPS\\opratt\n"
        "   b. Lafleur, Dana - Officer - 23517 - DPS\\dlafleur\n\n"
        "Thank you,\nOwen Pratt\n"
    )
    assert _rows(_read(body)) == [
        ("Pratt", "Owen", "Chief", "21804", "opratt"),
        ("Lafleur", "Dana", "Officer", "23517", "dlafleur"),
    ]
