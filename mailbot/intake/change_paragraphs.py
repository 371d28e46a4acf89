"""Paragraphs of a roster-change message that go on telling of one officer: "Deputy Ann
Roy (AB123) has come over to us from the Dover Police Department." then, a paragraph
below, "Please move her record to our agency and change her title to Deputy." The second
names no officer and speaks of "her": what it asks is asked of the officer above."""

from __future__ import annotations

import re

from mailbot.intake.change_actions import _action
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_officer import officer_named
from mailbot.intake.model import Officer
from mailbot.intake.prose import NAME_LETTERS, rank_title, sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any

_PRONOUN = re.compile(r"\b(?i:his|her|he|she)\b")


def told_on(items: list[tuple[str, bool]], rules: Rules) -> list[tuple[str, bool]]:
    """``items`` (from :func:`change_items.marked_items`) with each paragraph that asks
    something of "him" or "her", names no officer of its own and follows a paragraph
    naming one officer by his number, joined to that paragraph."""
    out: list[tuple[str, bool]] = []
    for item, listed in items:
        if out and not listed and not out[-1][1] and _goes_on(out[-1][0], item, rules):
            out[-1] = (f"{out[-1][0]} {item}", False)
            continue
        out.append((item, listed))
    return out


def _goes_on(above: str, item: str, rules: Rules) -> bool:
    numbers = {n.upper() for n in _NUMBER.findall(above)}
    if len(numbers) != 1 or above.rstrip().endswith(":"):
        return False
    if any(n.upper() not in numbers for n in _NUMBER.findall(item)):
        return False
    said = sentences(item)
    opening = said[0] if said else ""
    if not _PRONOUN.search(opening) or officer_named(opening, rules) is not None:
        return False
    if _names_someone(opening, rules):
        return False  # "... a rank change for Odette Marchand and her tickets ..."
    return _action(item, rules, None) is not None


def about(group: str, officer: Officer, rules: Rules) -> str:
    """``group`` without the sentences that count the changes asked or point at the
    attachment that asks them, and neither name ``officer`` (named without a number) nor
    speak of "him" or "her": "Attached is our roster update. Chief Ann Roy asked me to
    send it. Two new officers and one retirement." asks nothing of the chief."""
    if officer.officer_number or not officer.last_name:
        return group
    words = rules.language.intent
    changing = words.add + words.deactivate + words.promote + words.transfer
    last = officer.last_name.lower()
    kept = [
        s
        for s in sentences(group)
        if last in s.lower()
        or _PRONOUN.search(s)
        or not has_any(s, changing)
        or not (_counts(s, rules) or has_any(s, words.sent_attached))
    ]
    return " ".join(kept)


def _counts(sentence: str, rules: Rules) -> bool:
    """True when ``sentence`` counts things in words ("two new officers, one promotion")."""
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
    return bool(said & {w.lower() for w in rules.language.dictation.digits} - {"zero", "oh", "o"})


_NAME_PAIR = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+)[ \t]+[A-Z][a-z'’-]+")


def _names_someone(text: str, rules: Rules) -> bool:
    """True when ``text`` names a person by two capitalised words, neither an agency's
    name ("Orange County Sheriff's Department") nor a title ("Deputy Sheriff")."""
    from mailbot.intake.agency_name import _agency_name_re

    bare = _agency_name_re(rules).sub(" ", text)
    return any(not rank_title(m.group(1), rules) for m in _NAME_PAIR.finditer(bare))


_BACK = re.compile(r"\b(?i:his|her|their|he|she)\b")


def speaks_back(lead: str, sentence: str, rules: Rules) -> bool:
    """True when ``lead`` (the words before a number) speaks of "him" or "her" before
    naming anyone: the officer told of before ("She's ST027"), not one the sentence
    names first ("The new constable is Jo Roy, his number is ...")."""
    pronoun = _BACK.search(lead)
    if pronoun is None:
        return False
    now = officer_named(sentence, rules)
    last = now.last_name if now else None
    return not (last and last in lead[: pronoun.start()])


# a first name and a last name, "Asante-Mensah" and "O'Sullivan" whole
_PAIR = re.compile(rf"(?=(?<![\w'’.-])([A-Z][a-z'’-]+)[ \t]+({NAME_LETTERS})(?![\w'’-]))")


def names_another(sentence: str, group: str, rules: Rules) -> bool:
    """True when ``sentence`` names by first and last name an officer ``group`` does
    not name and asks a change of him ("Also Ron Cheney made Sergeant last week" after
    a new officer's sentences): another officer's change, not more about the first."""
    from mailbot.intake.agency_name import _agency_name_re
    from mailbot.intake.change_names import instruction_words

    told = set(re.findall(r"[\w'’-]+", group))
    bare = _agency_name_re(rules).sub(" ", sentence)
    not_names = instruction_words(rules)
    for m in _PAIR.finditer(bare):
        if _BACK.search(bare[: m.start()]):
            return False  # "please change his title ... to Shift Commander": still him
        first, last = m.group(1), m.group(2)
        if rank_title(first, rules) or rank_title(last, rules):
            continue
        if first.lower() in not_names or first in told or last in told:
            continue
        return _action(sentence, rules, None) is not None
    return False
