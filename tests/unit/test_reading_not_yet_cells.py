"""Roster cells that say the value is not given yet ("N/A - new hire", "applied for",
"doesn't have one yet, will send when he gets it", "new hire - none yet"): the value is
asked for, the rest of the officer's row is kept, and the words are never taken for a
username or officer number; a real login that merely starts with such letters is kept."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_HEAD = """\
Good morning,

Danby Police Department would like to enrol in e-ticketing. I will be the point of
contact.

Judiciary code: 0512
Agency name: Danby Police Department
Address: 12 Mill Road, Danby, VT 05739
Phone: 802-555-0142

Officers:
Last\tFirst\tRank\tVT LEO #\tDPS Username
Tobin\tMara\tChief\tDB401\tmtobin
"""

_TAIL = """
Thank you,
Mara Tobin
Chief of Police
"""


def _read(rows: str) -> ParseResult:
    sender = "Chief Mara Tobin <mtobin@danbyvt.test>"
    return parse_message(mail(_HEAD + rows + _TAIL, sender=sender, subject="E-ticket enrolment"))


def test_a_username_cell_saying_n_a_with_a_reason_asks_for_the_username() -> None:
    result = _read("Frye\tOwen\tOfficer\tDB417\tN/A - new hire\n")
    frye = next(o for o in result.officers if o.last_name == "Frye")
    assert frye.officer_number == "DB417"
    assert frye.dps_username is None
    assert "officers[1].dps_username" in result.missing
    assert not any(i.field == "officers[1].dps_username" for i in result.invalid)


def test_a_cell_saying_it_will_come_later_asks_for_the_value() -> None:
    result = _read(
        "Frye\tOwen\tOfficer\tDB417\tdoesn't have one yet, will send when he gets it\n"
        "Lund\tKai\tOfficer\tapplied for\tklund\n"
    )
    by_name = {o.last_name: o for o in result.officers}
    assert by_name["Frye"].dps_username is None
    assert by_name["Lund"].officer_number is None
    assert by_name["Lund"].dps_username == "klund"
    assert "officers[1].dps_username" in result.missing
    assert "officers[2].officer_number" in result.missing


def test_a_reason_before_words_saying_none_yet_asks_for_the_value() -> None:
    result = _read("Frye\tOwen\tOfficer\tDB417\tnew hire - none yet\n")
    frye = next(o for o in result.officers if o.last_name == "Frye")
    assert frye.dps_username is None
    assert "officers[1].dps_username" in result.missing


def test_a_login_starting_with_placeholder_letters_is_a_login() -> None:
    result = _read("Davis\tTed\tOfficer\tDB417\ttbdavis\nNapier\tAl\tOfficer\tDB418\tnapier\n")
    by_name = {o.last_name: o for o in result.officers}
    assert by_name["Davis"].dps_username == "tbdavis"
    assert by_name["Napier"].dps_username == "napier"
    assert not [m for m in result.missing if m.startswith("officers")]


def test_a_listed_officer_whose_number_has_not_come_yet_is_kept_and_asked_for() -> None:
    body = (
        "Hello,\n\nWest Haven would like its constables to issue e-tickets. I am the point "
        "of contact.\n\nJudiciary code: 0517\nAgency name: Town of West Haven Constable\n"
        "Address: 8 Town Road, West Haven, VT 05743\nPhone: 802-555-0190\n\nOfficers:\n"
        "1. Cora Lisle - First Constable - officer # WH311 - DPS username clisle\n"
        "2. Amos Pike - Second Constable - he passed the part-time course in May but his "
        "number has not arrived from the Council yet. DPS username apike\n\n"
        "Thanks,\nCora Lisle\n"
    )
    sender = "Cora Lisle <clisle.constable@gmail.test>"
    result = parse_message(mail(body, sender=sender, subject="E-ticket enrolment"))
    by_name = {o.last_name: o for o in result.officers}
    assert by_name["Pike"].first_name == "Amos"
    assert by_name["Pike"].dps_username == "apike"
    assert by_name["Pike"].officer_number is None
    assert "officers[1].officer_number" in result.missing
