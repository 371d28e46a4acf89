"""A sentence naming two officers, each with a number of their own, cut into one clause
for each ("Remove Smith VT233 and Jones VT240", "Please deactivate Officer Ann Roy
(BR114), who retired, and set up a record for Officer Ben Orr, officer # BR131")."""

from __future__ import annotations

import re

from mailbot.intake.change_actions import _action
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_titles import shared_rank
from mailbot.intake.rules import Rules, per_rules

_PLURAL = re.compile(r"\b(?i:both|all|each|them|they|their|have|were|are)\b")


# "..., and for Officer Daniel Ouellette, LEO number MP232": where a sentence goes on to
# another officer
# (or to what is done with him: "..., and set up a new record for Officer Ben Orr")
@per_rules
def _and_next(rules: Rules) -> re.Pattern[str]:
    verbs = sorted(w for w in rules.language.people.instruction_words if w.lower() != "and")
    said = "|".join(r"[ \t]+".join(re.escape(p) for p in w.split()) for w in verbs)
    return re.compile(
        rf"(?:,[ \t]*|[ \t]+)and[ \t]+(?:for[ \t]+)?(?=[A-Z]|(?i:{said or '(?!)'})\b)"
    )


_LEAD_WORDS = re.compile(r"^(?:[^A-Z\n]{0,80}?[a-z][^A-Z\n]{0,80}?[ \t])(?=[A-Z])")


def clauses(sentence: str, rules: Rules | None) -> list[str]:
    """A sentence naming two officers, each with a number of their own ("Remove Smith
    VT233 and Jones VT240"), split at the "and" between them; a later clause that says
    no action takes the first clause's words before its first name ("Remove ")."""
    if rules is None or len(set(_NUMBER.findall(sentence))) < 2:
        return [sentence]
    pieces: list[str] = []
    last = 0
    for m in _and_next(rules).finditer(sentence):
        head, tail = sentence[last : m.start()], sentence[m.end() :]
        if _NUMBER.search(head) and _NUMBER.search(tail):
            pieces.append(head)
            last = m.end()
    if not pieces:
        return [sentence]
    pieces = shared_rank([*pieces, sentence[last:]], rules)
    first = pieces[0]
    words = first.split(None, 1)
    lead_m = _LEAD_WORDS.match(words[1]) if len(words) > 1 else None
    lead = words[0] + " " + (lead_m.group(0) if lead_m else "")
    number = _NUMBER.search(first)
    colon = first.rfind(":", 0, number.start()) if number else -1
    if colon > len(lead):
        # "Please deactivate the two officers below from TraCS for Colchester PD: Ofc.
        # Ann Roy (C5519) and ...": the lead-in runs to its colon
        lead = first[: colon + 1] + " "
    out = [first]
    for piece in pieces[1:]:
        said = _action(piece, rules, None) is not None
        led = not said and _action(lead + piece, rules, None) is not None
        out.append(lead + piece if led else piece)
    # "Sgt. Ada Lowe (R101) and Cpl. Ben Orr (R102) both resigned": the words after the
    # last officer's number say what happens to each officer before him too (when they
    # speak of more than one: not "..., who resigned")
    ends = list(_NUMBER.finditer(out[-1]))
    after = out[-1][ends[-1].end() :].lstrip(")] \t") if ends else ""
    if _PLURAL.search(after) and _action(after, rules, None) is not None:
        out = [f"{p} {after}" if _action(p, rules, None) is None else p for p in out[:-1]] + [
            out[-1]
        ]
    return out
