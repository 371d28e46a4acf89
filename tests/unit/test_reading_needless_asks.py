"""What the sender gave is never asked of him again: an ORI offered in a sentence for the
judiciary code is kept as written (invalid, not missing); a note naming an attached
export's columns is read clause by clause and never overrides a heading that names its
field itself; and a one-man office's writer who gives his title in his own words has that
title on his own row."""

from __future__ import annotations

import io
from email.message import EmailMessage

from PIL import Image

from mailbot.intake.parse import parse_message

_AGENCY = """\
Hello,

Pine Hollow Police Department would like to take part in e-ticketing through TraCS.

{code}
The name on the tickets should be Pine Hollow Police Department.
Address: 14 Birch Lane, Pine Hollow, VT 05998
Phone: 802-555-0177
Our logo is attached.
I will be the point of contact.

{roster}
Thanks,
Chief Dana Whitcomb
Pine Hollow PD
"""

_ROSTER = "Officers:\nChief Dana Whitcomb, PH001, dwhitcomb\nOfficer Lee Marsh, PH014, lmarsh\n"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 120), (20, 40, 160)).save(out, format="PNG")
    return out.getvalue()


def _mail(
    body: str, sender: str = "Dana Whitcomb <dwhitcomb@pinehollow.test>", csv: str | None = None
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket request"
    msg.set_content(body)
    msg.add_attachment(_png(), maintype="image", subtype="png", filename="logo.png")
    if csv is not None:
        msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="export.csv")
    return msg.as_bytes()


def _code_read(sentence: str) -> tuple[str | None, list[str], list[str]]:
    result = parse_message(_mail(_AGENCY.format(code=sentence, roster=_ROSTER)))
    return result.agency.judiciary_code, result.missing, [i.field for i in result.invalid]


def test_an_ori_offered_in_a_sentence_for_the_agency_code_is_not_asked_for() -> None:
    code, missing, invalid = _code_read(
        "Our ORI number is VT0990300, I think that is what you need for the agency code?"
    )
    assert code == "VT0990300"
    assert missing == []
    assert invalid == ["agency.judiciary_code"]


def test_an_ori_given_in_place_of_a_code_the_writer_does_not_know_is_not_asked_for() -> None:
    code, missing, invalid = _code_read(
        "Our NCIC # is VT0990400 - we don't have a separate judiciary code that I know of."
    )
    assert code == "VT0990400"
    assert missing == []
    assert invalid == ["agency.judiciary_code"]


def test_an_ori_mentioned_without_the_code_leaves_the_code_to_ask_for() -> None:
    code, missing, _ = _code_read("Our ORI is VT0990500.")
    assert code is None
    assert "agency.judiciary_code" in missing


def test_an_ori_only_asked_about_leaves_the_code_to_ask_for() -> None:
    code, missing, _ = _code_read(
        "We don't know our judiciary code. Is the judiciary code the same as our ORI (VT0990600)?"
    )
    assert code is None
    assert "agency.judiciary_code" in missing


_EXPORT = (
    "EmpNo,LastName,FirstName,Rank,VTLEO,DPSUser,Division\n"
    "2101,Whitcomb,Dana,Chief,31207,dwhitcomb,Admin\n"
    "2144,Marsh,Lee,Officer,004512,lmarsh,Patrol\n"
)


def test_a_note_naming_two_export_columns_gives_each_its_own_field() -> None:
    note = (
        "The officers are in the attached export from our records system. The VTLEO column "
        "is each officer's VT LEO number and DPSUser is the DPS domain username.\n"
    )
    result = parse_message(
        _mail(_AGENCY.format(code="Judiciary code: 0998", roster=note), csv=_EXPORT)
    )
    read = [(o.last_name, o.officer_number, o.dps_username) for o in result.officers]
    assert read == [("Whitcomb", "31207", "dwhitcomb"), ("Marsh", "004512", "lmarsh")]
    assert result.missing == []
    assert [i.field for i in result.invalid] == ["officers[1].officer_number"]


def test_a_note_does_not_take_a_field_from_the_heading_that_names_it() -> None:
    export = (
        "Emp ID,Last Name,First Name,Rank,LEO #,Username\n"
        "88120,Whitcomb,Dana,Chief,PH001,dwhitcomb\n"
        "88133,Marsh,Lee,Officer,PH014,lmarsh\n"
    )
    note = "Roster attached. The Emp ID column is kept by our RMS next to the username.\n"
    result = parse_message(
        _mail(_AGENCY.format(code="Judiciary code: 0998", roster=note), csv=export)
    )
    assert [o.dps_username for o in result.officers] == ["dwhitcomb", "lmarsh"]
    assert result.missing == []
    assert result.invalid == []


_CONSTABLE = """\
hi - tom fields here, elected constable for the town of pine hollow. the selectboard \
said we can start the e tickets and the laptop is all set up. im the only one so i \
guess im the poc too

name on ticket: pine hollow town constable
judiciary code 0997
address 3 town hall rd pine hollow vt 05998  phone 802-555-0188
me: fields tom leo# P7F12 username tfields

the town seal is attached for the logo
thanks
tom
"""


def test_a_lone_constables_own_row_takes_the_title_he_gives_himself() -> None:
    result = parse_message(_mail(_CONSTABLE, sender="Tom Fields <pinehollowconstable@mail.test>"))
    assert [o.officer_number for o in result.officers] == ["P7F12"]
    assert (result.officers[0].title or "").lower() == "constable"
    assert (result.head_of_department.title or "").lower() == "constable"
    assert "officers[0].title" not in result.missing


def test_i_m_the_constable_typed_without_an_apostrophe_is_his_title() -> None:
    body = _CONSTABLE.replace(
        "hi - tom fields here, elected constable", "hi its tom fields, im the constable"
    )
    result = parse_message(_mail(body, sender="Tom Fields <pinehollowconstable@mail.test>"))
    assert (result.officers[0].title or "").lower() == "constable"
    assert "officers[0].title" not in result.missing
