"""Officer data and message text stay out of the logs at every level but debug."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mailbot.store import db
from tests.integration.desk_helpers import SAMPLE, incomplete_request
from tests.integration.test_desk_process import mailbot, write_config

pytestmark = pytest.mark.integration

# From the two requests read: officers' names, numbers, usernames, the agency's street
# address and phone, and sentences of the body text.
PRIVATE = (
    "Kevin",
    "Marie-Claire",
    "O'Neil",
    "HA022",
    "HA031",
    "kbrown",
    "moneil",
    "Jordan",
    "NW002",
    "VA Cutoff",
    "295-9425",
    "300 Main Street",
    "would like to start issuing",
)


@pytest.mark.parametrize("level", ["info", "warning", "error"])
def test_a_poll_logs_no_officer_data_or_message_text(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str, level: str
) -> None:
    """Reading two requests, opening their cases and sending the checklists logs at
    `level` none of the officers' names, numbers or usernames, nor the body text."""
    db.upgrade(sqlite_url)
    config = write_config(tmp_path / "m.toml", imap_account, smtp_sink, sqlite_url)
    imap_account.append(SAMPLE.read_bytes())
    imap_account.append(incomplete_request())
    out = mailbot(config, "--log-level", level, "poll", "--once", password=imap_account.password)
    assert out.returncode == 0, out.stderr
    assert len(smtp_sink.messages) >= 2  # the work was done, so there was something to log
    logged = out.stderr + out.stdout
    assert [p for p in PRIVATE if p in logged] == []
    if level == "info":
        assert '"event": "reply_sent"' in out.stderr  # the logs are there, just clean
