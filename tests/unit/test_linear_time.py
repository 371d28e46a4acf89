"""Reading time grows linearly with the message: a hostile body four times longer takes
about four times as long to read, never sixteen (the growth is compared, not the seconds,
so that a slow machine judges as a fast one does)."""

from __future__ import annotations

import time
from collections.abc import Callable
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.intake.parse import parse_message

SIZE = 200_000
# Four times the text may take at most eight times the time (linear gives four,
# quadratic sixteen); below FLOOR_SECONDS a read is too short to judge by its growth.
GROWTH = 8.0
FLOOR_SECONDS = 0.5
slow = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))

# Characters the readers' patterns care about: capitals, word characters, name and
# address punctuation, separators, digits, quote and bullet marks.
UNIT = st.text(alphabet="AZaz09.'’-_@:;,|#()<>* \t", min_size=1, max_size=6)


def _email(body: str, html: bool = False, subject: str = "e-ticket enrollment") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Chief <chief@town.vt.us>"
    msg["To"] = "dps.eticket@vermont.gov"
    msg["Subject"] = subject
    if html:
        msg.set_content(body, subtype="html")
    else:
        msg.set_content(body)
    return msg.as_bytes()


def _cpu_seconds(raw: bytes) -> float:
    start = time.process_time()
    parse_message(raw)
    return time.process_time() - start


def _reads_linearly(
    build: Callable[[int], str],
    size: int = SIZE,
    html: bool = False,
    subject: str = "e-ticket enrollment",
) -> None:
    """The body ``build(size)`` takes at most GROWTH times as long to read as
    ``build(size // 4)`` (or under FLOOR_SECONDS, too short to judge)."""
    small = _cpu_seconds(_email(build(size // 4), html, subject))
    large = _cpu_seconds(_email(build(size), html, subject))
    assert large < max(GROWTH * small, FLOOR_SECONDS), (small, large)


def _fill(unit: str, sep: str = "", size: int = SIZE) -> str:
    piece = unit + sep
    return (piece * (size // len(piece) + 1))[:size]


@slow
@given(st.text(alphabet="AZaz09.'’-_", min_size=1, max_size=3))
def test_single_token_body(unit: str) -> None:
    """A body that is one 200 KB token (no spaces, no line breaks) is read in linear time."""
    _reads_linearly(lambda n: _fill(unit, size=n))


@slow
@given(UNIT)
def test_single_line_body(unit: str) -> None:
    """A body that is one 200 KB line of repeated words and marks is read in linear time."""
    _reads_linearly(lambda n: _fill(unit.replace("\n", " "), size=n))


@slow
@given(st.sampled_from(["> ", "(", "[", "- ", "* ", "\t", "1. ", "On Mon wrote:\n> "]))
def test_deeply_nested_text_body(mark: str) -> None:
    """A body nested 200 KB deep (quote marks, brackets, bullets) is read in linear time."""
    _reads_linearly(lambda n: (mark * (n // len(mark)))[:n] + "Judiciary Code: 0614\n")


@slow
@given(st.sampled_from(["<div>", "<blockquote>", "<table><tr><td>", "<ul><li>", "<b>"]))
def test_deeply_nested_html_body(tag: str) -> None:
    """An HTML body of 200 KB of nested tags is read in linear time."""
    _reads_linearly(
        lambda n: "<html><body>" + (tag * (n // len(tag)))[:n] + "Sgt. Amy Lussier</body></html>",
        html=True,
    )


def test_long_capitalised_token_is_fast() -> None:
    """The body of one 64 KB capitalised token (once 30 s of CPU) is read in linear time."""
    tail = " will be the point of contact"
    for build in (
        lambda n: "A" * n + tail,
        lambda n: "A." * (n // 2) + tail,
        lambda n: "designated " + "A" * n + tail,
    ):
        _reads_linearly(build, size=65_536)


def _lines(line: str, size: int = SIZE) -> str:
    """``line`` repeated on lines of its own up to ``size`` characters."""
    return _fill(line, "\n", size)


# Bodies shaped to the roster-change, PoC and heading patterns: words repeated many times
# over (each a start of a match that fails), a label followed by a long run of spaces,
# heading cells one a line or one a row.
HOSTILE: dict[str, Callable[[int], str]] = {
    "self-named PoC in brackets": lambda n: _fill("I (", size=n),
    "title corrections": lambda n: _fill("title should be ", size=n),
    "name corrections then spaces": lambda n: "Name should be" + " " * n + "x",
    "title correction then spaces": lambda n: "His title should be" + " " * n + "x",
    "login correction then spaces": lambda n: "His login should be" + " " * n + "x",
    "contact for": lambda n: _fill("contact for ", size=n),
    "contact for this, said again": lambda n: _fill("I will be the contact for ", size=n),
    "username changes": lambda n: _fill("username changed from x to ", size=n),
    "arrows": lambda n: _fill("-> ", size=n),
    "arrows, one a line": lambda n: _lines("Cpl. Jason Brosseau, SA055 -> ", size=n),
    "leaving for": lambda n: _fill("is leaving us for ", size=n),
    "records moved": lambda n: _fill("please move his record over to ", size=n),
    "first/last heading cells one a line": lambda n: _lines("First/Last", size=n),
    "first/last heading cells in a row": lambda n: _lines("First/Last\t", size=n),
    "first/last heading cells between pipes": lambda n: _lines("First/Last | ", size=n),
    "export headings": lambda n: _lines("RANK_DESC\t", size=n),
    "heading words one a line": lambda n: _lines("login", size=n),
    "officer, one a line": lambda n: _lines("officer", size=n),
    "number labels one a line": lambda n: _lines("LEO number", size=n),
    "heading cells then blank lines": lambda n: "Last\nFirst\nRank\nLEO #\n" + "\n" * n + "x",
    "heading row then a row of spaces": lambda n: "Name\tRank\tLEO #\n" + " " * n + "x",
    "heading row then a rule of spaces": lambda n: "Name | Rank | LEO #\n|" + " " * n + "x",
    "labelled pairs then spaces": lambda n: "Title: Deputy / Name: A / LEO: B1234" + " " * n + "x",
    "a long token beside the agency's values": lambda n: (
        "Judiciary Code: 0614\nPhone: 802-555-0100\n"
        + "Address: 1 Main St, Derby, VT 05829\ne-tickets please\n"
        + "a" * n
    ),
    "sign-off and title after the name": lambda n: _lines("Thx - Chris Brickell, Chief", size=n),
    "writer's own title": lambda n: _fill("I am the ", size=n),
    "lists after a label": lambda n: (
        "Officers: " + _fill("Sgt. Tom Kelley BN004 tkelley, ", size=n)
    ),
    # the readers of lower-case names, printed forms, the desk's recap, a text pasted twice,
    # the writer's own row, a number taken back and two changes in one sentence
    "lower-case name pairs": lambda n: (
        "dana pelkey dpelkey@town.test " + _fill("dana pelkey ", size=n)
    ),
    "form section headings": lambda n: _lines("SECTION 3 - POINT OF CONTACT", size=n),
    "the desk's recap": lambda n: "Here is what we have so far:\n" + _lines("Code: 0412", size=n),
    "a text pasted twice": lambda n: _fill("Officer Tom Reilly R0622 treilly\n", size=n // 2) * 2,
    "the writer's own rows": lambda n: _lines("Myself - Chief, BN001, aduquette", size=n),
    "numbers taken back": lambda n: _fill("VT448 - sorry, that should be ", size=n),
    "two changes a sentence": lambda n: _fill(
        "deactivate A (X1234) and set up a record for ", size=n
    ),
    # the head who acts: sent for, authorising, appointed; a misspelt head title label
    "sent for the head": lambda n: _fill("sending this for Chief ", size=n),
    "the head then spaces": lambda n: "Chief Ann Roy" + " " * n + "x",
    "appointed heads": lambda n: _fill("appointed Lt Ann Roy as ", size=n),
    "misspelt head labels": lambda n: _lines("Cheif: ", size=n),
    # the reader of a message that requests nothing, its sentences joined across lines
    "blanks then a question": lambda n: "\t" * n + "How long does it take to add an officer?\n",
}


@pytest.mark.parametrize("build", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_body_shaped_to_the_readers_patterns(build: Callable[[int], str]) -> None:
    """A body built to make the readers' patterns try every way of matching it takes
    about four times as long to read at 200 KB as at 50 KB (linear), never sixteen
    (quadratic): a growth test, the same on a fast machine and a slow one."""
    _reads_linearly(build)


# Replies to the desk, read by the readers of answers: numbered answers and officer
# details one a line, each line with a long run of blanks inside it.
HOSTILE_REPLIES: dict[str, Callable[[int], str]] = {
    "a numbered answer with blanks inside": lambda n: "1. x" + " " * n + "y\n2. 0412\n",
    "an officer detail with blanks before its aside": lambda n: "Hale - jhale" + " " * n + "(x)",
    "the desk's officer then blanks after his number label": lambda n: (
        "One correction though - his username should be jroy\n\n"
        "On Mon, Dec 1, 2026 at 9:00 AM DPS eTicket <dps.eticket@vermont.gov> wrote:\n"
        "> Ab Cd LEO " + " " * n + "\n"
    ),
}


@pytest.mark.parametrize("build", list(HOSTILE_REPLIES.values()), ids=list(HOSTILE_REPLIES))
def test_hostile_reply_shaped_to_the_answer_readers(build: Callable[[int], str]) -> None:
    """A reply whose lines hold 200 KB runs of blanks is read in linear time."""
    _reads_linearly(build, subject="Re: e-ticket enrollment")
