"""One person written two ways: a short form of the first name ("Tim Hale" in the From
header, "Chief Timothy Hale" under the message; "Chris" for Christopher Lund in the roster).

The short forms that are not the start of the full name ("Bill" for William) are listed
in ``rules/language.toml`` (``[people] short_names``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

_SHORTEST = 3
"""How many letters a short form that begins the full name has at least ("Tim", "Chris")."""


def short_form_of(short: str, full: str, rules: Rules) -> bool:
    """True when first name ``short`` is ``full`` or a short form of it."""
    a, b = short.strip(".").casefold(), full.strip(".").casefold()
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) >= _SHORTEST and len(a) < len(b) and b.startswith(a):
        return True
    return b in rules.language.people.short_names.get(a, [])


def fuller_name(written: str | None, other: str | None, rules: Rules) -> str | None:
    """``other`` when it names the person of ``written`` in full (same last name, the
    first name of ``written`` a short form of its own; or the same name with the accents
    ``written`` lacks), else ``written``."""
    if not written or not other:
        return written
    if other != written and unaccented(other) == written:
        return other  # "Gerard Lefebvre" in the From header, "Gérard Lefèbvre" signed
    mine, theirs = written.split(), other.split()
    # "Dwight Kittredge" in the From header, "Dwight A. Kittredge Jr." signed: the suffix
    # is not the last name, and the signed name is the fuller writing
    suffixed = len(theirs) >= 3 and theirs[-1].strip(".,").casefold() in NAME_SUFFIXES
    last = theirs[-2] if suffixed else theirs[-1] if theirs else ""
    if len(mine) < 2 or len(theirs) < 2 or mine[-1].casefold() != last.casefold():
        return written
    if mine[0] != theirs[0] and short_form_of(mine[0], theirs[0], rules):
        return other
    if len(mine) == 2 and _initial_of(mine[0], theirs[0]):
        return other  # "Chief H. Quist" signed, "Harold Quist" in the From header
    if mine[0] == theirs[0] and len(mine) == 2 and len(theirs) > 2:
        return other
    return written


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Words after a last name that are no part of it, "Jr." and "III" (lower case, no dot)."""


def unaccented(name: str) -> str:
    """``name`` without its accents, as a mail header often has it ("Gérard" as "Gerard")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _initial_of(initial: str, first: str) -> bool:
    """True when ``initial`` ("H." or "H") is the first letter of first name ``first``."""
    bare = initial.rstrip(".")
    return (
        len(bare) == 1
        and bare.isupper()
        and len(first.rstrip(".")) > 1
        and first[:1].casefold() == bare.casefold()
    )


def name_in_full(written: str | None, others: list[str], text: str, rules: Rules) -> str | None:
    """``written`` with the first name in full when another writing of the person gives
    it: "Bob Haskins" signed, "Robert Haskins" in the From header or the roster; "Butch
    LaFlamme" signed, "Wayne (Butch) LaFlamme" in the text."""
    if not written or len(written.split()) != 2:
        return written
    for other in others:
        fuller = fuller_name(written, other, rules)
        if fuller != written:
            return fuller
    nick, last = written.split()
    if f"({nick})" not in text:
        return written
    m = re.search(
        rf"(?<![\w'’-])([A-Z][a-z'’-]{{1,30}})[ \t]+\({re.escape(nick)}\)[ \t]+{re.escape(last)}\b",
        text,
    )
    return f"{m.group(1)} {last}" if m else written


def by_last_name(last: str, known: Sequence[str | None]) -> str | None:
    """The full name in ``known`` whose last word is ``last`` ("Rowell" for "Dana
    Rowell"), when every such name is the same; else ``None``."""
    full = {
        " ".join(n.split())
        for n in known
        if n and len(n.split()) >= 2 and n.split()[-1].casefold() == last.casefold()
    }
    return full.pop() if len(full) == 1 else None


def surname_by_username(
    first: str | None, last: str | None, user: str | None
) -> tuple[str | None, str | None]:
    """(first, last) with the last words of ``first`` moved to the last name when the
    username is made from the first initial and those words with the last name ("Ada
    Red" and "Cloud" with "aredcloud": Ada, Red Cloud)."""
    if not first or not last or not user:
        return first, last
    words = first.split()
    local = re.sub(r"[^a-z]", "", user.split("@")[0].lower())
    for cut in range(len(words) - 1, 0, -1):
        surname = " ".join([*words[cut:], last])
        letters = re.sub(r"[^a-z]", "", surname.lower())
        if local == words[0][:1].lower() + letters and words[cut][:1].isupper():
            return " ".join(words[:cut]), surname
    return first, last


def surname_of(short: str | None, full: str | None) -> bool:
    """True when ``short`` is one word, the last word of the longer name ``full`` ("Rivard"
    of "Julien Rivard")."""
    words = (full or "").split()
    return (
        bool(short)
        and " " not in (short or "")
        and len(words) > 1
        and words[-1].lower() == (short or "").lower()
    )


def in_persons_place(name: str, before: str, address: str | None, rules: Rules) -> bool:
    """True when ``name`` (two words or more) stands where a person's name does: after a
    rank at the end of ``before`` ("OFFICER ANN VERO"), or with an ``address`` made from
    it ("ANN VERO <avero@...>"). Its last word in capitals is then a surname, not an
    agency's acronym."""
    words = name.split()
    if len(words) < 2:
        return False
    said = before.split()
    if said and rank_title(said[-1].strip(",:;("), rules) is not None:
        return True
    local = re.sub(r"[^a-z]", "", (address or "").split("@")[0].lower())
    first, last = (re.sub(r"[^a-z]", "", w.lower()) for w in (words[0], words[-1]))
    return len(last) >= 2 and bool(first) and local in {first[:1] + last, first + last}


def made_from_initial(user: str, *, initial_of: str, name: str) -> bool:
    """True when ``user`` is the initial of ``initial_of`` then ``name`` ("dcross" from
    Dylan and Cross) and not the other way round."""
    local = re.sub(r"[^a-z]", "", user.lower())
    a = re.sub(r"[^a-z]", "", initial_of.lower())
    b = re.sub(r"[^a-z]", "", name.lower())
    if len(a) < 2 or len(b) < 2:
        return False
    return local.startswith(a[0] + b) and not local.startswith(b[0] + a)
