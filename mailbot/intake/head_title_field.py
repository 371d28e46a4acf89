"""The head of department's title given on a line of its own, as a web form sends it
("Head of Department name: Ellen Voss" then "Head of Department title: Chief of Police")."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_headings import column_key

MAX_TITLE = 60


@per_rules
def _title_line(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.labels.labels.get("head_of_department.name", []), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words) or r"(?!)"
    return re.compile(
        rf"^[ \t]*(?:{alt})[ \t]+(?P<word>[A-Za-z/ ]{{2,20}}?)[ \t]*[:：][ \t]*(?P<value>.+?)\s*$",
        re.I,
    )


def head_title_labelled(text: str, rules: Rules) -> str | None:
    """The value of a "<head label> title:" line (the word after the label a title
    column's heading: "title", "rank", "position"), or None."""
    pattern = _title_line(rules)
    for line in text.split("\n"):
        m = pattern.match(line)
        if m and column_key(m.group("word").strip(), rules) == "title":
            value = m.group("value").strip()
            return value if 0 < len(value) <= MAX_TITLE else None
    return None
