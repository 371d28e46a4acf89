"""A roster change is filled with everything the message says of its officer: the ranked
name heading his labelled lines, the legal first name over the one he goes by, a
username said in so many words (in brackets, "changed over to", "set him up as"), the
right username over the one his record wrongly has, the name on his own signature line,
the rank a transfer names him by, a first name respelled that is no last name, the
spelling meant over the one the record has, and a first name written in full over its
short form."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail

_SENDER = "Marit Okonkwo <mokonkwo@thetfordpd.test>"


def _parse(body: str, subject: str, sender: str = _SENDER) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _of(result: ParseResult, number: str) -> dict[str, object]:
    found = [c for c in result.changes if c.officer_number == number]
    assert len(found) == 1
    return found[0].model_dump(exclude_none=True)


def test_the_ranked_name_over_labelled_lines_names_the_new_officer() -> None:
    result = _parse(
        "Hello,\n\nPlease create a TraCS officer record for our new hire.\n\n"
        "Officer Quinlan R. Oduya\nTitle: Officer\nVT LEO #: 4T771\n"
        "DPS username: qoduya\n\nThanks,\nMarit\nThetford Police Department\n",
        "new officer",
    )
    change = _of(result, "4T771")
    assert change["action"] == "add"
    assert change["last_name"] == "Oduya"
    assert str(change["first_name"]).startswith("Quinlan")


def test_the_legal_first_name_stands_over_the_short_one() -> None:
    result = _parse(
        "Please add Ofc Kit Varga 4T772, username DPS\\kvarga. Legal first name is "
        "Katalin.\n\nThx\nSgt Marit Okonkwo\nThetford PD\n",
        "TraCS",
    )
    change = _of(result, "4T772")
    assert change["first_name"] == "Katalin"
    assert change["last_name"] == "Varga"


def test_a_login_changed_over_to_in_the_next_paragraph_is_the_officers() -> None:
    result = _parse(
        "Hello,\n\nOur constable Greta Lindholm got married and her last name is now "
        "Brisco. Please change her name in TraCS. Her LEO number is still 4T773.\n\n"
        "She also told me her DPS log in was changed over to gbrisco so you may need "
        "that too.\n\nThank you\nMarit Okonkwo\n",
        "name change for constable",
    )
    change = _of(result, "4T773")
    assert change["last_name"] == "Brisco"
    assert change["dps_username"] == "gbrisco"


def test_the_username_it_set_him_up_as_goes_with_a_transfer() -> None:
    result = _parse(
        "Hi,\n\nYes, same person. Arvid Tanaka was a deputy with Orange County Sheriff's "
        "Department until 3/2 and started with us 3/5. His LEO number doesn't change, "
        "4T774. Our IT set him up as atanaka3 since we already had an atanaka. Title "
        "should be Officer.\n\nSo please move him over to Thetford Police Department.\n\n"
        "Thanks,\nMarit\n",
        "Re: transfer",
    )
    change = _of(result, "4T774")
    assert change["dps_username"] == "atanaka3"


def test_the_right_username_wins_over_the_one_the_record_has_wrong() -> None:
    result = _parse(
        "Hello,\n\nSee below from Ofc. Haldane. It looks like his TraCS officer record was "
        "set up with username bhaldan (one e missing). His DPS domain account is "
        "bhaldane. Can you correct it on your end? His LEO # is 4T775.\n\nThank you,\n\n"
        "Marit Okonkwo\nIT Systems Administrator\n\nMarit,\n\nTraCS keeps saying my user "
        "isn't associated with an officer record. Can you look at it?\n\nThanks\nBjorn"
        "\n\nOfficer Bjorn Haldane #4T775\nThetford Police Department\n",
        "FW: TraCS login",
    )
    change = _of(result, "4T775")
    assert change["dps_username"] == "bhaldane"
    assert change["last_name"] == "Haldane"
    assert change["first_name"] == "Bjorn"


def test_a_transfer_keeps_the_rank_it_names_him_by() -> None:
    result = _parse(
        "Hi,\n\nTwo changes for us:\n\n1. Deputy Piet Sorensen is transferring to the "
        "Hartford Police Department effective 6/1. Please move his TraCS record over. "
        "His number is 4T776, username DPS\\psorensen.\n\n2. Deputy Ines Moreau retired "
        "- please deactivate her. Her number is 4T777.\n\nThanks,\nMarit\n",
        "Deputy changes",
        sender="Marit Okonkwo <mokonkwo@orangesheriff.test>",
    )
    change = _of(result, "4T776")
    assert change["action"] == "update"
    assert change["title"] == "Deputy"


def test_a_first_name_spelled_right_is_no_last_name() -> None:
    result = _parse(
        "Hi,\n\nOne correction:\n\n- Liesl Whitmore (4T778) - her first name is spelled "
        "Liesl, not Liesel.\n\nThanks\nMarit\n",
        "Re: TraCS officer records created",
    )
    change = _of(result, "4T778")
    assert change["last_name"] == "Whitmore"
    assert change["first_name"] == "Liesl"


def test_a_username_in_brackets_after_words_is_the_officers() -> None:
    result = _parse(
        "Hi,\n\nPlease add Officer Josephine Pellerin, LEO 4T779, to our roster. She "
        "goes by Jo.\n\nShe started Monday and so does her DPS username (jpellerin).\n\n"
        "Thanks\nMarit\nThetford Police Department\n",
        "new officer",
    )
    change = _of(result, "4T779")
    assert change["dps_username"] == "jpellerin"


def test_the_spelling_meant_wins_over_the_one_the_record_has() -> None:
    result = _parse(
        "Hi,\n\nTwo updates:\n\n1. Officer Rowan Adeyemi (4T781) was promoted to "
        "Corporal.\n2. Officer Delphine Marchetti (4T782) - her last name is spelled "
        '"Marchette" in TraCS. The correct spelling is Marchetti.\n\nThanks\nMarit\n',
        "roster updates",
    )
    change = _of(result, "4T782")
    assert change["last_name"] == "Marchetti"
    assert change["first_name"] == "Delphine"


def test_a_name_the_record_has_is_no_respelling() -> None:
    result = _parse(
        "Hi,\n\nPlease fix a typo: Officer Delphine Marchetti (4T783) is spelled "
        "Marchette on your end.\n\nThanks\nMarit\n",
        "roster correction",
    )
    change = _of(result, "4T783")
    assert change["last_name"] == "Marchetti"


def test_a_first_name_written_in_full_corrects_its_short_form() -> None:
    result = _parse(
        "Hello,\n\nA few changes:\n\n1. Officer Rowan Adeyemi (4T784) was promoted to "
        "Corporal.\n2. Name correction: Officer \u201cNick\u201d Faraday (4T785) should be "
        "Nicholas Faraday, we shortened it on our list.\n\nThank you\nMarit\n",
        "TraCS updates",
    )
    change = _of(result, "4T785")
    assert change["first_name"] == "Nicholas"
    assert change["last_name"] == "Faraday"
