"""A heading row laid out in columns whose cells wrap onto a second line ("Officer" over
"Number", "Officer First" over "Name", as a PDF or a Word table prints a narrow column):
the two lines read as one heading, never the second as an officer row. A change form's
heading ("Action | Officer | Name | DPS" over "# ... Username") is joined the same way."""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import column_key, header_map

_WORD = re.compile(r"\S+")
_MAX_WORDS = 2
"""Words of a heading cell's wrapped part ("Number", "First Name")."""
_SHORT = 3
"""A wrapped part this short, not a word, needs no heading of its own ("#", "No.")."""


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line laid out in columns, with where each starts and ends: words
    one space apart (two spaces or more, or a TAB, end a cell)."""
    cells: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(line):
        if cells and m.start() - cells[-1][1] == 1 and line[cells[-1][1]] == " ":
            start, _, text = cells[-1]
            cells[-1] = (start, m.end(), f"{text} {m.group()}")
        else:
            cells.append((m.start(), m.end(), m.group()))
    return cells


def joined_heading(head: str, below: str, rules: Rules) -> str | None:
    """``head`` with the wrapped parts on ``below`` added to the cells they stand under,
    as one line (each cell where it stood, or two spaces after the one before); else
    ``None``. Every part of ``below`` must stand under one heading cell alone (no two
    under one), be a heading word without a digit, and make with its cell a heading."""
    cells = _cells(head)
    parts = _cells(below)
    if len(cells) < 2 or not parts or len(parts) > len(cells):
        return None
    texts = [text for _, _, text in cells]
    for start, end, text in parts:
        words = text.split()
        if len(words) > _MAX_WORDS or any(ch.isdigit() for ch in text):
            return None
        if column_key(text, rules) is None and (len(text) > _SHORT or text.isalpha()):
            return None  # "#", "No." may end a heading; a word must be a heading itself
        over = [n for n, (s, e, _) in enumerate(cells) if s < end and start < e]
        if len(over) != 1 or texts[over[0]] != cells[over[0]][2]:
            return None  # under two cells, or a second part under one
        joined = f"{texts[over[0]]} {text}"
        if column_key(joined, rules) is None:
            return None
        texts[over[0]] = joined
    line = ""
    for (start, _, _), text in zip(cells, texts, strict=True):
        line = line.ljust(start) if not line or len(line) + 2 <= start else line + "  "
        line += text
    return line


def join_wrapped_headings(text: str, rules: Rules) -> str:
    """``text`` with each heading row (of a roster, or of a table of changes headed
    "Action") that wraps onto a second line (see :func:`joined_heading`) joined into
    one line."""
    from mailbot.intake.change_tables import action_column

    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        below = lines[i + 1] if i + 1 < len(lines) else ""
        joined = None
        if "  " in line.strip() and below.strip():
            cells = [c for _, _, c in _cells(line)]
            heading = header_map(cells, rules, extra_columns=True) is not None
            if heading or action_column(cells, rules) is not None:
                joined = joined_heading(line, below, rules)
        out.append(line if joined is None else joined)
        i += 1 if joined is None else 2
    return "\n".join(out)
