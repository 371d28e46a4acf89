"""Roster rows the reader lost or misread: rows lettered as sub-items ("a. Roe, Ann -
...") under a numbered answer; a row after the roster's heading as its label ("Officer:
Foss, Ann Marie  Constable ...", "Officers: Cpl. Ben Roy (WP052, broy), ..."); the login
a lone constable says he was given ("i was given username jdoe"); a remark before a
value said not given ("new hire, LEO # not issued yet")."""

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


def test_a_row_after_the_roster_heading_as_its_label_keeps_the_surname_first() -> None:
    """ "Officer: Lund, Mary Beth  Constable  LEO 30455  DPS user mlund": "Last, First
    Middle" after the label, not "Mary" and "Beth"."""
    body = (
        "Hello\n\n"
        "Town of Millbrook would like to do the e tickets.\n\n"
        "Officer: Lund, Mary Beth  Constable  LEO 30455  DPS user mlund\n\n"
        "Thank you\nMary Beth Lund\n"
    )
    result = _read(body, sender="Mary Beth Lund <mblund55@mail.test>")
    assert _rows(result) == [("Lund", "Mary Beth", "Constable", "30455", "mlund")]


def test_rows_run_on_after_the_officers_label_take_no_name_from_it() -> None:
    """ "Officers: Cpl. Ben Roy (WP052, broy), Ofc. Jen Sabo (WP061, jsabo).": the first
    officer is Ben Roy, not one named "Officers"."""
    body = (
        "Millbrook Police Department wants to join e-ticketing.\n"
        "JB code 0236. 12 Main St, Millbrook VT 05999. 802-555-0147.\n"
        "Officers: Cpl. Ben Roy (WP052, broy), Ofc. Jen Sabo (WP061, jsabo).\n\n"
        "Chief Owen Pratt\n"
    )
    assert _rows(_read(body)) == [
        ("Roy", "Ben", "Corporal", "WP052", "broy"),
        ("Sabo", "Jen", "Officer", "WP061", "jsabo"),
    ]


def test_the_login_a_lone_writer_says_he_was_given_is_his_username() -> None:
    """ "my LEO number is MB777 and i was given username oroy": the writer's own row
    keeps the login, as "my username is oroy" would."""
    body = (
        "Hello\n"
        "I am the constable for the Town of Millbrook and should get set up for the "
        "e-tickets. it is just me. Town of Millbrook Constable, PO Box 36, Millbrook VT "
        "05999, phone 802 555 0189. Judiciary code 0777. my LEO number is MB777 and i was "
        "given username oroy. We don't have a logo.\n"
        "Owen Roy\n"
        "Constable\n"
    )
    result = _read(body, sender="owen roy <oroy_millbrook@mail.test>")
    assert _rows(result) == [("Roy", "Owen", "Constable", "MB777", "oroy")]


def test_a_remark_before_a_number_not_issued_keeps_the_row_and_asks_for_it() -> None:
    """ "* Ofc. Ann Roy - new hire, LEO # not issued yet - user aroy": the officer is
    kept, and only his number is asked for."""
    body = (
        "Millbrook PD would like to join the eticket program.\n\n"
        "Agency: Millbrook Police Department\n"
        "Juris code 0777\n"
        "12 Main St, Millbrook, VT 05999\n"
        "Tel 802-555-0138\n\n"
        "Users:\n"
        "* Sgt. Owen Pratt #MB330 user opratt\n"
        "* Ofc. Ann Roy - new hire, LEO # not issued yet - user aroy\n"
        "* Ofc. Bo Tran #MB347 user btran\n\n"
        "Thx\nSgt Pratt\n"
    )
    result = _read(body)
    assert _rows(result)[1] == ("Roy", "Ann", "Officer", None, "aroy")
    assert "officers[1].officer_number" in result.missing
