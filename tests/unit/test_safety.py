"""Output safety: values from email never become formulas or terminal controls."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from mailbot.cli.render import print_agencies, print_case, print_officers
from mailbot.review.records import AGENCY_COLUMNS, OFFICER_COLUMNS, export_csv_rows
from mailbot.safety import clean_data, clean_text, csv_cell, json_text, terminal_text

DANGEROUS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]} | set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
SHOWN_DANGEROUS = DANGEROUS | {"\t", "\n", "\u2028", "\u2029"}


def test_clean_text_removes_controls_and_bidi_but_keeps_tab_and_newline() -> None:
    """Escape sequences, NUL, C1 and bidi overrides are removed; TAB and LF stay."""
    value = "Rut\x00land\x1b]0;pwned\x07 PD\u202e\x9b2J\tline\nnext"
    cleaned, removed = clean_text(value)
    assert cleaned == "Rutland]0;pwned PD2J\tline\nnext"
    assert removed == 5


def test_clean_data_walks_nested_values_and_counts() -> None:
    """Every string of a request, in rows and sections, is cleaned and counted."""
    data = {"agency": {"name": "A\x1b[2JB"}, "officers": [{"last_name": "Doe\x00"}], "n": 3}
    cleaned, removed = clean_data(data)
    assert cleaned == {"agency": {"name": "A[2JB"}, "officers": [{"last_name": "Doe"}], "n": 3}
    assert removed == 2


def test_csv_cells_that_would_be_formulas_are_neutralised() -> None:
    """Cells starting with = + - @ TAB or CR are kept as text with a leading quote."""
    for value in (
        '=HYPERLINK("http://evil.example","x")',
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2",
        "@SUM(A1)",
        "\t=1",
    ):
        assert csv_cell(value).startswith("'"), value
    assert csv_cell("\r=1") == "'=1"  # CR removed, then the formula neutralised
    assert csv_cell("\x1b=1") == "'=1"
    assert csv_cell("Smith") == "Smith" and csv_cell(None) == ""


def test_terminal_text_shows_controls_as_visible_escapes() -> None:
    """ESC, BEL and C1 CSI are printed as \\x1b, \\x07, \\x9b: seen, never obeyed."""
    assert terminal_text("a\x1b]0;t\x07b\x9bc\u202e") == "a\\x1b]0;t\\x07b\\x9bc\\u202e"


def test_json_text_escapes_what_json_leaves_raw() -> None:
    """JSON output escapes C1 and bidi characters too, and still parses back the same."""
    value = {"name": "a\x9b2J\u202eb\x1b"}
    text = json_text(value)
    assert not (set(text) & DANGEROUS)
    assert json.loads(text) == value


def _record(text: str) -> dict[str, object]:
    agency: dict[str, object] = dict.fromkeys(AGENCY_COLUMNS, text)
    agency["officers"] = [dict.fromkeys(OFFICER_COLUMNS, text)]
    return agency


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_export_of_any_unicode_has_no_formula_and_no_control(text: str) -> None:
    """Whatever text a record holds, no exported CSV cell starts a formula or carries a
    control character."""
    rows = export_csv_rows([_record(text)])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    for row in csv.reader(io.StringIO(buffer.getvalue())):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            assert not (set(cell) & DANGEROUS)


def _shown(print_fn: object, *args: object) -> str:
    console = Console(file=io.StringIO(), width=400, force_terminal=False, color_system=None)
    print_fn(*args, console=console)  # type: ignore[operator]
    return console.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_listings_of_any_unicode_show_no_control_characters(text: str) -> None:
    """Whatever text a record holds, `agencies`, `officers` and `case show` print no
    control or bidi character (rich markup in the text is shown, not obeyed)."""
    agency = {**dict.fromkeys(AGENCY_COLUMNS, text), "active_officers": 1}
    officer = {**dict.fromkeys(OFFICER_COLUMNS, text), "agency_code": text, "status": text}
    view = {
        "reference": "ETK-0001",
        "kind": "enrollment",
        "status": "in_review",
        "sender": text,
        "created_at": "2026-11-02T09:00:00",
        "flags": [{"flag": "x", "label": text}],
        "fields": [
            {"path": "agency.name", "value": text, "source": {"message": 1, "sender": text}}
        ],
        "messages": [
            {
                "message": 1,
                "date": text,
                "sender": text,
                "message_id": text,
                "subject": text,
                "verification": {"configured": True, "reason": text},
            }
        ],
        "questions": [
            {"field": text, "question": text, "candidates": [{"value": text, "where": text}]}
        ],
        "notes": [{"message": 1, "text": text}],
        "checklist": {"complete": False, "lines": [text]},
        "conflicts": [{"path": "agency.name", "value": text, "detail": text}],
        "proposals": [
            {
                "id": 1,
                "status": "pending",
                "reason": text,
                "kind": "follow_up",
                "message": {"message": 2, "sender": text, "date": text},
                "changes": [{"path": "agency.name", "old": text, "new": text, "contact": False}],
                "decided_by": None,
                "note": None,
            }
        ],
        "history": [
            {"at": "2026-11-02T09:00:00", "actor": text, "action": text, "detail": {"x": text}}
        ],
    }
    for out in (
        _shown(print_agencies, [agency]),
        _shown(print_officers, [officer]),
        _shown(print_case, view),
    ):
        body = out.replace("\n", "")
        assert not (set(body) & SHOWN_DANGEROUS), repr(out)
