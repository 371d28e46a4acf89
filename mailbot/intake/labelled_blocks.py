"""Officers written as blocks of "Heading: value" lines, one block per officer, or one line
of three or more such pairs ("Last: Emery, First: Rachel, Rank: Sergeant, No.: HN005").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.lists import MAX_LINE
from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import column_key

# "Employee name (Last, First):": a note in brackets may hold a comma
_FIELD_LINE = re.compile(
    r"^\s*(?:[-*•·]\s*)?([A-Za-z][A-Za-z #./'’()-]{0,40}?(?:\([^()\n:]{0,30}\))?)\s*[:=]\s*(.*)$"
)


def field_line(line: str) -> re.Match[str] | None:
    """A "Heading: value" line: the heading (group 1) and the value (group 2)."""
    return _FIELD_LINE.match(line) if len(line) <= MAX_LINE else None


# "Title: Deputy / Name: ..." too; a match starts at the first of its spaces, never
# inside a run of them (a long run is scanned once: linear time)
_ROW_SPLIT = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s*[,;|\t]\s*|\s+/\s+)")


def _labelled_row(line: str, rules: Rules) -> dict[str, str] | None:
    """The "Heading: value" pairs of a line made only of them, three or more."""
    if line.count(":") + line.count("=") < 3:
        return None
    row: dict[str, str] = {}
    # "Title: Officer | Last: Roy | ... | notes: Car 3 / nights, part-time": with pipes
    # between its pairs, commas and slashes belong to a value, and a pair of another
    # label ("email: ...", "Middle: ...") is passed over
    piped = line.count("|") >= 2
    pieces = line.strip().strip("|").split("|") if piped else _ROW_SPLIT.split(line.strip())
    for piece in pieces:
        m = _FIELD_LINE.match(piece)
        key = column_key(m.group(1), rules) if m else None
        if piped and m is not None and key is None:
            continue
        if m is None or key is None or key in row:
            return None
        row[key] = m.group(2).strip()
    return row if len(row) >= 3 else None


# where another "Heading:" pair starts after a gap of two or more spaces on the same line
# (a heading of single spaces, a gap after a value, never after the heading's colon)
_SIDE_GAP = re.compile(r"(?<=[^\s:=]) {2,}(?=[A-Za-z](?:[A-Za-z#./'’()-]| (?! )){0,40}?[:=])")


def _side_pairs(line: str, rules: Rules) -> list[str] | None:
    """The "Heading: value" pairs of a line holding two or more of them apart by wide
    gaps ("Last:  Roy      Last:  Haas"), or None when any piece is no such pair."""
    if len(line) > MAX_LINE or line.count(":") + line.count("=") < 2:
        return None
    pieces = _SIDE_GAP.split(line.strip())
    if len(pieces) < 2:
        return None
    for piece in pieces:
        m = _FIELD_LINE.match(piece)
        if m is None or not m.group(2).strip() or column_key(m.group(1), rules) is None:
            return None
    return pieces


def _columns_apart(text: str, rules: Rules) -> str:
    """Blocks of officers laid out side by side, each column its own block one under
    another; every line of such a block holds the same number of pairs."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        pieces = _side_pairs(lines[i], rules)
        if pieces is None:
            out.append(lines[i])
            i += 1
            continue
        rows = [pieces]
        j = i + 1
        while j < len(lines) and (more := _side_pairs(lines[j], rules)) is not None:
            if len(more) != len(pieces):
                break
            rows.append(more)
            j += 1
        if len(rows) < 2:  # one line of pairs: read as written
            out.append(lines[i])
            i += 1
            continue
        for column in range(len(pieces)):
            out.extend([*(row[column] for row in rows), ""])
        i = j
    return "\n".join(out)


def officers_in_blocks(text: str, rules: Rules) -> list[Officer]:
    """Officers written as blocks of "Heading: value" lines, one block per officer:

        Name: Elena Okafor          Officer: Ann J. Morin
        Title: Lieutenant           Rank: Detective
        Officer Number: WO274       Badge: MJ058
        DPS Username: elena.okafor  Login: amorin

    A block ends at a blank line or when a heading comes again; blocks side by side
    are read one column after the other. A mail client that puts a blank line under every
    line ("Name: Rafe Dunn" blank "Title: Officer" blank "LEO number: ...") leaves one
    block: a blank line ends it only where no new heading of the same officer follows."""
    from mailbot.intake.tables import row_officer

    text = _columns_apart(text, rules)

    found: list[Officer] = []
    block: dict[str, str] = {}
    gap = spaced = False  # a blank line read in the block; the block is double-spaced

    def close() -> None:
        nonlocal spaced
        if len(block) >= 3 and ({"officer_number", "full_name", "last_name"} & set(block)):
            keys = list(block)
            officer = row_officer([block[k] for k in keys], dict(enumerate(keys)), rules)
            if officer is not None:
                found.append(officer)
        block.clear()
        spaced = False

    for line in text.split("\n"):
        if len(line) > MAX_LINE:
            close()
            continue
        row = _labelled_row(line, rules)
        if row:
            # "Last: Emery, First: Rachel, Rank: Sergeant, No.: HN005": one line, one block
            close()
            block.update(row)
            close()
            continue
        m = _FIELD_LINE.match(line) if (":" in line or "=" in line) else None
        key = column_key(m.group(1), rules) if m else None
        if not line.strip() and block:
            gap = True
            continue
        if gap:
            gap = False
            if key is None or key in block or not (spaced or len(block) < 3):
                close()
            else:
                spaced = True
        if m is not None and key is None and block and m.group(2).strip():
            # "Middle Initial: R", "Email: ..." between her name and number: a value
            # of hers the roster does not keep, passed over
            continue
        if m is None or key is None:
            if block:
                close()
            continue
        if key in block:
            close()
        block[key] = m.group(2).strip()
    close()
    return found


def form_grids(grids: Sequence[Sequence[Sequence[str]]], rules: Rules) -> list[int]:
    """The indexes of ``grids`` that are one officer's form of labels beside values
    ("Last Name | Roy" over "VT LEO Number | QT401"): two filled cells a row, the first
    row no heading of columns, three or more labels an officer's field."""
    from mailbot.intake.table_headings import header_map

    found = []
    for at, grid in enumerate(grids):
        pairs = [row for row in grid if len(row) == 2 and all(str(c).strip() for c in row)]
        if len(pairs) < 3 or len(pairs) != len(grid):
            continue
        if header_map([str(c) for c in grid[0]], rules) is not None:
            continue
        if sum(1 for row in grid if column_key(str(row[0]).strip(" :"), rules)) >= 3:
            found.append(at)
    return found


def officers_in_forms(grids: Sequence[Sequence[Sequence[str]]], rules: Rules) -> list[Officer]:
    """The officer of each of ``grids`` that is a form of labels beside values."""
    found: list[Officer] = []
    for at in form_grids(grids, rules):
        lines = [f"{str(label).strip(' :')}: {value}" for label, value in grids[at]]
        found += officers_in_blocks("\n".join(lines), rules)
    return found
