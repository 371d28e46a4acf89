"""Every limit hit or part skipped while reading leaves a note in plain words."""

from __future__ import annotations

from mailbot.intake.limits import Limits
from mailbot.intake.message import read_message
from mailbot.intake.parse import parse_parts
from mailbot.intake.rules import load_rules
from tests.data.build import eml, png

RULES = load_rules()
ROSTER = (
    "Last Name\tFirst Name\tRank\tOfficer Number\tDPS Username\n"
    "Hale\tJordan\tOfficer\tNW002\tjhale\n"
    "Lee\tCasey\tOfficer\tNW003\tclee\n"
    "Morse\tDana\tChief\tNW001\tdmorse\n"
)


def notes_of(raw: bytes, limits: Limits) -> list[str]:
    parts = read_message(raw, limits)
    result = parse_parts(parts, RULES, limits)
    return [*parts.notes, *result.notes]


def test_officers_cut_at_max_officers_are_noted() -> None:
    """A roster longer than [limits] max_officers says how many were read."""
    raw = eml(text="Please enrol our officers.\n\n" + ROSTER)
    notes = notes_of(raw, Limits(max_officers=2))
    assert notes == ["only the first 2 of 3 officers were read"]


def test_image_over_the_pixel_limit_is_noted() -> None:
    """A logo image larger than [limits] max_image_pixels is refused with a note."""
    raw = eml(text="Our logo is attached.", attachments=[("logo.png", "image/png", png(400, 300))])
    notes = notes_of(raw, Limits(max_image_pixels=10_000))
    assert notes == [
        "logo.png: not opened, the image is 400 x 300 pixels, over the limit of 10,000"
    ]


def test_attachments_beyond_the_limit_are_noted() -> None:
    """Attachments past [limits] max_attachments are named as skipped."""
    raw = eml(
        text="Logo attached.",
        attachments=[
            ("logo.png", "image/png", png(120, 80)),
            ("patch.png", "image/png", png(120, 80)),
        ],
    )
    assert notes_of(raw, Limits(max_attachments=1)) == [
        "patch.png: skipped, more than 1 attachments"
    ]


def test_unreadable_winmail_dat_is_noted() -> None:
    """A damaged Outlook winmail.dat is named in a note rather than silently dropped."""
    raw = eml(
        text="See attached.",
        attachments=[("winmail.dat", "application/ms-tnef", b"\x78\x9f\x3e\x22garbage" * 4)],
    )
    notes = notes_of(raw, Limits())
    assert notes and all(n.startswith("winmail.dat: ") for n in notes)


def test_nothing_skipped_means_no_notes() -> None:
    """An ordinary request carries no notes."""
    raw = eml(text="Please enrol our officers.\n\n" + ROSTER)
    assert notes_of(raw, Limits()) == []
