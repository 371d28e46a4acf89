"""The roster as the desk's checks see it: agencies, officers, and who may change it.

Plain values loaded by the store (:mod:`mailbot.review.conflicts` fills a
:class:`RosterIndex` in a few queries); nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from mailbot.domain.values import is_blank

# The record references are named tuples: built by the thousand for the review queue,
# and cheaper than frozen dataclasses both to define and to build (and the listings
# import no dataclasses).


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

    def as_dict(self) -> dict[str, str | None]:
        return {
            "officer_number": self.officer_number,
            "last_name": self.last_name,
            "first_name": self.first_name,
            "title": self.title,
            "dps_username": self.dps_username,
            "status": self.status,
        }


def norm_number(value: object) -> str:
    if type(value) is str:  # the usual case, checked first: the queue calls this by the thousand
        return value.strip().upper()
    return "" if is_blank(value) else str(value).strip().upper()


def norm_username(value: object) -> str:
    if type(value) is str:
        return value.strip().lower()
    return "" if is_blank(value) else str(value).strip().lower()


class RosterIndex:
    """The agencies, and the officers a set of requests mentions, keyed for lookups.

    (A plain class, not a dataclass: the listings import no dataclasses. Nothing
    compares or prints an index.)
    """

    __slots__ = ("_by_code", "_by_contact", "agencies", "by_number", "by_username", "full_agencies")

    def __init__(
        self,
        agencies: dict[int, AgencyRef] | None = None,
        by_number: dict[str, OfficerRef] | None = None,
        by_username: dict[str, OfficerRef] | None = None,
        full_agencies: set[int] | None = None,
    ) -> None:
        self.agencies = {} if agencies is None else agencies
        self.by_number = {} if by_number is None else by_number
        self.by_username = {} if by_username is None else by_username
        # Agencies whose whole roster is loaded (not only the officers a request names).
        self.full_agencies = set() if full_agencies is None else full_agencies
        self._by_code: dict[str, AgencyRef] = {}
        self._by_contact: tuple[int, dict[str, list[AgencyRef]]] = (-1, {})

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

    def add(self, officer: OfficerRef) -> None:
        self.by_number[officer.officer_number.upper()] = officer
        self.by_username[officer.dps_username.lower()] = officer

    def officer(self, number: object) -> OfficerRef | None:
        return self.by_number.get(norm_number(number))

    def agency_of(self, officer: OfficerRef) -> AgencyRef | None:
        return self.agencies.get(officer.agency_id)

    def officers_of(self, agency_id: int) -> list[OfficerRef]:
        return [o for o in self.by_number.values() if o.agency_id == agency_id]

    def owner_label(self, officer: OfficerRef) -> str:
        agency = self.agency_of(officer)
        return agency.label if agency else f"agency #{officer.agency_id}"


def authority(
    sender: str, agency_code: str | None, candidates: Iterable[AgencyRef]
) -> AgencyRef | None:
    """The agency whose registered PoC or head of department address is ``sender``.

    ``candidates`` are the agencies on file with that address (the store finds them).
    With ``agency_code`` only that agency counts; without it the sender must be on
    file for exactly one agency. None means the sender may not change any roster.
    """
    address = (sender or "").strip().lower()
    if not address:
        return None
    found = [
        a
        for a in candidates
        if address in ((a.poc_email or "").lower(), (a.hod_email or "").lower())
        and (not (agency_code and agency_code.strip()) or a.judiciary_code == agency_code.strip())
    ]
    return found[0] if len(found) == 1 else None
