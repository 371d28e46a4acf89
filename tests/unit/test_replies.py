"""Reply templates, their rendering, and the plain-words checklist."""

from __future__ import annotations

from typing import Any

import pytest

from mailbot.checklist import describe, describe_changes
from mailbot.errors import ReplyError
from mailbot.intake.model import Invalid, Officer, ParseResult
from mailbot.replies import TEMPLATE_NAMES, render
from mailbot.resources import templates_dir

SIGNATURE = "DPS e-Ticket technical staff"

OFFICERS = [
    {
        "last_name": "Lussier",
        "first_name": "Amy",
        "title": "Officer",
        "officer_number": "HA0141",
        "dps_username": "alussier",
    },
    {
        "last_name": "Müller-D'Arcy",
        "first_name": "José",
        "title": "Sergeant",
        "officer_number": "HA021",
        "dps_username": "jmuller",
    },
    {
        "last_name": "Brown",
        "first_name": "Kevin",
        "title": "Officer",
        "officer_number": "HA022",
        "dps_username": None,
    },
]


def _incomplete_request() -> ParseResult:
    return ParseResult(
        intent="enrollment",
        sender="chief@stalbanspd.example",
        officers=[Officer(**o) for o in OFFICERS],
        missing=["agency.judiciary_code", "point_of_contact.email", "officers[2].dps_username"],
        invalid=[
            Invalid(field="officers[0].officer_number", reason="must be 5 characters (got 6)")
        ],
    )


def _context(name: str) -> dict[str, Any]:
    data = _incomplete_request().to_json_dict()
    checklist = describe(data["missing"], data["invalid"], data["officers"], request=data)
    changes = [
        {"action": "update", "officer_number": "HA022", "title": "Sergeant"},
        {"action": "add", "officer_number": "HA030", "last_name": "Roy", "first_name": "Zoé"},
    ]
    common: dict[str, Any] = {"reference": "ETK-0042", "agency_name": "St. Albans Police Dept."}
    per_template: dict[str, dict[str, Any]] = {
        "acknowledgement": {},
        "checklist": {"checklist": checklist},
        "complete": {},
        "unreadable": {"reason": "the message had no text we could read.", "agency_name": None},
        "too_large": {"limit_bytes": 20 * 1024 * 1024, "agency_name": None},
        "ready_for_use": {"judiciary_code": "0614", "poc_name": "Zoé D'Arcy", "officers": OFFICERS},
        "judicial_bureau_notice": {"judiciary_code": "0614", "officers": OFFICERS},
        "rejected": {"reason": "The agency already has a TraCS record."},
        "maintenance_received": {"changes": describe_changes(changes)},
        "maintenance_applied": {
            "changes": describe_changes(changes, {"HA022": {"title": "Officer"}})
        },
        "maintenance_refused": {},
        "contact_changed": {
            "role": "point of contact",
            "old_address": "chief@agency.gov",
            "new_address": "clerk@agency.gov",
        },
    }
    context = {**common, **per_template[name]}
    if name in ("unreadable", "too_large"):
        context.pop("agency_name")
    return context


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_renders_signed_with_reference(name: str) -> None:
    """Every reply renders in text and HTML, signed by the staff, quoting the case reference."""
    rendered = render(name, **_context(name))
    assert rendered.subject and "\n" not in rendered.subject
    for body in (rendered.text, rendered.html):
        assert SIGNATURE in body
        assert "ETK-0042" in body
    assert rendered.html.lstrip().startswith("<!DOCTYPE html>")


def test_every_template_folder_is_complete() -> None:
    """Each reply has a subject, a plain-text body and an HTML body on disk."""
    for name in TEMPLATE_NAMES:
        for part in ("subject.txt", "body.txt", "body.html"):
            assert (templates_dir() / name / part).is_file(), f"{name}/{part}"


def test_html_special_characters_escaped_in_html_literal_in_text() -> None:
    """An officer named with <, & and quotes appears literally in text and escaped in HTML."""
    officers = [{**OFFICERS[0], "last_name": "O'Brien <b>& Co</b>", "first_name": "Zoé"}]
    ctx = {**_context("ready_for_use"), "officers": officers}
    rendered = render("ready_for_use", **ctx)
    assert "O'Brien <b>& Co</b>, Zoé" in rendered.text
    assert "<b>& Co</b>" not in rendered.html
    assert "O&#39;Brien &lt;b&gt;&amp; Co&lt;/b&gt;" in rendered.html


def test_accents_and_apostrophes_round_trip() -> None:
    """Names such as José Müller-D'Arcy reach the reader unchanged."""
    rendered = render("ready_for_use", **_context("ready_for_use"))
    assert "Müller-D'Arcy, José (Sergeant), officer number HA021" in rendered.text
    assert "Hello Zoé D'Arcy," in rendered.text
    assert "Müller-D&#39;Arcy" in rendered.html


def test_ready_for_use_lists_records_and_next_steps() -> None:
    """The ready-for-use email lists each officer record and the section 7 next steps."""
    text = render("ready_for_use", **_context("ready_for_use")).text
    for officer in OFFICERS[:2]:
        assert str(officer["officer_number"]) in text
        assert str(officer["dps_username"]) in text
    assert "JB Approval to Issue e-Tickets (TraCS/Spillman)" in text
    assert "Judicial Bureau within 48 hours" in text
    assert "TraCS training" in text
    assert "None" not in text


def test_missing_variable_raises() -> None:
    """Forgetting a template variable fails loudly instead of sending a half-empty email."""
    context = _context("rejected")
    del context["reason"]
    with pytest.raises(ReplyError, match="reason"):
        render("rejected", **context)


@pytest.mark.parametrize("name", ["no_such_reply", "../templates", "_layout.html", ""])
def test_unknown_template_raises(name: str) -> None:
    """Asking for a template that does not exist is refused with a clear error."""
    with pytest.raises(ReplyError, match="unknown reply template"):
        render(name, reference="ETK-0001")


def test_subject_is_one_line_even_with_line_breaks_in_values() -> None:
    """A CR/LF smuggled into an agency name never splits the subject line."""
    ctx = {**_context("ready_for_use"), "agency_name": "Evil PD\r\nBcc: x@evil.example"}
    rendered = render("ready_for_use", **ctx)
    assert rendered.subject == "TraCS records ready for use: Evil PD Bcc: x@evil.example"


def test_control_characters_are_dropped_from_values() -> None:
    """NUL bytes and bidi overrides in inbound values do not reach the reply."""
    ctx = {**_context("rejected"), "agency_name": "Rut\x00land\u202e PD"}
    rendered = render("rejected", **ctx)
    assert "Rutland PD" in rendered.text
    assert "Rutland PD" in rendered.html
    assert "\x00" not in rendered.text + rendered.html


def test_too_large_gives_limit_in_megabytes() -> None:
    """The too-large notice states the size limit in MB."""
    rendered = render("too_large", reference=None, limit_bytes=20 * 1024 * 1024)
    assert "20 MB" in rendered.text
    assert "20 MB" in rendered.html
    assert "Reference:" not in rendered.text


def test_checklist_wording_for_incomplete_request() -> None:
    """Missing and invalid items read as plain words naming the officer row and person."""
    data = _incomplete_request().to_json_dict()
    checklist = describe(data["missing"], data["invalid"], data["officers"], request=data)
    assert checklist.lines() == [
        "the agency's 4-digit judiciary code",
        "the email address of the e-ticket point of contact",
        "officer 1 (Lussier, Amy): officer number HA0141 must be 5 characters (got 6)",
        "officer 3 (Brown, Kevin): DPS domain username is missing",
    ]
    assert [s.title for s in checklist.sections] == [
        "Agency",
        "Point of contact",
        "Officer 1 (Lussier, Amy)",
        "Officer 3 (Brown, Kevin)",
    ]
    assert "Judiciary Code: 0614" in checklist.examples
    assert "Brown | Kevin | Officer | HA022 | kbrown" in checklist.examples


def test_checklist_email_groups_items_and_asks_for_a_reply() -> None:
    """The checklist email groups items by section, shows how to answer, and keeps the tag."""
    rendered = render("checklist", **_context("checklist"))
    text = rendered.text
    assert text.index("Agency:") < text.index("Point of contact:") < text.index("Officer 3")
    assert "  - DPS domain username is missing" in text
    assert "As we have it: Brown | Kevin | Officer | HA022 | ____" in text
    assert "Judiciary Code: 0614" in text
    assert "keep [ETK-0042] in the subject" in text
    assert "<li>DPS domain username is missing</li>" in rendered.html


def test_checklist_tolerates_unknown_paths_and_bad_entries() -> None:
    """Odd paths, out-of-range rows and malformed entries still give readable lines."""
    checklist = describe(
        ["officers[9].title", "agency.fax_number", "something_else", "officers"],
        [{"reason": "unreadable"}, {"field": "agency.phone", "reason": "not a phone number"}],
        [],
        request={"agency": {"phone": "12"}},
    )
    lines = checklist.lines()
    assert "officer 10: rank/title is missing" in lines
    assert "agency: fax number is missing" in lines
    assert "something else is missing" in lines
    assert "the agency phone number 12: not a phone number" in lines
    assert any(line.startswith("the list of officers who will issue e-tickets") for line in lines)
    assert len(lines) == 6


def test_checklist_reasons_count_rows_from_one() -> None:
    """A reason pointing at another row names it the way people count ("officer 2")."""
    checklist = describe(
        [],
        [{"field": "officers[2].officer_number", "reason": "duplicate of officers[1]"}],
        OFFICERS,
    )
    assert checklist.lines() == [
        "officer 3 (Brown, Kevin): officer number HA022: duplicate of officer 2"
    ]


def test_checklist_is_empty_when_nothing_is_missing() -> None:
    """A complete request gives an empty checklist."""
    checklist = describe([], [], OFFICERS)
    assert not checklist
    assert len(checklist) == 0


def test_long_inbound_values_are_cut_in_checklist() -> None:
    """A huge pasted value is not echoed back whole."""
    officers = [{"last_name": "X" * 5000, "first_name": "Y"}]
    checklist = describe(["officers[0].title"], [], officers)
    assert len(checklist.lines()[0]) < 120


def test_roster_changes_described_from_what_to_what() -> None:
    """Applied roster changes say what changed from what to what; requests say what is asked."""
    changes = [
        {"action": "update", "officer_number": "HA022", "title": "Sergeant"},
        {"action": "deactivate", "officer_number": "HA021"},
        {
            "action": "add",
            "officer_number": "HA030",
            "last_name": "Roy",
            "first_name": "Zoé",
            "title": "Officer",
            "dps_username": "zroy",
        },
    ]
    before = {
        "HA022": {"last_name": "Brown", "first_name": "Kevin", "title": "Officer"},
        "HA021": {"last_name": "Müller", "first_name": "José"},
    }
    assert describe_changes(changes, before) == [
        "Changed Brown, Kevin (HA022): rank/title from Officer to Sergeant",
        "Deactivated: Müller, José (HA021)",
        "Added: Roy, Zoé (HA030), Officer, username zroy",
    ]
    assert describe_changes(changes[:1]) == ["Change HA022: rank/title to Sergeant"]
