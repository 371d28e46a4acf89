"""The head of department of an enrolment a reply answers for, when the writer of the
reply is not the head: the one whose request it was, as the reply says ("Everything else
was in Chief Hanley's original email") or as the desk's quoted answer greets him
("Sheriff Boyce," over "Your request for Lamoille County Sheriff's Department is nearly
complete"), unless the request itself is quoted under it. The SOP has the head send
the request, so the one the desk writes back to by a head title, or whose request the
reply points to, is the head.
"""

from __future__ import annotations

import re

from mailbot.intake.head_of_department import is_head_title
from mailbot.intake.own_thread import is_desk, own_messages, thread
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import alternation

_SURNAME = r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?"


def head_addressed(body: str, parts: MessageParts, rules: Rules) -> tuple[str | None, str | None]:
    """(name, title) of the head whose request the reply answers for, or (None, None)."""
    m = _request_of(rules).search(body)
    if m and is_head_title(m.group(1), rules):
        return m.group(2), _titled(m.group(1), rules)
    if own_messages(parts):
        return None, None  # the request itself, quoted, says who heads the agency
    for message in thread(parts):
        if not is_desk(message.author):
            continue
        first = next((line.strip() for line in message.text.split("\n") if line.strip()), "")
        m = _greeting(rules).fullmatch(first)
        if m and is_head_title(m.group(1), rules):
            return m.group(2), _titled(m.group(1), rules)
        break
    return None, None


def _titled(title: str, rules: Rules) -> str:
    """The head title as the head list writes it ("sheriff" -> "Sheriff")."""
    low = title.lower().rstrip(".")
    return next((t for t in rules.language.people.head_titles if t.lower() == low), title)


def _titles(rules: Rules) -> str:
    titles = sorted(rules.language.people.head_titles, key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles)


@per_rules
def _greeting(rules: Rules) -> re.Pattern[str]:
    """The desk's greeting line to a head by title and surname ("Sheriff Boyce,", "Dear
    Chief Hanley:"), its greeting one of ``greetings`` of the rules."""
    hello = alternation(rules.language.people.greetings, r"[ \t]+")
    return re.compile(
        rf"(?:(?i:{hello})[ \t]+)?((?i:{_titles(rules)}))[ \t]+({_SURNAME})[ \t]*[,:]?"
    )


@per_rules
def _request_of(rules: Rules) -> re.Pattern[str]:
    """A head by title and surname, then the request that was his ("Chief Hanley's
    original email")."""
    nouns = "|".join(re.escape(w) for w in rules.language.people.head_request_words)
    return re.compile(
        rf"(?<![\w-])((?i:{_titles(rules)}))[ \t]+({_SURNAME})['’]s[ \t]+"
        rf"(?:(?i:original|first|earlier|initial)[ \t]+)?(?i:{nouns})\b"
    )
