"""The writer who is the e-ticket Point-of-Contact in the words small agencies use ("I'll
be the contact person as well", "... and will be the contact for this", "As for a point of
contact, it'll be me", "the Chief designated me as the agency's e-ticket PoC"), a clerk
who writes for the head and names herself, the "you" of a head's note forwarded on by
its addressee, and a PoC written in the subject line only."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_VALUES = (
    "Judiciary code: 0588\nName on ticket: Alder Falls Police Department\n"
    "Address: 14 Mill Pond Road, Alder Falls, VT 05998\nPhone: 802-555-0144\n"
    "Logo attached.\n\n"
)
_ROSTER = (
    "Officers:\n"
    "Sgt. Hollis Brandt, AF210, hbrandt\n"
    "Ofc. Marisol Quenneville, AF214, mquenneville\n\n"
)


def _parse(body: str, sender: str, subject: str = "e-ticket enrollment") -> ParseResult:
    logo = ("afpd_logo.png", _png(), "image/png")
    return parse_message(mail(body, sender=sender, subject=subject, attachments=[logo]))


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (20, 60, 120)).save(out, format="PNG")
    return out.getvalue()


def _contact(result: ParseResult) -> tuple[str | None, str | None]:
    return result.point_of_contact.name, result.point_of_contact.email


def test_a_lone_officer_is_the_contact_person_as_well() -> None:
    result = _parse(
        "Hello,\n\nI'm the only officer we have and I'd like to start writing e-tickets. "
        "I'll be the contact person as well, I suppose.\n\n"
        + _VALUES
        + "Me: Nolan Farr, Constable, officer # AF100, username nfarr\n\nNolan Farr\n",
        "Nolan Farr <nolan.farr@alderfallsvt.org>",
    )
    assert _contact(result) == ("Nolan Farr", "nolan.farr@alderfallsvt.org")
    assert "point_of_contact.name" not in result.missing


def test_a_writer_who_is_a_constable_and_will_be_the_contact_for_this() -> None:
    result = _parse(
        "Hi. Our two constables would like e tickets. I am the second constable and will "
        "be the contact for this.\n\n" + _VALUES + _ROSTER + "Thanks\nHollis\n",
        "Hollis Brandt <hbrandt@alderfallsvt.org>",
    )
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")


def test_that_will_be_me_after_the_words_point_of_contact() -> None:
    result = _parse(
        "Good afternoon,\n\nAlder Falls PD would like to join e-ticketing.\n\n"
        + _VALUES
        + "Regarding the point of contact, it'll be me.\n\n"
        + _ROSTER
        + "Chief Wendell Oakes\n",
        "Wendell Oakes <woakes@alderfallsvt.org>",
    )
    assert _contact(result) == ("Wendell Oakes", "woakes@alderfallsvt.org")


def test_the_head_designated_me_as_the_departments_poc_after_asking_me_to_enrol() -> None:
    result = _parse(
        "Hello,\n\nI am writing for Chief Wendell Oakes, who asked me to get Alder Falls "
        "Police Department signed up for e-tickets. Chief Oakes has designated me as the "
        "agency's e-ticket point of contact.\n\n" + _VALUES + _ROSTER + "Thank you,\n\n"
        "Records Clerk Priya Sandoval\nAlder Falls Police Department\n",
        "Sandoval, Priya <psandoval@alderfallsvt.org>",
    )
    assert _contact(result) == ("Priya Sandoval", "psandoval@alderfallsvt.org")


def test_a_clerk_writing_for_the_head_names_herself_as_the_contact_person() -> None:
    result = _parse(
        "Hello,\n\nI'm the town clerk. The constable asked me to send this in for him. He "
        "says to list me as the contact person (Wanda Pike, this email address).\n\n"
        + _VALUES
        + _ROSTER
        + "Thanks,\nWanda Pike\nTown Clerk\n",
        "Town of Alder Falls <alderfalls.townoffice@gmail.com>",
    )
    assert _contact(result) == ("Wanda Pike", "alderfalls.townoffice@gmail.com")


def test_an_aside_that_is_no_name_is_not_the_writers_name() -> None:
    result = _parse(
        "Good morning,\n\nChief Wendell Oakes has designated me as the e-ticket point of "
        "contact (I'm copying him here).\n\n" + _VALUES + _ROSTER + "Thanks,\nPriya Sandoval\n",
        "Priya Sandoval <psandoval@alderfallsvt.org>",
    )
    assert _contact(result) == ("Priya Sandoval", "psandoval@alderfallsvt.org")


_FORWARDED = (
    "Hi,\n\nSee the Chief's OK below. Everything you need:\n\n"
    + _VALUES
    + _ROSTER
    + "Thanks,\nHollis\n\n"
    "From: Oakes, Wendell <woakes@alderfallsvt.org>\n"
    "Sent: Monday, June 2, 2025 8:10 AM\n"
    "To: Brandt, Hollis <hbrandt@alderfallsvt.org>\n"
    "Subject: e-tickets\n\n"
    "Hollis,\n\nPlease send in our e-ticket request. I approve our participation and I'm "
    "naming you as our e-ticket Point-of-Contact.\n\nChief Wendell Oakes\n"
)


def test_the_you_of_a_heads_note_is_whom_it_was_sent_to() -> None:
    result = _parse(_FORWARDED, '"Brandt, Hollis" <hbrandt@alderfallsvt.org>', "FW: e-tickets")
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")


def test_a_you_no_header_names_is_no_ones_name() -> None:
    note = _FORWARDED.replace("To: Brandt, Hollis <hbrandt@alderfallsvt.org>\n", "")
    result = _parse(note, "Alder Falls PD <records@alderfallsvt.org>", "FW: e-tickets")
    assert result.point_of_contact.name != "you"


def test_a_poc_written_only_in_the_subject_line() -> None:
    result = _parse(
        "Hello,\n\n" + _VALUES + _ROSTER + "Chief Wendell Oakes\n",
        "Wendell Oakes <woakes@alderfallsvt.org>",
        "E-ticket enrollment Alder Falls PD - POC Sgt Hollis Brandt hbrandt@alderfallsvt.org",
    )
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")


def test_a_clerk_sends_for_the_head_named_between_commas() -> None:
    result = _parse(
        "Hello,\n\nI'm the town clerk. Our constable, Amos Trask, asked me to send this in "
        "since he has no email. He wants me down as the contact person, so please put me "
        "down as the contact person (Wanda Pike).\n\n"
        + _VALUES
        + "Officer: Amos Trask, Constable, AF101, atrask\n\n"
        + "Thanks,\nWanda Pike\nTown Clerk\n",
        "Town of Alder Falls <alderfalls.townoffice@gmail.com>",
    )
    assert result.head_of_department.name == "Amos Trask"
    assert result.head_of_department.title == "Constable"
    assert _contact(result) == ("Wanda Pike", "alderfalls.townoffice@gmail.com")


def test_the_writers_own_row_without_his_name_is_his() -> None:
    result = _parse(
        "Good morning,\n\n" + _VALUES + "The point of contact will be me.\n\nOfficers:\n"
        "Myself - Chief, AF001, woakes\n" + _ROSTER.removeprefix("Officers:\n") + "Wendell\n",
        "Wendell Oakes <woakes@alderfallsvt.org>",
    )
    own = [(o.first_name, o.last_name, o.officer_number) for o in result.officers]
    assert ("Wendell", "Oakes", "AF001") in own
    assert len(own) == 3


def test_a_heads_note_saying_youll_be_our_poc_makes_its_addressee_the_poc() -> None:
    note = _FORWARDED.replace(
        "I'm naming you as our e-ticket Point-of-Contact", "you'll be our PoC for it"
    )
    result = _parse(note, '"Brandt, Hollis" <hbrandt@alderfallsvt.org>', "FW: e-tickets")
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")


def test_the_contact_person_will_be_me() -> None:
    result = _parse(
        "Hello,\n\nWe'd like to sign up for e-tickets. The contact person will be me.\n\n"
        + _VALUES
        + _ROSTER
        + "Sgt. Hollis Brandt\n",
        "Hollis Brandt <hbrandt@alderfallsvt.org>",
    )
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")


def test_a_clerk_for_the_head_who_only_signs_her_name_is_the_poc_not_the_head() -> None:
    result = _parse(
        "Hello,\n\nOur constable, Amos Trask, asked me to send this for him. He says to put "
        "me down as the contact person.\n\n"
        + _VALUES
        + "Officer: Amos Trask, Constable, AF101, atrask\n\n"
        + "Thank you,\nWanda Pike\nTown Clerk\n",
        "Town of Alder Falls <alderfalls.townoffice@gmail.com>",
    )
    assert result.head_of_department.name == "Amos Trask"
    assert _contact(result) == ("Wanda Pike", "alderfalls.townoffice@gmail.com")


def test_the_you_of_a_heads_note_two_forwards_down_is_whom_that_note_went_to() -> None:
    """The Chief's note ("you'll be our e-ticket point of contact") to his sergeant, who
    sent it on to the clerk, who sends it to the desk: the sergeant is the PoC."""
    chain = (
        "Hello,\n\nPlease see the request below. Logo attached.\n\nThank you,\nWanda Pike\n"
        "Town Clerk\n\n"
        "From: Brandt, Hollis <hbrandt@alderfallsvt.org>\n"
        "Sent: Tuesday, June 3, 2025 9:12 AM\n"
        "To: Pike, Wanda <wpike@alderfallsvt.org>\n"
        "Subject: FW: e-tickets\n\n"
        "Wanda,\n\nCould you send this on to DPS? Roster is below.\n\n" + _ROSTER + "\nHollis\n\n"
        "From: Oakes, Wendell <woakes@alderfallsvt.org>\n"
        "Sent: Monday, June 2, 2025 8:10 AM\n"
        "To: Brandt, Hollis <hbrandt@alderfallsvt.org>\n"
        "Subject: e-tickets\n\n"
        "Hollis,\n\nApproved. We'd like to start e-ticketing. You will be our e-ticket point "
        "of contact.\n\n" + _VALUES + "Wendell Oakes\nChief of Police\n"
    )
    result = _parse(chain, '"Pike, Wanda" <wpike@alderfallsvt.org>', "FW: FW: e-tickets")
    assert _contact(result) == ("Hollis Brandt", "hbrandt@alderfallsvt.org")
    assert not [m for m in result.missing if m.startswith("point_of_contact")]
