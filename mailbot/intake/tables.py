"""Officer tables: find the heading row (:mod:`table_headings` maps its columns), read
the rows.

Handles TAB-separated rows (pasted from Word or Excel), columns aligned with
spaces, pipe/markdown tables, one cell per line (Outlook plain text), and the
cell grids the MIME layer took from HTML and attachments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from mailbot.intake.checks import check_officer_number
from mailbot.intake.merged_heading import heading_above, sub_heading
from mailbot.intake.model import Officer
from mailbot.intake.not_given import not_given, placeholder_words
from mailbot.intake.officer_fields import OFFICER_FIELDS
from mailbot.intake.prose import person, rank_title, split_name, split_rank
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_cells import (
    _COLUMN_START,
    Splitter,
    _commas,
    _is_separator,
    _pipes,
    _semicolons,
    _slashes,
    _spaces,
    _tabs,
    footer_row,
    role_label_row,
    sample_row,
    wrapped_rest,
)
from mailbot.intake.table_headings import MAX_COLUMNS, column_key, header_map
from mailbot.intake.wrapped_heading import joined_heading


def row_officer(cells: Sequence[str], mapping: dict[int, str], rules: Rules) -> Officer | None:
    """The officer in one row of cells, or None for an empty row (or a rule, a total, a
    count of the records under the table, the heading row repeated on a new page)."""
    if footer_row(cells, rules) or sample_row(cells, rules) or role_label_row(cells, rules):
        return None
    if header_map(cells, rules) is not None:
        return None  # "Last Name | First Name | Rank | ...": a heading wherever it stands
    values: dict[str, str | None] = dict.fromkeys(OFFICER_FIELDS)
    labelled = False
    former = _former(rules)
    for i, key in mapping.items():
        raw = cells[i] if i < len(cells) else ""
        if i == min(mapping):
            raw = _ROW_BULLET.sub("", raw)  # "- Lieutenant, Joel Halvorsen, ...": a list row
        value = " ".join(raw.split()) or None
        if value and value.endswith(")"):
            # "Sergeant (was Cpl)", "Bergstrom (formerly Nye)": the value now, not the
            # one before
            value = former.sub("", value) or value
        if key == "status":
            if value and value.lower() in _inactive(rules):
                return None  # an export's INACTIVE row: not an officer to set up
            continue
        if key == "full_name":
            labelled = bool(value and _NAME_LABEL.match(value))
            if value and labelled:  # "Prepared by: Sgt Ann Roy": the label is no name
                value = _NAME_LABEL.sub("", value)
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
    if values["dps_username"] is None:
        # "GC500    DPS\\RLABOMBARD" under a heading not known ("USR"): a login written
        # behind the DPS domain is the username, however its column is headed
        values["dps_username"] = _domain_login(cells, mapping, rules)
    placeholders = placeholder_words(rules)
    for key in ("title", "officer_number", "dps_username"):  # "Na" may be a name
        value = values[key]
        if value is not None and (value.lower() in placeholders or not_given(value, rules)):
            values[key] = None  # "pending", "TBD", "n/a", "(not set up yet)": not given
    if not any(values.values()):
        return None
    number = values["officer_number"]
    if any(v and _TOTAL.match(v) for v in values.values()) and (
        not number or check_officer_number(number, rules) is not None
    ):
        return None  # "Total: 4 officers" under a spreadsheet (an officer may be named Sum)
    if values["dps_username"]:
        values["dps_username"] = bare_username(values["dps_username"], rules)
    if labelled and not (values["officer_number"] or values["dps_username"]):
        return None  # a labelled line under the table (a signer, a contact): no roster row
    filled = [v for v in values.values() if v]
    if len(filled) == 1 and not values["officer_number"]:
        return None  # a note or total line under the table ("Total: 12 officers")
    return Officer(**values)


_ROW_BULLET = re.compile(r"^\s*(?:[-*•·]|\(?\d{1,3}[.)])\s+(?=\S)")
"""A list row's mark: a bullet, an item number ("1. Sergeant Ann Roy, ...")."""
_NAME_LABEL = re.compile(r"^[A-Za-z][A-Za-z .'’-]{0,30}?:\s+(?=\S)")
"""A label before a name in its cell, ending in a colon ("Authorized: ", "Prepared by: ")."""
_TOTAL = re.compile(r"^\s*(?:total|count|sum)\b", re.I)


@per_rules
def _former(rules: Rules) -> re.Pattern[str]:
    """A bracket after a cell's value giving the value before it ("(was Cpl)")."""
    words = sorted(rules.columns.detection.former_value_words, key=len, reverse=True)
    either = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"\s*\((?:{either})(?::|\s)\s*[^()]{{1,40}}\)$", re.I)


@per_rules
def _inactive(rules: Rules) -> frozenset[str]:
    return frozenset(v.lower() for v in rules.columns.detection.inactive_values)


_DOMAIN_LOGIN = re.compile(r"^([A-Za-z][\w.]*)\\([A-Za-z][\w.-]{1,29})$")


def _domain_login(cells: Sequence[str], mapping: dict[int, str], rules: Rules) -> str | None:
    """The one cell of a row outside its headed columns written as a login behind a DPS
    domain ("DPS\\jroy", in any case), or None."""
    found = [
        cell.strip()
        for at, cell in enumerate(cells)
        if at not in mapping
        and (m := _DOMAIN_LOGIN.match(cell.strip()))
        and rules.formats.dps_username.on_dps_domain(m.group(1))
    ]
    return found[0] if len(found) == 1 else None


def bare_username(value: str, rules: Rules) -> str:
    """``DPS\\jdoe`` or ``jdoe@dps.state.vt.us`` -> ``jdoe``: the DPS domain is not part
    of the username (an address on another domain is kept, and found invalid)."""
    if "\\" in value and " " not in value:
        value = value.rsplit("\\", 1)[1]
    user, at, domain = value.partition("@")
    if at and rules.formats.dps_username.on_dps_domain(domain):  # "ycastellano@dps.local"
        return user
    return value


def _read_split(
    lines: list[str], start: int, split: Splitter, rules: Rules
) -> tuple[list[Officer], int] | None:
    heading, under = lines[start], lines[start + 1] if start + 1 < len(lines) else ""
    # a heading whose cells wrap onto a second line ("Officer" over "Number"): one row
    wrapped = joined_heading(heading, under, rules) if split is _spaces and under.strip() else None
    head = split(wrapped or heading)
    label = _ROW_BULLET.sub("", head[0]).split(":")[0] if head else ""
    if head and ":" in head[0] and len(label.split()) <= 3:
        # "Officers: last name, first name, title, ...": a label before the column names
        # (on a list's line too: "* List of officers: Job Title, Legal Name, ...")
        bare = head[0].rpartition(":")[2].strip()
        head = [bare, *head[1:]] if column_key(bare, rules) is not None else head
    if _labelled_pairs(head):
        return None  # "Rank:  Sergeant     Rank:  Officer": officers side by side, no heading
    mapping = header_map(head, rules) if head else None
    if mapping is None:
        return None
    if start and split is _tabs:  # "Rank" merged over two heading rows (an HTML rowspan)
        mapping = heading_above(mapping, head, split(lines[start - 1]), rules)
    officers: list[Officer] = []
    i = start + 1 + (wrapped is not None)
    below = split(lines[i]) if i < len(lines) and split is not _spaces else []
    spread = sub_heading(mapping, below, rules)
    if spread is not None:  # "Officer Name" over "Last | First" (a merged heading cell)
        mapping, i = spread, i + 1
        head = [*head, *below[1:]]
    aligned = split is _spaces
    starts = _column_starts(wrapped or heading) if aligned else []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # a PDF's rows a blank line apart ("Hutchins / Mark / ..."): the table goes on
            # when the line after the blank is a row of as many cells as the heading
            after = lines[i + 1] if i + 1 < len(lines) and split is _slashes else ""
            if not (after.strip() and len(split(after)) == len(head)):
                break
            i += 1
            continue
        if _is_separator(line):
            i += 1
            continue
        cells = split(line)
        after = lines[i + 1] if i + 1 < len(lines) and mapping.get(0) in _NAME_FIELDS else ""
        rest = wrapped_rest(cells, after, head, split)
        if rest:  # "Gagnon<TAB>Michelle<TAB>Sheriff" over "02210<TAB>mgagnon<TAB>--"
            cells, i = [*cells, *rest], i + 1
        if aligned and len(cells) != len(head):
            cells = _slice(line, starts)
        elif split is _tabs and len(cells) > len(head) and all(head):
            full = [c for c in cells if c]  # "Deng\t\tSamuel\t\tOfficer": tabs to align
            cells = full if len(full) == len(head) else cells
        elif len(cells) == len(head) - 1:
            cells = _title_with_name([_ROW_BULLET.sub("", cells[0]), *cells[1:]], mapping, rules)
        if len(cells) < 2:
            break
        officer = row_officer(cells, unheaded_title(cells, head, mapping, rules), rules)
        if officer is not None:
            officers.append(officer)
        i += 1
    return officers, i


def unheaded_title(
    cells: Sequence[str], head: Sequence[str], mapping: dict[int, str], rules: Rules
) -> dict[int, str]:
    """``mapping`` for a row whose rank stands in a column with no heading of its own
    ("Hatch | William | Sheriff | OC001 | whatch" under "Last | First | | Officer # | DPS
    user", or under a heading one cell shorter, the rank's heading on the row above):
    that column the title (the columns after it shifted when the heading is shorter)."""
    longer = len(cells) == len(head) + 1
    if "title" in mapping.values() or not (longer or len(cells) == len(head)):
        return mapping
    for at, cell in enumerate(cells):
        if not longer and (at in mapping or head[at].strip()):
            continue  # a column with a heading
        if longer and mapping.get(at) in ("last_name", "first_name", "full_name"):
            continue
        words = cell.split()
        ranked = split_rank(words, rules) if words else (None, [])
        if rank_title(cell, rules) or (ranked[0] and not ranked[1]):
            if not longer:
                return {**mapping, at: "title"}
            shifted = {i if i < at else i + 1: k for i, k in mapping.items()}
            return {**shifted, at: "title"}
    return mapping


def _labelled_pairs(cells: list[str]) -> bool:
    """True for cells of two or more "Heading:" cells each followed by its value, or
    made only of such pairs ("Title:      Officer": one line of a block of them)."""
    pairs = [
        i
        for i, (a, b) in enumerate(pairwise(cells))
        if a.endswith((":", "=")) and b and not b.endswith((":", "="))
    ]
    return len(pairs) >= 2 or (len(cells) == 2 and pairs == [0])


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


def officers_from_text(text: str, rules: Rules, *, slashes: bool = False) -> list[Officer]:
    """Every officer row of every officer table in ``text``; with ``slashes``, of a table
    whose cells stand between " / " too (an attached PDF's; in a message's text such lines
    are a list's, read by the list reader)."""
    lines = text.split("\n")
    officers: list[Officer] = []
    i = 0
    while i < len(lines):
        found = None
        line = lines[i]
        # a line with none of the splitters' separators is no heading row of theirs
        if (
            "\t" in line
            or "|" in line
            or "  " in line
            or "," in line
            or ";" in line
            or " / " in line
        ):
            for split in (_tabs, _pipes, _spaces, _commas, _semicolons, _slashes):
                if split is _slashes and not slashes:
                    continue
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


_NAME_FIELDS = frozenset({"last_name", "first_name", "full_name"})
_HEADING_ROWS = 30
"""Rows searched for the heading of a grid (titles and notes may stand above it)."""


def officers_from_grid(grid: Sequence[Sequence[str]], rules: Rules) -> list[Officer]:
    """Officers of one table given as rows of cells (HTML, CSV, XLSX, DOCX)."""
    for h, row in enumerate(grid[:_HEADING_ROWS]):
        mapping = header_map([str(c) for c in row], rules, extra_columns=True)
        if mapping is None:
            continue
        if h:  # "Rank" merged over two heading rows: named on the row above
            mapping = heading_above(
                mapping, [str(c) for c in row], [str(c) for c in grid[h - 1]], rules
            )
        below = [str(c) for c in grid[h + 1]] if h + 1 < len(grid) else []
        spread = sub_heading(mapping, below, rules)
        if spread is not None:  # "Officer Name" over "Last | First" (a merged heading cell)
            mapping, h = spread, h + 1
        officers = []
        head = [str(c) for c in grid[h]]
        for cells in grid[h + 1 :]:
            row = [str(c) for c in cells]
            officer = row_officer(row, unheaded_title(row, head, mapping, rules), rules)
            if officer is not None:
                officers.append(officer)
        return officers
    return []


def has_table(text: str, rules: Rules) -> bool:
    """True when ``text`` holds an officer table heading."""
    return bool(officers_from_text(text, rules))
