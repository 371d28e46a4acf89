"""A row's surname in the tolerant line reader (:mod:`loose_rows`): whether a login is
made from it, and whether a sentence may give a row of the writer's own surname."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer, plain_apostrophes
from mailbot.intake.roster_usernames import made_from
from mailbot.intake.rules import Rules

_NOT_ALNUM = re.compile(r"[\W_]+")  # what ``str.isalnum`` is not


def letters(text: str) -> str:
    """``text``'s letters and digits, casefolded (apostrophes as a row's name has them)."""
    return _NOT_ALNUM.sub("", plain_apostrophes(text).casefold())


def holds(written: str, surname: str) -> bool:
    """True when each word of ``surname`` is among ``written`` (:func:`letters`)."""
    return all(letters(w) in written for w in surname.split())


def may_name(sentence: str, surname: str, in_line: bool, writer: re.Pattern[str]) -> bool:
    """False when ``sentence`` cannot give a row of ``surname``: it holds no writer's
    word ("I am", "my") and not each word of the surname among its letters (``in_line``:
    its line holds them)."""
    if writer.search(sentence):
        return True
    return in_line and holds(letters(sentence), surname)


def goes_on(sentence: str, rules: Rules) -> bool:
    """True when ``sentence`` opens on "his" or "her": it goes on of the one the sentence
    before named."""
    opening = sentence.split(None, 1)[0].casefold() if sentence.strip() else ""
    return opening in rules.language.gathered.third_person


def fits(user: str, first: str | None, last: str) -> bool:
    """True when ``user`` is made from the name (the roster's own test: initial and
    surname, first.last ...), or is the surname itself."""
    bare = re.sub(r"\d+$", "", user.casefold())
    sur = re.sub(r"[^a-z]", "", last.casefold())
    if not sur or len(bare) < 3:
        return False
    return bare == sur or made_from(bare, Officer(first_name=first, last_name=last))
