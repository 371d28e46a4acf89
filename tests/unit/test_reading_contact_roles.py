"""Who plays which role in an enrolment: the writer who is the Point-of-Contact in other
words ("asked that I serve as", "designated myself as"), a PoC's name after a rank of two
words or after an earlier sentence, a contractor PoC copied from his own firm's domain;
the agency's main line among several numbers; the head written for by someone else
("(cc'd) asked me"), signed with a short first name or a nickname, with a place before his
title, or not named at all; a value labelled only "Name"; a logo that is still to come."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message

_ROSTER = (
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Pellerin\tOdile\tSergeant\tQB207\topellerin\n"
    "Marchetti\tLouis\tOfficer\tQB212\tlmarchetti\n\n"
)
_VALUES = (
    "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
    "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\nLogo: attached\n\n"
)


def _parse(
    body: str,
    sender: str,
    *,
    cc: str | None = None,
    logo: bool = True,
    inline_image: bool = False,
) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(body)
    if inline_image:  # a badge the HTML signature shows
        html = "".join(f"<p>{line}</p>" for line in body.split("\n") if "[cid:" not in line)
        msg.add_alternative(
            f"<html><body>{html}<img src='cid:{_CID}'></body></html>", subtype="html"
        )
        msg.get_payload()[1].add_related(
            _png(48), maintype="image", subtype="png", cid=f"<{_CID}>", filename="image003.png"
        )
    if logo:
        msg.add_attachment(_png(64), maintype="image", subtype="png", filename="qbpd_logo.png")
    return parse_message(msg.as_bytes())


_CID = "image003.png@01DB0000.00000000"


def _png(side: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (side, side), (10, 40, 90)).save(out, format="PNG")
    return out.getvalue()


# --- the Point-of-Contact ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief has asked that I serve as the department's e-ticket Point-of-Contact.",
        "I have designated myself as the e-ticket Point-of-Contact for this agency.",
        "I'm the contact for this, use this email.",
    ],
)
def test_writer_who_is_the_poc_in_other_words(sentence: str) -> None:
    """ "asked that I serve as ...", "designated myself as ...": the PoC is the writer
    at his own address, not a person called "I" or "myself", and nothing is asked."""
    body = (
        f"Hello,\n\nQuarry Brook Police Department would like to start e-ticketing. {sentence}\n\n"
        + _VALUES
        + _ROSTER
        + "Thanks,\n\nNoel Fairbanks\nSystems Coordinator, Town of Quarry Brook\n"
    )
    result = _parse(body, "Noel Fairbanks <nfairbanks@quarrybrook.test>")
    assert result.point_of_contact.name == "Noel Fairbanks"
    assert result.point_of_contact.email == "nfairbanks@quarrybrook.test"
    assert not [p for p in result.missing if p.startswith("point_of_contact")]


def test_rank_of_two_words_is_not_part_of_the_poc_name() -> None:
    """ "Officer First Class Odile Pellerin": the name is Odile Pellerin."""
    body = (
        "Hello,\n\nQuarry Brook Police Department would like to start e-ticketing. I have"
        " designated Officer First Class Odile Pellerin as our e-ticket Point-of-Contact. Her"
        " email is opellerin@quarrybrook.test.\n\n" + _VALUES + _ROSTER + "Thanks,\nAmos Crane\n"
        "Chief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email == "opellerin@quarrybrook.test"


def test_poc_name_is_the_one_before_the_verb_not_an_earlier_sentence() -> None:
    """ "... installed the printers and TraCS Mobile. Sgt. Odile Pellerin will be our
    Point-of-Contact": the PoC is the sergeant, not the software."""
    body = (
        "Hello,\n\nQuarry Brook Police Department requests e-ticketing. We have installed the"
        " printers and TraCS Mobile. Sgt. Odile Pellerin will be our Point-of-Contact -"
        " opellerin@quarrybrook.test.\n\n" + _VALUES + _ROSTER + "Thanks,\nAmos Crane\n"
        "Chief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email == "opellerin@quarrybrook.test"


def test_copied_contractor_poc_has_his_cc_address_on_his_firms_domain() -> None:
    """A contractor PoC "cc'd on this email": the Cc address under his name is his,
    though on his firm's domain; he is not asked for it."""
    body = (
        "Good morning,\n\nQuarry Brook Police Department would like to start e-ticketing."
        " I've designated Hollis Varga of Ridgeline Systems, our IT contractor, as the"
        " e-ticket Point-of-Contact. Hollis is cc'd on this email.\n\n"
        + _VALUES
        + _ROSTER
        + "Thank you,\nAmos Crane\nChief of Police\n"
    )
    result = _parse(
        body, "Amos Crane <acrane@quarrybrook.test>", cc="Hollis Varga <hollis@ridgeline.test>"
    )
    assert result.point_of_contact.name == "Hollis Varga"
    assert result.point_of_contact.email == "hollis@ridgeline.test"
    assert "point_of_contact.email" not in result.missing


def test_namesake_in_cc_on_another_domain_is_not_taken_unless_said_copied() -> None:
    """Without a word that the PoC is copied, a Cc address on another domain under the
    PoC's name is not taken for the agency's PoC."""
    body = (
        "Good morning,\n\nQuarry Brook Police Department would like to start e-ticketing."
        " I've designated Hollis Varga of Ridgeline Systems as the e-ticket Point-of-Contact."
        "\n\n" + _VALUES + _ROSTER + "Thank you,\nAmos Crane\nChief of Police\n"
    )
    result = _parse(
        body, "Amos Crane <acrane@quarrybrook.test>", cc="Hollis Varga <hollis@ridgeline.test>"
    )
    assert result.point_of_contact.email is None


# --- the agency's phone ----------------------------------------------------------------------

_NO_PHONE = (
    "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
    "Address: 9 Ledge Road, Quarry Brook, VT 05999\nLogo: attached\n\n"
)


@pytest.mark.parametrize(
    ("signature_line", "expected"),
    [
        ("Office: 802-555-0171 | Dispatch: 802-555-0172 | Cell: 802-555-0173", "(802) 555-0171"),
        (
            "Main 802-555-0181 | Direct 802-555-0182 | Dispatch (24/7) 802-555-0183",
            "(802) 555-0181",
        ),
    ],
)
def test_main_line_is_taken_over_a_dispatch_line(signature_line: str, expected: str) -> None:
    """Several numbers under the signature: the one its words call the office's or the
    main line, not the dispatch line beside it (nor a cell or direct line)."""
    body = (
        "Hello,\n\nQuarry Brook Police Department would like to start e-ticketing. Sgt. Odile"
        " Pellerin will be our Point-of-Contact (opellerin@quarrybrook.test).\n\n"
        + _NO_PHONE
        + _ROSTER
        + f"Thanks,\n\nAmos Crane\nChief of Police\nQuarry Brook Police Department\n"
        f"{signature_line}\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.agency.phone == expected
    assert "agency.phone" not in result.missing


def test_number_on_the_agency_address_line_beats_a_dispatch_line() -> None:
    """ "Quarry Brook Police Department, 9 Ledge Road, ... – (802) 555-0191": the number
    written with the department's name and address is its phone."""
    body = (
        "Hello,\n\nSgt. Odile Pellerin will be our Point-of-Contact"
        " (opellerin@quarrybrook.test).\n\nOur judiciary code is 0766.\n"
        "Quarry Brook Police Department, 9 Ledge Road, Quarry Brook, VT 05999 – (802) 555-0191\n"
        "Logo attached.\n\n" + _ROSTER + "Thanks,\n\nAmos Crane\nChief of Police\n"
        "Admin: 802-555-0191 | Dispatch: 802-555-0192 | Fax: 802-555-0193\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.agency.phone == "(802) 555-0191"


# --- the head of department ------------------------------------------------------------------


def test_head_named_with_an_aside_before_asked_me() -> None:
    """An IT contractor writes: "Chief Ines Rudd (cc'd) asked me to send ...": the head
    is the chief, not the writer."""
    body = (
        "Hello,\n\nI'm the IT contractor for the City of Quarry Brook. Chief Ines Rudd (cc'd)"
        " asked me to send the enrollment info on her behalf.\n\n"
        + _VALUES
        + _ROSTER
        + "PoC contact: Tobias Wren, tobias@ridgeline.test\n\n-- \nTobias Wren\nRidgeline IT\n"
    )
    result = _parse(body, "Tobias Wren <tobias@ridgeline.test>")
    assert result.head_of_department.name == "Ines Rudd"
    assert result.head_of_department.title == "Chief"


def test_unnamed_chief_asked_me_the_writer_is_not_the_head() -> None:
    """ "the chief asked me to send this over" from an IT coordinator: the head is not
    the writer; with no name for him, the head is left to ask."""
    body = (
        "Hi,\n\nquarry brook police wants to get set up, the chief asked me to send this over"
        " since i did the install. our point of contact is going to be Sgt. Odile Pellerin"
        " (opellerin@quarrybrook.test).\n\n"
        + _VALUES
        + _ROSTER
        + "thanks\n\n-- \nTobias Wren\nIT Coordinator, Town of Quarry Brook\n"
    )
    result = _parse(body, "Tobias Wren <twren@quarrybrook.test>")
    assert result.head_of_department.name is None
    assert "head_of_department.name" in result.missing


def test_head_signed_with_a_short_first_name_is_read_in_full() -> None:
    """Signed "Bill Rowe", the From header says William Rowe: the head is William Rowe."""
    body = (
        "Hello,\n\nI will act as the e-ticket point of contact myself.\n\n"
        + _VALUES
        + _ROSTER
        + "Thank you,\nBill Rowe\nFirst Constable, Town of Quarry Brook\n"
    )
    result = _parse(body, "William Rowe <constable@quarrybrook.test>")
    assert result.head_of_department.name == "William Rowe"
    assert result.head_of_department.title == "First Constable"


def test_head_signed_with_a_nickname_and_an_ordinal_title() -> None:
    """Signed "Skip Arnaud / 1st Constable, Town of ..." after "Thanks alot,", the roster
    writes "Lionel (Skip) Arnaud": the head is Lionel Arnaud, First Constable."""
    body = (
        "Hello,\n\nIm the first constable so Ill be the point of contact.\n\n"
        "Judicary code - 0766\nName for tickets - Quarry Brook Town Constable\n"
        "Adress - 9 Ledge Road, Quarry Brook VT 05999\nPhone - 802-555-0170\n\n"
        "Officers:\nLionel (Skip) Arnaud - First Constable - QB1A7 - larnaud\n"
        "Rita Combs - Second Constable - QB2C4 - rcombs\n\n"
        "Thanks alot,\nSkip Arnaud\n1st Constable, Town of Quarry Brook\ncell 802-555-0177\n"
    )
    result = _parse(body, "Lionel Arnaud <larnaud77@mail.test>")
    assert result.head_of_department.name == "Lionel Arnaud"
    assert result.head_of_department.title == "First Constable"


def test_place_before_the_head_title_is_the_agency_s() -> None:
    """Signed "Harlow Dunn / Ledge County Sheriff": the title is Sheriff."""
    body = (
        "Good morning,\n\nLedge County Sheriff's Department would like to start e-ticketing."
        "\n\nPoint of contact will be Sgt. Odile Pellerin - opellerin@ledgesheriff.test\n\n"
        "Judiciary Code: 0766\nAgency name: Ledge County Sheriff's Department\n"
        "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\n\n"
        + _ROSTER
        + "Thanks\nHarlow Dunn\nLedge County Sheriff\n"
    )
    result = _parse(body, "Harlow Dunn <hdunn@ledgesheriff.test>")
    assert result.head_of_department.name == "Harlow Dunn"
    assert result.head_of_department.title == "Sheriff"


# --- the agency's name and logo ----------------------------------------------------------------


def test_value_labelled_name_beats_a_longer_name_in_the_prose() -> None:
    """ "The Town of Quarry Brook Police Department requests ..." then "Name: Quarry Brook
    Police Department": the labelled value is the proper name."""
    body = (
        "Hello,\n\nThe Town of Quarry Brook Police Department requests to be enrolled in"
        " e-ticketing. Sgt. Odile Pellerin will be our Point-of-Contact"
        " (opellerin@quarrybrook.test).\n\nJudiciary code: 0766\n"
        "Name: Quarry Brook Police Department\nAddress: 9 Ledge Road, Quarry Brook, VT 05999\n\n"
        + _ROSTER
        + "Thanks,\nAmos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.agency.name == "Quarry Brook Police Department"


def test_logo_said_to_follow_is_not_the_signature_image() -> None:
    """ "Our logo will follow in a separate email" and a badge shown in the signature:
    no logo is read, and the logo is still wanted."""
    body = (
        "Good afternoon,\n\nQuarry Brook Police Department would like to start e-ticketing."
        " Sgt. Odile Pellerin will be our Point-of-Contact (opellerin@quarrybrook.test).\n\n"
        "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
        "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\n\n"
        "Our logo will follow in a separate email.\n\n"
        + _ROSTER
        + "Thank you,\n\n[cid:image003.png@01DB0000.00000000]\nAmos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>", logo=False, inline_image=True)
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


_LISTED = (
    "Officers to be set up:\n"
    "Cpl. Odile Pellerin, officer # QB207, DPS username opellerin@dps.state.vt.us\n"
    "Officer Louis Marchetti, officer # QB212, DPS username lmarchetti@dps.state.vt.us\n\n"
)


def test_poc_address_after_a_pronoun_chain_not_her_dps_login() -> None:
    """ "Cpl. Pellerin will be our point of contact ... I will copy her on replies; her
    address is opellerin@quarrybrook.test": that address, not the DPS login written as
    an address in her roster line (mail to a login goes nowhere)."""
    body = (
        "Hello,\n\nQuarry Brook Police Department asks to be set up for e-tickets.\n\n"
        "Corporal Odile Pellerin will serve as our e-ticket point of contact and will handle"
        " testing. I will copy her on future correspondence; her address is"
        " opellerin@quarrybrook.test.\n\n" + _VALUES + _LISTED + "Thanks,\nAmos Crane\n"
        "Chief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email == "opellerin@quarrybrook.test"


def test_poc_dps_login_is_not_taken_for_her_mailbox() -> None:
    """A PoC whose only address written is her DPS username is not mailed at it."""
    body = (
        "Hello,\n\nQuarry Brook Police Department asks to be set up for e-tickets.\n\n"
        "Corporal Odile Pellerin will serve as our e-ticket point of contact.\n\n"
        + _VALUES
        + _LISTED
        + "Thanks,\nAmos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email != "opellerin@dps.state.vt.us"


def test_poc_reached_at_this_email_is_the_senders_address() -> None:
    """ "Sgt. Pellerin is our point of contact. Best way to reach her is this email (the
    shared inbox)": her address is the one the message comes from, and is not asked."""
    body = (
        "Hi all,\n\nQuarry Brook is ready for e-tickets! Sgt. Odile Pellerin is going to be our"
        " point of contact for TraCS. Easiest way to contact her is this email (our shared"
        " inbox) or her cell 802-555-0199.\n\n" + _VALUES + _ROSTER + "Thanks!\nAmos Crane\n"
        "Chief of Police\n"
    )
    result = _parse(body, "Quarry Brook PD <quarrybrookpd@webmail.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email == "quarrybrookpd@webmail.test"
    assert "point_of_contact.email" not in result.missing


def test_poc_copied_on_this_email_is_not_the_senders_address() -> None:
    """ "Sgt. Pellerin is our point of contact; she is cc'd on this email": not a word of
    reaching her at the sender's mailbox (the chief's own)."""
    body = (
        "Hi all,\n\nQuarry Brook is ready for e-tickets. Sgt. Odile Pellerin is going to be our"
        " point of contact. She is cc'd on this email.\n\n" + _VALUES + _ROSTER + "Thanks!\n"
        "Amos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.email != "acrane@quarrybrook.test"


def test_poc_login_in_the_designating_sentence_is_not_her_mailbox() -> None:
    """ "Cpl. Odile Pellerin will be our PoC, DPS username opellerin@dps.state.vt.us": a
    login written in the same sentence is not where her mail goes."""
    body = (
        "Hello,\n\nQuarry Brook Police Department asks to be set up for e-tickets.\n\n"
        "Corporal Odile Pellerin will serve as our e-ticket point of contact, DPS username"
        " opellerin@dps.state.vt.us.\n\n" + _VALUES + _ROSTER + "Thanks,\nAmos Crane\n"
        "Chief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email != "opellerin@dps.state.vt.us"


def test_terse_poc_with_rank_name_and_address_and_chief_here() -> None:
    """ "Chief here. ... POC Sgt Lena Wirth lwirth@..." in one line from a phone."""
    result = _parse(
        "Chief here. Sign Quarry Brook PD up for e ticket. Code 0766. POC Sgt Lena Wirth"
        " lwirth@quarrybrook.test. 802 555 0170. Officers to follow\n",
        "Otto Brandt <obrandt@quarrybrook.test>",
        logo=False,
    )
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Lena Wirth"
    assert result.point_of_contact.email == "lwirth@quarrybrook.test"
    assert result.head_of_department.name == "Otto Brandt"
    assert result.head_of_department.title == "Chief"
    assert "point_of_contact.name" not in result.missing


def test_poc_designated_as_the_divisions_point_of_contact() -> None:
    """ "as the Division's e-ticket Point-of-Contact": whose PoC, a possessive word."""
    result = _parse(
        "We would like to begin issuing tickets electronically.\n\nI have designated"
        " Inspector Mara Quist as the Division's e-ticket Point-of-Contact"
        " (mara.quist@quarrybrook.test, 802-555-0171).\n\n" + _VALUES + _ROSTER + "Thanks,\n"
        "Hal Brody\nDirector\n",
        "Hal Brody <hal.brody@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Mara Quist"
    assert result.point_of_contact.email == "mara.quist@quarrybrook.test"


def test_poc_told_as_hes_going_to_be_after_his_rank_and_a_comma() -> None:
    """ "our newest Sergeant, Ivo Tamm, did the install and he's going to be the point of
    contact on this": the ranked name before the pronoun."""
    result = _parse(
        "Our IT guy, who is also our newest Sergeant, Ivo Tamm, did the install and he's"
        " going to be the point of contact on this for us. His email is"
        " itamm@quarrybrook.test.\n\n" + _VALUES + _ROSTER + "Thanks,\nHal Brody\nChief\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Ivo Tamm"
    assert result.point_of_contact.email == "itamm@quarrybrook.test"
    assert "point_of_contact.name" not in result.missing


def test_poc_named_by_her_job_then_she_will_also_be() -> None:
    """ "Our office manager, Gail Forde, typed the list and she will also be our e-ticket
    Point of Contact": the name after the job word and its comma."""
    result = _parse(
        "Quarry Brook Police Department is requesting enrollment. Our office manager, Gail"
        " Forde, typed the officer list (below) and she will also be our e-ticket Point of"
        " Contact going forward.\n\n" + _VALUES + _ROSTER + "Thank you,\nHal Brody\nChief\n",
        "Hal Brody <hbrody@quarrybrook.test>",
        cc='"Forde, Gail" <gforde@quarrybrook.test>',
    )
    assert result.point_of_contact.name == "Gail Forde"
    assert result.point_of_contact.email == "gforde@quarrybrook.test"


def test_chatty_values_point_person_and_zip_word() -> None:
    """ "We're X Police Department (that's what should print) ... Stowe VT, zip 05672 ...
    Sgt. N will be our point person for this, n@...": nothing asked again."""
    result = _parse(
        "Filling it in below.\n\nWe're Quarry Brook Police Department (that's what should"
        " print). Judiciary code 0766. We're at 9 Ledge Road, Quarry Brook VT, zip 05999."
        " Main line 802.555.0170.\n\nSgt. Ned Ash will be our point person for this,"
        " nash@quarrybrook.test.\n\n" + _ROSTER + "Thanks,\nHal\n\n--\nHal Brody\nChief\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.agency.name == "Quarry Brook Police Department"
    assert result.agency.address == "9 Ledge Road, Quarry Brook VT 05999"
    assert result.point_of_contact.name == "Ned Ash"
    assert result.point_of_contact.email == "nash@quarrybrook.test"
    assert result.missing == []


def test_on_behalf_of_the_chief_by_last_name_with_him_copied() -> None:
    """ "On behalf of Chief Ruel (cc'd ...)" with "Ruel, Bernard" on the Cc line: the
    head's full name comes from the header, not asked of the sender."""
    result = _parse(
        "Hello,\n\nOn behalf of Chief Ruel (cc'd - his approval is below), the Quarry Brook"
        " Police Department would like to start issuing tickets electronically. The Chief"
        " has designated me as the e-ticket Point-of-Contact.\n\n"
        + _VALUES
        + _ROSTER
        + "Thank you,\n\nSgt. Odile Pellerin\nRecords Coordinator\n",
        "Pellerin, Odile <opellerin@quarrybrook.test>",
        cc='"Ruel, Bernard" <bruel@quarrybrook.test>',
    )
    assert result.head_of_department.name == "Bernard Ruel"
    assert result.head_of_department.title == "Chief"
    assert result.point_of_contact.name == "Odile Pellerin"
    assert "head_of_department.name" not in result.missing


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Deputy Paul St. Onge", "Paul St. Onge"),
        ('Sgt. Robert "Bobby" Vance', "Robert Vance"),
    ],
)
def test_poc_name_with_a_saints_particle_or_a_quoted_nickname(written: str, read: str) -> None:
    result = _parse(
        f"Quarry Brook would like e-tickets. {written} will be our point of contact, his"
        " email is pv@quarrybrook.test.\n\n" + _VALUES + _ROSTER + "Thanks,\nHal Brody\nChief\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.point_of_contact.name == read


def test_self_poc_takes_the_signed_name_with_initial_and_suffix() -> None:
    """ "I will act as the Point-of-Contact myself" from "Brody, Hal", signed "Hal J. Brody
    Jr.": the name as signed, suffix and its dot kept; a quoted nickname is dropped."""
    result = _parse(
        "Quarry Brook Police Department would like to start issuing tickets electronically."
        " I will act as the e-ticket Point-of-Contact myself.\n\n"
        + _VALUES
        + _ROSTER
        + "Thank you,\n\nHal J. Brody Jr.\nChief of Police\n",
        '"Brody, Hal" <hbrody@quarrybrook.test>',
    )
    assert result.point_of_contact.name == "Hal J. Brody Jr."
    assert result.head_of_department.name == "Hal J. Brody Jr."


def test_self_poc_takes_the_signed_name_with_the_accents_the_header_lacks() -> None:
    """From "Andre Cote", signed "André Côté": the writer who is the PoC is read with
    the accents of his own writing, not as the header spells him."""
    result = _parse(
        "Quarry Brook Police Department would like to start issuing e-tickets. I will be"
        " the point of contact.\n\n"
        + _VALUES
        + _ROSTER
        + "Merci,\nAndré Côté\nChief of Police, Quarry Brook\n",
        "Andre Cote <acote@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "André Côté"
    assert result.head_of_department.name == "André Côté"


def test_head_signed_with_a_quoted_nickname() -> None:
    result = _parse(
        "We would like to enroll in e-ticketing.\n\n"
        + _VALUES
        + _ROSTER
        + 'Thanks,\n\nHarold "Hal" Brody\nChief of Police\n',
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.head_of_department.name == "Harold Brody"


def test_chief_forwards_the_draft_whose_writer_put_himself_as_poc() -> None:
    """The chief's note signed "Name / Chief of Police" over a draft with "PoC: me -
    tlamb@...": the PoC is the draft's writer (named by his address), the head the chief."""
    body = (
        "Good afternoon,\n\nPlease see below from Officer Lamb. I approve our participation"
        " in e-ticketing.\n\nHal Brody\nChief of Police\nQuarry Brook Police Department\n\n"
        "From: Lamb, Toby <tlamb@quarrybrook.test>\nSent: Friday, March 6, 2026 4:52 PM\n"
        "To: Brody, Hal <hbrody@quarrybrook.test>\nSubject: e-ticket draft\n\nChief,\n\n"
        "Here is the draft info for DPS.\n\n" + _VALUES + "PoC: me - tlamb@quarrybrook.test,"
        " desk x23\n\n" + _ROSTER + "Toby\n"
    )
    msg = EmailMessage()
    msg["From"] = '"Brody, Hal" <hbrody@quarrybrook.test>'
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Cc"] = '"Lamb, Toby" <tlamb@quarrybrook.test>'
    msg["Subject"] = "FW: e-ticket draft"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Toby Lamb"
    assert result.point_of_contact.email == "tlamb@quarrybrook.test"
    assert result.head_of_department.name == "Hal Brody"
    assert result.head_of_department.title == "Chief of Police"


def test_head_title_after_the_name_on_a_flattened_signature_line() -> None:
    result = _parse(
        "We'd like to enroll in e-ticketing.\n\n" + _VALUES + _ROSTER + "Thanks!\nHal\n\n-- \n"
        "\tHal Brody Chief of Police | Quarry Brook Police Department O 802-555-0170"
        " M 802-555-0171 hbrody@quarrybrook.test 9 Ledge Road, Quarry Brook VT 05999\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.head_of_department.name == "Hal Brody"
    assert result.head_of_department.title == "Chief of Police"


def test_logo_said_to_be_on_the_website_is_not_the_signature_image() -> None:
    """ "For the logo, please take it from our website": the image shown in the
    signature is not the logo, and the logo is still wanted."""
    body = (
        "Good afternoon,\n\nQuarry Brook Police Department would like to start e-ticketing."
        " Sgt. Odile Pellerin will be our Point-of-Contact (opellerin@quarrybrook.test).\n\n"
        "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
        "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\n\n"
        "For the logo, please take it from the top of our website (quarrybrook.test/pd).\n\n"
        + _ROSTER
        + "Thank you,\n\n[cid:image003.png@01DB0000.00000000]\nAmos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>", logo=False, inline_image=True)
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


def test_logo_given_as_a_web_link_is_not_the_signature_image() -> None:
    """ "Logo: you can download it from the village site: https://..." gives the logo
    only as a link: the image shown in the signature is not the logo, which is wanted."""
    body = (
        "Good afternoon,\n\nQuarry Brook Police Department would like to start e-ticketing."
        " Sgt. Odile Pellerin will be our Point-of-Contact (opellerin@quarrybrook.test).\n\n"
        "Judiciary code: 0766\nName on ticket: Quarry Brook Police Department\n"
        "Address: 9 Ledge Road, Quarry Brook, VT 05999\nPhone: 802-555-0170\n"
        "Logo: you can download it from the village site: "
        "https://quarrybrook.test/img/pd-logo.png\n\n"
        + _ROSTER
        + "Thank you,\n\n[cid:image003.png@01DB0000.00000000]\nAmos Crane\nChief of Police\n"
    )
    result = _parse(body, "Amos Crane <acrane@quarrybrook.test>", logo=False, inline_image=True)
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


def test_she_after_a_ranked_name_is_no_point_of_contact_name() -> None:
    """ "... from Sgt. Ingrid Solberg-Raines. She will be our e-ticket point of contact":
    "She" is no name; the PoC is the sergeant named before it."""
    body = (
        "Good morning,\n\nPlease see the details below from Sgt. Solberg-Raines. She will be\n"
        "our e-ticket point of contact and has my approval for this.\n\n"
        "Judiciary code: 0533\nAgency name: Brandon Police Department\n"
        "Address: 12 Park Street, Brandon, VT 05733\nPhone: 802-555-0142\n\n"
        "Officers:\n"
        "Sgt. Ingrid Solberg-Raines, BR31, isolbergraines\n"
        "Ofc. Tobias Wren, BR44, twren\n\n"
        "Harold Fenwick\nChief of Police\n"
    )
    msg = EmailMessage()
    msg["From"] = "hfenwick@brandonpd.test"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "E-ticket request"
    msg.set_content(body)
    assert parse_message(msg.as_bytes()).point_of_contact.name == "Ingrid Solberg-Raines"


def test_chief_forwards_the_draft_saying_it_has_his_approval() -> None:
    """The chief's note "... she has my approval for this", signed "Name / Chief of
    Police", over a lieutenant's draft signed with her own rank: the head is the chief."""
    body = (
        "Please see below from Lt. Ferreira. She will be our e-ticket point of contact and"
        " has my approval for this.\n\nHal Brody\nChief of Police\n"
        "Quarry Brook Police Department\n\n---------- Forwarded message ---------\n"
        "From: Odete Ferreira <oferreira@quarrybrook.test>\nDate: Fri, Mar 6, 2026\n"
        "Subject: e-ticket draft\nTo: Hal Brody <hbrody@quarrybrook.test>\n\nChief,\n\n"
        "Here is everything DPS asks for.\n\n" + _VALUES + _ROSTER + "Thanks,\nOdete\n\n--\n"
        "Lt. Odete Ferreira\nQuarry Brook Police Department\n"
    )
    msg = EmailMessage()
    msg["From"] = "Hal Brody <hbrody@quarrybrook.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Fwd: e-ticket draft"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.head_of_department.name == "Hal Brody"
    assert result.head_of_department.title == "Chief of Police"


def test_the_person_a_request_asks_be_the_contact_is_the_point_of_contact() -> None:
    """ "The Chief asked that Sergeant Odile Pellerin be the Point-of-Contact (...)", by
    the office manager who writes: the sergeant and her address, not the writer."""
    body = (
        "Hi there,\n\nI'm the office manager for Quarry Brook. Chief Amos Crane would like us"
        " to start e-ticketing. He asked that Sergeant Odile Pellerin be the Point-of-Contact"
        " (opellerin@quarrybrook.test).\n\n" + _VALUES + _ROSTER + "Thank you,\nDina Vell\n"
        "Office Manager, Quarry Brook Police Department\n"
    )
    result = _parse(body, "Vell, Dina <dvell@quarrybrook.test>")
    assert result.point_of_contact.name == "Odile Pellerin"
    assert result.point_of_contact.email == "opellerin@quarrybrook.test"


def test_poc_me_from_a_sender_whose_rank_is_two_words() -> None:
    """ "PoC: me, x@..." from "Deputy Chief Odile Pellerin": the writer, named by the From
    header without her rank of two words."""
    result = _parse(
        "Hello,\n\n" + _VALUES + "PoC: me, opellerin@quarrybrook.test\n\n" + _ROSTER,
        "Deputy Chief Odile Pellerin <opellerin@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Odile Pellerin"
    assert "point_of_contact.name" not in result.missing


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief has designated our sergeant as the e-ticket Point of Contact.",
        "Our sergeant will be the contact person for this, she set up the laptops.",
    ],
)
def test_poc_named_by_a_rank_only_is_the_one_officer_of_that_rank(sentence: str) -> None:
    """ "our sergeant" as PoC: the one person the message names with that rank."""
    roster = _ROSTER.replace("Sergeant", "Sgt.", 1)
    result = _parse(
        f"Hello,\n\n{sentence}\n\n" + _VALUES + roster + "Chief Hal Brody\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Odile Pellerin"
    assert "point_of_contact.name" not in result.missing


def test_poc_named_by_a_rank_two_people_hold_is_no_one() -> None:
    roster = _ROSTER.replace("\tOfficer\t", "\tSergeant\t")
    result = _parse(
        "Hello,\n\nThe Chief has designated our sergeant as the e-ticket Point of Contact.\n\n"
        + _VALUES
        + roster
        + "Chief Hal Brody\n",
        "Hal Brody <hbrody@quarrybrook.test>",
    )
    assert result.point_of_contact.name is None


def test_writer_who_is_poc_names_himself_after_a_dash() -> None:
    """ "PoC: Me - Greg Hale, x@..." from a mailbox that does not name him: the name he
    writes after "me", not the head he writes for."""
    result = _parse(
        "Hi - answering for Chief Brody:\n\n"
        + _VALUES
        + "The name and e-mail of the e-ticket Point of Contact: Me - Toby Lamb,"
        + " tlamb@quarrybrook.test\n\n"
        + _ROSTER,
        "IT Desk <it@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Toby Lamb"


def test_writer_the_head_wants_as_poc_names_herself_in_brackets() -> None:
    """ "PoC: Chief Brody wants me (Sgt. Odile Pellerin) as PoC.": the writer, by the name
    she writes in brackets, not the head who wants her."""
    result = _parse(
        "Answers inline, writing for Chief Brody.\n\n"
        + _VALUES
        + "The name and e-mail of the e-ticket Point of Contact: Chief Brody wants me"
        + " (Sgt. Odile Pellerin) as PoC."
        + " opellerin@quarrybrook.test\n\n"
        + _ROSTER,
        "Sgt. Odie Pellerin <opellerin@quarrybrook.test>",
    )
    assert result.point_of_contact.name == "Odile Pellerin"
