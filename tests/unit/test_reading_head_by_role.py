"""Who is the head when the writer is not: a title that serves the head ("Administrative
Assistant to the Chief") or a rank below his is not the head's; the head is who signs the
attached letter as head, who the assistant's title names, or the chief the writer speaks of
by title only; a head named in passing ("on behalf of Chief Keith Ashworth") keeps the name
he signs the attached letter with; and the signer on his own lines is read before a roster
row above him."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailbot.intake.head_of_department import is_head_title
from mailbot.intake.parse import parse_message
from mailbot.intake.rules import load_rules
from mailbot.resources import rules_dir
from tests.data import build
from tests.pdfs import text_pdf
from tests.reading_mail import mail

_VALUES = [
    ["Judiciary code: 0952"],
    ["Agency name: Kestrel Falls Police Department"],
    ["Address: 12 Mill Road, Kestrel Falls, VT 05990"],
    ["Phone: (802) 555-0142"],
]


_ROSTER = b"Last,First,Title,Officer Number,Username\nCorrigan,Lisa,Sergeant,KF201,lcorrigan\n"


def _letter(*signer: str) -> bytes:
    return text_pdf(
        [
            ["KESTREL FALLS POLICE DEPARTMENT"],
            ["Dear e-Ticket Staff,"],
            ["The Kestrel Falls Police Department would like to issue tickets electronically."],
            ["I have designated Sergeant Lisa Corrigan as our e-ticket Point-of-Contact."],
            *_VALUES,
            ["Sincerely,"],
            *([line] for line in signer),
        ]
    )


def test_a_title_that_serves_the_head_or_ranks_below_him_is_not_his() -> None:
    rules = load_rules()
    assert not is_head_title("Administrative Assistant to the Chief", rules)
    assert not is_head_title("Secretary for the Sheriff", rules)
    assert not is_head_title("Deputy Chief", rules)
    assert is_head_title("Chief of Police", rules)
    assert is_head_title("First Constable for the Town of Danby", rules)
    assert is_head_title("Director of Public Safety & Chief of Police", rules)


def test_the_serving_words_come_from_the_rules(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    language = folder / "language.toml"
    language.write_text(language.read_text().replace('serving_words = ["to", "for"]', ""))
    assert is_head_title("Administrative Assistant to the Chief", load_rules(folder))


def test_the_poc_sending_the_chiefs_signed_letter_is_not_the_head() -> None:
    """The cover note carries values of its own (so the letter is not read as the
    request): the head is still the letter's signer, not the PoC who signs the note."""
    note = (
        "Good afternoon,\n\n"
        "Please find attached Chief Fairbrook's signed letter requesting e-ticket enrollment "
        "for the Kestrel Falls Police Department, with our officer roster. Our judiciary "
        "code is 0952 and the department's phone is (802) 555-0142. I am the designated "
        "Point-of-Contact.\n\n"
        "Thank you,\n\n"
        "Det. Sgt. Lisa Corrigan\n"
        "Investigations Division\n"
        "Kestrel Falls Police Department\n"
    )
    raw = build.eml(
        text=note,
        sender="Corrigan, Lisa <lcorrigan@kestrelfalls.test>",
        subject="TraCS agency record request - Kestrel Falls PD",
        attachments=[
            (
                "Letter - signed.pdf",
                "application/pdf",
                _letter("Owen R. Fairbrook", "Chief of Police"),
            ),
            ("Roster.csv", "text/csv", _ROSTER),
        ],
    )
    got = parse_message(raw)
    assert got.head_of_department.name == "Owen R. Fairbrook"
    assert got.head_of_department.title == "Chief of Police"


def test_the_head_named_in_passing_keeps_the_name_he_signs_with() -> None:
    note = (
        "Good morning,\n\n"
        "On behalf of Chief Keith Ashmore, please find attached our request.\n\n"
        "Thank you,\n\n"
        "Maureen Bissell\n"
        "Administrative Assistant to the Chief of Police\n"
        "Kestrel Falls Police Department\n"
    )
    raw = build.eml(
        text=note,
        sender="Maureen Bissell <mbissell@kestrelfalls.test>",
        subject="e-Ticket agency record request",
        attachments=[
            (
                "Request letter.pdf",
                "application/pdf",
                _letter("Keith M. Ashmore", "Chief of Police"),
            )
        ],
    )
    got = parse_message(raw)
    assert got.head_of_department.name == "Keith M. Ashmore"
    assert got.head_of_department.title == "Chief of Police"


def test_the_assistants_title_names_the_head_under_an_unmarked_signature() -> None:
    body = (
        "Good afternoon,\n\n"
        "Kestrel Falls PD would like to start e-ticketing.\n"
        "Judiciary code: 0952\n"
        "Address: 12 Mill Road, Kestrel Falls, VT 05990\n"
        "Phone: (802) 555-0142\n"
        "Officers:\n"
        "Sgt. Lisa Corrigan, KF201, lcorrigan\n"
        "Ofc. Tom Reyes, KF204, treyes\n\n"
        "Heather Pell\n"
        "Administrative Assistant to Chief Mark Fontaine\n"
        "Kestrel Falls Police Department\n"
        "Kestrel Falls, VT 05990\n"
        "802-555-0142\n"
    )
    got = parse_message(mail(body, sender="Heather Pell <hpell@kf.test>", subject="e-tickets"))
    assert got.head_of_department.name == "Mark Fontaine"
    assert got.head_of_department.title == "Chief"


def test_a_sergeant_sending_for_the_chief_by_title_names_no_head() -> None:
    body = (
        "Hi,\n\n"
        "Chief said to go ahead and get us signed up for e-ticketing while he's on vacation. "
        "I'll be the point of contact.\n\n"
        "Kestrel Falls Police Department\n"
        "12 Mill Road, Kestrel Falls VT 05990\n"
        "802-555-0142\n"
        "Judiciary code 0952\n\n"
        "Officers:\n"
        "Corrigan, Lisa  KF201  lcorrigan\n"
        "Ofc. Tom Reyes  KF204  treyes\n\n"
        "Thanks\n"
        "Sgt. Lisa Corrigan\n"
        "Kestrel Falls PD\n"
    )
    got = parse_message(mail(body, sender="Lisa Corrigan <lc@kf.test>", subject="e-ticket"))
    assert got.head_of_department.name is None
    assert got.head_of_department.title == "Chief"


def test_the_signer_on_his_own_lines_is_read_before_a_roster_row() -> None:
    body = (
        "Hi -\n\n"
        "The Kestrel Falls Police Department would like to start doing e tickets.\n\n"
        "Judiciary code 0952\n"
        "PoC will be Ofc Tom Reyes, treyes@kf.test\n\n"
        "Officers:\n"
        "Fairbrook Owen, Chief, KF001, ofairbrook\n"
        "Reyes Tom, Officer, KF014, treyes\n\n"
        "Logo attached. Thx\n\n"
        "Owen Fairbrook\n"
        "Chief of Police\n\n"
        "Sent from my iPhone\n"
    )
    got = parse_message(mail(body, sender="Owen Fairbrook <of@kf.test>", subject="E tickets"))
    assert got.head_of_department.name == "Owen Fairbrook"
    assert got.head_of_department.title == "Chief of Police"


def test_a_chief_spoken_of_with_a_bare_apostrophe_is_named_from_the_headers() -> None:
    body = (
        "Good afternoon,\n\n"
        "Please find attached Chief Burroughs' approval and our officer roster; we would "
        "like to start e-ticketing. I am the designated Point-of-Contact.\n\n"
        "Judiciary code: 0952\n"
        "Address: 12 Mill Road, Kestrel Falls, VT 05990\n"
        "Phone: (802) 555-0142\n\n"
        "Officers:\n"
        "Sgt. Lisa Corrigan, KF201, lcorrigan\n"
        "Ofc. Tom Reyes, KF204, treyes\n\n"
        "Thank you,\n\n"
        "Det. Sgt. Lisa Corrigan\n"
        "Investigations Division\n"
        "Kestrel Falls Police Department\n"
    )
    raw = mail(
        body,
        sender="Corrigan, Lisa <lcorrigan@kf.test>",
        subject="e-ticket request",
        cc='"Burroughs, Owen" <oburroughs@kf.test>',
    )
    got = parse_message(raw)
    assert got.head_of_department.name == "Owen Burroughs"
    assert got.head_of_department.title == "Chief"


def _sent(body: str, sender: str) -> tuple[str | None, str | None]:
    from mailbot.intake.parse import parse_message
    from tests.reading_mail import mail

    hod = parse_message(mail(body, sender=sender, subject="TraCS")).head_of_department
    return hod.name, hod.title


def test_the_head_appointed_to_follow_a_retiring_chief_is_the_head() -> None:
    body = (
        "Good morning,\n\n"
        "I will be retiring at the end of June. The Selectboard has appointed Captain\n"
        "Mira Odenkirk as Chief of Police from July 1.\n\n"
        "Please deactivate my record (Chief Osric Pell, 7Q101) as of June 30.\n\n"
        "Osric Pell\nChief of Police\nWexcombe Police Department\n"
    )
    assert _sent(body, "Osric Pell <opell@wexcombe.test>") == ("Mira Odenkirk", "Chief of Police")


def test_a_chief_signing_with_his_last_name_is_named_by_the_from_header() -> None:
    body = (
        "Officer Dov Amsel left us last week. Please deactivate his record, LEO 7Q233.\n\n"
        "Chief Pell\nWexcombe Police Dept.\n"
    )
    assert _sent(body, "Chief Osric Pell <chief@wexcombe.test>") == ("Osric Pell", "Chief")
    assert _sent(body, "Dov Amsel <damsel@wexcombe.test>") == (None, None)


def test_a_writer_who_gives_his_name_then_here_and_his_head_title() -> None:
    body = (
        "Hi there,\n\n"
        "Osric Pell here, chief (and e-ticket PoC) for Wexcombe. Please add our new\n"
        "officer:\n\nOfficer Dov Amsel\nVT LEO #: 7Q240\nDPS username: damsel\n\n"
        "Thanks,\nOz\n"
    )
    assert _sent(body, "Oz Pell <opell@wexcombe.test>") == ("Osric Pell", "Chief")


def test_a_head_title_after_a_place_word_alone_is_the_signers_title() -> None:
    from mailbot.intake.head_of_department import head_of_department
    from mailbot.intake.rules import load_rules

    rules = load_rules()
    assert head_of_department("Regards,\nOsric Pell\nTown Constable", rules) == (
        "Osric Pell",
        "Town Constable",
    )
    assert head_of_department("Osric Pell\nCounty Sheriff", rules)[1] == "County Sheriff"
    assert head_of_department("Osric Pell\nWexcombe Town Constable", rules)[1] is None


def test_a_chief_spoken_of_with_no_part_in_the_request_is_neither_writer_nor_title() -> None:
    """ "the Chief is out until next week": the writer, a sergeant, is not the head, and
    the message gives the head no part to read his title by; "The Chief is aware" does."""
    body = (
        "Hi,\n\nWe haven't enrolled yet ({}), but could you create officer records for\n"
        "our two officers?\n\nOfficer Dov Amsel - LEO 7Q240 - DPS username damsel\n"
        "Officer Ada Brisk - LEO 7Q241 - DPS username abrisk\n\nThanks\n--\n"
        "Sgt. Ada Brisk\nWexcombe Police Department\n"
    )
    sender = "Ada Brisk <abrisk@wexcombe.test>"
    assert _sent(body.format("the Chief is away until next week"), sender) == (None, None)
    assert _sent(body.format("the Chief is aware of it"), sender) == (None, "Chief")


def test_a_town_manager_writing_for_the_police_is_not_its_head() -> None:
    """A town manager is the town's staff, not a head of the police: the chief he names
    in full heads the department, whether or not he is copied."""
    assert not is_head_title("Town Manager", load_rules())
    body = (
        "Hello,\n\n"
        "I'm the Town Manager for Wexcombe. Our police department would like to start\n"
        "issuing e-tickets. Chief Osric Pell (copied) fully supports this and asked that\n"
        "Officer Ada Brisk serve as the e-ticket point of contact.\n\n"
        "Department: Wexcombe Police Department\n"
        "Address: 4 Mill Road, Wexcombe, VT 05990\n"
        "Phone: 802-555-0170\n\n"
        "Best regards,\n"
        "Dov Amsel\n"
        "Town Manager, Town of Wexcombe\n"
    )
    assert _sent(body, "Dov Amsel <manager@wexcombe.test>") == ("Osric Pell", "Chief")
