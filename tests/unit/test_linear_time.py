"""Reading time grows linearly with the message: hostile 200 KB bodies parse in under 1 s."""

from __future__ import annotations

import time
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.intake.parse import parse_message

SIZE = 200_000
LIMIT_SECONDS = 1.0
slow = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))

# Characters the readers' patterns care about: capitals, word characters, name and
# address punctuation, separators, digits, quote and bullet marks.
UNIT = st.text(alphabet="AZaz09.'’-_@:;,|#()<>* \t", min_size=1, max_size=6)


def _email(body: str, html: bool = False) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Chief <chief@town.vt.us>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    if html:
        msg.set_content(body, subtype="html")
    else:
        msg.set_content(body)
    return msg.as_bytes()


def _cpu_seconds(raw: bytes) -> float:
    start = time.process_time()
    parse_message(raw)
    return time.process_time() - start


def _fill(unit: str, sep: str = "") -> str:
    piece = unit + sep
    return (piece * (SIZE // len(piece) + 1))[:SIZE]


@slow
@given(st.text(alphabet="AZaz09.'’-_", min_size=1, max_size=3))
def test_single_token_body(unit: str) -> None:
    """A body that is one 200 KB token (no spaces, no line breaks) is read in under a second."""
    assert _cpu_seconds(_email(_fill(unit))) < LIMIT_SECONDS


@slow
@given(UNIT)
def test_single_line_body(unit: str) -> None:
    """A body that is one 200 KB line of repeated words and marks is read in under a second."""
    assert _cpu_seconds(_email(_fill(unit.replace("\n", " ")))) < LIMIT_SECONDS


@slow
@given(st.sampled_from(["> ", "(", "[", "- ", "* ", "\t", "1. ", "On Mon wrote:\n> "]))
def test_deeply_nested_text_body(mark: str) -> None:
    """A body nested 200 KB deep (quote marks, brackets, bullets) is read in under a second."""
    body = (mark * (SIZE // len(mark)))[:SIZE] + "Judiciary Code: 0614\n"
    assert _cpu_seconds(_email(body)) < LIMIT_SECONDS


@slow
@given(st.sampled_from(["<div>", "<blockquote>", "<table><tr><td>", "<ul><li>", "<b>"]))
def test_deeply_nested_html_body(tag: str) -> None:
    """An HTML body of 200 KB of nested tags is read in under a second."""
    body = "<html><body>" + (tag * (SIZE // len(tag)))[:SIZE] + "Sgt. Amy Lussier</body></html>"
    assert _cpu_seconds(_email(body, html=True)) < LIMIT_SECONDS


def test_long_capitalised_token_is_fast() -> None:
    """The body of one 64 KB capitalised token (once 30 s of CPU) is read at once."""
    for body in ("A" * 65_536, "A." * 32_768, "designated " + "A" * 65_536):
        assert _cpu_seconds(_email(body + " will be the point of contact")) < LIMIT_SECONDS


def _lines(line: str) -> str:
    """``line`` repeated on lines of its own up to 200 KB."""
    return _fill(line, "\n")


# Bodies shaped to the roster-change, PoC and heading patterns: words repeated many times
# over (each a start of a match that fails), a label followed by a long run of spaces,
# heading cells one a line or one a row.
HOSTILE = {
    "self-named PoC in brackets": _fill("I ("),
    "title corrections": _fill("title should be "),
    "name corrections then spaces": "Name should be" + " " * SIZE + "x",
    "title correction then spaces": "His title should be" + " " * SIZE + "x",
    "login correction then spaces": "His login should be" + " " * SIZE + "x",
    "contact for": _fill("contact for "),
    "contact for this, said again": _fill("I will be the contact for "),
    "username changes": _fill("username changed from x to "),
    "arrows": _fill("-> "),
    "arrows, one a line": _lines("Cpl. Jason Brosseau, SA055 -> "),
    "leaving for": _fill("is leaving us for "),
    "records moved": _fill("please move his record over to "),
    "first/last heading cells one a line": _lines("First/Last"),
    "first/last heading cells in a row": _lines("First/Last\t"),
    "first/last heading cells between pipes": _lines("First/Last | "),
    "export headings": _lines("RANK_DESC\t"),
    "heading words one a line": _lines("login"),
    "officer, one a line": _lines("officer"),
    "number labels one a line": _lines("LEO number"),
    "heading cells then blank lines": "Last\nFirst\nRank\nLEO #\n" + "\n" * SIZE + "x",
    "heading row then a row of spaces": "Name\tRank\tLEO #\n" + " " * SIZE + "x",
    "heading row then a rule of spaces": "Name | Rank | LEO #\n|" + " " * SIZE + "x",
    "labelled pairs then spaces": "Title: Deputy / Name: A / LEO: B1234" + " " * SIZE + "x",
    "a long token beside the agency's values": "Judiciary Code: 0614\nPhone: 802-555-0100\n"
    + "Address: 1 Main St, Derby, VT 05829\ne-tickets please\n"
    + "a" * SIZE,
    "sign-off and title after the name": _lines("Thx - Chris Brickell, Chief"),
    "writer's own title": _fill("I am the "),
    "lists after a label": "Officers: " + _fill("Sgt. Tom Kelley BN004 tkelley, "),
}


@pytest.mark.parametrize("body", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_body_shaped_to_the_readers_patterns(body: str) -> None:
    """A 200 KB body built to make the readers' patterns try every way of matching it
    is read in under a second."""
    assert _cpu_seconds(_email(body)) < LIMIT_SECONDS
