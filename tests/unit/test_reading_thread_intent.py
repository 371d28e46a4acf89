"""The intent of a reply read with its thread: the sender's own request quoted under a
From header without his rank, the desk's question for new hires, the request the desk
quoted under its own question, a bare answer to the desk's question for the code; and
the words that make a new message a roster change or a status check."""

from __future__ import annotations

from collections.abc import Sequence

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _reply(
    sender: str, subject: str, body: str, *, attachments: Sequence[tuple[str, bytes, str]] = ()
) -> bytes:
    return mail(
        body,
        sender=sender,
        subject=subject,
        in_reply_to="<desk-7@vermont.gov>",
        attachments=attachments,
    )


def test_own_request_under_a_from_line_without_the_rank() -> None:
    body = """\
Corporal. Effective Monday.

Ann Quill
Lieutenant
Tamsworth Police Department

From: DPS eTicket <dps.eTicket@vermont.gov>
Sent: Monday, March 2, 2026 9:00 AM
To: Ann Quill <aquill@tamsworthpd.test>
Subject: RE: Promotion for Ofc. Ben Ostrow

Lieutenant, what should his new title be?

From: Ann Quill
Sent: Monday, March 2, 2026 8:00 AM
Subject: Promotion for Ofc. Ben Ostrow

Ben Ostrow (TW417) got promoted, please update his TraCS record.
"""
    result = parse_message(
        _reply("Lt. Ann Quill <aquill@tamsworthpd.test>", "RE: Promotion for Ofc. Ben Ostrow", body)
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("update", "TW417")]
    assert result.changes[0].model_dump().get("title") == "Corporal"


def test_a_mistyped_code_answering_the_desk_is_the_code() -> None:
    body = """\
731

Sent from my phone

-------- Original message --------
From: DPS eTicket <dps.eTicket@vermont.gov>
Date: 3/3/26 2:00 PM
To: Bo Lind <blind@farwellpd.test>
Subject: RE: Farwell PD e-ticket enrollment

Chief, the only thing missing is your 4-digit judiciary code.

From: Bo Lind
Sent: Tuesday, March 3, 2026 1:00 PM
Subject: Farwell PD e-ticket enrollment

Farwell Police Department wants to do e-tickets. PoC is Sgt. Ida Moss
(imoss@farwellpd.test). 9 Mill St, Farwell VT 05999, (802) 555-0142.
Moss, Ida, Sergeant, FW221, imoss
Lind, Bo, Chief, FW200, blind
"""
    result = parse_message(
        _reply("Chief Bo Lind <blind@farwellpd.test>", "Re: Farwell PD e-ticket enrollment", body)
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "731"
    assert "agency.judiciary_code" not in result.missing
    assert [i.field for i in result.invalid] == ["agency.judiciary_code"]


def test_officers_sent_for_the_new_hires_the_desk_asked_about_are_adds() -> None:
    body = """\
Hello,

The spreadsheet you asked for is attached with our two officers.

Thanks,
Jo Pratt, Town IT

-----Original Message-----
From: DPS eTicket
Sent: Monday, March 2, 2026 2:00 PM
To: Lee, Sam
Subject: RE: Alder PD - new hires

Sgt. Lee, please send the names, titles, LEO numbers and DPS usernames
for the two new hires.
"""
    csv = (
        b"Last,First,Title,LEO,Username\n"
        b"Quint,Rae,Officer,AL341,rquint\nVoss,Tom,Officer,AL344,tvoss\n"
    )
    result = parse_message(
        _reply(
            "Town IT <it@aldervt.test>",
            "RE: Alder PD - new hires",
            body,
            attachments=[("new.csv", csv, "text/csv")],
        )
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "AL341"),
        ("add", "AL344"),
    ]


def test_the_request_the_desk_quoted_under_its_question_is_completed() -> None:
    body = """\
What is a DPS username? Do we have to get those from someone?

Pat Ruel
Chief of Police
Elmore Police Department

From: DPS eTicket <dps.eTicket@vermont.gov>
Date: Friday, March 6, 2026 at 9:10 AM
To: Chief Pat Ruel <pruel@elmorevt.test>
Subject: RE: E-ticketing for Elmore

Chief Ruel,
To finish your agency record we still need the DPS username of each officer.

> Elmore Police Department would like to begin e-ticketing. Judiciary code 0655.
> 12 Main Street, Elmore, VT 05657, 802-555-0190.
> Ruel, Pat, Chief, EL500
> Dion, Kim, Officer, EL519
"""
    result = parse_message(
        _reply("Pat Ruel <pruel@elmorevt.test>", "RE: E-ticketing for Elmore", body)
    )
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0655"
    assert [o.officer_number for o in result.officers] == ["EL500", "EL519"]


def test_an_officer_to_set_up_in_a_forward_is_an_add() -> None:
    body = """\
Hi - please see below. Can you set up Officer Ruiz? His details are in his note.

Thanks,
Mo Hart
Pellham Police Department

-----Original Message-----
From: Dan Ruiz <druiz@pellhampd.test>
Sent: Sunday, March 1, 2026 10:47 PM
To: Mo Hart <mhart@pellhampd.test>
Subject: TraCS access

Can I get set up for e-tickets?
Name: Daniel Ruiz
Title: Patrol Officer
LEO #: PH2N7
DPS username: druiz
"""
    result = parse_message(
        mail(body, sender="Mo Hart <mhart@pellhampd.test>", subject="FW: TraCS access")
    )
    assert result.intent == "officer_maintenance"


def test_a_check_on_the_agency_record_without_a_question_mark_is_other() -> None:
    body = """\
Good morning,

I sent in our request to set up Elm PD for e-ticketing last month. Just checking
whether the agency record has been created yet.

Thanks,
Sgt. Rae Dunn
Elm Police Department
"""
    result = parse_message(
        _reply("Rae Dunn <rdunn@elmvt.test>", "RE: Elm PD e-Ticket Request", body)
    )
    assert result.intent == "other"
