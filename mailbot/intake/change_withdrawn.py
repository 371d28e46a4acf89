"""A reply that takes back part of the sender's own earlier roster change ("Please
disregard my email about Officer Jo Roy. She rescinded her resignation, so do NOT
deactivate her."): the earlier change of that officer is dropped, numbered or not."""

from __future__ import annotations

import re

from mailbot.intake.change_actions import _asked_off
from mailbot.intake.model import Change
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import flat, has_any

_PRONOUN = re.compile(r"\b(?i:he|she|him|her|his|they|them)\b")
_WORD = re.compile(r"[\w'’-]+")
_NEAR = 30
"""How far before the words saying he never had a record his name may stand."""


def without_withdrawn(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` less those of an officer a sentence of ``text`` keeps as he is and
    takes back his switch-off ("is staying with us, so do not deactivate him"), named in
    it or, when it speaks of him as "he" or "she", in the sentence before."""
    words = rules.language.intent
    kept: set[str] = set()
    said = sentences(text)
    for i, sentence in enumerate(said):
        after = said[i + 1] if i + 1 < len(said) else ""
        # "... should stay active. Please disregard my request for BF207."
        then = after if has_any(after, words.request_withdrawn) else ""
        taken_back = (
            has_any(sentence, words.deactivate_withdrawn)
            or has_any(sentence, words.request_withdrawn)
            or bool(then)
        )
        withdrawn = has_any(sentence, words.stays) and taken_back
        if not withdrawn or _asked_off(sentence, rules):
            continue
        kept.update(w.lower() for w in _WORD.findall(f"{sentence} {then}"))
        if i and _PRONOUN.search(sentence):
            kept.update(w.lower() for w in _WORD.findall(said[i - 1]))
    if not kept:
        return changes
    # the officer named by his number when the words give one: "Officer Dylan Pierce
    # (BF207) ... should stay active" keeps BF207, not Kyle Pierce (BF217) asked off
    numbered = {n for c in changes if (n := (c.officer_number or "").lower()) and n in kept}
    if numbered:
        return [c for c in changes if (c.officer_number or "").lower() not in numbered]
    return [c for c in changes if _surname(c) not in kept]


def _surname(change: Change) -> str:
    return (getattr(change, "last_name", None) or "").lower()


def without_never_enrolled(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` less the switch-off of an officer a sentence names and says never had
    a record ("Chief Lacy never had a TraCS user record"): there is nothing to close."""
    named: set[str] = set()
    for sentence in sentences(text):
        low = flat(sentence)
        if _asked_off(sentence, rules):
            continue
        for phrase in rules.language.intent.never_enrolled:
            at = low.find(phrase.lower())
            # "Chief Lacy never had ...", his name just before the words in their clause
            # ("... Ouimette (she never had a TraCS record there)" names no one)
            clause = re.split(r"[,;:()]", low[max(0, at - _NEAR) : at])[-1] if at > 0 else ""
            named.update(_WORD.findall(clause))
    return [
        c
        for c in changes
        if not (c.action == "deactivate" and _surname(c) and _surname(c) in named)
    ]
