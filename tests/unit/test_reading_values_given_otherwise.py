"""A value given in another shape or place than the reader looked in is read, not asked
for: a sheet of the agency's values under a title row, a Word letter under a cover note
whose sign-off carries a long confidentiality notice, and another identifier (an ORI)
written where the judiciary code belongs (kept as written: invalid, not missing)."""

from __future__ import annotations

from pathlib import Path

from mailbot.intake.given_somewhere import staff_instead
from mailbot.intake.model import Agency, ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules

_SET = Path(__file__).resolve().parents[1] / "data" / "blind-r18-heldout"


def _read(prefix: str) -> ParseResult:
    (path,) = _SET.glob(f"{prefix}-*.eml")
    return parse_message(path.read_bytes())


def test_a_sheet_of_values_under_a_title_row_is_read_as_the_request() -> None:
    # tab "Agency Info": "Middlebury Police Department - TraCS setup" over label | value
    result = _read("jb-007")
    assert result.agency.name == "Middlebury Police Department"
    assert result.agency.judiciary_code == "312"  # Excel dropped its zero: as written
    assert "agency.judiciary_code" not in result.missing
    assert [i.field for i in result.invalid] == ["agency.judiciary_code"]


def test_a_cover_notes_confidentiality_notice_does_not_make_it_a_request() -> None:
    # the note is short; its sign-off's notice is long: the Word letter's table is read
    result = _read("jb-001")
    assert result.agency.judiciary_code == "0262"
    assert result.agency.address == "10632 Route 116, Hinesburg, VT 05461"
    assert result.missing == []


def test_an_ori_given_for_the_code_is_kept_invalid_not_asked() -> None:
    result = _read("je-011")
    assert result.agency.judiciary_code == "VT0060500"
    assert "agency.judiciary_code" not in result.missing
    assert [i.field for i in result.invalid] == ["agency.judiciary_code"]


def _missing_code() -> ParseResult:
    result = ParseResult(intent="enrollment", agency=Agency())
    result.missing = ["agency.judiciary_code"]
    return result


def test_the_stand_in_labels_come_from_the_rules() -> None:
    text = "Agency: Sample Police Department\nORI #: VT0990100\nPhone: 802-555-0100"
    result = _missing_code()
    assert staff_instead(result, [("text", text)], load_rules()) == {}
    assert result.agency.judiciary_code == "VT0990100"
    rules = load_rules()
    bare = rules.model_copy(update={"labels": rules.labels.model_copy(update={"stand_ins": {}})})
    result = _missing_code()
    staff_instead(result, [("text", text)], bare)
    assert result.agency.judiciary_code is None


def test_two_different_stand_ins_are_left_to_the_checklist() -> None:
    text = "ORI: VT0990100\nORI: VT0990200"
    result = _missing_code()
    staff_instead(result, [("text", text)], load_rules())
    assert result.agency.judiciary_code is None
