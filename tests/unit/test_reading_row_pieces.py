"""Pieces of a typed officer row: a rank before a lone surname is no given name
(intake/lists), and a word after "login" in a clause saying there is none is no login
(intake/loose_rows, the words in [rows] negations)."""

from __future__ import annotations

import pytest

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.reading_mail import mail


def _officers(body: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    raw = mail(body, sender="Kevin Gibbs <kgibbs@bristolvtpd.org>", subject="e ticket")
    result = parse_message(raw)
    return {o.last_name or "": (o.first_name, o.title, o.dps_username) for o in result.officers}


def test_a_rank_and_a_surname_give_no_given_name() -> None:
    body = (
        "Richford PD would like to do the e ticket thing.\n\nofficers\n"
        "me - Chief Jay Gagnon - RF001 - jgagnon\nOfc Dube - RF004 - ndube\n\nThanks\nJay\n"
    )
    assert _officers(body)["Dube"] == (None, "Officer", "ndube")


_BRISTOL = """Hi - Bristol PD would like to get set up for e tickets.

Jud code 0219
Address is 1 South St Bristol VT 05443 ph 802-453-2533

Officers:
Thibault Kyle Sgt 21B04 kthibault
Ofc Pete Lavoie 21B11 - {remark}

Chief Gibbs
"""


def test_a_login_said_not_to_exist_yet_is_no_login_and_is_asked() -> None:
    body = _BRISTOL.format(remark="dont have his dps login yet will get it to u")
    assert _officers(body)["Lavoie"][2] is None


def test_a_login_given_in_the_same_words_is_read() -> None:
    body = _BRISTOL.format(remark="his dps login is plavoie")
    assert _officers(body)["Lavoie"][2] == "plavoie"


@pytest.mark.parametrize("word", ["dont", "haven't"])
def test_the_negations_are_rules(word: str) -> None:
    assert word in load_rules().language.rows.negations
