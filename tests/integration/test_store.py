"""The SQL store on real SQLite and PostgreSQL databases, built by the real migrations."""

from __future__ import annotations

import importlib.util
import threading
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select

from mailbot import cases
from mailbot.cases import CaseFlag, CaseStatus
from mailbot.errors import CaseError, DuplicateMessage, SchemaOutOfDate, StoreError
from mailbot.store import casefiles, db, folders, ledger, outbox, roster
from mailbot.store.models import (
    Base,
    Message,
    MessageOutcome,
    Officer,
    OfficerStatus,
    OutboxStatus,
)

pytestmark = pytest.mark.integration

NOW = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


def _record(session: object, uid: int, **over: object) -> Message:
    fields: dict[str, object] = {
        "mailbox": "INBOX",
        "uidvalidity": 1700000000,
        "uid": uid,
        "raw_sha256": ledger.raw_digest(f"raw {uid}".encode()),
        "size": 1234,
        "outcome": MessageOutcome.PROCESSED,
        "now": NOW,
        "message_id": f"<m{uid}@hartfordvt.gov>",
        "sender": "chief@hartfordvt.gov",
        "subject": "e-ticket enrolment",
    }
    fields.update(over)
    return ledger.record_message(session, **fields)  # type: ignore[arg-type]


def _reply(session: object, case_id: int | None, n: int, to: str = "chief@hartfordvt.gov") -> int:
    row = outbox.enqueue(
        session,  # type: ignore[arg-type]
        template="checklist",
        message_id=f"<reply-{n}@mailbot.invalid>",
        to_address=to,
        recipients=[to],
        subject=f"[ETK-000{n}] What is missing",
        raw=b"From: dps.eTicket@vermont.gov\r\n\r\nbody",
        now=NOW,
        case_id=case_id,
    )
    return row.id


# --- schema -------------------------------------------------------------------------


def test_migrations_produce_exactly_the_models(engine: Engine) -> None:
    """The hand-written migration builds the schema the code expects, on both backends."""
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []
    db.check_schema(engine)
    checks = {c["name"] for c in inspect(engine).get_check_constraints("cases")}
    assert checks == {"ck_cases_kind", "ck_cases_status"}


def test_empty_database_is_out_of_date(db_url: str) -> None:
    """A database nobody has upgraded is refused with the command that fixes it."""
    eng = db.make_engine(db_url)
    try:
        with pytest.raises(SchemaOutOfDate) as info:
            db.check_schema(eng)
    finally:
        eng.dispose()
    message = str(info.value)
    assert f"at empty, need {db.head_revision()}" in message
    assert "run `mailbot db upgrade`" in message
    assert "\n" not in message


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    """Running the upgrade again leaves an up-to-date database as it is."""
    head = db.head_revision()
    assert db.upgrade(db_url) == (None, head)
    assert db.upgrade(db_url) == (head, head)
    assert db.current_revision(db_url) == head


def test_sqlite_is_durable(sqlite_url: str) -> None:
    """SQLite runs in WAL mode with full fsync and enforced foreign keys; its folder is created."""
    eng = db.make_engine(sqlite_url)
    try:
        with eng.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000
    finally:
        eng.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("oracle+nope://x/y", "unknown database kind"),
    ],
)
def test_bad_url_is_one_line_store_error(url: str, expected: str) -> None:
    """A malformed or unsupported database URL is named in one line."""
    with pytest.raises(StoreError, match=expected) as info:
        db.make_engine(url)
    assert "\n" not in str(info.value)


@pytest.mark.skipif(importlib.util.find_spec("pg8000") is not None, reason="pg8000 is installed")
def test_missing_postgres_driver_says_what_to_install() -> None:
    """A PostgreSQL URL whose driver is not installed tells the user which extra to install."""
    with pytest.raises(StoreError, match=r"pip install 'mailbot\[postgres\]'"):
        db.make_engine("postgresql+pg8000://u@127.0.0.1/x")


def test_unreachable_server_is_one_line_store_error() -> None:
    """A PostgreSQL server that does not answer gives a one-line error without the password."""
    eng = db.make_engine("postgresql+psycopg://u:secret@127.0.0.1:1/mailbot")
    try:
        with (
            pytest.raises(StoreError, match="cannot use the database") as info,
            db.transaction(eng) as session,
        ):
            session.execute(select(1))
    finally:
        eng.dispose()
    assert "secret" not in str(info.value)
    assert "\n" not in str(info.value)


# --- ledger -------------------------------------------------------------------------


def test_duplicate_ledger_insert_is_refused(engine: Engine) -> None:
    """The same IMAP message recorded twice is refused, and the transaction carries on."""
    with db.transaction(engine) as session:
        _record(session, 7)
    with db.transaction(engine) as session:
        with pytest.raises(DuplicateMessage, match="INBOX/1700000000/7"):
            _record(session, 7)
        _record(session, 8)  # still usable after the refusal
    with db.transaction(engine) as session:
        uids = session.scalars(select(Message.uid).order_by(Message.uid)).all()
    assert uids == [7, 8]


def test_two_instances_record_a_message_once(db_url: str) -> None:
    """Two bot instances racing on one message: one records it, the other is told it is a
    duplicate (RELIABILITY scenario 4)."""
    db.upgrade(db_url)
    engines = [db.make_engine(db_url), db.make_engine(db_url)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def worker(eng: Engine) -> None:
        barrier.wait()
        try:
            with db.transaction(eng) as session:
                _record(session, 42)
                # Hold the transaction open so the other instance overlaps with it.
                threading.Event().wait(0.2)
            outcomes.append("recorded")
        except DuplicateMessage:
            outcomes.append("duplicate")

    threads = [threading.Thread(target=worker, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    try:
        assert sorted(outcomes) == ["duplicate", "recorded"]
        with db.transaction(engines[0]) as session:
            assert len(session.scalars(select(Message).where(Message.uid == 42)).all()) == 1
    finally:
        for e in engines:
            e.dispose()


def test_ledger_lookups(engine: Engine) -> None:
    """A re-fetched message is found by its UID, its Message-ID, or its raw bytes' hash."""
    with db.transaction(engine) as session:
        first = _record(session, 1, message_id="m1@hartfordvt.gov", raw=b"raw bytes")
        _record(session, 2, outcome="quarantined", reason="unreadable MIME")
    with db.transaction(engine) as session:
        assert ledger.find_message(session, "INBOX", 1700000000, 1) is not None
        assert ledger.find_message(session, "INBOX", 1700000001, 1) is None
        found = ledger.find_by_message_id(session, " <m1@hartfordvt.gov> ")
        assert [m.id for m in found] == [first.id]
        assert found[0].message_id == "<m1@hartfordvt.gov>"
        assert found[0].raw == b"raw bytes"
        assert found[0].recorded_at == NOW
        hashed = ledger.find_by_sha256(session, ledger.raw_digest(b"raw 1"))
        assert [m.id for m in hashed] == [first.id]
        assert [m.uid for m in ledger.quarantined_messages(session)] == [2]


def test_unmoved_messages_until_marked(engine: Engine) -> None:
    """Messages committed before the IMAP move are listed until the move is noted."""
    with db.transaction(engine) as session:
        _record(session, 1)
        _record(session, 2)
    with db.transaction(engine) as session:
        unmoved = ledger.unmoved_messages(session, "INBOX")
        assert [m.uid for m in unmoved] == [1, 2]
        ledger.mark_moved(session, unmoved[0], "Processed")
    with db.transaction(engine) as session:
        assert [m.uid for m in ledger.unmoved_messages(session)] == [2]


def test_folder_cursor(engine: Engine) -> None:
    """The cursor only moves forward under one UIDVALIDITY and restarts when it changes."""
    with db.transaction(engine) as session:
        assert folders.get_cursor(session, "INBOX") is None
        folders.set_cursor(session, "INBOX", 100, 10, NOW)
        folders.set_cursor(session, "INBOX", 100, 5, NOW)
    with db.transaction(engine) as session:
        cursor = folders.get_cursor(session, "INBOX")
        assert cursor is not None
        assert (cursor.uidvalidity, cursor.last_uid) == (100, 10)
        folders.set_cursor(session, "INBOX", 200, 3, NOW + timedelta(minutes=1))
    with db.transaction(engine) as session:
        cursor = folders.get_cursor(session, "INBOX")
        assert cursor is not None
        assert (cursor.uidvalidity, cursor.last_uid) == (200, 3)
        assert cursor.updated_at == NOW + timedelta(minutes=1)


def test_transaction_rolls_back_on_error(engine: Engine) -> None:
    """A failure inside a unit of work leaves nothing of it behind."""
    with pytest.raises(RuntimeError), db.transaction(engine) as session:
        _record(session, 1)
        raise RuntimeError("boom")
    with db.transaction(engine) as session:
        assert ledger.find_message(session, "INBOX", 1700000000, 1) is None


def test_naive_datetime_is_refused(engine: Engine) -> None:
    """A time without a zone never reaches the database."""
    with pytest.raises(StoreError), db.transaction(engine) as session:
        _record(session, 1, now=datetime(2026, 1, 1))


# --- cases --------------------------------------------------------------------------


def test_case_references_follow_ids(engine: Engine) -> None:
    """Each new case gets the next reference, findable in any letter case."""
    with db.transaction(engine) as session:
        a = casefiles.create_case(session, kind="enrollment", prefix="ETK", now=NOW)
        b = casefiles.create_case(session, kind="officer_maintenance", prefix="ETK", now=NOW)
    assert a.reference == f"ETK-{a.id:04d}"
    assert b.reference == f"ETK-{b.id:04d}"
    assert b.id == a.id + 1
    with db.transaction(engine) as session:
        found = casefiles.get_case(session, b.reference.lower())
        assert found is not None
        assert found.id == b.id
        assert found.status is CaseStatus.NEEDS_INFO
        assert casefiles.get_case(session, "ETK-9999") is None


def test_merged_reply_keeps_history_and_provenance(engine: Engine) -> None:
    """A reply's correction replaces the value, keeps the old one, and names its message."""
    with db.transaction(engine) as session:
        first = _record(session, 1)
        data = {"agency": {"name": "Hartford PD", "phone": "802-295-9425", "address": None}}
        case = casefiles.create_case(
            session, kind="enrollment", prefix="ETK", now=NOW, data=data, message_id=first.id
        )
        assert case.provenance == {"agency.name": first.id, "agency.phone": first.id}
    later = NOW + timedelta(hours=2)
    with db.transaction(engine) as session:
        case = casefiles.get_case_by_id(session, case.id)  # type: ignore[assignment]
        reply = _record(session, 2, case_id=case.id)
        _, revisions = cases.merge(
            case.data, {"agency": {"phone": "802-295-0000", "address": "1 Main St"}}
        )
        casefiles.record_revisions(session, case, revisions, now=later, message_id=reply.id)
        assert {r.path for r in revisions} == {"agency.phone", "agency.address"}
    with db.transaction(engine) as session:
        case = casefiles.get_case_by_id(session, case.id)  # type: ignore[assignment]
        assert case.data["agency"] == {
            "name": "Hartford PD",
            "phone": "802-295-0000",
            "address": "1 Main St",
        }
        assert case.provenance["agency.phone"] == reply.id
        assert case.provenance["agency.name"] == first.id
        assert case.updated_at == later
        history = casefiles.revisions_of(session, case.id)
        phone = next(h for h in history if h.path == "agency.phone")
        assert (phone.old_value, phone.new_value, phone.message_id) == (
            "802-295-9425",
            "802-295-0000",
            reply.id,
        )


def test_status_changes_follow_the_machine(engine: Engine) -> None:
    """Staff cannot approve a case still waiting for information; legal moves stick."""
    with db.transaction(engine) as session:
        case = casefiles.create_case(session, kind="enrollment", prefix="ETK", now=NOW)
    with pytest.raises(CaseError), db.transaction(engine) as session:
        c = casefiles.get_case_by_id(session, case.id)
        assert c is not None
        casefiles.set_status(session, c, "approved", now=NOW)
    with db.transaction(engine) as session:
        c = casefiles.get_case_by_id(session, case.id)
        assert c is not None
        assert c.status is CaseStatus.NEEDS_INFO
        casefiles.set_status(session, c, CaseStatus.IN_REVIEW, now=NOW)
        casefiles.add_flag(session, c, CaseFlag.UNVERIFIED_SENDER, now=NOW)
        casefiles.add_flag(session, c, CaseFlag.UNVERIFIED_SENDER, now=NOW)
    with db.transaction(engine) as session:
        c = casefiles.get_case_by_id(session, case.id)
        assert c is not None
        assert c.status is CaseStatus.IN_REVIEW
        assert c.flags == ["unverified_sender"]
        assert [x.id for x in casefiles.list_cases(session, "in_review")] == [case.id]


def test_reply_threads_back_to_its_case(engine: Engine) -> None:
    """A reply is tied to its case through the Message-IDs in In-Reply-To/References."""
    with db.transaction(engine) as session:
        case = casefiles.create_case(session, kind="enrollment", prefix="ETK", now=NOW)
        _reply(session, case.id, 1)
        _record(session, 1, message_id="<orig@hartfordvt.gov>", case_id=case.id)
    with db.transaction(engine) as session:
        by_outbox = casefiles.find_case_by_message_ids(
            session, ["<unknown@x>", "reply-1@mailbot.invalid"]
        )
        by_ledger = casefiles.find_case_by_message_ids(session, ["<orig@hartfordvt.gov>"])
        assert by_outbox is not None and by_outbox.id == case.id
        assert by_ledger is not None and by_ledger.id == case.id
        assert casefiles.find_case_by_message_ids(session, ["<nothing@x>", ""]) is None


def test_audit_trail_is_kept_in_order(engine: Engine) -> None:
    """What happened to a case can be read back in order, with who did it."""
    with db.transaction(engine) as session:
        case = casefiles.create_case(session, kind="enrollment", prefix="ETK", now=NOW)
        casefiles.add_audit(session, action="received", actor="mailbot", now=NOW, case_id=case.id)
        casefiles.add_audit(
            session, action="approved", actor="jstaff", now=NOW, case_id=case.id, detail={"n": 1}
        )
        casefiles.add_audit(session, action="poll_started", actor="mailbot", now=NOW)
    with db.transaction(engine) as session:
        trail = casefiles.audit_trail(session, case.id)
        assert [(e.action, e.actor) for e in trail] == [
            ("received", "mailbot"),
            ("approved", "jstaff"),
        ]
        assert trail[1].detail == {"n": 1}
        assert len(casefiles.audit_trail(session)) == 3


# --- outbox -------------------------------------------------------------------------


def test_outbox_enqueue_is_idempotent_on_message_id(engine: Engine) -> None:
    """Queuing the same reply twice (same deterministic Message-ID) keeps one row."""
    with db.transaction(engine) as session:
        first = _reply(session, None, 1)
        second = _reply(session, None, 1)
    assert first == second
    with db.transaction(engine) as session:
        row = outbox.find_outbox(session, "reply-1@mailbot.invalid")
        assert row is not None
        assert row.status is OutboxStatus.PENDING
        assert row.to_address == "chief@hartfordvt.gov"


def test_outbox_due_and_backoff(engine: Engine) -> None:
    """Failed sends come back after a growing delay, oldest first, then give up."""
    with db.transaction(engine) as session:
        a = _reply(session, None, 1)
        b = _reply(session, None, 2)
    with db.transaction(engine) as session:
        assert [r.id for r in outbox.due(session, NOW)] == [a, b]
        assert outbox.due(session, NOW - timedelta(seconds=1)) == []
        row_a = outbox.due(session, NOW)[0]
        status = outbox.schedule_retry(session, row_a, NOW, "421 try later", max_attempts=3)
        assert status is OutboxStatus.PENDING
    with db.transaction(engine) as session:
        assert [r.id for r in outbox.due(session, NOW)] == [b]
        assert [r.id for r in outbox.due(session, NOW + timedelta(minutes=1))] == [b, a]
        row_a = next(r for r in outbox.due(session, NOW + timedelta(minutes=1)) if r.id == a)
        assert row_a.attempts == 1 and row_a.last_error == "421 try later"
        later = NOW + timedelta(minutes=1)
        outbox.schedule_retry(session, row_a, later, "timeout", max_attempts=3)
        assert row_a.next_attempt_at == later + timedelta(minutes=2)
        assert outbox.schedule_retry(session, row_a, later, "timeout", max_attempts=3) == (
            OutboxStatus.FAILED
        )
        row_b = outbox.due(session, NOW)[0]
        outbox.mark_sent(session, row_b, NOW)
    with db.transaction(engine) as session:
        assert outbox.due(session, NOW + timedelta(days=1)) == []
        sent = outbox.find_outbox(session, "<reply-2@mailbot.invalid>")
        assert sent is not None and sent.status is OutboxStatus.SENT and sent.sent_at == NOW


def test_backoff_doubles_up_to_cap() -> None:
    """Retry delays double from one minute and stop growing at six hours."""
    assert outbox.backoff(1) == timedelta(minutes=1)
    assert outbox.backoff(2) == timedelta(minutes=2)
    assert outbox.backoff(4) == timedelta(minutes=8)
    assert outbox.backoff(50) == timedelta(hours=6)


def test_permanent_failure_is_never_due(engine: Engine) -> None:
    """A reply refused with 5xx is marked failed and not retried."""
    with db.transaction(engine) as session:
        _reply(session, None, 1)
    with db.transaction(engine) as session:
        outbox.mark_failed(session, outbox.due(session, NOW)[0], NOW, "550 no such user")
    with db.transaction(engine) as session:
        assert outbox.due(session, NOW + timedelta(days=1)) == []


def test_replies_per_address_are_counted(engine: Engine) -> None:
    """The daily reply cap counts what was queued to one address, whatever its letter case."""
    with db.transaction(engine) as session:
        _reply(session, None, 1, to="Chief@HartfordVT.gov")
        _reply(session, None, 2, to="chief@hartfordvt.gov")
        _reply(session, None, 3, to="other@hartfordvt.gov")
    with db.transaction(engine) as session:
        assert outbox.replies_since(session, "CHIEF@hartfordvt.gov", NOW - timedelta(days=1)) == 2
        assert outbox.replies_since(session, "chief@hartfordvt.gov", NOW + timedelta(hours=1)) == 0


# --- agencies and officers ----------------------------------------------------------


def _agency(engine: Engine, code: str = "0412", with_officer: bool = True) -> int:
    with db.transaction(engine) as session:
        agency = roster.add_agency(
            session, judiciary_code=code, name="Hartford Police Department", now=NOW
        )
        if not with_officer:
            return agency.id
        roster.add_officer(
            session,
            agency,
            officer_number="hp001",
            last_name="Smith",
            first_name="John",
            dps_username="JSmith",
            title="Officer",
            now=NOW,
        )
        return agency.id


def test_roster_lookups(engine: Engine) -> None:
    """Officers are found by number or username in any letter case, and listed by agency."""
    agency_id = _agency(engine)
    with db.transaction(engine) as session:
        assert roster.get_agency(session, "0412") is not None
        officer = roster.get_officer(session, "HP001")
        assert officer is not None and officer.agency_id == agency_id
        assert roster.get_officer_by_username(session, "jsmith") is officer
        assert [o.last_name for o in roster.roster(session, agency_id)] == ["Smith"]
        officer.status = OfficerStatus.INACTIVE
    with db.transaction(engine) as session:
        assert roster.roster(session, agency_id) == []
        assert len(roster.roster(session, agency_id, include_inactive=True)) == 1


def test_judiciary_code_is_unique(engine: Engine) -> None:
    """A second agency with the same judiciary code is refused."""
    _agency(engine)
    with pytest.raises(StoreError, match="refused"), db.transaction(engine) as session:
        roster.add_agency(session, judiciary_code="0412", name="Copy", now=NOW)


@pytest.mark.parametrize(("number", "username"), [("HP001", "someone.else"), ("HP777", "jsmith")])
def test_officer_number_and_username_are_unique(engine: Engine, number: str, username: str) -> None:
    """No two officers, even in different agencies, share an officer number or a username."""
    _agency(engine)
    other = _agency(engine, "0999", with_officer=False)
    with pytest.raises(StoreError, match="refused"), db.transaction(engine) as session:
        agency = roster.get_agency(session, "0999")
        assert agency is not None and agency.id == other
        roster.add_officer(
            session,
            agency,
            officer_number=number,
            last_name="X",
            first_name="Y",
            dps_username=username,
            now=NOW,
        )


def test_officer_needs_an_existing_agency(engine: Engine) -> None:
    """An officer row pointing at no agency is refused by the database itself."""
    with pytest.raises(StoreError, match="refused"), db.transaction(engine) as session:
        session.add(
            Officer(
                officer_number="HP100",
                agency_id=424242,
                last_name="Ghost",
                first_name="Casper",
                dps_username="cghost",
                status=OfficerStatus.ACTIVE,
                created_at=NOW,
                updated_at=NOW,
            )
        )


def test_migrations_upgrade_step_by_step_and_back(db_url: str) -> None:
    """Every migration applies on top of the previous one, and downgrades cleanly."""
    from alembic import command

    engine = db.make_engine(db_url)
    try:
        with engine.begin() as conn:
            cfg = db._alembic_config(conn)
            command.upgrade(cfg, "0001")
            command.upgrade(cfg, "head")
            command.downgrade(cfg, "0001")
            command.upgrade(cfg, "head")
        assert db.current_revision_of(engine) == db.head_revision()
    finally:
        engine.dispose()
