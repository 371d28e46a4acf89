"""The SMTP relay adapter (smtplib): one connection per message.

Failures are sorted for the outbox: :class:`DeliveryError` means "try again later"
(4xx replies, refused connections, timeouts, dropped connections);
:class:`PermanentDeliveryError` means "retrying will not help" (5xx replies, every
recipient refused with 5xx, a server lacking STARTTLS or AUTH).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence

import structlog

from mailbot.adapters.oauth2 import TokenSource, xoauth2_string
from mailbot.config import SmtpSettings
from mailbot.errors import (
    DeliveryError,
    PermanentDeliveryError,
    PermanentRecipientsRefused,
    RecipientsRefused,
    TokenError,
)

log = structlog.get_logger()


def _error_for(code: int, text: str) -> DeliveryError:
    return PermanentDeliveryError(text) if 500 <= code < 600 else DeliveryError(text)


def _reply_text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())[:200]


class SmtpMailer:
    """Hands messages to the configured SMTP server (implements :class:`mailbot.ports.Mailer`).

    ``ssl_context`` replaces the default verifying context (tests, private CAs).
    ``token_source`` gives the access token when ``settings.auth`` is ``"oauth2"``
    (AUTH XOAUTH2).
    """

    def __init__(
        self,
        settings: SmtpSettings,
        *,
        ssl_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
        token_source: TokenSource | None = None,
    ) -> None:
        self.settings = settings
        self._tokens = token_source
        self._ssl_context = ssl_context
        self._local_hostname = local_hostname
        self._log = log.bind(smtp_host=settings.host, smtp_port=settings.port)

    def _context(self) -> ssl.SSLContext:
        # Loading the system CA store costs tens of milliseconds: do it once.
        if self._ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        return self._ssl_context

    def _open(self) -> smtplib.SMTP:
        s = self.settings
        smtp: smtplib.SMTP
        if s.security == "tls":
            smtp = smtplib.SMTP_SSL(
                s.host,
                s.port,
                local_hostname=self._local_hostname,
                timeout=s.timeout_seconds,
                context=self._context(),
            )
        else:
            smtp = smtplib.SMTP(
                s.host, s.port, local_hostname=self._local_hostname, timeout=s.timeout_seconds
            )
        try:
            smtp.ehlo()
            if s.security == "starttls":
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if s.auth == "oauth2":
                self._xoauth2(smtp)
            elif s.username:
                smtp.login(s.username, s.password.get_secret_value())
        except BaseException:
            smtp.close()
            raise
        return smtp

    @property
    def login_user(self) -> str:
        """Who logs in: ``username``, else (with OAuth2) the ``from_address`` mailbox."""
        s = self.settings
        return s.username or (s.from_address if s.auth == "oauth2" else "")

    def _xoauth2(self, smtp: smtplib.SMTP) -> None:
        if self._tokens is None:
            raise DeliveryError('smtp.auth = "oauth2" but no token source was given')
        try:
            token = self._tokens.token()
        except TokenError as e:
            raise DeliveryError(f"no OAuth2 token for the SMTP login: {e}") from e
        initial = xoauth2_string(self.login_user, token)
        answered = False

        def respond(challenge: bytes | None = None) -> str:
            # The first call gives the token; a second one means the server sent an
            # error challenge (RFC 7628 style), answered with an empty line.
            nonlocal answered
            if answered:
                return ""
            answered = True
            return initial

        smtp.ehlo_or_helo_if_needed()
        if not smtp.has_extn("auth"):
            raise smtplib.SMTPNotSupportedError("the server offers no AUTH")
        try:
            # Token in a second line: servers may cap the AUTH command line (512 octets).
            smtp.auth("XOAUTH2", respond, initial_response_ok=False)
        except smtplib.SMTPAuthenticationError:
            self._tokens.invalidate()
            raise

    def send(self, sender: str, recipients: Sequence[str], message: bytes) -> None:
        """Deliver ``message`` to exactly ``recipients`` (the envelope; headers are ignored).

        Raises :class:`DeliveryError` (retry later) or :class:`PermanentDeliveryError`.
        When only some recipients are refused the message went to the others: the
        refusals are logged and nothing is raised, so it is not sent twice.
        """
        rcpts = list(recipients)
        if not rcpts:
            raise PermanentDeliveryError("no recipients given for the message")
        try:
            smtp = self._open()
            try:
                refused = smtp.sendmail(sender, rcpts, message)
            finally:
                try:
                    smtp.quit()
                except (smtplib.SMTPException, OSError):
                    smtp.close()
        except (smtplib.SMTPException, OSError) as e:
            raise self._translate(e) from e
        if refused:
            # Codes only: recipient addresses stay out of the logs.
            self._log.warning(
                "smtp_recipients_partly_refused",
                refused_codes=sorted(code for code, _ in refused.values()),
                accepted=len(rcpts) - len(refused),
            )
        self._log.info("smtp_sent", recipients=len(rcpts) - len(refused), size=len(message))

    def check(self) -> None:
        """Connect, greet and log in, then quit; raises as :meth:`send` would."""
        try:
            smtp = self._open()
            try:
                smtp.noop()
            finally:
                smtp.quit()
        except (smtplib.SMTPException, OSError) as e:
            raise self._translate(e) from e

    def _translate(self, e: smtplib.SMTPException | OSError) -> DeliveryError:
        """The mailbot error for an smtplib or socket failure: 5xx is permanent."""
        where = f"{self.settings.host}:{self.settings.port}"
        if isinstance(e, smtplib.SMTPRecipientsRefused):
            # The codes, not the addresses: this text reaches logs and the outbox row.
            codes = [code for code, _ in e.recipients.values()]
            text = f"SMTP server {where} refused every recipient ({len(codes)}): codes " + (
                ", ".join(str(code) for code in codes)
            )
            if all(500 <= code < 600 for code in codes):
                return PermanentRecipientsRefused(text)
            return RecipientsRefused(text)
        if isinstance(e, smtplib.SMTPAuthenticationError) and self.settings.auth == "oauth2":
            return _error_for(
                e.smtp_code,
                f"SMTP server {where} refused the XOAUTH2 login of {self.login_user!r} "
                f"({e.smtp_code} {_reply_text(e.smtp_error)}); check that the app has "
                "SMTP.SendAsApp with admin consent, Add-MailboxPermission on the mailbox and "
                "that SMTP AUTH is enabled for it (README: Running it against Microsoft 365)",
            )
        if isinstance(e, smtplib.SMTPAuthenticationError):
            return _error_for(
                e.smtp_code,
                f"SMTP server {where} refused the login of user {self.settings.username!r} "
                f"({e.smtp_code}); check the password (MAILBOT_SMTP_PASSWORD)",
            )
        if isinstance(e, smtplib.SMTPResponseException):
            return _error_for(
                e.smtp_code,
                f"SMTP server {where} answered {e.smtp_code}: {_reply_text(e.smtp_error)}",
            )
        if isinstance(e, smtplib.SMTPNotSupportedError):
            return PermanentDeliveryError(
                f"SMTP server {where} does not support what the settings ask for: {e}; "
                "check smtp.security and smtp.username"
            )
        return DeliveryError(
            f"SMTP server {where} unreachable or connection lost: {e or type(e).__name__}"
        )
