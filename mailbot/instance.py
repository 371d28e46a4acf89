"""Who this bot process is, and whether another one is still alive.

Rows a process leaves behind while it works (a message being read, a message recorded
but not yet moved) carry its token ``host:pid:nonce``. A row whose owner is gone is
evidence of a death; a row whose owner is alive is another instance at work and is
left alone. On the same host a process is known dead when its PID is gone (or is
this very process under another nonce, e.g. a restarted container); for another
host, only the row's age can tell.
"""

from __future__ import annotations

import os
import secrets
import socket
from datetime import datetime, timedelta
from pathlib import Path

_LIVE: set[str] = set()
"""Tokens handed out in this process and not yet retired (a process may run more than
one desk, e.g. in tests: each is alive while this process is)."""


def new_token() -> str:
    """A token naming one desk of this process, unique across restarts."""
    token = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    _LIVE.add(token)
    return token


def retire(token: str) -> None:
    """The desk holding ``token`` stopped: rows it left are no longer anybody's."""
    _LIVE.discard(token)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed child not yet reaped by its parent is dead all the same
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def is_gone(
    owner: str | None,
    me: str,
    since: datetime | None,
    now: datetime,
    stale_after: timedelta,
) -> bool:
    """True when the process named by ``owner`` is known to have stopped.

    ``me`` is this process's token; ``since`` is when the owner wrote the row, used
    only for an owner on another host (gone once older than ``stale_after``). A row
    without an owner was written by an older version of the bot: gone.
    """
    if owner is None:
        return True
    if owner == me:
        return False
    host, _, rest = owner.partition(":")
    pid_text, _, _ = rest.partition(":")
    if host == socket.gethostname() and pid_text.isdigit():
        pid = int(pid_text)
        if pid == os.getpid():
            # This PID: a desk of this process, or an earlier life of it (a restarted
            # container's PID 1).
            return owner not in _LIVE
        return not _pid_alive(pid)
    return since is None or now - since >= stale_after
