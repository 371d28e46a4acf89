"""Recognise automated mail (auto-replies, bounces, lists, our own replies): never answered."""

from __future__ import annotations

import re

from mailbot.intake.parts import MessageParts

# The header on every email the bot sends (``[bot] loop_header`` names another).
LOOP_HEADER = "X-Mailbot-Loop"

_REPORTS = frozenset(
    {"multipart/report", "message/delivery-status", "message/disposition-notification"}
)
_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
_DAEMON = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailer_daemon)@", re.I)
_SUBJECT = re.compile(
    r"^\s*(?:automatic reply\s*:|auto\s*:|autoreply\s*:|auto-reply\s*:|out of (?:the )?office"
    r"|undeliverable\s*:|undelivered mail|delivery status notification"
    r"|mail delivery (?:failed|failure|system)|returned mail\s*:)",
    re.I,
)


def automated_reason(parts: MessageParts, loop_header: str = LOOP_HEADER) -> str | None:
    """A short reason why ``parts`` was sent by a machine (RFC 3834 and common
    practice), or ``None`` when a person wrote it."""
    auto = (parts.header("auto-submitted") or "").strip().lower()
    if auto and auto.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {auto.split(';')[0].strip()}"
    if parts.header(loop_header) is not None:
        return f"our own loop header {loop_header}"
    precedence = (parts.header("precedence") or "").strip().lower()
    if precedence in _PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("list-id", "list-unsubscribe"):
        if parts.header(name) is not None:
            return f"mailing list ({name})"
    if parts.content_type in _REPORTS:
        return f"delivery or read report ({parts.content_type})"
    return_path = parts.header("return-path")
    if return_path is not None and return_path.strip() in ("<>", ""):
        return "empty Return-Path (bounce)"
    if parts.sender and _DAEMON.match(parts.sender):
        return f"sent by {parts.sender.split('@')[0]}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if parts.header(name) is not None:
            return f"{name} header"
    suppress = (parts.header("x-auto-response-suppress") or "").lower()
    if any(v.strip() in ("all", "oof") for v in suppress.split(",")):
        return "X-Auto-Response-Suppress"
    if _SUBJECT.match(parts.subject):
        return "automatic subject"
    return None


_INVITATIONS = frozenset({"text/calendar", "application/ics"})


def is_invitation(parts: MessageParts) -> bool:
    """True when ``parts`` carries a calendar part: a meeting invitation (its agenda may
    name enrolments and officers; it asks the desk to attend, not to keep a record)."""
    return any(a.content_type.lower() in _INVITATIONS for a in parts.attachments)
