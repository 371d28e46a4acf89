"""The rows the tolerant line reader (:mod:`loose_rows`) finds where no other reader
read one, each put in its line's place among the rows already read."""

from __future__ import annotations

import re

from mailbot.intake.loose_rows import loose_rows
from mailbot.intake.model import Officer
from mailbot.intake.prose import split_line, split_name
from mailbot.intake.rules import Rules
from mailbot.intake.table_cells import sample_row


def with_loose_rows(
    body: str,
    found: list[Officer],
    rules: Rules,
    writer: tuple[str | None, str | None] | None = None,
) -> list[Officer]:
    """``found`` with the rows of the sentences no reader read a row from, each in its
    line's place; with ``writer``, only the writer's own row is added."""
    if writer is None:
        rows = loose_rows(_without_samples(body, rules), rules)
    else:
        first, last = split_name(writer[0] or "")
        if last is None:
            return found  # every row read has a surname
        rows = [
            (i, o)
            for i, o in loose_rows(body, rules, writer, surname=last)
            if (o.first_name, o.last_name) == (first, last)
        ]
    if not rows:
        return found
    # where each word is first: its line, and its sentence there (a paragraph typed as one
    # line gives the rows of its other sentences, "I will be issuing tickets myself, as
    # Chief, number 9H001", after others read one)
    first_line: dict[str, tuple[int, int]] = {}
    for index, line in enumerate(body.splitlines()):
        for k, sentence in enumerate(split_line(line)):
            for word in re.findall(r"[\w'\u2019-]+", sentence.casefold()):
                first_line.setdefault(word, (index, k))
    numbers = {(o.officer_number or "").casefold() for o in found} - {""}
    names = {((o.first_name or "").casefold(), (o.last_name or "").casefold()) for o in found}
    read_lines = {_line_of(o, first_line) for o in found} - {None}
    new = [
        (i, o)
        for i, o in rows
        if i not in read_lines
        and (o.officer_number or "").casefold() not in numbers
        and ((o.first_name or "").casefold(), (o.last_name or "").casefold()) not in names
    ]
    out: list[Officer] = []
    for officer in found:
        at = _line_of(officer, first_line)
        while new and at is not None and new[0][0] < at:
            out.append(new.pop(0)[1])
        out.append(officer)
    return out + [o for _, o in new]


def _without_samples(body: str, rules: Rules) -> str:
    """``body`` with its sample lines blank ("e.g.  Smith, John, Officer, 12345, jsmith"
    under the desk's "one line per officer in this form"): the example to follow, no
    officer; the other lines keep their places."""
    lines = body.splitlines()
    if not any(sample_row([line], rules) for line in lines):
        return body
    return "\n".join("" if sample_row([line], rules) else line for line in lines)


def _line_of(officer: Officer, first_line: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The line and sentence an officer read is on: where his number, else his surname,
    is first."""
    for value in (officer.officer_number, officer.last_name):
        if value and value.casefold() in first_line:
            return first_line[value.casefold()]
    return None
