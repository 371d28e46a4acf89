"""Cells that say their value is not given ("TBD", "(not set up yet)", "pending
academy", "TBD - ADS account pending"): the field is left out, not read as a value."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules, per_rules_text

_NOT_YET = (
    r"^\(?(?:still\s+|yet\s+)?(?:not\b[\w\s]{{0,30}}|none\b.{{0,20}}|(?:pending|awaiting|waiting)\b.{{0,60}}|unknown"
    # "TBD - ADS account pending": not given, then why
    r"|tbd(?:\s*[-–—:,(]\s*[a-z][^()]{{0,60}})?"
    r"|n/a|to\s+follow"
    # "(needs account)", "no DPS acct yet": the account still to be made
    r"|(?:needs?|requires?)\s+(?:an?\s+|new\s+)?(?:dps\s+)?(?:{accounts}|one)(?!\w).{{0,30}}"
    r"|no\s+(?:dps\s+)?(?:{accounts})(?!\w).{{0,30}}"
    # "(academy - not assigned yet)": why, then that it is not given yet
    r"|[a-z][\w ]{{0,25}}?\s*[-–—:,]\s*(?:still\s+)?not\s+(?:yet\s+)?"
    r"(?:assigned|issued|given|set\s+up|created)\b.{{0,20}}"
    # "(account still being set up)"
    r"|(?:[a-z]+\s+){{0,2}}(?:still\s+)?being\s+"
    r"(?:set\s+up|created|requested|processed|issued)\b.{{0,30}}"
    r"|\?+)\)?$"
)


@per_rules
def _not_yet(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.labels.placeholders.accounts, key=len, reverse=True)
    accounts = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in words) or "account"
    return re.compile(_NOT_YET.format(accounts=accounts), re.I)


@per_rules_text  # the same cells are asked about by the list, table and row readers
def not_given(value: str, rules: Rules) -> bool:
    """True for a cell that says its value is not given: a placeholder ("TBD", "n/a"), or
    words such as "(not set up yet)", "none yet", "pending academy", or a remark on why
    it is not there yet ("(pending - account requested Monday)")."""
    low = value.strip().lower()
    if low and not any(ch.isalnum() for ch in low):
        return True  # "*", "--", "—": a mark in the cell (a footnote's star), no value
    placeholders = placeholder_words(rules)
    return (
        low in placeholders
        or low.strip("()") in placeholders
        or bool(_not_yet(rules).match(low))
        or bool(_opens_not_yet(rules).match(low))
        or _reason_then_not_given(low, rules)
    )


# A reason of two words or more, then a cell saying the value is not given ("new hire -
# none yet", "part-time academy, no username yet").
_REASON = re.compile(r"^\(?([a-z][a-z'\s]*?\s[a-z][a-z'\s]*?)\s*[-–—:,;(]\s*(.+?)\)?$")


def _reason_then_not_given(low: str, rules: Rules) -> bool:
    m = _REASON.match(low)
    return m is not None and not_given(m.group(2), rules)


# What parts a placeholder from its reason: a stop or bracket, a spaced dash, or a bare dash
# before a reason of words ("N/A-new hire"; "na-jones" is a login).
_REASON_MARK = r"(?:\s*[:,;(]|\s+[-–—]|[-–—]\s|[-–—](?=[a-z]+\s))"


@per_rules
def _opens_not_yet(rules: Rules) -> re.Pattern[str]:
    """A cell opened by words saying the value is still to come ("applied for", "doesn't
    have one yet, will send when he gets it"), or by a placeholder before a reason ("N/A -
    new hire", "TBD (academy)"); a login that merely starts with those letters ("tbdavis",
    "napier") is not one; the officer may be its subject ("he doesn't have one yet")."""
    said = sorted(rules.labels.placeholders.not_yet, key=len, reverse=True)
    marks = sorted(
        (p for p in placeholder_words(rules) if p.strip("()") and any(c.isalnum() for c in p)),
        key=len,
        reverse=True,
    )
    said_re = "|".join(_words(w) for w in said) or "(?!)"
    # "he does not have one yet": the officer spoken of, then that it is still to come
    subjects = sorted(rules.labels.placeholders.not_yet_subjects, key=len, reverse=True)
    subject_re = "|".join(_words(w) for w in subjects)
    if subject_re:
        said_re = rf"(?:(?:{subject_re})\s+)?(?:{said_re})"
    marks_re = "|".join(_words(w.strip("()")) for w in marks) or "(?!)"
    return re.compile(
        rf"^\(?(?:(?:{said_re})(?![\w/])|(?:{marks_re}){_REASON_MARK}\s*[a-z(])", re.I
    )


def _words(phrase: str) -> str:
    """A phrase's words, however spaced, with any apostrophe (straight or curly)."""
    return re.escape(phrase.lower()).replace(r"\ ", r"\s+").replace("'", "['’]?")


@per_rules
def placeholder_words(rules: Rules) -> frozenset[str]:
    return frozenset(p.lower() for p in rules.labels.placeholders.values)


_TEMPLATE_SLOT = re.compile(r"\[[^\[\]\d@\n]{2,40}\]|<[^<>\d@\n]{2,40}>")


def template_slot(value: str) -> bool:
    """True for a sample form's slot left as it was sent ("[Agency Name]", "<phone>"):
    words in square or angle brackets alone, no value."""
    return _TEMPLATE_SLOT.fullmatch(value.strip()) is not None
