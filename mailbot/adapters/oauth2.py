"""OAuth2 access tokens for IMAP and SMTP (``auth = "oauth2"``).

Two sources, one cache:

- the Microsoft identity platform through MSAL, client-credentials flow (app-only:
  ``[oauth2] tenant_id``, ``client_id`` and ``client_secret`` or a certificate);
- ``[oauth2] token_command``: a command whose standard output is the token (any
  other provider, as ``git credential`` or msmtp's ``passwordeval``).

:class:`TokenSource` keeps the token in memory and renews it ``renew_before_seconds``
before it expires. A failed renewal is logged at error level every time and retried
with backoff; while the old token is still valid it goes on being used, and
:meth:`TokenSource.state` says what is wrong (``mailbot check`` and ``status`` show it).
Neither the secret nor a token is ever logged::

    tokens = token_source(settings)          # None unless a server uses oauth2
    client.oauth2_login(user, tokens.token())
"""

from __future__ import annotations

import functools
import shlex
import subprocess
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import structlog

from mailbot.config import OAuth2Settings, Settings
from mailbot.errors import TokenError

if TYPE_CHECKING:
    import msal
    import requests

log = structlog.get_logger()

# MSAL itself answers a repeated request from its cache for 5 s after a 5xx.
FIRST_RETRY_SECONDS = 5.0
MAX_RETRY_SECONDS = 300.0

Fetch = Callable[[], tuple[str, float]]
"""Gets a new token: returns (access token, seconds it stays valid)."""


@dataclass(frozen=True)
class TokenState:
    """What :meth:`TokenSource.state` reports (no token value in it)."""

    status: str  # "none" (never asked), "ok", "failing" (renewal failing), "down" (no token)
    source: str  # "msal" or "command"
    expires_at: datetime | None
    failures: int
    last_error: str | None

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "status": self.status,
            "source": self.source,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "failures": self.failures,
            "last_error": self.last_error,
        }


class TokenSource:
    """An access token, cached in memory and renewed before it expires (thread-safe).

    ``fetch`` gets a new token; ``clock`` (seconds, wall time) is a test seam.
    """

    def __init__(
        self,
        fetch: Fetch,
        *,
        source: str,
        renew_before: float = 300.0,
        clock: Callable[[], float] = time.time,
        first_retry: float = FIRST_RETRY_SECONDS,
        max_retry: float = MAX_RETRY_SECONDS,
    ) -> None:
        self._fetch = fetch
        self.source = source
        self._renew_before = renew_before
        self._clock = clock
        self._first_retry = first_retry
        self._max_retry = max_retry
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        self._failures = 0
        self._next_attempt = 0.0
        self._last_error: str | None = None
        self.fetches = 0

    def token(self) -> str:
        """A valid access token: the cached one, or a new one when it is due.

        Raises :class:`TokenError` when no valid token can be had (the request is not
        repeated before the backoff delay has passed).
        """
        with self._lock:
            now = self._clock()
            valid = self._token is not None and now < self._expires_at
            if valid and now < self._expires_at - self._renew_before:
                return self._token  # type: ignore[return-value]
            if now < self._next_attempt:
                if valid:
                    return self._token  # type: ignore[return-value]
                raise TokenError(f"no OAuth2 token: {self._last_error}")
            try:
                self.fetches += 1
                value, lifetime = self._fetch()
            except TokenError as e:
                self._failed(now, str(e), still_valid=valid)
                if valid:
                    return self._token  # type: ignore[return-value]
                raise
            self._token, self._expires_at = value, now + lifetime
            if self._failures:
                log.info("oauth2_token_recovered", source=self.source, failures=self._failures)
            self._failures, self._next_attempt, self._last_error = 0, 0.0, None
            log.info("oauth2_token_acquired", source=self.source, expires_in=int(lifetime))
            return value

    def _failed(self, now: float, error: str, *, still_valid: bool) -> None:
        self._failures += 1
        delay = min(self._first_retry * 2 ** (self._failures - 1), self._max_retry)
        self._next_attempt = now + delay
        self._last_error = error
        log.error(
            "oauth2_token_failed",
            source=self.source,
            failures=self._failures,
            retry_in=delay,
            token_still_valid_for=int(self._expires_at - now) if still_valid else 0,
            error=error,
        )

    def invalidate(self) -> None:
        """Forget the cached token (the server refused it); the next call fetches anew."""
        with self._lock:
            self._token, self._expires_at = None, 0.0

    def state(self) -> TokenState:
        with self._lock:
            now = self._clock()
            valid = self._token is not None and now < self._expires_at
            if self._failures:
                status = "failing" if valid else "down"
            else:
                status = "ok" if valid else "none"
            return TokenState(
                status=status,
                source=self.source,
                expires_at=datetime.fromtimestamp(self._expires_at, UTC) if valid else None,
                failures=self._failures,
                last_error=self._last_error,
            )


# -- MSAL (Microsoft identity platform) ------------------------------------------------


def _msal_error(result: Mapping[str, object]) -> str:
    """The identity platform's own words, first line (they carry the AADSTS code)."""
    description = str(result.get("error_description") or "").strip().splitlines()
    return f"{result.get('error', 'error')}: {description[0] if description else '(no detail)'}"


class MsalFetch:
    """Client-credentials tokens from the Microsoft identity platform (or a test authority).

    The MSAL application is built on first use (it reads the authority's OpenID
    configuration then) and kept; a failure to build it is retried on the next call.
    """

    def __init__(self, settings: OAuth2Settings) -> None:
        self.settings = settings
        self._app: msal.ConfidentialClientApplication | None = None

    def _credential(self) -> str | dict[str, str | None]:
        s = self.settings
        if s.certificate_file is not None:
            try:
                key = s.certificate_file.read_text(encoding="utf-8")
            except OSError as e:
                raise TokenError(
                    f"oauth2.certificate_file {s.certificate_file} cannot be read: {e}"
                ) from None
            return {"private_key": key, "thumbprint": s.certificate_thumbprint}
        secret = s.client_secret.get_secret_value()
        if not secret:
            raise TokenError(
                "no client secret: set MAILBOT_OAUTH2_CLIENT_SECRET "
                "(or oauth2.certificate_file and oauth2.certificate_thumbprint)"
            )
        return secret

    def _http_client(self) -> requests.Session:
        import requests
        from requests.adapters import HTTPAdapter

        session = requests.Session()
        session.mount("https://", HTTPAdapter(max_retries=1))
        options: dict[str, Any] = {"timeout": self.settings.timeout_seconds}
        if self.settings.ca_file is not None:
            # Given per request, so REQUESTS_CA_BUNDLE in the environment cannot replace it.
            options["verify"] = str(self.settings.ca_file)
        session.request = functools.partial(session.request, **options)  # type: ignore[method-assign]
        return session

    def _application(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            import msal

            s = self.settings
            try:
                self._app = msal.ConfidentialClientApplication(
                    s.client_id,
                    client_credential=self._credential(),
                    authority=s.authority_url,
                    # A national cloud or a test authority is not in Microsoft's list.
                    instance_discovery=not s.authority,
                    http_client=self._http_client(),
                    token_cache=msal.TokenCache(),
                )
            except TokenError:
                raise
            except Exception as e:  # requests, ValueError: the authority is unusable
                raise TokenError(
                    f"cannot get the configuration of the authority {s.authority_url} "
                    f"(check oauth2.tenant_id, oauth2.authority and the network): "
                    f"{_first_line(e)}"
                ) from None
        return self._app

    def __call__(self) -> tuple[str, float]:
        app = self._application()
        # TokenSource decides when to renew: MSAL's own cache must not answer instead.
        app.remove_tokens_for_client()
        try:
            result = app.acquire_token_for_client(scopes=[self.settings.scope])
        except Exception as e:  # requests: timeout, refused, TLS
            raise TokenError(
                f"token request to {self.settings.authority_url} failed: {_first_line(e)}"
            ) from None
        if not isinstance(result, dict) or "access_token" not in result:
            raise TokenError(
                f"the authority {self.settings.authority_url} refused the token request: "
                + _msal_error(result if isinstance(result, dict) else {})
            )
        return str(result["access_token"]), float(result.get("expires_in", 3600))


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else type(error).__name__


# -- token_command -----------------------------------------------------------------------


class CommandFetch:
    """Runs ``token_command`` (no shell) and takes its standard output as the token."""

    def __init__(self, settings: OAuth2Settings) -> None:
        self.settings = settings

    def __call__(self) -> tuple[str, float]:
        s = self.settings
        argv = shlex.split(s.token_command)
        name = argv[0] if argv else "(empty)"
        try:
            done = subprocess.run(
                argv,
                capture_output=True,
                timeout=s.timeout_seconds,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise TokenError(
                f"oauth2.token_command {name} did not finish within {s.timeout_seconds:g} s"
            ) from None
        except OSError as e:
            raise TokenError(f"oauth2.token_command {name} cannot be run: {e}") from None
        if done.returncode != 0:
            # stderr may hold anything: say only how it ended and its first line.
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise TokenError(
                f"oauth2.token_command {name} exited {done.returncode}"
                + (f": {detail[0][:200]}" if detail else "")
            )
        token = done.stdout.decode("utf-8", "replace").strip()
        if not token or any(c.isspace() for c in token):
            raise TokenError(
                f"oauth2.token_command {name} printed no token (one line, no spaces, expected)"
            )
        return token, s.token_command_lifetime_seconds


# -- one source per process --------------------------------------------------------------

_SOURCES: dict[int, tuple[OAuth2Settings, TokenSource]] = {}
_SOURCES_LOCK = threading.Lock()


def build_token_source(settings: OAuth2Settings) -> TokenSource:
    """A new token source for ``[oauth2]`` (``token_command`` wins over MSAL)."""
    if settings.token_command:
        return TokenSource(CommandFetch(settings), source="command", renew_before=0.0)
    return TokenSource(
        MsalFetch(settings), source="msal", renew_before=settings.renew_before_seconds
    )


def token_source(settings: Settings) -> TokenSource | None:
    """The process's one token source for these settings (so IMAP, the IDLE watcher
    and SMTP share the cached token), or None when no server uses OAuth2."""
    if settings.mailbox.auth != "oauth2" and settings.smtp.auth != "oauth2":
        return None
    with _SOURCES_LOCK:
        known = _SOURCES.get(id(settings.oauth2))
        if known is None or known[0] is not settings.oauth2:
            known = (settings.oauth2, build_token_source(settings.oauth2))
            _SOURCES[id(settings.oauth2)] = known
        return known[1]


def xoauth2_string(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"
