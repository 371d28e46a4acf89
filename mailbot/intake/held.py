"""People of an enrolment's roster kept out of it for now: the chief's sentence names
them ("please leave Ofc. Hale off for now, she is out on leave") or the mark their rows
carry ("the two reserve officers (Status "R") be left off", "the deputies marked
"transport only - hold" in the Notes column", "Lavigne and Osei are marked HOLD");
civilian staff on an HR export (a records clerk, a dispatcher) are not officers either.
An officer kept out is left for a later message, never set up."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake.held_sections import rows_under_held
from mailbot.intake.held_sheets import held_sheet_rows, noted_rows
from mailbot.intake.model import Change, Officer
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.word_lists import any_in, lower_set, lowered

_MAX_MARK = 40
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]{1,40})[\"“”]")
# "marked HOLD", "flagged as RESERVE", "status R": a mark written without quotes
_MARKED = re.compile(r"\b(?:marked|flagged|listed|status|coded)\s+(?:as\s+)?([A-Z][A-Z/-]{0,15})\b")
# "leave Ofc. Pratt off", "leave them off": a few words between
_LEAVE_OFF = re.compile(r"\bleave\s+(?:[\w.'-]{1,30}\s+){1,4}?(?:off|out)\b", re.I)
_CELL_SPLIT = re.compile(r"\t|\s{2,}|\s*[|,;]\s*")
_CLAUSE = re.compile(r";|\s[-–—]\s")


@per_rules
def _held_words(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.intent.held_back, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@per_rules
def _held_verbs(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.language.intent.held_back_verbs, key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


# "are held", "should be ignored", "is currently held": the verb in the passive
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were|gets?|got)\s+(?:\w+\s+)?$", re.I)


@per_rules
def _held_any(rules: Rules) -> re.Pattern[str]:
    """Any of :func:`_held_words`, :data:`_LEAVE_OFF` and :func:`_held_verbs`: a clause
    is scanned once for the three."""
    alts = (_held_words(rules), _LEAVE_OFF, _held_verbs(rules))
    return re.compile("|".join(f"(?:{p.pattern})" for p in alts), re.I)


@per_rules
def _held_keys(rules: Rules) -> tuple[str, ...]:
    """What every match of :func:`_held_any` holds, lower-cased with single spaces: a
    held word or verb, or the "leave" of "leave ... off" (in another word, too)."""
    words = [*rules.language.intent.held_back, *rules.language.intent.held_back_verbs]
    return (*(" ".join(w.lower().split()) for w in words), "leave")


def _held(clause: str, rules: Rules) -> bool:
    """True when ``clause`` keeps someone out: a held word not about a piece of a value
    ("I left off the last digit")."""
    return any(not _piece_kept_out(clause, m, rules) for m in _held_any(rules).finditer(clause))


_OBJECT_LEAD = (
    r"[ \t]+(?:the|a|an|one|two|its|his|her|my|our|their)[ \t]+(?:[\w-]{1,20}[ \t]+){0,2}?"
)


@per_rules
def _value_piece(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A piece of a value named after a held word ("... the last digit"), and anywhere."""
    words = sorted(rules.language.intent.value_pieces, key=len, reverse=True)
    alts = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words) or r"(?!)"
    piece = rf"(?<![\w-])(?:{alts})(?![\w-])"
    return re.compile(_OBJECT_LEAD + piece, re.I), re.compile(piece, re.I)


def _piece_kept_out(clause: str, held: re.Match[str], rules: Rules) -> bool:
    """True when what ``held`` keeps out is a piece of a value: "left off the last digit",
    "leave the dash out"."""
    after, anywhere = _value_piece(rules)
    if after.match(clause, held.end()):
        return True
    inside = held.group(0).split(None, 1)  # "leave the dash out"
    return len(inside) > 1 and anywhere.search(inside[1]) is not None


def _whom(clause: str, rules: Rules) -> str:
    """The part of a clause that keeps someone out which names whom: all of it, but after
    an active verb only what follows it (before it stands its subject: "Sgt. Hale will
    hold the PoC role")."""
    if _held_words(rules).search(clause) or _LEAVE_OFF.search(clause):
        return clause
    verb = _held_verbs(rules).search(clause)
    if verb is None or _PASSIVE.search(clause[: verb.start()]):
        return clause
    return clause[verb.end() :]


def held_sentences(text: str, rules: Rules) -> list[str]:
    """The sentences of ``text`` that keep someone out of the enrolment for now."""
    # a table row ("Pelletier | Joanne | ... | on hold") is no sentence of the chief's
    lines = text.split("\n")
    prose = "\n".join(ln for ln in lines if "\t" not in ln and ln.count("|") < 2)
    low = lowered(prose)  # a sentence is a piece of a line: none holds what no line does
    if low is not None and not any_in(" ".join(low.split()), _held_keys(rules)):
        return []
    return [s for s in sentences(prose) if _held(s, rules)]


def _marks(held: list[str]) -> set[str]:
    out: set[str] = set()
    for sentence in held:
        for m in _QUOTED.finditer(sentence):
            out.add(m.group(1).strip().lower())
        for m in _MARKED.finditer(sentence):
            out.add(m.group(1).lower())
    return {m for m in out if m and len(m) <= _MAX_MARK}


def _marked(cell: str, marks: set[str]) -> bool:
    low = " ".join(cell.split()).lower()
    if not low:
        return False
    return any(low == m or (len(m) > 2 and low.startswith(m + " ")) for m in marks)


def _marked_rows(
    body: str, grids: Sequence[Sequence[Sequence[str]]], marks: set[str]
) -> list[set[str]]:
    """The cells (lower case) of each row, in a grid or a line of ``body``, that carries a
    mark; the first row of a grid (its heading) never does."""
    rows: list[set[str]] = []
    if not marks:
        return rows
    for grid in grids:
        for cells in grid[1:]:
            if any(_marked(str(c), marks) for c in cells):
                rows.append({" ".join(str(c).split()).lower() for c in cells if str(c).strip()})
    for line in body.split("\n")[:5000]:
        cells = [c for c in _CELL_SPLIT.split(line.strip()[:2000]) if c.strip()]
        if len(cells) > 2 and any(_marked(c, marks) for c in cells):
            rows.append({" ".join(c.split()).lower() for c in cells})
    return rows


def _in_row(officer: Officer, row: set[str]) -> bool:
    for value in (officer.officer_number, officer.dps_username):
        if value and value.lower() in row:
            return True
    first, last = (officer.first_name or "").lower(), (officer.last_name or "").lower()
    return bool(first and last and any(last in c for c in row) and any(first in c for c in row))


def _named(officer: Officer, clauses: list[str]) -> bool:
    """The officer's last name written in a clause that keeps someone out ("leave Det.
    Garand and Ofc. Wheeler off"), capitalised as a name or all in capitals."""
    last = (officer.last_name or "").strip()
    if len(last) < 2:
        return False
    forms = {last.title(), last.upper(), last} - {last.lower()}
    for clause in clauses:
        for form in forms:
            if form in clause and re.search(rf"(?<![\w'-]){re.escape(form)}(?![\w-])", clause):
                return True
    return False


_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)")


def _civilian(officer: Officer, rules: Rules) -> bool:
    """A civilian title and no officer number; the title may carry a note in brackets
    ("Dispatcher (civilian)", "Records Clerk (part-time)")."""
    title = (officer.title or "").lower()
    words = lower_set(rules.language.intent.civilian_titles)
    parts = [_BRACKETED.sub(" ", title), *_BRACKETED.findall(title)]
    named = any(" ".join(p.split()) in words for p in parts)
    return bool(title.strip()) and named and not officer.officer_number


def without_civilians(changes: list[Change], rules: Rules) -> list[Change]:
    """``changes`` less those of civilian staff an HR list names beside the officers ("Ray,
    Kim | Dispatcher | -- | 11/18"): a civilian title and no officer number, no TraCS
    record to change."""
    return [c for c in changes if not _civilian(Officer(title=getattr(c, "title", None)), rules)]


def without_held(
    officers: list[Officer],
    text: str,
    body: str,
    grids: Sequence[Sequence[Sequence[str]]],
    rules: Rules,
) -> list[Officer]:
    """``officers`` less those ``text`` keeps out for now and civilian staff."""
    held = held_sentences(text, rules)
    clauses = [_whom(c, rules) for s in held for c in _CLAUSE.split(s) if _held(c, rules)]
    rows = _marked_rows(body, grids, _marks(held)) + held_sheet_rows(grids, held, text, rules)
    kept = [o for o in officers if not _civilian(o, rules)]
    # a row whose own note says "do not enroll"
    noted = noted_rows(grids, rules)
    kept = [o for o in kept if not any(_in_row(o, row) for row in noted)] or kept
    if not held:
        return kept
    under = rows_under_held(kept, body, held, rules, officers)
    out = [
        o
        for k, o in enumerate(kept)
        if k not in under and not any(_in_row(o, row) for row in rows) and not _named(o, clauses)
    ]
    return out if out else kept


def names_any(officers: list[Officer], clause: str, rules: Rules) -> bool:
    """Whether ``clause``, one that keeps someone out, names one of ``officers``."""
    return any(_named(o, [_whom(clause, rules)]) for o in officers)
