"""Roster rows the reader lost or misread: rows lettered as sub-items ("a. Roe, Ann -
...") under a numbered answer; a row after the roster's heading as its label ("Officer:
Foss, Ann Marie  Constable ...", "Officers: Cpl. Ben Roy (WP052, broy), ..."); the login
a lone constable says he was given ("i was given username jdoe"); a remark before a
value said not given ("new hire, LEO # not issued yet"); the writer's own record in
brackets after "me" or "myself" in a sentence of the roster, named by the name he sends
from, and by the fuller name the desk's recap gives him when he sends from a short one."""

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


def test_the_writer_s_record_after_me_in_brackets_is_his_own_row() -> None:
    """ "Officers are me (Chief, 21804, username opratt) and Officer Dana Lafleur (23517,
    dlafleur)": the writer's row first, named as he sends from."""
    body = (
        "Hi, this is Chief Owen Pratt in Millbrook. We want to do e tickets. Officers are "
        "me (Chief, 21804, username opratt) and Officer Dana Lafleur (23517, dlafleur). "
        "Logo is attached. We are at 12 Main St Millbrook VT 05999 and phone is 802 555 "
        "0109. Jud code 0777.\n\nThanks\n"
    )
    assert _rows(_read(body)) == [
        ("Pratt", "Owen", "Chief", "21804", "opratt"),
        ("Lafleur", "Dana", "Officer", "23517", "dlafleur"),
    ]


def test_the_record_after_myself_is_the_writer_s_not_the_chief_s() -> None:
    """ "... on behalf of Chief Al Greer ... Officers: myself (Lieutenant, LEO MB021, DPS
    username rkent), Officer Nate Bo (MB034, nbo) and ...": the lieutenant who writes."""
    body = (
        "Good morning,\n\n"
        "I'm writing on behalf of Chief Al Greer, who is out on leave this week. The "
        "Millbrook Police Department would like to participate in e-ticketing.\n\n"
        "Officers who'll be writing tickets: myself (Lieutenant, LEO MB021, DPS username "
        "rkent), Officer Nate Bo (MB034, nbo) and Officer Sam Drew (MB038, sdrew).\n\n"
        "Thanks so much,\nRuth\n"
    )
    result = _read(body, sender="Ruth Kent <rkent@millbrookpd.test>")
    assert _rows(result) == [
        ("Kent", "Ruth", "Lieutenant", "MB021", "rkent"),
        ("Bo", "Nate", "Officer", "MB034", "nbo"),
        ("Drew", "Sam", "Officer", "MB038", "sdrew"),
    ]


def test_a_phone_in_brackets_after_me_names_no_one() -> None:
    """ "call me (802-555-0101)": no record of the writer's."""
    body = (
        "Millbrook PD wants to join e-ticketing; call me (802-555-0101) with questions.\n"
        "Officers are Sgt Ann Roy (MB102, aroy) and Officer Bo Tran (MB103, btran).\n\n"
        "Owen Pratt\n"
    )
    assert [r[0] for r in _rows(_read(body))] == ["Roy", "Tran"]


def test_the_desk_s_recap_gives_the_writer_s_row_his_fuller_first_name() -> None:
    """A reply over the desk's recap ("Roy, Daniel - Chief - 8MB01 - aroy") of a request
    that listed "myself (Chief, 8MB01, aroy)" from "Dan Roy": the row is Daniel's."""
    body = (
        "Alan,\n\n"
        'One change: please have it print as "Town of Millbrook Police Department".\n\n'
        "Thanks,\nDan\n\n"
        "Daniel Roy\nChief of Police\nTown of Millbrook Police Department\n\n"
        "> On Mar 24, 2026, at 2:10 PM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n"
        ">\n"
        "> Chief Roy,\n"
        ">\n"
        "> We have everything we need. Before we build the records, please confirm the\n"
        "> details below:\n"
        ">\n"
        ">   Agency name on e-ticket: Millbrook PD\n"
        ">   Judiciary code: 0777\n"
        ">   Address: 12 Stone Road, Millbrook, VT 05999\n"
        ">   Phone: 802-555-4032\n"
        ">   Point-of-Contact: Officer Dean Moss (dmoss@millbrookvt.test)\n"
        ">   Officers:\n"
        ">     Roy, Daniel - Chief - 8MB01 - aroy\n"
        ">     Moss, Dean - Officer - 8MB05 - dmoss\n"
        ">\n"
        "> DPS e-Ticket Technical Staff\n"
        ">\n"
        ">> On Mar 20, 2026, at 9:41 AM, Dan Roy <aroy@millbrookvt.test> wrote:\n"
        ">>\n"
        ">> Millbrook PD would like to participate in e-ticketing. Officer Dean Moss\n"
        ">> will be our PoC. Code 0777. 12 Stone Road, Millbrook, VT 05999,\n"
        ">> 802-555-4032. Logo attached. Officers: myself (Chief, 8MB01, aroy)\n"
        ">> and Ofc. Dean Moss (8MB05, dmoss).\n"
        ">>\n"
        ">> Dan\n"
    )
    raw = mail(
        body,
        sender="Dan Roy <aroy@millbrookvt.test>",
        subject="Re: Millbrook PD e-ticket - please confirm",
        in_reply_to="<desk-1@vermont.gov>",
    )
    rows = _rows(parse_message(raw))
    assert rows[0] == ("Roy", "Daniel", "Chief", "8MB01", "aroy")
