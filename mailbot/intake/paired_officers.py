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


_LISTED = re.compile(r"\b(?:me|myself)\s*(?:,|\band\b)\s*([^.;!?\n]{3,200})", re.I)
_NUMBERS_LISTED = re.compile(
    r"\b(?:(?:officer|LEO|badge)\s+)?(?:numbers|#s)\s+(?:are\s+|:\s*)([^.;!?\n]{5,200})", re.I
)
_USERS_LISTED = re.compile(
    r"\b(?:(?:DPS\s+)?(?:user\s*names|logins|user\s*ids))\s+(?:are\s+|:\s*)?([^.;!?\n]{2,200})",
    re.I,
)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\b\s*|&\s*)", re.I)
_LISTED_NUMBER = re.compile(_NUMBER)
_LISTED_USER = re.compile(r"[a-z][a-z0-9._-]{1,29}")


def writer_and_listed(text: str, writer: str | None, rules: Rules) -> list[Officer]:
    """The writer and the officers he lists with him, their numbers and usernames each
    listed together in the same order ("Guys are myself, Sgt Ann Roy and Officer Bo Lee.
    Numbers are K101 me, K116 Roy, K122 Lee and usernames jdoe, aroy and blee"); none
    unless every list holds one value for each of them."""
    flat = " ".join(text[:_MAX_TEXT].split())
    if writer is None or len(writer.split()) < 2 or writer.casefold() not in flat.casefold():
        return []
    listed, numbers = _LISTED.search(flat), _NUMBERS_LISTED.search(flat)
    users = _USERS_LISTED.search(flat)
    if listed is None or numbers is None or users is None:
        return []
    others = [_ranked_name(p, rules) for p in _SEPARATOR.split(listed.group(1)) if p]
    rows: list[tuple[str | None, str | None, str | None]] = [(None, *split_name(writer))]
    rows += [o for o in others if o is not None]
    # "Numbers are K101 me, K116 Roy and usernames ...": the numbers end where the
    # usernames begin
    cut = users.start() if numbers.start(1) < users.start() < numbers.end(1) else numbers.end(1)
    number_parts = _SEPARATOR.split(flat[numbers.start(1) : cut])
    found = [_LISTED_NUMBER.match(p.strip()) for p in number_parts if p.strip()]
    user_parts = [p.strip() for p in _SEPARATOR.split(users.group(1)) if p.strip()]
    names = [_LISTED_USER.fullmatch(p) for p in user_parts]
    if None in others or not (len(rows) == len(found) == len(names) >= 2):
        return []
    return [
        Officer(
            last_name=last,
            first_name=first,
            title=title if n else _title_after(flat, writer, rules),
            officer_number=number.group(1) if number else None,
            dps_username=name.group(0) if name else None,
        )
        for n, ((title, first, last), number, name) in enumerate(
            zip(rows, found, names, strict=True)
        )
    ]
