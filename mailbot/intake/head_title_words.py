"""Title words that tell a title from a name: a head title after a place word alone is
a title ("Town Constable", "County Sheriff" under a signer's name), not an agency; a
title word that is also a surname ends a person's name ("Harlan Constable").

Pure functions; the words come from ``rules/language.toml`` ``[people]``.
"""

from __future__ import annotations

from mailbot.intake.prose import _rank_modifiers, rank_title
from mailbot.intake.rules import Rules, per_rules


def placed_head_title(text: str, rules: Rules) -> bool:
    """True for "Town Constable", "County Sheriff": capitalised place words alone before a
    head title, no proper name among them (not "Newbury Town Constable", an agency)."""
    words = text.split()
    places, titles = _places_and_titles(rules)
    for n in range(1, len(words)):
        if words[n - 1] not in places:
            return False
        if " ".join(words[n:]).lower() in titles:
            return True
    return False


@per_rules
def _places_and_titles(rules: Rules) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised place words ("Town", "County") and the head titles, lower case."""
    people = rules.language.people
    return (
        frozenset(w for w in people.place_words if w[:1].isupper()),
        frozenset(t.lower() for t in people.head_titles),
    )


def ends_with_surname_title(words: list[str], rules: Rules) -> bool:
    """True for "Harlan Constable": two or three capitalised words ending in a title word
    that is also a surname, none of the others a rank, a modifier ("First Constable"), a
    head title, a job or a place word ("Town Constable")."""
    if not 2 <= len(words) <= 3:
        return False
    surnames, not_names = _surname_words(rules)
    if words[-1].strip(".,").lower() not in surnames:
        return False
    for word in words[:-1]:
        bare = word.strip(".,")
        if (
            not bare[:1].isupper()
            or bare.lower() in not_names
            or rank_title(bare, rules) is not None
        ):
            return False
    return True


@per_rules
def _surname_words(rules: Rules) -> tuple[frozenset[str], frozenset[str]]:
    """(title words that are also surnames, words that are never part of a name)."""
    people = rules.language.people
    not_names = (
        _rank_modifiers(rules)
        | {w.lower() for w in people.place_words}
        | {w.lower() for w in people.job_words}
        | {t.lower() for t in people.head_titles}
        | {"of", "the", "and", "for", "at", "&"}
    )
    return frozenset(t.lower() for t in people.surname_titles), frozenset(not_names)


def role_after_title(tail: str, rules: Rules) -> bool:
    """True for the role a signer adds after his title and a comma ("Captain, Unit
    Commander", "Colonel, Chief Game Warden"): capitalised words ending in a rank or a
    rank's role, or naming the part of the agency he heads ("Chief, Criminal Division"),
    none of them a place word; not an agency ("Chief, Barre Police Department",
    "Sheriff, Orange County Sheriff", "Director, Enforcement & Safety Division")."""
    words = tail.split()
    people = rules.language.people
    if not 1 <= len(words) <= _ROLE_WORDS or not all(w[:1].isupper() for w in words):
        return False
    places = {w.lower() for w in people.place_words}
    if any(w.lower() in places for w in words):
        return False
    if tail.lower().endswith(tuple(s.lower() for s in people.agency_suffixes)):
        return False
    last = words[-1].strip(".,").lower()
    if len(words) >= 2 and last in people.unit_words:
        return True  # "Chief, Criminal Division": the part of the agency he heads
    return last in people.ranks or last in {r.lower() for r in people.rank_roles}


_ROLE_WORDS = 4
"""The most words a role after a title has ("Chief Game Warden")."""
