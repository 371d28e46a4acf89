"""A decision as data: what becomes of a message, and the effects on its case in order.

:func:`mailbot.domain.decide.decide` returns a :class:`Decision`; the poll loop
(:mod:`mailbot.handling`) applies its steps through the store, in order, in the
message's transaction. ``reason`` may name ``{reference}``: the reference of a case
the decision opens is only known once it is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import AuditAction, CaseFlag, CaseKind, CaseStatus, MessageOutcome
from mailbot.domain.facts import LogoImage
from mailbot.domain.merge import Revision
from mailbot.domain.values import KEEP, Json, Keep


@dataclass(frozen=True)
class OpenCase:
    """Open a case; the steps after it apply to the new case."""

    kind: CaseKind
    status: CaseStatus
    data: CaseData
    sender: str
    agency_code: str | None
    poc_email: str | None
    flags: tuple[CaseFlag, ...] = ()


@dataclass(frozen=True)
class Flag:
    flag: CaseFlag


@dataclass(frozen=True)
class Audit:
    """An audit trail entry by the bot."""

    action: AuditAction
    detail: Mapping[str, Json] = field(default_factory=dict)


@dataclass(frozen=True)
class HoldChanges:
    """Keep a message's changes as a proposal for staff, flag the case, and say so in
    the audit trail (``detail`` gains the proposal's id)."""

    kind: str  # contact_change or follow_up
    reason: str
    data: CaseData
    detail: Mapping[str, Json]


@dataclass(frozen=True)
class RecordRevisions:
    """Apply merge revisions with their history; provenance points at the message."""

    revisions: tuple[Revision, ...]


@dataclass(frozen=True)
class UpdateCase:
    """Replace the case's data and searchable columns (``KEEP`` leaves one as is)."""

    data: CaseData | None = None
    agency_code: str | Keep | None = KEEP
    poc_email: str | Keep | None = KEEP


@dataclass(frozen=True)
class SetStatus:
    status: CaseStatus


@dataclass(frozen=True)
class RecordHardBounce:
    """Count a hard bounce of ``address`` (replies stop after the threshold)."""

    address: str


@dataclass(frozen=True)
class Reply:
    """Queue the reply ``template`` to the sender, in the message's thread."""

    template: str


@dataclass(frozen=True)
class KeepLogo:
    """Keep the logo image the message gave (approval writes it to the agency)."""

    image: LogoImage


@dataclass(frozen=True)
class Log:
    """A line for the operator's log (never a value from the email)."""

    event: str
    level: str = "info"
    fields: Mapping[str, Json] = field(default_factory=dict)


Step = (
    OpenCase
    | Flag
    | Audit
    | HoldChanges
    | RecordRevisions
    | UpdateCase
    | SetStatus
    | RecordHardBounce
    | Reply
    | KeepLogo
    | Log
)


S = TypeVar("S")


@dataclass(frozen=True)
class Decision:
    """What becomes of one message (its ledger outcome) and what it does to a case."""

    outcome: MessageOutcome
    reason: str | None = None
    case_id: int | None = None  # the existing case the steps apply to
    steps: tuple[Step, ...] = ()

    def with_steps(self, *before: Step) -> Decision:
        return Decision(self.outcome, self.reason, self.case_id, (*before, *self.steps))

    def of(self, kind: type[S]) -> list[S]:
        """The steps of one kind, in order (for tests and the log)."""
        return [s for s in self.steps if isinstance(s, kind)]
