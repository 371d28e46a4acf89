"""Officers named in one list and their numbers in another, in the same order: "Gagnon
and Provost both resigned last week, can you remove them? 5G021 and 5P300". A careful
clerk pairs them one by one (the first name with the first number); the text is
rewritten with each number beside its officer ("Gagnon 5G021 and Provost 5P300 both
resigned ..."), which the reading of a sentence naming two officers then cuts in two."""

from __future__ import annotations

import re

from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_names import instruction_words
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

_NUM = r"#?(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{5}"
# "5G021 and 5P300", "1A101, 1B202 and 1C303": numbers alone, listed
_NUMBER_LIST = re.compile(
    rf"(?<![\w-]){_NUM}(?:[ \t]*,[ \t]*{_NUM})*[ \t]*,?[ \t]*(?:and|&)[ \t]+{_NUM}(?![\w-])"
)
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# one officer of a list: "Provost", "Ben Lane", "Officer Ben Lane"
_ONE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
# "Gagnon and Provost", "Roy, Lane and Orr", "Amy Roy and Ben Lane": names listed
_NAME_LIST = re.compile(
    rf"(?<![\w'’-])({_ONE})((?:[ \t]*,[ \t]*{_ONE})*)[ \t]*,?[ \t]+(?:and|&)[ \t]+({_ONE})"
    r"(?![\w'’-])"
)
_LIST_CUT = re.compile(r"[ \t]*,[ \t]*")


def numbers_by_name(item: str, rules: Rules) -> str:
    """``item`` with the numbers of a list of numbers alone written beside the officers a
    list of names before it names, one by one, when the two lists count alike and the item
    gives no other number; else ``item`` as it is."""
    listed = _NUMBER_LIST.search(item)
    if listed is None:
        return item
    numbers = [n.lstrip("#") for n in _NUMBER.findall(listed.group(0))]
    if len(numbers) != len({n.upper() for n in _NUMBER.findall(item)}):
        return item  # another number in the item: not one list for one list
    names = _names_before(item[: listed.start()], len(numbers), rules)
    if names is None:
        return item
    # each name with its number, joined by "and" ("Dunn 1A101 and Roy 1B202 and ...")
    paired = " and ".join(f"{item[s:e]} {n}" for (s, e), n in zip(names, numbers, strict=True))
    rest = item[names[-1][1] : listed.start()].rstrip(" \t,-–:") + item[listed.end() :]
    return item[: names[0][0]] + paired + rest


def list_spans(m: re.Match[str], text: str) -> list[tuple[int, int]]:
    """Where each name of the list ``m`` (a match of :data:`_NAME_LIST` in ``text``)
    stands: the first, those between commas, the one after "and"."""
    spans = [m.span(1)]
    at = m.end(1)
    for piece in _LIST_CUT.split(m.group(2))[1:] if m.group(2) else []:
        start = text.index(piece, at)
        spans.append((start, start + len(piece)))
        at = start + len(piece)
    spans.append(m.span(3))
    return spans


def _names_before(text: str, count: int, rules: Rules) -> list[tuple[int, int]] | None:
    """Where each name of the last list of ``count`` names in ``text`` stands."""
    found: list[tuple[int, int]] | None = None
    not_names = instruction_words(rules)
    for m in _NAME_LIST.finditer(text):
        spans = list_spans(m, text)
        words = [text[s:e].split()[-1] for s, e in spans]  # each one's last name
        if len(spans) != count:
            continue
        if any(w.lower() in not_names or rank_title(w, rules) for w in words):
            continue
        found = spans
    return found
