"""Reading an answer to one of our replies, against what the case asked for.

A chief answers the checklist in his own words: a sentence ("Officer Okafor's DPS
username is sokafor."), the officer line the checklist suggests but without its
header row ("Okafor | Samuel | Officer | HA117 | sokafor"), "Hale - jhale", or just
"sokafor" when one username was asked for. And his mail client quotes our checklist
in a style we may not recognise.

So, before anything is read, every line of the answer that repeats what we sent on
the case (the outbox) is turned into a quoted line, whatever the quoting style: our
example row "Brown | Kevin | Officer | HA022 | kbrown" can never become an officer.
Then the usual quote and signature cutting runs, the fields are read as in any
message, and the officer details found are placed on the case's roster: by officer
number, then full name, then a last name (or first name) only one officer has.

Pure: strings and mappings in, a request in the ``mailbot parse --json`` shape out.
Every step here is linear in the size of the text (sets of word n-grams, bounded
lines); the fields themselves are read by :func:`mailbot.intake.parse.parse_parts`.
"""

from __future__ import annotations

import dataclasses
import email
import re
from collections.abc import Iterable, Mapping, Sequence
from email.policy import compat32
from typing import Any

from mailbot.intake import prose, tables
from mailbot.intake.limits import Limits
from mailbot.intake.model import Officer
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

OFFICER_FIELDS = ("last_name", "first_name", "title", "officer_number", "dps_username")
"""The order of the officer line the checklist suggests."""

SHINGLE = 4
"""Words per n-gram when matching a line against what we sent."""
MAX_LINE = 400
"""Longer lines are never officer lines nor answers (and are compared as they are)."""

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_BULLET = re.compile(r"^[ \t]*(?:[-*•·o▪◦]|\d{1,2}[.)])[ \t]+")
_TOKEN_EDGE = re.compile(r"^\W+|\W+$")
_BLANK_CELL = re.compile(r"^(?:_{2,}|-{1,}|\?+|\.{3})$")


# --- what we sent ---------------------------------------------------------------------


def sent_texts(raw: bytes) -> list[str]:
    """The readable text of one email we sent: its plain part and its HTML as text."""
    from mailbot.intake.html import html_to_text
    from mailbot.intake.message import decode_bytes

    try:
        msg = email.message_from_bytes(raw, policy=compat32)
    except Exception:
        return []
    out: list[str] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        text = decode_bytes(payload, charset)
        out.append(html_to_text(text) if ctype == "text/html" else text)
    return out


def _words(line: str) -> tuple[str, ...]:
    line = _QUOTE_PREFIX.sub("", line)
    line = _BULLET.sub("", line)
    words = (_TOKEN_EDGE.sub("", w) for w in line.casefold().split())
    return tuple(w for w in words if w)


@dataclasses.dataclass(frozen=True)
class Sent:
    """What we sent on a case, indexed for recognising it in an answer."""

    grams: frozenset[tuple[str, ...]]
    """Every run of 1 to :data:`SHINGLE` consecutive words of what we sent."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> Sent:
        grams: set[tuple[str, ...]] = set()
        for text in texts:
            stream: list[str] = []
            for line in text.replace("\r\n", "\n").split("\n"):
                stream.extend(_words(line))
            for n in range(1, SHINGLE + 1):
                for i in range(len(stream) - n + 1):
                    grams.add(tuple(stream[i : i + n]))
        return cls(frozenset(grams))

    def covers(self, words: tuple[str, ...]) -> bool:
        """True when ``words`` is a stretch of what we sent (any line wrapping)."""
        if len(words) < SHINGLE:
            return words in self.grams
        return all(words[i : i + SHINGLE] in self.grams for i in range(len(words) - SHINGLE + 1))


def mark_sent(text: str, sent: Sent) -> str:
    """``text`` with every line that repeats what we sent turned into a quoted line (">").

    A line counts when it is a stretch of our text of at least :data:`SHINGLE` words
    (the sender's client may re-wrap it), or a shorter stretch right after such a line
    or behind a quote mark (a short line of ours, the tail of a re-wrapped line). Quote
    prefixes, bullets, punctuation, spacing and letter case do not matter. Lines of the
    sender's own (a filled-in officer line, an answer typed between our lines, his own
    "Thank you,") are left as they are.
    """
    if not sent.grams:
        return text
    out: list[str] = []
    previous = False  # the last non-blank line was ours
    for line in text.split("\n"):
        words = _words(line[:MAX_LINE]) if len(line) <= MAX_LINE else ()
        if not words:
            out.append(line)
            if line.strip() and not _QUOTE_PREFIX.match(line):
                previous = False
            continue
        if len(words) >= SHINGLE:
            ours = sent.covers(words)
        else:
            # "Thank you," or "Hello," is ours only inside our text or behind a quote mark:
            # the sender's own sign-off must still cut his signature
            ours = (previous or _QUOTE_PREFIX.match(line) is not None) and sent.covers(words)

        out.append(">" if ours else line)
        previous = ours
    return "\n".join(out)


# --- reading the answer ---------------------------------------------------------------


@dataclasses.dataclass
class Asked:
    """What the case still needs, from its ``missing`` and ``invalid`` paths."""

    paths: set[str]
    officer_fields: dict[int, set[str]]

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Asked:
        paths = {str(p) for p in data.get("missing") or []}
        paths |= {str(i.get("field")) for i in data.get("invalid") or [] if isinstance(i, Mapping)}
        rows: dict[int, set[str]] = {}
        for path in paths:
            m = re.match(r"^officers\[(\d{1,6})\]\.(\w+)$", path)
            if m:
                rows.setdefault(int(m.group(1)), set()).add(m.group(2))
        return cls(paths, rows)

    def only_officer_gap(self, field: str) -> int | None:
        """The row index when exactly one officer lacks ``field`` (and nothing else of
        that kind is asked), else None."""
        found = [i for i, names in self.officer_fields.items() if field in names]
        return found[0] if len(found) == 1 else None


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


def _sentences(body: str) -> list[str]:
    """Each line, and each sentence of a line ("Okafor's username is sokafor. I'll send
    the logo later."), without bullets."""
    out: list[str] = []
    for raw in body.split("\n"):
        line = _clean_line(raw)
        if not line or len(line) > MAX_LINE:
            continue
        out.append(line)
        pieces = prose.sentences(line)
        if len(pieces) > 1:
            out.extend(pieces)
    return out


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
            m = _DASH.match(segment)
            if not m:
                continue
            user = _bare_username(m.group("value"))
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
            value = _bare_username(value)
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


def _bare_username(value: str) -> str:
    """``DPS\\jdoe`` and ``jdoe@dps.vt`` -> ``jdoe``."""
    value = value.strip().rstrip(".")
    if "\\" in value:
        value = value.rsplit("\\", 1)[1]
    return value.split("@", 1)[0]


def _made_from(officer: Officer, user: str) -> bool:
    low = user.lower()
    for name in (officer.last_name, officer.first_name):
        key = re.sub(r"[^a-z]", "", (name or "").lower())
        if len(key) >= 2 and key[:5] in low:
            return True
    return False


def _named(name: str, rules: Rules) -> Officer | None:
    words = [w for w in name.split() if w.lower() not in ("the", "officer's", "our")]
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
        if cells is None or tables.header_map(cells, rules) is not None:
            continue
        cells = ["" if _BLANK_CELL.match(c) else c for c in cells]
        if len(cells) != len(OFFICER_FIELDS):
            continue
        last, first, title, number, user = cells
        user = _bare_username(user) if user else ""
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
        for o in prose.officer_details(body, rules)
        if o not in found and o.last_name and not (o.dps_username and o.dps_username in users)
    ]
    return found


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
        value = _bare_username(line) if field == "dps_username" else line
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


# --- agency values in sentences -------------------------------------------------------

_PHONE_WORDS = re.compile(r"\b(?:phone|telephone|tel|number|call|reach)\b", re.I)
_CODE = re.compile(r"\b(?:code|ORI|judiciary)\b", re.I)
_FOUR_DIGITS = re.compile(r"(?<![\d-])(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}\.[A-Za-z]{2,24}")
_ADDRESS_SAID = re.compile(
    r"\baddress\s+(?:is|:)\s+(?P<address>[^\n]{5,150}?\b(?:VT|Vermont)\.?,?\s+\d{5}(?:-\d{4})?)\b",
    re.I,
)
_CONTACT_WORDS = re.compile(r"\b(?:point[\s-]+of[\s-]+contact|poc|contact|e-?mail)\b", re.I)


def agency_values(body: str, asked: Asked, rules: Rules) -> dict[str, str]:
    """Values the case asked for, written in a sentence: "the phone is 802-555-0199",
    "our code is 0412", "her email is amy@town.vt.us". Paths -> values."""
    out: dict[str, str] = {}
    lines = [line for line in (_clean_line(raw) for raw in body.split("\n")) if line]
    if "agency.phone" in asked.paths:
        phone = _phone(lines, rules)
        if phone:
            out["agency.phone"] = phone
    if "agency.judiciary_code" in asked.paths:
        for line in lines:
            codes = _FOUR_DIGITS.findall(line)
            if len(codes) == 1 and (_CODE.search(line) or line.strip(" .") == codes[0]):
                out["agency.judiciary_code"] = codes[0]
                break
    if "agency.address" in asked.paths:
        for line in lines:
            m = _ADDRESS_SAID.search(line) if len(line) <= MAX_LINE else None
            if m:
                out["agency.address"] = m.group("address").strip(" ,")
                break
    if "point_of_contact.email" in asked.paths:
        emails = [(line, m.group(0)) for line in lines for m in _EMAIL.finditer(line)]
        named = [e for line, e in emails if _CONTACT_WORDS.search(line)]
        if len(set(named)) == 1:
            out["point_of_contact.email"] = named[0].lower()
        elif len({e.lower() for _, e in emails}) == 1:
            out["point_of_contact.email"] = emails[0][1].lower()
    return out


def _phone(lines: list[str], rules: Rules) -> str | None:
    import phonenumbers

    found: list[tuple[bool, str]] = []
    for line in lines[:200]:
        if len(line) > MAX_LINE:
            continue
        for match in phonenumbers.PhoneNumberMatcher(line, rules.formats.phone.region):
            found.append((bool(_PHONE_WORDS.search(line)), match.raw_string))
    said = [raw for labelled, raw in found if labelled]
    if len(set(said)) == 1:
        return said[0]
    if len({raw for _, raw in found}) == 1:
        return found[0][1]
    return None


# --- placing officer details on the roster --------------------------------------------


def _key(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value else ""


def match_row(row: Mapping[str, Any], roster: Sequence[Mapping[str, Any]]) -> int | None:
    """The roster row an answer row is about: same officer number, else same full name,
    else the only officer with that last name (or, for a bare first name such as
    "Kyle", the only officer with that first name). None when unsure."""
    number = _key(row.get("officer_number"))
    last, first = _key(row.get("last_name")), _key(row.get("first_name"))
    if number:
        hits = [i for i, r in enumerate(roster) if _key(r.get("officer_number")) == number]
        if len(hits) == 1:
            return hits[0]
    if last and first:
        hits = [
            i
            for i, r in enumerate(roster)
            if _key(r.get("last_name")) == last and _key(r.get("first_name")) == first
        ]
        if len(hits) == 1:
            return hits[0]
    if last:
        hits = [
            i
            for i, r in enumerate(roster)
            if _key(r.get("last_name")) == last
            and (not first or not _key(r.get("first_name")) or _key(r.get("first_name")) == first)
        ]
        if len(hits) == 1 and not _contradicts(row, roster[hits[0]]):
            return hits[0]
        if not first and not hits:
            # one name word: "Kyle's username is kbrennan" names him by first name
            hits = [i for i, r in enumerate(roster) if _key(r.get("first_name")) == last]
            if len(hits) == 1 and not _contradicts(row, roster[hits[0]], ("officer_number",)):
                return hits[0]
    elif first:
        # a first name alone, read as one ("Kyle" with the username "kbrennan")
        hits = [i for i, r in enumerate(roster) if _key(r.get("first_name")) == first]
        if len(hits) == 1 and not _contradicts(row, roster[hits[0]], ("officer_number",)):
            return hits[0]
    return None


def _contradicts(
    row: Mapping[str, Any],
    old: Mapping[str, Any],
    fields: tuple[str, ...] = ("officer_number", "first_name"),
) -> bool:
    return any(_key(row.get(f)) and _key(old.get(f)) and _key(row.get(f)) != _key(old.get(f))
               for f in fields)  # fmt: skip


def place_officers(
    found: Sequence[Officer],
    roster: Sequence[Mapping[str, Any]],
    asked: Asked,
    bare_user: str | None = None,
    bare_number: str | None = None,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Answer rows laid over the roster: a list as long as the roster (``{}`` where the
    answer says nothing about an officer), then officers new to it. Each placed row
    carries the roster row's identity (number, names) so the merge finds it.

    Returns (rows, notes); a note says what could not be placed."""
    rows: list[dict[str, Any]] = [{} for _ in roster]
    extra: list[dict[str, Any]] = []
    notes: list[str] = []
    for officer in found:
        data = {k: v for k, v in officer.model_dump().items() if v}
        at = match_row(data, roster)
        if at is None and set(data) <= {"dps_username", "title", "officer_number"}:
            field = next(iter(set(data) & {"dps_username", "officer_number"}), None)
            at = asked.only_officer_gap(field) if field else None
        if at is None:
            if data.get("last_name") and (data.get("officer_number") or data.get("first_name")):
                extra.append(data)
            else:
                notes.append(
                    "an officer detail in the answer matched no officer of the request: "
                    + ", ".join(f"{k} {v}" for k, v in data.items() if k != "dps_username")
                )
            continue
        identity = {
            k: roster[at].get(k)
            for k in ("officer_number", "last_name", "first_name")
            if roster[at].get(k)
        }
        # The roster's spelling identifies the row; the answer's values fill it in.
        fill = {k: v for k, v in data.items() if k not in identity or not _key(roster[at].get(k))}
        if data.get("officer_number") and _key(data["officer_number"]) != _key(
            identity.get("officer_number")
        ):
            fill["officer_number"] = data["officer_number"]
            identity.pop("officer_number", None)
        rows[at] = {**rows[at], **identity, **fill}
    for field, value in (("dps_username", bare_user), ("officer_number", bare_number)):
        if value is None:
            continue
        at = asked.only_officer_gap(field)
        if at is None or at >= len(rows) or rows[at].get(field):
            continue
        named = Officer(
            last_name=roster[at].get("last_name"), first_name=roster[at].get("first_name")
        )
        if (
            field == "dps_username"
            and (named.last_name or named.first_name)
            and not _made_from(named, value)
        ):
            continue  # "thanks" or "yes" on a line of its own is not jdoe's username
        identity = {
            k: roster[at].get(k)
            for k in ("officer_number", "last_name", "first_name")
            if roster[at].get(k)
        }
        rows[at] = {**identity, **rows[at], field: value}
    return rows + extra, notes


def without_sent(parts: MessageParts, sent: Sent) -> MessageParts:
    """``parts`` whose text is the answer alone: what repeats our text is marked as
    quoted (:func:`mark_sent`), then every quote is cut."""
    from mailbot.intake.quoting import split_message

    marked = mark_sent(parts.full_text or parts.text, sent)
    text = split_message(marked, parts.subject).text.strip("\n")
    return dataclasses.replace(parts, text=text, quotes_cut=True)


def read_answer(
    parts: MessageParts,
    sent: Sent,
    case_data: Mapping[str, Any],
    rules: Rules,
    limits: Limits | None = None,
    loop_header: str = "X-Mailbot-Loop",
) -> tuple[dict[str, Any], list[str]]:
    """What an answer to our reply adds to its case: a request in the ``mailbot parse
    --json`` shape (officers laid over the case's roster, see :func:`place_officers`)
    and notes for staff. ``sent`` is what we sent on the case (:meth:`Sent.of`)."""
    from mailbot.intake.parse import parse_parts, read_officers

    limits = limits or Limits()
    asked = Asked.of(case_data)
    cleaned = without_sent(parts, sent)
    result = parse_parts(cleaned, rules, limits, loop_header)
    data = result.to_json_dict()
    if not any(p.startswith("head_of_department.") for p in asked.paths):
        # A reply's sign-off names who wrote it, not a new head of department.
        data["head_of_department"] = {"name": None, "title": None}
    if result.logo_details is not None:
        data["logo_info"] = dict(result.logo_details)

    body = prose.split_signature(prose.new_text(cleaned.text, quotes_cut=True), rules).body
    roster = [r if isinstance(r, Mapping) else {} for r in case_data.get("officers") or []]
    found = read_officers(body, list(cleaned.tables), rules)
    found += [o for o in reply_officers(body, rules) if o not in found]
    cut: list[str] = []
    if len(found) > limits.max_officers:
        cut.append(f"only the first {limits.max_officers:,} of {len(found):,} officers were read")
        found = found[: limits.max_officers]
    bare_user = bare_number = None
    if not found:
        bare_user = _bare_value(body, rules, "dps_username")
        bare_number = _bare_value(body, rules, "officer_number")
    rows, notes = place_officers(found, roster, asked, bare_user, bare_number)
    data["officers"] = rows
    notes = [*result.notes, *cut, *notes]

    for path, value in agency_values(body, asked, rules).items():
        section, name = path.split(".")
        current = (data.get(section) or {}).get(name)
        if not current:
            data.setdefault(section, {})[name] = value
    if data.get("agency", {}).get("phone"):
        from mailbot.intake.checks import normalize_phone

        phone = data["agency"]["phone"]
        data["agency"]["phone"] = normalize_phone(phone, rules) or phone
    return data, notes
