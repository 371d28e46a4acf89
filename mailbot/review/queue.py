"""The review queue: cases waiting for staff, oldest first, with their flags.

Loads the queued cases in one query and the records they might clash with in a few
more; imports nothing from the parser, so ``mailbot queue`` starts fast.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus
from mailbot.domain.values import Json
from mailbot.review.common import is_mapping
from mailbot.review.conflicts import RosterIndex, conflicts_of, keys_of, mentioned_by
from mailbot.review.maintenance import DiffRow, diff_changes, resolve_agency
from mailbot.store.listing import iso_utc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing


@dataclass
class QueueEntry:
    reference: str
    status: str
    kind: str
    agency_name: str | None
    agency_code: str | None
    sender: str | None
    created_at: datetime
    complete: bool
    missing: int
    flags: list[str]
    conflicts: list[str] = field(default_factory=list)
    diff: list[DiffRow] = field(default_factory=list)

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> QueueEntry:
        """The entry of an item of :func:`queue_items`."""
        return cls(
            reference=item["reference"],
            status=item["status"],
            kind=item["kind"],
            agency_name=item["agency_name"],
            agency_code=item["agency_code"],
            sender=item["sender"],
            created_at=datetime.fromisoformat(item["created_at"]),
            complete=item["complete"],
            missing=item["missing"],
            flags=item["flags"],
            conflicts=item["conflicts"],
            diff=[DiffRow(**row) for row in item["diff"]],
        )

    def as_dict(self) -> dict[str, Any]:
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
    """Cases in review, and flagged cases still waiting for information, oldest first
    (see :func:`queue_items`)."""
    return [QueueEntry.from_item(item) for item in each_queue_item(source)]


def queue_items(source: Session | Listing) -> list[dict[str, Any]]:
    """The review queue as ``mailbot queue --json`` prints it (:meth:`QueueEntry.as_dict`):
    cases in review, and flagged cases still waiting for information, oldest first.

    Conflicts with existing records are computed now (the records may have changed
    since the case was opened) and shown as the ``conflict`` flag; maintenance cases
    carry their roster diff, and ``roster_problem`` when a row needs attention.
    ``source`` is a Session, or the plain connection ``mailbot queue`` reads with
    (:meth:`mailbot.store.listing.Listing.queued_cases`, whose rows both give here).
    """
    return list(each_queue_item(source))


_NO_MEMBERS = (None, None, None, None, None, None)


class _Queued(NamedTuple):
    """What the queue keeps of a case between reading it and printing it: sorted as
    tuples, by ``created_at`` then ``id`` (unique, so nothing after it is compared)."""

    created_at: Any  # as stored (see mailbot.store.listing.iso_utc)
    id: int
    reference: str | None
    status: str
    kind: str
    sender: str | None
    agency_code: str | None  # the case's column
    flags: list[str] | None
    agency_name: Json
    judiciary_code: Json  # the request's
    changes: Json
    missing: int
    officers: list[tuple[str, str]]  # officer_keys of the request


_new_queued = tuple.__new__


def each_queue_item(source: Session | Listing) -> Iterator[dict[str, Any]]:
    """:func:`queue_items` one at a time, once every case has been read: the caller
    may print each and let it go."""
    queued = _read(source)
    # Each request's officers were normalized once, for both the lookups and the conflicts.
    numbers, usernames = mentioned_by([c.officers for c in queued], [c.changes for c in queued])
    index = RosterIndex.load(source, numbers, usernames, normalized=True)
    enrollment = CaseKind.ENROLLMENT.value
    for case in queued:
        flags = list(case.flags or [])
        name = case.agency_name
        agency_code = case.agency_code or case.judiciary_code
        conflicts: list[str] = []
        diff: list[dict[str, Any]] = []
        if case.kind == enrollment:
            found = conflicts_of(case.judiciary_code, case.officers, index)
            if found:  # (seldom)
                conflicts = [c.detail for c in found]
                if CaseFlag.CONFLICT not in flags:
                    flags.append(CaseFlag.CONFLICT)
        else:
            agency_id = maintenance_agency_id(index, case.agency_code, case.sender)
            if agency_id is not None:
                ref = index.agencies[agency_id]
                name = name or ref.name
                agency_code = ref.judiciary_code
                rows = _rows(case.changes)
                _load_unnumbered(source, index, agency_id, rows)
                diff_rows = diff_changes(index, agency_id, rows)
                diff = [r.as_dict() for r in diff_rows]
                if any(r.problem for r in diff_rows) and CaseFlag.ROSTER_PROBLEM not in flags:
                    flags.append(CaseFlag.ROSTER_PROBLEM)
        yield {
            "reference": case.reference or "",
            "status": case.status,
            "kind": case.kind,
            "agency_name": name,
            "agency_code": agency_code,
            "sender": case.sender,
            "created_at": iso_utc(case.created_at),
            "complete": case.missing == 0,
            "missing": case.missing,
            "flags": flags,
            "conflicts": conflicts,
            "diff": diff,
        }


# The statuses and kinds as shared strings: thousands of queued cases refer to them.
_NAMES = {n.value: n.value for n in (*CaseStatus, *CaseKind)}


def _read(source: Session | Listing) -> list[_Queued]:
    """The queued cases, oldest first, cut to what the queue uses as they are read."""
    from mailbot.store.listing import Listing

    rows = source.queued_cases() if isinstance(source, Listing) else _queued_cases(source)
    in_review = CaseStatus.IN_REVIEW.value
    names = _NAMES
    queued: list[_Queued] = []
    for reference, status, kind, sender, agency_code, flags, created_at, members, id_ in rows:
        if status != in_review and not flags:
            continue
        name, code, officers, changes, missing, invalid = members or _NO_MEMBERS
        queued.append(
            _new_queued(  # (the tuple built directly: thousands, no call to _Queued.__new__)
                _Queued,
                (
                    created_at,
                    id_,
                    reference,
                    names.get(status, status),
                    names.get(kind, kind),
                    sender,
                    agency_code,
                    flags or None,
                    name,
                    code,
                    changes or None,
                    len(missing or []) + len(invalid or []),
                    keys_of(officers),
                ),
            )
        )
    queued.sort()
    return queued


def _rows(value: object) -> list[dict[str, Any]]:
    """The rows of a request's ``changes`` as stored, copied (a row that is not a
    mapping reads as empty; anything but a list, no rows)."""
    return [dict(r) if is_mapping(r) else {} for r in value] if isinstance(value, list) else []


def _queued_cases(session: Session) -> list[list[Any]]:
    """:meth:`mailbot.store.listing.Listing.queued_cases` through a Session."""
    from sqlalchemy import String, and_, cast, or_, select

    from mailbot.store.models import Case

    # Core columns (not ORM attributes): the rows are plain tuples, read faster.
    cases = Case.__table__
    query = select(
        cases.c.reference,
        cases.c.status,
        cases.c.kind,
        cases.c.sender,
        cases.c.agency_code,
        cases.c.flags,
        cases.c.created_at,
        cases.c.data,
        cases.c.id,
    ).where(
        or_(
            cases.c.status == CaseStatus.IN_REVIEW,
            # Flagged cases still waiting for information; flags are a JSON list.
            and_(cases.c.status == CaseStatus.NEEDS_INFO, cast(cases.c.flags, String) != "[]"),
        )
    )
    return [
        [ref, str(status), str(kind), sender, code, flags, created, _members(data or {}), case_id]
        for ref, status, kind, sender, code, flags, created, data, case_id in session.execute(query)
    ]


def _members(data: Mapping[str, Any]) -> list[Any]:
    """What :meth:`~mailbot.store.listing.Listing.queued_cases` reads of a request
    (:data:`mailbot.store.listing.QUEUE_MEMBERS`), from the whole of it."""
    agency = data.get("agency")
    name, code = (
        (agency.get("name"), agency.get("judiciary_code")) if is_mapping(agency) else (None, None)
    )
    return [name, code, *(data.get(k) for k in ("officers", "changes", "missing", "invalid"))]


def _load_unnumbered(
    source: Session | Listing, index: RosterIndex, agency_id: int, changes: list[dict[str, Any]]
) -> None:
    """Officers named without a number are matched within their agency's roster, which
    is loaded only then (most changes give the number)."""
    if any(not c.get("officer_number") for c in changes) and (agency_id not in index.full_agencies):
        index.load_officers(source, agency_ids=[agency_id])


__all__ = [
    "QueueEntry",
    "each_queue_item",
    "maintenance_agency_id",
    "queue_items",
    "resolve_agency",
    "review_queue",
]
