"""``[database] url``, read without SQLAlchemy, for the read-only listings.

Importing SQLAlchemy (even only its URL class) costs more than a listing's query, so
:mod:`mailbot.store.listing` connects with the DB-API driver itself. This reader
accepts a URL only when it is certain SQLAlchemy would read it the same way and
connect with the same driver: a SQLite file (``sqlite:///path``, no query options)
or ``postgresql+psycopg://user:password@host:port/name?option=value``. For any other
URL it returns None and the caller uses SQLAlchemy, which gives its usual errors.

``tests/unit/test_listing_urls.py`` compares the result with SQLAlchemy's ``make_url``.
"""

from __future__ import annotations

from typing import NamedTuple

SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
POSTGRES_SCHEMES = ("postgresql+psycopg",)
# Characters that SQLAlchemy's URL grammar gives a meaning this reader does not follow
# (IPv6 brackets, a second '@' or ':') make it step aside.
_AMBIGUOUS = set("[]@")


class DatabaseURL(NamedTuple):
    """The parts of a database URL a DB-API driver needs."""

    backend: str  # "sqlite" or "postgresql"
    database: str
    username: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None
    query: tuple[tuple[str, str], ...] = ()  # (name, value) pairs, names unique

    def __repr__(self) -> str:  # never the password
        return f"DatabaseURL({self.backend!r}, {self.database!r}, host={self.host!r})"


def parse_url(url: str) -> DatabaseURL | None:
    """The parts of ``url``, or None when only SQLAlchemy may decide."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    if scheme in SQLITE_SCHEMES:
        return _sqlite(rest)
    if scheme in POSTGRES_SCHEMES:
        return _postgres(rest)
    return None


def _sqlite(rest: str) -> DatabaseURL | None:
    # sqlite:///relative.db and sqlite:////absolute.db; no host, no query options.
    if not rest.startswith("/") or "?" in rest:
        return None
    database = _unquote(rest[1:])
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return DatabaseURL("sqlite", database)


def _unquote(text: str) -> str:
    if "%" not in text:
        return text
    from urllib.parse import unquote  # (imported only when needed: it costs a few ms)

    return unquote(text)


def _postgres(rest: str) -> DatabaseURL | None:
    from urllib.parse import parse_qsl

    authority, slash, tail = rest.partition("/")
    if not slash or "@" in tail:  # SQLAlchemy may read user:password up to that '@'
        return None
    path, question, query_text = tail.partition("?")
    if not path or "/" in path:
        return None
    userinfo, at, hostport = authority.rpartition("@")
    if _AMBIGUOUS & set(hostport) or (at and _AMBIGUOUS & set(userinfo)):
        return None
    username = password = None
    if at:
        user_text, colon, password_text = userinfo.partition(":")
        if not user_text or "/" in user_text:
            return None
        username = _unquote(user_text)
        password = _unquote(password_text) if colon else None
    host_text, colon, port_text = hostport.partition(":")
    if ":" in port_text or "?" in hostport:
        return None
    port: int | None = None
    if colon:
        if not port_text.isascii() or not port_text.isdigit():
            return None
        port = int(port_text)
    query: dict[str, str] = {}
    if question:
        for key, value in parse_qsl(query_text):
            if key in query:  # several hosts or values: SQLAlchemy's to handle
                return None
            query[key] = value
    return DatabaseURL(
        "postgresql",
        _unquote(path),
        username=username,
        password=password,
        host=host_text or None,
        port=port,
        query=tuple(query.items()),
    )


# --- how to connect (shared with mailbot.store.db.make_engine) ----------------------

SQLITE_BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_SECONDS = 10


def postgres_connect_args(
    connect_timeout: float = CONNECT_TIMEOUT_SECONDS, statement_timeout: float | None = None
) -> dict[str, str | int]:
    """psycopg connection options: ``connect_timeout``, TCP keepalives and a TCP user
    timeout of the same length (a server that stops answering is noticed), and a
    server-side ``statement_timeout`` (seconds; 0 or None for none)."""
    wait = max(1, round(connect_timeout))
    args: dict[str, str | int] = {
        "connect_timeout": wait,
        "keepalives": 1,
        "keepalives_idle": wait,
        "keepalives_interval": max(1, wait // 3),
        "keepalives_count": 3,
        "tcp_user_timeout": wait * 1000,
    }
    if statement_timeout:
        args["options"] = f"-c statement_timeout={round(statement_timeout * 1000)}"
    return args
