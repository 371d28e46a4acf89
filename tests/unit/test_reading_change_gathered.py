"""A roster change gathers what the whole message says of its officer: the number in
the subject line, a labelled number of another length kept as written, the username in a
sentence after the request; a line that asks nothing makes no change."""

from __future__ import annotations

from mailbot.intake.model import ParseResult
from mailbot.intake.parse import parse_message
from tests.reading_mail import mail


def _parse(body: str, sender: str, subject: str) -> ParseResult:
    return parse_message(mail(body, sender=sender, subject=subject))


def _only(result: ParseResult) -> dict[str, object]:
    assert len(result.changes) == 1
    return result.changes[0].model_dump(exclude_none=True)


def test_the_number_in_the_subject_is_the_new_officers() -> None:
    result = _parse(
        "Please set up our new hire in TraCS - Ptl. Wren Halvorsen, DPS user is "
        "whalvorsen. She starts Thursday.\n\nRegards\nIvo\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "New officer Halvorsen PM604 - Pomfret PD",
    )
    change = _only(result)
    assert change["action"] == "add"
    assert change["officer_number"] == "PM604"
    assert change["dps_username"] == "whalvorsen"


def test_a_labelled_number_of_another_length_is_kept_as_written() -> None:
    result = _parse(
        "Could you add Ofc. Ezra Quimby to TraCS - justice system id 7720, dps username "
        "equimby. He is on nights from Monday.\n\nIvo\nPomfret PD\n",
        "Ivo Stenqvist <istenqvist@pomfretpd.test>",
        "add officer",
    )
    change = _only(result)
    assert change["officer_number"] == "7720"
    assert change["last_name"] == "Quimby"
