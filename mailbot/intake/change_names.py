"""Who a roster change is about, from the words right before its officer number: a
last name alone ("Remove Smith VT233") or a title and name ("Deputy Cody Lambert, RC058").
"""

from __future__ import annotations

import re

from mailbot.intake.change_values import _NAME, _has
from mailbot.intake.prose import NAME_LETTERS, PERSON_WORD, person, rank_title
from mailbot.intake.rules import Rules, per_rules

_SURNAME_BEFORE = re.compile(rf"(?<![\w.'’-])({NAME_LETTERS})[ \t]*[,:]?[ \t]*$")


def surname_before(text: str, rules: Rules) -> dict[str, str]:
    """ "Remove Smith VT233": the one capitalised word right before the number, when it
    is no rank, action or instruction word, is the officer's last name."""
    m = _SURNAME_BEFORE.search(text[-40:])
    if m is None or len(m.group(1)) < 2:
        return {}
    word = m.group(1)
    low = word.lower()
    words = rules.language.intent
    if (
        rank_title(word, rules) is not None
        or low in instruction_words(rules)
        or low in words.deactivate_openers
        or low in rules.language.rows.number_labels  # "Officer Number: 4Q718": a label
        or _has(word, words.add + words.deactivate + words.promote + words.transfer)
    ):
        return {}
    return {"last_name": word}


def named_before(text: str, end: int, rules: Rules) -> dict[str, str | None]:
    """Title and name of "Deputy Cody Lambert" or "Tyler Benoit, RC058" before ``end``."""
    head = text[:end]
    runs = list(re.finditer(_NAME, head))
    for at in range(len(runs) - 1, -1, -1):
        run = runs[at]
        words = _last_sentence_words(run.group(0).split(), rules)
        if words is None:
            continue  # "... in TraCS. His LEO number is": no name in this run
        if _a_place(head, run, rules):
            continue  # "coming to us from Winooski PD": the agency he comes from
        while words and words[0].lower().strip(".,") in instruction_words(rules):
            words = words[1:]
        while words and words[-1].lower().strip(".,:#") in _NUMBER_WORDS:
            words = words[:-1]  # "Stephen. Number 2B903": the number's label
        owner = next((i for i, w in enumerate(words) if _OWNS.search(w)), None)
        if owner is not None:  # "Deputy Crowley's DPS username": the name ends at "'s"
            words = [*words[:owner], _OWNS.sub("", words[owner])]
        if words and words[-1].endswith(".") and not rank_title(words[-1], rules):
            continue  # a sentence's last word, not a name before the number
        if not words:
            continue
        named = _named_to_rank(head, runs[at - 1], run) if at and len(words) > 1 else None
        if named and _rank_alone(words, rules):
            words = named  # "Ann Roy is appointed Patrol Officer": her name, before her rank
        title, first, last = person(" ".join(words), rules)
        if title and not last and _rank_and_surname(words, rules):
            last = words[1]  # "he's Sergeant Bombard now. ... His LEO number is": rank, surname
        if last:
            return {"title": title, "first_name": first, "last_name": last}
    return {}


# "is appointed", "was named": the words between a name and the rank it takes
_VERB_GAP = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){1,3}")


def _named_to_rank(head: str, before: re.Match[str], run: re.Match[str]) -> list[str] | None:
    """The words of the full name ``before`` when only a verb's words ("is appointed")
    lie between it and ``run``, else None."""
    named = before.group(0).split()
    if len(named) < 2 or not _VERB_GAP.fullmatch(head[before.end() : run.start()]):
        return None
    return named


def _rank_alone(words: list[str], rules: Rules) -> bool:
    """True when ``words`` are a rank and the words that qualify one ("Patrol Officer")."""
    modifiers = {w.lower() for w in rules.language.people.rank_modifiers}
    bare = [w.strip(".,") for w in words]
    ranked = [w for w in bare if rank_title(w, rules)]
    return bool(ranked) and all(w in ranked or w.lower() in modifiers for w in bare)


_OWNS = re.compile(r"['’]s$")
_PRONOUNS = frozenset({"his", "her", "their", "he", "she", "they"})
_SHORT_NAME_WORDS = frozenset({"st", "mt", "ft", "jr", "sr", "dr"})  # "Mary Ann St. Pierre"


def _last_sentence_words(words: list[str], rules: Rules) -> list[str] | None:
    """The words of a run of capitalised words that belong to the number after it: a run
    crossing a sentence end ("Ben Arsenault. His VT LEO") keeps the sentence after it,
    unless that sentence opens with "His"/"Her", which speaks of the person named just
    before ("Ben Arsenault"); None when that is no full name ("TraCS. His LEO")."""
    for i in range(len(words) - 2, -1, -1):
        key = words[i].rstrip(".").lower()
        # "... FOR WOLCOTT PD. JESSICA ROY": a two-letter word ends a long sentence too
        long_ = len(key) > 2 or (i >= 3 and len(key) == 2 and key not in _SHORT_NAME_WORDS)
        long_ = long_ or key in _short_forms(rules)  # "... for Wolcott PD. Jessica Roy"
        # "... as a Police Officer. His VCJTC certification": a pronoun opens the next one
        said_of = words[i].endswith(".") and words[i + 1].lower() in _PRONOUNS
        ends = words[i].endswith(".") and long_ and not rank_title(words[i], rules)
        if not (ends or said_of):
            continue
        if not ends:
            return None  # the rank ends the sentence before: his name is before it
        after = words[i + 1 :]
        if after[0].lower() not in _PRONOUNS:
            return after
        before = [w.rstrip(".") if j == i else w for j, w in enumerate(words[: i + 1])]
        start = max(
            (j + 1 for j in range(i) if words[j].endswith(".") and len(words[j]) > 3), default=0
        )
        named = before[start:]
        return named if len(named) >= 2 else None
    return words


def _rank_and_surname(words: list[str], rules: Rules) -> bool:
    """True for "Sergeant Bombard": a rank, then one word that is no pronoun or instruction
    word ("Corporal. She will be" ends one sentence and opens the next)."""
    if len(words) != 2 or not rank_title(words[0], rules):
        return False
    if words[0].endswith(".") and len(words[0]) > 5:
        return False
    if rank_title(words[1], rules) or rank_title(" ".join(words), rules):
        return False  # "she'll be Deputy Sheriff, officer number ...": a title only
    low = words[1].lower()
    return low not in _PRONOUNS and low not in instruction_words(rules)


_FROM_BEFORE = re.compile(r"\b(?i:from|at|with)[ \t]+(?:(?i:the)[ \t]+)?$")


def _a_place(text: str, run: re.Match[str], rules: Rules) -> bool:
    """True when a run of capitalised words names an agency, not a person: after "from"
    ("from Winooski PD") or ending with a word like "PD" or "Police" (not a rank:
    "Deputy Sheriff Nora Blaise" is a person)."""
    words = run.group(0).split()
    ends = [w for w in words[:-1] if w.endswith(".") and len(w) > 4 and not rank_title(w, rules)]
    if ends:
        return False  # "... Department. Officer Tyler Rushford": two sentences' words
    if _FROM_BEFORE.search(text[max(0, run.start() - 12) : run.start()]):
        return True
    last = words[-1].strip(".,;:")
    return last.lower() in _place_words(rules) and rank_title(last, rules) is None


def names_a_place(text: str, name: str | None, rules: Rules) -> bool:
    """True when ``name`` (a word the reader took for a name) stands in ``text`` only in
    runs that name an agency ("Winooski" of "from Winooski PD")."""
    if not name:
        return False
    from mailbot.intake.prose import sentences

    runs = [
        (sentence, r)
        for sentence in sentences(text)
        for r in re.finditer(_NAME, sentence)
        if name in r.group(0).split()
    ]
    return bool(runs) and all(_a_place(sentence, r, rules) for sentence, r in runs)


@per_rules
def _place_words(rules: Rules) -> frozenset[str]:
    """Words that make a run of capitalised words an agency ("Barre City PD")."""
    return frozenset(w.lower() for w in rules.language.evidence.agency_place_words)


@per_rules
def _short_forms(rules: Rules) -> frozenset[str]:
    """Short forms that end an agency's name ("PD"), lower-case and without stops."""
    return frozenset(w.lower().replace(".", "") for w in rules.language.people.agency_abbreviations)


_NUMBER_WORDS = frozenset({"number", "no", "num", "leo", "badge", "id", "vt", "#", ""})
_RECORD_WORDS = frozenset({"record", "records", "account", "user", "username", "login", "is"})


@per_rules
def instruction_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.people.instruction_words) | {
        "please", "in", "her", "his", "we", "hired", "new", "our",
    }  # fmt: skip


# "pls deactivate ofc tran WN4T2": a rank and a last name typed in lower case
_LOWER_RANKED = re.compile(
    r"(?<![\w.])([a-z]{2,10})\.?[ \t]+([a-z][a-z'’-]{1,30})[ \t]*(?:,[ \t]*)?$"
)


def lower_ranked_before(text: str, rules: Rules) -> dict[str, str]:
    """Title and last name of "ofc tran" right before the officer number."""
    m = _LOWER_RANKED.search(text[-50:])
    if m is None or rank_title(m.group(1), rules) is None:
        return {}
    word = m.group(2)
    words = rules.language.intent
    if (
        rank_title(word, rules)
        or word in instruction_words(rules) | _NUMBER_WORDS | _RECORD_WORDS
        or _has(word, words.add)
    ):  # "officer number 2PG07" names no one
        return {}
    return {"title": rank_title(m.group(1), rules) or "", "last_name": word.capitalize()}


_RANKS = (
    r"(?:Officer|Ofc\.?|Sergeant|Sgt\.?|Corporal|Cpl\.?|Lieutenant|Lt\.?|Captain|Capt\.?|"
    r"Detective|Det\.?|Deputy|Dep\.?|Trooper|Tpr\.?|Patrolman|Ptl\.?|Constable|Chief)"
)
_RANKED = re.compile(rf"\b((?i:{_RANKS}))[ \t]+({PERSON_WORD}(?:[ \t]+{PERSON_WORD}){{1,2}})")


def _ranked_near(text: str, end: int | None) -> re.Match[str] | None:
    """The officer named by rank last before ``end`` (the officer number), else the first
    ("This is Constable Gary Fontaine ... our constable Jodi Larocque (number 66350)")."""
    found = None
    for m in _RANKED.finditer(text):
        if end is not None and m.start() >= end:
            break
        found = m
        if end is None:
            break
    return found or _RANKED.search(text)


# 'Ofc. "Jon" Cioffi': the name he goes by, quoted between his rank and last name
# (after his first name, 'Raymond "Ray" Costello', it is left out)
_QUOTED_NAME = re.compile(r"(?<=[\w.] )[\"“'‘]([A-Z][a-z'’-]+)[\"”'’](?= [A-Z])")
_WORD_BEFORE = re.compile(r"([\w.]+) $")


def _unquote(text: str, rules: Rules) -> str:
    def keep(m: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        ranked = before is not None and rank_title(before.group(1), rules) is not None
        return m.group(1) if ranked or before is None else "\0"

    return _QUOTED_NAME.sub(keep, text).replace("\0 ", "")
