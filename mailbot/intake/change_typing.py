"""A roster change written fast on a phone or dictated to it, read as a clerk would have
typed it: a username spelled out in pieces ("l hebert all one word") joined, and in a
note typed all in lower case (or all in capitals) the people's names given their
capitals ("officer tom reilly number R0622" is "officer Tom Reilly number R0622") where
the words around them say they are names (:func:`mailbot.intake.typed_names.named_by_rank`,
which reads names as typed for enrolments too), and its items cut apart. Numbers said
digit by digit or in words are already written whole by :mod:`mailbot.intake.dictated`
before the text comes here.

The words this goes by are in the rules: the words that join a username in
``rules/formats.toml``, and the change wordings of ``[intent]`` in
``rules/language.toml`` that start an item ("then add ...").
"""

from __future__ import annotations

import itertools
import re

from mailbot.intake.lower_prose import typed_lower
from mailbot.intake.model import Change
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.shouted import is_shouted
from mailbot.intake.typed_names import TOKEN, is_officer_number, named_by_rank, rank_words

_MAX_TEXT = 20_000


@per_rules
def _pieces_joined(rules: Rules) -> re.Pattern[str] | None:
    """A username given in pieces and the words that say it is one word ("username is l
    hebert all one word")."""
    joins = rules.formats.dps_username.joined_words
    if not joins:
        return None
    said = "|".join(re.escape(w) for w in sorted(joins, key=len, reverse=True))
    return re.compile(
        r"(?i:\b(?:user[ \t]*name|login|user[ \t]*id)(?:[ \t]+is)?[ \t]+)"
        rf"([a-z][a-z0-9.]*+(?:[ \t]+[a-z0-9.]++){{1,2}}?)[ \t,]+(?i:{said})\b",
        re.I,
    )


def _joined_usernames(text: str, rules: Rules) -> str:
    """``text`` with a username said in pieces "all one word" written as one word."""
    pattern = _pieces_joined(rules)
    if pattern is None:
        return text
    return pattern.sub(
        lambda m: m.group(0)[: m.start(1) - m.start(0)] + "".join(m.group(1).split()), text
    )


_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_CAPITALS_SHARE = 0.9


def _lowered(text: str, rules: Rules) -> str:
    """``text`` with each paragraph written in capitals in ordinary case, when one of
    them is long enough to tell (a phone's "Sent from my Verizon" under it is not): the
    words of the rules' wordings ("has been promoted to", "number") in lower case, the
    others (ranks, names, places) capitalised, short forms ("PD") and words with digits
    ("E7710") as written."""
    paragraphs = _PARAGRAPH.split(text)
    if not any(is_shouted(p) for p in paragraphs):
        return text
    ranks, _, never = rank_words(rules)
    small = {w.lower() for w in rules.language.people.small_words}

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in never and w.lower() not in small | ranks:
            return w.lower()
        return w if len(w) < 3 else w.capitalize()

    def lower(paragraph: str) -> str:
        letters = [c for c in paragraph if c.isalpha()]
        if sum(c.isupper() for c in letters) < _CAPITALS_SHARE * len(letters):
            return paragraph
        return _WORDS.sub(word, paragraph)

    seps = [*_PARAGRAPH.findall(text), ""]
    return "".join(lower(p) + sep for p, sep in zip(paragraphs, seps, strict=True))


_WORDS = re.compile(r"(?<![\w@.])[A-Za-z][A-Za-z'’-]*+(?![\w@])")


_CUT_AFTER = re.compile(r"[.;!?](?:\s|$)|\n[ \t]*\n")


@per_rules
def _item_start(rules: Rules) -> re.Pattern[str]:
    """Words that start the next item of a note written without stops: "then", or an
    instruction ("add", "remove"), after "and" or "then" or alone."""
    joining = {"and", "also", "plus", "then"}
    words = {w.lower() for w in rules.language.people.instruction_words} - joining
    words |= {w.lower() for w in rules.language.intent.deactivate_openers} | {"then"}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’-])(?:(?:and|also|plus)[ \t]+)?(?:then[ \t]+)?(?i:{alt})(?![\w'’-])"
    )


def _items_cut(text: str, rules: Rules) -> str:
    """``text``, a note typed without stops, with a ";" where an item about a new officer
    starts: at the line break, or the instruction, between one officer's number and the
    next's ("ray lamothe H1035 resigned please take him off then add officer Kelsey Vance
    H1041")."""
    numbers = [m for m in TOKEN.finditer(text) if is_officer_number(m.group(0), rules)]
    cuts: list[int] = []
    for a, b in itertools.pairwise(numbers):
        gap = text[a.end() : b.start()]
        if a.group(0).upper() == b.group(0).upper() or _CUT_AFTER.search(gap):
            continue
        line = gap.rfind("\n")
        starts = list(_item_start(rules).finditer(gap))
        at = line if line >= 0 else (starts[-1].start() if starts else -1)
        # the next item names its officer: "then add officer Kelsey Vance H1041", not
        # "his number was R0622 please change it to R0623"
        if at >= 0 and re.search(r"(?<![\w'’-])[A-Z][a-z]", gap[at:]):
            cuts.append(a.end() + at)
    for at in reversed(cuts):
        head, tail = text[:at].rstrip(" \t,"), text[at:].lstrip(" \t")
        text = f"{head};{tail}" if tail.startswith("\n") else f"{head}; {tail}"
    return text


def whole_values(text: str, rules: Rules) -> str:
    """``text`` with its officer numbers and usernames written whole, its case kept."""
    if len(text) > _MAX_TEXT:
        return text
    return _joined_usernames(text, rules)


def in_capitals(text: str, rules: Rules) -> bool:
    """True when ``text`` has a paragraph written in capitals, read in ordinary case."""
    return len(text) <= _MAX_TEXT and _lowered(text, rules) != text


def filled(changes: list[Change], as_written: list[Change]) -> list[Change]:
    """``changes`` read from a text in capitals made ordinary, each given what the same
    change read from the capitals as written has and it has not (a title)."""
    out = []
    for change in changes:
        have = change.model_dump(exclude_none=True)
        for other in as_written:
            if (other.action, other.officer_number) == (change.action, change.officer_number):
                more = {
                    k: v for k, v in other.model_dump(exclude_none=True).items() if k not in have
                }
                change = Change.model_validate({**have, **more})
                break
        out.append(change)
    return out


def as_typed(text: str, rules: Rules, written: str | None = None) -> str:
    """``text`` with its officer numbers and usernames written whole, and its names
    capitalised when it is typed all in lower case or all in capitals (as ``written``,
    before the names its addresses vouch for were given their capitals, when given)."""
    if len(text) > _MAX_TEXT:
        return text
    text = whole_values(text, rules)
    lowered = _lowered(text, rules)
    if lowered == text and not typed_lower(text if written is None else written):
        return text
    return _items_cut(named_by_rank(lowered, rules), rules)
