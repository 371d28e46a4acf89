"""A sentence naming two officers, each with a number of their own, cut into one clause
for each ("Remove Smith VT233 and Jones VT240", "Please deactivate Officer Ann Roy
(BR114), who retired, and set up a record for Officer Ben Orr, officer # BR131")."""

from __future__ import annotations

import re

from mailbot.intake.change_actions import _action
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_listed_numbers import _NAME_LIST, list_spans
from mailbot.intake.change_names import instruction_words
from mailbot.intake.change_titles import shared_rank
from mailbot.intake.prose import rank_title
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
    if rules is None:
        return [sentence]
    if not _NUMBER.search(sentence):
        return named_together(sentence, rules)
    if len(set(_NUMBER.findall(sentence))) < 2:
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


def named_together(sentence: str, rules: Rules) -> list[str]:
    """A sentence asking one thing of two or more officers it names in full in one list,
    with no number ("Officers Dana Keller and Luis Ortega have both resigned", "two new
    officers, Nora Bell and Tim Shaw, who need records"): one clause for each officer,
    each with the words before and after the list; else the sentence as it is."""
    if _action(sentence, rules, None) is None:
        return [sentence]
    not_names = instruction_words(rules)
    plurals = rules.language.people.rank_plurals
    for m in _NAME_LIST.finditer(sentence):
        spans = list_spans(m, sentence)
        # "Officers Ryan Poirier": the plural rank is the list's, before its first name
        first = sentence[spans[0][0] : spans[0][1]].split()
        if len(first) > 2 and first[0].lower() in plurals:
            spans[0] = (sentence.index(first[1], spans[0][0]), spans[0][1])
        names = [sentence[s:e].split() for s, e in spans]
        if any(
            len(words) < 2 or any(w.lower() in not_names or rank_title(w, rules) for w in words)
            for words in names
        ):
            continue
        lead, after = sentence[: spans[0][0]], sentence[spans[-1][1] :]
        pieces = shared_rank([lead + " ".join(names[0])] + [" ".join(w) for w in names[1:]], rules)
        out = [pieces[0] + after]
        out += [lead_in(lead, plurals) + piece + after for piece in pieces[1:]]
        return out
    return [sentence]


def lead_in(lead: str, plurals: dict[str, str]) -> str:
    """The words before a list of officers without the plural rank that ends them (each
    clause after the first has its own rank, in the singular)."""
    words = lead.rstrip().rsplit(None, 1)
    if len(words) == 2 and words[1].lower() in plurals:
        return words[0] + " "
    return "" if len(words) == 1 and words[0].lower() in plurals else lead
