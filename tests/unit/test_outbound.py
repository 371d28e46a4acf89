"""Outgoing emails: headers, threading, deterministic ids, and header injection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.errors import InvalidRecipient, ReplyError
from mailbot.outbound import (
    MAX_REFERENCES,
    build_email,
    make_message_id,
    reply_recipients,
    tagged_subject,
    thread_references,
)
from mailbot.replies import Rendered

DATE = datetime(2026, 3, 14, 9, 30, 0, tzinfo=UTC)
BASE_HEADERS = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "auto-submitted",
    "x-mailbot-loop",
    "mime-version",
    "content-type",
}


def _build(**overrides: Any) -> bytes:
    args: dict[str, Any] = {
        "rendered": Rendered(
            subject="More information needed for your e-Ticket request",
            text="Hello,\nplease send the judiciary code.\n",
            html="<p>Hello,</p><p>please send the judiciary code.</p>",
        ),
        "from_address": "dps.eTicket@vermont.gov",
        "to": ["chief@stalbanspd.example"],
        "message_id": make_message_id("ETK-0042.checklist.1", "mailbot.example"),
        "in_reply_to": "<CAF1234@mail.stalbanspd.example>",
        "references": ["<CAF1234@mail.stalbanspd.example>"],
        "reference": "ETK-0042",
        "loop_value": "dps.eTicket@vermont.gov",
        "date": DATE,
    }
    args.update(overrides)
    return build_email(**args)


def _parse(data: bytes) -> EmailMessage:
    return cast(EmailMessage, message_from_bytes(data, policy=email_policy.default))


def _header_names(data: bytes) -> set[str]:
    return {name.lower() for name in _parse(data)}


def test_reply_has_exactly_the_intended_headers() -> None:
    """A reply carries threading, Auto-Submitted, the loop header and the injected Date."""
    data = _build()
    msg = _parse(data)
    assert _header_names(data) == BASE_HEADERS
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Mailbot-Loop"] == "dps.eTicket@vermont.gov"
    assert msg["Date"] == "Sat, 14 Mar 2026 09:30:00 +0000"
    assert msg["In-Reply-To"] == "<CAF1234@mail.stalbanspd.example>"
    assert msg["Subject"] == "[ETK-0042] More information needed for your e-Ticket request"
    assert data.count(b"\r\n") > 0 and b"\n" not in data.replace(b"\r\n", b"")


def test_reply_is_multipart_alternative_text_then_html() -> None:
    """Mail clients get a plain-text and an HTML version of the same reply."""
    msg = _parse(_build())
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert "judiciary code" in cast(EmailMessage, parts[0]).get_content()


def test_cc_header_only_when_copying_someone() -> None:
    """The head of department in copy appears in Cc, and no Cc header exists otherwise."""
    data = _build(cc=["Chief@StAlbansPD.example", "poc@stalbanspd.example"])
    assert _parse(data)["Cc"] == "poc@stalbanspd.example"
    assert _header_names(data) == BASE_HEADERS | {"cc"}
    assert "cc" not in _header_names(_build())


def test_custom_loop_header_name() -> None:
    """The configured loop header name is the one written."""
    data = _build(loop_header="X-ETicket-Loop", loop_value="etk")
    assert _parse(data)["X-ETicket-Loop"] == "etk"
    assert "x-mailbot-loop" not in _header_names(data)


def test_message_id_is_deterministic_per_key() -> None:
    """The same case, template and sequence always give the same Message-ID; others differ."""
    first = make_message_id("ETK-0042.checklist.1", "mailbot.example")
    assert first == make_message_id("ETK-0042.checklist.1", "mailbot.example")
    assert first != make_message_id("ETK-0042.checklist.2", "mailbot.example")
    assert first.startswith("<") and first.endswith("@mailbot.example>")
    with pytest.raises(ReplyError):
        make_message_id("ETK-0042.checklist.1", "bad domain>")


def test_resend_is_byte_identical() -> None:
    """Building the same reply twice (a resend after a crash) gives the very same bytes."""
    assert _build() == _build()


@pytest.mark.parametrize(
    "subject",
    [
        "x\r\nBcc: evil@x.example",
        "x\nBcc: evil@x.example",
        "x\rBcc: evil@x.example",
        "=?UTF-8?Q?=0A?=Bcc: evil@x.example",
        "=?UTF-8?B?Cg==?=Bcc: evil@x.example",
        "x\x00\r\n\r\nBcc: evil@x.example",
        "Re: =?utf-8?q?a=0D=0ABcc=3A_evil=40x=2Eexample?=",
    ],
)
def test_subject_injection_adds_no_header(subject: str) -> None:
    """A subject built from hostile inbound text cannot add a Bcc or any other header."""
    data = _build(rendered=Rendered(subject=subject, text="t\n", html="<p>t</p>"))
    msg = _parse(data)
    assert _header_names(data) == BASE_HEADERS
    assert "\n" not in str(msg["Subject"]) and "\r" not in str(msg["Subject"])
    assert b"\r\nBcc:" not in data and b"\nBcc:" not in data
    assert "[ETK-0042]" in str(msg["Subject"])


def test_non_ascii_subject_is_encoded_and_round_trips() -> None:
    """Accented names in the subject are RFC 2047-encoded and read back unchanged."""
    data = _build(
        rendered=Rendered(subject="TraCS records ready: Zoé Müller", text="t\n", html="<p>t</p>")
    )
    data.decode("ascii")  # the whole message is 7-bit clean
    assert _parse(data)["Subject"] == "[ETK-0042] TraCS records ready: Zoé Müller"


def test_display_name_cannot_inject() -> None:
    """A hostile From display name stays inside the From header."""
    data = _build(from_name='DPS "e-Ticket"\r\nBcc: evil@x.example')
    assert _header_names(data) == BASE_HEADERS
    assert _parse(data)["From"].addresses[0].addr_spec == "dps.eTicket@vermont.gov"


@pytest.mark.parametrize(
    "address",
    [
        "a@b.example, c@d.example",
        '"x <a@junk.example>"@agency.example',
        "chief@agency.example(<bob@evil.example>",
        "Chief <chief@agency.example>",
        "chief@agency.example>",
        "chief@agency.example\r\nBcc: evil@x.example",
        "chief@agency.example\x00",
        "chief@",
        "",
        "chief agency@example.gov",
        "josé@agency.example",
    ],
)
def test_invalid_recipient_is_refused(address: str) -> None:
    """Anything but one plain address (lists, display names, comments, controls) is refused."""
    with pytest.raises(InvalidRecipient):
        _build(to=[address])
    with pytest.raises(InvalidRecipient):
        reply_recipients(address, None, include_poc=False)


def test_empty_recipient_list_is_refused() -> None:
    """An email with nobody to send to is never built."""
    with pytest.raises(InvalidRecipient):
        _build(to=[])


def test_naive_date_is_refused_and_offsets_are_kept() -> None:
    """The Date must carry a time zone; a local offset is written as given."""
    with pytest.raises(ReplyError):
        _build(date=datetime(2026, 3, 14, 9, 30))
    eastern = DATE.astimezone(timezone(timedelta(hours=-4)))
    assert _parse(_build(date=eastern))["Date"] == "Sat, 14 Mar 2026 05:30:00 -0400"


def test_references_are_capped_and_keep_root_and_parent() -> None:
    """A long thread keeps the first message and the most recent ones, parent last."""
    refs = [f"<m{i}@mail.example>" for i in range(30)]
    chain = thread_references("<parent@mail.example>", [" ".join(refs)])
    assert len(chain) == MAX_REFERENCES
    assert chain[0] == "<m0@mail.example>"
    assert chain[-1] == "<parent@mail.example>"
    assert chain[-2] == "<m29@mail.example>"
    msg = _parse(_build(in_reply_to="<parent@mail.example>", references=refs))
    assert str(msg["References"]).split() == chain


def test_hostile_references_are_dropped() -> None:
    """Malformed or injected message ids in inbound threading headers are not copied."""
    chain = thread_references(
        "<ok@mail.example>\r\nBcc: evil@x.example",
        ["<a@mail.example>\r\nBcc: b@evil.example", "not-an-id", "<no-at-sign>", "<x y@z>"],
    )
    assert chain == ["<a@mail.example>"]
    data = _build(in_reply_to="bad id", references=["<a@mail.example>"])
    assert "in-reply-to" not in _header_names(data)
    assert _parse(data)["References"] == "<a@mail.example>"


def test_no_threading_headers_for_a_fresh_email() -> None:
    """A notice that answers nothing (to the Judicial Bureau) has no threading headers."""
    data = _build(in_reply_to=None, references=[])
    assert _header_names(data) == BASE_HEADERS - {"in-reply-to", "references"}


@pytest.mark.parametrize(
    ("subject", "reference", "expected"),
    [
        ("Checklist", "ETK-0042", "[ETK-0042] Checklist"),
        ("[ETK-0042] Checklist", "ETK-0042", "[ETK-0042] Checklist"),
        ("Re: Re: RE: Enrolment", "ETK-0042", "Re: [ETK-0042] Enrolment"),
        ("Re: [etk-0042] Enrolment", "ETK-0042", "Re: [etk-0042] Enrolment"),
        ("Checklist", None, "Checklist"),
    ],
)
def test_subject_tag_is_added_once(subject: str, reference: str | None, expected: str) -> None:
    """The case tag is added once, never doubled, and repeated "Re:" collapse to one."""
    assert tagged_subject(subject, reference) == expected


def test_reply_recipients_sender_and_poc_only() -> None:
    """Replies go to the sender and, where relevant, the PoC: lower-case, no duplicates."""
    assert reply_recipients("Chief@StAlbansPD.example", "poc@stalbanspd.example", True) == [
        "chief@stalbanspd.example",
        "poc@stalbanspd.example",
    ]
    assert reply_recipients("Chief@StAlbansPD.example", "poc@stalbanspd.example", False) == [
        "chief@stalbanspd.example"
    ]
    assert reply_recipients("poc@stalbanspd.example", "POC@stalbanspd.example", True) == [
        "poc@stalbanspd.example"
    ]
    assert reply_recipients("chief@stalbanspd.example", None, True) == ["chief@stalbanspd.example"]


def test_message_ids_are_keyed_with_the_secret() -> None:
    """The same key and secret give the same Message-ID; another secret gives another,
    so nobody without the secret can predict the ID of a reply."""
    one = make_message_id("ETK-0042/checklist/7", "mailbot.example", "s3cret")
    assert one == make_message_id("ETK-0042/checklist/7", "mailbot.example", "s3cret")
    assert one != make_message_id("ETK-0042/checklist/7", "mailbot.example", "other")
    import hashlib

    unkeyed = hashlib.sha256(b"ETK-0042/checklist/7").hexdigest()[:32]
    assert unkeyed not in one


@settings(max_examples=500, deadline=None)
@given(
    name=st.sampled_from(["To", "Subject", "References", "X-Mailbot-Loop", "Content-Type"]),
    value=st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F), max_size=90)
    | st.text(alphabet='ab ,;:\t"()<>@.=-', max_size=90)
    | st.text(max_size=40),
)
def test_headers_are_written_as_compat32_folds_them(name: str, value: str) -> None:
    """The wire policy writes a header that fits on its line as printable ASCII as it
    is, and every other one through compat32's folding: the same text either way."""
    from email.errors import HeaderParseError

    from mailbot.outbound import _WIRE

    compat = email_policy.compat32.clone(linesep="\r\n", max_line_length=78)
    try:
        expected = compat._fold(name, value, False)  # type: ignore[attr-defined]
    except HeaderParseError:
        with pytest.raises(HeaderParseError):
            _WIRE._fold(name, value, False)
        return
    assert _WIRE._fold(name, value, False) == expected
