"""Roster changes as chiefs write them: names with an apostrophe, a hyphen, a "St." or a
letter beyond ASCII read whole; adds marked as such; the username and title written
beside a deactivated officer kept with him."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import Change
from mailbot.intake.parse import parse_message


def _changes(body: str, subject: str = "Roster changes") -> list[Change]:
    msg = EmailMessage()
    msg["From"] = "Lt. Ines Varga <ivarga@dorsetvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    return result.changes


def _by_number(changes: list[Change]) -> dict[str | None, dict[str, object]]:
    return {c.officer_number: c.model_dump(exclude_none=True) for c in changes}


def test_names_with_apostrophe_hyphen_st_and_accents_read_whole() -> None:
    got = _by_number(
        _changes(
            "Hello,\n\nFour changes for Dorset PD:\n\n"
            "- Officer Kieran D'Arcy (DO3K1) resigned, please deactivate.\n"
            "- Sergeant Paula Lindqvist-Ortega (DO4P2) was promoted to Lieutenant.\n"
            "- Officer Rémi Gauthier (DO5R3) retired last week, please deactivate.\n"
            "- Officer Colette St. Onge (DO6C4) was promoted to Corporal.\n\n"
            "Thanks,\nInes Varga\n"
        )
    )
    assert got["DO3K1"]["last_name"] == "D'Arcy"
    assert got["DO4P2"]["last_name"] == "Lindqvist-Ortega"
    assert got["DO5R3"]["first_name"] == "Rémi"
    assert got["DO6C4"]["last_name"] == "St. Onge"
