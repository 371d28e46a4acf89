"""Folder cursors and read markers: where reading a mailbox folder resumes, and which
reads began and never finished (the evidence a poll acts on after a death).

All functions take an open :class:`~sqlalchemy.orm.Session` (from
:func:`mailbot.store.db.transaction`) and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, exc, insert, select, update
from sqlalchemy.orm import Session

from mailbot.store.models import FolderCursor, ReadAttempt


def read_markers(
    session: Session, mailbox: str, uidvalidity: int, uids: Sequence[int]
) -> dict[int, ReadAttempt]:
    """The read markers of ``uids`` (messages whose read began and never finished)."""
    if not uids:
        return {}
    return {
        row.uid: row
        for row in session.scalars(
            select(ReadAttempt).where(
                ReadAttempt.mailbox == mailbox,
                ReadAttempt.uidvalidity == uidvalidity,
                ReadAttempt.uid.in_(list(uids)),
            )
        )
    }


def mark_reading(
    session: Session,
    mailbox: str,
    uidvalidity: int,
    uids: Sequence[int],
    *,
    owner: str,
    now: datetime,
    alone: bool = False,
    deaths: int | None = None,
) -> None:
    """Note that ``owner`` reads ``uids`` now (commit just before reading them).

    A marker this process leaves behind when it dies is the evidence the next poll
    acts on. ``deaths`` (alone reads only) stores how many times the bot has died
    while this message was read on its own, counted in this same transaction.
    Plain UPDATEs, so a row another instance deleted meanwhile is simply re-created.
    One UPDATE for the markers that exist and one INSERT for the rest; row by row
    only when another instance inserts some of them meanwhile.
    """
    if not uids:
        return
    key = (ReadAttempt.mailbox == mailbox, ReadAttempt.uidvalidity == uidvalidity)
    values: dict[str, object] = {"owner": owner, "started_at": now, "alone": alone}
    if deaths is not None:
        values["attempts"] = deaths
    existing = set(
        session.scalars(select(ReadAttempt.uid).where(*key, ReadAttempt.uid.in_(list(uids))))
    )
    if existing:
        session.execute(
            update(ReadAttempt).where(*key, ReadAttempt.uid.in_(sorted(existing))).values(**values)
        )
    missing = [uid for uid in uids if uid not in existing]
    if not missing:
        return
    rows = [
        {
            "mailbox": mailbox,
            "uidvalidity": uidvalidity,
            "uid": uid,
            "attempts": deaths or 0,
            "started_at": now,
            "owner": owner,
            "alone": alone,
        }
        for uid in missing
    ]
    try:
        with session.begin_nested():
            session.execute(insert(ReadAttempt), rows)
    except exc.IntegrityError:  # another instance marked some meanwhile
        for uid in missing:
            changed = session.execute(
                update(ReadAttempt).where(*key, ReadAttempt.uid == uid).values(**values)
            )
            if not getattr(changed, "rowcount", 0):
                _insert_once(session, ReadAttempt(**rows[missing.index(uid)]))
        session.flush()


def forget_reading(
    session: Session, mailbox: str, uidvalidity: int, uids: Sequence[int], owner: str
) -> None:
    """Drop this process's markers of ``uids``: the read ended without a death (an
    IMAP or database failure), which says nothing about the messages."""
    session.execute(
        delete(ReadAttempt).where(
            ReadAttempt.mailbox == mailbox,
            ReadAttempt.uidvalidity == uidvalidity,
            ReadAttempt.uid.in_(list(uids)),
            ReadAttempt.owner == owner,
        )
    )


def finish_reading(session: Session, mailbox: str, uidvalidity: int, uids: Sequence[int]) -> None:
    """The reads of ``uids`` ended (recorded, in the same transaction)."""
    session.execute(
        delete(ReadAttempt).where(
            ReadAttempt.mailbox == mailbox,
            ReadAttempt.uidvalidity == uidvalidity,
            ReadAttempt.uid.in_(list(uids)),
        )
    )


def _insert_once(session: Session, row: object) -> bool:
    """Insert ``row`` in a savepoint; False (and nothing written) when its key exists."""
    try:
        with session.begin_nested():
            session.add(row)
    except exc.IntegrityError:
        return False
    return True


def get_cursor(session: Session, mailbox: str) -> FolderCursor | None:
    """Where reading ``mailbox`` resumes, or None before the first poll."""
    return session.get(FolderCursor, mailbox)


def set_cursor(
    session: Session, mailbox: str, uidvalidity: int, last_uid: int, now: datetime
) -> FolderCursor:
    """Record that every UID up to ``last_uid`` in ``mailbox`` has been handled.

    Under the same UIDVALIDITY the cursor never moves back; a new UIDVALIDITY
    replaces it (old UIDs mean nothing any more).
    """
    cursor = session.get(FolderCursor, mailbox, with_for_update=True)
    if cursor is None:
        fresh = FolderCursor(
            mailbox=mailbox, uidvalidity=uidvalidity, last_uid=last_uid, updated_at=now
        )
        if _insert_once(session, fresh):
            return fresh
        # Another bot instance created it meanwhile: update theirs.
        cursor = session.get(FolderCursor, mailbox, with_for_update=True, populate_existing=True)
        assert cursor is not None
    if cursor.uidvalidity != uidvalidity:
        cursor.previous_uidvalidity = cursor.uidvalidity
        cursor.uidvalidity_changed_at = now
        cursor.uidvalidity = uidvalidity
        cursor.last_uid = last_uid
        cursor.updated_at = now
    elif last_uid > cursor.last_uid:
        cursor.last_uid = last_uid
        cursor.updated_at = now
    session.flush()
    return cursor


def folder_alerts(session: Session) -> list[FolderCursor]:
    """Folders whose UIDVALIDITY changed (the server rebuilt or recreated them), for
    staff: old UIDs were dropped and the ledger's hashes decide what was seen before."""
    return list(
        session.scalars(
            select(FolderCursor)
            .where(FolderCursor.uidvalidity_changed_at.is_not(None))
            .order_by(FolderCursor.mailbox)
        )
    )


def clear_folder_alert(session: Session, mailbox: str) -> bool:
    """Staff have seen the UIDVALIDITY change of ``mailbox``; False when none was raised."""
    cursor = session.get(FolderCursor, mailbox)
    if cursor is None or cursor.uidvalidity_changed_at is None:
        return False
    cursor.uidvalidity_changed_at = None
    session.flush()
    return True
