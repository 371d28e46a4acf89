"""Values read into the role they hold and cut where they end: an agency named after
"PoC," in a sign-off is no person (the signer is the PoC), the PoC
signed under the note that forwards a message, a PoC named by rank and last name in a
sentence the sender's own sign-off follows, an agency name that runs on into the agency's
other values, an agency of constables, and a login cell saying "he does not have one
yet"."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def test_an_agency_after_poc_in_a_sign_off_leaves_the_signer_as_the_contact() -> None:
    body = (
        "Hi,\n\nPlease add our new hire to TraCS under Kestrel PD:\n\n"
        "Officer Mara Lindqvist\nLEO #: KS210\nDPS username: mlindqvist\n\n"
        "She finished training with me. Thanks!\n\n"
        "Sgt. Thomas Abernethy\ne-Ticket PoC, Kestrel Police Department\n"
    )
    result = parse_message(
        mail(body, sender="Thomas Abernethy <tabernethy@kestrelvt.gov>", subject="New officer")
    )
    poc = result.point_of_contact
    assert (poc.name, poc.email) == ("Thomas Abernethy", "tabernethy@kestrelvt.gov")


def test_the_poc_signed_under_a_forwarding_note_is_the_sender() -> None:
    body = (
        "Forwarding per the Chief. Please update Cpl. Vachon to Sergeant in TraCS.\n\n"
        "Ivy Norwood\nKestrel PD e-ticket PoC\n\n"
        "---------- Forwarded message ---------\n"
        "From: Chief Al Brandt <abrandt@kestrelvt.gov>\n"
        "Date: Wed, Nov 18, 2026 at 3:10 PM\n"
        "Subject: promotion\n"
        "To: Ivy Norwood <inorwood@kestrelvt.gov>\n\n"
        "Ivy,\nPaul Vachon (LEO 44V12) is being promoted to Sergeant. Please let the DPS "
        "people know. His username is pvachon.\nAl\n"
    )
    result = parse_message(
        mail(body, sender="Sgt. Ivy Norwood <inorwood@kestrelvt.gov>", subject="Fwd: promotion")
    )
    poc = result.point_of_contact
    assert (poc.name, poc.email) == ("Ivy Norwood", "inorwood@kestrelvt.gov")


def test_a_poc_by_rank_and_last_name_is_not_the_signer_below() -> None:
    body = (
        "Hi,\n\nThe chief asked me to send this. Please set up Kestrel Police Department, "
        "judiciary code 0577, with these officers:\n\n"
        "- Chief Al Brandt, LEO 44B01, user abrandt\n"
        "- Officer Greta Holm, LEO 44H02, user gholm\n\n"
        "Address 3 Mill Street, Kestrel, VT 05999. Phone 802-555-0166.\n"
        "Point of contact will be Officer Holm.\n\n"
        "Mary Beth Ouellette\nTown Clerk's Office, Kestrel\n"
    )
    result = parse_message(
        mail(body, sender="Mary Beth Ouellette <mbouellette@kestrelvt.org>", subject="TraCS")
    )
    assert result.point_of_contact.name == "Greta Holm"


def test_an_agency_name_running_on_into_its_values_is_cut_at_its_end() -> None:
    body = (
        "Hello,\n\nWe would like to take part in the e-ticket program.\n\n"
        "Agency details for the header: Kestrel Police Department, 3 Mill Street, "
        "Kestrel, VT 05999, 802-555-0166. Judiciary code 0577. The roster is attached.\n\n"
        "Al Brandt\nChief of Police\n"
    )
    result = parse_message(
        mail(body, sender="Al Brandt <abrandt@kestrelvt.gov>", subject="e-ticket enrollment")
    )
    assert result.agency.name == "Kestrel Police Department"
    assert result.agency.judiciary_code == "0577"


def test_an_agency_of_constables_is_named_in_the_sign_off() -> None:
    body = (
        "Good morning,\n\nPlease deactivate the TraCS record for Officer Ned Pike, LEO "
        "KC104. He retired at the end of October.\n\nThanks,\nRuth Ambler\nKestrel Constables\n"
    )
    result = parse_message(
        mail(body, sender="Ruth Ambler <rambler@kestrelvt.gov>", subject="Remove Ned Pike")
    )
    assert result.agency.name == "Kestrel Constables"


def test_a_login_cell_saying_he_has_none_yet_gives_no_login() -> None:
    body = (
        "Good afternoon,\n\nPlease set up Kestrel Police Department for e-tickets.\n\n"
        "Point of contact: Officer Greta Holm, gholm@kestrelvt.us\n\n"
        "Agency information\nKestrel Police Department\nJudiciary Code 0577\n"
        "3 Mill Street\nKestrel, VT 05999\n802-555-0166\n\n"
        "Officers\n"
        "Brandt, Al - Chief - VT LEO KS001 - DPS user abrandt\n"
        "Holm, Greta - Officer - VT LEO KS009 - DPS user: she does not have one yet, "
        "just started in October\n\n"
        "Al Brandt\nChief of Police\n"
    )
    result = parse_message(
        mail(body, sender="Al Brandt <abrandt@kestrelvt.us>", subject="e-ticket request")
    )
    holm = next(o for o in result.officers if o.last_name == "Holm")
    assert holm.dps_username is None
    assert "officers[1].dps_username" in result.missing


def test_the_signer_of_a_letter_the_cover_note_sends_as_his_is_the_head() -> None:
    from tests.data import build
    from tests.pdfs import text_pdf

    letter = [
        ["Office of the County Prosecutor - Investigations Unit"],
        ["Dear e-Ticket Staff,"],
        ["Our unit would like to participate in the e-ticketing program."],
        ["I have designated Wren Tamsin, IT Liaison, as our e-ticket Point-of-Contact."],
        ["Judiciary code: 0577"],
        ["Address: 3 Mill Street, Kestrel, VT 05999"],
        ["Phone: 802-555-0166"],
        ["Respectfully,"],
        ["Howard Lindqvist"],
        ["Chief Investigator"],
        ["Office of the County Prosecutor - Investigations Unit"],
    ]
    note = (
        "Hi e-Ticket team,\n\nSending over the participation letter from Chief Investigator "
        "Lindqvist and our user list.\n\nThanks\n\nWren Tamsin\nIT Liaison\n"
        "Office of the County Prosecutor - Investigations Unit\n"
    )
    raw = build.eml(
        text=note,
        sender="Wren Tamsin <wren.tamsin@kestrel.test>",
        subject="e-Ticket agency request",
        attachments=[("Participation letter.pdf", "application/pdf", text_pdf(letter))],
    )
    head = parse_message(raw).head_of_department
    assert (head.name, head.title) == ("Howard Lindqvist", "Chief Investigator")
