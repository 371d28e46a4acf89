"""The agency's name as the message writes it in full elsewhere: its initials spelled out
("UVM Police Services", "University of Vermont Police Services"), or the words it was cut
short of ("DMV Enforcement", "Vermont DMV Enforcement & Safety Division").

Pure functions over the agency names a message writes (:func:`agency_name.in_full`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules

_INITIALS = re.compile(r"([A-Z]{2,6})[ \t]+(\S.*)")


def initials_spelled_out(name: str, written: Sequence[str], rules: Rules) -> str | None:
    """ "UVM Police Services" as the message also writes it in full ("University of
    Vermont Police Services" in the signature): the same words after the initials, and
    the full name's capitals the initials' own, in order, from the first."""
    m = _INITIALS.fullmatch(name)
    suffixes = {x.lower() for x in rules.language.people.agency_suffixes}
    if m is None or m.group(2).lower() not in suffixes:
        return None
    initials, suffix = m.group(1), m.group(2)
    for full in written:
        if not full.endswith(f" {suffix}"):
            continue
        capitals = [w[0] for w in full[: -len(suffix)].split() if w[0].isupper()]
        left = iter(initials)
        if len(capitals) >= 2 and capitals[0] == initials[0] and all(c in left for c in capitals):
            return full
    return None


def cut_short(name: str, written: Sequence[str], text: str) -> str | None:
    """ "DMV Enforcement" (read up to a word that may end a name, where the text goes on
    with a joining word: "Two changes for DMV Enforcement & Safety:") as the message
    writes it whole ("Vermont DMV Enforcement & Safety Division" in the signature): the
    longest name holding all its words, in order, and going on after them. None when no
    name does, or the text never goes on after the name."""
    words = name.casefold().split()
    if len(words) < 2 or name not in text:
        return None
    joined = re.compile(rf"(?<![\w'’]){re.escape(name)}[ \t]+(?:&|and|of)[ \t]+[A-Z]")
    if joined.search(text) is None:
        return None
    longer = []
    for full in written:
        other = full.casefold().split()
        at = [i for i in range(len(other) - len(words)) if other[i : i + len(words)] == words]
        if at:
            longer.append(full)
    return max(longer, key=len) if longer else None


def wrapped_on(name: str, written: Sequence[str], text: str) -> str | None:
    """ "Brattleboro Police" (read up to the end of a line, where the text wraps on to
    "Department") as the message writes it whole ("Brattleboro Police Department" in the
    signature): the longest name that starts with it and goes on with the word the next
    line starts with. None when no line break follows the name, or no name goes on so."""
    if name not in text:
        return None  # no line break follows a name the text does not hold
    after = re.compile(rf"(?<![\w'’]){re.escape(name)}[ \t]*\n[ \t>]*([\w'’.&-]+)")
    nexts = {m.group(1).rstrip(".").casefold() for m in after.finditer(text)}
    longer = [
        full
        for full in written
        if full.casefold().startswith(f"{name.casefold()} ")
        and full[len(name) :].split()[0].rstrip(".").casefold() in nexts
    ]
    return max(longer, key=len) if longer else None


def one_word_on(name: str, written: Sequence[str], rules: Rules) -> str | None:
    """ "Hartford Police" ("has left Hartford Police to take a deputy position") as the
    message writes it whole elsewhere ("Hartford Police Department" in the signature):
    the name one word longer, when that makes it end with a longer agency word
    ("Police Department" after "Police"). None when no name goes on so, or when a name
    written longer still ends with it."""
    suffixes = rules.language.people.agency_suffixes
    folded = name.casefold()
    own = max((len(x) for x in suffixes if folded.endswith(f" {x.casefold()}")), default=0)
    longer = [
        full
        for full in written
        if full.casefold().startswith(f"{folded} ")
        and len(full[len(name) :].split()) == 1
        and any(len(x) > own and full.casefold().endswith(f" {x.casefold()}") for x in suffixes)
    ]
    if not longer:
        return None
    # "Manchester Police" asked for, "not Town of Manchester Police Department": the name
    # in full is no one form when the message also writes it longer still
    tail = f" {longer[0].casefold()}"
    return None if any(w.casefold().endswith(tail) for w in written) else longer[0]
