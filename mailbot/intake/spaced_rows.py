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


_NUMBER_LABEL = re.compile(r"^(?i:number|no\.?|num\.?|#)$")
_USER_LABEL = re.compile(r"^(?i:dps|domain|username|user|login)$")


def _unlabelled(words: list[str]) -> list[str]:
    """ "Earl Roy Constable number 9H302 username eroy": the words without the labels
    right before the number and between it and the login."""
    at = next((i for i, w in enumerate(words) if NUMBER.match(w.lstrip("#"))), None)
    if at is None or at < 2 or not _NUMBER_LABEL.match(words[at - 1]):
        return words
    after = words[at + 1 :]
    if after and not all(_USER_LABEL.match(w) for w in after[:-1]):
        return words
    return [*words[: at - 1], words[at], *after[-1:]]


def spaced(body: str, rules: Rules) -> str:
    """Words of a line without separators, with a " - " put before the officer number
    and each word after it. Two names followed by a title ("Tatro Roger Deputy Constable
    FW002 rtatro") are in the roster form's order: last name, first name, title."""
    words = _unlabelled(body.split())
    at = next((i for i, w in enumerate(words) if NUMBER.match(w.lstrip("#"))), None)
    if at is None:
        # "Harrington Scott Chief 09L2 sharrington": a number of letters and digits one
        # character short or long stands where the number stands
        at = next((i for i, w in enumerate(words) if _near_mixed(w.lstrip("#"))), None)
    if (
        at is None
        and len(words) > 3
        and _LOGIN_WORD.match(words[-1])
        and (rank_title(words[0], rules) or rank_title(words[-3], rules))
    ):
        # "Lt. Ann Roy 4471 aroy", "Dempsey Mike sgt 8104 mdempsey": digits one short or
        # long between a ranked name (or the rank after the name) and a login stand where
        # the number stands (kept as written, reported invalid)
        at = len(words) - 2 if NEAR_NUMBER.match(words[-2].lstrip("#")) else None
    if at is None or at == 0 or len(words) - at > 2:
        return body
    head = words[:at]
    cut = len(head)
    modifiers = {w.lower() for w in rules.language.people.rank_modifiers}
    while cut > 2 and len(head) - cut < 3 and rank_title(head[cut - 1], rules):
        cut -= 1
    while 2 < cut < len(head) and len(head) - cut < 3 and head[cut - 1].lower() in modifiers:
        cut -= 1  # "Owen Pike Patrol Officer": the rank's modifier is of the title
    if cut == 2 and cut < len(head) and not rank_title(head[0], rules):
        return " - ".join([*head[:2], " ".join(head[2:]), *words[at:]])
    if 2 < cut < len(head):
        # "Deputy Ann Lee Deputy Constable 9H317 alee": the name, then the title after it
        return " - ".join([" ".join(head[:cut]), " ".join(head[cut:]), *words[at:]])
    return " - ".join([" ".join(head), *words[at:]])
