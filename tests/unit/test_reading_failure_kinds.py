"""Kinds of wording that fresh messages were misread on, each from a realistic message:
corrections of a misspelt name, a numbered list with a fourth item, a transfer naming the
other agency, a follow-up answer naming the officer by first name only, and surnames
that are also rank words."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from mailbot.intake.parse import parse_message


def _mail(body: str, *, sender: str, subject: str, reply: bool = False) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    if reply:
        msg["In-Reply-To"] = "<etk-0101.checklist@dps.eticket.invalid>"
    msg.set_content(body)
    return msg.as_bytes()


def _changes(
    body: str, sender: str = "Lt. Renee Gauthier <rgauthier@orleanssheriff.test>"
) -> list[dict[str, Any]]:
    result = parse_message(_mail(body, sender=sender, subject="Roster updates"))
    assert result.intent == "officer_maintenance"
    return [c.model_dump() for c in result.changes]


# --- a misspelt name corrected, and every item of a numbered list --------------------


def test_spelling_correction_gives_the_new_last_name() -> None:
    """ "her last name is actually spelled Pelletier" changes the last name to the
    spelling given, not the one the record has."""
    changes = _changes(
        "Hi,\n\nDeputy Ana Peletier (OC118): her last name is actually spelled Pelletier,"
        " with two Ls. It was keyed wrong at setup.\n\nThanks,\nRenee Gauthier\n"
    )
    assert len(changes) == 1
    assert changes[0]["action"] == "update"
    assert changes[0]["officer_number"] == "OC118"
    assert changes[0]["last_name"] == "Pelletier"


def test_misspelt_name_with_should_be() -> None:
    """ "Marc Tetrault is misspelled on his record - it should be Tetreault" corrects the
    last name."""
    changes = _changes(
        "Good morning,\n\nOfficer Marc Tetrault (OC204) is misspelled on his record - the"
        " correct spelling is Tetreault.\n\nThank you,\nRenee Gauthier\n"
    )
    assert [(c["officer_number"], c.get("last_name")) for c in changes] == [("OC204", "Tetreault")]


def test_every_item_of_a_numbered_list_is_a_change() -> None:
    """Four numbered items make four changes; "made Corporal" is a title change like
    "promoted to Corporal"."""
    changes = _changes(
        "A few updates for Orleans County Sheriff's Office:\n\n"
        "1. Cpl. Henry Lussier (OC203) was promoted to Sergeant on 11/15.\n"
        "2. Deputy Ana Peletier, OC118 - her last name is actually spelled Pelletier.\n"
        "3. OC090 Deputy Mark Dufresne: username should be mdufresne, not mdufrense.\n"
        "4. Deputy Sean Whitlock (OC077) made Corporal as well.\n\n"
        "Let me know if you need anything else.\n\n--\nLt. Renee Gauthier\n"
        "Orleans County Sheriff's Office\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert sorted(got) == ["OC077", "OC090", "OC118", "OC203"]
    assert all(c["action"] == "update" for c in changes)
    assert got["OC203"]["title"] == "Sergeant"
    assert got["OC118"]["last_name"] == "Pelletier"
    assert got["OC090"]["dps_username"] == "mdufresne"
    assert got["OC077"]["title"] == "Corporal"


def test_made_without_a_rank_is_not_a_title_change() -> None:
    """ "made a typo" names no rank: that item corrects a username and changes no title."""
    changes = _changes(
        "Hello,\n\n1. Officer Jill Baxter (OC311) was promoted to Sergeant.\n"
        "2. Officer Tim Roy (OC312) made a typo: his username should be troy.\n\n"
        "Renee Gauthier\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert got["OC311"]["title"] == "Sergeant"
    assert got["OC312"]["dps_username"] == "troy"
    assert got["OC312"]["title"] == "Officer"  # the title written beside him, unchanged


# --- a transfer names the other agency -----------------------------------------------


def test_transfer_out_keeps_the_senders_agency() -> None:
    """An officer who moved "from North Ferrisburgh Police Department to the Addison County
    Sheriff's Office": the sender's agency is the one she left, as the signature says."""
    result = parse_message(
        _mail(
            "Good afternoon,\n\nOfficer Nina Castro (NF045, username ncastro) has transferred"
            " from North Ferrisburgh Police Department to the Addison County Sheriff's"
            " Office, effective 11/16/2026. Please deactivate her record under our agency."
            "\n\nThank you,\n\nRobert Tessier\nChief of Police\n"
            "North Ferrisburgh Police Department\n",
            sender="Robert Tessier <rtessier@nferrisburghpd.test>",
            subject="Officer transfer - Castro",
        )
    )
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "North Ferrisburgh Police Department"
    assert [c.action for c in result.changes] == ["deactivate"]


def test_transfer_target_is_never_the_senders_agency() -> None:
    """ "is moving over to the Barre City Police Department": with no other agency
    written, the agency's name is left unknown rather than taken from the move."""
    result = parse_message(
        _mail(
            "Hi,\n\nDeputy Carl Voss, OC310, is leaving us and has accepted a position with"
            " the Barre City Police Department. Please deactivate his record.\n\n"
            "Thanks,\nRenee\n",
            sender="Renee Gauthier <rgauthier@orleanssheriff.test>",
            subject="Deputy leaving",
        )
    )
    assert result.agency.name != "Barre City Police Department"


# --- a follow-up answer naming the officer by first name ------------------------------


def test_first_name_alone_in_an_answer_is_a_first_name() -> None:
    """ "Kyle's username is kbrennan" (an answer to our checklist): Kyle is his first name,
    the username is made from its initial and another name."""
    result = parse_message(
        _mail(
            "Hi,\n\nKyle's username is kbrennan\n\n-Dawn\n",
            sender="Dawn Lussier <dawn.lussier@richford.test>",
            subject="RE: [ETK-0101] More information needed for your e-Ticket request",
            reply=True,
        )
    )
    assert result.intent == "enrollment"
    officers = [o.model_dump() for o in result.officers]
    assert len(officers) == 1
    assert officers[0]["first_name"] == "Kyle"
    assert officers[0]["last_name"] is None
    assert officers[0]["dps_username"] == "kbrennan"


def test_last_name_alone_in_an_answer_stays_a_last_name() -> None:
    """ "Hale's username is jhale": the username is made from Hale, so Hale is the last name."""
    result = parse_message(
        _mail(
            "Hale's username is jhale\n\nThanks\n",
            sender="Dawn Lussier <dawn.lussier@richford.test>",
            subject="RE: [ETK-0101] More information needed for your e-Ticket request",
            reply=True,
        )
    )
    officers = [o.model_dump() for o in result.officers]
    assert [(o["last_name"], o["first_name"], o["dps_username"]) for o in officers] == [
        ("Hale", None, "jhale")
    ]


# --- surnames that are also rank words ------------------------------------------------


def test_constable_as_surname_in_a_roster_and_signature() -> None:
    """Harlan Constable, First Constable of a town: "Constable" is his last name in the
    roster line (the title has its own cell) and in his signature."""
    result = parse_message(
        _mail(
            "Hello,\n\nI would like the Town of Greenbury Constable's Office to participate in"
            " e-ticketing. I will be the point of contact myself.\n\n"
            "Judiciary code: 0471\nAddress: 12 Town Road, Greenbury, VT 05680\n"
            "Phone: (802) 555-0271\n\n"
            "Users:\nConstable | Harlan | First Constable | GB001 | hconstable\n"
            "Bixby | Ray | Second Constable | GB002 | rbixby\n\n"
            "Thank you,\nHarlan Constable\nFirst Constable, Town of Greenbury\n",
            sender="Harlan Constable <greenburyconstable@fairpoint.test>",
            subject="e-ticket enrollment",
        )
    )
    officers = [o.model_dump() for o in result.officers]
    assert (officers[0]["last_name"], officers[0]["first_name"], officers[0]["title"]) == (
        "Constable",
        "Harlan",
        "First Constable",
    )
    assert (officers[1]["last_name"], officers[1]["title"]) == ("Bixby", "Second Constable")
    assert result.head_of_department.name == "Harlan Constable"
    assert result.head_of_department.title == "First Constable"
    assert result.point_of_contact.name == "Harlan Constable"


def test_marshal_and_sheriff_as_surnames_in_a_list() -> None:
    """ "Sgt. Dana Marshal" and "Officer Lee Sheriff": a rank word after the first name is
    the last name when the title is written before it."""
    result = parse_message(
        _mail(
            "Good morning,\n\nThe Hartland Police Department would like to start issuing"
            " Vermont Civil Violation Complaints electronically.\n\nOfficers:\n"
            "1. Sgt. Dana Marshal - HL101 - dmarshal\n"
            "2. Officer Lee Sheriff - HL102 - lsheriff\n\n"
            "Thank you,\nChief Tom Aiken\nHartland Police Department\n",
            sender="Tom Aiken <taiken@hartland.test>",
            subject="e-ticket enrollment",
        )
    )
    officers = [o.model_dump() for o in result.officers]
    assert [(o["last_name"], o["first_name"], o["title"]) for o in officers] == [
        ("Marshal", "Dana", "Sergeant"),
        ("Sheriff", "Lee", "Officer"),
    ]


def test_town_constable_is_not_a_person() -> None:
    """ "Town Constable" under a name is not a person called Constable: the signer above
    it is the head."""
    result = parse_message(
        _mail(
            "Hello,\n\nThe Town of Greenbury would like to participate in e-ticketing.\n\n"
            "Judiciary code: 0471\n\nThank you,\nRay Bixby\nTown Constable\n",
            sender="Ray Bixby <rbixby@greenbury.test>",
            subject="e-ticket enrollment",
        )
    )
    assert result.head_of_department.name == "Ray Bixby"


# --- the third blind set: a PoC named in other words ----------------------------------


POC_WORDINGS = [
    (
        "Our e-ticket Point of Contact will be our outside IT contractor, Dana Fisk of"
        " Otter Creek Tech Services. Dana's email is dfisk@ottercreektech.test.",
        ("Dana Fisk", "dfisk@ottercreektech.test"),
    ),
    (
        "I'm naming Officer Rose Tatro as our e-ticket point of contact. Please send setup"
        " info to her at rtatro@hartland.test.",
        ("Rose Tatro", "rtatro@hartland.test"),
    ),
    (
        "I have designated our Administrative Sergeant, Sgt. Owen Blais, as"
        " Point-of-Contact. Sgt. Blais can be reached at oblais@hartland.test.",
        ("Owen Blais", "oblais@hartland.test"),
    ),
    (
        "I am designating our IT coordinator, Paula Greer (pgreer@hartland.test), as our"
        " e-ticket Point-of-Contact.",
        ("Paula Greer", "pgreer@hartland.test"),
    ),
    (
        "Our IT Administrator, Glen Ames, will serve as Point-of-Contact"
        " (games@hartland.test, 802-555-0425 x4).",
        ("Glen Ames", "games@hartland.test"),
    ),
]


@pytest.mark.parametrize(("sentence", "want"), POC_WORDINGS)
def test_poc_named_in_other_words_is_read_not_asked(sentence: str, want: tuple[str, str]) -> None:
    """A PoC designated with "naming", "designating", "will serve as Point-of-Contact"
    (no "the"/"our"), or after a job description, is read with the address given, and
    never asked for."""
    body = (
        "Hello,\n\nThe Hartland Police Department would like to start issuing Vermont Civil"
        f" Violation Complaints electronically. {sentence}\n\nJudiciary code: 0412\n"
        "Address: 1 Main Street, Hartland, VT 05048\nPhone: 802-555-0147\n\n"
        "Officers:\nHale, Jordan - Officer - HL101 - jhale\n\nThank you,\nDana Morse\n"
        "Chief of Police\n"
    )
    result = parse_message(
        _mail(body, sender="Dana Morse <dmorse@hartland.test>", subject="e-ticket enrollment")
    )
    assert (result.point_of_contact.name, result.point_of_contact.email) == want
    assert not any(p.startswith("point_of_contact") for p in result.missing)


def test_warden_is_a_rank_before_a_name() -> None:
    """ "designated me (Warden Tom Quimby)": the rank is not part of the PoC's name, and
    the sender's own address is his."""
    result = parse_message(
        _mail(
            "Good afternoon,\n\nThe Vermont Fish & Wildlife Law Enforcement Division would"
            " like to begin issuing Vermont Civil Violation Complaints electronically, and"
            " Director Pike has designated me (Warden Tom Quimby) as the e-ticket"
            " Point-of-Contact.\n\nJudiciary code: 0907\n\nTom Quimby\nState Game Warden\n"
            "tom.quimby@vermont.test\n",
            sender="Quimby, Tom <tom.quimby@vermont.test>",
            subject="e-ticket enrollment",
        )
    )
    assert result.point_of_contact.name == "Tom Quimby"
    assert result.point_of_contact.email == "tom.quimby@vermont.test"


# --- the third blind set: logos and usernames not given yet ----------------------------


def _with_image(body: str, name: str, data: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Chief Dana Morse <dmorse@hartland.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(body)
    msg.add_attachment(data, maintype="image", subtype=name.rsplit(".", 1)[1], filename=name)
    return msg.as_bytes()


_ENROL = (
    "Hello,\n\nThe Hartland Police Department would like to start issuing Vermont Civil"
    " Violation Complaints electronically. I will be the point of contact myself.\n\n"
    "Judiciary code: 0412\nAddress: 1 Main Street, Hartland, VT 05048\n"
    "Phone: 802-555-0147\n{logo}\n\nOfficers:\nHale, Jordan - Officer - HL101 - jhale\n\n"
    "Thank you,\nDana Morse\nChief of Police\n"
)


def test_small_flat_logo_is_the_logo_not_a_tracking_pixel() -> None:
    """A flat 40x48 logo compresses to a few hundred bytes: it is judged by its size in
    pixels, and is the logo."""
    from tests.data import build

    data = build.png(40, 48)
    assert len(data) < 200
    result = parse_message(_with_image(_ENROL.format(logo="Logo attached."), "patch.png", data))
    assert result.agency.logo == "patch.png"
    assert "agency.logo" not in result.missing


def test_logo_named_in_the_text_is_read_however_small() -> None:
    """ "Logo attached (star.gif)" with a 1x1 image: the file is the logo the sender sent
    (not asked for again), and is reported as too small to print."""
    from tests.data import build

    body = _ENROL.format(logo="Logo attached (star.gif)")
    result = parse_message(_with_image(body, "star.gif", build.image("GIF", 1, 1)))
    assert result.agency.logo == "star.gif"
    assert "agency.logo" not in result.missing
    assert [i.field for i in result.invalid] == ["agency.logo"]


def test_username_labelled_dps_or_pending_in_a_list_line() -> None:
    """ "DPS: aclough" is a username; "DPS: pending" and "DPS: (not issued yet)" are not
    given yet, and the line is still an officer."""
    body = (
        "Hello,\n\nRandolph Police Department would like to start issuing e-tickets.\n\n"
        "Officers:\nClough, Amber - Sergeant - 86011 - DPS: aclough\n"
        "Pearson, Luke - Officer - 86245 - DPS: (not issued yet)\n"
        "Vance, Tobias - Officer - 86402 - DPS: pending\n\nThanks,\nChief Wade Sullivan\n"
    )
    result = parse_message(
        _mail(body, sender="Wade Sullivan <wsullivan@randolph.test>", subject="e-tickets")
    )
    got = [(o.last_name, o.officer_number, o.dps_username) for o in result.officers]
    assert got == [("Clough", "86011", "aclough"), ("Pearson", "86245", None),
                   ("Vance", "86402", None)]  # fmt: skip
    assert "officers" not in result.missing
    assert "officers[1].dps_username" in result.missing


# --- the third blind set: roster changes ----------------------------------------------


def test_list_items_take_the_action_of_their_lead_in() -> None:
    """ "... no longer with the department. Please deactivate their TraCS records:" then
    bulleted names and numbers: each item is a deactivation."""
    changes = _changes(
        "To the e-ticket team,\n\nThe following deputies are no longer with the Orleans"
        " County Sheriff's Office. Please deactivate their TraCS records:\n\n"
        "  • Deputy Kyle Mayo — 52917\n  • Deputy Sarah Gingras — 49031\n\n"
        "Sheriff Roger Marcotte\n"
    )
    assert [(c["action"], c["officer_number"], c["last_name"]) for c in changes] == [
        ("deactivate", "52917", "Mayo"),
        ("deactivate", "49031", "Gingras"),
    ]


def test_stepped_down_and_sworn_in_replacement() -> None:
    """ "has stepped down, please take her off" deactivates the officer whose number it
    gives (not the writer named before her); "In her place we have sworn in Constable
    Peter Wheelock" adds him, with the title and username described after."""
    changes = _changes(
        "Hello,\n\nThis is Constable Gary Fontaine from the Town of Hinesburg. Our part time"
        " constable Jodi Larocque (number 66350) has stepped down, please take her off."
        " In her place we have sworn in Constable Peter Wheelock, his justice ID is 73019"
        " and DPS user name pwheelock. Title should read Constable.\n\nThank you\n"
        "Gary Fontaine\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert sorted(got) == ["66350", "73019"]
    assert (got["66350"]["action"], got["66350"]["last_name"]) == ("deactivate", "Larocque")
    assert got["73019"]["action"] == "add"
    assert (got["73019"]["last_name"], got["73019"]["title"]) == ("Wheelock", "Constable")
    assert got["73019"]["dps_username"] == "pwheelock"


def test_change_table_with_the_action_column_not_first() -> None:
    """Officer | LEO # | Change | Details: the action is read from its column wherever it
    is, and the details cell says what changes."""
    changes = _changes(
        "Hi,\n\nA few roster updates, please:\n\n"
        "Officer\tLEO #\tChange\tDetails\n"
        "Lavoie, Jenna\t32041\tPromotion\tOfficer -> Corporal\n"
        "Dukette, Samuel\t33102\tSeparation\tResigned 11/20/2026 - please deactivate\n"
        "Thibault, Mark\t31877\tUsername correction\tDPS username is now mthibault2\n\n"
        "Thank you,\nSgt. Mark Thibault\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert (got["32041"]["action"], got["32041"]["title"]) == ("update", "Corporal")
    assert got["33102"]["action"] == "deactivate"
    assert (got["31877"]["action"], got["31877"]["dps_username"]) == ("update", "mthibault2")


def test_change_table_rows_are_not_also_adds() -> None:
    """A change table under "please make the following changes": an updated or removed
    officer is not added as well."""
    changes = _changes(
        "Good morning,\n\nPlease make the following changes to our officer records:\n\n"
        "Action\tRank\tLast Name\tFirst Name\tLEO #\tDPS Username\n"
        "Add\tOfficer\tPoirier\tNathan\t61D22\tnpoirier\n"
        "Update\tCorporal\tHurd\tAlexis\t38815\tahurd\n"
        "Remove\tOfficer\tTatro\tGregory\t29940\tgtatro\n\n"
        "Officer Poirier is a new hire who just finished the academy.\n\nThank you,\n"
        "Ashley Brault\n"
    )
    assert sorted((c["action"], c["officer_number"]) for c in changes) == [
        ("add", "61D22"),
        ("deactivate", "29940"),
        ("update", "38815"),
    ]


# --- the third blind set: questions, follow-ups and pitches are not requests -----------


NOT_REQUESTS = [
    (
        "q",
        "Quick question - is our judiciary code 0412 the same as our ORI? We want to enroll"
        " next month.",
    ),
    (
        "Status of e-ticket request",
        "Just following up on the e-ticket agency record request I sent on November 16th for"
        " the Village of Swanton Police Department (judiciary code 0611). Could you let me"
        " know where it stands?",
    ),
    (
        "question about officer list",
        "Before I send in our enrollment, a quick question. Our judiciary code is 0587. Can I"
        " send the officer list as an Excel attachment?",
    ),
    (
        "Questions before we sign up",
        "We're looking at getting started with e-tickets. Couple of questions before the"
        " chief sends the formal request:\n- Does the logo have to be a certain size?\n\n"
        "Not trying to enroll yet.",
    ),
    (
        "TraCS transmit error",
        'Two of our officers (Ofc. Grady 50314 and Ofc. Keough 50322) get "Unable to'
        ' transmit - agency not found". Is there something wrong with their officer records'
        " or our agency record?",
    ),
    (
        "Mobile printers",
        "We supply rugged mobile printers and would be glad to be a recommended vendor for"
        " agencies enrolling. Are you available for a quick call Thursday?",
    ),
]


@pytest.mark.parametrize(("subject", "body"), NOT_REQUESTS)
def test_questions_follow_ups_and_pitches_are_other(subject: str, body: str) -> None:
    """A message asking about the process, following up an earlier request, reporting a
    problem or selling something asks for no record: it is "other", whatever enrolment or
    officer words it uses, and the agency, code and people it mentions are no request's
    values."""
    text = f"Hello,\n\n{body}\n\nThanks,\nLee Grant\nChief of Police\nSwanton Police Department\n"
    result = parse_message(_mail(text, sender="lee@town.test", subject=subject))
    assert result.intent == "other"
    assert (result.agency.name, result.agency.judiciary_code) == (None, None)
    assert result.head_of_department.name is None


def test_request_with_roster_promised_separately_is_an_enrolment() -> None:
    """ "Please accept this email as our request to participate in the e-ticket program"
    with the officers to be sent separately is an enrolment (the roster still to come)."""
    result = parse_message(
        _mail(
            "Dear e-Ticket staff,\n\nPlease accept this email as the Town of Ludlow's request"
            " to participate in the e-ticket program.\n\nJudiciary code: 0934\n\nOfficer"
            " Lamphere will send the list of officers with their LEO numbers and DPS"
            " usernames separately.\n\nThank you,\nJeffrey Buchanan\nChief of Police\n",
            sender="Jeffrey Buchanan <jbuchanan@ludlow.test>",
            subject="Ludlow PD e-ticket request",
        )
    )
    assert result.intent == "enrollment"


def test_new_hires_in_an_attached_csv_are_adds() -> None:
    """ "two new officers ... Details are in the attached CSV": each row of the attached
    export (VT_LEO_NUM and all) is an add."""
    msg = EmailMessage()
    msg["From"] = "Lt. Pierre Gauthier <pgauthier@swanton.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "New officers"
    msg.set_content(
        "Hi Team,\n\nWe have two new officers who finished the academy and need TraCS officer"
        " records. Details are in the attached CSV.\n\nThanks!\nLt. Pierre Gauthier\n"
    )
    csv = (
        "LAST_NAME,FIRST_NAME,RANK,VT_LEO_NUM,DPS_USER,START_DATE\n"
        "OKAFOR,DANIEL,OFFICER,42587,dokafor,11/16/2026\n"
        "REMILLARD,SOPHIE,OFFICER,42603,sremillard,11/23/2026\n"
    )
    msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="hires.csv")
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    got = [(c.action, c.officer_number, c.model_dump().get("dps_username")) for c in result.changes]
    assert got == [("add", "42587", "dokafor"), ("add", "42603", "sremillard")]


def test_leo_number_column_wins_over_an_internal_badge_column() -> None:
    """A table with an internal "Badge" column and a "VT LEO #" column: the officer
    number is the VT LEO number, wherever the columns stand."""
    body = (
        "Hello,\n\nThe Hartland Police Department would like to start issuing e-tickets.\n\n"
        "Name\tBadge\tVT LEO #\tRank\tDPS Username\n"
        "Jordan Hale\t407\t23560\tOfficer\tjhale\n"
        "Casey Lee\t422\t23911\tSergeant\tclee\n\n"
        "Thank you,\nChief Dana Morse\n"
    )
    result = parse_message(_mail(body, sender="Dana Morse <dmorse@hartland.test>", subject="e"))
    assert [o.officer_number for o in result.officers] == ["23560", "23911"]


def test_labelled_phone_keeps_the_number_and_its_extension_only() -> None:
    """ "Phone: 802-457-1420 ext. 3 (dispatch is ext. 1)" and "Phone: 802-626-1271 | Fax:
    802-626-1273": the agency phone is the first number with its extension, valid."""
    for line, digits in (
        ("Phone: 802-457-1420 ext. 3 (dispatch is ext. 1)", "8024571420"),
        ("Phone: 802-626-1271 | Fax: 802-626-1273", "8026261271"),
    ):
        body = _ENROL.format(logo="").replace("Phone: 802-555-0147", line)
        result = parse_message(
            _mail(body, sender="Dana Morse <dmorse@hartland.test>", subject="e-tickets")
        )
        assert "".join(c for c in result.agency.phone or "" if c.isdigit())[:10] == digits
        assert "agency.phone" not in [i.field for i in result.invalid]


def test_numbered_promotions_and_a_corrected_username() -> None:
    """ "Promote Ofc. Caleb Dufresne (LEO 40271) to Corporal" (a rank abbreviation with a
    dot in between) and "username was set up as "lhaskin", it should be lhaskins"."""
    changes = _changes(
        "Hi,\n\nA few updates, please:\n\n"
        "1. Promote Ofc. Caleb Dufresne (LEO 40271) to Corporal.\n"
        '2. Correction - Ofc. Luke Haskins\'s username was set up as "lhaskin", it should be'
        " lhaskins (with the s). LEO # 58804.\n\nLt. Jim Carrigan\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert got["40271"]["title"] == "Corporal"
    assert got["58804"]["dps_username"] == "lhaskins"


def test_transfer_details_in_a_later_paragraph() -> None:
    """The new title of a transferred officer, said in the next paragraph ("His title
    there will be Officer."), belongs to his change."""
    changes = _changes(
        "Good afternoon,\n\nDeputy Sean Kittredge, officer number 51C09, has transferred from"
        " the Orange County Sheriff's Department to the Randolph Police Department.\n\n"
        "Please move his TraCS officer record so it is associated with Randolph Police"
        " Department instead of us. His title there will be Officer.\n\nSgt. Brenda Coffey\n"
    )
    assert len(changes) == 1
    assert changes[0]["agency"] == "Randolph Police Department"
    assert changes[0]["title"] == "Officer"


def test_retired_rank_aside_is_not_part_of_the_head_name() -> None:
    """ "Colonel (Ret.) Frank Demers" / "Chief of Police": the head is Frank Demers."""
    body = _ENROL.format(logo="").replace(
        "Thank you,\nDana Morse\nChief of Police\n",
        "Respectfully,\n\nColonel (Ret.) Frank Demers\nChief of Police\n",
    )
    result = parse_message(_mail(body, sender="Frank Demers <fd@hartland.test>", subject="e"))
    assert result.head_of_department.name == "Frank Demers"


def test_list_line_order_and_a_short_number() -> None:
    """ "Cross Dylan, Officer, 68840, dcross": the username made from D. and Cross says
    Cross is the last name; "Marsh, Owen - Officer - 6102 - omarsh": the 4-digit number
    is read as written and reported invalid, not asked for."""
    body = (
        "Hello,\n\nHardwick Police Department wants to start e-tickets.\n"
        "Judiciary code: 0365\n\nOfficers:\n"
        "Cross Dylan, Officer, 68840, dcross\nMarsh, Owen - Officer - 6102 - omarsh\n\n"
        "Chief Ben Aldrich\n"
    )
    result = parse_message(_mail(body, sender="Ben Aldrich <ba@hardwick.test>", subject="e"))
    got = [(o.last_name, o.first_name, o.officer_number) for o in result.officers]
    assert got == [("Cross", "Dylan", "68840"), ("Marsh", "Owen", "6102")]
    assert "officers[1].officer_number" in [i.field for i in result.invalid]
    assert "officers[1].officer_number" not in result.missing


def test_agency_name_after_a_sentence_naming_the_town() -> None:
    """ "OK here is everything for Thetford. The Thetford Police Department would like
    ...": the agency's name starts after the sentence ends."""
    body = (
        "Thanks!\n\nOK here is everything for Thetford. The Thetford Police Department would"
        " like to start issuing VCVCs electronically.\n\nMike Evans\n"
    )
    result = parse_message(_mail(body, sender="Mike Evans <me@thetford.test>", subject="e"))
    assert result.agency.name == "Thetford Police Department"


def test_quoted_draft_roster_adds_no_officers() -> None:
    """A request whose table leaves two officers off, with the HTML tables of the request
    and of the quoted draft that had them: only the request's officers are read; a grid
    sharing no row with the text (another roster) still adds its rows."""
    from mailbot.intake.officer_reading import read_officers
    from mailbot.intake.rules import load_rules

    rules = load_rules()
    body = (
        "Please create records for the following officers:\n\n"
        "Last Name\tFirst Name\tOfficer Number\nDubuque\tEric\t41760\nFarnham\tTess\t56128\n"
    )
    head = ["Last Name", "First Name", "Officer Number"]
    same = [head, ["Dubuque", "Eric", "41760"], ["Farnham", "Tess", "56128"]]
    draft = [*same, ["Osgood", "Frank", "37219"]]
    read = read_officers(body, [same, draft], rules)
    assert [o.officer_number for o in read] == ["41760", "56128"]
    other = [head, ["Petit", "Lana", "59903"]]
    assert [o.officer_number for o in read_officers(body, [other], rules)] == [
        "41760",
        "56128",
        "59903",
    ]


def test_two_ranks_written_together_are_one_title() -> None:
    """ "Chief Deputy Shawn Lanoue", "Det. Sgt. Karen Duffy": the title is both words."""
    body = (
        "Hello,\n\nThe Orleans County Sheriff's Department would like to start issuing"
        " e-tickets.\n\nDeputies:\nChief Deputy Shawn Lanoue - O0820 - slanoue\n"
        "Det. Sgt. Karen Duffy - O0827 - kduffy\nDeputy Jill Royer - O0831 - jroyer\n\n"
        "Thank you,\nSheriff Valerie Gosselin\n"
    )
    result = parse_message(_mail(body, sender="V. Gosselin <vg@orleans.test>", subject="e"))
    assert [o.title for o in result.officers] == ["Chief Deputy", "Detective Sergeant", "Deputy"]


def test_logo_pasted_in_the_text_beats_the_signature_banner() -> None:
    """ "Our logo is pasted below: [cid:image001.png@...]" with a larger banner image in
    the signature: the image placed in the text is the logo."""
    from tests.data import build

    msg = EmailMessage()
    msg["From"] = "Chief Mark Gray <mgray@springfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(
        "The Springfield Police Department would like to start issuing Vermont Civil"
        " Violation Complaints electronically.\n\nJudiciary Code: 0921\n\n"
        "Our logo is pasted below:\n[cid:logo1]\n\nOfficers:\nKeefe, Laura - Sergeant -"
        " 92017 - lkeefe\n\nThank you,\n\nMark Gray\nChief of Police\n[cid:banner2]\n"
    )
    html = (
        "<p>The Springfield Police Department would like to start issuing Vermont Civil"
        " Violation Complaints electronically.</p><p>Judiciary Code: 0921</p>"
        '<p>Our logo is pasted below:</p><img src="cid:logo1"><p>Officers:</p>'
        "<p>Keefe, Laura - Sergeant - 92017 - lkeefe</p><p>Thank you,</p>"
        '<p>Mark Gray<br>Chief of Police</p><img src="cid:banner2">'
    )
    msg.add_alternative(html, subtype="html")
    part = msg.get_body(("html",))
    assert isinstance(part, EmailMessage)
    part.add_related(build.png(110, 110), "image", "png", cid="<logo1>", filename="image001.png")
    part.add_related(build.png(300, 60), "image", "png", cid="<banner2>", filename="image002.png")
    result = parse_message(msg.as_bytes())
    assert result.agency.logo == "image001.png"


def test_head_named_in_a_sentence_by_the_poc() -> None:
    """ "Point of contact is me, Sgt Ray Dumas ... Chief is Scott Tremblay.": the PoC sends
    the request; the head is the chief he names."""
    body = (
        "Hello, Poultney PD wants to sign up for e tickets.\n\nJudiciary code is 0655.\n\n"
        "Point of contact is me, Sgt Ray Dumas, rdumas@poultney.test. Chief is Scott"
        " Tremblay.\n\nOfficers\nDumas Ray Sgt 65108 rdumas\n\nSent from my iPhone\n"
    )
    result = parse_message(_mail(body, sender="Ray Dumas <rdumas@poultney.test>", subject="e"))
    assert result.head_of_department.name == "Scott Tremblay"
    assert result.point_of_contact.name == "Ray Dumas"


def test_follow_up_reporting_a_change_is_still_a_change() -> None:
    """ "Following up on our call: Officer Jordan Hale (NW002) has resigned." asks no
    question and names an officer number: it is a roster change, not an enquiry."""
    changes = _changes(
        "Hi,\n\nFollowing up on our call this morning: Officer Jordan Hale (NW002) has"
        " resigned effective Friday.\n\nRenee Gauthier\n"
    )
    assert [(c["action"], c["officer_number"]) for c in changes] == [("deactivate", "NW002")]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "Our e-ticket contact is going to be Officer Ben Roy (broy@hartland.test).",
            ("Ben Roy", "broy@hartland.test"),
        ),
        (
            "Please use Sgt. Kim Tatro as the point of contact - ktatro@hartland.test.",
            ("Kim Tatro", "ktatro@hartland.test"),
        ),
        (
            "Please list Cpl. Ann Bose as our PoC (abose@hartland.test).",
            ("Ann Bose", "abose@hartland.test"),
        ),
    ],
)
def test_more_poc_wordings(sentence: str, want: tuple[str, str]) -> None:
    """ "is going to be", "please use ... as the point of contact", "please list ... as
    our PoC": the PoC is read, never asked for."""
    test_poc_named_in_other_words_is_read_not_asked(sentence, want)


def test_a_list_noun_before_a_designation_is_not_a_designation() -> None:
    """ "equipment list on the second tab ... Ofc. Shawna Dubuque is designated as our
    e-ticket Point-of-Contact": the PoC is the officer, not words after "list"."""
    test_poc_named_in_other_words_is_read_not_asked(
        "(Equipment list on the second tab of the attached workbook.)\n\nOfc. Shawna Dubuque"
        " is designated as our e-ticket Point-of-Contact: sdubuque@hartland.test",
        ("Shawna Dubuque", "sdubuque@hartland.test"),
    )


def test_made_a_sergeant_and_a_new_hire_list_line() -> None:
    """ "was made a sergeant" is a title change; "- Officer Lena Park, HL401, lpark"
    under "a new hire" is an add with the username the line gives."""
    changes = _changes(
        "Hi team,\n\nOfc. Mark Bell (HL301) was made a sergeant last week.\n\n"
        "We have a new hire starting Monday:\n\n- Officer Lena Park, HL401, lpark\n\nRenee\n"
    )
    got = {c["officer_number"]: c for c in changes}
    assert (got["HL301"]["action"], got["HL301"]["title"]) == ("update", "Sergeant")
    assert (got["HL401"]["action"], got["HL401"]["dps_username"]) == ("add", "lpark")


def test_transfer_into_the_senders_agency_names_it_from_his_signature() -> None:
    """ "has transferred to our department from the Addison County Sheriff's Office. Please
    move her existing record over to us.": the record moves to the sender's agency (his
    signature's), not to the other agency, and is not deactivated."""
    result = parse_message(
        _mail(
            "Good afternoon,\n\nOfficer Nina Castro (NF045, username ncastro) has transferred"
            " to our department from the Addison County Sheriff's Office. Please move her"
            " existing record over to us.\n\nThank you,\n\nRobert Tessier\nChief of Police\n"
            "North Ferrisburgh Police Department\n",
            sender="Robert Tessier <rtessier@nferrisburghpd.test>",
            subject="Officer transfer",
        )
    )
    assert result.agency.name == "North Ferrisburgh Police Department"
    changes = [c.model_dump(exclude_none=True) for c in result.changes]
    assert [(c["action"], c["agency"]) for c in changes] == [
        ("update", "North Ferrisburgh Police Department")
    ]


def test_transfer_destination_ends_with_its_sentence() -> None:
    """ "has transferred to the Addison County Sheriff's Office. Please move her record.":
    the agency is "Addison County Sheriff's Office", without the next sentence's word."""
    changes = _changes(
        "Good afternoon,\n\nOfficer Nina Castro (NF045) has transferred to the Addison County"
        " Sheriff's Office. Please move her existing record.\n\nThank you,\nRobert Tessier\n"
    )
    assert [c.get("agency") for c in changes] == ["Addison County Sheriff's Office"]


def test_two_first_names_with_their_usernames_in_one_sentence() -> None:
    """ "Kyle's username is kbrennan and Jordan's username is jhale": two officers, each
    named by first name with his username, nothing else read."""
    result = parse_message(
        _mail(
            "Kyle's username is kbrennan and Jordan's username is jhale\n\n-Dawn\n",
            sender="Dawn Lussier <dawn.lussier@richford.test>",
            subject="RE: [ETK-0101] More information needed for your e-Ticket request",
            reply=True,
        )
    )
    got = [(o.last_name, o.first_name, o.dps_username) for o in result.officers]
    assert got == [(None, "Kyle", "kbrennan"), (None, "Jordan", "jhale")]


def test_senior_abbreviated_before_a_rank() -> None:
    """ "Sr. Ofc. Jordan Hale - HL101 - jhale": the title is read (Senior Officer), not
    asked for."""
    body = (
        "Hello,\n\nThe Hartland Police Department would like to begin e-ticketing.\n\n"
        "Judiciary code: 0412\n\nOfficers:\nSr. Ofc. Jordan Hale - HL101 - jhale\n"
        "Ofc. Casey Lee - HL102 - clee\n\n"
        "Dana Morse\nChief of Police\n"
    )
    result = parse_message(_mail(body, sender="Dana Morse <dm@hartland.test>", subject="e"))
    assert [o.title for o in result.officers] == ["Sr Officer", "Officer"]
    assert "officers[0].title" not in result.missing


@pytest.mark.parametrize(
    "wording",
    [
        "Hartland PD would like to begin e-ticketing.",
        "Hartland PD wants to sign up for e tickets.",
        "Hartland PD is ready to go live with e-tickets.",
    ],
)
def test_enrolment_in_short_words_with_a_roster(wording: str) -> None:
    """ "would like to begin e-ticketing" with a PoC and an officer list is an enrolment,
    even without a labelled agency value."""
    result = parse_message(
        _mail(
            f"Hello,\n\n{wording} Our PoC is Sgt. Amy Lussier, alussier@hartland.test.\n\n"
            "Officers:\nHale, Jordan - Officer - HL101 - jhale\n\nDana Morse\nChief of Police\n",
            sender="Chief Dana Morse <dmorse@hartland.test>",
            subject="e-tickets",
        )
    )
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["HL101"]


@pytest.mark.parametrize(
    ("item", "number", "last"),
    [
        (
            "Please correct the spelling of Officer Jon Smyth (HL303) - it's Smith.",
            "HL303",
            "Smith",
        ),
        ("Officer Kaitlyn Oneil (HL304) should be O'Neil.", "HL304", "O'Neil"),
        (
            "The last name for HL305 is misspelled: Desrochers, not Derochers.",
            "HL305",
            "Desrochers",
        ),
        ("Please fix the spelling of Cpl. Ben Gagne's name (HL307) to Gagné.", "HL307", "Gagné"),
    ],
)
def test_misspelt_last_name_corrected_in_other_words(item: str, number: str, last: str) -> None:
    """A correction that writes the name almost as the record has it ("it's Smith",
    "should be O'Neil", "Desrochers, not Derochers") changes the last name to it."""
    changes = _changes(f"Hi,\n\n{item}\n\nRenee\n")
    assert [(c["action"], c["officer_number"], c.get("last_name")) for c in changes] == [
        ("update", number, last)
    ]


def test_possessive_name_is_not_a_respelling() -> None:
    """ "Ofc. Luke Haskins's username was set up as "lhaskin"": the username changes, the
    last name stays Haskins."""
    changes = _changes(
        'Hi,\n\nCorrection - Ofc. Luke Haskins\'s username was set up as "lhaskin", it should'
        " be lhaskins. LEO # 58804.\n\nRenee\n"
    )
    assert changes[0]["last_name"] == "Haskins"
    assert changes[0]["dps_username"] == "lhaskins"


# --- an officer joining from another agency, listed under "Please add" ---------------


def test_officer_joining_from_another_agency_is_added() -> None:
    """A list line under "Please add the following officers" that says the officer
    comes "lateral from" another department is an add, not a deactivation."""
    changes = _changes(
        "Hello,\n\nPlease add the following officers to the Orleans County Sheriff's"
        " Department:\n\n"
        " * Deputy Carla Nadeau, badge OC2N7, login cnadeau@dps\n"
        " * Deputy Paul Rivard, badge OC4R1, login privard@dps (lateral from Derby PD,"
        " starts Monday)\n\nThanks,\nRenee Gauthier\n"
    )
    assert [(c["action"], c["officer_number"]) for c in changes] == [
        ("add", "OC2N7"),
        ("add", "OC4R1"),
    ]
    assert changes[1]["last_name"] == "Rivard"


def test_username_said_to_change_with_the_new_one_after() -> None:
    """ "Her DPS username is changing too, new one is X": the new username is X (not the
    word "changing")."""
    changes = _changes(
        "Hi,\n\nDeputy Lisa Moreau (OC204) got married and is now Lisa Benoit. Please update"
        " her record. Her DPS username is changing too, new one is lbenoit (old was lmoreau)."
        "\n\nThanks,\nRenee Gauthier\n"
    )
    assert len(changes) == 1
    assert changes[0]["last_name"] == "Benoit"
    assert changes[0]["dps_username"] == "lbenoit"


def test_screenshot_in_a_reply_about_a_problem_is_no_logo() -> None:
    """A reply on a case asking about an error, with a screenshot placed in the text as
    "[cid:image001.png@...]": the placeholder does not name the file as the logo."""
    from tests.data import build

    cid = "image001.png@01AB0000.11112222"
    msg = EmailMessage()
    msg["From"] = "Sgt. Nora Quist <nquist@eastfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "RE: Eastfield PD - records established"
    msg["In-Reply-To"] = "<case-0001@dps.test>"
    msg.set_content(
        "Hi,\n\nOne of our laptops cannot transmit: TraCS says it is unable to reach the"
        f" server. Screenshot below.\n\n[cid:{cid}]\n\nIs it on your end?\n\nThanks,\nNora\n"
    )
    html = (
        "<p>Hi,</p><p>One of our laptops cannot transmit: TraCS says it is unable to reach"
        f' the server. Screenshot below.</p><img src="cid:{cid}" alt="image001.png">'
        "<p>Is it on your end?</p><p>Thanks,<br>Nora</p>"
    )
    msg.add_alternative(html, subtype="html")
    part = msg.get_body(("html",))
    assert isinstance(part, EmailMessage)
    part.add_related(build.png(240, 96), "image", "png", cid=f"<{cid}>", filename="image001.png")
    result = parse_message(msg.as_bytes())
    assert result.intent == "other"
    assert result.agency.logo is None
