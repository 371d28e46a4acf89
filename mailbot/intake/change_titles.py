"""The title a new officer is given in a roster change: after the word "title" ("title:
Deputy Sheriff") or as the rank he "will be" with the agency ("She will be an Officer with
us"), not the one he had where he was."""

from __future__ import annotations

import re

from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

# "title Deputy Sheriff", "title: Campus Police Officer": the title a new officer is given
_TITLE_SAID = re.compile(
    r"(?<![\w-])(?i:title)(?:[ \t]+(?i:for|on|in)[ \t][\w \t-]{1,30}?:[ \t]*"
    r"|[ \t]*(?:(?i:is|will[ \t]+be|should[ \t]+be)[ \t]+|[:=–-][ \t]*)?)"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
)


# "She will be an Officer with us", "he will serve as a Sergeant": a new officer's title
_WILL_BE_RANK = re.compile(
    r"(?<![\w-])(?i:will[ \t]+(?:be|serve|start|join[ \t]+us))(?:[ \t]+(?i:as))?(?:[ \t]+(?i:an?))?"
    r"[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)"
)


def _title_said(text: str, rules: Rules) -> str | None:
    """The title an item names after the word "title", when one of its words is a rank,
    else the rank he "will be" with the agency (not the one he had where he was)."""
    m = _TITLE_SAID.search(text)
    if m is not None and any(rank_title(w, rules) for w in m.group(1).split()):
        return m.group(1)
    will = _WILL_BE_RANK.search(text)
    if will is None:
        return None
    words = will.group(1).split()
    two = rank_title(" ".join(words[:2]), rules) if len(words) == 2 else None
    return two or rank_title(words[0].rstrip(".,;"), rules)
