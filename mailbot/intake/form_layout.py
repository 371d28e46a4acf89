"""A printed form's text (a PDF or .txt laid out in columns): its sections, and its
labels printed over their values.

An enrolment form prints "Agency name ...   Judiciary Code (4 digits)" on one line and
"Bradford Police Department   0132" under it; read as a table, the labels would be an
officer table's heading and the values its rows. :func:`form_text` writes each label
before its value ("Judiciary Code (4 digits): 0132"), the way a sender types them, and a
section named for a person ("SECTION 2 - HEAD OF DEPARTMENT") gives that person's values
on one line under its name ("HEAD OF DEPARTMENT: Thomas Ostrowski, Chief of Police").
An officer table (a heading over two rows or more, or a heading of officer numbers or
logins) is left as laid out, its rows kept together. :func:`sections` cuts the text at
its section headings: one table does not run on into the next section's lines.
"""

from __future__ import annotations

import re

from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.table_headings import header_map

_CELL = re.compile(r"\S+(?: \S+)*")
"""A cell of a line laid out in columns: words one space apart."""
_ALIGN = 3
"""How far (in characters) a value may start right of its label's start and still be
under it (a form indents its filled-in values by a space or two)."""
_MAX_LABEL_WORDS = 12
_PAREN = re.compile(r"\([^)]*\)")
_ROSTER_KEYS = frozenset({"officer_number", "dps_username"})

Cells = list[tuple[int, str]]


@per_rules
def _heading(rules: Rules) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in rules.labels.form_sections.words) or "(?!)"
    return re.compile(
        rf"^[ \t]*(?:{words})[ \t]+(?:\d{{1,2}}|[A-Z]|[IVX]{{1,4}})\b[ \t]*[-–—:.)]?[ \t]*"
        r"(?P<title>.*)$",
        re.I,
    )


@per_rules
def _role(rules: Rules) -> re.Pattern[str]:
    labels = [
        w for path in rules.labels.form_sections.roles for w in rules.labels.labels.get(path, [])
    ]
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[- ]?")
        for w in sorted(labels, key=len, reverse=True)
    )
    return re.compile(rf"^(?:the[ \t]+)?(?:{alt or '(?!)'})[ \t]*(?:\([^)\n]*\))?$", re.I)


def _cells(line: str) -> Cells:
    return [(m.start(), m.group()) for m in _CELL.finditer(line.expandtabs(8))]


def _is_label_row(cells: Cells, rules: Rules) -> bool:
    """Two or more short cells of words (a label's note in brackets aside), none a
    value: no digit, no address, no checkbox, no "Label:" followed by its value."""
    if len(cells) < 2:
        return False
    for _, text in cells:
        if text.endswith((":", "=")):
            return False
        bare = _PAREN.sub("", text)
        if any(c.isdigit() for c in bare) or "@" in bare or "[" in bare or "/" in bare[:1]:
            return False
        if len(bare.split()) > _MAX_LABEL_WORDS or bare.rstrip().endswith((".", ",")):
            return False
    return True


def _under(value: int, starts: list[int]) -> int:
    """The index of the label a value starting at ``value`` is printed under."""
    at = 0
    for n, start in enumerate(starts):
        if start <= value + _ALIGN:
            at = n
    return at


def _aligned(row: Cells, starts: list[int]) -> bool:
    """Every cell of ``row`` starts under a label's start."""
    return len(row) >= 2 and all(any(abs(p - s) <= _ALIGN for s in starts) for p, _ in row)


def _is_roster_heading(cells: Cells, rules: Rules) -> bool:
    mapping = header_map([t for _, t in cells], rules)
    return mapping is not None and bool(_ROSTER_KEYS & set(mapping.values()))


def is_heading(line: str, rules: Rules) -> bool:
    """A section's heading: "SECTION 3 - e-TICKET POINT OF CONTACT", "Part B: Officers"."""
    return _heading(rules).match(line) is not None


def form_text(text: str, rules: Rules) -> str:
    """``text`` with every label printed over its value written before it ("Label:
    value"); ``text`` itself when it holds no such pair."""
    if "  " not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    role: str | None = None
    changed = False
    column = _pair_column(lines, rules)
    paired = False  # the last line written was a label and its value side by side
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _heading(rules).match(line)
        if m is not None:
            title = m.group("title").strip()
            role = title if _role(rules).match(title) else None
            out.append(line)
            i += 1
            continue
        pair = _pair(line, column, rules)
        if pair is not None:
            # "Name      Sgt. Ann Roy" under a section named for a person: that person
            label, value = pair
            named = role is not None and label.lower() in _NAME_LABELS
            while paired and out and not out[-1].strip():
                out.pop()  # a form printed double-spaced: its lines one under the other
            out.append(f"{role}: {value}" if named else f"{label}: {value}")
            paired = True
            changed = True
            i += 1
            continue
        paired = paired and not line.strip()
        if _role(rules).match(line.strip()):
            role = line.strip()  # "Point of Contact" alone on its line: a section's title
        labels = _cells(line)
        j = _next_filled(lines, i + 1)
        # a row of TABs is a table's (a sheet's export), never a form printed in columns
        if (
            j is None
            or "\t" in line
            or is_heading(lines[j], rules)
            or not _is_label_row(labels, rules)
        ):
            out.append(line)
            i += 1
            continue
        starts = [p for p, _ in labels]
        values = _cells(lines[j])
        if values[0][0] < starts[0] - _ALIGN:
            # "Judiciary code    0733" under an indented "Agency name    Bristol Police
            # Department": a line printed left of every label is not under them; both
            # are a label and its value side by side
            out.append(line)
            i += 1
            continue
        if header_map([t for _, t in values], rules) is not None:
            out.append(line)  # a title over an officer table's heading ("PD   STAFF REPORT")
            i += 1
            continue
        after = _next_filled(lines, j + 1)
        below = _cells(lines[after]) if after is not None else []
        rows = after is not None and not is_heading(lines[after], rules)
        if _is_roster_heading(labels, rules) or (rows and _aligned(below, starts)):
            out.append(line)  # an officer table: its rows kept together
            kept = len(out)
            end = _table(lines, i + 1, starts, out, rules)
            changed = changed or len(out) - kept < end - i - 1  # blank lines left out
            i = end
            continue
        pairs: list[list[str]] = [[] for _ in labels]
        for p, value in values:
            pairs[_under(p, starts)].append(value)
        filled = [(labels[n][1], " ".join(v)) for n, v in enumerate(pairs) if v]
        if role is not None:
            out.append(f"{role}: {', '.join(v for _, v in filled)}")
        else:
            out.extend(f"{label.rstrip(':')}: {value}" for label, value in filled)
        changed = True
        i = j + 1
    return "\n".join(out) if changed else text


_NAME_LABELS = frozenset({"name", "full name"})
_MIN_PAIRS = 3
"""How many lines of a label and its value side by side, the value at one column, make
a form printed that way."""


def _label_cell(text: str) -> bool:
    bare = _PAREN.sub("", text)
    return not (
        any(c.isdigit() for c in bare)
        or "@" in bare
        or text.endswith((":", "="))
        or len(bare.split()) > _MAX_LABEL_WORDS
        or bare.rstrip().endswith((".", ","))
    )


def _offset(line: str) -> int | None:
    """How far right of its label a line's value starts, for a line of two cells whose
    first is a label's words ("Judiciary code          0733"); else None."""
    if "\t" in line:
        return None
    cells = _cells(line)
    if len(cells) != 2 or not _label_cell(cells[0][1]):
        return None
    return cells[1][0] - cells[0][0]


def _pair_column(lines: list[str], rules: Rules) -> int | None:
    """The offset at which a form printed as "Label      value" lines puts its values,
    when enough of its lines share it; else None."""
    counts: dict[int, int] = {}
    for line in lines:
        offset = _offset(line)
        # counted by the lines whose value is no label's words ("0455", "6 Scott
        # Highway", an address): "Name      Title" over its values is a row of labels
        if offset is not None and not _label_cell(_cells(line)[1][1]):
            counts[offset] = counts.get(offset, 0) + 1
    best = max(counts, key=lambda k: counts[k], default=None)
    if best is None:
        return None
    near = sum(n for k, n in counts.items() if abs(k - best) <= _ALIGN)
    return best if near >= _MIN_PAIRS else None


def _pair(line: str, column: int | None, rules: Rules) -> tuple[str, str] | None:
    """A label and its value side by side at the form's value column, or None."""
    if column is None:
        return None
    offset = _offset(line)
    if offset is None or abs(offset - column) > _ALIGN:
        return None
    cells = _cells(line)
    if _is_roster_heading(cells, rules):
        return None
    return cells[0][1].rstrip(":"), cells[1][1]


def _next_filled(lines: list[str], i: int) -> int | None:
    while i < len(lines):
        if lines[i].strip():
            return i
        i += 1
    return None


def _table(lines: list[str], i: int, starts: list[int], out: list[str], rules: Rules) -> int:
    """The rows of a table under its heading, the blank lines between them left out;
    the index of the first line after it."""
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            j = _next_filled(lines, i)
            if j is None or is_heading(lines[j], rules) or not _aligned(_cells(lines[j]), starts):
                return i
            i = j
            continue
        if is_heading(line, rules):
            return i
        out.append(line)
        i += 1
    return i


def sections(text: str, rules: Rules) -> list[str]:
    """``text`` cut before each section heading (one part when it has none)."""
    parts: list[list[str]] = [[]]
    for line in text.split("\n"):
        if is_heading(line, rules) and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    return ["\n".join(p) for p in parts]
