"""Requests sent as a letter on paper: the head's signed letter attached as a PDF under a
clerk's short cover note, the note's sign-off naming the department."""

from __future__ import annotations

from mailbot.intake.attachments import DOCX
from mailbot.intake.parse import parse_message
from tests.data import build
from tests.pdfs import text_pdf

_LETTER = [
    ["FAIRHAVEN POLICE DEPARTMENT"],
    ["7 Depot Street, Fairhaven, VT 05743 - (802) 555-0188"],
    ["Dear e-Ticket staff,"],
    ["The Fairhaven Police Department would like to begin issuing tickets electronically."],
    ["I have designated Corporal Ada Pryce as our Point-of-Contact, apryce@fairhaven.test."],
    ["Agency name: Fairhaven Police Department"],
    ["Judiciary code: 0592"],
    ["Address: 7 Depot Street, Fairhaven, VT 05743"],
    ["Phone: (802) 555-0188"],
    ["Please create officer records for:"],
    ["Marsh, Colin - Chief - F5901 - cmarsh"],
    ["Pryce, Ada - Corporal - F5912 - apryce"],
    ["Respectfully,"],
    ["Colin Marsh"],
    ["Chief of Police"],
]

_NOTE = """\
Hi,

Attached please find Chief Marsh's letter asking for e-ticket setup. Our seal is
attached too, as a png.

Thanks,
Lydia Venn
Office Manager
Fairhaven Police Department
"""


def test_a_letter_attached_under_a_note_signed_with_the_department_is_the_request() -> None:
    """The note's sign-off names the department, a value of its own: the attached
    letter, which carries the agency's values, is still the request to read."""
    raw = build.eml(
        text=_NOTE,
        sender="Lydia Venn <lvenn@fairhaven.test>",
        subject="Letter from the Chief - e-ticket",
        attachments=[
            ("Marsh letter.pdf", "application/pdf", text_pdf(_LETTER)),
            ("fairhaven_seal.png", "image/png", build.png(120, 120)),
        ],
    )
    got = parse_message(raw).to_json_dict()
    assert got["intent"] == "enrollment"
    agency = got["agency"]
    assert agency["judiciary_code"] == "0592"  # type: ignore[index]
    assert agency["address"] == "7 Depot Street, Fairhaven, VT 05743"  # type: ignore[index]
    assert [o["officer_number"] for o in got["officers"]] == ["F5901", "F5912"]  # type: ignore[union-attr]
    assert got["point_of_contact"] == {"name": "Ada Pryce", "email": "apryce@fairhaven.test"}
    assert got["missing"] == []


_WORD_LETTER = [
    "Dear e-Ticket staff,",
    "The Quarry Hill Police Department asks to be set up for electronic tickets.",
    "Sergeant Nell Orcutt is our Point-of-Contact (norcutt@quarryhill.test).",
    "Judiciary code: 0688",
    "Name for the ticket: Quarry Hill Police Department",
    "Address and telephone: as printed on our letterhead",
    "Respectfully,",
    "Abel Whitcomb, Chief of Police",
]


def test_a_word_letters_letterhead_gives_the_address_and_phone_it_points_to() -> None:
    """The letter says its address and phone are "as printed on our letterhead": the
    words are no address, and the page header of the Word file holds both."""
    letter = build.docx(
        paragraphs=_WORD_LETTER,
        header=[
            "QUARRY HILL POLICE DEPARTMENT",
            "402 Granite Lane \u2022 Quarry Hill, Vermont 05699",
            "Phone (802) 555-0143 \u2022 quarryhill.test",
        ],
    )
    raw = build.eml(
        text="Hello,\n\nMy letter is attached, with our badge.\n\n"
        "Officers:\nWhitcomb, Abel - Chief - QH101 - awhitcomb\n"
        "Orcutt, Nell - Sergeant - QH114 - norcutt\n\nAbel Whitcomb\n",
        sender="Abel Whitcomb <awhitcomb@quarryhill.test>",
        attachments=[
            ("letter.docx", DOCX, letter),
            ("badge.png", "image/png", build.png(120, 120)),
        ],
    )
    got = parse_message(raw).to_json_dict()
    agency = got["agency"]
    assert agency["address"] == "402 Granite Lane, Quarry Hill, Vermont 05699"  # type: ignore[index]
    assert agency["phone"] == "(802) 555-0143"  # type: ignore[index]
    assert "agency.address" not in got["missing"]  # type: ignore[operator]
    assert "agency.phone" not in got["missing"]  # type: ignore[operator]


def test_a_labelled_value_that_points_to_the_signature_is_read_from_the_signature() -> None:
    """ "Address: see my signature below" names no address: the signature's one-line
    address (its pieces apart by a bar) is the agency's."""
    text = (
        "Hello,\n\nWe would like to join e-ticketing.\n\n"
        "Judiciary code: 0677\n"
        "Agency name: Marlow Falls Police Department\n"
        "Address: see my signature below\n"
        "Phone: (802) 555-0190\n\n"
        "Officers:\nTrask, Ivy - Chief - MF201 - itrask\n\n"
        "Thank you,\nIvy Trask\nChief of Police\n"
        "19 Mill Road | Marlow Falls, VT 05698\n"
    )
    raw = build.eml(text=text, sender="Ivy Trask <itrask@marlowfalls.test>")
    got = parse_message(raw).to_json_dict()
    assert got["agency"]["address"] == "19 Mill Road, Marlow Falls, VT 05698"  # type: ignore[index]
    assert not any(i["field"] == "agency.address" for i in got["invalid"])  # type: ignore[union-attr, index]


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_terse_note_over_a_spreadsheet_of_labels_and_values_reads_the_sheet() -> None:
    """ "Everything is in the sheet": the agency's values are a two-column sheet of
    labels and values, the head named under his title ("Constable: ...")."""
    form = build.xlsx(
        [
            ["Item", "Answer"],
            ["Name on tickets", "Town of Brimfield Constable"],
            ["Judiciary Code", "0733"],
            ["Mailing Address", "6 School Street, Brimfield, VT 05991"],
            ["Phone", "802-555-0175"],
            ["Constable", "Otis Varney"],
        ],
        sheet="Agency",
    )
    roster = build.xlsx(
        [
            ["Last", "First", "Title", "Officer #", "DPS Username"],
            ["Holt", "Mina", "Second Constable", "BF302", "mholt"],
        ]
    )
    raw = build.eml(
        text="Sign us up for e-tickets please. It's all in the sheets. Badge attached.\n\n-M\n",
        sender="Mina Holt <brimfieldconstable@mail.test>",
        subject="e-tickets",
        attachments=[
            ("agency.xlsx", _XLSX, form),
            ("roster.xlsx", _XLSX, roster),
            ("badge.png", "image/png", build.png(120, 120)),
        ],
    )
    got = parse_message(raw).to_json_dict()
    assert got["agency"]["name"] == "Town of Brimfield Constable"  # type: ignore[index]
    assert got["agency"]["judiciary_code"] == "0733"  # type: ignore[index]
    assert got["agency"]["address"] == "6 School Street, Brimfield, VT 05991"  # type: ignore[index]
    assert got["head_of_department"] == {"name": "Otis Varney", "title": "Constable"}
    assert not {"agency.name", "agency.phone", "agency.address"} & set(got["missing"])  # type: ignore[arg-type]


def test_a_change_sheet_titled_with_the_agency_names_it() -> None:
    """A sheet of roster changes sent with no text: its title row names the agency."""
    sheet = build.xlsx(
        [
            ["Harlow Falls Police Department - officer record changes"],
            ["Action", "Last Name", "First Name", "Title", "Officer #", "DPS Username"],
            ["Deactivate", "Pruett", "Gale", "Officer", "HF305", "gpruett"],
        ],
        sheet="Changes",
    )
    raw = build.eml(
        text="\n",
        sender="J. Okoro <jokoro@harlowfalls.test>",
        subject="TraCS changes",
        attachments=[("changes.xlsx", _XLSX, sheet)],
    )
    got = parse_message(raw).to_json_dict()
    assert got["intent"] == "officer_maintenance"
    assert got["agency"]["name"] == "Harlow Falls Police Department"  # type: ignore[index]


def test_a_notice_on_letterhead_in_capitals_names_the_agency() -> None:
    """ "See attached" over a personnel notice whose letterhead is in capitals: the
    agency is the letterhead's, in ordinary case."""
    notice = text_pdf(
        [
            ["HARLOW COUNTY SHERIFF'S OFFICE"],
            ["4 Court Square, Harlow, VT 05993   Tel 802-555-0111"],
            ["PERSONNEL ACTION NOTICE"],
            ["Employee: Gale Pruett"],
            ["Officer #: HC305"],
            ["Action: Resignation"],
        ]
    )
    raw = build.eml(
        text="See attached. Deputy Pruett (HC305) resigned, please deactivate his record.\n\n-R\n",
        sender="R. Okoro <rokoro@harlowsheriff.test>",
        subject="deactivation",
        attachments=[("notice.pdf", "application/pdf", notice)],
    )
    got = parse_message(raw).to_json_dict()
    assert got["intent"] == "officer_maintenance"
    assert got["agency"]["name"] == "Harlow County Sheriff's Office"  # type: ignore[index]


def test_a_point_of_contact_named_with_a_pointer_is_still_named() -> None:
    """ "Point of Contact: Sgt. Ivy Marsh (see below)": a person named, whatever points
    elsewhere after the name."""
    from mailbot.intake import fields
    from mailbot.intake.rules import load_rules

    text = "Point of Contact: Sgt. Ivy Marsh (see below)\nAddress: see the letterhead above\n"
    found = fields.labelled(text, load_rules())
    assert found["point_of_contact.name"][1] == "Sgt. Ivy Marsh (see below)"
    assert found["agency.address"][1] == ""
