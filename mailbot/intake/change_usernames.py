"""The DPS username one roster change gives: "username should be mdufresne", "has been
changed from lcarrier to lbeaudoin", "her DPS username was entered as "ltran2". It should
be LTran" (the next sentence's "it"), "(LM2S9, sobrien)" beside a deactivated officer's
number; never a plain word read where a username could stand ("username changes to").

Pure functions over the text of one item of a roster-change message (the rest of what a
change makes new: :mod:`mailbot.intake.change_values`).
"""

from __future__ import annotations

import re

from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules, per_rules

_USER_TO = re.compile(
    r"(?i:user\s*name|user\s*id|login|logon|dps\s+account)(?i:\s+too)?\s*"
    r"(?:(?i:(?:has\s+|was\s+|is\s+being\s+|is\s+|will\s+)?chang(?:ed|ing|es|e)\s+to|is\s+now"
    r"|(?:stays|remains|is)\s+the\s+same\s*[:(]|is|:|=|should\s+be"
    r"|will\s+be|to)\s*)?(?:[:\"“']\s*)?"
    r"((?:[A-Za-z]{2,15}\\)?[A-Za-z][\w.-]*[A-Za-z0-9](?:@[\w.-]+)?)(?!\w|['’][A-Za-z])"
)


# "username was set up as "lhaskin", it should be lhaskins": the value after "should be"
_USER_CORRECTED = re.compile(
    # "was entered as tdesroches; the correct one is tdesrochers": a clause on
    r"(?:(?i:user\s*name|user\s*id|login)\b"
    r"(?:[^.;\n]|[.;](?=\s*(?i:the\s+)?(?i:correct|right)\s+one\b)){0,80}?"
    # "should now be jlabounty"
    r"\b(?i:should\s+(?:now\s+)?be|should\s+read|is\s+now|changed\s+to|correct\s+one\s+is"
    r"|is\s+(?:actually|really|in\s+fact)"
    # "username is changing too, new one is klaframboise"
    r"|new\s+one\s+(?:is|will\s+be)"
    # "has been changed from lcarrier to lbeaudoin", "his actual domain login is DPS\jcournoy"
    r"|chang(?:ed|ing)\s+from\s+\S+\s+to"
    # "changed her DPS username from kbrzezinski to kvanderploeg"
    r"|from\s+\S+\s+to"
    # "the username was typed wrong. It is jmarcotte not jmarcott"
    r"|(?:wrong|incorrect|misspelled)[.;,]?\s+(?:it['’]?s|it\s+is|should\s+be))"
    # "so his actual DPS domain username is "lmcallist"" (no username said before it)
    r"|(?<!\w)(?i:(?:actual|real|correct|right|new)\s+(?:domain\s+|DPS\s+){0,2}"
    r"(?:user\s*name|login|user\s*id)\s+(?:is|will\s+be)))\s*(?:[:\"“']\s*)?"
    r"((?:[A-Za-z]{2,15}\\)?[A-Za-z][\w.-]*[A-Za-z0-9](?:@[\w.-]+)?)(?!\w|['’][A-Za-z])"
)


# "her DPS username was entered as "ltran2". It should be LTran (no 2 at the end)": the
# next sentence's "it" is the username, when it gives no other value beside it ("It
# should be Tremblay / jtremblay" corrects the name too)
_USER_FIXED_NEXT = re.compile(
    r"(?i:user\s*name|user\s*id|login)\b[^.;\n]{0,80}?[\"”']?[.;][ \t]+"
    r"(?i:it[ \t]+(?:should[ \t]+be|is)|it['’]s)[ \t]+[\"“']?"
    r"([A-Za-z][\w.-]{0,28}[A-Za-z0-9])(?![\w@\\/]|[ \t]*/|['’][A-Za-z])"
)


def _user_fixed_next(text: str, last: str | None) -> str | None:
    """The username the sentence after the one naming the login says it should be,
    when it is made from the officer's last name ("It should be LTran"), else None."""
    m = _USER_FIXED_NEXT.search(text)
    if m is None or not last or last.casefold() not in m.group(1).casefold():
        return None
    return m.group(1)


@per_rules
def _plain_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.formats.dps_username.plain_words)


def not_a_user(token: str, rules: Rules) -> bool:
    """True for a plain word read where a username could stand ("username changes to")."""
    return token.lower() in _plain_words(rules)


def _bare(user: str, rules: Rules) -> str:
    from mailbot.intake.tables import bare_username

    return bare_username(user.rstrip(".,;"), rules)


# "(LM2S9, sobrien)": a username in lower case after the number in brackets
_PAREN_USER = re.compile(
    r"\([ \t]*(?:(?i:leo|badge|officer)[ \t]*(?:#|no\.?)?[ \t]*)?#?[A-Za-z0-9]{5}[ \t]*[,;/][ \t]*"
    r"([a-z][a-z0-9._-]{1,29})[ \t]*\)"
)


def _beside(officer: Officer, text: str, rules: Rules) -> dict[str, str]:
    """The title and username of a deactivated officer, as the item gives them."""
    out = {"title": officer.title or "", "dps_username": officer.dps_username or ""}
    user = _USER_TO.search(text) or _PAREN_USER.search(text)
    if not out["dps_username"] and user and not not_a_user(user.group(1), rules):
        out["dps_username"] = _bare(user.group(1), rules)
    return {k: v for k, v in out.items() if v}
