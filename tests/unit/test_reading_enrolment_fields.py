"""Enrolment fields an email gave that the reader missed, so the checklist would have asked
for them again: officers' names under a heading that names them in other words, a login
written "jdoe@dps", a remark after a username left out, a PoC called the "e-ticket
coordinator" or designated as "my own point of contact" / "asked me to be", a request
forwarded under a note that adds an officer, and the agency name heading its values."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message


def _parse(body: str, *, sender: str, subject: str = "e-ticket enrollment") -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg.set_content(body)
    return parse_message(msg.as_bytes())


_AGENCY = (
    "Agency: Marlow Police Department\nJudiciary code: 0612\n"
    "Address: 14 Depot Street, Marlow, VT 05301\nPhone: 802-555-0190\n"
)


def _names(result: ParseResult) -> list[tuple[str | None, str | None]]:
    return [(o.first_name, o.last_name) for o in result.officers]


# --- officers' names ------------------------------------------------------------------


def test_heading_naming_first_and_last_reads_the_names() -> None:
    """ "Officers (first/last, rank, LEO#, DPS login):" then "Jane Roe, Officer, ...": the
    names are read, not asked for."""
    result = _parse(
        "Hello,\n\nMarlow PD would like to join the e-ticket program. Our point of contact"
        " is Sgt. Ann Pike (apike@marlowvt.test).\n\n" + _AGENCY + "\n"
        "Officers (first/last, rank, LEO#, DPS login):\n"
        "Ann Pike, Sergeant, MR004, apike\nTodd Larue, Officer, MR011, tlarue\n\n"
        "Thank you,\nGlen Hardy\nChief\n",
        sender="Glen Hardy <ghardy@marlowvt.test>",
    )
    assert _names(result) == [("Ann", "Pike"), ("Todd", "Larue")]
    assert not [p for p in result.missing if p.startswith("officers")]


def test_heading_without_a_name_column_reads_the_first_column_as_names() -> None:
    """A heading that names every field but the name ("Who, Rank, Badge #, Login"): its
    first column holds the names."""
    result = _parse(
        "Hello,\n\nMarlow PD would like to join the e-ticket program. Our point of contact"
        " is Sgt. Ann Pike (apike@marlowvt.test).\n\n" + _AGENCY + "\n"
        "Who, Rank, Badge #, Login\n"
        "Ann Pike, Sergeant, MR004, apike\nTodd Larue, Officer, MR011, tlarue\n\n"
        "Thank you,\nGlen Hardy\nChief\n",
        sender="Glen Hardy <ghardy@marlowvt.test>",
    )
    assert _names(result) == [("Ann", "Pike"), ("Todd", "Larue")]


def test_login_written_with_the_dps_domain_short() -> None:
    """ "Laplante, Greg (Officer) - DL004 - glaplante@dps": the username is glaplante."""
    result = _parse(
        "Good morning,\n\nI'm the chief of the Marlow Police Department. We would like to"
        " be set up for e-ticketing. I will be the point of contact myself.\n\n"
        + _AGENCY
        + "\nOfficers:\nHardy, Glen (Chief) - MR001 - ghardy@dps\n"
        "Laplante, Greg (Officer) - MR004 - glaplante@dps\n\nThank you\nGlen Hardy\n",
        sender="Glen Hardy <ghardy1961@mail.test>",
    )
    assert [(o.last_name, o.dps_username) for o in result.officers] == [
        ("Hardy", "ghardy"),
        ("Laplante", "glaplante"),
    ]
    assert result.head_of_department.title == "Chief"


def test_remark_after_a_username_left_out_keeps_the_officer() -> None:
    """ "Officer Paige Gevry, MR026, username TBD (account still being set up)": the
    officer is read and only the username is asked for."""
    result = _parse(
        "Hello,\n\nMarlow Police would like to join the e-ticket program. Our PoC will be"
        " Officer Travis Dunn, tdunn@marlowvt.test.\n\n" + _AGENCY + "\nOfficers:\n"
        "- Officer Travis Dunn, MR021, tdunn\n"
        "- Officer Paige Gevry, MR026, username TBD (account still being set up)\n\n"
        "Chief Kevin Gibbs\n",
        sender="Kevin Gibbs <kgibbs@marlowvt.test>",
    )
    assert _names(result) == [("Travis", "Dunn"), ("Paige", "Gevry")]
    assert [p for p in result.missing if p.startswith("officers")] == ["officers[1].dps_username"]


# --- the Point-of-Contact ---------------------------------------------------------------


def test_e_ticket_coordinator_is_the_point_of_contact() -> None:
    result = _parse(
        "Good morning,\n\nMarlow would like to join the e-ticket program.\n\n"
        + _AGENCY
        + "\nOur e-ticket coordinator will be Officer Megan Stone (mstone@marlowvt.test).\n\n"
        "Name\tTitle\tVT LEO #\tDPS Login\nMegan Stone\tOfficer\tMR009\tmstone\n\n"
        "Thank you,\nGlen Hardy\nChief\n",
        sender="Glen Hardy <ghardy@marlowvt.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Megan Stone",
        "mstone@marlowvt.test",
    )
    assert "point_of_contact.name" not in result.missing


def test_my_own_point_of_contact_from_an_office_mailbox() -> None:
    """ "I will be my own point of contact" sent from a mailbox named after the office
    ("Marlow Constable"): the PoC is the constable who signs, at the sender's address."""
    result = _parse(
        "Hello,\n\nI am the elected First Constable for the Town of Marlow and would like to"
        " write e-tickets. I will be my own point of contact, this email is the best way to"
        " reach me.\n\nAgency: Marlow Constable\nJudiciary code: 0533\n"
        "Address: 28 Railroad Street, Marlow, VT 05680\nPhone 802-555-2746\n\n"
        "Me: First Constable Harold Deming, officer # MC001, DPS login hdeming\n\n"
        "Harold Deming\n",
        sender="Marlow Constable <marlowconstable@mail.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Harold Deming",
        "marlowconstable@mail.test",
    )


def test_asked_me_to_be_the_point_of_contact() -> None:
    """ "The Chief ... asked me to be the point of contact": the sender is the PoC, not a
    person called "me"."""
    result = _parse(
        "Hi,\n\nThe Marlow Police Department would like to begin e-ticketing. The Chief has"
        " signed off and asked me to be the point of contact, so please reply to this"
        " address.\n\n" + _AGENCY + "\nOfficers to create:\n"
        "Bouchard, Erin - Sergeant - MR104 - ebouchard\n\nThank you!\n\n-- \n"
        "Sgt. Erin Bouchard\nMarlow PD\n",
        sender='"Sgt. Erin Bouchard" <ebouchard.mpd@mail.test>',
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Erin Bouchard",
        "ebouchard.mpd@mail.test",
    )


# --- a request forwarded under a note -------------------------------------------------


def test_forward_under_a_signed_note_reads_the_request_and_the_added_officer() -> None:
    """The PoC forwards the chief's request (its end a name and title, no "Thank you")
    under a signed note adding an officer: PoC, head and all officers are read."""
    body = (
        "Hi,\n\nForwarding the Chief's request below. Please also add Officer Dana Kirk to"
        " the list - she just finished FTO. Her LEO number is MR3K2 and DPS username is"
        " dkirk.\n\nThanks!\nSgt. Owen Platt\nMarlow Police Department\n802-555-9181\n\n"
        "________________________________\n"
        "From: Chief John Helm <jhelm@marlowvt.test>\n"
        "Sent: Thursday, November 26, 2026 2:07 PM\n"
        "To: Platt, Owen <oplatt@marlowvt.test>\nSubject: e-ticket enrollment\n\n"
        "Owen -\n\nPlease send this to DPS. Thanks.\n\n--\n\n"
        "Marlow Police Department would like to start issuing tickets electronically."
        " I have designated Sgt. Owen Platt as our e-ticket point-of-contact"
        " (oplatt@marlowvt.test).\n\n" + _AGENCY + "\nOfficers:\n"
        "Last Name | First Name | Rank | Officer Number | DPS Username\n"
        "Platt | Owen | Sergeant | MR2A7 | oplatt\nHelm | John | Chief | MR1A1 | jhelm\n\n"
        "John Helm\nChief of Police\n"
    )
    result = _parse(body, sender="Owen Platt <oplatt@marlowvt.test>", subject="FW: e-ticket")
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Owen Platt",
        "oplatt@marlowvt.test",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "John Helm",
        "Chief of Police",
    )
    assert [o.officer_number for o in result.officers] == ["MR2A7", "MR1A1", "MR3K2"]
    assert result.officers[2].dps_username == "dkirk"


# --- the agency name ------------------------------------------------------------------


def test_name_heading_the_agency_values_beats_a_longer_name_in_prose() -> None:
    """ "Marlow City Police Department requests ..." then "Marlow Police Department" on its
    own line above the code and address: the heading is the name for the record."""
    result = _parse(
        "Hello,\n\nMarlow City Police Department requests an agency record for"
        " e-ticketing.\n\nMarlow Police Department\nJudiciary Code 0391\n"
        "30 Lower Main Street, Marlow, VT 05478\n(802) 555-2166\n\n"
        "Our POC will be Sgt. Scott Pell, spell@marlowvt.test.\n\n"
        "Officers:\nPell, Scott - Sergeant - MR061 - spell\n\n"
        "Thank you,\nMaurice Lamb\nChief of Police\n",
        sender="Maurice Lamb <mlamb@marlowvt.test>",
    )
    assert result.agency.name == "Marlow Police Department"


def test_writer_naming_himself_aside_is_the_point_of_contact() -> None:
    """ "I (Lt. Gary Stone) will be the Point-of-Contact": the sender is the PoC."""
    result = _parse(
        "Hello,\n\nMarlow Police Department would like to participate in the e-ticket"
        " program. Chief Jeff Amber has asked me to send this in. I (Lt. Gary Stone) will"
        " be the Point-of-Contact.\n\n" + _AGENCY + "\nOfficers:\n"
        "Stone, Gary - Lieutenant - MR003 - gstone\n\nGary Stone\nLieutenant\n",
        sender='"Lt. Gary Stone" <gstone@marlowvt.test>',
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Gary Stone",
        "gstone@marlowvt.test",
    )


def test_the_contact_for_this_myself() -> None:
    """ "I'll be the contact for this myself." from a terse phone message."""
    result = _parse(
        "Hi. Marlow PD wants to start doing e-tickets.\nJudiciary code 1342\n"
        "172 N Main St Marlow VT 05033\n802 555 4646\nI'll be the contact for this myself.\n"
        "Officers:\nChief Dale Kemp MR101 dkemp\nOfc Amy Shore MR104 ashore\n\nDale\n",
        sender="Dale Kemp <chief.marlowpd@mail.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Dale Kemp",
        "chief.marlowpd@mail.test",
    )


def test_id_like_a_sergeant_to_be_our_point_of_contact() -> None:
    result = _parse(
        "Hi there,\n\nMarlow Police Department would like to get set up for e-ticketing.\n\n"
        "I'd like Sgt. Beth Lumb to be our point of contact (blumb@marlowvt.test).\n\n"
        + _AGENCY
        + "\nOfficers:\nLumb, Beth - Sergeant - MR203 - blumb\n\nThanks!\nTony\n",
        sender="Anthony Rich <arich@marlowvt.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Beth Lumb",
        "blumb@marlowvt.test",
    )


def test_point_of_contact_labelled_under_the_sign_off() -> None:
    """ "Questions can go to Renee below." then, under the chief's signature, "e-Ticket
    contact:" with her name and address: she is the PoC."""
    result = _parse(
        "Hello,\n\nMarlow Police Department would like to participate in e-ticketing.\n\n"
        + _AGENCY
        + "\nOfficers:\n1. Gagne, Paul - Sergeant - MR112 - pgagne\n\n"
        "Questions about setup can go to Renee below.\n\nRegards,\n\nWilliam Coe\n"
        "Chief of Police\nMarlow Police Department\n\ne-Ticket contact:\n"
        "Renee Gagne, Administrative Assistant\nrgagne@marlowvt.test | 802-555-2185 ext. 3\n",
        sender="William Coe <wcoe@marlowvt.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Renee Gagne",
        "rgagne@marlowvt.test",
    )
    assert result.head_of_department.name == "William Coe"


def test_officer_number_column_beats_an_internal_badge_column() -> None:
    """A roster with "Badge" (internal numbers) before "Officer Number": the officer
    number is read from its own column, not reported invalid."""
    from mailbot.intake.rules import load_rules
    from mailbot.intake.tables import officers_from_grid

    grid = [
        ["Badge", "Last Name", "First Name", "Rank", "Officer Number", "DPS User", "Cell"],
        ["12", "Paquin", "Ron", "Chief", "MR001", "rpaquin", "802-555-0141"],
        ["17", "Stearn", "Amanda", "Sergeant", "MR007", "astearn", ""],
    ]
    officers = officers_from_grid(grid, load_rules())
    assert [o.officer_number for o in officers] == ["MR001", "MR007"]


def test_sergeant_writing_for_the_chief_is_not_the_head() -> None:
    """ "The Chief has signed off and asked me to be the point of contact", signed by a
    sergeant: the head is the Chief, unnamed (his name is asked for), not the sergeant."""
    result = _parse(
        "Hi,\n\nThe Marlow Police Department would like to begin e-ticketing. The Chief has"
        " signed off and asked me to be the point of contact.\n\n" + _AGENCY + "\n"
        "Officers:\nBouchard, Erin - Sergeant - MR104 - ebouchard\n\nThank you!\n\n-- \n"
        "Sgt. Erin Bouchard\nMarlow PD\n",
        sender='"Sgt. Erin Bouchard" <ebouchard@marlowvt.test>',
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (None, "Chief")
    assert "head_of_department.name" in result.missing


def test_town_hall_address_under_the_signature_is_not_taken_as_the_agency_s() -> None:
    """The only address is the town hall's, labelled so under the chief's name: it is
    put to staff, not stored as the police department's address."""
    result = _parse(
        "Hi there,\n\nMarlow Police Department would like to be set up for e-ticketing."
        " I'm designating Officer Priya Ram as our point of contact - pram@marlowvt.test.\n\n"
        "Name for tickets: Marlow Police Department\nJudiciary code: 1417\n"
        "Phone: 802-555-1420\n\nOfficers:\nRam, Priya - Officer - MR014 - pram\n\n"
        "Thank you,\nColin Whit\nChief of Police | Town of Marlow\n"
        "Town Hall: 31 The Green, Marlow, VT 05091 | 802-555-3456\n",
        sender="Colin Whit <chief@marlowvt.test>",
    )
    assert result.agency.address is None
    assert [q for q in result.questions if "address" in str(q)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sgt. Amy Pike (apike@marlowvt.test) will be our contact for e-tickets.",
        "Sgt. Amy Pike is going to be our primary contact for the e-ticket program"
        " (apike@marlowvt.test).",
        "Our e-ticket liaison is Sgt. Amy Pike (apike@marlowvt.test).",
        "e-Ticket coordinator: Sgt. Amy Pike, apike@marlowvt.test",
    ],
)
def test_contact_for_e_tickets_is_the_point_of_contact(sentence: str) -> None:
    result = _parse(
        "Hello,\n\nMarlow Police Department would like to join the e-ticket program.\n"
        + sentence
        + "\n\n"
        + _AGENCY
        + "\nOfficers:\nPike, Amy - Sergeant - MR004 - apike\n\nThank you,\nGlen Hardy\nChief\n",
        sender="Glen Hardy <ghardy@marlowvt.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Amy Pike",
        "apike@marlowvt.test",
    )


def test_i_am_the_designated_point_of_contact() -> None:
    result = _parse(
        "Hello,\n\nMarlow Police Department would like to join the e-ticket program. I am"
        " the designated point of contact.\n\n" + _AGENCY + "\nOfficers:\n"
        "Hardy, Glen - Chief - MR001 - ghardy\n\nThank you,\nGlen Hardy\nChief\n",
        sender="Glen Hardy <ghardy@marlowvt.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Glen Hardy",
        "ghardy@marlowvt.test",
    )


def test_signer_titled_e_ticket_poc_is_the_point_of_contact() -> None:
    """An enrolment signed "Lt. Mark Dufour" / "Admin / e-ticket PoC": the signer is the
    PoC, at the sender's address; the agency line below is not a person."""
    result = _parse(
        "Good morning,\n\nMarlow Police Department would like to join the e-ticket program."
        "\n\n" + _AGENCY + "\nOfficers:\nDufour, Mark - Lieutenant - MR2A7 - mdufour\n\n"
        "Thanks,\nLt. Mark Dufour\ne-Ticket Point of Contact\nMarlow Police Department\n",
        sender='"Dufour, Mark" <mdufour@marlowvt.test>',
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Mark Dufour",
        "mdufour@marlowvt.test",
    )


def test_writer_saying_i_am_the_chief_gives_the_head_title() -> None:
    """ "I'm the chief of the Marlow Police Department", signed with the name only and
    not on the roster: the head's title is Chief, not asked for."""
    result = _parse(
        "Good morning,\n\nI'm the chief of the Marlow Police Department (part time"
        " department). We would like to be set up for e-ticketing. I will be the point of"
        " contact myself.\n\n" + _AGENCY + "\nOfficers:\n"
        "Laplante, Greg (Officer) - MR004 - glaplante\n\nThank you\nPaul Bernier\n",
        sender="Paul Bernier <pbernier1961@mail.test>",
    )
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Paul Bernier",
        "Chief",
    )


def test_poc_with_a_rank_typed_in_lower_case() -> None:
    """ "PoC is officer Kristen Blum, kblum@..." typed all in lower case but the name."""
    result = _parse(
        "hi,\n\nthis is chief dan willow from the marlow police dept. we want to do the"
        " e-tickets.\n\n" + _AGENCY + "\nPoC is officer Kristen Blum, kblum@marlowvt.test\n\n"
        "officers:\nBlum, Kristen - Officer - MR784 - kblum\n\nthx\nDan\n",
        sender="Dan Willow <danwillow_mpd@mail.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Kristen Blum",
        "kblum@marlowvt.test",
    )


def test_i_will_be_the_contact_for_this() -> None:
    """ "I'm the elected First Constable and I will be the contact for this." """
    result = _parse(
        "Hello,\n\nTown of Marlow constables would like to start doing the electronic"
        " tickets.\n\nI'm the elected First Constable and I will be the contact for this.\n\n"
        + _AGENCY
        + "\nOfficers:\nConstable Wendell Fox, MR931, wfox\n\nthanks\nWendell Fox\n"
        "First Constable, Town of Marlow\n",
        sender="Wendell Fox <wfox.constable@mail.test>",
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Wendell Fox",
        "wfox.constable@mail.test",
    )


def test_records_export_rank_description_column_gives_titles() -> None:
    from mailbot.intake.rules import load_rules
    from mailbot.intake.tables import officers_from_grid

    grid = [
        ["EMP_ID", "LAST_NM", "FIRST_NM", "RANK_DESC", "BADGE_NO", "VT_LEO_NO", "DPS_NETWORK_ID"],
        ["1044", "GAUTHIER", "PIERRE", "LIEUTENANT", "12", "40817", "pgauthier"],
    ]
    officers = officers_from_grid(grid, load_rules())
    assert [(o.title, o.officer_number) for o in officers] == [("LIEUTENANT", "40817")]


def test_name_heading_cut_short_gives_way_to_the_full_name() -> None:
    result = _parse(
        "Hello,\n\nThe Marlow Police Department would like to join the e-ticket program.\n\n"
        "Marlow Police\nJudiciary Code 0391\n30 Lower Main Street, Marlow, VT 05478\n\n"
        "Our POC will be Sgt. Scott Pell, spell@marlowvt.test.\n\n"
        "Officers:\nPell, Scott - Sergeant - MR061 - spell\n\nThank you,\nMaurice Lamb\n"
        "Chief of Police\n",
        sender="Maurice Lamb <mlamb@marlowvt.test>",
    )
    assert result.agency.name == "Marlow Police Department"


def test_forward_note_adding_an_officer_as_a_list_line() -> None:
    """A Gmail forward whose note adds "- Kirk, Dana - Officer - MR3K2 - dkirk": the
    officer is read whole, with the forwarded roster."""
    body = (
        "Hi,\n\nSee the Chief's request below. Please also add this new officer:\n"
        "- Kirk, Dana - Officer - MR3K2 - dkirk\n\nThanks,\nOwen\n\n"
        "---------- Forwarded message ---------\nFrom: John Helm <jhelm@marlowvt.test>\n"
        "Date: Tue, Nov 24, 2026 at 9:14 AM\nSubject: e-ticket\n"
        "To: Owen Platt <oplatt@marlowvt.test>\n\n\n"
        "Marlow Police Department would like to start issuing tickets electronically. I have"
        " designated Sgt. Owen Platt as our e-ticket point-of-contact (oplatt@marlowvt.test)."
        "\n\n" + _AGENCY + "\nOfficers:\n"
        "Last Name | First Name | Rank | Officer Number | DPS Username\n"
        "Platt | Owen | Sergeant | MR2A7 | oplatt\n\nChief John Helm\n"
    )
    result = _parse(body, sender="Owen Platt <oplatt@marlowvt.test>", subject="Fwd: e-ticket")
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Platt", "MR2A7", "oplatt"),
        ("Kirk", "MR3K2", "dkirk"),
    ]
    assert not [p for p in result.missing if p.startswith("officers")]


@pytest.mark.parametrize(
    ("line", "user"),
    [
        ("Jason Raven, Lieutenant, MR003, jraven (DPS login)", "jraven"),
        ("Jason Raven, Lieutenant, MR003 (LEO #), jraven", "jraven"),
        ("Jason Raven, Lieutenant, MR003, username pending (account requested)", None),
    ],
)
def test_list_line_with_an_aside_keeps_the_officer(line: str, user: str | None) -> None:
    """A heading in brackets after its value, or a short remark after a username left
    out, does not make the line unreadable (else the officer's name would be asked)."""
    from mailbot.intake.lists import officer_on_line
    from mailbot.intake.rules import load_rules

    officer = officer_on_line(line, load_rules())
    assert officer is not None
    assert (officer.first_name, officer.last_name, officer.officer_number) == (
        "Jason",
        "Raven",
        "MR003",
    )
    assert officer.dps_username == user


def test_phone_for_the_ticket_given_as_a_cell_is_the_agency_phone() -> None:
    """ "Phone for the ticket can be my cell 802-...": the writer gives that number for the
    ticket, so it is the agency's phone (a cell otherwise is not), and nothing is asked."""
    body = (
        "Hello. I'm the town constable of Pell Hollow and would like e-tickets. I'm the point"
        " of contact. Judiciary code 0871. Ticket should say Pell Hollow Town Constable. Phone"
        " for the ticket should be my cell 802-555-0143. Logo attached.\n\n"
        "Officer: Constable Wren Talbot, officer # PH1W2, username wtalbot\n\n"
        "Wren Talbot\nPell Hollow Constable\n"
    )
    result = _parse(body, sender="Wren Talbot <wtalbot@mailbox.test>")
    assert "".join(c for c in result.agency.phone or "" if c.isdigit()) == "8025550143"


def test_labelled_address_with_the_word_zip_before_the_zip_code() -> None:
    """ "Location: 12 Quarry Road, Graniteville, VT zip 05654" is a valid address."""
    result = _parse(
        "Graniteville Police Department requests enrollment in TraCS e-ticketing.\n\n"
        "Agency: Graniteville Police Department\nJudiciary code: 0488\n"
        "Location: 12 Quarry Road, Graniteville, VT zip 05654\nPhone: 802-555-0163\n\n"
        "Officers:\nSgt. Lina Ortega - GV101 - lortega\n\nRuth Amsel\nChief of Police\n",
        sender="Ruth Amsel <ramsel@graniteville.test>",
    )
    assert result.agency.address == "12 Quarry Road, Graniteville, VT 05654"
    assert not any(i.field == "agency.address" for i in result.invalid)


def test_signature_office_line_over_a_non_emergency_dispatch_line() -> None:
    """ "Office ... | Cell ... | Fax ..." then "Dispatch (non-emergency): ...": the office."""
    result = _parse(
        "We'd like to sign up for e-tickets. Judiciary code 0488. Logo attached.\n\n"
        "Officers:\nSgt. Lina Ortega - GV101 - lortega\n\nThanks\n\n-- \nChief Ruth Amsel\n"
        "Graniteville Police Department\n12 Quarry Road, Graniteville, VT 05654\n"
        "Office 802-555-0163 | Cell 802-555-0164 | Fax 802-555-0165\n"
        "Dispatch (non-emergency): 802-555-0166\n",
        sender="Ruth Amsel <ramsel@graniteville.test>",
    )
    assert result.agency.phone == "(802) 555-0163"


def test_phone_written_once_and_in_a_signature_with_unmarked_cell_and_fax() -> None:
    """The agency block's "(802) 555-0163" also on the signature's icon line beside an
    "M" and an "F" number: the written one, without the PoC's extension."""
    result = _parse(
        "We'd like to start e-ticketing. I'm designating Sgt. Lina Ortega as our e-ticket"
        " Point of Contact -- lortega@graniteville.test, 802-555-0163 ext. 4.\n\n"
        "Agency record:\nGraniteville Police Department\nJudiciary code 0488\n"
        "12 Quarry Road, Graniteville, VT 05654\n(802) 555-0163\n\nOfficers:\n"
        "Sgt. Lina Ortega - GV101 - lortega\n\nThanks!\nRuth\n\n-- \nRuth Amsel\n"
        "Chief of Police | Graniteville Police Department\n"
        "[image: phone]O 802-555-0163  [image: mobile]M 802-555-0164  [image: fax]F 802-555-0165\n",
        sender="Ruth Amsel <ramsel@graniteville.test>",
    )
    assert result.agency.phone == "(802) 555-0163"
    assert "agency.phone" not in result.missing


def test_a_letter_addressed_to_the_desk_names_the_sender_agency_not_the_desk() -> None:
    """A formal letter's inside address ("Vermont Department of Public Safety") is the
    recipient: the agency is the one the letter is from."""
    body = (
        "Vermont Department of Public Safety\n"
        "Attn: e-Ticket Technical Staff\n"
        "45 State Street, Montpelier, VT 05633\n\n"
        "Dear e-Ticket staff,\n\n"
        "The Lamoille Valley Sheriff's Department requests to participate in e-ticketing.\n"
        "Judiciary code: 0817. Our office is at 154 Main Street, Hyde Park, VT 05655, "
        "(802) 555-0188.\n\n"
        "Sincerely,\nRoger Bissonnette\nSheriff\n"
    )
    result = _parse(body, sender="rbissonnette@lvsd.test")
    assert result.agency.name == "Lamoille Valley Sheriff's Department"


def test_agency_values_written_with_dot_leaders_under_a_heading() -> None:
    """ "Department details:" over "Name ......... Bristol ..." lines: the heading holds
    no value of its own, so the line under it (a label of its own) is no agency name;
    the "Name" line with its dot leaders is."""
    body = (
        "Good morning,\n\nWe would like to start issuing e-tickets. Officer Tamsin Reyes\n"
        "will be our point of contact (treyes@hollisvt.test).\n\n"
        "Department details:\n"
        "  Judiciary code ..... 0655\n"
        "  Name ............... Village of Hollis Police Department\n"
        "  Address ............ 9 Elm Row, Hollis, VT 05345\n"
        "  Phone .............. 802-555-0163\n\n"
        "Our officer list will follow once training is complete.\n\n"
        "Regards,\nOwen Castellanos\nChief of Police\n"
    )
    result = _parse(body, sender="ocastellanos@hollisvt.test")
    assert result.agency.name == "Village of Hollis Police Department"
    assert result.agency.judiciary_code == "0655"
