"""A reply whose answers are typed into the desk's quoted checklist ("My answers are
in caps below"): the answers are read as the sender's, in ordinary case, each under the
question it answers; without such a note the desk's quoted text gives nothing."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_CHECKLIST = """\
-----Original Message-----
From: DPS eTicket <dps.eTicket@vermont.gov>
Sent: Tuesday, April 7, 2026 10:15 AM
To: Gail Moreau <gmoreau@fairhavenvt.test>
Subject: RE: Fair Haven e-tickets

Chief Moreau,

Happy to help. Please send us:

- Who is your e-ticket point of contact?
{poc}

- Your judiciary code
{code}

- Agency name as it should appear on the ticket
{name}

- Officers: last name, first name, title, officer number, DPS username
{rows}

Regards,
DPS e-Ticket Technical Staff
"""


def _mail(note: str, **answers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Gail Moreau <gmoreau@fairhavenvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "RE: Fair Haven e-tickets"
    msg["In-Reply-To"] = "<desk-0407@vermont.gov>"
    signature = (
        "\n\nGail Moreau\nChief of Police, Fair Haven\n3 North Park Place, Fair Haven, "
        "VT 05743\n802-555-0166\n\n"
    )
    msg.set_content(note + signature + _CHECKLIST.format(**answers))
    return msg.as_bytes()


_ANSWERS = {
    "poc": "CPL. OWEN PARADIS, oparadis@fairhavenvt.test",
    "code": "0318",
    "name": "FAIR HAVEN POLICE DEPARTMENT",
    "rows": "PARADIS, OWEN, CORPORAL, F3310, OPARADIS\nLUCERO, INES, OFFICER, F3322, ILUCERO",
}


def test_answers_in_capitals_under_the_desk_questions_are_read() -> None:
    result = parse_message(_mail("My answers are in caps below. Thank you - Gail", **_ANSWERS))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0318"
    assert result.agency.name == "Fair Haven Police Department"
    assert result.point_of_contact.name == "Owen Paradis"
    assert result.point_of_contact.email == "oparadis@fairhavenvt.test"
    assert [(o.last_name, o.first_name, o.officer_number) for o in result.officers] == [
        ("Paradis", "Owen", "F3310"),
        ("Lucero", "Ines", "F3322"),
    ]
    assert not {"agency.judiciary_code", "agency.name", "officers"} & set(result.missing)


def test_without_a_note_the_desk_checklist_gives_nothing() -> None:
    empty = {"poc": "", "code": "", "name": "", "rows": "Brown, Kevin, Officer, F0001, kbrown"}
    result = parse_message(_mail("Thanks, we will get this to you next week. - Gail", **empty))
    assert result.agency.judiciary_code is None
    assert not result.officers


_BETWEEN = """\
Kim,

Answers in line below.

Dana

On 3/4/2026 9:12 AM, DPS e-Ticket wrote:
> Chief Whitcomb,
>
> Thank you for the request. Before we build the agency record we need:
>
> 1. Your judiciary code (4 digits)

0719

> 2. Agency street address

88 Main Street, Fairlee, VT 05045

> 3. A logo for the ticket header

Not yet. Our town clerk is looking for the original artwork and will send it.

> 4. LEO numbers for Officer Pelkey and Officer Osei

Pelkey   FL512
Osei     FL518

>
> Regards,
> Kim Laroche
> e-Ticket Technical Staff
> Vermont Department of Public Safety
> 802-241-5000
>
> On 3/2/2026 4:40 PM, Dana Whitcomb wrote:
>> Good afternoon,
>>
>> Fairlee Police Department would like to start issuing e-tickets. I will be the
>> point of contact.
>>
>> Department: Fairlee Police Department
>> Phone: 802-555-0173
>>
>> Officers:
>> Chief Dana Whitcomb   FL501   dwhitcomb
>> Officer Renata Pelkey   (number to follow)   rpelkey
>> Officer Kwame Osei   (number to follow)   kosei
>>
>> Thanks,
>> Dana Whitcomb
>> Chief of Police, Fairlee Police Dept.
"""


def test_answers_typed_between_the_desks_quoted_lines_are_read_under_each_question() -> None:
    msg = EmailMessage()
    msg["From"] = "Dana Whitcomb <dwhitcomb@fairleevt.test>"
    msg["To"] = "DPS e-Ticket <dps.eTicket@vermont.gov>"
    msg["Subject"] = "Re: Fairlee PD e-tickets"
    msg["In-Reply-To"] = "<desk-0304@vermont.gov>"
    msg.set_content(_BETWEEN)
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0719"
    assert result.agency.name == "Fairlee Police Department"  # not the logo answer
    assert result.agency.address is not None and "88 Main Street" in result.agency.address
    assert [
        (o.last_name, o.first_name, o.officer_number, o.dps_username) for o in result.officers
    ] == [
        ("Whitcomb", "Dana", "FL501", "dwhitcomb"),
        ("Pelkey", "Renata", "FL512", "rpelkey"),
        ("Osei", "Kwame", "FL518", "kosei"),
    ]
    assert set(result.missing) == {"agency.logo"}


_SELF_ANSWER = """\
Answers in line. Apologies for the wait.

On Mon, Apr 6, 2026 at 8:02 AM DPS e-Ticket <dps.eTicket@vermont.gov> wrote:
> Good morning Chief Okafor,
>
> To build your agency record we will need:
>
> 1. Your e-ticket Point-of-Contact (name and email)

Myself to start. This address works.

> 2. Your judiciary code (4 digits)

0861

> 3. Officers: Last name, First name, Rank, Officer number, DPS username

Okafor, Bola, Chief, 31P01, bokafor
Vance, Irene, Officer, 31P07, ivance

> Thank you,
> Kim Laroche
> e-Ticket Technical Staff

--
Bola Okafor
Chief, Wexley Police Department
"""


def test_the_writer_naming_himself_under_the_contact_question_is_the_contact() -> None:
    msg = EmailMessage()
    msg["From"] = "Bola Okafor <wexleychief@gmail.com>"
    msg["To"] = "DPS e-Ticket <dps.eTicket@vermont.gov>"
    msg["Subject"] = "Re: Wexley PD e-tickets"
    msg["In-Reply-To"] = "<desk-0406@vermont.gov>"
    msg.set_content(_SELF_ANSWER)
    result = parse_message(msg.as_bytes())
    assert result.point_of_contact.name == "Bola Okafor"
    assert result.point_of_contact.email == "wexleychief@gmail.com"
    assert "point_of_contact.name" not in result.missing


_RANKED_ANSWER = """\
Answers below.

Gil

On 11/2/2025 9:02 AM, DPS eTicket <dps.eTicket@vermont.gov> wrote:
> Chief Orr,
>
> To finish your agency record we still need:
>
> 1. Your judiciary code?
0632
> 2. Point of contact (name and email)?
Ofc. Mara Quint, mquint@pellvt.test
>
> DPS e-Ticket Technical Staff
"""


def test_an_answer_opened_by_a_rank_is_a_value_not_sentences() -> None:
    msg = EmailMessage()
    msg["From"] = "Gil Orr <gorr@pellvt.test>"
    msg["To"] = "DPS e-Ticket <dps.eTicket@vermont.gov>"
    msg["Subject"] = "Re: Pell PD e-tickets"
    msg["In-Reply-To"] = "<desk-1102@vermont.gov>"
    msg.set_content(_RANKED_ANSWER)
    result = parse_message(msg.as_bytes())
    assert result.point_of_contact.name == "Mara Quint"
    assert result.point_of_contact.email == "mquint@pellvt.test"


def test_the_desks_recap_under_answers_typed_between_its_lines_is_given() -> None:
    msg = EmailMessage()
    msg["From"] = "Gail Moreau <gmoreau@fairhavenvt.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Fair Haven e-tickets"
    msg["In-Reply-To"] = "<desk-0408@vermont.gov>"
    msg.set_content(
        "Hi,\n\nAnswers inline.\n\nOn 4/8/2026 9:12 AM, DPS - eTicket wrote:\n"
        "> Chief Moreau,\n>\n> A few items are still needed:\n>\n"
        "> 1. The agency phone number.\n\n802-555-0166\n\n"
        ">\n> For reference, here is what we have so far:\n>\n"
        ">   Agency: Fair Haven Police Department\n>   Judiciary code: 0318\n"
        ">   Address: 3 North Park Place, Fair Haven, VT 05743\n"
        ">   Point-of-Contact: Cpl. Owen Paradis (oparadis@fairhavenvt.test)\n>\n"
        "> DPS e-Ticket Technical Staff\n\n--\nGail Moreau\nChief of Police, Fair Haven\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.agency.judiciary_code == "0318"
    assert result.agency.address == "3 North Park Place, Fair Haven, VT 05743"
    assert result.point_of_contact.email == "oparadis@fairhavenvt.test"
    for field in ("agency.judiciary_code", "agency.address", "point_of_contact.email"):
        assert field not in result.missing


def test_answers_under_desk_lines_opened_by_a_fields_label_are_that_field() -> None:
    msg = EmailMessage()
    msg["From"] = "Gil Orr <gorr@pellvt.test>"
    msg["To"] = "DPS e-Ticket <dps.eTicket@vermont.gov>"
    msg["Subject"] = "Re: Pell PD e-tickets"
    msg["In-Reply-To"] = "<desk-1103@vermont.gov>"
    msg.set_content(
        "See my answers below.\n\nOn 11/3/2025 8:40 AM, DPS eTicket wrote:\n"
        "> Chief Orr,\n>\n> Some items are still missing:\n>\n"
        "> Judiciary code (four digits):\n0632\n\n"
        "> Contact email - you gave Ofc. Mara Quint as the contact but no address.\n"
        "mquint@pellvt.test\n\n>\n> DPS e-Ticket\n\n--\nGil Orr, Chief\nPell Police Department\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.agency.judiciary_code == "0632"
    assert result.point_of_contact.email == "mquint@pellvt.test"
    assert "point_of_contact.email" not in result.missing
