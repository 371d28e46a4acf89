"""A note that points at an attached table of ADD / REMOVE rows asks for those changes,
though the table's officers alone would read as an enrolment's roster."""

from __future__ import annotations

from dataclasses import dataclass

from mailbot.intake.change_documents import changes_attached
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import load_rules


@dataclass(frozen=True)
class _Paper:
    filename: str
    text: str
    grid: list[list[str]]


def test_a_note_sending_changes_read_as_an_enrolment_asks_for_the_changes() -> None:
    paper = _Paper(
        "changes.pdf",
        "Eastbrook Police Department - TraCS Officer Record Changes - June 2025\n\n"
        "Action    Last     First    Rank      Officer #    DPS Username    Notes\n\n"
        "ADD       Quill    Rosa     Officer   77E09        rquill          Academy grad\n\n"
        "REMOVE    Dunn     Abel     Officer   77E02        adunn           Resigned 5/30\n",
        [],
    )
    note = (
        "Good morning,\n\nPlease see the attached changes from Lt. Orr. Let me know if you "
        "have any questions.\n"
    )
    parts = MessageParts(subject="FW: TraCS changes", text=note, documents=[paper])
    assert changes_attached(note, parts, load_rules(), "enrollment", 1)
