"""Operations: `mailbot status` (database only), the heartbeat, metrics, `purge`,
`check` against a Microsoft 365-like setup, and a clean Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mailbot.cases import CaseKind, CaseStatus
from mailbot.heartbeat import Heartbeat, instance_name
from mailbot.metrics import serve_metrics
from mailbot.store import db
from mailbot.store.models import (
    AuditEvent,
    Case,
    Message,
    MessageOutcome,
    OutboxMessage,
    OutboxStatus,
)
from tests.fakes import FakeClock
from tests.fixtures.certs import TlsFiles
from tests.fixtures.dovecot import DovecotServer, free_port
from tests.fixtures.smtpsink import SmtpSink
from tests.fixtures.tokenserver import SigningKey, TokenServer, check_token
from tests.integration.desk_helpers import DESK, SAMPLE

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def mailbot(config: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, **(env or {})},
    )


def db_only_config(tmp_path: Path, url: str, extra: str = "") -> Path:
    path = tmp_path / "status.toml"
    path.write_text(f'[database]\nurl = "{url}"\n[poll]\ninterval_seconds = 60\n{extra}')
    return path


# -- status and the heartbeat --------------------------------------------------------------


def test_status_without_a_running_bot_is_unhealthy(tmp_path: Path, sqlite_url: str) -> None:
    """Before any bot has polled, `status` says so and exits 1 (the health check fails)."""
    db.upgrade(sqlite_url)
    out = mailbot(db_only_config(tmp_path, sqlite_url), "status")
    assert out.returncode == 1, out.stderr
    assert "UNHEALTHY: no running bot has reported" in out.stdout
    assert "Traceback" not in out.stderr


def test_status_reports_the_heartbeat_and_the_desk_counters(engine: Engine) -> None:
    """After a poll the bot's row shows the poll time, IMAP ok, and a later failure with
    its error; the counters count today's messages, cases, outbox and quarantine."""
    from mailbot.store.health import snapshot, unhealthy

    clock = FakeClock(NOW)
    beat = Heartbeat(engine, clock, instance="bot-a")
    beat.started()
    clock.advance(seconds=5)
    beat.polled()
    _seed(engine)
    with db.transaction(engine) as session:
        snap = snapshot(session, NOW + timedelta(seconds=65))
    [bot] = snap.instances
    assert bot.imap == "ok" and bot.smtp == "unknown" and bot.token == "none"
    assert bot.last_poll_age_seconds == 60
    assert unhealthy(bot, snap.at, timedelta(seconds=300)) is None
    assert unhealthy(bot, snap.at + timedelta(hours=1), timedelta(seconds=300)) is not None
    assert snap.messages_today == 3
    assert snap.cases == {"approved": 1, "in_review": 1}
    assert snap.quarantined == 1
    beat.poll_failed("IMAP LIST on imap.test: connection lost")
    with db.transaction(engine) as session:
        [bot] = snapshot(session, NOW).instances
    assert bot.imap == "failing" and "connection lost" in bot.errors["imap"]
    assert bot.last_poll_at is not None  # the last successful poll is kept


def test_status_json_and_exit_code_follow_the_last_poll(tmp_path: Path, sqlite_url: str) -> None:
    """`status --json` gives the figures; a bot whose last poll is too old makes it exit 1."""
    engine = db.make_engine(sqlite_url)
    db.upgrade_engine(engine)
    # The last poll was two seconds ago: fresh by default, too old for --max-age 1.
    clock = FakeClock(datetime.now(UTC) - timedelta(seconds=2))
    beat = Heartbeat(engine, clock, instance=instance_name())
    beat.started()
    beat.polled()
    engine.dispose()
    config = db_only_config(tmp_path, sqlite_url)
    ok = mailbot(config, "status", "--json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shown = json.loads(ok.stdout)
    assert shown["healthy"] is True
    assert shown["instances"][0]["imap"] == "ok"
    assert shown["outbox"] == {"pending": 0, "failed": 0}
    stale = mailbot(config, "status", "--max-age", "1")
    assert stale.returncode == 1
    assert "last successful poll" in stale.stdout and "UNHEALTHY" in stale.stdout


def test_status_shows_a_rebuilt_folder_until_staff_acknowledge_it(
    tmp_path: Path, sqlite_url: str
) -> None:
    """A folder whose UIDVALIDITY changed is an ALERT in `status` until staff clear it
    with `--ack-folder`; acknowledging a folder without an alert is a one-line error."""
    from mailbot.store.models import FolderCursor

    engine = db.make_engine(sqlite_url)
    db.upgrade_engine(engine)
    with db.transaction(engine) as session:
        session.add(
            FolderCursor(
                mailbox="INBOX",
                uidvalidity=2,
                last_uid=0,
                updated_at=NOW,
                previous_uidvalidity=1,
                uidvalidity_changed_at=NOW,
            )
        )
    engine.dispose()
    config = db_only_config(tmp_path, sqlite_url)
    shown = mailbot(config, "status")
    assert "ALERT folder INBOX was rebuilt" in shown.stdout
    assert json.loads(mailbot(config, "status", "--json").stdout)["folder_alerts"] == ["INBOX"]
    acked = mailbot(config, "status", "--ack-folder", "INBOX")
    assert "ALERT" not in acked.stdout and "Traceback" not in acked.stderr
    assert "ALERT" not in mailbot(config, "status").stdout
    again = mailbot(config, "status", "--ack-folder", "INBOX")
    assert again.returncode == 2 and "no alert is raised for folder 'INBOX'" in again.stderr
    assert "Traceback" not in again.stderr


def test_metrics_serve_the_status_figures(engine: Engine) -> None:
    """[metrics] port serves the same figures in the Prometheus text format."""
    clock = FakeClock(NOW)
    beat = Heartbeat(engine, clock, instance="bot-a")
    beat.started()
    beat.polled()
    _seed(engine)
    port = free_port()
    server = serve_metrics(engine, clock, "127.0.0.1", port)
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read()
    finally:
        server.shutdown()
    lines = text.decode().splitlines()
    assert 'mailbot_part_up{instance="bot-a",part="imap"} 1.0' in lines
    assert 'mailbot_last_poll_age_seconds{instance="bot-a"} 0.0' in lines
    assert 'mailbot_cases{status="in_review"} 1.0' in lines
    assert "mailbot_quarantined 1.0" in lines
    assert "mailbot_database_up 1.0" in lines


# -- retention ------------------------------------------------------------------------------


def _case(status: CaseStatus, updated: datetime, ref: str) -> Case:
    return Case(
        reference=ref,
        kind=CaseKind.ENROLLMENT,
        status=status,
        sender="chief@agency.test",
        agency_code="0614",
        poc_email=None,
        data={},
        provenance={},
        flags=[],
        created_at=updated,
        updated_at=updated,
    )


def _message(uid: int, recorded: datetime, case: Case | None, outcome: MessageOutcome) -> Message:
    return Message(
        mailbox="INBOX",
        uidvalidity=1,
        uid=uid,
        message_id=f"<m{uid}@agency.test>",
        raw_sha256=f"{uid:064d}",
        size=100,
        sender="chief@agency.test",
        subject="enrolment",
        outcome=outcome,
        reason=None,
        case_id=case.id if case else None,
        raw=b"From: chief@agency.test\r\n\r\nOfficer Brown HA022\r\n",
        received_at=recorded,
        recorded_at=recorded,
    )


def _seed(engine: Engine) -> dict[str, int]:
    """Three messages today (approved case, open case, quarantine), one 100 days old."""
    old = NOW - timedelta(days=100)
    with db.transaction(engine) as s:
        closed = _case(CaseStatus.APPROVED, old, "ETK-0001")
        open_ = _case(CaseStatus.IN_REVIEW, old, "ETK-0002")
        s.add_all([closed, open_])
        s.flush()
        rows = [
            _message(1, old, closed, MessageOutcome.PROCESSED),
            _message(2, NOW, closed, MessageOutcome.PROCESSED),
            _message(3, old, open_, MessageOutcome.PROCESSED),
            _message(4, NOW, None, MessageOutcome.QUARANTINED),
            _message(5, NOW, None, MessageOutcome.AUTOMATED),
        ]
        s.add_all(rows)
        s.flush()
        return {"closed": closed.id, "old_closed_message": rows[0].id}


def test_purge_deletes_only_raw_bodies_of_long_closed_cases(
    tmp_path: Path, sqlite_url: str
) -> None:
    """`purge --dry-run` lists what would go and changes nothing; `purge` then deletes only
    the raw body of the message of the case closed 100 days ago, keeps its ledger row,
    hash and audit trail, and never touches open cases or the quarantine."""
    engine = db.make_engine(sqlite_url)
    db.upgrade_engine(engine)
    seeded = _seed(engine)
    config = db_only_config(tmp_path, sqlite_url, "[retention]\nraw_days = 30\n")
    dry = mailbot(config, "purge", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert [p["message"] for p in json.loads(dry.stdout)] == [seeded["old_closed_message"]]
    with db.transaction(engine) as s:
        assert s.scalar(select(Message.raw).where(Message.id == seeded["old_closed_message"]))
    done = mailbot(config, "purge")
    assert done.returncode == 0, done.stderr
    assert "deleted the raw body of 1 message(s)" in done.stdout
    with db.transaction(engine) as s:
        kept = {m.id: m.raw for m in s.scalars(select(Message).order_by(Message.id))}
        hashes = s.scalars(select(Message.raw_sha256)).all()
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "raw_purged")).all()
    assert [i for i, raw in kept.items() if raw is None] == [seeded["old_closed_message"]]
    assert len(hashes) == 5
    assert [(e.case_id, e.detail["messages"]) for e in events] == [
        (seeded["closed"], [seeded["old_closed_message"]])
    ]
    again = mailbot(config, "purge", "--dry-run")
    assert "would delete the raw body of 0 message(s)" in again.stdout
    engine.dispose()


def _reply(case: Case, n: int, created: datetime, status: OutboxStatus) -> OutboxMessage:
    return OutboxMessage(
        case_id=case.id,
        template="checklist",
        message_id=f"<r{n}@mailbot.invalid>",
        to_address="chief@agency.test",
        recipients=["chief@agency.test"],
        subject=f"[{case.reference}] checklist",
        raw=b"Subject: checklist\r\n\r\nBrown | Kevin | Officer | HA022 | kbrown\r\n",
        status=status,
        attempts=1,
        next_attempt_at=created,
        last_error=None,
        created_at=created,
        sent_at=created if status == OutboxStatus.SENT else None,
    )


def test_purge_deletes_bodies_of_replies_sent_for_long_closed_cases(
    tmp_path: Path, sqlite_url: str
) -> None:
    """Replies quote the officer list: `purge` deletes the body of the reply sent 100
    days ago for the closed case (keeping its outbox row), and keeps the reply still
    waiting to go, today's reply and the replies of the open case."""
    engine = db.make_engine(sqlite_url)
    db.upgrade_engine(engine)
    seeded = _seed(engine)
    old = NOW - timedelta(days=100)
    with db.transaction(engine) as s:
        closed = s.get(Case, seeded["closed"])
        open_ = s.scalars(select(Case).where(Case.reference == "ETK-0002")).one()
        assert closed is not None
        rows = [
            _reply(closed, 1, old, OutboxStatus.SENT),
            _reply(closed, 2, old, OutboxStatus.PENDING),
            _reply(closed, 3, NOW, OutboxStatus.SENT),
            _reply(open_, 4, old, OutboxStatus.SENT),
            _reply(closed, 5, old, OutboxStatus.FAILED),
        ]
        s.add_all(rows)
        s.flush()
        ids = [r.id for r in rows]
    config = db_only_config(tmp_path, sqlite_url, "[retention]\nraw_days = 30\n")
    dry = mailbot(config, "purge", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    listed = json.loads(dry.stdout)
    assert [p["reply"] for p in listed if "reply" in p] == [ids[0], ids[4]]
    done = mailbot(config, "purge")
    assert done.returncode == 0, done.stderr
    assert "deleted the raw body of 1 message(s) and 2 sent reply(ies)" in done.stdout
    with db.transaction(engine) as s:
        kept = {o.id: o.raw for o in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))}
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "raw_purged")).one()
    assert [i for i, raw in kept.items() if raw is None] == [ids[0], ids[4]]
    assert len(kept) == 5
    assert event.detail["replies"] == [ids[0], ids[4]]
    engine.dispose()


def test_purge_without_retention_is_a_one_line_error(tmp_path: Path, sqlite_url: str) -> None:
    """With [retention] raw_days = 0 `purge` refuses in one line saying what to set."""
    db.upgrade(sqlite_url)
    out = mailbot(db_only_config(tmp_path, sqlite_url), "purge")
    assert out.returncode == 1
    assert out.stderr.strip().startswith("error: [retention] raw_days is 0")
    assert "Traceback" not in out.stderr


# -- the whole bot against a Microsoft 365-like setup ------------------------------------


def oauth2_config(
    path: Path,
    dovecot: DovecotServer,
    user: str,
    sink: SmtpSink,
    authority: TokenServer,
    tls: TlsFiles,
    url: str,
    **extra: str,
) -> Path:
    sections = "".join(f"\n[{k}]\n{v}\n" for k, v in extra.items())
    path.write_text(
        f"""
[mailbox]
host = "127.0.0.1"
port = {dovecot.port}
security = "none"
username = "{user}"
auth = "oauth2"
timeout_seconds = 5

[smtp]
host = "127.0.0.1"
port = {sink.port}
security = "none"
from_address = "{DESK}"
# Microsoft 365: the same mailbox as [mailbox] username.
username = "{user}"
auth = "oauth2"
timeout_seconds = 5

[oauth2]
tenant_id = "{authority.tenant}"
client_id = "{authority.client_id}"
authority = "{authority.authority}"
ca_file = "{tls.cert}"
timeout_seconds = 5

[database]
url = "{url}"

[poll]
interval_seconds = 2
idle = false

[bot]
message_id_domain = "desk.test"

[logging]
format = "json"
{sections}"""
    )
    return path


@pytest.fixture
def m365(
    tmp_path: Path,
    dovecot_oauth2: DovecotServer,
    token_server: TokenServer,
    tls_files: TlsFiles,
    signing_key: SigningKey,
    sqlite_url: str,
) -> Any:
    """Dovecot and aiosmtpd taking only tokens the test authority signed for the mailbox."""
    account = dovecot_oauth2.new_account()
    token_server.mailbox_user = account.user
    sink = SmtpSink(oauth2_check=lambda user, token: check_token(signing_key, user, token))
    sink.start()
    db.upgrade(sqlite_url)
    env = {"MAILBOT_OAUTH2_CLIENT_SECRET": token_server.client_secret}
    try:
        yield account, sink, token_server, env, sqlite_url
    finally:
        sink.stop()


def test_check_logs_in_with_oauth2_and_creates_the_folders(
    tmp_path: Path, m365: Any, dovecot_oauth2: DovecotServer, tls_files: TlsFiles
) -> None:
    """`check` gets a token, logs in to IMAP and SMTP with it, and offers to create the
    folders; a wrong client secret is named with the identity platform's error code."""
    account, sink, authority, env, url = m365
    config = oauth2_config(
        tmp_path / "m.toml", dovecot_oauth2, account.user, sink, authority, tls_files, url
    )
    first = mailbot(config, "check", env=env)
    marks = {line.split()[0]: line.split()[1] for line in first.stdout.splitlines()}
    assert marks["oauth2"] == "ok" and marks["mailbox"] == "ok", first.stdout + first.stderr
    assert marks["folders"] == "warn"
    created = mailbot(config, "check", "--create-folders", env=env)
    assert "folders   ok   created Processed, Needs-Review, Quarantine" in created.stdout
    again = mailbot(config, "check", env=env)
    assert "folders   ok   INBOX, Processed, Needs-Review, Quarantine" in again.stdout
    unset = mailbot(config, "check", env={"MAILBOT_OAUTH2_CLIENT_SECRET": ""})
    assert "oauth2    FAIL no client secret: set MAILBOT_OAUTH2_CLIENT_SECRET" in unset.stdout
    wrong = mailbot(config, "check", env={"MAILBOT_OAUTH2_CLIENT_SECRET": "wrong"})
    assert wrong.returncode == 1
    assert "oauth2    FAIL" in wrong.stdout and "AADSTS7000215" in wrong.stdout
    assert "wrong" not in wrong.stdout.replace("AADSTS", "")
    assert "Traceback" not in wrong.stderr


def test_check_flags_the_invalid_message_id_domain_for_a_real_server(tmp_path: Path) -> None:
    """Against a real (non-loopback) server, `check` fails on the `.invalid` default
    Message-ID domain, whose replies score as spam."""
    config = tmp_path / "prod.toml"
    config.write_text(
        '[mailbox]\nhost = "192.0.2.1"\ntimeout_seconds = 0.5\n'
        '[smtp]\nhost = "192.0.2.1"\ntimeout_seconds = 0.5\n'
        f'[database]\nurl = "sqlite:///{tmp_path / "x.db"}"\n'
    )
    out = mailbot(config, "check")
    assert out.returncode == 1
    assert "bot       FAIL [bot] message_id_domain is 'mailbot.invalid'" in out.stdout


def test_run_with_oauth2_is_healthy_serves_metrics_and_stops_on_ctrl_c(
    tmp_path: Path, m365: Any, dovecot_oauth2: DovecotServer, tls_files: TlsFiles
) -> None:
    """`mailbot run` against Microsoft 365-like servers answers a request (IMAP and SMTP
    with XOAUTH2), `status` then reports it healthy, the metrics endpoint serves the
    figures, and Ctrl-C (SIGINT to the whole process group, reader included) stops it
    with exit 0 and no traceback."""
    account, sink, authority, env, url = m365
    port = free_port()
    config = oauth2_config(
        tmp_path / "m.toml",
        dovecot_oauth2,
        account.user,
        sink,
        authority,
        tls_files,
        url,
        metrics=f"port = {port}",
    )
    account.append(SAMPLE.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 40
        while not sink.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(sink.messages) == 1, "no reply within 40 s"
        assert sink.messages[0].login == account.user
        status = mailbot(config, "status", "--json")
        assert status.returncode == 0, status.stdout + status.stderr
        [bot] = json.loads(status.stdout)["instances"]
        assert (bot["imap"], bot["smtp"], bot["token"]) == ("ok", "ok", "ok")
        metrics = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read()
        assert b'part="token"} 1.0' in metrics
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    assert proc.returncode == 0, err.decode()[-2000:]
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    assert b"Process mailbot-reader" not in err
    assert authority.client_secret.encode() not in err
    assert not any(t.encode() in err for t in authority.issued)


def test_heartbeat_renews_the_token_and_records_a_failing_renewal(engine: Engine) -> None:
    """The bot's periodic token job renews the token when due and, when the identity
    platform refuses, records the token as down with the error for `status`."""
    from mailbot.adapters.oauth2 import TokenSource
    from mailbot.errors import TokenError
    from mailbot.store.health import snapshot

    answers: list[Any] = [("token-1", 600.0), TokenError("invalid_client: AADSTS7000222")]

    def fetch() -> tuple[str, float]:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    wall = [NOW.timestamp()]
    tokens = TokenSource(fetch, source="msal", renew_before=300, clock=lambda: wall[0])
    beat = Heartbeat(engine, FakeClock(NOW), instance="bot-a", tokens=tokens)
    beat.refresh_token()
    with db.transaction(engine) as session:
        [bot] = snapshot(session, NOW).instances
    assert bot.token == "ok" and bot.token_expires_at is not None
    wall[0] += 601
    beat.refresh_token()
    with db.transaction(engine) as session:
        [bot] = snapshot(session, NOW).instances
    assert bot.token == "down" and "AADSTS7000222" in bot.errors["token"]


def test_poll_once_from_cron_reports_to_status(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, sqlite_url: str
) -> None:
    """`poll --once` (cron) records its poll and sends, so `status` shows it healthy;
    a refused login is recorded as the IMAP error and `status` stays unhealthy."""
    from tests.integration.test_desk_process import write_config

    db.upgrade(sqlite_url)
    config = write_config(tmp_path / "cron.toml", imap_account, smtp_sink, sqlite_url)
    refused = mailbot(config, "poll", "--once", env={"MAILBOT_MAILBOX_PASSWORD": "wrong"})
    assert refused.returncode == 1
    down = mailbot(config, "status", "--json")
    assert down.returncode == 1
    [bot] = json.loads(down.stdout)["instances"]
    assert bot["imap"] == "failing" and "refused the login" in bot["errors"]["imap"]
    imap_account.append(SAMPLE.read_bytes())
    env = {"MAILBOT_MAILBOX_PASSWORD": imap_account.password}
    assert mailbot(config, "poll", "--once", env=env).returncode == 0
    up = mailbot(config, "status", "--json")
    assert up.returncode == 0, up.stdout
    [bot] = json.loads(up.stdout)["instances"]
    assert (bot["imap"], bot["smtp"]) == ("ok", "ok") and bot["errors"] == {}
    assert json.loads(up.stdout)["messages_today"] == 1


def test_refused_recipients_do_not_mark_the_relay_failing(
    engine: Engine, smtp_sink: SmtpSink
) -> None:
    """A reply whose recipient the relay refuses (busy 450 or unknown 550) leaves
    `status` showing SMTP as it was; a relay that refuses the transaction shows failing."""
    from mailbot.adapters.smtp import SmtpMailer
    from mailbot.errors import DeliveryError
    from mailbot.store.health import snapshot

    beat = Heartbeat(engine, FakeClock(NOW), instance="bot-a")
    mailer = beat.watch(SmtpMailer(smtp_sink.settings(from_address=DESK)))
    message = b"Subject: hi\r\n\r\nhello\r\n"
    mailer.send(DESK, ["chief@town.test"], message)
    for code in (450, 550):
        smtp_sink.fail_next(code, 1, stage="rcpt")
        with pytest.raises(DeliveryError):
            mailer.send(DESK, ["chief@town.test"], message)
        with db.transaction(engine) as session:
            [bot] = snapshot(session, NOW).instances
        assert bot.smtp == "ok", code
    smtp_sink.fail_next(451, 1, stage="mail")
    with pytest.raises(DeliveryError):
        mailer.send(DESK, ["chief@town.test"], message)
    with db.transaction(engine) as session:
        [bot] = snapshot(session, NOW).instances
    assert bot.smtp == "failing" and "451" in bot.errors["smtp"]
