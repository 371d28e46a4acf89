"""The steps of a poll, for the poller (:mod:`mailbot.poller`): groups of UIDs to
fetch and record together, batch after batch, and what a group fetched ahead holds."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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
