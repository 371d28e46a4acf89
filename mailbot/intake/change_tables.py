"""Roster changes written as a table with an action column ("Action | Rank | Last Name
...", "Officer | LEO # | Change | Details"): one change per row, its action from the
action cell, what changes from the row's cells and its details cell.
"""

from __future__ import annotations

import re

from mailbot.intake.change_titles import _title_said, rank_words
from mailbot.intake.change_values import _details
from mailbot.intake.model import Change, Officer
from mailbot.intake.officer_fields import OFFICER_IDENTITY
from mailbot.intake.prose import rank_title, split_rank
from mailbot.intake.rules import Rules, per_rules


@per_rules
def _action_words(rules: Rules) -> dict[str, str]:
    """Each word of an action cell, with the action it asks for."""
    words = rules.columns.change_actions
    return {
        " ".join(w.lower().split()): action
        for action, listed in (
            ("add", words.add),
            ("update", words.update),
            ("deactivate", words.deactivate),
            ("transfer", words.transfer),
        )
        for w in listed
    }


@per_rules
def _action_headings(rules: Rules) -> frozenset[str]:
    return frozenset(" ".join(h.lower().split()) for h in rules.columns.change_actions.headings)


_MAX_NOTE_CHARS = 300
"""The most of a remark cell kept as a change's note (what staff are shown of it)."""

_WORDS_OF_PROSE = 2
"""The fewest words of an action cell read as a sentence when no word of it names an action
by itself (one word is a name or a code)."""

_WORDS_OF_ACTION = 3
"""An action cell of as many words or more ("Promoted to Corporal", "Promoted to
Corporal effective 11/1") says more than its action ("ADD", "Remove resigned")."""


def changes_in_table(lines: list[str], rules: Rules, own_agency: str | None = None) -> list[Change]:
    """Rows of a table whose first heading is "Action" (ADD / CHANGE / DEACTIVATE)."""
    return changes_in_rows([row_cells(line) for line in lines], rules, own_agency)


def changes_in_rows(
    rows: list[list[str]], rules: Rules, own_agency: str | None = None
) -> list[Change]:
    """:func:`changes_in_table` over rows already cut into cells (an attached CSV or
    spreadsheet: "action,last_name,first_name,rank,officer_number,..."); an update row
    that moves a record to ``own_agency`` says so."""
    from mailbot.intake.change_columns import new_columns
    from mailbot.intake.table_headings import column_key, keyed_columns
    from mailbot.intake.tables import row_officer

    rows = _with_tab_action(rows, rules)
    out: list[Change] = []
    for i, cells in enumerate(rows):
        at_action = action_column(cells, rules)
        heads = [] if at_action is None else [at_action]
        if not heads:
            # a full roster whose "Status" column marks the rows that change ("NEW",
            # "LEFT - please deactivate"), the rest blank or "Active"
            heads = [n for n, c in enumerate(cells) if column_key(c, rules) == "status"]
        if len(cells) < 3 or not heads:
            continue
        at = heads[0]  # "Action | Rank | Last Name ...", "Officer | LEO # | Change | Details"
        mapping = keyed_columns(cells, rules, frozenset({at}))
        if not mapping:
            continue
        if at_action is not None:
            mapping = _with_name_column(cells, mapping, rules)
        # "Old Title | New Title": a new officer's title is in the column of new values
        new_title = [n for n, k in new_columns(cells, rules).items() if k == "title"]
        # "Notes": "Retired 9/30", "Lateral from Colchester PD": each row's remark
        notes = [n for n in note_columns(cells, rules) if n != at and n not in mapping]
        before: list[str] = []
        for rcells in rows[i + 1 :]:
            if len(rcells) < 2:
                break
            short = len(cells) - len(rcells)
            if before and at < short <= at + 2 and _action_cell(rcells[at], rules) is None:
                # an action cell spanning two rows ("ADD" over Kimball and Osterhout):
                # the row below lacks it and the cells before it, the row above's
                rcells = before[:short] + rcells
            before = rcells
            action = _action_cell(rcells[at], rules) if at < len(rcells) else None
            if action == "update":  # "Officer → Corporal": the value the record takes
                rcells = [
                    _new_side(c, rules) if mapping.get(n) in _NEW_SIDE else c
                    for n, c in enumerate(rcells)
                ]
            officer = row_officer(rcells, mapping, rules)
            if action is None or officer is None:
                continue
            data = officer.model_dump()
            rest = " ".join(c for n, c in enumerate(rcells) if n != at and n not in mapping)
            if action == "transfer":
                # "TRANSFER | ... | Transferring to Lamoille County Sheriff's Department":
                # the record moves where the row says, else it is closed here
                went = moved_to(f"{rcells[at]}. {rest}", rules)
                action = "update" if went else "deactivate"
                if went:
                    data["agency"] = went
            # "Promoted to Corporal - please change title to Corporal": an action cell
            # written as a sentence gives the new values too
            if len(rcells[at].split()) >= _WORDS_OF_ACTION:
                rest = f"{rest} {rcells[at]}".strip()
            if action == "add" and not data.get("title") and new_title:
                data["title"] = _title_cell(rcells, new_title[0], rules)
            if action == "add" and not rank_title(data.get("title") or "", rules):
                # "(new hire)" in the title column; "Title: Officer." in the action cell
                data["title"] = _title_said(rest, rules) or data.get("title")
            if action == "add" and not data.get("title"):
                # "New | Deputy, username evan.rainville": a details cell opening with a rank
                data["title"] = rank_opening(rest, rules)
            if action == "add" and not data.get("dps_username"):
                # "Add | Officer Destiny Whitehorse | VE8D3 | DPS username dwhitehorse"
                given = _details(rest, rules).get("dps_username") or _domain_user(rest, rules)
                data["dps_username"] = given or None
            if action == "deactivate":
                # the record to close, as the row names it (its title and username too)
                data = {k: v for k, v in data.items() if k in OFFICER_IDENTITY or v}
            elif action == "update":
                # what changes, in a details cell ("Officer -> Corporal", "DPS username
                # is now mthibault2")
                data.update(_details(rest, rules))
                now = rank_now(rcells[at], rules)
                if now:  # "Cpl. Andre Poulin | 00419 | now Sergeant": the new rank
                    data["title"] = now
                # "Update (transfer in) | ... | Please move her record to Colchester PD"
                went = _moved_here(f"{rcells[at]}. {rest}", own_agency, rules)
                if went:
                    data["agency"] = went
            note = " ".join(rcells[notes[0]].split()) if notes and notes[0] < len(rcells) else ""
            if note:  # a remark, not a document: a sheet's cell may hold thousands of words
                data["note"] = note[:_MAX_NOTE_CHARS].rstrip()
            out.append(Change.model_validate({"action": action, **data}))
        break
    return out


_ARROW = re.compile(r"[ \t]*(?:->|→|=>)[ \t]*")
_NEW_SIDE = frozenset({"title", "dps_username", "last_name", "first_name", "full_name"})
"""The columns whose cell an update may write as "old → new" (not the record's number)."""


def _new_side(cell: str, rules: Rules) -> str:
    """ "Officer → Corporal" -> "Corporal", "Sergeant (from Corporal)" -> "Sergeant"; a
    cell with no one arrow between two values, nor a note of the former one, as is."""
    old, *new = _ARROW.split(cell)
    if len(new) == 1 and old.strip() and new[0].strip():
        return new[0]
    m = _FORMER_NOTE.search(cell)
    if m and m.start() and m.group(1).lower() in _former_words(rules):
        return cell[: m.start()].rstrip()
    return cell


# "Sergeant (from Corporal)": a note of the value before, closing the cell
_FORMER_NOTE = re.compile(r"[ \t]*\([ \t]*([A-Za-z]+\.?)[ \t:][^()\n]{0,40}\)[ \t]*$")


@per_rules
def _former_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.language.intent.former_value)


def moved_to(text: str, rules: Rules) -> str | None:
    """The agency ``text`` says an officer's record moves to, read as in prose."""
    from mailbot.intake.change_values import agency_gone_to, change_of, moves_to_agency

    if not moves_to_agency(text, rules):
        return None
    went = change_of(Officer(), "update", text, rules).model_extra or {}
    agency = went.get("agency")
    # "Transfer | ... | going to the X Sheriff's Department": the row's action says he
    # moves, its words only where
    return agency if isinstance(agency, str) else agency_gone_to(text, rules)


def _moved_here(text: str, own_agency: str | None, rules: Rules) -> str | None:
    """The agency an update row's words move the record to (a transfer in: ours, as
    ``own_agency`` spells it in full), or None when the row moves no record."""
    from mailbot.intake.agency_name import in_full
    from mailbot.intake.change_values import _has, change_of

    if not own_agency or not _has(text, rules.language.intent.transfer):
        return None
    went = (change_of(Officer(), "update", text, rules, own_agency).model_extra or {}).get("agency")
    return in_full(went, own_agency, rules) if isinstance(went, str) else None


def note_columns(cells: list[str], rules: Rules) -> list[int]:
    """The columns of a heading row that hold each row's remark ("Notes", "Remarks")."""
    names = {" ".join(h.lower().split()) for h in rules.columns.detection.note_headings}
    return [n for n, c in enumerate(cells) if " ".join(c.lower().strip(" :").split()) in names]


def action_column(cells: list[str], rules: Rules) -> int | None:
    """The column of a heading row that holds each row's action ("Change Type")."""
    known = _action_headings(rules)
    # "Change?": a heading asking whether the row changes
    heads = [n for n, c in enumerate(cells) if c.lower().strip(" :?") in known]
    return heads[0] if heads else None


_TAB_ACTIONS = frozenset({"add", "deactivate"})
"""The actions a worksheet's tab can name for all its rows ("Adds", "Separations")."""


def _tab_action(title: str, rules: Rules) -> str | None:
    """The action a worksheet's tab names whole ("Adds", "New Hires", "Separations")."""
    low = " ".join(title.lower().split()).strip(" .:")
    words = _action_words(rules)
    for word in (low, low[:-1] if low.endswith("s") else low):
        if words.get(word) in _TAB_ACTIONS:
            return words[word]
    return None


def _with_tab_action(rows: list[list[str]], rules: Rules) -> list[list[str]]:
    """The rows of a worksheet whose tab names one action ("Adds", "Separations") and
    that has no action column, with that action as the first cell of each row under
    its heading row (its first row of three cells or more, headed "Action")."""
    action = _tab_action(str(getattr(rows, "title", "")), rules)
    if action is None or any(action_column(r, rules) is not None for r in rows[:5]):
        return rows
    head = next((n for n, r in enumerate(rows) if sum(1 for c in r if c.strip()) >= 3), None)
    if head is None:
        return rows
    return [
        *rows[:head],
        ["Action", *rows[head]],
        *([action, *r] if any(c.strip() for c in r) else r for r in rows[head + 1 :]),
    ]


def _with_name_column(cells: list[str], mapping: dict[int, str], rules: Rules) -> dict[int, str]:
    """``mapping`` with a column of names headed with the agency's word for its officers
    ("Deputy | LEO # | Change | Details"), when no heading names a name column."""
    if {"full_name", "last_name", "first_name"} & set(mapping.values()):
        return mapping
    words = {" ".join(w.lower().split()) for w in rules.columns.detection.officer_word_headings}
    for n, cell in enumerate(cells):
        if n not in mapping and " ".join(cell.lower().split()) in words:
            return {**mapping, n: "full_name"}
    return mapping


_CLAUSE_END = re.compile(r"[,;:(]|\s[-–—]\s")


def rank_opening(text: str, rules: Rules) -> str | None:
    """The rank a details cell opens with, its first clause that and nothing more
    ("Deputy, username jroy"; "Patrol Officer - starts 6/2"), or None."""
    head = " ".join(_CLAUSE_END.split(text, maxsplit=1)[0].split())
    if not head:
        return None
    title, rest = split_rank(head.split(), rules)
    return title if title and not rest else rank_title(head, rules)


def row_action(cells: list[str], at: int | None, rules: Rules) -> str | None:
    """The action a row's cell in the action column ``at`` names, or None."""
    return _action_cell(cells[at], rules) if at is not None and at < len(cells) else None


def _title_cell(cells: list[str], at: int, rules: Rules) -> str | None:
    value = " ".join(cells[at].split()) if at < len(cells) else ""
    return (rank_title(value, rules) or value) if value else None


def action_label(label: str, rules: Rules) -> str | None:
    """The action a label names when the whole label is one ("ADD", "New hire")."""
    return _action_words(rules).get(" ".join(label.lower().split()))


def _action_cell(cell: str, rules: Rules) -> str | None:
    """ "ADD", "Update (promoted)", "Remove - resigned": the action an action cell names
    (the whole cell, else its first word that is an action)."""
    low = cell.lower().strip(" .:")
    if _asks_nothing(low, rules):
        return None
    words = _action_words(rules)
    if low in words:
        return words[low]
    for word in re.findall(r"[a-z]+", low)[:6]:
        if word in words:
            return words[word]
    if rank_now(cell, rules):
        return "update"  # "now Sergeant": the rank the record takes
    if len(low.split()) < _WORDS_OF_PROSE:
        return None
    # "Placed on administrative leave", "Came over to us from Berlin PD": a cell written
    # as a sentence says its action as prose does
    from mailbot.intake.change_actions import _action

    return _action(cell, rules, None)


# "now Sergeant", "→ Corporal": a cell that gives the rank a record takes, and nothing more
_RANK_NOW = re.compile(r"(?:(?i:now)|->|→|=>)[ \t]*(?i:an?[ \t]+)?([^\n]{1,40}?)[ \t.]*")


def rank_now(cell: str, rules: Rules) -> str | None:
    """The rank a cell written as "now <rank>" gives (every word of it the rank's), or
    None."""
    m = _RANK_NOW.fullmatch(cell.strip())
    words = m.group(1).split() if m else []
    return rank_words(words, rules) if 0 < len(words) <= _RANK_CELL_WORDS else None


_RANK_CELL_WORDS = 3
"""The most words of a rank in a "now <rank>" cell ("now Senior Patrol Officer")."""


@per_rules
def _nothing_cell(rules: Rules) -> re.Pattern[str]:
    words = {" ".join(w.lower().split()) for w in rules.columns.change_actions.none}
    longest_first = sorted(words, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first)
    return re.compile(rf"(?:{alts})(?![\w/])" if alts else r"(?!)")


def _asks_nothing(low: str, rules: Rules) -> bool:
    """Whether a lower-cased action cell opens with words that ask for nothing ("No
    change", "Unchanged - still active"): a row of a full roster sent to be checked."""
    return bool(_nothing_cell(rules).match(low))


def row_cells(line: str) -> list[str]:
    if "|" in line:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return []


_DOMAIN_USER = re.compile(r"(?<![\w\\])([A-Za-z][\w.]*)\\([A-Za-z][\w.-]{1,29})(?![\w@\\])")


def _domain_user(text: str, rules: Rules) -> str | None:
    """The login a row's cell writes behind the DPS domain ("DPS\\jroy"), unlabelled:
    a username however its column is headed."""
    for m in _DOMAIN_USER.finditer(text):
        if rules.formats.dps_username.on_dps_domain(m.group(1)):
            return m.group(2)
    return None
