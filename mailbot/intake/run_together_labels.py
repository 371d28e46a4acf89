"""A block of "Label: value" lines a client ran together onto one line (Outlook on the
web joining its paragraphs: "Agency: Quarry PD Judiciary Code: 0290 Address: ... Phone:
..."), put back one label a line so each value ends where the next label starts."""

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
