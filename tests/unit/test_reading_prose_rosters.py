"""Enrolment rosters written in running text or in a table the message explains: a title
after the officer's name, officers in brackets after a labelled first one, a bare
"number" after a name, a remark in a list line, an officer the sender leaves off, a last
name of two words, a column named in a sentence, a request typed all in lower case; and
"The Sheriff will serve as the Point-of-Contact" naming the head."""

from __future__ import annotations

from email.message import EmailMessage

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _mail(body: str, *, sender: str = "Dana Whitcombe <dwhitcombe@eastfield.test>") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrolment"
    msg.set_content(body)
    return msg.as_bytes()


def _rows(result: ParseResult) -> list[tuple[str | None, ...]]:
    return [
        (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
        for o in result.officers
    ]


def _asked(result: ParseResult) -> list[str]:
    return [m for m in result.missing if m.startswith("officers")]


def test_title_written_after_the_name_in_one_paragraph() -> None:
    """ "me, Harold Quimby, First Constable, officer number ..." is Quimby, not "Constable"."""
    body = (
        "Hello, I'm the constable for the Town of Eastfield and we are ready to start "
        "issuing e-tickets. Our judiciary code is 2207. Name on the ticket should read "
        "Eastfield Town Constable. Address and phone are 14 Depot Road, Eastfield VT 05850, "
        "802-555-0181. Logo attached. Officers are me, Harold Quimby, First Constable, "
        "officer number EF1H2, DPS username hquimby, and Deputy Constable Rosa Vantongeren, "
        "officer number EF3R4, DPS username rvantongeren. Thanks!\n\nHal Quimby\n"
    )
    result = parse_message(_mail(body, sender="Hal Quimby <hquimby@eastfield.test>"))
    assert _rows(result) == [
        ("Quimby", "Harold", "First Constable", "EF1H2", "hquimby"),
        ("Vantongeren", "Rosa", "Deputy Constable", "EF3R4", "rvantongeren"),
    ]
    assert _asked(result) == []


def test_bulleted_officers_with_me_and_a_remark_after_the_number() -> None:
    """The third officer of a "; " run after "*   Officers: me, ..." is kept, and a remark
    in brackets after a number is no field."""
    body = (
        "Hi all,\n\nEastfield PD is ready to go with e-tickets.\n\n"
        "  *   Judiciary code 2207\n"
        '  *   Please have it read "Eastfield Police Department" on the ticket\n'
        "  *   Officers: me, Chief Dana Whitcombe, LEO # EF2D8, DPS username dwhitcombe; "
        "Officer Lior Abernathy, LEO # EFX19Q (it's what his card says), username labernathy; "
        "Cpl. Mina Toscano, EF6M3, mtoscano\n\n"
        "Thanks\nDana Whitcombe\nChief of Police\nEastfield Police Department\n"
        "3 Elm Street, Eastfield, VT 05850\nPh: 802-555-0170\n"
    )
    result = parse_message(_mail(body))
    assert [r[0] for r in _rows(result)] == ["Whitcombe", "Abernathy", "Toscano"]
    assert result.officers[1].officer_number == "EFX19Q"
    assert result.officers[1].dps_username == "labernathy"
    assert result.officers[2].officer_number == "EF6M3"
    assert _asked(result) == []


def test_officers_in_brackets_after_a_labelled_first_and_the_head_as_poc() -> None:
    """Every "Rank Name (NUMBER, login)" after "(officer number ..., DPS username ...)" is
    an officer; "The Sheriff will serve as the e-ticket Point-of-Contact" is the sheriff
    named earlier."""
    body = (
        "Good morning, I am writing on behalf of Sheriff Marguerite Okonjo, who has "
        "authorized the Eastfield County Sheriff's Department to participate in the "
        "e-ticketing program. The Sheriff will serve as the e-ticket Point-of-Contact "
        "herself. Our judiciary code is 2207, the name to be displayed on the e-ticket is "
        "Eastfield County Sheriff's Department, our address is 9 Court Street, Eastfield, "
        "VT 05850 and our phone number is 802-555-0190. The deputies are Deputy Ivo Brandt "
        "(officer number EC1I5, DPS username ibrandt), Sergeant Pia Lundqvist (EC2P6, "
        "plundqvist) and Deputy Omar Sato (EC3O7, osato). Please direct questions to the "
        "Sheriff at mokonjo@eastfieldsheriff.test.\n\nJune Farrow\nAdministrative Assistant\n"
    )
    result = parse_message(_mail(body, sender="June Farrow <jfarrow@eastfieldsheriff.test>"))
    assert [r[3] for r in _rows(result)] == ["EC1I5", "EC2P6", "EC3O7"]
    assert result.officers[1].dps_username == "plundqvist"
    assert result.point_of_contact.name == "Marguerite Okonjo"
    assert result.point_of_contact.email == "mokonjo@eastfieldsheriff.test"


def test_officer_the_sender_leaves_off_an_attached_roster_gets_no_record() -> None:
    """ "X is out on leave so leave her off for now": X is not on the roster ("Y will drop
    off the form" leaves Y on it)."""
    msg = EmailMessage()
    msg["From"] = "Dana Whitcombe <dwhitcombe@eastfield.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-tickets"
    msg.set_content(
        "Eastfield PD would like to get going with e-tickets.\n"
        "   - Name for the ticket: Eastfield Police Department\n"
        "   - JB code: 2207\n"
        "   - Address: 3 Elm Street, Eastfield, VT 05850\n"
        "   - Phone: 802-555-0170\n"
        "   - POC: Sgt Nils Ambrose - nambrose@eastfield.test\n"
        "Officer list attached. Petra Nakashima is out on leave until fall so leave her off "
        "for now. Sgt Ambrose will drop off the signed form.\n"
    )
    csv = (
        "LAST,FIRST,RANK,LEO_NO,DPS_USERNAME\n"
        "WHITCOMBE,DANA,CHIEF,EF2D8,dwhitcombe\n"
        "AMBROSE,NILS,SGT,EF4N1,nambrose\n"
        "NAKASHIMA,PETRA,OFC,EF5P2,pnakashima\n"
    )
    msg.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="roster.csv")
    result = parse_message(msg.as_bytes())
    assert result.intent == "enrollment"
    assert [o.officer_number for o in result.officers] == ["EF2D8", "EF4N1"]


def test_last_name_of_two_words_kept_whole_by_the_username() -> None:
    """ "Game Warden Ada Red Cloud - ... - aredcloud": Ada, Red Cloud."""
    roster = (
        "Wardens:\n"
        "- Warden Sergeant Tomas Ek - EF7T1 - tek\n"
        "- Game Warden Ada Red Cloud - EF8A2 - aredcloud\n"
        "- Game Warden John Michael Orr - EF9J3 - jorr\n"
    )
    body = (
        "Eastfield Warden Service would like to start issuing e-tickets.\n\n"
        "- Judiciary code: 2207\n- Name on e-ticket: Eastfield Warden Service\n"
        "- Address: 3 Elm Street, Eastfield, VT 05850\n- Phone: 802-555-0170\n"
        f"- PoC: Sgt. Tomas Ek (tek@eastfield.test)\n\n{roster}\nThanks\n"
    )
    result = parse_message(_mail(body))
    assert [(o.first_name, o.last_name) for o in result.officers] == [
        ("Tomas", "Ek"),
        ("Ada", "Red Cloud"),
        ("John Michael", "Orr"),
    ]


def test_column_named_in_a_sentence_and_agency_name_label_with_its_words() -> None:
    """ "the CAD ID is the deputy's VT LEO number": that column holds the numbers;
    "Name as it should print on the ticket:" labels the whole name, dash and all."""
    body = (
        "Good afternoon,\n\nEastfield County Sheriff's Department would like to begin "
        "issuing tickets electronically.\n\n"
        "*\tJudiciary code: 2207\n"
        "*\tName as it should print on the ticket: Eastfield County - Sheriff's Department\n"
        "*\tAddress: 9 Court Street, Eastfield, VT 05850\n"
        "*\tPhone: 802-555-0190\n"
        "*\tPoC: Sgt. Nils Ambrose, nambrose@eastfield.test\n\n"
        "Deputies (from our CAD; the CAD ID is the deputy's VT LEO number):\n\n"
        "Last\tFirst\tRank\tCAD ID\tNetwork Login\n"
        "Ambrose\tNils\tSergeant\tEC4N1\tDPS\\nambrose\n"
        "Sato\tOmar\tDeputy\tEC3O7\tDPS\\osato\n\nRegards\n"
    )
    result = parse_message(_mail(body))
    assert result.agency.name == "Eastfield County - Sheriff's Department"
    assert [o.officer_number for o in result.officers] == ["EC4N1", "EC3O7"]
    assert _asked(result) == []


def test_bare_number_after_each_name_in_one_sentence() -> None:
    """ "me Chief X number EF-2208 username x, Officer Y number EF71 username y and ...":
    three officers, the two malformed numbers reported invalid, nothing asked."""
    body = (
        "Hello, this is Chief Dana Whitcombe from the Eastfield Police Department. We "
        "would like to start doing e tickets. Our judiciary code is 2207 and the address is "
        "3 Elm Street Eastfield VT 05850 phone is 802-555-0170. Officer Lior Abernathy will "
        "be our point of contact, his email is labernathy@eastfield.test. Officers are me "
        "Chief Dana Whitcombe number EF-2208 username dwhitcombe, Officer Lior Abernathy "
        "number EF71 username labernathy and Officer Mina Toscano number EF6M3 username "
        "mtoscano. Thank you\n"
    )
    result = parse_message(_mail(body))
    assert [(o.last_name, o.officer_number, o.dps_username) for o in result.officers] == [
        ("Whitcombe", "EF-2208", "dwhitcombe"),
        ("Abernathy", "EF71", "labernathy"),
        ("Toscano", "EF6M3", "mtoscano"),
    ]
    assert {i.field for i in result.invalid} >= {
        "officers[0].officer_number",
        "officers[1].officer_number",
    }
    assert "officers" not in result.missing


def test_request_typed_all_in_lower_case() -> None:
    """An enrolment typed in lower case is an enrolment, its address and its officers are
    read (names and titles written with capitals), and only what is not given is asked."""
    body = (
        "hello,\n\nthis is rosa vantongeren, first constable for the town of eastfield. we "
        "would like to start doing e tickets, the laptop and printer are installed. i will "
        "be the point of contact myself, you can use this email. judiciary code is 2207. "
        "name on ticket should be Eastfield Town Constable. address is 14 depot rd "
        "eastfield vt 05850, phone is 802-555-0181. officers are me - rosa vantongeren, "
        "first constable, number EF3R4, dps username rvantongeren. and my second constable "
        "harold quimby, number EF1H2, he doesnt have his dps username yet ill send it when "
        "he gets it. logo attached.\n\nthanks\nrosa\n"
    )
    result = parse_message(
        _mail(body, sender="Rosa Vantongeren <rvantongeren.eastfield@gmail.test>")
    )
    assert result.intent == "enrollment"
    assert "05850" in (result.agency.address or "")
    assert _rows(result) == [
        ("Vantongeren", "Rosa", "First Constable", "EF3R4", "rvantongeren"),
        ("Quimby", "Harold", "Second Constable", "EF1H2", None),
    ]
    assert _asked(result) == ["officers[1].dps_username"]


def test_officers_listed_in_a_sentence_with_unlabelled_numbers() -> None:
    """ "Sgt. Dale Whitehill, 05C09, username dwhitehill, and Deputies Rachel Farnham
    (05C17 / rfarnham) and Owen Lafont (05C18 / olafont)": each item's number and login,
    the plural rank given to the officers after it."""
    body = (
        "Good afternoon,\n\nEastfield Sheriff's Department would like to begin issuing "
        "tickets electronically. Our judiciary code is 2207.\n\n"
        "The deputies who need records are Sgt. Dale Whitehill, 05C09, username dwhitehill, "
        "and Deputies Rachel Farnham (05C17 / rfarnham) and Owen Lafont (05C18 / olafont).\n\n"
        "Thank you,\n\nSheriff Dana Whitcombe\n"
    )
    result = parse_message(_mail(body))
    assert _rows(result) == [
        ("Whitehill", "Dale", "Sergeant", "05C09", "dwhitehill"),
        ("Farnham", "Rachel", "Deputy", "05C17", "rfarnham"),
        ("Lafont", "Owen", "Deputy", "05C18", "olafont"),
    ]
    assert _asked(result) == []


def test_officer_named_by_first_name_after_rank_and_full_name() -> None:
    """ "Lt. Shane Goss will be our Point-of-Contact. ... Shane will also be a user - his
    LEO number is 05C02 ...": Shane is Lt. Shane Goss; the head named with no number or
    username is no officer."""
    body = (
        "Good afternoon,\n\nEastfield Sheriff's Department would like to begin issuing "
        "tickets electronically. Our judiciary code is 2207.\n\n"
        "Lt. Shane Goss will be our e-ticket Point-of-Contact. He can be reached at "
        "sgoss@eastfield.test. Shane will also be a user - his LEO number is 05C02 and his "
        "DPS username is sgoss.\n\nThank you,\n\nSheriff Dana Whitcombe\n"
    )
    result = parse_message(_mail(body))
    assert _rows(result) == [("Goss", "Shane", "Lieutenant", "05C02", "sgoss")]
    assert _asked(result) == []


def test_first_name_of_two_ranked_people_names_no_officer() -> None:
    """Two people of the message share the first name: which one the number is for is
    left to staff, not guessed."""
    from mailbot.intake.named_earlier import named_earlier
    from mailbot.intake.rules import load_rules

    rules = load_rules()
    text = "Lt. Shane Goss is our PoC. Sgt. Shane Marsh will help him."
    sentence = "Shane will also be a user - his LEO number is 05C02."
    assert named_earlier(sentence, text, rules) is None
    one = "Lt. Shane Goss is our PoC."
    officer = named_earlier(sentence, one, rules)
    assert officer is not None and officer.last_name == "Goss"


def test_run_on_lower_case_roster_joined_by_and_with_a_remark_after() -> None:
    raw = mail(
        "hi we want to join the eticket program our judiciary code is 0917 dept name is "
        "kelby police dept address is 3 park st kelby vt 05998 phone 802 555 0133 i am the "
        "chief and will be the contact my email is this one officers are me chief ray olin "
        "20442 and officer pia dunn 20451 i dont have the dps usernames yet thanks ray\n",
        sender="Ray Olin <rolin.kelbypd@gmail.com>",
        subject="eticket",
    )
    got = parse_message(raw)
    assert [(o.first_name, o.last_name, o.title, o.officer_number) for o in got.officers] == [
        ("Ray", "Olin", "Chief", "20442"),
        ("Pia", "Dunn", "Officer", "20451"),
    ]
    assert (got.point_of_contact.name, got.point_of_contact.email) == (
        "Ray Olin",
        "rolin.kelbypd@gmail.com",
    )
