"""``mailbot run``: the scheduler around the desk.

APScheduler runs the poll and outbox jobs (never overlapping: they share the desk's
lock). With IMAP IDLE, a watcher on a second connection wakes the poll job as soon
as mail arrives; the interval poll stays as the safety net. SIGTERM/SIGINT stop
after the message in hand.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import TYPE_CHECKING

import structlog

from mailbot.errors import MailbotError, MailboxError, MailboxLoginError
from mailbot.heartbeat import Heartbeat
from mailbot.service import Desk

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

    from mailbot.ports import Mailbox

log = structlog.get_logger()

LOGIN_FAILURES_BEFORE_EXIT = 5
FULL_POLL_SECONDS = 300.0
"""Between full polls (SELECT) the interval poll trusts a NOOP; this bounds how long
a server that does not announce new mail on NOOP can keep it unseen."""


class Runner:
    """Owns the scheduler, the IDLE watcher and the stop signal."""

    def __init__(
        self,
        desk: Desk,
        watcher_mailbox: Mailbox | None = None,
        outbox_interval: float = 15.0,
        heartbeat: Heartbeat | None = None,
    ) -> None:
        self.desk = desk
        self.heartbeat = heartbeat
        self.settings = desk.settings
        self.stop = threading.Event()
        self.watcher_mailbox = watcher_mailbox
        self.outbox_interval = min(outbox_interval, self.settings.poll.interval_seconds)
        self.login_failures = 0
        self.drops = 0
        self._full_next = True
        self._last_full = 0.0
        self.fatal: str | None = None
        self._scheduler: BackgroundScheduler | None = None

    def poll_job(self) -> None:
        if self.stop.is_set():
            return
        try:
            # Poll, then send what it queued at once: replies within seconds. A full
            # poll (SELECT) when IDLE saw a change, and every few minutes regardless.
            now = time.monotonic()
            full = self._full_next or now - self._last_full >= FULL_POLL_SECONDS
            self._full_next = False
            if full:
                self._last_full = now
            report, _ = self.desk.cycle(self.stop, full=full)
            if self.heartbeat is not None:
                self.heartbeat.polled()
            self.login_failures = self.drops = 0
            if report.seen or report.moved:
                log.info("poll_done", **{k: v for k, v in vars(report).items() if v})
        except MailboxLoginError as e:
            self.login_failures += 1
            log.error("imap_login_failed", failures=self.login_failures, error=str(e))
            if self.heartbeat is not None:
                self.heartbeat.poll_failed(str(e))
            if self.login_failures >= LOGIN_FAILURES_BEFORE_EXIT:
                self.fatal = f"IMAP login keeps failing ({e}); check [mailbox] username/password"
                self.stop.set()
        except MailboxError as e:
            # Reconnect with backoff: 1 s, 2 s, 4 s ... up to the poll interval.
            self.drops += 1
            delay = min(2.0 ** (self.drops - 1), self.settings.poll.interval_seconds)
            log.warning("imap_unavailable", error=str(e), attempt=self.drops, retry_in=delay)
            if self.heartbeat is not None:
                self.heartbeat.poll_failed(str(e))
            self.desk.mailbox.close()
            self._retry_poll_in(delay)
        except MailbotError as e:
            log.error("poll_failed", error=str(e))

    def outbox_job(self) -> None:
        if self.stop.is_set():
            return
        try:
            with self.desk.lock:
                report = self.desk.deliver_due(stop=self.stop)
            if report.sent or report.retried or report.failed:
                log.info("outbox_done", **vars(report))
        except MailbotError as e:
            log.error("outbox_failed", error=str(e))

    def retention_job(self) -> None:
        """Delete the raw bodies of messages and sent replies of cases closed more than
        [retention] raw_days ago."""
        if self.stop.is_set():
            return
        from mailbot.store import db, retention

        days = self.settings.retention.raw_days
        try:
            with db.transaction(self.desk.engine) as session:
                gone = retention.purge(session, self.desk.clock.now(), days)
            if gone:
                messages = sum(p.kind == "message" for p in gone)
                log.info(
                    "raw_purged", messages=messages, replies=len(gone) - messages, raw_days=days
                )
        except MailbotError as e:
            log.error("purge_failed", error=str(e))

    def _retry_poll_in(self, seconds: float) -> None:
        if self._scheduler is not None and not self.stop.is_set():
            self._scheduler.modify_job(
                "poll", next_run_time=datetime.now(UTC) + timedelta(seconds=seconds)
            )

    def wake_poll(self) -> None:
        self._full_next = True
        if self._scheduler is not None and not self.stop.is_set():
            self._scheduler.modify_job("poll", next_run_time=datetime.now(UTC))

    def _watch(self) -> None:
        """IDLE on a second connection; wake the poll job on any change."""
        box = self.watcher_mailbox
        assert box is not None
        renew = self.settings.poll.idle_renew_seconds
        delay = 1.0
        while not self.stop.is_set():
            try:
                box.connect()
                box.select(self.settings.mailbox.folder)
                if not box.has_capability("IDLE"):
                    log.info("imap_idle_unsupported")
                    return
                # Catch up on whatever arrived while we were not watching.
                self.wake_poll()
                delay = 1.0
                while not self.stop.is_set():
                    if box.wait_for_change(min(renew, 30.0)):
                        self.wake_poll()
            except MailboxError as e:
                log.warning("imap_idle_dropped", error=str(e), retry_in=delay)
                box.close()
                self.stop.wait(delay)
                delay = min(delay * 2, 60.0)
        box.close()

    def run(self, install_signals: bool = True) -> int:
        from apscheduler.schedulers.background import BackgroundScheduler

        if install_signals:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, self._on_signal)
        scheduler = BackgroundScheduler(timezone=UTC)
        common: dict[str, object] = {"max_instances": 1, "coalesce": True}
        scheduler.add_job(
            self.poll_job,
            "interval",
            seconds=self.settings.poll.interval_seconds,
            id="poll",
            next_run_time=datetime.now(UTC),
            **common,
        )
        scheduler.add_job(
            self.outbox_job,
            "interval",
            seconds=self.outbox_interval,
            id="outbox",
            next_run_time=datetime.now(UTC),
            **common,
        )
        if self.settings.retention.raw_days:
            scheduler.add_job(
                self.retention_job,
                "interval",
                hours=24,
                id="retention",
                next_run_time=datetime.now(UTC) + timedelta(minutes=1),
                **common,
            )
        if self.heartbeat is not None and self.heartbeat.tokens is not None:
            scheduler.add_job(
                self.heartbeat.refresh_token,
                "interval",
                seconds=60,
                id="token",
                next_run_time=datetime.now(UTC) + timedelta(seconds=60),
                **common,
            )
        self._scheduler = scheduler
        if self.heartbeat is not None:
            self.heartbeat.started()
        scheduler.start()
        watcher = None
        if self.settings.poll.idle and self.watcher_mailbox is not None:
            watcher = threading.Thread(target=self._watch, name="imap-idle", daemon=True)
            watcher.start()
        log.info("mailbot_started", folder=self.settings.mailbox.folder)
        self.stop.wait()
        log.info("mailbot_stopping")
        scheduler.shutdown(wait=True)
        self.desk.close()
        if watcher is not None:
            watcher.join(timeout=5)
        if self.fatal:
            log.error("mailbot_stopped", reason=self.fatal)
            return 1
        log.info("mailbot_stopped")
        return 0

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("signal_received", signal=signal.Signals(signum).name)
        self.stop.set()


def run_desk(
    desk: Desk,
    make_watcher: Callable[[], Mailbox] | None = None,
    heartbeat: Heartbeat | None = None,
) -> int:
    watcher = make_watcher() if make_watcher is not None and desk.settings.poll.idle else None
    return Runner(desk, watcher, heartbeat=heartbeat).run()
