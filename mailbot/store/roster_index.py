"""Loading the roster the desk's checks need (:class:`mailbot.domain.roster.RosterIndex`)
in a handful of queries, whatever the number of requests.

Every function reads through a Session or the listings' DB-API connection
(:class:`mailbot.store.listing.Listing`), and never writes; SQLAlchemy is imported only
when a Session is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

from mailbot.domain import roster
from mailbot.domain.roster import AgencyRef, OfficerRef, RosterIndex, norm_number, norm_username
from mailbot.domain.values import Json

if TYPE_CHECKING:  # the listings load the roster without SQLAlchemy
    from sqlalchemy.orm import Session

    from mailbot.store.listing import AgencyRefRow, Listing, OfficerKeyRow, OfficerRefRow
    from mailbot.store.models import Agency

_CHUNK = 500

Index = TypeVar("Index", bound=RosterIndex)


def agency_ref(agency: Agency) -> AgencyRef:
    return AgencyRef(
        agency.id, agency.judiciary_code, agency.name, agency.poc_email, agency.hod_email
    )


def agencies_with_contact(session: Session, address: str) -> list[Agency]:
    """The agencies whose registered PoC or head of department address is ``address``."""
    from sqlalchemy import func, or_, select

    from mailbot.store.models import Agency

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


class SessionRoster:
    """:meth:`~mailbot.store.listing.Listing.agency_refs`,
    :meth:`~mailbot.store.listing.Listing.officer_refs` and
    :meth:`~mailbot.store.listing.Listing.officer_key_batches` through a Session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def agency_refs(self) -> list[AgencyRefRow]:
        from sqlalchemy import select

        from mailbot.store.models import Agency

        columns = (Agency.id, Agency.judiciary_code, Agency.name, Agency.poc_email)
        query = select(*columns, Agency.hod_email)
        return [cast("AgencyRefRow", tuple(r)) for r in self.session.execute(query)]

    def officer_refs(
        self, key: str | None = None, values: Iterable[str | int] = ()
    ) -> list[OfficerRefRow]:
        from sqlalchemy import func, select

        from mailbot.store.listing import OFFICER_REF_COLUMNS
        from mailbot.store.models import Officer

        o = Officer.__table__.c  # Core columns: plain rows, no ORM loading
        query = select(*(o[name] for name in OFFICER_REF_COLUMNS))
        if key is not None:
            column = {
                "id": o.id,
                "officer_number": o.officer_number,
                "username": func.lower(o.dps_username),
                "agency_id": o.agency_id,
            }[key]
            query = query.where(column.in_(list(values)))
        # Core columns are untyped to mypy: the row is OFFICER_REF_COLUMNS' types.
        return [cast("OfficerRefRow", tuple(r)) for r in self.session.execute(query)]

    def officer_key_batches(self) -> Iterator[Sequence[OfficerKeyRow]]:
        from sqlalchemy import select

        from mailbot.store.listing import OFFICER_REF_COLUMNS
        from mailbot.store.models import Officer

        o = Officer.__table__.c
        query = select(*(o[name] for name in OFFICER_REF_COLUMNS[:4]))
        for batch in self.session.execute(query).partitions(100):
            yield cast("Sequence[OfficerKeyRow]", batch)


def roster_reader(source: Session | Listing) -> Listing | SessionRoster:
    """What a :class:`RosterIndex` is loaded from: the listings' DB-API connection, or
    a Session."""
    from mailbot.store.listing import Listing

    return source if isinstance(source, Listing) else SessionRoster(source)


def _officer_ref(row: OfficerRefRow) -> OfficerRef:
    """An :class:`OfficerRef` from a row of ``OFFICER_REF_COLUMNS``."""
    return OfficerRef(row[0], row[1], row[2], row[3], row[4], row[5], row[6], str(row[7]))


def load(
    source: Session | Listing,
    index: Index,
    numbers: Iterable[str] = (),
    usernames: Iterable[str] = (),
    agency_ids: Iterable[int] = (),
    *,
    normalized: bool = False,
) -> Index:
    """``index`` with every agency, plus the officers with these numbers or usernames,
    or of these agencies (``normalized``: see :func:`load_officers`)."""
    for a in roster_reader(source).agency_refs():
        index.agencies[a[0]] = AgencyRef(*a)
    load_officers(source, index, numbers, usernames, agency_ids, normalized=normalized)
    return index


def load_officers(
    source: Session | Listing,
    index: RosterIndex,
    numbers: Iterable[str] = (),
    usernames: Iterable[str] = (),
    agency_ids: Iterable[int] = (),
    *,
    normalized: bool = False,
) -> None:
    """Add the officers with these numbers or usernames, or of these agencies.
    ``normalized``: the numbers and usernames are sets already normalized, without ""
    (as :func:`mailbot.review.conflicts.mentioned_in` gives them), used as they are."""
    reader = roster_reader(source)
    number_set = (
        numbers if normalized and isinstance(numbers, set) else _norm_set(numbers, norm_number)
    )
    username_set = (
        usernames
        if normalized and isinstance(usernames, set)
        else _norm_set(usernames, norm_username)
    )
    agency_set = set(agency_ids)
    if len(number_set) + len(username_set) + len(agency_set) > _CHUNK:
        # A long queue mentions most of the roster: one pass over the officers' keys is
        # much faster than dozens of long IN lists, and keeps the same officers; then
        # the whole rows of those found, added in the order of that pass.
        ids = [
            r[0]
            for batch in reader.officer_key_batches()
            for r in batch
            if r[1] in number_set or (r[2] or "").lower() in username_set or r[3] in agency_set
        ]
        found: dict[int, OfficerRefRow] = {}
        for start in range(0, len(ids), _CHUNK):
            found.update((r[0], r) for r in reader.officer_refs("id", ids[start : start + _CHUNK]))
        for officer_id in ids:
            index.add(_officer_ref(found[officer_id]))
        index.full_agencies.update(agency_set)
        return
    wanted: list[tuple[str, list[str] | list[int]]] = [
        ("officer_number", sorted(number_set)),
        ("username", sorted(username_set)),
        ("agency_id", sorted(agency_set)),
    ]
    for key, values in wanted:
        for start in range(0, len(values), _CHUNK):
            for r in reader.officer_refs(key, values[start : start + _CHUNK]):
                index.add(_officer_ref(r))
    index.full_agencies.update(agency_set)


def _norm_set(values: Iterable[object], norm: Callable[[object], str]) -> set[str]:
    found = {norm(v) for v in values}
    found.discard("")
    return found


def for_changes(
    session: Session,
    change_lists: Sequence[Sequence[Mapping[str, Json]]],
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
