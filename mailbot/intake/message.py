"""MIME layer: raw bytes -> :class:`MessageParts`, what a careful clerk would read.

Parsing uses the stdlib ``email`` package with the ``compat32`` policy, which
survives broken input and has no quadratic header parsing; everything decoded
here (charsets, RFC 2047 words, format=flowed) is done by hand with fallbacks, so
the only exception that leaves :func:`read_message` is :class:`MessageError`.
"""

from __future__ import annotations

import base64
import contextlib
import email
import email.header
import email.utils
import logging
import quopri
import re
from dataclasses import dataclass, field
from email.message import Message
from email.policy import compat32

import structlog

from mailbot.errors import MessageError, MessageTooLarge
from mailbot.intake.attachments import TNEF, is_tiny_image, sniff_type, unpack
from mailbot.intake.decoding import (
    _CTRL,
    _addresses,
    _headers,
    _params,
    _payload,
    _text_of,
    _unsurrogate,
    decode_header_value,
)
from mailbot.intake.decoding import decode_bytes as decode_bytes  # the readers' entry point
from mailbot.intake.limits import Limits
from mailbot.intake.parts import Attachment, MessageParts
from mailbot.intake.quoting import is_forward_subject, split_message

logging.getLogger("mailparser").setLevel(logging.CRITICAL)
log = structlog.get_logger()

MAX_PARTS = 500
MAX_DEPTH = 12
MAX_EMBEDDED = 3
SHORT_NOTE = 600
_MSGID = re.compile(r"<[^<>\s]{1,500}>")


def looks_like_email(raw: bytes) -> bool:
    """True when the first line is an RFC 5322 header field (or an mbox ``From `` line)."""
    head = raw[:4096].lstrip(b" \t\r\n")
    first = head.split(b"\n", 1)[0]
    if first.startswith(b"From "):
        return True
    name, sep, _ = first.partition(b":")
    return bool(sep) and 0 < len(name) <= 76 and all(33 <= c <= 126 for c in name)


def read_message(raw: bytes, limits: Limits | None = None) -> MessageParts:
    """Decode ``raw`` into what a clerk reads.

    Raises :class:`MessageError` (one line) only when ``raw`` is not an email, cannot
    be read at all, or is over ``limits.max_message_bytes``; anything odd inside a
    readable message becomes a note in ``parts.notes`` instead."""
    limits = limits or Limits()
    if len(raw) > limits.max_message_bytes:
        raise MessageTooLarge(
            f"message is {len(raw):,} bytes, over the limit of {limits.max_message_bytes:,}"
        )
    if not looks_like_email(raw):
        raise MessageError("not an email message (no RFC 5322 header at the start)")
    raw = raw.lstrip(b" \t\r\n")
    try:
        msg = email.message_from_bytes(raw, policy=compat32)
    except Exception as e:  # compat32 rarely raises, but never let it escape
        raise MessageError(f"unreadable message: {type(e).__name__}") from e
    try:
        return _read(msg, limits, 0)
    except RecursionError as e:
        raise MessageError("unreadable message: nested too deeply") from e


# ---------------------------------------------------------------- headers


# ---------------------------------------------------------------- bodies


@dataclass
class _Walk:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    cid_parts: list[tuple[int, str, str]] = field(default_factory=list)
    embedded: list[Message] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _filename(part: Message, index: int) -> str:
    name: object = None
    with contextlib.suppress(Exception):
        name = part.get_filename()
    if not name:
        try:
            name = part.get_param("name")
        except Exception:
            name = None
        if isinstance(name, tuple):
            name = email.utils.collapse_rfc2231_value(name)
    text = decode_header_value(name) if name else ""
    text = text.replace("/", "_").replace("\\", "_").strip(". ")
    return text[:200] or f"attachment-{index}"


def _disposition(part: Message) -> str:
    value = part.get("content-disposition")
    return str(value).split(";")[0].strip().lower() if value else ""


def _embedded(part: Message, inner: Message) -> Message:
    """The attached message; some clients base64-encode it (against RFC 2046)."""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if cte not in ("base64", "quoted-printable"):
        return inner
    try:
        text = inner.as_string().encode("ascii", "surrogateescape")
        data = base64.b64decode(text) if cte == "base64" else quopri.decodestring(text)
        return email.message_from_bytes(data, policy=compat32)
    except Exception:
        return inner


def _walk(msg: Message, limits: Limits) -> _Walk:
    out = _Walk()
    stack: list[tuple[Message, int]] = [(msg, 0)]
    count = 0
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > MAX_PARTS:
            out.notes.append(f"message has more than {MAX_PARTS} parts; the rest was not read")
            break
        ctype = part.get_content_type()
        if part.is_multipart():
            payload = part.get_payload()
            if ctype == "message/rfc822" or (ctype.startswith("message/") and depth > 0):
                if (
                    ctype == "message/rfc822"
                    and isinstance(payload, list)
                    and payload
                    and isinstance(payload[0], Message)
                ):
                    out.embedded.append(_embedded(part, payload[0]))
                continue
            if depth >= MAX_DEPTH:
                out.notes.append("message parts nested too deeply; the inner ones were not read")
                continue
            if isinstance(payload, list):
                stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
            continue
        if ctype == "message/rfc822":  # sent base64-encoded: parse the decoded bytes
            try:
                out.embedded.append(email.message_from_bytes(_payload(part), policy=compat32))
            except Exception:
                out.notes.append("an attached message could not be read")
            continue
        disposition = _disposition(part)
        params = _params(part)
        has_name = bool(
            params.get("name") or part.get_param("filename", header="content-disposition")
        )
        if ctype in ("text/plain", "text/html") and disposition != "attachment" and not has_name:
            (out.plain if ctype == "text/plain" else out.html).append(_text_of(part, params))
            continue
        if ctype.startswith("multipart/") or ctype in ("message/delivery-status",):
            continue
        data = _payload(part)
        index = len(out.attachments) + 1
        name = _filename(part, index)
        if len(out.attachments) >= limits.max_attachments:
            out.notes.append(f"{name}: skipped, more than {limits.max_attachments} attachments")
            continue
        if len(data) > limits.max_attachment_bytes:
            out.notes.append(
                f"{name}: skipped, {len(data):,} bytes is over the attachment limit "
                f"of {limits.max_attachment_bytes:,}"
            )
            continue
        kind = sniff_type(data, name, ctype)
        if name.lower() == "winmail.dat" and ctype in (TNEF, "application/vnd.ms-tnef"):
            kind = TNEF
        cid = part.get("content-id")
        content_id = _CTRL.sub("", str(cid)).strip().strip("<>").strip() if cid else None
        out.attachments.append(
            Attachment(filename=name, content_type=kind, data=data, content_id=content_id)
        )
        out.cid_parts.append((len(out.attachments) - 1, disposition, content_id or ""))
    return out


def _read(msg: Message, limits: Limits, level: int) -> MessageParts:
    from mailbot.intake.from_header import quote_last_first, quote_last_first_list
    from mailbot.intake.html import read_html

    headers = _headers(msg)

    def first(name: str) -> str | None:
        values = headers.get(name)
        return values[0] if values else None

    def addr_list(name: str) -> list[tuple[str, str]]:
        values = [_unsurrogate(str(v)) for v in msg.get_all(name, [])]
        if name == "from":
            values = [quote_last_first(v) for v in values]
        else:  # "Laroche, Jenna <jlaroche@...>" copied: one mailbox
            values = [quote_last_first_list(v) for v in values]
        return _addresses(values)

    senders = addr_list("from")
    sender_name, sender = senders[0] if senders else ("", "")
    subject = first("subject") or ""
    refs = " ".join(headers.get("references", []))
    parts = MessageParts(
        sender=sender or None,
        sender_name=sender_name or None,
        subject=subject,
        message_id=first("message-id") or None,
        in_reply_to=first("in-reply-to") or None,
        references=_MSGID.findall(refs)[:100],
        to=addr_list("to"),
        cc=addr_list("cc"),
        reply_to=addr_list("reply-to"),
        headers=headers,
        content_type=msg.get_content_type(),
    )
    walk = _walk(msg, limits)
    parts.notes.extend(walk.notes)

    html_text = ""
    html_tables: list[list[list[str]]] = []
    cids: set[str] = set()
    plain = "\n\n".join(t.strip("\n") for t in walk.plain if t.strip())
    # HTML tables come only from "<table" tags; without one, a plain-text alternative is
    # what is read, and of the HTML only its cid: images and mailto: links
    has_table = any("<table" in h.lower() for h in walk.html)
    html_read = has_table or not plain.strip()
    for html in walk.html:
        if len(html) > 4 * limits.max_text_chars:
            html = html[: 4 * limits.max_text_chars]
            parts.notes.append("the HTML body was too long; only its beginning was read")
        content = read_html(html, text=html_read)
        html_text = "\n\n".join(t for t in (html_text, content.text) if t)
        html_tables.extend(content.tables)
        cids |= content.cids
        parts.mailto.extend(content.mailto)
    if html_text and html_read:
        body, tables = html_text, html_tables
    else:
        body, tables = plain, []

    # inline images: shown by the HTML (cid:) or tracking pixels
    attachments = []
    for i, att in enumerate(walk.attachments):
        _, _, cid = walk.cid_parts[i]
        inline = bool(cid) and cid in cids
        if not inline and att.content_type.startswith("image/") and is_tiny_image(att.data, limits):
            inline = True
        attachments.append(
            Attachment(att.filename, att.content_type, att.data, inline, att.content_id)
        )
    unpacked = unpack(attachments, limits)
    parts.notes.extend(unpacked.notes)
    if unpacked.texts and not body.strip():
        body = "\n\n".join(unpacked.texts)

    if len(body) > limits.max_text_chars:
        body = body[: limits.max_text_chars]
        parts.notes.append(f"the message text was cut at {limits.max_text_chars:,} characters")
    split = split_message(body, subject)
    parts.full_text = body.strip("\n")
    parts.text = split.text.strip("\n")
    parts.quoted_text = split.quoted.strip("\n")
    parts.quotes_cut = True
    parts.forward_note = split.note if parts.text.startswith(split.note) else ""
    parts.inner_notes = [n for n in split.notes[1:] if n] if parts.forward_note else []
    parts.tables = [t for t in tables if _table_in(t, parts.text)] + unpacked.tables
    parts.attachments = unpacked.attachments
    parts.documents = list(unpacked.documents)

    # an attached message under a short note (a forward as attachment) is the request
    if walk.embedded:
        forward = is_forward_subject(subject) or len(parts.text.strip()) <= SHORT_NOTE
        if forward and level < 2:
            for inner in walk.embedded[:MAX_EMBEDDED]:
                sub = _read(inner, limits, level + 1)
                parts.text = "\n\n".join(t for t in (parts.text, sub.text) if t)
                parts.quoted_text = "\n".join(t for t in (parts.quoted_text, sub.quoted_text) if t)
                parts.tables.extend(sub.tables)
                parts.attachments.extend(sub.attachments)
                parts.documents.extend(sub.documents)
                parts.notes.extend(sub.notes)
        else:
            parts.notes.append(f"{len(walk.embedded)} attached message(s) not read as the request")
    if level == 0:
        log.debug(
            "message_read",
            message_id=parts.message_id,
            attachments=len(parts.attachments),
            tables=len(parts.tables),
            notes=len(parts.notes),
        )
    return parts


def _table_in(table: list[list[str]], text: str) -> bool:
    """True when the table's first row is part of the new text (not of a quote)."""
    if not table:
        return False
    first = "\t".join(table[0]).strip()
    if not first or first in text:
        return True
    # a table nested in a layout table's cell: its rows are that cell's words
    return " ".join(first.split()) in " ".join(text.split())
