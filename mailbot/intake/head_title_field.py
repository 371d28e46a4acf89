"""The head of department's title given on a line of its own, as a web form sends it
("Head of Department name: Ellen Voss" then "Head of Department title: Chief of Police"),
or in his own row of the roster ("Dunbar | Ray | Chief | 01B02")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.model import Officer
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
    return _misspelled_title_line(text, rules)


_MIN_MISSPELT = 5
"""The shortest head title a label misspells by one letter and is still read as it."""


@per_rules
def _misspelt_titles(rules: Rules) -> list[tuple[str, str]]:
    """The head titles a label may misspell, longest first, each with its lower case."""
    from mailbot.intake.head_in_words import head_titles

    return [(t, t.lower()) for t in head_titles(rules)[0] if len(t) >= _MIN_MISSPELT]


def _misspelled_title_line(text: str, rules: Rules) -> tuple[str, str] | None:
    """(name, title) of a form's line whose label misspells a head title by one letter,
    typed on a phone ("Cheif: Walter Gagne"), its value a person's name; or None."""
    from mailbot.intake.head_of_department import head_labelled

    titles = _misspelt_titles(rules)
    for line in text.split("\n"):
        label, colon, value = line.partition(":")
        label = label.strip()
        if not colon or not 0 < len(label) <= MAX_TITLE or len(value) > 2 * MAX_TITLE:
            continue
        typed = label.lower()
        said = next(
            (
                t
                for t, low in titles
                if abs(len(typed) - len(low)) <= 1 and _one_letter_off(typed, low)
            ),
            None,
        )
        if said is None:
            continue
        name, title = head_labelled(value.strip(), rules)
        if name is not None:
            return name, title or said
    return None


def _one_letter_off(typed: str, word: str) -> bool:
    """True when ``typed`` is ``word`` with one letter wrong, added, dropped, or two
    letters side by side swapped ("cheif" for "chief"), not ``word`` itself."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
        return len(diff) == 1 or swapped
    short, long_ = sorted((typed, word), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def title_in_roster(name: str, officers: Sequence[Officer], rules: Rules) -> str | None:
    """The head title the roster gives the person ("Dunbar | Ray | Chief | 01B02"), his
    name there typed without its capitals or apostrophe ("steve obrien chief ..." for
    Steve O'Brien)."""
    from mailbot.intake.head_of_department import is_head_title

    def bare(word: str) -> str:
        return "".join(c for c in word.lower() if c.isalnum())

    key = {bare(w) for w in name.split()}
    for officer in officers:
        own = {bare(officer.first_name or ""), bare(officer.last_name or "")}
        if officer.title and key == own and is_head_title(officer.title, rules):
            return officer.title
    return None
