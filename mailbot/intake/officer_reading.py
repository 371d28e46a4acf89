"""The officers a message lists: its tables, attached grids and documents, else lists and prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mailbot.intake import labelled_blocks, listed_officers, prose_officers, tables
from mailbot.intake.attachments import text_grid
from mailbot.intake.column_notes import declared_columns, text_with_declared, with_declared
from mailbot.intake.form_layout import form_text, sections
from mailbot.intake.lower_prose import officers_in_lower_prose
from mailbot.intake.model import Officer
from mailbot.intake.parts import Document
from mailbot.intake.placed_rows import with_loose_rows
from mailbot.intake.rules import Rules, per_rules
from mailbot.intake.shouted import uncapped
from mailbot.intake.stacked_records import stacked_records
from mailbot.intake.word_lists import whole_words
from mailbot.intake.wrapped_heading import join_wrapped_headings


def read_officers(
    body: str,
    grids: list[list[list[str]]],
    rules: Rules,
    text_rows: list[Officer] | None = None,
    documents: Sequence[Document] = (),
    typed_from: str | None = None,
) -> list[Officer]:
    """Officers from tables in the text, then from attached/HTML tables, else from prose.

    ``text_rows`` is ``tables.officers_from_text(body, rules)`` when already read;
    ``typed_from`` is ``body`` as typed, before the names its addresses vouch for were
    given capitals (:mod:`mailbot.intake.typed_names`)."""
    declared = declared_columns(body, rules)  # "The RMS Code column is their DPS login"
    renamed = text_with_declared(body, declared, rules)
    if renamed is not body:
        text_rows = tables.officers_from_text(renamed, rules)
    found = list(text_rows) if text_rows is not None else tables.officers_from_text(body, rules)
    for grid in grids:
        rows = tables.officers_from_grid(with_declared(grid, declared, rules), rules)
        # a grid sharing rows with what was read is the same table (or a quoted draft
        # of it, with officers since left off, or an older list of fewer columns): only
        # another roster adds its rows
        if rows and found and _fuller(rows, found):
            # the HTML table of the roster whose plain-text copy lost its merged
            # heading's columns: the table's reading, in full, stands for it
            found = rows
        elif rows and not any(_read_already(o, found) for o in rows):
            found.extend(rows)
    if not found:  # a roster sent as a PDF
        for document in documents:
            found.extend(_document_officers(document, declared, rules))
    if not found:
        found = _listed(body, rules, typed_from)
    return _without_repeats(found)


def _listed(body: str, rules: Rules, typed_from: str | None) -> list[Officer]:
    """Officers of list lines and sentences (the same officer number read once), else
    of prose typed in lower case; then the rows typed as ordinary lines that none of
    them read (:mod:`loose_rows`)."""
    found = listed_officers.officers_in_list(body, rules) or labelled_blocks.officers_in_blocks(
        body, rules
    )
    found = found or stacked_records(body, rules)  # "Downs" / "Kyle" / "Chief" / "RM001" / ...
    numbers = {(o.officer_number or "").upper() for o in found}
    for officer in prose_officers.officers_in_prose(body, rules):
        if (officer.officer_number or "").upper() not in numbers:
            found.append(officer)
    if not found:  # "officers are me - greg bouchard, first constable, number AL4G1, ..."
        found = officers_in_lower_prose(typed_from or body, rules)
    if not found:  # "THE OFFICERS ARE ME RAYMOND TATRO CHIEF NUMBER W1187 USERNAME RTATRO"
        found = _in_capitals(body, rules)
    return with_loose_rows(body, found, rules)


def _in_capitals(body: str, rules: Rules) -> list[Officer]:
    """Officers told in running text typed all in capitals, read as a clerk would write
    the text (names and titles with capitals, :func:`uncapped`); each login as typed."""
    plain = uncapped(body, rules)
    if plain is body:
        return []
    # "... Number W1187 Username Rtatro": the labels of the values as typed in prose
    plain = _labels(rules).sub(lambda m: m.group(0).lower(), plain)
    found = prose_officers.officers_in_prose(plain, rules)
    out: list[Officer] = []
    for officer in found:
        user = officer.dps_username
        m = re.search(rf"(?<![\w.@]){re.escape(user)}(?![\w@])", plain) if user else None
        # the same letters in the same place: a word's case is all the reading changed
        typed = body[m.start() : m.end()] if m else user
        out.append(officer.model_copy(update={"dps_username": typed}))
    return out


@per_rules
def _labels(rules: Rules) -> re.Pattern[str]:
    """The words that label an officer's values or lead up to them ("number", "username",
    "my", "is", "the officers are"), whole words in any case."""
    row = rules.language.rows
    words = [
        *row.number_labels,
        *row.user_labels,
        *row.fillers,
        *row.writer_words,
        *row.not_names,
        *row.running_words,
    ]
    return whole_words([w for w in words if w[:1].isalpha()])


def _document_officers(document: Document, declared: dict[str, str], rules: Rules) -> list[Officer]:
    """The officer rows of an attached document; a printed form's, section by section
    (its labels over their values are no table: :mod:`form_layout`)."""
    text = form_text(document.text, rules)
    parts = sections(text, rules) if text is not document.text else [text]
    found: list[Officer] = []
    for part in parts:
        # a heading whose cells wrap onto a second line ("Officer" over "Number"): one row
        part = join_wrapped_headings(part, rules)
        grid = text_grid(part)
        # a .txt export with its cells apart by "|" is read as a table in text
        rows = tables.officers_from_grid(with_declared(grid, declared, rules), rules)
        found.extend(rows or tables.officers_from_text(part, rules, slashes=True))
    return found


def _without_repeats(found: list[Officer]) -> list[Officer]:
    """``found`` less a row that repeats an earlier one in every field (the message's
    roster pasted twice), or in all but the title (a sergeant listed under "Supervisors"
    and again under "Patrol" as an officer): one officer, read once, as first listed."""
    seen: set[tuple[str, ...]] = set()
    out: list[Officer] = []
    for officer in found:
        given = officer.model_dump(exclude={"title"}).values()
        key = tuple(" ".join((v or "").casefold().split()) for v in given)
        if officer.officer_number and key in seen:
            continue
        seen.add(key)
        out.append(officer)
    return out


def _read_already(row: Officer, found: list[Officer]) -> bool:
    """True when an officer already read gives every field ``row`` gives, as written
    (the same person in a shorter copy of the table: "Last, First" only)."""
    given = {k: v.casefold() for k, v in row.model_dump(exclude_none=True).items() if v}
    return bool(given) and any(
        all((getattr(o, k) or "").casefold() == v for k, v in given.items()) for o in found
    )


def _fuller(rows: list[Officer], found: list[Officer]) -> bool:
    """True when ``rows`` are the officers of ``found`` one for one, each giving every
    field its row there gives and more fields in all (the same roster read better)."""
    if len(rows) != len(found):
        return False
    given = sum(len(o.model_dump(exclude_none=True)) for o in found)
    more = sum(len(o.model_dump(exclude_none=True)) for o in rows)
    return more > given and all(_read_already(o, [r]) for o, r in zip(found, rows, strict=True))
