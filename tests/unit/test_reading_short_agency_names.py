"""Agencies and heads named briefly: a roster change signed only "Quarry Brook PD", an
enrolment typed as one run-on line opening with the chief's rank and name, a roster in
"Last First" order whose chief's row names the head."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _parse(body: str, sender: str, subject: str, logo: bool = False) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    if logo:
        msg.add_attachment(
            b"\x89PNG\r\n\x1a\n" + b"\0" * 64, maintype="image", subtype="png", filename="l.png"
        )
    return parse_message(msg.as_bytes())


def test_agency_signed_only_in_short_form() -> None:
    body = (
        "Hi - Ofc Nora Pellerin married last month and is now Nora Vachon. Her officer "
        "number stays QB207. Please update TraCS so her tickets show the new name. Thanks\n\n"
        "Sgt. L. Marchetti\nQuarry Brook PD\n"
    )
    got = _parse(body, "Louis Marchetti <lmarchetti@qbpd.org>", "Name change")
    assert got.intent == "officer_maintenance"
    assert got.agency.name == "Quarry Brook PD"


def test_agency_named_in_short_form_in_a_sentence() -> None:
    body = (
        "Hello,\n\nI am retiring at the end of the month. Please deactivate my TraCS officer "
        "record then (Sgt. Paul Roy, QB311).\n\nFrom now on Ofc. Ann Dube will be the "
        "e-ticket point of contact for Quarry Brook PD, her email is adube@qbvt.org.\n\n"
        "Thanks,\nPaul\n"
    )
    got = _parse(body, "Paul Roy <proy@qbvt.org>", "Retiring")
    assert got.agency.name == "Quarry Brook PD"


def test_run_on_line_agency_without_the_chiefs_rank_and_name() -> None:
    body = (
        "Chief Ray Tatro Town of Quarry Brook Police Dept jud code 0766 9 Ledge Rd Quarry "
        "Brook VT 05999 ph 802 555 0170 im the poc rtatro@qbvt.org officers Ray Tatro Chief "
        "Q1T22 rtatro, Ann Dube Officer Q3D41 adube logo attached thx\n"
    )
    got = _parse(body, "Ray Tatro <rtatro@qbvt.org>", "e ticket", logo=True)
    assert got.agency.name == "Town of Quarry Brook Police Dept"


def test_head_named_first_name_first_from_a_last_first_roster() -> None:
    body = (
        "Please set us up for e-tickets.\n\nQuarry Brook Police Department\n"
        "Jud code 0766\n9 Ledge Rd, Quarry Brook, VT 05999\nPhone 802-555-0170\n\n"
        "Officers\nTatro Ray Chief Q1T22 rtatro\nDube Ann Ofc Q3D41 adube\n\n"
        "Sent from my iPhone\n"
    )
    got = _parse(body, "Ray Tatro <rtatro@qbvt.org>", "E ticket", logo=True)
    assert got.head_of_department.name == "Ray Tatro"


def test_transfer_in_keeps_the_name_the_writer_uses_for_his_agency() -> None:
    body = (
        "Hi,\n\nOne roster change for Lakeside College Public Safety:\n\n"
        "- Ann Dube (LEO # QB311) has transferred to us from Quarry Brook Police Department. "
        "Please re-associate her TraCS officer record to Lakeside College Public Safety. "
        "Her DPS username (adube) stays.\n\nThanks,\nPaul\n\nLt. Paul Roy\n"
        "Lakeside College Department of Public Safety\n12 Shore Road, Lakeside, VT 05999\n"
    )
    got = _parse(body, "Paul Roy <proy@lakeside.edu>", "Roster change")
    assert got.agency.name == "Lakeside College Public Safety"


def test_transfer_in_signed_agency_over_the_one_left() -> None:
    body = (
        "Hi,\n\nDeputy Ann Dube came over to us from the Quarry Brook Police Department. "
        "Please move her TraCS record (QB311) to our agency. Her username adube stays.\n\n"
        "Thanks,\nPaul Roy\nLakeside County Sheriff's Office\n"
    )
    got = _parse(body, "Paul Roy <proy@lakesidesheriff.org>", "Transfer")
    assert got.agency.name == "Lakeside County Sheriff's Office"


def test_chief_deputy_writing_for_the_sheriff_named_in_lower_case() -> None:
    msg = EmailMessage()
    msg["From"] = "Ray Tatro <rtatro@lakesidesheriff.org>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Cc"] = "Ann Dube <adube@lakesidesheriff.org>"
    msg["Subject"] = "e ticket signup"
    msg.set_content(
        "hi,\n\nthis is chief deputy ray tatro at the lakeside county sheriffs dept. sheriff "
        "dube asked me to get us signed up for e tickets.\n\nagency info\njudiciary code "
        "0766\nname on ticket: Lakeside County Sheriff's Department\naddress 9 ledge rd, "
        "lakeside vt 05999\nphone 802 555 0170\n\ndeputies are on the csv attached\n\nthx\n"
        "ray\n"
    )
    msg.add_attachment(
        b"last,first,title,leo number,dps username\nTatro,Ray,Chief Deputy,Q1T22,rtatro\n"
        b"Dube,Ann,Sheriff,Q3D41,adube\nRoy,Paul,Deputy,Q3D55,proy\n",
        maintype="text",
        subtype="csv",
        filename="roster.csv",
    )
    got = parse_message(msg.as_bytes())
    assert got.head_of_department.name == "Ann Dube"
    assert got.head_of_department.title == "Sheriff"


def test_state_unit_named_for_its_enforcement() -> None:
    body = (
        "Good afternoon,\n\nPlease add the following ranger to the Vermont Quarry Lands "
        "Enforcement agency in TraCS.\n\nLast Name\tFirst Name\tTitle\tLEO #\tDPS Username\n"
        "Dube\tAnn\tRanger\tQ4403\tadube\n\nThanks!\n\nPaula Roy\nRegional Manager\n"
        "Vermont Quarry Lands Enforcement\n"
    )
    got = _parse(body, "Paula Roy <paula.roy@vermont.gov>", "Add a ranger")
    assert got.intent == "officer_maintenance"
    assert got.agency.name == "Vermont Quarry Lands Enforcement"
