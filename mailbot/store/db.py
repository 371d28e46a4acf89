"""Engines, the one transaction context manager, and schema migrations.

Everything that touches the database goes through :func:`transaction`; SQLAlchemy
errors are translated here into :class:`~mailbot.errors.StoreError` one-liners.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, exc, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.orm import Session

from mailbot.errors import DatabaseStalled, StoreError
from mailbot.store.urls import (
    CONNECT_TIMEOUT_SECONDS,
    SQLITE_BUSY_TIMEOUT_MS,
    postgres_connect_args,
)

if TYPE_CHECKING:
    import sqlite3

    from alembic.config import Config

    from mailbot.config import DatabaseSettings


def _parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except (exc.ArgumentError, ValueError):
        raise StoreError(
            f"[database] url {url!r} is not a database URL "
            "(e.g. sqlite:///mailbot.db or postgresql+psycopg://user@host/mailbot)"
        ) from None


def safe_url(url: str | URL) -> str:
    """The URL with any password masked, for messages and logs."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except (exc.ArgumentError, ValueError):
        return "(invalid url)"
    return parsed.render_as_string(hide_password=True)


def _sqlite_setup(engine: Engine, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL; take
    # it over. BEGIN IMMEDIATE takes the write lock up front, so two bot instances
    # queue on busy_timeout instead of failing on a lock upgrade.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(
    url: str,
    *,
    statement_timeout: float | None = None,
    connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
) -> Engine:
    """An engine for ``url`` (SQLite or PostgreSQL), configured for durability.

    SQLite: WAL, ``synchronous=FULL``, foreign keys on, a busy timeout (the
    ``statement_timeout`` when given), and the parent folder of the file created.
    PostgreSQL: ``connect_timeout``, TCP keepalives and a TCP user timeout of the same
    length (a server that stops answering is noticed), and a server-side
    ``statement_timeout`` (seconds; 0 or None for none) so a stalled database raises
    instead of hanging the bot. Raises :class:`StoreError` for a bad URL or a missing
    driver. Does not connect: an unreachable server is reported by the first
    :func:`transaction`.
    """
    parsed = _parse_url(url)
    backend = parsed.get_backend_name()
    kwargs: dict[str, bool | dict[str, str | int]] = {}
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            try:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(
                    f"cannot create the folder for SQLite database {database}: {e.strerror or e}"
                ) from None
    elif backend == "postgresql":
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = postgres_connect_args(connect_timeout, statement_timeout)
    try:
        engine = create_engine(parsed, **kwargs)
    except exc.NoSuchModuleError:
        raise StoreError(
            f"[database] url {safe_url(parsed)!r}: unknown database kind {parsed.drivername!r}; "
            "use sqlite:/// or postgresql+psycopg://"
        ) from None
    except ModuleNotFoundError as e:
        if backend == "postgresql":
            raise StoreError("PostgreSQL driver missing: pip install 'mailbot[postgres]'") from None
        raise StoreError(f"database driver missing: {e.name}") from None
    if backend == "sqlite":
        busy = round(statement_timeout * 1000) if statement_timeout else SQLITE_BUSY_TIMEOUT_MS
        _sqlite_setup(engine, busy)
    return engine


def engine_for(settings: DatabaseSettings) -> Engine:
    """:func:`make_engine` with the ``[database]`` settings (``DatabaseSettings``)."""
    return make_engine(
        settings.url,
        statement_timeout=settings.statement_timeout_seconds,
        connect_timeout=settings.connect_timeout_seconds,
    )


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def translate(error: exc.SQLAlchemyError, engine: Engine) -> StoreError:
    """A one-line :class:`StoreError` for a SQLAlchemy failure (never the password)."""
    where = safe_url(engine.url)
    if _is_stall(error):
        return DatabaseStalled(
            f"the database at {where} did not answer in time ({_first_line(error)}); "
            "the work is retried"
        )
    if isinstance(error, exc.IntegrityError):
        return StoreError(f"the database refused the change: {_first_line(error)}")
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        return StoreError(f"cannot use the database at {where}: {_first_line(error)}")
    return StoreError(f"database error at {where}: {_first_line(error)}")


def _is_stall(error: exc.SQLAlchemyError) -> bool:
    """A statement cancelled by statement_timeout (SQLSTATE 57014), or a connection
    the kernel dropped because the server stopped answering."""
    orig = getattr(error, "orig", None)
    if getattr(orig, "sqlstate", None) == "57014":
        return True
    text = str(orig or error).lower()
    return "timed out" in text or "timeout expired" in text


@contextlib.contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """The one place transactions live: a Session that commits, or rolls back on error.

    Objects stay usable after the commit (``expire_on_commit=False``). SQLAlchemy
    errors come out as :class:`StoreError`; other exceptions (including
    :class:`~mailbot.errors.MailbotError` subclasses) pass through unchanged after
    the rollback.
    """
    session = Session(engine, expire_on_commit=False)
    try:
        with session.begin():
            yield session
    except exc.SQLAlchemyError as e:
        raise _reported(translate(e, engine)) from e
    finally:
        session.close()


def _reported(error: StoreError) -> StoreError:
    """``error``, logged first when the database stalled (the work is retried)."""
    if isinstance(error, DatabaseStalled):
        import structlog

        structlog.get_logger().error("database_stalled", error=str(error))
    return error


def driver_failure(error: Exception, engine: Engine) -> StoreError:
    """The :class:`StoreError` :func:`transaction` gives for ``error``, an exception the
    DB-API driver raised itself (the read-only listings of :mod:`mailbot.store.listing`
    use the driver directly)."""
    if not isinstance(error, exc.SQLAlchemyError):
        error = exc.DBAPIError.instance(None, None, error, engine.dialect.loaded_dbapi.Error)
    return _reported(translate(error, engine))


# --- schema -----------------------------------------------------------------------


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    from mailbot.resources import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise StoreError("no database migrations found")
    return head


def _revision_of(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def current_revision_of(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    try:
        with engine.connect() as connection:
            return _revision_of(connection)
    except exc.SQLAlchemyError as e:
        raise translate(e, engine) from e


def current_revision(url: str) -> str | None:
    """The revision the database at ``url`` is at, or None for an empty database."""
    engine = make_engine(url)
    try:
        return current_revision_of(engine)
    finally:
        engine.dispose()


def upgrade_engine(engine: Engine) -> tuple[str | None, str]:
    """Run every pending migration; returns (revision before, revision after)."""
    from alembic import command

    try:
        with engine.begin() as connection:
            before = _revision_of(connection)
            command.upgrade(_alembic_config(connection), "head")
            after = _revision_of(connection)
    except exc.SQLAlchemyError as e:
        raise translate(e, engine) from e
    # Imported here: read-only commands open the store and never log (structlog's
    # import costs more than their query).
    import structlog

    structlog.get_logger().info("db_upgraded", before=before, after=after, url=safe_url(engine.url))
    return before, after or head_revision()


def upgrade(url: str) -> tuple[str | None, str]:
    """``alembic upgrade head`` on the database at ``url``; returns (before, after)."""
    engine = make_engine(url)
    try:
        return upgrade_engine(engine)
    finally:
        engine.dispose()


def check_schema(engine: Engine) -> None:
    """Refuse to work on a database whose schema is not the one this code expects.

    Raises :class:`~mailbot.errors.SchemaOutOfDate` when behind (or empty), and
    :class:`StoreError` when the database is newer than this code.
    """
    from alembic.script import ScriptDirectory

    from mailbot.errors import SchemaOutOfDate

    at = current_revision_of(engine)
    need = head_revision()
    if at == need:
        return
    script = ScriptDirectory.from_config(_alembic_config())
    known = at is None or any(rev.revision == at for rev in script.walk_revisions())
    if not known:
        raise StoreError(
            f"database schema {at} is newer than this mailbot (knows {need}): upgrade mailbot"
        )
    raise SchemaOutOfDate(
        f"database schema is out of date (at {at or 'empty'}, need {need}): "
        "run `mailbot db upgrade`"
    )


def open_engine(url: str) -> Engine:
    """An engine on a database whose schema is current: what every command that
    reads or writes cases should use. Raises :class:`~mailbot.errors.SchemaOutOfDate`
    with the command to run, or :class:`StoreError`."""
    engine = make_engine(url)
    try:
        check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def table_names(engine: Engine) -> list[str]:
    """The tables present in the database (for diagnostics and tests)."""
    try:
        return sorted(inspect(engine).get_table_names())
    except exc.SQLAlchemyError as e:
        raise translate(e, engine) from e
