"""The steps of a poll, for the poller (:mod:`mailbot.poller`): groups of UIDs to
fetch and record together, batch after batch, what a group fetched ahead holds, and
the poll's report."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mailbot.domain.enums import MessageOutcome

FETCH_BYTES = 16 * 1024 * 1024
"""At most this many message bytes are fetched and held at once (at least one message)."""

AHEAD_BYTES = 4 * 1024 * 1024
"""A group is fetched and read ahead (while the one before is recorded) only when
its messages hold at most this many bytes: larger ones are fetched in their turn."""


@dataclass
class Fetched:
    """A group fetched and marked as being read by this process."""

    uids: list[int]
    raws: dict[int, bytes]
    header_raws: dict[int, bytes]
    fetched: list[int]
    """The UIDs fetched (the others were expunged meanwhile)."""


GroupStep = tuple[list[int], dict[int, int]]
"""A group of UIDs to fetch and record together, with the sizes of its batch."""

Step = GroupStep | int
"""A group, or the end of a batch (its last UID, for the cursor)."""


class Steps:
    """The steps of a poll, batch after batch, computed as they are reached; the
    next group can be looked at before its turn."""

    def __init__(self, steps: Iterable[Step]) -> None:
        self._source = iter(steps)
        self._buffer: deque[Step] = deque()

    def __iter__(self) -> Iterator[Step]:
        return self

    def __next__(self) -> Step:
        return self._buffer.popleft() if self._buffer else next(self._source)

    def next_group(self) -> GroupStep | None:
        """The next group, without taking it (later batches are looked at as needed)."""
        for step in self._buffer:
            if not isinstance(step, int):
                return step
        for step in self._source:
            self._buffer.append(step)
            if not isinstance(step, int):
                return step
        return None


def groups(uids: list[int], sizes: dict[int, int], max_message_bytes: int) -> list[list[int]]:
    """``uids`` split into groups fetched and committed together, bounded in bytes
    (:data:`FETCH_BYTES`; a message over ``max_message_bytes`` counts nothing, only its
    header is fetched) so a batch of large messages never sits in memory at once."""
    out: list[list[int]] = []
    current: list[int] = []
    held = 0
    for uid in uids:
        size = sizes[uid] if sizes[uid] <= max_message_bytes else 0
        if current and held + size > FETCH_BYTES:
            out.append(current)
            current, held = [], 0
        current.append(uid)
        held += size
    if current:
        out.append(current)
    return out


@dataclass
class PollReport:
    seen: int = 0
    processed: int = 0
    duplicates: int = 0
    quarantined: int = 0
    too_large: int = 0
    automated: int = 0
    moved: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: MessageOutcome) -> None:
        self.outcomes[outcome.value] = self.outcomes.get(outcome.value, 0) + 1
        if outcome == MessageOutcome.QUARANTINED:
            self.quarantined += 1
        elif outcome == MessageOutcome.DUPLICATE:
            self.duplicates += 1
        elif outcome == MessageOutcome.AUTOMATED:
            self.automated += 1
        elif outcome == MessageOutcome.TOO_LARGE:
            self.too_large += 1
        else:
            self.processed += 1
