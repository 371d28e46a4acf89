"""Rule files: loading, one-line errors, and behaviour that follows the files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mailbot.errors import RulesError
from mailbot.intake.parse import parse_parts
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import load_rules
from mailbot.intake.tables import officers_from_text
from mailbot.resources import rules_dir

REQUEST = (
    "The Hartford Police Department would like to participate in e-ticketing.\n"
    "Judiciary Code: 0614\n\n"
    "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username\n"
    "Brown\tKevin\tOfficer\tHA0221\tkbrown\n\n"
    "Thank you,\nRobert Tanner\nChief of Police\n"
)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_bundled_rules_load() -> None:
    """The rules shipped with mailbot load and require the SOP's agency items."""
    rules = load_rules()
    assert "agency.judiciary_code" in rules.requirements.enrollment.required
    assert rules.formats.officer_number.length == 5


def test_rules_are_cached_per_directory(rules_copy: Path) -> None:
    """Loading the same directory twice returns the same rules without re-reading files."""
    assert load_rules(rules_copy) is load_rules(rules_copy)
    assert load_rules(rules_copy) is not load_rules()


def test_bad_toml_names_the_file(rules_copy: Path) -> None:
    """A rule file that is not valid TOML is refused with its file name, on one line."""
    (rules_copy / "formats.toml").write_text("[officer_number\nlength = 5\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    message = str(err.value)
    assert "formats.toml" in message and "\n" not in message


def test_missing_key_names_file_and_key(rules_copy: Path) -> None:
    """A rule file lacking a key is refused with the file and the key named."""
    _edit(rules_copy / "formats.toml", "length = 5\n", "")
    with pytest.raises(RulesError, match=r"formats\.toml: officer_number\.length: missing key"):
        load_rules(rules_copy)


def test_unknown_key_names_file_and_key(rules_copy: Path) -> None:
    """A misspelt key is refused rather than silently ignored."""
    _edit(rules_copy / "columns.toml", "last_name =", "lastname =")
    with pytest.raises(RulesError, match=r"columns\.toml: columns\.lastname: unknown key"):
        load_rules(rules_copy)


def test_wrong_type_names_file_and_key(rules_copy: Path) -> None:
    """A value of the wrong type is refused with the file and key named."""
    _edit(rules_copy / "formats.toml", "digits = 4", 'digits = "four"')
    with pytest.raises(RulesError, match=r"formats\.toml: judiciary_code\.digits"):
        load_rules(rules_copy)


def test_missing_file_is_refused(rules_copy: Path) -> None:
    """A rules directory without one of its files is refused naming that file."""
    (rules_copy / "labels.toml").unlink()
    with pytest.raises(RulesError, match=r"labels\.toml"):
        load_rules(rules_copy)


def test_officer_number_length_follows_the_rule_file(rules_copy: Path) -> None:
    """Changing the officer-number length in formats.toml changes the checklist, no code change."""
    parts = MessageParts(sender="rtanner@hartfordvt.gov", text=REQUEST)
    before = parse_parts(parts, load_rules())
    assert [i.field for i in before.invalid] == ["officers[0].officer_number"]
    assert before.invalid[0].reason == "must be 5 characters (got 6)"
    _edit(rules_copy / "formats.toml", "length = 5", "length = 6")
    after = parse_parts(parts, load_rules(rules_copy))
    assert "officers[0].officer_number" not in [i.field for i in after.invalid]


def test_column_synonym_follows_the_rule_file(rules_copy: Path) -> None:
    """Adding a column heading to columns.toml makes a table with that heading readable."""
    text = "Nom\tPrénom\tGrade\tMatricule\tUsername\nRoy\tLuc\tAgent\tAB123\tlroy\n"
    rows = officers_from_text(text, load_rules())
    assert all(o.officer_number != "AB123" for o in rows)
    _edit(rules_copy / "columns.toml", '"Justice System ID",', '"Justice System ID", "Matricule",')
    _edit(
        rules_copy / "columns.toml", 'last_name = ["Last Name",', 'last_name = ["Nom", "Last Name",'
    )
    rows = officers_from_text(text, load_rules(rules_copy))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in rows] == [
        ("Roy", "AB123", "lroy")
    ]


def test_required_items_follow_the_rule_file(rules_copy: Path) -> None:
    """Dropping the logo from requirements.toml stops asking for it."""
    parts = MessageParts(sender="rtanner@hartfordvt.gov", text=REQUEST)
    assert "agency.logo" in parse_parts(parts, load_rules()).missing
    _edit(rules_copy / "requirements.toml", '  "agency.logo",\n', "")
    assert "agency.logo" not in parse_parts(parts, load_rules(rules_copy)).missing
