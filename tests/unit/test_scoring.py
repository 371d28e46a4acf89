"""The accuracy scorer (bench/scoring.py) follows the scoring section of the parse contract."""

from __future__ import annotations

from typing import Any

from bench.scoring import same, score


def _request(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "intent": "enrollment",
        "sender": "chief@town.vt.us",
        "automated": False,
        "agency": {
            "name": "Hartford Police Department",
            "judiciary_code": "0412",
            "address": "812 VA Cutoff Road, White River Junction, VT 05001",
            "phone": "(802) 555-0147",
            "logo": "logo.png",
        },
        "point_of_contact": {"name": "Kyle Brennan", "email": "kbrennan@town.vt.us"},
        "head_of_department": {"name": "Dana Whitcomb", "title": "Chief"},
        "officers": [
            {
                "last_name": "Okafor",
                "first_name": "Samuel",
                "title": "Officer",
                "officer_number": "HA117",
                "dps_username": "sokafor",
            }
        ],
        "changes": [],
        "missing": [],
        "invalid": [],
    }
    base.update(over)
    return base


def test_normalisations() -> None:
    """Phones compare on digits (an extension aside), addresses on ZIP, house number and
    city, titles through abbreviations and written-out phrases, usernames without a domain,
    first names by their first token."""
    assert same("agency.phone", "(802) 555-0147", "802.555.0147")
    assert same("agency.phone", "(802) 555-0147 ext. 214", "802-555-0147")  # not the extension
    assert not same("agency.phone", "(802) 555-0147", "(802) 555-0148")
    assert same("agency.address", "812 VA Cutoff Road, White River Junction, VT 05001",
                "812 VA Cutoff Rd., White River Junction, Vermont 05001")  # fmt: skip
    assert not same("agency.address", "812 VA Cutoff Road, White River Junction, VT 05001",
                    "812 VA Cutoff Road, Hartford, VT 05001")  # fmt: skip
    assert same("officers[0].title", "Sgt.", "Sergeant")
    assert same("head_of_department.title", "Interim Chief of Police", "Interim Chief")
    assert same("head_of_department.title", "Chief of Police", "Police Chief")
    assert not same("head_of_department.title", "Interim Chief of Police", "Chief")
    assert same("officers[0].dps_username", "DPS\\jdoe", "jdoe")
    assert same("officers[0].first_name", "Jessica A.", "Jessica")
    assert not same("agency.name", "Hartford Police", "Hartford Police Department")
    assert not same("agency.logo", None, "logo.png")
    assert same(
        "agency.name", "Windham County Sheriff\u2019s Office", "Windham County Sheriff's Office"
    )
    assert not same("officers[0].last_name", "O'Brien", "O'")


def test_officers_matched_by_number_then_last_name() -> None:
    """Rows in another order still match; a row missing costs its fields, an extra row one."""
    want = _request()
    got = _request(
        officers=[
            {"last_name": "Brown", "officer_number": "HA022"},
            dict(want["officers"][0]),
        ]
    )
    result = score(got, want)
    assert [w for w in result.wrong if "officers" in w] == ["officers: extra row read "
            "{'last_name': 'Brown', 'officer_number': 'HA022'}"]  # fmt: skip
    assert not result.perfect


def test_a_row_named_by_first_name_alone_matches_by_first_name() -> None:
    """An expected row with no number and no last name ("Kyle's username is kbrennan")
    is matched by its first name; read as a last name, it is an extra row."""
    want = _request(
        intent="enrollment",
        officers=[{"last_name": None, "first_name": "Kyle", "dps_username": "kbrennan"}],
    )
    assert score(_request(officers=[dict(want["officers"][0])]), want).perfect
    misread = score(_request(officers=[{"last_name": "Kyle", "dps_username": "kbrennan"}]), want)
    assert not misread.perfect
    assert any("extra row" in w for w in misread.wrong)


def test_needless_ask_and_optional_paths() -> None:
    """Asking for a value the email gave is a needless ask; optional paths are not scored."""
    want = _request(optional=["head_of_department.title"])
    got = _request(
        missing=["agency.phone"],
        head_of_department={"name": "Dana Whitcomb", "title": "Chief of Police"},
    )
    got["agency"] = {**got["agency"], "phone": None}
    result = score(got, want)
    assert result.needless == ["agency.phone"]
    assert all("head_of_department.title" not in w for w in result.wrong)


def test_missing_null_is_not_scored() -> None:
    """An expected "missing": null leaves the checklist unscored (a reply merged later)."""
    result = score(_request(missing=["agency.logo"]), _request(missing=None))
    assert result.perfect and result.missing_extra == []


def test_a_value_expected_invalid_is_scored_by_the_invalid_list() -> None:
    """A code given as an ORI may be read as null or as written; what counts is that it
    is reported invalid, not missing."""
    ori = {"field": "agency.judiciary_code", "reason": "an ORI, not a judiciary code"}
    expected = _request(invalid=[ori])
    expected["agency"] = {**expected["agency"], "judiciary_code": None}
    as_written = _request(invalid=[ori])
    as_written["agency"] = {**as_written["agency"], "judiciary_code": "VT0140100"}
    assert score(as_written, expected).perfect
    asked = _request(missing=["agency.judiciary_code"])
    asked["agency"] = {**asked["agency"], "judiciary_code": None}
    result = score(asked, expected)
    assert not result.perfect
    assert result.invalid_lacking == ["agency.judiciary_code"]
    assert result.needless == ["agency.judiciary_code"]
