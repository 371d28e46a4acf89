"""The lead-in above rows of officers that says what to do with them: the paragraph above
rows without a heading ("can u update titles for these 2"), the line above a table
("Please deactivate the following TraCS users:")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.change_actions import _action
from mailbot.intake.change_items import _CELLS, _NUMBER, is_row
from mailbot.intake.change_titles import _new_title
from mailbot.intake.change_values import _has
from mailbot.intake.model import Action, Change, Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules
from mailbot.intake.tables import officers_from_grid


def row_lead_of(item: str, before: str, rules: Rules) -> tuple[Action, str | None] | None:
    """The action (and new title) the paragraph above rows without a heading asks for
    ("can u update titles for these 2 ... title should just be Officer now")."""
    if not before or not is_row(item):
        return None
    action = _action(before, rules, None)
    return (action, _new_title(before, rules)) if action else None


def lead_title(row_lead: tuple[Action, str | None] | None, lead: str, rules: Rules) -> str | None:
    """The new title the paragraph above rows gives them all: the one of the paragraph
    above rows without a heading (``row_lead``), else the one the update lead-in of a
    list says (``lead``: "The five Corporals will carry the title "Senior Patrol
    Officer". Please change their titles in TraCS:")."""
    if row_lead is not None:
        return row_lead[1]
    return _new_title(lead, rules) if lead else None


_LEAD_LINES = 6
"""The most lines of a lead-in wrapped over lines (a letter's) read above its table."""
_SPACED = re.compile(r"\S[ \t]{3,}\S")  # "Last Name      First Name": a printed table's cells


def table_lead(text: str, officers: list[Officer], rules: Rules) -> Action | None:
    """The action of the lead-in above a table ("Please deactivate the following TraCS
    users:"), or None."""
    number = next((o.officer_number for o in officers if o.officer_number), None)
    # a row without a number is found by its officer's last name
    number = number or next((o.last_name for o in officers if o.last_name), None)
    if not number:
        return None
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if number in line), None)
    if at is None:
        return None
    i = at - 1
    while i >= 0 and (
        not lines[i].strip()
        or _CELLS.search(lines[i])
        or "|" in lines[i]
        or _SPACED.search(lines[i].strip())
    ):
        i -= 1  # the heading and rule lines (cells apart by tabs, pipes or spaces), blanks
    lead = lines[i].strip() if i >= 0 else ""
    top = i
    while top > max(0, i - _LEAD_LINES) and lines[top - 1].strip() and not lead.endswith(":"):
        top -= 1  # a lead-in wrapped over lines (a letter's): the whole paragraph
    lead = " ".join(line.strip() for line in lines[max(top, 0) : i + 1]) if i >= 0 else ""
    below = lead.endswith(":") or _has(lead, rules.language.intent.points_below)
    if not below:
        return None
    # "Please create records for the following officers. Nadeau is a lateral from
    # Morristown.": the sentence that points at the table says what its rows are, not a
    # remark after it about one of them
    told = sentences(lead)
    for sentence in told:
        said = _action(sentence, rules, None)
        if said and _has(sentence, rules.language.intent.points_below):
            return said
    # "A few roster changes. Please add the two new officers below; both trained Monday:":
    # the sentence nearest the table that asks something says what its rows are
    for sentence in reversed(told):
        said = _action(sentence, rules, None)
        if said:
            return said
    return _action(lead, rules, None)


def sheet_lead(text: str, grids: Sequence[list[list[str]]], rules: Rules) -> Action | None:
    """The action the sentence pointing at an attached sheet asks of its rows ("the
    attached list are deputies who are no longer with us"), when a sheet is attached."""
    if not grids:
        return None
    for sentence in sentences(text):
        if _has(sentence, rules.language.intent.sent_attached):
            said = _action(sentence, rules, None)
            if said:
                return said
    return None


def on_sheets(officer: Officer, grids: Sequence[list[list[str]]], rules: Rules) -> bool:
    """Whether ``officer`` is a row of one of the attached ``grids``."""
    return any(officer in officers_from_grid(grid, rules) for grid in grids)


def spaced_runs(items: list[tuple[str, bool]], rules: Rules) -> set[int]:
    """The indexes of ``items`` that are a list spaced by blank lines: two or more
    paragraphs in a row of one line each naming an officer by his number and asking
    nothing of their own ("Ofc. Sofia Roy (CO162)" then "Cpl. Yves Lund (CO155)")."""

    def bare(item: str, listed: bool) -> bool:
        line = item.strip()
        return (
            not listed
            and "\n" not in line
            and bool(_NUMBER.search(line))
            and len(sentences(line)) == 1
            and _action(line, rules, None) is None
        )

    flags = [bare(item, listed) for item, listed in items]
    return {
        n
        for n, flag in enumerate(flags)
        if flag and ((n > 0 and flags[n - 1]) or (n + 1 < len(flags) and flags[n + 1]))
    }


def moved_row(
    officer: Officer, lead: Action | None, text: str, rules: Rules, own_agency: str | None
) -> Change | None:
    """The row of a table under a lead-in telling of an officer moving with the record he
    has ("Please associate the following deputy with our office ... he keeps his existing
    VT LEO number"): an update of that record (to the sender's agency, when it is said to
    exist already), or None."""
    words = rules.language.intent
    if lead != "update" or not _has(text, words.transfer + words.moves_record):
        return None
    data: dict[str, object] = {"action": "update", **officer.model_dump(exclude_none=True)}
    if own_agency and _has(text, words.moves_record):
        data["agency"] = own_agency
    return Change.model_validate(data)


def ranked_first(group: str, rules: Rules) -> bool:
    """True when ``group`` opens with an officer's rank and full name on a line of its own
    ("Officer Nolan Roy, DPS username nroy" under "Please add new officer to our PD:"):
    the officer the lead-in above asks for, his number still to come."""
    from mailbot.intake.prose import split_rank

    line = group.strip().split("\n")[0]
    if any(c.isdigit() for c in line):
        return False  # "Officer Jo Roy, 4K21, jroy": a row with a number, read as a row
    words = line.split(",")[0].split()
    title, rest = split_rank(words, rules) if len(words) <= _RANKED_WORDS else (None, [])
    return bool(title) and len(rest) >= 2 and all(w[:1].isupper() for w in rest)


_RANKED_WORDS = 5
"""The most words of a rank and a name before the first comma of such a line."""
