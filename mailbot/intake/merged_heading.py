"""A heading row with a merged name cell ("Officer Name" over "Last" and "First", a
"Deputy" cell over "Last | First | M.I.") and the row of sub-headings under it."""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import column_key


def sub_heading(
    mapping: dict[int, str], below: Sequence[str], rules: Rules
) -> dict[int, str] | None:
    """A heading whose name cell spans two columns named on the row under it ("Officer
    Name" over "Last" and "First", as Outlook and Word lay out a merged cell): the
    mapping with the name column spread over those, the columns after it shifted; else
    ``None``. The row under must hold only name headings, fewer cells than the heading."""
    at = next((i for i, k in mapping.items() if k == "full_name"), None)
    cells = [c for c in below if c.strip()]
    if cells and len(cells) < len(below):
        return _under_merged(mapping, below, rules)
    if at is None or not 2 <= len(cells) <= 3 or len(cells) != len(below):
        return None
    keys = [column_key(c, rules) for c in cells]
    if len(set(keys)) != len(keys) or not set(keys) <= {"last_name", "first_name", "full_name"}:
        return None
    if len(cells) >= max(mapping) + 1:
        return None
    shift = len(cells) - 1
    if all(at + k not in mapping for k in range(1, shift + 1)):
        shift = 0  # the merged cell's columns kept empty (an HTML colspan): nothing moves
    spread = {i: k for i, k in mapping.items() if i < at}
    spread.update({at + n: k for n, k in enumerate(keys) if k is not None})
    spread.update({i + shift: k for i, k in mapping.items() if i > at})
    return spread


def _under_merged(
    mapping: dict[int, str], below: Sequence[str], rules: Rules
) -> dict[int, str] | None:
    """ "Last | First | M.I." under a merged "Deputy" cell, the HTML's spans kept (cells
    under the other headings empty): the name columns where they stand."""
    keys = {i: column_key(c, rules) for i, c in enumerate(below) if c.strip()}
    names = {i: k for i, k in keys.items() if k in ("last_name", "first_name", "full_name")}
    if len(names) < 2 or len(set(names.values())) != len(names):
        return None
    # a merged name cell ("Officer" over "Last | First") gives way to the names under it
    if any(i in mapping and mapping[i] != "full_name" for i in keys):
        return None
    kept = {i: k for i, k in mapping.items() if k != "full_name" or i not in names}
    # other headings under a merged group cell ("TraCS" over "Officer # | DPS Username")
    # name their columns too, each field once
    more = {i: k for i, k in keys.items() if k and i not in names and i not in mapping}
    taken = {*names.values(), *kept.values()}
    if len(set(more.values())) != len(more) or taken & set(more.values()):
        return None
    return {**kept, **names, **more}


def heading_above(
    mapping: dict[int, str], head: Sequence[str], above: Sequence[str], rules: Rules
) -> dict[int, str]:
    """A heading cell that spans two rows ("Rank" beside "Deputy" over "Last | First", an
    HTML rowspan): its column is blank on the heading row under it, and named on the row
    above. The mapping with those columns added (each field once)."""
    taken = set(mapping.values())
    added = dict(mapping)
    for i, cell in enumerate(above):
        if i in mapping or i >= len(head) or head[i].strip() or not cell.strip():
            continue
        key = column_key(cell, rules)
        if key is not None and key not in taken:
            added[i] = key
            taken.add(key)
    return added
