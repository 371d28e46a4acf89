"""Officer-table headings: the field a heading cell names, and whether a row is a heading row."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from mailbot.intake.label_spelling import respelled_word
from mailbot.intake.rules import Rules, per_rules

_NOT_WORD = re.compile(r"[^\w#/ ]+")
_SLASH = re.compile(r"(?:(?<!\s)|(?!\s))\s*/\s*")  # from a run's first space only
_GLUED_SIGN = re.compile(r"(?<=\w)#")
_OFFICER_PREFIX = re.compile(r"^(?:vt )?officer(?:'s| s)? ")
_SYSTEM_PREFIX = re.compile(r"^(?:vt |dps )")


@functools.lru_cache(maxsize=4096)  # every line of a message is tried as a heading, often twice
def _norm(cell: str) -> str:
    cell = cell.lower().replace("’", "'").replace("_", " ")
    cell = _NOT_WORD.sub(" ", cell)
    cell = _SLASH.sub("/", cell) if "/" in cell else cell  # most cells hold neither mark
    cell = _GLUED_SIGN.sub(" #", cell) if "#" in cell else cell  # "LEO#" is "LEO #"
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
    spaced = cell
    if key is None and _CAMEL.search(cell) and " " not in cell.strip():
        # "OfficerNumber", "DPSUsername": an export's heading with its words run together
        spaced = _CAMEL.sub(" ", cell)
        key = _column_key(spaced, _synonyms(rules))
    if key is None:
        # "Warden #", "Position Title" (or "PositionTitle", run together)
        key = _qualified(_norm(spaced), rules)
    if key is None:
        # "Offcer #", "DPS Usernme": a heading typed with one letter wrong
        respelled = _respelled(cell, rules)
        key = _column_key(respelled, _synonyms(rules)) if respelled != cell else None
    seen[cell] = key
    return key


@per_rules
def _rank_prefix(rules: Rules) -> re.Pattern[str]:
    ranks = sorted(rules.language.people.ranks, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(re.escape(r) for r in ranks if r)})'?s? (?=\S)")


def _qualified(norm: str, rules: Rules) -> str | None:
    """The field of a heading that is a known one under a rank ("Warden #", "Trooper
    No": the officer number), or a qualified title or rank ("Position Title")."""
    det = rules.columns.detection
    bare = _rank_prefix(rules).sub("", norm)
    if bare != norm and bare in _synonyms(rules):
        return _synonyms(rules)[bare]
    words = norm.split()
    turns = {" ".join(w.lower().split()) for w in (*det.new_value_words, *det.old_value_words)}
    if len(words) == 2 and words[0] not in turns and words[0].isalpha():
        last = words[1]
        if last in {h.lower() for h in det.qualified_headings} and last in _synonyms(rules):
            return _synonyms(rules)[last]
    return None


@per_rules
def _heading_words(rules: Rules) -> frozenset[str]:
    return frozenset(w for heading in _synonyms(rules) for w in _LETTERS.findall(heading))


_LETTERS = re.compile(r"[a-z]+")
_CELL_WORD = re.compile(r"[A-Za-z]+")


def _respelled(cell: str, rules: Rules) -> str:
    """``cell`` with each word typed a letter short, a letter over or two swapped written
    as the heading word it is (a letter changed is too often a name: "Grace")."""
    vocab = _heading_words(rules)
    return _CELL_WORD.sub(
        lambda w: respelled_word(w.group(0), vocab, changed=False) or w.group(0), cell
    )


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _column_key(cell: str, syn: dict[str, str]) -> str | None:
    norm = _norm(cell)
    if not norm:
        return None
    bare = _OFFICER_PREFIX.sub("", norm)
    for c in (norm, bare, _SYSTEM_PREFIX.sub("", bare)):
        if c in syn:
            return syn[c]
    if " / " in cell:
        # "Nom de famille / Last name": a heading written in two languages (or two
        # wordings), each side naming the same field or one of them none
        keys = {_column_key(part, syn) for part in cell.split(" / ")} - {None}
        if len(keys) == 1:
            return keys.pop()
    joined = _JOINED_QUALIFIERS.match(cell.strip())
    if joined:
        # "Network/DPS Username": two qualifiers of one heading, each naming the field
        rest = cell.strip()[joined.end() :]
        keys = {_column_key(f"{word}{rest}", syn) for word in joined.group(0).split("/")}
        if len(keys) == 1:
            return keys.pop()
    if "(" in cell:
        # "Officers (last, first, title, ...)": a lead-in before the first heading
        inner = _column_key(cell.rpartition("(")[2], syn)
        if inner is None and cell.rstrip().endswith(")"):
            # "DPS Username (Vermont.gov account)": a heading with its note in brackets
            before = _norm(cell.partition("(")[0])
            return syn.get(before) or syn.get(_OFFICER_PREFIX.sub("", before))
        return inner
    return None


# "Network/DPS" before the rest of a heading: two words for the same qualifier
_JOINED_QUALIFIERS = re.compile(r"[A-Za-z]{2,12}/[A-Za-z]{2,12}(?= )")


def header_map(
    cells: Sequence[str], rules: Rules, *, extra_columns: bool = False
) -> dict[int, str] | None:
    """Column index -> field for a heading row, or None if it is not one.

    ``extra_columns``: a spreadsheet or records-system export may carry many columns
    besides the officer's (hire date, unit...); three recognised headings suffice."""
    if len(cells) > MAX_COLUMNS:
        return None
    mapping = keyed_columns(cells, rules)
    blank = sum(1 for c in cells if not c.strip())
    if len(mapping) < rules.columns.detection.min_columns:
        return None
    wide = extra_columns and len(mapping) >= 3
    if (len(mapping) + blank) * 2 < len(cells) and not wide:  # mostly prose, not headings
        return None
    if not ({"officer_number", "full_name", "last_name"} & set(mapping.values())):
        return None
    return _name_first(cells, mapping)


def keyed_columns(
    cells: Sequence[str], rules: Rules, skip: frozenset[int] = frozenset()
) -> dict[int, str]:
    """Column index -> field for the heading cells not in ``skip``, one column a field:
    of two naming the same field, the one with a preferred word ("Badge" then "VT LEO #":
    the LEO number is the one)."""
    mapping: dict[int, str] = {}
    preferred = rules.columns.detection.preferred
    for i, cell in enumerate(cells):
        key = None if i in skip else column_key(cell, rules)
        if key is None:
            continue
        if key not in mapping.values():
            mapping[i] = key
            continue
        words = preferred.get(key) or []
        at = next(j for j, k in mapping.items() if k == key)
        if _rank(cell, words) < _rank(cells[at], words):
            del mapping[at]
            mapping[i] = key
    return mapping


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


@per_rules
def _field_labels(rules: Rules) -> frozenset[str]:
    every = [*rules.labels.labels.values(), *rules.labels.stand_ins.values()]
    return frozenset(" ".join(w.casefold().strip(" :.-").split()) for ws in every for w in ws)


def field_label(text: str, rules: Rules) -> bool:
    """Whether ``text`` is the label of a request's value ("Judiciary Code", "Phone #"),
    as ``rules/labels.toml`` gives it: no one's name."""
    return " ".join(text.casefold().strip(" :.-").split()) in _field_labels(rules)
