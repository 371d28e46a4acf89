"""A block of "Label: value" lines a client ran together onto one line (Outlook on the
web joining its paragraphs: "Agency: Quarry PD Judiciary Code: 0290 Address: ... Phone:
..."), put back one label a line so each value ends where the next label starts; and a
table of labels over one row of values, written one "Label: value" a line too."""

from __future__ import annotations

import re
from itertools import pairwise

from mailbot.intake.rules import Rules, per_rules

MIN_INNER = 2
"""Labels a line must hold after its first before it is read as labelled lines run
together (a sentence may name one label: "Contact: Sgt Roy, Phone: ..." is one line)."""


@per_rules
def _labels(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label of any field with its colon, at a line's start and after a blank inside it."""
    words = sorted(
        {w for labels in rules.labels.labels.values() for w in labels}, key=len, reverse=True
    )
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words) or "(?!)"
    return (
        re.compile(rf"^[ \t]*(?:{alt})[ \t]*[:：]", re.I),
        re.compile(rf"(?<=\S)[ \t]+(?=(?:{alt})[ \t]*[:：])((?:{alt})[ \t]*[:：])", re.I),
    )


def labels_apart(text: str, rules: Rules) -> str:
    """``text`` with each line that opens with a label and holds :data:`MIN_INNER` more
    cut before each of them."""
    first, inner = _labels(rules)
    out: list[str] = []
    for line in text.split("\n"):
        cuts = [m.start() for m in inner.finditer(line)] if first.match(line) else []
        if len(cuts) < MIN_INNER:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line)]
        # "Agency: Northfield PD | Judiciary code: ...": the separator between the pieces
        # is no part of a value
        out.extend(line[a:b].strip(" \t|;,") for a, b in pairwise(bounds))
    return "\n".join(out)


_CELLS = re.compile(r"\t|\|")
"""What parts one cell of a row from the next: a TAB (an HTML table, a sheet's export) or a
bar."""


@per_rules
def _label_words(rules: Rules) -> frozenset[str]:
    return frozenset(
        " ".join(w.lower().split()) for labels in rules.labels.labels.values() for w in labels
    )


def _row(line: str) -> list[str]:
    if "\t" not in line and "|" not in line:
        return []
    return [c.strip() for c in _CELLS.split(line.strip(" \t|"))]


def _is_label(cell: str, rules: Rules) -> bool:
    return " ".join(cell.lower().rstrip(":：").split()) in _label_words(rules)


def labels_over_values(text: str, rules: Rules) -> str:
    """``text`` with a table of the agency's labels over one row of its values ("Judiciary
    Code | Agency Name | Address" over "0406 | Winooski Police Department | 27 West ...")
    written one "Label: value" a line, the way a sender types them; a table of more rows
    (an officer table) is left as it is."""
    if "\t" not in text and "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        labels = _row(lines[i])
        values = _row(lines[i + 1]) if i + 1 < len(lines) else []
        more = _row(lines[i + 2]) if i + 2 < len(lines) else []
        if (
            len(values) != len(labels)
            or len(more) == len(labels)
            or len(labels) < 2
            or not all(_is_label(c, rules) for c in labels)
            or any(_is_label(v, rules) for v in values)
        ):
            out.append(lines[i])
            i += 1
            continue
        out.extend(
            f"{label.rstrip(':：')}: {value}"
            for label, value in zip(labels, values, strict=True)
            if value
        )
        i += 2
    return "\n".join(out)
