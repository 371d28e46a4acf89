"""The database schema as typed SQLAlchemy models.

One table per concept: the message ledger, folder cursors, cases and their revision
history, the outbox, the audit trail, and the agency/officer records DPS staff approve.
Status columns are closed string enums (a CHECK constraint on both backends); which
status may follow which lives in :mod:`mailbot.cases`.

The Alembic migrations in ``migrations/versions`` must produce exactly this schema;
``tests/integration/test_store.py`` compares them.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mailbot.domain.enums import CaseKind, CaseStatus, MessageOutcome, OfficerStatus
from mailbot.domain.values import Json

# Deterministic constraint names on every backend, so later migrations can drop them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    PostgreSQL keeps the zone (``timestamptz``); SQLite stores naive UTC text, so the
    zone is put back on read. Naive datetimes are refused on write: they are a bug.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass a timezone-aware UTC time")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[object, object]] = {
        datetime: UTCDateTime(),
        list[str]: JSON,
    }


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    # Stored as VARCHAR plus a CHECK constraint (no native PostgreSQL enum type), so
    # adding a value is a one-line migration on both backends.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class ProposalStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for staff
    ACCEPTED = "accepted"
    DROPPED = "dropped"


class Message(Base):
    """The ledger: one row per message seen, whatever became of it.

    The unique (mailbox, uidvalidity, uid) key is what stops two bot instances from
    handling one message twice.
    """

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("mailbox", "uidvalidity", "uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[MessageOutcome] = mapped_column(_enum(MessageOutcome, "outcome"))
    reason: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    # Loaded only when read: the ledger is queried on every poll, the bytes rarely.
    raw: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    received_at: Mapped[datetime | None]
    recorded_at: Mapped[datetime]
    # Indexed: every poll asks whether a recorded message still waits for its move.
    moved_to: Mapped[str | None] = mapped_column(String(255), index=True)
    # The bot instance that recorded it (see mailbot.instance): only that instance
    # moves it, unless it is known to be dead, so two instances never both move it.
    recorded_by: Mapped[str | None] = mapped_column(String(255))
    # What our mail server vouched for: SPF, DKIM, DMARC, alignment, the verdict
    # (:class:`mailbot.intake.auth.Verification`); None for messages never read.
    auth: Mapped[dict[str, Json] | None] = mapped_column(JSON)


class FolderCursor(Base):
    """The highest UID handled in a folder, valid only under its UIDVALIDITY."""

    __tablename__ = "folder_cursors"

    mailbox: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
    # Set when the server changed the folder's UIDVALIDITY: an alert for staff.
    previous_uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uidvalidity_changed_at: Mapped[datetime | None]


class ReadAttempt(Base):
    """A message being read. Rows exist only while a group of messages is read and
    recorded; one left behind by an instance that is gone means that process died while
    reading, and the next poll reads that group one message at a time so a message
    that kills the bot is found and quarantined instead of being retried forever.
    ``attempts`` counts the deaths seen while the message was read on its own
    (``alone``); ``owner`` names the instance reading it (see :mod:`mailbot.instance`).
    """

    __tablename__ = "read_attempts"

    mailbox: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    uid: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    owner: Mapped[str | None] = mapped_column(String(255))
    alone: Mapped[bool] = mapped_column(Boolean, server_default=false())


class AddressBounce(Base):
    """Hard bounces of our replies to one address; at ``[bot]
    suppress_after_hard_bounces`` the address gets no more replies until staff act."""

    __tablename__ = "address_bounces"

    address: Mapped[str] = mapped_column(String(320), primary_key=True)
    hard_bounces: Mapped[int] = mapped_column(Integer)
    last_bounce_at: Mapped[datetime]
    suppressed_at: Mapped[datetime | None]


class Logo(Base):
    """An agency logo image read from an email, kept by its SHA-256 when the message
    is read: approval writes it to the agency record without reading the email again."""

    __tablename__ = "logos"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(10))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime]


class Case(Base):
    """One request (enrolment or officer maintenance) followed until staff decide.

    ``data`` is the merged request in the ``mailbot parse --json`` shape;
    ``provenance`` maps a field path (``agency.phone``, ``officers[1].dps_username``)
    to the ledger message id it came from.
    """

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Assigned right after the insert, from the id (see repo.create_case).
    reference: Mapped[str | None] = mapped_column(String(32), unique=True)
    kind: Mapped[CaseKind] = mapped_column(_enum(CaseKind, "kind"))
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus, "status"))
    sender: Mapped[str | None] = mapped_column(String(320))
    agency_code: Mapped[str | None] = mapped_column(String(16), index=True)
    poc_email: Mapped[str | None] = mapped_column(String(320))
    data: Mapped[dict[str, Json]] = mapped_column(JSON)
    provenance: Mapped[dict[str, Json]] = mapped_column(JSON)
    flags: Mapped[list[str]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CaseRevision(Base):
    """A value a reply or a staff edit replaced: corrections keep their history."""

    __tablename__ = "case_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    path: Mapped[str] = mapped_column(String(255))
    old_value: Mapped[Json] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Json] = mapped_column(JSON, nullable=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    at: Mapped[datetime]


class CaseProposal(Base):
    """Changes a message asked for that the bot may not apply on its own (a sender
    not verified, another sender, a new contact address): staff accept or drop them.

    ``data`` is the part of the message's request held back (the ``mailbot parse
    --json`` shape); accepting merges it into the case as if it had been trusted.
    """

    __tablename__ = "case_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    kind: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Json]] = mapped_column(JSON)
    status: Mapped[ProposalStatus] = mapped_column(_enum(ProposalStatus, "status"))
    created_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(320))
    decided_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)


class OutboxMessage(Base):
    """A rendered reply waiting to be sent, sent, or given up on.

    ``message_id`` is deterministic (derived from the case and template), so a resend
    after a crash carries the same Message-ID and recipients can dedupe.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    template: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    to_address: Mapped[str] = mapped_column(String(320), index=True)
    recipients: Mapped[list[str]]
    subject: Mapped[str] = mapped_column(Text)
    # None once [retention] has deleted the body of a reply of a long-closed case.
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[OutboxStatus] = mapped_column(_enum(OutboxStatus, "status"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class AuditEvent(Base):
    """Who did what, when. Never updated, never deleted."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    actor: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Json]] = mapped_column(JSON)
    at: Mapped[datetime]


class Agency(Base):
    """A TraCS agency record, created when staff approve an enrolment."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    judiciary_code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(64))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_filename: Mapped[str | None] = mapped_column(String(255))
    logo_type: Mapped[str | None] = mapped_column(String(100))
    logo_width: Mapped[int | None] = mapped_column(Integer)
    logo_height: Mapped[int | None] = mapped_column(Integer)
    logo_sha256: Mapped[str | None] = mapped_column(String(64))
    poc_name: Mapped[str | None] = mapped_column(String(255))
    poc_email: Mapped[str | None] = mapped_column(String(320))
    hod_name: Mapped[str | None] = mapped_column(String(255))
    hod_title: Mapped[str | None] = mapped_column(String(255))
    hod_email: Mapped[str | None] = mapped_column(String(320))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Officer(Base):
    """A TraCS officer record; never exists without its agency.

    ``officer_number`` (the 5-character VT LEO number) and ``dps_username`` are unique
    across all agencies; usernames are stored lower-case.
    """

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_number: Mapped[str] = mapped_column(String(16), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    last_name: Mapped[str] = mapped_column(String(255))
    first_name: Mapped[str] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(255))
    dps_username: Mapped[str] = mapped_column(String(255), unique=True)
    status: Mapped[OfficerStatus] = mapped_column(_enum(OfficerStatus, "status"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class BotStatus(Base):
    """What a running bot last said about itself, one row per instance (host name):
    read by ``mailbot status`` and the metrics endpoint without touching a server."""

    __tablename__ = "bot_status"

    instance: Mapped[str] = mapped_column(String(255), primary_key=True)
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # The last poll that reached the mailbox and finished.
    last_poll_at: Mapped[datetime | None]
    # "ok", "failing" or "unknown" per part; the token also "none" (not used) or "down".
    imap: Mapped[str] = mapped_column(String(20))
    smtp: Mapped[str] = mapped_column(String(20))
    token: Mapped[str] = mapped_column(String(20))
    token_expires_at: Mapped[datetime | None]
    # The last error per part ({"imap": "...", "smtp": "...", "token": "..."}).
    errors: Mapped[dict[str, str]] = mapped_column(JSON)
