"""Turn the parser's missing/invalid field paths into plain words for people.

Pure: no I/O. Paths follow the grammar of :class:`mailbot.intake.model.ParseResult`:
``agency.<field>``, ``point_of_contact.<field>``, ``head_of_department.<field>``,
``officers`` and ``officers[i].<field>`` (``i`` is 0-based; people see it 1-based).
Anything else still yields a readable line in an "Other" section; nothing here raises
on odd input, because a checklist must always go out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from mailbot.intake.officer_fields import OFFICER_FIELDS

Kind = Literal["missing", "invalid"]

# Longest piece of inbound text (a name, a rejected value) echoed back in a reply.
MAX_ECHO = 60

_OFFICER_PATH = re.compile(r"^officers\[(\d{1,6})\](?:\.(\w+))?$")
_CHANGE_PATH = re.compile(r"^changes\[(\d{1,6})\](?:\.(\w+))?$")
_SECTION_PATH = re.compile(r"^(agency|point_of_contact|head_of_department)\.(\w+)$")
# Reasons may point at another row ("duplicate of officers[3]"); people count from 1.
_ROW_IN_REASON = re.compile(r"\bofficers\[(\d{1,6})\]")
# Reasons phrased as a predicate ("must be 5 characters") follow the value directly.
_PREDICATE = re.compile(
    r"^(must|is|are|should|does|do|has|have|looks|cannot|can't|contains|appears|was|"
    r"needs|belongs|already)\b",
    re.IGNORECASE,
)

SECTION_TITLES: dict[str, str] = {
    "agency": "Agency",
    "point_of_contact": "Point of contact",
    "head_of_department": "Head of department",
    "officers": "Officers",
    "changes": "Roster changes",
    "other": "Other",
}

# What we ask for when a field is missing (a noun phrase), per section.
_WANTED: dict[str, dict[str, str]] = {
    "agency": {
        "name": "the agency's proper name, as it should appear on the e-ticket",
        "judiciary_code": "the agency's 4-digit judiciary code",
        "address": "the agency's address",
        "phone": "the agency's phone number",
        "logo": "the agency's logo, attached as an image, to print on the header of warnings",
    },
    "point_of_contact": {
        "name": "the name of the agency's e-ticket point of contact",
        "email": "the email address of the e-ticket point of contact",
    },
    "head_of_department": {
        "name": "the name of the head of department (police chief, sheriff or equivalent)",
        "title": "the title of the head of department",
    },
}

# Short labels, used for invalid values and for officer fields.
_LABELS: dict[str, dict[str, str]] = {
    "agency": {
        "name": "the agency name",
        "judiciary_code": "the judiciary code",
        "address": "the agency address",
        "phone": "the agency phone number",
        "logo": "the agency logo",
    },
    "point_of_contact": {
        "name": "the point of contact's name",
        "email": "the point of contact's email address",
    },
    "head_of_department": {
        "name": "the head of department's name",
        "title": "the head of department's title",
    },
}

OFFICER_LABELS: dict[str, str] = {
    "last_name": "last name",
    "first_name": "first name",
    "title": "rank/title",
    "officer_number": "officer number",
    "dps_username": "DPS domain username",
}

# How to answer, one sample line per field.
_EXAMPLES: dict[str, str] = {
    "agency.name": "Agency Name: Montpelier Police Department",
    "agency.judiciary_code": "Judiciary Code: 0614",
    "agency.address": "Address: 1 Pitkin Court, Montpelier, VT 05602",
    "agency.phone": "Phone: (802) 555-0142",
    "agency.logo": "Logo: attach the logo as a PNG or JPEG file",
    "point_of_contact.name": "Point of Contact: Jane Doe",
    "point_of_contact.email": "Point of Contact Email: jane.doe@example.vt.gov",
    "head_of_department.name": "Head of Department: Chief John Smith",
    "head_of_department.title": "Head of Department Title: Chief of Police",
}
OFFICER_HEADER = "Last Name | First Name | Rank/Title | Officer Number | DPS Username"
OFFICER_SAMPLE = "Brown | Kevin | Officer | HA022 | kbrown"


@dataclass(frozen=True)
class Item:
    """One thing to fix. ``text`` stands alone; ``short`` reads under its section title."""

    path: str
    kind: Kind
    text: str
    short: str


@dataclass(frozen=True)
class Section:
    """Items about one part of the request: the agency, a person, or one officer row."""

    key: str
    title: str
    items: tuple[Item, ...]
    # For an officer row: the row as we have it, with blanks to fill in.
    answer: str | None = None


@dataclass(frozen=True)
class Checklist:
    sections: tuple[Section, ...] = ()
    examples: tuple[str, ...] = field(default=())

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for s in self.sections for item in s.items)

    def __bool__(self) -> bool:
        return bool(self.sections)

    def __len__(self) -> int:
        return len(self.items)

    def lines(self) -> list[str]:
        """Every item as one standalone line (for logs, the CLI and tests)."""
        return [item.text for item in self.items]


def clean(value: object, limit: int = MAX_ECHO) -> str:
    """Inbound text made safe to show on one line: control characters dropped,
    whitespace collapsed, cut to ``limit`` characters."""
    text = "" if value is None else str(value)
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _get(obj: object, key: str) -> object:
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _humanise(path: str) -> str:
    words = re.sub(r"[\[\]._]+", " ", clean(path, 80)).strip()
    return words or "an unnamed field"


def officer_name(officer: object) -> str:
    """ "Lussier, Amy", "Lussier", "Amy" or "" from what is known of an officer."""
    last = clean(_get(officer, "last_name"))
    first = clean(_get(officer, "first_name"))
    return ", ".join(p for p in (last, first) if p)


def officer_label(index: int, officers: Sequence[object]) -> str:
    """ "officer 3 (Brown, Kevin)" for the 0-based ``index``; the name when known."""
    name = officer_name(officers[index]) if 0 <= index < len(officers) else ""
    return f"officer {index + 1} ({name})" if name else f"officer {index + 1}"


def _with_reason(label: str, value: str, reason: str) -> str:
    subject = f"{label} {value}" if value else label
    if not reason:
        return f"{subject} is not valid"
    if _PREDICATE.match(reason):
        return f"{subject} {reason}"
    return f"{subject}: {reason}"


def _change_item(
    path: str, kind: Kind, reason: str, match: re.Match[str], request: Mapping[str, object] | None
) -> Item:
    """``changes[i].field``: the roster change in plain words, then what is wrong."""
    index, name = int(match.group(1)), match.group(2)
    changes = _get(request or {}, "changes") or []
    change = changes[index] if isinstance(changes, list) and 0 <= index < len(changes) else None
    what = describe_changes([change])[0] if change else f"roster change {index + 1}"
    label = OFFICER_LABELS.get(name, _humanise(name)) if name else "this change"
    if kind == "missing":
        text = f"{what}: {label} is missing"
    else:
        value = clean(_get(change, name)) if change is not None and name else ""
        text = f"{what}: " + _with_reason(label, value, reason)
    return Item(path, kind, text, text)


def _answer_line(officer: object) -> str:
    parts = []
    for name in OFFICER_FIELDS:
        value = clean(_get(officer, name), 40).replace("|", "/")
        parts.append(value or "____")
    return " | ".join(parts)


def describe(
    missing: Sequence[str],
    invalid: Sequence[object],
    officers: Sequence[object],
    request: Mapping[str, object] | None = None,
) -> Checklist:
    """Group missing and invalid paths into sections of plain-words items.

    ``invalid`` items carry ``field`` (a path) and ``reason`` (dicts or objects).
    ``request`` (the request's JSON form), when given, lets an invalid agency or
    contact value be quoted back; officer values come from ``officers``.
    Sections come out as agency, point of contact, head of department, officers
    (the list as a whole), each officer row in order, then anything unrecognised.
    """
    entries: list[tuple[str, Kind, str]] = [(str(p), "missing", "") for p in missing]
    for bad in invalid:
        reason = _ROW_IN_REASON.sub(
            lambda m: f"officer {int(m.group(1)) + 1}", clean(_get(bad, "reason"), 200)
        )
        entries.append((str(_get(bad, "field") or ""), "invalid", reason))

    grouped: dict[str, list[Item]] = {}
    rows: dict[int, list[Item]] = {}
    examples: list[str] = []
    need_officer_sample = False
    seen: set[tuple[str, Kind, str]] = set()

    for path, kind, reason in entries:
        if (path, kind, reason) in seen:
            continue
        seen.add((path, kind, reason))
        officer_match = _OFFICER_PATH.match(path)
        section_match = _SECTION_PATH.match(path)
        change_match = _CHANGE_PATH.match(path)
        if change_match:
            grouped.setdefault("changes", []).append(
                _change_item(path, kind, reason, change_match, request)
            )
        elif officer_match:
            index = int(officer_match.group(1))
            name = officer_match.group(2)
            who = officer_label(index, officers)
            if name is None:
                base = (
                    "this row could not be read"
                    if kind == "missing"
                    else _with_reason("this row", "", reason)
                )
            else:
                label = OFFICER_LABELS.get(name, _humanise(name))
                if kind == "missing":
                    base = f"{label} is missing"
                else:
                    officer = officers[index] if 0 <= index < len(officers) else None
                    value = clean(_get(officer, name)) if officer is not None else ""
                    base = _with_reason(label, value, reason)
            short = base[0].upper() + base[1:]
            rows.setdefault(index, []).append(Item(path, kind, f"{who}: {base}", short))
            need_officer_sample = True
        elif path == "officers":
            text = (
                "the list of officers who will issue e-tickets: last name, first name, "
                "rank/title, officer number (5-character VT LEO number) and DPS domain username"
                if kind == "missing"
                else _with_reason("the list of officers", "", reason)
            )
            grouped.setdefault("officers", []).append(Item(path, kind, text, text))
            need_officer_sample = True
        elif section_match:
            section, name = section_match.groups()
            if kind == "missing":
                text = _WANTED[section].get(name) or f"{SECTION_TITLES[section].lower()}: " + (
                    f"{_humanise(name)} is missing"
                )
            else:
                label = _LABELS[section].get(name) or (
                    f"{SECTION_TITLES[section].lower()} {_humanise(name)}"
                )
                value = clean(_get(_get(request or {}, section) or {}, name))
                text = _with_reason(label, value, reason)
            grouped.setdefault(section, []).append(Item(path, kind, text, text))
            if path in _EXAMPLES and _EXAMPLES[path] not in examples:
                examples.append(_EXAMPLES[path])
        else:
            label = _humanise(path)
            text = f"{label} is missing" if kind == "missing" else _with_reason(label, "", reason)
            grouped.setdefault("other", []).append(Item(path, kind, text, text))

    sections: list[Section] = []
    for key in ("agency", "point_of_contact", "head_of_department", "officers", "changes"):
        if key in grouped:
            sections.append(Section(key, SECTION_TITLES[key], tuple(grouped[key])))
    for index in sorted(rows):
        who = officer_label(index, officers)
        answer = _answer_line(officers[index]) if 0 <= index < len(officers) else None
        sections.append(
            Section(f"officers[{index}]", who[0].upper() + who[1:], tuple(rows[index]), answer)
        )
    if "other" in grouped:
        sections.append(Section("other", SECTION_TITLES["other"], tuple(grouped["other"])))
    if need_officer_sample:
        examples.extend([OFFICER_HEADER, OFFICER_SAMPLE])
    return Checklist(tuple(sections), tuple(examples))


_CHANGE_VERBS = {"add": "Add", "update": "Change", "deactivate": "Deactivate"}
_CHANGE_DONE = {"add": "Added", "update": "Changed", "deactivate": "Deactivated"}


def describe_changes(
    changes: Sequence[object],
    before: Mapping[str, Mapping[str, object]] | None = None,
) -> list[str]:
    """One plain line per roster change.

    Without ``before`` the lines say what was asked ("Change HA022 (Brown, Kevin):
    rank/title to Sergeant"); with ``before`` (current records by officer number)
    they say what was done, from what to what ("Changed HA022 (Brown, Kevin):
    rank/title from Officer to Sergeant").
    """
    verbs = _CHANGE_VERBS if before is None else _CHANGE_DONE
    lines: list[str] = []
    for change in changes:
        action = str(_get(change, "action") or "update")
        number = clean(_get(change, "officer_number"), 20)
        data: dict[str, object] = (
            dict(change)
            if isinstance(change, Mapping)
            else dict(getattr(change, "model_dump", lambda: {})())
        )
        old = (before or {}).get(number) or {}
        name = officer_name(data) or officer_name(old)
        who = f"{name} ({number})" if name and number else (name or number or "an officer")
        verb = verbs.get(action, clean(action, 20).capitalize() or "Change")
        if action == "add":
            details = [f"officer number {number}"] if number and not name else []
            if data.get("title"):
                details.append(clean(data["title"]))
            if data.get("dps_username"):
                details.append(f"username {clean(data['dps_username'])}")
            lines.append(f"{verb}: {', '.join([who, *details])}")
        elif action == "deactivate":
            lines.append(f"{verb}: {who}")
        else:
            parts = []
            renumbered = clean(old.get("officer_number")) if before is not None else ""
            if renumbered and number and renumbered != number:
                parts.append(f"officer number from {renumbered} to {number}")
            for key, value in data.items():
                if key in ("action", "officer_number") or value in (None, ""):
                    continue
                if key in ("last_name", "first_name") and (
                    not old or clean(old.get(key)).lower() == clean(value).lower()
                ):
                    continue  # the name identifies the officer; it is not a change
                label = OFFICER_LABELS.get(key) or ("agency" if key == "agency" else _humanise(key))
                new = clean(value)
                previous = clean(old.get(key)) if before is not None else ""
                if previous:
                    parts.append(f"{label} from {previous} to {new}")
                else:
                    parts.append(f"{label} to {new}")
            lines.append(f"{verb} {who}: {'; '.join(parts) or 'no details given'}")
    return lines
