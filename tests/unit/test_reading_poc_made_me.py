"""A writer made the Point-of-Contact by someone else ("He made me (Ofc. Jordan Blake) the
point of contact for it") is the PoC: his name in brackets after a rank's abbreviation
does not cut the sentence, and the verbs that make him so come from the rules."""

from __future__ import annotations

from pathlib import Path

from mailbot.intake.given_people import people_questions
from mailbot.intake.model import Agency, ParseResult
from mailbot.intake.parse import parse_message
from mailbot.intake.prose import sentences
from mailbot.intake.rules import load_rules

_SET = Path(__file__).resolve().parents[1] / "data" / "blind-r18-heldout"
_TEXT = "The chief made me (Ofc. Dana Roy) the point of contact, email droy@townvt.test."
_SENDER = ("Dana Roy", "droy@townvt.test")


def test_a_rank_abbreviation_in_brackets_does_not_cut_the_sentence() -> None:
    assert sentences(_TEXT) == [_TEXT]


def _missing_poc() -> ParseResult:
    result = ParseResult(intent="enrollment", agency=Agency())
    result.missing = ["point_of_contact.name", "point_of_contact.email"]
    return result


def test_the_writer_made_the_contact_is_filled_as_the_poc() -> None:
    result = _missing_poc()
    assert people_questions(result, [("text", _TEXT)], load_rules(), _SENDER) == {}
    assert result.point_of_contact.name == "Dana Roy"
    assert result.point_of_contact.email == "droy@townvt.test"


def test_the_verbs_that_make_the_writer_the_contact_come_from_the_rules() -> None:
    rules = load_rules()
    evidence = rules.language.evidence.model_copy(update={"self_made_verbs": []})
    bare = rules.model_copy(
        update={"language": rules.language.model_copy(update={"evidence": evidence})}
    )
    result = _missing_poc()
    people_questions(result, [("text", _TEXT)], bare, _SENDER)
    assert result.point_of_contact.name is None


def test_the_blind_message_gives_its_writer_as_the_poc() -> None:
    (path,) = _SET.glob("ja-010-*.eml")
    result = parse_message(path.read_bytes())
    assert result.point_of_contact.name == "Jordan Blake"
    assert "point_of_contact.name" not in result.missing
