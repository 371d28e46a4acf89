"""The edges of the core: small interfaces the service is built from.

The real adapters live in ``mailbot/adapters``; fakes for unit tests share these
signatures. Core code takes these as arguments and never reaches for servers or the
clock itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class FolderState:
    """What SELECT told us about a folder."""

    name: str
    uidvalidity: int
    uidnext: int | None
    exists: int


class Mailbox(Protocol):
    """An IMAP mailbox, addressed by UID only (never sequence numbers)."""

    def connect(self) -> None: ...

    def close(self) -> None: ...

    def ensure_folder(self, name: str) -> None: ...

    def select(self, folder: str) -> FolderState: ...

    def unchanged(self, folder: str) -> FolderState | None:
        """The folder's state as of its last SELECT when it is still selected and a
        NOOP reports nothing new; else None (then SELECT again)."""
        ...

    def status(self, folder: str) -> FolderState:
        """Folder state via STATUS, without selecting it (cheap on any folder size)."""
        ...

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs in the selected folder strictly greater than ``last_uid``, ascending."""
        ...

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        """RFC822.SIZE for each UID still present."""
        ...

    def fetch(self, uid: int) -> bytes | None:
        """The raw message (BODY.PEEK[]), or None if it vanished."""
        ...

    def fetch_many(self, uids: Sequence[int]) -> dict[int, bytes]:
        """Raw messages for several UIDs in one round trip; vanished ones absent."""
        ...

    def fetch_header(self, uid: int) -> bytes | None:
        """Only the header block (BODY.PEEK[HEADER]), or None if it vanished."""
        ...

    def has_capability(self, name: str) -> bool:
        """Whether the server offers an IMAP extension (``"IDLE"``, ``"MOVE"``)."""
        ...

    def move(self, uid: int, folder: str) -> None: ...

    def move_many(self, uids: Sequence[int], folder: str) -> None:
        """Move several messages in one command (MOVE, else COPY + UID EXPUNGE)."""
        ...

    def wait_for_change(self, timeout: float) -> bool:
        """Block (IMAP IDLE) until the folder changes or ``timeout`` passes."""
        ...


Checkpoint = Callable[[str], None]
"""Called with the name of a step after which a crash would leave work half done
(``"recorded"``: a group of messages is committed and not yet moved; ``"sent"``: a
reply was accepted by SMTP and is not yet marked sent)."""


def no_checkpoint(_step: str) -> None:
    """The default :data:`Checkpoint`: nothing to do."""


class Mailer(Protocol):
    """An SMTP relay."""

    def send(self, sender: str, recipients: Sequence[str], message: bytes) -> None:
        """Hand one message over. Raises DeliveryError (retry later) or
        PermanentDeliveryError (5xx: do not retry)."""
        ...
