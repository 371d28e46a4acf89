"""Shortcuts taken for speed read exactly what the full patterns read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.intake import poc_anchors, quoting

_POC_PIECES = st.sampled_from(
    [
        "poc", "PoC", "POC", "point of contact", "Point-of-Contact", "point\nof-contact",
        "myself", "MySelf", "x", "_", "1", " ", "\n", "-", "é", "ſ", "ı", "p", "m", "oint",
        "e-ticket", "eTicketing", "E-TICKET", "contact", "Contact",
    ]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_POC_PIECES, max_size=14))
def test_poc_mentions_found_alike(pieces: list[str]) -> None:
    """The Point-of-Contact is looked for around exactly the mentions the full pattern finds."""
    text = "".join(pieces)
    expected = [m.span() for m in poc_anchors._POC_ANCHOR.finditer(text)]
    assert poc_anchors._poc_anchors(text) == expected


_WROTE_PIECES = st.sampled_from(
    [
        "On Mon, 2 Nov 2026 at 09:00", " Chief ", "wrote", "a écrit", "schrieb", ":", " ",
        "\t", "\u00a0", "\u2003", "x", "@", "2026", "12:30", "Wrote", "WROTE",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WROTE_PIECES, max_size=10))
def test_reply_attribution_found_alike(pieces: list[str]) -> None:
    """A reply's "... wrote:" line is recognised exactly as by the full pattern."""
    line = "".join(pieces)
    assert quoting._wrote(line) == bool(quoting._WROTE.search(line))
    if not quoting._colon_end(line):
        assert quoting._CANDIDATE.search(line) is None
