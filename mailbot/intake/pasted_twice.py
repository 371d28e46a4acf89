"""A message whose text was pasted twice (the same paragraphs, from its greeting on,
written again right after themselves): read once, so its roster is not read twice."""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake.parts import MessageParts

_BLANK = re.compile(r"\n[ \t]*\n")
MAX_PARAGRAPHS = 200
MIN_WORDS = 20
"""A repeated block this short ("Thanks," twice) is no pasted message."""


def read_once(text: str) -> str:
    """``text`` with the second copy of its opening paragraphs left out, when they are
    written twice in a row (blanks aside); else ``text`` unchanged."""
    paragraphs = _BLANK.split(text.strip("\n"))
    if len(paragraphs) < 4 or len(paragraphs) > MAX_PARAGRAPHS:
        return text
    folded = [" ".join(p.split()) for p in paragraphs]
    for k in range(2, len(folded) // 2 + 1):
        if folded[k] != folded[0] or folded[:k] != folded[k : 2 * k]:
            continue
        if sum(len(p.split()) for p in folded[:k]) < MIN_WORDS:
            continue
        return "\n\n".join(paragraphs[:k] + paragraphs[2 * k :]) + "\n"
    return text


def with_text_once(parts: MessageParts) -> MessageParts:
    """``parts`` with its text read once (see :func:`read_once`)."""
    once = read_once(parts.text)
    return parts if once is parts.text else dataclasses.replace(parts, text=once)
