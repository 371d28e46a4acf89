"""`mailbot db` through the real entry point, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from mailbot.store.db import head_revision, make_engine, upgrade

pytestmark = pytest.mark.integration


def run(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), "db", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def config_for(tmp_path: Path, url: str) -> Path:
    cfg = tmp_path / "mailbot.toml"
    cfg.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    return cfg


def assert_one_line_error(out: subprocess.CompletedProcess[str]) -> None:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0, out.stderr


def test_upgrade_then_current(tmp_path: Path, db_url: str) -> None:
    """`db upgrade` creates the schema; `db check` and `db current` then report it up to date."""
    cfg = config_for(tmp_path, db_url)
    first = run(cfg, "upgrade")
    assert first.returncode == 0, first.stderr
    assert f"upgraded from empty to {head_revision()}" in first.stdout
    check = run(cfg, "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().endswith(": ok")
    current = run(cfg, "current", "--json")
    assert current.returncode == 0, current.stderr
    assert json.loads(current.stdout) | {"url": None} == {
        "url": None,
        "current": head_revision(),
        "head": head_revision(),
        "ok": True,
    }


def test_schema_behind_is_one_line_error(tmp_path: Path, db_url: str) -> None:
    """A database that was never upgraded is refused with the command that fixes it."""
    cfg = config_for(tmp_path, db_url)
    out = run(cfg, "check")
    assert_one_line_error(out)
    assert f"database schema is out of date (at empty, need {head_revision()})" in out.stderr
    assert "run `mailbot db upgrade`" in out.stderr
    current = run(cfg, "current")
    assert current.returncode == 1
    assert "run `mailbot db upgrade`" in current.stdout


def test_newer_schema_asks_to_upgrade_mailbot(tmp_path: Path, sqlite_url: str) -> None:
    """A database migrated by a newer mailbot is refused rather than written to."""
    upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    out = run(config_for(tmp_path, sqlite_url), "check")
    assert_one_line_error(out)
    assert "newer than this mailbot" in out.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("postgresql+psycopg://mailbot:hunter2@127.0.0.1:1/mailbot", "cannot use the database"),
    ],
)
def test_bad_database_is_one_line_error(tmp_path: Path, url: str, expected: str) -> None:
    """A malformed URL or a server that does not answer gives one line, no traceback,
    and never the password."""
    out = run(config_for(tmp_path, url), "upgrade")
    assert_one_line_error(out)
    assert expected in out.stderr
    assert "hunter2" not in out.stderr + out.stdout
