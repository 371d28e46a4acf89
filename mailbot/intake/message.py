"""MIME layer: raw bytes -> :class:`MessageParts` (first cut; see tests/unit)."""

from __future__ import annotations

import logging

from mailbot.errors import MessageError, MessageTooLarge
from mailbot.intake.limits import Limits
from mailbot.intake.parts import MessageParts

logging.getLogger("mailparser").setLevel(logging.CRITICAL)


def looks_like_email(raw: bytes) -> bool:
    """True when the first line is an RFC 5322 header field (or an mbox ``From `` line)."""
    head = raw[:4096].lstrip(b"\r\n")
    first = head.split(b"\n", 1)[0]
    if first.startswith(b"From "):
        return True
    name, sep, _ = first.partition(b":")
    return bool(sep) and 0 < len(name) <= 76 and all(33 <= c <= 126 for c in name)


def read_message(raw: bytes, limits: Limits | None = None) -> MessageParts:
    """Decode ``raw`` into what a clerk reads. Raises :class:`MessageError`."""
    import mailparser

    limits = limits or Limits()
    if len(raw) > limits.max_message_bytes:
        raise MessageTooLarge(
            f"message is {len(raw):,} bytes, over the limit of {limits.max_message_bytes:,}"
        )
    if not looks_like_email(raw):
        raise MessageError("not an email message (no RFC 5322 header at the start)")
    try:
        mail = mailparser.parse_from_bytes(raw)
    except Exception as e:  # mail-parser raises many kinds on broken input
        raise MessageError(f"unreadable message: {type(e).__name__}") from e
    sender_name, sender = mail.from_[0] if mail.from_ else ("", "")
    return MessageParts(
        sender=sender.lower() or None,
        sender_name=sender_name or None,
        subject=mail.subject or "",
        message_id=mail.message_id or None,
        text="\n".join(mail.text_plain),
    )
