"""The agency's own wish for e-tickets, said in a sentence of its own ("We want to do
e tickets.", "Bristol PD would like to use electronic tickets"): a request to enrol, as
"would like to start e-ticketing" is.

The words live in ``rules/language.toml`` (``[intent]`` ``agency_wishes``, ``wish_verbs``,
``tickets``, ``set_up_subjects``).
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import any_in, has_any, whole_words

SAID = re.compile(r"[^.!?\n]+[.!?]*")
"""A sentence with the mark that ends it ("?" asks whether, "." asks for)."""
WRAPPED = re.compile(r"[ \t]*\n[ \t]*(?![-*•·\s]|\d+[.)])")
"""A line break a client wrapped a sentence at (not one before a list item)."""
_WOULD = re.compile(r"['’]d\b")
_WORDS_TO_TICKETS = 4
"""How many words after the wish, its verb first, may name e-tickets ("want to start
using the e tickets")."""


def agency_clause(clause: str, rules: Rules) -> bool:
    """True when ``clause`` (lower case) names the agency or "we" / "our", and no officer
    by a rank word or "he" / "she"."""
    said = set(re.findall(r"[a-z']+", clause))
    subjects = {w.lower() for w in rules.language.intent.set_up_subjects}
    return bool(said & subjects) and not _names_officer(said, rules)


def _names_officer(said: set[str], rules: Rules) -> bool:
    """True when the words ``said`` (lower case) hold a rank word or "he" / "she"."""
    officer = {r for r, t in rules.language.people.ranks.items() if t}
    officer |= {"he", "she", "him", "her", "his", "they", "them", "their"}
    return bool(said & officer)


@per_rules
def _wish(rules: Rules) -> re.Pattern[str]:
    return whole_words(rules.language.intent.agency_wishes)


def wants_to_start(text: str, rules: Rules) -> bool:
    """True when a sentence of ``text`` that asks nothing says the agency ("we", "our
    department", "Bristol PD", no officer) wants to do, start or use e-tickets: a wish,
    then a verb of taking them up, then a word of e-tickets within a few words."""
    words = rules.language.intent
    text = _WOULD.sub(" would", text)  # "we'd like to"
    if not has_any(text, words.agency_wishes) or not has_any(text, words.tickets):
        return False  # most messages say no such wish
    verbs = {v.lower() for v in words.wish_verbs}
    for said in SAID.finditer(WRAPPED.sub(" ", text)):
        low = " ".join(said.group(0).lower().split())
        if low.endswith("?"):
            continue  # "would we want to use e-tickets?": whether, not a request
        for wish in _wish(rules).finditer(low):
            after = low[wish.end() :].split()[: 1 + _WORDS_TO_TICKETS]
            if not after or after[0].strip(",;:") not in verbs:
                continue
            if not any_in(" ".join(after), words.tickets):
                continue
            if _names_officer(set(re.findall(r"[a-z']+", " ".join(after))), rules):
                continue  # "we want to get Officer Roy on e-tickets": his record
            if agency_clause(re.split(r"[,;:]", low[: wish.start()])[-1], rules):
                return True
    return False
