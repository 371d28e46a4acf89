"""Roster corrections and other wordings fresh messages were misread on, each from a
realistic message: a last name corrected letter by letter ("last name has one f:
Tardif"), and an enrolment told as past in a roster change ("keyed wrong when we
enrolled")."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from mailbot.intake.parse import parse_message


def _mail(body: str, *, sender: str, subject: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return msg.as_bytes()


def _read(body: str, subject: str = "Roster updates") -> Any:
    return parse_message(
        _mail(body, sender="Lt. Renee Gauthier <rgauthier@orleanssheriff.test>", subject=subject)
    )


def _changes(body: str) -> list[dict[str, Any]]:
    result = _read(body)
    assert result.intent == "officer_maintenance"
    return [c.model_dump(exclude_none=True) for c in result.changes]


def test_last_name_corrected_letter_by_letter_beside_a_new_hire() -> None:
    """ "last name has one f: Tardif" corrects Deputy Tardiff's record; the message is a
    roster change even though it says the name was keyed wrong "when we enrolled", and
    the correction is not taken for a second new hire."""
    result = _read(
        "Good afternoon,\n\nTwo roster items for Orleans County Sheriff's Office:\n\n"
        "1. Please add Deputy Kyle Brennan, VT LEO # OC219, DPS username kbrennan.\n"
        "2. Deputy Michelle Tardiff (OC212) - last name has one f: Tardif. It was entered"
        " wrong when we enrolled.\n\nThanks,\nLt. Renee Gauthier\n"
        "Orleans County Sheriff's Office\n"
    )
    assert result.intent == "officer_maintenance"
    assert result.missing == []
    got = {c.officer_number: c.model_dump(exclude_none=True) for c in result.changes}
    assert got["OC219"]["action"] == "add"
    assert got["OC212"] == {
        "action": "update",
        "officer_number": "OC212",
        "last_name": "Tardif",
        "first_name": "Michelle",
    }


@pytest.mark.parametrize(
    ("item", "number", "last"),
    [
        ("Deputy Michelle Tardiff, OC212 -- last name has one f: Tardif.", "OC212", "Tardif"),
        ("Ofc. Jon Philips (OC300) - his name has two Ls: Phillips.", "OC300", "Phillips"),
        ("Ofc. Amy Rousse (OC301), no e at the end: Rouss.", "OC301", "Rouss"),
        (
            "Cpl. Dan Maloney (OC302) - it is spelled with a double l, Malloney.",
            "OC302",
            "Malloney",
        ),
    ],
)
def test_letter_counted_in_a_name_is_a_spelling_correction(
    item: str, number: str, last: str
) -> None:
    """A letter counted or dropped ("one f", "two Ls", "no e at the end") marks the item a
    correction of the last name to the spelling it gives."""
    changes = _changes(f"Hi,\n\n{item}\n\nRenee\n")
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in changes] == [
        ("update", number, last)
    ]


@pytest.mark.parametrize(
    "sentence",
    ["No I don't think so.", "We have one a day.", "Call me at extension two-four."],
)
def test_words_that_only_look_like_letters_are_not_a_correction(sentence: str) -> None:
    """An unquoted "I" or "a", or a hyphenated word, after "no"/"one" is no letter count:
    such a note about an officer stays "other"."""
    result = _read(f"Hi,\n\nAbout Officer Dana Reyes: {sentence}\n\nRenee\n", subject="Note")
    assert result.intent == "other"
    assert result.changes == []
