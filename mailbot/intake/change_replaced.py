"""Sentences of a roster change that speak of two officers: a newcomer and the one he
replaces ("Roy Lane was sworn in as constable, replacing Ed Moss who retired"), cut into
a clause for each; and a sentence that opens with an officer's name in the possessive
("Roy's LEO number is ...") said of the officer of that name told of before, not of the
one named last."""

from __future__ import annotations

import re

from mailbot.intake.model import Change
from mailbot.intake.prose import rank_title
from mailbot.intake.prose_officers import not_a_name
from mailbot.intake.rules import Rules, per_rules


@per_rules
def _replacing(rules: Rules) -> re.Pattern[str] | None:
    words = sorted(rules.language.intent.replaces, key=len, reverse=True)
    if not words:
        return None
    said = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in words)
    # the other officer is named right after: "replacing Ed Moss", "in place of Sgt. Roe"
    return re.compile(rf",[ \t]*(?=(?i:{said})[ \t]+(?:[A-Z]|(?i:officer|deputy|constable)))")


def replaced_cut(clause: str, rules: Rules | None) -> list[str]:
    """``clause`` cut before the words that go on to the officer a newcomer replaces
    ("..., replacing Ed Moss who retired"), when a name comes before them."""
    pattern = _replacing(rules) if rules is not None else None
    m = pattern.search(clause) if pattern is not None else None
    if m is None or not _NAME.search(clause[: m.start()]):
        return [clause]
    return [clause[: m.start()], clause[m.end() :]]


_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+")
_OPENS_POSSESSIVE = re.compile(r"^\W*([A-Z][a-z'’-]{1,30})['’]s[ \t]")


def owner(sentence: str, groups: list[str]) -> tuple[int, str] | None:
    """The index of the one group of ``groups`` (not the last) naming in full the officer
    whose first or last name ``sentence`` opens with, in the possessive ("Roy's LEO
    number is ..."), and ``sentence`` with that name in full ("Roy Lane's LEO number is
    ..."); or None."""
    m = _OPENS_POSSESSIVE.match(sentence)
    if m is None or len(groups) < 2:
        return None
    word = re.escape(m.group(1))
    full = re.compile(
        rf"(?<![\w'’-])(?:{word}[ \t]+[A-Z][a-z'’-]+|[A-Z][a-z'’-]+[ \t]+{word})(?![\w'’-])"
    )
    if full.search(groups[-1]):
        return None
    hits = [(i, f) for i, group in enumerate(groups[:-1]) if (f := full.search(group))]
    if len(hits) != 1:
        return None
    at, named = hits[0]
    return at, sentence[: m.start(1)] + named.group(0) + sentence[m.end(1) :]


def full_names_told(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` with each one that has a number and no name, written right after one
    name ("Please also remove Wayne (9C488)"), given the full name the message tells
    of that person by elsewhere ("replacing Wayne Colvin"), when it tells of one."""
    out = list(changes)
    for i, change in enumerate(changes):
        number = change.officer_number
        if not number or getattr(change, "last_name", None) or getattr(change, "first_name", None):
            continue
        m = re.search(rf"(?<![\w'’-])([A-Z][a-z'’-]+)[ \t]*[(,]?[ \t]*{re.escape(number)}\b", text)
        if m is None or rank_title(m.group(1), rules) or not_a_name(m.group(1), rules):
            continue  # "Officer (9C488)": no name
        word = re.escape(m.group(1))
        full = {
            f.group(1)
            for f in re.finditer(rf"(?<![\w'’-]){word}[ \t]+([A-Z][a-z'’-]+)(?![\w'’-])", text)
        }
        if len(full) == 1:
            named = {"first_name": m.group(1), "last_name": full.pop()}
            out[i] = Change.model_validate({**change.model_dump(exclude_none=True), **named})
    return out
