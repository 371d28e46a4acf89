"""The rank a writer says he leaves ("I have resigned as Constable for the Town of
Peacham ... Please remove my e-ticket access. My number is 44P09."): the title of the
change of his own record, named from the From header."""

from __future__ import annotations

import re

from mailbot.intake.model import Change
from mailbot.intake.prose import rank_title, sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

# "... resigned as Constable", "... stepping down as the chief", "... as Town Constable"
_AS_RANK = re.compile(
    r"\b(?i:as)[ \t]+(?:(?i:the|a|an|our|town|village|city)[ \t]+){0,2}([A-Za-z.]{2,20})"
)


def own_rank(text: str, rules: Rules) -> str | None:
    """The rank the writer says he leaves in ``text``, or None."""
    for sentence in sentences(text[:20000]):
        if not has_any(sentence, rules.language.intent.self_leaving):
            continue
        for m in _AS_RANK.finditer(sentence):
            title = rank_title(m.group(1), rules)
            if title:
                return title
    return None


def with_own_rank(
    changes: list[Change], text: str, writer: str | None, rules: Rules
) -> list[Change]:
    """``changes`` with the one of the writer's own record (his name from the From
    header, no title given) titled with the rank he says he leaves."""
    words = (writer or "").replace(",", " ").split()
    if len(words) < 2:
        return changes
    names = {words[0].lower(), words[-1].lower()}
    mine = [
        i
        for i, c in enumerate(changes)
        if not getattr(c, "title", None)
        and (getattr(c, "last_name", None) or "").lower() in names
        and (getattr(c, "first_name", None) or "").lower() in names
    ]
    title = own_rank(text, rules) if len(mine) == 1 else None
    if title is None:
        return changes
    out = list(changes)
    out[mine[0]] = Change.model_validate({**out[mine[0]].model_dump(), "title": title})
    return out
