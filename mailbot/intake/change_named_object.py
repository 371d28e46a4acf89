"""The officer a request names by full name alone, without a number or a rank: "please
remove Danny Roe from our e-ticket list", "The new constable is Bruce Kellogg"."""

from __future__ import annotations

import re

from mailbot.intake.change_rank_left import rank_left_pattern
from mailbot.intake.prose import PERSON_WORD, rank_title
from mailbot.intake.rules import Rules, per_rules

_FULL_NAME = rf"({PERSON_WORD})[ \t]+({PERSON_WORD})(?![\w'’-])"


@per_rules
def _asked(rules: Rules) -> re.Pattern[str]:
    """ "remove Danny Roe", "deactivate Jane Doe": a request's verb, then a full name."""
    words = rules.language.intent
    verbs = sorted({*words.deactivate_asked, *words.deactivate_openers}, key=len, reverse=True)
    alt = "|".join(re.escape(v) for v in verbs)
    asking = "|".join(_words(w) for w in ["please", *words.request_openers])
    around = "|".join(_words(w) for w in words.deactivate_around)
    return re.compile(
        rf"\b(?i:{asking})[ \t]+(?:(?i:{alt})[ \t]+{_FULL_NAME}"
        # "pls take Jake Roe off our list": the verb around the name
        rf"|(?i:{around or '(?!)'})[ \t]+{_FULL_NAME}[ \t]+(?i:off)\b)"
    )


def _words(phrase: str) -> str:
    return r"[ \t]+".join(re.escape(w) for w in phrase.split())


@per_rules
def _new_one(rules: Rules) -> re.Pattern[str]:
    """ "The new constable is Bruce Kellogg", "New 2nd constable is Ashley Poor": a new
    officer of a rank (a modifier or an ordinal before it), named."""
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    mods = "|".join(re.escape(m) for m in rules.language.people.rank_modifiers)
    before = rf"(?:(?i:{mods or '(?!)'}|\d(?:st|nd|rd|th))[ \t]+)?"
    return re.compile(
        rf"\b(?i:(?:the[ \t]+)?new)[ \t]+{before}((?i:{alt}))[ \t]+(?i:is)[ \t]+{_FULL_NAME}"
    )


@per_rules
def _departed(rules: Rules) -> re.Pattern[str]:
    """ "Amos Whitney resigned as ...": a sentence that opens with a full name and tells
    of that officer leaving."""
    words = sorted(rules.language.intent.deactivate, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    # "Ron Roe is not constable anymore": his rank held no more
    held = rf"(?i:is|was|has[ \t]+been)[ \t]+(?:{rank_left_pattern(rules).pattern})"
    return re.compile(
        rf"(?:^|(?<=[.!?])[ \t]+|(?<=\n))[ \t]*{_FULL_NAME}[ \t]+(?:(?i:{alt})\b|{held})", re.M
    )


def removal_named(text: str, rules: Rules) -> tuple[str, str] | None:
    """(first, last) of the officer a removal request names by full name ("please remove
    Danny Roe"), or whose leaving a sentence opens with ("Danny Roe resigned last week"),
    or None."""
    from mailbot.intake.change_names import instruction_words

    m = _asked(rules).search(text)
    if m is not None:
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return None if rank_title(first, rules) else (first, last)
    not_names = instruction_words(rules) | _NOT_NAMES | _job_words(rules)
    for m in _departed(rules).finditer(text):
        first, last = m.group(1), m.group(2)
        if not any(w.lower() in not_names or rank_title(w, rules) for w in (first, last)):
            return first, last
    return None


# Words opening a sentence that are no one's first or last name ("The Chief retired")
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "that", "my", "our", "your", "his", "her", "their", "he",
     "she", "they", "it", "we", "i", "one", "two", "both", "who", "everyone", "nobody"}
)  # fmt: skip


@per_rules
def _job_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.job_words)


@per_rules
def _new_of_kind(rules: Rules) -> re.Pattern[str]:
    """ "New contract deputy for the patrol: Deputy Ann Roy", "a new seasonal officer":
    "new", the words of the kind of post (not a rank's modifiers: "our new acting
    sergeant" may be a promotion), then a rank."""
    people = rules.language.people
    ranks = sorted((r for r, t in people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    kinds = sorted(people.new_officer_kinds, key=len, reverse=True)
    kind = "|".join(_words(k) for k in kinds)
    return re.compile(
        rf"\b(?i:new)[ \t]+(?:(?i:{kind or '(?!)'})[ \t]+){{1,2}}(?i:{alt})(?![\w'’-])"
    )


def opens_as_new(text: str, rules: Rules) -> bool:
    """True when ``text`` calls its officer a new one of a rank, with the kind of his post
    between ("New contract deputy ...", "our new part-time officer")."""
    return _new_of_kind(rules).search(text) is not None


def new_officer_named(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """(title, first, last) of "The new constable is Bruce Kellogg", or None."""
    m = _new_one(rules).search(text)
    if m is None:
        return None
    return rank_title(m.group(1), rules) or m.group(1).capitalize(), m.group(2), m.group(3)
