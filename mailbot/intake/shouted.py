"""A message written all in capitals ("NORWICH POLICE DEPARTMENT" / "CHIEF LAMONT"), read
in ordinary case where names and titles are found by their capital letters.

Only the words of letters change: a word with a digit ("NW104"), an address
("JLAMONT@GMAIL.COM") and a short form the rules keep ("PD") stay as written.
"""

from __future__ import annotations

import functools
import re

from mailbot.intake.rules import Rules, per_rules

_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_OTHER = re.compile(r"[\d@/]")
"""In a word, a digit, an address's or a path's mark: not a word of the text's case."""
_WORD = re.compile(r"(?<![\w@./'’-])[A-Z][A-Z'’-]*+(?![\w@'’-])")
_SHOUTED_SHARE = 0.9
_SHOUTED_LETTERS = 20


@functools.lru_cache(maxsize=64)
def is_shouted(text: str) -> bool:
    """True when the words of ``text`` (leaving out addresses and words with digits) are
    all in capitals, or nearly so (asked of one message's texts several times)."""
    # a word of letters only holds no digit nor mark: most words skip the search
    words = " ".join(w for w in text.split() if w.isalpha() or not _OTHER.search(w))
    upper = len(_UPPER.findall(words))
    letters = upper + len(_LOWER.findall(words))
    if letters < _SHOUTED_LETTERS:
        return False
    return upper >= _SHOUTED_SHARE * letters


@per_rules
def _kept(rules: Rules) -> tuple[dict[str, str], frozenset[str]]:
    people = rules.language.people
    short = {w.upper().rstrip("."): w.rstrip(".") for w in people.agency_abbreviations}
    short[rules.formats.address.state.upper()] = rules.formats.address.state
    return short, frozenset(w.lower() for w in people.small_words)


def uncapped(text: str, rules: Rules) -> str:
    """``text`` in ordinary case when it is written in capitals ("THE TOWN OF NORWICH
    POLICE DEPT" is "The Town of Norwich Police Dept", "NORWICH PD" is "Norwich PD");
    ``text`` itself otherwise."""
    if not is_shouted(text):
        return text
    short, small = _kept(rules)

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in short:
            return short[w]
        line_start = text.rfind("\n", 0, m.start()) + 1
        if w.lower() in small and text[line_start : m.start()].strip():
            return w.lower()
        # "O'BRIEN", "SMITH-JONES": each part a capital and lower-case letters
        parts = re.split(r"([-'’])", w)
        return "".join(
            p.capitalize() if len(p) > 1 or n == 0 else p.lower() for n, p in enumerate(parts)
        )

    return _WORD.sub(word, text)


def cased_line(line: str, rules: Rules) -> str | None:
    """A line written all in capitals or all in lower case ("ORLEANS POLICE DEPT",
    "wolcott police dept") with the capitals a clerk would write ("Orleans Police Dept");
    None for a line in mixed case or with no letters."""
    letters = [c for c in line if c.isalpha()]
    if not letters or not (line.isupper() or line.islower()):
        return None
    short, small = _kept(rules)
    words = []
    for n, w in enumerate(line.split()):
        bare = w.upper().rstrip(".")
        if bare in short:
            words.append(short[bare] + w[len(bare) :])
        elif n and w.lower() in small:
            words.append(w.lower())
        else:
            parts = re.split(r"([-'’])", w.lower())
            words.append(
                "".join(p.capitalize() if len(p) > 1 or i == 0 else p for i, p in enumerate(parts))
            )
    return " ".join(words)


def typed_in_full(name: str, short: str, full: str, text: str) -> str:
    """ "Alder Police Dept" as a message typed in one case also writes it ("name alder
    police department"): the name read, its short form spelled out; else as read."""
    stem = name[: -len(short)].strip()
    # "SHERIFF’S DEPARTMENT" as a PDF prints "Sheriff's Department": either apostrophe
    said = re.sub(r"['’]", "['’]", rf"{re.escape(stem)}\s+{re.escape(full)}")
    typed = re.compile(rf"(?<![\w'’.-]){said}(?![\w'’])", re.I)
    for m in typed.finditer(text):
        if m.group(0) in (m.group(0).lower(), m.group(0).upper()):
            return f"{stem} {full}"
    return name
