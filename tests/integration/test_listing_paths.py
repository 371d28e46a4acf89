"""The listings read through the DB-API driver (mailbot.store.listing, what the
``queue``, ``agencies``, ``officers`` and ``export`` commands use) print exactly what
the Session path (mailbot.review) gives for the same rows, on SQLite and PostgreSQL,
with values an email could carry: terminal escapes, formulas, bidi controls, unicode."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from mailbot.cases import CaseFlag, CaseKind, CaseStatus
from mailbot.errors import SchemaOutOfDate, StoreError
from mailbot.review import records
from mailbot.review.queue import review_queue
from mailbot.safety import json_text
from mailbot.store import db, listing, roster
from mailbot.store.models import OfficerStatus
from tests.review_seed import NOW, POC, enrolment_data, maintenance_data, seed_agency, seed_case

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

HOSTILE = [
    "\x1b[31mRed\x1b[0m Police",  # terminal colour codes
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",  # terminal hyperlink
    '=HYPERLINK("http://evil.example","x")',
    "+1 Town",
    "-2 Village",
    "@SUM(A1)",
    "Caf\u00e9 M\u00fcnster \u2615 \u8b66\u5bdf",  # accents, emoji, CJK
    "\u202eevil\u202c bidi",
    "line\u2028separator",
    "del\x7fete c1\x9bcsi",
    "tab\tand\nnewline",
]


def _officer(i: int, number: str, username: str) -> dict[str, Any]:
    return {
        "last_name": HOSTILE[i % len(HOSTILE)],
        "first_name": HOSTILE[(i + 3) % len(HOSTILE)],
        "title": HOSTILE[(i + 5) % len(HOSTILE)],
        "officer_number": number,
        "dps_username": username,
    }


def _seed(engine: Engine) -> None:
    """Agencies with hostile names and a logo, officers (one inactive), and every kind
    of queued case: enrolments with and without conflicts, flagged and unflagged ones
    waiting for information, roster changes by code, by sender, by name only."""
    with db.transaction(engine) as s:
        for i, text in enumerate(HOSTILE):
            agency = seed_agency(
                s,
                f"07{i:02d}",
                text,
                [_officer(i, f"HX{i:03d}", f"hx{i}"), _officer(i + 1, f"HY{i:03d}", f"hy{i}")],
                poc=f"poc{i}@town{i}.vt.gov" if i != 4 else POC,
                hod=f"chief{i}@town{i}.vt.gov",
                now=NOW + timedelta(minutes=i),
            )
            if i % 2:
                agency.logo_filename = f"{text}.png"
                agency.logo_type = "image/png"
                agency.logo_width, agency.logo_height = 120, 80
                agency.logo_sha256 = f"{i:064x}"
        officer = roster.get_officer(s, "HY001")
        assert officer is not None
        officer.status = OfficerStatus.INACTIVE
        s.flush()
        for i, text in enumerate(HOSTILE):
            data = enrolment_data(f"08{i:02d}", [_officer(i, f"NQ{i:03d}", f"nq{i}")])
            data["agency"]["name"] = text
            data["point_of_contact"]["name"] = HOSTILE[-1 - i]
            seed_case(s, data, now=NOW + timedelta(hours=i))
        clash = enrolment_data(
            "0703", [_officer(2, "HX002", "newname"), _officer(3, "NEW1", "HY005")]
        )
        clash["officers"].append(_officer(4, "NEW2", "hy005"))  # a username given twice
        seed_case(s, clash, flags=(CaseFlag.UNVERIFIED_SENDER,), now=NOW + timedelta(days=1))
        waiting = enrolment_data("0900")
        waiting["missing"] = ["agency.phone"]
        seed_case(s, waiting, status=CaseStatus.NEEDS_INFO, flags=(CaseFlag.LATE_FOLLOW_UP,))
        seed_case(s, enrolment_data("0901"), status=CaseStatus.NEEDS_INFO)  # not queued
        seed_case(s, enrolment_data("0902"), status=CaseStatus.APPROVED)  # not queued
        changes = [
            {"action": "update", "officer_number": "HX000", "title": HOSTILE[0]},
            {"action": "deactivate", "officer_number": "HY001"},
            {"action": "add", "officer_number": "HX002", "last_name": "Dup"},
            {"action": "update", "officer_number": "ZZ999", "first_name": "Nobody"},
            {"action": "update", "last_name": HOSTILE[3], "first_name": HOSTILE[6], "title": "Lt"},
            {"action": "update", "officer_number": "HX001", "agency": HOSTILE[2]},
        ]
        seed_case(s, maintenance_data(changes, code="0700"), kind=CaseKind.OFFICER_MAINTENANCE)
        seed_case(  # no code: the agency is the one whose PoC sent it
            s, maintenance_data(changes[:2]), kind=CaseKind.OFFICER_MAINTENANCE, sender=POC
        )
        seed_case(
            s,
            maintenance_data([{"action": "add", "officer_number": "NEW9"}], code="9999"),
            kind=CaseKind.OFFICER_MAINTENANCE,
            sender="stranger@example.com",
        )


def _csv(rows: list[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(records.CSV_HEADER)
    writer.writerows(records.export_csv_rows(rows))
    return out.getvalue()


def _outputs(source: Any, module: Any) -> dict[str, str]:
    """What each listing command prints, from ``source`` read with ``module``'s
    functions (the same names in mailbot.review.records and mailbot.store.listing)."""
    return {
        "queue --json": json_text([e.as_dict() for e in review_queue(source)]) + "\n",
        "agencies --json": json_text(module.list_agencies(source)) + "\n",
        "officers --json": json_text(module.list_officers(source)) + "\n",
        "officers --agency 0701 --active --json": json_text(
            module.list_officers(source, "0701", include_inactive=False)
        )
        + "\n",
        "export --format json": json_text(module.export_records(source), indent=2) + "\n",
        "export --format json --agency 0703": json_text(
            module.export_records(source, "0703"), indent=2
        )
        + "\n",
        "export --format csv": _csv(module.export_records(source)),
    }


def _session_outputs(engine: Engine) -> dict[str, str]:
    with db.transaction(engine) as s:
        return _outputs(s, records)


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mailbot", "--config", str(config), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )


def test_both_paths_read_the_same(engine: Engine) -> None:
    """Listing functions on the driver connection return what the Session path
    returns, value for value, including hostile text and the queue's conflicts and
    roster diffs."""
    _seed(engine)
    expected = _session_outputs(engine)
    with listing.open_listing(_url(engine)) as source:
        assert _outputs(source, listing) == expected
    queue = expected["queue --json"]
    # The queue is sorted in Python: the order SQL gives by created_at, then id.
    with engine.connect() as connection:
        in_order = connection.execute(
            text(
                "SELECT reference FROM cases WHERE status = 'in_review' "
                "OR (status = 'needs_info' AND CAST(flags AS VARCHAR) != '[]') "
                "ORDER BY created_at, id"
            )
        ).scalars()
        assert [e["reference"] for e in json.loads(queue)] == list(in_order)
    assert "\\u001b[31m" in queue and "\\u202e" in queue and "\u8b66" in queue
    assert "officer number already belongs to" in queue and "repeats officers[1]" in queue
    assert "no such officer" in queue and "conflicts" in queue
    assert "'=HYPERLINK" in expected["export --format csv"]


def test_commands_print_what_the_session_path_gives(engine: Engine, tmp_path: Path) -> None:
    """Byte for byte: the commands' output is what the Session path's rows print as."""
    _seed(engine)
    expected = _session_outputs(engine)
    config = tmp_path / "desk.toml"
    config.write_text(f'[database]\nurl = "{_url(engine)}"\n', encoding="utf-8")
    for command, output in expected.items():
        done = _cli(config, *command.split())
        assert done.returncode == 0, done.stderr
        assert done.stdout == output, command


def _seed_odd_shapes(engine: Engine) -> None:
    """Cases whose data the queue reads in odd shapes: the queue's query picks the
    members it needs out of the JSON in SQL, and must read them as a decoded whole."""
    odd: list[dict[str, Any]] = []
    as_text = enrolment_data("0800")
    as_text["agency"] = "Town of Nowhere"  # not a mapping: no name, no code
    as_text["officers"] = {"officer_number": "HX000"}  # not a list: no rows
    as_text["missing"] = "agency.phone"  # text: counted by its length, as ever
    odd.append(as_text)
    numbers = enrolment_data("0801")
    numbers["agency"] = {"judiciary_code": 703, "name": ["\x1b[31mRed", 1.5, True, None]}
    numbers["officers"] = [
        "just text",
        {"officer_number": 7, "dps_username": True},
        {"officer_number": " hx001 ", "dps_username": " HY5 ", "extra": {"deep": [1e20]}},
        None,
    ]
    numbers["invalid"] = {"agency.phone": "bad", "x": None}
    odd.append(numbers)
    nothing = enrolment_data("0802")
    for key in ("agency", "officers", "changes", "missing", "invalid"):
        del nothing[key]
    odd.append(nothing)
    changes = maintenance_data(
        [
            "not a change",
            {"action": "update", "officer_number": 7, "title": "Lt"},
            {"action": "update", "officer_number": "hx000", "title": 1e20},
            {"action": "update", "officer_number": " HX000", "title": "Caf\u00e9 \u2615\u202e"},
            {"action": "deactivate", "officer_number": "HX003", "agency": {"name": "x"}},
        ],
        code="0700",
    )
    changes["agency"] = {"judiciary_code": "0700", "name": None}
    odd.append(changes)
    with db.transaction(engine) as s:
        for i, data in enumerate(odd):
            maintenance = data["intent"] == "officer_maintenance"
            kind = CaseKind.OFFICER_MAINTENANCE if maintenance else CaseKind.ENROLLMENT
            usual = maintenance_data([], code="0700") if maintenance else enrolment_data()
            case = seed_case(s, usual, kind=kind, now=NOW + timedelta(days=2, hours=i))
            case.data = data  # then stored as it came, whatever its shape
        s.flush()


def test_odd_shapes_of_a_request_read_the_same(engine: Engine, tmp_path: Path) -> None:
    """Whatever shape a request's JSON has, the queue the command prints is what the
    Session path gives from the whole decoded data."""
    _seed(engine)
    _seed_odd_shapes(engine)
    with db.transaction(engine) as s:
        expected = json_text([e.as_dict() for e in review_queue(s)]) + "\n"
    assert "Town of Nowhere" not in expected and "1e+20" in expected
    assert "DPS username already used by officer HY005" in expected
    assert '"missing": 12' in expected  # len("agency.phone")
    config = tmp_path / "desk.toml"
    config.write_text(f'[database]\nurl = "{_url(engine)}"\n', encoding="utf-8")
    done = _cli(config, "queue", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


def test_a_url_only_sqlalchemy_reads_gives_the_same(tmp_path: Path, sqlite_url: str) -> None:
    """SQLite options in the URL: the listing opens through SQLAlchemy, same rows."""
    engine = db.make_engine(sqlite_url)
    try:
        db.upgrade_engine(engine)
        _seed(engine)
        expected = _session_outputs(engine)
    finally:
        engine.dispose()
    with listing.open_listing(f"{sqlite_url}?timeout=5") as source:
        assert source.backend == "sqlite"
        assert _outputs(source, listing) == expected


def test_a_database_without_the_schema_asks_for_the_upgrade(db_url: str, tmp_path: Path) -> None:
    """Never upgraded: the listing says which command fixes it, in one line."""
    with (
        pytest.raises(SchemaOutOfDate, match="run `mailbot db upgrade`"),
        listing.open_listing(db_url) as source,
    ):
        review_queue(source)
    config = tmp_path / "desk.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    for command in (["queue", "--json"], ["officers"], ["agencies"], ["export"]):
        done = _cli(config, *command)
        assert done.returncode == 1 and done.stdout == ""
        assert done.stderr.startswith("error: database schema is out of date"), done.stderr
        assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = "postgresql+psycopg://desk:hunter2@127.0.0.1:1/mailbot"
    with pytest.raises(StoreError) as raised, listing.open_listing(url) as source:
        listing.list_agencies(source)
    message = str(raised.value)
    assert message.startswith("cannot use the database at postgresql+psycopg://desk:***@")
    assert "hunter2" not in message
    config = tmp_path / "desk.toml"
    config.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    done = _cli(config, "officers", "--json")
    assert done.returncode == 1 and done.stderr.strip() == f"error: {message}"
