"""A list of roster changes signed without a sign-off word, the sender's name over the
office's address and phone: those are a signature's, not an enrolment's values, so the
message is officer maintenance."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def test_changes_over_a_signature_without_sign_off_are_maintenance() -> None:
    msg = EmailMessage()
    msg["From"] = "Colleen Marsh <cmarsh@ludlowvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Updates - Ludlow PD"
    msg.set_content(
        "Hi,\n\nSome updates for Ludlow PD (judiciary code 0644):\n\n"
        "1. NEW HIRE - Officer Grant Peloquin, officer number LU4G2, DPS username gpeloquin\n"
        "2. RETIRED - Sgt. Alan Voss (LU1A7) retired on 11/02, please deactivate\n\n"
        "Reach out with any questions.\n\n"
        "Colleen Marsh\nOffice Manager\nLudlow Police Department\n"
        "37 Depot Street\nLudlow, VT 05149\n802-555-0190\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert {c.action for c in result.changes} >= {"add", "deactivate"}
