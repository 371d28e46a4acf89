"""The header block a mail client writes over a quoted or forwarded message: "From: X
<addr>" then "Sent:", "To:", "Subject:" (in any order, in the languages we list, blank
lines allowed between them, a long value folded or wrapped onto the next line), or a
line of underscores right above it. :mod:`mailbot.intake.quoting` cuts a message there.

Pure functions over the lines of a message.
"""

from __future__ import annotations

import re

_HEADER_NAMES = (
    "from|sent|date|to|cc|bcc|subject|reply-to|de|envoyé le|envoye le|envoyé|envoye|à|a|objet"
    "|date d'envoi"
    "|von|gesendet|an|betreff|datum|van|verzonden|aan|onderwerp|enviado el|enviada el|enviado em"
    "|enviada em|enviado|enviada|para|asunto|assunto"
)
# "\s*(?:\*\s*)?" rather than "\s*\*?\s*": the latter backtracks quadratically on a
# long run of spaces (a hostile message could stall the desk for minutes).
HEADER_LINE = re.compile(rf"^\s*(?:\*\s*)?(?:{_HEADER_NAMES})\s*(?:\*\s*)?:", re.I)
FROM_LINE = re.compile(r"^\s*(?:\*\s*)?(?:from|de|von|van)\s*(?:\*\s*)?:", re.I)
UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")


class Heads:
    """Which lines are header lines ("Sent:", "Objet :"), each line matched once."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.memo: dict[int, str | None] = {}

    def name(self, i: int) -> str | None:
        if i not in self.memo:
            m = HEADER_LINE.match(self.lines[i])
            self.memo[i] = " ".join(m.group(0).strip(" *:").lower().split()) if m else None
        return self.memo[i]


def next_is_header(lines: list[str], i: int, heads: Heads | None = None) -> bool:
    while i < len(lines) and (not lines[i].strip() or UNDERSCORES.match(lines[i])):
        i += 1
    return i < len(lines) and bool(FROM_LINE.match(lines[i])) and header_block(lines, i, heads)


def header_block(lines: list[str], i: int, heads: Heads | None = None) -> bool:
    """True when line ``i`` starts a block of at least three header lines ("From:",
    "Sent:", "To:", "Subject:" in any order, blank lines allowed between them)."""
    heads = heads or Heads(lines)
    names = set()
    seen = 0
    wrapped = 0
    end = min(i + 14, len(lines))
    for n in range(i, end):
        line = lines[n]
        if not line.strip():
            continue
        name = heads.name(n)
        if name is None:
            if seen >= 1 and line.startswith((" ", "\t")):
                continue  # folded value
            if (
                seen >= 1
                and wrapped < 2
                and len(line) <= 120
                and ("@" in line or "<" in line or ">" in line)
                and header_follows(lines, n + 1, end, heads)
            ):
                wrapped += 1  # "From: DPS <dps.eticket@" wrapped onto an unindented line
                continue
            break
        if name in names:
            break  # a header seen twice starts another block
        names.add(name)
        seen += 1
        if len(names) >= 3:
            return True
    return False


def header_follows(
    lines: list[str], i: int, end: int | None = None, heads: Heads | None = None
) -> bool:
    end = len(lines) if end is None else end
    while i < end and not lines[i].strip():
        i += 1
    if i >= end:
        return False
    return (heads.name(i) if heads else HEADER_LINE.match(lines[i])) is not None
