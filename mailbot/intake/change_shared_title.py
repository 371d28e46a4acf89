"""A title said once for all the new officers of a message, apart from their lines
("New part-time deputies" then their lines, then "Title for the new deputies should be
Deputy Sheriff."): each add read without a title takes it."""

from __future__ import annotations

import re

from mailbot.intake.model import Change
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

# "Title for the new deputies should be "Deputy Sheriff."", "Titles of the new hires: Officer"
_TITLE_FOR = re.compile(
    r"(?<![\w-])(?i:titles?)[ \t]+(?i:for|of)[ \t]+((?:[\w'’-]+[ \t]+){0,4}?[\w'’-]+)[ \t]*"
    r"(?:(?i:should[ \t]+(?:be|read)|will[ \t]+be|is|are)[ \t]+|:[ \t]*)[\"“'‘]?"
    r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
)


def _said_for_new(text: str, rules: Rules) -> str | None:
    """The one title ``text`` gives its new officers as a group, or None (none, or two)."""
    new = {w.lower() for w in rules.language.people.new_officer_words}
    found: set[str] = set()
    for m in _TITLE_FOR.finditer(text):
        if not any(w.lower() in new for w in m.group(1).split()):
            continue  # "title for Sgt. Roy should be ...": one officer's, not the new ones'
        words = m.group(2).split()
        for at, word in enumerate(words):
            if word.endswith("."):  # "... Deputy Sheriff." ends the sentence
                words = words[: at + 1]
                break
        value = " ".join(words).rstrip(".")
        if not any(rank_title(w, rules) for w in value.split()):
            continue
        found.add(rank_title(value, rules) or value)
    return found.pop() if len(found) == 1 else None


def with_shared_title(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` with the title said for the new officers given to each add that has
    none of its own."""
    if not any(c.action == "add" and not getattr(c, "title", None) for c in changes):
        return changes
    title = _said_for_new(text, rules)
    if title is None:
        return changes
    return [
        Change.model_validate({**c.model_dump(), "title": title})
        if c.action == "add" and not getattr(c, "title", None)
        else c
        for c in changes
    ]
