"""Who plays which role, in more wordings: a PoC named with where she works ("in
Records", "at the village office") or with her job between commas before the verb, a
writer who is the PoC after saying what he does ("I'm the records supervisor ... and
will be the PoC"), the PoC words in quotation marks; a head of two title words who asked
the writer to send, a head signed with an initial, a head spoken of by title only, and
a head named by title and last name whose row is in the roster."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message

_VALUES = (
    "Judiciary code: 0931\nName on ticket: Ash Grove Police Department\n"
    "Address: 41 Tannery Lane, Ash Grove, VT 05998\nPhone: 802-555-0143\nLogo: attached\n\n"
)
_ROSTER = (
    "Last Name\tFirst Name\tRank\tOfficer #\tDPS Username\n"
    "Quist\tHarold\tChief\tAG301\thquist\n"
    "Okonkwo\tBeatrix\tSergeant\tAG317\tbokonkwo\n"
    "Lindgren\tTobias\tOfficer\tAG322\ttlindgren\n\n"
)


def _parse(body: str, sender: str) -> ParseResult:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = "e-ticket enrollment"
    msg.set_content(body)
    msg.add_attachment(_png(), maintype="image", subtype="png", filename="agpd_logo.png")
    return parse_message(msg.as_bytes())


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (120, 20, 20)).save(out, format="PNG")
    return out.getvalue()


_CHIEF_SIGNS = "Thank you,\nHarold Quist\nChief of Police\n"


# --- the Point-of-Contact ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Marisol Tanaka in Records will be our e-ticket point of contact - mtanaka@ashgrove.test.",
        "Marisol Tanaka at the village office will be our point of contact"
        " (mtanaka@ashgrove.test).",
        "Marisol Tanaka, our Fleet Systems Supervisor, will be the e-ticket point of contact"
        " (mtanaka@ashgrove.test).",
        "Marisol Tanaka in Records will coordinate the e-ticket rollout on our end -"
        " mtanaka@ashgrove.test.",
        "Marisol Tanaka, our records supervisor, will handle e-ticketing for us as our"
        " point of contact (mtanaka@ashgrove.test).",
    ],
)
def test_poc_named_with_where_she_works_or_her_job_before_the_verb(sentence: str) -> None:
    """ "X in Records will be our PoC", "X, our Fleet Systems Supervisor, will be the
    PoC": the PoC is the person, not her office or her job."""
    body = (
        "Hello,\n\nAsh Grove Police Department would like to start e-ticketing. "
        + sentence
        + "\n\n"
        + _VALUES
        + _ROSTER
        + _CHIEF_SIGNS
    )
    result = _parse(body, "Harold Quist <hquist@ashgrove.test>")
    assert result.point_of_contact.name == "Marisol Tanaka"
    assert result.point_of_contact.email == "mtanaka@ashgrove.test"


def test_writer_says_what_he_does_and_that_he_will_be_the_poc() -> None:
    """ "I'm the records supervisor for ... and will be the e-ticket point of contact":
    the writer is the PoC, at his own address, and is not asked for."""
    body = (
        "Hello,\n\nI'm writing for Chief Harold Quist, who approves. I'm the records"
        " supervisor for Ash Grove Police Department and will be the e-ticket point of"
        " contact.\n\n" + _VALUES + _ROSTER + "Thanks!\nNils Aberdeen\n"
    )
    result = _parse(body, "Nils Aberdeen <naberdeen@ashgrove.test>")
    assert result.point_of_contact.name == "Nils Aberdeen"
    assert result.point_of_contact.email == "naberdeen@ashgrove.test"
    assert not [p for p in result.missing if p.startswith("point_of_contact")]


def test_poc_words_in_quotation_marks() -> None:
    """Our “e-ticket Point of Contact” will be Sgt. X: the quotation marks change
    nothing."""
    body = (
        "Good afternoon,\n\nAsh Grove Police Department asks to be set up in TraCS. Our"
        " \u201ce-ticket Point of Contact\u201d will be Sgt. Beatrix Okonkwo \u2013"
        " bokonkwo@ashgrove.test. She will run the training.\n\n" + _VALUES + _ROSTER + _CHIEF_SIGNS
    )
    result = _parse(body, "Harold Quist <hquist@ashgrove.test>")
    assert result.point_of_contact.name == "Beatrix Okonkwo"
    assert result.point_of_contact.email == "bokonkwo@ashgrove.test"


# --- the head of department ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "name", "title"),
    [
        ("High Sheriff Ellen Broder has asked me", "Ellen Broder", "High Sheriff"),
        ("State's Attorney Ellen Broder has asked me", "Ellen Broder", "State's Attorney"),
    ],
)
def test_head_of_two_title_words_who_asked_the_writer(said: str, name: str, title: str) -> None:
    """ "State's Attorney X has asked me to submit this on her behalf": the head is X with
    her title of two words, not the writer who signs as the unit's chief investigator."""
    body = (
        f"Hello,\n\n{said} to submit this request on her behalf. I will act as the point"
        " of contact.\n\n" + _VALUES + _ROSTER + "Nils Aberdeen\nChief Investigator\n"
    )
    result = _parse(body, "Nils Aberdeen <naberdeen@ashgrove.test>")
    assert (result.head_of_department.name, result.head_of_department.title) == (name, title)


def test_head_signed_with_an_initial_is_read_in_full() -> None:
    """Signed "Chief H. Quist", the From header says Harold Quist: the head is Harold
    Quist."""
    body = (
        "Good morning.\n\nPlease accept this as our request. Sgt. Beatrix Okonkwo will be"
        " our e-ticket point of contact (bokonkwo@ashgrove.test).\n\n"
        + _VALUES
        + _ROSTER
        + "Chief H. Quist\nAsh Grove Police Department\n"
    )
    result = _parse(body, "Harold Quist <hquist@ashgrove.test>")
    assert result.head_of_department.name == "Harold Quist"
    assert result.head_of_department.title == "Chief"


def test_writer_without_a_title_who_speaks_of_the_chief_is_not_the_head() -> None:
    """An IT administrator writes "The Chief has signed off on ... and asked me to send
    the info" and signs with his job: the head is the Chief, unnamed, and his name is
    asked for."""
    body = (
        "Hi,\n\nI'm the IT admin for the Town of Ash Grove. The Chief has signed off on our"
        " move to e-tickets and asked me to send in the info; I'll be the point of contact"
        " for the technical side.\n\n"
        + _VALUES
        + _ROSTER.replace("Quist\tHarold\tChief", "Quist\tHarold\tCaptain")
        + "Nils Aberdeen\nIT Systems Administrator\nTown of Ash Grove\n"
    )
    result = _parse(body, "Nils Aberdeen <naberdeen@ashgrove.test>")
    assert result.head_of_department.name is None
    assert result.head_of_department.title == "Chief"
    assert "head_of_department.name" in result.missing


def test_head_named_by_title_and_last_name_with_his_row_in_the_roster() -> None:
    """The PoC forwards "Chief Quist's approval"; the roster's Quist row (a table row, not
    a signature) gives his name in full: the head is Harold Quist, not the writer."""
    body = (
        "Good morning,\n\nSending this on with Chief Quist's approval below. I'm the"
        " designated Point of Contact for our e-ticket setup.\n\n"
        + _VALUES
        + _ROSTER
        + "\tNils Aberdeen Records Clerk | Ash Grove Police Department 802-555-0143\n"
    )
    result = _parse(body, "Aberdeen, Nils <naberdeen@ashgrove.test>")
    assert result.head_of_department.name == "Harold Quist"
    assert result.head_of_department.title == "Chief"
