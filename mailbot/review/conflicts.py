"""Values in a request that already belong to existing records.

A judiciary code, officer number or DPS username that is already on file is a
conflict to show in the queue and a reason to refuse approval, never an overwrite.
Lookups are batched: :class:`RosterIndex` loads, in a few queries, exactly the
records a set of requests mentions, from a Session or from the listings' plain
connection (:class:`mailbot.store.listing.Listing`, which ``mailbot queue`` uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from mailbot.cases import is_blank
from mailbot.review.common import row_views, section_value

if TYPE_CHECKING:  # the listings import this module without SQLAlchemy
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing

_CHUNK = 500

# The record references below are named tuples: built by the thousand for the queue,
# and cheaper than frozen dataclasses both to define and to build.


class AgencyRef(NamedTuple):
    id: int
    judiciary_code: str
    name: str
    poc_email: str | None
    hod_email: str | None

    @property
    def label(self) -> str:
        return f"{self.judiciary_code} {self.name}"


class OfficerRef(NamedTuple):
    id: int
    officer_number: str
    dps_username: str
    agency_id: int
    last_name: str
    first_name: str
    title: str | None
    status: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "officer_number": self.officer_number,
            "last_name": self.last_name,
            "first_name": self.first_name,
            "title": self.title,
            "dps_username": self.dps_username,
            "status": self.status,
        }


class Conflict(NamedTuple):
    """One value of a request that is already taken."""

    path: str
    value: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "value": self.value, "detail": self.detail}


def norm_number(value: Any) -> str:
    return "" if value is None else str(value).strip().upper()  # blank text gives ""


def norm_username(value: Any) -> str:
    return "" if value is None else str(value).strip().lower()


@dataclass
class RosterIndex:
    """The agencies, and the officers a set of requests mentions, keyed for lookups."""

    agencies: dict[int, AgencyRef] = field(default_factory=dict)
    by_number: dict[str, OfficerRef] = field(default_factory=dict)
    by_username: dict[str, OfficerRef] = field(default_factory=dict)
    # Agencies whose whole roster is loaded (not only the officers a request names).
    full_agencies: set[int] = field(default_factory=set)
    _by_code: dict[str, AgencyRef] = field(default_factory=dict, repr=False)
    _by_contact: tuple[int, dict[str, list[AgencyRef]]] = field(default=(-1, {}), repr=False)

    @property
    def by_code(self) -> dict[str, AgencyRef]:
        if len(self._by_code) != len(self.agencies):
            self._by_code = {a.judiciary_code: a for a in self.agencies.values()}
        return self._by_code

    def by_contact(self, address: str) -> list[AgencyRef]:
        """The agencies whose PoC or head of department address is ``address`` (any
        letter case)."""
        if self._by_contact[0] != len(self.agencies):
            found: dict[str, list[AgencyRef]] = {}
            for a in self.agencies.values():
                for known in {(a.poc_email or "").lower(), (a.hod_email or "").lower()} - {""}:
                    found.setdefault(known, []).append(a)
            self._by_contact = (len(self.agencies), found)
        return self._by_contact[1].get(address.lower(), []) if address else []

    @classmethod
    def load(
        cls,
        source: Session | Listing,
        numbers: Iterable[str] = (),
        usernames: Iterable[str] = (),
        agency_ids: Iterable[int] = (),
    ) -> RosterIndex:
        """Every agency, plus the officers with these numbers or usernames, or of
        these agencies (a handful of queries, whatever the number of requests)."""
        index = cls()
        for a in roster_reader(source).agency_refs():
            index.agencies[a[0]] = AgencyRef(*a)
        index.load_officers(source, numbers, usernames, agency_ids)
        return index

    def load_officers(
        self,
        source: Session | Listing,
        numbers: Iterable[str] = (),
        usernames: Iterable[str] = (),
        agency_ids: Iterable[int] = (),
    ) -> None:
        """Add the officers with these numbers or usernames, or of these agencies."""
        reader = roster_reader(source)
        number_set = {norm_number(n) for n in numbers} - {""}
        username_set = {norm_username(u) for u in usernames} - {""}
        agency_set = set(agency_ids)
        if len(number_set) + len(username_set) + len(agency_set) > _CHUNK:
            # A long queue mentions most of the roster: one pass over the officers is
            # much faster than dozens of long IN lists, and keeps the same officers.
            for r in reader.officer_refs():
                if r[1] in number_set or (r[2] or "").lower() in username_set or r[3] in agency_set:
                    self.add(_officer_ref(r))
            self.full_agencies.update(agency_set)
            return
        wanted: list[tuple[str, list[Any]]] = [
            ("officer_number", sorted(number_set)),
            ("username", sorted(username_set)),
            ("agency_id", sorted(agency_set)),
        ]
        for key, values in wanted:
            for start in range(0, len(values), _CHUNK):
                for r in reader.officer_refs(key, values[start : start + _CHUNK]):
                    self.add(_officer_ref(r))
        self.full_agencies.update(agency_ids)

    def add(self, officer: OfficerRef) -> None:
        self.by_number[officer.officer_number.upper()] = officer
        self.by_username[officer.dps_username.lower()] = officer

    def officer(self, number: Any) -> OfficerRef | None:
        return self.by_number.get(norm_number(number))

    def agency_of(self, officer: OfficerRef) -> AgencyRef | None:
        return self.agencies.get(officer.agency_id)

    def officers_of(self, agency_id: int) -> list[OfficerRef]:
        return [o for o in self.by_number.values() if o.agency_id == agency_id]

    def owner_label(self, officer: OfficerRef) -> str:
        agency = self.agency_of(officer)
        return agency.label if agency else f"agency #{officer.agency_id}"


def _officer_ref(row: Any) -> OfficerRef:
    """An :class:`OfficerRef` from a row of ``OFFICER_REF_COLUMNS``."""
    return OfficerRef(row[0], row[1], row[2], row[3], row[4], row[5], row[6], str(row[7]))


def roster_reader(source: Session | Listing) -> Listing | SessionRoster:
    """What :class:`RosterIndex` reads agencies and officers from."""
    from mailbot.store.listing import Listing

    return source if isinstance(source, Listing) else SessionRoster(source)


class SessionRoster:
    """:meth:`~mailbot.store.listing.Listing.agency_refs` and
    :meth:`~mailbot.store.listing.Listing.officer_refs` through a Session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def agency_refs(self) -> list[Any]:
        from sqlalchemy import select

        from mailbot.store.models import Agency

        columns = (Agency.id, Agency.judiciary_code, Agency.name, Agency.poc_email)
        return list(self.session.execute(select(*columns, Agency.hod_email)))

    def officer_refs(self, key: str | None = None, values: Iterable[Any] = ()) -> list[Any]:
        from sqlalchemy import func, select

        from mailbot.store.listing import OFFICER_REF_COLUMNS
        from mailbot.store.models import Officer

        o = Officer.__table__.c  # Core columns: plain rows, no ORM loading
        query = select(*(o[name] for name in OFFICER_REF_COLUMNS))
        if key is not None:
            column = {
                "officer_number": o.officer_number,
                "username": func.lower(o.dps_username),
                "agency_id": o.agency_id,
            }[key]
            query = query.where(column.in_(list(values)))
        return list(self.session.execute(query))


def mentioned(data: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """Officer numbers and usernames a request (enrolment or changes) mentions."""
    numbers: set[str] = set()
    usernames: set[str] = set()
    for row in [*row_views(data, "officers"), *row_views(data, "changes")]:
        if n := norm_number(row.get("officer_number")):
            numbers.add(n)
        if u := norm_username(row.get("dps_username")):
            usernames.add(u)
    return numbers, usernames


def enrollment_conflicts(data: Mapping[str, Any], index: RosterIndex) -> list[Conflict]:
    """What in an enrolment request is already taken: its judiciary code, an officer
    number or a DPS username on file, or a username given twice in the request."""
    found: list[Conflict] = []
    code = section_value(data, "agency", "judiciary_code")
    if not is_blank(code):
        agency = index.by_code.get(str(code).strip())
        if agency is not None:
            found.append(
                Conflict(
                    "agency.judiciary_code",
                    str(code).strip(),
                    f"judiciary code already belongs to {agency.label}",
                )
            )
    seen_users: dict[str, int] = {}
    for i, row in enumerate(row_views(data, "officers")):
        number = norm_number(row.get("officer_number"))
        officer = index.by_number.get(number) if number else None
        if officer is not None:
            found.append(
                Conflict(
                    f"officers[{i}].officer_number",
                    number,
                    f"officer number already belongs to {officer.last_name}, "
                    f"{officer.first_name} of {index.owner_label(officer)}",
                )
            )
        user = norm_username(row.get("dps_username"))
        if not user:
            continue
        holder = index.by_username.get(user)
        if holder is not None:
            found.append(
                Conflict(
                    f"officers[{i}].dps_username",
                    user,
                    f"DPS username already used by officer {holder.officer_number} "
                    f"of {index.owner_label(holder)}",
                )
            )
        if user in seen_users:
            found.append(
                Conflict(
                    f"officers[{i}].dps_username",
                    user,
                    f"DPS username repeats officers[{seen_users[user]}]",
                )
            )
        seen_users.setdefault(user, i)
    return found


def case_conflicts(session: Session, data: Mapping[str, Any]) -> list[Conflict]:
    """:func:`enrollment_conflicts` for one request, loading what it needs."""
    numbers, usernames = mentioned(data)
    return enrollment_conflicts(data, RosterIndex.load(session, numbers, usernames))
