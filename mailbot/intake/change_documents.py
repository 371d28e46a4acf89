"""Roster changes sent in an attachment: a short note ("Attached is the Sheriff's memo
with our Q2 status changes") over a memo or personnel order that asks for them, or a
full roster whose status column marks the rows that change.

The note must point at what it attaches (``[intent] sent_attached``) or the attached
table must mark its changes row by row, and the note itself must not be a question; the
attached text must then read as a change request on its own.
"""

from __future__ import annotations

import re

from mailbot.intake import intent
from mailbot.intake.agency_name import agency_name_in
from mailbot.intake.change_columns import new_value_changes, text_rows
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_tables import changes_in_rows
from mailbot.intake.change_values import _has
from mailbot.intake.model import Change, Intent
from mailbot.intake.other_systems import for_tracs
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules

_ENROLMENT_VALUES = 2
"""Agency values (code, address, phone) that make a message with officers an enrolment."""


def changes_attached(
    body: str, parts: MessageParts, rules: Rules, kind: Intent = "other", given: int = 0
) -> bool:
    """True when the message, read as ``kind`` with ``given`` agency values, sends
    attached the roster changes it asks for: a message read as asking nothing, or as an
    enrolment only by the officers of the document that asks changes ("Please see the
    attached changes" over an ADD / REMOVE table), its note giving no agency's values."""
    if kind == "enrollment" and given < _ENROLMENT_VALUES:
        return bool(_has(for_tracs(body, rules), rules.language.intent.sent_attached)) and bool(
            change_texts(parts, rules, body)
        )
    if kind != "other" or intent.is_enquiry(body, rules) or intent.asks_questions(body):
        return False
    # a table with an action column, or a column of new values ("Current Title | New
    # Title"), attached or typed: a table of changes, whatever the note above it says
    if any(changes_in_rows(g, rules) for g in parts.tables):
        return True
    if any(new_value_changes(g, rules) for g in [*parts.tables, text_rows(body)]):
        return True
    # "Attached is the corrected crash report": what is attached is for another system
    if not _has(for_tracs(body, rules), rules.language.intent.sent_attached):
        return False
    return bool(change_texts(parts, rules))


def change_texts(parts: MessageParts, rules: Rules, body: str = "") -> list[str]:
    """The texts of attached documents that read as roster-change requests (only the
    part ``body`` names, "the changes listed in Section 2", when it names one), each
    heading row that wraps onto a second line ("Officer" over "#") joined first."""
    from mailbot.intake.wrapped_heading import join_wrapped_headings

    out: list[str] = []
    for document in parts.documents:
        text = join_wrapped_headings(named_part(document.text, body, rules), rules)
        if not text.strip():
            continue
        kind = intent.classify(text, rules, has_agency_fields=False, officers=0)
        # "Officer Number: FH204 / Current Name: ... / New Name: ...": a change form
        if (kind == "officer_maintenance" or form_changes(text, rules)) and not _enrols(
            text, rules
        ):
            out.append(text)
    return out


def _enrols(text: str, rules: Rules) -> bool:
    """True when a document is an enrolment form, read with its agency's code, its other
    values and its officers ("Judiciary code: 0772", its letterhead's address and phone,
    then "1. Officer Ethan Whitcomb - LEO WD442 - DPS user (pending, new hire)"): a new
    hire on the first roster is no roster change."""
    from mailbot.intake.fields import read_fields
    from mailbot.intake.form_layout import form_text
    from mailbot.intake.officer_reading import read_officers

    form = form_text(text, rules)
    values, _labels = read_fields(form, rules)
    given = sum(
        1 for p in ("agency.judiciary_code", "agency.phone", "agency.address") if values.get(p)
    )
    if not values.get("agency.judiciary_code") or given < _ENROLMENT_VALUES:
        return False  # a memo's letterhead (address, phone) alone: the changes it asks stand
    officers = len(read_officers(form, [], rules))
    kind = intent.classify(
        form, rules, has_agency_fields=True, officers=officers, agency_values=given
    )
    return kind == "enrollment"


def named_part(text: str, body: str, rules: Rules) -> str:
    """The part of ``text`` from the heading ``body`` names ("listed in Section 2" ->
    the line "Section 2 - Status Changes") to the next heading of its kind; all of
    ``text`` when ``body`` names none or ``text`` has no such heading."""
    words = "|".join(re.escape(w) for w in rules.language.intent.section_words)
    if not words:
        return text
    said = re.search(rf"\b({words})[ \t]+([0-9]{{1,2}}|[A-Z])\b", body, re.I)
    if said is None:
        return text
    kind = re.escape(said.group(1))
    heads = list(re.finditer(rf"(?im)^[ \t]*{kind}[ \t]+([0-9]{{1,2}}|[A-Z])\b.*$", text))
    at = next((n for n, h in enumerate(heads) if h.group(1).lower() == said.group(2).lower()), None)
    if at is None:
        return text
    end = heads[at + 1].start() if at + 1 < len(heads) else len(text)
    return text[heads[at].start() : end]


# a blank line between two "Heading: value" lines of a memo or form set out double-spaced
_SPACED_LABELS = re.compile(
    r"(?m)^([ \t]*[A-Za-z][^:\n]{0,40}:[^\n]*)\n(?:[ \t]*\n){1,3}(?=[ \t]*[A-Za-z][^:\n]{0,40}:)"
)


def changes_in_document(text: str, rules: Rules, agency: str | None) -> list[Change]:
    """The roster changes an attached memo or personnel notice asks for: its items, and
    the one officer its "Name: ... / Officer #: ..." lines describe (lines set out a
    blank line apart too) with the action the document asks for ("Action: Resignation",
    "TraCS - deactivate officer record", "please create a TraCS officer record")."""
    from mailbot.intake.attachments import text_grid
    from mailbot.intake.change_actions import _action
    from mailbot.intake.change_values import change_of
    from mailbot.intake.changes import read_changes
    from mailbot.intake.labelled_blocks import officers_in_blocks
    from mailbot.intake.tables import officers_from_grid, officers_from_text

    lines, previous = text, None
    while previous != lines:
        previous, lines = lines, _SPACED_LABELS.sub(r"\1\n", lines)
    blocks = [o for o in officers_in_blocks(lines, rules) if o.officer_number]
    if len(blocks) > 1:
        # one form per officer, one after another (a PDF of personnel action forms)
        return read_changes(lines, rules, blocks, agency) or read_changes(text, rules, [], agency)
    if not blocks:
        # a letter's table of officers under its lead-in ("Please associate the following
        # deputy with our office ..."): the rows that lead-in asks about
        rows = officers_from_grid(text_grid(text), rules) or officers_from_text(text, rules)
        rows = [o for o in rows if o.last_name and _NUMBER.fullmatch(o.officer_number or "")]
        return read_changes(text, rules, rows, agency) or form_changes(lines, rules)
    found = read_changes(text, rules, blocks, agency)
    if any(c.officer_number == blocks[0].officer_number for c in found):
        return found
    action = _action(text, rules, None)
    if action is None:
        return found
    return [*found, change_of(blocks[0], action, text, rules, agency)]


def form_changes(text: str, rules: Rules) -> list[Change]:
    """The update a one-officer form of "Heading: value" lines asks for, its headings
    marking the new values ("Officer Number: FH204 / Current Name: Lena Roy / New Name:
    Lena Lane / New DPS username: llane"): the form read as a table of one row."""
    from mailbot.intake.labelled_blocks import field_line

    heads: list[str] = []
    values: list[str] = []
    for line in text.split("\n"):
        m = field_line(line)
        if m is not None and m.group(2).strip():
            heads.append(m.group(1))
            values.append(m.group(2).strip())
    if len(heads) < _FORM_LINES:
        return []
    found = new_value_changes([heads, values], rules)
    return found if len(found) == 1 else []


_FORM_LINES = 3


def signed_agency(parts: MessageParts, rules: Rules) -> str | None:
    """The agency an attached memo is signed for ("Chief of Police / Manchester Police
    Department" under its last paragraph), else the one its letterhead names."""
    for document in parts.documents:
        lines = [line for line in document.text.split("\n") if line.strip()]
        name = agency_name_in("\n".join(lines[-_CLOSING_LINES:]), rules)
        if name:
            return name
    return _letterhead_agency(parts, rules)


def heading_agency(parts: MessageParts, rules: Rules) -> str | None:
    """The agency an attached paper or sheet is headed with: a letterhead's first lines
    ("WINDSOR COUNTY SHERIFF'S OFFICE" over its address), a sheet's title row ("Ludlow
    Police Department - TraCS officer record changes")."""
    from mailbot.intake.shouted import uncapped

    titles = [
        cells[0]
        for grid in parts.tables
        for row in grid[:_TITLE_ROWS]
        if len(cells := [c.strip() for c in row if c.strip()]) == 1
    ]
    for line in titles:
        name = agency_name_in(uncapped(line, rules), rules)
        if name:
            return name
    return _letterhead_agency(parts, rules)


def _letterhead_agency(parts: MessageParts, rules: Rules) -> str | None:
    """The agency an attached paper's first lines name, in capitals or not."""
    from mailbot.intake.shouted import uncapped

    for document in parts.documents:
        lines = [line.strip() for line in document.text.split("\n") if line.strip()]
        for line in lines[:_LETTERHEAD_LINES]:
            name = agency_name_in(uncapped(line, rules), rules)
            if name:
                return name
    return None


_LETTERHEAD_LINES = 4
_CLOSING_LINES = 6
_TITLE_ROWS = 3


def form_agency(text: str, rules: Rules) -> tuple[str | None, str | None]:
    """The agency's name and judiciary code a change form labels ("Agency: University of
    Vermont Police Services", "Judiciary Code: 0933"): what the form itself says, over
    the short name a cover note's signature uses."""
    from mailbot.intake.fields import read_fields
    from mailbot.intake.form_layout import form_text

    values, labels = read_fields(form_text(text, rules), rules)
    name = values.get("agency.name") if "agency.name" in labels else None
    return name or None, values.get("agency.judiciary_code") or None


def picked_by_note(body: str, paper: str, found: list[Change], rules: Rules) -> list[Change]:
    """``found``, the changes read from an attached order, as the note over it picks
    them: when the note says sentence by sentence what changes of the order's officers
    ("Brault's title changes to Detective", "please deactivate Sweeney"), those changes
    (with what the order says of each), and the order's changes of officers the note
    never names; one the note names and asks nothing of ("Item 4 (Raman) is not a rank
    change so nothing needed there") is left out."""
    from mailbot.intake.desk_named import _names, changes_of_listed
    from mailbot.intake.prose_officers import officers_in_prose

    picked = changes_of_listed(body, officers_in_prose(paper, rules), rules)
    if not picked:
        return found
    read = {c.officer_number: c for c in found}
    out: list[Change] = []
    for change in picked:
        said = read.get(change.officer_number)
        if said is not None and said.action == change.action:
            values = {**said.model_dump(exclude_none=True), **change.model_dump(exclude_none=True)}
            change = Change.model_validate(values)
        out.append(change)
    low, taken = body.lower(), {c.officer_number for c in picked}
    return out + [
        c
        for c in found
        if c.officer_number not in taken
        and not _names(low, str(c.model_dump().get("last_name") or ""))
    ]
