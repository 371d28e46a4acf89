"""Values in a request that already belong to existing records.

A judiciary code, officer number or DPS username that is already on file is a
conflict to show in the queue and a reason to refuse approval, never an overwrite.
Lookups are batched: :class:`RosterIndex` loads, in a few queries, exactly the
records a set of requests mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from mailbot.domain import roster
from mailbot.domain.roster import AgencyRef as AgencyRef
from mailbot.domain.roster import OfficerRef as OfficerRef
from mailbot.domain.roster import norm_number, norm_username
from mailbot.domain.values import is_blank
from mailbot.review.common import row_views, section_value
from mailbot.store import roster_index
from mailbot.store.roster_index import agency_ref as agency_ref

if TYPE_CHECKING:  # the listings import this module without SQLAlchemy
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing


class Conflict(NamedTuple):
    """One value of a request that is already taken."""

    path: str
    value: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "value": self.value, "detail": self.detail}


class RosterIndex(roster.RosterIndex):
    """A :class:`mailbot.domain.roster.RosterIndex` filled from the database
    (:mod:`mailbot.store.roster_index`)."""

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
        return roster_index.load(source, cls(), numbers, usernames, agency_ids)

    def load_officers(
        self,
        source: Session | Listing,
        numbers: Iterable[str] = (),
        usernames: Iterable[str] = (),
        agency_ids: Iterable[int] = (),
    ) -> None:
        """Add the officers with these numbers or usernames, or of these agencies."""
        roster_index.load_officers(source, self, numbers, usernames, agency_ids)


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
