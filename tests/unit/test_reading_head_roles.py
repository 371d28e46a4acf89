"""Who plays the head across a letter and the notes that carry it: the signer of an
attached letter is the head (not the assistant who sends it on); a chief who forwards
his staff's draft with his approval is the head (not the draft's writer); a writer who
acts "with the approval of our Director" names the head by title only."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.data import build
from tests.pdfs import text_pdf
from tests.reading_mail import mail

_LETTER = [
    ["BRANTWOOD POLICE DEPARTMENT"],
    ["To the e-Ticket desk,"],
    ["The Brantwood Police Department would like to begin issuing tickets electronically."],
    ["I have designated Corporal Wren Galloway as our Point-of-Contact."],
    ["Respectfully,"],
    ["Ottoline Fairbairn-Ngata"],
    ["Chief of Police"],
    ["Brantwood Police Department"],
    ["Judiciary code: 0719"],
    ["Agency name: Brantwood Police Department"],
    ["Address: 40 Kiln Road, Brantwood, VT 05997"],
    ["Phone: (802) 555-0131"],
    ["Officers:"],
    ["Galloway, Wren - Corporal - BW204 - wgalloway"],
    ["Ferrante, Luis - Officer - BW211 - lferrante"],
    ["Osei, Ama - Officer - BW215 - aosei"],
    ["Kettering, Joss - Officer - BW219 - jkettering"],
    ["Lindqvist, Saga - Officer - BW223 - slindqvist"],
    ["Moreau, Anatole - Officer - BW227 - amoreau"],
]

_COVER = """\
Good morning,

On behalf of Chief Fairbairn-Ngata, please find attached our request letter.

Thank you,

Hester Quayle
Administrative Assistant
Brantwood Police Department
"""


def test_the_signer_of_the_attached_letter_is_the_head() -> None:
    raw = build.eml(
        text=_COVER,
        sender="Hester Quayle <hquayle@brantwood.test>",
        subject="e-Ticket request letter",
        attachments=[("Request letter.pdf", "application/pdf", text_pdf(_LETTER))],
    )
    got = parse_message(raw)
    assert got.intent == "enrollment"
    assert got.head_of_department.name == "Ottoline Fairbairn-Ngata"
    assert got.head_of_department.title == "Chief of Police"


_DRAFT_NOTE = (
    "Good morning,\n\n"
    "Forwarding the request Mirela drafted for us. I have read it over and approve it as "
    "written. Logo attached.\n\n"
    "Thank you,\n\n"
    "Cassius Thornbury Chief of Police\tHalsey Police Department 9 Ferry Street, Halsey, "
    "VT 05996 Office 802-555-0160 x201\n\n"
    "From: Vukovic, Mirela <mvukovic@halsey.test>\n"
    "Sent: Monday, April 7, 2025 3:18 PM\n"
    "To: Thornbury, Cassius <cthornbury@halsey.test>\n"
    "Subject: Draft e-ticket request\n\n"
    "Chief,\n\n"
    "Here is the draft; they need it to come from you, so forward it to the desk if it "
    "looks right.\n\n"
    "Mirela\n\n"
    "---- DRAFT ----\n\n"
    "Good morning,\n\n"
    "Halsey Police Department would like to start issuing tickets electronically. I have "
    "designated Mirela Vukovic as the e-ticket Point-of-Contact.\n\n"
    "Judiciary code: 0733\n"
    "Address: 9 Ferry Street, Halsey, VT 05996\n"
    "Phone: 802-555-0160\n\n"
    "Officers:\n"
    "Sgt. Ivo Brandt - HP101 - ibrandt\n"
    "Officer Noor Haddad - HP117 - nhaddad\n\n"
    "Thank you,\n\n"
    "[Chief]\n\n"
    "--\n\n"
    "Mirela Vukovic\n\n"
    "Records Coordinator\n"
    "Halsey Police Department\n"
)


def test_a_chief_who_forwards_a_draft_with_his_approval_is_the_head() -> None:
    got = parse_message(
        mail(
            _DRAFT_NOTE,
            sender='"Thornbury, Cassius" <cthornbury@halsey.test>',
            subject="FW: Draft e-ticket request",
        )
    )
    assert got.head_of_department.name == "Cassius Thornbury"
    assert got.head_of_department.title == "Chief of Police"
    assert got.point_of_contact.name == "Mirela Vukovic"


_BY_APPROVAL = """\
Hello,

With the approval of our Commissioner, the Harbour Patrol Unit would like to start
issuing civil violation complaints electronically. I will be the e-ticket
Point-of-Contact for the unit.

Judiciary code: 0955
Name on the ticket: Harbour Patrol Unit
Address: 3 Wharf Lane, Port Kent, VT 05995
Phone: 802-555-0170

Officers:
Insp. Bram Oduya - HU301 - boduya
Insp. Tove Reinholt - HU305 - treinholt

Thanks,
Bram

Bram Oduya
Inspector Supervisor | Harbour Patrol Unit
"""


def test_a_head_spoken_of_by_title_is_not_the_writer() -> None:
    got = parse_message(
        mail(_BY_APPROVAL, sender="Bram Oduya <boduya@harbour.test>", subject="e-ticket")
    )
    assert got.point_of_contact.name == "Bram Oduya"
    assert got.head_of_department.name is None
    assert got.head_of_department.title == "Commissioner"


def test_a_forwarding_chief_signing_on_one_flattened_line_is_read_as_head() -> None:
    """The note's HTML signature flattened to one line, the approval said in passing:
    the sender himself, by his head title."""
    from mailbot.intake.forwards import note_head
    from mailbot.intake.rules import load_rules

    note = _DRAFT_NOTE.split("\n\nFrom: ")[0]
    got = note_head(note, '"Thornbury, Cassius"', load_rules())
    assert got == ("Cassius Thornbury", "Chief of Police")
