"""The message ledger: what was seen, with its outcome (folder cursors and read markers
are in :mod:`mailbot.store.folders`).

All functions take an open :class:`~sqlalchemy.orm.Session` (from
:func:`mailbot.store.db.transaction`) and never commit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Row, bindparam, exc, func, or_, select, update
from sqlalchemy.orm import Session

from mailbot.domain.values import Json
from mailbot.errors import DuplicateMessage, StoreError
from mailbot.store.models import Case, Message, MessageOutcome


def raw_digest(raw: bytes) -> str:
    """The SHA-256 of a raw message, as stored in ``messages.raw_sha256``."""
    return hashlib.sha256(raw).hexdigest()


def normalize_message_id(value: str) -> str:
    """A Message-ID in the one form the store keeps: ``<local@domain>``, no spaces."""
    core = "".join(value.split()).strip("<>")
    return f"<{core}>"


def record_message(
    session: Session,
    *,
    mailbox: str,
    uidvalidity: int,
    uid: int,
    raw_sha256: str,
    size: int,
    outcome: MessageOutcome | str,
    now: datetime,
    message_id: str | None = None,
    sender: str | None = None,
    subject: str | None = None,
    reason: str | None = None,
    case_id: int | None = None,
    raw: bytes | None = None,
    received_at: datetime | None = None,
    recorded_by: str | None = None,
    auth: dict[str, Json] | None = None,
    own_savepoint: bool = True,
) -> Message:
    """Add a message to the ledger.

    Raises :class:`~mailbot.errors.DuplicateMessage` when (mailbox, uidvalidity, uid)
    is already recorded; the unique constraint decides, so of two bot instances only
    one wins. The insert runs in a savepoint: the surrounding transaction stays usable.

    A caller that already holds a savepoint for this message alone passes
    ``own_savepoint=False``: a refused insert then raises :class:`InsertRefused`, the
    caller's savepoint is undone on the way out, and :func:`refusal` tells a duplicate
    from any other refusal (one savepoint per message instead of two).
    """
    message = Message(
        mailbox=mailbox,
        uidvalidity=uidvalidity,
        uid=uid,
        message_id=normalize_message_id(message_id) if message_id else None,
        raw_sha256=raw_sha256,
        size=size,
        sender=sender,
        subject=subject,
        outcome=MessageOutcome(outcome),
        reason=reason,
        case_id=case_id,
        raw=raw,
        received_at=received_at,
        recorded_at=now,
        recorded_by=recorded_by,
        auth=auth,
    )
    if not own_savepoint:
        session.add(message)
        try:
            session.flush()
        except exc.IntegrityError as e:
            raise InsertRefused(mailbox, uidvalidity, uid, e) from None
        return message
    try:
        with session.begin_nested():
            session.add(message)
    except exc.IntegrityError as e:
        raise refusal(session, InsertRefused(mailbox, uidvalidity, uid, e)) from None
    return message


class InsertRefused(Exception):
    """The database refused a ledger row (see :func:`record_message`)."""

    def __init__(self, mailbox: str, uidvalidity: int, uid: int, error: exc.IntegrityError):
        super().__init__(f"the database refused the message: {error.orig}")
        self.key = (mailbox, uidvalidity, uid)
        self.orig = error.orig


def refusal(session: Session, refused: InsertRefused) -> StoreError:
    """What a refused ledger insert means, asked once its savepoint is undone:
    :class:`DuplicateMessage` when the message is recorded already, else a
    :class:`StoreError`."""
    mailbox, uidvalidity, uid = refused.key
    if find_message(session, mailbox, uidvalidity, uid) is not None:
        return DuplicateMessage(f"message {mailbox}/{uidvalidity}/{uid} is already recorded")
    return StoreError(str(refused))


def find_message(session: Session, mailbox: str, uidvalidity: int, uid: int) -> Message | None:
    """The ledger row for one IMAP message, or None."""
    return session.scalars(
        select(Message).where(
            Message.mailbox == mailbox, Message.uidvalidity == uidvalidity, Message.uid == uid
        )
    ).one_or_none()


def find_messages(
    session: Session, mailbox: str, uidvalidity: int, uids: Sequence[int]
) -> list[Message]:
    """The ledger rows of several IMAP messages of one folder (one query)."""
    if not uids:
        return []
    return list(
        session.scalars(
            select(Message).where(
                Message.mailbox == mailbox,
                Message.uidvalidity == uidvalidity,
                Message.uid.in_(list(uids)),
            )
        )
    )


def get_message(session: Session, message_pk: int) -> Message | None:
    """The ledger row with this id, or None."""
    return session.get(Message, message_pk)


def find_by_message_id(session: Session, message_id: str) -> list[Message]:
    """Ledger rows carrying this Message-ID header, oldest first (with or without <>)."""
    return list(
        session.scalars(
            select(Message)
            .where(Message.message_id == normalize_message_id(message_id))
            .order_by(Message.id)
        )
    )


def find_by_sha256(session: Session, raw_sha256: str) -> list[Message]:
    """Ledger rows whose raw bytes hash to ``raw_sha256``, oldest first."""
    return list(
        session.scalars(
            select(Message).where(Message.raw_sha256 == raw_sha256).order_by(Message.id)
        )
    )


_EARLIER = select(Message.id, Message.case_id, Message.raw_sha256, Message.sender)
_SAME_BYTES = (
    _EARLIER.where(Message.raw_sha256 == bindparam("sha"), Message.id != bindparam("pk"))
).order_by(Message.id)
_SAME_BYTES_OR_ID = (
    _EARLIER.where(
        or_(Message.raw_sha256 == bindparam("sha"), Message.message_id == bindparam("mid")),
        Message.id != bindparam("pk"),
    )
).order_by(Message.id)
"""Asked for every message recorded: built once, its values bound at each use."""


def same_bytes_or_id(
    session: Session, message_pk: int, raw_sha256: str, message_id: str | None
) -> list[Row[tuple[int, int | None, str, str | None]]]:
    """(id, case_id, raw_sha256, sender) of the ledger rows other than ``message_pk``
    whose bytes hash to ``raw_sha256`` or (when given) that carry ``message_id``,
    oldest first (one query, no stored bytes loaded)."""
    if message_id:
        mid = normalize_message_id(message_id)
        return list(
            session.execute(_SAME_BYTES_OR_ID, {"sha": raw_sha256, "mid": mid, "pk": message_pk})
        )
    return list(session.execute(_SAME_BYTES, {"sha": raw_sha256, "pk": message_pk}))


def raw_of(session: Session, message_pk: int) -> bytes | None:
    """The stored bytes of a ledger row (None once [retention] deleted them)."""
    return session.scalar(select(Message.raw).where(Message.id == message_pk))


def has_unmoved(session: Session, mailbox: str, uidvalidity: int | None = None) -> bool:
    """Whether any recorded message of ``mailbox`` still waits for its IMAP move
    (under ``uidvalidity`` when given: rows of an older UIDVALIDITY can never be
    moved, and must not keep every idle poll doing a full SELECT)."""
    query = select(Message.id).where(Message.moved_to.is_(None), Message.mailbox == mailbox)
    if uidvalidity is not None:
        query = query.where(Message.uidvalidity == uidvalidity)
    return session.scalars(query.limit(1)).first() is not None


def unmoved_messages(
    session: Session, mailbox: str | None = None, uidvalidity: int | None = None
) -> list[Message]:
    """Recorded messages whose IMAP move has not been done yet, oldest first
    (a crash between the commit and the MOVE leaves these behind)."""
    query = select(Message).where(Message.moved_to.is_(None))
    if mailbox is not None:
        query = query.where(Message.mailbox == mailbox)
    if uidvalidity is not None:
        query = query.where(Message.uidvalidity == uidvalidity)
    return list(session.scalars(query.order_by(Message.id)))


def mark_moved(session: Session, message: Message, folder: str) -> None:
    """Note that the message now sits in ``folder`` on the IMAP server."""
    message.moved_to = folder
    session.flush()


def mark_moved_many(session: Session, message_pks: Sequence[int], folder: str) -> None:
    """Note that these messages now sit in ``folder`` (one statement)."""
    if message_pks:
        session.execute(
            update(Message).where(Message.id.in_(list(message_pks))).values(moved_to=folder)
        )


def set_outcome(
    session: Session,
    message: Message,
    outcome: MessageOutcome | str,
    reason: str | None = None,
    case_id: int | None = None,
) -> None:
    """Change what became of a message (e.g. a quarantined one reprocessed by staff)."""
    message.outcome = MessageOutcome(outcome)
    message.reason = reason
    if case_id is not None:
        message.case_id = case_id


def quarantined_messages(session: Session, limit: int | None = None) -> list[Message]:
    """Messages that could not be parsed, oldest first, for the staff CLI."""
    query = (
        select(Message).where(Message.outcome == MessageOutcome.QUARANTINED).order_by(Message.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def messages_of_case(session: Session, case_id: int) -> list[Message]:
    """Every ledger message attached to a case, oldest first."""
    return list(
        session.scalars(select(Message).where(Message.case_id == case_id).order_by(Message.id))
    )


def last_message_id(session: Session) -> int:
    """The id of the newest ledger row (0 when there is none)."""
    return int(session.scalar(select(func.max(Message.id))) or 0)


def messages_after(session: Session, message_pk: int) -> list[tuple[Message, Case | None]]:
    """Ledger rows newer than ``message_pk``, oldest first, each with its case (if any)."""
    rows = session.execute(
        select(Message, Case)
        .outerjoin(Case, Case.id == Message.case_id)
        .where(Message.id > message_pk)
        .order_by(Message.id)
    )
    return [(message, case) for message, case in rows]
