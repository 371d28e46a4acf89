"""Labelled and described values: judiciary code, agency name, address and phone.

Pure functions over the new text of a message; labels come from ``rules/labels.toml``.
The point of contact is read by :mod:`point_of_contact`, the head of department by
:mod:`head_of_department`, an agency named in running text by :mod:`agency_name`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mailbot.intake.address_parts import add_part, address_kinds, part_value, picked_kind, street_of
from mailbot.intake.agency_name import (
    agency_name_in,
    code_after_name,
    name_cut_at_end,
    name_heading_values,
    name_labelled_bare,
    reads_as_name,
)
from mailbot.intake.agency_shown import name_shown_as
from mailbot.intake.candidates import ZIP_WORD, tidy_address
from mailbot.intake.contact_party import others_blanked, own_labels
from mailbot.intake.not_given import placeholder_words, template_slot
from mailbot.intake.phone_to_use import phone_to_use
from mailbot.intake.prose import header_addresses, is_header_line
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.shouted import uncapped
from mailbot.intake.taken_back import value_meant
from mailbot.intake.value_words import EMAIL, MAX_LINE, not_a_value
from mailbot.intake.wrapped_name import wrapped_name

_BULLET = r"^[ \t]*(?:(?:[-*•·>]|\d{1,2}[.)])[ \t]*)?"
# "Judiciary Code.....: 0274": dot leaders, with or without a colon after them
_SEP = r"[ \t]*(?:[:：=]|[-–—](?=[ \t])|\.{2,}(?:[ \t]*[:：])?|\t)[ \t]*"
# "JB# 0733", "JB #0733", "Phone # 802-...": a number sign before a digit parts label and value
_NUMBER_SIGN = r"(?<=#)[ \t]+(?=\(?\d)|[ \t]*#[ \t]*(?=\(?\d)"
_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_STREET = re.compile(r"^\s*(?:\d+[A-Za-z]?\s+\S.*|P\.?\s*O\.?\s*Box\s+\d+.*)$", re.I)
_BLANKS = re.compile(r"[ \t]+")
# "Name: ...", "Judiciary code ..... 0009": a line with a label of its own (dot leaders)
_LABEL_LINE = re.compile(r"^[^:]{1,40}:|^[^:.\n]{1,40}?\.{2,}")
_VT_ZIP = re.compile(r",\s*(?:VT|Vermont)\.?\s+\d{5}")
_BOX = re.compile(r"^\s*P\.?\s*O\.?\s*Box\b", re.I)
_DIGIT = re.compile(r"\d")
_EMAIL = EMAIL
_CODE_DIGITS = re.compile(r"^#?\s*(\d+)\b")
_CITY_LINE = re.compile(
    r"^\s*[A-Za-z][A-Za-z .'-]{0,60}?,?\s+(?:VT|Vermont|[A-Z]{2})\.?\s+\d{5}(?:-\d{4})?\s*$"
)
_PHONE_RUN = re.compile(
    r"(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,6})?",
    re.I,
)


@dataclass
class Fields:
    """Values read from text, as written (checked later by :mod:`checks`)."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, path: str) -> str | None:
        return self.values.get(path)


# "The LEA's address: ..." may start with an article
_OWNER = r"(?:(?:the|our|LEA['’]?s?|agency['’]?s?|department['’]?s?|dept\.?)[ \t]+){0,2}"


def _label_alt(labels: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[- ]?")
        for w in sorted(labels, key=len, reverse=True)
    )


def _label_re(labels: list[str]) -> re.Pattern[str]:
    alt = _label_alt(labels)
    owner = _OWNER
    # "Proper name to be displayed on the e-ticket: ...": a few words may stand between
    # the label and a colon
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
def _any_label(rules: Rules) -> re.Pattern[str]:
    """How every label pattern starts (bullet, owner words, a label of any field): a
    line this does not match starts with no label, and the patterns need not be tried."""
    if not all(rules.labels.labels.values()):
        return re.compile("")  # a field without labels: its pattern is tried on every line
    words = [w for labels in rules.labels.labels.values() for w in labels]
    return re.compile(rf"{_BULLET}{_OWNER}(?:{_label_alt(words)})", re.I)


@per_rules
def _code_after_label(rules: Rules) -> re.Pattern[str]:
    """A judiciary code's label of two words or more and the digits right after it, no
    colon between ("Jud code 412"): the code as written, checked later for its length."""
    words = [w for w in rules.labels.labels.get("agency.judiciary_code", []) if " " in w.strip()]
    alt = _label_alt(words) if words else r"(?!x)x"
    return re.compile(rf"(?<![\w.])(?:{alt})[ \t]+#?[ \t]*(\d{{1,8}})\b(?![.,]\d)", re.I)


@per_rules
def _suffixes(rules: Rules) -> frozenset[str]:
    return frozenset(x.lower() for x in rules.language.people.agency_suffixes)


def _clean(value: str, rules: Rules) -> str | None:
    value = value.strip().strip("*_").strip()
    value = _BLANKS.sub(" ", value)
    if value.lower() in placeholder_words(rules) or template_slot(value):
        return ""  # said, but "not given": never look at the next line for it
    return value or None


# "... | Judiciary code: 0418", and a printed form's "Sgt. Ann Roy     Email: ..." (a TAB
# or a wide gap before the next label)
_NEXT_PIECE = re.compile(
    r"(?:[ \t]*\|[ \t]*|[ \t]*\t[ \t]*| {3,})(?=[A-Za-z][\w .#'’/-]{0,40}[:：])"
)
_TRANSLATED_LABEL = re.compile(
    r"^([ \t]*(?:[-*•·][ \t]*)?)[^\W\d_][^/:：\n]{1,40}?[ \t]+/[ \t]+(?=[^/:：\n]{2,50}[:：])"
)
"""A label written in another language first, a slash before ours ("Code judiciaire /
Judiciary code: 0622")."""
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
    any_label = _any_label(rules)
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE or is_header_line(line):
            continue
        if len(line) > _SHORT_LINE and not _MAYBE_LABELLED.search(line):
            continue  # a long line with no separator is prose, not "Label: value"
        if any_label.match(line) is None:
            # "Personne-ressource / Point of contact: ...": a label after its translation
            line = _TRANSLATED_LABEL.sub(r"\1", line, count=1)
            if any_label.match(line) is None:
                continue
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
        # "Agency: Northfield PD | Judiciary code: 0418 | ...": the value ends where the
        # next labelled piece of the line starts
        value = _NEXT_PIECE.split(value, maxsplit=1)[0]
        if path in found and found[path][1] is not None:
            continue
        if path == "agency.name" and value.strip():
            value = wrapped_name(value, lines, i, _suffixes(rules), _LABEL_LINE)
            value = name_cut_at_end(value.strip(), rules)  # "..., 110 Wall Street, ..."
            value = value_meant(value, rules)  # "X? no sorry ... scratch that, it's: Y"
        found[path] = (i, not_a_value(path, _clean(value, rules), rules))
    return found


def _next_value(lines: list[str], i: int) -> str | None:
    """The value under a label written alone on its line (not another "Label: value")."""
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return None if _LABEL_LINE.match(line) else line.strip()
    return None


def _address(lines: list[str], i: int, value: str | None, rules: Rules) -> str | None:
    """A one-line address; a mailing address on two or three lines is joined (or on
    up to four a form labels part by part: "Town/City: Stowe"); of the kinds written under
    it ("Physical: ..." / "Mailing: ..."), the one a sentence picks, else none (staff pick)."""
    # "Street: 12 Elm St" read as the label itself when it heads the kinds
    kinds = address_kinds(lines, i + 1 if not value else i, rules)
    if kinds:
        return (
            next(iter(kinds.values()))
            if len(kinds) == 1
            else picked_kind(kinds, "\n".join(lines), rules)
        )
    parts: list[str] = [value] if value else []
    j = i + 1
    while not (parts and _ZIP.search(parts[-1])) and j < len(lines) and j <= i + 4:
        line = lines[j].strip()
        part = part_value(line, rules) if parts else None
        if part is not None:
            add_part(parts, part)
            j += 1
            continue
        if j > i + 3:
            break
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


_PHONE_AFTER = re.compile(
    r"^[\s,;|/•·-]*(?:(?:phone|tel|telephone|ph|main)\.?(?:[ \t]+(?:number|no\.?|#))?[\s:.-]*)?"
    r"(\(?\d{3}\)?[\s.-]{0,3}\d{3}[\s.-]{0,3}\d{4})\s*\.?$",
    re.I,
)


def phone_after_zip(address: str) -> str | None:
    """The phone number written after an address's ZIP on the same line, alone or under a
    phone word ("... VT 05476  802 848 7741", "..., VT 05001 | Tel. (802) 555-0100");
    never a number under another word (a fax)."""
    ends = list(_STATE_ZIP_END.finditer(address))
    m = _PHONE_AFTER.match(address[ends[-1].end() :]) if ends else None
    return m.group(1) if m else None


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
        street = street_of(lines[i - 1]) if i > 0 and _CITY_LINE.match(line) else None
        if street:  # "Town Office, 48 Elm St" over "Hartwell, VT 05149": the street
            above = lines[i - 2].strip().rstrip(",") if i > 1 else ""
            if (
                above
                and _STREET.match(above)
                and bool(_BOX.match(above)) != bool(_BOX.match(street))
            ):
                # "3 Hyde Road" / "PO Box 89" / "North Hero, VT 05474": both lines
                street = f"{above}, {street}"
            return f"{street}, {line.strip()}"
        if _STREET.match(line) and _VT_ZIP.search(line):
            return tidy_address(line.strip())
    return None


_CODE_INLINE = re.compile(
    # "judiciary 0511" (the word "code" left out) too
    r"(?:judiciary(?=\s+\d{4}\b)|(?:judiciary|judicial|JB|court|our|the|agency['’]?s?)\s+(?:bureau\s+)?code\b"
    # "Code is 412 I think.": the word opening a sentence of its own, saying what it is
    r"|(?:(?m:^)[ \t]*|(?<=[.!?][ \t]))code(?=[ \t]+is[ \t]))"
    r"(?:[ \t]+(?:assigned|given|issued)(?:[ \t]+(?:to|by)[ \t]+[\w'’]+){0,2})?"  # "... to us is"
    r"\s*(?:is|of|:|-|#|number)?\s*#?\s*(\d{1,8})\b",
    re.I,
)
_PHONE_INLINE = re.compile(
    r"(?:phone(?:\s+(?:number|#|no\.?))?|telephone|tel\.?|(?<![\w.])ph\.?|reached\s+at"
    r"|(?:main|office|station|business|front\s+desk|dispatch|non-emergency)\s+(?:number|line)"
    r"|number\s+(?:for|of)\s+the\s+(?:department|station|agency|office))"
    r"\s*(?:is|:|-|at)?\s*"
    r"(\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?:\s*(?:x|ext\.?)\s*\d+)?)",
    re.I,
)

_PHONE_FOR_TICKET = re.compile(
    # "Phone for the ticket can be my cell 802-...": the number the sender gives for the
    # ticket, whatever line it is
    r"\b(?:phone|telephone|number)(?:[ \t]+(?:number|#))?[ \t]+(?:for|on)[ \t]+(?:the[ \t]+)?"
    r"e?-?tickets?[ \t]+(?:(?:can|should|will|would)[ \t]+be|is)"
    r"(?:[ \t]+(?:my|our|the|his|her))?(?:[ \t]+(?:cell|mobile|office|main|work|personal))?"
    r"(?:[ \t]+(?:phone|number|line))?[ \t]*(?::[ \t]*)?"
    r"(\(?\d{3}\)?[\s.-]{0,3}\d{3}[\s.-]{0,3}\d{4})",
    re.I,
)


def read_fields(
    text: str, rules: Rules
) -> tuple[dict[str, str | None], dict[str, tuple[int, str | None]]]:
    """Agency values from the body: label first, then running text. Values as written."""
    labels = own_labels(labelled(text, rules), text, rules)
    lines = text.split("\n")
    out: dict[str, str | None] = {}
    for path in ("agency.name", "agency.judiciary_code", "agency.phone"):
        if path in labels:
            i, value = labels[path]
            below = _next_value(lines, i) if value is None else None
            if below and labelled(below, rules):
                below = None  # "Agency record:" over "Judiciary code – 0412": a heading
            if below and path == "agency.name" and not reads_as_name(below):
                below = None  # "... associated with the Rutland City Police\nDepartment:"
            out[path] = (value if value is not None else below) or None
    if "agency.address" in labels:
        i, value = labels["agency.address"]
        address = _address(lines, i, value, rules) if value != "" else None
        # "Barre, VT zip 05641": the word "zip" is not part of the address
        out["agency.address"] = _to_zip(ZIP_WORD.sub("", address)) if address else None
        if not out.get("agency.phone") and address:
            # "Address and phone number - 94 Main Street Richford VT 05476  802 848 7741"
            out["agency.phone"] = phone_after_zip(ZIP_WORD.sub("", address))
    if not out.get("agency.judiciary_code"):
        m = _CODE_INLINE.search(text) or _code_after_label(rules).search(text)
        # "Please create their records under Winooski PD (0519):" the code after the name
        out["agency.judiciary_code"] = m.group(1) if m else code_after_name(text, rules)
    if not out.get("agency.phone"):
        own = others_blanked(text, rules)  # not a forwarder's or a town office's number
        m = _PHONE_FOR_TICKET.search(text) or _PHONE_INLINE.search(own)
        # "Please use 802-555-0191 for the agency phone" over the number it takes back
        out["agency.phone"] = phone_to_use(text, rules) or (m.group(1) if m else None)
    elif out.get("agency.phone"):
        # "802-626-1271 | Fax: 802-626-1273", "802-457-1420 ext. 3 (dispatch is ext. 1)":
        # the first number (with its extension) is the value
        m = _PHONE_RUN.search(out["agency.phone"] or "")
        if m and m.group(0) != out["agency.phone"]:
            out["agency.phone"] = m.group(0)
    if (out.get("agency.name") or "").strip().lower() in _suffixes(rules):
        out["agency.name"] = None  # a form's "Department: Police" names no agency
    if not out.get("agency.name"):
        plain = uncapped(text, rules)  # "NORWICH POLICE DEPARTMENT": a message in capitals
        out["agency.name"] = (
            name_shown_as(plain, rules)
            or name_labelled_bare(plain, rules)
            or name_heading_values(plain, rules)
            or agency_name_in(plain, rules)
        )
    if not out.get("agency.address"):
        out["agency.address"] = address_in(others_blanked(text, rules))
    if out.get("agency.judiciary_code"):
        code = out["agency.judiciary_code"] or ""
        m = _CODE_DIGITS.match(code)
        out["agency.judiciary_code"] = m.group(1) if m else code
    return out, labels


__all__ = [
    "address_in",
    "header_addresses",
    "labelled",
    "read_fields",
]
