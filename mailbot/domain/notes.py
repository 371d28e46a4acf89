"""Notes: what a message had skipped or cut while it was read, kept on its case."""

from __future__ import annotations

from collections.abc import Iterable

from mailbot.domain.values import Json


def message_notes(message_id: int | None, notes: Iterable[str]) -> list[Json]:
    """Notes of one message as kept on its case: which message, and what was skipped."""
    return [{"message": message_id, "text": text} for text in dict.fromkeys(notes)]
