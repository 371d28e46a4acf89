"""Where an agency's name starts in running text: never on the words that lead up to it.

A name read up to its ending ("... Police Dept.") takes the capitalised words before it,
and in a message in capitals every word is one: "THIS IS CHIEF RAY TATRO WOLCOTT POLICE
DEPT." or "THE NAME SHOULD BE SUTTON TOWN CONSTABLE". A careful reader starts the name
after a greeting, a self-introduction ("This is", "I am") or a phrase that sets the name
down ("should be", "should read"), and after the person who introduces himself by rank
and name ("Chief Ray Tatro"): the agency is what is left.

Pure functions; the words come from ``rules/language.toml``.
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules

GREETING = re.compile(
    r"^(?:The|Our|Dear|At|As|From|Hello|Hi|We['’]re|We\s+are|This\s+is|Welcome\s+to)\s+"
)
"""Words opening a sentence before a name ("As Chief of Police I authorize ...")."""
ARTICLE = re.compile(r"^(?:The|Our)\s+")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_BEFORE = 30
"""How far before a name its lead-in may start."""
_PERSON_WORD = re.compile(r"^[A-Z][A-Za-z'’-]+$")


@per_rules
def _lead_in_re(rules: Rules) -> re.Pattern[str]:
    """Any of the words that lead up to a name, whole words in any case."""
    people = rules.language.people
    words = [*people.introductions, *people.greetings, *people.name_lead_ins]
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered) or "(?!)"
    return re.compile(rf"(?<![\w'’])(?:{alt})(?![\w'’])[ \t]*:?[ \t]*", re.I)


def _after_lead_in(name: str, before: str, rules: Rules) -> str:
    """``name`` after the last words in it that lead up to a name, those begun in the
    words ``before`` it too ("THIS" before "IS SHERIFF ...": the name was read from its
    last seven words)."""
    said = f"{before} {name}"
    end = 0
    for m in _lead_in_re(rules).finditer(said):
        end = m.end()
    return said[end:] if end > len(before) + 1 else name


def _after_person(words: list[str], rules: Rules) -> list[str] | None:
    """The words after a rank and a person's name at their start ("Chief Ray Tatro",
    "Sheriff Wayne J. Bohannon"): a first name, a middle initial if one, a surname; None
    when no agency's name is left after them (a place and its ending)."""
    people = rules.language.people
    ranks = set(people.ranks) | {t.lower() for t in people.head_titles}
    n = 0
    while n < len(words) and words[n].rstrip(".,").lower() in ranks:
        n += 1
    if n >= len(words) or not _PERSON_WORD.match(words[n]):
        return None  # a first name
    n += 1
    if n < len(words) and _INITIAL.match(words[n]):
        n += 1
    if n >= len(words) or not _PERSON_WORD.match(words[n]):
        return None  # a surname
    rest = words[n + 1 :]
    while rest and not rest[0][:1].isupper():
        rest = rest[1:]  # "Chief Paul Aldrich of the Richmond Police Department"
    suffixes = {s.lower() for s in people.agency_suffixes}
    for k in range(1, len(rest)):
        if " ".join(rest[k:]).lower() in suffixes:
            return rest
    return None


def name_started(name: str, rules: Rules, before: str = "") -> str | None:
    """The agency's name read in ``name`` without the words before it that are no part
    of it: a greeting or article, a self-introduction, a phrase setting the name down,
    a person named by rank (the words ``before`` it may begin a lead-in); None when
    only a person's title is left ("Chief of Police")."""
    name = ARTICLE.sub("", GREETING.sub("", name))
    name = ARTICLE.sub("", _after_lead_in(name, before[-_BEFORE:], rules))
    words = name.split()
    if not words:
        return None
    people = rules.language.people
    ranks = set(people.ranks) | {t.lower() for t in people.head_titles}
    acting = {w.lower() for w in people.head_title_modifiers}
    # "Acting Chief of Police": a modifier before the rank is the person's title too
    lead = 1 if len(words) > 1 and words[0].rstrip(".,").lower() in acting else 0
    if words[lead].rstrip(".,").lower() not in ranks:
        return name
    rest = _after_person(words[lead:], rules)
    return " ".join(rest) if rest else None
