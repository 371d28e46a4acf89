"""The review queue: cases waiting for staff, oldest first, with their flags.

Loads the queued cases in one query and the records they might clash with in a few
more; imports nothing from the parser, so ``mailbot queue`` starts fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple, TypedDict

from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus
from mailbot.domain.values import Json
from mailbot.review.common import is_mapping
from mailbot.review.conflicts import RosterIndex, conflicts_of, keys_of, mentioned_by
from mailbot.review.maintenance import DiffRow, diff_changes, resolve_agency
from mailbot.store.queued import iso_utc, queued_cases

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing


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


class QueueEntry(NamedTuple):
    """An entry of the review queue, as the table shows it (:meth:`as_dict`: as
    ``mailbot queue --json`` prints it)."""

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
    conflicts: list[str]
    diff: list[DiffRow]

    @classmethod
    def from_item(cls, item: QueueEntryView, diff: list[DiffRow]) -> QueueEntry:
        """The entry of an item of :func:`queue_items`, whose ``diff`` rows are these."""
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
            diff=diff,
        )

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
            "diff": [r._asdict() for r in self.diff],
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
    return [QueueEntry.from_item(item, diff) for item, diff in _each_entry(source)]


def queue_items(source: Session | Listing) -> list[QueueEntryView]:
    """The review queue as ``mailbot queue --json`` prints it (:meth:`QueueEntry.as_dict`):
    cases in review, and flagged cases still waiting for information, oldest first.

    Conflicts with existing records are computed now (the records may have changed
    since the case was opened) and shown as the ``conflict`` flag; maintenance cases
    carry their roster diff, and ``roster_problem`` when a row needs attention.
    ``source`` is a Session, or the plain connection ``mailbot queue`` reads with
    (:func:`mailbot.store.queued.queued_cases` reads the cases from either).
    """
    return list(each_queue_item(source))


_NO_MEMBERS = (None, None, None, None, None, None)


class _Queued(NamedTuple):
    """What the queue keeps of a case between reading it and printing it: sorted as
    tuples, by ``created_at`` then ``id`` (unique, so nothing after it is compared)."""

    created_at: str | datetime  # as stored (see mailbot.store.queued.iso_utc)
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


def each_queue_item(source: Session | Listing) -> Iterator[QueueEntryView]:
    """:func:`queue_items` one at a time, once every case has been read: the caller
    may print each and let it go."""
    for item, _ in _each_entry(source):
        yield item


def _each_entry(source: Session | Listing) -> Iterator[tuple[QueueEntryView, list[DiffRow]]]:
    """Each item of :func:`each_queue_item`, with its ``diff`` as rows."""
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
        diff_rows: list[DiffRow] = []
        diff: list[dict[str, Json]] = []
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
                diff = [r._asdict() for r in diff_rows]
                if any(r.problem for r in diff_rows) and CaseFlag.ROSTER_PROBLEM not in flags:
                    flags.append(CaseFlag.ROSTER_PROBLEM)
        item: QueueEntryView = {
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
        yield item, diff_rows


# The statuses and kinds as shared strings: thousands of queued cases refer to them.
_NAMES = {n.value: n.value for n in (*CaseStatus, *CaseKind)}


def _read(source: Session | Listing) -> list[_Queued]:
    """The queued cases, oldest first, cut to what the queue uses as they are read."""
    in_review = CaseStatus.IN_REVIEW.value
    names = _NAMES
    queued: list[_Queued] = []
    for row in queued_cases(source):
        reference, status, kind, sender, agency_code, flags, created_at, members, id_ = row
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
                    _count(missing) + _count(invalid),
                    keys_of(officers),
                ),
            )
        )
    queued.sort()
    return queued


def _count(problems: Json) -> int:
    """How many items a checklist entry (``missing`` or ``invalid``) holds: its length
    as stored (text, as ever, by its number of characters); nothing for a blank or
    false value, one for any other."""
    if isinstance(problems, str | list | dict):
        return len(problems)
    return 1 if problems else 0


def _rows(value: object) -> list[dict[str, Json]]:
    """The rows of a request's ``changes`` as stored, copied (a row that is not a
    mapping reads as empty; anything but a list, no rows)."""
    return [dict(r) if is_mapping(r) else {} for r in value] if isinstance(value, list) else []


def _load_unnumbered(
    source: Session | Listing, index: RosterIndex, agency_id: int, changes: list[dict[str, Json]]
) -> None:
    """Officers named without a number, or with a number not on file (a corrected
    one), are matched within their agency's roster, which is loaded only then (most
    changes give a number on file)."""
    if agency_id not in index.full_agencies and any(
        not c.get("officer_number") or index.officer(c.get("officer_number")) is None
        for c in changes
    ):
        index.load_officers(source, agency_ids=[agency_id])


__all__ = [
    "QueueEntry",
    "each_queue_item",
    "maintenance_agency_id",
    "queue_items",
    "resolve_agency",
    "review_queue",
]
