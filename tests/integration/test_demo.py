"""`mailbot demo` as a person runs it: a real process with its own IMAP, SMTP and SQLite."""

from __future__ import annotations

import mailbox
import os
import signal
import socket
import subprocess
import sys
import time
from email import message_from_bytes
from email import policy as email_policy
from pathlib import Path

import pytest
from sqlalchemy import select

from mailbot.store import db
from mailbot.store.models import Case, Message

pytestmark = pytest.mark.integration

TIMEOUT = 90
HARTFORD_CHIEF = "rtanner@hartfordvt.gov"
HARTFORD_POC = "alussier@hartfordvt.gov"
WINDSOR_CHIEF = "dwhitcomb@windsorvt.org"


def mailbot(*args: str) -> list[str]:
    return [sys.executable, "-m", "mailbot", *args]


def received(folder: Path, address: str) -> list[tuple[str, str]]:
    """(subject, plain text) of every message in ``address``'s demo Maildir."""
    path = folder / "mail" / address
    if not path.is_dir():
        return []
    out = []
    box = mailbox.Maildir(path, create=False)
    for key in box.iterkeys():
        parsed = message_from_bytes(box.get_bytes(key), policy=email_policy.default)
        body = parsed.get_body(preferencelist=("plain",))  # type: ignore[attr-defined]
        out.append((str(parsed["Subject"]), body.get_content() if body is not None else ""))
    return out


def cases(folder: Path) -> dict[str, tuple[str, int]]:
    """reference -> (status, number of emails merged into it)."""
    engine = db.make_engine(f"sqlite:///{folder / 'mailbot.db'}")
    try:
        with db.transaction(engine) as session:
            out = {}
            for case in session.scalars(select(Case)):
                count = len(
                    session.scalars(select(Message).where(Message.case_id == case.id)).all()
                )
                out[str(case.reference)] = (case.status.value, count)
            return out
    finally:
        engine.dispose()


def test_demo_plays_the_story_and_exits(tmp_path: Path) -> None:
    """`mailbot demo --exit-after-seed` opens two cases (one completed by the chief's
    answer to the checklist), leaves the replies in the senders' mailboxes, and says
    how to approve."""
    folder = tmp_path / "demo"
    done = subprocess.run(
        mailbot("demo", "--dir", str(folder), "--exit-after-seed"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr

    assert cases(folder) == {"ETK-0001": ("in_review", 1), "ETK-0002": ("in_review", 2)}

    hartford = received(folder, HARTFORD_CHIEF)
    assert [s for s, _ in hartford] == ["[ETK-0001] We received your e-Ticket request"]
    windsor = dict(received(folder, WINDSOR_CHIEF))
    checklist = next(text for subject, text in windsor.items() if "More information" in subject)
    assert "phone number" in checklist and "logo" in checklist and "Daigle" in checklist
    assert any("is complete" in subject for subject in windsor)

    assert "approve ETK-0001" in done.stdout
    assert "demo/mailbot.toml" in done.stdout
    assert "checklist" in done.stdout and "phone number" in done.stdout
    assert (folder / "mailbot.toml").is_file()


def _wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.25)
    return False


def test_approval_from_another_terminal_reaches_the_poc(tmp_path: Path) -> None:
    """While the demo runs, `mailbot --config DIR/mailbot.toml approve ETK-0001` makes
    the running bot deliver the ready-for-use email to the PoC; Ctrl-C (SIGINT to the
    whole process group, the reader process included) then stops the demo cleanly with
    exit 0 and no traceback."""
    folder = tmp_path / "demo"
    log = tmp_path / "demo.out"
    with log.open("w") as out:
        demo = subprocess.Popen(
            mailbot("demo", "--dir", str(folder)),
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        assert _wait_for(lambda: "Press Ctrl-C" in log.read_text(), TIMEOUT), log.read_text()
        approve = subprocess.run(
            mailbot(
                "--config", str(folder / "mailbot.toml"), "approve", "ETK-0001", "--by", "Tester"
            ),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert approve.returncode == 0, approve.stdout + approve.stderr

        def notice() -> bool:
            return any("ready for use" in s for s, _ in received(folder, HARTFORD_POC))

        assert _wait_for(notice, 30), log.read_text()
        os.killpg(demo.pid, signal.SIGINT)
        assert demo.wait(timeout=30) == 0, log.read_text()
        text = log.read_text()
        assert "Traceback" not in text and "KeyboardInterrupt" not in text
        assert "Process mailbot-reader" not in text
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()


def test_a_busy_port_is_one_line(tmp_path: Path) -> None:
    """Asking for an SMTP port that is taken ends the demo with one line saying what to
    do, and no traceback."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            mailbot("demo", "--dir", str(tmp_path / "demo"), "--smtp-port", str(port)),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env={**os.environ, "MAILBOT_CONFIG": ""},
        )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"error: port {port} on 127.0.0.1 is in use; pick another with --smtp-port or leave it out"
    )
