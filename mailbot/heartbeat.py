"""The running bot's heartbeat: after each poll and each send it writes its state (last
successful poll, IMAP/SMTP/token state, last errors) to the ``bot_status`` table, where
``mailbot status``, the Docker health check and the metrics read it.

A failure to write is logged and ignored: the heartbeat never stops the bot.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Sequence
from typing import Any

import structlog
from sqlalchemy.engine import Engine

from mailbot.adapters.oauth2 import TokenSource
from mailbot.errors import DeliveryError, MailbotError, RecipientsRefused, TokenError
from mailbot.ports import Clock, Mailer
from mailbot.store import db
from mailbot.store.health import save_status

log = structlog.get_logger()


def instance_name() -> str:
    """This bot's name in ``bot_status``: the host (the container) name."""
    return socket.gethostname()[:255] or "mailbot"


class Heartbeat:
    """Writes what the runner and the mailer see to the database."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        *,
        instance: str | None = None,
        tokens: TokenSource | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.instance = instance or instance_name()
        self.tokens = tokens

    def _save(self, **changes: Any) -> None:
        parts: dict[str, str] = dict(changes.pop("parts", {}))
        errors: dict[str, str | None] = dict(changes.pop("errors", {}))
        expires = None
        if self.tokens is not None:
            state = self.tokens.state()
            parts["token"] = state.status
            errors["token"] = state.last_error
            expires = state.expires_at
        try:
            with db.transaction(self.engine) as session:
                save_status(
                    session,
                    self.instance,
                    self.clock.now(),
                    parts=parts,
                    errors=errors,
                    token_expires_at=expires,
                    **changes,
                )
        except MailbotError as e:
            log.warning("status_not_saved", error=str(e))

    def started(self) -> None:
        self._save(started=True)

    def polled(self) -> None:
        """A poll reached the mailbox and finished."""
        self._save(polled=True, parts={"imap": "ok"}, errors={"imap": None})

    def poll_failed(self, error: str) -> None:
        self._save(parts={"imap": "failing"}, errors={"imap": error})

    def sent(self) -> None:
        self._save(parts={"smtp": "ok"}, errors={"smtp": None})

    def send_failed(self, error: str) -> None:
        self._save(parts={"smtp": "failing"}, errors={"smtp": error})

    def refresh_token(self) -> None:
        """Renew the OAuth2 token when due even while no login needs it, so a failing
        renewal shows in the logs and in ``status`` before the token runs out."""
        if self.tokens is None:
            return
        with contextlib.suppress(TokenError):  # logged by the token source
            self.tokens.token()
        self._save()

    def watch(self, mailer: Mailer) -> Mailer:
        """``mailer``, reporting each send's outcome here."""
        return _WatchedMailer(mailer, self)


class _WatchedMailer:
    def __init__(self, mailer: Mailer, heartbeat: Heartbeat) -> None:
        self._mailer = mailer
        self._heartbeat = heartbeat

    def send(self, sender: str, recipients: Sequence[str], message: bytes) -> None:
        try:
            self._mailer.send(sender, recipients, message)
        except RecipientsRefused:
            # A refused recipient says nothing about the server; a refused login or
            # sender (SendAsDenied) does.
            raise
        except DeliveryError as e:
            self._heartbeat.send_failed(str(e))
            raise
        self._heartbeat.sent()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._mailer, name)
