"""The mailbox loop against real Dovecot, a real SMTP peer and both databases."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from mailbot.store import db
from mailbot.store.models import Case, Message, OutboxMessage
from tests.fakes import FakeClock
from tests.integration.desk_helpers import (
    SAMPLE,
    answer,
    body_text,
    incomplete_request,
    make_desk,
    make_settings,
    subjects,
)

pytestmark = pytest.mark.integration


def count(engine: Engine, model: Any) -> int:
    with db.transaction(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def only_case(engine: Engine) -> dict[str, Any]:
    with db.transaction(engine) as s:
        cases = list(s.scalars(select(Case)))
        assert len(cases) == 1
        c = cases[0]
        return {
            "reference": c.reference,
            "status": c.status.value,
            "data": dict(c.data),
            "flags": list(c.flags),
        }


def test_complete_request_gets_one_acknowledgement(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A complete enrolment email opens one case in review and gets one acknowledgement."""
    imap_account.append(SAMPLE.read_bytes())
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    polled, delivered = desk.cycle()
    case = only_case(engine)
    assert case["status"] == "in_review"
    assert polled.processed == 1 and delivered.sent == 1
    assert len(smtp_sink.messages) == 1
    sent = smtp_sink.messages[0]
    assert sent.rcpt_tos == ("rtanner@hartfordvt.gov",)
    assert f"[{case['reference']}]" in subjects(smtp_sink)[0]
    assert imap_account.uids("INBOX") == []
    assert len(imap_account.uids("Processed")) == 1
    # A second cycle finds nothing new and sends nothing more.
    desk.cycle()
    assert len(smtp_sink.messages) == 1


def test_incomplete_request_gets_checklist_then_reply_completes_it(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """An incomplete request gets a checklist of exactly what is missing; the
    sender's reply with the missing data completes the same case."""
    clock = FakeClock()
    desk = make_desk(make_settings(imap_account, smtp_sink), engine, clock)
    imap_account.append(incomplete_request())
    desk.cycle()
    case = only_case(engine)
    assert case["status"] == "needs_info"
    assert sorted(case["data"]["missing"]) == sorted(
        ["agency.phone", "agency.logo", "officers[1].dps_username"]
    )
    checklist = body_text(smtp_sink.messages[0].data)
    assert "phone" in checklist.lower()
    assert "logo" in checklist.lower()
    assert "Hale" in checklist

    clock.advance(hours=1)
    reply = answer(
        smtp_sink.messages[0].data,
        "Here is what was missing.\n\nPhone: 802-649-1460\n\n"
        "Last Name | First Name | Rank/Title | Officer Number | DPS Username\n"
        "Hale | Jordan | Officer | NW002 | jhale\n",
        attach_logo=True,
    )
    imap_account.append(reply)
    desk.cycle()
    case = only_case(engine)
    assert case["data"]["missing"] == [], case["data"]
    assert case["status"] == "in_review"
    assert case["data"]["agency"]["phone"] == "(802) 649-1460"
    assert case["data"]["officers"][1]["dps_username"] == "jhale"
    # The judiciary code quoted back in our checklist was not read as new data.
    assert case["data"]["agency"]["judiciary_code"] == "0871"
    assert len(smtp_sink.messages) == 2
    assert f"[{case['reference']}]" in subjects(smtp_sink)[1]


def test_same_message_delivered_twice_opens_one_case(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """The same email delivered twice gives one case and one reply."""
    raw = SAMPLE.read_bytes()
    imap_account.append(raw)
    imap_account.append(raw)
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    polled, _ = desk.cycle()
    assert count(engine, Case) == 1
    assert polled.duplicates == 1
    assert len(smtp_sink.messages) == 1
    assert len(imap_account.uids("Processed")) == 2


def test_out_of_office_reply_to_checklist_is_not_answered(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """An out-of-office answer to our checklist is recorded and never answered."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(incomplete_request())
    desk.cycle()
    ooo = answer(
        smtp_sink.messages[0].data,
        "I am out of the office until Monday.",
        message_id="<ooo-1@norwich.test>",
    )
    ooo = ooo.replace(
        b"Subject: Re:", b"Auto-Submitted: auto-replied\r\nSubject: Automatic reply:", 1
    )
    imap_account.append(ooo)
    desk.cycle()
    assert len(smtp_sink.messages) == 1
    assert only_case(engine)["status"] == "needs_info"


def test_own_reply_coming_back_is_ignored(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """Our own checklist delivered back into the mailbox is recognised and ignored."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(incomplete_request())
    desk.cycle()
    imap_account.append(smtp_sink.messages[0].data)
    desk.cycle()
    assert len(smtp_sink.messages) == 1
    with db.transaction(engine) as s:
        outcomes = sorted(m.outcome.value for m in s.scalars(select(Message)))
    assert outcomes == ["ignored", "processed"]


def test_follow_up_from_another_address_goes_to_review(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A reply from an address that is neither the sender nor the PoC is not merged."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(incomplete_request())
    desk.cycle()
    stranger = answer(
        smtp_sink.messages[0].data,
        "Phone: 802-555-0100",
        sender="Mallory <mallory@evil.test>",
        message_id="<x-1@evil.test>",
    )
    imap_account.append(stranger)
    desk.cycle()
    case = only_case(engine)
    assert case["data"]["agency"]["phone"] is None
    assert "unexpected_follow_up" in case["flags"]
    assert len(smtp_sink.messages) == 1
    assert len(imap_account.uids("Needs-Review")) == 1


def test_smtp_outage_delivers_once_when_it_returns(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """With SMTP down, the reply waits in the outbox and is sent once when it returns."""
    clock = FakeClock()
    desk = make_desk(make_settings(imap_account, smtp_sink), engine, clock)
    smtp_sink.stop()
    imap_account.append(SAMPLE.read_bytes())
    _, delivered = desk.cycle()
    assert delivered.retried == 1 and delivered.sent == 0
    assert count(engine, Case) == 1
    smtp_sink.start()
    _, delivered = desk.cycle()  # not yet due: backoff
    assert delivered.sent == 0
    clock.advance(minutes=5)
    _, delivered = desk.cycle()
    assert delivered.sent == 1
    clock.advance(hours=1)
    desk.cycle()
    assert len(smtp_sink.messages) == 1


def test_smtp_temporary_then_permanent_failure(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A 421 is retried later; a 550 marks the reply failed and flags the case."""
    clock = FakeClock()
    desk = make_desk(make_settings(imap_account, smtp_sink), engine, clock)
    smtp_sink.fail_next(421, 1)
    imap_account.append(SAMPLE.read_bytes())
    _, delivered = desk.cycle()
    assert delivered.retried == 1
    smtp_sink.fail_next(550, 1)
    clock.advance(minutes=5)
    _, delivered = desk.cycle()
    assert delivered.failed == 1
    assert "delivery_failed" in only_case(engine)["flags"]
    with db.transaction(engine) as s:
        row = s.scalars(select(OutboxMessage)).one()
        assert row.status.value == "failed"
    assert smtp_sink.messages == []


def test_dovecot_restart_mid_run_loses_nothing(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """After Dovecot restarts, the next cycle reconnects and reads what arrived."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(SAMPLE.read_bytes())
    desk.cycle()
    imap_account.restart()
    imap_account.append(incomplete_request())
    from mailbot.errors import MailboxError

    try:
        desk.cycle()
    except MailboxError:
        desk.mailbox.close()  # what the runner does; the next cycle reconnects
        desk.cycle()
    assert count(engine, Case) == 2
    assert len(smtp_sink.messages) == 2
    assert imap_account.uids("INBOX") == []


def test_oversized_message_is_not_downloaded(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A message over the size limit is recorded as too large, the sender told once,
    and the message moved to quarantine."""
    settings = make_settings(imap_account, smtp_sink)
    settings.limits.max_message_bytes = 1024
    desk = make_desk(settings, engine)
    imap_account.append(SAMPLE.read_bytes())
    polled, _ = desk.cycle()
    assert polled.too_large == 1
    assert count(engine, Case) == 0
    with db.transaction(engine) as s:
        row = s.scalars(select(Message)).one()
        assert row.outcome.value == "too_large" and row.raw is None
    assert len(smtp_sink.messages) == 1
    assert "larger than" in body_text(smtp_sink.messages[0].data)
    assert len(imap_account.uids("Quarantine")) == 1


def test_unreadable_message_is_quarantined_and_loop_goes_on(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A message that is not an email is quarantined; the next one is still processed."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(b"\x00\x01garbage without headers\r\n" * 10)
    imap_account.append(SAMPLE.read_bytes())
    polled, _ = desk.cycle()
    assert polled.quarantined == 1 and polled.processed == 1
    assert len(imap_account.uids("Quarantine")) == 1
    assert count(engine, Case) == 1


def test_reply_cap_per_address(imap_account: Any, smtp_sink: Any, engine: Engine) -> None:
    """No address gets more than the configured number of replies a day."""
    settings = make_settings(imap_account, smtp_sink, max_replies_per_address_per_day=2)
    desk = make_desk(settings, engine)
    for i in range(4):
        imap_account.append(
            incomplete_request(f"<loop-{i}@norwich.test>").replace(
                b"Subject: Norwich", f"Subject: Try {i} Norwich".encode()
            )
        )
    desk.cycle()
    assert len(smtp_sink.messages) == 2


def test_ambiguous_from_is_held_for_staff_without_reply(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A request whose From names two addresses is held for staff and answered to nobody."""
    raw = SAMPLE.read_bytes().replace(
        b"From: Chief Robert Tanner <rtanner@hartfordvt.gov>",
        b"From: rtanner@hartfordvt.gov, Mallory <mallory@evil.test>",
    )
    imap_account.append(raw)
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    desk.cycle()
    case = only_case(engine)
    assert "ambiguous_sender" in case["flags"]
    assert smtp_sink.messages == []
    assert len(imap_account.uids("Needs-Review")) == 1


def test_unverified_sender_is_flagged_for_staff(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """With our authserv-id configured, a request whose DMARC failed is flagged
    unverified; one that passed is not."""
    settings = make_settings(imap_account, smtp_sink, authserv_id="mx.dps.vt")
    failing = b"Authentication-Results: mx.dps.vt; dmarc=fail header.from=hartfordvt.gov\r\n"
    imap_account.append(failing + SAMPLE.read_bytes())
    desk = make_desk(settings, engine)
    desk.cycle()
    assert "unverified_sender" in only_case(engine)["flags"]


def test_bounce_of_our_checklist_flags_the_case_and_is_not_answered(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A delivery-status report quoting our checklist's Message-ID flags the case for
    staff (the chief never got it) and gets no answer."""
    desk = make_desk(make_settings(imap_account, smtp_sink), engine)
    imap_account.append(incomplete_request())
    desk.cycle()
    ours = smtp_sink.messages[0].data
    our_id = ours.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0]
    dsn = (
        b"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.norwich.test>\r\n"
        b"To: dps.eticket@vermont.gov\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Message-ID: <dsn-1@mx.norwich.test>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nMailbox unavailable.\r\n"
        b"--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Final-Recipient: rfc822; dmorse@norwich.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: dps.eticket@vermont.gov\r\nMessage-ID: " + our_id + b"\r\n\r\n--b--\r\n"
    )
    imap_account.append(dsn)
    desk.cycle()
    assert "reply_bounced" in only_case(engine)["flags"]
    assert len(smtp_sink.messages) == 1


def test_roster_change_naming_unknown_officer_gets_checklist(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A PoC's roster change that names an officer not on the agency's roster is
    answered with a checklist saying so, and the case waits for their answer."""
    from email.message import EmailMessage

    from mailbot.store import roster

    clock = FakeClock()
    with db.transaction(engine) as s:
        agency = roster.add_agency(
            s,
            judiciary_code="0871",
            name="Norwich Police Department",
            now=clock.now(),
            poc_name="Dana Morse",
            poc_email="dmorse@norwich.test",
        )
        roster.add_officer(
            s,
            agency,
            officer_number="NW002",
            last_name="Hale",
            first_name="Jordan",
            dps_username="jhale",
            title="Officer",
            now=clock.now(),
        )
    m = EmailMessage()
    m["From"] = "Dana Morse <dmorse@norwich.test>"
    m["To"] = "dps.eticket@vermont.gov"
    m["Subject"] = "Roster change"
    m["Message-ID"] = "<roster-1@norwich.test>"
    m.set_content("Please promote Officer Pat Quinn, LEO number NW999, to Sergeant.\n")
    imap_account.append(bytes(m))
    desk = make_desk(make_settings(imap_account, smtp_sink), engine, clock)
    desk.cycle()
    case = only_case(engine)
    assert case["status"] == "needs_info"
    assert [i["field"] for i in case["data"]["invalid"]] == ["changes[0].officer_number"]
    reply = body_text(smtp_sink.messages[0].data)
    assert "NW999" in reply, reply


def test_message_expunged_by_another_client_mid_batch(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """When another client removes a message between our size check and our fetch,
    the others are processed, nothing crashes, and nothing is misfiled."""
    from mailbot.adapters.imap import ImapMailbox
    from mailbot.service import Desk

    class RacingMailbox(ImapMailbox):
        def sizes(self, uids: Any) -> dict[int, int]:
            found = super().sizes(uids)
            with imap_account.client() as other:
                other.select_folder("INBOX")
                other.delete_messages([sorted(found)[1]])
                other.expunge()
            return found

    settings = make_settings(imap_account, smtp_sink)
    for i in range(3):
        imap_account.append(
            incomplete_request(f"<race-{i}@norwich.test>").replace(
                b"Subject: Norwich", f"Subject: Race {i} Norwich".encode()
            )
        )
    from mailbot.adapters.smtp import SmtpMailer

    desk = Desk(
        settings, engine, RacingMailbox(settings.mailbox), SmtpMailer(settings.smtp), FakeClock()
    )
    polled, _ = desk.cycle()
    assert polled.processed == 2
    assert count(engine, Case) == 2
    assert imap_account.uids("INBOX") == []
    assert len(imap_account.uids("Processed")) == 2


def test_two_bot_instances_on_one_mailbox_answer_each_message_once(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """Two instances polling and sending at the same time: one case and one reply per
    message (the ledger's unique key and the outbox claim decide)."""
    import threading

    settings = make_settings(imap_account, smtp_sink)
    for i in range(12):
        imap_account.append(
            incomplete_request(f"<twin-{i}@norwich.test>")
            .replace(b"Subject: Norwich", f"Subject: Twin {i} Norwich".encode())
            .replace(b"<dmorse@norwich.test>", f"<chief{i}@norwich.test>".encode())
        )
    other_engine = db.make_engine(engine.url.render_as_string(hide_password=False))
    desks = [make_desk(settings, engine), make_desk(settings, other_engine)]
    errors: list[BaseException] = []

    def work(desk: Any) -> None:
        try:
            for _ in range(3):
                desk.cycle(full=True)
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    other_engine.dispose()
    assert errors == []
    assert count(engine, Case) == 12
    assert len(smtp_sink.messages) == 12
    assert imap_account.uids("INBOX") == []


def test_reply_that_runs_out_of_retries_flags_the_case(
    imap_account: Any, smtp_sink: Any, engine: Engine
) -> None:
    """A reply that keeps meeting temporary failures is given up after the last
    attempt, and its case is flagged for staff like a permanent failure."""
    from mailbot.store.outbox import MAX_ATTEMPTS

    clock = FakeClock()
    desk = make_desk(make_settings(imap_account, smtp_sink), engine, clock)
    smtp_sink.fail_next(421, MAX_ATTEMPTS + 5)
    imap_account.append(SAMPLE.read_bytes())
    for _ in range(MAX_ATTEMPTS + 2):
        desk.cycle()
        clock.advance(hours=7)
    assert "delivery_failed" in only_case(engine)["flags"]
    with db.transaction(engine) as s:
        row = s.scalars(select(OutboxMessage)).one()
        assert (row.status.value, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert smtp_sink.messages == []
