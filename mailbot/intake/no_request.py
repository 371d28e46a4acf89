"""A message that asks or tells, but requests no enrolment and no roster change.

A careful reader looks at each sentence that has words of an enrolment or a change and
asks whether it requests one: "How long does it take for a new officer to be set up?"
asks about the process, "we need to find out whether the town needs to enroll" wonders,
"We sent over a new officer on Monday" tells of a request made before, "... a refresher
for the officers before the new hires start" only tells when, and "Please remove our
department from the e-ticket program" asks for something, but no officer's record or
enrolment. When every such sentence is of that kind, the message is no request ("other").

The words live in ``rules/language.toml`` (``[intent]``).
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import any_in, first_at, flat

_WRAPPED = re.compile(r"\n[ \t]*+(?![-*•·\s]|\d+[.)])")
"""A line break inside a wrapped sentence (the line ends are stripped first: a pattern
that began on the blanks before a break would scan a long run of them at every one)."""
_SAID = re.compile(r"[^.!?\n]+[.!?]*")
"""A sentence with the mark that ends it ("?" asks)."""
_ABBREVIATED = re.compile(
    r"(?:^|[\s(\[/])(?:[A-Z]|St|Mt|Ft|No|Jr|Sr|Mr|Ms|Mrs|Dr|Sgt|Cpl|Lt|Capt|Det|Ofc|Tpr|Dep|Ptl"
    r"|Dept|Co|Inc|Rd|Ave)\.$"
)
"""A piece ending in a short word and "." ("Sgt.", "Dept."): the sentence goes on."""
_CLAUSE_BREAK = re.compile(r"[,;:]| and | but | - ")


def said_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (its wrapped lines joined), each with its end mark; a
    piece that ends in an abbreviation ("Sgt.") goes on into the next."""
    out: list[str] = []
    carry = ""
    stripped = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    for piece in _SAID.findall(_WRAPPED.sub(" ", stripped)):
        said = carry + piece
        if piece.endswith(".") and _ABBREVIATED.search(piece.rstrip()) and len(said) < 2000:
            carry = said
            continue
        carry = ""
        if said.strip():
            out.append(said.strip())
    if carry.strip():
        out.append(carry.strip())
    return out


def requests_nothing(text: str, rules: Rules) -> bool:
    """True when ``text`` has words of an enrolment or a change, and every sentence with
    them asks about it, wonders, tells of it as done before or as a time, or asks for
    something else than a record or an enrolment (the agency leaving the program)."""
    said = said_sentences(text)
    bearing = [s for s in said if _bears(s, rules)]
    if not bearing:
        return False  # no words of a request at all: the other readings decide
    return all(_requests_none(s, rules) for s in bearing)


def _bears(sentence: str, rules: Rules) -> bool:
    """True when ``sentence`` has words of an enrolment, a set-up or a roster change."""
    return any_in(_unsaid(sentence, rules), _request_words(rules))


def _unsaid(sentence: str, rules: Rules) -> str:
    """``sentence`` folded, less the words telling of an enrolment had or made before
    ("I sent our enrollment yesterday")."""
    words = rules.language.intent
    low = flat(sentence)
    for had in (*words.had_before, *words.enrolled_before):
        low = low.replace(had.lower(), " ")
    return low


@per_rules
def _request_words(rules: Rules) -> list[str]:
    w = rules.language.intent
    listed = w.enrollment + w.set_up + w.add + w.promote + w.transfer + w.deactivate
    return [x.lower() for x in listed + w.reactivate]


def _requests_none(sentence: str, rules: Rules) -> bool:
    """True when ``sentence``, which has words of a request, requests none."""
    words = rules.language.intent
    low = _unsaid(sentence, rules)
    first = first_at(low, _request_words(rules))
    asked = _asked(low, rules)
    if asked:
        # "Please remove the Fair Haven Police Department from the e-ticket program and
        # close out our agency record": asked, of no officer's record
        return not _names_officer(sentence, rules) and any_in(low, words.no_record_asked)
    if sentence.rstrip().endswith("?"):
        return True  # "How long does it take for a new officer record to be set up?"
    # the clause the first of them is in: "I sent over his info and I transposed his
    # number" tells of the earlier request, then asks for a correction
    before = _CLAUSE_BREAK.split(low[:first])[-1]
    if any_in(before, words.wonders) or any_in(before, words.told_before):
        return True  # "find out whether the town needs to enroll", "We sent over a new ..."
    # "... a short refresher for the officers before the new hires start"
    return _after_the_main_clause(low, first, rules)


def _asked(low: str, rules: Rules) -> bool:
    """True when the folded sentence ``low`` asks the desk for something: a word of
    asking, a request's opener, or a question put as one ("Can we get ...?")."""
    words = rules.language.intent
    if any_in(low, words.asking):
        return not _wish_of_another(low, rules)
    openers = [*words.request_openers, *words.request_questions]
    return any(low.startswith(o.lower() + " ") for o in openers) or any_in(
        low, [f" {o.lower()} " for o in words.request_questions]
    )


def _wish_of_another(low: str, rules: Rules) -> bool:
    """True when the only word of asking in ``low`` is a wish ("would like to") said of
    an officer by rank, or of "he" / "she" ("Sgt. Perkins would like to put together a
    refresher"): his wish, not a request of the desk."""
    words = rules.language.intent
    rest = low
    for wish in words.wishes:
        rest = rest.replace(wish.lower(), " ")
    if any_in(rest, words.asking):
        return False
    at = first_at(low, [w.lower() for w in words.wishes])
    subject = re.findall(r"[a-z']+", low[:at])[:3]
    ranks = {r.lower() for r, t in rules.language.people.ranks.items() if t}
    return bool(subject) and (subject[0] in ranks or subject[0] in {"he", "she"})


def _after_the_main_clause(low: str, first: int, rules: Rules) -> bool:
    """True when the words of a request come only after a word that opens a clause of
    time ("before", "after") past the start of the sentence: "... for the officers before
    the new hires start" tells when, and asks nothing of the new hires."""
    for word in rules.language.intent.time_clauses:
        at = low.find(f" {word.lower()} ")
        if 0 < at < first:
            return True
    return False


def _names_officer(sentence: str, rules: Rules) -> bool:
    """True when ``sentence`` names an officer by a rank word and a name, or his number."""
    from mailbot.intake.intent import names_ranked

    return names_ranked(sentence, rules)
