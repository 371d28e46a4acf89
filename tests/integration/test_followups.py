"""Answers to the checklist through the real mailbox (Dovecot, aiosmtpd, the staff CLI):
a chief's one-sentence answer completes the case, our quoted checklist is never read
as data, and parts of an email that were skipped are said in the reply and kept on
the case."""

from __future__ import annotations

import json
import time
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from mailbot.adapters.imap import ImapMailbox
from mailbot.adapters.smtp import SmtpMailer
from mailbot.config import DatabaseSettings, Settings
from mailbot.ports import SystemClock
from mailbot.reader import IsolatedReader
from mailbot.service import Desk, limits_of
from mailbot.store import casefiles, db
from mailbot.store.models import Message, MessageOutcome
from tests import faults
from tests.data.build import png, xlsx
from tests.integration.desk_helpers import DESK, answer, body_text, make_desk, make_settings
from tests.integration.test_desk_process import mailbot, write_config

pytestmark = pytest.mark.integration

CHIEF = "Chief Dana Morse <dmorse@norwich.test>"


def request_missing_one_username(message_id: str = "<req-1@norwich.test>") -> bytes:
    """A complete enrolment email (logo attached) but for Jordan Hale's DPS username."""
    m = EmailMessage()
    m["From"] = CHIEF
    m["To"] = DESK
    m["Subject"] = "Norwich PD e-ticket enrolment"
    m["Message-ID"] = message_id
    m["Date"] = "Mon, 02 Nov 2026 09:00:00 -0500"
    m.set_content(
        "Hello,\n\n"
        "Norwich Police Department would like to start issuing Vermont Civil Violation\n"
        "Complaints electronically. I have designated Dana Morse as the e-ticket\n"
        "Point-of-Contact (dmorse@norwich.test).\n\n"
        "Judiciary Code: 0871\n"
        "Agency Name: Norwich Police Department\n"
        "Address: 300 Main Street, Norwich, VT 05055\n"
        "Phone: (802) 649-1460\n\n"
        "Officer Last Name\tOfficer First Name\tOfficer Rank/Title\tOfficer Number\tDPS Username\n"
        "Morse\tDana\tChief\tNW001\tdmorse\n"
        "Hale\tJordan\tOfficer\tNW002\t\n\n"
        "Thank you,\nDana Morse\nChief of Police\n"
    )
    m.add_attachment(png(120, 80), maintype="image", subtype="png", filename="norwich-logo.png")
    return bytes(m)


def as_json(config: Path, *args: str) -> Any:
    out = mailbot(config, *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def messages_to(sink: Any, address: str) -> list[Any]:
    return [
        BytesParser(policy=default_policy).parsebytes(d.data)
        for d in sink.messages
        if address in d.rcpt_tos
    ]


@pytest.fixture
def desk_engine(db_url: str) -> Engine:
    db.upgrade(db_url)
    return db.make_engine(db_url)


def test_one_sentence_answer_completes_the_case_then_records(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """Enrolment with one username missing -> checklist -> the chief answers in one
    sentence naming the officer by first name -> case complete -> approve -> records."""
    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    desk = make_desk(make_settings(imap_account, smtp_sink, db_url), desk_engine, SystemClock())

    imap_account.append(request_missing_one_username())
    desk.cycle()
    [checklist] = messages_to(smtp_sink, "dmorse@norwich.test")
    text = checklist.get_body(("plain",)).get_content()
    assert "DPS domain username is missing" in text
    # Waiting for the chief, not for staff: not in the queue.
    assert as_json(config, "case", "show", "ETK-0001")["status"] == "needs_info"
    assert as_json(config, "queue") == []

    imap_account.append(
        answer(smtp_sink.messages[0].data, "Jordan's DPS username is jhale.\n\nThanks,\nDana")
    )
    desk.cycle()
    assert [(q["reference"], q["status"]) for q in as_json(config, "queue")] == [
        ("ETK-0001", "in_review")
    ]
    replies = messages_to(smtp_sink, "dmorse@norwich.test")
    assert len(replies) == 2
    assert "now has everything we need" in replies[1].get_body(("plain",)).get_content()

    approved = mailbot(config, "approve", "ETK-0001", "--by", "K. Staff")
    assert approved.returncode == 0, approved.stderr
    roster = {o["officer_number"]: o for o in as_json(config, "officers")}
    assert set(roster) == {"NW001", "NW002"}
    assert roster["NW002"]["dps_username"] == "jhale"
    assert roster["NW002"]["last_name"] == "Hale"
    desk_engine.dispose()


def hotmail_answer(ours: bytes, body: str) -> bytes:
    """A reply as French Hotmail writes it: our whole email below a "De : ... Envoyé le :"
    block, with no quote marks at all."""
    sent = BytesParser(policy=default_policy).parsebytes(ours)
    m = EmailMessage()
    m["From"] = CHIEF
    m["To"] = DESK
    m["Subject"] = "RE: " + str(sent["Subject"])
    m["Message-ID"] = "<hotmail-1@norwich.test>"
    m["In-Reply-To"] = str(sent["Message-ID"])
    m.set_content(
        body
        + "\n\n________________________________\n"
        + "De : DPS e-Ticket <dps.eticket@vermont.gov>\n"
        + "Envoyé le : lundi 2 novembre 2026 09:05\n"
        + "À : Dana Morse <dmorse@norwich.test>\n"
        + "Objet : "
        + str(sent["Subject"])
        + "\n\n"
        + body_text(ours)
    )
    return bytes(m)


def test_bare_username_under_an_unmarked_quote_is_placed_and_the_example_row_ignored(
    imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """A bare "jhale" answering the only missing username is placed on Hale; the
    checklist quoted without any ">" never adds its example officer (Brown, Kevin)."""
    desk = make_desk(make_settings(imap_account, smtp_sink, db_url), desk_engine, SystemClock())
    imap_account.append(request_missing_one_username())
    desk.cycle()
    imap_account.append(hotmail_answer(smtp_sink.messages[0].data, "jhale"))
    desk.cycle()
    with db.transaction(desk_engine) as s:
        from mailbot.store import casefiles

        case = casefiles.get_case(s, "ETK-0001")
        assert case is not None
        officers = case.data["officers"]
        status = str(case.status)
    assert [(o["last_name"], o["dps_username"]) for o in officers] == [
        ("Morse", "dmorse"),
        ("Hale", "jhale"),
    ]
    assert status == "in_review"
    desk_engine.dispose()


def test_attachments_over_the_limit_are_said_in_the_reply_and_kept_on_the_case(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """A roster attached beyond [limits] max_attachments is named in the reply to the
    chief and listed by `mailbot case show`."""
    base = make_settings(imap_account, smtp_sink, db_url)
    settings = Settings(
        mailbox=base.mailbox,
        smtp=base.smtp,
        database=DatabaseSettings(url=db_url),
        bot=base.bot,
        limits={"read_timeout_seconds": 0, "max_attachments": 1},
    )
    desk = make_desk(settings, desk_engine, SystemClock())
    m = EmailMessage()
    m["From"] = CHIEF
    m["To"] = DESK
    m["Subject"] = "Norwich PD e-ticket enrolment"
    m["Message-ID"] = "<req-att@norwich.test>"
    m.set_content(
        "Hello,\n\nNorwich Police Department would like to start issuing e-tickets.\n"
        "I have designated Dana Morse as the e-ticket Point-of-Contact (dmorse@norwich.test).\n"
        "Judiciary Code: 0871\nAgency Name: Norwich Police Department\n"
        "Address: 300 Main Street, Norwich, VT 05055\nPhone: (802) 649-1460\n\n"
        "The officers are in the attached spreadsheet.\n\nThank you,\nDana Morse\nChief of Police\n"
    )
    m.add_attachment(png(120, 80), maintype="image", subtype="png", filename="norwich-logo.png")
    m.add_attachment(
        xlsx(
            [
                ["Last Name", "First Name", "Rank", "Officer Number", "DPS Username"],
                ["Hale", "Jordan", "Officer", "NW002", "jhale"],
            ]
        ),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="roster.xlsx",
    )
    imap_account.append(bytes(m))
    desk.cycle()
    [reply] = messages_to(smtp_sink, "dmorse@norwich.test")
    text = reply.get_body(("plain",)).get_content()
    assert "could not be read" in text
    assert "roster.xlsx: skipped, more than 1 attachments" in text
    html = reply.get_body(("html",)).get_content()
    assert "roster.xlsx" in html

    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    view = as_json(config, "case", "show", "ETK-0001")
    assert [n["text"] for n in view["notes"]] == ["roster.xlsx: skipped, more than 1 attachments"]
    shown = mailbot(config, "case", "show", "ETK-0001")
    assert shown.returncode == 0, shown.stderr
    assert "roster.xlsx: skipped" in shown.stdout
    desk_engine.dispose()


def test_parts_skipped_in_an_answer_are_said_in_the_reply_and_kept_on_the_case(
    tmp_path: Path, imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """An answer whose roster is attached beyond [limits] max_attachments gets a checklist
    naming the skipped file, and `mailbot case show` lists it."""
    base = make_settings(imap_account, smtp_sink, db_url)
    settings = Settings(
        mailbox=base.mailbox,
        smtp=base.smtp,
        database=DatabaseSettings(url=db_url),
        bot=base.bot,
        limits={"read_timeout_seconds": 0, "max_attachments": 1},
    )
    desk = make_desk(settings, desk_engine, SystemClock())
    imap_account.append(request_missing_one_username())
    desk.cycle()
    reply = BytesParser(policy=default_policy).parsebytes(
        answer(smtp_sink.messages[0].data, "The roster is attached.\n\nDana")
    )
    reply.add_attachment(png(120, 80), maintype="image", subtype="png", filename="seal.png")
    reply.add_attachment(
        xlsx([["Last Name", "DPS Username"], ["Hale", "jhale"]]),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="answer-roster.xlsx",
    )
    imap_account.append(bytes(reply))
    desk.cycle()
    [_, checklist] = messages_to(smtp_sink, "dmorse@norwich.test")
    text = checklist.get_body(("plain",)).get_content()
    assert "answer-roster.xlsx: skipped, more than 1 attachments" in text

    config = write_config(tmp_path / "mailbot.toml", imap_account, smtp_sink, db_url)
    view = as_json(config, "case", "show", "ETK-0001")
    assert "answer-roster.xlsx: skipped, more than 1 attachments" in [
        n["text"] for n in view["notes"]
    ]
    desk_engine.dispose()


def test_reply_whose_reading_hangs_is_quarantined_and_the_desk_goes_on(
    imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """A reply crafted so that reading it against its case never ends (a fault in the
    isolated reader's child) is given up after the time limit and quarantined with the
    reason; its case is left as it was, the next message is answered, and a later reply
    on the case is read by a fresh child."""
    settings = make_settings(imap_account, smtp_sink, db_url)
    reader = IsolatedReader(
        limits_of(settings),
        None,
        settings.bot.loop_header,
        timeout=20,
        answer=faults.hang_on_poisoned_answer,
    )
    desk = Desk(
        settings,
        desk_engine,
        ImapMailbox(settings.mailbox),
        SmtpMailer(settings.smtp),
        SystemClock(),
        reader=reader,
    )

    def case_now() -> tuple[str, dict[str, Any]]:
        with db.transaction(desk_engine) as s:
            case = casefiles.get_case(s, "ETK-0001")
            assert case is not None
            return str(case.status), dict(case.data)

    try:
        imap_account.append(request_missing_one_username())
        desk.cycle()  # the reader's child is started and warm
        [checklist] = smtp_sink.messages
        before = case_now()

        reader.timeout = 5
        imap_account.append(
            faults.poisoned(answer(checklist.data, "Jordan's DPS username is jhale."))
        )
        imap_account.append(
            request_missing_one_username("<req-2@hartford.test>").replace(
                b"dmorse@norwich.test", b"chief@hartford.test"
            )
        )
        start = time.monotonic()
        polled, _ = desk.cycle()
        assert time.monotonic() - start < 60
        assert (polled.quarantined, polled.processed) == (1, 1)
        assert len(imap_account.uids("Quarantine")) == 1
        with db.transaction(desk_engine) as s:
            row = s.scalars(
                select(Message).where(Message.message_id == "<answer-1@norwich.test>")
            ).one()
            assert row.outcome == MessageOutcome.QUARANTINED
            assert row.reason == "reading this reply against its case took longer than 5 s"
            assert row.sender == "dmorse@norwich.test"
        assert case_now() == before and before[0] == "needs_info"
        # The next message was answered; the reply's sender got nothing more.
        assert len(messages_to(smtp_sink, "chief@hartford.test")) == 1
        assert len(messages_to(smtp_sink, "dmorse@norwich.test")) == 1

        reader.timeout = 20  # a fresh child starts (imports) for the next reading
        imap_account.append(
            answer(
                checklist.data,
                "Jordan's DPS username is jhale.",
                message_id="<answer-2@norwich.test>",
            )
        )
        polled, _ = desk.cycle()
        assert (polled.quarantined, polled.processed) == (0, 1)
        status, data = case_now()
        assert status == "in_review"
        assert data["officers"][1]["dps_username"] == "jhale"
    finally:
        desk.close()
        desk_engine.dispose()


def test_replies_read_between_groups_sent_ahead_are_each_read_once_against_their_case(
    imap_account: Any, smtp_sink: Any, db_url: str, desk_engine: Engine
) -> None:
    """With the isolated reader reading the next group ahead, a reply in the same poll
    group as new requests, and one in the group that was read ahead while another
    group waits in the reader, are each read against their own case; every new
    request is answered once and nothing is quarantined or recorded twice."""
    settings = make_settings(imap_account, smtp_sink, db_url)
    settings.poll.batch_size = 2  # groups of two: each is sent ahead of its turn
    reader = IsolatedReader(limits_of(settings), None, settings.bot.loop_header, timeout=30)
    desk = Desk(
        settings,
        desk_engine,
        ImapMailbox(settings.mailbox),
        SmtpMailer(settings.smtp),
        SystemClock(),
        reader=reader,
    )

    def request_from(address: bytes, number: int) -> bytes:
        return request_missing_one_username(f"<req-{number}@agency.test>").replace(
            b"dmorse@norwich.test", address
        )

    try:
        imap_account.append(request_missing_one_username())
        imap_account.append(request_from(b"chief@hartford.test", 2))
        desk.cycle()
        [norwich] = messages_to(smtp_sink, "dmorse@norwich.test")
        [hartford] = messages_to(smtp_sink, "chief@hartford.test")
        assert "DPS domain username is missing" in hartford.get_body(("plain",)).get_content()

        reply = "Jordan's DPS username is jhale."
        imap_account.append(request_from(b"chief@one.test", 3))  # group 1
        imap_account.append(answer(norwich.as_bytes(), reply))  # group 1: same group
        imap_account.append(request_from(b"chief@two.test", 4))  # group 2, read ahead
        imap_account.append(  # group 2: its reply is read while group 3 waits
            answer(
                hartford.as_bytes(),
                reply,
                sender="Chief <chief@hartford.test>",
                message_id="<answer-2@hartford.test>",
            )
        )
        imap_account.append(request_from(b"chief@three.test", 5))  # group 3
        polled, _ = desk.cycle()
        assert (polled.processed, polled.quarantined) == (5, 0)

        with db.transaction(desk_engine) as s:
            rows = s.scalars(select(Message)).all()
            assert len(rows) == 7 and len({r.message_id for r in rows}) == 7
            for reference in ("ETK-0001", "ETK-0002"):
                case = casefiles.get_case(s, reference)
                assert case is not None
                assert case.data["officers"][1]["dps_username"] == "jhale", reference
        for address in ("chief@one.test", "chief@two.test", "chief@three.test"):
            assert len(messages_to(smtp_sink, address)) == 1, address
        assert len(messages_to(smtp_sink, "dmorse@norwich.test")) == 2
        assert len(messages_to(smtp_sink, "chief@hartford.test")) == 2
    finally:
        desk.close()
        desk_engine.dispose()
