"""The title a chief gives the roster's rows that have none ("Part-time and reserve
officers should just show as "Officer" on the ticket"): those rows take it. A sentence
about one named officer, or a word that is no rank, gives nothing."""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import rank_title, sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import may_hold

_SHOWN_AS = re.compile(
    r"\b(?:show|shown|appear|be\s+listed|listed|titled|go\s+in)\s+(?:just\s+|simply\s+|up\s+)?"
    r"as\s+[\"“']([A-Za-z][A-Za-z .-]{1,30})[\"”']",
    re.I,
)
_MANY = re.compile(
    r"\b(?:officers|deputies|troopers|constables|wardens|everyone|others|rest)\b", re.I
)
_MAX_SENTENCES = 400
_SHOWN_WORDS = ("show", "appear", "listed", "titled", "go in")
"""One of these is in every match of :data:`_SHOWN_AS` (a text without any is not read)."""


def default_title(text: str, rules: Rules) -> str | None:
    """The title ``text`` says rows without one show ("... should show as "Officer"")."""
    if not may_hold(text, _SHOWN_WORDS):
        return None
    for sentence in sentences(text)[:_MAX_SENTENCES]:
        m = _SHOWN_AS.search(sentence[:1000])
        if m is None or not _MANY.search(sentence[: m.start()]):
            continue
        title = rank_title(m.group(1).strip(), rules)
        if title is not None:
            return title
    return None


def fuller_title(text: str, rules: Rules) -> tuple[str, str] | None:
    """(rank, title) when ``text`` says rows of a rank show a fuller title of it ("All
    deputies should show as "Deputy Sheriff" on the ticket": Deputy -> Deputy Sheriff)."""
    if not may_hold(text, _SHOWN_WORDS):
        return None
    for sentence in sentences(text)[:_MAX_SENTENCES]:
        m = _SHOWN_AS.search(sentence[:1000])
        if m is None or not _MANY.search(sentence[: m.start()]):
            continue
        given = " ".join(m.group(1).split())
        words = given.split()
        if len(words) >= 2 and rank_title(given, rules) is None:
            rank = rank_title(words[0], rules)
            if rank is not None:
                return rank, given
    return None


def with_default_title(officers: list[Officer], text: str, rules: Rules) -> list[Officer]:
    """``officers`` with the title ``text`` gives the rows that have none, and the fuller
    title it gives the rows of a rank."""
    fuller = fuller_title(text, rules) if officers else None
    if fuller is not None:
        rank, given = fuller
        officers = [
            o.model_copy(update={"title": given}) if o.title == rank else o for o in officers
        ]
    if not officers or all(o.title for o in officers):
        return officers
    title = default_title(text, rules)
    if title is None:
        return officers
    return [o if o.title else o.model_copy(update={"title": title}) for o in officers]
