"""Attached files: what they really are, and the tables inside them.

The type is decided by content (zip members, image headers, TNEF signature), not
by the name the sender gave. Spreadsheets and Word files are opened only after a
zip-bomb check (their tables: :mod:`table_files`); anything unreadable becomes a
plain-words note, never an exception.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import structlog

from mailbot.intake.image_facts import opened
from mailbot.intake.limits import Limits
from mailbot.intake.parts import Attachment
from mailbot.intake.table_files import (
    MAX_COLS,
    MAX_ROWS,
    TooBig,
    csv_rows,
    decode_text,
    docx_tables,
    docx_text,
    xlsx_tables,
)

if TYPE_CHECKING:  # pypdf is imported when a PDF is read
    from pypdf import PdfReader

log = structlog.get_logger()
logging.getLogger("tnefparse").setLevel(logging.CRITICAL)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TNEF = "application/ms-tnef"
CSV = "text/csv"
PDF = "application/pdf"
MAX_PDF_PAGES = 2
"""Pages of a PDF read (a roster is a page or two; text layout costs time per page)."""
_TNEF_MAGIC = b"\x78\x9f\x3e\x22"
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
TINY_IMAGE_BYTES = 200
TINY_IMAGE_PIXELS = 4


@dataclass
class Unpacked:
    """What the attachments of one message yield."""

    attachments: list[Attachment] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    """Bodies found inside winmail.dat, in order."""
    documents: list[Document | TextDocument | WordDocument] = field(default_factory=list)
    """Documents whose text is read when needed (PDF)."""
    notes: list[str] = field(default_factory=list)


def sniff_type(data: bytes, filename: str = "", declared: str = "") -> str:
    """The MIME type ``data`` really has; falls back to ``declared``."""
    name = filename.lower()
    declared = declared.lower()
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return declared or "application/octet-stream"
        if "xl/workbook.xml" in names:
            return XLSX
        if "word/document.xml" in names:
            return DOCX
        return "application/zip"
    if data.startswith(_TNEF_MAGIC):
        return TNEF
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    for magic, mime in _IMAGE_MAGIC:
        if data.startswith(magic):
            return mime
    if name.endswith((".csv", ".txt")) and declared in ("", "application/octet-stream"):
        return CSV if name.endswith(".csv") else "text/plain"
    if name.endswith(".csv") or declared in (CSV, "text/comma-separated-values"):
        return CSV
    return declared or "application/octet-stream"


def is_tiny_image(data: bytes, limits: Limits) -> bool:
    """True for tracking pixels: at most 4x4 pixels, or under 200 bytes when its size
    cannot be read (a small flat logo compresses to a few hundred bytes or less)."""
    size = image_size(data, limits)
    if size is None:
        return len(data) < TINY_IMAGE_BYTES
    return size[0] <= TINY_IMAGE_PIXELS and size[1] <= TINY_IMAGE_PIXELS


def image_size(data: bytes, limits: Limits) -> tuple[int, int] | None:
    """(width, height) read from the image header, or ``None`` if not an image."""
    image = opened(data, limits.max_image_pixels)  # the logo's probe reuses it
    return None if image is None else (image.width, image.height)


def unpack(attachments: list[Attachment], limits: Limits) -> Unpacked:
    """Expand winmail.dat and read the tables of every attachment. Never raises."""
    out = Unpacked()
    for att in attachments:
        if att.content_type == TNEF:
            _expand_tnef(att, limits, out)
            continue
        out.attachments.append(att)
        _read_tables(att, limits, out)
    return out


def _read_tables(att: Attachment, limits: Limits, out: Unpacked) -> None:
    kind = att.content_type
    readers = {CSV: csv_rows, XLSX: xlsx_tables, DOCX: docx_tables, PDF: pdf_text}
    reader = readers.get(kind)
    if kind == "text/plain":  # a roster typed in a .txt file: read like a PDF's text
        out.documents.append(TextDocument(att.filename, att.data, limits))
        return
    if reader is None:
        return
    try:
        if kind == CSV:
            out.tables.append(csv_rows(att.data))
        elif kind == PDF:
            # its text is read when the message needs it (a roster, a value): see
            # :class:`Document`; here only whether it opens, and its length
            pdf = pdf_reader(att.data)
            pages = len(pdf.pages)
            out.documents.append(Document(att.filename, att.data, limits, pdf))
            if pages > MAX_PDF_PAGES:
                out.notes.append(f"{att.filename}: only the first {MAX_PDF_PAGES} pages read")
        else:
            out.tables.extend(reader(att.data, limits))  # type: ignore[operator]
        if kind == DOCX:  # a memo or order typed in Word: its paragraphs, read as text
            text = docx_text(att.data, limits)[: limits.max_text_chars]
            if text.strip():
                out.documents.append(WordDocument(att.filename, text))
    except TooBig as e:
        out.notes.append(f"{att.filename}: not opened, {e}")
    except Exception as e:  # a broken file must not stop the message
        log.info("attachment_unreadable", filename=att.filename, error=type(e).__name__)
        out.notes.append(f"{att.filename}: could not be read ({type(e).__name__})")


class Document:
    """An attached PDF whose text is extracted on first use, once, never raising: the
    layout pass costs milliseconds per page and most messages never need it."""

    def __init__(
        self, filename: str, data: bytes, limits: Limits, reader: PdfReader | None = None
    ) -> None:
        self.filename = filename
        self._data = data
        self._limits = limits
        self._reader = reader  # the PdfReader that already opened ``data``, if any
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            try:
                self._text = pdf_text(self._data, self._limits, self._reader)[0]
            except Exception as e:  # opened once already; a bad page stream still may fail
                log.info("attachment_unreadable", filename=self.filename, error=type(e).__name__)
                self._text = ""
        return self._text

    def grid(self) -> list[list[str]]:
        return text_grid(self.text)


class TextDocument:
    """An attached plain-text file (a roster typed in columns), read like a PDF's text."""

    def __init__(self, filename: str, data: bytes, limits: Limits) -> None:
        self.filename = filename
        self.text = decode_text(data)[: limits.max_text_chars]

    def grid(self) -> list[list[str]]:
        return text_grid(self.text)


class WordDocument:
    """The paragraphs of an attached Word file (outside its tables, read as grids)."""

    def __init__(self, filename: str, text: str) -> None:
        self.filename = filename
        self.text = text

    def grid(self) -> list[list[str]]:
        return text_grid(self.text)


def pdf_reader(data: bytes) -> PdfReader:
    """A ``pypdf.PdfReader`` of ``data`` (raises on a file that is not a readable PDF,
    :class:`TooBig` on an encrypted one)."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise TooBig("it is encrypted")
    return reader


def pdf_text(data: bytes, limits: Limits, reader: PdfReader | None = None) -> tuple[str, int]:
    """The text of a PDF's first :data:`MAX_PDF_PAGES` pages, columns kept apart by
    runs of spaces (pypdf's layout mode), cut at ``limits.max_text_chars``; and the
    number of pages. ``reader`` is a :func:`pdf_reader` of ``data`` already open."""
    if reader is None:
        reader = pdf_reader(data)
    parts: list[str] = []
    size = 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        try:
            text = page.extract_text(extraction_mode="layout")
        except Exception:  # one bad page: keep the others
            text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > limits.max_text_chars:
            break
    return "\n".join(parts)[: limits.max_text_chars], len(reader.pages)


_CELL_GAP = re.compile(r"\t|\s{2,}")


def text_grid(text: str) -> list[list[str]]:
    """Rows of cells of text laid out in columns (cells apart by TAB or 2+ spaces). A row
    laid out with blanks that leaves a cell empty ("Castro   Miguel   Officer      mcastro"
    under five headings) has its cells placed under the columns they stand in."""
    rows = []
    columns: list[int] = []  # where the widest row's cells start, in a line of blanks
    for line in text.split("\n")[:MAX_ROWS]:
        cells = [_unquoted(c.strip()) for c in _CELL_GAP.split(line.strip())][:MAX_COLS]
        if not any(cells):
            continue
        starts = [m.start() for m in _CELL_TEXT.finditer(line)] if "\t" not in line else []
        if len(starts) == len(cells) and len(cells) > len(columns):
            columns = starts
        elif len(starts) == len(cells) >= 2 and len(cells) < len(columns):
            cells = _placed(cells, starts, columns)
        rows.append(cells)
    return rows


_CELL_TEXT = re.compile(r"\S+(?: \S+)*")
"""A cell's text in a line laid out with blanks (words one blank apart)."""
_COLUMN_SLACK = 2


def _placed(cells: list[str], starts: list[int], columns: list[int]) -> list[str]:
    """``cells`` each under the column it starts in (the last column starting at most
    :data:`_COLUMN_SLACK` after it), the others empty; ``cells`` as they are when two
    share a column."""
    out = [""] * len(columns)
    for cell, start in zip(cells, starts, strict=True):
        at = max((i for i, c in enumerate(columns) if c <= start + _COLUMN_SLACK), default=0)
        if out[at]:
            return cells
        out[at] = cell
    return out


def _unquoted(cell: str) -> str:
    """A cell of Excel's text export wrapped in quotes ("Boyle, Amanda"): its text."""
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"').strip()
    return cell


def _expand_tnef(att: Attachment, limits: Limits, out: Unpacked) -> None:
    """Read an Outlook winmail.dat as if its files had been attached directly."""
    import tnefparse

    try:
        tnef = tnefparse.TNEF(att.data, do_checksum=True)
    except Exception as e:  # tnefparse raises ValueError, struct.error, IndexError...
        log.info("tnef_unreadable", filename=att.filename, error=type(e).__name__)
        out.notes.append(
            f"{att.filename}: Outlook winmail.dat could not be read; "
            "ask the sender to resend with the files attached directly"
        )
        return
    if any(not getattr(o, "good_checksum", True) for o in tnef.objects):
        out.notes.append(f"{att.filename}: Outlook winmail.dat is damaged (bad checksum)")
    body = tnef.body
    if isinstance(body, bytes):
        body = decode_text(body.rstrip(b"\x00"))
    if body and body.strip():
        out.texts.append(body.strip("\x00"))
    elif tnef.htmlbody:
        from mailbot.intake.html import html_to_text

        html = tnef.htmlbody
        if isinstance(html, bytes):
            html = decode_text(html)
        out.texts.append(html_to_text(html))
    for n, inner in enumerate(tnef.attachments[: limits.max_attachments], 1):
        try:
            name = inner.long_filename() or f"winmail-{n}"
        except Exception:
            name = f"winmail-{n}"
        data = inner.data if isinstance(inner.data, bytes) else b""
        if len(data) > limits.max_attachment_bytes:
            out.notes.append(f"{name} (in {att.filename}): skipped, over the size limit")
            continue
        if not data:
            out.notes.append(f"{name} (in {att.filename}): empty, skipped")
            continue
        kind = sniff_type(data, name, "")
        if kind == TNEF:
            out.notes.append(f"{name} (in {att.filename}): nested winmail.dat not opened")
            continue
        inner_att = Attachment(filename=str(name), content_type=kind, data=data)
        out.attachments.append(inner_att)
        _read_tables(inner_att, limits, out)
    if not tnef.attachments and not (body and body.strip()) and not tnef.htmlbody:
        out.notes.append(
            f"{att.filename}: Outlook winmail.dat holds no readable file or text; "
            "ask the sender to resend with the files attached directly"
        )
    if len(tnef.attachments) > limits.max_attachments:
        out.notes.append(f"{att.filename}: only the first {limits.max_attachments} files read")
