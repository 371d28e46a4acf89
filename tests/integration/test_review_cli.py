"""The review desk through the real entry point (``python -m mailbot``), on SQLite and
PostgreSQL databases built by the real migrations."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from mailbot.cases import CaseKind, CaseStatus
from mailbot.cli import main
from mailbot.store import db
from tests.review_seed import (
    CHIEF,
    OFFICERS,
    POC,
    enrolment_data,
    maintenance_data,
    seed_agency,
    seed_case,
)

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def config(tmp_path: Path, engine: Engine) -> Path:
    """A settings file pointing at the test's migrated database (either backend)."""
    db_url = engine.url.render_as_string(hide_password=False)
    path = tmp_path / "mailbot.toml"
    path.write_text(
        f'[database]\nurl = "{db_url}"\n\n'
        '[bot]\nmessage_id_domain = "desk.test"\njudicial_bureau_address = "jb@vermont.gov"\n'
        '\n[logging]\nlevel = "warning"\nformat = "json"\n',
        encoding="utf-8",
    )
    return path


def mailbot(config: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def as_json(config: Path, *args: str) -> Any:
    return json.loads(mailbot(config, *args, "--json").stdout)


def test_enrolment_from_queue_to_records(config: Path, engine: Engine) -> None:
    """Staff see the complete enrolment in the queue, inspect it, approve it, and then
    find the agency and officers in the listings and the TraCS export."""
    with db.transaction(engine) as s:
        ref = str(seed_case(s, enrolment_data()).reference)
        seed_case(s, enrolment_data("0615"), status=CaseStatus.NEEDS_INFO)  # not queued
    [entry] = as_json(config, "queue")
    assert {k: entry[k] for k in ("reference", "status", "kind", "agency_name", "sender")} == {
        "reference": ref,
        "status": "in_review",
        "kind": "enrollment",
        "agency_name": "Hartford Police Department",
        "sender": CHIEF,
    }
    assert entry["complete"] is True and entry["flags"] == []
    view = as_json(config, "case", "show", ref.lower())
    assert view["checklist"]["complete"] is True
    code = next(f for f in view["fields"] if f["path"] == "agency.judiciary_code")
    assert code["value"] == "0614" and code["source"]["sender"] == CHIEF

    done = mailbot(config, "approve", ref, "--by", "J. Smith")
    assert "approved: agency 0614 Hartford Police Department with 2 officer(s)" in done.stdout
    assert as_json(config, "queue") == []
    [agency] = as_json(config, "agencies")
    assert (agency["judiciary_code"], agency["poc_email"], agency["active_officers"]) == (
        "0614",
        POC,
        2,
    )
    assert agency["has_logo"] is True
    officers = as_json(config, "officers", "--agency", "0614")
    assert [(o["officer_number"], o["dps_username"], o["status"]) for o in officers] == [
        ("HA022", "kbrown", "active"),
        ("HA031", "alussier", "active"),
    ]
    exported = list(
        csv.DictReader(io.StringIO(mailbot(config, "export", "--format", "csv").stdout))
    )
    assert [(r["agency_judiciary_code"], r["officer_officer_number"]) for r in exported] == [
        ("0614", "HA022"),
        ("0614", "HA031"),
    ]
    history = as_json(config, "case", "history", ref)
    assert [h["action"] for h in history if h["actor"] == "J. Smith"] == [
        "approved",
        "notified",
        "notified",
    ]
    table = mailbot(config, "officers").stdout
    assert "HA022" in table and "kbrown" in table


def test_conflict_shown_in_queue_and_refused(config: Path, engine: Engine) -> None:
    """A judiciary code already on file shows as a conflict in the queue, and approving
    is refused with a one-line reason; nothing is written."""
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", [], poc=POC)
        ref = str(seed_case(s, enrolment_data(officers=[OFFICERS[0]])).reference)
    [entry] = as_json(config, "queue")
    assert "conflict" in entry["flags"]
    done = mailbot(config, "approve", ref, "--by", "J. Smith", ok=False)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "judiciary code already belongs to 0614" in done.stderr
    assert as_json(config, "officers") == []


def test_edit_and_reject(config: Path, engine: Engine) -> None:
    """A staff edit re-checks the case and is audited; a rejection queues the reason."""
    data = enrolment_data()
    data["officers"][1]["dps_username"] = None
    data["missing"] = ["officers[1].dps_username"]
    with db.transaction(engine) as s:
        case = seed_case(s, data, status=CaseStatus.NEEDS_INFO, flags=("unverified_sender",))
        ref = str(case.reference)
    [entry] = as_json(config, "queue")
    assert entry["complete"] is False and entry["flags"] == ["unverified_sender"]
    done = mailbot(config, "case", "edit", ref, "officers[1].dps_username=alussier", "--by", "K")
    assert f"{ref} is in_review (complete)" in done.stdout
    history = as_json(config, "case", "history", ref)
    edited = [h for h in history if h["action"] == "edited"]
    assert edited[0]["actor"] == "K"
    assert edited[0]["detail"]["changes"] == [
        {"path": "officers[1].dps_username", "old": None, "new": "alussier"}
    ]
    result = as_json(config, "reject", ref, "--by", "K", "--reason", "Duplicate request.")
    assert result == {"reference": ref, "status": "rejected", "notices": ["rejected"]}
    view = as_json(config, "case", "show", ref)
    assert [(n["template"], n["to"]) for n in view["notices"]] == [("rejected", [CHIEF])]


def test_maintenance_diff_in_queue_and_applied(config: Path, engine: Engine) -> None:
    """A roster change from the PoC shows its from/to rows in the queue and, once
    approved, the roster shows the promotion and the new officer."""
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
    ]
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", OFFICERS, poc=POC, hod=CHIEF)
        ref = str(
            seed_case(
                s, maintenance_data(changes), kind=CaseKind.OFFICER_MAINTENANCE, sender=POC
            ).reference
        )
    [entry] = as_json(config, "queue")
    assert entry["kind"] == "officer_maintenance" and entry["agency_code"] == "0614"
    assert [(d["field"], d["old"], d["new"]) for d in entry["diff"]] == [
        ("title", "Officer", "Sergeant"),
        ("officer", None, "Cole, Rita, Officer, username rcole"),
    ]
    assert "Sergeant" in mailbot(config, "queue").stdout
    mailbot(config, "approve", ref, "--by", "J. Smith")
    officers = {o["officer_number"]: o for o in as_json(config, "officers")}
    assert officers["HA022"]["title"] == "Sergeant"
    assert officers["HA040"]["status"] == "active"


def in_process(config: Path, *args: str) -> tuple[int, str, str]:
    """``mailbot.cli.main`` (what ``python -m mailbot`` runs) in this process: exit
    status, stdout, stderr. For the many short checks where a process each is slow."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(["--config", str(config), *args])
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def sqlite_config(tmp_path: Path, sqlite_url: str) -> Path:
    """A settings file on a migrated SQLite database holding one case, ETK-0001."""
    engine = db.make_engine(sqlite_url)
    try:
        db.upgrade_engine(engine)
        with db.transaction(engine) as s:
            seed_case(s, enrolment_data())
    finally:
        engine.dispose()
    path = tmp_path / "mailbot.toml"
    path.write_text(
        f'[database]\nurl = "{sqlite_url}"\n[logging]\nlevel = "error"\n', encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("approve", "ETK-9999", "--by", "J"), "no case 'ETK-9999'"),
        (("approve", "ETK-0001"), "add --by NAME"),
        (("case", "edit", "ETK-0001", "agency.phone", "--by", "J"), "write FIELD=VALUE"),
        (("case", "edit", "ETK-0001", "agency.fax=1", "--by", "J"), "unknown field"),
        (("case", "edit", "ETK-0001", "agency.phone=1"), "add --by NAME"),
        (("reject", "ETK-0001", "--by", "J"), "add --reason TEXT"),
        (("case", "show", "nope"), "no case 'nope'"),
        (("officers", "--agency", "9999"), "no agency with judiciary code"),
    ],
)
def test_errors_are_one_line(sqlite_config: Path, args: tuple[str, ...], expected: str) -> None:
    """Mistakes end with exit status 1 and one line on stderr saying what to do."""
    code, _, err = in_process(sqlite_config, *args)
    assert code == 1
    assert err.startswith("error: ") and err.strip().count("\n") == 0, err
    assert expected in err


def test_errors_from_a_real_process(sqlite_config: Path) -> None:
    """Run as a program, an unknown reference is one line on stderr and exit status 1."""
    done = mailbot(sqlite_config, "approve", "ETK-0404", "--by", "J", ok=False)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.strip() == (
        "error: no case 'ETK-0404'; `mailbot queue` lists the open cases"
    )


def test_every_command_has_help_with_an_example(tmp_path: Path) -> None:
    """``--help`` of each desk command shows an example to copy."""
    config = tmp_path / "none.toml"
    config.write_text("", encoding="utf-8")
    for args in (
        ["queue"],
        ["case"],
        ["case", "show"],
        ["case", "edit"],
        ["case", "history"],
        ["approve"],
        ["reject"],
        ["agencies"],
        ["officers"],
        ["export"],
    ):
        code, out, _ = in_process(config, *args, "--help")
        assert code == 0
        assert "Example" in out and f"mailbot {args[0]}" in out, args
