"""What a message says of an officer beside the item that asks his change, read as a clerk
completes the change: the ranked name heading his labelled lines ("Officer Tyler J.
Brassard" over "Title:", "VT LEO #:", "DPS username:"), the first name he is legally
given over the one he goes by ("Ofc Becca Tourville ... Legal first name is Rebecca"),
and a username said of him in so many words ("her DPS log in was changed over to
acolby", "so does his DPS username (bpratt)", "our IT set him up as tnolan2"), and the
first name written before his last name elsewhere ("Update Lt. Roy's record (X47)" under
"... has appointed Lieutenant Ann Roy to succeed me").
"""

from __future__ import annotations

import re

from mailbot.intake.change_titles import rank_run
from mailbot.intake.change_usernames import not_a_user
from mailbot.intake.prose import person, rank_title, sentences
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import may_contain

_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?)$")
_USER = r"((?:[A-Za-z]{2,15}\\)?[a-z][a-z0-9._-]{1,29})"


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def heading_name(paragraph: str, rules: Rules) -> tuple[str | None, str, str] | None:
    """(title, first, last) of the one line of ``paragraph`` that is a ranked full name
    alone ("Officer Tyler J. Brassard"), the heading of the lines under it; else None."""
    found = []
    for line in paragraph.split("\n"):
        words = line.split()
        if not 3 <= len(words) <= 6 or re.search(r"[\d:@,;|]", line):
            continue
        title, first, last = person(line.strip(), rules)
        if not title or not first or not last:
            continue
        rest = f"{first} {last}".split()
        if all(_NAME_WORD.match(w) for w in rest) and len(rest) < len(words):
            found.append((title, first, last))
    return found[0] if len(found) == 1 else None


def paragraph_lines(text: str) -> list[list[str]]:
    """The sentences of each paragraph of ``text``."""
    return [sentences(p) for p in re.split(r"\n[ \t]*\n", text)]


@per_rules
def _full_first(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.gathered.full_first_name
    if not words:
        return None
    return re.compile(rf"(?i:{_alternation(words)})\s*[\"“']?([A-Z][a-z'’-]+)(?![\w'’-])")


def full_first_name(text: str, rules: Rules) -> str | None:
    """The first name ``text`` says he is legally given ("Legal first name is Rebecca")."""
    pattern = _full_first(rules)
    m = pattern.search(text) if pattern else None
    return m.group(1) if m else None


@per_rules
def _user_stated(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.gathered
    if not words.user_words or not words.user_links:
        return None
    links = _alternation([w for w in words.user_links if w != "("])
    bracket = r"|\(" if "(" in words.user_links else ""
    return re.compile(
        rf"(?<![\w-])(?i:{_alternation(words.user_words)})((?:[ \t]+[A-Za-z]+){{0,4}}?)"
        rf"[ \t]*(?:(?<=\s)(?i:{links})[ \t]+|[ \t]*(?:{bracket[1:] or '(?!)'})[ \t]*)"
        rf"[\"“']?{_USER}(?![\w@\\-])"
    )


@per_rules
def _set_up_as(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.gathered.set_up_as
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?i:{_alternation(words)})[ \t]+[\"“']?{_USER}(?![\w@\\-])")


def user_stated(text: str, rules: Rules) -> str | None:
    """The username ``text`` says in so many words is his: after the words for a login
    and ordinary words ("his DPS log in was changed over to acolby", "so does his DPS
    username (bpratt)"), or after words telling how his account was made ("set him up as
    tnolan2"); one only."""
    found = []
    stated, set_up = _user_stated(rules), _set_up_as(rules)
    for m in stated.finditer(text) if stated else ():
        between = m.group(1).split()
        if all(not_a_user(w, rules) for w in between) and not not_a_user(m.group(2), rules):
            found.append(m.group(2))
    for m in set_up.finditer(text) if set_up else ():
        if not not_a_user(m.group(1), rules):
            found.append(m.group(1))
    users = list(dict.fromkeys(u.lower() for u in found))
    return found[0] if len(users) == 1 else None


_WRONG_SPAN = 40
"""How far before a username the words calling it wrong may stand."""


@per_rules
def _wrong_words(rules: Rules) -> re.Pattern[str] | None:
    words = rules.language.gathered.wrong_user
    return re.compile(rf"(?<![\w-])(?i:{_alternation(words)})(?![\w-])") if words else None


def called_wrong(user: str, text: str, rules: Rules) -> bool:
    """True when ``text`` writes ``user`` shortly after words that make it the one his
    record wrongly has ("record was set up with username akesler")."""
    pattern = _wrong_words(rules)
    if pattern is None or not may_contain(text, user):
        return False
    for m in re.finditer(rf"(?<![\w\\.-]){re.escape(user)}(?![\w.-])", text, re.I):
        if pattern.search(text[max(0, m.start() - _WRONG_SPAN) : m.start()]):
            return True
    return False


def right_user(user: str, said: list[str], rules: Rules) -> str | None:
    """The username the sentences ``said`` of an officer give him in place of ``user``
    when one of them calls ``user`` the one his record wrongly has; one only."""
    if not any(called_wrong(user, text, rules) for text in said):
        return None
    others = {
        found.lower().rsplit("\\", 1)[-1]: found
        for text in said
        if (found := user_stated(text, rules))
        and found.lower().rsplit("\\", 1)[-1] != user.lower().rsplit("\\", 1)[-1]
    }
    return next(iter(others.values())) if len(others) == 1 else None


def rank_named(first: str | None, last: str, text: str, rules: Rules) -> str | None:
    """The title of the rank ``text`` writes right before the officer's name ("Deputy
    Chris Paradee is transferring ...", "Deputy Sheriff Paradee"); one only."""
    found = set()
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", text):
        words = text[max(0, m.start() - 60) : m.start()].split()
        if first and words and words[-1] == first:
            words = words[:-1]
        title = rank_run(words, rules, ending=True)
        if title:
            found.add(title)
    return found.pop() if len(found) == 1 else None


def first_named(last: str, said: list[str], rules: Rules) -> str | None:
    """The first name the sentences ``said`` of the officer write right before his last
    name ("Lieutenant Ann Roy"), when they write one only; a rank, an instruction or a
    job word there ("Update Roy", "Officer Roy") is none."""
    people = rules.language.people
    not_first = {w.lower() for w in (*people.instruction_words, *people.job_words)}
    found = set()
    pattern = rf"(?<![\w.'’-])([A-Z][a-z'’-]+)[ \t]+{re.escape(last)}(?![\w'’-])"
    for text in said:
        for m in re.finditer(pattern, text):
            first = m.group(1)
            if first.lower() not in not_first and rank_title(first, rules) is None:
                found.add(first)
    return found.pop() if len(found) == 1 else None
