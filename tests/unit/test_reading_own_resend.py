"""A reply to the sender's own earlier request ("I forgot the code, everything else is
below"): the quoted request is the sender's, so what it gives is not asked for again.
A quoted message from the desk is never read this way."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.parse import parse_message

_EARLIER = """\
Hello,

Our department would like an e-ticket agency record. Our point of contact will be
Sgt. Nadia Perron, nperron@northfieldpd.test.

Name to display: Northfield Police Department
Address: 51 South Main Street, Northfield, VT 05663
Phone: (802) 555-0142

Officers:
Sgt. Nadia Perron - NF012 - nperron
Ofc. Owen Talbot - NF019 - otalbot

Regards,
Marc Bessette
Chief of Police
"""


def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


def _mail(body: str, in_reply_to: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Marc Bessette <mbessette@northfieldpd.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Northfield PD e-ticket"
    msg["In-Reply-To"] = in_reply_to
    msg.set_content(body)
    return msg.as_bytes()


def test_own_request_quoted_under_a_foreign_attribution_is_given() -> None:
    """ "Le ... a écrit :" naming the sender: the old request's values are read."""
    body = (
        "Hello,\n\nI forgot the judiciary code in my first message. It is 0412.\n"
        "Everything else is below.\n\nMarc Bessette\nChief of Police\n\n"
        "Le lun. 2 nov. 2026 à 10:05, Marc Bessette <mbessette@northfieldpd.test> a écrit :\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.0412@mail.example>"))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0412"
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"
    assert result.point_of_contact.email == "nperron@northfieldpd.test"
    assert result.head_of_department.name == "Marc Bessette"
    assert [o.officer_number for o in result.officers] == ["NF012", "NF019"]
    assert not {"agency.address", "agency.phone", "officers"} & set(result.missing)


def test_values_sent_now_are_completed_from_the_own_request() -> None:
    """Usernames sent now for officers of the quoted request (a reply to a message of
    the sender's own domain): each officer keeps the number the request gave."""
    body = (
        "Here are the usernames that were missing:\n\n"
        "Sgt. Nadia Perron - nperron\nOfc. Owen Talbot - otalbot\n\nMarc Bessette\n\n"
        "On Mon, Nov 2, 2026 at 10:05 AM Northfield Records wrote:\n" + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.0412@northfieldpd.test>"))
    by_name = {o.last_name: o for o in result.officers}
    assert by_name["Talbot"].officer_number == "NF019"
    assert by_name["Talbot"].dps_username == "otalbot"
    assert "agency.phone" not in result.missing


def test_the_desks_own_message_quoted_is_not_read_as_given() -> None:
    """The checklist quoted back from the desk gives nothing."""
    body = (
        "The code is 0412.\n\nMarc Bessette\n\n"
        "On Mon, Nov 2, 2026 at 10:05 AM DPS e-Ticket <dps.eticket@vermont.gov> wrote:\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<etk-0101.checklist@dps.eticket.invalid>"))
    assert result.agency.address is None
    assert not result.officers


_DESK_ASKS = """\
Chief Bessette,

Thank you for your request. Before we can create the records we need a DPS username
for Officer Talbot.

Regards,
DPS e-Ticket Technical Staff
"""


def test_own_request_quoted_under_the_desks_checklist_is_given() -> None:
    """The desk's checklist quotes the sender's request: the request (quoted twice) is
    his and gives the agency, contact and roster; only what the reply adds is new."""
    body = (
        "Sorry. Talbot's username is otalbot.\n\nMarc\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            _DESK_ASKS
            + "\nOn Nov 2, 2026, at 4:05 PM, Marc Bessette <mbessette@northfieldpd.test> wrote:\n\n"
            + _quoted(_EARLIER)
        )
    )
    result = parse_message(_mail(body, "<checklist.77@dps.example>"))
    assert result.intent == "enrollment"
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"
    assert result.point_of_contact.email == "nperron@northfieldpd.test"
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Perron", "NF012", "nperron"),
        ("Talbot", "NF019", "otalbot"),
    ]
    assert not {"agency.address", "agency.phone", "point_of_contact.email"} & set(result.missing)


def test_someone_elses_request_under_the_desks_checklist_gives_nothing() -> None:
    """Under the desk's message, a request by another sender is history."""
    body = (
        "Talbot's username is otalbot.\n\nMarc\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            _DESK_ASKS
            + "\nOn Nov 2, 2026, at 4:05 PM, Lee Park <lpark@elsewhere.test> wrote:\n\n"
            + _quoted(_EARLIER)
        )
    )
    result = parse_message(_mail(body, "<checklist.77@dps.example>"))
    assert result.agency.address is None
    assert result.point_of_contact.email is None


def _resend(new_part: str) -> bytes:
    body = (
        new_part + "\n\nThanks,\nMarc Bessette\nChief of Police\n\n"
        "El lun, 2 nov 2026 a las 10:05, Marc Bessette (<mbessette@northfieldpd.test>) "
        "escribió:\n" + _quoted(_EARLIER)
    )
    return _mail(body, "<first.77@mail.example>")


def test_a_resent_request_that_changes_its_roster_stays_an_enrolment() -> None:
    """Re-sending his own unanswered request, the sender leaves an officer off and names
    another contact: still an enrolment, with the rest of the quoted request."""
    result = parse_message(
        _resend(
            "Resending since I haven't heard back. One change: Sgt. Perron is retiring, "
            "so please make Ofc. Owen Talbot our e-ticket point of contact instead "
            "(otalbot@northfieldpd.test). Please also leave Sgt. Perron off the officer list."
        )
    )
    assert result.intent == "enrollment"
    assert not result.changes
    assert result.point_of_contact.email == "otalbot@northfieldpd.test"
    assert result.agency.phone is not None
    assert [o.last_name for o in result.officers] == ["Talbot"]


def test_a_resent_request_with_a_new_full_list_takes_the_new_list() -> None:
    result = parse_message(
        _resend(
            "Please use this officer list instead of the one in my first email:\n\n"
            "Perron, Nadia, Sergeant, NF012, nperron\n"
            "Talbot, Owen, Officer, NF019, otalbot\n"
            "Quintal, Rose, Officer, NF023, rquintal"
        )
    )
    assert result.intent == "enrollment"
    assert not result.changes
    assert [o.officer_number for o in result.officers] == ["NF012", "NF019", "NF023"]
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"


def test_a_reply_completing_the_senders_own_roster_change_is_that_change() -> None:
    """The desk asked for the number of the officer the sender asked to add: the reply
    giving it is the add, with the name and username of the quoted request."""
    body = (
        "Hi,\n\nGot it this morning. Rose's officer number is NF023.\n\nThanks,\nMarc\n\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\nSent: Tuesday, November 3, 2026 9:00 AM\n"
        "To: Marc Bessette <mbessette@northfieldpd.test>\nSubject: RE: New officer\n\n"
        "We need Officer Quintal's officer number before we can create her record.\n\n"
        "From: Marc Bessette <mbessette@northfieldpd.test>\n"
        "Sent: Monday, November 2, 2026 4:00 PM\nTo: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Subject: New officer\n\nHello,\n\nPlease add our new officer to TraCS:\n\n"
        "Officer Rose Quintal\nDPS username: rquintal\nOfficer number: pending\n\n"
        "Thank you,\nMarc Bessette\n"
    )
    result = parse_message(_mail(body, "<reply.78@dps.example>"))
    assert result.intent == "officer_maintenance"
    assert not result.officers
    assert [c.model_dump(exclude_none=True) for c in result.changes] == [
        {
            "action": "add",
            "officer_number": "NF023",
            "last_name": "Quintal",
            "first_name": "Rose",
            "title": "Officer",
            "dps_username": "rquintal",
        }
    ]


def test_a_resent_request_under_a_german_quote_header_corrects_a_number() -> None:
    """Thunderbird's "Am ... schrieb <name>:" opens the quoted own request; a number the
    new part corrects replaces the one written below, the rest is kept."""
    body = (
        "Hello,\n\nI am re-sending our enrollment because the logo was missing.\n\n"
        "One correction: Officer Talbot's number is NF091, not NF019 like I wrote below.\n\n"
        "Thanks,\nMarc Bessette\nChief of Police\n\n"
        "Am 02.11.26 um 10:05 schrieb Marc Bessette:\n" + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.79@mail.example>"))
    assert result.intent == "enrollment"
    assert [(o.last_name, o.officer_number) for o in result.officers] == [
        ("Perron", "NF012"),
        ("Talbot", "NF091"),
    ]
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"


def test_a_roster_change_under_an_answered_enrolment_stays_a_roster_change() -> None:
    """The desk answered the enrolment (its message is in the thread): a roster change
    written above it changes the records, it does not re-send the request."""
    body = (
        "Please deactivate Ofc. Owen Talbot (NF019), he resigned last week.\n\nMarc Bessette\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            "Chief Bessette,\n\nYour agency and officer records have been created.\n\n"
            "Regards,\nDPS e-Ticket Technical Staff\n\n"
            "On Nov 2, 2026, at 4:05 PM, Marc Bessette <mbessette@northfieldpd.test> wrote:\n\n"
            + _quoted(_EARLIER)
        )
    )
    result = parse_message(_mail(body, "<done.80@dps.example>"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("deactivate", "NF019")]


def test_own_request_older_than_a_working_on_it_note_in_the_thread() -> None:
    """Outlook headers: the desk's nudge, the sender's "working on it" note, the desk's
    checklist, then the sender's request: the PoC it named is not asked for again."""
    header = (
        "From: Bessette, Marc <mbessette@northfieldpd.test>\nSent: {day}\n"
        "To: DPS - eTicket <dps.eTicket@vermont.gov>\nSubject: RE: Northfield PD e-ticket\n\n"
    )
    desk = (
        "From: DPS - eTicket <dps.eTicket@vermont.gov>\nSent: {day}\n"
        "To: Bessette, Marc <mbessette@northfieldpd.test>\nSubject: RE: Northfield PD e-ticket"
        "\n\nWe still need your judiciary code.\n\nDPS e-Ticket Technical Staff\n\n"
    )
    request = _EARLIER.replace(
        "\nOfficers:\nSgt. Nadia Perron - NF012 - nperron\nOfc. Owen Talbot - NF019 - otalbot\n",
        "\nI will send the officer list separately.\n",
    )
    body = (
        "Good morning,\n\nOur judiciary code is 0412. Officers:\n\n"
        "Sgt. Nadia Perron - NF012 - nperron\nOfc. Owen Talbot - NF019 - otalbot\n\n"
        "Everything else (address, phone, Nadia as our point of contact) is as in my"
        " original email below.\n\nMarc Bessette\nChief of Police\n\n"
        + desk.format(day="Tuesday, March 3, 2026 9:00 AM")
        + header.format(day="Monday, March 2, 2026 4:00 PM")
        + "Thanks, working on it. I will get you the officer list soon.\n\nMarc Bessette\n"
        "Chief of Police\n\n"
        + desk.format(day="Monday, March 2, 2026 9:00 AM")
        + header.format(day="Friday, February 27, 2026 2:00 PM")
        + request
    )
    result = parse_message(_mail(body, "<desk.0412@vermont.gov>"))
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Nadia Perron"
    assert result.point_of_contact.email == "nperron@northfieldpd.test"
    assert "point_of_contact.name" not in result.missing


def test_a_reply_gives_the_digits_only_number_of_an_add_it_quotes() -> None:
    """The desk asked for a whole number: the reply's "Cpl. Doane's LEO number is 03318"
    corrects the number of the add quoted below it, by rank and last name only."""
    body = (
        "Apologies - Cpl. Doane's LEO number is 03318, the leading zero fell off.\n\n"
        "Marc Bessette\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            "Chief Bessette,\n\nThe officer number given for Cpl. Doane (3318) has only four"
            " characters. Please confirm.\n\nDPS e-Ticket Technical Staff\n\n"
            "On Nov 2, 2026, at 4:05 PM, Marc Bessette <mbessette@northfieldpd.test> wrote:\n\n"
            + _quoted(
                "Please add Corporal Ruth Doane, LEO 3318, DPS username rdoane, to our"
                " roster in TraCS.\n\nMarc Bessette\nChief of Police\n"
            )
        )
    )
    result = parse_message(_mail(body, "<ask.81@dps.example>"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "03318")]


def test_a_reply_completing_its_own_roster_change_keeps_the_agency_that_change_named() -> None:
    body = (
        "Sorry - Cpl. Doane's LEO number is 03318.\n\nMarc\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            "Chief Bessette,\n\nThe number given for Cpl. Doane (3318) is too short.\n\n"
            "DPS e-Ticket Technical Staff\n\n"
            "On Nov 2, 2026, at 4:05 PM, Marc Bessette <mbessette@northfieldpd.test> wrote:\n\n"
            + _quoted(
                "Please add Corporal Ruth Doane, LEO 3318, DPS username rdoane, in TraCS.\n\n"
                "Chief Marc Bessette\nNorthfield Police Department\n"
                "51 South Main Street, Northfield, VT 05663\n"
            )
        )
    )
    result = parse_message(_mail(body, "<ask.82@dps.example>"))
    assert result.intent == "officer_maintenance"
    assert result.agency.name == "Northfield Police Department"


def test_a_reply_that_corrects_a_quoted_add_and_asks_one_more_change_keeps_both() -> None:
    """ "Cpl. Doane's LEO number is 03318 - and please also remove Ofc. Lyle Brandt
    (NF221)": a change of its own in the reply does not make it a new request that drops
    the add it corrects."""
    body = (
        "Cpl. Doane's LEO number is 03318, the leading zero fell off. Also, please remove "
        "Officer Lyle Brandt (LEO NF221) from our roster, he resigned Friday.\n\n"
        "Marc Bessette\n\n"
        "On Nov 3, 2026, at 9:12 AM, DPS - eTicket <dps.eTicket@vermont.gov> wrote:\n\n"
        + _quoted(
            "Chief Bessette,\n\nThe officer number given for Cpl. Doane (3318) has only four"
            " characters. Please confirm.\n\nDPS e-Ticket Technical Staff\n\n"
            "On Nov 2, 2026, at 4:05 PM, Marc Bessette <mbessette@northfieldpd.test> wrote:\n\n"
            + _quoted(
                "Please add Corporal Ruth Doane, LEO 3318, DPS username rdoane, to our"
                " roster in TraCS.\n\nMarc Bessette\nChief of Police\n"
            )
        )
    )
    result = parse_message(_mail(body, "<ask.83@dps.example>"))
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [
        ("add", "03318"),
        ("deactivate", "NF221"),
    ]


def test_reply_promoting_and_renaming_a_user_of_the_quoted_roster() -> None:
    """ "Sgt. Perron was made Lieutenant", "Talbot's username is otalbot3, not otalbot":
    the quoted request's roster carries the new title and username."""
    body = (
        "Hello again,\n\nTwo fixes to my request below:\n\n"
        "- Sgt. Perron was promoted to Lieutenant on Friday, please put that on her record.\n"
        "- Ofc. Talbot's username is otalbot3, not otalbot (there is another O. Talbot).\n\n"
        "The rest stands.\n\nMarc\n\n"
        "On Mon, 2 Nov 2026 at 10:05, Marc Bessette <mbessette@northfieldpd.test> wrote:\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<first.0412@mail.example>"))
    assert result.intent == "enrollment"
    by_number = {o.officer_number: o for o in result.officers}
    assert by_number["NF012"].title == "Lieutenant"
    assert by_number["NF019"].dps_username == "otalbot3"
    assert by_number["NF019"].title == "Officer"


def test_reply_holding_back_officers_of_the_quoted_roster() -> None:
    """ "Only Perron for now; hold off on Talbot until he finishes field training": the
    quoted roster without him."""
    body = (
        "Hi,\n\nOnly Sgt. Perron for now. Hold off on Talbot until he finishes field "
        "training, I'll send him later.\n\nMarc\n\n"
        "On Tue, 3 Nov 2026 at 14:20, DPS eTicket <dps.eTicket@vermont.gov> wrote:\n"
        + _quoted(
            "Chief, Officer Talbot is listed as in field training. Please confirm whom to "
            "set up now.\n\n"
            "On Mon, 2 Nov 2026 at 10:05, Marc Bessette <mbessette@northfieldpd.test> wrote:\n"
            + _quoted(_EARLIER)
        )
    )
    result = parse_message(_mail(body, "<first.0412@mail.example>"))
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["NF012"]


def test_a_surname_now_takes_the_full_name_the_own_request_gave() -> None:
    """ "Sgt. Perron's email is ..." in the reply; the request below named "Sgt. Nadia
    Perron" the point of contact: her full name is kept, not the surname alone."""
    body = (
        "Hello,\n\nPoint of contact: Sgt. Perron, nperron@northfieldpd.test\n"
        "Our judiciary code is 0412.\n\nMarc Bessette\nChief of Police\n\n"
        "On Mon, Nov 2, 2026 at 10:05 AM Marc Bessette <mbessette@northfieldpd.test> wrote:\n"
        + _quoted(_EARLIER)
    )
    result = parse_message(_mail(body, "<own-req-9@northfieldpd.test>"))
    assert result.intent == "enrollment"
    assert result.point_of_contact.name == "Nadia Perron"


_EARLIER_ADDS = """\
Hi,
Two new deputies finished their training. Please create records:
Deputy Ansel Vorhees, 9K411, avorhees
Deputy Brielle Quint, 9K414, bquint

Cpl. Tova Lindqvist
Kestrel County Sheriff's Office
"""


def test_an_add_also_asked_for_over_the_own_quoted_adds_is_the_only_change() -> None:
    """ "Please also add:" one officer over the sender's own quoted adds: the one new add
    is the change asked for now, not the quoted ones again."""
    body = (
        "Sorry, I missed one. Please also add:\nDeputy Corin Ashby, 9K420, cashby\n\n"
        "Tova\n\n"
        "On Tue, Nov 3, 2026 at 9:12 AM Tova Lindqvist <tlindqvist@kestrelso.test> wrote:\n"
        + _quoted(_EARLIER_ADDS)
    )
    msg = EmailMessage()
    msg["From"] = "Tova Lindqvist <tlindqvist@kestrelso.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "Re: Kestrel County new deputies"
    msg["In-Reply-To"] = "<adds.0911@kestrelso.test>"
    msg.set_content(body)
    result = parse_message(msg.as_bytes())
    assert result.intent == "officer_maintenance"
    assert [(c.action, c.officer_number) for c in result.changes] == [("add", "9K420")]


def test_the_phone_a_follow_up_says_to_use_replaces_the_one_sent_before() -> None:
    """ "the phone number I gave you this morning (...0142) is the old dispatch line.
    Please use ...0149 for the agency phone": over his own request, quoted in full, the
    follow-up is that enrolment, with the phone it says to use."""
    body = (
        "Sorry, one more thing - the phone number I gave you in my email this morning "
        "(802-555-0142) is the old dispatch line. Please use 802-555-0149 for the agency "
        "phone on the e-ticket.\n\nEverything else stands.\n\nChief Marc Bessette\n\n"
        "-----Original Message-----\n"
        "From: Marc Bessette <mbessette@northfieldpd.test>\n"
        "Sent: Tuesday, November 3, 2026 9:12 AM\nTo: dps.eTicket@vermont.gov\n"
        "Subject: Northfield PD e-ticket\n\n" + _EARLIER
    )
    result = parse_message(_mail(body, "<first.0142@northfieldpd.test>"))
    assert result.intent == "enrollment"
    assert result.agency.phone is not None
    assert result.agency.phone.endswith("555-0149")
    assert result.agency.address == "51 South Main Street, Northfield, VT 05663"
    assert [o.officer_number for o in result.officers] == ["NF012", "NF019"]
