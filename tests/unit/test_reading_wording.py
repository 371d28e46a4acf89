"""Reading the wordings and layouts people use beyond the procedure's own: unwrapped
paragraphs, designations without "the", rosters quoted or with addresses for usernames,
answers to the checklist in sentences, change tables with reasons, doubts for values."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from tests.unit.test_reading import _png

RULES = load_rules()
LOGO = [("patch.png", "image/png", _png())]


def _mail(
    body: str,
    *,
    subject: str = "TraCS request",
    sender: str = "Chief Ray Olmstead <rolmstead@stowbridgevt.gov>",
    reply: bool = False,
    attach: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = ("RE: [ETK-0101] " if reply else "") + subject
    if reply:
        msg["In-Reply-To"] = "<etk-0101.checklist@dps.eticket.invalid>"
    msg.set_content(body)
    for name, ctype, data in attach or []:
        main, sub = ctype.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return msg.as_bytes()


ROSTER = """Roster:
Pelletier | Joanne | Sergeant | SB101 | jpelletier
Amato | Luis | Officer | SB107 | lamato
"""


def test_values_in_one_long_unwrapped_paragraph_are_read() -> None:
    """A client that does not wrap lines sends the whole paragraph as one line; the
    address and phone written in it are read, not asked for again."""
    paragraph = (
        "Our judiciary code is 0733 and we would like the tickets to show "
        '"Stowbridge Police Department". Our station sits at 44 Depot Hill Road in '
        "Stowbridge, VT 05672, and the front desk number for the department is "
        "(802) 555-0311. Our shoulder patch is attached for the header of the warnings, "
        "and I will be the e-ticket point of contact myself."
    )
    assert len(paragraph) > 300
    body = f"Hello,\n\nWe would like to participate in e-ticketing.\n\n{paragraph}\n\n{ROSTER}"
    result = parse_message(_mail(body + "\nThanks,\nChief Ray Olmstead\n", attach=LOGO))
    assert result.intent == "enrollment"
    assert result.agency.address is not None and "44 Depot Hill Road" in result.agency.address
    assert result.agency.address.endswith("VT 05672")
    assert result.agency.phone is not None and result.agency.phone.endswith("555-0311")
    assert result.missing == []


def test_route_number_does_not_start_the_address() -> None:
    """In "we are at 90 Route 15 in Stowbridge, VT 05672" the house number is 90, not
    the road's 15."""
    from mailbot.intake.candidates import Source, find

    line = ("x" * 250) + ". We are at 90 Route 15 in Stowbridge, VT 05672, next to the school."
    found = find([Source("text", line)], RULES, frozenset({"addresses"}))
    assert [c.value for c in found.addresses] == ["90 Route 15 in Stowbridge, VT 05672"]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        (
            "I'll be our e-ticketing contact.",
            ("Ray Olmstead", "rolmstead@stowbridgevt.gov"),
        ),
        (
            "Point of contact will be Ofc. Nadia Ferland, nferland@stowbridgevt.gov.",
            ("Nadia Ferland", "nferland@stowbridgevt.gov"),
        ),
        (
            "Please make Sgt. Joanne Pelletier our point of contact. Her address is "
            "jpelletier@stowbridgevt.gov.",
            ("Joanne Pelletier", "jpelletier@stowbridgevt.gov"),
        ),
        (
            "Sgt. Joanne Pelletier will handle e-ticketing for us as our point of contact; "
            "her email is jpelletier@stowbridgevt.gov.",
            ("Joanne Pelletier", "jpelletier@stowbridgevt.gov"),
        ),
        (
            "I have named our IT vendor, Tom Gauthier of Lamoille Data Systems, as the "
            "e-ticket PoC. Tom can be reached at tgauthier@lamoilledata.com.",
            ("Tom Gauthier", "tgauthier@lamoilledata.com"),
        ),
    ],
)
def test_poc_named_without_article_or_after_a_job(sentence: str, want: tuple[str, str]) -> None:
    """A PoC named without "the/our", or after a job and before a firm ("our IT vendor,
    Tom Gauthier of ..."), is read by name, with the address given later by first name."""
    from mailbot.intake.fields import labelled
    from mailbot.intake.point_of_contact import point_of_contact

    sender = ("Chief Ray Olmstead", "rolmstead@stowbridgevt.gov")
    contact = point_of_contact(
        sentence, RULES, labelled(sentence, RULES), [], sender, head="Ray Olmstead"
    )
    assert (contact.name, contact.email) == want


def test_list_line_with_a_dps_address_for_the_username() -> None:
    """ "Sgt. Joanne Pelletier / SB101 / jpelletier@dps.state.vt.us" is an officer whose
    username is jpelletier."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line(
        "2. Sgt. Joanne Pelletier / SB101 / jpelletier@dps.state.vt.us", RULES
    )
    assert officer is not None
    assert (officer.last_name, officer.officer_number, officer.dps_username) == (
        "Pelletier",
        "SB101",
        "jpelletier",
    )


def test_roster_quoted_under_a_new_request_is_read() -> None:
    """A chief who sends on the roster a colleague mailed him (quoted below his request)
    is not asked for the officers."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. "
        "I have designated Sgt. Joanne Pelletier as our e-ticket Point-of-Contact.\n\n"
        "Judiciary code: 0733\nAddress: 44 Depot Hill Road, Stowbridge, VT 05672\n"
        "Phone: (802) 555-0311\n\nSgt. Pelletier's list is below.\n\nChief Ray Olmstead\n\n"
        "On Mon, Nov 2, 2026 at 9:12 AM Joanne Pelletier <jpelletier@stowbridgevt.gov> wrote:\n"
        + "".join(f"> {line}\n" for line in ROSTER.splitlines())
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert [o.officer_number for o in result.officers] == ["SB101", "SB107"]
    assert "officers" not in result.missing


@pytest.mark.parametrize(
    ("answer", "check"),
    [
        ("Amato's username is lamato@dps.state.vt.us", "officers"),
        ("JB code is 0733. Phone for the station is 802.555.0311.\nLuis Amato's DPS "
         "username is lamato.", "officers"),
        ("Hi,\n\nOur mailing address is now 9 Mill Lane, Stowbridge, VT 05672. The old "
         "PO box is closed.", "agency.address"),
        ("Our point of contact will be Cpl. Dina Wells, dwells@stowbridgevt.gov.",
         "point_of_contact.email"),
    ],
)  # fmt: skip
def test_answer_to_the_checklist_in_sentences_continues_the_enrolment(
    answer: str, check: str
) -> None:
    """A reply that answers the checklist in a sentence (a username written as an address,
    code and phone with a username, an address, the PoC) is read as part of the
    enrolment, and its signer is not taken for the head of department."""
    raw = _mail(
        answer + "\n\nSgt. Kim Rowell\nStowbridge Police Dept.\n",
        reply=True,
        subject="More information needed",
        sender="Kim Rowell <krowell@stowbridgevt.gov>",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    got = result.to_json_dict()
    if check == "officers":
        assert got["officers"] and got["officers"][0]["dps_username"] == "lamato"
    else:
        section, _, key = check.partition(".")
        assert got[section][key]
    assert result.head_of_department.name is None


def test_change_table_action_cells_with_a_reason() -> None:
    """Action cells that carry a reason ("Update (promoted)", "Remove - retired") are
    read as the action they start with."""
    body = (
        "Please make these changes:\n\n"
        "Action\tLast Name\tFirst Name\tTitle\tOfficer #\tDPS Username\n"
        "Add\tNorth\tEli\tOfficer\tSB120\tenorth\n"
        "Update (promoted)\tAmato\tLuis\tCorporal\tSB107\tlamato\n"
        "Remove - retired\tKing\tWalt\tOfficer\tSB099\twking\n\nThanks\n"
    )
    result = parse_message(_mail(body, subject="Roster changes"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "SB120"),
        ("update", "SB107"),
        ("deactivate", "SB099"),
    ]


def test_transfer_written_from_one_agency_to_another() -> None:
    """ "is transferring from the X to the Y" moves the record to Y (an update with the
    new agency), not a deactivation."""
    body = (
        "Good morning,\n\nOfficer Luis Amato, SB107, is transferring from the Stowbridge "
        "Police Department to the Morrisville Police Department on 1/4/2027. Could you move "
        "his existing record over?\n\nChief Ray Olmstead\n"
    )
    result = parse_message(_mail(body, subject="Transfer"))
    assert result.intent == "officer_maintenance"
    [change] = result.changes
    data = change.model_dump()
    assert (data["action"], data["officer_number"], data["agency"]) == (
        "update",
        "SB107",
        "Morrisville Police Department",
    )


@pytest.mark.parametrize(
    ("line", "path"),
    [
        ("Judiciary code: don't know it offhand, can you check on your side?",
         "agency.judiciary_code"),
        ("Phone - same as the town office", "agency.phone"),
        ("Address: not sure which one you want?", "agency.address"),
    ],
)  # fmt: skip
def test_a_doubt_written_for_a_value_is_missing_not_invalid(line: str, path: str) -> None:
    """A sentence of doubt where a value belongs is a missing value the sender is asked
    for, never a value found invalid."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(line, RULES)
    assert values.get(path) is None


def test_address_of_another_named_person_is_not_the_pocs() -> None:
    """When the only address written belongs to a clerk named with it, the PoC's email is
    asked for (it was not sent), not put to staff as a question."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. "
        "I designated Sgt. Joanne Pelletier as our point of contact.\n\n"
        "Judiciary code: 0733\nAddress: 44 Depot Hill Road, Stowbridge, VT 05672\n"
        "Phone: (802) 555-0311\n\n" + ROSTER + "\nInvoices can go to our town clerk Bea "
        "at bcorliss@stowbridgevt.gov.\n\nChief Ray Olmstead\n"
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.point_of_contact.name == "Joanne Pelletier"
    assert result.missing == ["point_of_contact.email"]
    assert result.questions == []


@pytest.mark.parametrize(
    ("answer", "path", "value"),
    [
        ("Our main number is 802-555-0311.", "agency.phone", "(802) 555-0311"),
        ("The department phone # is (802) 555-0311", "agency.phone", "(802) 555-0311"),
        ("Sgt. Amy Lussier (alussier@stowbridgevt.gov) will be our e-ticket contact.",
         "point_of_contact.email", "alussier@stowbridgevt.gov"),
    ],
)  # fmt: skip
def test_short_answers_in_other_words(answer: str, path: str, value: str) -> None:
    """A one-line answer to the checklist ("our main number is ...", "X will be our
    e-ticket contact") is read as the value asked for."""
    result = parse_message(_mail(answer + "\n\nKim\n", reply=True, subject="More info"))
    assert result.intent == "enrollment"
    section, _, key = path.partition(".")
    assert result.to_json_dict()[section][key] == value


def test_two_details_of_one_officer_in_one_sentence() -> None:
    """ "Hale's officer number is NW002 and his username is jhale" gives both details of
    the same officer."""
    result = parse_message(
        _mail("Hale's officer number is NW002 and his username is jhale.\n", reply=True)
    )
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Hale", "NW002", "jhale")
    ]


def test_thank_you_reply_with_a_cell_number_is_not_an_answer() -> None:
    """A thanks that gives the writer's own cell number opens nothing."""
    raw = _mail("Thanks so much! Call my cell 802-555-0999 if you need me.\n\nKim\n", reply=True)
    assert parse_message(raw).intent == "other"


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Officer Luis Amato (SB107) is resigning effective Friday.", "deactivate"),
        ("Officer Luis Amato (SB107) will be leaving us at the end of the month.", "deactivate"),
        ("We are promoting Officer Luis Amato (SB107) to Sergeant as of today.", "update"),
    ],
)
def test_roster_changes_in_other_tenses(sentence: str, action: str) -> None:
    """A change written in the present or future ("is resigning", "will be leaving",
    "we are promoting") is read as that change."""
    result = parse_message(_mail(f"Hello,\n\n{sentence}\n\nChief Ray Olmstead\n", subject="Roster"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [(action, "SB107")]


@pytest.mark.parametrize(
    "line",
    [
        "Sgt Joanne Pelletier SB101 jpelletier",
        "Sergeant Joanne Pelletier: SB101, jpelletier",
        "Joanne Pelletier (Sgt) SB101 jpelletier",
    ],
)
def test_list_lines_without_usual_separators(line: str) -> None:
    """An officer line with only blanks between its fields, or with a colon after the
    name, is read as that officer; a heading such as "Officer Number: SB101" is not."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line(line, RULES)
    assert officer is not None
    assert (officer.last_name, officer.first_name, officer.title) == (
        "Pelletier",
        "Joanne",
        "Sergeant",
    )
    assert (officer.officer_number, officer.dps_username) == ("SB101", "jpelletier")
    assert officer_on_line("Officer Number: SB101", RULES) is None


@pytest.mark.parametrize(
    ("line", "path", "value"),
    [
        ("JB# 0733", "agency.judiciary_code", "0733"),
        ("JB #0733", "agency.judiciary_code", "0733"),
        ("Phone # 802-555-0311", "agency.phone", "802-555-0311"),
    ],
)
def test_number_sign_parts_label_and_value(line: str, path: str, value: str) -> None:
    """A label followed by "#" and the number, with no colon, is read as that value."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(line, RULES)
    assert values[path] == value


@pytest.mark.parametrize(
    "text",
    [
        "Pelletier, Joanne, Sergeant, SB101, TBD",
        "Pelletier | Joanne | Sergeant | SB101 | (not set up yet)",
        "Last | First | Rank | Number | Username\n"
        "Pelletier | Joanne | Sergeant | SB101 | (not set up yet)\n"
        "Amato | Luis | Officer | SB107 | lamato",
    ],
)
def test_a_field_said_not_given_keeps_the_officer(text: str) -> None:
    """An officer whose username is written as "TBD" or "(not set up yet)" is read, with
    the username missing (asked for), not dropped nor found invalid."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. I "
        "will be the point of contact.\n\nJudiciary code: 0733\n"
        "Address: 44 Depot Hill Road, Stowbridge, VT 05672\nPhone: (802) 555-0311\n\n"
        f"Officers:\n{text}\n\nChief Ray Olmstead\n"
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.officers[0].officer_number == "SB101"
    assert result.officers[0].dps_username is None
    assert result.missing == ["officers[0].dps_username"]
    assert result.invalid == []


def test_new_officers_pasted_as_comma_separated_table() -> None:
    """New officers pasted as comma-separated lines under a heading line are each an add
    with every field in its column."""
    body = (
        "Hello,\n\nPlease add the following new officers:\n\n"
        "Last Name, First Name, Rank, Officer #, Username\n"
        "Cole, Nina, Officer, SB130, ncole\nDunn, Pete, Officer, SB131, pdunn\n\nThanks\n"
    )
    result = parse_message(_mail(body, subject="New officers"))
    assert [
        (
            c.action,
            c.officer_number,
            c.model_dump().get("first_name"),
            c.model_dump().get("dps_username"),
        )
        for c in result.changes
    ] == [("add", "SB130", "Nina", "ncole"), ("add", "SB131", "Pete", "pdunn")]


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("Please update Cpl. Luis Amato (SB107): his DPS username changed to luis.amato.",
         "dps_username", "luis.amato"),
        ("Please correct Eli Nort's first name - it should be Elias (SB120).",
         "last_name", "Nort"),
    ],
)  # fmt: skip
def test_update_details_in_other_words(sentence: str, field: str, value: str) -> None:
    """ "username changed to X" updates the username; "Nort's first name" names officer
    Nort (the possessive is not part of the name)."""
    result = parse_message(_mail(f"Hi,\n\n{sentence}\n\nKim\n", subject="Roster"))
    [change] = result.changes
    assert change.action == "update"
    assert change.model_dump()[field] == value


@pytest.mark.parametrize(
    "line",
    [
        "Name for tickets: Town of Stowbridge Police Dept.",
        "Ticket name: Town of Stowbridge Police Dept.",
    ],
)
def test_agency_name_labelled_by_what_it_is_for(line: str) -> None:
    """The agency name labelled by where it is printed ("Name for tickets") is read as
    written."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(line, RULES)
    assert values["agency.name"] == "Town of Stowbridge Police Dept."


def test_answer_after_a_greeting_on_the_same_line() -> None:
    """ "Hi - Amato's officer number is SB107." is an answer: the greeting before it is
    not part of the officer's name."""
    result = parse_message(_mail("Hi - Amato's officer number is SB107.\n\nKim\n", reply=True))
    assert result.intent == "enrollment"
    assert [(o.last_name, o.officer_number) for o in result.officers] == [("Amato", "SB107")]


@pytest.mark.parametrize(
    "extra",
    [
        "For billing questions contact accounts@stowbridgevt.gov.",
        "You can copy our dispatcher Mia Grant (mgrant@stowbridgevt.gov) on anything urgent.",
    ],
)
def test_function_mailbox_or_colleague_is_not_the_pocs_address(extra: str) -> None:
    """A function mailbox (accounts@) or a colleague's address named with their job is
    not taken as the PoC's email; the PoC's own address is asked for."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. "
        f"Our e-ticket point of contact will be Sgt. Joanne Pelletier. {extra}\n\n"
        "Judiciary code: 0733\nAddress: 44 Depot Hill Road, Stowbridge, VT 05672\n"
        f"Phone: (802) 555-0311\n\n{ROSTER}\nChief Ray Olmstead\n"
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.point_of_contact.name == "Joanne Pelletier"
    assert result.point_of_contact.email is None
    assert result.missing == ["point_of_contact.email"]


def _enrol(values: str) -> bytes:
    return _mail(
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. I "
        f"will be the point of contact.\n\n{values}\n\n{ROSTER}\nChief Ray Olmstead\n",
        attach=LOGO,
    )


def test_main_and_fax_on_one_line() -> None:
    """ "Main: ... / Fax: ..." on one line: the main number is the agency's, the fax is
    not, and nothing is asked."""
    result = parse_message(
        _enrol(
            "Judiciary code 0733\n44 Depot Hill Road, Stowbridge, VT 05672\n"
            "Main: (802)555-0311 / Fax: (802)555-0312"
        )
    )
    assert result.agency.phone is not None and result.agency.phone.endswith("555-0311")
    assert result.missing == [] and result.questions == []


def test_po_box_in_a_sentence() -> None:
    """A PO Box address written inside a sentence is the agency's address."""
    result = parse_message(
        _enrol(
            "Our Judiciary Code is 0733, our mailing address is P.O. Box 12, Stowbridge, "
            "VT 05672 and our phone number is 802 555 0311."
        )
    )
    assert result.agency.address == "P.O. Box 12, Stowbridge, VT 05672"
    assert result.missing == []


def test_roster_in_the_desks_own_quoted_message_is_not_sent_again() -> None:
    """A new request above a quote of the desk's own message does not take the roster
    quoted from the desk as officers sent: the roster is still asked for."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. I "
        "will be the point of contact.\n\nJudiciary code: 0733\n"
        "Address: 44 Depot Hill Road, Stowbridge, VT 05672\nPhone: (802) 555-0311\n\n"
        "Chief Ray Olmstead\n\n"
        "On Mon, Nov 2, 2026 at 9:12 AM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        + "".join(f"> {line}\n" for line in ROSTER.splitlines())
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.officers == []
    assert result.missing == ["officers"]


def test_head_title_signed_with_last_name_only() -> None:
    """A request signed "- Chief Olmstead" by Ray Olmstead has Ray Olmstead, Chief, as
    head of department."""
    body = (
        "Hello,\n\nStowbridge Police Department would like to start issuing e-tickets. I "
        "will be the point of contact.\n\nJudiciary code: 0733\n"
        "Address: 44 Depot Hill Road, Stowbridge, VT 05672\nPhone: (802) 555-0311\n\n"
        f"{ROSTER}\n- Chief Olmstead\n"
    )
    result = parse_message(_mail(body, sender="Ray Olmstead <rolmstead@stowbridgevt.gov>"))
    assert (result.head_of_department.name, result.head_of_department.title) == (
        "Ray Olmstead",
        "Chief",
    )


def test_list_line_in_capitals() -> None:
    """A roster line typed in capitals has its username read too."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line("PELLETIER, JOANNE  SGT  SB101  JPELLETIER", RULES)
    assert officer is not None
    assert (officer.officer_number, officer.dps_username) == ("SB101", "JPELLETIER")


@pytest.mark.parametrize(
    "reply",
    [
        "Got it, thank you!\n\nKim Rowell\nRecords Clerk\nStowbridge Police Department\n"
        "44 Depot Hill Road\nStowbridge, VT 05672\n(802) 555-0311",
        "Perfect, we'll watch for the confirmation.\nKim Rowell | Stowbridge PD | "
        "44 Depot Hill Road, Stowbridge, VT 05672 | 802-555-0311",
    ],
)
def test_thanks_signed_with_the_agency_address_is_not_an_answer(reply: str) -> None:
    """A thank-you reply signed with the sender's name and the agency's address and phone,
    without a sign-off word, answers nothing: the signature is not read as values."""
    raw = _mail(reply + "\n", reply=True, sender="Kim Rowell <krowell@stowbridgevt.gov>")
    result = parse_message(raw)
    assert result.intent == "other"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Please list us as Stowbridge Village PD on the tickets.", "Stowbridge Village PD"),
        ('We\'d like our name to appear as "Stowbridge Police".', "Stowbridge Police"),
    ],
)
def test_agency_name_asked_to_be_shown_as(sentence: str, name: str) -> None:
    """The name a sender asks to be shown as on the tickets is the agency name."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(f"We would like to enroll in e-ticketing. {sentence}", RULES)
    assert values["agency.name"] == name


def test_a_value_followed_by_a_doubt_is_kept() -> None:
    """A value written first and a doubt after it ("(not sure if you need 'Town of')")
    is still the value given, not a missing one."""
    from mailbot.intake.fields import read_fields

    values, _ = read_fields(
        "Agency name: Stowbridge Police Department (not sure if you need Town of)", RULES
    )
    assert (values["agency.name"] or "").startswith("Stowbridge Police Department")


def test_roster_written_after_the_sign_off_is_read() -> None:
    """A roster typed after "Thanks, Chief ..." (a P.S.) is read, not asked for."""
    result = parse_message(
        _enrol(
            "Judiciary code: 0733\nAddress: 44 Depot Hill Road, Stowbridge, VT 05672\n"
            "Phone: (802) 555-0311\n\nThanks,\nChief Ray Olmstead\n\nP.S. Our officers are:\n"
            "1. Sgt. Joanne Pelletier - SB101 - jpelletier\n2. Ofc. Luis Amato - SB107 - lamato"
        ).replace(ROSTER.encode(), b"")
    )
    assert [o.officer_number for o in result.officers] == ["SB101", "SB107"]
    assert result.missing == []


def test_more_heading_words_for_the_officer_table() -> None:
    """Headings such as "Last name (legal)", "Title/Position", "LEO ID #" and "TraCS
    Username" name the officer table's columns."""
    from mailbot.intake.tables import officers_from_text

    text = (
        "Last name (legal) | First name(s) | Title/Position | LEO ID # | TraCS Username\n"
        "Pelletier | Joanne | Sergeant | SB101 | jpelletier\n"
    )
    [officer] = officers_from_text(text, RULES)
    assert (officer.last_name, officer.title, officer.officer_number, officer.dps_username) == (
        "Pelletier",
        "Sergeant",
        "SB101",
        "jpelletier",
    )


def test_two_officers_described_in_one_sentence() -> None:
    """ "Our officers are Sgt. A (number, username) and Officer B (number, username)" gives
    both officers, each with their own details."""
    from mailbot.intake.prose_officers import officers_in_prose

    sentence = (
        "Our officers are Sgt. Joanne Pelletier (SB101, username jpelletier) and Officer "
        "Luis Amato (SB107, username lamato)."
    )
    got = [
        (o.last_name, o.officer_number, o.dps_username) for o in officers_in_prose(sentence, RULES)
    ]
    assert got == [("Pelletier", "SB101", "jpelletier"), ("Amato", "SB107", "lamato")]


def test_contractor_named_with_a_long_description_is_the_point_of_contact() -> None:
    """A PoC from an outside firm, described at length between "designated" and "as our
    point of contact", is read with the address given in the next sentence."""
    body = (
        "Hello,\n\nWe would like to participate in e-ticketing. I have designated Marcy "
        "Vandermolen of Lakeshore Computer Services Group, who looks after our network and "
        "radios on a yearly contract, as our e-ticket point of contact. Her address is "
        "mvandermolen@lakeshorecsg.com.\n\n" + ROSTER + "\nThanks,\nChief Ray Olmstead\n"
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.point_of_contact.name == "Marcy Vandermolen"
    assert result.point_of_contact.email == "mvandermolen@lakeshorecsg.com"


def test_headings_in_brackets_after_a_lead_in_word_name_the_columns() -> None:
    """ "Roster (surname, given name, rank, ...):" above comma rows still gives each
    officer's last name, not only the later columns."""
    from mailbot.intake.tables import officers_from_text

    text = (
        "Roster (last name, first name, rank, officer number, username):\n"
        "Pelletier, Joanne, Sergeant, SB101, jpelletier\n"
        "Amato, Luis, Officer, SB107, lamato\n"
    )
    got = [(o.last_name, o.first_name, o.officer_number) for o in officers_from_text(text, RULES)]
    assert got == [("Pelletier", "Joanne", "SB101"), ("Amato", "Luis", "SB107")]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Ouellette Dana Constable KB003 douellette", ("Ouellette", "Dana", "Constable")),
        (
            "Beaulieu Mark Deputy Constable KB004 mbeaulieu",
            ("Beaulieu", "Mark", "Deputy Constable"),
        ),
    ],
)
def test_spaced_row_with_the_title_after_the_name(line: str, want: tuple[str, str, str]) -> None:
    """A roster row written with single blanks as "Last First Title Number username" gives
    the last name, first name and the whole title, even a two-word one."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line(line, RULES)
    assert officer is not None
    assert (officer.last_name, officer.first_name, officer.title) == want


AGENCY_ONLY = """Judiciary code: 0733
Agency name: Stowbridge Police Department
Address: 44 Depot Hill Road, Stowbridge, VT 05672
Phone: (802) 555-0311
Patch attached for the logo.
"""


@pytest.mark.parametrize(
    "later",
    [
        "Officer list to follow once our new hires finish the academy.",
        "I will send the officer details separately, probably on Friday.",
    ],
)
def test_agency_details_with_the_roster_promised_later_is_an_enrolment(later: str) -> None:
    """A request that gives the agency's details and says the officers will come in a
    later message is read as an enrolment (and answered with its checklist)."""
    body = f"Hello,\n\nWe need an e-ticket setup.\n\n{AGENCY_ONLY}\n{later}\n\nRay Olmstead\n"
    result = parse_message(_mail(body, attach=LOGO))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0733"


def test_self_designation_typed_without_an_apostrophe() -> None:
    """ "Ill be the point of contact" (a phone dropping the apostrophe) makes the sender
    the PoC, so the checklist does not ask who it is."""
    body = (
        "Hello,\n\nWe would like to participate in e-ticketing. Ill be the point of "
        f"contact for it.\n\n{AGENCY_ONLY}\n{ROSTER}\nRay Olmstead\n"
    )
    result = parse_message(_mail(body, attach=LOGO))
    assert result.point_of_contact.name == "Ray Olmstead"
    assert result.point_of_contact.email == "rolmstead@stowbridgevt.gov"


def test_a_remark_in_brackets_in_the_username_column_is_not_a_username() -> None:
    """A username cell holding "(pending - account requested last Monday)" is asked for as
    missing, not reported as an invalid username."""
    from mailbot.intake.tables import officers_from_text

    text = (
        "Last Name | First Name | Rank | Officer Number | DPS Username\n"
        "Pelletier | Joanne | Sergeant | SB101 | jpelletier\n"
        "Amato | Luis | Officer | SB107 | (pending - account requested last Monday by IT)\n"
    )
    officers = officers_from_text(text, RULES)
    assert [o.dps_username for o in officers] == ["jpelletier", None]


def test_title_written_with_the_name_under_separate_headings() -> None:
    """Rows like "Sgt. Joanne Pelletier, SB101, jpelletier@dps.state.vt.us" under a
    "(rank, name, number, login)" heading keep each value in its own field, the address
    giving the bare username."""
    from mailbot.intake.tables import officers_from_text

    text = (
        "Please enrol (rank, name, officer number, DPS login):\n"
        "Sgt. Joanne Pelletier, SB101, jpelletier@dps.state.vt.us\n"
        "Ofc. Luis Amato, SB107, lamato@dps.state.vt.us\n"
    )
    got = [
        (o.title, o.first_name, o.last_name, o.officer_number, o.dps_username)
        for o in officers_from_text(text, RULES)
    ]
    assert got == [
        ("Sgt.", "Joanne", "Pelletier", "SB101", "jpelletier"),
        ("Ofc.", "Luis", "Amato", "SB107", "lamato"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Amato, Luis | Officer |  | lamato", "- Amato, Luis ; Officer ; ; lamato"],
)
def test_list_row_with_the_number_left_blank_is_kept(line: str) -> None:
    """A roster line whose officer-number place is left empty still gives the officer,
    so the checklist asks for that number instead of losing the officer."""
    from mailbot.intake.lists import officer_on_line

    officer = officer_on_line(line, RULES)
    assert officer is not None
    assert (officer.last_name, officer.title, officer.officer_number, officer.dps_username) == (
        "Amato",
        "Officer",
        None,
        "lamato",
    )


def test_one_line_per_officer_of_labelled_values() -> None:
    """Officers written one per line as "Surname: ..., Given name: ..., Badge: ..." pairs
    are read field by field, one officer per line."""
    from mailbot.intake.labelled_blocks import officers_in_blocks

    text = (
        "Officers\n"
        "Last name: Pelletier; First name: Joanne; Title: Sergeant; Badge: SB101; "
        "Login: jpelletier\n"
        "Last name: Amato; First name: Luis; Title: Officer; Badge: SB107; Login: lamato\n"
    )
    got = [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in officers_in_blocks(text, RULES)
    ]
    assert got == [
        ("Pelletier", "Joanne", "Sergeant", "SB101", "jpelletier"),
        ("Amato", "Luis", "Officer", "SB107", "lamato"),
    ]
