"""Emails for the reading tests, built from a body, and what the reader makes of the
roster changes they ask for."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message

DESK = "dps.eTicket@vermont.gov"


def mail(
    body: str,
    *,
    sender: str,
    subject: str,
    html: str | None = None,
    in_reply_to: str | None = None,
    cc: str | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> bytes:
    """A message to the desk from ``sender``: ``body`` as text, ``html`` as its HTML
    alternative, a reply to ``in_reply_to`` when given (which it also references),
    copied to ``cc``, with ``attachments`` as (file name, bytes, MIME type)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = DESK
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for filename, data, mime_type in attachments:
        maintype, _, subtype = mime_type.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def roster_changes(raw: bytes) -> list[Change]:
    """The changes the reader finds in ``raw``, which it must read as a roster change."""
    result = parse_message(raw)
    assert result.intent == "officer_maintenance"
    return result.changes


def by_number(changes: list[Change]) -> dict[str | None, dict[str, object]]:
    """Each change as the fields it gives, by officer number."""
    return {c.officer_number: c.model_dump(exclude_none=True) for c in changes}


def dumped(changes: list[Change]) -> list[dict[str, object]]:
    """Each change as the fields it gives, in order."""
    return [c.model_dump(exclude_none=True) for c in changes]
