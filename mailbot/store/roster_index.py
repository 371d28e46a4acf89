"""Loading the roster the desk's checks need (:class:`mailbot.domain.roster.RosterIndex`)
in a handful of queries, whatever the number of requests.

All functions take an open :class:`~sqlalchemy.orm.Session` and never write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mailbot.domain import roster
from mailbot.domain.roster import AgencyRef, OfficerRef, RosterIndex, norm_number, norm_username
from mailbot.store.models import Agency, Officer

_CHUNK = 500

Index = TypeVar("Index", bound=RosterIndex)


def agency_ref(agency: Agency) -> AgencyRef:
    return AgencyRef(
        agency.id, agency.judiciary_code, agency.name, agency.poc_email, agency.hod_email
    )


def agencies_with_contact(session: Session, address: str) -> list[Agency]:
    """The agencies whose registered PoC or head of department address is ``address``."""
    address = (address or "").strip().lower()
    if not address:
        return []
    query = select(Agency).where(
        or_(func.lower(Agency.poc_email) == address, func.lower(Agency.hod_email) == address)
    )
    return list(session.scalars(query.order_by(Agency.id).limit(50)))


def authority(session: Session, sender: str, agency_code: str | None) -> Agency | None:
    """The agency whose registered PoC or head of department address is ``sender``
    (:func:`mailbot.domain.roster.authority` over the agencies on file with it)."""
    found = {a.id: a for a in agencies_with_contact(session, sender)}
    chosen = roster.authority(sender, agency_code, map(agency_ref, found.values()))
    return found[chosen.id] if chosen is not None else None


def load(
    session: Session,
    index: Index,
    numbers: Iterable[str] = (),
    usernames: Iterable[str] = (),
    agency_ids: Iterable[int] = (),
) -> Index:
    """``index`` with every agency, plus the officers with these numbers or usernames,
    or of these agencies."""
    for a in session.execute(
        select(Agency.id, Agency.judiciary_code, Agency.name, Agency.poc_email, Agency.hod_email)
    ):
        index.agencies[a.id] = AgencyRef(*a)
    load_officers(session, index, numbers, usernames, agency_ids)
    return index


def load_officers(
    session: Session,
    index: RosterIndex,
    numbers: Iterable[str] = (),
    usernames: Iterable[str] = (),
    agency_ids: Iterable[int] = (),
) -> None:
    """Add the officers with these numbers or usernames, or of these agencies."""
    o = Officer.__table__.c  # Core columns: plain rows, no ORM loading
    columns = (
        o.id,
        o.officer_number,
        o.dps_username,
        o.agency_id,
        o.last_name,
        o.first_name,
        o.title,
        o.status,
    )
    number_set = {norm_number(n) for n in numbers} - {""}
    username_set = {norm_username(u) for u in usernames} - {""}
    agency_set = set(agency_ids)
    if len(number_set) + len(username_set) + len(agency_set) > _CHUNK:
        # A long queue mentions most of the roster: one pass over the officers is
        # much faster than dozens of long IN lists, and keeps the same officers.
        for r in session.execute(select(*columns)):
            if r[1] in number_set or (r[2] or "").lower() in username_set or r[3] in agency_set:
                index.add(OfficerRef(*r[:7], status=str(r[7])))
        index.full_agencies.update(agency_set)
        return
    wanted: list[tuple[Any, list[Any]]] = [
        (o.officer_number, sorted(number_set)),
        (func.lower(o.dps_username), sorted(username_set)),
        (o.agency_id, sorted(agency_set)),
    ]
    for column, values in wanted:
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            for r in session.execute(select(*columns).where(column.in_(chunk))):
                index.add(OfficerRef(*r[:7], status=str(r[7])))
    index.full_agencies.update(agency_set)


def for_changes(
    session: Session,
    change_lists: Sequence[Sequence[Mapping[str, Any]]],
    agency_ids: Sequence[int],
    index: Index,
) -> Index:
    """``index`` covering the officers several change requests name, and these agencies."""
    numbers: set[str] = set()
    usernames: set[str] = set()
    for changes in change_lists:
        for c in changes:
            if isinstance(c, Mapping):
                numbers.add(norm_number(c.get("officer_number")))
                usernames.add(norm_username(c.get("dps_username")))
    return load(session, index, numbers, usernames, agency_ids)
