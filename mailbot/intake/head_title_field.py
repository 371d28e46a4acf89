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


@per_rules
def _titled_line(rules: Rules) -> re.Pattern[str]:
    from mailbot.intake.head_in_words import head_titles

    _, alt = head_titles(rules)
    return re.compile(rf"^[ \t]*(?P<title>{alt})[ \t]*[:：][ \t]*(?P<value>\S.{{0,80}}?)\s*$", re.I)


def head_titled(text: str, rules: Rules) -> tuple[str, str] | None:
    """(name, title) of a form's line labelled with the head's title ("Sheriff: Trevor
    Quist", "Chief of Police: Dana Morse"): the value is the head's name, or None when no
    such line names a person."""
    from mailbot.intake.head_in_words import head_titles
    from mailbot.intake.head_of_department import head_labelled

    titles, _ = head_titles(rules)
    pattern = _titled_line(rules)
    for line in text.split("\n"):
        m = pattern.match(line) if len(line) <= 2 * MAX_TITLE + 40 else None
        if m is None:
            continue
        name, title = head_labelled(m.group("value"), rules)
        if name is not None:
            said = m.group("title").lower()
            return name, title or next(t for t in titles if t.lower() == said)
    return None
