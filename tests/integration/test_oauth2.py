"""OAuth2 login against real servers: MSAL against a local HTTPS authority, Dovecot
checking XOAUTH2 tokens itself (local JWT validation), aiosmtpd taking AUTH XOAUTH2."""

from __future__ import annotations

import time
from typing import Any

import pytest

from mailbot.adapters.imap import ImapMailbox
from mailbot.adapters.oauth2 import MsalFetch, TokenSource, build_token_source
from mailbot.adapters.smtp import SmtpMailer
from mailbot.config import OAuth2Settings
from mailbot.errors import MailboxError, MailboxLoginError, PermanentDeliveryError, TokenError
from tests.fixtures.certs import TlsFiles
from tests.fixtures.dovecot import DovecotServer
from tests.fixtures.smtpsink import SmtpSink
from tests.fixtures.tokenserver import SigningKey, TokenServer, check_token

pytestmark = pytest.mark.integration


def oauth2_settings(server: TokenServer, tls: TlsFiles, **overrides: Any) -> OAuth2Settings:
    values: dict[str, Any] = {
        "client_id": server.client_id,
        "client_secret": server.client_secret,
        "authority": server.authority,
        "ca_file": str(tls.cert),
        "timeout_seconds": 2.0,
    }
    values.update(overrides)
    return OAuth2Settings.model_validate(values)


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def msal_source(
    server: TokenServer, tls: TlsFiles, clock: Clock | None = None, **o: Any
) -> TokenSource:
    settings = oauth2_settings(server, tls, **o)
    return TokenSource(
        MsalFetch(settings),
        source="msal",
        renew_before=settings.renew_before_seconds,
        clock=clock or time.time,
        first_retry=0.0,
    )


# -- MSAL against the test authority -----------------------------------------------------


def test_msal_gets_a_first_token_then_serves_it_from_memory(
    token_server: TokenServer, tls_files: TlsFiles, signing_key: SigningKey
) -> None:
    """The first login asks the authority once; later logins reuse the cached token."""
    tokens = msal_source(token_server, tls_files)
    first = tokens.token()
    assert check_token(signing_key, token_server.mailbox_user, first) is None
    assert tokens.token() == first
    assert token_server.token_requests == 1


def test_msal_renews_the_token_before_it_expires(
    token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """Five minutes before expiry a new token is requested from the authority."""
    clock = Clock()
    tokens = msal_source(token_server, tls_files, clock)
    first = tokens.token()
    clock.now += 3600 - 200
    second = tokens.token()
    assert second != first
    assert token_server.token_requests == 2


def test_refused_client_secret_names_the_aadsts_error(
    token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """A wrong client secret fails with the identity platform's own error code."""
    tokens = msal_source(token_server, tls_files, client_secret="wrong")
    with pytest.raises(TokenError, match="invalid_client: AADSTS7000215"):
        tokens.token()
    assert tokens.state().status == "down"


@pytest.mark.parametrize("how", ["400", "500"])
def test_authority_error_answers_become_token_errors(
    token_server: TokenServer, tls_files: TlsFiles, how: str
) -> None:
    """A 400 or 500 from the token endpoint is a TokenError saying what it answered."""
    token_server.fail_next(how, count=5)
    tokens = msal_source(token_server, tls_files)
    with pytest.raises(TokenError, match="token request"):
        tokens.token()


def test_silent_authority_times_out_and_recovers(
    token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """An authority that does not answer fails within the timeout; the next try works."""
    tokens = msal_source(token_server, tls_files, timeout_seconds=1.0)
    token_server.fail_next("hang")
    started = time.monotonic()
    with pytest.raises(TokenError, match="failed"):
        tokens.token()
    assert time.monotonic() - started < 10
    assert tokens.token()
    assert tokens.state().status == "ok"


def test_unreachable_authority_is_a_token_error(
    token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """An authority that is down is reported as unreachable, not as a crash."""
    token_server.stop()
    with pytest.raises(TokenError, match="cannot get the configuration of the authority"):
        msal_source(token_server, tls_files).token()


def test_unknown_tenant_is_named(token_server: TokenServer, tls_files: TlsFiles) -> None:
    """A tenant id the authority does not know fails with a pointer to oauth2.tenant_id."""
    authority = token_server.authority.replace(token_server.tenant, "no-such-tenant")
    with pytest.raises(TokenError, match=r"check oauth2\.tenant_id.*no-such-tenant"):
        msal_source(token_server, tls_files, authority=authority).token()
    assert token_server.token_requests == 0


def test_untrusted_authority_certificate_is_refused(
    token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """Without the CA that signed the authority's certificate, no token is requested."""
    settings = oauth2_settings(token_server, tls_files, ca_file=None)
    with pytest.raises(TokenError):
        build_token_source(settings).token()
    assert token_server.token_requests == 0


# -- IMAP XOAUTH2, checked by Dovecot ---------------------------------------------------


def _oauth2_box(dovecot: DovecotServer, tokens: TokenSource) -> tuple[ImapMailbox, str]:
    account = dovecot.new_account()
    settings = account.settings(auth="oauth2", password="")
    return ImapMailbox(settings, token_source=tokens, sleep=lambda _s: None), account.user


def test_imap_logs_in_with_an_msal_token(
    dovecot_oauth2: DovecotServer, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """With auth = "oauth2" the bot logs in to Dovecot with AUTHENTICATE XOAUTH2."""
    tokens = msal_source(token_server, tls_files)
    box, user = _oauth2_box(dovecot_oauth2, tokens)
    token_server.mailbox_user = user
    box.connect()
    try:
        assert box.status("INBOX").exists == 0
    finally:
        box.close()


def test_imap_refuses_an_expired_token_then_logs_in_with_a_new_one(
    dovecot_oauth2: DovecotServer, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """Dovecot refuses an expired token; the bot drops it and the next login gets a new one."""
    tokens = msal_source(token_server, tls_files)
    box, user = _oauth2_box(dovecot_oauth2, tokens)
    token_server.mailbox_user = user
    token_server.expired_next()
    with pytest.raises(MailboxLoginError, match=r"XOAUTH2 login.*IMAP\.AccessAsApp"):
        box.connect()
    box.connect()
    box.close()
    assert token_server.token_requests == 2


def test_imap_refuses_a_token_for_another_audience(
    dovecot_oauth2: DovecotServer, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """A token for another resource (Graph instead of Exchange) does not open the mailbox."""
    tokens = msal_source(token_server, tls_files, scope="https://graph.microsoft.com/.default")
    box, user = _oauth2_box(dovecot_oauth2, tokens)
    token_server.mailbox_user = user
    with pytest.raises(MailboxLoginError):
        box.connect()


def test_imap_without_a_token_is_a_retryable_mailbox_error(
    dovecot_oauth2: DovecotServer, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """When the authority is down the login is retried later, not taken as a wrong password."""
    token_server.fail_next("500", count=5)
    box, _ = _oauth2_box(dovecot_oauth2, msal_source(token_server, tls_files))
    with pytest.raises(MailboxError, match="no OAuth2 token") as raised:
        box.connect()
    assert not isinstance(raised.value, MailboxLoginError)


def test_imap_logs_in_with_a_token_command(
    dovecot_oauth2: DovecotServer, signing_key: SigningKey, tmp_path: Any
) -> None:
    """token_command's output is used as the XOAUTH2 token (any provider)."""
    account = dovecot_oauth2.new_account()
    token_file = tmp_path / "token"
    token_file.write_text(signing_key.make_token(account.user) + "\n")
    tokens = build_token_source(OAuth2Settings(token_command=f"cat {token_file}"))
    box = ImapMailbox(account.settings(auth="oauth2", password=""), token_source=tokens)
    box.connect()
    box.close()


# -- SMTP XOAUTH2, checked by aiosmtpd ---------------------------------------------------


@pytest.fixture
def oauth2_sink(signing_key: SigningKey) -> Any:
    sink = SmtpSink(oauth2_check=lambda user, token: check_token(signing_key, user, token))
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


def test_smtp_sends_with_auth_xoauth2(
    oauth2_sink: SmtpSink, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """With smtp.auth = "oauth2" the reply is sent after AUTH XOAUTH2 as the From mailbox."""
    token_server.mailbox_user = "dps.eTicket@vermont.gov"
    settings = oauth2_sink.settings(auth="oauth2", from_address="dps.eTicket@vermont.gov")
    mailer = SmtpMailer(settings, token_source=msal_source(token_server, tls_files))
    mailer.send("dps.eTicket@vermont.gov", ["chief@example.org"], b"Subject: hi\r\n\r\nbody\r\n")
    assert [m.login for m in oauth2_sink.messages] == ["dps.eTicket@vermont.gov"]


def test_smtp_refused_token_is_a_permanent_failure_with_the_fix(
    oauth2_sink: SmtpSink, token_server: TokenServer, tls_files: TlsFiles
) -> None:
    """A refused token (here expired) gets 535 from the server: the error names SMTP.SendAsApp,
    and the token is dropped so the next attempt asks for a new one."""
    token_server.mailbox_user = "dps.eTicket@vermont.gov"
    token_server.expired_next()
    tokens = msal_source(token_server, tls_files)
    mailer = SmtpMailer(oauth2_sink.settings(auth="oauth2"), token_source=tokens)
    with pytest.raises(PermanentDeliveryError, match=r"535.*SMTP\.SendAsApp"):
        mailer.check()
    assert oauth2_sink.oauth2_refusals == ["Signature has expired"]
    mailer.check()
    assert token_server.token_requests == 2


# -- the running bot when the identity platform fails -------------------------------------


def test_runner_keeps_polling_through_a_token_outage_and_shows_it(
    dovecot_oauth2: DovecotServer,
    token_server: TokenServer,
    tls_files: TlsFiles,
    smtp_sink: SmtpSink,
    sqlite_url: str,
) -> None:
    """While the authority answers 500 the poll fails, is retried (the bot does not stop),
    and the heartbeat shows IMAP failing and the token down with the error; once the
    authority is back the next poll logs in and the bot is healthy again."""
    from mailbot.heartbeat import Heartbeat
    from mailbot.ports import SystemClock
    from mailbot.runner import Runner
    from mailbot.store import db
    from mailbot.store.health import snapshot
    from tests.integration.desk_helpers import make_desk, make_settings

    account = dovecot_oauth2.new_account()
    token_server.mailbox_user = account.user
    engine = db.make_engine(sqlite_url)
    db.upgrade_engine(engine)
    settings = make_settings(account, smtp_sink, url=sqlite_url)
    settings.mailbox.auth = "oauth2"
    tokens = msal_source(token_server, tls_files)
    desk = make_desk(settings, engine, SystemClock())
    desk.mailbox = ImapMailbox(settings.mailbox, token_source=tokens, sleep=lambda _s: None)
    beat = Heartbeat(engine, SystemClock(), instance="bot-a", tokens=tokens)
    runner = Runner(desk, heartbeat=beat)
    beat.started()

    token_server.fail_next("500", count=50)
    runner.poll_job()
    assert runner.fatal is None and not runner.stop.is_set()
    assert runner.drops == 1
    with db.transaction(engine) as session:
        [bot] = snapshot(session, SystemClock().now()).instances
    assert (bot.imap, bot.token) == ("failing", "down")
    assert "no OAuth2 token" in bot.errors["imap"] and "500" in bot.errors["token"]
    assert bot.last_poll_at is None

    token_server.recover()
    time.sleep(5.2)  # MSAL answers a 5xx again from its cache for 5 s (throttling)
    runner.poll_job()
    assert runner.drops == 0
    with db.transaction(engine) as session:
        [bot] = snapshot(session, SystemClock().now()).instances
    assert (bot.imap, bot.token) == ("ok", "ok") and bot.last_poll_at is not None
    assert "imap" not in bot.errors and "token" not in bot.errors
    desk.close()
    engine.dispose()


def test_msal_gets_a_token_with_a_certificate_credential(
    token_server: TokenServer, tls_files: TlsFiles, tmp_path: Any
) -> None:
    """With certificate_file and certificate_thumbprint (instead of a secret) MSAL signs a
    client assertion the authority checks against the registered certificate."""
    import hashlib
    import ssl as _ssl

    token_server.client_certificate = tls_files.cert
    der = _ssl.PEM_cert_to_DER_cert(tls_files.cert.read_text())
    thumbprint = hashlib.sha1(der).hexdigest().upper()
    tokens = msal_source(
        token_server,
        tls_files,
        client_secret="",
        certificate_file=str(tls_files.key),
        certificate_thumbprint=thumbprint,
    )
    assert tokens.token()
    wrong = msal_source(
        token_server,
        tls_files,
        client_secret="",
        certificate_file=str(tls_files.key),
        certificate_thumbprint="00" * 20,
    )
    with pytest.raises(TokenError, match="AADSTS700027"):
        wrong.token()
