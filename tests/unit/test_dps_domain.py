"""Which domains are the DPS ones: a login written "jdoe@<domain>" or "<domain>\\jdoe"
is a DPS username only on one of them, one test for every reader."""

from __future__ import annotations

import pytest

from mailbot.intake.rules import Rules, load_rules
from mailbot.intake.tables import bare_username


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


@pytest.mark.parametrize(
    ("domain", "dps"),
    [
        ("dps.state.vt.us", True),
        ("DPS.State.VT.US", True),  # in any case
        ("state.vt.us", True),
        ("vermont.gov", True),
        ("dps", True),  # "jdoe@dps", the short form
        ("DPS", True),  # "DPS\\jdoe"
        # a domain whose first label is a DPS one: the roster and desk-domain readers
        # once took the listed domains only
        ("dps.local", True),
        ("dps.vt", True),
        ("hardwickvt.org", False),
        ("vt.us", False),
        ("state", False),
        ("", False),
    ],
)
def test_on_dps_domain(rules: Rules, domain: str, dps: bool) -> None:
    assert rules.formats.dps_username.on_dps_domain(domain) is dps


@pytest.mark.parametrize(
    ("value", "bare"),
    [
        ("jdoe@dps.state.vt.us", "jdoe"),
        ("jdoe@dps.local", "jdoe"),
        ("jdoe@DPS", "jdoe"),
        ("DPS\\jdoe", "jdoe"),
        # an address on another domain is kept whole, and found invalid (the reply-detail
        # reader once cut any domain off)
        ("jdoe@hardwickvt.org", "jdoe@hardwickvt.org"),
    ],
)
def test_bare_username(rules: Rules, value: str, bare: str) -> None:
    assert bare_username(value, rules) == bare
