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
The review queue's cases are read on this connection by :mod:`mailbot.store.queued`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, TypeAlias, cast

from mailbot.domain.enums import OfficerStatus
from mailbot.domain.values import Json
from mailbot.errors import CaseError
from mailbot.store.urls import (
    SQLITE_BUSY_TIMEOUT_MS,
    DatabaseURL,
    parse_url,
    postgres_connect_args,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# What a DB-API driver hands back in a cell: text, numbers, bytes, times (psycopg),
# decoded JSON (psycopg; SQLite keeps JSON and times as text).
Cell: TypeAlias = "Json | datetime | bytes"
# What the queries here pass as parameters.
Param: TypeAlias = "str | int"
Row: TypeAlias = tuple[Cell, ...]
# A record of the listings, as printed (JSON, tables, CSV).
Record: TypeAlias = dict[str, Cell]
# An agency of ``mailbot export``: AGENCY_COLUMNS and id, and its officers' records.
ExportRecord: TypeAlias = dict[str, "Cell | list[Record]"]


class Cursor(Protocol):
    """The part of a DB-API cursor the listings use."""

    def execute(self, query: str, params: tuple[Param, ...], /) -> object: ...

    def fetchall(self) -> Sequence[Row]: ...

    def fetchmany(self, size: int, /) -> Sequence[Row]: ...

    def close(self) -> None: ...


class Connection(Protocol):
    """The part of a DB-API connection the listings use (``sqlite3``, psycopg, or the
    driver connection of a SQLAlchemy engine)."""

    def cursor(self) -> Cursor: ...

    def close(self) -> None: ...


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
# Rows fetched and decoded at a time by the long reads (a larger batch makes the process
# larger: its text and objects no longer fit in memory freed by the one before).
_BATCH = 100

# (id, judiciary_code, name, poc_email, hod_email)
AgencyRefRow: TypeAlias = tuple[int, str, str, str | None, str | None]
# OFFICER_REF_COLUMNS, and the first four of them (what officers are looked up by)
OfficerRefRow: TypeAlias = tuple[int, str, str, int, str, str, str | None, str]
OfficerKeyRow: TypeAlias = tuple[int, str, str, int]


def no_such_agency(code: str) -> CaseError:
    return CaseError(f"no agency with judiciary code {code!r}; `mailbot agencies` lists them")


class Listing:
    """A DB-API connection in one read-only transaction, with the backend's conversions."""

    def __init__(self, connection: Connection, backend: str, paramstyle: str) -> None:
        self.connection = connection
        self.backend = backend
        self._marker = "?" if paramstyle == "qmark" else "%s"

    def rows(self, sql: str, params: Sequence[Param] = ()) -> list[Row]:
        """Run ``sql`` (placeholders written ``?``) and return every row."""
        cursor = self._run(sql, params)
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def batches(self, sql: str, params: Sequence[Param] = ()) -> Iterator[Sequence[Row]]:
        """Run ``sql`` and give its rows a hundred at a time: a long result is
        never held whole (read it to the end before the next query)."""
        cursor = self._run(sql, params)
        try:
            while batch := cursor.fetchmany(_BATCH):
                yield batch
        finally:
            cursor.close()

    def _run(self, sql: str, params: Sequence[Param]) -> Cursor:
        if self._marker != "?":
            sql = sql.replace("?", self._marker)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, tuple(params))
        except BaseException:
            cursor.close()
            raise
        return cursor

    def time(self, value: datetime | str) -> datetime:
        """A stored time as timezone-aware UTC (SQLite keeps naive UTC text)."""
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    # --- what RosterIndex reads (the queue's cases: mailbot.store.queued) -----------

    def agency_refs(self) -> list[AgencyRefRow]:
        """Every agency as (id, judiciary_code, name, poc_email, hod_email)."""
        return cast(
            "list[AgencyRefRow]",
            self.rows("SELECT id, judiciary_code, name, poc_email, hod_email FROM agencies"),
        )

    def officer_refs(
        self, key: str | None = None, values: Iterable[Param] = ()
    ) -> list[OfficerRefRow]:
        """Officers as :data:`OFFICER_REF_COLUMNS`: all of them, or those whose ``key``
        (one of :data:`OFFICER_KEYS`) is one of ``values``."""
        sql = f"SELECT {', '.join(OFFICER_REF_COLUMNS)} FROM officers"
        params = list(values)
        if key is not None:
            sql += f" WHERE {OFFICER_KEYS[key]} IN ({', '.join('?' * len(params))})"
        return cast("list[OfficerRefRow]", self.rows(sql, params))

    def officer_key_batches(self) -> Iterator[Sequence[OfficerKeyRow]]:
        """Every officer's keys (the first four :data:`OFFICER_REF_COLUMNS`), a hundred
        at a time."""
        sql = f"SELECT {', '.join(OFFICER_REF_COLUMNS[:4])} FROM officers"
        yield from cast("Iterator[Sequence[OfficerKeyRow]]", self.batches(sql))

    def check_agency(self, code: str | None) -> None:
        if code is not None and not self.rows(
            "SELECT id FROM agencies WHERE judiciary_code = ?", (code.strip(),)
        ):
            raise no_such_agency(code)


# --- the records listings ---------------------------------------------------------------


def list_agencies(listing: Listing) -> list[Record]:
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
        row["created_at"] = listing.time(cast("datetime | str", row["created_at"])).isoformat()
        row["has_logo"] = bool(row["has_logo"])
        out.append(row)
    return out


def list_officers(
    listing: Listing, agency_code: str | None = None, include_inactive: bool = True
) -> list[Record]:
    """Officer records with their agency's code and name, by agency then name."""
    listing.check_agency(agency_code)
    columns = ", ".join(f"o.{c}" for c in OFFICER_COLUMNS)
    sql = (
        f"SELECT {columns}, a.judiciary_code, a.name FROM officers AS o "
        "JOIN agencies AS a ON a.id = o.agency_id WHERE 1 = 1"
    )
    params: list[Param] = []
    if agency_code is not None:
        sql += " AND a.judiciary_code = ?"
        params.append(agency_code.strip())
    if not include_inactive:
        sql += " AND o.status = ?"
        params.append(OfficerStatus.ACTIVE.value)
    sql += " ORDER BY a.judiciary_code, o.last_name, o.first_name, o.id"
    names = (*OFFICER_COLUMNS, "agency_code", "agency_name")
    return [dict(zip(names, r, strict=True)) for r in listing.rows(sql, params)]


def export_records(listing: Listing, agency_code: str | None = None) -> list[ExportRecord]:
    """Approved agencies, each with ``officers`` (every status, so deactivations show)."""
    listing.check_agency(agency_code)
    sql = f"SELECT {', '.join(AGENCY_COLUMNS)}, id FROM agencies"
    params: list[Param] = []
    if agency_code is not None:
        sql += " WHERE judiciary_code = ?"
        params.append(agency_code.strip())
    agencies: dict[int, ExportRecord] = {}
    officers_of: dict[int, list[Record]] = {}
    names = (*AGENCY_COLUMNS, "id")  # the JSON export has always carried the id
    for r in listing.rows(sql + " ORDER BY judiciary_code", params):
        agency_id = cast(int, r[-1])
        officers: list[Record] = []
        officers_of[agency_id] = officers
        agencies[agency_id] = {**dict(zip(names, r, strict=True)), "officers": officers}
    if agencies:
        sql = f"SELECT agency_id, {', '.join(OFFICER_COLUMNS)} FROM officers"
        ids = list(agencies) if agency_code is not None else []
        if ids:
            sql += f" WHERE agency_id IN ({', '.join('?' * len(ids))})"
        for r in listing.rows(sql + " ORDER BY last_name, first_name", ids):
            owner = officers_of.get(cast(int, r[0]))  # agency_id
            if owner is not None:
                owner.append(dict(zip(OFFICER_COLUMNS, r[1:], strict=True)))
    return list(agencies.values())


# --- connecting -----------------------------------------------------------------------


@contextlib.contextmanager
def open_listing(url: str) -> Iterator[Listing]:
    """A :class:`Listing` on the database at ``url``, in one read-only transaction.

    A failure of the database comes out as the :class:`~mailbot.errors.StoreError`
    a Session would give, or as "run `mailbot db upgrade`" when the schema is behind.
    """
    parts = parse_url(url)
    engine: Engine | None = None
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
        from psycopg.conninfo import make_conninfo
    except ImportError:
        return None
    params: dict[str, str | int | None] = {
        "dbname": parts.database,
        "user": parts.username,
        "password": parts.password,
        "host": parts.host,
        "port": parts.port,
    }
    params = {k: v for k, v in params.items() if v}  # as SQLAlchemy: unset parts left out
    params.update(parts.query)
    params.update(postgres_connect_args())  # as make_engine's connect_args: these win
    # As psycopg.connect(**params) does: the options written as one connection string.
    server = psycopg.connect(make_conninfo("", **params))
    # One snapshot for every query of the listing, and nothing written by mistake.
    server.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    server.read_only = True
    return Listing(server, "postgresql", psycopg.paramstyle), (psycopg.Error,)


def _through_sqlalchemy(url: str) -> tuple[Engine, Listing, tuple[type[Exception], ...]]:
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


def _failure(url: str, error: Exception, engine: Engine | None) -> Exception:
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
