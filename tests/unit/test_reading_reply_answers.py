"""Replies to the desk's checklist, read as answers: a code given alone (or said short,
"Code is 412", kept as given and found invalid), a phone the sender corrects above his
own quoted request, an officer the desk asked about whom the reply names without giving
his value; a question sent ahead of the request; a list row whose number is too short."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.intake.self_fixed import fixes
from tests.reading_mail import mail

_SENDER = "Rita Bone <rbone@fairlee.test>"


def _desk(asks: str) -> str:
    """The desk's message, quoted as Outlook quotes it (a header block, no marks)."""
    return (
        "________________________________\n"
        "From: DPS eTicket <dps.eTicket@vermont.gov>\n"
        "Sent: Friday, March 8, 2024 3:02 PM\n"
        "To: Rita Bone <rbone@fairlee.test>\n"
        "Subject: Fairlee PD - TraCS agency record\n\n"
        "Sgt. Bone,\n\n"
        f"{asks}\n\n"
        "Regards,\n"
        "DPS e-Ticket Technical Staff\n"
    )


def _reply(body: str):
    raw = mail(
        body,
        sender=_SENDER,
        subject="RE: Fairlee PD - TraCS agency record",
        in_reply_to="<desk-7@vermont.gov>",
    )
    return parse_message(raw)


def test_a_code_alone_answers_the_desks_one_question() -> None:
    asks = "We have everything except the judiciary code. Can you send the 4-digit code?"
    result = _reply("0528\n\nRita Bone | Sergeant\nFairlee Police Department\n\n" + _desk(asks))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "0528"


def test_a_code_said_a_digit_short_is_kept_and_found_invalid() -> None:
    asks = "One thing is missing: the 4-digit judiciary code."
    result = _reply("Code is 528.\n\nRita\n\n" + _desk(asks))
    assert result.intent == "enrollment"
    assert result.agency.judiciary_code == "528"
    assert "agency.judiciary_code" in {i.field for i in result.invalid}


_OWN_REQUEST = (
    "On Mon, Mar 11, 2024 at 9:02 AM Tom Lyle <tlyle@fairlee.test> wrote:\n\n"
    "> The Fairlee Police Department would like to start issuing Vermont Civil\n"
    "> Violation Complaints electronically. Sgt. Rita Bone (rbone@fairlee.test) is our\n"
    "> e-ticket Point-of-Contact.\n"
    ">\n"
    "> - Judiciary code: 0611\n"
    "> - Name for the ticket: Fairlee Police Department\n"
    "> - Address: 75 Main Street, Fairlee, VT 05045\n"
    "> - Phone: 802-555-0171\n"
    ">\n"
    "> Officers:\n"
    "> Bone, Rita - Sergeant - 14F02 - rbone\n"
    "> Ross, Jay - Officer - 14F07 - jross\n"
    ">\n"
    "> Thanks,\n"
    "> Tom Lyle\n"
    "> Chief, Fairlee PD\n"
)


def _correction(said: str):
    raw = mail(
        f"{said} Everything else below is correct.\n\nTom\n\n{_OWN_REQUEST}",
        sender="Tom Lyle <tlyle@fairlee.test>",
        subject="Re: Fairlee PD - e-ticket enrollment",
        in_reply_to="<own-1@fairlee.test>",
    )
    return parse_message(raw)


def test_a_phone_corrected_above_the_own_request_wins() -> None:
    for said in (
        "Sorry, the phone number I gave you was wrong. It is 802-555-0177, not 0171.",
        "Sorry, the phone number I gave you was wrong. It is 802-555-0177.",
        "Oops - our phone should be (802) 555-0177.",
    ):
        result = _correction(said)
        assert result.intent == "enrollment", said
        assert result.agency.phone == "(802) 555-0177", said
        assert result.agency.judiciary_code == "0611"
    # a person's phone is no correction of the agency's
    said = "Sorry, Rita's phone number was wrong on her form. It is 802-555-0199."
    assert not [f for f in fixes(said, load_rules()) if f.field == "phone"]


def test_an_officer_the_desk_asked_about_and_the_reply_names_is_a_row() -> None:
    asks = (
        "We still need the following:\n\n"
        "- DPS usernames for Ofc. Jay Ross (14F07) and Ofc. Ana Pike (14F09)"
    )
    body = (
        "Judiciary code: 0611\n\n"
        "Jay Ross's username is jross. Ana's DPS account hasn't been created yet, I'll\n"
        "send her username when I have it.\n\n"
        "Sgt. Rita Bone\n\n" + _desk(asks)
    )
    result = _reply(body)
    assert result.intent == "enrollment"
    rows = {o.last_name: o for o in result.officers}
    assert rows["Ross"].dps_username == "jross"
    assert rows["Ross"].officer_number == "14F07"  # the desk's own, not asked again
    assert rows["Pike"].first_name == "Ana"
    assert rows["Pike"].officer_number == "14F09"
    at = result.officers.index(rows["Pike"])
    assert f"officers[{at}].dps_username" in result.missing


def test_a_row_by_first_name_alone_takes_the_desks_names_and_number() -> None:
    asks = "We still need the DPS usernames for Ofc. Jay Ross (14F07) and Sgt. Ana Pike (14F09)."
    result = _reply("Jay's username is jross.\n\nRita\n\n" + _desk(asks))
    assert [(o.first_name, o.last_name, o.officer_number) for o in result.officers] == [
        ("Jay", "Ross", "14F07")
    ]


def test_a_question_ahead_of_the_request_is_no_request() -> None:
    raw = mail(
        "Hi,\n\n"
        "Our chief is getting ready to send in the request to start e-ticketing and asked\n"
        'me to check first: is the "judiciary code" the same as our ORI number? If it is\n'
        "something different, where would we find it?\n\n"
        "Thanks,\nAnn Cole\nFairlee Police Department\n802-555-0185\n",
        sender="Ann Cole <acole@fairlee.test>",
        subject="judiciary code",
    )
    assert parse_message(raw).intent == "other"


def test_digits_a_character_short_after_the_rank_are_the_number() -> None:
    raw = mail(
        "fairlee pd wants in on the eticket program. code is 0611. were at 75 main st\n"
        "fairlee vt 05045, ph 802 555 0171. poc will be sgt rita bone rbone@fairlee.test\n\n"
        "officers\n"
        "bone rita sgt 14F02 rbone\n"
        "ross jay ofc 1407 jross\n"
        "pike ana ofc 14F09 apike\n\n"
        "chief tom lyle\n",
        sender="Tom Lyle <tlyle@fairlee.test>",
        subject="eticket",
    )
    result = parse_message(raw)
    ross = next(o for o in result.officers if (o.last_name or "").lower() == "ross")
    at = result.officers.index(ross)
    assert ross.officer_number == "1407"
    assert f"officers[{at}].officer_number" in {i.field for i in result.invalid}
    assert f"officers[{at}].officer_number" not in result.missing


def _desk_gmail(asks: str) -> str:
    """The desk's message, quoted as Gmail quotes it (an "On ... wrote:" line, "> " marks)."""
    said = f"Sgt. Bone,\n\n{asks}\n\nRegards,\nDPS e-Ticket Technical Staff\n"
    return "On Fri, Mar 8, 2024 at 3:02 PM DPS eTicket <dps.eTicket@vermont.gov> wrote:\n\n" + (
        "\n".join(f"> {line}".rstrip() for line in said.split("\n"))
    )


_ASKS_PHONE = "We still need the agency's judiciary code and the agency's phone number."


def test_a_persons_phone_in_a_reply_is_not_the_agencys() -> None:
    for said in (
        "Judiciary code is 0611. Rita's phone number is 802-555-0133 if you need her.",
        "Judiciary code is 0611. You can reach Sgt. Lyle at 802-555-0133 with questions.",
        "Judiciary code is 0611. Our PoC's phone is 802-555-0133.",
    ):
        for desk in (_desk, _desk_gmail):
            result = _reply(f"{said}\n\nRita\n\n" + desk(_ASKS_PHONE))
            assert result.intent == "enrollment", said
            assert result.agency.judiciary_code == "0611", said
            assert result.agency.phone is None, said
            assert "agency.phone" in result.missing, said


def test_the_departments_phone_in_a_reply_is_kept() -> None:
    for said in (
        "Judiciary code is 0611. The department's phone number is 802-555-0171.",
        "Judiciary code is 0611. Rita's office line is 802-555-0171.",
    ):
        for desk in (_desk, _desk_gmail):
            result = _reply(f"{said}\n\nRita\n\n" + desk(_ASKS_PHONE))
            assert result.agency.phone == "(802) 555-0171", said


def test_a_persons_phone_in_a_request_leaves_the_agencys_in_its_signature() -> None:
    raw = mail(
        "Fairlee Police Department would like to start issuing e-tickets. Judiciary code\n"
        "0611. Our PoC will be Sgt. Rita Bone (rbone@fairlee.test); Rita's phone number\n"
        "is 802-555-0133.\n\n"
        "Officers:\nBone, Rita - Sergeant - 14F02 - rbone\n\n"
        "Thanks,\nTom Lyle\nChief of Police\nFairlee Police Department\n"
        "75 Main Street, Fairlee, VT 05045\n802-555-0171\n",
        sender="Tom Lyle <tlyle@fairlee.test>",
        subject="e-ticket enrollment",
    )
    result = parse_message(raw)
    assert result.intent == "enrollment"
    assert result.agency.phone == "(802) 555-0171"


_ASKS_USERS = (
    "Thank you for the request. Before we can build the records we need a DPS username\n"
    "for each of these officers:\n\n"
    "- Ofc. Tyler Greaves (4N552)\n"
    "- Sgt. Samuel Okafor (3K221)\n"
    "- Ofc. Mia Santerre (8P013)"
)


def test_usernames_by_name_go_on_the_officers_the_desk_lists() -> None:
    for said in (
        "Tyler's is tgreaves, Sam's is sokafor, Mia's is msanterre.",
        "Greaves - tgreaves\nOkafor: sokafor\nSanterre - msanterre",
        "Tyler Greaves: tgreaves, Okafor: sokafor and Mia's is msanterre",
    ):
        for desk in (_desk, _desk_gmail):
            result = _reply(f"Here you go:\n\n{said}\n\nRita\n\n" + desk(_ASKS_USERS))
            assert result.intent == "enrollment", said
            rows = [
                (o.title, o.first_name, o.last_name, o.officer_number, o.dps_username)
                for o in result.officers
            ]
            assert rows == [
                ("Officer", "Tyler", "Greaves", "4N552", "tgreaves"),
                ("Sergeant", "Samuel", "Okafor", "3K221", "sokafor"),
                ("Officer", "Mia", "Santerre", "8P013", "msanterre"),
            ], said
            assert not [p for p in result.missing if p.startswith("officers")], said


def test_a_username_two_listed_officers_could_have_is_not_placed() -> None:
    asks = "We need DPS usernames for Ofc. Tyler Greaves (4N552) and Ofc. Tyler Gray (4N553)."
    result = _reply("Tyler's is tgr4.\n\nRita\n\n" + _desk(asks))
    assert not [o for o in result.officers if o.dps_username == "tgr4"]


def test_a_username_given_by_full_name_in_the_possessive_goes_on_the_desks_row() -> None:
    for said in (
        "Tyler Greaves's is tgreaves, Samuel Okafor's is sokafor, Mia Santerre's is msanterre.",
        "Tyler Greaves’s is tgreaves, Sam's is sokafor and Mia Santerre’s is msanterre.",
    ):
        result = _reply(f"Here you go:\n\n{said}\n\nRita\n\n" + _desk(_ASKS_USERS))
        rows = {
            (o.title, o.first_name, o.last_name, o.officer_number, o.dps_username)
            for o in result.officers
        }
        assert rows == {
            ("Officer", "Tyler", "Greaves", "4N552", "tgreaves"),
            ("Sergeant", "Samuel", "Okafor", "3K221", "sokafor"),
            ("Officer", "Mia", "Santerre", "8P013", "msanterre"),
        }, said


def test_a_number_of_letters_and_digits_one_too_long_is_read_and_found_invalid() -> None:
    """ "Allen Pratt - 5GH113" answering the desk's ask for his number: his number as
    written, reported as too long, not asked for again."""
    from mailbot.intake.lists import officer_on_line

    rules = load_rules()
    got = officer_on_line("Allen Pratt - 5GH113", rules)
    assert got is not None and (got.last_name, got.officer_number) == ("Pratt", "5GH113")
    assert officer_on_line("Allen Pratt - 120114", rules) is None  # digits alone: a date
