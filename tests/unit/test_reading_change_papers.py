"""Roster changes sent in a file: a note that points at the file in its own words
("the datas are in the file attach") beside a change of its own."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_NOTE = """\
Good day,

Please we need to add the two new officers of Vergennes Police in TraCS, the datas are
in the file attach (officers.txt).

And Officer Kofi Mensah-Arthur (VG045) is Corporal now, please change the title.

Many thanks,
Oksana Kovalenko
Vergennes Police Department
"""

_FILE = """\
New officers

1) Officer Imani Brathwaite
   Officer number: VG112
   DPS username: ibrathwaite

2) Officer Lars Evensen
   Officer number: VG118
   DPS username: levensen
"""


def _mail(body: str, name: str, data: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Oksana Kovalenko <okovalenko@vergennespd.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS officers"
    msg.set_content(body)
    msg.add_attachment(data.encode(), maintype="text", subtype="plain", filename=name)
    return msg.as_bytes()


def test_adds_in_a_file_the_note_points_at_in_its_own_words() -> None:
    result = parse_message(_mail(_NOTE, "officers.txt", _FILE))
    assert result.intent == "officer_maintenance"
    got = sorted(
        (c.action, c.officer_number, c.model_dump().get("dps_username")) for c in result.changes
    )
    assert got == [
        ("add", "VG112", "ibrathwaite"),
        ("add", "VG118", "levensen"),
        ("update", "VG045", None),
    ]


def test_a_memo_table_whose_requested_change_cells_are_sentences() -> None:
    from tests.data import build

    memo = build.docx(
        rows=[
            ["Badge", "Officer", "Present Rank", "Action Requested"],
            ["CH021", "Tomasz Wierzbicki", "Officer", "Promoted to Sergeant on 3/1 - change title"],
            ["CH027", "Leah Fontaine", "Officer", "Name change (marriage) to Leah Fontaine-Okafor"],
            ["CH009", "Roy Gagnon", "Corporal", "Retired 2/28, please deactivate his record"],
            ["CH040", "Mirela Popescu", "(new)", "New hire - create record. Title: Officer."],
        ],
        paragraphs=["MEMORANDUM", "Please make these changes to our TraCS records."],
    )
    msg = EmailMessage()
    msg["From"] = "Ruth Okafor <rokafor@charlottevt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "TraCS changes"
    msg.set_content("Hi,\n\nOur memo with this month's changes is attached.\n\nRuth Okafor\n")
    msg.add_attachment(
        memo,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="memo.docx",
    )
    result = parse_message(msg.as_bytes())
    got = [
        (c.action, c.officer_number, c.last_name, c.model_dump().get("title"))
        for c in result.changes
    ]
    assert got == [
        ("update", "CH021", "Wierzbicki", "Sergeant"),
        ("update", "CH027", "Fontaine-Okafor", None),
        ("deactivate", "CH009", "Gagnon", None),
        ("add", "CH040", "Popescu", "Officer"),
    ]


def test_a_roster_sheet_whose_status_column_marks_a_separated_officer() -> None:
    sheet = (
        "Status,Last,First,Rank,Officer Number,DPS Username\n"
        "Active,Quintal,Marc,Chief,BR001,mquintal\n"
        "Inactive,Oduya,Grace,Officer,BR017,goduya\n"
        "Active,Lefebvre,Anne,Sergeant,BR009,alefebvre\n"
        "Separated,Kowal,Piotr,Officer,BR022,pkowal\n"
        "New,Achterberg,Lena,Officer,BR031,lachterberg\n"
    )
    msg = EmailMessage()
    msg["From"] = "Marc Quintal <mquintal@brandonvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "roster update"
    msg.set_content(
        "Hello,\n\nOur roster is attached. Please create the new officer's record and close "
        "the records of the ones no longer with us.\n\nMarc Quintal\nChief of Police\n"
    )
    msg.add_attachment(sheet.encode(), maintype="text", subtype="csv", filename="roster.csv")
    result = parse_message(msg.as_bytes())
    got = [(c.action, c.officer_number) for c in result.changes]
    assert got == [("deactivate", "BR017"), ("deactivate", "BR022"), ("add", "BR031")]


_ONE_FORM = """\
                 PERSONNEL CHANGE NOTICE

Action:                          New hire - please create TraCS record

Officer name (Last, First):      {last}, {first}

Rank:                            Officer

Badge Number:                    {number}

DPS Username:                    {user}

Signed: Chief A. Delacroix
"""


def test_personnel_forms_one_after_another_each_an_officer() -> None:
    forms = _ONE_FORM.format(last="Haverkamp", first="Jolien", number="MX311", user="jhaverkamp")
    forms += _ONE_FORM.format(last="Osei", first="Kwabena", number="MX312", user="kosei")
    msg = EmailMessage()
    msg["From"] = "Ana Delacroix <adelacroix@middlesexvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "new hires"
    msg.set_content("Hi,\n\nThe change notices for our two new hires are attached.\n\nAna\n")
    msg.add_attachment(forms.encode(), maintype="text", subtype="plain", filename="notices.txt")
    result = parse_message(msg.as_bytes())
    got = [
        (c.action, c.officer_number, c.last_name, c.model_dump().get("first_name"))
        for c in result.changes
    ]
    assert got == [
        ("add", "MX311", "Haverkamp", "Jolien"),
        ("add", "MX312", "Osei", "Kwabena"),
    ]
