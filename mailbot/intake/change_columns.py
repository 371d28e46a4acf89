"""Roster changes written as a table with a column of new values ("LEO # | Name | Old
username | New username", "Officer | Current Rank | New Rank"): each row an update of the
officer its other cells name, to the value in the "new" column; the column of the value
on record ("Old", "Current") is not read. The words that mark the two columns are
``[detection] new_value_words`` / ``old_value_words`` in ``rules/columns.toml``.

The table is read from an attached grid or from the text (cells split by tabs, pipes or
columns aligned with spaces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.change_items import _NUMBER
from mailbot.intake.model import Change, Officer
from mailbot.intake.not_given import not_given
from mailbot.intake.prose import person, rank_title, split_name
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_cells import _COLUMN_START, _pipes, _spaces, _tabs

_IDENTITY = frozenset({"officer_number", "full_name", "last_name"})


@per_rules
def _marks(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def pattern(words: list[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(w.lower()) for w in words) or "(?!)"
        return re.compile(rf"^\s*(?:{alts})\b[\s:/-]*(?=\S)", re.I)

    det = rules.columns.detection
    return pattern(det.new_value_words), pattern(det.old_value_words)


def _marked(cell: str, mark: re.Pattern[str], rules: Rules) -> str | None:
    """The field a heading names after a marking word ("New Username" -> dps_username)."""
    from mailbot.intake.table_headings import column_key

    m = mark.match(cell)
    return column_key(cell[m.end() :], rules) if m else None


def new_columns(cells: Sequence[str], rules: Rules) -> dict[int, str]:
    """The columns of a heading row that hold new values ("New Title" -> title)."""
    new_mark, _ = _marks(rules)
    return {n: k for n, c in enumerate(cells) if (k := _marked(c, new_mark, rules))}


def told_columns(cells: Sequence[str], rules: Rules) -> set[int]:
    """The columns of a heading row headed only "Change to", "New" (no field named)."""
    heads = {" ".join(h.lower().split()) for h in rules.columns.detection.new_value_headings}
    return {n for n, c in enumerate(cells) if " ".join(c.lower().strip(" :").split()) in heads}


_OPEN_FIELDS = frozenset({"first_name", "last_name", "dps_username", "officer_number"})


def told_values(cell: str, rules: Rules) -> dict[str, str]:
    """The values a cell of a "Change to" column gives, each naming its field: a rank
    ("Sergeant (promoted 3/1)") or a value after its field's heading ("Last name Brault
    (married) - username stays kmartell"); a bracket's aside is not read."""
    from mailbot.intake.prose import split_rank
    from mailbot.intake.table_headings import column_key
    from mailbot.intake.tables import bare_username

    out: dict[str, str] = {}
    for part in re.split(r"\s+[-\u2013\u2014]\s+|[;,]\s*", cell):
        words = re.sub(r"\([^)]*\)?", " ", part).split()
        if not words:
            continue
        title, rest = split_rank(words, rules)
        if title and not rest:
            out.setdefault("title", title)
            continue
        for k in (2, 1):
            key = column_key(" ".join(words[:k]), rules) if len(words) > k else None
            if key in _OPEN_FIELDS:
                value = words[-1].strip(".,;:")
                out.setdefault(key, bare_username(value, rules) if key == "dps_username" else value)
                break
            if key == "title" and (rank := rank_title(" ".join(words[k:]), rules)):
                out.setdefault("title", rank)
                break
    return out


def new_value_changes(rows: Sequence[Sequence[str]], rules: Rules) -> list[Change]:
    """The updates of the first table in ``rows`` with a column of new values (a row
    whose action cell adds or closes a record is no update: "ADD | ... | | Officer")."""
    from mailbot.intake.change_tables import action_column, row_action
    from mailbot.intake.table_headings import keyed_columns
    from mailbot.intake.tables import _former, bare_username, row_officer

    _, old_mark = _marks(rules)
    former = _former(rules)
    for i, row in enumerate(rows):
        cells = [str(c) for c in row]
        if len(cells) < 3:
            continue
        new = new_columns(cells, rules)
        told = told_columns(cells, rules)
        if not new and not told:
            continue
        at = action_column(cells, rules)
        old = {n for n, c in enumerate(cells) if _marked(c, old_mark, rules)}
        if told:  # "Current in TraCS | Change to": the value on record names no field either
            old |= {n for n, c in enumerate(cells) if old_mark.match(c) and n not in told}
        new = {**new, **dict.fromkeys(told, "")}
        mapping = keyed_columns(cells, rules, frozenset(new) | old)
        if not _IDENTITY & set(mapping.values()):
            continue
        out: list[Change] = []
        for below in rows[i + 1 :]:
            rcells = [str(c) for c in below]
            if len(rcells) < 2:
                break
            officer = row_officer(rcells, mapping, rules)
            if officer is None or row_action(rcells, at, rules) not in (None, "update"):
                continue
            values: dict[str, str] = {}
            for n, key in new.items():
                value = " ".join(rcells[n].split()) if n < len(rcells) else ""
                if not key:  # a cell naming its own field: "Sergeant", "Last name Brault"
                    values.update(told_values(value, rules))
                    continue
                # "kayla.thibault (old: kayla.demers)": the new value, not the one before
                value = (former.sub("", value) or value) if value.endswith(")") else value
                if not value or not_given(value, rules):
                    continue
                if key == "title":
                    values["title"] = rank_title(value, rules) or value
                elif key == "dps_username":
                    values["dps_username"] = bare_username(value, rules)
                elif key == "full_name":
                    _, first, last = person(value, rules)
                    if first is None and last is None:
                        first, last = split_name(value)
                    values.update(
                        {k: v for k, v in (("first_name", first), ("last_name", last)) if v}
                    )
                elif key != "status":
                    values[key] = value
            if not values:
                continue
            data = {**officer.model_dump(exclude_none=True), **values}
            out.append(Change.model_validate({"action": "update", **data}))
        if out:
            return out
    return []


def labels_across(rows: Sequence[Sequence[str]], rules: Rules) -> list[list[list[str]]]:
    """Each run of three rows or more of a label and its value ("Officer # | L4410",
    "New title: Sergeant"), one officer's, turned into a heading row over one row of
    values: the table :func:`new_value_changes` reads."""
    from mailbot.intake.table_headings import column_key

    new_mark, old_mark = _marks(rules)
    out: list[list[list[str]]] = []
    run: list[tuple[str, str]] = []
    for row in [*rows, []]:
        cells = [str(c).strip() for c in row if str(c).strip()]
        if len(cells) == 1 and _LABEL_VALUE.match(cells[0]):
            cells = [p.strip() for p in cells[0].split(":", 1)]
        label = cells[0] if len(cells) == 2 else ""
        known = label and (
            column_key(label, rules) or _marked(label, new_mark, rules) or old_mark.match(label)
        )
        if known:
            run.append((cells[0], cells[1]))
            continue
        if len(run) >= 3:
            out.append([[k for k, _ in run], [v for _, v in run]])
        run = []
    return out


# "New title: Sergeant": a label of a few words, a colon, its value
_LABEL_VALUE = re.compile(r"[ \t]*[A-Za-z][\w#. \t]{0,30}:[ \t]*\S")


@per_rules
def _row_marks(rules: Rules) -> dict[str, str]:
    """Each word that marks a whole row as the record's values ("OLD", "Current") or as
    the values it gets ("NEW", "Corrected"), with "old" or "new"."""
    det = rules.columns.detection
    marks = {" ".join(w.lower().split()): "old" for w in det.old_value_words}
    return {**marks, **{" ".join(w.lower().split()): "new" for w in det.new_value_words}}


def _row_mark(cell: str, rules: Rules) -> str | None:
    return _row_marks(rules).get(" ".join(cell.lower().strip(" :-–—").split()))


# "OLD: Roy, Ann, Officer, X101, aroy": a line labelled old or new, the officer after it
_MARKED_LINE = re.compile(r"^[ \t]*([A-Za-z]+)[ \t]*(?::|[-–—](?=[ \t]))[ \t]*(\S.*)$")

_ROW_FIELDS = frozenset({"officer_number", "full_name", "last_name", "first_name", "dps_username"})


def marked_row_changes(rows: Sequence[Sequence[str]], rules: Rules) -> list[Change]:
    """The updates of the first table in ``rows`` whose rows are marked old and new (an
    empty heading over "OLD" and "NEW", the officer's cells beside): each new row beside
    the old row of the same officer is an update to the new row's values."""
    from mailbot.intake.table_headings import keyed_columns
    from mailbot.intake.tables import row_officer

    for i, row in enumerate(rows):
        cells = [str(c) for c in row]
        if len(cells) < 3:
            continue
        mapping = keyed_columns(cells, rules)
        if not _IDENTITY & set(mapping.values()):
            continue
        free = [n for n in range(len(cells)) if mapping.get(n) not in _ROW_FIELDS]
        marked: list[tuple[str | None, Officer]] = []
        for below in rows[i + 1 :]:
            rcells = [str(c) for c in below]
            if len(rcells) < 2:
                break
            officer = row_officer(rcells, mapping, rules)
            if officer is None:
                continue
            kinds = {_row_mark(rcells[n], rules) for n in free if n < len(rcells)} - {None}
            marked.append((kinds.pop() if len(kinds) == 1 else None, officer))
        out = _paired(marked)[0]
        if out:
            return out
    return []


def marked_line_changes(text: str, rules: Rules) -> list[Change]:
    """:func:`marked_row_changes` of lines labelled old and new ("OLD: Roy, Ann, Officer,
    X101, aroy" over "NEW: Lane, Ann, Officer, X101, alane")."""
    return marked_lines_read(text, rules)[0]


def marked_lines_read(text: str, rules: Rules) -> tuple[list[Change], str]:
    """:func:`marked_line_changes`, and ``text`` without the lines of the pairs read
    (their officers are told, no other change's)."""
    from mailbot.intake.change_officer import officer_named
    from mailbot.intake.lists import officer_on_line

    lines = text.split("\n")
    marked: list[tuple[str | None, Officer]] = []
    at_line: list[int] = []
    heading: str | None = None  # "1) Officer number 7S3G2" right above its pair
    for n, line in enumerate(lines):
        m = _MARKED_LINE.match(line)
        kind = _row_mark(m.group(1), rules) if m else None
        officer = officer_on_line(m.group(2), rules) if m and kind else None
        if officer is None and m and kind:
            # "OLD: Officer Emily Garrow" over "NEW: Corporal Emily Garrow": the officer
            # as written in words, his number on the line above the pair
            officer = officer_named(m.group(2), rules)
            if officer is not None and not officer.officer_number and heading:
                officer = officer.model_copy(update={"officer_number": heading})
            if officer is not None and not (officer.officer_number and officer.last_name):
                officer = None
        if officer is None:
            if marked and line.strip():
                marked.append((None, Officer()))  # another line between: no pair across it
                at_line.append(n)
            numbers = {x.upper() for x in _NUMBER.findall(line)}
            heading = numbers.pop() if len(numbers) == 1 else None if line.strip() else heading
            continue
        marked.append((kind, officer))
        at_line.append(n)
    out, used = _paired(marked)
    gone = {at_line[i] for i in used}
    return out, "\n".join(line for n, line in enumerate(lines) if n not in gone)


def _paired(marked: list[tuple[str | None, Officer]]) -> tuple[list[Change], set[int]]:
    """An update for each new row right after or before the old row of the same officer
    (the same number, else the same first or last name): the new row's values, the
    number the old row gives when the new one gives none."""
    out: list[Change] = []
    used: set[int] = set()  # the rows paired
    at = 0
    while at + 1 < len(marked):
        (one, first), (two, second) = marked[at], marked[at + 1]
        if {one, two} != {"old", "new"} or not _same_officer(first, second):
            at += 1
            continue
        old, new = (first, second) if one == "old" else (second, first)
        data = new.model_dump(exclude_none=True)
        data.setdefault("officer_number", old.officer_number)
        if data.get("officer_number"):
            out.append(Change.model_validate({"action": "update", **data}))
            used |= {at, at + 1}
        at += 2
    return out, used


def _same_officer(one: Officer, two: Officer) -> bool:
    """True when two rows name one officer: the same number, else (a number corrected)
    the same names, else one name the same where a row gives no number."""
    if one.officer_number and two.officer_number:
        if one.officer_number.upper() == two.officer_number.upper():
            return True
        names = ((one.first_name, two.first_name), (one.last_name, two.last_name))
        return all(a and b and a.casefold() == b.casefold() for a, b in names)
    return any(
        a and b and a.casefold() == b.casefold()
        for a, b in ((one.first_name, two.first_name), (one.last_name, two.last_name))
    )


def text_rows(text: str) -> list[list[str]]:
    """The lines of ``text`` cut into cells: by tabs or pipes, else by the columns of the
    last heading aligned with spaces above them (a blank line ends its table)."""
    rows: list[list[str]] = []
    starts: list[int] = []
    for line in text.split("\n"):
        if not line.strip():
            starts = []
            rows.append([])
            continue
        cells = _tabs(line) or _pipes(line)
        if not cells and _spaces(line):
            if len(_spaces(line)) > len(starts):
                starts = [m.start() for m in _COLUMN_START.finditer(line)]
            cells = _slice(line, starts) if len(_spaces(line)) != len(starts) else _spaces(line)
        rows.append(cells)
    return rows


_WORDLESS = re.compile(r"[^A-Za-z0-9]*")


def printed_rows(text: str) -> list[list[str]]:
    """:func:`text_rows` of a table printed with a blank line between its rows (a PDF's
    text): the blank lines between two rows of three cells or more left out."""
    rows = text_rows(text)
    lines = text.split("\n")
    out: list[list[str]] = []
    for n, cells in enumerate(rows):
        # a blank line or a ruling ("----+----"), not a line of words between two tables
        ruled = not cells and _WORDLESS.fullmatch(lines[n]) is not None
        if ruled and out and len(out[-1]) >= 3:
            after = next((r for r in rows[n + 1 :] if r), [])
            if len(after) >= 3:
                continue
        out.append(cells)
    return out


def _slice(line: str, starts: list[int]) -> list[str]:
    ends = [*starts[1:], len(line)]
    return [line[s:e].strip() for s, e in zip(starts, ends, strict=True)]
