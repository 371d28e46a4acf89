"""What a forwarded message asks: a forward of a forward is unwrapped down to the request,
and the forwarding note's own request decides over the words of a letter it sends on."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_a_forward_of_a_forward_is_read_down_to_the_enrolment() -> None:
    body = (
        "Hi,\n\nSending this on for the chief, his mail kept bouncing.\n\nPat Ferro\n"
        "Town Clerk\n\n"
        "From: Lee Varga <lvarga@eastbrookvt.test>\nSent: Monday, June 2, 2025 9:10 AM\n"
        "To: Pat Ferro <pferro@eastbrookvt.test>\nSubject: FW: e-ticket signup\n\n"
        "Pat - can you send this one to DPS for me? Thanks, Lee\n\n"
        "From: Lee Varga\nSent: Friday, May 30, 2025 3:02 PM\nTo: dps.eTicket@vermont.gov\n"
        "Subject: e-ticket signup\n\n"
        "Hello,\n\nThe Eastbrook Police Department would like to start issuing tickets "
        "electronically.\n\nJudiciary code: 0977\nAddress: 12 Mill Road, Eastbrook, VT 05999\n"
        "Phone: 802-555-0171\n\nOfficers:\nVarga, Lee, Chief, 77E01, lee.varga\n"
        "Soto, Ana, Officer, 77E04, ana.soto\n\nThanks,\nLee Varga\nChief of Police\n"
    )
    result = parse_message(
        mail(body, sender="Pat Ferro <pferro@eastbrookvt.test>", subject="FW: FW: e-ticket signup")
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0977"
    assert [o.officer_number for o in result.officers] == ["77E01", "77E04"]


def test_the_note_s_move_request_decides_over_the_letter_it_forwards() -> None:
    body = (
        "Morning,\n\nDeputy Ivo Marsh came over to us from Grand Isle County. His offer "
        "letter is below. Please move his TraCS record over to Eastbrook Police Department."
        "\n\nThanks,\nKim\n\n"
        "From: Payroll <payroll@eastbrookvt.test>\nSent: Monday, June 2, 2025 9:10 AM\n"
        "To: Ivo Marsh <imarsh@eastbrookvt.test>\nSubject: Your offer\n\n"
        "Dear Ivo,\n\nWe are glad to confirm your start date of June 9. Please complete your "
        "health plan enrollment within 30 days.\n\nPayroll\n"
    )
    result = parse_message(
        mail(body, sender="Kim Lace <klace@eastbrookvt.test>", subject="FW: Your offer")
    )
    assert result.intent == "officer_maintenance"
    assert result.changes and result.changes[0].model_dump()["last_name"] == "Marsh"
