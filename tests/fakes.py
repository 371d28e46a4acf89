"""Fakes shared by tests (they follow the interfaces in mailbot/ports.py)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mailbot.errors import MailboxError
from mailbot.ports import FolderState


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 2, 14, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass
class FakeFolder:
    """One folder of :class:`FakeServer`: UIDs are never reused within a UIDVALIDITY."""

    uidvalidity: int
    uidnext: int = 1
    messages: dict[int, bytes] = field(default_factory=dict)

    def add(self, raw: bytes) -> int:
        uid = self.uidnext
        self.messages[uid] = raw
        self.uidnext += 1
        return uid

    def state(self, name: str) -> FolderState:
        return FolderState(name, self.uidvalidity, self.uidnext, len(self.messages))


class FakeServer:
    """An IMAP server's folders, in memory. Several :class:`FakeMailbox` connections
    may share one. With ``path``, every change is also written there (pickled), so
    that a forked process that dies part-way leaves what it did, as a real server
    would keep it: :meth:`load` reads it back."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.folders: dict[str, FakeFolder] = {}
        self._next_uidvalidity = 1000
        self.create("INBOX")

    def create(self, name: str) -> FakeFolder:
        self._next_uidvalidity += 1
        self.folders[name] = FakeFolder(self._next_uidvalidity)
        self.save()
        return self.folders[name]

    def append(self, raw: bytes, folder: str = "INBOX") -> int:
        uid = self.folders[folder].add(raw)
        self.save()
        return uid

    def expunge(self, folder: str, uid: int) -> None:
        """Another client deletes a message."""
        del self.folders[folder].messages[uid]
        self.save()

    def uids(self, folder: str) -> list[int]:
        return sorted(self.folders[folder].messages) if folder in self.folders else []

    def contents(self, folder: str) -> list[bytes]:
        box = self.folders.get(folder)
        return [box.messages[u] for u in sorted(box.messages)] if box else []

    def save(self) -> None:
        if self.path is not None:
            part = self.path.with_suffix(".part")
            part.write_bytes(pickle.dumps(self.__dict__))
            os.replace(part, self.path)

    @classmethod
    def load(cls, path: Path) -> FakeServer:
        server = cls.__new__(cls)
        server.__dict__.update(pickle.loads(path.read_bytes()))
        server.path = path
        return server


class FakeMailbox:
    """A :class:`mailbot.ports.Mailbox` on a :class:`FakeServer`, for unit tests of the
    polling logic. Each command is noted in ``calls`` (name and arguments); ``down``
    makes every command fail as a dropped connection does."""

    def __init__(self, server: FakeServer, capabilities: tuple[str, ...] = ("IDLE", "MOVE")):
        self.server = server
        self.capabilities = {c.upper() for c in capabilities}
        self.calls: list[tuple[Any, ...]] = []
        self.connected = False
        self.down = False
        self._selected: str | None = None
        self._selected_state: FolderState | None = None

    def _command(self, *call: Any) -> None:
        if self.down:
            self.connected = False
            raise MailboxError("connection lost")
        if call[0] != "connect" and not self.connected:
            raise MailboxError("not connected")
        self.calls.append(call)

    def names(self) -> list[str]:
        """The commands sent so far, in order."""
        return [c[0] for c in self.calls]

    def _folder(self) -> FakeFolder:
        if self._selected is None or self._selected not in self.server.folders:
            raise MailboxError("no folder selected")
        return self.server.folders[self._selected]

    def connect(self) -> None:
        if self.connected and not self.down:
            return
        self._command("connect")
        self.connected = True

    def close(self) -> None:
        self.connected = False
        self._selected = self._selected_state = None

    def ensure_folder(self, name: str) -> None:
        self._command("ensure_folder", name)
        if name not in self.server.folders:
            self.server.create(name)

    def select(self, folder: str) -> FolderState:
        self._command("select", folder)
        if folder not in self.server.folders:
            raise MailboxError(f"no folder {folder}")
        self._selected = folder
        self._selected_state = self.server.folders[folder].state(folder)
        return self._selected_state

    def unchanged(self, folder: str) -> FolderState | None:
        self._command("noop", folder)
        if self._selected != folder or folder not in self.server.folders:
            return None
        now = self.server.folders[folder].state(folder)
        return self._selected_state if now == self._selected_state else None

    def status(self, folder: str) -> FolderState:
        self._command("status", folder)
        return self.server.folders[folder].state(folder)

    def uids_after(self, last_uid: int) -> list[int]:
        self._command("uids_after", last_uid)
        return [u for u in sorted(self._folder().messages) if u > last_uid]

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        self._command("sizes", tuple(uids))
        box = self._folder()
        return {u: len(box.messages[u]) for u in uids if u in box.messages}

    def fetch(self, uid: int) -> bytes | None:
        self._command("fetch", uid)
        return self._folder().messages.get(uid)

    def fetch_many(self, uids: Sequence[int]) -> dict[int, bytes]:
        self._command("fetch_many", tuple(uids))
        box = self._folder()
        return {u: box.messages[u] for u in uids if u in box.messages}

    def fetch_header(self, uid: int) -> bytes | None:
        self._command("fetch_header", uid)
        raw = self._folder().messages.get(uid)
        if raw is None:
            return None
        end = raw.find(b"\r\n\r\n")
        return raw if end < 0 else raw[: end + 4]

    def has_capability(self, name: str) -> bool:
        return name.upper() in self.capabilities

    def move(self, uid: int, folder: str) -> None:
        self.move_many([uid], folder)

    def move_many(self, uids: Sequence[int], folder: str) -> None:
        self._command("move_many", tuple(uids), folder)
        box = self._folder()
        if folder not in self.server.folders:
            raise MailboxError(f"no folder {folder}")
        for uid in uids:
            raw = box.messages.pop(uid, None)
            if raw is not None:
                self.server.folders[folder].add(raw)
        self.server.save()
        self._selected_state = box.state(self._selected or "")

    def wait_for_change(self, timeout: float) -> bool:
        self._command("idle", timeout)
        return False


class FakeMailer:
    """A :class:`mailbot.ports.Mailer` that keeps what it is given."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, list[str], bytes]] = []

    def send(self, sender: str, recipients: Sequence[str], message: bytes) -> None:
        self.sent.append((sender, list(recipients), message))
