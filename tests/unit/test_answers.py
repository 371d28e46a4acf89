"""Answers to our checklist, read against what we sent and what the case asked for."""

from __future__ import annotations

import copy
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailbot import cases
from mailbot.checklist import OFFICER_SAMPLE, describe
from mailbot.intake.answer_placing import match_row
from mailbot.intake.answers import Sent, mark_sent, read_answer, sent_texts
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import load_rules
from mailbot.replies import render

RULES = load_rules()

CASE: dict[str, Any] = {
    "intent": "enrollment",
    "agency": {
        "name": "Hartland Police Department",
        "judiciary_code": None,
        "address": "1 Main Street, Hartland, VT 05048",
        "phone": None,
        "logo": "logo.png",
    },
    "point_of_contact": {"name": "Amy Lussier", "email": "alussier@hartland.test"},
    "head_of_department": {"name": "Dana Morse", "title": "Chief"},
    "officers": [
        {
            "last_name": "Okafor",
            "first_name": "Samuel",
            "title": "Officer",
            "officer_number": "HA117",
            "dps_username": None,
        },
        {
            "last_name": "Brennan",
            "first_name": "Kyle",
            "title": "Sergeant",
            "officer_number": "HA118",
            "dps_username": "kbrennan",
        },
        {
            "last_name": "Hale",
            "first_name": "Jordan",
            "title": "Officer",
            "officer_number": "HA119",
            "dps_username": "jhale",
        },
    ],
    "missing": ["agency.judiciary_code", "agency.phone", "officers[0].dps_username"],
    "invalid": [],
}


def checklist_text(case: dict[str, Any] = CASE) -> str:
    checklist = describe(case["missing"], case["invalid"], case["officers"], case)
    return render(
        "checklist",
        reference="ETK-0001",
        agency_name=case["agency"]["name"],
        checklist=checklist,
    ).text


SENT = Sent.of([checklist_text()])


def read(text: str, case: dict[str, Any] = CASE, sent: Sent = SENT) -> dict[str, Any]:
    parts = MessageParts(
        sender="dmorse@hartland.test",
        sender_name="Dana Morse",
        subject="Re: [ETK-0001] More information needed",
        in_reply_to="<mailbot.1@desk.test>",
        full_text=text,
        text=text,
        quotes_cut=True,
    )
    data, _ = read_answer(parts, sent, case, RULES)
    return data


def merged(text: str, case: dict[str, Any] = CASE) -> dict[str, Any]:
    new = read(text, case)
    for key in ("missing", "invalid", "sender", "intent"):
        new.pop(key, None)
    out, _ = cases.merge(copy.deepcopy(case), new)
    return out


def quoted(text: str) -> str:
    return "\n".join("> " + line for line in text.split("\n"))


@pytest.mark.parametrize(
    "answer",
    [
        "Officer Okafor's DPS username is sokafor.",
        "Samuel Okafor's username is sokafor",
        "The username for Okafor is sokafor.",
        "Okafor | Samuel | Officer | HA117 | sokafor",
        "Okafor\tSamuel\tOfficer\tHA117\tsokafor",
        "Okafor, Samuel, Officer, HA117, sokafor",
        "Okafor - sokafor",
        "sokafor",
        "Thanks!\nOkafor's username is sokafor\n\nDana Morse\nChief of Police",
        "Okafor's DPS username is DPS\\sokafor",
    ],
)
def test_answer_fills_the_asked_username_of_the_right_officer(answer: str) -> None:
    """However the chief writes the missing username, it lands on Okafor and nowhere else."""
    quote = "\n\nOn Mon, 2 Nov 2026, DPS e-Ticket wrote:\n" + quoted(checklist_text())
    data = merged(answer + quote)
    officers = data["officers"]
    assert len(officers) == 3
    assert officers[0]["dps_username"] == "sokafor"
    assert [o["dps_username"] for o in officers[1:]] == ["kbrennan", "jhale"]


def test_first_name_alone_finds_the_only_officer_with_it() -> None:
    """ "Kyle's username is kbrennan2" corrects Kyle Brennan's username."""
    data = merged("Kyle's username is kbrennan2")
    assert data["officers"][1]["dps_username"] == "kbrennan2"
    assert data["officers"][0]["dps_username"] is None


def test_agency_values_in_a_sentence_fill_what_was_asked() -> None:
    """ "The phone is 802-555-0199 and our code is 0412" fills the asked phone and code."""
    data = merged("The phone is 802-555-0199 and our code is 0412.\n\nThanks,\nDana")
    assert data["agency"]["judiciary_code"] == "0412"
    assert data["agency"]["phone"].endswith("555-0199")


def test_answers_typed_between_quoted_checklist_lines_are_read() -> None:
    """An answer written inside the quoted checklist (interleaved) is kept and read."""
    body = quoted(checklist_text()).replace(
        "> Agency:", "> Agency:\nOur phone is 802-555-0199, judiciary code 0412"
    )
    data = merged("On Mon, 2 Nov 2026, DPS e-Ticket wrote:\n" + body)
    assert data["agency"]["judiciary_code"] == "0412"
    assert data["agency"]["phone"].endswith("555-0199")


@pytest.mark.parametrize(
    "style",
    [
        # French Hotmail
        "De : DPS e-Ticket <dps.eticket@vermont.gov>\nEnvoyé le : lundi 2 novembre 2026 09:00\n"
        "À : Dana Morse <dmorse@hartland.test>\nObjet : [ETK-0001] More information\n\n{}",
        # no header at all, no quote marks
        "{}",
        # an unknown separator
        "=== Original from DPS ===\n{}",
        # quoted with "|" by an odd client
        "On Mon, 2 Nov 2026, DPS e-Ticket wrote:\n{}",
    ],
)
def test_our_quoted_checklist_is_never_read_as_data(style: str) -> None:
    """The checklist's example officer row and example values are never taken from a
    quote, whatever the quoting style: only the chief's own line is read."""
    answer = "sokafor\n\n" + style.format(checklist_text())
    data = read(answer)
    rows = [o for o in data["officers"] if o]
    assert rows == [
        {
            "officer_number": "HA117",
            "last_name": "Okafor",
            "first_name": "Samuel",
            "dps_username": "sokafor",
        }
    ]
    assert OFFICER_SAMPLE.split(" | ")[0] not in str(data)
    assert data["agency"]["judiciary_code"] is None  # "Judiciary Code: 0614" is ours


def test_rewrapped_quote_of_our_text_is_recognised() -> None:
    """Our lines re-wrapped at another width by the chief's client are still ours."""
    import textwrap

    wrapped = "\n".join(
        "> " + piece
        for line in checklist_text().split("\n")
        for piece in (textwrap.wrap(line, 30) or [""])
    )
    marked = mark_sent("Okafor - sokafor\n\n" + wrapped, SENT)
    kept = [line for line in marked.split("\n") if line.strip() and line.strip() != ">"]
    assert kept == ["Okafor - sokafor"]


def test_html_sent_text_is_recognised_too() -> None:
    """What we sent is known from the email's bytes, both its text and its HTML part."""
    from mailbot.outbound import build_email

    rendered = render(
        "checklist",
        reference="ETK-0001",
        agency_name="Hartland Police Department",
        checklist=describe(CASE["missing"], [], CASE["officers"], CASE),
    )
    raw = build_email(
        rendered=rendered,
        from_address="dps.eticket@vermont.gov",
        from_name="DPS e-Ticket",
        to=["dmorse@hartland.test"],
        cc=[],
        message_id="<mailbot.1@desk.test>",
        in_reply_to=None,
        references=[],
        reference="ETK-0001",
        loop_value="mailbot",
        date=datetime(2026, 11, 2, 14, 0, tzinfo=UTC),
    )
    texts = sent_texts(raw)
    assert len(texts) == 2
    assert any(OFFICER_SAMPLE in t for t in texts)


def test_a_new_officer_in_the_answer_is_added_not_matched() -> None:
    """A full officer line for someone not on the request is a new row."""
    data = merged("Lee | Casey | Officer | HA120 | clee")
    assert [o["officer_number"] for o in data["officers"]] == ["HA117", "HA118", "HA119", "HA120"]


def test_a_shared_last_name_is_not_guessed() -> None:
    """Two officers named Hale: "Hale - jhale2" is not put on either."""
    roster = [
        {"last_name": "Hale", "first_name": "Jordan", "officer_number": "HA119"},
        {"last_name": "Hale", "first_name": "Sam", "officer_number": "HA121"},
    ]
    assert match_row({"last_name": "Hale"}, roster) is None
    assert match_row({"last_name": "Hale", "first_name": "Sam"}, roster) == 1
    assert match_row({"officer_number": "ha121", "last_name": "Hale"}, roster) == 1


def test_a_bare_word_that_is_not_made_from_the_name_is_not_a_username() -> None:
    """ "thanks" or "yes" alone on a line does not become Okafor's username."""
    for word in ("yes", "ok", "done"):
        data = read(word)
        assert not any(o.get("dps_username") for o in data["officers"])


def test_merge_matches_a_unique_last_name() -> None:
    """The merge places a row named only by a last name one officer has on that officer."""
    out, revisions = cases.merge(CASE, {"officers": [{"last_name": "Hale", "title": "Sergeant"}]})
    assert out["officers"][2]["title"] == "Sergeant"
    assert len(out["officers"]) == 3
    assert [r.path for r in revisions] == ["officers[2].title"]


def test_notes_accumulate_across_messages() -> None:
    """Each message's notes are kept on the case; the same note is not repeated."""
    first = {"notes": [{"message": 1, "text": "a.zip: not opened"}]}
    out, _ = cases.merge(first, {"notes": [{"message": 2, "text": "b.xlsx: skipped"}]})
    out, _ = cases.merge(out, {"notes": [{"message": 2, "text": "b.xlsx: skipped"}]})
    assert [n["message"] for n in out["notes"]] == [1, 2]


def test_answer_reading_is_linear_on_hostile_text() -> None:
    """A 200 KB single-token, single-line or all-quoted answer passes each answer
    reader (our text recognised, officer lines, sentences, values) in under a second."""
    from mailbot.intake.answer_agency import agency_values
    from mailbot.intake.answer_details import officer_details, officer_lines
    from mailbot.intake.answer_placing import Asked

    asked = Asked.of(CASE)
    for text in (
        "A" * 200_000,
        "Okafor | " * 25_000,
        "> x\n" * 50_000,
        "Okafor's username is " + "a" * 200_000,
        "Hale - " * 30_000,
        "1234 code " * 20_000,
    ):
        for step in (
            lambda t: mark_sent(t, SENT),
            lambda t: officer_lines(t, RULES),
            lambda t: officer_details(t, RULES),
            lambda t: agency_values(t, asked, RULES),
        ):
            started = time.process_time()
            step(text)
            assert time.process_time() - started < 1.0


def test_roster_change_answer_loses_our_quoted_change_lines() -> None:
    """An answer to a roster-change checklist, quoted without any marks, keeps only the
    sender's words: the changes we listed are not read again from the quote."""
    from mailbot.intake.answers import without_sent

    case = {
        "intent": "officer_maintenance",
        "changes": [{"action": "update", "officer_number": "HA999", "title": "Sergeant"}],
    }
    checklist = describe(
        [], [{"field": "changes[0].officer_number", "reason": "is not on the roster"}], [], case
    )
    ours = render("checklist", reference="ETK-0007", agency_name="Hartland PD", checklist=checklist)
    assert "HA999" in ours.text
    answer = "Sorry, his number is HA022.\n\nDana\n\n" + ours.text
    parts = MessageParts(subject="RE: [ETK-0007]", full_text=answer, text=answer, quotes_cut=True)
    cleaned = without_sent(parts, Sent.of([ours.text]))
    assert "HA999" not in cleaned.text
    assert "HA022" in cleaned.text


def test_officer_detail_that_matches_nobody_is_noted_not_guessed() -> None:
    """A detail naming nobody on the request is not put on any officer; a note says so."""
    parts = MessageParts(
        subject="Re: [ETK-0001]", full_text="Smith's username is jsmith", quotes_cut=True
    )
    data, notes = read_answer(parts, SENT, CASE, RULES)
    assert not any(o.get("dps_username") for o in data["officers"])
    assert notes == [
        "an officer detail in the answer matched no officer of the request: last_name Smith"
    ]


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz |,.:'-", min_size=1, max_size=40),
        min_size=1,
        max_size=8,
    )
)
def test_the_senders_own_lines_are_never_taken_for_ours(lines: list[str]) -> None:
    """A line carrying a word we never sent is always kept as the sender's."""
    own = [f"{line} zqxj{i}" for i, line in enumerate(lines)]
    marked = mark_sent("\n".join(own) + "\n\n" + checklist_text(), SENT).split("\n")
    assert marked[: len(own)] == own


def test_several_usernames_in_one_sentence_each_find_their_officer() -> None:
    """ "Okafor is sokafor and Hale is jhale2" fills Okafor and corrects Hale."""
    data = merged("Okafor is sokafor and Hale is jhale2.")
    assert [o["dps_username"] for o in data["officers"]] == ["sokafor", "kbrennan", "jhale2"]


def test_a_name_and_a_plain_word_is_not_a_username() -> None:
    """ "Okafor is great" gives Okafor no username."""
    data = merged("Okafor is great, and Hale is away.")
    assert data["officers"][0]["dps_username"] is None
    assert data["officers"][2]["dps_username"] == "jhale"


def test_the_senders_own_sign_off_still_cuts_his_signature() -> None:
    """The chief's "Thank you," (a line our checklist has too) still ends his answer:
    the phone under his name is not taken for the agency's."""
    answer = "Hale - jhale2\n\nThank you,\nDana Morse\n(802) 555-7777\n\n" + checklist_text()
    data = merged(answer)
    assert data["agency"]["phone"] is None
    assert data["officers"][2]["dps_username"] == "jhale2"
