"""A request sent as an attached letter or form under a cover note ("Attached is our
completed request form", a scanner's "Please open the attached document"): the note
itself carries none of the request's values, the attached PDF or Word file carries them.
The attachment's text is read as the message's own, above the note."""

from __future__ import annotations

import dataclasses
import re

from mailbot.intake import change_documents, fields
from mailbot.intake.attachments import DOCX
from mailbot.intake.form_layout import form_text
from mailbot.intake.limits import Limits
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import split_signature
from mailbot.intake.rules import Rules
from mailbot.intake.table_files import docx_tables, docx_text

_AGENCY = ("agency.judiciary_code", "agency.name", "agency.address", "agency.phone")
_STREET = re.compile(r"^\d+[A-Za-z]?\s+[A-Za-z][\w .'’-]*$")
_CITY = re.compile(r"^[A-Za-z][A-Za-z .'’-]*,?\s+(?:VT|Vermont|[A-Z]{2})\.?\s+\d{5}(?:-\d{4})?$")
_MAX_NOTE_WORDS = 120
"""A cover note is short; a longer body is a message of its own."""
_MAX_NOTE_VALUES = 1
"""A cover note's sign-off may name the department ("Administrative Assistant /
Wilmington Police Department"); a note with more agency values is a request itself."""


def _values(text: str, rules: Rules, named: bool = True) -> int:
    values, _labels = fields.read_fields(text, rules)
    return sum(1 for p in _AGENCY if values.get(p) and (named or p != "agency.name"))


def _table_lines(table: list[list[str]]) -> list[str]:
    """A form's table: a row of two cells as "label: value", a wider row with its cells
    apart by TABs."""
    lines: list[str] = [""]
    street = False
    for row in table:
        cells = [c for c in row if c.strip()]
        if len(row) == 2 and len(cells) == 2 and street and _CITY.match(cells[1]):
            lines[-1] += f", {cells[1]}"  # "Street address" then "City / State / ZIP"
            street = False
        elif len(row) == 2 and len(cells) == 2:
            lines.append(f"{cells[0].rstrip(':')}: {cells[1]}")
            street = bool(_STREET.match(cells[1]))
        else:
            lines.append("\t".join(row))
    return lines


def _docx_text(data: bytes, limits: Limits) -> str:
    """A Word form's paragraphs, then its tables."""
    lines = [docx_text(data, limits)]
    for table in docx_tables(data, limits):
        lines += _table_lines(table)
    return "\n".join(lines)


def _is_form(table: list[list[str]]) -> bool:
    """A sheet of labels and their values ("Field | Value", "Judiciary Code | 0907"):
    two columns, every row filled in both, but for a title or a blank row of one cell at
    most ("Middlebury Police Department - TraCS setup" over its values)."""
    pairs = [row for row in table if len(row) == 2 and all(c.strip() for c in row)]
    titles = [row for row in table if sum(1 for c in row if c.strip()) <= 1]
    return len(pairs) >= 2 and len(pairs) + len(titles) == len(table)


def form_sheets(parts: MessageParts) -> list[tuple[str, str]]:
    """The sheets of labels and values among the message's tables ("Judiciary Code |
    0283" on a workbook's first tab), each as "label: value" lines: where the last look
    finds a value a long note's reading missed."""
    written = " ".join(f"{parts.full_text}\n{parts.text}".split())
    return [
        ("attached sheet", "\n".join(_table_lines(t)))
        for t in parts.tables
        # a table of the message's own HTML is read with its text already
        if _is_form(t) and not all(" ".join(r[-1].split()) in written for r in t if r)
    ]


def _attached_texts(parts: MessageParts, rules: Rules, limits: Limits) -> list[str]:
    # a printed form's labels over their values: "Label: value", as typed
    texts = [form_text(d.text, rules) for d in parts.documents]
    # a terse note over a spreadsheet of the agency's values, label by label
    texts += ["\n".join(_table_lines(t)) for t in parts.tables if _is_form(t)]
    for att in parts.attachments:
        if att.content_type == DOCX:
            try:
                texts.append(_docx_text(att.data, limits))
            except Exception:  # an unreadable file: its tables were noted already
                continue
    return texts


def with_attached_request(parts: MessageParts, rules: Rules, limits: Limits) -> MessageParts:
    """``parts`` with the attached letter or form put above a cover note that carries no
    value of the request itself; else ``parts`` unchanged."""
    if not (
        parts.documents
        or any(a.content_type == DOCX for a in parts.attachments)
        or any(_is_form(t) for t in parts.tables)
    ):
        return parts
    # a note signed with the agency's name (and perhaps one more value) is no request;
    # nor is one whose sign-off gives the agency's address and phone: only the values
    # written above the sign-off are the note's own
    own = _values(split_signature(parts.text, rules).body, rules, named=False)
    # a note over a forwarded cover mail: the note's own words (the mail it forwards,
    # itself a cover note, may hold no value either: counted below); its sign-off and
    # the confidentiality notice under it are no words of the note
    note = split_signature(parts.forward_note or parts.text, rules).body
    if len(note.split()) > _MAX_NOTE_WORDS or own > _MAX_NOTE_VALUES:
        return parts
    if change_documents.change_texts(parts, rules, parts.text):
        return parts  # a memo of roster changes: read as such, only the part named
    # the text that gives most values, the longest of those (a Word letter's paragraphs
    # and tables over its paragraphs alone, or over its table of values alone)
    best, most = "", 0
    for text in _attached_texts(parts, rules, limits):
        count = _values(text, rules)
        if count > most or (count == most and len(text) > len(best)):
            best, most = text, count
    if most >= max(2, own + 1):
        return dataclasses.replace(
            parts, text=f"{best.strip()}\n\n{parts.text}", letter=best.strip()
        )
    return parts
