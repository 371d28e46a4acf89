"""The listings' URL reader (mailbot.store.urls) reads a URL exactly as SQLAlchemy
does, or leaves it to SQLAlchemy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from mailbot.store.urls import parse_url, postgres_connect_args


def _same_as_sqlalchemy(url: str) -> None:
    parts = parse_url(url)
    if parts is None:
        return
    theirs = make_url(url)
    assert theirs.get_backend_name() == parts.backend
    if parts.backend == "postgresql":
        assert theirs.get_driver_name() == "psycopg"
    assert theirs.database == parts.database
    assert theirs.username == parts.username
    assert theirs.password == parts.password
    assert theirs.host == parts.host
    assert theirs.port == parts.port
    assert dict(theirs.query) == dict(parts.query)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///mailbot.db",
        "sqlite:////var/lib/mailbot/mailbot.db",
        "sqlite+pysqlite:///data/desk%20copy.db",
        "sqlite:///folder/with@sign:colon.db",
        "postgresql+psycopg://mailbot:s3cret@db.internal:5433/mailbot",
        "postgresql+psycopg://mailbot@127.0.0.1/mailbot?sslmode=require&application_name=desk",
        "postgresql+psycopg://mailbot:p%40ss%3Aw%2Frd@db/mailbot",
        "postgresql+psycopg://mailbot:pa?ss@db/mailbot",
        "postgresql+psycopg:///mailbot?host=/run/postgresql",
        "postgresql+psycopg://db.internal/mail%20bot",
        "postgresql+psycopg://user:@db/mailbot",
    ],
)
def test_urls_read_as_sqlalchemy_reads_them(url: str) -> None:
    assert parse_url(url) is not None
    _same_as_sqlalchemy(url)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",  # in memory: nothing to list
        "sqlite:///:memory:",
        "sqlite:///file:desk.db?mode=ro&uri=true",  # SQLite URI options
        "sqlite:///desk.db?timeout=30",
        "sqlite://host/desk.db",
        "postgresql://mailbot@db/mailbot",  # psycopg2, SQLAlchemy's default driver
        "postgresql+psycopg2://mailbot@db/mailbot",
        "postgresql+asyncpg://mailbot@db/mailbot",
        "mysql://mailbot@db/mailbot",
        "postgresql+psycopg://mailbot@[::1]:5432/mailbot",  # IPv6 host
        "postgresql+psycopg://db/mailbot?host=a&host=b",  # several hosts
        "postgresql+psycopg://u:pa/ss@db/mailbot",  # '/' in a password
        "postgresql+psycopg://u:p@ss@db/mailbot",  # second '@'
        "postgresql+psycopg://db:port/mailbot",
        "postgresql+psycopg://db",
        "postgresql+psycopg://:0/@",  # SQLAlchemy reads a password "0/" here
        "postgresql+psycopg://db/mail@bot",
        "not a url",
    ],
)
def test_other_urls_are_left_to_sqlalchemy(url: str) -> None:
    assert parse_url(url) is None


_PIECE = st.text(alphabet="ab%20@:/?#[]&=.-_~é", max_size=8)


@given(
    scheme=st.sampled_from(["sqlite", "sqlite+pysqlite", "postgresql+psycopg"]),
    user=_PIECE,
    password=st.none() | _PIECE,
    host=_PIECE,
    port=st.none() | st.integers(0, 70000).map(str) | _PIECE,
    database=_PIECE,
    query=st.none() | _PIECE,
)
def test_any_url_accepted_is_read_as_sqlalchemy_reads_it(
    scheme: str,
    user: str,
    password: str | None,
    host: str,
    port: str | None,
    database: str,
    query: str | None,
) -> None:
    """Whatever characters a URL holds: taken apart the same way, or not at all."""
    auth = f"{user}{'' if password is None else ':' + password}@" if user or password else ""
    url = f"{scheme}://{auth}{host}{'' if port is None else ':' + port}/{database}"
    url += "" if query is None else f"?{query}"
    _same_as_sqlalchemy(url)


def test_connect_args_as_the_engine_sets_them() -> None:
    assert postgres_connect_args(10) == {
        "connect_timeout": 10,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": 10000,
    }
    assert postgres_connect_args(0.2, 1.5)["options"] == "-c statement_timeout=1500"
    assert postgres_connect_args(0.2)["connect_timeout"] == 1
