"""Corrections written as a table: one row per wrong value, a column naming the field
("What's wrong": "Officer number", "Title", "DPS username"), one with the value on
record ("Currently in TraCS") and one with the value it should have ("Should be").

Each row is an update of the officer its cells name, carrying the corrected value (a
corrected officer number is the number the record should have).
"""

from __future__ import annotations

import re

from mailbot.intake.model import Change
from mailbot.intake.prose import rank_title
from mailbot.intake.rules import Rules

# headings, lower case with only letters and spaces kept
_FIELD_HEADS = frozenset(
    {"whats wrong", "what is wrong", "field", "wrong field", "item", "what", "error", "issue"}
)
_NEW_HEADS = frozenset(
    {
        "should be", "correct", "corrected", "correct value", "corrected value", "new",
        "new value", "after", "change to", "should read", "correction", "correct info",
    }
)  # fmt: skip
_OLD_HEADS = frozenset(
    {
        "currently in tracs", "currently", "current", "current value", "before", "old",
        "old value", "was", "in tracs", "wrong value", "on record", "currently reads",
    }
)  # fmt: skip
# "The correct number is ES7G1", "his LEO number should be 4KD21", "his correct VT LEO
# number is 7H2K4": an officer number
# corrected in a sentence
_NUMBER_FIX = re.compile(
    r"(?i:correct(?:ed)?[ \t]+(?:(?:vt|vermont)[ \t]+)?(?:officer[ \t]+|leo[ \t]+|badge[ \t]+)?"
    r"(?:number|#)[ \t]+"
    r"(?:is|should[ \t]+be)|(?:number|#)[ \t]+(?:should[ \t]+(?:be|read)|is[ \t]+actually)"
    # "I typed his LEO number as 4417B. It is actually 4471B": the next sentence's "it"
    r"|(?:number|#)[ \t]+(?:as|was[ \t]+(?:entered|typed|listed|given)[ \t]+as)[ \t]+"
    r"[\"“']?[A-Za-z0-9]{5}[\"”']?[.;,]?[ \t]+"
    r"(?:it['’]s|it[ \t]+is|it[ \t]+should[ \t]+be)(?:[ \t]+(?:actually|really))?)"
    r"[ \t]*:?[ \t]*[\"“']?#?([A-Za-z0-9]{5})(?![\w-])"
)


def number_fix(text: str) -> str | None:
    """The officer number a sentence says is the right one, or None."""
    m = _NUMBER_FIX.search(text)
    return m.group(1).upper() if m and any(c.isdigit() for c in m.group(1)) else None


_FIELDS = ("officer_number", "title", "dps_username", "last_name", "first_name")


def _head(cell: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", "", cell.lower()).split())


def corrections_in_rows(rows: list[list[str]], rules: Rules) -> tuple[list[Change], set[str]]:
    """The updates of a correction table in ``rows``, and every cell of its rows (the
    numbers on record among them, that no other reading should take for an officer)."""
    from mailbot.intake.table_headings import column_key, keyed_columns
    from mailbot.intake.tables import row_officer

    for i, cells in enumerate(rows):
        heads = [_head(c) for c in cells]
        field = next((n for n, h in enumerate(heads) if h in _FIELD_HEADS), None)
        new = next((n for n, h in enumerate(heads) if h in _NEW_HEADS), None)
        if len(cells) < 3 or field is None or new is None:
            continue
        skip = {field, new} | {n for n, h in enumerate(heads) if h in _OLD_HEADS}
        mapping = keyed_columns(cells, rules, frozenset(skip))
        if not mapping:
            continue
        out: list[Change] = []
        seen: set[str] = set()
        for rcells in rows[i + 1 :]:
            if len(rcells) <= max(field, new):
                break
            key = column_key(rcells[field], rules)
            value = " ".join(rcells[new].split())
            officer = row_officer(rcells, mapping, rules)
            if officer is None or key not in _FIELDS or not value:
                continue
            seen.update(c.strip() for c in rcells)
            if key == "title":
                value = rank_title(value, rules) or value
            data = {**officer.model_dump(exclude_none=True), key: value}
            out.append(Change.model_validate({"action": "update", **data}))
        return out, seen
    return [], set()


# "Name | LEO # | Current Rank | New Rank" under "Promotions effective May 1:": each row
# an update to the rank in the new column
_NEW_RANK_HEADS = frozenset(
    {
        "new rank", "new title", "promoted to", "new rank title", "new position",
        "rank after", "title after", "new rank or title", "promotion to",
    }
)  # fmt: skip
_OLD_RANK_HEADS = frozenset(
    {
        "current rank", "current title", "old rank", "old title", "previous rank",
        "previous title", "rank before", "title before", "present rank", "former rank",
    }
)  # fmt: skip


def rank_changes_in_rows(rows: list[list[str]], rules: Rules) -> list[Change]:
    """The updates of a table with a "New Rank" column: each row's officer gets the rank
    written there (the "Current Rank" beside it is what the record has)."""
    from mailbot.intake.change_tables import action_column, row_action
    from mailbot.intake.table_headings import keyed_columns
    from mailbot.intake.tables import row_officer

    for i, cells in enumerate(rows):
        heads = [_head(c) for c in cells]
        new = next((n for n, h in enumerate(heads) if h in _NEW_RANK_HEADS), None)
        if len(cells) < 3 or new is None:
            continue
        at = action_column(cells, rules)  # "ADD | ... | | Officer": a new officer, no update
        skip = {new} | {n for n, h in enumerate(heads) if h in _OLD_RANK_HEADS}
        mapping = keyed_columns(cells, rules, frozenset(skip))
        mapping = {n: k for n, k in mapping.items() if k != "title"}
        if "officer_number" not in mapping.values():
            continue
        out: list[Change] = []
        for rcells in rows[i + 1 :]:
            if len(rcells) <= new:
                break
            value = " ".join(rcells[new].split())
            officer = row_officer(rcells, mapping, rules)
            if officer is None or not officer.officer_number or not value:
                continue
            if row_action(rcells, at, rules) not in (None, "update"):
                continue
            data = {
                **officer.model_dump(exclude_none=True),
                "title": rank_title(value, rules) or value,
            }
            out.append(Change.model_validate({"action": "update", **data}))
        return out
    return []
