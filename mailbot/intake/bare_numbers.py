"""An officer number written after a name with the bare word "number" ("Officer Dale
Brook number WC77 username dbrook"), in running text."""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
# "Officer Dale Brook number WC77 username dbrook": "number" right after a name
_BARE_NUMBER = re.compile(
    r"(?<=[a-zà-ÿ'’])[ \t]+number[ \t]+(?:is[ \t]+)?#?([A-Za-z0-9][A-Za-z0-9-]{1,11})(?![\w-])"
)
_NOT_A_NAME = frozenset({"phone", "fax", "cell", "case", "ticket", "account", "zip", "contact"})


def after_name(sentence: str) -> list[re.Match[str]]:
    """Mentions of a number written after a capitalised name with the bare word "number";
    "Phone number 802 ..." is none."""
    found = []
    for m in _BARE_NUMBER.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()].split()
        word = before[-1] if before else ""
        if word[:1].isupper() and word.lower() not in _NOT_A_NAME and _DIGIT.search(m.group(1)):
            found.append(m)
    return found
