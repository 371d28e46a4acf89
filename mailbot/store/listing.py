"""The read-only listings (``queue``, ``agencies``, ``officers``, ``export``) on a plain
DB-API connection.

Importing SQLAlchemy and building the ORM costs several times what these queries
do, so the listings talk to the driver (``sqlite3`` or psycopg) themselves, with the
same URL, timeouts and error messages as :mod:`mailbot.store.db`. A URL that
:func:`mailbot.store.urls.parse_url` does not take is opened through SQLAlchemy and
read with the same queries. Rows come back as SQLAlchemy returns them to the ORM
path (:mod:`mailbot.review.records`, :func:`mailbot.review.queue.review_queue` on a
Session): JSON decoded, times timezone-aware UTC, statuses as text;
``tests/integration/test_listing_paths.py`` compares the two paths on both backends.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from mailbot.domain.enums import CaseStatus, OfficerStatus
from mailbot.errors import CaseError
from mailbot.store.urls import (
    SQLITE_BUSY_TIMEOUT_MS,
    DatabaseURL,
    parse_url,
    postgres_connect_args,
)

AGENCY_COLUMNS = (
    "judiciary_code",
    "name",
    "address",
    "phone",
    "poc_name",
    "poc_email",
    "hod_name",
    "hod_title",
    "hod_email",
    "logo_filename",
    "logo_type",
    "logo_width",
    "logo_height",
    "logo_sha256",
)
OFFICER_COLUMNS = (
    "officer_number",
    "last_name",
    "first_name",
    "title",
    "dps_username",
    "status",
)
# What RosterIndex (mailbot.review.conflicts) keeps of an officer, in this order; the
# first four are what it looks officers up by.
OFFICER_REF_COLUMNS = (
    "id",
    "officer_number",
    "dps_username",
    "agency_id",
    "last_name",
    "first_name",
    "title",
    "status",
)
# The officers RosterIndex may look up by: column -> SQL expression.
OFFICER_KEYS = {
    "id": "id",
    "officer_number": "officer_number",
    "username": "lower(dps_username)",
    "agency_id": "agency_id",
}
# What the review queue reads of a case's data, as paths of keys.
QUEUE_MEMBERS = (
    ("agency", "name"),
    ("agency", "judiciary_code"),
    ("officers",),
    ("changes",),
    ("missing",),
    ("invalid",),
)
# What Listing.queued_cases gives of each case, in this order: the columns, with the
# values of QUEUE_MEMBERS as one list.
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
# A stored time as SQLAlchemy writes it on SQLite (naive UTC), and as the queue's query
# reads it on PostgreSQL (to_char's pattern): "YYYY-MM-DD HH:MM:SS.ffffff".
STORED_TIME = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{6}")
_STORED_TIME_PG = "YYYY-MM-DD HH24:MI:SS.US"
# Rows fetched and decoded at a time by the long reads (a larger batch makes the process
# larger: its text and objects no longer fit in memory freed by the one before).
_BATCH = 100
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


def no_such_agency(code: str) -> CaseError:
    return CaseError(f"no agency with judiciary code {code!r}; `mailbot agencies` lists them")


class Listing:
    """A DB-API connection in one read-only transaction, with the backend's conversions."""

    def __init__(self, connection: Any, backend: str, paramstyle: str) -> None:
        self.connection = connection
        self.backend = backend
        self._marker = "?" if paramstyle == "qmark" else "%s"

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run ``sql`` (placeholders written ``?``) and return every row."""
        cursor = self._run(sql, params)
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def batches(self, sql: str, params: Sequence[Any] = ()) -> Iterator[list[tuple[Any, ...]]]:
        """Run ``sql`` and give its rows a hundred at a time: a long result is
        never held whole (read it to the end before the next query)."""
        cursor = self._run(sql, params)
        try:
            while batch := cursor.fetchmany(_BATCH):
                yield batch
        finally:
            cursor.close()

    def _run(self, sql: str, params: Sequence[Any]) -> Any:
        if self._marker != "?":
            sql = sql.replace("?", self._marker)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, tuple(params))
        except BaseException:
            cursor.close()
            raise
        return cursor

    def time(self, value: Any) -> datetime:
        """A stored time as timezone-aware UTC (SQLite keeps naive UTC text)."""
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    # --- what the review queue and RosterIndex read -------------------------------

    def queued_cases(self) -> Iterator[list[Any]]:
        """Cases in review, and cases waiting for information that carry flags, in no
        particular order (:func:`mailbot.review.queue.queue_items` sorts them by
        ``created_at``, then ``id``): each as the values of :data:`QUEUE_COLUMNS`, with
        ``created_at`` as SQLite keeps it (naive UTC text, :data:`STORED_TIME`), and of
        the request only what the queue reads (:data:`QUEUE_MEMBERS`, a list; None
        without data): the rest (contacts, officers' names...) stays in the database.

        Each row comes from the database as one JSON text, and a hundred are decoded
        in one call (decoding thousands of small texts one by one costs several times
        more), as they come: the process never holds them all at once. So that it stays
        small, SQLite keeps a small page cache for this one pass over the cases and sorts
        nothing (its sorter would hold every row)."""
        if self.backend == "sqlite":
            # json_extract of several paths gives their JSON as it is stored (one path
            # would give SQL values: true as 1, a float rounded).
            paths = ", ".join(f"'$.{'.'.join(m)}'" for m in QUEUE_MEMBERS)
            row = (
                "json_array(reference, status, kind, sender, agency_code, json(flags), "
                f"created_at, json_extract(data, {paths}), id)"
            )
            self.rows(f"PRAGMA cache_size = -{_SMALL_CACHE_KIB}")
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
        for batch in self.batches(query, (CaseStatus.IN_REVIEW.value, CaseStatus.NEEDS_INFO.value)):
            yield from loads(f"[{','.join([r[0] for r in batch])}]")

    def agency_refs(self) -> list[Any]:
        """Every agency as (id, judiciary_code, name, poc_email, hod_email)."""
        return self.rows("SELECT id, judiciary_code, name, poc_email, hod_email FROM agencies")

    def officer_refs(
        self, key: str | None = None, values: Iterable[Any] = (), columns: int | None = None
    ) -> list[Any]:
        """Officers as :data:`OFFICER_REF_COLUMNS` (or their first ``columns``): all of
        them, or those whose ``key`` (one of :data:`OFFICER_KEYS`) is one of ``values``."""
        sql = f"SELECT {', '.join(OFFICER_REF_COLUMNS[:columns])} FROM officers"
        params = list(values)
        if key is not None:
            sql += f" WHERE {OFFICER_KEYS[key]} IN ({', '.join('?' * len(params))})"
        return self.rows(sql, params)

    def officer_batches(self, columns: int | None = None) -> Iterator[Sequence[Any]]:
        """Every officer, as :meth:`officer_refs` gives them, a hundred at a time."""
        yield from self.batches(f"SELECT {', '.join(OFFICER_REF_COLUMNS[:columns])} FROM officers")

    def check_agency(self, code: str | None) -> None:
        if code is not None and not self.rows(
            "SELECT id FROM agencies WHERE judiciary_code = ?", (code.strip(),)
        ):
            raise no_such_agency(code)


# --- the records listings ---------------------------------------------------------------


def list_agencies(listing: Listing) -> list[dict[str, Any]]:
    """Every agency record, by judiciary code, with its count of active officers."""
    columns = ", ".join(f"a.{c}" for c in AGENCY_COLUMNS)
    found = listing.rows(
        f"SELECT {columns}, a.logo_sha256 IS NOT NULL, a.created_at, coalesce(active.n, 0) "
        "FROM agencies AS a LEFT OUTER JOIN "
        "(SELECT agency_id, count(*) AS n FROM officers WHERE status = ? GROUP BY agency_id) "
        "AS active ON active.agency_id = a.id ORDER BY a.judiciary_code",
        (OfficerStatus.ACTIVE.value,),
    )
    names = (*AGENCY_COLUMNS, "has_logo", "created_at", "active_officers")
    out = []
    for r in found:
        row = dict(zip(names, r, strict=True))
        row["created_at"] = listing.time(row["created_at"]).isoformat()
        row["has_logo"] = bool(row["has_logo"])
        out.append(row)
    return out


def list_officers(
    listing: Listing, agency_code: str | None = None, include_inactive: bool = True
) -> list[dict[str, Any]]:
    """Officer records with their agency's code and name, by agency then name."""
    listing.check_agency(agency_code)
    columns = ", ".join(f"o.{c}" for c in OFFICER_COLUMNS)
    sql = (
        f"SELECT {columns}, a.judiciary_code, a.name FROM officers AS o "
        "JOIN agencies AS a ON a.id = o.agency_id WHERE 1 = 1"
    )
    params: list[Any] = []
    if agency_code is not None:
        sql += " AND a.judiciary_code = ?"
        params.append(agency_code.strip())
    if not include_inactive:
        sql += " AND o.status = ?"
        params.append(OfficerStatus.ACTIVE.value)
    sql += " ORDER BY a.judiciary_code, o.last_name, o.first_name, o.id"
    names = (*OFFICER_COLUMNS, "agency_code", "agency_name")
    return [dict(zip(names, r, strict=True)) for r in listing.rows(sql, params)]


def export_records(listing: Listing, agency_code: str | None = None) -> list[dict[str, Any]]:
    """Approved agencies, each with ``officers`` (every status, so deactivations show)."""
    listing.check_agency(agency_code)
    sql = f"SELECT {', '.join(AGENCY_COLUMNS)}, id FROM agencies"
    params: list[Any] = []
    if agency_code is not None:
        sql += " WHERE judiciary_code = ?"
        params.append(agency_code.strip())
    agencies: dict[int, dict[str, Any]] = {}
    names = (*AGENCY_COLUMNS, "id")  # the JSON export has always carried the id
    for r in listing.rows(sql + " ORDER BY judiciary_code", params):
        agencies[r[-1]] = {**dict(zip(names, r, strict=True)), "officers": []}
    if agencies:
        sql = f"SELECT agency_id, {', '.join(OFFICER_COLUMNS)} FROM officers"
        ids = list(agencies) if agency_code is not None else []
        if ids:
            sql += f" WHERE agency_id IN ({', '.join('?' * len(ids))})"
        for r in listing.rows(sql + " ORDER BY last_name, first_name", ids):
            owner = agencies.get(r[0])
            if owner is not None:
                owner["officers"].append(dict(zip(OFFICER_COLUMNS, r[1:], strict=True)))
    return list(agencies.values())


# --- connecting -----------------------------------------------------------------------


@contextlib.contextmanager
def open_listing(url: str) -> Iterator[Listing]:
    """A :class:`Listing` on the database at ``url``, in one read-only transaction.

    A failure of the database comes out as the :class:`~mailbot.errors.StoreError`
    a Session would give, or as "run `mailbot db upgrade`" when the schema is behind.
    """
    parts = parse_url(url)
    engine: Any = None
    try:
        opened = _connect(parts) if parts is not None else None
        if opened is None:
            engine, listing, errors = _through_sqlalchemy(url)
        else:
            listing, errors = opened
    except Exception as e:
        raise _failure(url, e, engine) from e
    try:
        try:
            _begin(listing)
            yield listing
        finally:
            listing.connection.close()
    except errors as e:
        raise _failure(url, e, engine) from e
    finally:
        if engine is not None:
            engine.dispose()


def _connect(parts: DatabaseURL) -> tuple[Listing, tuple[type[Exception], ...]] | None:
    """A driver connection; None when the driver is not installed (SQLAlchemy then
    names the package to install)."""
    if parts.backend == "sqlite":
        import sqlite3

        connection = sqlite3.connect(
            parts.database, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        return Listing(connection, "sqlite", sqlite3.paramstyle), (sqlite3.Error,)
    try:
        import psycopg
    except ImportError:
        return None
    params: dict[str, Any] = {
        "dbname": parts.database,
        "user": parts.username,
        "password": parts.password,
        "host": parts.host,
        "port": parts.port,
    }
    params = {k: v for k, v in params.items() if v}  # as SQLAlchemy: unset parts left out
    params.update(parts.query)
    params.update(postgres_connect_args())  # as make_engine's connect_args: these win
    server = psycopg.connect(**params)
    # One snapshot for every query of the listing, and nothing written by mistake.
    server.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    server.read_only = True
    return Listing(server, "postgresql", psycopg.paramstyle), (psycopg.Error,)


def _through_sqlalchemy(url: str) -> tuple[Any, Listing, tuple[type[Exception], ...]]:
    """The driver connection of a SQLAlchemy engine, for URLs only SQLAlchemy reads."""
    from mailbot.store import db

    engine = db.make_engine(url)
    try:
        raw = engine.raw_connection()
    except BaseException:
        engine.dispose()
        raise
    dbapi = engine.dialect.loaded_dbapi
    return engine, Listing(raw, engine.dialect.name, dbapi.paramstyle), (dbapi.Error,)


def _begin(listing: Listing) -> None:
    if listing.backend == "sqlite":
        # The driver leaves transactions to us (isolation_level None, as make_engine
        # sets it): one BEGIN gives every query of the listing the same snapshot.
        listing.rows("BEGIN")


def _failure(url: str, error: Exception, engine: Any) -> Exception:
    """What the Session path raises for ``error``: the translated :class:`StoreError`,
    or :class:`~mailbot.errors.SchemaOutOfDate` when the schema is behind."""
    from mailbot.errors import MailbotError
    from mailbot.store import db

    if isinstance(error, MailbotError):
        return error
    own = engine is None
    try:
        engine = engine or db.make_engine(url)
        failure = db.driver_failure(error, engine)
        db.check_schema(engine)  # raises "run `mailbot db upgrade`" when behind
        return failure
    except MailbotError as e:
        return e
    finally:
        if own and engine is not None:
            engine.dispose()
