"""The IMAP mailbox adapter (IMAPClient), addressed by UID only.

Every IMAP, socket and TLS failure leaves this module as a :class:`MailboxError`
(``MailboxLoginError`` when the credentials are refused). A lost connection is
dropped on the spot; the caller reconnects and selects the folder again::

    mailbox = ImapMailbox(settings.mailbox, idle_renew_seconds=settings.poll.idle_renew_seconds)
    mailbox.reconnect()                      # first connect, with backoff
    while running:
        try:
            state = mailbox.select(settings.mailbox.folder)   # compare state.uidvalidity
            uids = mailbox.uids_after(last_uid)
            sizes = mailbox.sizes(uids)                        # before any body is fetched
            raw = mailbox.fetch(uid)                           # None: expunged meanwhile
            mailbox.move(uid, settings.mailbox.processed_folder)
            mailbox.wait_for_change(settings.poll.interval_seconds)
        except MailboxLoginError:
            raise                                              # wrong password: stop
        except MailboxError:
            mailbox.reconnect()                                # backoff, one log line per try
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from mailbot.adapters.imap_session import ImapSession
from mailbot.errors import MailboxError
from mailbot.ports import FolderState

# UIDs per SEARCH range and per FETCH command: keeps every server reply well under
# imaplib's 1 MB line limit even on folders with 100,000 messages.
SEARCH_CHUNK = 20_000
FETCH_CHUNK = 500

_DELETED = b"\\Deleted"
_CHANGES = frozenset({b"EXISTS", b"EXPUNGE", b"RECENT", b"FETCH", b"VANISHED"})
_APPENDUID = re.compile(rb"\[APPENDUID \d+ (\d+)\]", re.IGNORECASE)


def _chunks(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _is_change(response: object) -> bool:
    """True for an untagged IDLE response that says the folder changed."""
    return (
        isinstance(response, tuple)
        and len(response) >= 2
        and isinstance(response[1], bytes)
        and response[1].upper() in _CHANGES
    )


class ImapMailbox(ImapSession):
    """The bot's mailbox over one IMAP session (implements :class:`mailbot.ports.Mailbox`);
    the constructor's options are :class:`ImapSession`'s."""

    # -- folders ----------------------------------------------------------------------

    def missing_folders(self, names: Iterable[str]) -> list[str]:
        """Those of ``names`` the server does not have (INBOX always exists)."""
        client = self._require()
        with self._errors("LIST"):
            return [n for n in names if n.upper() != "INBOX" and not client.folder_exists(n)]

    def ensure_folder(self, name: str) -> None:
        """Create and subscribe ``name`` unless it exists; tolerates a concurrent create."""
        if name in self._known_folders or name.upper() == "INBOX":
            return
        client = self._require()
        with self._errors("CREATE"):
            if not client.folder_exists(name):
                try:
                    client.create_folder(name)
                except IMAPClientAbortError:
                    raise
                except IMAPClientError:
                    if not client.folder_exists(name):  # not a race with another client
                        raise
                else:
                    self._log.info("imap_folder_created", folder=name)
                client.subscribe_folder(name)
        self._known_folders.add(name)

    def select(self, folder: str) -> FolderState:
        """SELECT ``folder`` (read-write) and return its UIDVALIDITY, UIDNEXT and size."""
        client = self._require()
        with self._errors("SELECT"):
            response = client.select_folder(folder)
        self._state = self._folder_state(folder, response, b"EXISTS")
        return self._state

    def status(self, folder: str) -> FolderState:
        """UIDVALIDITY, UIDNEXT and size of ``folder`` via STATUS, without selecting it.

        Unlike SELECT, its cost does not grow with the folder: the cheap way to learn
        that nothing is new. The selected folder (if any) is unselected first, since
        STATUS should not be used on the selected mailbox.
        """
        client = self._require()
        self.unselect()
        with self._errors("STATUS"):
            response = client.folder_status(folder, ["UIDVALIDITY", "UIDNEXT", "MESSAGES"])
        return self._folder_state(folder, response, b"MESSAGES")

    def _folder_state(self, folder: str, response: Any, count_key: bytes) -> FolderState:
        try:
            uidvalidity = int(response[b"UIDVALIDITY"])
        except KeyError:
            raise MailboxError(
                f"IMAP server {self.settings.host} sent no UIDVALIDITY for {folder!r}"
            ) from None
        uidnext = response.get(b"UIDNEXT")
        return FolderState(
            name=folder,
            uidvalidity=uidvalidity,
            uidnext=int(uidnext) if uidnext is not None else None,
            exists=int(response.get(count_key, 0)),
        )

    def unchanged(self, folder: str) -> FolderState | None:
        """The state of ``folder`` as of its last SELECT, if it is still selected and a
        NOOP brings no news (no new, removed or changed message); else None.

        NOOP costs the same on any folder size (SELECT and STATUS do not), so this is
        the cheap way for a poll to learn that nothing happened.
        """
        if self._client is None or self._state is None or self._state.name != folder:
            return None
        with self._errors("NOOP"):
            _, responses = self._client.noop()
        return None if responses else self._state

    def unselect(self) -> None:
        """Leave the selected folder without expunging anything (UNSELECT, RFC 3691);
        a no-op when nothing is selected or the server lacks UNSELECT."""
        client = self._require()
        if self._state is None or "UNSELECT" not in self.capabilities():
            return
        with self._errors("UNSELECT"):
            client.unselect_folder()
        self._state = None

    def _selected(self) -> tuple[IMAPClient, FolderState]:
        client = self._require()
        if self._state is None:
            raise MailboxError("no IMAP folder is selected; call select() first")
        return client, self._state

    # -- reading ------------------------------------------------------------------------

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs in the selected folder strictly greater than ``last_uid``, ascending.

        Uses UIDNEXT from the last ``select()`` to answer "nothing new" without a
        SEARCH, so an idle poll costs the same on any folder size. Once IDLE has seen
        a change, UIDNEXT is treated as unknown and a SEARCH is always made. The
        ``UID n:*`` quirk (it always matches the highest UID, even below ``n``) is
        filtered out.
        """
        client, state = self._selected()
        start = max(last_uid, 0) + 1
        found: set[int] = set()
        with self._errors("SEARCH"):
            if state.uidnext is None:
                found.update(client.search(["UID", f"{start}:*"]))
            else:
                upper = state.uidnext - 1
                while start <= upper:
                    end = min(start + SEARCH_CHUNK - 1, upper)
                    found.update(client.search(["UID", f"{start}:{end}"]))
                    start = end + 1
        return sorted(uid for uid in found if uid > last_uid)

    def sizes(self, uids: Sequence[int]) -> dict[int, int]:
        """RFC822.SIZE for each UID still present; expunged UIDs are simply absent."""
        client, _ = self._selected()
        wanted = sorted(set(uids))
        out: dict[int, int] = {}
        with self._errors("FETCH RFC822.SIZE"):
            # NOOP lets the server report expunges by other clients first; until then
            # it may still answer for messages that are gone.
            client.noop()
            for chunk in _chunks(wanted, FETCH_CHUNK):
                for uid, item in self._fetch_tolerant(client, chunk, "RFC822.SIZE").items():
                    size = item.get(b"RFC822.SIZE") if isinstance(item, dict) else None
                    if uid in chunk and isinstance(size, int):
                        out[uid] = size
        return out

    @staticmethod
    def _fetch_tolerant(client: IMAPClient, uids: Sequence[int], what: str) -> dict[int, Any]:
        """FETCH ``what``; on a NO (some servers refuse expunged UIDs) retry one by one."""
        try:
            return dict(client.fetch(list(uids), [what]))
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            if len(uids) == 1:
                return {}
        out: dict[int, Any] = {}
        for uid in uids:
            try:
                out.update(client.fetch([uid], [what]))
            except IMAPClientAbortError:
                raise
            except IMAPClientError:
                continue
        return out

    def fetch(self, uid: int) -> bytes | None:
        """The raw message via BODY.PEEK[] (\\Seen is left alone), or None if it vanished.

        Raises :class:`MailboxError` if the server refuses the FETCH while the message
        is still there, so a message is never skipped by mistake.
        """
        return self._fetch_part(uid, "BODY.PEEK[]", b"BODY[]")

    def fetch_many(self, uids: Sequence[int]) -> dict[int, bytes]:
        """Raw messages for several UIDs in one round trip (BODY.PEEK[]).

        Vanished UIDs are absent from the result. If the server refuses the batch,
        each UID is fetched alone, so one bad message cannot hide the others.
        """
        client, _ = self._selected()
        wanted = sorted(set(uids))
        if not wanted:
            return {}
        with self._errors("FETCH BODY.PEEK[]"):
            client.noop()  # learn of expunges by other clients first (see sizes())
            try:
                data = client.fetch(wanted, ["BODY.PEEK[]"])
            except IMAPClientAbortError:
                raise
            except IMAPClientError:
                data = None
        if data is None:
            out: dict[int, bytes] = {}
            for uid in wanted:
                raw = self.fetch(uid)
                if raw is not None:
                    out[uid] = raw
            return out
        result: dict[int, bytes] = {}
        for uid, entry in data.items():
            part = entry.get(b"BODY[]") if isinstance(entry, dict) else None
            if uid in wanted and part is not None:
                result[uid] = bytes(part)
        return result

    def fetch_header(self, uid: int) -> bytes | None:
        """Only the header block (BODY.PEEK[HEADER]): for a message too large to fetch."""
        return self._fetch_part(uid, "BODY.PEEK[HEADER]", b"BODY[HEADER]")

    def _fetch_part(self, uid: int, item: str, key: bytes) -> bytes | None:
        client, _ = self._selected()
        with self._errors(f"FETCH {item}"):
            client.noop()  # learn of expunges by other clients first (see sizes())
            try:
                data = client.fetch([uid], [item])
            except IMAPClientAbortError:
                raise
            except IMAPClientError:
                if client.search(["UID", str(uid)]) == [uid]:
                    raise
                return None
        entry = data.get(uid)
        part = entry.get(key) if isinstance(entry, dict) else None
        return bytes(part) if part is not None else None

    # -- changing -----------------------------------------------------------------------

    def move(self, uid: int, folder: str) -> None:
        """Move one message to ``folder``; see :meth:`move_many`."""
        self.move_many([uid], folder)

    def move_many(self, uids: Sequence[int], folder: str) -> None:
        """Move messages to ``folder`` (created if missing); other messages untouched.

        Uses MOVE when offered, else COPY + \\Deleted + UID EXPUNGE of just this UID
        (UIDPLUS). Without UIDPLUS the original is left flagged \\Deleted rather than
        expunging anybody else's deleted mail.
        """
        wanted = sorted(set(uids))
        if not wanted:
            return
        client, _ = self._selected()
        self.ensure_folder(folder)
        caps = self.capabilities()
        with self._errors("MOVE"):
            if "MOVE" in caps:
                try:
                    client.move(wanted, folder)
                except IMAPClientAbortError:
                    raise
                except IMAPClientError:
                    # Some are gone (another client moved or expunged them, e.g. a
                    # second bot instance): move whichever are still here.
                    client.noop()
                    still = client.search(["UID", ",".join(str(u) for u in wanted)])
                    wanted = [u for u in wanted if u in set(still)]
                    if wanted:
                        client.move(wanted, folder)
                method = "move"
            else:
                client.copy(wanted, folder)
                client.add_flags(wanted, [_DELETED], silent=True)
                if "UIDPLUS" in caps:
                    client.uid_expunge(wanted)
                    method = "copy_expunge"
                else:
                    method = "copy_flag_deleted"
                    self._log.warning("imap_move_left_deleted", uids=len(wanted), folder=folder)
        self._log.info(
            "imap_moved",
            uid=wanted[0] if len(wanted) == 1 else None,
            count=len(wanted),
            folder=folder,
            method=method,
        )

    def append(self, folder: str, raw: bytes, flags: Sequence[str] = ()) -> int | None:
        """Store ``raw`` in ``folder``; returns its UID when the server says (UIDPLUS)."""
        client = self._require()
        with self._errors("APPEND"):
            response = client.append(folder, raw, flags=tuple(flags))
        match = _APPENDUID.search(response if isinstance(response, bytes) else b"")
        return int(match.group(1)) if match else None

    # -- waiting ------------------------------------------------------------------------

    def wait_for_change(self, timeout: float) -> bool:
        """Block until the selected folder changes or ``timeout`` seconds pass.

        Uses IMAP IDLE when offered, re-issued every ``idle_renew_seconds`` (RFC 2177:
        under 29 minutes). Returns True if the server reported a change. Without IDLE it
        sleeps and returns True, so the caller polls. A connection that died during
        the wait raises :class:`MailboxError` at the latest when IDLE is ended.
        """
        client, _ = self._selected()
        if "IDLE" not in self.capabilities():
            self._sleep(timeout)
            return True
        deadline = time.monotonic() + timeout
        changed = False
        with self._errors("IDLE"):
            try:
                while not changed:
                    window = min(deadline - time.monotonic(), self._idle_renew)
                    if window <= 0:
                        break
                    changed = self._idle_once(client, window)
            except IMAPClientAbortError:
                raise
            except IMAPClientError as e:
                # Left half-way through IDLE: the session cannot be trusted, drop it.
                raise IMAPClientAbortError(str(e)) from e
        if changed and self._state is not None:
            # UIDNEXT from SELECT is stale now: let uids_after() search.
            self._state = replace(self._state, uidnext=None)
        return changed

    @staticmethod
    def _idle_once(client: IMAPClient, window: float) -> bool:
        window_end = time.monotonic() + window
        changed = False
        client.idle()
        while not changed:
            remaining = window_end - time.monotonic()
            if remaining <= 0:
                break
            responses = client.idle_check(timeout=remaining)
            if not responses:  # timed out, or EOF: idle_done() will tell
                break
            changed = any(_is_change(r) for r in responses)
        _, trailing = client.idle_done()
        return changed or any(_is_change(r) for r in trailing)
