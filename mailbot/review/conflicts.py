"""Values in a request that already belong to existing records.

A judiciary code, officer number or DPS username that is already on file is a
conflict to show in the queue and a reason to refuse approval, never an overwrite.
Lookups are batched: :class:`RosterIndex` loads, in a few queries, exactly the
records a set of requests mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from mailbot.domain import roster
from mailbot.domain.roster import AgencyRef as AgencyRef
from mailbot.domain.roster import OfficerRef as OfficerRef
from mailbot.domain.roster import norm_number, norm_username
from mailbot.domain.values import Json, is_blank
from mailbot.review.common import is_mapping, section_value
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

    __slots__ = ()

    @classmethod
    def load(
        cls,
        source: Session | Listing,
        numbers: Iterable[str] = (),
        usernames: Iterable[str] = (),
        agency_ids: Iterable[int] = (),
        *,
        normalized: bool = False,
    ) -> RosterIndex:
        """Every agency, plus the officers with these numbers or usernames, or of
        these agencies (a handful of queries, whatever the number of requests).
        ``normalized``: the numbers and usernames are sets as :func:`mentioned_in`
        gives them."""
        return roster_index.load(
            source, cls(), numbers, usernames, agency_ids, normalized=normalized
        )

    def load_officers(
        self,
        source: Session | Listing,
        numbers: Iterable[str] = (),
        usernames: Iterable[str] = (),
        agency_ids: Iterable[int] = (),
    ) -> None:
        """Add the officers with these numbers or usernames, or of these agencies."""
        roster_index.load_officers(source, self, numbers, usernames, agency_ids)


def officer_keys(data: Mapping[str, Json]) -> list[tuple[str, str]]:
    """Each row of a request's ``officers`` as its (officer number, DPS username),
    normalized; a blank one is ""."""
    return keys_of(data.get("officers"))


def keys_of(officers: object) -> list[tuple[str, str]]:
    """:func:`officer_keys` of a request whose ``officers`` is ``officers`` (as stored:
    a row that is not a mapping has no keys; anything but a list, no rows)."""
    if not isinstance(officers, list):
        return []
    keys = []
    for row in officers:
        if type(row) is dict or isinstance(row, Mapping):  # JSON gives dicts: checked first
            number, user = row.get("officer_number"), row.get("dps_username")
            if type(number) is str:  # the usual text normalized inline (by the thousand)
                normal = number.strip().upper()
                number = number if normal == number else normal  # the same text kept once
            else:
                number = norm_number(number)
            if type(user) is str:
                normal = user.strip().lower()
                user = user if normal == user else normal
            else:
                user = norm_username(user)
            keys.append((number, user))
        else:
            keys.append(("", ""))
    return keys


def mentioned(data: Mapping[str, Json]) -> tuple[set[str], set[str]]:
    """Officer numbers and usernames a request (enrolment or changes) mentions."""
    return mentioned_in([data], [officer_keys(data)])


def mentioned_in(
    requests: Iterable[Mapping[str, Json]], officers: Iterable[list[tuple[str, str]]]
) -> tuple[set[str], set[str]]:
    """Officer numbers and usernames several requests mention, given their
    :func:`officer_keys` (in the same order)."""
    return mentioned_by(officers, [data.get("changes") for data in requests])


def mentioned_by(
    officers: Iterable[list[tuple[str, str]]], changes: Iterable[object]
) -> tuple[set[str], set[str]]:
    """:func:`mentioned_in` given each request's :func:`officer_keys` and its
    ``changes`` as stored."""
    numbers: set[str] = set()
    usernames: set[str] = set()
    for keys in officers:
        for number, username in keys:
            numbers.add(number)
            usernames.add(username)
    for rows in changes:
        if rows and isinstance(rows, list):  # most requests change no roster
            for row in rows:
                if is_mapping(row):
                    numbers.add(norm_number(row.get("officer_number")))
                    usernames.add(norm_username(row.get("dps_username")))
    numbers.discard("")
    usernames.discard("")
    return numbers, usernames


def enrollment_conflicts(
    data: Mapping[str, Json],
    index: RosterIndex,
    officers: list[tuple[str, str]] | None = None,
) -> list[Conflict]:
    """What in an enrolment request is already taken: its judiciary code, an officer
    number or a DPS username on file, or a username given twice in the request
    (``officers``: :func:`officer_keys` of ``data``, when the caller has them)."""
    code = section_value(data, "agency", "judiciary_code")
    return conflicts_of(code, officer_keys(data) if officers is None else officers, index)


def conflicts_of(
    code: object, officers: list[tuple[str, str]], index: RosterIndex
) -> list[Conflict]:
    """:func:`enrollment_conflicts` of a request whose ``agency.judiciary_code`` is
    ``code`` and whose officers have these :func:`officer_keys`."""
    found: list[Conflict] = []
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
    by_number, by_username = index.by_number, index.by_username
    seen_users: dict[str, int] = {}
    for i, (number, user) in enumerate(officers):
        officer = by_number.get(number) if number else None
        if officer is not None:
            found.append(
                Conflict(
                    f"officers[{i}].officer_number",
                    number,
                    f"officer number already belongs to {officer.last_name}, "
                    f"{officer.first_name} of {index.owner_label(officer)}",
                )
            )
        if not user:
            continue
        holder = by_username.get(user)
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


def case_conflicts(session: Session, data: Mapping[str, Json]) -> list[Conflict]:
    """:func:`enrollment_conflicts` for one request, loading what it needs."""
    numbers, usernames = mentioned(data)
    return enrollment_conflicts(data, RosterIndex.load(session, numbers, usernames))
