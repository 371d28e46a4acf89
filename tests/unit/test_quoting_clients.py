"""Quote and signature cutting for the mail clients people answer us with."""

from __future__ import annotations

import time

import pytest

from mailbot.intake.prose import split_signature
from mailbot.intake.quoting import split_message
from mailbot.intake.rules import load_rules

EXAMPLE_ROW = "Brown | Kevin | Officer | HA022 | kbrown"
OLD = f"Thank you for your e-Ticket (TraCS) request.\n\n  {EXAMPLE_ROW}\n"

QUOTED = {
    "outlook_from_wrapped": (
        "From: DPS e-Ticket <dps.eticket@\nvermont.gov>\nSent: Monday, November 2, 2026 9:00 AM\n"
        "To: Dana Morse <dmorse@norwich.test>\nSubject: [ETK-0001] More information\n\n"
    ),
    "outlook_from_name_wrapped": (
        "From: DPS e-Ticket\n<dps.eticket@vermont.gov>\nSent: Monday, November 2, 2026 9:00 AM\n"
        "To: Dana Morse\nSubject: [ETK-0001] More information\n\n"
    ),
    "french_hotmail": (
        "________________________________\nDe : DPS e-Ticket <dps.eticket@vermont.gov>\n"
        "Envoyé le : lundi 2 novembre 2026 09:00\nÀ : Dana Morse <dmorse@norwich.test>\n"
        "Objet : [ETK-0001] More information\n\n"
    ),
    "german": (
        "Von: DPS e-Ticket <dps.eticket@vermont.gov>\nGesendet: Montag, 2. November 2026 09:00\n"
        "An: Dana Morse <dmorse@norwich.test>\nBetreff: AW: [ETK-0001] More information\n\n"
    ),
    "german_thunderbird_name_after_verb": "Am 02.11.26 um 09:00 schrieb DPS e-Ticket:\n",
    "mobile_footer": "Sent from my iPhone\n\n",
    "outlook_mobile": "Get Outlook for Android\n\n",
    "wrote_without_colon": "On Mon, 2 Nov 2026 at 09:00, DPS e-Ticket wrote\n\n",
    "wrote_wrapped": (
        "On Mon, Nov 2, 2026 at 9:00 AM DPS e-Ticket <dps.eticket@vermont.gov>\nwrote:\n\n"
    ),
    "italian_by_second_opinion": (
        "Il giorno lun 2 nov 2026 alle ore 09:00 DPS e-Ticket <dps.eticket@vermont.gov> "
        "ha scritto:\n\n"
    ),
    "swedish_by_second_opinion": (
        "Den mån 2 nov. 2026 kl 09:00 skrev DPS e-Ticket <dps.eticket@vermont.gov>:\n\n"
    ),
    "wrote_wrapped_no_colon": (
        "On Mon, Nov 2, 2026 at 9:00 AM DPS e-Ticket <dps.eticket@vermont.gov>\nwrote\n\n"
    ),
}


@pytest.mark.parametrize("style", sorted(QUOTED))
def test_quoted_message_is_cut_whatever_the_client(style: str) -> None:
    """The old message under the answer (and its example officer row) is cut off."""
    split = split_message("Jordan's username is jhale\n\n" + QUOTED[style] + OLD)
    assert split.text.strip() == "Jordan's username is jhale"
    assert EXAMPLE_ROW in split.quoted


def test_sentence_ending_in_wrote_is_not_an_attribution() -> None:
    """ "On Monday the chief wrote" in running text without a date does not cut the rest."""
    text = "On Monday the chief wrote\nthat Hale's username is jhale."
    assert split_message(text).text == text


def test_a_dated_heading_in_the_answer_is_not_an_attribution() -> None:
    """ "Officers as of 2026:" above a roster is part of the answer, not a quote."""
    text = "Officers as of 2026:\n\nHale | Jordan | Officer | NW002 | jhale"
    assert split_message(text).text == text


def test_phone_footer_at_the_end_cuts_nothing() -> None:
    """ "Sent from my iPhone" as the last line leaves the message whole."""
    text = "Hale - jhale\n\nSent from my iPhone"
    assert split_message(text).text == text


def test_thanks_as_first_line_does_not_swallow_the_answer() -> None:
    """A reply opening with "Thanks!" keeps the rest of its text as the body."""
    split = split_signature("Thanks!\nJordan's username is jhale\n\nDana Morse\n", load_rules())
    assert "jhale" in split.body


def test_sign_off_at_the_end_still_cuts_the_signature() -> None:
    """ "Thanks," before the name still separates the signature."""
    split = split_signature("Thanks!\nHale - jhale\n\nThanks,\nDana Morse\nChief", load_rules())
    assert split.body.strip() == "Thanks!\nHale - jhale"
    assert "Dana Morse" in split.signature


@pytest.mark.parametrize(
    "text",
    [
        "From: " + "x" * 200_000,
        "From: a\n" + "b\n" * 100_000,
        "On " + "1" * 200_000,
        "On 2026 " + "wrote " * 30_000,
        "Sent from my iPhone" + " " * 200_000,
        ("From: a\n" + "x\n") * 50_000,
        ("On 2 Nov 2026 " * 10 + ":\n") * 1_000,
    ],
)
def test_quote_cutting_stays_linear(text: str) -> None:
    """Hostile 200 KB bodies are split in under a second of CPU time (CPU, not wall
    clock: the machine may be busy with other work)."""
    started = time.process_time()
    split_message(text)
    assert time.process_time() - started < 1.0
