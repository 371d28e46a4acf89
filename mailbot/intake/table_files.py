"""The tables of attached CSV, Excel and Word files (zips checked for bombs), and text decoded."""

from __future__ import annotations

import csv
import io
import re
import threading
import zipfile
from dataclasses import dataclass

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
            under = _under_merged_cells(data, str(getattr(ws, "_worksheet_path", "")))
            wanted = {top * MAX_COLS + c for cols in under.values() for c, top in cols.items()}
            tops: dict[int, str] = {}  # a merged cell's top (row, column) -> its value
            for n, row in enumerate(ws.iter_rows(min_row=1, max_col=MAX_COLS), start=1):
                cells = [_cell(c.value, getattr(c, "number_format", "General")) for c in row]
                for c, top in under.get(n, {}).items():
                    if c < len(cells) and not cells[c]:
                        cells[c] = tops.get(top * MAX_COLS + c, "")
                if wanted:
                    tops.update({n * MAX_COLS + c: v for c, v in enumerate(cells) if v})
                    tops = {k: v for k, v in tops.items() if k in wanted}
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


_MERGE = re.compile(r'<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
_MAX_MERGES = 500


def _under_merged_cells(data: bytes, path: str) -> dict[int, dict[int, int]]:
    """Cells under the top of a cell merged down one column over rows of a worksheet
    (a "Deputy" cell spanning the rows of three deputies): by row, column -> the row
    of its top. A row that also merges cells across is a heading of merged headings:
    its cells are left as they are."""
    from openpyxl.utils.cell import column_index_from_string

    if not path:
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(path.lstrip("/")).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    merges = [m.groups() for m in _MERGE.finditer(xml)][:_MAX_MERGES]
    across = {int(r1) for c1, r1, c2, _ in merges if c1 != c2}
    under: dict[int, dict[int, int]] = {}
    for c1, r1, c2, r2 in merges:
        top, bottom = int(r1), min(int(r2), int(r1) + MAX_ROWS)
        if c1 != c2 or bottom <= top or top in across:
            continue
        column = column_index_from_string(c1) - 1
        for r in range(top + 1, bottom + 1):
            under.setdefault(r, {})[column] = top
    return under


_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"


@dataclass(frozen=True)
class _Word:
    """What is read of a Word document: its tables, and its paragraphs' text (``None``
    when its main part is not the usual ``word/document.xml``: python-docx reads it)."""

    tables: tuple[tuple[tuple[str, ...], ...], ...]
    text: str | None


_read_words: dict[int, tuple[bytes, _Word]] = {}
"""The last few Word files read, by the identity of their bytes (kept alive here, so an
id is not reused): one message's file is read for its tables, its text, and again when
it may be the request itself; the same bytes, not an equal copy, are the same file."""
_KEEP_WORDS = 4
_words_lock = threading.Lock()


def _word(data: bytes) -> _Word:
    """A Word document's main part, parsed once for its tables and its text."""
    hit = _read_words.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    word = _read_word(data)
    with _words_lock:
        while len(_read_words) >= _KEEP_WORDS:
            del _read_words[next(iter(_read_words))]
        _read_words[id(data)] = (data, word)
    return word


def _read_word(data: bytes) -> _Word:
    """Only the main document part is parsed (python-docx's ``Document()`` would also
    parse styles, theme, fonts and settings, which neither tables nor text need)."""
    from docx.oxml import parse_xml
    from docx.table import Table

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
        usual = _usual_package(zf)
        heads, feet = _margins(zf) if usual else ([], [])
    body = parse_xml(xml).body
    tables = []
    for tbl in body.tbl_lst[: MAX_SHEETS * 5]:
        table = Table(tbl, body)  # cell text needs no document part, only the XML
        rows = []
        for row in table.rows[:MAX_ROWS]:
            cells = tuple(" ".join(c.text.split()) for c in row.cells[:MAX_COLS])
            if any(cells):
                rows.append(cells)
        if rows:
            tables.append(tuple(rows))
    text = None
    if usual:  # the paragraphs python-docx's ``Document().paragraphs`` gives
        texts = [*heads, *(p.text for p in body.p_lst), *feet]
        text = "\n\n".join(t for t in texts if t.strip())
    return _Word(tuple(tables), text)


_MARGIN_PART = re.compile(r"^word/(header|footer)(\d*)\.xml$")
_MAX_MARGINS = 6


def _margins(zf: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """The text of a Word document's page headers and footers: a letterhead's agency
    name, address and phone, one block each (its lines apart by one line break), each
    text once (a first page's header is often the same as the others')."""
    from docx.oxml import parse_xml

    out: dict[str, list[str]] = {"header": [], "footer": []}
    names = sorted(
        (m.group(1), int(m.group(2) or 0), n) for n in zf.namelist() if (m := _MARGIN_PART.match(n))
    )
    for kind, _, name in names[:_MAX_MARGINS]:
        part = parse_xml(zf.read(name))
        ns = part.nsmap.get("w")
        lines = [
            " ".join("".join(t.text or "" for t in p.iter(f"{{{ns}}}t")).split())
            for p in part.iter(f"{{{ns}}}p")
        ]
        block = "\n".join(line for line in lines if line)
        if block and block not in out[kind]:
            out[kind].append(block)
    return out["header"], out["footer"]


def _usual_package(zf: zipfile.ZipFile) -> bool:
    """True when the package's main part is ``word/document.xml``, typed as a Word
    document (what python-docx's ``Document()`` opens; else it reads another part or
    refuses the file)."""
    from lxml import etree

    try:
        rels = etree.fromstring(zf.read("_rels/.rels"))
        main = [r for r in rels if r.tag == _RELATIONSHIP and r.get("Type") == _OFFICE_DOCUMENT]
        if len(main) != 1 or main[0].get("TargetMode", "Internal") != "Internal":
            return False
        if main[0].get("Target") not in ("word/document.xml", "/word/document.xml"):
            return False
        types = etree.fromstring(zf.read("[Content_Types].xml"))
        kind = None
        for el in types:
            if el.tag == _OVERRIDE and el.get("PartName", "").lower() == "/word/document.xml":
                kind = el.get("ContentType")
        return kind == _WORD_MAIN
    except Exception:
        return False


def docx_tables(data: bytes, limits: Limits) -> list[list[list[str]]]:
    """Every table of a Word document's body, cell text stripped."""
    _check_zip(data, limits)
    return [[list(row) for row in table] for table in _word(data).tables]


def docx_text(data: bytes, limits: Limits) -> str:
    """The paragraphs of a Word document (outside its tables), a blank line between
    two (as paragraphs of an email's text are)."""
    _check_zip(data, limits)
    try:
        text = _word(data).text
    except Exception:  # python-docx may still open it (or say why it cannot)
        text = None
    if text is not None:
        return text
    from docx import Document

    return "\n\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs if p.text.strip())
