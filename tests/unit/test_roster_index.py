"""The roster index finds the same officers whether it asks for them by value or, for
a long queue, reads the whole roster once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from mailbot.review.conflicts import RosterIndex
from mailbot.store import db, roster_index
from mailbot.store.models import Base
from tests.review_seed import OFFICERS, seed_agency


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = db.make_engine(f"sqlite:///{tmp_path / 'roster.db'}")
    Base.metadata.create_all(eng)
    try:
        yield eng
    finally:
        eng.dispose()


def _found(
    engine: Engine, other: int, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[object, ...]:
    monkeypatch.setattr(roster_index, "_CHUNK", chunk)
    with db.transaction(engine) as s:
        index = RosterIndex.load(
            s, numbers={"ha022", "ZZ999"}, usernames={" KBROWN ", "nobody"}, agency_ids=[other]
        )
    return (
        sorted(index.by_number),
        sorted(index.by_username),
        sorted(index.full_agencies),
        sorted(a.judiciary_code for a in index.agencies.values()),
    )


def test_one_pass_over_the_roster_finds_the_same_officers(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Conflicts in a long queue are computed from exactly the officers a short queue
    would look up: those named by number or username, and the agencies asked for."""
    unnamed = {**OFFICERS[0], "officer_number": "HA099", "dps_username": "jdoe"}
    with db.transaction(engine) as s:
        seed_agency(s, "0614", "Hartford Police Department", [OFFICERS[0], unnamed])
        other = seed_agency(s, "0700", "Norwich Police Department", [OFFICERS[1]]).id
    by_value = _found(engine, other, 500, monkeypatch)
    one_pass = _found(engine, other, 1, monkeypatch)
    assert by_value == one_pass
    # HA022 by number, HA031 as Norwich's officer; HA099 is named by nothing.
    assert by_value[0] == sorted(o["officer_number"] for o in OFFICERS[:2])
