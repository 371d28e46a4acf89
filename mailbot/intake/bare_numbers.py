"""Officer numbers written without a label in running text: after a name with the bare
word "number" ("Officer Dale Brook number WC77 username dbrook", "Officer Sam Roe, whose
number is 07902"), or bare right after a name in a run-on note ("... Officer Mark
Tessier R0614 ...")."""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
# "Officer Dale Brook number WC77 username dbrook": "number" right after a name
_BARE_NUMBER = re.compile(
    r"(?<=[a-zà-ÿ'’])[ \t]+number[ \t]+(?:is[ \t]+)?#?([A-Za-z0-9][A-Za-z0-9-]{1,11})(?![\w-])"
)
_NOT_A_NAME = frozenset({"phone", "fax", "cell", "case", "ticket", "account", "zip", "contact"})
_BARE_AFTER_NAME = re.compile(r"(?<=[a-z'’])[ \t]+([A-Za-z]{0,4}\d[A-Za-z0-9]{1,9})(?![\w-])")


def after_name(sentence: str) -> list[re.Match[str]]:
    """Mentions of a number written after a capitalised name with the bare word "number";
    "Phone number 802 ..." is none."""
    found = []
    for m in _BARE_NUMBER.finditer(sentence):
        if _word_before(sentence, m.start())[:1].isupper() and _said(m):
            found.append(m)
    return found


def _word_before(sentence: str, at: int) -> str:
    before = sentence[max(0, at - 40) : at].split()
    return before[-1] if before else ""


def _said(m: re.Match[str]) -> bool:
    """Whether ``m`` says a number of no phone, fax, case or the like."""
    word = _word_before(m.string, m.start()).lower()
    return word not in _NOT_A_NAME and bool(_DIGIT.search(m.group(1)))


def in_a_clause(m: re.Match[str]) -> bool:
    """Whether ``m`` is a number said with the bare word "number" (its name may stand
    before a clause: "Officer Sam Roe, whose number is 07902")."""
    return m.re is _BARE_NUMBER


def said_like(first: re.Match[str], sentence: str) -> list[re.Match[str]]:
    """The numbers said with the bare word "number" after ``first`` (a labelled one), of
    its shape: a later officer's in the same sentence ("..., and Officer Sam Roe, whose
    number is 07902")."""
    shape = _shape(first)
    return [
        m for m in _BARE_NUMBER.finditer(sentence, first.end()) if _said(m) and _shape(m) == shape
    ]


def _shape(m: re.Match[str]) -> str:
    return _DIGIT.sub("9", m.group(1).upper())


def bare_after_name(sentence: str) -> list[re.Match[str]]:
    """A number written bare right after a capitalised name ("Officer Mark Tessier R0614
    username mtessier"), or said with the bare word "number" ("Officer Sam Roe, whose
    number is 07902"): read only in a piece of a sentence whose first officer's number
    is labelled."""
    found = [
        m for m in _BARE_AFTER_NAME.finditer(sentence) if capitalised_before(sentence, m.start())
    ]
    found += [m for m in _BARE_NUMBER.finditer(sentence) if _said(m)][:1]
    return sorted(found, key=lambda m: m.start())[:1]


def capitalised_before(sentence: str, at: int) -> bool:
    """Whether the word that ends at ``at`` starts with a capital (a short look back)."""
    return _word_before(sentence, at)[:1].isupper()


def run_on(found: list[re.Match[str]], sentence: str) -> list[re.Match[str]]:
    """``found`` and, in a run-on note ("Sgt Dana Pelkey number R0611 username dpelkey
    Officer Mark Tessier R0614 ..."), the numbers of the first one's shape written bare
    after it, each right after a capitalised name."""
    first = found[0]
    shape = _shape(first)
    taken = {f.start(1) for f in found}
    more = [
        m
        for m in _BARE_AFTER_NAME.finditer(sentence, first.end())
        if _shape(m) == shape
        and m.start(1) not in taken
        and capitalised_before(sentence, m.start())
    ]
    return sorted(found + more, key=lambda m: m.start()) if more else found
