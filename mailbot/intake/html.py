"""HTML mail body -> plain text a clerk would read, plus its tables cell by cell.

Block elements and ``<br>`` become line breaks; each table row becomes ONE line
with its cells joined by TAB (the shape of a table pasted from Word), so the field
readers treat HTML tables and pasted tables alike. ``<blockquote>`` content comes
out as ``> `` lines, and Outlook's reply header block (``#divRplyFwdMsg`` or the
``border-top:solid #E1E1E1`` div) is preceded by Outlook's underscore separator, so
:mod:`mailbot.intake.quoting` treats both as quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # selectolax is imported when HTML is read
    from selectolax.lexbor import LexborNode

# An entry of the walk: (node, entering, depth, parent tag).
_Step: TypeAlias = "tuple[LexborNode, bool, int, str]"

SEPARATOR = "_" * 32
"""The line Outlook writes above the header block of a quoted message."""

_SKIP = frozenset(
    {"head", "style", "script", "title", "meta", "link", "o:p", "xml", "template", "noscript"}
)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "body", "caption", "center", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "html", "li", "main", "nav", "ol", "p", "pre", "section", "ul",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_NESTING = (_BLOCK - {"p", "li", "dt", "dd"}) | {"blockquote", "table", "tbody", "thead"}
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
_ENDS = _BLOCK | _CELL | {"tr", "table", "blockquote"}
"""Elements whose end :func:`_close` acts on."""
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.I)
_OUTLOOK_HEADER_DIV = re.compile(r"border-top\s*:\s*solid\s+#E1E1E1", re.I)
_IN_LINE = re.compile(r"[ \r\f\v\u00a0\u200b\ufeff]+")  # spaces within a line; TABs kept
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\ufeff]+")
_MAX_DEPTH = 400  # deeper markup is flattened, never recursed into
_MAX_NESTING = 800
"""Elements nested deeper than this are renamed ``span`` before the HTML parser sees
them: its cost grows with the square of block nesting (40,000 nested ``div`` take
seconds), while inline elements nest at linear cost."""
_PRE_HOPS = 50
"""Text counts as preformatted when a ``<pre>`` is at most this many levels above it."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,20})(?=[\s/>])")
_LINK_OR_IMAGE = re.compile(r"<(?:a|im)", re.I)
"""The start of an ``<a>`` or ``<img>`` tag (``<image>`` too, which parsers make an
``img``), or of another tag beginning alike: without one, no ``cid:`` image or
``mailto:`` link is there to read."""


@dataclass
class HtmlContent:
    """What an HTML body says: ``text`` (with quotes as ``>`` lines), its tables
    (rows of cell strings, quoted tables left out) and the ``cid:`` images it shows."""

    text: str = ""
    tables: list[list[list[str]]] = field(default_factory=list)
    cids: set[str] = field(default_factory=set)
    mailto: list[tuple[str, str]] = field(default_factory=list)
    """(link text, address) of ``mailto:`` links ("Sergeant Mike Lavoie" -> address)."""


@dataclass
class _Frame:
    kind: str  # "root" | "cell" | "quote"
    pieces: list[str] = field(default_factory=list)
    colspan: int = 1  # a cell's columns and rows (a merged heading cell)
    rowspan: int = 1


def html_to_text(html: str) -> str:
    """The readable text of ``html`` (see :func:`read_html`)."""
    return read_html(html).text


def read_html(html: str, text: bool = True) -> HtmlContent:
    """Convert an HTML body; never raises on malformed markup.

    With ``text`` false only ``cids`` and ``mailto`` are read (the same elements are
    visited), for a body whose plain-text alternative is what gets read."""
    from selectolax.lexbor import LexborHTMLParser

    out = HtmlContent()
    if not html.strip():
        return out
    if not text and _LINK_OR_IMAGE.search(html) is None:
        return out  # only <a> and <img> elements are read: none is there
    tree = LexborHTMLParser(flatten_deep(html))
    root = tree.root
    if root is None:
        return out
    frames: list[_Frame] = [_Frame("root")]
    rows_stack: list[list[list[str]]] = []  # one list of rows per open <table>
    row_stack: list[list[str]] = []  # one list of cells per open <tr>
    lines_stack: list[list[str]] = []  # per open <tr>: each cell's text, its lines kept
    spans: list[dict[int, tuple[int, str]]] = []  # per open <table>: column -> rows
    # still spanned, and the text they show
    pres: list[int] = []  # depths of the open <pre> elements
    quote_depth = 0
    # Iterative walk: (node, entering, depth, parent tag) tuples, so deep markup cannot
    # overflow the stack (and no node's parent is looked up again).
    stack: list[_Step] = [(root, True, 0, "")]
    while stack:
        node, entering, depth, parent_tag = stack.pop()
        tag = node.tag
        if not entering:
            # for block elements ``depth`` holds where their content started
            if tag == "pre":
                pres.pop()
            # (only elements of _ENDS are left: their tag is set)
            closed = tag or ""
            quote_depth -= _close(
                closed, frames, (rows_stack, row_stack, spans, lines_stack), out, quote_depth, depth
            )
            continue
        if tag == "-text":
            if not text:
                continue
            content = node.text_content or ""
            if content.isspace() and parent_tag in _TABLE_PARTS:
                continue
            if content:
                # inside a <pre> at most _PRE_HOPS levels up
                in_pre = frames[-1].kind != "cell" and bool(pres) and pres[-1] >= depth - _PRE_HOPS
                frames[-1].pieces.append(content if in_pre else _SPACES.sub(" ", content))
            continue
        if not tag or tag in _SKIP or tag.startswith("-"):
            continue
        attrs = node.attributes or {}
        style = attrs.get("style") or ""
        if style and _HIDDEN.search(style):
            continue
        if tag == "a" and len(out.mailto) < 100:
            href = (attrs.get("href") or "").strip()
            if href[:7].lower() == "mailto:":
                address = href[7:].split("?", 1)[0].strip()
                label = " ".join((node.text(deep=True) or "").split())[:200]
                if "@" in address and label and "@" not in label:
                    out.mailto.append((label, address.lower()))
        if tag == "img":
            src = (attrs.get("src") or "").strip()
            if src[:4].lower() == "cid:":
                out.cids.add(src[4:].strip("<> "))
            continue
        if not text:  # the same elements are entered, nothing is written
            if tag not in ("br", "hr") and depth < _MAX_DEPTH:
                stack.extend(_children(node, depth + 1, tag))
            continue
        if tag == "br":
            frames[-1].pieces.append("\n")
            continue
        if tag == "hr":
            frames[-1].pieces.append(f"\n{SEPARATOR}\n")
            continue
        if (
            tag == "div"
            and ((attrs.get("id") or "") == "divRplyFwdMsg" or _OUTLOOK_HEADER_DIV.search(style))
            and not "".join(frames[-1].pieces[-3:]).rstrip().endswith(SEPARATOR)
        ):
            frames[-1].pieces.append(f"\n{SEPARATOR}\n")
        if tag == "blockquote":
            frames.append(_Frame("quote"))
            quote_depth += 1
        elif tag == "table":
            rows_stack.append([])
            spans.append({})
            _newline(frames[-1])
        elif tag == "tr":
            row_stack.append([])
            lines_stack.append([])
            _newline(frames[-1])
        elif tag in _CELL:
            frames.append(_Frame("cell", [], _span(attrs, "colspan"), _span(attrs, "rowspan")))
        elif tag in _BLOCK:
            _newline(frames[-1])
        if tag in _ENDS:  # the end of any other element changes nothing
            stack.append((node, False, len(frames[-1].pieces), parent_tag))
        if tag == "pre":
            pres.append(depth)
        if depth >= _MAX_DEPTH:
            frames[-1].pieces.append(_SPACES.sub(" ", node.text(deep=True) or ""))
            continue
        stack.extend(_children(node, depth + 1, tag))
    while len(frames) > 1:  # unbalanced only if the walk was cut short
        _pop_into_parent(frames)
    out.text = tidy("".join(frames[0].pieces))
    return out


def _children(node: LexborNode, depth: int, tag: str) -> list[_Step]:
    """Walk-stack entries for the children of ``node``, last child first."""
    children = []
    child = node.child
    while child is not None:
        children.append((child, True, depth, tag))
        child = child.next
    children.reverse()
    return children


def flatten_deep(html: str, limit: int = _MAX_NESTING) -> str:
    """``html`` with the elements nested deeper than ``limit`` renamed ``span``.

    One pass over the tags; only block containers count (elements whose end tag is
    optional, such as ``p`` or ``li``, and inline ones nest cheaply)."""
    low = html.lower() if html.count("<") > limit else ""
    if not low or sum(low.count(f"<{tag}") for tag in _NESTING) <= limit:
        return html  # fewer block elements than the limit: none can be nested deeper
    depth = 0
    out: list[str] = []
    last = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name not in _NESTING:
            continue
        closing = bool(m.group(1))
        deep = (depth > limit) if closing else (depth >= limit)
        depth = max(0, depth - 1) if closing else depth + 1
        if deep and name != "span":
            out.append(html[last : m.start(2)])
            out.append("span")
            last = m.end(2)
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _close(
    tag: str,
    frames: list[_Frame],
    stacks: tuple[
        list[list[list[str]]], list[list[str]], list[dict[int, tuple[int, str]]], list[list[str]]
    ],
    out: HtmlContent,
    quote_depth: int,
    start: int,
) -> int:
    """Handle the end of an element; returns 1 when a quote level closes."""
    rows_stack, row_stack, spans, lines_stack = stacks
    if tag in _CELL and frames[-1].kind == "cell":
        frame = frames.pop()
        cell = " ".join(_SPACES.sub(" ", "".join(frame.pieces)).split())
        if row_stack:
            pending = spans[-1] if spans else {}
            row = row_stack[-1]
            _fill_spanned(row, pending)
            col = len(row)
            row.append(cell)
            if lines_stack:
                lines = (
                    _IN_LINE.sub(" ", ln).strip(" ") for ln in "".join(frame.pieces).split("\n")
                )
                lines_stack[-1].append("\n".join(line for line in lines if line))
            row.extend([""] * (frame.colspan - 1))  # a merged cell keeps its columns
            if frame.rowspan > 1:
                # a body cell belongs to every row it spans ("ADD" over two officers); a
                # heading cell's rows below stay blank (a merged heading over its parts)
                body = bool(rows_stack and rows_stack[-1])
                for k in range(frame.colspan):
                    pending[col + k] = (frame.rowspan - 1, cell if k == 0 and body else "")
        else:
            frames[-1].pieces.append(f" {cell} ")
    elif tag == "tr" and row_stack:
        cells = row_stack.pop()
        lined = [c for c in (lines_stack.pop() if lines_stack else []) if c]
        if spans and spans[-1] and any(cells):
            _fill_spanned(cells, spans[-1])
        while cells and not cells[-1]:
            cells.pop()
        _newline(frames[-1])
        if _signature_cells(lined) and sum(1 for c in cells if c) == len(lined):
            # a signature beside its logo image, or laid out in cells side by side (the
            # name and title, then the agency and its address): each cell keeps its lines
            frames[-1].pieces.append("\n".join(lined) + "\n")
        else:
            frames[-1].pieces.append("\t".join(cells) + "\n")
        if rows_stack and any(cells):
            rows_stack[-1].append(cells)
    elif tag == "table" and rows_stack:
        rows = rows_stack.pop()
        if spans:
            spans.pop()
        if rows and quote_depth == 0:
            out.tables.append(rows)
        _newline(frames[-1])
    elif tag == "blockquote" and frames[-1].kind == "quote":
        _pop_into_parent(frames)
        return 1
    elif tag in _BLOCK:
        pieces = frames[-1].pieces
        if tag in ("p", "div") and not "".join(pieces[start:]).strip():
            pieces.append("\n")  # an empty paragraph is Outlook's blank line
        else:
            _newline(frames[-1])
    return 0


_SIGNATURE_LINES = 8
_SIGNATURE_WIDTH = 80


def _signature_cells(lined: list[str]) -> bool:
    """Whether a row's cells of text are a signature's blocks: each of a few short lines
    ("Col. Ann Roy" / "Chief Game Warden" beside "Fish & Wildlife" / "1 National Life
    Drive, Davis 2" / "Montpelier, VT 05620"), not a page laid out in columns."""
    if not lined or (len(lined) > 1 and not all("\n" in c for c in lined)):
        return False
    if len(lined) == 1:
        return "\n" in lined[0]  # the one cell beside a logo keeps its lines, whatever they are
    lines = [line for c in lined for line in c.split("\n")]
    return all(c.count("\n") < _SIGNATURE_LINES for c in lined) and all(
        len(line) <= _SIGNATURE_WIDTH for line in lines
    )


_MAX_SPAN = 50


def _span(attrs: dict[str, str | None], name: str) -> int:
    value = (attrs.get(name) or "").strip()
    return min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _fill_spanned(row: list[str], pending: dict[int, tuple[int, str]]) -> None:
    """Where a cell of a row above still spans (``rowspan``), its text again: the cell
    belongs to every row it spans."""
    while len(row) in pending:
        col = len(row)
        left, text = pending[col]
        row.append(text)
        if left <= 1:
            del pending[col]
        else:
            pending[col] = (left - 1, text)


def _newline(frame: _Frame) -> None:
    """End the current line unless it is already ended (block boundaries collapse)."""
    pieces = frame.pieces
    while pieces and not pieces[-1].strip(" "):
        pieces.pop()
    if pieces and not pieces[-1].endswith("\n"):
        pieces.append("\n")


def _pop_into_parent(frames: list[_Frame]) -> None:
    frame = frames.pop()
    text = tidy("".join(frame.pieces))
    if frame.kind == "quote":
        quoted = "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
        frames[-1].pieces.append(f"\n{quoted}\n" if text else "\n")
    else:
        frames[-1].pieces.append(f" {' '.join(text.split())} ")


_BLANKS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Strip each line (keeping TABs between cells), drop runs of blank lines."""
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            line = "\t".join(" ".join(c.split()) for c in line.split("\t"))
        else:
            line = line.replace("\u00a0", " ").strip(" \r\f\v")
            line = re.sub(r" {2,}", " ", line) if "  " in line else line
        lines.append(line.rstrip())
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
