"""The cases the review queue lists, read as rows of one shape from either source: the
listings' plain DB-API connection (:class:`mailbot.store.listing.Listing`, what
``mailbot queue`` reads with) or a Session. :mod:`mailbot.review.queue` sorts them and
builds the entries; nothing here writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeAlias, cast

from mailbot.domain.enums import CaseStatus
from mailbot.domain.values import Json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.store.listing import Listing

# What the review queue reads of a case's data, as paths of keys.
QUEUE_MEMBERS = (
    ("agency", "name"),
    ("agency", "judiciary_code"),
    ("officers",),
    ("changes",),
    ("missing",),
    ("invalid",),
)
# What queued_cases gives of each case, in this order: the columns, with the values of
# QUEUE_MEMBERS as one list.
QUEUE_COLUMNS = (
    "reference",
    "status",
    "kind",
    "sender",
    "agency_code",
    "flags",
    "created_at",
    "members",
    "id",
)
# A case as queued_cases gives it (QUEUE_COLUMNS; from the DB-API connection, a JSON
# array decoded, so a list of this shape): created_at is stored text (STORED_TIME), or
# a datetime when read through a Session; members None for a case without data.
QueuedRow: TypeAlias = tuple[
    str | None,
    str,
    str,
    str | None,
    str | None,
    "list[str] | None",
    "str | datetime",
    "list[Json] | None",
    int,
]
# A stored time as SQLAlchemy writes it on SQLite (naive UTC), and as the queue's query
# reads it on PostgreSQL (to_char's pattern): "YYYY-MM-DD HH:MM:SS.ffffff".
STORED_TIME = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{6}")
_STORED_TIME_PG = "YYYY-MM-DD HH24:MI:SS.US"
# SQLite's page cache (KiB) while the queue reads every case once (the default is 2 MiB).
_SMALL_CACHE_KIB = 256


def iso_utc(value: str | datetime) -> str:
    """A stored time as :meth:`datetime.isoformat` writes it in UTC
    (``2026-01-05T08:00:00+00:00``). Naive times are UTC; text in the stored form is
    rewritten without parsing it (the review queue reads thousands)."""
    if isinstance(value, str):
        if len(value) == 26 and STORED_TIME.fullmatch(value):
            fraction = "" if value.endswith(".000000") else value[19:]
            return f"{value[:10]}T{value[11:19]}{fraction}+00:00"
        value = datetime.fromisoformat(value)
    utc = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return utc.isoformat()


def queued_cases(source: Session | Listing) -> Iterator[QueuedRow]:
    """Cases in review, and cases waiting for information that carry flags, in no
    particular order (:func:`mailbot.review.queue.queue_items` sorts them by
    ``created_at``, then ``id``): each as the values of :data:`QUEUE_COLUMNS`, and of
    the request only what the queue reads (:data:`QUEUE_MEMBERS`, a list; None
    without data)."""
    from mailbot.store.listing import Listing

    return _listed(source) if isinstance(source, Listing) else _through_session(source)


def _listed(listing: Listing) -> Iterator[QueuedRow]:
    """:func:`queued_cases` on the DB-API connection, ``created_at`` as SQLite keeps it
    (naive UTC text, :data:`STORED_TIME`): the rest of a request (contacts, officers'
    names...) stays in the database.

    Each row comes from the database as one JSON text, and a hundred are decoded
    in one call (decoding thousands of small texts one by one costs several times
    more), as they come: the process never holds them all at once. So that it stays
    small, SQLite keeps a small page cache for this one pass over the cases and sorts
    nothing (its sorter would hold every row)."""
    if listing.backend == "sqlite":
        # json_extract of several paths gives their JSON as it is stored (one path
        # would give SQL values: true as 1, a float rounded).
        paths = ", ".join(f"'$.{'.'.join(m)}'" for m in QUEUE_MEMBERS)
        row = (
            "json_array(reference, status, kind, sender, agency_code, json(flags), "
            f"created_at, json_extract(data, {paths}), id)"
        )
        listing.rows(f"PRAGMA cache_size = -{_SMALL_CACHE_KIB}")
    else:
        members = ", ".join("data" + "".join(f" -> '{k}'" for k in m) for m in QUEUE_MEMBERS)
        created = f"to_char(created_at AT TIME ZONE 'UTC', '{_STORED_TIME_PG}')"
        row = (
            "CAST(json_build_array(reference, status, kind, sender, agency_code, flags, "
            f"{created}, json_build_array({members}), id) AS TEXT)"
        )
    query = (
        f"SELECT {row} FROM cases "
        "WHERE status = ? OR (status = ? AND CAST(flags AS VARCHAR) != '[]')"
    )
    loads = json.loads
    for batch in listing.batches(query, (CaseStatus.IN_REVIEW.value, CaseStatus.NEEDS_INFO.value)):
        texts = cast("Sequence[tuple[str]]", batch)  # one JSON text a row
        yield from cast("list[QueuedRow]", loads(f"[{','.join([r[0] for r in texts])}]"))


def _through_session(session: Session) -> Iterator[QueuedRow]:
    """:func:`queued_cases` through a Session (``created_at`` a datetime)."""
    from sqlalchemy import String, and_, or_, select
    from sqlalchemy import cast as sql_cast

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
            and_(cases.c.status == CaseStatus.NEEDS_INFO, sql_cast(cases.c.flags, String) != "[]"),
        )
    )
    for ref, status, kind, sender, code, flags, created, data, case_id in session.execute(query):
        members = _members(data or {})
        yield (ref, str(status), str(kind), sender, code, flags, created, members, case_id)


def _members(data: Mapping[str, Json]) -> list[Json]:
    """What :func:`_listed` reads of a request (:data:`QUEUE_MEMBERS`), from the whole
    of it."""
    agency = data.get("agency")
    name, code = (
        (agency.get("name"), agency.get("judiciary_code"))
        if type(agency) is dict or isinstance(agency, Mapping)
        else (None, None)
    )
    return [name, code, *(data.get(k) for k in ("officers", "changes", "missing", "invalid"))]
