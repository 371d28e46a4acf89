"""Agency names, headings and surnames read as a clerk reads them: an agency signed for in
capitals or in lower case, a memo's numbered item or a repeated heading row never taken
for a name or an officer, a saint's particle kept with the surname, and a question whether
an earlier request arrived read as a question."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message


def message(body: str, subject: str = "Roster", sender: str = "Sam Doe <sdoe@town.test>") -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "dps.eticket@vermont.gov"
    m["Subject"] = subject
    m.set_content(body)
    return bytes(m)


def test_agency_signed_for_in_capitals() -> None:
    """A roster change typed in capitals, signed "CHIEF ... / NEWBURY POLICE DEPT": the
    agency is the one signed for."""
    result = parse_message(
        message(
            "PLEASE DEACTIVATE OFFICER MARK LEDOUX LEO # 4ML21, HE RETIRED LAST WEEK.\n\n"
            "THANK YOU\nCHIEF ANN TESSIER\nNEWBURY POLICE DEPT\n",
            subject="OFFICER CHANGE",
        )
    )
    assert result.intent == "officer_maintenance"
    assert (result.agency.name or "").lower() == "newbury police dept"


def test_part_timer_added_in_lower_case_with_agency_signed() -> None:
    """ "can you add our new part timer": an add (a hyphen left out changes nothing), and
    the agency signed in lower case ("greensboro police dept") is the agency."""
    result = parse_message(
        message(
            "hi can you add our new part timer to tracs. hes officer dale morin, leo number "
            "5DM41, dps username dmorin. he did the training with me\n\n"
            "thanks\nchief sam doe\ngreensboro police dept\n",
            subject="new guy",
        )
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "5DM41")]
    assert (result.agency.name or "").lower() == "greensboro police dept"


def test_constables_office_is_an_agency_name() -> None:
    """ "from the Tunbridge Constables Office" (no apostrophe) names the agency."""
    result = parse_message(
        message(
            "Hello,\n\nThis is Sam Doe from the Tunbridge Constables Office. Our second "
            "constable Lee Marsh got married and her last name is now Grant. Please change "
            "her name in TraCS. Her LEO number is 6T104.\n\nThank you\nSam Doe\n",
            subject="name change",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Tunbridge Constables Office"


def test_numbered_item_under_a_wrapped_department_is_no_agency_name() -> None:
    """ "... associated with the Barton Police\\nDepartment:" over "1. Corporal ...": the
    numbered item is a change, not the agency's name."""
    result = parse_message(
        message(
            "Please make the following changes to the TraCS officer records associated "
            "with the Barton Police\nDepartment:\n\n"
            "1. Corporal Jon Fortin (VT LEO B0552) has been promoted to the rank of "
            "Sergeant effective June 1, 2025.\n\n"
            "Thank you,\nSam Doe\nChief of Police\n",
            subject="Record changes",
        )
    )
    assert result.agency.name is None or "Corporal" not in result.agency.name


def test_heading_row_repeated_in_a_roster_is_no_officer() -> None:
    """A column-aligned roster whose heading row comes again at a page break: the
    second heading is no officer."""
    head = "Rank          Last Name       First Name      VT LEO No.      DPS Username\n"
    result = parse_message(
        message(
            "Barton Police Department would like to start issuing e-tickets.\n"
            "Judiciary Code: 0412\n\nOfficers:\n\n"
            + head
            + "Sergeant      Roy             Ann             BP101           aroy\n"
            + head
            + "Officer       Hale            Tom             BP102           thale\n\n"
            "Thank you,\nSam Doe\nChief of Police\n",
            subject="e-ticket enrollment",
        )
    )
    assert [o.last_name for o in result.officers] == ["Roy", "Hale"]
    assert not any("officers[" in i.field for i in result.invalid)


def test_saint_surname_in_a_last_name_column() -> None:
    """ "St. Pierre" in a roster's surname column is the whole surname."""
    result = parse_message(
        message(
            "Barton Police Department would like to start e-ticketing. Judiciary code 0412.\n\n"
            "Name\tFirst\tTitle\tNumber\tUsername\n"
            "Roy\tAnn\tSergeant\tBP101\taroy\n"
            "St. Pierre\tLuc\tOfficer\tBP102\tlstpierre\n\n"
            "Sam Doe\nChief\n",
            subject="e-ticket enrollment",
        )
    )
    assert [o.last_name for o in result.officers] == ["Roy", "St. Pierre"]


def test_asking_whether_an_earlier_request_arrived_is_a_question() -> None:
    """ "Just want to make sure you got both pieces" of an enrolment sent earlier: a
    question, not a new enrolment."""
    result = parse_message(
        message(
            "Hi,\n\nI sent our e-ticket enrollment for Barton PD on 3/3, and the logo in a "
            "separate email on 3/5. Just want to make sure you got both pieces.\n\n"
            "Thanks!\n\nSam Doe\nBarton Police Department\n(802) 555-0101\n",
            subject="Barton PD enrollment",
        )
    )
    assert result.intent == "other"
