"""Field paths have one spelling, whatever spelling they were given in."""

from __future__ import annotations

from mailbot.domain.paths import FieldPath


def test_rows_are_bracketed() -> None:
    assert FieldPath.of("officers", 2, "title") == "officers[2].title"
    assert FieldPath("officers.2.title") == "officers[2].title"
    assert FieldPath("officers[2].title") == "officers[2].title"
    assert FieldPath("agency.phone") == "agency.phone"


def test_parts_and_root() -> None:
    path = FieldPath("changes[10].agency")
    assert path.parts == ("changes", 10, "agency")
    assert path.root == "changes"
    assert FieldPath.of("officers", 1).child("dps_username") == "officers[1].dps_username"


def test_usable_as_a_json_key() -> None:
    import json

    assert json.dumps({FieldPath("officers.0.title"): 1}) == '{"officers[0].title": 1}'
