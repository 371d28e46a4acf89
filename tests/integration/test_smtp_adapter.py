"""SmtpMailer against a real aiosmtpd sink."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from structlog.testing import capture_logs

from mailbot.adapters.smtp import SmtpMailer
from mailbot.errors import DeliveryError, PermanentDeliveryError
from tests.fixtures.certs import TlsFiles
from tests.fixtures.dovecot import free_port
from tests.fixtures.smtpsink import SmtpSink

pytestmark = pytest.mark.integration

SENDER = "dps.eTicket@vermont.gov"
CHIEF = "chief@agency.example"

MESSAGE = (
    b"From: DPS e-Ticket <dps.eTicket@vermont.gov>\r\n"
    b"To: Someone Else <someone.else@example.org>\r\n"
    b"Cc: copy@example.org\r\n"
    b"Bcc: hidden@evil.example\r\n"
    b"Subject: [ETK-0042] What we still need\r\n"
    b"Auto-Submitted: auto-replied\r\n"
    b"\r\n"
    b"Please send the officer table.\r\n"
)


@pytest.fixture
def auth_sink() -> Iterator[SmtpSink]:
    """A sink offering AUTH for one user."""
    sink = SmtpSink(users={"mailbot": "smtp-secret"})
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


def test_send_delivers_to_exactly_the_given_recipients(smtp_sink: SmtpSink) -> None:
    """The envelope holds only the recipients passed in; To/Cc/Bcc headers are not used."""
    SmtpMailer(smtp_sink.settings()).send(SENDER, [CHIEF], MESSAGE)
    (delivered,) = smtp_sink.messages
    assert delivered.mail_from == SENDER
    assert delivered.rcpt_tos == (CHIEF,)
    assert delivered.data == MESSAGE


def test_send_to_several_recipients_keeps_their_order(smtp_sink: SmtpSink) -> None:
    """Every recipient given is in the envelope, in order, once."""
    recipients = [CHIEF, "poc@agency.example"]
    SmtpMailer(smtp_sink.settings()).send(SENDER, recipients, MESSAGE)
    assert [m.rcpt_tos for m in smtp_sink.messages] == [tuple(recipients)]


def test_no_recipients_is_refused_before_connecting(smtp_sink: SmtpSink) -> None:
    """A reply with nobody to send to is a permanent failure, and nothing is sent."""
    with pytest.raises(PermanentDeliveryError):
        SmtpMailer(smtp_sink.settings()).send(SENDER, [], MESSAGE)
    assert smtp_sink.messages == []


@pytest.mark.parametrize("stage", ["mail", "rcpt", "data"])
def test_421_is_a_temporary_failure_and_the_next_try_succeeds(
    smtp_sink: SmtpSink, stage: str
) -> None:
    """A 421 answer (server busy or closing) means retry later; the retry then goes through."""
    mailer = SmtpMailer(smtp_sink.settings())
    smtp_sink.fail_next(421, stage=stage)  # type: ignore[arg-type]
    with pytest.raises(DeliveryError) as caught:
        mailer.send(SENDER, [CHIEF], MESSAGE)
    assert not isinstance(caught.value, PermanentDeliveryError)
    assert "421" in str(caught.value)
    assert smtp_sink.messages == []
    mailer.send(SENDER, [CHIEF], MESSAGE)
    assert [m.rcpt_tos for m in smtp_sink.messages] == [(CHIEF,)]


def test_451_on_the_recipient_is_a_temporary_failure(smtp_sink: SmtpSink) -> None:
    """A 451 for the only recipient is retried later, not given up; the error names
    the code, never the address (it reaches logs)."""
    smtp_sink.fail_next(451, stage="rcpt")
    with pytest.raises(DeliveryError) as caught:
        SmtpMailer(smtp_sink.settings()).send(SENDER, [CHIEF], MESSAGE)
    assert not isinstance(caught.value, PermanentDeliveryError)
    assert "451" in str(caught.value) and CHIEF not in str(caught.value)


@pytest.mark.parametrize("stage", ["mail", "rcpt", "data"])
def test_550_is_a_permanent_failure(smtp_sink: SmtpSink, stage: str) -> None:
    """A 5xx answer is final: the reply is marked failed instead of retried."""
    smtp_sink.fail_next(550, stage=stage)  # type: ignore[arg-type]
    with pytest.raises(PermanentDeliveryError) as caught:
        SmtpMailer(smtp_sink.settings()).send(SENDER, [CHIEF], MESSAGE)
    assert "550" in str(caught.value)
    assert smtp_sink.messages == []


def test_one_refused_recipient_of_two_still_delivers_to_the_other(
    smtp_sink: SmtpSink,
) -> None:
    """If only some recipients are refused the others get the message once, and it is logged."""
    smtp_sink.fail_next(550, count=1, stage="rcpt")
    with capture_logs() as logs:
        SmtpMailer(smtp_sink.settings()).send(SENDER, ["bad@agency.example", CHIEF], MESSAGE)
    assert [m.rcpt_tos for m in smtp_sink.messages] == [(CHIEF,)]
    (warning,) = [e for e in logs if e["event"] == "smtp_recipients_partly_refused"]
    assert warning["refused_codes"] == [550]
    assert "bad@agency.example" not in repr(logs)


def test_server_down_is_a_temporary_failure(smtp_sink: SmtpSink) -> None:
    """While the SMTP server is down sending fails for later retry; once back it works."""
    mailer = SmtpMailer(smtp_sink.settings())
    smtp_sink.stop()
    with pytest.raises(DeliveryError) as caught:
        mailer.send(SENDER, [CHIEF], MESSAGE)
    assert not isinstance(caught.value, PermanentDeliveryError)
    smtp_sink.start()
    mailer.send(SENDER, [CHIEF], MESSAGE)
    assert len(smtp_sink.messages) == 1


def test_a_server_that_never_answers_times_out_as_a_temporary_failure(
    smtp_sink: SmtpSink,
) -> None:
    """A server that accepts the connection but never greets fails within the timeout."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", free_port()))
        silent.listen(1)
        port = silent.getsockname()[1]
        settings = smtp_sink.settings(port=port, timeout_seconds=0.5)
        with pytest.raises(DeliveryError) as caught:
            SmtpMailer(settings).send(SENDER, [CHIEF], MESSAGE)
    assert not isinstance(caught.value, PermanentDeliveryError)


def test_auth_is_used_when_a_username_is_set(auth_sink: SmtpSink) -> None:
    """With smtp.username set the bot logs in before sending."""
    settings = auth_sink.settings(username="mailbot", password="smtp-secret")
    SmtpMailer(settings).send(SENDER, [CHIEF], MESSAGE)
    (delivered,) = auth_sink.messages
    assert delivered.login == "mailbot"


def test_refused_auth_is_permanent_and_never_shows_the_password(auth_sink: SmtpSink) -> None:
    """Wrong SMTP credentials stop retries and say to check the password, without showing it."""
    secret = "Not-The-Right-One"
    settings = auth_sink.settings(username="mailbot", password=secret)
    with capture_logs() as logs, pytest.raises(PermanentDeliveryError) as caught:
        SmtpMailer(settings).send(SENDER, [CHIEF], MESSAGE)
    assert "password" in str(caught.value)
    assert secret not in str(caught.value)
    assert all(secret not in str(e) for e in logs)
    assert auth_sink.messages == []


def test_starttls_on_a_server_without_it_is_permanent(smtp_sink: SmtpSink) -> None:
    """Asking for STARTTLS from a server that does not offer it is a settings problem."""
    settings = smtp_sink.settings(security="starttls")
    with pytest.raises(PermanentDeliveryError, match=r"smtp\.security"):
        SmtpMailer(settings).send(SENDER, [CHIEF], MESSAGE)
    assert smtp_sink.messages == []


@pytest.mark.parametrize("implicit", [False, True], ids=["starttls", "tls"])
def test_tls_with_a_trusted_certificate_delivers(tls_files: TlsFiles, implicit: bool) -> None:
    """With security "starttls" or "tls" the message is sent over an encrypted connection."""
    sink = SmtpSink(tls=tls_files, implicit_tls=implicit)
    sink.start()
    try:
        settings = sink.settings(security="tls" if implicit else "starttls")
        SmtpMailer(settings, ssl_context=tls_files.client_context()).send(SENDER, [CHIEF], MESSAGE)
    finally:
        sink.stop()
    assert [m.rcpt_tos for m in sink.messages] == [(CHIEF,)]


def test_an_untrusted_certificate_is_refused_by_default(tls_files: TlsFiles) -> None:
    """The default TLS settings verify the certificate, so nothing goes to an unknown server."""
    sink = SmtpSink(tls=tls_files, implicit_tls=True)
    sink.start()
    try:
        with pytest.raises(DeliveryError, match=r"(?i)certificate"):
            SmtpMailer(sink.settings(security="tls")).send(SENDER, [CHIEF], MESSAGE)
    finally:
        sink.stop()
    assert sink.messages == []
