"""Roster changes: a list signed without a sign-off word, the sender's name over the
office's address and phone: those are a signature's, not an enrolment's values, so the
message is officer maintenance; and a deactivation whose officer number comes in the
next sentence ("Please close out his record - officer number ...")."""

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


def test_the_number_in_the_next_sentence_of_a_named_officer_s_deactivation() -> None:
    """ "Sgt. X passed away ... Please close out his record - officer number 4QK12": the
    number belongs to the officer the change named."""
    msg = EmailMessage()
    msg["From"] = "Chief Alma Reyes <areyes@ludlowvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Officer record"
    msg.set_content(
        "Hello,\n\nI am sorry to report that Sgt. Victor Lindqvist of our department passed "
        "away last week. Victor trained most of our officers.\n\n"
        "Please close out his TraCS officer record - officer number 4QK12, login vlindqvist.\n\n"
        "Respectfully,\nChief Alma Reyes\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("deactivate", "4QK12")]


def _maintenance(body: str) -> list[tuple[str, str | None]]:
    msg = EmailMessage()
    msg["From"] = "Lt. Ada Crane <acrane@ludlowvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Roster"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    return [(c.action, c.officer_number) for c in result.changes]


def test_two_officers_in_one_sentence_each_with_a_number() -> None:
    """ "... create records for Officer A, LEO number X1, and for Officer B, LEO number
    X2": two adds; "Remove Kemp LU551 and Ortiz LU552": two deactivations (the second
    clause takes the first's "Remove")."""
    adds = _maintenance(
        "Hi,\n\nTwo new officers finished their field training. Please create records for "
        "Officer Nora Kemp, her LEO number is LU551 and her DPS username is nkemp, and for "
        "Officer Raul Ortiz, LEO number LU552, DPS username rortiz.\n\nThanks,\nLt. Ada Crane\n"
    )
    assert adds == [("add", "LU551"), ("add", "LU552")]
    from mailbot.intake.changes import read_changes
    from mailbot.intake.rules import load_rules

    removes = read_changes("Remove Kemp LU551 and Ortiz LU552. Thx\n", load_rules(), [])
    assert [(c.action, c.officer_number, c.last_name) for c in removes] == [
        ("deactivate", "LU551", "Kemp"),
        ("deactivate", "LU552", "Ortiz"),
    ]


def test_pull_his_access_when_moving_to_another_agency_is_a_deactivation() -> None:
    """ "Sgt. X is moving over to Y PD ... so have them pull his access (his number is
    Z)": the access is switched off, not the record moved."""
    changes = _maintenance(
        "Hello,\n\nSgt. Brody Tanner is moving over to Ludlow PD at the end of the month, so "
        "please pull his access (his number is LU118).\n\nThanks,\nLt. Ada Crane\n"
    )
    assert changes == [("deactivate", "LU118")]
