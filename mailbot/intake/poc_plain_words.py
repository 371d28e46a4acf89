"""The Point-of-Contact words written plainly before :mod:`poc_wording`'s wordings read
them: the program's other name as "e-ticket" ("TraCS point of contact"), the words
without quotation marks around them, a rank typed in lower case before a name written as
a rank, and without the words that only say when or for how long the role is held
("our new PoC")."""

from __future__ import annotations

import re

from mailbot.intake.label_spelling import one_typo
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation, word_start


@per_rules
def _program_re(rules: Rules) -> re.Pattern[str] | None:
    names = rules.language.evidence.poc_programs
    if not names:
        return None
    alt = alternation(names, r"[ \t]+")
    return re.compile(
        rf"(?<![\w-])(?:{alt})[ \t\n]+(?=(?:point[- \n]of[- \n]contact|PoC|contact|coordinator"
        r"|liaison)(?![\w-]))",
        re.I,
    )


def as_eticket(text: str, rules: Rules) -> str:
    """ "I'm the TraCS point of contact": the program's other name (``poc_programs`` of
    the rules) before the contact words written as "e-ticket", so the wordings read it."""
    program = _program_re(rules)
    return text if program is None else program.sub("e-ticket ", text)


_QUOTED_POC_WORDS = re.compile(
    r"(?<![\w])[\"“”‘'](e-?ticket(?:ing)?\s+(?:point[- ]of[- ]contact|PoC|contact|coordinator"
    r"|liaison)|point[- ]of[- ]contact|PoC|point\s+person)[\"“”’']",
    re.I,
)


def unquoted_poc_words(flat: str) -> str:
    """Our “e-ticket Point of Contact” will be ...: the PoC words without the quotation
    marks around them, so the wordings read them as written plainly."""
    return _QUOTED_POC_WORDS.sub(r"\1", flat)


@per_rules
def _lower_rank_re(rules: Rules) -> re.Pattern[str]:
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    # the same as "(?<![\w.'’-])(?:{alt})", quick to scan for (word_start)
    lead = word_start(ranks, r"\ ", cased=True, before=r"\w.'’-") or rf"(?<![\w.'’-])(?:{alt})"
    return re.compile(rf"({lead})(?=\.?\s+[A-Z][a-z])")


def ranks_capitalised(flat: str, rules: Rules) -> str:
    """ "PoC is officer Kristen Blow": a rank typed in lower case before a name is
    written as a rank ("Officer Kristen Blow"), so the name patterns see the person."""
    return _lower_rank_re(rules).sub(lambda m: m.group(1).capitalize(), flat)


@per_rules
def _qualifier_re(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.evidence.poc_qualifiers
    if not words:
        return None
    alt = alternation(words)
    return re.compile(
        rf"(?<![\w-])(?:{alt})\s+(?=(?:e-?ticket(?:ing)?\s+)?(?:point[- ]of[- ]contact|PoC"
        r"|point\s+person|contact|coordinator|liaison)(?![\w-]))",
        re.I,
    )


def unqualified(flat: str, rules: Rules) -> str:
    """ "Sgt. Ann Roy will be our new PoC", "... is the acting e-ticket Point-of-Contact":
    the PoC words without the words that only say when or how long (``poc_qualifiers`` of
    the rules), so the wordings read them as the plain role."""
    qualifier = _qualifier_re(rules)
    return flat if qualifier is None else qualifier.sub("", flat)


_POC_TYPED = re.compile(r"(?<![\w-])([A-Za-z]{4,6})([- ]of[- ])([A-Za-z]{6,8})(?![\w-])")
"""Three words shaped like "point of contact", any of them typed one letter wrong."""


def _respelled(word: str, known: str) -> str | None:
    """``known`` in the case ``word`` is typed in, when ``word`` is it or one typo off."""
    low = word.lower()
    if low != known and not one_typo(low, known):
        return None
    return known.upper() if word.isupper() else known.capitalize() if word[0].isupper() else known


def poc_words_respelled(text: str) -> str:
    """ "I will be the point of contatc too": the words "point of contact" typed with one
    letter wrong in a word (a letter changed, two swapped, one left out or typed twice;
    not "point of contract"), written as they are meant, so the wordings read them."""

    def fix(m: re.Match[str]) -> str:
        point, contact = _respelled(m.group(1), "point"), _respelled(m.group(3), "contact")
        if point is None or contact is None:
            return m.group(0)
        return f"{point}{m.group(2)}{contact}"

    return _POC_TYPED.sub(fix, text) if "of" in text.lower() else text
