"""A column of an attached roster named in the message ("The RMS Code column is each
officer's DPS username"): the sender says which officer field a heading the reader does not
know holds, and the roster's heading is read so."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.rules import Rules
from mailbot.intake.table_headings import column_key

_MAX_TEXT = 20_000
_HEADING_ROWS = 30
_NAMED = re.compile(
    r"[\"“']?((?:[A-Z][\w#/.-]{0,20}[ \t]+){0,3}[A-Z][\w#/.-]{0,20})[\"”']?[ \t]+column"
    r"[ \t]+(?:is|are|has|holds|contains|shows|lists|gives|=)[ \t]+([^.;:\n]{1,80})"
)
_LEAD = re.compile(r"^(?:the|our|your|a)\s+", re.I)
# "the Spillman ID is the warden's VT LEO number": a heading named without "column"
_IS_FIELD = re.compile(
    r"(?<![\w-])(?i:the|our|their)[ \t]+((?:[A-Z][\w#/.-]{0,20}[ \t]+){0,2}[A-Z][\w#/.-]{0,20})"
    r"[ \t]+(?:is|are)[ \t]+(?:the|their|each|our|his|her)[ \t]+([^.;:\n()]{1,80})"
)
_IS_FIELD_VERB = re.compile(r"[ \t](?:is|are)[ \t]+(?:the|their|each|our|his|her)[ \t]")
"""What every match of :data:`_IS_FIELD` contains."""
_CELL_CUT = re.compile(r"\t|[ \t]*\|[ \t]*|[ \t]{2,}")


class Declared(dict[str, str]):
    """Heading (lower case) -> officer field; ``firm`` holds the headings a sentence names
    as the field itself ("The LEO_CERT_NO column is the VT LEO number"), not in passing
    ("The Emp ID column is kept next to the username")."""

    firm: frozenset[str] = frozenset()


def declared_columns(text: str, rules: Rules) -> Declared:
    """Heading (lower case) -> officer field, for each column the text says holds one."""
    found = Declared()
    firm: set[str] = set()
    text = text[:_MAX_TEXT]
    # each pattern tried only where its verb is written (most messages name no column)
    named = _NAMED.finditer(text) if "column" in text else ()
    is_field = _IS_FIELD.finditer(text) if _IS_FIELD_VERB.search(text) else ()
    for m in [*named, *is_field]:
        name = _LEAD.sub("", m.group(1)).strip()
        words = _before_shown(_first_clause(m.group(2), rules), rules).split()
        n, key = next(
            (
                (n, k)
                for n in range(min(4, len(words)), 0, -1)
                if (k := column_key(" ".join(words[-n:]).strip(" ,'’\""), rules))
            ),
            (0, None),
        )
        if name and key:
            heading = " ".join(name.lower().split())
            found[heading] = key
            if _only_leads(words[:-n], rules):
                firm.add(heading)
    found.firm = frozenset(firm)
    return found


def _only_leads(words: Sequence[str], rules: Rules) -> bool:
    """True when ``words`` (before the field a sentence says a column holds) only lead up
    to it ("the", "their", "each officer's"): the column is said to be that field."""
    leads = {w.lower() for w in rules.columns.detection.declaration_leads}
    return all(w.lower() in leads or _POSSESSIVE.search(w) for w in words)


_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])$")


_VERB = re.compile(r"(?<![\w-])(?:is|are|has|holds|contains|shows|lists|gives)(?![\w-])|=")


def _before_shown(said: str, rules: Rules) -> str:
    """What a sentence says one column holds, without the words after its field that
    say how it prints ("how their title should print": "how their title")."""
    low = said.lower().rstrip(" .")
    for verb in rules.columns.detection.shown_verbs:
        if low.endswith(" " + verb.lower()):
            return said[: len(low) - len(verb)].rstrip()
    return said


def _first_clause(said: str, rules: Rules) -> str:
    """What a sentence says one column holds, up to the joiner before a clause of its own
    ("each deputy's VT LEO number" of "... and DPSUser is the DPS domain username"): the
    field named last there is this column's, not the next one's."""
    joiners = "|".join(re.escape(w) for w in rules.columns.detection.clause_joiners)
    cut = re.compile(rf",|(?<![\w-])(?i:{joiners or '(?!)'})(?![\w-])")
    for m in cut.finditer(said):
        if _VERB.search(said, m.end()):
            return said[: m.start()]
    return said


def with_declared(
    grid: Sequence[Sequence[str]], declared: dict[str, str], rules: Rules
) -> list[list[str]]:
    """``grid`` with each heading the message named given the field's own heading."""
    rows = [[str(c) for c in row] for row in grid]
    if not declared:
        return rows
    heading = {k: v[0] for k, v in rules.columns.columns.items() if v}
    for row in rows[:_HEADING_ROWS]:
        keys = _firm_or_unnamed(row, declared, rules)
        for i, key in enumerate(keys):
            if key in heading:
                row[i] = heading[key]
    return rows


def _firm_or_unnamed(
    cells: Sequence[str], declared: dict[str, str], rules: Rules
) -> list[str | None]:
    """The field the message gives each heading cell, if any: a field another heading
    names in its own words only where a sentence said the column is that field ("The
    LEO_CERT_NO column is the VT LEO number" beside "BADGE"; the preferred heading of the
    two is then read), not where it named the field in passing."""
    keys = [declared.get(" ".join(c.lower().split())) for c in cells]
    named = _named_by_heading(cells, keys, rules)
    firm = declared.firm if isinstance(declared, Declared) else frozenset()
    return [
        k if k not in named or " ".join(c.lower().split()) in firm else None
        for c, k in zip(cells, keys, strict=True)
    ]


def _named_by_heading(cells: Sequence[str], keys: Sequence[str | None], rules: Rules) -> set[str]:
    """The fields the row's other headings name in their own words ("DPSUser"): a note
    naming another column for one of them is read wrong ("... VT LEO number and DPSUser
    is the DPS domain username" taken for the VTLEO column), the headings stand."""
    if not any(keys):
        return set()
    return {
        k for c, d in zip(cells, keys, strict=True) if d is None and (k := column_key(c, rules))
    }


def text_with_declared(text: str, declared: dict[str, str], rules: Rules) -> str:
    """``text`` with each table heading cell the message named (a cell of a line cut by
    tabs, pipes or wide blanks) given the field's own heading; ``text`` when none is."""
    if not declared:
        return text
    heading = {k: v[0] for k, v in rules.columns.columns.items() if v}
    lines = text.split("\n")
    changed = False
    for n, line in enumerate(lines):
        cells = _CELL_CUT.split(line)
        if len(cells) < 3:
            continue
        keys = _firm_or_unnamed(cells, declared, rules)
        if not any(k in heading for k in keys):
            continue
        cuts = _CELL_CUT.findall(line)
        out = [c if k is None else heading.get(k, c) for c, k in zip(cells, keys, strict=True)]
        lines[n] = "".join(c + (cuts[i] if i < len(cuts) else "") for i, c in enumerate(out))
        changed = True
    return "\n".join(lines) if changed else text
