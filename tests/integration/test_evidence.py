"""Where each value was read, and staff questions instead of needless asks, from the
mailbox (real Dovecot, SMTP peer, both databases) to `mailbot case show`."""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mailbot.store import db
from mailbot.store.models import Case
from tests.integration.desk_helpers import DESK, body_text, make_desk, make_settings

pytestmark = pytest.mark.integration


def _request() -> bytes:
    """An enrolment whose two phone numbers are not said to be the agency's."""
    m = EmailMessage()
    m["From"] = "Chief Dana Morse <dmorse@norwich.test>"
    m["To"] = DESK
    m["Subject"] = "Norwich PD e-ticket enrolment"
    m["Message-ID"] = "<evidence-1@norwich.test>"
    m.set_content(
        "Hello,\n\n"
        "Norwich Police Department would like to start issuing Vermont Civil Violation\n"
        "Complaints electronically. Sergeant Jordan Hale will serve as our e-ticket\n"
        "Point-of-Contact; his email is jhale@norwich.test.\n\n"
        "Judiciary Code: 0871\n"
        "Agency Name: Norwich Police Department\n"
        "Address: 300 Main Street, Norwich, VT 05055\n"
        "Call (802) 649-1460 or (802) 649-1461.\n\n"
        "1. Sgt. Jordan Hale - NW002 - jhale\n"
        "2. Officer Casey Lee - NW003 - clee\n\n"
        "Thank you,\nDana Morse\nChief of Police\n"
    )
    return bytes(m)


def _mailbot(config: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_case_show_tells_where_values_were_read_and_asks_staff(
    imap_account: Any, smtp_sink: Any, engine: Engine, tmp_path: Path
) -> None:
    """Staff see in `case show` the line each value was read from and a "please confirm"
    question about the phone, while the chief's checklist does not ask for the phone."""
    imap_account.append(_request())
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    desk.cycle()
    with db.transaction(engine) as s:
        reference = s.scalars(select(Case.reference)).one()
    config = tmp_path / "mailbot.toml"
    url = engine.url.render_as_string(hide_password=False)
    config.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")

    view = json.loads(_mailbot(config, "case", "show", reference, "--json"))
    read = {f["path"]: f["read"] for f in view["fields"]}
    assert read["agency.judiciary_code"] == {"where": "text line 7", "confidence": "high"}
    assert read["point_of_contact.email"]["where"].startswith("text line")
    assert read["head_of_department.name"]["where"].startswith("signature line")
    [question] = view["questions"]
    assert question["field"] == "agency.phone"
    assert [c["value"] for c in question["candidates"]] == ["(802) 649-1460", "(802) 649-1461"]
    # for staff the phone stays open until they confirm it (approval waits for it)
    assert "agency.phone" in view["checklist"]["missing"]

    table = _mailbot(config, "case", "show", reference)
    assert "Please confirm" in table and "agency.phone" in table
    assert "text line 7" in table

    [reply] = smtp_sink.messages
    text = body_text(reply.data)
    assert "phone" not in text.lower()
