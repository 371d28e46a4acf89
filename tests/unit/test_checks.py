"""The checklist: each missing and invalid item, with the reason the sender sees."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mailbot.intake.checks import (
    check_change,
    check_enrollment,
    check_logo,
    check_officer_number,
    normalize_phone,
)
from mailbot.intake.model import (
    Agency,
    Change,
    HeadOfDepartment,
    Officer,
    ParseResult,
    PointOfContact,
)
from mailbot.intake.rules import Rules, load_rules


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


def complete() -> ParseResult:
    return ParseResult(
        intent="enrollment",
        agency=Agency(
            name="Hartford Police Department",
            judiciary_code="0614",
            address="812 VA Cutoff Road, White River Junction, VT 05001",
            phone="(802) 295-9425",
            logo="logo.png",
        ),
        point_of_contact=PointOfContact(name="Amy Lussier", email="alussier@hartfordvt.gov"),
        head_of_department=HeadOfDepartment(name="Robert Tanner", title="Chief of Police"),
        officers=[
            Officer(
                last_name="Lussier",
                first_name="Amy",
                title="Sergeant",
                officer_number="HA014",
                dps_username="alussier",
            )
        ],
    )


def test_complete_request_has_empty_checklist(rules: Rules) -> None:
    """A request with every item has nothing missing and nothing invalid."""
    assert check_enrollment(complete(), rules) == ([], [])


def test_missing_items_in_rule_order(rules: Rules) -> None:
    """Missing agency items and officer fields are listed by path, agency first."""
    result = complete()
    result.agency.phone = None
    result.officers[0].dps_username = None
    missing, invalid = check_enrollment(result, rules)
    assert missing == ["agency.phone", "officers[0].dps_username"]
    assert invalid == []


def test_no_officers_is_one_item(rules: Rules) -> None:
    """A request without any officer lists 'officers' once."""
    result = complete()
    result.officers = []
    assert check_enrollment(result, rules)[0] == ["officers"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("HA014", None),
        ("12345", None),
        ("HA0145", "must be 5 characters (got 6)"),
        ("HA1", "must be 5 characters (got 3)"),
        ("HA-14", "must be letters and digits only"),
    ],
)
def test_officer_number_reasons(rules: Rules, value: str, reason: str | None) -> None:
    """An officer number must be exactly 5 letters or digits; the reason says what is wrong."""
    assert check_officer_number(value, rules) == reason


def test_duplicate_numbers_invalid_after_first(rules: Rules) -> None:
    """A repeated officer number is invalid on its second and later occurrences only."""
    result = complete()
    first = result.officers[0]
    result.officers = [first, first.model_copy(), first.model_copy()]
    _, invalid = check_enrollment(result, rules)
    assert [(i.field, i.reason) for i in invalid] == [
        ("officers[1].officer_number", "duplicate of officers[0]"),
        ("officers[2].officer_number", "duplicate of officers[0]"),
    ]


def test_invalid_value_is_not_also_missing(rules: Rules) -> None:
    """A bad judiciary code is listed as invalid only, never also as missing."""
    result = complete()
    result.agency.judiciary_code = "614"
    missing, invalid = check_enrollment(result, rules)
    assert missing == []
    assert [(i.field, i.reason) for i in invalid] == [("agency.judiciary_code", "must be 4 digits")]


@pytest.mark.parametrize(
    ("raw", "national"),
    [
        ("802-295-9425", "(802) 295-9425"),
        ("802.457.1420", "(802) 457-1420"),
        ("+1 802 295 9425", "(802) 295-9425"),
        ("295-9425", None),
        ("call us", None),
    ],
)
def test_phone_normalised(rules: Rules, raw: str, national: str | None) -> None:
    """A valid US phone number is written in national format; anything else is refused."""
    assert normalize_phone(raw, rules) == national


@dataclass
class Logo:
    format: str
    width: int
    height: int
    size_bytes: int


@pytest.mark.parametrize(
    ("logo", "reason"),
    [
        (Logo("PNG", 300, 200, 20_000), None),
        (
            Logo("WEBP", 300, 200, 20_000),
            "must be an image of type PNG, JPEG, GIF, BMP, TIFF (got WEBP)",
        ),
        (Logo("PNG", 300, 20, 2_000), "must be at least 32x32 pixels (got 300x20)"),
        (Logo("PNG", 5000, 200, 20_000), "must be at most 4000x4000 pixels (got 5000x200)"),
        (Logo("JPEG", 300, 200, 9_000_000), "must be at most 5,000,000 bytes (got 9,000,000)"),
    ],
)
def test_logo_rules(rules: Rules, logo: Logo, reason: str | None) -> None:
    """The logo must be an allowed image type within the size and pixel limits."""
    assert check_logo(logo, rules) == reason


def test_change_requirements(rules: Rules) -> None:
    """An add without a username lacks it; a deactivation needs only the officer number."""
    add = Change(
        action="add", officer_number="HA041", last_name="Cote", first_name="Julien", title="Officer"
    )
    assert check_change(add, rules) == ["dps_username"]
    assert check_change(Change(action="deactivate", officer_number="HA031"), rules) == []


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("120 Elm Row, Glenvale 05992", True),  # a Vermont ZIP, the state left out
        ("120 Elm Row, Glenvale, VT 05992", True),
        ("120 Elm Row, Glenvale 03576", False),  # another state's ZIP
        ("120 Elm Row, Glenvale, NH 05992", False),  # another state written
    ],
)
def test_an_address_with_a_vermont_zip_and_no_state_is_in_vermont(address: str, ok: bool) -> None:
    from mailbot.intake.checks import check_address
    from mailbot.intake.rules import load_rules

    assert (check_address(address, load_rules()) is None) is ok
