"""The bot as a process: `mailbot poll --once`, crashes at named points, `mailbot run`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from mailbot.store import db
from mailbot.store.models import AuditEvent, Case, OutboxMessage
from tests import faults
from tests.integration.desk_helpers import DESK, SAMPLE, incomplete_request

pytestmark = pytest.mark.integration


def write_config(path: Path, imap_account: Any, smtp_sink: Any, url: str, **poll: Any) -> Path:
    box = imap_account.settings()
    smtp = smtp_sink.settings()
    poll_lines = "\n".join(
        f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in poll.items()
    )
    path.write_text(
        f"""
[mailbox]
host = "{box.host}"
port = {box.port}
security = "none"
username = "{box.username}"
timeout_seconds = 5

[smtp]
host = "{smtp.host}"
port = {smtp.port}
security = "none"
from_address = "{DESK}"
timeout_seconds = 5

[database]
url = "{url}"

[poll]
{poll_lines}

[bot]
message_id_domain = "desk.test"

[logging]
format = "json"
"""
    )
    return path


ROOT = Path(__file__).resolve().parents[2]


def command(config: Path, *args: str, fault: str | None = None) -> list[str]:
    """``mailbot --config CONFIG ARGS``; with ``fault``, run through the test launcher
    that installs it (see tests/launcher.py)."""
    launch = ["-m", "mailbot"] if fault is None else ["-m", "tests.launcher", fault]
    return [sys.executable, *launch, "--config", str(config), *args]


def mailbot(
    config: Path,
    *args: str,
    env: dict[str, str] | None = None,
    password: str = "",
    timeout: float = 60,
    fault: str | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MAILBOT_MAILBOX_PASSWORD": password, **(env or {})}
    return subprocess.run(
        command(config, *args, fault=fault),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=ROOT if fault else None,  # where tests.launcher is found
    )


def cases_and_outbox(url: str) -> tuple[int, int]:
    engine = db.make_engine(url)
    try:
        with db.transaction(engine) as s:
            cases = int(s.scalar(select(func.count()).select_from(Case)) or 0)
            sent = int(s.scalar(select(func.count()).select_from(OutboxMessage)) or 0)
        return cases, sent
    finally:
        engine.dispose()


@pytest.fixture
def config(tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str) -> Path:
    db.upgrade(db_url)
    return write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)


def test_poll_once_runs_one_cycle(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """`mailbot poll --once` processes the new mail, sends the reply and exits 0."""
    imap_account.append(SAMPLE.read_bytes())
    out = mailbot(config, "poll", "--once", password=imap_account.password)
    assert out.returncode == 0, out.stderr
    assert "processed 1" in out.stdout
    assert cases_and_outbox(db_url) == (1, 1)
    assert len(smtp_sink.messages) == 1


def test_crash_after_commit_before_move(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """Killed after the database commit and before the IMAP move: on restart there is
    no second case, the message is moved, and exactly one reply goes out."""
    imap_account.append(incomplete_request())
    crashed = mailbot(
        config,
        "poll",
        "--once",
        fault="after_commit",
        password=imap_account.password,
    )
    assert crashed.returncode == 70, crashed.stderr
    assert imap_account.uids("INBOX") != []  # not moved yet
    assert smtp_sink.messages == []  # the reply is committed but not sent
    again = mailbot(config, "poll", "--once", password=imap_account.password)
    assert again.returncode == 0, again.stderr
    assert cases_and_outbox(db_url) == (1, 1)
    assert imap_account.uids("INBOX") == []
    assert len(imap_account.uids("Processed")) == 1
    assert len(smtp_sink.messages) == 1


def test_crash_after_send_resends_same_message_id(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """Killed after SMTP accepted the reply but before it was marked sent: once the
    relay's claim on the row lapses, one resend, carrying the same Message-ID, so the
    recipient can tell it is the same."""
    imap_account.append(SAMPLE.read_bytes())
    crashed = mailbot(
        config,
        "poll",
        "--once",
        fault="after_send",
        password=imap_account.password,
    )
    assert crashed.returncode == 70
    claimed = mailbot(config, "poll", "--once", password=imap_account.password)
    assert claimed.returncode == 0
    assert len(smtp_sink.messages) == 1  # still claimed by the relay that died
    engine = db.make_engine(db_url)
    with db.transaction(engine) as s:  # the claim lapses (five minutes later)
        s.execute(update(OutboxMessage).values(next_attempt_at=datetime(2000, 1, 1, tzinfo=UTC)))
    engine.dispose()
    again = mailbot(config, "poll", "--once", password=imap_account.password)
    assert again.returncode == 0, again.stderr
    third = mailbot(config, "poll", "--once", password=imap_account.password)
    assert third.returncode == 0
    assert len(smtp_sink.messages) == 2
    ids = {m.data.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0] for m in smtp_sink.messages}
    assert len(ids) == 1
    assert cases_and_outbox(db_url) == (1, 1)
    engine = db.make_engine(db_url)
    with db.transaction(engine) as s:  # both sends are on record
        row = s.scalars(select(OutboxMessage)).one()
        attempts = list(
            s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "send_attempt"))
        )
    engine.dispose()
    assert (row.status.value, row.attempts) == ("sent", 2)
    assert [a["attempt"] for a in attempts] == [1, 2]


def test_a_dead_relay_holds_its_reply_only_briefly(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """A relay killed after SMTP accepted a reply holds up only that one reply, for a
    lease of about a minute: the other queued replies go out on the next run."""
    db_url = sqlite_url  # the claim itself is tested on both databases in-process
    db.upgrade(db_url)
    config = write_config(tmp_path / "m.toml", imap_account, smtp_sink, db_url)
    for i in range(3):
        imap_account.append(
            incomplete_request(f"<lease-{i}@norwich.test>").replace(
                b"<dmorse@norwich.test>", f"<chief{i}@norwich.test>".encode()
            )
        )
    crashed = mailbot(
        config,
        "poll",
        "--once",
        fault="after_send",
        password=imap_account.password,
    )
    assert crashed.returncode == 70
    again = mailbot(config, "poll", "--once", password=imap_account.password)
    assert again.returncode == 0, again.stderr
    assert len(smtp_sink.messages) == 3  # 1 before the crash, the 2 others now
    engine = db.make_engine(db_url)
    with db.transaction(engine) as s:
        held = s.scalars(select(OutboxMessage).where(OutboxMessage.status == "pending")).one()
    engine.dispose()
    assert held.next_attempt_at - datetime.now(UTC) < timedelta(seconds=61)


def test_sigterm_stops_poll_once_after_the_message_in_hand(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """SIGTERM to the whole process group (a cron `timeout`, a service manager's stop)
    stops `mailbot poll --once` after the message in hand: exit 0, what was read is
    recorded and moved, nothing is quarantined (the reader process got the signal
    too), and the next run reads the rest."""
    db_url = sqlite_url
    db.upgrade(db_url)
    config = write_config(tmp_path / "m.toml", imap_account, smtp_sink, db_url)
    for i in range(8):
        imap_account.append(
            incomplete_request(f"<term-{i}@norwich.test>").replace(
                b"<dmorse@norwich.test>", f"<chief{i}@norwich.test>".encode()
            )
        )
    env = {**os.environ, "MAILBOT_MAILBOX_PASSWORD": imap_account.password}
    proc = subprocess.Popen(
        command(config, "poll", "--once", fault="slow_read"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    assert proc.stderr is not None
    started = time.monotonic()
    for line in proc.stderr:  # wait until it is reading
        if b"imap_folder_created" in line or time.monotonic() - started > 30:
            break
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    assert proc.returncode == 0, err.decode()[-2000:]
    left = len(imap_account.uids("INBOX"))
    assert 0 < left < 8
    assert len(imap_account.uids("Processed")) == 8 - left
    rest = mailbot(config, "poll", "--once", password=imap_account.password)
    assert rest.returncode == 0, rest.stderr
    assert imap_account.uids("INBOX") == [], rest.stderr[-3000:]
    assert imap_account.uids("Quarantine") == []
    assert cases_and_outbox(db_url) == (8, 8)


def test_wrong_password_is_one_line_error(config: Path, imap_account: Any) -> None:
    """A refused IMAP login gives one line naming the problem, no traceback, no password."""
    out = mailbot(config, "poll", "--once", password="not-the-password")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "not-the-password" not in out.stderr + out.stdout
    assert out.stderr.strip().splitlines()[-1].startswith("error:")


def test_run_answers_within_seconds_with_idle_and_stops_on_sigterm(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """`mailbot run` with IDLE answers a new email within seconds, and SIGTERM stops
    it cleanly with exit status 0."""
    db.upgrade(sqlite_url)
    config = write_config(
        tmp_path / "run.toml", imap_account, smtp_sink, sqlite_url, interval_seconds=300, idle=True
    )
    env = {**os.environ, "MAILBOT_MAILBOX_PASSWORD": imap_account.password}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        time.sleep(2.0)  # started, first (empty) poll done, IDLE waiting
        imap_account.append(SAMPLE.read_bytes())
        # the poll interval is 300 s: only IDLE answers well before it (the margin is
        # for a loaded machine; the latency itself is measured in bench/poll.py)
        deadline = time.monotonic() + 90
        while not smtp_sink.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(smtp_sink.messages) == 1, "no reply within 90 s"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err.decode()[-2000:]
    assert b"mailbot_stopped" in err


def test_check_reports_each_part(config: Path, imap_account: Any, smtp_sink: Any) -> None:
    """`mailbot check` passes with everything up, and names the failing part (exit 1)
    when the IMAP login is refused or SMTP is down."""
    ok = mailbot(config, "check", password=imap_account.password)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    marks = {
        line.split()[0]: line.split()[1]
        for line in ok.stdout.splitlines()
        if not line.startswith("trust")
    }
    assert marks == {
        "config": "ok",
        "database": "ok",
        "mailbox": "ok",
        "folders": "warn",  # a fresh mailbox: the bot creates them when first needed
        "smtp": "ok",
    }
    lines = ok.stdout.splitlines()
    assert any(line.startswith("trust") and "authserv_id" in line for line in lines)
    smtp_sink.stop()
    bad = mailbot(config, "check", password="wrong")
    assert bad.returncode == 1
    failing = [line.split()[0] for line in bad.stdout.splitlines() if "FAIL" in line]
    assert failing == ["mailbox", "smtp"]
    assert "wrong" not in bad.stdout


def test_run_reconnects_after_dovecot_restart(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """`mailbot run` outlives an IMAP server restart: it reconnects on its own and
    answers mail that arrived meanwhile."""
    db.upgrade(sqlite_url)
    config = write_config(
        tmp_path / "run.toml", imap_account, smtp_sink, sqlite_url, interval_seconds=2, idle=True
    )
    env = {**os.environ, "MAILBOT_MAILBOX_PASSWORD": imap_account.password}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        imap_account.append(SAMPLE.read_bytes())
        deadline = time.monotonic() + 20
        while not smtp_sink.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(smtp_sink.messages) == 1
        imap_account.restart()
        imap_account.append(incomplete_request())
        deadline = time.monotonic() + 30
        while len(smtp_sink.messages) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(smtp_sink.messages) == 2, "no reply after the restart"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0, err.decode()[-2000:]
    assert cases_and_outbox(sqlite_url) == (2, 2)


def test_poll_refuses_a_database_without_the_schema(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """Against a database that was never upgraded, the bot refuses to start and says
    to run `mailbot db upgrade`, in one line."""
    config = write_config(tmp_path / "m.toml", imap_account, smtp_sink, sqlite_url)
    out = mailbot(config, "poll", "--once", password=imap_account.password)
    assert out.returncode == 1
    assert "mailbot db upgrade" in out.stderr
    assert "Traceback" not in out.stderr


def test_message_that_kills_the_reader_is_quarantined_not_retried_forever(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """A message whose reading kills the process is found (its group is then read one
    message at a time), set aside in Quarantine without being read again once it has
    killed the bot twice while read alone, and the messages around it are processed
    normally; the quarantine listing names its sender and subject."""
    poison = faults.poisoned(
        SAMPLE.read_bytes().replace(
            b"Message-ID: <sample-enrolment-0001@hartfordvt.gov>",
            b"Message-ID: <poison@hartfordvt.gov>",
        )
    )
    imap_account.append(SAMPLE.read_bytes())
    imap_account.append(poison)
    imap_account.append(incomplete_request())
    first = mailbot(config, "poll", "--once", fault="reading", password=imap_account.password)
    assert first.returncode == 70  # died reading the group
    for _ in range(2):  # died again, twice, reading the poison message alone
        again = mailbot(config, "poll", "--once", fault="reading", password=imap_account.password)
        assert again.returncode == 70
    third = mailbot(config, "poll", "--once", fault="reading", password=imap_account.password)
    assert third.returncode == 0, third.stderr
    assert cases_and_outbox(db_url) == (2, 2)
    assert len(imap_account.uids("Quarantine")) == 1
    assert len(imap_account.uids("Processed")) == 2
    assert imap_account.uids("INBOX") == []
    listed = json.loads(mailbot(config, "quarantine", "--json").stdout)
    assert [r["reason"] for r in listed] == [
        "the bot died 2 times while reading this message alone; it is not read again"
    ]
    assert listed[0]["sender"] == "rtanner@hartfordvt.gov"
    assert listed[0]["subject"]


def test_message_that_hangs_the_reader_is_quarantined_and_the_rest_go_on(
    config: Path, imap_account: Any, smtp_sink: Any, db_url: str
) -> None:
    """With the default isolated reader, a message the parser never finishes is set
    aside after [limits] read_timeout_seconds; the poll completes and the other
    messages are answered."""
    config.write_text(config.read_text() + "\n[limits]\nread_timeout_seconds = 4\n")
    poison = faults.poisoned(incomplete_request("<hang@x.test>"))
    imap_account.append(SAMPLE.read_bytes())
    imap_account.append(poison)
    imap_account.append(
        incomplete_request("<after@norwich.test>").replace(
            b"<dmorse@norwich.test>", b"<other@norwich.test>"
        )
    )
    out = mailbot(
        config,
        "poll",
        "--once",
        fault="reader_hang",
        password=imap_account.password,
    )
    assert out.returncode == 0, out.stderr
    assert cases_and_outbox(db_url) == (2, 2)
    listed = json.loads(mailbot(config, "quarantine", "--json").stdout)
    assert [r["reason"] for r in listed] == ["reading this message took longer than 4 s"]
    assert len(imap_account.uids("Quarantine")) == 1
