"""Officers written as blocks of "Heading: value" lines, one block per officer, or one line
of three or more such pairs ("Last: Emery, First: Rachel, Rank: Sergeant, No.: HN005").
"""

from __future__ import annotations

import re

from mailbot.intake.lists import MAX_LINE
from mailbot.intake.model import Officer
from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import column_key

_FIELD_LINE = re.compile(r"^\s*(?:[-*•·]\s*)?([A-Za-z][A-Za-z #./'’()-]{0,40}?)\s*[:=]\s*(.*)$")


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


def officers_in_blocks(text: str, rules: Rules) -> list[Officer]:
    """Officers written as blocks of "Heading: value" lines, one block per officer:

        Name: Elena Okafor          Officer: Ann J. Morin
        Title: Lieutenant           Rank: Detective
        Officer Number: WO274       Badge: MJ058
        DPS Username: elena.okafor  Login: amorin

    A block ends at a blank line or when a heading comes again."""
    from mailbot.intake.tables import row_officer

    found: list[Officer] = []
    block: dict[str, str] = {}

    def close() -> None:
        if len(block) >= 3 and ({"officer_number", "full_name", "last_name"} & set(block)):
            keys = list(block)
            officer = row_officer([block[k] for k in keys], dict(enumerate(keys)), rules)
            if officer is not None:
                found.append(officer)
        block.clear()

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
        if m is None or key is None:
            if not line.strip() or block:
                close()
            continue
        if key in block:
            close()
        block[key] = m.group(2).strip()
    close()
    return found
