"""Review desk start-up and query time with a realistic backlog.

Builds a throwaway SQLite database (10,000 cases, 5,000 officers in 100 agencies)
with bulk inserts, then times ``mailbot queue --json`` and ``mailbot officers --json``
as separate processes against ``python -c pass`` in the same run, each command run
alternately with the bare interpreter (median of 9 pairs) so that a load change on the
machine hits both sides. mailbot's bytecode is compiled first, as an installed package
has it (``PYTHONDONTWRITEBYTECODE`` would otherwise make every run compile it again).
Target: each at most 10x the bare interpreter start.

Run: ``python bench/cli.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = 10_000
OFFICERS = 5_000
AGENCIES = 100
RUNS = 9
TARGET = 10.0
START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def _case(i: int) -> dict[str, Any]:
    from mailbot.cases import CaseKind, CaseStatus

    statuses = [CaseStatus.IN_REVIEW, CaseStatus.NEEDS_INFO, CaseStatus.APPROVED]
    status = statuses[i % 3]
    maintenance = i % 10 == 0
    code = f"{(i % 900) + 1000:04d}"
    data: dict[str, Any] = {
        "intent": "officer_maintenance" if maintenance else "enrollment",
        "sender": f"chief{i}@agency{i % 900}.vt.gov",
        "agency": {"name": f"Town {i} Police Department", "judiciary_code": code},
        "point_of_contact": {"name": "Pat Doe", "email": f"poc{i}@agency.vt.gov"},
        "head_of_department": {"name": "Chief Doe", "title": "Chief"},
        "officers": []
        if maintenance
        else [
            {
                "last_name": f"Last{i}",
                "first_name": "First",
                "title": "Officer",
                "officer_number": f"Q{i:04d}",
                "dps_username": f"user{i}",
            },
            {
                "last_name": f"Other{i}",
                "first_name": "First",
                "title": "Sergeant",
                "officer_number": f"R{i:04d}",
                "dps_username": f"other{i}",
            },
        ],
        "changes": [{"action": "update", "officer_number": f"A{i % OFFICERS:04d}", "title": "Sgt"}]
        if maintenance
        else [],
        "missing": [] if status != CaseStatus.NEEDS_INFO else ["agency.phone"],
        "invalid": [],
    }
    return {
        "reference": f"ETK-{i + 1:05d}",
        "kind": CaseKind.OFFICER_MAINTENANCE if maintenance else CaseKind.ENROLLMENT,
        "status": status,
        "sender": data["sender"],
        "agency_code": code,
        "poc_email": data["point_of_contact"]["email"],
        "data": data,
        "provenance": {},
        "flags": ["unverified_sender"] if i % 7 == 0 else [],
        "created_at": START + timedelta(minutes=i),
        "updated_at": START + timedelta(minutes=i),
    }


def build(url: str) -> None:
    from sqlalchemy import insert

    from mailbot.store import db
    from mailbot.store.models import Agency, Case, Officer, OfficerStatus

    engine = db.make_engine(url)
    db.upgrade_engine(engine)
    with db.transaction(engine) as session:
        session.execute(
            insert(Agency),
            [
                {
                    "judiciary_code": f"{1000 + a:04d}",
                    "name": f"Agency {a} Police Department",
                    "poc_email": f"poc@agency{a}.vt.gov",
                    "created_at": START,
                    "updated_at": START,
                }
                for a in range(AGENCIES)
            ],
        )
        session.execute(
            insert(Officer),
            [
                {
                    "officer_number": f"A{o:04d}",
                    "agency_id": o % AGENCIES + 1,
                    "last_name": f"Surname{o}",
                    "first_name": "Given",
                    "title": "Officer",
                    "dps_username": f"officer{o}",
                    "status": OfficerStatus.ACTIVE,
                    "created_at": START,
                    "updated_at": START,
                }
                for o in range(OFFICERS)
            ],
        )
        session.execute(insert(Case), [_case(i) for i in range(CASES)])
    engine.dispose()


def _wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def paired(cmd: list[str], bare_cmd: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median wall time of ``cmd`` and of ``bare_cmd``, run alternately."""
    ours, bare = [], []
    for _ in range(runs):
        ours.append(_wall(cmd))
        bare.append(_wall(bare_cmd))
    return statistics.median(ours), statistics.median(bare)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mailbot-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        started = time.perf_counter()
        build(url)
        print(
            f"built {CASES:,} cases, {OFFICERS:,} officers in {time.perf_counter() - started:.1f} s"
        )
        config = Path(tmp) / "mailbot.toml"
        config.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
        import compileall

        compileall.compile_dir(ROOT / "mailbot", quiet=1)
        base = [sys.executable, "-m", "mailbot", "--config", str(config)]
        worst = 0.0
        for args in (["queue", "--json"], ["officers", "--json"]):
            wall, bare = paired([*base, *args], [sys.executable, "-c", "pass"])
            ratio = wall / bare
            worst = max(worst, ratio)
            print(
                f"mailbot {' '.join(args)}: {wall * 1000:.0f} ms vs python -c pass "
                f"{bare * 1000:.0f} ms = {ratio:.1f}x (target <= {TARGET:.0f}x)"
            )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
