"""ImapMailbox against a real Dovecot (and a TCP proxy for network faults)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from structlog.testing import capture_logs

from mailbot.adapters import imap as imap_module
from mailbot.adapters.imap import ImapMailbox
from mailbot.config import MailboxSettings
from mailbot.errors import MailboxError, MailboxLoginError
from tests.fixtures.certs import TlsFiles
from tests.fixtures.dovecot import DovecotAccount, DovecotServer
from tests.fixtures.tcpproxy import TcpProxy

pytestmark = pytest.mark.integration


def _raw(subject: str, body: str = "Please enrol our agency.", pad: int = 0) -> bytes:
    text = (
        "From: Chief <chief@agency.example>\r\n"
        "To: dps.eTicket@vermont.gov\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: <{subject.replace(' ', '-')}@agency.example>\r\n"
        "\r\n"
        f"{body}\r\n"
    )
    return text.encode() + b"x" * pad + (b"\r\n" if pad else b"")


@pytest.fixture
def open_mailbox() -> Iterator[Callable[..., ImapMailbox]]:
    """Connects ImapMailbox instances and closes them after the test."""
    opened: list[ImapMailbox] = []

    def _open(settings: MailboxSettings, **kwargs: object) -> ImapMailbox:
        mailbox = ImapMailbox(settings, **kwargs)  # type: ignore[arg-type]
        mailbox.connect()
        opened.append(mailbox)
        return mailbox

    yield _open
    for mailbox in opened:
        mailbox.close()


def test_select_reports_uidvalidity_uidnext_and_count(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """SELECT gives the folder's UIDVALIDITY (as other clients see it), UIDNEXT and size."""
    imap_account.append(_raw("one"))
    imap_account.append(_raw("two"))
    mailbox = open_mailbox(imap_account.settings())
    state = mailbox.select("INBOX")
    with imap_account.client() as other:
        expected = other.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    assert (state.name, state.uidvalidity, state.uidnext, state.exists) == (
        "INBOX",
        expected,
        3,
        2,
    )


def test_uids_after_returns_only_newer_uids(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Only messages with a UID above the last one processed are listed, ascending."""
    for n in range(3):
        imap_account.append(_raw(f"m{n}"))
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    assert mailbox.uids_after(0) == [1, 2, 3]
    assert mailbox.uids_after(1) == [2, 3]
    assert mailbox.uids_after(3) == []


def test_uids_after_ignores_the_highest_uid_quirk_after_idle(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """After IDLE reports a new message and it is handled, asking again lists nothing.

    The search then is ``UID 5:*``, which IMAP answers with the highest UID (4) even
    though it is below 5; the adapter must drop it.
    """
    for n in range(3):
        imap_account.append(_raw(f"m{n}"))
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    threading.Timer(0.2, imap_account.append, args=(_raw("late"),)).start()
    assert mailbox.wait_for_change(10) is True
    assert mailbox.uids_after(3) == [4]
    assert mailbox.uids_after(4) == []


def test_uids_after_skips_the_search_when_nothing_is_new(
    imap_account: DovecotAccount,
    open_mailbox: Callable[..., ImapMailbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An idle poll costs one SELECT whatever the folder size: no SEARCH is sent."""
    for n in range(3):
        imap_account.append(_raw(f"m{n}"))
    mailbox = open_mailbox(imap_account.settings())
    client = mailbox._client
    assert client is not None
    searches: list[object] = []
    real_search = client.search

    def counting_search(*args: object, **kwargs: object) -> object:
        searches.append(args)
        return real_search(*args, **kwargs)

    monkeypatch.setattr(client, "search", counting_search)
    mailbox.select("INBOX")
    assert mailbox.uids_after(3) == []
    assert searches == []
    assert mailbox.uids_after(2) == [3]
    assert len(searches) == 1


def test_sizes_are_read_before_any_body_and_skip_expunged_uids(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Sizes come from RFC822.SIZE; a message expunged by another client is just absent."""
    small, big = _raw("small"), _raw("big", pad=50_000)
    u1 = imap_account.append(small)
    u2 = imap_account.append(_raw("gone"))
    u3 = imap_account.append(big)
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    with imap_account.client() as other:
        other.select_folder("INBOX")
        other.delete_messages([u2])
        other.uid_expunge([u2])
    assert mailbox.sizes([u1, u2, u3, 999]) == {u1: len(small), u3: len(big)}
    assert mailbox.sizes([]) == {}


def test_fetch_returns_the_exact_message_and_leaves_it_unread(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Fetching gives the raw bytes and does not mark the message \\Seen for people."""
    raw = _raw("unread", body="Officer table: Müller, José".encode().decode())
    uid = imap_account.append(raw)
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    assert mailbox.fetch(uid) == raw
    (stored,) = imap_account.messages("INBOX")
    assert b"\\Seen" not in stored.flags


def test_fetch_header_returns_only_the_header_block(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """For a message too large to download, the header alone is read, leaving it unread."""
    raw = _raw("huge", pad=200_000)
    uid = imap_account.append(raw)
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    header = mailbox.fetch_header(uid)
    assert header == raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    assert mailbox.fetch_header(999) is None
    (stored,) = imap_account.messages("INBOX")
    assert b"\\Seen" not in stored.flags


def test_fetch_of_a_vanished_message_returns_none(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """A message expunged by another client after listing is reported as gone, not an error."""
    uid = imap_account.append(_raw("short-lived"))
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    assert mailbox.uids_after(0) == [uid]
    with imap_account.client() as other:
        other.select_folder("INBOX")
        other.delete_messages([uid])
        other.uid_expunge([uid])
    assert mailbox.fetch(uid) is None


def test_move_creates_the_folder_and_moves_only_that_message(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Moving one UID to a new folder leaves every other message where it was."""
    raws = [_raw(f"m{n}") for n in range(3)]
    uids = [imap_account.append(r) for r in raws]
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    mailbox.move(uids[1], "Processed")
    assert imap_account.uids("INBOX") == [uids[0], uids[2]]
    assert [m.raw for m in imap_account.messages("Processed")] == [raws[1]]
    with imap_account.client() as other:
        assert other.folder_exists("Processed")
        assert any(name == "Processed" for _, _, name in other.list_sub_folders())


def test_move_without_the_move_extension_expunges_only_that_uid(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Without MOVE, a message another client marked deleted is not expunged along with ours."""
    raws = [_raw(f"m{n}") for n in range(3)]
    uids = [imap_account.append(r) for r in raws]
    with imap_account.client() as other:
        other.select_folder("INBOX")
        other.add_flags([uids[0]], [b"\\Deleted"])
    mailbox = open_mailbox(imap_account.settings(), ignore_capabilities={"MOVE"})
    assert "MOVE" not in mailbox.capabilities()
    mailbox.select("INBOX")
    mailbox.move(uids[1], "Needs-Review")
    inbox = imap_account.messages("INBOX")
    assert [m.uid for m in inbox] == [uids[0], uids[2]]
    assert b"\\Deleted" in inbox[0].flags
    assert [m.raw for m in imap_account.messages("Needs-Review")] == [raws[1]]


def test_ensure_folder_is_idempotent_and_subscribes(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Ensuring a folder twice creates it once and leaves it subscribed."""
    mailbox = open_mailbox(imap_account.settings())
    mailbox.ensure_folder("Quarantine")
    mailbox.ensure_folder("Quarantine")
    other_box = open_mailbox(imap_account.settings())
    other_box.ensure_folder("Quarantine")  # exists already on the server
    with imap_account.client() as other:
        names = [name for _, _, name in other.list_sub_folders()]
    assert names.count("Quarantine") == 1


def test_append_stores_the_message_and_returns_its_uid(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Appending (used by the demo and tests) stores the bytes and reports the new UID."""
    mailbox = open_mailbox(imap_account.settings())
    raw = _raw("appended")
    uid = mailbox.append("INBOX", raw)
    assert [(m.uid, m.raw) for m in imap_account.messages("INBOX")] == [(uid, raw)]


def test_idle_wakes_up_when_another_client_delivers(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """A message appended by someone else wakes the waiting bot within a second or two."""
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    assert "IDLE" in mailbox.capabilities()
    threading.Timer(0.3, imap_account.append, args=(_raw("wake up"),)).start()
    started = time.monotonic()
    assert mailbox.wait_for_change(20) is True
    assert time.monotonic() - started < 3
    assert mailbox.uids_after(0) == [1]


def test_idle_returns_false_when_nothing_happens(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """With no new mail the wait ends after the timeout and says nothing changed."""
    mailbox = open_mailbox(imap_account.settings(), idle_renew_seconds=0.3)
    mailbox.select("INBOX")
    started = time.monotonic()
    assert mailbox.wait_for_change(0.8) is False
    assert 0.7 < time.monotonic() - started < 3
    assert mailbox.select("INBOX").exists == 0  # connection still usable


def test_without_idle_the_wait_sleeps_and_asks_for_a_poll(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """A server without IDLE is polled: the wait sleeps the whole timeout and returns True."""
    slept: list[float] = []
    mailbox = open_mailbox(
        imap_account.settings(), ignore_capabilities={"IDLE"}, sleep=slept.append
    )
    mailbox.select("INBOX")
    assert mailbox.wait_for_change(42.0) is True
    assert slept == [42.0]


def test_wrong_password_raises_login_error_without_the_password(
    imap_account: DovecotAccount,
) -> None:
    """A refused login names the host and user, says to check the password, never shows it."""
    secret = "Wr0ng-Secret-Value"
    mailbox = ImapMailbox(imap_account.settings(password=secret))
    with pytest.raises(MailboxLoginError) as caught:
        mailbox.connect()
    message = str(caught.value)
    assert secret not in message
    assert imap_account.user in message and "127.0.0.1" in message
    assert "password" in message
    assert not mailbox.connected


def test_operations_need_a_connection(imap_account: DovecotAccount) -> None:
    """Using the mailbox before connecting is a MailboxError that says what to do."""
    mailbox = ImapMailbox(imap_account.settings())
    with pytest.raises(MailboxError, match="reconnect"):
        mailbox.select("INBOX")


def test_close_is_safe_twice(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Closing an already closed mailbox does nothing."""
    mailbox = open_mailbox(imap_account.settings())
    mailbox.close()
    mailbox.close()
    assert not mailbox.connected


def test_server_restart_raises_mailbox_error_then_reconnect_works(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """When the IMAP server restarts, the next operation fails cleanly and reconnecting resumes."""
    uid = imap_account.append(_raw("survivor"))
    mailbox = open_mailbox(imap_account.settings())
    before = mailbox.select("INBOX")
    imap_account.restart()
    with pytest.raises(MailboxError) as caught:
        mailbox.select("INBOX")
    assert not isinstance(caught.value, MailboxLoginError)
    assert not mailbox.connected
    mailbox.reconnect(first_delay=0.05)
    after = mailbox.select("INBOX")
    assert after.uidvalidity == before.uidvalidity
    assert mailbox.uids_after(0) == [uid]


def test_server_shutdown_during_idle_ends_the_wait_with_an_error(
    imap_account: DovecotAccount, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """If the server goes away while the bot waits for mail, the wait fails at once."""
    mailbox = open_mailbox(imap_account.settings())
    mailbox.select("INBOX")
    restart = threading.Timer(0.3, imap_account.restart)
    restart.start()
    started = time.monotonic()
    with pytest.raises(MailboxError):
        mailbox.wait_for_change(20)
    assert time.monotonic() - started < 5
    assert not mailbox.connected
    restart.join()
    mailbox.reconnect(first_delay=0.1)
    assert mailbox.select("INBOX").exists == 0


def test_reconnect_backs_off_and_logs_each_failed_attempt(
    imap_account: DovecotAccount,
) -> None:
    """While the server is down each attempt logs one line, waits doubling delays, then fails."""
    slept: list[float] = []
    mailbox = ImapMailbox(imap_account.settings(), sleep=slept.append)
    imap_account.stop()
    try:
        with capture_logs() as logs, pytest.raises(MailboxError):
            mailbox.reconnect(attempts=4, first_delay=0.5, max_delay=1.5)
    finally:
        imap_account.start()
    failures = [e for e in logs if e["event"] == "imap_connect_failed"]
    assert [e["attempt"] for e in failures] == [1, 2, 3, 4]
    assert slept == [0.5, 1.0, 1.5]
    assert all(imap_account.password not in str(e) for e in logs)
    mailbox.reconnect()
    assert mailbox.select("INBOX").exists == 0
    mailbox.close()


def test_connection_cut_mid_fetch_raises_and_the_message_is_fetched_whole_later(
    imap_account: DovecotAccount,
    imap_proxy: TcpProxy,
    open_mailbox: Callable[..., ImapMailbox],
) -> None:
    """A connection reset in the middle of a large FETCH is an error, never a partial message."""
    raw = _raw("large", pad=400_000)
    uid = imap_account.append(raw)
    imap_proxy.cut_after(100_000)
    mailbox = open_mailbox(imap_account.settings(port=imap_proxy.port))
    mailbox.select("INBOX")
    with pytest.raises(MailboxError):
        mailbox.fetch(uid)
    assert not mailbox.connected
    imap_proxy.cut_after(None)
    mailbox.reconnect(first_delay=0.05)
    mailbox.select("INBOX")
    assert mailbox.fetch(uid) == raw


def test_silent_connection_death_during_idle_is_noticed(
    imap_account: DovecotAccount,
    imap_proxy: TcpProxy,
    open_mailbox: Callable[..., ImapMailbox],
) -> None:
    """If the network silently stops carrying packets, the wait fails within the timeouts."""
    mailbox = open_mailbox(imap_account.settings(port=imap_proxy.port, timeout_seconds=1.0))
    mailbox.select("INBOX")
    imap_proxy.hang()
    started = time.monotonic()
    with pytest.raises(MailboxError):
        mailbox.wait_for_change(1.0)
    assert time.monotonic() - started < 5
    assert not mailbox.connected


def test_implicit_tls_with_a_trusted_certificate(
    dovecot_tls: DovecotServer, tls_files: TlsFiles, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """With security "tls" the bot talks to a server whose certificate it trusts."""
    account = dovecot_tls.new_account()
    settings = account.settings(security="tls", port=dovecot_tls.tls_port)
    mailbox = open_mailbox(settings, ssl_context=tls_files.client_context())
    assert mailbox.select("INBOX").exists == 0


def test_starttls_with_a_trusted_certificate(
    dovecot_tls: DovecotServer, tls_files: TlsFiles, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """With security "starttls" the plain connection is upgraded before logging in."""
    account = dovecot_tls.new_account()
    uid = account.append(_raw("over tls"))
    mailbox = open_mailbox(
        account.settings(security="starttls"), ssl_context=tls_files.client_context()
    )
    mailbox.select("INBOX")
    assert mailbox.uids_after(0) == [uid]


def test_an_untrusted_certificate_is_refused_by_default(dovecot_tls: DovecotServer) -> None:
    """The default TLS settings verify the certificate, so a self-signed one is refused."""
    account = dovecot_tls.new_account()
    mailbox = ImapMailbox(account.settings(security="tls", port=dovecot_tls.tls_port))
    with pytest.raises(MailboxError) as caught:
        mailbox.connect()
    assert not isinstance(caught.value, MailboxLoginError)
    assert "certificate" in str(caught.value).lower()
    assert not mailbox.connected


def test_uids_after_searches_large_ranges_in_chunks(
    imap_account: DovecotAccount,
    open_mailbox: Callable[..., ImapMailbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A first poll over a big folder asks in bounded UID ranges and still lists every UID."""
    uids = [imap_account.append(_raw(f"m{n}")) for n in range(5)]
    monkeypatch.setattr(imap_module, "SEARCH_CHUNK", 2)
    mailbox = open_mailbox(imap_account.settings())
    client = mailbox._client
    assert client is not None
    searches: list[object] = []
    real_search = client.search

    def counting_search(*args: object, **kwargs: object) -> object:
        searches.append(args[0])
        return real_search(*args, **kwargs)

    monkeypatch.setattr(client, "search", counting_search)
    mailbox.select("INBOX")
    assert mailbox.uids_after(0) == uids
    assert searches == [["UID", "1:2"], ["UID", "3:4"], ["UID", "5:5"]]


def test_a_test_dovecot_never_takes_another_server_on_its_port_for_itself(
    dovecot: DovecotServer, open_mailbox: Callable[..., ImapMailbox]
) -> None:
    """Machines are shared: when the port a test server was given is taken by another
    IMAP server before it starts, it moves to a fresh port and answers there, so tests
    never talk to someone else's mailbox."""
    import socket

    from tests.fixtures.dovecot import find_or_install_dovecot

    server = DovecotServer(find_or_install_dovecot())
    taken = server.port
    squatter = socket.socket()
    squatter.bind(("127.0.0.1", taken))
    squatter.listen(4)
    greeting = threading.Event()

    def greet() -> None:
        while not greeting.is_set():
            try:
                squatter.settimeout(0.2)
                conn, _ = squatter.accept()
            except OSError:
                continue
            with conn:
                conn.sendall(b"* OK someone else's IMAP server\r\n")

    thread = threading.Thread(target=greet, daemon=True)
    thread.start()
    try:
        server.start()
        assert server.port != taken
        account = server.new_account()
        account.append(_raw("ours"))
        mailbox = open_mailbox(account.settings())
        assert mailbox.select("INBOX").exists == 1
    finally:
        greeting.set()
        thread.join(2)
        squatter.close()
        server.cleanup()
