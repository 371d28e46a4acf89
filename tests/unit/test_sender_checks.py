"""Who sent it: Authentication-Results from our own server only; ambiguous From."""

from __future__ import annotations

import pytest

from mailbot.intake.auth import sender_verified
from mailbot.intake.message import read_message


def message(*headers: str) -> bytes:
    head = "\r\n".join(headers)
    return (
        f"{head}\r\nFrom: Chief <chief@town.vt.us>\r\nTo: dps.eticket@vermont.gov\r\n"
        "Subject: enrolment\r\n\r\nHello\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("headers", "verified"),
    [
        (["Authentication-Results: mx.dps.vt; dmarc=pass header.from=town.vt.us"], True),
        (["Authentication-Results: mx.dps.vt; dmarc=fail header.from=town.vt.us"], False),
        ([], False),
        # Another server's verdict does not count.
        (["Authentication-Results: mx.evil.test; dmarc=pass header.from=town.vt.us"], False),
        # A forged "pass" below our server's real "fail": only the topmost of ours counts.
        (
            [
                "Authentication-Results: mx.dps.vt; dmarc=fail header.from=town.vt.us",
                "Authentication-Results: mx.dps.vt; dmarc=pass header.from=town.vt.us",
            ],
            False,
        ),
        (["Authentication-Results: mx.dps.vt; spf=pass smtp.mailfrom=town.vt.us"], False),
    ],
)
def test_only_our_servers_topmost_dmarc_pass_verifies(headers: list[str], verified: bool) -> None:
    """A sender counts as verified only when our server's topmost result says dmarc=pass."""
    parts = read_message(message(*headers))
    assert sender_verified(parts, "mx.dps.vt") is verified


def test_no_authserv_id_configured_verifies_nobody() -> None:
    """Without a configured authserv-id every sender stays unverified."""
    parts = read_message(
        message("Authentication-Results: mx.dps.vt; dmarc=pass header.from=town.vt.us")
    )
    assert sender_verified(parts, "") is False
