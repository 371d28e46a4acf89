"""Where a value is taken from: the officer number from the column that holds it (not an
internal badge column beside it), a DPS username written with its short domain
("jdoe@dps"), names with a typographic apostrophe read as the plain one, and an address
in a town-hall signature that is not the agency's."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import Change, Officer, ParseResult
from mailbot.intake.parse import parse_message

_AGENCY = (
    "Good morning,\n\nStowbridge Police Department would like to take part in e-ticketing."
    " Sgt. Dana Whitcomb (dwhitcomb@stowbridgevt.test) will be our point of contact.\n\n"
    "Name: Stowbridge Police Department\nJudiciary code: 0733\n"
)


def _mail(body: str, *, csv: str | None = None, sender: str = "chief@stowbridgevt.test") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Chief Ray Olmstead <{sender}>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "E-ticket enrollment"
    msg.set_content(body)
    if csv is not None:
        msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="roster.csv")
    return msg.as_bytes()


def _officers(result: ParseResult) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]


# --- the officer number's column ----------------------------------------------------------


def test_officer_number_column_beats_a_badge_column_before_it() -> None:
    """A records export with the internal badge first and the "Officer Number" the
    e-ticket needs further on: the officer number is read, not the badge."""
    csv = (
        "Badge,Last Name,First Name,Rank,Officer Number,DPS User,Cell\n"
        "31,Whitcomb,Dana,Sergeant,SB007,dwhitcomb,802-555-0101\n"
        "44,Marsh,Kyle,Patrol Officer,SB012,kmarsh,\n"
    )
    body = _AGENCY + "Address: 12 Main Street, Stowbridge, VT 05672\nPhone: 802-555-0140\n\n"
    result = parse_message(_mail(body + "Roster attached.\n\nChief Ray Olmstead\n", csv=csv))
    assert _officers(result) == [
        ("Whitcomb", "Dana", "Sergeant", "SB007", "dwhitcomb"),
        ("Marsh", "Kyle", "Patrol Officer", "SB012", "kmarsh"),
    ]
    assert not result.invalid


# --- usernames with the DPS domain written short ------------------------------------------


def test_numbered_list_with_short_dps_domain_usernames() -> None:
    """ "1. Lt. Tara Kinney - M0412 - tkinney@dps": a numbered list whose usernames carry
    the DPS domain's short form is the roster, with the bare usernames."""
    body = _AGENCY + (
        "43 Portland Street, Stowbridge, VT 05672. Phone 802-555-0140.\n\n"
        "Officers to add:\n"
        "1. Lt. Tara Kinney - M0412 - tkinney@dps\n"
        "2. Ofc. Brandon Gould - M0450 - bgould@dps\n\n"
        "Thank you,\nRay Olmstead\nChief of Police\n"
    )
    result = parse_message(_mail(body))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Kinney", "M0412", "tkinney"),
        ("Gould", "M0450", "bgould"),
    ]
    assert not result.invalid


def test_table_username_with_short_dps_domain_is_valid_and_a_pending_one_missing() -> None:
    """In a table, "bsayers@dps" is the username bsayers; "pending - will send" is a
    username not given yet (missing, not invalid)."""
    body = _AGENCY + (
        "Address: 12 Main Street, Stowbridge, VT 05672\nPhone: 802-555-0140\n\n"
        "Name\tRank\tOfficer #\tDPS Username\n"
        "Brandon Sayers\tLieutenant\tSB005\tbsayers@dps\n"
        "Christopher Lanza\tOfficer\tSB021\tpending - will send\n\n"
        "Chief Ray Olmstead\n"
    )
    result = parse_message(_mail(body))
    assert [o.dps_username for o in result.officers] == ["bsayers", None]
    assert "officers[1].dps_username" in result.missing
    assert not [i for i in result.invalid if i.field.endswith("dps_username")]


# --- typographic apostrophes --------------------------------------------------------------


def test_typographic_apostrophes_read_as_the_plain_one() -> None:
    """ "Sheriff’s Department", "O’Brien" typed by a mail client that curls apostrophes
    are read with the plain apostrophe, so the same officer written in two mails is one."""
    body = (
        "Hello,\n\nLamoille County Sheriff’s Department would like to start e-ticketing."
        " Deputy Sean O’Brien (sobrien@lamoillesheriff.test) will be our point of contact."
        "\n\nName: Lamoille County Sheriff’s Department\nJudiciary code: 0611\n"
        "Address: 88 Main Street, Hyde Park, VT 05655\nPhone: 802-555-0190\n\n"
        "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
        "O’Brien\tSean\tDeputy\tLC014\tsobrien\n"
        "D‘Amato\tLuca\tSheriff’s Deputy\tLC019\tldamato\n\n"
        "Sheriff Anne Bouffard\n"
    )
    result = parse_message(_mail(body, sender="sheriff@lamoillesheriff.test"))
    assert result.agency.name == "Lamoille County Sheriff's Department"
    assert result.point_of_contact.name == "Sean O'Brien"
    assert [(o.last_name, o.title) for o in result.officers] == [
        ("O'Brien", "Deputy"),
        ("D'Amato", "Sheriff's Deputy"),
    ]


def test_apostrophes_are_plain_in_every_name_field() -> None:
    """Whatever part of the reader sets a name, title or agency (also a roster change's),
    the value holds the plain apostrophe."""
    result = ParseResult()
    result.head_of_department.title = "Sheriff’s Captain"
    result.officers = [Officer(last_name="Oʼneil", first_name="Siobhán")]
    change = Change.model_validate(
        {"action": "update", "officer_number": "LC014", "agency": "Orange County Sheriff’s Office"}
    )
    assert result.head_of_department.title == "Sheriff's Captain"
    assert result.officers[0].last_name == "O'neil"
    assert change.model_dump()["agency"] == "Orange County Sheriff's Office"


# --- an address in a town-hall signature --------------------------------------------------


def test_town_hall_address_in_the_signature_is_a_question_for_staff() -> None:
    """The only postal address is the town hall's, in the chief's signature: it may be
    the department's (small departments are housed there) or not, so it is neither
    taken as the agency's nor asked of the sender again: staff are asked to confirm."""
    body = _AGENCY + (
        "Phone: 802-555-0140\n\n"
        "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
        "Whitcomb\tDana\tSergeant\tSB007\tdwhitcomb\n\n"
        "Thank you,\n\n-- \nRay Olmstead\nChief of Police | Town of Stowbridge\n"
        "Town Hall: 31 The Green, Stowbridge, VT 05672 | 802-555-3456\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.address is None
    assert "agency.address" not in result.missing
    (question,) = [q for q in result.questions if q["field"] == "agency.address"]
    assert [c["value"] for c in question["candidates"]] == ["31 The Green, Stowbridge, VT 05672"]


def test_police_address_in_the_signature_is_still_taken() -> None:
    """A signature's address that names the department's own place is its address."""
    body = _AGENCY + (
        "Phone: 802-555-0140\n\n"
        "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
        "Whitcomb\tDana\tSergeant\tSB007\tdwhitcomb\n\n"
        "Thank you,\n\n-- \nRay Olmstead\nChief of Police\n"
        "Stowbridge Police Department, Town Hall, 31 The Green, Stowbridge, VT 05672\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.address == "31 The Green, Stowbridge, VT 05672"


def test_town_office_address_written_by_a_constable_is_the_agencys() -> None:
    """A town constable writes the town office's address in his request: it is his."""
    body = (
        "Hello,\n\nTown of Stowbridge constables would like to start e-ticketing. I'm the"
        " First Constable and will be the contact.\n\nName for ticket: Town of Stowbridge"
        " Constable\nJudiciary code: 0931\nTown Office, 3863 VT Route 30, Stowbridge VT"
        " 05672. Phone 802-555-4681\n\nOfficers:\nConstable Wendell Foss, J0931, wfoss\n\n"
        "Wendell Foss\nFirst Constable\n"
    )
    result = parse_message(_mail(body, sender="wfoss.constable@gmail.test"))
    assert result.agency.address == "3863 VT Route 30, Stowbridge VT 05672"


# --- a username said to be on its way; a "first/last" name column -------------------------


def test_list_line_username_tbd_with_its_reason_is_missing() -> None:
    """ "username TBD (account still being set up)": the officer is read, his username is
    not given yet (asked for), not an unread line."""
    body = _AGENCY + (
        "Address: 12 Main Street, Stowbridge, VT 05672\nPhone: 802-555-0140\n\n"
        "Officers:\n- Officer Travis Devoid, SB2T1, tdevoid\n"
        "- Officer Paige Gevry, SB2P6, username TBD (account still being set up)\n\n"
        "Chief Ray Olmstead\n"
    )
    result = parse_message(_mail(body))
    assert _officers(result) == [
        ("Devoid", "Travis", "Officer", "SB2T1", "tdevoid"),
        ("Gevry", "Paige", "Officer", "SB2P6", None),
    ]
    assert "officers[1].dps_username" in result.missing


def test_first_last_heading_names_the_name_column() -> None:
    """ "Officers (first/last, rank, LEO#, DPS login):" over comma rows: the first cell is
    the officer's name in First Last order."""
    body = _AGENCY + (
        "Address: 12 Main Street, Stowbridge, VT 05672\nPhone: 802-555-0140\n\n"
        "Officers (first/last, rank, LEO#, DPS login):\n"
        "Jason Ravelin, Lieutenant, SB003, jravelin\n"
        "Kelsey O'Brien, Detective, SB029, kobrien\n\n"
        "Thank you,\nRay Olmstead\nChief\n"
    )
    result = parse_message(_mail(body))
    assert _officers(result) == [
        ("Ravelin", "Jason", "Lieutenant", "SB003", "jravelin"),
        ("O'Brien", "Kelsey", "Detective", "SB029", "kobrien"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]
