"""The whole desk, end to end: email in, checklist out, reply, staff approval, records,
ready-for-use notice, then roster maintenance by the PoC (real Dovecot, aiosmtpd,
and the staff CLI through its real entry point)."""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from mailbot.ports import SystemClock
from mailbot.store import db
from tests.integration.desk_helpers import (
    DESK,
    answer,
    incomplete_request,
    make_desk,
    make_settings,
)
from tests.integration.test_desk_process import mailbot, write_config

pytestmark = pytest.mark.integration


def maintenance(sender: str, message_id: str, body: str) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = DESK
    m["Subject"] = "Roster changes for Norwich PD"
    m["Message-ID"] = message_id
    m.set_content(body)
    return bytes(m)


def as_json(config: Path, *args: str) -> Any:
    out = mailbot(config, *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def sent_to(sink: Any, address: str) -> list[Any]:
    parsed = [BytesParser(policy=default_policy).parsebytes(d.data) for d in sink.messages]
    return [m for m, d in zip(parsed, sink.messages, strict=True) if address in d.rcpt_tos]


@pytest.fixture
def story_engine(db_url: str) -> Engine:
    db.upgrade(db_url)
    return db.make_engine(db_url)


def test_enrolment_to_records_then_roster_maintenance(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str, story_engine: Engine
) -> None:
    """An incomplete request is completed by reply, approved by staff, written as
    records and announced to the PoC; the PoC then promotes one officer and adds
    another; a stranger's roster email changes nothing."""
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    # The staff CLI stamps with the real clock; so does the desk here.
    desk = make_desk(make_settings(imap_account, smtp_sink, db_url), story_engine, SystemClock())

    # 1. The chief's incomplete request gets a checklist.
    imap_account.append(incomplete_request())
    desk.cycle()
    [checklist] = sent_to(smtp_sink, "dmorse@norwich.test")
    assert "[ETK-0001]" in str(checklist["Subject"])

    # 2. The chief answers by reply; the same case is complete and waits for staff.
    imap_account.append(
        answer(
            smtp_sink.messages[0].data,
            "Phone: (802) 649-1460\n\n"
            "Last Name | First Name | Rank/Title | Officer Number | DPS Username\n"
            "Hale | Jordan | Officer | NW002 | jhale\n",
            attach_logo=True,
        )
    )
    desk.cycle()
    queue = as_json(config, "queue")
    assert [(q["reference"], q["status"], q["agency_name"]) for q in queue] == [
        ("ETK-0001", "in_review", "Norwich Police Department")
    ]

    # 3. Staff approve; the next cycle delivers the ready-for-use notice to the PoC.
    approved = mailbot(config, "approve", "ETK-0001", "--by", "K. Staff")
    assert approved.returncode == 0, approved.stderr
    desk.cycle()
    notices = [
        m for m in sent_to(smtp_sink, "dmorse@norwich.test") if "ready" in str(m["Subject"]).lower()
    ]
    assert len(notices) == 1
    assert "NW002" in notices[0].get_body(("plain",)).get_content()
    [agency] = as_json(config, "agencies")
    assert (agency["judiciary_code"], agency["name"]) == ("0871", "Norwich Police Department")
    roster = {o["officer_number"]: o for o in as_json(config, "officers")}
    assert set(roster) == {"NW001", "NW002"}
    assert roster["NW002"]["dps_username"] == "jhale"

    # 4. The PoC promotes one officer and adds another; staff approve; the roster shows both.
    imap_account.append(
        maintenance(
            "Chief Dana Morse <dmorse@norwich.test>",
            "<maint-1@norwich.test>",
            "Hello,\n\nPlease make these changes to our officer records:\n\n"
            "- Promote Jordan Hale (NW002) to Sergeant.\n"
            "- Add Officer Casey Lee, LEO number NW003, DPS username clee.\n\n"
            "Thank you,\nDana Morse\nChief of Police\n",
        )
    )
    desk.cycle()
    queue = as_json(config, "queue")
    assert [(q["reference"], q["kind"], q["status"]) for q in queue] == [
        ("ETK-0002", "officer_maintenance", "in_review")
    ]
    approved = mailbot(config, "approve", "ETK-0002", "--by", "K. Staff")
    assert approved.returncode == 0, approved.stderr
    desk.cycle()
    roster = {o["officer_number"]: o for o in as_json(config, "officers")}
    assert roster["NW002"]["title"] == "Sergeant"
    assert roster["NW003"]["dps_username"] == "clee"
    assert roster["NW003"]["status"] == "active"

    # 5. The same kind of email from an address that is not the PoC changes nothing.
    before = as_json(config, "officers")
    imap_account.append(
        maintenance(
            "Someone Else <someone@elsewhere.test>",
            "<maint-2@elsewhere.test>",
            "Please deactivate Officer Casey Lee, LEO number NW003; he has left.\n",
        )
    )
    desk.cycle()
    refused = mailbot(config, "approve", "ETK-0003", "--by", "K. Staff")
    assert refused.returncode != 0
    assert as_json(config, "officers") == before
    [refusal] = sent_to(smtp_sink, "someone@elsewhere.test")
    assert "[ETK-0003]" in str(refusal["Subject"])
    story_engine.dispose()
