"""A text table line split into its cells (by tabs, pipes, runs of spaces, commas or
semicolons), the rule rows under a heading ("---|---", "======"), and the rows of a
table that hold no record: a rule, a total, a count of the records listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mailbot.intake.rules import Rules, per_rules

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


def _slashes(line: str) -> list[str]:
    """A table written "Last / First / Title / LEO # / DPS user" (a PDF's lines)."""
    return [c.strip() for c in line.split(" / ")] if line.count(" / ") >= 2 else []


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


# --- rows that are no record ----------------------------------------------------------

_RULE_CELL = frozenset("-=+_*~.:|# ")
_COUNT_WORD = re.compile(r"[a-z]+")
_COUNT_NUMBER = re.compile(r"^\d{1,3}$")


def footer_row(cells: Sequence[str], rules: Rules) -> bool:
    """True for a row that holds no record: its cells only rule characters ("------",
    "=====") or the count of the rows above ("2 record(s) printed.", "=== 12 ROWS ===",
    "Total: 4 officers", "*** END OF REPORT ***"): one small number, or a banner between
    rule characters, and count words only (``[detection] count_words``)."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled:
        return False
    if all(set(c) <= _RULE_CELL for c in filled):
        return True
    text = " ".join(filled).lower()[:_MAX_FOOTER]
    words = _COUNT_WORD.findall(text)
    numbers = [w for w in re.split(r"[^\w]+", text) if w.isdigit()]
    if not words or len(numbers) > 1 or not all(_COUNT_NUMBER.match(n) for n in numbers):
        return False
    if not all(w in _count_words(rules) for w in words):
        return False
    framed = set(text[:1]) <= _RULE_CELL and set(text[-1:]) <= _RULE_CELL
    return bool(numbers) or "total" in words or framed


_MAX_FOOTER = 120


@per_rules
def _count_words(rules: Rules) -> frozenset[str]:
    return frozenset(w.lower() for w in rules.columns.detection.count_words)


def sample_row(cells: Sequence[str], rules: Rules) -> bool:
    """True for a form's sample row, a cell marked as the example to follow ("EXAMPLE:
    Doe | Jane | Officer | A1234", "(sample) Roe"): no officer of the agency."""
    return any(_sample_mark(rules).match(c) for c in cells if c)


@per_rules
def _sample_mark(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.columns.detection.sample_marks, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words) or "(?!)"
    # "e.g.  Smith": a mark that ends with its own full stop needs no colon after it
    dotted = "|".join(re.escape(w) for w in words if w.endswith(".")) or "(?!)"
    return re.compile(rf"^\s*(?:(?:{alt})\s*[:=]|[(\[]\s*(?:{alt})\s*[)\]]|(?:{dotted})\s)", re.I)


def role_label_row(cells: Sequence[str], rules: Rules) -> bool:
    """True for a row opened by the label of a person other than the officers ("Head of
    Department | Chief Ann Roy" under a form's officer table, "Point of Contact: ...")
    or by a form's approval line ("Authorized: Sheriff Ann Roy" under the table, its
    label and the signer in one cell): that person's field, no officer row."""
    first = next((c.strip() for c in cells if c.strip()), "")
    label = first.split(":", 1)[0] if ":" in first else first
    return label.strip().casefold() in _role_labels(rules)


@per_rules
def _role_labels(rules: Rules) -> frozenset[str]:
    paths = rules.labels.form_sections.roles
    signed = rules.labels.form_sections.signed
    words = [*signed, *(w for p in paths for w in rules.labels.labels.get(p, []))]
    return frozenset(w.casefold() for w in words)


_DIGIT = re.compile(r"\d")


def wrapped_rest(
    cells: Sequence[str], after: str, head: Sequence[str], split: Splitter
) -> list[str]:
    """The cells of the line ``after`` a row cut short where a paste broke it ("Gagnon |
    Michelle | Sheriff" over "02210 | mgagnon | --"): together as many as the heading's,
    the line after opening with a number, which no row's name (the first column) starts
    with; no cells else."""
    if split not in (_tabs, _pipes) or not 2 <= len(cells) < len(head) or not after.strip():
        return []
    rest = split(after)
    if len(cells) + len(rest) != len(head) or not _DIGIT.match(rest[0].strip()):
        return []
    return rest
