"""A list line written with blanks only ("Lt. Ann Roy AR102 aroy"): where its officer
number stands, so the words before it (name, rank) and after it (login) part as fields."""

from __future__ import annotations

import re

from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

NUMBER = re.compile(r"^(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}$")
_LOGIN_WORD = re.compile(r"^[a-z][a-z0-9._-]{1,29}$")
NEAR_NUMBER = re.compile(
    r"^(?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{4}$|^(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{6}$"
    r"|^(?=[A-Za-z]{1,2}\d)[A-Za-z0-9]{3}$"
)
"""An officer number of three, four or six characters (reported invalid by the checks); of
three, one starting with its letters ("B22"; not "3rd" nor "911")."""


def _near_mixed(word: str) -> bool:
    """A near number of letters and digits both ("09L2", "21L055")."""
    return bool(NEAR_NUMBER.match(word)) and not word.isdigit() and not word.isalpha()


def spaced(body: str, rules: Rules) -> str:
    """Words of a line without separators, with a " - " put before the officer number
    and each word after it. Two names followed by a title ("Tatro Roger Deputy Constable
    FW002 rtatro") are in the roster form's order: last name, first name, title."""
    words = body.split()
    at = next((i for i, w in enumerate(words) if NUMBER.match(w.lstrip("#"))), None)
    if at is None:
        # "Harrington Scott Chief 09L2 sharrington": a number of letters and digits one
        # character short or long stands where the number stands
        at = next((i for i, w in enumerate(words) if _near_mixed(w.lstrip("#"))), None)
    if (
        at is None
        and len(words) > 3
        and _LOGIN_WORD.match(words[-1])
        and rank_title(words[0], rules)
    ):
        # "Lt. Ann Roy 4471 aroy": digits one short or long between a ranked name and a
        # login stand where the number stands (kept as written, reported invalid)
        at = len(words) - 2 if NEAR_NUMBER.match(words[-2].lstrip("#")) else None
    if at is None or at == 0 or len(words) - at > 2:
        return body
    head = words[:at]
    cut = len(head)
    while cut > 2 and len(head) - cut < 3 and rank_title(head[cut - 1], rules):
        cut -= 1
    if cut == 2 and cut < len(head) and not rank_title(head[0], rules):
        return " - ".join([*head[:2], " ".join(head[2:]), *words[at:]])
    return " - ".join([" ".join(head), *words[at:]])
