"""Officer maintenance (procedure section 6.3): who may ask, and what would change.

The parser reads a roster change request into ``changes`` (``action`` add, update or
deactivate, the officer number, and the fields that change; ``agency`` for a
transfer). :func:`roster_diff` turns them into rows, "what changes, from what, to
what", against the stored roster (the pure diff is
:mod:`mailbot.domain.roster_diff`); :func:`apply_changes` writes them when staff approve.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from mailbot.domain.enums import OfficerStatus
from mailbot.domain.roster_diff import (
    _EDITABLE,
    NO_SUCH_OFFICER,
    OTHER_AGENCY,
    TRANSFER_IN,
    DiffRow,
    _text,
    diff_changes,
    resolve_agency,
)
from mailbot.domain.values import Json, is_blank
from mailbot.errors import CaseError
from mailbot.review.conflicts import RosterIndex
from mailbot.store import roster_index

if TYPE_CHECKING:  # the review queue imports this module without SQLAlchemy
    from sqlalchemy.orm import Session

    from mailbot.store.models import Agency


def maintenance_authority(session: Session, sender: str, agency_code: str | None) -> Agency | None:
    """The agency whose registered PoC or head of department address is ``sender``
    (see :func:`mailbot.store.roster_index.authority`). With ``agency_code`` only that
    agency counts; without it the sender must be on file for exactly one agency. None
    means the sender may not change any roster."""
    return roster_index.authority(session, sender, agency_code)


def roster_diff(
    session: Session, agency: Agency, changes: Sequence[Mapping[str, Json]]
) -> list[DiffRow]:
    """The row-level diff of ``changes`` asked for ``agency``'s roster (see :class:`DiffRow`)."""
    index = load_index(session, [changes], [agency.id])
    return diff_changes(index, agency.id, changes)


def load_index(
    session: Session,
    change_lists: Sequence[Sequence[Mapping[str, Json]]],
    agency_ids: Sequence[int],
) -> RosterIndex:
    """One :class:`RosterIndex` covering several change requests."""
    return roster_index.for_changes(session, change_lists, agency_ids, RosterIndex())


def apply_changes(
    session: Session, agency: Agency, changes: Sequence[Mapping[str, Json]], *, now: datetime
) -> list[DiffRow]:
    """Write ``changes`` to ``agency``'s roster; nothing is deleted (deactivation sets
    the status). Raises :class:`CaseError` when a row has a blocking problem."""
    from mailbot.store import roster

    rows = roster_diff(session, agency, changes)
    blocking = [r for r in rows if r.blocking]
    if blocking:
        first = blocking[0]
        who = first.officer_number or first.officer_name or f"change {first.index}"
        raise CaseError(
            f"change {first.index} ({first.action} {who}): {first.problem}; "
            f"fix it with `mailbot case edit` or reject the case"
        )
    for i, change in enumerate(changes):
        action = str(change.get("action") or "update")
        mine = [r for r in rows if r.index == i]
        number = mine[0].officer_number if mine else None
        officer = roster.get_officer(session, number) if number else None
        if action == "add":
            if officer is not None:  # an inactive officer of this agency comes back
                officer.status = OfficerStatus.ACTIVE
                for field in _EDITABLE:
                    if not is_blank(change.get(field)):
                        value = str(change[field]).strip()
                        setattr(officer, field, value.lower() if field == "dps_username" else value)
                officer.updated_at = now
            else:
                roster.add_officer(
                    session,
                    agency,
                    officer_number=str(change["officer_number"]),
                    last_name=str(change["last_name"]).strip(),
                    first_name=str(change["first_name"]).strip(),
                    title=_text(change.get("title")),
                    dps_username=str(change["dps_username"]),
                    now=now,
                )
            continue
        if officer is None:
            continue
        for r in mine:
            if r.field in _EDITABLE and r.new is not None:
                setattr(officer, r.field, r.new)
            elif r.field == "officer_number" and r.new:
                officer.officer_number = r.new
            elif r.field == "agency" and r.problem != "already with this agency":
                target = resolve_agency(load_index(session, [], []), str(change.get("agency")))
                if target is not None:
                    officer.agency_id = target.id
            elif r.field == "status" and r.new == "inactive":
                officer.status = OfficerStatus.INACTIVE
        officer.updated_at = now
    session.flush()
    return rows


__all__ = [
    "NO_SUCH_OFFICER",
    "OTHER_AGENCY",
    "TRANSFER_IN",
    "DiffRow",
    "apply_changes",
    "diff_changes",
    "load_index",
    "maintenance_authority",
    "resolve_agency",
    "roster_diff",
]
