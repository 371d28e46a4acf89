"""The head of department named in full where the text gives him his part in the
request: he authorises it or names the writer to it ("per SOP, Chief Ann Roy
authorized", "Chief Ann Roy has designated me as the e-ticket point of contact"), the
writer sends it for him ("I'm the IT coordinator, sending this for Chief Ann Roy"), or he
is appointed the head ("The Selectboard has appointed Lieutenant Ann Roy as Chief of
Police"), who then heads the agency whoever signs.

Pure functions over the text of a message; the words come from ``rules/language.toml``
(``[people]`` ``head_authority_verbs``, ``head_sent_for_verbs``, ``head_appointed_verbs``).
"""

from __future__ import annotations

import re

from mailbot.intake.head_in_text import _not_head_before
from mailbot.intake.head_in_words import head_titles
from mailbot.intake.head_of_department import is_agency_or_title
from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import may_hold, needles

_NAME = r"[A-Z][a-z'’-]++(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]++){1,2}"
"""A person's name in full: a first name, a middle initial or not, one or two surnames."""
_RANKED_NAME = r"(?:[A-Z][a-z]{1,12}\.?[ \t]+)?" + _NAME
"""The name with a rank word before it ("Lieutenant Ann Roy", "Sgt. Ann Roy")."""


_LINE_WRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")
"""A line break inside a paragraph (not a blank line between two)."""


def _alt(words: list[str]) -> str:
    """The alternation of ``words``, longest first, blanks matching any blanks."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"


@per_rules
def _acts_re(rules: Rules) -> re.Pattern[str]:
    _, alt = head_titles(rules)
    people = rules.language.people
    verbs = _alt(people.head_authority_verbs)
    sends = _alt(people.head_sent_for_verbs)
    appoints = _alt(people.head_appointed_verbs)
    title = rf"(?P<title>{alt})"
    tail = r"(?![\w'’-])(?!['’]s\b)"
    return re.compile(
        # "Chief Ann Roy authorized", "Chief Ann Roy (cc'd) has designated me"
        rf"(?<![\w'’.-]){title}\.?[ \t]+(?P<name>{_NAME})(?:[ \t]*\([^()\n]{{1,20}}\))?"
        rf"(?:[ \t]*,)?\s+(?:has\s+|had\s+)?(?i:{verbs})(?![\w'’-])"
        # "Our Chief Inspector, Ann Roy, has approved": the name set off after the title
        rf"|(?<![\w'’-])(?i:our|the)[ \t]+(?P<title5>{alt}),[ \t]*(?P<name5>{_NAME}),"
        rf"\s+(?:has\s+|had\s+)?(?i:{verbs})(?![\w'’-])"
        # "sending this for Chief Ann Roy", "writing for Sheriff Ann Roy"
        rf"|\b(?i:{sends})(?:[ \t]+[a-z]{{1,12}}){{0,3}}?[ \t]+for[ \t]+(?:our[ \t]+|the[ \t]+)?"
        rf"(?P<title2>{alt})\.?[ \t]+(?P<name2>{_NAME}){tail}"
        # "has appointed Lieutenant Ann Roy as Chief of Police"
        rf"|\b(?i:{appoints})[ \t]+(?P<name3>{_RANKED_NAME})\s+(?:as|to)\s+"
        rf"(?i:the\s+|our\s+)?(?i:new\s+|next\s+)?(?P<title3>{alt}){tail}"
        # "Ann Roy has been appointed Chief of Police"
        rf"|(?<![\w'’.-])(?P<name4>{_RANKED_NAME})\s+(?:has|have|had|will)\s+been\s+"
        rf"(?i:{appoints})\s+(?:as\s+|to\s+)?(?i:the\s+|our\s+)?(?i:new\s+|next\s+)?"
        rf"(?P<title4>{alt}){tail}"
    )


@per_rules
def _acts_words(rules: Rules) -> tuple[str, ...]:
    """The verbs of :func:`_acts_re`, lower-cased: one of them is in every match."""
    people = rules.language.people
    verbs = [*people.head_authority_verbs, *people.head_sent_for_verbs]
    return needles([*verbs, *people.head_appointed_verbs])


def head_acting(body: str, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of a head named in full who authorises the request or names its
    writer, is the one it is sent for, or is appointed the head; else (None, None). Not
    a title made another's by the word before it ("Deputy Chief Ann Roy approved") or
    the rank after it ("as Chief Deputy")."""
    if not may_hold(body, _acts_words(rules)):
        return None, None  # none of the verbs every wording of the pattern needs
    titles, _ = head_titles(rules)
    body = _LINE_WRAP.sub(" ", body)  # "appointed Captain\nMira Odenkirk": one sentence
    for m in _acts_re(rules).finditer(body):
        n = next(i for i in ("", "2", "3", "4", "5") if m.group("title" + (i or "")) is not None)
        title = m.group("title" + n)
        name = m.group("name" + (n or ""))
        before = body[max(0, m.start("title" + n) - 30) : m.start("title" + n)].split()
        if before and before[-1].strip(".,").lower() in _not_head_before(rules):
            continue  # "Assistant Chief Ann Roy approved"
        after = body[m.end("title" + n) : m.end("title" + n) + 30].split()
        if after and after[0].strip(".,").lower() in rules.language.people.ranks:
            continue  # "as Chief Deputy"
        _, words = split_rank(name.split(), rules)
        if len(words) < 2 or rank_title(words[0], rules) is not None:
            continue
        if is_agency_or_title(words, rules):
            continue
        said = next((t for t in titles if t.lower() == " ".join(title.lower().split())), title)
        return " ".join(words), said
    return None, None
