"""The demo's parts that need no servers: sample emails, settings, mail routing."""

from __future__ import annotations

import mailbox
import queue
import socket
import sys
from datetime import UTC, datetime
from email import message_from_bytes
from email import policy as email_policy
from pathlib import Path

import pytest

from mailbot.cli import main
from mailbot.config import load_settings
from mailbot.demo.desk import DemoOptions, run_demo
from mailbot.demo.layout import DemoLayout, settings_toml
from mailbot.demo.samples import (
    COMPLETE_SAMPLE,
    INCOMPLETE_SAMPLE,
    REPLY_SAMPLE,
    envelope_recipients,
    find_reply,
    fresh_identity,
    restamp,
)
from mailbot.demo.servers import claim_port
from mailbot.demo.smtp_server import Delivery, MailRouter
from mailbot.errors import DemoError
from mailbot.intake.limits import Limits
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.resources import samples_dir

NOW = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)


def sample(name: str) -> bytes:
    return (samples_dir() / name).read_bytes()


def body_of(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[1]


def test_restamped_sample_keeps_its_body_byte_for_byte() -> None:
    """Each demo run sends the sample with a new Message-ID and Date, and the request
    itself (text, officer table, logo) is unchanged."""
    raw = sample(COMPLETE_SAMPLE)
    fresh, message_id = fresh_identity(raw, NOW)
    parsed = message_from_bytes(fresh, policy=email_policy.default)
    assert parsed.get_all("Message-ID") == [message_id]
    assert message_id.endswith("@hartfordvt.gov>")
    assert parsed.get_all("Date") == ["Tue, 03 Nov 2026 15:00:00 +0000"]
    assert parsed["From"] == "Chief Robert Tanner <rtanner@hartfordvt.gov>"
    assert body_of(fresh) == body_of(raw)


def test_restamp_drops_folded_lines_of_a_replaced_header() -> None:
    """A replaced header that was folded over several lines leaves none of its old
    lines behind."""
    raw = b"From: a@b.org\nReferences: <1@b.org>\n <2@b.org>\nSubject: x\n\nbody\n"
    out = restamp(raw, {"References": "<3@b.org>"})
    assert out == b"References: <3@b.org>\nFrom: a@b.org\nSubject: x\n\nbody\n"


def test_the_answer_is_threaded_to_the_checklist() -> None:
    """The chief's answer carries In-Reply-To and References pointing at the checklist,
    as a mail client's Reply does."""
    fresh, _ = fresh_identity(
        sample(REPLY_SAMPLE),
        NOW,
        In_Reply_To="<check@mailbot.invalid>",
        References="<first@windsorvt.org> <check@mailbot.invalid>",
    )
    parsed = message_from_bytes(fresh, policy=email_policy.default)
    assert parsed["In-Reply-To"] == "<check@mailbot.invalid>"
    assert parsed["References"] == "<first@windsorvt.org> <check@mailbot.invalid>"


def test_the_samples_tell_the_story_the_demo_prints() -> None:
    """The incomplete sample lacks exactly the phone, the logo and one officer's DPS
    username, and the answer supplies those three."""
    limits, rules = Limits(), load_rules(None)
    first = parse_message(sample(INCOMPLETE_SAMPLE), limits, rules, "X-Mailbot-Loop")
    assert first.intent == "enrollment"
    assert first.missing == ["agency.phone", "agency.logo", "officers[1].dps_username"]
    answer = parse_message(sample(REPLY_SAMPLE), limits, rules, "X-Mailbot-Loop")
    assert answer.agency.phone and answer.agency.logo
    assert [o.dps_username for o in answer.officers] == ["sdaigle"]
    complete = parse_message(sample(COMPLETE_SAMPLE), limits, rules, "X-Mailbot-Loop")
    assert complete.missing == [] and complete.invalid == []


def test_recipients_are_every_to_and_cc_address() -> None:
    """A seeded email goes to the desk and to its Cc, like a mail client sends it."""
    assert envelope_recipients(sample(COMPLETE_SAMPLE)) == [
        "dps.eTicket@vermont.gov",
        "alussier@hartfordvt.gov",
    ]


def test_find_reply_picks_the_answer_to_a_given_message(tmp_path: Path) -> None:
    """The demo finds the bot's reply to one email among the other mail a sender got."""
    box = mailbox.Maildir(tmp_path / "inbox", create=True)
    box.add(b"Message-ID: <a@x>\nIn-Reply-To: <other@y>\nSubject: other\n\n.\n")
    box.add(b"Message-ID: <b@x>\nIn-Reply-To: <Mine@Y>\nSubject: mine\n\n.\n")
    found = find_reply(tmp_path / "inbox", "<mine@y>")
    assert found is not None and b"Subject: mine" in found
    assert find_reply(tmp_path / "inbox", "<absent@y>") is None
    assert find_reply(tmp_path / "nobody", "<mine@y>") is None


def test_written_settings_point_at_the_demo(tmp_path: Path) -> None:
    """The demo's mailbot.toml loads as it is and points at the local servers and the
    demo database, so review commands from another terminal reach the running desk."""
    layout = DemoLayout(tmp_path)
    layout.config.write_text(settings_toml(layout, 1143, 1025), encoding="utf-8")
    settings = load_settings(layout.config)
    assert (settings.mailbox.host, settings.mailbox.port) == ("127.0.0.1", 1143)
    assert (settings.mailbox.security, settings.smtp.security) == ("none", "none")
    assert settings.smtp.port == 1025
    assert settings.database.url == f"sqlite:///{tmp_path.resolve() / 'mailbot.db'}"
    assert settings.poll.interval_seconds <= 2


def test_router_files_desk_mail_in_the_inbox_and_the_rest_in_maildirs(tmp_path: Path) -> None:
    """Mail for the desk reaches its inbox once; every other recipient gets a copy in
    their own Maildir under the demo folder."""
    appended: list[bytes] = []
    events: queue.Queue[Delivery] = queue.Queue()
    router = MailRouter(
        "dps.eTicket@vermont.gov", appended.append, DemoLayout(tmp_path), events.put
    )
    data = b"Subject: hi\r\n\r\nhello\r\n"
    delivery = router.deliver(["DPS.eticket@vermont.gov", "PoC@Agency.gov", "poc@agency.gov"], data)
    assert appended == [data]
    assert delivery.to_desk and delivery.local == ("poc@agency.gov",)
    box = mailbox.Maildir(tmp_path / "mail" / "poc@agency.gov", create=False)
    assert [box.get_bytes(k) for k in box.iterkeys()] == [data]


def test_a_delivery_reaches_the_demo_intact_from_the_smtp_server_process() -> None:
    """What the SMTP server process reports about a message (one line of text) gives the
    demo the message's exact bytes and where it went."""
    sent = Delivery(b"Subject: caf\xc3\xa9\r\n\r\n\x00\xff\n", False, ("a@x.org", "b@y.org"))
    line = sent.to_line()
    assert "\n" not in line
    assert Delivery.from_line(line + "\n") == sent


def test_a_busy_port_is_refused_with_the_option_to_change() -> None:
    """A port already in use is refused with one line naming the option to change."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(DemoError, match=f"port {port} .* in use; pick another with --imap"):
            claim_port(port, "--imap-port")
    assert claim_port(0, "--imap-port") > 0


def test_a_folder_that_is_not_a_demo_folder_is_left_alone(tmp_path: Path) -> None:
    """`mailbot demo --dir` on a folder holding other files refuses, and deletes nothing."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "mailbot.db").write_text("not the demo's", encoding="utf-8")
    with pytest.raises(DemoError, match="not a mailbot demo folder"):
        run_demo(DemoOptions(folder=tmp_path), echo=lambda _line: None)
    assert (tmp_path / "mailbot.db").read_text(encoding="utf-8") == "not the demo's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mailbot.db", "notes.txt"]


@pytest.mark.parametrize("absent", ["pymap", "aiosmtpd"])
def test_without_the_demo_extra_the_demo_says_how_to_install_it(
    absent: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mailbot demo` without its servers installed ends with one line naming the
    extra to install, no traceback, and starts nothing."""
    monkeypatch.setitem(sys.modules, absent, None)  # as if not installed: import fails
    with pytest.raises(SystemExit) as ended:
        main(["demo", "--dir", str(tmp_path / "demo")])
    assert ended.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: the demo needs {absent}, ")
    assert err.rstrip().endswith("pip install -e '.[demo]'")
    assert not (tmp_path / "demo").exists()
