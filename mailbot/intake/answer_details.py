"""What an answer to our checklist says, officer by officer and for the agency: a
sentence ("Officer Okafor's DPS username is sokafor."), the suggested officer line
without its header row ("Okafor | Samuel | Officer | HA117 | sokafor"), "Hale - jhale",
a bare value when one was asked for (the agency's values: :mod:`answer_agency`).

Pure: the answer's text in, officers and values out (placed on the case's roster by
:mod:`answer_placing`).
"""

from __future__ import annotations

import re

from mailbot.intake import prose, reply_details, table_headings
from mailbot.intake.model import Officer
from mailbot.intake.officer_fields import OFFICER_FIELDS
from mailbot.intake.rules import Rules

MAX_LINE = 400
"""Longer lines are never officer lines nor answers (and are compared as they are)."""

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·o▪◦]|\d{1,2}[.)])[ \t]+")
_BLANK_CELL = re.compile(r"^(?:_{2,}|-{1,}|\?+|\.{3})$")


_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("dps_username", r"(?:dps\s+)?(?:domain\s+)?(?:user\s*(?:name|id)|login)"),
    (
        "officer_number",
        r"(?:vt\s+)?(?:leo|officer|badge|justice\s+system|jsid)\s*(?:number|num\.?|no\.?|#|id)",
    ),
    ("title", r"(?:rank|title|job\s+title|rank\s*/\s*title)"),
    ("first_name", r"first\s+name"),
    ("last_name", r"(?:last\s+name|surname)"),
)


# a value as written, a username also as an address ("tlaroche@dps.state.vt.us")
_VALUE = r"(?P<value>[A-Za-z0-9][\w.\-\\]*[A-Za-z0-9](?:@[\w-]+(?:\.[\w-]+)+)?|[A-Za-z0-9])"


_NAME_RUN = prose.NAME_RUN.pattern


_IS = r"(?:\s+(?:is|will\s+be|should\s+be|=)\s*|\s*[:=–-]\s*)"


def _detail_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name, words in _FIELD_WORDS:
        value = _VALUE if name != "title" else r"(?P<value>[A-Za-z][\w .\-]{0,40}?)"
        out.append(
            (
                name,
                re.compile(
                    rf"^(?:the\s+)?(?P<name>{_NAME_RUN})['’]s?\s+(?:{words}){_IS}{value}\s*[.!]?$",
                    re.I,
                ),
            )
        )
        out.append(
            (
                name,
                re.compile(
                    rf"^(?:the\s+)?(?:{words})\s+(?:for|of)\s+(?P<name>{_NAME_RUN}){_IS}"
                    rf"{value}\s*[.!]?$",
                    re.I,
                ),
            )
        )
        out.append(
            (
                name,
                re.compile(
                    rf"^(?P<name>{_NAME_RUN})\s*[,:]?\s+(?:uses|has|will\s+use|goes\s+by)\s+"
                    rf"(?:the\s+)?(?:{words})\s+{value}\s*[.!]?$",
                    re.I,
                ),
            )
        )
    return out


_DETAILS = _detail_patterns()


_DASH = re.compile(
    rf"^(?P<name>{_NAME_RUN})(?:\s*(?:[-–—:]|=>|->)\s*|\s+(?:is|=)\s+){_VALUE}\s*[.]?$"
)


_LIST_SEPARATOR = re.compile(r"\s*(?:;|,|\band\b)\s*")
_AND_NAMED = re.compile(r",?\s+and\s+(?=[A-Z][\w'’-]*['’]s\s)")


def _sentences(body: str) -> list[str]:
    """Each line, and each sentence of a line ("Okafor's username is sokafor. I'll send
    the logo later."), without bullets."""
    out: list[str] = []
    for raw in body.split("\n"):
        line = _clean_line(raw)
        if not line or len(line) > MAX_LINE:
            continue
        named = _AND_NAMED.split(line)
        if len(named) > 1:
            # "Kyle's username is kbrennan and Jordan's username is jhale": one each
            out.extend(named)
            continue
        out.append(line)
        pieces = prose.sentences(line)
        if len(pieces) > 1:
            out.extend(pieces)
        # "Brandt's username is jbrandt2 - he had an old account.": the answer, its aside cut
        out.extend(cut for p in pieces if (cut := _DASH_ASIDE.sub("", p)) != p)
    return out


_DASH_ASIDE = re.compile(r"\s[-–—]\s[^-–—\n]{1,80}$")


_GREETING = re.compile(
    r"^(?:hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))(?:\s+there)?"
    r"\s*(?:[-–—,!:]|\.(?=\s))\s*(?=\S)",
    re.I,
)


def _clean_line(line: str) -> str:
    """A line without its bullet, and without a greeting before the answer ("Hi -
    Amato's officer number is SB107")."""
    line = _BULLET.sub("", line).strip(" \t")
    return _GREETING.sub("", line)


def officer_details(body: str, rules: Rules) -> list[Officer]:
    """One officer detail per line, named: "Kyle's username is kbrennan", "The LEO
    number for Hale is NW002", "Hale - jhale" (a username made from the name)."""
    found: list[Officer] = []
    user_format = re.compile(rules.formats.dps_username.pattern)
    for line in _sentences(body):
        if len(line) > 160:
            continue
        # "Hale's LEO number is NW002 and his username is jhale": one detail a clause,
        # "his"/"her"/"their" standing for the officer named first
        clauses = _AND_PRONOUN.split(line)
        officer = _detail(clauses[0], rules)
        for clause in clauses[1:]:
            if officer is None:
                break
            who = " ".join(w for w in (officer.first_name, officer.last_name) if w)
            more = _detail(f"{who}'s {clause.split(None, 1)[1]}", rules)
            if more is not None:
                extra = {k: v for k, v in more.model_dump().items() if v and k not in _WHO}
                officer = officer.model_copy(update=extra)
        if officer is not None:
            found.append(officer)
            continue
        # "Hale - jhale", "Okafor is sokafor and Hale is jhale": a username made from
        # the name it stands with
        segments = _LIST_SEPARATOR.split(line)
        for segment in [line] if len(segments) == 1 else segments:
            # "Stearns is dstearns2 (there was already a dstearns).": the aside is no value
            m = _DASH.match(_ASIDE_AFTER.sub("", segment))
            if not m:
                continue
            user = _bare_username(m.group("value"), rules)
            named = _named(m.group("name"), rules)
            if (
                named is not None
                and user_format.match(user)
                and user[0].islower()
                and prose.rank_title(user, rules) is None
                and _made_from(named, user)
            ):
                found.append(named.model_copy(update={"dps_username": user}))
    return found


_ASIDE_AFTER = re.compile(r"\s\([^()\n]{1,80}\)[.!]?$")


_AND_PRONOUN = re.compile(r",?\s+and\s+(?=(?:his|her|their)\s)", re.I)


_WHO = frozenset({"last_name", "first_name"})


def _detail(line: str, rules: Rules) -> Officer | None:
    """The officer and the one detail a sentence gives ("Kyle's username is kbrennan")."""
    for name, pattern in _DETAILS:
        m = pattern.match(line)
        if m is None:
            continue
        officer = _named(m.group("name"), rules)
        if officer is None:
            continue
        value = m.group("value").strip().rstrip(".")
        if name == "dps_username":
            value = _bare_username(value, rules)
            officer = _first_name_by_username(officer, value)
        elif name == "title":
            value = prose.rank_title(value, rules) or value
        return officer.model_copy(update={name: value})
    return None


def _first_name_by_username(officer: Officer, user: str) -> Officer:
    """One name word is a first name when the username is made from its initial and
    another name ("Kyle" with "kbrennan", "kyle.brennan"); it stays a last name when the
    username ends with it ("Hale" with "jhale") or nothing tells."""
    word = re.sub(r"[^a-z]", "", (officer.last_name or "").lower())
    if officer.first_name or len(word) < 2:
        return officer
    local = re.sub(r"[^a-z]", "", user.lower())
    at = local.find(word)
    first = (at == 0 and len(local) - len(word) >= 3) or (at < 0 and local[:1] == word[0])
    if not first:
        return officer
    return officer.model_copy(update={"first_name": officer.last_name, "last_name": None})


def _bare_username(value: str, rules: Rules) -> str:
    """``DPS\\jdoe`` and ``jdoe@dps.vt`` -> ``jdoe`` (an address on another domain is
    kept, and found invalid)."""
    value = value.strip().rstrip(".")
    if "\\" in value:
        value = value.rsplit("\\", 1)[1]
    user, at, domain = value.partition("@")
    return user if at and rules.formats.dps_username.on_dps_domain(domain) else value


def _made_from(officer: Officer, user: str) -> bool:
    low = user.lower()
    for name in (officer.last_name, officer.first_name):
        key = re.sub(r"[^a-z]", "", (name or "").lower())
        if len(key) >= 2 and key[:5] in low:
            return True
    return False


def _named(name: str, rules: Rules) -> Officer | None:
    words = [w for w in name.split() if w.lower() not in ("the", "officer's", "our")]
    words = [prose.POSSESSIVE_END.sub("", w) for w in words]  # "Mia Santerre's is msanterre"
    title, rest = prose.split_rank(words, rules)
    if not rest:
        return None
    if len(rest) == 1:
        return Officer(last_name=rest[0].rstrip(".,"), title=title)
    first, last = prose.split_name(" ".join(rest))
    if last is None:
        return None
    return Officer(last_name=last, first_name=first, title=title)


def _split_cells(line: str) -> list[str] | None:
    if "|" in line:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
    elif "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    elif line.count(",") >= 2:
        cells = [c.strip() for c in line.split(",")]
    elif line.count(";") >= 2:
        cells = [c.strip() for c in line.split(";")]
    else:
        return None
    if not 3 <= len(cells) <= 6:
        return None
    return cells


def officer_lines(body: str, rules: Rules) -> list[Officer]:
    """Officer lines without a header row, in a layout the checklist suggests: five
    cells separated by "|", TAB, "," or ";" in the order last name, first name,
    rank/title, officer number, DPS username ("____" for a blank)."""
    number_format = re.compile(rules.formats.officer_number.pattern)
    length = rules.formats.officer_number.length
    user_format = re.compile(rules.formats.dps_username.pattern)
    found: list[Officer] = []
    for raw in body.split("\n"):
        line = _clean_line(raw)
        if not line or len(line) > MAX_LINE or _QUOTE_PREFIX.match(raw):
            continue
        cells = _split_cells(line)
        if cells is None or table_headings.header_map(cells, rules) is not None:
            continue
        cells = ["" if _BLANK_CELL.match(c) else c for c in cells]
        if len(cells) != len(OFFICER_FIELDS):
            continue
        last, first, title, number, user = cells
        user = _bare_username(user, rules) if user else ""
        if number and not (len(number) == length and number_format.match(number)):
            continue
        if user and not user_format.match(user):
            continue
        if not (last and (number or user)) or any(ch.isdigit() for ch in last + first):
            continue
        found.append(
            Officer(
                last_name=last,
                first_name=first or None,
                title=(prose.rank_title(title, rules) or title) if title else None,
                officer_number=number or None,
                dps_username=user or None,
            )
        )
    return found


def reply_officers(body: str, rules: Rules) -> list[Officer]:
    """Officer details in an answer, without knowing the case: headerless officer
    lines, then named details in sentences ("Okafor's DPS username is sokafor")."""
    found = officer_lines(body, rules)
    found += [o for o in officer_details(body, rules) if o not in found]
    users = {o.dps_username for o in found if o.dps_username}
    found += [
        o
        for o in reply_details.officer_details(body, rules)
        if o not in found and o.last_name and not (o.dps_username and o.dps_username in users)
    ]
    return _one_per_officer(found)


def _one_per_officer(found: list[Officer]) -> list[Officer]:
    """ "Tanguay's LEO number: MB04471" and "Tanguay's DPS username: atanguay" on lines of
    their own: one officer, when the details named alike do not disagree."""
    out: list[Officer] = []
    for officer in found:
        same = next(
            (
                i
                for i, o in enumerate(out)
                if officer.last_name
                and (o.last_name, o.first_name) == (officer.last_name, officer.first_name)
                and all(
                    not a or not b or a == b
                    for a, b in zip(
                        o.model_dump().values(), officer.model_dump().values(), strict=True
                    )
                )
            ),
            None,
        )
        if same is None:
            out.append(officer)
            continue
        given = {k: v for k, v in officer.model_dump().items() if v}
        out[same] = out[same].model_copy(update=given)
    return out


def _bare_value(body: str, rules: Rules, field: str) -> str | None:
    """The one line of the answer that is just a value of ``field`` ("sokafor")."""
    if field == "dps_username":
        fmt = re.compile(rules.formats.dps_username.pattern)
    elif field == "officer_number":
        fmt = re.compile(rules.formats.officer_number.pattern)
    else:
        return None
    values = []
    for raw in body.split("\n"):
        line = _clean_line(raw).rstrip(".")
        if not line or " " in line or len(line) > 40:
            continue
        value = _bare_username(line, rules) if field == "dps_username" else line
        if (
            not fmt.match(value)
            or prose.rank_title(value, rules)
            or (field == "dps_username" and value[0].isupper())
        ):
            continue
        if field == "officer_number" and (
            len(value) != rules.formats.officer_number.length or not re.search(r"\d", value)
        ):
            continue
        values.append(value)
    return values[0] if len(values) == 1 else None
