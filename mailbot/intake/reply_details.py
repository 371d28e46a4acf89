"""One officer's detail in a reply, one a line ("Jordan Hale's DPS username is jhale",
"Username for Jordan Hale: jhale", "Jordan Hale - jhale").
"""

from __future__ import annotations

import re

from mailbot.intake.model import Change, Officer
from mailbot.intake.prose import NAME_RUN, rank_title, split_name, split_rank
from mailbot.intake.rules import Rules

_USERNAME_WORDS = r"(?:DPS\s+)?(?:domain\s+)?user\s*(?:name|id)"
_TOKEN = r"(?P<user>[A-Za-z][\w.\-]*[A-Za-z0-9])"
_NAME = rf"(?P<name>{NAME_RUN.pattern})"
_DETAIL_POSSESSIVE = re.compile(
    rf"^{_NAME}['’]s\s+{_USERNAME_WORDS}\s*(?:is|:|=|-)\s*{_TOKEN}\.?$", re.I
)
_DETAIL_FOR = re.compile(
    rf"^{_USERNAME_WORDS}\s+for\s+(?:(?:officer|row|#)\s*#?\s*(?P<pos>\d{{1,3}})\s*)?"
    rf"(?:\(?\s*{_NAME}\s*\)?)?\s*(?:is|:|=|-|–)\s*{_TOKEN}\.?$",
    re.I,
)
_ASIDE_AFTER = re.compile(r"\s+\([a-z][^()\n]{0,80}\)\.?$")
_LONGEST = 120
"""Characters of the longest detail line read."""
_LONGEST_ASIDE = 90
"""Characters of the longest aside ``_ASIDE_AFTER`` takes off (its blanks aside)."""
_DETAIL_DASH = re.compile(rf"^{_NAME}\s+[-–—]\s+{_TOKEN}$")


def officer_details(text: str, rules: Rules) -> list[Officer]:
    """Officers named with their DPS username, one per line, as people answer a checklist:
    "Jordan Hale's DPS username is jhale", "Username for officer 2 (Hale): jhale",
    "Hale - jhale".

    Each entry carries the name (last, and first when given) and the username, so
    merging into the case fills that officer's gap. When every line says which officer
    ("officer 2"), the entries keep those positions, with empty rows in between.
    """
    found: list[tuple[int | None, Officer]] = []
    for raw in text.split("\n"):
        line = raw.strip(" \t•·*-")
        if len(line) > _LONGEST + _LONGEST_ASIDE:
            continue  # no detail line, even with its aside taken off (and none searched)
        # "MacLean - dmaclean1 (there was already a dmaclean)": an aside after the value
        line = _ASIDE_AFTER.sub("", line)
        if not line or len(line) > _LONGEST:
            continue
        m = _DETAIL_POSSESSIVE.match(line) or _DETAIL_FOR.match(line)
        loose = False
        if m is None:
            m = _DETAIL_DASH.match(line)
            loose = True
        if m is None:
            continue
        user = m.group("user")
        if loose and not re.fullmatch(rules.formats.dps_username.pattern, user):
            continue
        if loose and (user[0].isupper() or rank_title(user, rules) or _signs_off(line, rules)):
            continue  # "Hale - Sergeant", "Thanks - bob": not a username
        officer = _named(m.group("name"), user, rules)
        if loose and not (officer and _username_of(officer, user)):
            continue  # "Please - see": the bare shape needs a username made from the name
        pos = m.groupdict().get("pos")
        if officer is None and pos is None:
            continue
        found.append((int(pos) if pos else None, officer or Officer(dps_username=user)))
    if found and all(p is not None and 0 < p <= 500 for p, _ in found):
        rows: list[Officer] = [Officer() for _ in range(max(p or 0 for p, _ in found))]
        for p, officer in found:
            rows[(p or 1) - 1] = officer
        return rows
    return [officer for _, officer in found]


def _username_of(officer: Officer, user: str) -> bool:
    """True when ``user`` is built from the officer's last name ("Hale" -> "jhale")."""
    last = re.sub(r"[^a-z]", "", (officer.last_name or "").lower())
    return len(last) >= 2 and last[:5] in user.lower()


def _signs_off(line: str, rules: Rules) -> bool:
    low = line.lower()
    return any(low.startswith(w.lower()) for w in rules.language.people.sign_offs)


def _named(name: str | None, user: str, rules: Rules) -> Officer | None:
    if not name:
        return None
    title, rest = split_rank(name.split(), rules)
    if not rest:
        return None
    first: str | None = None
    last: str | None = rest[0].rstrip(".")
    if len(rest) > 1:
        first, last = split_name(" ".join(rest))
    if last is None:
        return None
    return Officer(last_name=last, first_name=first, title=title, dps_username=user)


_BARE_TOKEN = re.compile(r"(?<![\w.@-])([a-z][a-z0-9._-]*[a-z0-9])(?![\w@-])")


def bare_username(officer: Officer, text: str) -> str | None:
    """The one login of ``officer`` a short answer gives with no word for it ("Its
    jcoutu" under the desk's "we need her DPS domain username"): a lower-case word built
    from the officer's last name that is not the name itself, or None."""
    last = (officer.last_name or "").lower()
    names = {last, (officer.first_name or "").lower()}
    found = {
        m.group(1)
        for m in _BARE_TOKEN.finditer(text)
        if m.group(1) not in names and _username_of(officer, m.group(1))
    }
    return found.pop() if len(found) == 1 else None


def of_the_one_officer(written: list[Change], earlier: list[Change]) -> list[Change]:
    """``written`` with the one change that names no one ("It's 2W781. His username is
    jlafleur.", under the desk's question on the number of the one officer the request
    named) given that officer's name: the reply completes or corrects his change. The
    reply may ask more of officers it names ("Her new username is kmartel. Also Ray Dion
    (E3290) was promoted"): the one it names no one in is still the request's officer."""
    nameless = [i for i, c in enumerate(written) if not _names_someone(c)]
    if len(nameless) != 1 or len(earlier) != 1:
        return written
    before = earlier[0].model_dump()
    if not before.get("last_name"):
        return written
    out = list(written)
    now = written[nameless[0]].model_dump()
    names = {k: before.get(k) for k in _NAMES}
    out[nameless[0]] = Change.model_validate({**now, **names})
    return out


_NAMES = ("last_name", "first_name")


def _names_someone(change: Change) -> bool:
    return any(getattr(change, key, None) for key in _NAMES)
