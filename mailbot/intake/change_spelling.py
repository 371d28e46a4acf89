"""A last or first name corrected by its spelling: "Desrochers, not Derochers", a word
spelled almost as the name on record, "last name has one f".

Pure functions over the text of one item of a roster-change message.
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules

_CAP_TOKEN = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]*[\w]")
_NOT_THAT = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]+),?\s+(?i:not)\s+[\"“']?([A-ZÀ-Þ][\w'’-]+)")
_SAME_NAME = 0.7
"""How alike (difflib ratio, letters only) a respelling is to the name it corrects."""


def _letters(word: str) -> str:
    return "".join(c for c in word.casefold() if c.isalpha())


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    x, y = _letters(a), _letters(b)
    return bool(x and y) and SequenceMatcher(None, x, y).ratio() >= _SAME_NAME


def respelled(text: str, current: str | None, first: str | None) -> str | None:
    """The corrected spelling of a last name written in ``text``: "Desrochers, not
    Derochers", or the one word spelled almost as ``current`` but not the same."""
    m = _NOT_THAT.search(text)
    # "her first name is Elle, not Ellie" corrects no last name "Marchessault"
    of_this = m is not None and (current is None or _alike(m.group(2), current))
    if m and of_this and _alike(m.group(1), m.group(2)) and m.group(1) != m.group(2):
        return m.group(1)
    if not current:
        return None
    found = None
    for token in _CAP_TOKEN.findall(text[:MAX_RESPELL]):
        token = re.sub(r"['’]s$", "", token)  # "Haskins's username"
        # "St. Onge" is not respelled by its own "Onge"
        if token not in (current, first, *current.split()) and _alike(token, current):
            found = token  # the last such word: the correction comes after the name
    return found


MAX_RESPELL = 600


@per_rules
def _letter_count(rules: Rules) -> re.Pattern[str]:
    """ "has one f", "two Ls", "drop the 'e'": a letter of a name counted or dropped
    (an unquoted "a" or "I" is a word, not a letter; "one is", "no as" are words: a bare
    plural "s" follows a capital only, "two l's" has its apostrophe)."""
    words = sorted(rules.language.intent.letter_counts, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(
        rf"(?<![\w'’-])(?i:{alt})\s+(?:[\"“'‘]([A-Za-z])[\"”'’]|(?![aI]\b)([A-Za-z]))"
        r"(?:['’]s|(?<=[A-Z])s)?(?![\w'’-])"
    )


def spelled_by_letters(text: str, rules: Rules) -> bool:
    """True when ``text`` corrects a spelling letter by letter ("last name has one f")."""
    return bool(rules.language.intent.letter_counts) and bool(_letter_count(rules).search(text))
