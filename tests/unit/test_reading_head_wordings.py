"""How the head is named: "On behalf of Chief X," opening a sentence, and a sign-off
title with "Interim" or "Acting" before it (still the head's title; "Deputy Chief" is
not)."""

from __future__ import annotations

from mailbot.intake.head_in_text import head_on_behalf
from mailbot.intake.head_of_department import head_of_department
from mailbot.intake.rules import load_rules


def test_on_behalf_of_the_chief_at_the_start_of_a_sentence() -> None:
    text = "On behalf of Sheriff Dana Whitcomb, the Orange County Sheriff's Office asks to join."
    assert head_on_behalf(text, load_rules()) == ("Dana Whitcomb", "Sheriff")


def test_interim_or_acting_head_title_in_the_sign_off() -> None:
    rules = load_rules()
    assert head_of_department("Thanks,\nRowan Tully\nInterim Chief of Police", rules) == (
        "Rowan Tully",
        "Interim Chief of Police",
    )
    assert head_of_department("Rowan Tully\nActing Chief of Police", rules)[1] == (
        "Acting Chief of Police"
    )
    assert head_of_department("Rowan Tully\nDeputy Chief of Police", rules)[1] is None


def test_a_signer_who_works_for_the_head_names_the_head() -> None:
    """ "Administrative Assistant to Chief X" under the signer's name: X is the head."""
    signature = "Moira Lund\nAdministrative Assistant to Chief Rowan Tully\nTully Falls Police"
    assert head_of_department(signature, load_rules()) == ("Rowan Tully", "Chief")


def test_the_name_typed_again_before_the_title_under_a_signed_name() -> None:
    """A letter signed "Rowan Tully" over the typed "Rowan Tully, Sheriff": the title is
    what follows the name typed again, never the name."""
    rules = load_rules()
    signed = "Respectfully,\nRowan Tully\nRowan Tully, Sheriff"
    assert head_of_department(signed, rules) == ("Rowan Tully", "Sheriff")
    signed = "Respectfully,\nRowan Tully\nRowan Tully, Chief of Police"
    assert head_of_department(signed, rules) == ("Rowan Tully", "Chief of Police")


def test_a_head_named_in_full_by_a_writer_who_signs_as_staff() -> None:
    """An office manager (or HR) writes that "Sheriff Noor Halvorsen would like ..." and
    signs with her own civilian job: the sheriff is the head, not the writer; a chief
    who mentions another town's chief in full and signs as chief stays the head."""
    from email.message import EmailMessage

    from mailbot.intake.parse import parse_message

    def parse(body: str, sender: str) -> tuple[str | None, str | None]:
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = "dps.eTicket@vermont.gov"
        msg["Subject"] = "TraCS enrollment"
        msg.set_content(body)
        hod = parse_message(msg.as_bytes()).head_of_department
        return hod.name, hod.title

    request = (
        "Hello,\n\n{lead} would like the Caledonia County Sheriff's Department enrolled\n"
        "in TraCS. Our point of contact is Sgt. Ivo Brandt, ibrandt@ccsd.test.\n\n"
        "Judiciary code 0587\nCaledonia County Sheriff's Department\n"
        "27 Depot Street, St. Johnsbury, VT 05819\n\nThank you,\n{sign}\n"
    )
    staff = request.format(lead="Sheriff Noor Halvorsen", sign="Wendell Pike\nOffice Manager, CCSD")
    assert parse(staff, "Wendell Pike <wpike@ccsd.test>") == ("Noor Halvorsen", "Sheriff")
    own = request.format(
        lead="On the advice of Chief Oren Castile of Lyndon, our department",
        sign="Noor Halvorsen\nSheriff",
    )
    assert parse(own, "Noor Halvorsen <nhalvorsen@ccsd.test>") == ("Noor Halvorsen", "Sheriff")


def test_a_head_named_in_full_who_authorises_or_is_sent_for() -> None:
    """The head named in full where the text gives him his part: he authorises the
    request or names its writer, or the writer sends it for him; not a title made
    another's by the word before it."""
    from mailbot.intake.head_acts import head_acting

    rules = load_rules()
    said = "Hello, Orrin PD joining e-ticketing per SOP, Chief Tamsin Quayle authorized."
    assert head_acting(said, rules) == ("Tamsin Quayle", "Chief")
    said = "Sheriff Odile Barraclough has designated me as the e-ticket point of contact."
    assert head_acting(said, rules) == ("Odile Barraclough", "Sheriff")
    said = "I'm the town's clerk, sending this for Chief of Police Ruben Ashgrove."
    assert head_acting(said, rules) == ("Ruben Ashgrove", "Chief of Police")
    assert head_acting("Deputy Chief Tamsin Quayle approved the list.", rules) == (None, None)
    assert head_acting("Chief Tamsin Quayle will call you.", rules) == (None, None)


def test_the_one_appointed_head_is_the_head() -> None:
    from mailbot.intake.head_acts import head_acting

    rules = load_rules()
    said = "The council has appointed Lieutenant Mira Odenkirk as Chief of Police from May 2."
    assert head_acting(said, rules) == ("Mira Odenkirk", "Chief of Police")
    said = "Sgt. Mira Odenkirk has been named Sheriff by the county."
    assert head_acting(said, rules) == ("Mira Odenkirk", "Sheriff")
    assert head_acting("We appointed Mira Odenkirk as Chief Deputy.", rules) == (None, None)


def test_the_writer_who_signs_as_contact_is_not_the_head_his_chief_authorised() -> None:
    from email.message import EmailMessage

    from mailbot.intake.parse import parse_message

    msg = EmailMessage()
    msg["From"] = "Ines Varga <ivarga@orrin.test>"
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(
        "Good afternoon,\n\n"
        "Orrin Police Department is asking to join e-ticketing. Chief Tamsin Quayle has\n"
        "designated me as the e-ticket point of contact.\n\n"
        "Judiciary code: 0455\nAgency name: Orrin Police Department\n"
        "Address: 5 Quarry Rd, Orrin, VT 05990\nPhone: 802-555-0144\n\n"
        "Thank you,\nInes Varga\nSergeant / e-ticket PoC\n"
    )
    hod = parse_message(msg.as_bytes()).head_of_department
    assert (hod.name, hod.title) == ("Tamsin Quayle", "Chief")


def test_a_form_line_whose_label_misspells_the_head_title() -> None:
    """ "Cheif: Ann Roy" typed on a phone: the head, by the title the label misspells
    by one letter; a label two letters off, or a value that names no one, is not read."""
    from mailbot.intake.head_title_field import head_titled

    rules = load_rules()
    assert head_titled("Dept name: Orrin PD\nCheif: Tamsin Quayle\n", rules) == (
        "Tamsin Quayle",
        "Chief",
    )
    assert head_titled("Sherif: Tamsin Quayle\n", rules) == ("Tamsin Quayle", "Sheriff")
    assert head_titled("Chfei: Tamsin Quayle\n", rules) is None
    assert head_titled("Cheif: see below\n", rules) is None
