"""Officer tables: find the heading row, map columns, read the rows.

Handles TAB-separated rows (pasted from Word or Excel), columns aligned with
spaces, pipe/markdown tables, one cell per line (Outlook plain text), and the
cell grids the MIME layer took from HTML and attachments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.merged_heading import sub_heading
from mailbot.intake.model import Officer
from mailbot.intake.not_given import not_given, placeholder_words
from mailbot.intake.officer_fields import OFFICER_FIELDS
from mailbot.intake.prose import person, split_name, split_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_cells import (
    _COLUMN_START,
    Splitter,
    _commas,
    _is_separator,
    _pipes,
    _semicolons,
    _spaces,
    _tabs,
    footer_row,
)

_NOT_WORD = re.compile(r"[^\w#/ ]+")
_SLASH = re.compile(r"(?:(?<!\s)|(?!\s))\s*/\s*")  # from a run's first space only
_GLUED_SIGN = re.compile(r"(?<=\w)#")
_OFFICER_PREFIX = re.compile(r"^(?:vt )?officer(?:'s| s)? ")
_SYSTEM_PREFIX = re.compile(r"^(?:vt |dps )")


def _norm(cell: str) -> str:
    cell = cell.lower().replace("’", "'").replace("_", " ")
    cell = _NOT_WORD.sub(" ", cell)
    cell = _SLASH.sub("/", cell)
    cell = _GLUED_SIGN.sub(" #", cell)  # "LEO#" is "LEO #"
    return " ".join(cell.split())


MAX_COLUMNS = 30
"""A heading row with more cells than this is not an officer table."""
_MAX_SEEN = 4096
"""Heading cells remembered per rules object before the memo starts over."""


@per_rules
def _synonyms(rules: Rules) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, words in rules.columns.columns.items():
        for word in words:
            table.setdefault(_norm(word), key)
    return table


@per_rules
def _export_suffix(rules: Rules) -> re.Pattern[str]:
    words = "|".join(re.escape(w.lower()) for w in rules.columns.detection.export_suffixes)
    return re.compile(rf"\s+(?:{words or '(?!)'})$")


@per_rules
def _seen_cells(rules: Rules) -> dict[str, str | None]:
    """Memo of :func:`column_key` (every line of a message is tried as a heading)."""
    return {}


def column_key(cell: str, rules: Rules) -> str | None:
    """The officer field a heading cell names ("Badge #" -> "officer_number"), or None."""
    if len(cell) > 60:
        return None
    seen = _seen_cells(rules)
    known = seen.get(cell, "")  # "" = not seen yet (no field key is empty)
    if known != "":
        return known
    if len(seen) >= _MAX_SEEN:
        seen.clear()
    key = _column_key(cell, _synonyms(rules))
    if key is None:
        # "RANK_DESC" in a records-system export: "Rank" with the export's suffix
        bare = _export_suffix(rules).sub("", _norm(cell))
        key = _column_key(bare, _synonyms(rules)) if bare != _norm(cell) else None
    if key is None and _CAMEL.search(cell) and " " not in cell.strip():
        # "OfficerNumber", "DPSUsername": an export's heading with its words run together
        key = _column_key(_CAMEL.sub(" ", cell), _synonyms(rules))
    seen[cell] = key
    return key


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _column_key(cell: str, syn: dict[str, str]) -> str | None:
    norm = _norm(cell)
    if not norm:
        return None
    bare = _OFFICER_PREFIX.sub("", norm)
    for c in (norm, bare, _SYSTEM_PREFIX.sub("", bare)):
        if c in syn:
            return syn[c]
    if "(" in cell:
        # "Officers (last, first, title, ...)": a lead-in before the first heading
        return _column_key(cell.rpartition("(")[2], syn)
    return None


def header_map(
    cells: Sequence[str], rules: Rules, *, extra_columns: bool = False
) -> dict[int, str] | None:
    """Column index -> field for a heading row, or None if it is not one.

    ``extra_columns``: a spreadsheet or records-system export may carry many columns
    besides the officer's (hire date, unit...); three recognised headings suffice."""
    if len(cells) > MAX_COLUMNS:
        return None
    mapping: dict[int, str] = {}
    preferred = rules.columns.detection.preferred
    for i, cell in enumerate(cells):
        key = column_key(cell, rules)
        if key is None:
            continue
        if key not in mapping.values():
            mapping[i] = key
            continue
        words = preferred.get(key) or []
        at = next(j for j, k in mapping.items() if k == key)
        if _rank(cell, words) < _rank(cells[at], words):
            # "Badge" then "VT LEO #" (or "Officer Number"): the LEO number is the one
            del mapping[at]
            mapping[i] = key
    blank = sum(1 for c in cells if not c.strip())
    if len(mapping) < rules.columns.detection.min_columns:
        return None
    wide = extra_columns and len(mapping) >= 3
    if (len(mapping) + blank) * 2 < len(cells) and not wide:  # mostly prose, not headings
        return None
    if not ({"officer_number", "full_name", "last_name"} & set(mapping.values())):
        return None
    return _name_first(cells, mapping)


_NAME_KEYS = frozenset({"full_name", "last_name", "first_name"})


def _name_first(cells: Sequence[str], mapping: dict[int, str]) -> dict[int, str]:
    """A heading row that names the other fields but not the name ("Officers (given
    first, then last), rank, LEO#, DPS login"): its first column, unrecognised, is the
    officer's name, not a column to drop (else every officer's name would be asked)."""
    if _NAME_KEYS & set(mapping.values()) or 0 in mapping or len(mapping) < 2:
        return mapping
    if not cells[0].strip() or _NUMBERING.match(cells[0]):
        return mapping
    return {0: "full_name", **mapping}


_NUMBERING = re.compile(r"^\s*(?:no\.?|#|n|item|row|line|count|seq\.?)\s*$", re.I)


def _rank(cell: str, words: list[str]) -> int:
    """How early in ``words`` (most wanted first) a word of the heading comes."""
    norm = set(_norm(cell).replace("/", " ").split())
    return next((n for n, w in enumerate(words) if w in norm), len(words))


def row_officer(cells: Sequence[str], mapping: dict[int, str], rules: Rules) -> Officer | None:
    """The officer in one row of cells, or None for an empty row (or a rule, a total, a
    count of the records under the table)."""
    if footer_row(cells, rules):
        return None
    values: dict[str, str | None] = dict.fromkeys(OFFICER_FIELDS)
    for i, key in mapping.items():
        raw = cells[i] if i < len(cells) else ""
        if i == min(mapping):
            raw = _ROW_BULLET.sub("", raw)  # "- Lieutenant, Joel Halvorsen, ...": a list row
        value = " ".join(raw.split()) or None
        if key == "status":
            if value and value.lower() in _inactive(rules):
                return None  # an export's INACTIVE row: not an officer to set up
            continue
        if key == "full_name":
            if value:
                title, first, last = person(value, rules)
                if first is None and last is None:
                    first, last = split_name(value)
                values["first_name"] = values["first_name"] or first
                values["last_name"] = values["last_name"] or last
                if title and not values["title"]:
                    values["title"] = title
        elif values[key] is None:
            values[key] = value
    if values["title"]:  # "Sergeant (was Cpl)": the title now, not the one before
        values["title"] = _FORMER.sub("", values["title"]) or values["title"]
    placeholders = placeholder_words(rules)
    for key in ("title", "officer_number", "dps_username"):  # "Na" may be a name
        value = values[key]
        if value is not None and (value.lower() in placeholders or not_given(value, rules)):
            values[key] = None  # "pending", "TBD", "n/a", "(not set up yet)": not given
    if not any(values.values()):
        return None
    if any(v and _TOTAL.match(v) for v in values.values()):
        return None  # "Total: 4 officers" under a spreadsheet
    if values["dps_username"]:
        values["dps_username"] = bare_username(values["dps_username"], rules)
    filled = [v for v in values.values() if v]
    if len(filled) == 1 and not values["officer_number"]:
        return None  # a note or total line under the table ("Total: 12 officers")
    return Officer(**values)


_ROW_BULLET = re.compile(r"^\s*[-*•·]\s+")
_FORMER = re.compile(r"\s*\((?:was|formerly|previously|prev\.?)\s[^()]{1,40}\)$", re.I)
_TOTAL = re.compile(r"^\s*(?:total|count|sum)\b", re.I)


@per_rules
def _inactive(rules: Rules) -> frozenset[str]:
    return frozenset(v.lower() for v in rules.columns.detection.inactive_values)


def bare_username(value: str, rules: Rules) -> str:
    """``DPS\\jdoe`` or ``jdoe@dps.state.vt.us`` -> ``jdoe``: the DPS domain is not part
    of the username (an address on another domain is kept, and found invalid)."""
    if "\\" in value and " " not in value:
        value = value.rsplit("\\", 1)[1]
    user, at, domain = value.partition("@")
    if at and domain.lower() in {d.lower() for d in rules.formats.dps_username.dps_domains}:
        return user
    return value


def _read_split(
    lines: list[str], start: int, split: Splitter, rules: Rules
) -> tuple[list[Officer], int] | None:
    head = split(lines[start])
    mapping = header_map(head, rules) if head else None
    if mapping is None:
        return None
    officers: list[Officer] = []
    i = start + 1
    below = split(lines[i]) if i < len(lines) and split is not _spaces else []
    spread = sub_heading(mapping, below, rules)
    if spread is not None:  # "Officer Name" over "Last | First" (a merged heading cell)
        mapping, i = spread, i + 1
        head = [*head, *below[1:]]
    aligned = split is _spaces
    starts = _column_starts(lines[start]) if aligned else []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            break
        if _is_separator(line):
            i += 1
            continue
        cells = split(line)
        if aligned and len(cells) != len(head):
            cells = _slice(line, starts)
        elif split is _tabs and len(cells) > len(head) and all(head):
            full = [c for c in cells if c]  # "Deng\t\tSamuel\t\tOfficer": tabs to align
            cells = full if len(full) == len(head) else cells
        elif len(cells) == len(head) - 1:
            cells = _title_with_name(cells, mapping, rules)
        if len(cells) < 2:
            break
        officer = row_officer(cells, mapping, rules)
        if officer is not None:
            officers.append(officer)
        i += 1
    return officers, i


def _title_with_name(cells: list[str], mapping: dict[int, str], rules: Rules) -> list[str]:
    """A row one cell short of a "title, name, ..." heading whose name cell starts with
    the title ("Det. Kara Dunbar, SJ012, ..."): the title cut off into its own cell."""
    at = next((i for i, k in mapping.items() if k == "title"), None)
    if at is None or mapping.get(at + 1) not in {"full_name", "last_name", "first_name"}:
        return cells
    if at >= len(cells):
        return cells
    words = cells[at].split()
    title, rest = split_rank(words, rules)
    if title is None or len(rest) < 2:
        return cells
    written = " ".join(words[: len(words) - len(rest)])
    return [*cells[:at], written, " ".join(rest), *cells[at + 1 :]]


def _column_starts(line: str) -> list[int]:
    return [m.start() for m in _COLUMN_START.finditer(line)]


def _slice(line: str, starts: list[int]) -> list[str]:
    cells = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(line)
        cells.append(line[s:e].strip())
    return cells


def _read_cell_per_line(
    lines: list[str], start: int, rules: Rules
) -> tuple[list[Officer], int] | None:
    """Outlook plain text of a Word table: each heading on its own line, then the values."""
    heads: list[str] = []
    i = start
    while i < len(lines) and lines[i].strip() and column_key(lines[i], rules) is not None:
        heads.append(lines[i].strip())
        i += 1
        if len(heads) > MAX_COLUMNS:
            return None  # no table has so many columns (and the reading stays linear)
    if len(heads) < 3:
        return None
    mapping = header_map(heads, rules)
    if mapping is None:
        return None
    n = len(heads)
    values: list[str] = []
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            # A blank line ends the table unless it falls between two rows.
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            nxt = lines[j] if j < len(lines) else ""
            if len(values) % n == 0 and not _looks_like_cell(nxt):
                break
            i = j  # the blank lines up to the next value
            continue
        if len(values) % n == 0 and not _looks_like_cell(line):
            break
        values.append(line)
        i += 1
    officers = []
    for r in range(0, len(values) - len(values) % n, n):
        officer = row_officer(values[r : r + n], mapping, rules)
        if officer is not None:
            officers.append(officer)
    return officers, i


def _looks_like_cell(line: str) -> bool:
    """A short value ("Sgt.", "HA014"), not a sentence or a sign-off."""
    s = line.strip()
    if not s or len(s.split()) > 4:
        return False
    return not s.endswith((",", ":")) and not (s.endswith(".") and len(s.split()) > 1)


def officers_from_text(text: str, rules: Rules) -> list[Officer]:
    """Every officer row of every officer table in ``text``."""
    lines = text.split("\n")
    officers: list[Officer] = []
    i = 0
    while i < len(lines):
        found = None
        for split in (_tabs, _pipes, _spaces, _commas, _semicolons):
            found = _read_split(lines, i, split, rules)
            if found is not None:
                break
        if found is None:
            found = _read_cell_per_line(lines, i, rules)
        if found is None:
            i += 1
            continue
        rows, end = found
        officers.extend(rows)
        i = max(end, i + 1)
    return officers


_HEADING_ROWS = 30
"""Rows searched for the heading of a grid (titles and notes may stand above it)."""


def officers_from_grid(grid: Sequence[Sequence[str]], rules: Rules) -> list[Officer]:
    """Officers of one table given as rows of cells (HTML, CSV, XLSX, DOCX)."""
    for h, row in enumerate(grid[:_HEADING_ROWS]):
        mapping = header_map([str(c) for c in row], rules, extra_columns=True)
        if mapping is None:
            continue
        below = [str(c) for c in grid[h + 1]] if h + 1 < len(grid) else []
        spread = sub_heading(mapping, below, rules)
        if spread is not None:  # "Officer Name" over "Last | First" (a merged heading cell)
            mapping, h = spread, h + 1
        officers = []
        for cells in grid[h + 1 :]:
            officer = row_officer([str(c) for c in cells], mapping, rules)
            if officer is not None:
                officers.append(officer)
        return officers
    return []


def has_table(text: str, rules: Rules) -> bool:
    """True when ``text`` holds an officer table heading."""
    return bool(officers_from_text(text, rules))
