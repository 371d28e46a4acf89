"""The blind corpora (tests/data/blind, blind-heldout, blind-r3, blind-r4, blind-r5,
blind-r6, blind-r7, blind-r8, blind-r9, blind-r10, blind-r11, and the held-out parts
blind-r3-heldout, blind-r5-heldout, blind-r6-heldout, blind-r7-heldout, blind-r8-heldout,
blind-r9-heldout, blind-r10-heldout, blind-r11-heldout):
messages written by
people who never saw the parser, from the procedure and the parse contract only, scored
as PARSE-CONTRACT.md says, each held to the figures it has reached."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.scoring import score
from mailbot.intake.parse import parse_message

DATA = Path(__file__).resolve().parents[1] / "data"
BLIND = DATA / "blind"
CASES = sorted(BLIND.glob("*.eml"))
# Every set's messages, for the per-message checks (intent right, no needless ask).
SETS = (
    "blind",
    "blind-heldout",
    "blind-r3",
    "blind-r4",
    "blind-r5",
    "blind-r6",
    "blind-r8",
    "blind-r10",
    "blind-r12",
    "blind-r13",
    "blind-r14",
)
ALL_CASES = [p for name in SETS for p in sorted((DATA / name).glob("*.eml"))]
# The figures each set has reached: field accuracy, messages read without an error, and
# the set's size.
FIGURES: dict[str, tuple[float, int, int]] = {
    "blind": (1.0, 171, 171),
    "blind-heldout": (1.0, 69, 69),
    "blind-r3": (1.0, 60, 60),
    "blind-r4": (1.0, 90, 90),
    "blind-r5": (1.0, 100, 100),
    # ta-026 (an unchanged rank expected on a surname change) and td-006 (a 24x24 logo,
    # under the minimum, expected valid) are read as the contract and the rules say
    "blind-r6": (1.0, 99, 100),
    # two logos in formats the desk does not print (SVG, WEBP), two updates expected to
    # carry an unchanged title, a code expected on a message that is no request, and three
    # values given only in a later aside, a bracket or a wrapped list line (README)
    "blind-r8": (0.998, 95, 100),
    # a head's short first name as he signs where the roster gives the full one, and an
    # agency name expected spelled out where the message never writes it in full (README)
    "blind-r10": (0.999, 99, 100),
    # notes paraphrased by their writers, and values kept or blanked on mail that is no
    # request (README)
    "blind-r12": (0.987, 88, 100),
    # notes paraphrased by their writers (README)
    "blind-r13": (0.996, 95, 100),
    # nicknames against the full names a message also gives, and notes paraphrased
    # (README)
    "blind-r14": (0.996, 95, 100),
}

# What each category of the corpus is about: the paths whose values it tests.
FOCUS: dict[str, tuple[str, ...]] = {
    "procedure-wording-poc": ("point_of_contact", "agency"),
    "poc-email-trap": ("point_of_contact",),
    "poc-email-trap/incomplete": ("point_of_contact",),
    "agency-name": ("agency.name",),
    "head-of-department": ("head_of_department",),
    "tables": ("officers",),
    "list-separated": ("officers",),
    "name-column": ("officers",),
    "header-synonyms": ("officers",),
    "csv-export": ("officers",),
    "xlsx-roster": ("officers",),
    "pdf-roster": ("officers",),
    "officers-to-follow": ("officers",),
    "value-formats": ("agency",),
    "username-domain-zeros-abbrev": ("officers",),
    "logo": ("agency.logo",),
    "incomplete": ("agency", "point_of_contact", "head_of_department"),
    "name change after marriage": ("changes",),
    "numbered list promotions and corrections": ("changes",),
    "title change (promotion)": ("changes",),
    "table of changes": ("changes",),
    "add several new officers": ("changes",),
    "new hire above quoted DPS confirmation": ("changes",),
    "officer left": ("changes",),
    "officer left plus new hire": ("changes",),
    "transfer to another agency (deactivate)": ("changes",),
}


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def _read(path: Path) -> dict[str, Any]:
    return parse_message(path.read_bytes()).to_json_dict()


def test_blind_corpus_is_there() -> None:
    """The tuning part of the blind corpus is kept with its expected JSON (100+ messages),
    and so are the later sets."""
    assert len(CASES) >= 100
    assert all(p.with_suffix(".json").exists() for p in ALL_CASES)
    assert {name: len(list((DATA / name).glob("*.eml"))) for name in SETS} == {
        name: count for name, (_, _, count) in FIGURES.items()
    }


@pytest.mark.parametrize("path", ALL_CASES, ids=[f"{p.parent.name}/{p.stem}" for p in ALL_CASES])
def test_right_intent_and_no_needless_ask(path: Path) -> None:
    """Every message is understood as what it asks for, and its checklist never asks
    for something the email already gave."""
    expected = _expected(path)
    result = score(_read(path), expected)
    assert result.intent_ok, f"intent: expected {expected['intent']}"
    assert result.needless == [], f"asked for what was given: {result.needless}"


def _focused() -> list[tuple[Path, tuple[str, ...]]]:
    out = []
    for path in CASES:
        focus = FOCUS.get(_expected(path).get("category") or "")
        if focus:
            out.append((path, focus))
    return out


@pytest.mark.parametrize(("path", "focus"), _focused(), ids=[f"{p.stem}" for p, _ in _focused()])
def test_category_values_are_read(path: Path, focus: tuple[str, ...]) -> None:
    """In each category of wording (PoC sentences, agency names, heads, officer lists,
    exports, PDFs, value formats, logos, roster changes) the values it is about are read
    exactly as the writer meant them."""
    result = score(_read(path), _expected(path))
    wrong = [w for w in result.wrong if w.startswith(focus)]
    assert wrong == []


def test_overall_figures_hold() -> None:
    """Over the whole tuning part: field accuracy at least 0.97, at least 85 % of the
    messages read without an error, no needless ask, every intent right."""
    right = fields = perfect = 0
    for path in CASES:
        result = score(_read(path), _expected(path))
        right += result.right
        fields += result.fields
        perfect += result.perfect
        assert result.needless == []
        assert result.intent_ok
    assert right / fields >= 0.97
    assert perfect / len(CASES) >= 0.85


@pytest.mark.parametrize("name", SETS)
def test_each_set_holds_its_figures(name: str) -> None:
    """Each blind set is read at least as well as it has been: its field accuracy and its
    number of messages read without an error, with no needless ask and every intent right."""
    accuracy, perfect_at_least, _ = FIGURES[name]
    right = fields = perfect = 0
    for path in sorted((DATA / name).glob("*.eml")):
        result = score(_read(path), _expected(path))
        right += result.right
        fields += result.fields
        perfect += result.perfect
        assert result.needless == [], path.stem
        assert result.intent_ok, path.stem
    assert right / fields >= accuracy
    assert perfect >= perfect_at_least


# The held-out parts of the third, fifth and sixth sets, each scored once blind (the
# third at 0.902 with 20/30 perfect, the fifth at 0.879 with 33/50, the sixth at 0.900
# with 31/50), then spent as tuning
# material: the figures each has reached since, and the messages whose checklist still
# asks for something given.
SPENT: dict[str, tuple[float, int, int, set[str]]] = {
    "blind-r3-heldout": (0.998, 29, 30, set()),
    "blind-r5-heldout": (0.992, 48, 50, set()),
    "blind-r6-heldout": (1.0, 50, 50, set()),
    # scored once blind at the end of its round; read at stop 29 (0.893, 33/50), when a
    # request in the subject, an Outlook-for-iOS forward and rank-word headings were fixed
    "blind-r7-heldout": (0.952, 36, 50, {"ud-020-state-unit-memo-dmv"}),
    # scored once blind at the end of its round (0.930, 30/50); read at stop 29 (0.949,
    # 37/50), when an enrolment taken back was fixed
    "blind-r8-heldout": (
        0.948,
        38,
        50,
        {"va-022-attorney-general-investigators-roster-to-follow-poc-no-email"},
    ),
    # scored blind at the start (0.902, 33/50) and at the end of its round; not read since
    "blind-r9-heldout": (0.974, 46, 50, set()),
    # scored blind at the start (0.941, 36/50) and at the end of its round; not read since
    # (raised since by a fix for replies that answer the usernames in the chief's words)
    "blind-r10-heldout": (0.995, 48, 50, set()),
    # scored blind at the start (0.956, 34/50) and at the end of its round; not read since
    "blind-r11-heldout": (0.973, 46, 50, set()),
    # scored blind at the start (0.840, 23/50), after its round (0.852, 27/50) and after
    # the next; spent since (raised by fixes for intent both ways: enquiries that name
    # officers, and roster changes read as no request or as an enrolment)
    "blind-r12-heldout": (0.963, 43, 50, set()),
    # scored blind at the start (0.883, 29/50) and at the end of its round; spent since
    # (raised by the same fixes for intent)
    "blind-r13-heldout": (0.988, 45, 50, set()),
    # scored blind at the start (0.936, 38/50) and after its round (0.937, 38/50); spent
    # since, raised by the fifteenth round's readings (README)
    "blind-r14-heldout": (0.994, 48, 50, set()),
    # thirty more messages of no theme, all held out, scored blind twice; spent since,
    # raised by the fifteenth round's readings (README)
    "blind-mix2-heldout": (0.999, 30, 30, set()),
    # a hundred messages, all held out, scored blind twice (0.902, 65/100 and 0.923,
    # 67/100); spent since (README)
    "blind-r15-heldout": (0.99, 96, 100, set()),
    # a hundred messages, all held out, scored blind twice (0.930, 63/100 and 0.932,
    # 63/100) and once more unchanged; spent since (README)
    "blind-r16-heldout": (0.997, 96, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.959, 65/100; 0.961,
    # 67/100 twice); spent since (README)
    "blind-r17-heldout": (0.997, 95, 100, set()),
    # a hundred messages, all held out, scored blind twice (0.903, 54/100 and 0.911,
    # 61/100); spent since (README)
    "blind-r18-heldout": (0.999, 99, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.931, 51/100; 0.935,
    # 54/100 twice); spent since (README)
    "blind-r19-heldout": (0.997, 93, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.930, 70/100; 0.935,
    # 72/100; 0.937, 74/100); spent since (README)
    "blind-r20-heldout": (0.998, 97, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.943, 59/100; 0.942,
    # 61/100 twice); spent since (README)
    "blind-r21-heldout": (0.994, 91, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.945, 67/100; 0.945,
    # 67/100; 0.945, 68/100); spent since (README). ld-008 expects its roster photo asked
    # for again; two later sets' writers expect it not asked: staff read it (README)
    "blind-r22-heldout": (1.0, 99, 100, set()),
    # a hundred messages, all held out, scored blind twice (0.963, 76/100 and 0.972,
    # 77/100); spent since (README)
    "blind-r23-heldout": (0.999, 99, 100, set()),
    # a hundred messages, all held out, scored blind three times (0.958, 71/100; 0.961,
    # 73/100 twice); spent since (README)
    "blind-r24-heldout": (1.0, 100, 100, set()),
    # a hundred messages, all held out, scored blind twice (0.946, 74/100 and 0.948,
    # 76/100); spent since (README)
    "blind-r25-heldout": (0.999, 99, 100, set()),
    # a hundred messages, all held out, scored blind twice (0.915, 68/100 and 0.916,
    # 69/100); spent since. Left: two rosters and a memo only in images (no OCR), an
    # officer line under a two-word title, writer disagreements (README)
    "blind-r26-heldout": (
        0.972,
        93,
        100,
        {"fe-013-liquor-control-state-unit-owa-bullets"},
    ),
    # a hundred messages, all held out, scored blind twice (0.891, 62/100 and 0.894,
    # 62/100); spent since. Left: a PoC named only as "both head and contact", heads
    # only in a DOCX form or a prose aside, a desk recap with rows in one bracket,
    # nickname vs legal name, add vs update of a transfer in (README)
    "blind-r27-heldout": (
        0.97,
        87,
        100,
        {
            "fj-013-android-csv-short-number",
            "fj-014-docx-roster-town-seal",
            "fj-016-pdf-letter-answers",
        },
    ),
    # not held out: fifty messages written to be tuned on in the same round (0.912, 26/50
    # as written). Left: officers given only in sentences of a reply, nicknames (README)
    "blind-r29": (0.984, 46, 50, {"fr-009-reply-sentences"}),
    # not held out: 125 messages written to be tuned on in the same round (0.943, 98/125
    # as written). Left: code and agency stated on mail that asks for nothing (README)
    "blind-r31": (0.998, 124, 125, set()),
    # not held out: 125 messages written to be tuned on in the same round (0.913, 93/125
    # as written). Left: a head named only in French, an HR export's civilian rows, a
    # nickname signed against the roster's name, a shouted run-on roster (README)
    "blind-r32": (0.979, 119, 125, {"gf-012-groupwise-caps-prose-no-phone"}),
    # thirty messages of no theme, all held out, scored blind three times (README)
    "blind-mix-heldout": (0.95, 26, 30, {"zf-006-swanton-template-placeholders-left"}),
    # not held out: the eleventh set's tuning part, short of perfect where the reader still
    # misses a PoC and roster dictated in capitals
    "blind-r11": (0.994, 99, 100, set()),
    # not held out: the ninth set's tuning part, short of perfect where the reader still
    # misses a lower-case run-on roster and a PoC address in a forwarded note (README)
    "blind-r9": (0.992, 98, 100, set()),
    # not held out: the seventh set's tuning part, short of perfect where the reader still
    # misses officers in nested Word bullets and a sergeant named by rank and surname
    "blind-r7": (0.991, 98, 100, set()),
}


@pytest.mark.parametrize("name", sorted(SPENT))
def test_spent_heldout_set_is_read_no_worse_than_blind(name: str) -> None:
    """A spent held-out set is read no worse than it has been: no lower field accuracy,
    no fewer perfect messages, no new message with a needless ask."""
    accuracy, perfect_at_least, size, known_needless = SPENT[name]
    paths = sorted((DATA / name).glob("*.eml"))
    assert len(paths) == size
    right = fields = perfect = 0
    needless: set[str] = set()
    for path in paths:
        result = score(_read(path), _expected(path))
        right += result.right
        fields += result.fields
        perfect += result.perfect
        if result.needless:
            needless.add(path.stem)
    assert right / fields >= accuracy
    assert perfect >= perfect_at_least
    assert needless <= known_needless
