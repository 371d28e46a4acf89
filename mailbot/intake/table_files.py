"""The tables of attached CSV, Excel and Word files (zips checked for bombs), and text decoded."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from mailbot.intake.limits import Limits

MAX_ROWS = 5000
MAX_COLS = 60
MAX_SHEETS = 10


class Sheet(list[list[str]]):
    """A worksheet's rows, with the name on its tab."""

    title: str = ""


class TooBig(ValueError):
    """A compressed file unpacks to more than ``limits.max_decompressed_bytes``."""


def _check_zip(data: bytes, limits: Limits) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = sum(i.file_size for i in zf.infolist())
    if total > limits.max_decompressed_bytes:
        raise TooBig(
            f"it unpacks to {total:,} bytes, over the limit of {limits.max_decompressed_bytes:,}"
        )


def decode_text(data: bytes) -> str:
    """Bytes of a text file: UTF-16 with its byte-order mark (Notepad's "Unicode"), else
    UTF-8 (with or without BOM), else Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_rows(data: bytes) -> list[list[str]]:
    """Rows of a CSV file (delimiter sniffed among , ; TAB |), header row included."""
    text = decode_text(data)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for row in csv.reader(io.StringIO(text), dialect):
        cells = [c.strip() for c in row[:MAX_COLS]]
        if any(cells):
            rows.append(cells)
        if len(rows) >= MAX_ROWS:
            break
    return rows


_PADDED = re.compile(r"^0+$")
"""A number format that pads with zeros ("00000"): the number is shown with its zeros."""


def _cell(value: object, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if _PADDED.match(number_format or "") and value >= 0:
            return str(value).zfill(len(number_format))  # LEO number 04471 kept whole
        return str(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return str(text).removesuffix("T00:00:00")
    return str(value).strip()


def xlsx_tables(data: bytes, limits: Limits) -> list[list[list[str]]]:
    """One table per non-empty worksheet (values, not formulas)."""
    _check_zip(data, limits)
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        tables: list[list[list[str]]] = []
        for ws in wb.worksheets[:MAX_SHEETS]:
            rows = Sheet()
            rows.title = str(ws.title or "")
            for row in ws.iter_rows(max_col=MAX_COLS):
                cells = [_cell(c.value, getattr(c, "number_format", "General")) for c in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    rows.append(cells)
                if len(rows) >= MAX_ROWS:
                    break
            if rows:
                tables.append(rows)
        return tables
    finally:
        wb.close()


def docx_tables(data: bytes, limits: Limits) -> list[list[list[str]]]:
    """Every table of a Word document's body, cell text stripped.

    Only the main document part is parsed (python-docx's ``Document()`` would also
    parse styles, theme, fonts and settings, which tables do not need)."""
    _check_zip(data, limits)
    from docx.oxml import parse_xml
    from docx.table import Table

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    body = parse_xml(xml).body
    tables = []
    for tbl in body.tbl_lst[: MAX_SHEETS * 5]:
        table = Table(tbl, body)  # cell text needs no document part, only the XML
        rows = []
        for row in table.rows[:MAX_ROWS]:
            cells = [" ".join(c.text.split()) for c in row.cells[:MAX_COLS]]
            if any(cells):
                rows.append(cells)
        if rows:
            tables.append(rows)
    return tables


def docx_text(data: bytes, limits: Limits) -> str:
    """The paragraphs of a Word document (outside its tables), a blank line between
    two (as paragraphs of an email's text are)."""
    _check_zip(data, limits)
    from docx import Document

    return "\n\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip())
