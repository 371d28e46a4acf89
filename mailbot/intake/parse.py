"""The whole intake: raw bytes -> :class:`ParseResult` with its checklist."""

from __future__ import annotations

from mailbot.intake.limits import Limits
from mailbot.intake.message import read_message
from mailbot.intake.model import ParseResult


def parse_message(raw: bytes, limits: Limits | None = None) -> ParseResult:
    """Read one message. Raises :class:`~mailbot.errors.MessageError` only when the
    input is not a readable email; an incomplete request is a result, not an error."""
    parts = read_message(raw, limits)
    return ParseResult(sender=parts.sender)
