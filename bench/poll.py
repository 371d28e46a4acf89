"""Mailbox loop benchmarks against a real Dovecot and an aiosmtpd peer.

Prints, in one run:
1. a poll with no new mail on a 20,000-message folder / the same on 100 (target <= 1.5);
2. the end-to-end rate for a backlog of 1,000 enrolment emails (fetch, parse, store,
   queue reply) against plain IMAPClient fetch + mail-parser of the same messages
   (target ratio >= 0.3);
3. peak memory of a cycle while a 25 MB message sits in the backlog (target <= 200 MB);
4. with IMAP IDLE, the median time from APPEND to the reply at the SMTP peer
   (target <= 2 s).

Run from the repository root: ``python bench/poll.py`` (needs Dovecot; the test
fixtures install it when run as root). ``--quick`` uses smaller sizes.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailbot.logs import configure_logging  # noqa: E402
from mailbot.store import db  # noqa: E402
from tests.fixtures.dovecot import DovecotServer, find_or_install_dovecot  # noqa: E402
from tests.fixtures.smtpsink import SmtpSink  # noqa: E402
from tests.integration.desk_helpers import make_desk, make_settings  # noqa: E402
from tests.integration.test_desk_backlog import enrolment  # noqa: E402


def fill(account: Any, count: int, folder: str = "INBOX") -> None:
    """Append ``count`` small messages quickly (MULTIAPPEND in chunks)."""
    with account.client() as client:
        for start in range(0, count, 500):
            msgs = [
                b"From: filler@example.test\r\nSubject: filler %d\r\n\r\nbody\r\n" % i
                for i in range(start, min(count, start + 500))
            ]
            client.multiappend(folder, msgs)


def append_all(account: Any, raws: list[bytes], chunk: int = 200) -> None:
    """Append ``raws`` in order, in MULTIAPPENDs of ``chunk`` (one command for a
    thousand can outlast the client's time-out on a busy machine)."""
    with account.client() as client:
        for start in range(0, len(raws), chunk):
            client.multiappend("INBOX", raws[start : start + chunk])


def fresh_db() -> str:
    """A new SQLite database, in a folder removed when the benchmark ends."""
    folder = tempfile.mkdtemp(prefix="mbbench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    url = f"sqlite:///{folder}/mailbot.db"
    db.upgrade(url)
    return url


def idle_desk(server: DovecotServer, sink: SmtpSink, size: int) -> Any:
    """A desk whose folder holds ``size`` messages, all handled before (they stay in
    the folder: the worst case for anything that scans)."""
    account = server.new_account()
    fill(account, size)
    url = fresh_db()
    engine = db.make_engine(url)
    settings = make_settings(account, sink, url)
    desk = make_desk(settings, engine)
    from mailbot.store import folders

    state = desk.prepare()
    with db.transaction(engine) as session:
        assert state.uidnext is not None
        folders.set_cursor(
            session,
            settings.mailbox.folder,
            state.uidvalidity,
            state.uidnext - 1,
            desk.clock.now(),
        )
    for _ in range(30):  # warm-up: Dovecot builds its index and caches on first access
        desk.poll_once()
    return desk


def idle_poll_times(
    server: DovecotServer, sink: SmtpSink, sizes: tuple[int, int], rounds: int
) -> tuple[float, float]:
    """Median time of a poll with nothing new, for each folder size, measured
    alternately so that machine noise hits both alike."""
    desks = [idle_desk(server, sink, n) for n in sizes]
    times: list[list[float]] = [[], []]
    for _ in range(rounds):
        for i, desk in enumerate(desks):
            t = time.perf_counter()
            report = desk.poll_once()
            times[i].append(time.perf_counter() - t)
            assert report.seen == 0
    for desk in desks:
        desk.mailbox.close()
        desk.engine.dispose()
    return statistics.median(times[0]), statistics.median(times[1])


def backlog_rate(
    server: DovecotServer, sink: SmtpSink, count: int, read_timeout: float
) -> tuple[float, float]:
    """Messages/second: the desk on a backlog, and plain fetch + mail-parser.
    ``read_timeout`` 0 reads in-process; above 0 in the isolated reader (the default)."""
    import mailparser
    from imapclient import IMAPClient

    raws = [enrolment(i) for i in range(count)]
    # Baseline: fetch every message and parse it with mail-parser, nothing else.
    account = server.new_account()
    append_all(account, raws)
    t = time.perf_counter()
    client = IMAPClient(account.host, port=account.port, ssl=False, timeout=30)
    client.login(account.user, account.password)
    client.select_folder("INBOX")
    uids = client.search(["ALL"])
    for start in range(0, len(uids), 50):
        for data in client.fetch(uids[start : start + 50], ["BODY.PEEK[]"]).values():
            mailparser.parse_from_bytes(data[b"BODY[]"])
    client.logout()
    plain = count / (time.perf_counter() - t)

    account = server.new_account()
    append_all(account, raws)
    url = fresh_db()
    engine = db.make_engine(url)
    settings = make_settings(account, sink, url)
    settings.limits.read_timeout_seconds = read_timeout
    desk = make_desk(settings, engine)
    sink.reset()
    t = time.perf_counter()
    seen = 0
    while True:
        polled = desk.poll_once()
        seen += polled.seen
        if polled.seen == 0:
            break
    full = count / (time.perf_counter() - t)
    assert seen == count, seen
    desk.close()
    engine.dispose()
    return full, plain


_MEMORY_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from mailbot.config import DatabaseSettings, Settings
from mailbot.store import db
from tests.integration.desk_helpers import make_desk
from tests.fixtures.smtpsink import SmtpSink
import json
cfg = json.loads(sys.argv[2])
settings = Settings(mailbox=cfg["mailbox"], smtp=cfg["smtp"],
                    database=DatabaseSettings(url=cfg["url"]), limits=cfg["limits"])
engine = db.make_engine(cfg["url"])
import mailbot.reader
mailbot.reader.RECYCLE_AFTER_BYTES = 1 << 62  # keep the reader alive to read its peak
desk = make_desk(settings, engine)
report = desk.poll_once()
# VmHWM, not ru_maxrss: after fork+exec the latter still counts the parent's pages.
def hwm(pid):
    line = next(l for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
process = getattr(desk.reader, "_process", None)
reader = process.pid if process else None
print(json.dumps({"seen": report.seen, "too_large": report.too_large,
                  "peak_mb": hwm("self"), "reader_peak_mb": hwm(reader) if reader else 0}))
"""


def peak_memory(server: DovecotServer, sink: SmtpSink, limit_mb: int) -> dict[str, Any]:
    """Peak RSS of a fresh process running one poll over a backlog holding a 25 MB
    message (and ten ordinary ones)."""
    import json

    account = server.new_account()
    big = (
        b"From: chief@big.test\r\nTo: dps.eticket@vermont.gov\r\nSubject: huge scan\r\n"
        b"Message-ID: <big@big.test>\r\nContent-Type: text/plain\r\n\r\n"
        + (b"x" * 76 + b"\r\n")
        * (25 * 1024 * 1024 // 78)
    )
    with account.client() as client:
        client.multiappend("INBOX", [enrolment(i) for i in range(5)])
        client.append("INBOX", big)
        client.multiappend("INBOX", [enrolment(i) for i in range(5, 10)])
    url = fresh_db()
    cfg = {
        "mailbox": account.settings().model_dump(mode="json"),
        "smtp": sink.settings().model_dump(mode="json"),
        "url": url,
        "limits": {"max_message_bytes": limit_mb * 1024 * 1024},
    }
    cfg["mailbox"]["password"] = account.password
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(ROOT), json.dumps(cfg)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MAILBOT_LOGGING_LEVEL": "error"},
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def idle_latency(server: DovecotServer, sink: SmtpSink, samples: int) -> float:
    """Median seconds from APPEND to the reply at the SMTP peer, with IDLE."""
    from mailbot.adapters.imap import ImapMailbox
    from mailbot.runner import Runner

    account = server.new_account()
    url = fresh_db()
    engine = db.make_engine(url)
    settings = make_settings(account, sink, url)
    settings.poll.interval_seconds = 300
    settings.poll.idle = True
    desk = make_desk(settings, engine)
    runner = Runner(desk, ImapMailbox(settings.mailbox))
    thread = threading.Thread(target=runner.run, kwargs={"install_signals": False}, daemon=True)
    sink.reset()
    thread.start()
    time.sleep(1.5)
    latencies = []
    try:
        for i in range(samples):
            before = len(sink.messages)
            t = time.perf_counter()
            account.append(enrolment(5000 + i))
            while len(sink.messages) == before and time.perf_counter() - t < 30:
                time.sleep(0.01)
            latencies.append(time.perf_counter() - t)
            time.sleep(0.2)
    finally:
        runner.stop.set()
        thread.join(timeout=30)
        engine.dispose()
    return statistics.median(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    configure_logging("error", "json")
    big, small = (2_000, 100) if args.quick else (20_000, 100)
    backlog = 200 if args.quick else 1_000

    server = DovecotServer(find_or_install_dovecot())
    server.start()
    sink = SmtpSink()
    sink.start()
    try:
        t_big, t_small = idle_poll_times(server, sink, (big, small), rounds=100)
        print(
            f"no-new-mail poll: {big:,} msgs {t_big * 1000:.1f} ms, "
            f"{small} msgs {t_small * 1000:.1f} ms, ratio {t_big / t_small:.2f} (target <= 1.5)"
        )

        for label, timeout in (("isolated reader (default)", 30.0), ("in-process reader", 0.0)):
            full, plain = backlog_rate(server, sink, backlog, timeout)
            print(
                f"backlog of {backlog:,} enrolments, {label}: desk {full:.0f} msg/s, "
                f"plain fetch+mail-parser {plain:.0f} msg/s, ratio {full / plain:.2f} "
                "(target >= 0.3)"
            )

        default = peak_memory(server, sink, limit_mb=20)
        raised = peak_memory(server, sink, limit_mb=30)
        print(
            "peak memory with a 25 MB message in the backlog (bot / its reader process): "
            f"{default['peak_mb']:.0f} / {default['reader_peak_mb']:.0f} MB with the default "
            f"20 MB limit (not downloaded, too_large={default['too_large']}); "
            f"{raised['peak_mb']:.0f} / {raised['reader_peak_mb']:.0f} MB with the limit raised "
            "to 30 MB (read in full) (target <= 200 MB)"
        )

        latency = idle_latency(server, sink, samples=5 if args.quick else 15)
        print(f"IDLE: median APPEND -> reply at the SMTP peer {latency:.2f} s (target <= 2 s)")
    finally:
        sink.stop()
        server.cleanup()


if __name__ == "__main__":
    main()
