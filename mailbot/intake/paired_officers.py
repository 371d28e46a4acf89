"""Two officers told side by side in running text, each value in its own sentence ("its
me and my deputy constable Brian Ames. my number is 4P772 his is 4A190. our usernames are
mpaquette and bames"): the writer and the one he names, his values the ones said "my"
and the other's "his" (or "her"), the usernames listed together in the same order. A
clerk writes the two rows from it; the writer is named by the name he sends from.
"""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.prose import NAME_RUN, person, split_name, split_rank
from mailbot.intake.rules import Rules

_MAX_TEXT = 5_000
_NUMBER = r"((?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5})(?![\w-])"
_NUMBERS = re.compile(
    rf"\bmy\s+(?:(?:officer|LEO|badge)\s+)?(?:number|#|no\.?)\s+(?:is\s+|[:=]\s*){_NUMBER}"
    rf"[\s,;.]+(?:and\s+)?(his|hers?)(?:\s+(?:number|#|no\.?))?\s+(?:is\s+|[:=]\s*){_NUMBER}",
    re.I,
)
_USERS = re.compile(
    r"\b(?:our|the)\s+(?:DPS\s+)?(?:user\s*names|logins|user\s*ids)\s+(?:are\s+|:\s*)"
    r"([a-z][a-z0-9._-]{1,29})\s*(?:,|\band\b|&)\s*([a-z][a-z0-9._-]{1,29})\b",
    re.I,
)
_TWO = re.compile(r"\b(?:me|myself)\s+and\s+(?:my|our)\s+([^.;!?\n]{3,80})", re.I)


def writer_and_one(text: str, writer: str | None, rules: Rules) -> list[Officer]:
    """The writer and the officer he names with him, from the three sentences that give
    who, their numbers and their usernames; none unless all three are there and the text
    names the writer as he sends from."""
    flat = " ".join(text[:_MAX_TEXT].split())
    if writer is None or len(writer.split()) < 2 or writer.casefold() not in flat.casefold():
        return []
    two, numbers, users = _TWO.search(flat), _NUMBERS.search(flat), _USERS.search(flat)
    if two is None or numbers is None or users is None:
        return []
    other = _ranked_name(two.group(1), rules)
    if other is None:
        return []
    title, first, last = other
    own_first, own_last = split_name(writer)
    if own_last is None:
        return []
    return [
        Officer(
            last_name=own_last,
            first_name=own_first,
            title=_title_after(flat, writer, rules),
            officer_number=numbers.group(1),
            dps_username=users.group(1),
        ),
        Officer(
            last_name=last,
            first_name=first,
            title=title,
            officer_number=numbers.group(3),
            dps_username=users.group(2),
        ),
    ]


def _ranked_name(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """ "deputy constable Brian Ames" -> ("Deputy Constable", "Brian", "Ames")."""
    words = text.split()
    title, rest = split_rank([w.capitalize() if w.islower() else w for w in words], rules)
    run = NAME_RUN.match(" ".join(rest))
    if title is None or run is None:
        return None
    _, first, last = person(run.group(0), rules)
    if first is None or last is None:
        return None
    return title, first, last


def _title_after(flat: str, writer: str, rules: Rules) -> str | None:
    """The rank the writer gives himself after his name ("this is Mike Paquette constable
    for the town of ...", "Tom Glover here, first constable in ..."): within a few words
    in lower case after it."""
    at = flat.casefold().find(writer.casefold())
    words = [w.strip(",.;:") for w in flat[at + len(writer) :].split()[:_NEAR]]
    for n, word in enumerate(words):
        if not word.islower():
            return None
        title, _ = split_rank([w.capitalize() for w in words[n:]], rules)
        if title:
            return title
    return None


_NEAR = 5
