"""One IMAP session (IMAPClient): connect and log in (password or XOAUTH2), reconnect
with backoff, log out, and the translation of every IMAP, socket and TLS failure into
:class:`MailboxError`. The mailbox operations are :class:`mailbot.adapters.imap.ImapMailbox`'s.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import structlog
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from mailbot.adapters.oauth2 import TokenSource
from mailbot.config import MailboxSettings
from mailbot.errors import MailboxError, MailboxLoginError, TokenError
from mailbot.ports import FolderState

log = structlog.get_logger()


class ImapSession:
    """One IMAP connection to the bot's mailbox.

    ``ssl_context`` replaces the default verifying context (tests, private CAs).
    ``ignore_capabilities`` hides server extensions this adapter would otherwise use
    (``{"MOVE"}``, ``{"IDLE"}``), for a server whose implementation is broken.
    ``sleep`` is the wait used between reconnect attempts and instead of IDLE; a
    test seam. ``token_source`` gives the access token when ``settings.auth`` is
    ``"oauth2"`` (AUTHENTICATE XOAUTH2).
    """

    def __init__(
        self,
        settings: MailboxSettings,
        *,
        ssl_context: ssl.SSLContext | None = None,
        ignore_capabilities: Iterable[str] = (),
        idle_renew_seconds: float = 540.0,
        sleep: Callable[[float], None] = time.sleep,
        token_source: TokenSource | None = None,
    ) -> None:
        self.settings = settings
        self._tokens = token_source
        self._ssl_context = ssl_context
        self._ignored = frozenset(c.upper() for c in ignore_capabilities)
        self._idle_renew = idle_renew_seconds
        self._sleep = sleep
        self._client: IMAPClient | None = None
        self._state: FolderState | None = None
        self._known_folders: set[str] = set()
        self._log = log.bind(imap_host=settings.host, imap_port=settings.port)

    # -- connection ---------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._client is not None

    def connect(self) -> None:
        """Open the connection and log in; a no-op when already connected."""
        if self._client is not None:
            return
        s = self.settings
        context = self._ssl_context or ssl.create_default_context()
        try:
            client = IMAPClient(
                s.host,
                port=s.port,
                ssl=s.security == "tls",
                ssl_context=context if s.security == "tls" else None,
                timeout=s.timeout_seconds,
            )
        except (IMAPClientError, OSError) as e:
            raise MailboxError(f"cannot reach the IMAP server {s.host}:{s.port}: {e}") from e
        try:
            if s.security == "starttls":
                client.starttls(context)
            if s.auth == "oauth2":
                client.oauth2_login(s.username, self._token())
            else:
                client.login(s.username, s.password.get_secret_value())
        except LoginError as e:
            self._shutdown(client)
            if s.auth == "oauth2":
                if self._tokens is not None:
                    self._tokens.invalidate()
                raise MailboxLoginError(
                    f"the IMAP server {s.host}:{s.port} refused the XOAUTH2 login of "
                    f"{s.username!r}; check that the app has IMAP.AccessAsApp with admin "
                    "consent and Add-MailboxPermission on this mailbox (README: Running it "
                    "against Microsoft 365)"
                ) from e
            raise MailboxLoginError(
                f"the IMAP server {s.host}:{s.port} refused the login of user {s.username!r}; "
                "check the password (MAILBOT_MAILBOX_PASSWORD)"
            ) from e
        except MailboxError:
            self._shutdown(client)
            raise
        except (IMAPClientError, OSError) as e:
            self._shutdown(client)
            raise MailboxError(
                f"cannot open an IMAP session on {s.host}:{s.port} ({s.security}): {e}"
            ) from e
        self._client = client
        self._log.info("imap_connected", user=s.username, security=s.security)

    def _token(self) -> str:
        if self._tokens is None:
            raise MailboxError('mailbox.auth = "oauth2" but no token source was given')
        try:
            return self._tokens.token()
        except TokenError as e:
            raise MailboxError(f"no OAuth2 token for the IMAP login: {e}") from e

    def reconnect(
        self, *, attempts: int = 6, first_delay: float = 1.0, max_delay: float = 60.0
    ) -> None:
        """Drop any connection and connect again, with exponential backoff.

        Waits ``first_delay``, then twice as long, up to ``max_delay``, between failed
        attempts, logging one ``imap_connect_failed`` line per failure. A refused login
        is not retried. Raises the last :class:`MailboxError` after ``attempts`` tries.
        Select the folder again afterwards (and compare its UIDVALIDITY).
        """
        self.close()
        delay = first_delay
        for attempt in range(1, attempts + 1):
            try:
                self.connect()
            except MailboxLoginError:
                raise
            except MailboxError as e:
                last = attempt == attempts
                self._log.warning(
                    "imap_connect_failed",
                    attempt=attempt,
                    attempts=attempts,
                    retry_in=None if last else delay,
                    error=str(e),
                )
                if last:
                    raise
                self._sleep(delay)
                delay = min(delay * 2, max_delay)
            else:
                if attempt > 1:
                    self._log.info("imap_reconnected", attempt=attempt)
                return

    def close(self) -> None:
        """Log out and close; safe to call twice or on a dead connection."""
        client, self._client = self._client, None
        self._state = None
        self._known_folders.clear()
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # the connection may already be gone: close it regardless
            self._shutdown(client)

    @staticmethod
    def _shutdown(client: IMAPClient) -> None:
        with contextlib.suppress(Exception):  # already closed
            client.shutdown()

    def _drop(self, op: str, error: BaseException) -> None:
        client, self._client = self._client, None
        self._state = None
        self._known_folders.clear()
        if client is not None:
            self._shutdown(client)
        self._log.warning("imap_connection_lost", op=op, error=str(error) or type(error).__name__)

    def _require(self) -> IMAPClient:
        if self._client is None:
            raise MailboxError(
                f"not connected to the IMAP server {self.settings.host}:{self.settings.port}; "
                "call reconnect()"
            )
        return self._client

    @contextmanager
    def _errors(self, op: str) -> Iterator[None]:
        """Translate IMAP, socket and TLS failures into MailboxError."""
        where = f"{self.settings.host}:{self.settings.port}"
        try:
            yield
        except MailboxError:
            raise
        except (IMAPClientAbortError, OSError) as e:
            self._drop(op, e)
            raise MailboxError(f"IMAP {op} on {where}: connection lost ({e}); reconnect") from e
        except IMAPClientError as e:
            raise MailboxError(f"IMAP {op} on {where} refused: {e}") from e

    # -- capabilities -------------------------------------------------------------------

    def capabilities(self) -> frozenset[str]:
        """The server's capabilities (upper case), minus ``ignore_capabilities``."""
        client = self._require()
        with self._errors("CAPABILITY"):
            raw = client.capabilities()
        names = {c.decode("ascii", "replace").upper() for c in raw}
        return frozenset(names - self._ignored)

    def has_capability(self, name: str) -> bool:
        return name.upper() in self.capabilities()
