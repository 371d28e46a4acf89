"""Paragraphs a mail client hard-wrapped (Thunderbird at 72 columns, Outlook's plain
text at 76) put back on one line each, so a sentence cut at the margin ("... Sgt. Daniel"
over "O'Connell (VT LEO number SB442, ...)", "located at 1187 Lower" over "Notch Road,
...") is read whole.

A line of running text ending near the message's margin (its longest line, at a
client's wrapping width) was wrapped by the client; a line ended by its writer (a
sign-off, a heading, a short sentence) ends well short of it. Table rows (tabs, pipes, columns apart
by runs of spaces or spaced slashes), list lines and "Label: value" lines are never joined.
"""

from __future__ import annotations

import re
from itertools import pairwise

from mailbot.intake.label_spelling import labels_respelled
from mailbot.intake.rules import Rules
from mailbot.intake.run_together_labels import labels_apart, labels_over_values

MIN_WIDTH = 60
MAX_WIDTH = 80
"""The margins clients wrap plain text at; a message with a longer line is not wrapped."""
MIN_WRAPPED = 2
"""Lines ending at the margin a message must show before it is read as hard-wrapped."""
_NEAR = 16
"""How far short of the margin a wrapped line may end (a long word went to the next)."""

_ROW = re.compile(r"\t|\||[^\s.!?:] {2,}\S|\.{4,}|_{4,}| / [^/]* / ")
"""A row of cells, or a form's line ("Address ........ 15 Main St", "Name: ______"); cells
may stand apart by spaced slashes ("Last Name / First / Rank")."""
_ITEM = re.compile(r"^\s*(?:[-*•·>]|\(?\d{1,3}[.)]|[A-Za-z][A-Za-z #./'’()-]{0,30}:(?=\s|$))")
_PROSE = re.compile(r"\S+(?: \S+){3,}")


def _margin(lines: list[str]) -> int | None:
    """The column the client wrapped at, or None when the text shows no such margin."""
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if not widths or max(widths) > MAX_WIDTH or max(widths) < MIN_WIDTH:
        return None
    width = max(widths)
    near = sum(
        1
        for line, below in pairwise(lines)
        if len(line.rstrip()) >= width - _NEAR and below.strip() and _joinable(line, below)
    )
    return width if near >= MIN_WRAPPED else None


_VALUE_END = re.compile(r"(?<![\w.-])(?:[a-z][a-z0-9._-]{1,29}|[A-Za-z0-9-]*\d[A-Za-z0-9-]*)\W?$")


_RECORD_NUMBER = re.compile(
    r"(?<![\w-])(?=[A-Za-z0-9]{0,4}[A-Za-z])(?=[A-Za-z0-9]{0,4}\d)[A-Za-z0-9]{5}(?![\w-])"
)
"""An officer number of five letters and digits, a digit first too ("8C001")."""
_NAME_ALONE = re.compile(r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’.-]*){1,2}")
"""A name alone on its line ("Walt Hier"): the writer signing under his last record."""


def _signed_under(line: str, below: str) -> bool:
    """Whether ``below`` is the writer's name signed alone right under ``line``, an
    officer's record ending in his login or number ("..., 8C002, jpalmer" / "Walt Hier")."""
    return (
        bool(_RECORD_NUMBER.search(line))
        and bool(_VALUE_END.search(line.rstrip()))
        and bool(_NAME_ALONE.fullmatch(below.strip()))
    )


def _signed_apart(text: str) -> str:
    """``text`` with its last line, the writer's name signed alone right under the last
    record of a roster, set apart as its closing paragraph (as under a blank line)."""
    lines = text.rstrip("\n").split("\n")
    if len(lines) >= 2 and _signed_under(lines[-2], lines[-1]):
        tail = text[len(text.rstrip("\n")) :]
        return "\n".join([*lines[:-1], "", lines[-1]]) + tail
    return text


def _joinable(line: str, below: str) -> bool:
    """Whether ``line`` is running text that ``below`` may go on from (not one officer's
    record ending in his login or number over the next one's, capitalised, with his own
    number, a digit first too: "Lt. Ann Roy, LEO number FW310, username aroy" over
    "Officer Tom Hale, ...", "Roy, Ann - Lieutenant - 48N02 - aroy" over "Hale, Tom - ...",
    or over the writer's name signed alone: "Walt Hier")."""
    records = (
        bool(_RECORD_NUMBER.search(line))
        and bool(_RECORD_NUMBER.search(below))
        and below.lstrip()[:1].isupper()
        and bool(_VALUE_END.search(line.rstrip()))
    ) or _signed_under(line, below)
    return (
        not records
        and bool(_PROSE.match(line.strip()))
        and not _ROW.search(line.strip())
        and not _ROW.search(below.strip())
        and not _ITEM.match(below)
    )


def unwrapped(text: str) -> str:
    """``text`` with each line its client wrapped at the margin joined to the next one."""
    lines = text.split("\n")
    width = _margin(lines)
    if width is None:
        return text
    out: list[str] = []
    goes_on = False  # the last line in ``out`` was wrapped onto this one
    for at, line in enumerate(lines):
        if goes_on:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
        below = lines[at + 1] if at + 1 < len(lines) else ""
        first = below.split(None, 1)[0] if below.strip() else ""
        goes_on = (
            bool(first)
            and len(line.rstrip()) >= width - _NEAR
            and not line.rstrip().endswith(":")
            and _joinable(line, below)
        )
    return "\n".join(out)


def laid_out(text: str, rules: Rules) -> str:
    """``text`` one line a line as its writer laid it out: the lines its client wrapped
    at the margin joined ("... Sgt. Daniel" over "O'Connell (SB442, ...)"), the labelled
    lines it ran together apart ("Agency: Quarry PD Judiciary Code: 0290 Address: ..."),
    a table of labels over one row of values written "Label: value" a line,
    a name signed alone under the last row of a roster set apart as the sign-off, a label
    typed one letter wrong as the label ("Point of contect:")."""
    text = labels_over_values(labels_respelled(unwrapped(text), rules), rules)
    return _signed_apart(labels_apart(text, rules))


def as_typed(typed: str, laid: str, body: str, signature: str) -> str:
    """The text whose lines staff are pointed to ("text line 7"): ``body`` (read from the
    ``laid`` out text), or, when laying out joined or split lines, the ``typed`` text above
    the signature, so that a line number is the line the writer sees in his message."""
    if typed == laid:
        return body
    first = next((line for line in signature.split("\n") if line.strip()), "")
    at = typed.rfind(first) if first else -1
    return typed[:at] if at > 0 else typed
