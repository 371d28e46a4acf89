"""The review queue: cases waiting for staff, oldest first, with their flags.

Loads the queued cases in one query and the records they might clash with in a few
more; imports nothing from the parser, so ``mailbot queue`` starts fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus
from mailbot.domain.values import Json
from mailbot.review.common import rows, section
from mailbot.review.conflicts import RosterIndex, enrollment_conflicts, mentioned_in, officer_keys
from mailbot.review.maintenance import DiffRow, diff_changes, resolve_agency

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing, QueuedCase


class QueueEntryView(TypedDict):
    """An entry of ``mailbot queue --json``."""

    reference: str
    status: str
    kind: str
    agency_name: Json  # as stored: a request of odd shape is shown as it is
    agency_code: Json
    sender: str | None
    created_at: str
    complete: bool
    missing: int
    flags: list[str]
    conflicts: list[str]
    diff: list[dict[str, Json]]


@dataclass
class QueueEntry:
    reference: str
    status: str
    kind: str
    agency_name: Json  # as stored: a request of odd shape is shown as it is
    agency_code: Json
    sender: str | None
    created_at: datetime
    complete: bool
    missing: int
    flags: list[str]
    conflicts: list[str] = field(default_factory=list)
    diff: list[DiffRow] = field(default_factory=list)

    def as_dict(self) -> QueueEntryView:
        return {
            "reference": self.reference,
            "status": self.status,
            "kind": self.kind,
            "agency_name": self.agency_name,
            "agency_code": self.agency_code,
            "sender": self.sender,
            "created_at": self.created_at.isoformat(),
            "complete": self.complete,
            "missing": self.missing,
            "flags": self.flags,
            "conflicts": self.conflicts,
            "diff": [r.as_dict() for r in self.diff],
        }


def maintenance_agency_id(
    index: RosterIndex, agency_code: str | None, sender: str | None
) -> int | None:
    """The agency a roster change request is about: its code, else the sender's agency."""
    if agency_code:
        agency = index.by_code.get(agency_code.strip())
        if agency is not None:
            return agency.id
    owners = index.by_contact(sender or "")
    return owners[0].id if len(owners) == 1 else None


def review_queue(source: Session | Listing) -> list[QueueEntry]:
    """Cases in review, and flagged cases still waiting for information, oldest first.

    Conflicts with existing records are computed now (the records may have changed
    since the case was opened) and shown as the ``conflict`` flag; maintenance cases
    carry their roster diff, and ``roster_problem`` when a row needs attention.
    ``source`` is a Session, or the plain connection ``mailbot queue`` reads with.
    """
    from mailbot.store.listing import Listing

    queued = source.queued_cases() if isinstance(source, Listing) else _queued_cases(source)
    found = [r for r in queued if r.status == CaseStatus.IN_REVIEW or r.flags]
    # Each request's officers, normalized once for both the lookups and the conflicts.
    officers = [officer_keys(r.data or {}) for r in found]
    numbers, usernames = mentioned_in([r.data or {} for r in found], officers)
    index = RosterIndex.load(source, numbers, usernames)
    entries: list[QueueEntry] = []
    for r, keys in zip(found, officers, strict=True):
        data: Mapping[str, Json] = r.data or {}
        agency = section(data, "agency")
        missing = _count(data.get("missing")) + _count(data.get("invalid"))
        flags = list(r.flags or [])
        entry = QueueEntry(
            reference=r.reference or "",
            status=str(r.status),
            kind=str(r.kind),
            agency_name=agency.get("name"),
            agency_code=r.agency_code or agency.get("judiciary_code"),
            sender=r.sender,
            created_at=r.created_at,
            complete=missing == 0,
            missing=missing,
            flags=flags,
        )
        if r.kind == CaseKind.ENROLLMENT:
            entry.conflicts = [c.detail for c in enrollment_conflicts(data, index, keys)]
            if entry.conflicts and CaseFlag.CONFLICT not in flags:
                flags.append(CaseFlag.CONFLICT)
        else:
            agency_id = maintenance_agency_id(index, r.agency_code, r.sender)
            if agency_id is not None:
                ref = index.agencies[agency_id]
                entry.agency_name = entry.agency_name or ref.name
                entry.agency_code = ref.judiciary_code
                _load_unnumbered(source, index, agency_id, rows(data, "changes"))
                entry.diff = diff_changes(index, agency_id, rows(data, "changes"))
                if any(d.problem for d in entry.diff) and CaseFlag.ROSTER_PROBLEM not in flags:
                    flags.append(CaseFlag.ROSTER_PROBLEM)
        entries.append(entry)
    return entries


def _count(problems: Json) -> int:
    """How many items a checklist entry (``missing`` or ``invalid``) holds: its length
    as stored (text, as ever, by its number of characters); nothing for a blank or
    false value, one for any other."""
    if isinstance(problems, str | list | dict):
        return len(problems)
    return 1 if problems else 0


def _queued_cases(session: Session) -> list[QueuedCase]:
    """:meth:`mailbot.store.listing.Listing.queued_cases` through a Session."""
    from sqlalchemy import String, and_, cast, or_, select

    from mailbot.store.models import Case

    # Core columns (not ORM attributes): the rows are plain tuples, read faster.
    cases = Case.__table__
    query = (
        select(
            cases.c.reference,
            cases.c.status,
            cases.c.kind,
            cases.c.sender,
            cases.c.agency_code,
            cases.c.flags,
            cases.c.created_at,
            cases.c.data,
        )
        .where(
            or_(
                cases.c.status == CaseStatus.IN_REVIEW,
                # Flagged cases still waiting for information; flags are a JSON list.
                and_(cases.c.status == CaseStatus.NEEDS_INFO, cast(cases.c.flags, String) != "[]"),
            )
        )
        .order_by(cases.c.created_at, cases.c.id)
    )
    from mailbot.store.listing import QueuedCase

    return [QueuedCase._make(r) for r in session.execute(query)]


def _load_unnumbered(
    source: Session | Listing, index: RosterIndex, agency_id: int, changes: list[dict[str, Json]]
) -> None:
    """Officers named without a number are matched within their agency's roster, which
    is loaded only then (most changes give the number)."""
    if any(not c.get("officer_number") for c in changes) and (agency_id not in index.full_agencies):
        index.load_officers(source, agency_ids=[agency_id])


__all__ = ["QueueEntry", "maintenance_agency_id", "resolve_agency", "review_queue"]
