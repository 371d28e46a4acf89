"""Small builders for test fixtures: images, spreadsheets, Word files, TNEF, emails.

Used by the unit tests and by ``make_mime_messages.py``; everything is built in
memory so tests never depend on files left by a previous run.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterable, Sequence
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP, default

__all__ = ["docx", "eml", "image", "png", "tnef", "xlsx"]


def image(fmt: str, w: int, h: int, color: tuple[int, int, int] = (20, 60, 140)) -> bytes:
    """An image of ``w`` x ``h`` pixels in Pillow format ``fmt`` ("PNG", "JPEG", "GIF", ...)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, format=fmt)
    return buf.getvalue()


def png(w: int, h: int) -> bytes:
    """A PNG image of ``w`` x ``h`` pixels."""
    return image("PNG", w, h)


def xlsx(rows: Sequence[Sequence[object]], sheet: str = "Officers") -> bytes:
    """An XLSX workbook whose first sheet holds ``rows`` (header row included)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(
    rows: Sequence[Sequence[str]] = (),
    paragraphs: Iterable[str] = (),
    header: Sequence[str] = (),
) -> bytes:
    """A Word document: ``paragraphs`` first, then one table holding ``rows`` (if any);
    ``header`` is the page header's lines (a letterhead)."""
    from docx import Document

    doc = Document()
    if header:
        top = doc.sections[0].header
        top.paragraphs[0].text = header[0]
        for line in header[1:]:
            top.add_paragraph(line)
    for p in paragraphs:
        doc.add_paragraph(p)
    if rows:
        table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = str(cell)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# TNEF (winmail.dat): signature, key, then attributes
# level(1) id(2) type(2) length(4) data checksum(2), little-endian.
_TNEF_SIGNATURE = 0x223E9F78
_LVL_MESSAGE, _LVL_ATTACHMENT = 0x01, 0x02
_ATT_TNEF_VERSION = 0x9006
_ATT_OEM_CODEPAGE = 0x9007
_ATT_MESSAGE_CLASS = 0x8008
_ATT_BODY = 0x800C
_ATT_ATTACH_RENDDATA = 0x9002
_ATT_ATTACH_TITLE = 0x8010
_ATT_ATTACH_DATA = 0x800F
_T_BYTE, _T_STRING, _T_WORD, _T_DWORD = 0x0006, 0x0007, 0x0004, 0x0008


def _tnef_attr(level: int, att_id: int, att_type: int, data: bytes) -> bytes:
    checksum = sum(data) & 0xFFFF
    return (
        struct.pack("<BHHI", level, att_id, att_type, len(data))
        + data
        + struct.pack("<H", checksum)
    )


def tnef(attachments: list[tuple[str, bytes]], body: str = "") -> bytes:
    """A minimal valid TNEF stream (what Outlook sends as winmail.dat) that tnefparse
    reads back: one message with an optional plain ``body`` and the given files."""
    out = [struct.pack("<IH", _TNEF_SIGNATURE, 0x0001)]
    out.append(_tnef_attr(_LVL_MESSAGE, _ATT_TNEF_VERSION, _T_DWORD, struct.pack("<I", 0x10000)))
    out.append(_tnef_attr(_LVL_MESSAGE, _ATT_OEM_CODEPAGE, _T_BYTE, struct.pack("<II", 1252, 0)))
    out.append(_tnef_attr(_LVL_MESSAGE, _ATT_MESSAGE_CLASS, 0x0001, b"IPM.Microsoft Mail.Note\x00"))
    if body:
        out.append(_tnef_attr(_LVL_MESSAGE, _ATT_BODY, 0x0002, body.encode("cp1252") + b"\x00"))
    for name, data in attachments:
        # attAttachRenddata: type, position, width, height, flags (opens each attachment)
        rend = struct.pack("<HIHHI", 0x0001, 0xFFFFFFFF, 0, 0, 0)
        out.append(_tnef_attr(_LVL_ATTACHMENT, _ATT_ATTACH_RENDDATA, _T_BYTE, rend))
        title = name.encode("utf-8") + b"\x00"
        out.append(_tnef_attr(_LVL_ATTACHMENT, _ATT_ATTACH_TITLE, _T_STRING, title))
        out.append(_tnef_attr(_LVL_ATTACHMENT, _ATT_ATTACH_DATA, _T_BYTE, data))
    return b"".join(out)


def eml(
    *,
    text: str | None = None,
    html: str | None = None,
    sender: str = "Chief Ann Smith <asmith@burlingtonpd.org>",
    to: str = "dps.eTicket@vermont.gov",
    subject: str = "TraCS enrollment request",
    attachments: Sequence[tuple[str, str, bytes]] = (),
    headers: dict[str, str] | None = None,
) -> bytes:
    """A well-formed email: text and/or HTML body, plus ``(filename, mime type, data)``
    attachments and extra ``headers``. Returns the raw bytes with CRLF line ends."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<fixture-0001@burlingtonpd.org>"
    for name, value in (headers or {}).items():
        msg[name] = value
    if text is not None:
        msg.set_content(text)
    if html is not None:
        if text is not None:
            msg.add_alternative(html, subtype="html")
        else:
            msg.set_content(html, subtype="html")
    if text is None and html is None:
        msg.set_content("")
    for filename, mime, data in attachments:
        if mime == "message/rfc822":
            inner = message_from_bytes(data, policy=default)
            msg.add_attachment(inner, filename=filename)
            continue
        maintype, _, subtype = mime.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes(policy=SMTP)
