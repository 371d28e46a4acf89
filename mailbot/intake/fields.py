"""Labelled and described values: judiciary code, agency name, address, phone,
point of contact and head of department.

Pure functions over the new text of a message; labels come from ``rules/labels.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailbot.intake.prose import (
    display_name,
    ends_with_surname_title,
    header_addresses,
    is_header_line,
    rank_title,
)
from mailbot.intake.rules import Rules, per_rules

_BULLET = r"^[ \t]*(?:(?:[-*•·>]|\d{1,2}[.)])[ \t]*)?"
_SEP = r"[ \t]*(?:[:：=]|[-–—](?=[ \t])|\.{2,}|\t)[ \t]*"
# "JB# 0733", "JB #0733", "Phone # 802-...": a number sign before a digit parts label and value
_NUMBER_SIGN = r"(?<=#)[ \t]+(?=\(?\d)|[ \t]*#[ \t]*(?=\(?\d)"
# The local part is bounded so a long run of word characters cannot make a search quadratic.
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_STREET = re.compile(r"^\s*(?:\d+[A-Za-z]?\s+\S.*|P\.?\s*O\.?\s*Box\s+\d+.*)$", re.I)
_BLANKS = re.compile(r"[ \t]+")
_LABEL_LINE = re.compile(r"^[^:]{1,40}:")
_VT_ZIP = re.compile(r",\s*(?:VT|Vermont)\.?\s+\d{5}")
_DIGIT = re.compile(r"\d")
_GREETING = re.compile(r"^(?:The|Our|Dear|At|From|Hello|Hi)\s+")
_ARTICLE = re.compile(r"^(?:The|Our)\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z])\.\s")
_NAME_END = re.compile(r"[,(<;]|\s[-–]\s|\b(?:at|of|from|with)\b")
_CODE_DIGITS = re.compile(r"^#?\s*(\d+)\b")
_CITY_LINE = re.compile(
    r"^\s*[A-Za-z][A-Za-z .'-]{0,60}?,?\s+(?:VT|Vermont|[A-Z]{2})\.?\s+\d{5}(?:-\d{4})?\s*$"
)
MAX_LINE = 300
"""Lines longer than this are prose or junk, never a labelled value or an address."""


@dataclass
class Fields:
    """Values read from text, as written (checked later by :mod:`checks`)."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, path: str) -> str | None:
        return self.values.get(path)


def _label_re(labels: list[str]) -> re.Pattern[str]:
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[- ]?")
        for w in sorted(labels, key=len, reverse=True)
    )
    # "Proper name to be displayed on the e-ticket: ...": a few words may stand between
    # the label and a colon; "The LEA's address: ..." may start with an article
    owner = r"(?:(?:the|our|LEA['’]?s?|agency['’]?s?|department['’]?s?|dept\.?)[ \t]+){0,2}"
    filler = r"(?:[ \t]+[^:：\n]{0,50}?[ \t]*[:：][ \t]*)"
    return re.compile(
        rf"{_BULLET}{owner}(?P<label>{alt})(?:[ \t]*\([^)]*\))?"
        rf"(?:{_SEP}|{filler}|[ \t]*$|{_NUMBER_SIGN})(?P<value>.*)$",
        re.I,
    )


@per_rules
def _label_patterns(rules: Rules) -> dict[str, re.Pattern[str]]:
    return {path: _label_re(words) for path, words in rules.labels.labels.items()}


@per_rules
def _placeholders(rules: Rules) -> frozenset[str]:
    return frozenset(p.lower() for p in rules.labels.placeholders.values)


def _clean(value: str, rules: Rules) -> str | None:
    value = value.strip().strip("*_").strip()
    value = _BLANKS.sub(" ", value)
    if value.lower() in _placeholders(rules):
        return ""  # said, but "not given": never look at the next line for it
    return value or None


_SHORT_LINE = 60
"""A line this short may be a label alone (its value on the next line)."""
_MAYBE_LABELLED = re.compile(r"[:：=\t]|[-–—][ \t]|\.\.")


def labelled(text: str, rules: Rules) -> dict[str, tuple[int, str | None]]:
    """Path -> (line index, value) of the first line starting with a label of that field.

    The value may be empty (a label alone on its line: the value is on the next line).
    """
    found: dict[str, tuple[int, str | None]] = {}
    lines = text.split("\n")
    patterns = _label_patterns(rules)
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE or is_header_line(line):
            continue
        if len(line) > _SHORT_LINE and not _MAYBE_LABELLED.search(line):
            continue  # a long line with no separator is prose, not "Label: value"
        best: tuple[tuple[int, int], str, str] | None = None
        for path, pat in patterns.items():
            m = pat.match(line)
            # the longest label wins ("PoC Email" over "PoC"), then the latest value
            key = (m.end("label"), m.start("value")) if m else (0, 0)
            if m and (best is None or key > best[0]):
                best = (key, path, m.group("value"))
        if best is None:
            continue
        _, path, value = best
        if path in found and found[path][1] is not None:
            continue
        found[path] = (i, _not_a_value(path, _clean(value, rules)))
    return found


_DIGIT_PATHS = frozenset({"agency.judiciary_code", "agency.phone"})
# a doubt that opens the value ("not sure what ours is", "unknown at this time", "we
# don't know it"), or a sentence that asks ("which one do you want?"); a value followed by
# a doubt ("Stowbridge Police Department (not sure if you need 'Town of')") is kept
_UNSURE = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:am\s+|are\s+)?(?:not\s+sure|unsure|don['’]?t\s+know|do\s+not\s+know"
    r"|unknown|not\s+known|no\s+idea|to\s+be\s+determined|can\s+you|could\s+you|please\s+look)\b"
    r"|^(?-i:[a-z])[^?\n]*\?\s*$",
    re.I,
)


def _not_a_value(path: str, value: str | None) -> str | None:
    """ "" (said, but not given) for a sentence written where a value belongs: a question
    or a doubt ("not sure what ours is, can you look it up?"), or words without a digit
    for a code or a phone number."""
    if not value:
        return value
    if path in _DIGIT_PATHS:
        return value if _DIGIT.search(value) else ""
    if _UNSURE.search(value[:MAX_LINE]) and not _EMAIL.search(value):
        return ""
    return value


def _next_value(lines: list[str], i: int) -> str | None:
    """The value under a label written alone on its line (not another "Label: value")."""
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return None if _LABEL_LINE.match(line) else line.strip()
    return None


def _address(lines: list[str], i: int, value: str | None) -> str | None:
    """A one-line address; a mailing address on two or three lines is joined."""
    parts: list[str] = [value] if value else []
    j = i + 1
    while not (parts and _ZIP.search(parts[-1])) and j < len(lines) and j <= i + 3:
        line = lines[j].strip()
        if not line:
            if parts:
                break
            j += 1
            continue
        if ":" in line and not _ZIP.search(line):
            break
        parts.append(line)
        j += 1
    if not parts:
        return None
    return ", ".join(p.strip().rstrip(",") for p in parts)


_STATE_ZIP_END = re.compile(r"\b(?:VT|Vermont|[A-Z]{2})\.?,?\s+\d{5}(?:-\d{4})?\b")


def _to_zip(address: str) -> str:
    """ "12 Main St, Hartford, VT 05047 (802) 555-1234" -> up to the ZIP code."""
    ends = list(_STATE_ZIP_END.finditer(address))
    return address[: ends[-1].end()].rstrip(" ,;/") if ends else address


def address_in(text: str) -> str | None:
    """An address written without a label: a street line then a "City, VT 05001" line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE or len(lines[i - 1]) > MAX_LINE:
            continue
        if _CITY_LINE.match(line) and i > 0 and _STREET.match(lines[i - 1]):
            return f"{lines[i - 1].strip().rstrip(',')}, {line.strip()}"
        if _STREET.match(line) and _VT_ZIP.search(line):
            return line.strip()
    return None


_CODE_INLINE = re.compile(
    r"(?:judiciary|judicial|JB|court|our|the|agency['’]?s?)\s+(?:bureau\s+)?code\b"
    r"(?:[ \t]+(?:assigned|given|issued)(?:[ \t]+(?:to|by)[ \t]+[\w'’]+){0,2})?"  # "... to us is"
    r"\s*(?:is|of|:|-|#|number)?\s*#?\s*(\d{1,8})\b",
    re.I,
)
_PHONE_INLINE = re.compile(
    r"(?:phone(?:\s+(?:number|#|no\.?))?|telephone|tel\.?|reached\s+at"
    r"|(?:main|office|station|business|front\s+desk|dispatch|non-emergency)\s+(?:number|line)"
    r"|number\s+(?:for|of)\s+the\s+(?:department|station|agency|office))"
    r"\s*(?:is|:|-|at)?\s*"
    r"(\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?)",
    re.I,
)
_POC_DESIGNATED = re.compile(
    r"(?:designated|designate|appointed|named|assigned|selected|chosen|nominated|picked|asked)"
    r"\s+(.{1,120}?)\s+(?:as|to\s+be|to\s+serve\s+as|to\s+act\s+as)\s+"
    r"(?:the|our)\s+(?:agency['’]s\s+)?(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)",
    re.I,
)
_POC_WORDS = (
    r"(?i:(?:the|our)\s+(?:agency['’]s\s+|department['’]s\s+)?(?:designated\s+)?"
    r"(?:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC)|e-?ticket(?:ing)?\s+contact)\b)"
)
_CAP_WORD = r"(?<![\w.'’-])[A-Z][\w.'’-]*+"
_CAP_RUN = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,4}}"
# "Detective Sara Lindqvist will serve as our e-ticket Point-of-Contact",
# "Lt. Wendy Stokes is our designated e-ticket Point-of-Contact",
# "Officer Jill Ostrander is designated as our e-ticket Point-of-Contact"
_POC_WILL_BE = re.compile(
    rf"({_CAP_RUN})(?:\s*\([^()]{{1,80}}\))?\s+(?i:(?:will|has\s+agreed\s+to|agreed\s+to|is\s+going\s+to)"
    rf"\s+(?:be|serve\s+as|act\s+as)|is|has\s+been|shall\s+be)\s+"
    rf"(?i:(?:designated|appointed|named|assigned)\s+(?:as\s+)?)?{_POC_WORDS}"
)
# "Our e-ticket Point-of-Contact will be Cpl. Wyatt Lyman (wlyman@...)"
_POC_IS_NAMED = re.compile(
    rf"{_POC_WORDS}(?:\s+(?i:for|on|with)\s+[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s*(?i:will\s+be|is|shall\s+be|:|,)\s+({_CAP_RUN})"
)
# "Please make Sgt. Joanne Pelletier our point of contact"
_POC_MADE = re.compile(rf"(?i:make|designate|appoint|name|nominate)\s+({_CAP_RUN})\s+{_POC_WORDS}")
# "Sgt. Joanne Pelletier will handle e-ticketing for us as our point of contact"
_POC_WILL_ACT = re.compile(
    rf"({_CAP_RUN})(?:\s*\([^()]{{1,80}}\))?\s+(?i:will|shall|has\s+agreed\s+to|agreed\s+to)"
    rf"\s+[^.;?!]{{1,60}}?\s+(?i:as)\s+{_POC_WORDS}"
)
# "Point of contact will be Cpl. Dean Harrow, dharrow@..." (no "the"/"our")
_POC_BARE_NAMED = re.compile(
    rf"(?<![\w-])(?i:(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC))"
    rf"\s+(?i:will\s+be|shall\s+be|is)\s+({_CAP_RUN})"
)
_SELF_POC = re.compile(
    r"\bI(?:['’]?ll|\s+will|\s+shall|\s+am|['’]?m)\s+(?:also\s+)?"
    r"(?:be|serve\s+as|act\s+as|remain|going\s+to\s+be)?\s*(?:the|our|your)?\s*"
    r"(?:agency['’]s\s+|department['’]s\s+)?(?:(?:e-?ticket(?:ing)?\s+)?"
    r"(?:point[- ]of[- ]contact|PoC)|e-?ticket(?:ing)?\s+contact)"
    r"|designated\s+myself|(?:point[- ]of[- ]contact|PoC)"
    r"\s*(?:will\s+be|is)\s*(?::\s*)?(?:me|myself)\b",
    re.I,
)


@per_rules
def _agency_name_re(rules: Rules) -> re.Pattern[str]:
    suffixes = sorted(rules.language.people.agency_suffixes, key=len, reverse=True)
    alt = "|".join(re.escape(s) for s in suffixes)
    # a word starts after a non-word character and is taken whole (possessive), so a
    # long capitalised token is tried once, not from each of its letters
    word = r"(?<![\w'’.-])[A-ZÀ-Þ][\w'’.-]*+"
    small = r"(?:of|and|the|&)"  # "Town of Hartford Police Department"
    return re.compile(rf"({word}[ \t]+(?:(?:{word}|{small})[ \t]+){{0,6}}(?:{alt}))(?![\w'’])")


_SHOWN_AS = re.compile(
    r"(?i:(?:list|show|display|print|identify)\s+(?:us|our\s+(?:agency|department|dept\.?))"
    r"|(?:our\s+)?name\s+to\s+(?:appear|read|show|print|be\s+(?:displayed|printed|shown|listed)))"
    r"(?i:\s+on\s+(?:the\s+)?(?:e-?)?tickets?)?\s+(?i:as)\s*:?\s+"
    r"(?:[\"“]([^\"”\n]{3,80})[\"”]"
    r"|([A-Z][\w'’.&-]*+(?:[ \t]+(?:[A-Z][\w'’.&-]*+|of|and|the)){1,8}))"
)


def name_shown_as(text: str) -> str | None:
    """The agency name the sender asks to be shown as ("please list us as Stowbridge
    Village PD on the tickets", "we'd like our name to appear as "Stowbridge Police"")."""
    m = _SHOWN_AS.search(text)
    if m is None:
        return None
    name = (m.group(1) or m.group(2) or "").strip().rstrip(".,;")
    return name if len(name.split()) >= 2 else None


def agency_name_in(text: str, rules: Rules) -> str | None:
    """An agency named in running text ("The Hartford Police Department would like ...")."""
    moved = [w.lower() for w in rules.language.intent.transfer]
    people_words = set(rules.language.people.ranks) | {
        t.lower() for t in rules.language.people.head_titles
    }
    weak = tuple(rules.language.people.weak_agency_suffixes)
    places = set(rules.language.people.place_words)
    found: list[str] = []
    for m in _agency_name_re(rules).finditer(text):
        before = " ".join(text[max(0, m.start() - 40) : m.start()].lower().split())
        if any(w in before for w in moved) or _moved_to(text, m.start(), moved):
            continue  # the agency an officer moves to is not the sender's
        name = _GREETING.sub("", m.group(1))
        name = _ARTICLE.sub("", name)
        head = name.split()[0].rstrip(".,").lower() if name.split() else ""
        if head in people_words:
            continue  # "Chief of Police", "Sergeant Police ..."
        if name.endswith(weak) and not any(w in name.split() for w in places):
            continue  # "Harlan Constable" is a person; "Town of Roxford Constable" is not
        if len(name.split()) >= 2:
            found.append(name.strip())
            if len(found) >= 20:
                break
    if not found:
        return None
    # "Brattleboro Police" then "Brattleboro Police Department": the full name
    first = found[0]
    longer = [n for n in found if n != first and n.lower().startswith(first.lower())]
    return max(longer, key=len) if longer else first


_CLAUSE_BACK = 160
_CLAUSE_START = re.compile(r"(?<=[a-z0-9)])[.!?]\s|\n\s*\n")
_TOWARDS = re.compile(r"\b(?:to|with|for|join(?:ed|ing|s)?)(?:\s+the)?$")


def _moved_to(text: str, start: int, moved: list[str]) -> bool:
    """True when the agency named at ``start`` is where an officer goes ("has transferred
    from North Bristol Police Department to the Windham County Sheriff's Office",
    "accepted a position with the Barre City Police Department")."""
    clause = text[max(0, start - _CLAUSE_BACK) : start]
    clause = " ".join(_CLAUSE_START.split(clause)[-1].lower().split())
    return _TOWARDS.search(clause) is not None and any(w in clause for w in moved)


@dataclass
class Contact:
    name: str | None = None
    email: str | None = None


def point_of_contact(
    text: str,
    rules: Rules,
    labels: dict[str, tuple[int, str | None]],
    addresses: list[tuple[str, str]],
    sender: tuple[str | None, str | None],
    head: str | None = None,
) -> Contact:
    """The designated e-ticket Point-of-Contact: name without rank, and email.

    The email is the one written with the name, else the To/Cc address whose display
    name matches, else (when the sender designates themself) the sender's address.
    """
    lines = text.split("\n")
    contact = Contact()
    raw: str | None = None
    if "point_of_contact.name" in labels:
        i, value = labels["point_of_contact.name"]
        raw = (value if value is not None else _next_value(lines, i)) or None
    if raw is None:
        flat = _near_poc_words(text)
        own = _SELF_POC.search(flat)
        self_name = (head_from_sender(sender[0], rules)[0] or head) if own else None
        m = (
            _POC_DESIGNATED.search(flat)
            or _POC_WILL_BE.search(flat)
            or _POC_IS_NAMED.search(flat)
            or _POC_BARE_NAMED.search(flat)
            or _POC_MADE.search(flat)
            or _POC_WILL_ACT.search(flat)
        )
        if own and self_name and (m is None or own.start() < m.start() or _not_a_name(m)):
            raw = self_name
            # "... myself; please use my work address chief@..." in the same sentence
            rest = _SENTENCE_END.split(flat[own.end() : own.end() + 240], maxsplit=1)[0]
            written = _EMAIL.search(rest)
            contact.email = (written.group(0) if written else sender[1] or "").lower() or None
            m = None
        if m:
            raw = m.group(1)
            # "...; she can be reached at amy@..." in the same sentence
            rest = _SENTENCE_END.split(flat[m.end() : m.end() + 240], maxsplit=1)[0]
            email = _EMAIL.search(rest)
            if (
                email
                and _may_be_theirs(raw, email.group(0), sender[1], rules)
                and not _given_to_another(rest[: email.start()], raw, email.group(0), rules)
            ):
                contact.email = email.group(0).lower()

    if raw is not None:
        email = _EMAIL.search(raw)
        if email and contact.email is None:
            contact.email = email.group(0).lower()
        pieces = _NAME_END.split(_EMAIL.sub("", raw))
        contact.name = _named_sentence(pieces[0], rules)
        for piece in pieces:
            # "our contractor, Kevin Lasalle of Green Mountain Mobile Tech": the first
            # piece that names a person (a job alone, or a firm after "of", does not)
            name = _named_sentence(piece, rules)
            if name and len(name.split()) >= 2 and name[:1].isupper():
                contact.name = name
                break
    if "point_of_contact.email" in labels:
        i, value = labels["point_of_contact.email"]
        email = _EMAIL.search(value or _next_value(lines, i) or "")
        if email:
            contact.email = email.group(0).lower()
    if contact.email is None and contact.name:
        contact.email = _said_later(text, contact.name, sender[1], rules)
    if contact.email is None and contact.name:
        want = _name_key(contact.name, rules)
        for name, addr in addresses:
            # a header or link address with the PoC's name counts only on the sender's
            # domain: a namesake's personal or foreign address is not the agency's PoC
            if name and _name_key(name, rules) == want and _same_domain(addr, sender[1]):
                contact.email = addr.lower()
                break
        if contact.email is None and raw is not None:
            # "Sgt. Amy Lussier (alussier@...)" on the next line of a labelled block.
            i = labels.get("point_of_contact.name", (-1, None))[0]
            if i >= 0:
                near = _EMAIL.search(" ".join(lines[i : i + 3]))
                if near:
                    contact.email = near.group(0).lower()
    return contact


_POC_ANCHOR = re.compile(
    r"point[- \n]of[- \n]contact|\bPoC\b|\bmyself\b|e-?ticket(?:ing)?[ \n]contact\b", re.I
)
_BEFORE, _AFTER = 300, 400
"""How much text around each mention of the PoC the designation patterns read."""


_POC_ANCHOR_LOWER = re.compile(
    r"point[- \n]of[- \n]contact|poc\b|myself\b|e-?ticket(?:ing)?[ \n]contact\b"
)


def _poc_anchors(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_POC_ANCHOR` in ``text``. ASCII text is searched lower-cased
    without ``re.I`` (a scan that skips to each "p" or "m"; "poc" and "myself" count
    only after a non-word character, as ``\\b`` has it)."""
    if not text.isascii():
        return [m.span() for m in _POC_ANCHOR.finditer(text)]
    low = text.lower()
    out = []
    for m in _POC_ANCHOR_LOWER.finditer(low):
        i, end = m.span()
        before = low[i - 1] if i else " "
        if low.startswith(("poc", "myself"), i) and (before.isalnum() or before == "_"):
            continue  # "PoC" and "myself" (not the other words) need a \b before
        out.append((i, end))
    return out


def _near_poc_words(text: str) -> str:
    """The stretches of ``text`` around each "Point-of-Contact" / "PoC" / "myself", the
    only places a designation can be (so the name patterns never scan a whole body),
    with blanks and line breaks folded to single spaces."""
    spans: list[list[int]] = []
    for m_start, m_end in _poc_anchors(text):
        start, end = max(0, m_start - _BEFORE), m_end + _AFTER
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return " ¶ ".join(" ".join(text[a:b].split()) for a, b in spans)


def _named_sentence(text: str, rules: Rules) -> str | None:
    """The person's name in the first piece of ``text`` that holds one, where pieces end
    with a sentence ("MDTs. Officer Renee Zeller", "Detective Sam Okafor. His email"); a
    rank or an initial ends with a dot without ending the sentence."""
    chunks: list[list[str]] = [[]]
    for word in text.split():
        if word.endswith(".") and len(word) > 3 and rank_title(word, rules) is None:
            chunks[-1].append(word.rstrip("."))
            chunks.append([])
        else:
            chunks[-1].append(word)
    for chunk in chunks:
        name = person_name(" ".join(chunk), rules)
        if name and len(name.split()) >= 2:
            return name
    return person_name(text, rules)


def person_name(text: str, rules: Rules) -> str | None:
    """The person's name at the end of ``text``, without rank or job words before it:
    "Admin. Assistant Garrett Lyman" -> "Garrett Lyman", "Sgt. Amy Lussier" -> "Amy Lussier"."""
    words = text.replace('"', "").split()
    jobs = {w.lower() for w in rules.language.people.job_words}
    tail: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:()")
        low = bare.rstrip(".").lower()
        initial = len(bare) == 2 and bare.endswith(".")
        if (
            not bare
            or low in jobs
            or rank_title(bare, rules) is not None
            or (bare.endswith(".") and not initial and tail)
            or not bare[:1].isupper()
            or len(tail) >= 4
        ):
            if tail:
                break
            if not bare or not bare[:1].isupper():
                continue
            if low in jobs or rank_title(bare, rules) is not None:
                break
        tail.insert(0, bare.rstrip(",;:"))
    name = " ".join(tail).strip(" ,.;:")
    return name or display_name(text, rules)


def _same_domain(address: str, sender: str | None) -> bool:
    domain = address.rpartition("@")[2].lower()
    return bool(sender) and domain == (sender or "").rpartition("@")[2].lower()


@per_rules
def _role_mailboxes(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.evidence.role_mailboxes)


def _not_a_name(m: re.Match[str]) -> bool:
    """ "Department. I will be the PoC" is not a person named as PoC."""
    words = m.group(1).split()
    return words[-1] in {"I", "me"} or any(w.endswith(".") and len(w) > 4 for w in words)


def _may_be_theirs(name: str, address: str, sender: str | None, rules: Rules) -> bool:
    """An address written near a person's name is theirs when its local part is made
    from the name, or it is on the sender's own domain (not a vendor's or a list's)."""
    from mailbot.intake.roles import name_matches_address

    if name_matches_address(_EMAIL.sub("", name), address):
        return True
    if address.split("@")[0].lower() in _role_mailboxes(rules):
        return False  # helpdesk@, records@: not a person's address
    domain = address.rpartition("@")[2].lower()
    return bool(sender) and domain == (sender or "").rpartition("@")[2].lower()


def _given_to_another(before: str, name: str, address: str, rules: Rules) -> bool:
    """True when the words just before an address give it to someone else by job ("copy
    our dispatcher Mia Grant (mgrant@...)") and it is not made from the PoC's name."""
    from mailbot.intake.roles import name_matches_address, other_person

    if name_matches_address(_EMAIL.sub("", name), address):
        return False
    return other_person(rules).search(before[-120:]) is not None


_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their)\b", re.I)
_LATER_EMAIL = 600
"""How far after a sentence naming the PoC their address is looked for."""


def _said_later(text: str, name: str, sender: str | None, rules: Rules) -> str | None:
    """ "Sgt. Brennan can be reached at kbrennan@..." in a later sentence: an address in
    a sentence that names the PoC by last name, and is theirs (:func:`_may_be_theirs`)."""
    last = name.replace(",", " ").split()[-1] if "," not in name else name.split(",")[0]
    last = last.strip(".")
    if len(last) < 2:
        return None
    low = last.lower()
    if "@" not in text or low not in text.lower():
        return None
    # only the paragraphs that name the PoC, and the one after each, are read
    paragraphs = text.split("\n\n")
    keep = [i for i, p in enumerate(paragraphs) if low in p.lower()]
    near = sorted({j for i in keep for j in (i, i + 1) if j < len(paragraphs)})
    text = "\n\n".join(paragraphs[j] for j in near)
    # named by last name, or by first name alone ("Kevin ... can be reached at ...")
    first = name.split()[0].strip(".,") if "," not in name else ""
    either = [last] + ([first] if len(first) >= 3 and first != last else [])
    word = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in either) + r")(?![\w])", re.I)
    named = False
    for sentence in sentences_of(text):
        if len(sentence) > _LATER_EMAIL:
            named = False
            continue
        mentions = bool(word.search(sentence))
        # "He can be reached at ...", right after the sentence that names the PoC
        follows = named and _PRONOUN.search(sentence) is not None
        if mentions or follows:
            for m in _EMAIL.finditer(sentence):
                if _may_be_theirs(name, m.group(0), sender, rules) and not _given_to_another(
                    sentence[: m.start()], name, m.group(0), rules
                ):
                    return m.group(0).lower()
        named = mentions
    return None


def sentences_of(text: str) -> list[str]:
    from mailbot.intake.prose import sentences

    return sentences(text)


def _name_key(name: str, rules: Rules) -> str:
    shown = display_name(name.replace('"', ""), rules) or ""
    if "," in shown:
        last, _, first = shown.partition(",")
        shown = f"{first} {last}"
    words = [w.strip(".").lower() for w in shown.split() if len(w.strip(".")) > 1]
    return " ".join([words[0], words[-1]]) if words else ""


_SIGNATURE_LINES = 5
"""How many lines under the sign-off are searched for the signer's name."""
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")
_ROMAN = frozenset({"II", "III", "IV", "VI"})
_NOT_NAME_WORDS = frozenset({"of", "the", "and", "for", "at", "&"})


def head_of_department(signature: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) from the lines after the sign-off ("Robert Tanner" / "Chief of Police").

    The first line that reads as a person's name is the signer: a lone first name,
    a ``--`` delimiter or an agency line ("St. Albans PD") above it is passed over.
    """
    lines = [ln.strip() for ln in signature.split("\n") if ln.strip()]
    for n, line in enumerate(lines[:_SIGNATURE_LINES]):
        found = _signer(line, lines[n + 1] if n + 1 < len(lines) else "", rules)
        if found is not None:
            if found[1] is None and n > 0 and _is_title_line(lines[n - 1], rules):
                return found[0], _title_only(lines[n - 1], rules)  # "Chief of Police" above
            return found
    return None, None


_RUN = r"((?<![\w.'’-])[A-Z][\w.'’-]*+(?:[ \t]+(?<![\w.'’-])[A-Z][\w.'’-]*+){1,3})"
# "on behalf of Chief Gordon Ellery", "Sheriff Lorraine Buckley has asked me to send",
# "Chief Lucas Jewett asked me to send in our e-ticket enrollment"
_BEHALF = re.compile(
    rf"\bon\s+behalf\s+of\s+(?:our\s+|the\s+)?{_RUN}"
    rf"|{_RUN}\s+(?:has\s+|had\s+)?(?:asked|requested|directed|instructed)\s+(?:me|that\s+I)\b"
)


_TAIL_LINES = 15
"""How many last lines of the text are searched for a signer with a title when no
sign-off word marks the signature."""


def head_in_tail(body: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a signer near the end of ``body`` that carries a head title,
    on its own lines ("Jenna Kimball" / "Chief of Police") or on one line, as HTML
    signatures flatten ("Rosalind Kemp Chief of Police East Albury Police Department")."""
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()][-_TAIL_LINES:]
    for n, line in enumerate(lines):
        if len(line) > MAX_LINE:
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        found = _signer(line, nxt, rules)
        if found is not None and found[1] is None and n > 0 and _is_title_line(lines[n - 1], rules):
            found = found[0], _title_only(lines[n - 1], rules)
        if found is not None and found[1] and _is_head_title(found[1], rules):
            return found
        inline = _head_inline(line, rules)
        if inline is not None:
            return inline
    return None, None


def _is_head_title(title: str, rules: Rules) -> bool:
    low = title.lower()
    return any(t.lower() in low for t in rules.language.people.head_titles)


@per_rules
def _head_inline_re(rules: Rules) -> re.Pattern[str]:
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    name = r"(?<![\w.'’-])[A-Z][a-z'’-]++(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]++){1,2}"
    # not "Wolcott Springs Constable's Office": a title before "'s" names an office
    return re.compile(rf"({name})[ \t,|]+((?:{alt})(?:[ \t]+of[ \t]+Police)?)\b(?!['’]s\b)")


def _head_inline(line: str, rules: Rules) -> tuple[str, str] | None:
    m = _head_inline_re(rules).search(line)
    if m is None:
        return None
    words = m.group(1).split()
    if _is_agency_or_title(words, rules):
        return None
    return m.group(1), m.group(2)


def head_on_behalf(body: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of "on behalf of Chief Dana Whitcomb" (a request written for the head)."""
    low = body.lower()
    if not any(w in low for w in ("behalf", "asked", "requested", "directed", "instructed")):
        return None, None
    for m in _BEHALF.finditer(body):
        chunks: list[list[str]] = [[]]
        for word in (m.group(1) or m.group(2)).split():
            chunks[-1].append(word)
            if word.endswith(".") and len(word) > 3:
                chunks.append([])  # "Chief Gordon Ellery. The ...": a sentence ends
        chunks = [c for c in chunks if c]
        words = chunks[0] if m.group(1) else chunks[-1]
        if len(words) > 3 and words[-4].lower().rstrip(".") not in _head_lower(rules):
            words = words[-3:]
        title = rank_title(words[0], rules)
        if title is None and words[0].lower() not in {t.lower() for t in _head_words(rules)}:
            continue
        rest = words[1:]
        if len(rest) >= 2 and not _is_agency_or_title(rest, rules):
            return " ".join(rest).rstrip("."), title or words[0]
    return None, None


def _is_acronym(word: str, shouting: bool) -> bool:
    return not shouting and 1 < len(word) <= 4 and word.isupper() and not word.endswith(".")


def head_from_sender(name: str | None, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of the From display name when it reads as a person ("Chief Dana
    Whitcomb", "Whitcomb, Dana"); the sender of an enrolment is its head by default."""
    if not name or "@" in name or _DIGIT.search(name):
        return None, None
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}"
    words = name.replace('"', "").split()
    title = rank_title(words[0], rules) if words else None
    if title is not None:
        words = words[1:]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None, None
    jobs = {w.lower() for w in rules.language.people.job_words}
    shouting = all(w.isupper() for w in words)  # "WHITCOMB, DANA"
    if any(w.lower().strip(".,") in jobs or _is_acronym(w, shouting) for w in words):
        return None, None  # "Hartford PD Records", "IT Helpdesk": not a person
    if _is_agency_or_title(words, rules):
        return None, None
    return " ".join(words), title or None


def _head_lower(rules: Rules) -> set[str]:
    return {t.lower() for t in _head_words(rules)} | {
        r for r, t in rules.language.people.ranks.items() if t
    }


def _head_words(rules: Rules) -> list[str]:
    return list(rules.language.people.head_titles)


def title_before(name: str, text: str, rules: Rules) -> str | None:
    """The head title written before the person's last name near the end of ``text``
    ("- Chief Olmstead", "Sheriff R. Olmstead"), or None."""
    last = name.split()[-1] if name.split() else ""
    if len(last) < 2:
        return None
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    pattern = re.compile(
        rf"(?<!\w)({alt})\.?[ \t]+(?:[A-Z][\w'’-]*\.?[ \t]+){{0,2}}{re.escape(last)}(?!\w)"
    )
    found = None
    for m in pattern.finditer(text[-_TITLE_TAIL:]):
        found = m.group(1)
    return found


_TITLE_TAIL = 400
"""How much of the end of a message a head's title is looked for in."""


def closing_lines(body: str) -> str:
    """The last paragraph of ``body`` when it is short (a name and title typed above a
    ``--`` signature, with no sign-off word); else ""."""
    paragraph = body.rstrip().rsplit("\n\n", 1)[-1].strip("\n")
    lines = [ln for ln in paragraph.split("\n") if ln.strip()]
    return paragraph if 0 < len(lines) <= 3 else ""


def _signer(line: str, next_line: str, rules: Rules) -> tuple[str, str | None] | None:
    """(name, title) when ``line`` names a person, else None."""
    if _EMAIL.search(line) or _DIGIT.search(line) or len(line.split()) > 6:
        return None
    name_part, _, after = line.partition(",")
    words = name_part.split()
    prefix = rank_title(words[0], rules) if words else None
    if prefix is not None:  # "Sgt.", and "Dr." or "Mr." (no title of their own)
        words = words[1:]
        prefix = prefix or None
    if len(words) < 2 or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return None
    if _is_agency_or_title(words, rules):
        return None
    title: str | None = None
    if after.strip():
        title = _title_only(after, rules)
    if title is None and next_line and _is_title_line(next_line, rules):
        title = _title_only(next_line, rules)
    elif prefix:
        title = prefix
    return " ".join(words), title


_AGENCY_TAIL = re.compile(r"\s*[,|–—-]\s+|\s+at\s+")


_OFFICE_OF = re.compile(r"^(?:the\s+)?office\s+of\s+(?:the\s+)?", re.I)


def _title_only(text: str, rules: Rules) -> str | None:
    """ "Chief, Brattleboro Police Department" -> "Chief"; an agency alone -> None;
    "OFFICE OF THE CHIEF OF POLICE" -> "Chief of Police"."""
    first = _AGENCY_TAIL.split(text.strip(), maxsplit=1)[0].strip(" ,.")
    if _OFFICE_OF.match(first):
        first = _OFFICE_OF.sub("", first)
        if first.isupper():
            first = " ".join(w if w in {"OF", "THE"} else w.capitalize() for w in first.split())
            first = first.replace(" OF ", " of ").replace(" THE ", " the ")
    suffixes, titles, _ = _title_words(rules)
    low = first.lower()
    if not first or (low.endswith(suffixes) and not any(low.startswith(t) for t in titles)):
        return None
    return first


def _is_agency_or_title(words: list[str], rules: Rules) -> bool:
    """True for "St. Albans PD", "Hartford Police Department", "Of Police"."""
    suffixes, titles, _ = _title_words(rules)
    low = " ".join(words).lower()
    if ends_with_surname_title(words, rules):
        return False  # "Harlan Constable"
    if low.endswith(suffixes) or any(t in low for t in titles):
        return True
    if any(w.lower() in _NOT_NAME_WORDS for w in words):
        return True
    last = words[-1]
    return bool(_ACRONYM.match(last)) and last not in _ROMAN


@per_rules
def _title_words(rules: Rules) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(agency suffixes, head titles, ranks that carry a title), lower-case."""
    people = rules.language.people
    return (
        tuple(s.lower() for s in people.agency_suffixes),
        tuple(t.lower() for t in people.head_titles),
        frozenset(r for r, v in people.ranks.items() if v),
    )


def _is_title_line(line: str, rules: Rules) -> bool:
    if _EMAIL.search(line) or _DIGIT.search(line):
        return False
    low = _OFFICE_OF.sub("", line.lower())
    suffixes, titles, ranks = _title_words(rules)
    if low.endswith(suffixes) and not low.startswith(titles):
        return False  # "Hartford Police Department", not "Director of Public Safety"
    first = low.split()[0].rstrip(".,") if low.split() else ""
    return any(t in low for t in titles) or first in ranks


def read_fields(
    text: str, rules: Rules
) -> tuple[dict[str, str | None], dict[str, tuple[int, str | None]]]:
    """Agency values from the body: label first, then running text. Values as written."""
    labels = labelled(text, rules)
    lines = text.split("\n")
    out: dict[str, str | None] = {}
    for path in ("agency.name", "agency.judiciary_code", "agency.phone"):
        if path in labels:
            i, value = labels[path]
            out[path] = (value if value is not None else _next_value(lines, i)) or None
    if "agency.address" in labels:
        i, value = labels["agency.address"]
        address = _address(lines, i, value) if value != "" else None
        out["agency.address"] = _to_zip(address) if address else None
    if not out.get("agency.judiciary_code"):
        m = _CODE_INLINE.search(text)
        out["agency.judiciary_code"] = m.group(1) if m else None
    if not out.get("agency.phone"):
        m = _PHONE_INLINE.search(text)
        out["agency.phone"] = m.group(1) if m else None
    if not out.get("agency.name"):
        out["agency.name"] = name_shown_as(text) or agency_name_in(text, rules)
    if not out.get("agency.address"):
        out["agency.address"] = address_in(text)
    if out.get("agency.judiciary_code"):
        code = out["agency.judiciary_code"] or ""
        m = _CODE_DIGITS.match(code)
        out["agency.judiciary_code"] = m.group(1) if m else code
    return out, labels


__all__ = [
    "Contact",
    "address_in",
    "agency_name_in",
    "closing_lines",
    "head_from_sender",
    "head_of_department",
    "head_on_behalf",
    "header_addresses",
    "labelled",
    "point_of_contact",
    "read_fields",
]
