"""Who is who in an enrolment and its replies: a Point-of-Contact named by rank and last
name only, a writer who was "assigned as" the PoC under a rank below the head's, the
writer's own row marked "Me -", a PoC's mail address that is no roster row, a reply that
gives numbers or usernames by last name under the sender's own quoted request, and a
vendor's technical question that is no roster change."""

from __future__ import annotations

from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_VALUES = (
    "Judiciary code: 0815\nName: Birch Hollow Police Department\n"
    "Address: 14 Mill Lane, Birch Hollow, VT 05999\nPhone: 802-555-0144\n\n"
)


def test_poc_by_rank_and_last_name_is_the_person_named_in_full() -> None:
    """ "Chief Okafor will serve as the point-of-contact": the PoC is Marisol Okafor, the
    one person of that last name the message names in full."""
    body = (
        "Good morning,\n\nBirch Hollow Police Department asks to join e-ticketing. Chief"
        " Okafor will serve as the point-of-contact for the department; mail can go to"
        " mokafor@birchhollowpd.test.\n\n" + _VALUES + "Officers (last, first - title - LEO #"
        " - username):\nOkafor, Marisol - Chief - BH101 - mokafor\nStrand, Elliot - Officer -"
        " BH104 - estrand\n\nRegards,\nMarisol Okafor\nChief of Police\n"
    )
    result = parse_message(
        mail(body, sender="Marisol Okafor <mokafor@birchhollowpd.test>", subject="e-ticket")
    )
    assert result.point_of_contact.name == "Marisol Okafor"
    assert result.point_of_contact.email == "mokafor@birchhollowpd.test"


def test_poc_mail_address_under_a_held_word_is_no_roster_row() -> None:
    """ "we'd rather not hold it up" over "Sgt. Desrosiers ...: pdesrosiers@...": the
    address is the PoC's mailbox, not her row under a line that keeps people out; she
    stays on the roster."""
    body = (
        "Hello,\n\nI'm the Town Administrator. The board approved e-ticketing and we'd rather"
        " not hold it up any longer.\n\nSgt. Desrosiers will be the e-ticket point of contact:"
        " pdesrosiers@birchhollowvt.test.\n\n" + _VALUES + "Officers:\nDesrosiers, Paula -"
        " Sergeant - BH201 - pdesrosiers\nLyle, Owen - Officer - BH206 - olyle\n\n"
        "Gail Mercer\nTown Administrator\n"
    )
    result = parse_message(
        mail(body, sender="Gail Mercer <admin@birchhollowvt.test>", subject="e-ticket")
    )
    assert [o.last_name for o in result.officers] == ["Desrosiers", "Lyle"]
    assert result.point_of_contact.name == "Paula Desrosiers"


def test_writers_own_row_marked_me_is_read() -> None:
    """ "Me - Vachon, Gilles - Chief - ...": the writer pointing at his own row."""
    body = (
        "Birch Hollow PD wants to start e-tickets. Court code is 0815. I'll be the point of"
        " contact.\n\nBirch Hollow Police Dept\n14 Mill Lane Birch Hollow VT 05999\n"
        "802-555-0144\n\nOfficers\nMe - Vachon, Gilles - Chief - BH301 - gvachon\n"
        "Ruel, Dana - Officer - BH305 - druel\n\nChief Gilles Vachon\n"
    )
    result = parse_message(
        mail(body, sender="Gilles Vachon <gvachon@birchhollowpd.test>", subject="e tickets")
    )
    first = result.officers[0]
    assert (first.last_name, first.first_name, first.title) == ("Vachon", "Gilles", "Chief")
    assert (first.officer_number, first.dps_username) == ("BH301", "gvachon")


def test_writer_assigned_as_poc_under_a_lower_rank_is_not_the_head() -> None:
    """ "I've been assigned as the e-ticket Point of Contact", signed "Cpl. ...": the PoC
    is the writer (nothing asked of him), and the head is someone not named: asked."""
    body = (
        "Hello,\n\nI've been assigned as the e-ticket Point of Contact for the Birch Hollow"
        " Police Department.\n\n" + _VALUES + "Officers:\nHadley, Jonas - Corporal - BH401 -"
        " jhadley\nPerron, Tess - Officer - BH403 - tperron\n\nThank you,\n\nCpl. Jonas Hadley\n"
        "Birch Hollow Police Department\n"
    )
    result = parse_message(
        mail(body, sender="Jonas Hadley <jhadley@birchhollowpd.test>", subject="TraCS setup")
    )
    assert result.point_of_contact.name == "Jonas Hadley"
    assert result.point_of_contact.email == "jhadley@birchhollowpd.test"
    assert not [p for p in result.missing if p.startswith("point_of_contact")]
    assert result.head_of_department.name is None
    assert "head_of_department.name" in result.missing


def test_vendors_printer_question_is_no_roster_change() -> None:
    """A contractor asking which printer driver he should be using, naming a chief in
    passing: a question, not a change to a record."""
    body = (
        "Hi,\n\nI support the laptops for a few departments around here. The receipts print"
        " with the footer cut off. Is there a recommended printer driver I should be using?"
        "\n\nChief Marsh said I could also ask about being the technical contact.\n\n"
        "Thanks,\nDale Pruitt\nNorthway Computer Services\n802-555-0199\n"
    )
    result = parse_message(
        mail(body, sender="Dale Pruitt <dale@northwaycs.test>", subject="printing question")
    )
    assert result.intent == "other"


def _reply(answer: str, request: str) -> bytes:
    quoted = "\n".join(f"> {line}" for line in request.split("\n"))
    body = (
        f"{answer}\n\nOn Mon, Mar 4, 2024 at 9:10 AM Nils Berg <nberg@birchhollowpd.test>"
        f" wrote:\n{quoted}\n"
    )
    return mail(
        body,
        sender="Nils Berg <nberg@birchhollowpd.test>",
        subject="Re: e-ticket enrollment - Birch Hollow PD",
        in_reply_to="<desk-checklist-7@vermont.gov>",
    )


def test_reply_giving_numbers_by_last_name_keeps_the_quoted_names_and_usernames() -> None:
    """ "Berg - 61501" under the sender's own request that listed "Chief Nils Berg - DPS
    username nberg" without numbers: first name, title and username are not asked again."""
    request = (
        "Hello,\n\nBirch Hollow Police Department would like to begin e-ticketing. I am"
        " designating Sgt. Ada Quist as the Point-of-Contact, aquist@birchhollowpd.test.\n\n"
        + _VALUES
        + "Officers:\nChief Nils Berg - DPS username nberg\nSgt. Ada Quist - aquist\n\n"
        "Thank you,\nNils Berg\nChief of Police"
    )
    answer = "Here are the officer numbers:\n\nBerg - 61501\nQuist - 61504\n\nNils"
    result = parse_message(_reply(answer, request))
    rows = [o.model_dump() for o in result.officers]
    assert rows == [
        {
            "last_name": "Berg",
            "first_name": "Nils",
            "title": "Chief",
            "officer_number": "61501",
            "dps_username": "nberg",
        },
        {
            "last_name": "Quist",
            "first_name": "Ada",
            "title": "Sergeant",
            "officer_number": "61504",
            "dps_username": "aquist",
        },
    ]
    assert not [p for p in result.missing if p.startswith("officers")]


def test_reply_username_with_an_aside_after_it_is_read() -> None:
    """ "Quist - aquist2   (aquist was taken)": the username, its aside left out."""
    request = (
        "Hello,\n\nBirch Hollow Police Department would like to begin e-ticketing. Sgt. Ada"
        " Quist will be our point of contact (aquist@birchhollowpd.test).\n\n"
        + _VALUES
        + "Officers:\nChief Nils Berg - BH501\nSgt. Ada Quist - BH504\n\n"
        "Thank you,\nNils Berg\nChief of Police"
    )
    answer = "The usernames:\n\nBerg - nberg\nQuist - aquist2   (aquist was taken)\n\nNils"
    result = parse_message(_reply(answer, request))
    users = {o.last_name: o.dps_username for o in result.officers}
    assert users == {"Berg": "nberg", "Quist": "aquist2"}
