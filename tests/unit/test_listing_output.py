"""What the fast listing path prints is what the plain functions give: the queue's
JSON written a hundred items at a time, stored times rewritten without parsing, and
roster diff rows with every field, in order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from mailbot.cli.json_listings import write_json_list
from mailbot.domain.roster_diff import DiffRow
from mailbot.safety import json_text
from mailbot.store.queued import iso_utc


@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 250])
def test_a_list_printed_in_pieces_is_the_list_printed_whole(
    count: int,
) -> None:
    items = [
        {
            "n": i,
            "text": ["caf\u00e9", "\x1b[31m", "\u202eevil", "del\x7f"][i % 4],
            "ok": i % 2 == 0,
        }
        for i in range(count)
    ]
    pieces: list[str] = []
    write_json_list(pieces.append, iter(items))
    assert "".join(pieces) == json_text(items) + "\n"


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 1, 5, 8, 0),
        datetime(2026, 1, 5, 8, 0, 0, 1),
        datetime(2026, 12, 31, 23, 59, 59, 999999),
        datetime(1999, 2, 3, 4, 5, 6, 120000),
    ],
)
def test_stored_times_read_as_their_utc_iso_text(moment: datetime) -> None:
    """SQLite's text (what SQLAlchemy stores), a naive or aware datetime (a Session's,
    psycopg's): the same text as the datetime's own isoformat in UTC."""
    expected = moment.replace(tzinfo=UTC).isoformat()
    assert iso_utc(moment.strftime("%Y-%m-%d %H:%M:%S.%f")) == expected
    assert iso_utc(moment) == expected
    assert iso_utc(moment.replace(tzinfo=UTC)) == expected
    elsewhere = moment.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=-5)))
    assert iso_utc(elsewhere) == expected
    assert iso_utc(moment.isoformat(sep=" ")) == expected  # another text form: parsed


def test_diff_rows_as_json_are_every_field_in_order() -> None:
    values = (2, "update", "HA014", "Lussier, Amy", "title", "Sgt", "Lt", "why", True)
    row = DiffRow(*values)
    fields = ("index", "action", "officer_number", "officer_name", "field", "old", "new")
    assert row._asdict() == dict(zip((*fields, "problem", "blocking"), values, strict=True))
    assert json_text(row._asdict()).startswith('{"index": 2, "action": "update"')
