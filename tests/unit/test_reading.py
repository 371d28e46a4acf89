"""Reading what people actually write: values by shape, roles by evidence, no needless asks."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.pdfs import text_pdf

RULES = load_rules()


def _png(width: int = 64, height: int = 64) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 7) % 256, (x * 13) % 256, (x * 29) % 256) for x in range(width * height)])
    image.save(buf, "PNG")
    return buf.getvalue()


def _mail(
    body: str,
    *,
    sender: str = "Chief Dana Whitcomb <dwhitcomb@hartfordvt.gov>",
    cc: str | None = None,
    attach: list[tuple[str, str, bytes]] | None = None,
    subject: str = "e-ticket enrollment",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg.set_content(body)
    for name, ctype, data in attach or []:
        main, sub = ctype.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return msg.as_bytes()


SOP = """Good morning,

The Town of Hartford Police Department would like to start issuing Vermont Civil
Violation Complaints electronically. I have designated Sergeant Kyle Brennan as the
e-ticket Point-of-Contact for this law enforcement agency.

Sgt. Brennan can be reached at kbrennan@hartfordvt.gov.

Below, please find the necessary information:
- Judiciary code: 0412
- Proper name to be displayed on the e-ticket: Town of Hartford Police Department
- 812 VA Cutoff Road, White River Junction, VT 05001; (802) 555-0147
- Our logo is attached.

{officers}

Thank you,
Dana Whitcomb
Chief, Hartford Police Department
"""
LIST = """Finally, I request the following officers have records created:
1. Sgt. Kyle Brennan - HA101 - kbrennan
2. Okafor, Samuel, Officer, HA117, DPS\\sokafor
3. Cpl. Maria Ortiz - HA120 - mortiz"""


def _read(body: str, **kw: object) -> dict[str, object]:
    attach = kw.pop("attach", [("logo.png", "image/png", _png())])
    return parse_message(_mail(body, attach=attach, **kw)).to_json_dict()  # type: ignore[arg-type]


def test_sop_wording_reads_completely() -> None:
    """The procedure's own sample wording, answered in sentences and one-line bullets,
    is read in full and the chief is asked for nothing."""
    got = _read(SOP.format(officers=LIST))
    assert got["agency"] == {
        "name": "Town of Hartford Police Department",
        "judiciary_code": "0412",
        "address": "812 VA Cutoff Road, White River Junction, VT 05001",
        "phone": "(802) 555-0147",
        "logo": "logo.png",
    }
    assert got["point_of_contact"] == {"name": "Kyle Brennan", "email": "kbrennan@hartfordvt.gov"}
    assert got["head_of_department"] == {"name": "Dana Whitcomb", "title": "Chief"}
    assert got["missing"] == [] and got["invalid"] == []


def test_officer_list_lines_are_read() -> None:
    """Officers numbered one per line with dashes or commas, in either name order and
    with a domain before the username, are read as roster rows."""
    got = _read(SOP.format(officers=LIST))
    rows = got["officers"]
    assert isinstance(rows, list)
    assert [(o["last_name"], o["first_name"], o["title"], o["officer_number"], o["dps_username"])
            for o in rows] == [
        ("Brennan", "Kyle", "Sergeant", "HA101", "kbrennan"),
        ("Okafor", "Samuel", "Officer", "HA117", "sokafor"),
        ("Ortiz", "Maria", "Corporal", "HA120", "mortiz"),
    ]  # fmt: skip


def test_cc_with_the_pocs_name_on_another_domain_is_not_the_poc() -> None:
    """A Cc whose display name matches the PoC but whose address is on a foreign domain
    and not made from the name does not become the PoC's email."""
    body = SOP.format(officers=LIST).replace(
        "Sgt. Brennan can be reached at kbrennan@hartfordvt.gov.", ""
    )
    got = parse_message(
        _mail(body, cc='"Kyle Brennan" <helpdesk@vendor-it.com>', attach=[])
    ).to_json_dict()
    assert got["point_of_contact"]["email"] != "helpdesk@vendor-it.com"  # type: ignore[index]


def test_vendor_address_after_designation_is_not_the_pocs() -> None:
    """After the designation sentence, an IT vendor's address in the next sentence is not
    taken as the PoC's email."""
    body = SOP.format(officers=LIST).replace(
        "Sgt. Brennan can be reached at kbrennan@hartfordvt.gov.",
        "Our software vendor is reachable at support@tracs-vendor.com for install questions.",
    )
    got = _read(body)
    assert got["point_of_contact"]["email"] != "support@tracs-vendor.com"  # type: ignore[index]


def test_two_unlabelled_phones_make_a_question_not_an_ask() -> None:
    """When two phone numbers are written and neither is said to be the agency's, the
    sender is not asked for the phone; staff are asked which one it is."""
    body = SOP.format(officers=LIST).replace(
        "812 VA Cutoff Road, White River Junction, VT 05001; (802) 555-0147",
        "812 VA Cutoff Road, White River Junction, VT 05001\n- (802) 555-0147 or (802) 555-0150",
    )
    result = parse_message(_mail(body, attach=[("logo.png", "image/png", _png())]))
    assert "agency.phone" not in result.missing
    assert result.agency.phone is None
    assert [q["field"] for q in result.questions] == ["agency.phone"]


def test_item_is_asked_only_when_nothing_of_its_shape_exists() -> None:
    """An enrolment with no phone number anywhere is asked for the phone."""
    body = SOP.format(officers=LIST).replace("; (802) 555-0147", "")
    got = _read(body)
    assert got["missing"] == ["agency.phone"]


def test_evidence_says_where_each_value_was_read() -> None:
    """Each value read carries where it was written, for `mailbot case show`."""
    result = parse_message(_mail(SOP.format(officers=LIST), attach=[]))
    assert result.evidence["agency.judiciary_code"]["where"].startswith("text line")
    assert result.evidence["head_of_department.name"]["where"].startswith("signature line")
    assert result.evidence["agency.phone"]["confidence"] in {"high", "low"}


def test_pdf_roster_is_read() -> None:
    """A roster sent as a PDF attachment, with a title row above its heading, is read."""
    pdf = text_pdf(
        [
            ["Hartford Police Department - e-ticket users"],
            ["Last Name", "First Name", "Rank", "Badge #", "DPS Username"],
            ["Okafor", "Samuel", "Officer", "HA117", "sokafor"],
            ["Ortiz", "Maria", "Corporal", "HA120", "mortiz"],
        ]
    )
    body = SOP.format(officers="The officer roster is attached as a PDF.")
    got = _read(
        body, attach=[("logo.png", "image/png", _png()), ("roster.pdf", "application/pdf", pdf)]
    )
    assert [o["officer_number"] for o in got["officers"]] == ["HA117", "HA120"]  # type: ignore[union-attr]
    assert got["missing"] == []


def test_records_export_with_extra_columns_and_total_line() -> None:
    """A records-system CSV export (upper-case headings, extra columns, title rows above,
    a total line below) gives exactly its officers: an officer named Sum among them."""
    csv = (
        b"HARTFORD PD PERSONNEL EXPORT,,,,,,\n"
        b"Run 2026-11-02,,,,,,\n"
        b"EMP_ID,LAST_NAME,FIRST_NAME,MIDDLE,RANK,BADGE_NO,HIRE_DATE,UNIT,DPS_LOGIN\n"
        b"1001,OKAFOR,SAMUEL,J,OFFICER,HA117,2019-04-01,PATROL,sokafor\n"
        b"1002,ORTIZ,MARIA,,CORPORAL,HA120,2015-06-15,PATROL,mortiz\n"
        b"1003,SUM,DAVID,,OFFICER,HA131,2021-09-01,PATROL,dsum\n"
        b"TOTAL: 3,,,,,,,,\n"
    )
    body = SOP.format(officers="The roster is in the attached export.")
    got = _read(body, attach=[("logo.png", "image/png", _png()), ("export.csv", "text/csv", csv)])
    assert [(o["last_name"], o["officer_number"]) for o in got["officers"]] == [  # type: ignore[union-attr]
        ("OKAFOR", "HA117"),
        ("ORTIZ", "HA120"),
        ("SUM", "HA131"),
    ]


def test_logo_pasted_inline_and_named_in_text_is_the_logo() -> None:
    """An image pasted into the body (cid:) where the text says it is the logo is the logo."""
    msg = EmailMessage()
    msg["From"] = "Chief Dana Whitcomb <dwhitcomb@hartfordvt.gov>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    body = SOP.format(officers=LIST).replace("Our logo is attached.", "Our logo is below.")
    msg.set_content(body)
    html = "<p>" + body.replace("\n", "<br>") + '</p><img src="cid:pic1">'
    msg.add_alternative(html, subtype="html")
    msg.get_payload()[1].add_related(_png(), "image", "png", cid="<pic1>", filename="image001.png")
    got = parse_message(msg.as_bytes()).to_json_dict()
    assert got["agency"]["logo"] == "image001.png"  # type: ignore[index]


def test_request_on_behalf_of_the_chief() -> None:
    """A request written on the chief's behalf names the chief as head, not the writer."""
    body = (
        SOP.format(officers=LIST)
        .replace("Good morning,", "Good morning,\n\nI am writing on behalf of Chief Dana Whitcomb.")
        .replace(
            "Dana Whitcomb\nChief, Hartford Police Department", "Pat Lee\nAdministrative Assistant"
        )
    )
    got = _read(body, sender="Pat Lee <plee@hartfordvt.gov>")
    assert got["head_of_department"] == {"name": "Dana Whitcomb", "title": "Chief"}


POC_SENTENCES = [
    (
        "I have designated Sergeant Kyle Brennan as the e-ticket Point-of-Contact for this "
        "law enforcement agency. He can be reached at kbrennan@hartfordvt.gov.",
        ("Kyle Brennan", "kbrennan@hartfordvt.gov"),
    ),
    (
        "Sgt. Kyle Brennan has agreed to serve as our e-ticket point of contact "
        "(kbrennan@hartfordvt.gov).",
        ("Kyle Brennan", "kbrennan@hartfordvt.gov"),
    ),
    (
        "Our PoC for e-ticketing is Officer Maria Ortiz, mortiz@hartfordvt.gov.",
        ("Maria Ortiz", "mortiz@hartfordvt.gov"),
    ),
    (
        "Please direct all e-ticket questions to our point of contact, Lt. Amy Lussier "
        "(alussier@hartfordvt.gov).",
        ("Amy Lussier", "alussier@hartfordvt.gov"),
    ),
    (
        "The point of contact will be Detective Sam Okafor. His email address is "
        "sokafor@hartfordvt.gov.",
        ("Sam Okafor", "sokafor@hartfordvt.gov"),
    ),
    (
        "Our e-ticket Point-of-Contact will be Admin. Assistant Garrett Lyman "
        "(glyman@hartfordvt.gov).",
        ("Garrett Lyman", "glyman@hartfordvt.gov"),
    ),
    (
        "We've selected Mark Healy, our IT contractor from Green Mountain IT (mark@gmit.com), "
        "as our e-ticket PoC.",
        ("Mark Healy", "mark@gmit.com"),
    ),
    ("I will serve as the point of contact.", ("Dana Whitcomb", "dwhitcomb@hartfordvt.gov")),
]


@pytest.mark.parametrize(("sentence", "want"), POC_SENTENCES)
def test_poc_in_other_words(sentence: str, want: tuple[str, str]) -> None:
    """The PoC designated in any of the ways people write it is read with the right
    address (said in the sentence, a later one, or the sender's own when self-designated)."""
    from mailbot.intake.fields import labelled
    from mailbot.intake.point_of_contact import point_of_contact

    sender = ("Chief Dana Whitcomb", "dwhitcomb@hartfordvt.gov")
    contact = point_of_contact(
        sentence, RULES, labelled(sentence, RULES), [], sender, head="Dana Whitcomb"
    )
    assert (contact.name, contact.email) == want


@pytest.mark.parametrize(
    ("line", "path", "value"),
    [
        ("The judiciary code assigned to us is 0412.", "agency.judiciary_code", "0412"),
        ("JB code #0412", "agency.judiciary_code", "0412"),
        ("Jud. code: 0412", "agency.judiciary_code", "0412"),
        ("Code is 412 I think. Address to follow.", "agency.judiciary_code", "412"),
        ("Thanks. Code is 0412.", "agency.judiciary_code", "0412"),
        (
            "Agency name as it should appear on tickets: Town of Hartford Police Department",
            "agency.name",
            "Town of Hartford Police Department",
        ),
        (
            "Agency Address & Phone: 12 Main St, Hartford, VT 05047 (802) 555-1234",
            "agency.address",
            "12 Main St, Hartford, VT 05047",
        ),
        ("Phone: 802-555-1234 x12", "agency.phone", "802-555-1234 x12"),
    ],
)
def test_values_in_other_words(line: str, path: str, value: str) -> None:
    """Values labelled or described in other words are read as the value alone."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(line, RULES)
    assert values[path] == value


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("- Okafor, Samuel (Officer) HA117 / sokafor", ("Okafor", "Samuel", "Officer")),
        ("• Cpl Maria Ortiz, badge HA120, username mortiz", ("Ortiz", "Maria", "Corporal")),
        ("Maria Ortiz; Corporal; HA120; DPS\\mortiz", ("Ortiz", "Maria", "Corporal")),
        ("3) Patrol Officer Jim Beam, #HA121, login jbeam", ("Beam", "Jim", "Patrol Officer")),
        ("Sgt. O'Neil, Pat - HA123 - poneil", ("O'Neil", "Pat", "Sergeant")),
    ],
)
def test_officer_list_line_layouts(line: str, want: tuple[str, str, str]) -> None:
    """An officer written on one line in any order of name, rank, number and username,
    with commas, dashes, slashes, semicolons or labels, is read field by field."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line(line, RULES)
    assert officer is not None
    assert (officer.last_name, officer.first_name, officer.title) == want
    assert officer.officer_number is not None and len(officer.officer_number) == 5
    assert officer.dps_username is not None and officer.dps_username.islower()


def _plain(subject: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Amy Lussier <alussier@town.vt.us>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return msg.as_bytes()


def test_enquiry_mentioning_codes_and_officers_is_not_an_enrolment() -> None:
    """A question about the process that mentions the judiciary code and officers opens
    no enrolment."""
    result = parse_message(
        _plain(
            "Question",
            "Hi,\n\nWe are thinking about joining the e-ticketing program next year. Do we "
            "need a judiciary code before we apply? How many officers can we enroll?\n\n"
            "Thanks,\nChief Bob Lee\n",
        )
    )
    assert result.intent == "other"


def test_resignation_without_officer_number() -> None:
    """An officer who resigned, named by rank and name only, is a deactivation of that
    officer (staff find the number on the roster); the rank he is named by comes with
    him."""
    result = parse_message(
        _plain(
            "Officer update",
            "Hello,\n\nOfficer Jane Doe resigned last Friday. Please deactivate her TraCS "
            "account.\n\nThanks,\nSgt. Amy Lussier\n",
        )
    )
    assert result.intent == "officer_maintenance"
    assert [c.model_dump(exclude_none=True) for c in result.changes] == [
        {"action": "deactivate", "last_name": "Doe", "first_name": "Jane", "title": "Officer"}
    ]


def test_new_last_name() -> None:
    """ "has a new last name: Park-Lee" updates that officer's last name."""
    result = parse_message(
        _plain("Name change", "Sgt. Kim Park (HA044) has a new last name: Park-Lee.\n")
    )
    [change] = result.changes
    assert (change.action, change.officer_number, change.model_dump()["last_name"]) == (
        "update",
        "HA044",
        "Park-Lee",
    )


@pytest.mark.parametrize(
    ("display", "want"),
    [
        ("Chief Dana Whitcomb", ("Dana Whitcomb", "Chief")),
        ("Whitcomb, Dana", ("Dana Whitcomb", None)),
        ("Hartford PD Records", (None, None)),
        ("IT Helpdesk", (None, None)),
    ],
)
def test_head_from_the_senders_name(display: str, want: tuple[str | None, str | None]) -> None:
    """With no signer in the text, a From name that reads as a person is the head; a
    mailbox named for an office or a unit is not."""
    from mailbot.intake.head_of_department import head_from_sender

    assert head_from_sender(display, RULES) == want
