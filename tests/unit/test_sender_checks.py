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


# --- structured reading, alignment, where the header stands -------------------------

from mailbot.intake.auth import from_problem, verify_sender  # noqa: E402

OURS = "Authentication-Results: mx.dps.vt;"
RECEIVED_BY_US = (
    "Received: from mail.town.vt.us (mail.town.vt.us [192.0.2.10])\r\n"
    "\tby mx.dps.vt (Postfix) with ESMTPS id 4Q1; Mon, 2 Nov 2026 09:00:01 -0500"
)
RECEIVED_BEFORE = "Received: from laptop (unknown [10.0.0.5]) by mail.town.vt.us; Mon, 2 Nov 2026"


def verdict(*headers: str) -> object:
    raw = message(*headers)
    parts = read_message(raw)
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    ordered = [
        (k.lower(), str(v)) for k, v in BytesHeaderParser(policy=compat32).parsebytes(raw).items()
    ]
    return verify_sender(parts, "mx.dps.vt", ordered)


@pytest.mark.parametrize(
    "header",
    [
        # A comment saying "pass" is a comment.
        f"{OURS} dmarc=fail (dmarc=pass) header.from=town.vt.us",
        # A property value that looks like a result.
        f"{OURS} spf=pass smtp.mailfrom=dmarc=pass@evil.example; dmarc=fail header.from=town.vt.us",
        # A DKIM selector named dmarc=pass.
        f"{OURS} dkim=pass header.d=evil.example header.s=dmarc=pass; "
        "dmarc=none header.from=town.vt.us",
        # An ARC comment quoting someone else's verdict.
        f"{OURS} arc=pass (i=1 spf=pass dmarc=pass) smtp.remote-ip=192.0.2.1; "
        "dmarc=fail header.from=town.vt.us",
        # A pass, but for another domain (not aligned with From).
        f"{OURS} dmarc=pass header.from=evil.example",
        # A pass naming no domain at all.
        f"{OURS} dmarc=pass",
        # Our id only inside a comment.
        "Authentication-Results: mx.evil.example (mx.dps.vt); dmarc=pass header.from=town.vt.us",
    ],
)
def test_tricks_in_the_header_never_count_as_a_pass(header: str) -> None:
    """Comments, look-alike property values and a pass for another domain leave the
    sender unverified: results are read as structure, and a pass must be aligned."""
    result = verdict(header, RECEIVED_BY_US)
    assert result.verified is False  # type: ignore[attr-defined]


def test_aligned_pass_verifies_and_records_spf_dkim_dmarc() -> None:
    """Our server's aligned pass verifies the sender, with SPF, DKIM and DMARC kept."""
    result = verdict(
        f"{OURS} spf=pass smtp.mailfrom=chief@town.vt.us;\r\n\tdkim=pass (2048-bit key) "
        "header.d=town.vt.us header.s=s1;\r\n\tdmarc=pass (p=reject dis=none) "
        "header.from=Town.VT.us",
        RECEIVED_BY_US,
    )
    assert result.verified is True  # type: ignore[attr-defined]
    d = result.as_dict()  # type: ignore[attr-defined]
    assert (d["spf"], d["dkim"], d["dmarc"], d["aligned"]) == (
        "pass",
        ["pass:town.vt.us"],
        "pass",
        True,
    )


def test_a_pass_forged_below_the_hop_before_ours_is_ignored() -> None:
    """An A-R header with our id written below the Received line of the hop before
    ours (so by the sender) counts for nothing, even when ours has no DMARC result."""
    result = verdict(
        f"{OURS} spf=pass smtp.mailfrom=town.vt.us",
        RECEIVED_BY_US,
        f"{OURS} dmarc=pass header.from=town.vt.us",
        RECEIVED_BEFORE,
    )
    assert result.verified is False  # type: ignore[attr-defined]
    assert result.found is True  # type: ignore[attr-defined]


def test_our_header_below_another_servers_header_is_read() -> None:
    """A header of another authserv-id above ours (an inner relay) is skipped, ours read."""
    result = verdict(
        "Authentication-Results: relay.dps.vt; none",
        f"{OURS} dmarc=pass header.from=town.vt.us",
        RECEIVED_BY_US,
    )
    assert result.verified is True  # type: ignore[attr-defined]


def test_contradicting_results_of_ours_do_not_verify() -> None:
    """Two DMARC results of ours that disagree (one forged next to ours) verify nobody."""
    result = verdict(
        f"{OURS} dmarc=fail header.from=town.vt.us",
        f"{OURS} dmarc=pass header.from=town.vt.us",
        RECEIVED_BY_US,
    )
    assert result.verified is False and result.dmarc == "conflicting"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "values",
    [
        ["chief@town.vt.us, Mallory <mallory@evil.example>"],
        ["chief@town.vt.us", "mallory@evil.example"],
        ["chief@town.vt.us(<bob@evil.example>"],
        ["chief@town.vt.us>"],
        ['"x <a@junk.example>"@town.vt.us'],
        ["Friends: chief@town.vt.us;"],
        ["chief@town.vt.us <bob@evil.example>"],
        ["Pelkey, chief@town.vt.us <bob@evil.example>"],
        ["Pelkey, Arthur <apelkey@town.vt.us>, Mallory <mallory@evil.example>"],
        ["Pelkey, Arthur <apelkey@town.vt.us> <bob@evil.example>"],
        [],
    ],
)
def test_ambiguous_from_values_are_named(values: list[str]) -> None:
    """A From that does not name exactly one plain address is reported as ambiguous."""
    assert from_problem(values) is not None


@pytest.mark.parametrize(
    "value",
    [
        "Chief Dana Morse <dmorse@norwich.test>",
        "dmorse@norwich.test",
        '"Morse, Dana" <dmorse@norwich.test>',
        "=?utf-8?q?Morse=2C_Dana?= <dmorse@norwich.test>",
        "José Núñez <jn@town.vt.us>",
        # Folded by the sender's client (RFC 5322 §2.2.3), and a bracket in quotes.
        "=?UTF-8?B?TW9yc2UsIERhbmE=?=\r\n\t<dmorse@norwich.test>",
        '"Dana :-)" <dmorse@norwich.test>',
        # A directory-style "Last, First" name some gateways leave unquoted.
        "Morse, Dana <dmorse@norwich.test>",
        "O'Brien-Smith, Mary J. <mobrien@norwich.test>",
    ],
)
def test_plain_from_values_are_not_ambiguous(value: str) -> None:
    """Ordinary From headers, display names with commas included, are one sender."""
    assert from_problem([value]) is None


# --- Microsoft 365: Authentication-Results without an authserv-id --------------------

M365 = (
    "Authentication-Results: spf=pass (sender IP is 40.107.1.1)\r\n"
    " smtp.mailfrom=town.vt.us; dkim=pass (signature was verified)\r\n"
    " header.d=town.vt.us;dmarc=pass action=none header.from=town.vt.us;compauth=pass\r\n"
    " reason=100"
)
M365_RECEIVED = (
    "Received: from mail.town.vt.us (40.107.1.1) by BN8NAM.mail.protection.outlook.com\r\n"
    " with Microsoft SMTP Server; Mon, 2 Nov 2026 14:00:01 +0000"
)


def m365_verdict(*headers: str, authserv_id: str = "", unnamed: bool = True) -> object:
    raw = message(*headers)
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    ordered = [
        (k.lower(), str(v)) for k, v in BytesHeaderParser(policy=compat32).parsebytes(raw).items()
    ]
    return verify_sender(read_message(raw), authserv_id, ordered, unnamed_results=unnamed)


def test_exchange_online_header_verifies_when_the_mailbox_is_hosted_there() -> None:
    """With [trust] unnamed_results, Exchange Online's id-less header is read as ours."""
    result = m365_verdict(M365, M365_RECEIVED)
    assert result.verified is True  # type: ignore[attr-defined]
    assert result.configured is True  # type: ignore[attr-defined]
    assert result.dkim == ["pass:town.vt.us"]  # type: ignore[attr-defined]


def test_exchange_online_header_verifies_nobody_unless_configured() -> None:
    """Without the setting an id-less header cannot be attributed: the check fails closed."""
    assert m365_verdict(M365, M365_RECEIVED, unnamed=False).verified is False  # type: ignore[attr-defined]
    named = m365_verdict(M365, M365_RECEIVED, authserv_id="mx.dps.vt", unnamed=False)
    assert named.verified is False  # type: ignore[attr-defined]


def test_an_unnamed_pass_below_the_topmost_header_counts_for_nothing() -> None:
    """Only the topmost header may be the host's: a sender's own id-less "pass" further
    down (under the host's fail) never verifies."""
    fail = M365.replace("dmarc=pass", "dmarc=fail")
    assert m365_verdict(fail, M365_RECEIVED, M365).verified is False  # type: ignore[attr-defined]
    # A named header of another server on top: the unnamed one below is not the host's.
    other = "Authentication-Results: mx.evil.example; dmarc=fail header.from=town.vt.us"
    assert m365_verdict(other, M365, M365_RECEIVED).verified is False  # type: ignore[attr-defined]


def test_unnamed_mode_still_reads_our_named_header() -> None:
    """With both an authserv-id and the setting, our named header on top is read as usual."""
    named = "Authentication-Results: mx.dps.vt; dmarc=pass header.from=town.vt.us"
    result = m365_verdict(named, M365_RECEIVED, authserv_id="mx.dps.vt")
    assert result.verified is True  # type: ignore[attr-defined]
