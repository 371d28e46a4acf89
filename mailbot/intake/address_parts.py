"""The later lines of an address given field by field, as a web form sends it
("Street address: 350 Elm Street" / "Town/City: Stowe" / "State: VT" / "ZIP code: 05672")."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules


@per_rules
def _part_label(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.labels.address_parts.labels, key=len, reverse=True)
    # "City / State / ZIP" as "City/State/ZIP"
    alts = "|".join(re.escape(w).replace("/", r"[ \t]*/[ \t]*") for w in words) or r"(?!)"
    return re.compile(rf"^\s*(?:{alts})\s*:\s*(.*?)\s*$", re.I)


def part_value(line: str, rules: Rules) -> str | None:
    """The value of a line labelled as part of an address ("Town/City: Stowe"), "" when
    the label stands alone, None when the line is not such a part."""
    m = _part_label(rules).match(line)
    return m.group(1) if m else None


def add_part(parts: list[str], value: str) -> None:
    """``value`` appended to an address's ``parts``; a ZIP code goes beside the state
    before it ("VT 05672")."""
    if (
        re.fullmatch(r"\d{5}(?:-\d{4})?", value)
        and parts
        and re.fullmatch(r"[A-Za-z]{2}\.?|Vermont", parts[-1])
    ):
        parts[-1] = f"{parts[-1]} {value}"
    elif value:
        parts.append(value)


@per_rules
def _kind_label(rules: Rules) -> re.Pattern[str]:
    names = {w: k for k, ws in rules.labels.address_parts.kinds.items() for w in ws}
    alts = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)) or r"(?!)"
    return re.compile(rf"^\s*({alts})\s*:\s*(\S.*?)\s*$", re.I)


_ZIP_END = re.compile(r"\b\d{5}(?:-\d{4})?\s*$")
_PICK_VERB = re.compile(r"\b(?:use|print|put|show|appear|display)\w*\b", re.I)


def address_kinds(lines: list[str], start: int, rules: Rules) -> dict[str, str]:
    """The addresses written kind by kind from line ``start`` (under a lone "Address:"
    label: "Physical: 31 The Green" / "Woodstock, VT 05091" / "Mailing: PO Box 488" / ...):
    kind -> the address on one line; empty when the lines there are no such kinds."""
    label = _kind_label(rules)
    names = {w.lower(): k for k, ws in rules.labels.address_parts.kinds.items() for w in ws}
    out: dict[str, str] = {}
    kind: str | None = None
    parts: list[str] = []
    for line in lines[start : start + 8]:
        m = label.match(line)
        if m:
            kind, parts = names[m.group(1).lower()], [m.group(2)]
        elif (
            kind is not None and line.strip() and ":" not in line and not _ZIP_END.search(parts[-1])
        ):
            parts.append(line.strip())
        else:
            break
        if _ZIP_END.search(parts[-1]):
            out.setdefault(kind, ", ".join(p.rstrip(",") for p in parts))
    return out


def picked_kind(kinds: dict[str, str], text: str, rules: Rules) -> str | None:
    """The address of the one kind a sentence says to use ("please use the mailing
    address on the tickets"); ``None`` when none or several are picked."""
    words = rules.labels.address_parts.kinds
    picked = set()
    for sentence in re.split(r"(?<=[.!?;(])\s+|\n\s*\n", text):
        if not _PICK_VERB.search(sentence):
            continue
        for kind in kinds:
            said = {w.split()[0].lower() for w in words.get(kind, [])}
            alts = "|".join(re.escape(w) for w in sorted(said))
            if re.search(rf"\b(?:{alts})\s+(?:address|one)\b", sentence, re.I):
                picked.add(kind)
    return kinds[picked.pop()] if len(picked) == 1 else None


# "Town Office, 48 Schoolhouse Road": the name of the building before its street
_STREET_LINE = re.compile(
    r"^\s*(?:[A-Za-z][\w .'’&-]{1,40}?,[ \t]*)?(\d+[A-Za-z]?\s+\S.*|P\.?\s*O\.?\s*Box\s+\d+.*)$",
    re.I,
)


def street_of(line: str) -> str | None:
    """The street of an address's street line, without the name of the building written
    before it ("Town Office, 48 Schoolhouse Road"); None when the line holds no street."""
    m = _STREET_LINE.match(line)
    return m.group(1).strip().rstrip(",") if m else None
