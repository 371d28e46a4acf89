"""The desk's quoted message that holds all of a request but the items it names ("Hi
Rachel, we have everything for Ludlow Police Department except the logo for the warning
header. Please send it when you can."): the reply answering it is asked only for those
items, never again for what the desk says it has.

Pure functions; the words come from ``rules/labels.toml`` (``[desk_holds_all]``).
"""

from __future__ import annotations

import re

from mailbot.intake.own_thread import answered_desk
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_INDEX = re.compile(r"\[\d+\]")


def _whole(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, the longest first, in a lower-cased text."""
    return re.compile(rf"(?<![\w-])(?:{alternation([w.lower() for w in words], ' ')})(?![\w-])")


@per_rules
def _words(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of holding all, and of leaving items out."""
    held = rules.labels.desk_holds_all
    return _whole(held.all), _whole(held.but)


@per_rules
def _items(rules: Rules) -> dict[str, re.Pattern[str]]:
    """Each item's words (``items``), by the path they name."""
    return {path: _whole(words) for path, words in rules.labels.desk_holds_all.items.items()}


def outstanding(parts: MessageParts, rules: Rules) -> frozenset[str] | None:
    """The items (paths, "officers[]." for an officer's field) the desk's quoted message
    says it still lacks, in the first of its sentences that holds all but them; None when
    no sentence says so."""
    desk = answered_desk(parts)
    if not desk:
        return None
    every, but = _words(rules)
    for sentence in _SENTENCE_END.split(" ".join(desk.lower().split())):
        held = every.search(sentence)
        left = but.search(sentence, held.end()) if held else None
        if left is None:
            continue
        rest = sentence[left.end() :]
        return frozenset(path for path, said in _items(rules).items() if said.search(rest))
    return None


def only_outstanding(missing: list[str], parts: MessageParts, rules: Rules) -> list[str]:
    """``missing`` cut to the items the desk's quoted message still waits on ("everything
    ... except the logo"); ``missing`` as it is when the desk says no such thing."""
    named = outstanding(parts, rules)
    if named is None:
        return missing
    kept = []
    for path in missing:
        item = _INDEX.sub("[]", path)
        if any(item == n or item.startswith((f"{n}.", f"{n}[")) for n in named):
            kept.append(path)
    return kept
