"""Usernames an answer gives the officers of a roster already known (the sender's own
quoted request, or the desk's open case), however the answer names them: "For the
usernames, Amy's is alavoie, Mark's is mpearson and Owen's is okittredge", "Amy -
alavoie", "alavoie for Amy", "Sgt Lavoie: alavoie", "Hutchins, Ray  rhutchins" (a
nickname), or a bare list in the roster's order ("in order: alavoie, mpearson").

A username is placed on an officer only when it is made from that officer's name and no
other's ("alavoie": Amy Lavoie), and the answer speaks of usernames or names the officer
on the same line; a list in the roster's order, when the answer says so, also by place.
What cannot be placed for sure is left for staff, never guessed.

Pure: text and officers in, {roster index: username} out; linear in the text's size (the
roster is indexed once by name pieces, never walked per word).
"""

from __future__ import annotations

import functools
import mimetypes
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from mailbot.intake.model import Officer
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


@functools.lru_cache(maxsize=4096)  # asked of every officer's names for every token
def _letters(value: str | None) -> str:
    """A name's or login's letters, lower case, an accented letter as its plain one ("René"
    gives "rene", not "ren": a login is typed without accents)."""
    plain = unicodedata.normalize("NFKD", (value or "").lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)))


def made_from(user: str, officer: Officer) -> bool:
    """True when ``user`` is built from the officer's names: his last name (or its first
    five letters) with more ("alavoie", "amy.lavoie", "lavoiea"), or his first name
    with his last name's initial ("amyl"). A name word alone is not a username."""
    return _made(_letters(user), _letters(officer.last_name), _letters(officer.first_name))


def signs_as(user: str | None, officer: Officer) -> bool:
    """True when ``user`` is made from the officer's last name and begins with his first
    initial ("rhutchins" for Raymond Hutchins, whatever first name a row gives him:
    "Hutchins, Butch  rhutchins")."""
    first = _letters(officer.first_name)
    return (
        bool(user and first) and made_from(user or "", officer) and _letters(user)[:1] == first[:1]
    )


def _made(local: str, last: str, first: str) -> bool:
    if not local or local in (last, first):
        return False
    if len(last) >= 2 and last[:5] in local:
        return True
    return len(first) >= 3 and bool(last) and local.startswith(first + last[:1])


_SHORTEST_FIRST = 2
"""Letters a short form of a first name has at least when it begins the name ("Jo", "Nat")."""


@dataclass
class _Roster:
    """A roster indexed by the pieces of its names: who a username is made from, who a
    word names."""

    officers: Sequence[Officer]
    names: list[tuple[str, str]] = field(default_factory=list)
    by_piece: dict[str, list[int]] = field(default_factory=dict)
    by_start: dict[str, list[int]] = field(default_factory=dict)
    owners: dict[str, int | None] = field(default_factory=dict)
    by_last: dict[str, list[int]] = field(default_factory=dict)
    by_first: dict[str, list[int]] = field(default_factory=dict)
    by_number: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, officers: Sequence[Officer], rules: Rules) -> _Roster:
        out = cls(officers)
        nicknames: dict[str, list[str]] = {}
        for nick, fulls in rules.language.people.short_names.items():
            for full in fulls:
                nicknames.setdefault(full.casefold(), []).append(nick.casefold())
        for i, o in enumerate(officers):
            last, first = _letters(o.last_name), _letters(o.first_name)
            out.names.append((last, first))
            if len(last) >= 2:
                out.by_piece.setdefault(last[:5], []).append(i)
            if len(first) >= 3 and last:
                out.by_start.setdefault(first + last[:1], []).append(i)
            if o.last_name:
                out.by_last.setdefault(o.last_name.casefold(), []).append(i)
            if o.officer_number:
                out.by_number.setdefault(o.officer_number.casefold(), []).append(i)
            given = (o.first_name or "").split()[:1]
            if given:
                full = given[0].strip(".").casefold()
                forms = {full, *nicknames.get(full, [])}
                forms |= {full[:n] for n in range(_SHORTEST_FIRST, len(full))}
                for form in forms:
                    out.by_first.setdefault(form, []).append(i)
        return out

    def owner(self, user: str) -> int | None:
        """The one officer that ``user`` is made from (his first initial telling two of
        the same last name apart), or None."""
        if user in self.owners:
            return self.owners[user]
        local = _letters(user)
        seen: set[int] = set()
        for n in range(2, min(len(local), 5) + 1):  # a last name's first five letters
            for at in range(len(local) - n + 1):
                seen.update(self.by_piece.get(local[at : at + n], ()))
        for n in range(4, len(local) + 1):  # a first name and the last name's initial
            seen.update(self.by_start.get(local[:n], ()))
        hits = sorted(i for i in seen if _made(local, *self.names[i]))
        if len(hits) > 1:
            hits = [
                i
                for i in hits
                if self.names[i][1][:1] == local[:1]
                or (len(self.names[i][1]) >= 3 and self.names[i][1] in local)
            ]
        self.owners[user] = hits[0] if len(hits) == 1 else None
        return self.owners[user]

    def named(self, line: str) -> set[int]:
        """The officers ``line`` names: by officer number, last name, or first name (or
        a short form of it, "Ray" for Raymond) written with a capital."""
        out: set[int] = set()
        for m in _NAME_WORD.finditer(line):
            word = m.group(0)
            bare = _POSSESSIVE.sub("", word).casefold()
            out.update(self.by_number.get(word.casefold(), ()))
            out.update(self.by_last.get(bare, ()))
            if word[:1].isupper():
                out.update(self.by_first.get(bare, ()))
        return out


_NAME_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


_CLAUSES = re.compile(r"\s*[,;]\s*|\s+and\s+")
_USER = r"(?P<user>[a-z][a-z0-9._-]{1,29})"
_WHO = r"(?P<name>[A-Z0-9][\w'’.\- ]{0,40}?)"
_PAIRS = (
    # "Amy's is al2208", "Sgt Lavoie: al2208", "L0412 - al2208", "Amy = al2208"
    re.compile(rf"^(?:for\s+)?{_WHO}(?:['’]s?)?\s*(?:\bis\b|=|:|-|–|—)\s*{_USER}$"),
    # "al2208 for Amy", "al2208 is Amy's"
    re.compile(rf"^{_USER}\s+(?:for|is)\s+{_WHO}(?:['’]s?)?$"),
)


def _paired(line: str, roster: _Roster) -> list[tuple[int, str]]:
    """Usernames a line pairs with a name that only one officer has ("For the usernames,
    Amy's is al2208"), one a clause; a username not made from his name only when it
    holds a digit, dot or underscore ("pending" is no username)."""
    out: list[tuple[int, str]] = []
    for clause in _CLAUSES.split(line.strip().rstrip(".!")):
        _, colon, rest = clause.partition(":")
        # "Usernames: Q0519 - nq.vt": the pair after a lead-in
        pair = _pair(clause, roster) or (_pair(rest, roster) if colon else None)
        if pair is not None:
            out.append(pair)
    return out


def _pair(clause: str, roster: _Roster) -> tuple[int, str] | None:
    for pattern in _PAIRS:
        m = pattern.match(clause.strip())
        if m is None:
            continue
        named = roster.named(m.group("name"))
        user = m.group("user").rstrip("._-")
        if len(named) != 1 or len(m.group("name").split()) > 4 or _file_or_site(user):
            return None  # "The login steps are in tessier-notes.pdf"
        at = named.pop()
        if roster.owner(user) not in (None, at):
            return None
        if made_from(user, roster.officers[at]) or re.search(r"[\d._]", user):
            return at, user
        return None
    return None


def _usernames(line: str, rules: Rules) -> list[str]:
    """The username-shaped tokens of ``line``; one written as an address only on a DPS
    domain ("jdoe@dps"): "alavoie@hardwickvt.org" is her e-mail address."""
    shape = re.compile(rules.formats.dps_username.pattern)
    out = []
    for m in _TOKEN.finditer(line):
        user, at = m.group("user").rstrip("._-"), m.group("at")
        if at and not rules.formats.dps_username.on_dps_domain(at[1:]):
            continue
        if shape.match(user) and not _file_or_site(user):
            out.append(user)
    return out


def _file_or_site(user: str) -> bool:
    """ "lavoie-memo.pdf", "www.lavoiefamily.net": a file's or a site's name."""
    return user.startswith("www.") or ("." in user and mimetypes.guess_type(user)[0] is not None)


def _speaks_of_usernames(text: str, rules: Rules) -> bool:
    low = text.lower()
    return any(w in low for w in rules.language.intent.username_words)


def usernames_on_roster(text: str, officers: Sequence[Officer], rules: Rules) -> dict[int, str]:
    """{index in ``officers``: username} for the officers of a roster that ``text`` (an
    answer's own lines, quotes cut) gives a username, each made from his name."""
    if not officers or not text.strip():
        return {}
    roster = _Roster.of(officers, rules)
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
        given = _paired(line, roster) if spoken else []
        # "kbrault, jmarcotte, lortega" alone on a line: each made from another officer
        named: set[int] | None = None if spoken else _owners_listed(line, roster, rules)
        for user in _usernames(line, rules):
            at = roster.owner(user)
            if at is not None and not spoken and named is None:
                named = roster.named(line)
            if at is not None and (spoken or at in (named or ())):
                given.append((at, user))
        for at, user in given:
            if at in found and found[at] != user:
                clash.add(at)  # two usernames for one officer: staff decide
            found[at] = user
    return {i: u for i, u in found.items() if i not in clash}


def _owners_listed(line: str, roster: _Roster, rules: Rules) -> set[int] | None:
    """The officers a line of usernames alone ("kbrault, jmarcotte, lortega") names, two
    or more, each username made from another officer's name; None for any other line."""
    shape = re.compile(rules.formats.dps_username.pattern)
    items = [w for w in _LIST_PART.split(line.strip().rstrip(".")) if w]
    if len(items) < _MIN_LISTED or not all(shape.match(w) and w[0].islower() for w in items):
        return None
    owners = {roster.owner(w) for w in items}
    return (
        None if None in owners or len(owners) < len(items) else {o for o in owners if o is not None}
    )


_MIN_LISTED = 2
"""Usernames a line lists alone, at the least, that name their officers by themselves."""
_LIST_PART = re.compile(r"\s*(?:[,;]|\band\b|\bthen\b)\s*|\s+")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+")


def _in_order(text: str, roster: _Roster, rules: Rules) -> dict[int, str]:
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
    size = len(roster.officers)
    fits = [r for r in runs if len(r) == size]
    if size < 2 or len(fits) != 1:
        return {}
    users = fits[0]
    if any(roster.owner(u) not in (None, i) for i, u in enumerate(users)):
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
