"""Cells that say their value is not given ("TBD", "(not set up yet)", "pending
academy", "TBD - ADS account pending"): the field is left out, not read as a value."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules

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


def not_given(value: str, rules: Rules) -> bool:
    """True for a cell that says its value is not given: a placeholder ("TBD", "n/a"), or
    words such as "(not set up yet)", "none yet", "pending academy", or a remark on why
    it is not there yet ("(pending - account requested Monday)")."""
    low = value.strip().lower()
    if low and not any(ch.isalnum() for ch in low):
        return True  # "*", "--", "—": a mark in the cell (a footnote's star), no value
    placeholders = placeholder_words(rules)
    return (
        low in placeholders or low.strip("()") in placeholders or bool(_not_yet(rules).match(low))
    )


@per_rules
def placeholder_words(rules: Rules) -> frozenset[str]:
    return frozenset(p.lower() for p in rules.labels.placeholders.values)
