"""The name an officer has now when a change tells that it changed ("She came to us from
St. Albans PD, where she was Amy Roe (LEO 2R650) - she changed her name last fall" under
"Amy Lane has joined us"): the same first name written with another last name than the
one beside the record's number; and the username made from that name ("her new username
is alane"), not the old one written beside it."""

from __future__ import annotations

import re

from mailbot.intake.change_logins import login_beside, new_login
from mailbot.intake.model import Officer
from mailbot.intake.prose import POSSESSIVE_END, rank_title
from mailbot.intake.prose_officers import not_a_name
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation, has_any


def renamed_to(text: str, officer: Officer, rules: Rules) -> str | None:
    """The last name ``text`` gives the officer now, after words telling that his name
    changed: his first name written before another last name than his record's, one
    only; else None."""
    first, last = officer.first_name, officer.last_name
    if not first or not last or not has_any(text, rules.language.intent.renamed):
        return None
    pattern = rf"(?<![\w'’-]){re.escape(first)}[ \t]+([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?![\w'’-])"
    # "Erin Caswell (formerly Erin Mayo)": the name in the bracket is the one she had
    told = _former_bracket(rules).sub(" ", text[:20000])
    # "Deputy Erin Caswell was formerly Erin Mayo in TraCS": so is the one after the words
    told = _former_named(rules).sub(" ", told)
    # "Ben Okafor's username changed": his own last name, in the possessive
    said = {POSSESSIVE_END.sub("", m.group(1)) for m in re.finditer(pattern, told)}
    others = {
        word
        for word in said
        if word.casefold() != last.casefold()
        and not rank_title(word, rules)
        and not not_a_name(word, rules)
    }
    return others.pop() if len(others) == 1 else None


@per_rules
def _former_bracket(rules: Rules) -> re.Pattern[str]:
    """A bracket giving the value a record had before ("(formerly Erin Mayo)", "(née
    Roy)"), by the words of ``former_value_words``."""
    either = alternation(rules.columns.detection.former_value_words, blank=" ")
    return re.compile(rf"\((?i:{either})(?::|\s)[^()\n]{{1,60}}\)")


@per_rules
def _former_named(rules: Rules) -> re.Pattern[str]:
    """The name after words giving the one a record had before, outside brackets ("was
    formerly Erin Mayo", "maiden name Mayo"), by the words of ``renamed_from``."""
    either = alternation(rules.language.intent.renamed_from, blank=" ")
    name = r"[A-Z][\w'’-]{0,40}(?:[ \t]+[A-Z][\w'’-]{0,40}){0,2}"
    return re.compile(rf"(?<![\w'’-])(?i:{either})[ \t]*:?[ \t]+{name}")


def login_now(text: str, officer: Officer, last_now: str | None) -> str | None:
    """The username ``text`` gives the officer, made from the last name he has now
    (``last_now``) before one made from his record's."""
    if last_now and last_now != officer.last_name:
        renamed = officer.model_copy(update={"last_name": last_now})
        found = new_login(text, renamed) or login_beside(text, renamed)
        if found:
            return found
    return new_login(text, officer) or login_beside(text, officer)


def bracketed_first(text: str, last: str | None, rules: Rules) -> str | None:
    """ "Cpl Ruiz (Anthony) retired": the one capitalised word in brackets right after
    the last name is his first name, when it is no rank and no other word."""
    if not last:
        return None
    pattern = rf"(?<![\w'’-]){re.escape(last)}[ \t]*\(([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\)"
    m = re.search(pattern, text[:20000])
    if m is None or rank_title(m.group(1), rules) or not_a_name(m.group(1), rules):
        return None
    return m.group(1)


# "Tara Jennings is now Tara Jennings-Roy": a first name and last name, then the same
# first name with the last name she has now
_NOW_CALLED = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’]+)[ \t]+([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]+"
    r"(?i:is[ \t]+now(?:[ \t]+known[ \t]+as)?|now[ \t]+goes[ \t]+by|will[ \t]+now[ \t]+be)"
    r"[ \t]+\1[ \t]+([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?![\w'’-])"
)


def renamed_named(text: str, rules: Rules) -> Officer | None:
    """The officer a sentence names twice, by the name on his record and then by the one
    he has now ("Tara Jennings is now Tara Jennings-Roy"), with the name on his record;
    else None."""
    m = _NOW_CALLED.search(text)
    if m is None or m.group(2) == m.group(3):
        return None
    if rank_title(m.group(1), rules) or not_a_name(m.group(1), rules):
        return None
    return Officer(first_name=m.group(1), last_name=m.group(2))
