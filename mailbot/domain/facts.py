"""What the desk knows when a message arrives: the facts a decision is made from.

The poll loop gathers them (from the message, the reading and the store) and
:func:`mailbot.domain.decide.decide` decides; nothing here looks anything up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import CaseKind, CaseStatus
from mailbot.domain.roster import AgencyRef, RosterIndex
from mailbot.intake.model import Intent
from mailbot.intake.rules import Rules

__all__ = [
    "BouncedReply",
    "CaseState",
    "EarlierMessage",
    "Facts",
    "Intent",
    "LogoImage",
    "Mailbox",
    "Policy",
    "Reading",
    "RosterFacts",
    "Trust",
]


@dataclass(frozen=True)
class CaseState:
    """A case as it stands before this message."""

    id: int
    reference: str
    kind: CaseKind
    status: CaseStatus
    sender: str | None = None
    poc_email: str | None = None
    agency_code: str | None = None
    data: CaseData = field(default_factory=CaseData)


@dataclass(frozen=True)
class Trust:
    """What our mail server vouched for about the sender."""

    configured: bool = False  # no authserv-id: no sender can be verified
    verified: bool = False
    reason: str = ""


@dataclass(frozen=True)
class LogoImage:
    """The image a message gives as the agency logo, as read (``logo_info`` in the
    case data names it by ``sha256``)."""

    filename: str
    format: str
    width: int
    height: int
    sha256: str
    data: bytes = field(repr=False)

    @property
    def size_bytes(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Reading:
    """What a message says, as case data (values cleaned of control characters)."""

    intent: Intent = "other"
    data: CaseData = field(default_factory=CaseData)
    notes: tuple[str, ...] = ()  # parts skipped and limits hit while reading
    cleaned: int = 0  # control characters removed from its values
    agency_code: str | None = None
    poc_email: str | None = None
    logo: LogoImage | None = None  # the logo image, kept for approval


@dataclass(frozen=True)
class BouncedReply:
    """A delivery report about one of our replies, and where its address stood."""

    case: CaseState
    outbox_id: int
    to: str
    hard: bool
    hard_bounces: int = 0  # hard bounces of ``to`` counted before this one
    suppressed: bool = False  # replies to ``to`` already stopped


@dataclass(frozen=True)
class EarlierMessage:
    """A message recorded before with the same bytes, or the same Message-ID."""

    id: int
    case_id: int | None
    same_bytes: bool = False
    same_sender: bool = False
    same_body: bool = False


@dataclass(frozen=True)
class Mailbox:
    """The sender's address as far as replies go."""

    address: str = ""
    suppressed: bool = False  # stopped after hard bounces
    replies_today: int = 0  # replies queued to it in the last 24 hours


@dataclass(frozen=True)
class RosterFacts:
    """For a roster change: the agency the sender may change, and its roster."""

    authority: AgencyRef | None = None
    index: RosterIndex | None = None


@dataclass(frozen=True)
class Facts:
    """Everything one message brings."""

    ledger_id: int | None
    sender: str = ""
    own: bool = False  # our own mail came back
    automated: bool = False
    automated_reason: str = "automated"
    bounce: BouncedReply | None = None
    earlier: tuple[EarlierMessage, ...] = ()
    from_problem: str | None = None  # the From header names no single plain address
    trust: Trust = field(default_factory=Trust)
    reading: Reading = field(default_factory=Reading)
    # Looked up once the route is known (:func:`mailbot.domain.decide.route`):
    answer: Reading | None = None  # a follow-up read against its case
    roster: RosterFacts | None = None
    mailbox: Mailbox = field(default_factory=Mailbox)


@dataclass(frozen=True)
class Policy:
    """The settings decisions follow."""

    rules: Rules
    trust: Mapping[str, str] = field(default_factory=dict)  # kind -> off, flag, require
    reply_cap: int = 5  # replies per address per day
    suppress_after_hard_bounces: int = 3
