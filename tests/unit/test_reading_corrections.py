"""Roster corrections and other wordings fresh messages were misread on, each from a
realistic message: a last name corrected letter by letter ("last name has one f:
Tardif"), and an enrolment told as past in a roster change ("keyed wrong when we
enrolled")."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_mail = mail


def _read(body: str, subject: str = "Roster updates") -> Any:
    return parse_message(
        _mail(body, sender="Lt. Renee Gauthier <rgauthier@orleanssheriff.test>", subject=subject)
    )


def _changes(body: str) -> list[dict[str, Any]]:
    result = _read(body)
    assert result.intent == "officer_maintenance"
    return [c.model_dump(exclude_none=True) for c in result.changes]


def test_last_name_corrected_letter_by_letter_beside_a_new_hire() -> None:
    """ "last name has one f: Tardif" corrects Deputy Tardiff's record; the message is a
    roster change even though it says the name was keyed wrong "when we enrolled", and
    the correction is not taken for a second new hire."""
    result = _read(
        "Good afternoon,\n\nTwo roster items for Orleans County Sheriff's Office:\n\n"
        "1. Please add Deputy Kyle Brennan, VT LEO # OC219, DPS username kbrennan.\n"
        "2. Deputy Michelle Tardiff (OC212) - last name has one f: Tardif. It was entered"
        " wrong when we enrolled.\n\nThanks,\nLt. Renee Gauthier\n"
        "Orleans County Sheriff's Office\n"
    )
    assert result.intent == "officer_maintenance"
    assert result.missing == []
    got = {c.officer_number: c.model_dump(exclude_none=True) for c in result.changes}
    assert got["OC219"]["action"] == "add"
    assert got["OC212"] == {
        "action": "update",
        "officer_number": "OC212",
        "last_name": "Tardif",
        "first_name": "Michelle",
        "title": "Deputy",
    }


@pytest.mark.parametrize(
    ("item", "number", "last"),
    [
        ("Deputy Michelle Tardiff, OC212 -- last name has one f: Tardif.", "OC212", "Tardif"),
        ("Ofc. Jon Philips (OC300) - his name has two Ls: Phillips.", "OC300", "Phillips"),
        ("Ofc. Amy Rousse (OC301), no e at the end: Rouss.", "OC301", "Rouss"),
        (
            "Cpl. Dan Maloney (OC302) - it is spelled with a double l, Malloney.",
            "OC302",
            "Malloney",
        ),
    ],
)
def test_letter_counted_in_a_name_is_a_spelling_correction(
    item: str, number: str, last: str
) -> None:
    """A letter counted or dropped ("one f", "two Ls", "no e at the end") marks the item a
    correction of the last name to the spelling it gives."""
    changes = _changes(f"Hi,\n\n{item}\n\nRenee\n")
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in changes] == [
        ("update", number, last)
    ]


@pytest.mark.parametrize(
    "sentence",
    ["No I don't think so.", "We have one a day.", "Call me at extension two-four."],
)
def test_words_that_only_look_like_letters_are_not_a_correction(sentence: str) -> None:
    """An unquoted "I" or "a", or a hyphenated word, after "no"/"one" is no letter count:
    such a note about an officer stays "other"."""
    result = _read(f"Hi,\n\nAbout Officer Dana Reyes: {sentence}\n\nRenee\n", subject="Note")
    assert result.intent == "other"
    assert result.changes == []


# --- enrolments: a tiny logo said to be attached, ranks of two words, more labels ------

_ENROL = (
    "Good morning,\n\nThe Lamoille County Sheriff's Department would like to begin issuing"
    " Vermont Civil Violation Complaints electronically. {poc}\n\n"
    "Judiciary code: 0702\n{name_label}: {name}\n"
    "Address: 88 Lower Main Street West, Hyde Park, VT 05655\nPhone: 802-888-3502\n"
    "{logo}\n\nOfficers:\n{officers}\n\nRespectfully,\nRoger Marcoux\nSheriff\n"
)


def _enrol(
    *,
    poc: str = "I have designated Lt. Carl Ekstrom (cekstrom@lamoillesheriff.test) as the"
    " Point-of-Contact.",
    name_label: str = "Agency name",
    name: str = "Lamoille County Sheriff's Department",
    logo: str = "Logo attached.",
    officers: str = "1) Deputy Paul Rivard, LC610, privard",
    image: tuple[str, bytes] | None = None,
) -> Any:
    from tests.data import build

    msg = EmailMessage()
    msg["From"] = "Sheriff Roger Marcoux <rmarcoux@lamoillesheriff.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(
        _ENROL.format(poc=poc, name_label=name_label, name=name, logo=logo, officers=officers)
    )
    name, data = image or ("lcsd_patch.png", build.png(120, 120))
    msg.add_attachment(data, maintype="image", subtype=name.rsplit(".", 1)[1], filename=name)
    return parse_message(msg.as_bytes())


@pytest.mark.parametrize(
    "said", ["Our star logo is attached.", "Logo: see attached", "- Logo: attached"]
)
def test_tiny_image_sent_as_the_logo_is_the_logo(said: str) -> None:
    """A 1x1 image attached as a file (no HTML shows it, as it would a tracking pixel),
    when the text says the logo is attached, is the logo: not asked for again, and
    reported as too small to print."""
    from tests.data import build

    result = _enrol(logo=said, image=("lcsd_star.gif", build.image("GIF", 1, 1)))
    assert result.agency.logo == "lcsd_star.gif"
    assert "agency.logo" not in result.missing
    assert [i.field for i in result.invalid] == ["agency.logo"]


def test_tiny_image_is_no_logo_when_the_text_does_not_say_so() -> None:
    """Without a word that a logo is attached, a 1x1 image is not taken for one: the
    logo is asked for."""
    from tests.data import build

    result = _enrol(logo="", image=("t.gif", build.image("GIF", 1, 1)))
    assert result.agency.logo is None
    assert "agency.logo" in result.missing


def test_point_of_contact_myself_after_a_job_description() -> None:
    """ "Im the first constable and will be the point of contact myself": the sender is
    the PoC, with his own address."""
    result = _enrol(poc="Im the sheriff and will be the point of contact myself, email me here.")
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Roger Marcoux",
        "rmarcoux@lamoillesheriff.test",
    )
    assert "point_of_contact.name" not in result.missing


def test_ranks_of_two_words_and_inspector_are_titles() -> None:
    """ "Game Warden Jacob Pelletier" and "Inspector Trevor Baker" in a list: the rank is
    the title, not part of the first name."""
    result = _enrol(
        officers="1) Game Warden Jacob Pelletier, FW214, jpelletier\n"
        "2) Inspector Trevor Baker, LEO DMV21, DPS username tbaker\n"
        "3) Warden Sergeant Walt Kinney, FW203, wkinney"
    )
    got = [(o.title, o.first_name, o.last_name) for o in result.officers]
    assert got == [
        ("Game Warden", "Jacob", "Pelletier"),
        ("Inspector", "Trevor", "Baker"),
        ("Warden Sergeant", "Walt", "Kinney"),
    ]
    assert not [p for p in result.missing if p.endswith(".title")]


@pytest.mark.parametrize(
    "label", ["Name to print", "Name to be printed", "Name to show", "Name for ticket"]
)
def test_more_agency_name_labels(label: str) -> None:
    """ "Name to print: ..." labels the proper name for the e-ticket, which is read rather
    than the department the opening sentence names."""
    result = _enrol(name_label=label, name="Lamoille County Sheriff")
    assert result.agency.name == "Lamoille County Sheriff"
    assert "agency.name" not in result.missing


def test_ori_given_for_the_code_is_no_judiciary_code() -> None:
    """ "Our ORI is VT0010400" with no judiciary code: an ORI is not the code, which is
    asked for (the message did not give it)."""
    body = _ENROL.replace("Judiciary code: 0702\n", "")
    msg = EmailMessage()
    msg["From"] = "Sheriff Roger Marcoux <rmarcoux@lamoillesheriff.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(
        body.format(
            poc="Our ORI is VT0010400. Point of contact is Lt. Carl Ekstrom,"
            " cekstrom@lamoillesheriff.test.",
            name_label="Agency name",
            name="Lamoille County Sheriff's Department",
            logo="",
            officers="1) Deputy Paul Rivard, LC610, privard",
        )
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code is None
    assert "agency.judiciary_code" in result.missing
    assert [o.officer_number for o in result.officers] == ["LC610"]


def test_officers_one_after_another_on_one_line() -> None:
    """ "Officers: Gabe Fortin (Officer, MP501, gfortin); Tessa Lemay (Officer, MP507,
    tlemay)": two officers, each with his values."""
    result = _enrol(
        officers="Gabe Fortin (Officer, MP501, gfortin); Tessa Lemay (Officer, MP507, tlemay)"
    )
    got = [
        (o.first_name, o.last_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]
    assert got == [
        ("Gabe", "Fortin", "Officer", "MP501", "gfortin"),
        ("Tessa", "Lemay", "Officer", "MP507", "tlemay"),
    ]


def test_aligned_roster_with_a_glued_number_sign_and_the_chief_in_it() -> None:
    """A roster aligned with spaces under "LEO#" gives the numbers; the chief's own row
    is not read as a signature, and gives the head his title."""
    body = (
        "hi,\n\nthis is chief ray dunbar of the bristol police dept. we want to do the"
        " e-tickets. i am going to be the point of contact myself for now.\n\n"
        "judiciary code 0129\nBristol Police Department\n1 South Street, Bristol, VT 05443\n"
        "802-453-2533\n\n"
        "LAST        FIRST      TITLE       LEO#     USERNAME\n"
        "Dunbar      Ray        Chief       01B02    rdunbar\n"
        "Kittredge   Hollis     Officer     01B17    hkittredge\n\nthanks\nray\n"
    )
    msg = EmailMessage()
    msg["From"] = "Ray Dunbar <bristolchief@example.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e tickets"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert [o.officer_number for o in result.officers] == ["01B02", "01B17"]
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Ray Dunbar",
        "Chief",
    )
    assert not [p for p in result.missing if p.startswith("officers")]


def test_point_of_contact_written_with_no_break_hyphens() -> None:
    """ "our e‑ticket Point‑of‑Contact – robert.ellis@..." (no-break hyphens, as some
    clients type them) designates the PoC with that address."""
    result = _enrol(
        poc="I\u2019ve named Sgt. Robert Ellis Jr. as our e\u2011ticket Point\u2011of\u2011"
        "Contact \u2013 robert.ellis@lamoillesheriff.test."
    )
    assert result.point_of_contact.email == "robert.ellis@lamoillesheriff.test"
    assert "point_of_contact.email" not in result.missing


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Head of department: Director Anne Bouffard", ("Anne Bouffard", "Director")),
        ("Department head: Dana Morse, Chief of Police", ("Dana Morse", "Chief of Police")),
    ],
)
def test_labelled_head_of_department(line: str, want: tuple[str, str]) -> None:
    """A "Head of department:" line names the head, whoever signs (here the PoC, in a
    reply that sends the request's values)."""
    msg = EmailMessage()
    msg["From"] = "Dylan Roberge <dylan.roberge@castleton.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Castleton Public Safety e-ticket"
    msg.set_content(
        "Here you go, sorry for the delay.\n\nAgency: Castleton Public Safety\n"
        "Judiciary code 0573\nAddress 62 Alumni Drive, Castleton, VT 05735\n"
        "Phone 802-468-1234\nPoint of contact: Ofc. Dylan Roberge,"
        f" dylan.roberge@castleton.test\n{line}\n\nOfficers\n"
        "Roberge Dylan Officer 1R338 droberge\n\nDylan\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert (result.head_of_department.name, result.head_of_department.title) == want
    assert "head_of_department.name" not in result.missing


# --- what a message asks for, in plain words --------------------------------------------


def _message(body: str, sender: str, subject: str) -> Any:
    return parse_message(_mail(body, sender=sender, subject=subject))


def test_wanting_e_tickets_with_a_roster_is_an_enrolment() -> None:
    """ "Bellows Falls Police Dept wants e-tickets." with its values and officers, tersely
    written: an enrolment, the proper name said inline, "POC me" the sender."""
    result = _message(
        "Bellows Falls Police Dept wants e-tickets.\nCode 0253. Proper name Village of"
        " Bellows Falls Police Department. 170 Rockingham St, Bellows Falls VT 05101."
        " 802 463 1234.\nPOC me.\nOfficers (last first title # user):\n"
        "Young Tyler Officer BF880 tyoung\nDrew Alicia Officer BF884 adrew\nlogo attached\n"
        "-Chief Dale Perry\n",
        sender="Dale Perry <dperry@bfpd.test>",
        subject="etickets",
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Village of Bellows Falls Police Department"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Dale Perry",
        "dperry@bfpd.test",
    )
    assert [o.officer_number for o in result.officers] == ["BF880", "BF884"]


def test_chatty_lower_case_enrolment() -> None:
    """Officers typed all lower-case, the PoC named by first name only, the agency name
    before "thats the name we want on the ticket": all read, none asked for again."""
    result = _message(
        "hi there!!\n\nso the select board finaly voted to let us do the e tickets, yay."
        " this is for the Town of Pittsfield Constables, thats the name we want on the"
        " ticket please.\n\nme and darlene are the two constables:\n"
        "bucky rowell - constable - PC201 - user browell\n"
        "darlene snow - constable - PC202 - user dsnow\n\n"
        "Darlene is gonna be the point of contact person for this since shes better with"
        " computers lol. her email is darlene.snow@example.test\n\nthanks a bunch\n"
        "Bucky Rowell\nConstable, Town of Pittsfield\n",
        sender="Bucky Rowell <buckyrowell@example.test>",
        subject="e tickets for pittsfield",
    )
    assert result.intent == "enrollment"
    assert result.agency.name == "Town of Pittsfield Constables"
    # the names written with capitals: their addresses (buckyrowell@, darlene.snow@) say so
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Rowell", "PC201", "browell"),
        ("Snow", "PC202", "dsnow"),
    ]
    assert (result.point_of_contact.name or "").lower() == "darlene snow"
    assert result.point_of_contact.email == "darlene.snow@example.test"
    assert not {"agency.name", "point_of_contact.name", "officers"} & set(result.missing)


def test_coordinating_officer_is_the_point_of_contact() -> None:
    """ "Sgt. Meghan Carr will coordinate on our end - mcarr@...": the PoC, with that
    address, in an enrolment asking to be "set up for electronic tickets"."""
    result = _message(
        "Hi there,\n\nWe'd like to get the Hinesburg Police Department set up for electronic"
        " tickets. Our judiciary code is 0673.\n\nWe're at 10632 Route 116, Hinesburg, VT"
        " 05461, phone 802-482-2100.\n\nSgt. Meghan Carr will coordinate on our end -"
        " mcarr@hinesburg.test.\n\nUsers:\n  Officer Brett Lavoie   LEO# HP310   login"
        " blavoie\n\nLogo attached. Thanks!\n\nChief Anthony Cambridge\n",
        sender="Anthony Cambridge <acambridge@hinesburg.test>",
        subject="Setting up e-tickets",
    )
    assert result.intent == "enrollment"
    assert (result.point_of_contact.name, result.point_of_contact.email) == (
        "Meghan Carr",
        "mcarr@hinesburg.test",
    )


def test_new_hire_under_an_agency_label_is_a_roster_change() -> None:
    """ "Please create a TraCS officer record for our newest officer" with labelled values
    and an "Agency:" line is an add, not an enrolment."""
    result = _message(
        "Good morning,\n\nPlease create a TraCS officer record for our newest officer:\n\n"
        "Last name: Hutchins\nFirst name: Ashley\nTitle: Officer\nVT LEO #: 3H718\n"
        "DPS username: ahutchins\n\nAgency: Brattleboro Police Department\n\nThanks,\n"
        "Sgt. Tom Reilly\n",
        sender="Tom Reilly <treilly@brattleboro.test>",
        subject="New officer - TraCS record",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "3H718")]
    added = result.changes[0]
    assert (added.last_name, added.first_name, added.dps_username) == (
        "Hutchins",
        "Ashley",
        "ahutchins",
    )


def test_swore_in_and_add_them_is_a_roster_change() -> None:
    """ "we just swore in two new part-time officers, can you add them": adds."""
    result = _message(
        "hey - we just swore in two new part-time officers, can you add them to TraCS under"
        " Richmond PD?\n\n- Cole Marchessault, LEO # 6M902, officer\n\nNate\n",
        sender="Nate Dufresne <ndufresne@richmond.test>",
        subject="new officers",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "6M902")]


@pytest.mark.parametrize(
    "body",
    [
        "Hi,\n\nOfficer Dylan Pratt (3P550) can't sign in to TraCS on his cruiser laptop - he"
        ' gets "user not associated with an agency". Everyone else is fine. Is there'
        " something wrong on your end with his record?\n\nThanks,\nSgt. Ian Crosby\n",
        "Hi there,\n\nI'm reaching out from RoadSafe Mobile. Many departments enrolling in"
        " TraCS tell us the hardware step is the slowest part. Could I grab 15 minutes on"
        " your calendar next week?\n\nBest regards,\nJordan Kessler\n1-888-555-0142\n",
    ],
)
def test_login_problem_and_sales_pitch_are_other_mail(body: str) -> None:
    """A login problem naming an officer and a vendor's pitch ask for no record change."""
    result = _message(body, sender="Someone <someone@example.test>", subject="TraCS")
    assert result.intent == "other"
    assert result.changes == []


# --- values misread ----------------------------------------------------------------------


def test_promotion_title_ends_with_its_sentence() -> None:
    """ "promoted from Sergeant to Lieutenant. Please update her title.": the title is
    Lieutenant."""
    changes = _changes(
        "Hi,\n\n1. Meghan Carr (HP302) has been promoted from Sergeant to Lieutenant. Please"
        " update her title.\n\nRenee\n"
    )
    assert [(c["officer_number"], c.get("title")) for c in changes] == [("HP302", "Lieutenant")]


def test_bulleted_rows_under_a_heading_line_keep_their_titles_clean() -> None:
    """ "Officers (Rank, Name, LEO #, User ID):" then "- Lieutenant, Joel Halvorsen, ...":
    the bullet is no part of the title."""
    result = _enrol(
        officers="Officers (Rank, Name, LEO #, User ID):\n"
        "- Lieutenant, Joel Halvorsen, 14W02, jhalvorsen\n"
        "- Officer, Maya Thibodeau, 14W10, mthibodeau"
    )
    assert [(o.title, o.last_name) for o in result.officers] == [
        ("Lieutenant", "Halvorsen"),
        ("Officer", "Thibodeau"),
    ]


def test_username_said_not_assigned_yet_is_missing() -> None:
    """ "DPS username not assigned yet" gives no username (not "not"): it is asked for."""
    result = _enrol(
        officers="1. Deputy Paul Rivard, LEO LC610, DPS username privard\n"
        "2. Deputy Sophie Gingras, LEO LC572, DPS username not assigned yet"
    )
    assert [o.dps_username for o in result.officers] == ["privard", None]
    assert "officers[1].dps_username" in result.missing


def test_first_name_respelled_with_the_number_after_it() -> None:
    """'our Sgt. is listed as "Steven Bellavance" - it should be Stephen. Number 2B903.':
    the first name is corrected, the last name stays (not "Number")."""
    changes = _changes(
        'Hello,\n\nOur Sgt. is listed as "Steven Bellavance" - it should be Stephen.'
        " Number 2B903.\n\nThank you,\nLisa Cota\n"
    )
    assert changes == [
        {
            "action": "update",
            "officer_number": "2B903",
            "last_name": "Bellavance",
            "first_name": "Stephen",
        }
    ]


# --- other mail: what a question or a thank-you mentions opens no case -------------------


def test_question_naming_its_agency_and_code_gives_no_values() -> None:
    """A question about the process ("Can we send their names now?") that names its code
    in passing and signs with the agency's name asks for nothing: no value is read."""
    result = _message(
        "Hello,\n\nOur department (Judiciary Code 0417) has used TraCS since spring. Two"
        " recruits start in March without LEO numbers yet. Can we send their names now, or"
        " should we wait until the academy assigns the numbers?\n\nThanks,\nDana Whitcomb\n"
        "Ludlow Police Department\n",
        sender="Dana Whitcomb <dwhitcomb@ludlow.test>",
        subject="Question about new recruits",
    )
    assert result.intent == "other"
    assert (result.agency.name, result.agency.judiciary_code) == (None, None)
    assert result.head_of_department.name is None


def test_thank_you_reply_signed_with_the_agency_gives_no_agency_name() -> None:
    """ "Thank you, everyone could log in" in answer to our confirmation, signed by the
    chief over the agency's name: the name under a sign-off is who wrote, not a value."""
    msg = EmailMessage()
    msg["From"] = "Chief Ann Bouchard <abouchard@ludlow.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: TraCS records created"
    msg["In-Reply-To"] = "<case-17@vermont.test>"
    msg.set_content(
        "Thanks so much! All four of our officers logged in this morning.\n\n"
        "Chief Ann Bouchard\nLudlow Police Department\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.agency.name is None


# --- transfers in and out ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "agency", "title"),
    [
        (
            "Deputy Rhea Sorel (OC220) has left the Orleans County Sheriff's Office and"
            " transferred to the Newport City Police Department as an Officer. Please move"
            " her record over.",
            "Newport City Police Department",
            "Officer",
        ),
        (
            "Deputy Rhea Sorel (OC220) is leaving us for the Derby Police Department at the"
            " end of the month.",
            "Derby Police Department",
            "Deputy",
        ),
        (
            "Deputy Rhea Sorel (OC220) is moving from our office to the Caledonia County"
            " Sheriff's Department as a Sergeant starting January 4th.",
            "Caledonia County Sheriff's Department",
            "Sergeant",
        ),
    ],
)
def test_officer_leaving_for_another_agency_moves_her_record(
    sentence: str, agency: str, title: str | None
) -> None:
    """An officer who left (or is leaving) for another agency that is named keeps her
    record, moved there with the rank she takes ("as an Officer"), else the rank she is
    named by: an update, not a deactivation, unless the sender asks for the record to be
    switched off."""
    changes = _changes(f"Hi,\n\n{sentence}\n\nThanks,\nRenee\n")
    expected = {"action": "update", "officer_number": "OC220", "last_name": "Sorel"}
    expected |= {"first_name": "Rhea", "agency": agency}
    if title:
        expected["title"] = title
    assert changes == [expected]


def test_officer_leaving_for_another_agency_deactivated_when_asked() -> None:
    """ "has left us for the Derby Police Department. Please deactivate her record.": what
    the sender asks for is done."""
    changes = _changes(
        "Hi,\n\nDeputy Rhea Sorel (OC220) has left us for the Derby Police Department."
        " Please deactivate her record.\n\nRenee\n"
    )
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "OC220")]


def test_lateral_transfer_in_moves_the_record_to_the_senders_agency() -> None:
    """ "We have hired a lateral transfer from the X. Officer A B (LEO 1A234) ... please
    move his officer record over to <our agency>": the existing record is moved (an update
    naming our agency), and the name is the officer's, not the agency of the sentence
    before."""
    result = _message(
        "Hello,\n\nWe have hired a lateral transfer from the Hartford Police Department."
        " Officer Marcus Dion (VT LEO number 4D118) started with us on Monday. Please move his"
        " officer record over to Norwich Police Department. His DPS username is mdion.\n\n"
        "Respectfully,\nSgt. Lena Fitch\nNorwich Police Department\n",
        sender="Lena Fitch <lfitch@norwich.test>",
        subject="Lateral transfer",
    )
    assert result.intent == "officer_maintenance"
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert [(c["action"], c["officer_number"]) for c in changes] == [("update", "4D118")]
    assert (changes[0]["first_name"], changes[0]["last_name"]) == ("Marcus", "Dion")
    assert changes[0]["agency"] == "Norwich Police Department"


# --- names: a last name with a particle, a first name said short -------------------------


@pytest.mark.parametrize(
    ("row", "last"),
    [
        ("3. St. Pierre, Andre - Corporal - LEO# 17A93 - astpierre", "St. Pierre"),
        ("3. Van Buren, Andre - Corporal - LEO# 17A93 - avanburen", "Van Buren"),
        ("3. De la Cruz, Andre - Corporal - LEO# 17A93 - adelacruz", "De la Cruz"),
    ],
)
def test_last_name_with_a_particle_before_the_comma(row: str, last: str) -> None:
    """ "St. Pierre, Andre": the words before the comma are the last name, as in the rows
    around it ("Marsh, Deborah")."""
    result = _enrol(officers=f"1. Marsh, Deborah - Officer - LEO# 17C08 - dmarsh\n{row}")
    assert [(o.last_name, o.first_name) for o in result.officers] == [
        ("Marsh", "Deborah"),
        (last, "Andre"),
    ]


def test_self_named_poc_takes_the_full_name_he_signs() -> None:
    """ "I will be the point of contact myself" from "Tim Hale" who signs "Chief Timothy
    Hale": the PoC is named in full, as the head is."""
    msg = EmailMessage()
    msg["From"] = "Tim Hale <timhale@pittsford.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(
        "Hello,\n\nPittsford Police Department would like to enroll in e-ticketing.\n\n"
        "Judiciary code: 0318\nAddress: 426 Plains Road, Pittsford, VT 05763\n"
        "Phone: 802-483-6500\n\nI will be the point of contact myself.\n\nOfficers:\n"
        "Sgt. Aaron Brace - LEO# 4B270 - username abrace\n\nChief Timothy Hale\n"
        "Pittsford Police Department\n"
    )
    result = parse_message(msg.as_bytes())
    assert result.point_of_contact.name == "Timothy Hale"
    assert result.point_of_contact.email == "timhale@pittsford.test"


@pytest.mark.parametrize(("said", "listed"), [("Chris", "Christopher"), ("Bill", "William")])
def test_poc_named_by_the_short_form_of_a_listed_officers_name(said: str, listed: str) -> None:
    """ "Chris is going to be the point of contact", with Christopher Lund in the roster
    (and "Bill" for William, from the rules' short names): the PoC is that officer."""
    result = _enrol(
        poc=f"{said} is going to be the point of contact.",
        officers=f"1) Deputy Paul Rivard, LC610, privard\n2) Sgt. {listed} Lund, LC611, clund",
    )
    assert result.point_of_contact.name == f"{listed} Lund"


# --- corrections: a quoted nickname, a username alone; a new hire without his number -----


def test_correction_naming_the_officer_by_a_quoted_nickname() -> None:
    """'Correction: Ofc. "Danny" Roy, 4R019, legal first name is Daniel': the officer is
    Roy, whose first name becomes Daniel."""
    changes = _changes(
        "Hi,\n\n1. Ofc. Lee Cote (4C001) - promoted to Corporal\n"
        '2. Correction: Ofc. "Danny" Roy, 4R019, legal first name is Daniel - please fix\n'
        "\nRenee\n"
    )
    assert changes[1] == {
        "action": "update",
        "officer_number": "4R019",
        "last_name": "Roy",
        "first_name": "Daniel",
        "title": "Officer",
    }


@pytest.mark.parametrize("said", ["is actually", "is really", "should be"])
def test_username_alone_corrected_is_an_update(said: str) -> None:
    """ "his DPS username is actually wroy2, not wroy": an item that corrects only the
    username is an update carrying the new one."""
    changes = _changes(
        "Good morning,\n\n1. Captain Lee Cote (07E01) retired 11/30 - please deactivate.\n"
        f"2. Officer Will Roy (07E26) - his DPS username {said} wroy2, not wroy. Sorry for"
        " the error.\n\nThank you,\nRenee\n"
    )
    assert changes[1] == {
        "action": "update",
        "officer_number": "07E26",
        "last_name": "Roy",
        "first_name": "Will",
        "title": "Officer",
        "dps_username": "wroy2",
    }


def test_new_hire_listed_with_his_number_pending_is_added() -> None:
    """ "- Bree Thibault, officer, LEO number still pending": a second new hire whose
    number is to come is added all the same (without a number), and the lower-case rank
    after a number is the title."""
    result = _message(
        "hey - we just swore in two new part-time officers, can you add them under Richmond"
        " PD?\n\n- Cole Marchand, LEO # 6M902, officer\n"
        "- Bree Tatro, officer, LEO number still pending from the academy\n\nNate\n",
        sender="Nate Dufresne <ndufresne@richmond.test>",
        subject="new officers",
    )
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number, c.last_name, c.title) for c in result.changes] == [
        ("add", "6M902", "Marchand", "Officer"),
        ("add", None, "Tatro", "Officer"),
    ]


def test_enrolment_row_with_its_number_pending_asks_for_the_number() -> None:
    """An enrolment's roster row "Deputy, Bree Tatro, LEO number pending" is an officer
    whose number is asked for, not a line dropped."""
    result = _enrol(
        officers="- Paul Rivard, Deputy, LC610, privard\n"
        "- Bree Tatro, Deputy, LEO number still pending, btatro"
    )
    assert [(o.last_name, o.officer_number) for o in result.officers] == [
        ("Rivard", "LC610"),
        ("Tatro", None),
    ]
    assert "officers[1].officer_number" in result.missing


def test_officer_rows_of_labelled_pairs_between_slashes() -> None:
    """ "Title: Deputy / Name: Brandon Heath / Justice ID: FC517 / DPS username: bheath":
    one officer a line, each value under its label; a 4-character number is kept as
    written and found invalid, a username "(not issued yet)" is asked for."""
    result = _enrol(
        officers="Title: Deputy / Name: Brandon Heath / Justice ID: FC517 / DPS username: bheath\n"
        "Title: Deputy / Name: Simone Roy / Justice ID: FC52 / DPS username: (not issued yet)"
    )
    assert [(o.title, o.first_name, o.last_name, o.officer_number) for o in result.officers] == [
        ("Deputy", "Brandon", "Heath", "FC517"),
        ("Deputy", "Simone", "Roy", "FC52"),
    ]
    assert "officers[1].dps_username" in result.missing
    assert [i.field for i in result.invalid] == ["officers[1].officer_number"]


def test_a_last_name_spelled_out_letter_by_letter_is_the_name_it_spells() -> None:
    raw = mail(
        "Good morning,\n\nOfficer Dana Ouimette's last name is spelled wrong in TraCS - it "
        'prints as "Ouimet" on her tickets. Correct spelling is O-U-I-M-E-T-T-E. Her officer '
        "number is 36102.\n\nThanks,\n\nLt. Chris Roe\nKelby Police Department\n",
        sender="Chris Roe <croe@kelbyvt.test>",
        subject="Spelling fix",
    )
    got = parse_message(raw)
    assert [(c.action, c.officer_number, c.last_name) for c in got.changes] == [
        ("update", "36102", "Ouimette")
    ]
