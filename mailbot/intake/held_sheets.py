"""Rows a roster file keeps out by itself or by what the chief says of its tabs: a
worksheet his sentence keeps out ("Court Security doesn't write tickets, please skip that
tab", "the reserves on the second tab ... hold them", a tab named "Reserves (HOLD)"), and
a row whose own note says so ("RESIGNED - do not enroll", "Not sworn yet. Do NOT add.")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules, per_rules

_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*")


@per_rules
def _held_phrases(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.intent.held_back, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@per_rules
def _hold_marks(rules: Rules) -> re.Pattern[str]:
    words = [*rules.language.intent.held_back, *rules.language.intent.held_back_verbs]
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alts or '(?!)'})(?![\w-])", re.I)


@per_rules
def _sheet_words(rules: Rules) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules.language.intent.sheet_words) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{words})s?(?![\w-])", re.I)


def _cells(row: Sequence[str]) -> set[str]:
    return {" ".join(str(c).split()).lower() for c in row if str(c).strip()}


def _named_in(title: str, sentence: str) -> bool:
    for name in {title, _PARENTHESIS.sub(" ", title).strip()}:
        if len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.I):
            return True
    return False


def held_sheet_rows(
    grids: Sequence[Sequence[Sequence[str]]], held: list[str], text: str, rules: Rules
) -> list[set[str]]:
    """The rows (their cells, lower case) of every worksheet a sentence of ``held`` that
    speaks of tabs (or whose line does: "the part-timers on the other tab are not
    certified; hold them") keeps out: it names the tab, or the tab's own name is a hold
    mark. A workbook is never kept out whole."""
    lines = text.split("\n")
    whole = [next((ln for ln in lines if s in ln), s) for s in held]
    tabs = _sheet_words(rules)
    about_tabs = [s for s, ln in zip(held, whole, strict=True) if tabs.search(s) or tabs.search(ln)]
    titled = [g for g in grids if getattr(g, "title", "")]
    if not about_tabs or len(titled) < 2:
        return []
    out: list[list[set[str]]] = []
    for grid in titled:
        title = str(getattr(grid, "title", ""))
        if _hold_marks(rules).search(title) or any(_named_in(title, s) for s in about_tabs):
            out.append([_cells(row) for row in grid[1:]])
    if len(out) >= len(titled):
        return []
    return [row for rows in out for row in rows]


def noted_rows(grids: Sequence[Sequence[Sequence[str]]], rules: Rules) -> list[set[str]]:
    """The rows whose own note keeps them out ("RESIGNED eff. 3/28 - do not enroll")."""
    held = _held_phrases(rules)
    return [
        _cells(row)
        for grid in grids
        for row in grid[1:]
        if any(held.search(str(c)) for c in row[1:] if len(str(c)) <= 200)
    ]
