"""A text table line split into its cells (by tabs, pipes, runs of spaces, commas or
semicolons), and the rule rows under a heading ("---|---", "======").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# --- splitting lines into cells -------------------------------------------------------

Splitter = Callable[[str], list[str]]


def _tabs(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")] if "\t" in line else []


def _pipes(line: str) -> list[str]:
    s = line.strip()
    if s.count("|") < 2 and not (s.count("|") >= 1 and len(s.split("|")) >= 3):
        return []
    s = s.strip("|")
    return [c.strip() for c in s.split("|")]


def _commas(line: str) -> list[str]:
    """A table pasted as CSV ("Last Name, First Name, Rank, Officer #, Username")."""
    return [c.strip().strip('"') for c in line.split(",")] if line.count(",") >= 2 else []


def _semicolons(line: str) -> list[str]:
    return [c.strip().strip('"') for c in line.split(";")] if line.count(";") >= 2 else []


_GAP = re.compile(r" {2,}")
_COLUMN_START = re.compile(r"(?:(?<=^)|(?<= {2}))\S")


def _spaces(line: str) -> list[str]:
    if "  " not in line:
        return []
    cells = _GAP.split(line.strip())
    return cells if len(cells) >= 2 else []


_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
"""A rule row under a heading ("---|---", "| :--- | ---: |")."""
_RULE_CHARS = frozenset("-=+ ")


def _is_separator(line: str) -> bool:
    """A rule row ("---|---") or a line of dashes, equals or pluses ("======", "- - -"),
    six characters at least counting the spaces beside them (read without a pattern
    whose spaces could be split many ways: linear time)."""
    if _SEPARATOR.match(line):
        return True
    s = line.strip()
    if not s or not set(s) <= _RULE_CHARS:
        return False
    lead = line[: line.index(s)]
    trail = line[line.index(s) + len(s) :]
    return len(lead) - len(lead.rstrip(" ")) + len(s) + len(trail) - len(trail.lstrip(" ")) >= 6
