"""Prometheus metrics (``[metrics] port``): the ``mailbot status`` figures, read from
the database at each scrape, in the Prometheus text format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import structlog
from sqlalchemy.engine import Engine

from mailbot.errors import MailbotError
from mailbot.ports import Clock
from mailbot.store import db
from mailbot.store.health import PARTS, snapshot

if TYPE_CHECKING:
    from wsgiref.simple_server import WSGIServer

    from prometheus_client.metrics_core import Metric

log = structlog.get_logger()


class StatusCollector:
    """A prometheus-client collector over :func:`mailbot.store.health.snapshot`."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def collect(self) -> Iterator[Metric]:
        from prometheus_client.core import GaugeMetricFamily

        readable = GaugeMetricFamily(
            "mailbot_database_up", "1 when the status could be read from the database."
        )
        try:
            with db.transaction(self.engine) as session:
                snap = snapshot(session, self.clock.now())
        except MailbotError as e:
            log.warning("metrics_unreadable", error=str(e))
            readable.add_metric([], 0)
            yield readable
            return
        readable.add_metric([], 1)
        yield readable

        age = GaugeMetricFamily(
            "mailbot_last_poll_age_seconds",
            "Seconds since the instance's last successful poll.",
            labels=["instance"],
        )
        up = GaugeMetricFamily(
            "mailbot_part_up",
            "1 when the part (imap, smtp, token) last worked for the instance.",
            labels=["instance", "part"],
        )
        expiry = GaugeMetricFamily(
            "mailbot_token_expiry_timestamp_seconds",
            "When the instance's OAuth2 token expires (Unix time).",
            labels=["instance"],
        )
        for item in snap.instances:
            if item.last_poll_age_seconds is not None:
                age.add_metric([item.instance], item.last_poll_age_seconds)
            for part in PARTS:
                state = getattr(item, part)
                if state not in ("unknown", "none"):
                    up.add_metric([item.instance, part], 1 if state == "ok" else 0)
            if item.token_expires_at is not None:
                expiry.add_metric([item.instance], item.token_expires_at.timestamp())
        yield from (age, up, expiry)

        today = GaugeMetricFamily(
            "mailbot_messages_read_today", "Messages recorded since midnight UTC."
        )
        today.add_metric([], snap.messages_today)
        cases = GaugeMetricFamily("mailbot_cases", "Cases by status.", labels=["status"])
        for status, count in sorted(snap.cases.items()):
            cases.add_metric([status], count)
        outbox = GaugeMetricFamily(
            "mailbot_outbox", "Replies not sent: waiting or given up on.", labels=["status"]
        )
        outbox.add_metric(["pending"], snap.outbox_pending)
        outbox.add_metric(["failed"], snap.outbox_failed)
        quarantined = GaugeMetricFamily("mailbot_quarantined", "Messages set aside as unreadable.")
        quarantined.add_metric([], snap.quarantined)
        yield from (today, cases, outbox, quarantined)


def serve_metrics(engine: Engine, clock: Clock, address: str, port: int) -> WSGIServer:
    """Serve ``/metrics`` on ``address:port`` in a daemon thread; returns the server
    (``shutdown()`` stops it)."""
    from prometheus_client import CollectorRegistry, start_http_server

    registry = CollectorRegistry(auto_describe=False)
    registry.register(StatusCollector(engine, clock))
    try:
        server, _thread = start_http_server(port, addr=address, registry=registry)
    except OSError as e:
        raise MailbotError(
            f"cannot serve metrics on {address}:{port}: {e}; change [metrics] port"
        ) from None
    log.info("metrics_serving", address=address, port=port)
    return server
