"""The review desk's functions over a real (SQLite) store: queue, view, edit, approve,
reject, and the officer-maintenance diff."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from mailbot.cases import CaseKind, CaseStatus
from mailbot.config import Settings
from mailbot.errors import CaseError
from mailbot.intake.rules import load_rules
from mailbot.review import maintenance_authority, roster_diff
from mailbot.review.casework import case_view, edit_case, parse_assignments
from mailbot.review.decisions import approve_case, reject_case
from mailbot.review.queue import review_queue
from mailbot.review.records import CSV_HEADER, export_csv_rows, export_records, list_officers
from mailbot.store import casefiles, db, roster
from mailbot.store.models import Agency, Base, CaseRevision, Officer, OutboxMessage
from tests.review_seed import (
    CHIEF,
    NOW,
    OFFICERS,
    POC,
    enrolment_data,
    maintenance_data,
    png,
    seed_agency,
    seed_case,
)

RULES = load_rules()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = db.make_engine(f"sqlite:///{tmp_path / 'review.db'}")
    Base.metadata.create_all(eng)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        bot={"message_id_domain": "desk.test", "judicial_bureau_address": "jb@vermont.gov"},
        smtp={"from_address": "dps.eTicket@vermont.gov"},
    )


def _count(session: Any, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)))


def _approve(engine: Engine, settings: Settings, ref: str) -> dict[str, Any]:
    with db.transaction(engine) as s:
        return approve_case(s, settings, ref, actor="J. Smith", now=NOW, rules=RULES)


# --- approval ------------------------------------------------------------------------


def test_approval_writes_agency_officers_and_notices(engine: Engine, settings: Settings) -> None:
    """Approving an enrolment creates the agency (with the logo bytes) and its active
    officers, closes the case, and queues the ready-for-use email to the PoC with the
    chief in copy plus the Judicial Bureau notice."""
    logo = png(150, 90)
    with db.transaction(engine) as s:
        ref = seed_case(s, enrolment_data(logo=logo), logo=logo).reference
    assert ref is not None
    result = _approve(engine, settings, ref)
    assert result["notices"] == ["ready_for_use", "judicial_bureau_notice"]
    with db.transaction(engine) as s:
        agency = roster.get_agency(s, "0614")
        assert agency is not None
        assert (agency.name, agency.phone, agency.poc_email, agency.hod_email) == (
            "Hartford Police Department",
            "(802) 295-9425",
            POC,
            CHIEF,
        )
        assert agency.logo == logo
        assert (agency.logo_type, agency.logo_width, agency.logo_height) == ("image/png", 150, 90)
        assert agency.hod_name == "Phil Kasten" and agency.hod_title == "Chief of Police"
        officers = roster.roster(s, agency.id)
        assert [(o.officer_number, o.dps_username, o.title, o.status) for o in officers] == [
            ("HA022", "kbrown", "Officer", "active"),
            ("HA031", "alussier", "Sergeant", "active"),
        ]
        case = casefiles.get_case(s, ref)
        assert case is not None and case.status == CaseStatus.APPROVED
        actions = [e.action for e in casefiles.audit_trail(s, case.id)]
        assert actions == ["approved", "notified", "notified"]
        mails = s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        assert [(m.template, m.recipients) for m in mails] == [
            ("ready_for_use", [POC, CHIEF]),
            ("judicial_bureau_notice", ["jb@vermont.gov"]),
        ]
        message = email.message_from_bytes(mails[0].raw, policy=email.policy.default)
        body = message.get_body(("plain",))  # type: ignore[attr-defined]
        assert body is not None and "officer number HA031" in body.get_content()


def test_failure_midway_leaves_nothing(
    engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the second officer fails, no agency, officer, notice or status change
    remains: approval is one transaction."""
    with db.transaction(engine) as s:
        ref = str(seed_case(s, enrolment_data()).reference)
    real = roster.add_officer
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(roster, "add_officer", flaky)
    with pytest.raises(RuntimeError):
        _approve(engine, settings, ref)
    with db.transaction(engine) as s:
        assert _count(s, Agency) == 0 and _count(s, Officer) == 0
        assert _count(s, OutboxMessage) == 0
        case = casefiles.get_case(s, ref)
        assert case is not None and case.status == CaseStatus.IN_REVIEW
        assert [e.action for e in casefiles.audit_trail(s, case.id)] == []


def test_conflicting_enrolment_is_refused_and_flagged(engine: Engine, settings: Settings) -> None:
    """An officer number that already belongs to another agency blocks approval with a
    one-line reason, and the queue shows the conflict."""
    with db.transaction(engine) as s:
        seed_agency(s, "0700", "Norwich Police", [OFFICERS[0]], poc="p@norwich.gov")
        ref = str(seed_case(s, enrolment_data()).reference)
    with pytest.raises(CaseError, match=r"HA022.*0700 Norwich Police") as err:
        _approve(engine, settings, ref)
    assert "\n" not in str(err.value)
    with db.transaction(engine) as s:
        [entry] = review_queue(s)
        assert "conflict" in entry.flags
        assert any("officer number already belongs" in c for c in entry.conflicts)
        assert _count(s, Agency) == 1


def test_incomplete_and_closed_cases_are_refused(engine: Engine, settings: Settings) -> None:
    """A case lacking a value, or one not in review, cannot be approved."""
    data = enrolment_data()
    data["agency"]["phone"] = None
    with db.transaction(engine) as s:
        incomplete = str(seed_case(s, data).reference)
        waiting = str(seed_case(s, enrolment_data("0615"), status=CaseStatus.NEEDS_INFO).reference)
    with pytest.raises(CaseError, match=r"incomplete: agency\.phone"):
        _approve(engine, settings, incomplete)
    with pytest.raises(CaseError, match="waiting for information"):
        _approve(engine, settings, waiting)
    with pytest.raises(CaseError, match="no case 'ETK-9999'"):
        _approve(engine, settings, "ETK-9999")


def test_reject_notifies_the_sender(engine: Engine, settings: Settings) -> None:
    """Rejecting a case closes it, records why, and queues the reason to the sender."""
    with db.transaction(engine) as s:
        ref = str(seed_case(s, enrolment_data()).reference)
    with db.transaction(engine) as s:
        reject_case(s, settings, ref, actor="J. Smith", reason="Already enrolled.", now=NOW)
    with db.transaction(engine) as s:
        case = casefiles.get_case(s, ref)
        assert case is not None and case.status == CaseStatus.REJECTED
        [mail] = s.scalars(select(OutboxMessage)).all()
        assert (mail.template, mail.recipients) == ("rejected", [CHIEF])
        assert b"Already enrolled." in mail.raw
        trail = casefiles.audit_trail(s, case.id)
        assert (trail[0].action, trail[0].actor, trail[0].detail) == (
            "rejected",
            "J. Smith",
            {"reason": "Already enrolled."},
        )
    with db.transaction(engine) as s, pytest.raises(CaseError, match="--reason"):
        reject_case(s, settings, ref, actor="J. Smith", reason=" ", now=NOW)


# --- edits ---------------------------------------------------------------------------


def test_edit_rechecks_moves_status_and_audits(engine: Engine) -> None:
    """Clearing a required value sends the case back to needs_info; filling it in again
    returns it to review; each edit keeps the old value and names the editor."""
    with db.transaction(engine) as s:
        ref = str(seed_case(s, enrolment_data()).reference)
    with db.transaction(engine) as s:
        result = edit_case(s, ref, ["agency.phone="], actor="J. Smith", now=NOW, rules=RULES)
    assert result["status"] == "needs_info" and result["missing"] == ["agency.phone"]
    with db.transaction(engine) as s:
        result = edit_case(
            s,
            ref,
            ["agency.phone=802.295.9425", "officers[1].dps_username=asmith"],
            actor="K. Lee",
            now=NOW,
            rules=RULES,
        )
    assert result["status"] == "in_review" and result["complete"]
    with db.transaction(engine) as s:
        case = casefiles.get_case(s, ref)
        assert case is not None
        assert case.data["agency"]["phone"] == "(802) 295-9425"
        assert case.data["officers"][1]["dps_username"] == "asmith"
        edits = [e for e in casefiles.audit_trail(s, case.id) if e.action == "edited"]
        assert [e.actor for e in edits] == ["J. Smith", "K. Lee"]
        assert edits[1].detail["changes"][1] == {
            "path": "officers[1].dps_username",
            "old": "alussier",
            "new": "asmith",
        }
        assert edits[1].detail["status"] == {"from": "needs_info", "to": "in_review"}
        paths = [r.path for r in s.scalars(select(CaseRevision).order_by(CaseRevision.id))]
        assert paths[-3:] == ["agency.phone", "agency.phone", "officers[1].dps_username"]
        view = case_view(s, ref, RULES)
    phone = next(f for f in view["fields"] if f["path"] == "agency.phone")
    assert phone["source"]["edited_by"] == "K. Lee"
    name = next(f for f in view["fields"] if f["path"] == "agency.name")
    assert name["source"]["sender"] == CHIEF and name["source"]["message_id"].startswith("<m")


def test_bad_edits_are_one_line_errors(engine: Engine) -> None:
    """A malformed FIELD=VALUE, an unknown field or a row that does not exist is
    refused with a line saying how to write it."""
    with pytest.raises(CaseError, match="FIELD=VALUE"):
        parse_assignments(["agency.phone"])
    with pytest.raises(CaseError, match=r"unknown field 'agency\.fax'"):
        parse_assignments(["agency.fax=1"])
    with db.transaction(engine) as s:
        ref = str(seed_case(s, enrolment_data()).reference)
    with db.transaction(engine) as s, pytest.raises(CaseError, match=r"use officers\[2\]"):
        edit_case(s, ref, ["officers[5].title=Sgt"], actor="J", now=NOW, rules=RULES)


# --- maintenance ---------------------------------------------------------------------


@pytest.fixture
def two_agencies(engine: Engine) -> None:
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", OFFICERS, poc=POC, hod=CHIEF)
        seed_agency(
            s,
            "0700",
            "Norwich Police Department",
            [
                {
                    "last_name": "Hale",
                    "first_name": "Dana",
                    "title": "Officer",
                    "officer_number": "NO100",
                    "dps_username": "dhale",
                }
            ],
            poc="poc@norwich.gov",
        )


def test_maintenance_authority(engine: Engine, two_agencies: None) -> None:
    """Only the agency's registered PoC or head of department may change its roster."""
    with db.transaction(engine) as s:
        agency = maintenance_authority(s, POC.upper(), None)
        assert agency is not None and agency.judiciary_code == "0614"
        chief = maintenance_authority(s, CHIEF, "0614")
        assert chief is not None and chief.judiciary_code == "0614"
        assert maintenance_authority(s, "someone@gmail.com", "0614") is None
        assert maintenance_authority(s, POC, "0700") is None


def test_roster_diff_rows(engine: Engine, two_agencies: None) -> None:
    """Each change becomes from/to rows; unknown officers, other agencies' officers and
    transfers that take an officer from another agency are named for staff."""
    changes: list[dict[str, Any]] = [
        {"action": "update", "officer_number": "HA022", "title": "Sergeant"},
        {
            "action": "add",
            "officer_number": "HA040",
            "last_name": "Cole",
            "first_name": "Rita",
            "title": "Officer",
            "dps_username": "rcole",
        },
        {"action": "update", "officer_number": "HA031", "agency": "Norwich Police"},
        {"action": "deactivate", "officer_number": "HA022"},
        {"action": "deactivate", "officer_number": "ZZ999"},
        {"action": "update", "officer_number": "NO100", "title": "Corporal"},
        {"action": "update", "officer_number": "NO100", "agency": "0614"},
    ]
    with db.transaction(engine) as s:
        agency = roster.get_agency(s, "0614")
        assert agency is not None
        rows = roster_diff(s, agency, changes)
    got = [(r.index, r.field, r.old, r.new, r.problem, r.blocking) for r in rows]
    assert got == [
        (0, "title", "Officer", "Sergeant", None, False),
        (1, "officer", None, "Cole, Rita, Officer, username rcole", None, False),
        (
            2,
            "agency",
            "0614 Hartford Police Department",
            "0700 Norwich Police Department",
            None,
            False,
        ),
        (3, "status", "active", "inactive", None, False),
        (4, "status", None, "inactive", "no such officer", True),
        (
            5,
            "title",
            "Officer",
            "Corporal",
            "officer belongs to another agency (0700 Norwich Police Department)",
            True,
        ),
        (
            6,
            "agency",
            "0700 Norwich Police Department",
            "0614 Hartford Police Department",
            "transfer takes an officer from another agency (0700 Norwich Police Department)",
            False,
        ),
    ]
    assert rows[0].officer_name == "Brown, Kevin"


def test_maintenance_approval_applies_and_confirms(
    engine: Engine, settings: Settings, two_agencies: None
) -> None:
    """Approving a roster change promotes, adds and deactivates (never deletes), and
    confirms the changes to the PoC; a change with a blocking problem is refused."""
    changes = [
        {"action": "update", "officer_number": "HA022", "title": "Sergeant"},
        {
            "action": "add",
            "officer_number": "HA040",
            "last_name": "Cole",
            "first_name": "Rita",
            "title": "Officer",
            "dps_username": "rcole",
        },
        {"action": "deactivate", "officer_number": "HA031"},
    ]
    with db.transaction(engine) as s:
        ok = str(
            seed_case(
                s, maintenance_data(changes, "0614"), kind=CaseKind.OFFICER_MAINTENANCE, sender=POC
            ).reference
        )
        bad = str(
            seed_case(
                s,
                maintenance_data([{"action": "deactivate", "officer_number": "NO100"}], "0614"),
                kind=CaseKind.OFFICER_MAINTENANCE,
                sender=POC,
            ).reference
        )
    with pytest.raises(CaseError, match="belongs to another agency"):
        _approve(engine, settings, bad)
    _approve(engine, settings, ok)
    with db.transaction(engine) as s:
        officers = {o["officer_number"]: o for o in list_officers(s, "0614")}
        assert officers["HA022"]["title"] == "Sergeant"
        assert officers["HA040"]["status"] == "active"
        assert officers["HA031"]["status"] == "inactive"
        norwich = list_officers(s, "0700")
        assert [o["status"] for o in norwich] == ["active"]
        [mail] = s.scalars(select(OutboxMessage)).all()
        assert (mail.template, mail.recipients) == ("maintenance_applied", [POC])
        assert b"Sergeant" in mail.raw


def test_maintenance_from_a_stranger_is_not_approved(
    engine: Engine, settings: Settings, two_agencies: None
) -> None:
    """A roster change sent by someone who is not the agency's contact changes nothing,
    even when staff try to approve it."""
    data = maintenance_data([{"action": "deactivate", "officer_number": "HA022"}], "0614")
    with db.transaction(engine) as s:
        ref = str(
            seed_case(
                s,
                data,
                kind=CaseKind.OFFICER_MAINTENANCE,
                sender="mallory@example.com",
                flags=("not_agency_contact",),
            ).reference
        )
    with pytest.raises(CaseError, match="not the registered PoC"):
        _approve(engine, settings, ref)
    with db.transaction(engine) as s:
        assert {o["status"] for o in list_officers(s, "0614")} == {"active"}
        view = case_view(s, ref, RULES)
    assert view["authorised_agency"] is None


# --- queue and export ----------------------------------------------------------------


def test_queue_lists_waiting_cases_oldest_first(engine: Engine, settings: Settings) -> None:
    """The queue holds cases in review and flagged cases still missing information,
    oldest first; unflagged incomplete cases and closed ones are not in it."""
    from datetime import timedelta

    with db.transaction(engine) as s:
        late = seed_case(s, enrolment_data("0001"), now=NOW + timedelta(hours=2))
        seed_case(s, enrolment_data("0002"), status=CaseStatus.NEEDS_INFO)
        flagged = seed_case(
            s,
            enrolment_data("0003"),
            status=CaseStatus.NEEDS_INFO,
            flags=("unverified_sender",),
            now=NOW + timedelta(hours=1),
        )
        early = seed_case(s, enrolment_data("0004"))
        closed = seed_case(s, enrolment_data("0005"))
        reject_case(s, settings, str(closed.reference), actor="J", reason="no", now=NOW)
        refs = [e.reference for e in review_queue(s)]
        assert refs == [early.reference, flagged.reference, late.reference]
        entry = review_queue(s)[1].as_dict()
    assert entry["flags"] == ["unverified_sender"] and entry["agency_name"]
    assert entry["kind"] == "enrollment" and entry["sender"] == CHIEF


def test_export_has_one_csv_row_per_officer(
    engine: Engine, settings: Settings, two_agencies: None
) -> None:
    """The CSV export repeats the agency columns on each officer's row."""
    with db.transaction(engine) as s:
        records = export_records(s, "0614")
    rows = export_csv_rows(records)
    assert len(rows) == 2 and len(rows[0]) == len(CSV_HEADER)
    col = CSV_HEADER.index("officer_officer_number")
    assert [r[col] for r in rows] == ["HA022", "HA031"]
    assert {r[CSV_HEADER.index("agency_judiciary_code")] for r in rows} == {"0614"}
    with db.transaction(engine) as s, pytest.raises(CaseError, match="no agency"):
        export_records(s, "9999")


def test_roster_change_with_a_name_that_does_not_match_the_number_is_blocked(
    engine: Engine, two_agencies: None
) -> None:
    """A promotion naming someone else than the officer on file under that number
    (most likely a mistyped number) is stopped for the PoC to correct; it never
    renames and promotes the wrong officer."""
    changes: list[dict[str, Any]] = [
        {
            "action": "update",
            "officer_number": "HA022",
            "last_name": "Hale",
            "first_name": "Jordan",
            "title": "Sergeant",
        },
        {
            "action": "update",
            "officer_number": "HA022",
            "last_name": "Brown",
            "first_name": "Kevin",
            "title": "Sergeant",
        },
    ]
    with db.transaction(engine) as s:
        agency = roster.get_agency(s, "0614")
        assert agency is not None
        rows = roster_diff(s, agency, changes)
    blocked = [(r.index, r.field, r.problem) for r in rows if r.blocking]
    assert blocked == [
        (0, "last_name", "officer HA022 on file is Kevin Brown"),
        (0, "first_name", "officer HA022 on file is Kevin Brown"),
    ]
    assert [(r.index, r.field, r.new) for r in rows if r.index == 1] == [(1, "title", "Sergeant")]


def test_a_corrected_officer_number_renumbers_the_officer_it_names(
    engine: Engine, settings: Settings, two_agencies: None
) -> None:
    """ "Kevin Brown's number is HA029, not HA022": the change gives a number that is not
    on file and names one officer of the agency. Staff see his record renumbered (a
    problem to look at, not one for the PoC); approval renumbers him and the PoC's
    notice says from what to what. A number not on file naming nobody still blocks."""
    fix = {"action": "update", "officer_number": "HA029", "last_name": "Brown"}
    fix["first_name"] = "Kevin"
    nobody = {"action": "update", "officer_number": "HA077", "last_name": "Mayo", "title": "Sgt"}
    with db.transaction(engine) as s:
        agency = roster.get_agency(s, "0614")
        assert agency is not None
        rows = roster_diff(s, agency, [fix, nobody])
        ref = str(
            seed_case(
                s, maintenance_data([fix], "0614"), kind=CaseKind.OFFICER_MAINTENANCE, sender=POC
            ).reference
        )
    got = [(r.index, r.officer_number, r.field, r.old, r.new, r.blocking) for r in rows]
    assert got == [
        (0, "HA022", "officer_number", "HA022", "HA029", False),
        (1, "HA077", None, None, None, True),
    ]
    assert rows[0].problem is not None and "HA029 is not on file" in rows[0].problem
    with db.transaction(engine) as s:
        [entry] = [e for e in review_queue(s) if e.reference == ref]
        assert [(d.field, d.old, d.new) for d in entry.diff] == [
            ("officer_number", "HA022", "HA029")
        ]
    _approve(engine, settings, ref)
    with db.transaction(engine) as s:
        officers = {o["officer_number"]: o for o in list_officers(s, "0614")}
        assert "HA022" not in officers
        assert (officers["HA029"]["last_name"], officers["HA029"]["dps_username"]) == (
            "Brown",
            "kbrown",
        )
        [mail] = s.scalars(select(OutboxMessage)).all()
        body = email.message_from_bytes(mail.raw, policy=email.policy.default)
        text = body.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "officer number from HA022 to HA029" in text, text
