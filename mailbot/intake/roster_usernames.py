"""Usernames an answer gives the officers of a roster already known (the sender's own
quoted request, or the desk's open case), however the answer names them: "For the
usernames, Amy's is alavoie, Mark's is mpearson and Owen's is okittredge", "Amy -
alavoie", "alavoie for Amy", "Sgt Lavoie: alavoie", "Hutchins, Ray  rhutchins" (a
nickname), or a bare list in the roster's order ("in order: alavoie, mpearson").

A username is placed on an officer only when it is made from that officer's name and no
other's ("alavoie": Amy Lavoie), and the answer speaks of usernames or names the officer
on the same line; a list in the roster's order, when the answer says so, also by place.
What cannot be placed for sure is left for staff, never guessed.

Pure: text and officers in, {roster index: username} out; linear in the text's size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.model import Officer
from mailbot.intake.names import short_form_of
from mailbot.intake.rules import Rules

MAX_LINE = 400
"""Longer lines are not read for usernames."""

# a username as typed: lower-case start, letters, digits, dots, dashes, underscores; an
# address behind it ("jdoe@dps") is looked at by its domain
_TOKEN = re.compile(
    r"(?<![\w.@\\/-])(?:[A-Za-z]{1,12}\\)?(?P<user>[a-z][a-z0-9._-]{0,29})"
    r"(?P<at>@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6})?(?![\w@\\/-])"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _letters(value: str | None) -> str:
    return re.sub(r"[^a-z]", "", (value or "").lower())


def made_from(user: str, officer: Officer) -> bool:
    """True when ``user`` is built from the officer's names: his last name (or its first
    five letters) with more ("alavoie", "amy.lavoie", "lavoiea"), or his first name
    with his last name's initial ("amyl"). A name word alone is not a username."""
    local = _letters(user)
    last, first = _letters(officer.last_name), _letters(officer.first_name)
    if not local or local in (last, first):
        return False
    if len(last) >= 2 and last[:5] in local:
        return True
    return len(first) >= 3 and local.startswith(first + last[:1]) and bool(last)


def _owner(user: str, roster: Sequence[Officer]) -> int | None:
    """The one officer of ``roster`` that ``user`` is made from (his first initial
    telling two of the same last name apart), or None."""
    hits = [i for i, o in enumerate(roster) if made_from(user, o)]
    if len(hits) > 1:
        local = _letters(user)
        hits = [
            i
            for i in hits
            if _letters(roster[i].first_name)[:1] == local[:1]
            or (
                len(_letters(roster[i].first_name)) >= 3 and _letters(roster[i].first_name) in local
            )
        ]
    return hits[0] if len(hits) == 1 else None


def _names(line: str, officer: Officer, rules: Rules) -> bool:
    """True when ``line`` names ``officer``: his last name, or his first name or a short
    form of it written with a capital ("Ray" for Raymond)."""
    last = (officer.last_name or "").casefold()
    first = officer.first_name or ""
    for word in _WORD.findall(line):
        bare = re.sub(r"['’]s?$", "", word)
        if last and bare.casefold() == last:
            return True
        if first and bare[:1].isupper() and short_form_of(bare, first.split()[0], rules):
            return True
    return False


def _usernames(line: str, rules: Rules) -> list[str]:
    """The username-shaped tokens of ``line``; one written as an address only on a DPS
    domain ("jdoe@dps"): "alavoie@hardwickvt.org" is her e-mail address."""
    shape = re.compile(rules.formats.dps_username.pattern)
    domains = {d.lower() for d in rules.formats.dps_username.dps_domains}
    out = []
    for m in _TOKEN.finditer(line):
        user, at = m.group("user").rstrip("._-"), m.group("at")
        if at and at[1:].lower() not in domains:
            continue
        if shape.match(user):
            out.append(user)
    return out


def _speaks_of_usernames(text: str, rules: Rules) -> bool:
    low = text.lower()
    return any(w in low for w in rules.language.intent.username_words)


def usernames_on_roster(text: str, roster: Sequence[Officer], rules: Rules) -> dict[int, str]:
    """{index in ``roster``: username} for the officers of ``roster`` that ``text`` (an
    answer's own lines, quotes cut) gives a username, each made from his name."""
    if not roster or not text.strip():
        return {}
    spoken = _speaks_of_usernames(text, rules)
    low = text.lower()
    if spoken and any(w in low for w in rules.language.intent.roster_order):
        placed = _in_order(text, roster, rules)
        if placed:
            return placed
    found: dict[int, str] = {}
    clash: set[int] = set()
    for line in text.split("\n"):
        if len(line) > MAX_LINE:
            continue
        for user in _usernames(line, rules):
            at = _owner(user, roster)
            if at is None or not (spoken or _names(line, roster[at], rules)):
                continue
            if at in found and found[at] != user:
                clash.add(at)  # two usernames for one officer: staff decide
            found[at] = user
    return {i: u for i, u in found.items() if i not in clash}


_LIST_PART = re.compile(r"\s*(?:[,;]|\band\b|\bthen\b)\s*|\s+")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+")


def _in_order(text: str, roster: Sequence[Officer], rules: Rules) -> dict[int, str]:
    """A list of one username for each officer in the roster's order ("in order:
    alavoie, mpearson, okittredge", or one a line): placed by position when none of
    them is made from another officer's name; else {}."""
    shape = re.compile(rules.formats.dps_username.pattern)
    runs: list[list[str]] = []
    column: list[str] = []
    for raw in text.split("\n"):
        line = _BULLET.sub("", raw).strip().rstrip(".")
        if len(line) > MAX_LINE:
            continue
        tail = line.rsplit(":", 1)[-1].strip()
        items = [w for w in _LIST_PART.split(tail) if w]
        bare = bool(items) and all(shape.match(w) and w[0].islower() for w in items)
        if bare and len(items) == 1:
            column.append(items[0])  # one a line
            continue
        if column:
            runs.append(column)
            column = []
        if bare:
            runs.append(items)
    if column:
        runs.append(column)
    fits = [r for r in runs if len(r) == len(roster)]
    if len(roster) < 2 or len(fits) != 1:
        return {}
    users = fits[0]
    if any(_owner(u, roster) not in (None, i) for i, u in enumerate(users)):
        return {}
    return dict(enumerate(users))


def with_usernames(officers: list[Officer], text: str, rules: Rules) -> list[Officer]:
    """``officers`` with the usernames ``text`` gives those of them who have none, each
    made from one officer's name (:func:`usernames_on_roster`)."""
    open_ = [i for i, o in enumerate(officers) if not o.dps_username]
    if not open_:
        return officers
    given = usernames_on_roster(text, officers, rules)
    have = {o.dps_username.lower() for o in officers if o.dps_username}
    out = list(officers)
    for i in open_:
        if i in given and given[i].lower() not in have:
            out[i] = officers[i].model_copy(update={"dps_username": given[i]})
    return out
