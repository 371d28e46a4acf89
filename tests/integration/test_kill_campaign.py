"""Kill campaign: `mailbot run` killed (SIGKILL, reader and all) at random moments
over a backlog, then one clean run. Nothing lost, nothing twice, nothing quarantined.

In CI a small campaign runs on each database. A longer one runs locally with, e.g.::

    MAILBOT_KILL_CAMPAIGN="messages=200,kills=3,rounds=20,seed=7" \\
        .venv/bin/python -m pytest tests/integration/test_kill_campaign.py -s

(``kills`` is the most per round: each round draws 1..kills.) Each round prints one
``kill_campaign`` line of figures; the last line sums them.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from mailbot.store import db
from mailbot.store.models import Case, Message, MessageOutcome, OutboxMessage, OutboxStatus
from tests.fixtures.databases import _create_database, _drop_database, require_postgres
from tests.integration.desk_helpers import DESK
from tests.integration.test_desk_process import mailbot, write_config

pytestmark = pytest.mark.integration


def _campaign() -> dict[str, int]:
    settings = {"messages": 12, "kills": 1, "rounds": 1, "seed": 0}
    for part in filter(None, os.environ.get("MAILBOT_KILL_CAMPAIGN", "").split(",")):
        key, _, value = part.partition("=")
        settings[key.strip()] = int(value)
    return settings


def request(round_no: int, i: int) -> bytes:
    m = EmailMessage()
    m["From"] = f"Chief {i} <chief{i}@town{i}.test>"
    m["To"] = DESK
    m["Subject"] = f"Town {i} Police Department e-ticket enrolment"
    m["Message-ID"] = f"<kill-{round_no}-{i}@town{i}.test>"
    m.set_content(
        f"Town {i} Police Department would like to start issuing tickets electronically.\n"
        f"I have designated Chief {i} as the e-ticket Point-of-Contact (chief{i}@town{i}.test).\n\n"
        f"Judiciary Code: {i:04d}\nAgency Name: Town {i} Police Department\n"
        f"Address: {i} Main Street, Town, VT 05001\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        f"Smith\tJohn\tOfficer\tT{i:04d}\tjsmith{i}\n\nThank you,\nChief {i}\nChief of Police\n"
    )
    return bytes(m)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        require_postgres()
    return str(request.param)


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path) -> Iterator[Any]:
    """Makes a new, migrated database per round; drops the PostgreSQL ones afterwards."""
    made: list[str] = []

    def make(round_no: int) -> str:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / f'round{round_no}.db'}"
        else:
            url = _create_database("mailbot_kill")
            made.append(url)
        db.upgrade(url)
        return url

    yield make
    for url in made:
        _drop_database(url)


def _message_id(raw: bytes) -> str:
    return str(BytesHeaderParser().parsebytes(raw)["Message-ID"])


def _run_and_kill(config: Path, password: str, after: float, log: Path) -> str:
    """Start `mailbot run`, SIGKILL it after ``after`` seconds; its log lines."""
    env = {**os.environ, "MAILBOT_MAILBOX_PASSWORD": password}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mailbot", "--config", str(config), "run"],
            stdout=subprocess.DEVNULL,
            stderr=out,
            env=env,
            start_new_session=True,
        )
        time.sleep(after)
        os.killpg(proc.pid, signal.SIGKILL)  # the bot and its reader, at once
        proc.wait(timeout=30)
    return log.read_text(errors="replace")


def test_random_kills_lose_nothing_and_quarantine_nothing(
    dovecot: Any, smtp_sink: Any, fresh_url: Any, tmp_path: Path
) -> None:
    """Killing the bot at random moments over a backlog, then one clean run: every
    request ends in exactly one folder (Processed), none in Quarantine, one case each,
    and each reply reaches its recipient once or at most twice with one Message-ID."""
    plan = _campaign()
    rng = random.Random(plan["seed"])
    totals: Counter[str] = Counter()
    for round_no in range(plan["rounds"]):
        account = dovecot.new_account()
        url = fresh_url(round_no)
        smtp_sink.reset()
        config = write_config(
            tmp_path / f"round{round_no}.toml",
            account,
            smtp_sink,
            url,
            interval_seconds=1,
            idle=True,
            batch_size=10,
        )
        n = plan["messages"]
        with account.client() as client:
            for i in range(n):
                client.append("INBOX", request(round_no, i))
        kills = rng.randint(1, plan["kills"])
        logs = ""
        for k in range(kills):
            after = rng.uniform(0.8, 2.0 + n * 0.06)
            logs += _run_and_kill(
                config, account.password, after, tmp_path / f"r{round_no}k{k}.log"
            )
        for _ in range(4):  # the clean run: as many polls as it takes
            out = mailbot(config, "poll", "--once", password=account.password, timeout=300)
            assert out.returncode == 0, out.stderr[-2000:]
            logs += out.stderr
            if not account.uids("INBOX"):
                break
        engine = db.make_engine(url)
        with db.transaction(engine) as s:  # replies a killed relay had claimed fall due
            held = s.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING)
                .values(next_attempt_at=datetime(2000, 1, 1, tzinfo=UTC))
            ).rowcount
        if held:
            out = mailbot(config, "poll", "--once", password=account.password, timeout=300)
            assert out.returncode == 0, out.stderr[-2000:]
        with db.transaction(engine) as s:
            cases = int(s.scalar(select(func.count()).select_from(Case)) or 0)
            quarantined = int(
                s.scalar(
                    select(func.count())
                    .select_from(Message)
                    .where(Message.outcome == MessageOutcome.QUARANTINED)
                )
                or 0
            )
            outbox_ids = set(s.scalars(select(OutboxMessage.message_id)))
        engine.dispose()
        placed = {
            folder: [_message_id(m.raw) for m in account.messages(folder)]
            for folder in ("INBOX", "Processed", "Needs-Review", "Quarantine")
        }
        everywhere = Counter(mid for mids in placed.values() for mid in mids)
        sent = Counter(_message_id(d.data) for d in smtp_sink.messages)
        figures = {
            "round": round_no,
            "messages": n,
            "kills": kills,
            "one_by_one_rereads": logs.count("reading_one_by_one"),
            "quarantined": quarantined + len(placed["Quarantine"]),
            "duplicate_copies": sum(c - 1 for c in everywhere.values()),
            "duplicate_cases": max(0, cases - n),
            "resent_replies": sum(c - 1 for c in sent.values()),
            "lost": n - len(everywhere),
        }
        print("kill_campaign", json.dumps(figures))
        totals.update({k: v for k, v in figures.items() if k != "round"})
        assert placed["INBOX"] == []
        assert placed["Quarantine"] == [] and quarantined == 0
        assert len(placed["Processed"]) == n and len(everywhere) == n
        assert max(everywhere.values()) == 1
        assert cases == n
        assert set(sent) == outbox_ids and len(outbox_ids) == n
        assert max(sent.values()) <= 2
    print("kill_campaign_total", json.dumps({"rounds": plan["rounds"], **totals}))
