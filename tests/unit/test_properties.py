"""Property tests: the readers never crash on arbitrary text and find what is there."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.intake.fields import read_fields
from mailbot.intake.head_of_department import head_of_department
from mailbot.intake.model import Officer
from mailbot.intake.parse import parse_parts
from mailbot.intake.parts import MessageParts
from mailbot.intake.prose import split_signature
from mailbot.intake.prose_officers import officers_in_prose
from mailbot.intake.rules import load_rules
from mailbot.intake.tables import officers_from_grid, officers_from_text

RULES = load_rules()
HEADING = "Last Name\tFirst Name\tRank/Title\tOfficer Number\tDPS Username"
ROWS = ["Lussier\tAmy\tSergeant\tHA014\talussier", "Brown\tKevin\tOfficer\tHA022\tkbrown"]

# Text that mixes table-like pieces (tabs, pipes, labels, numbers) with anything.
pieces = st.sampled_from(
    [
        "\t",
        "|",
        "  ",
        "\n",
        ": ",
        "Judiciary Code",
        "Last Name",
        "Badge #",
        "Legal Name",
        "Phone",
        "Address",
        "VT 05001",
        "0614",
        "HA014",
        "Sgt.",
        "O'Neil",
        "Thank you,",
        "LEO number",
        "username",
        "(",
        ")",
        ",",
        "Point of Contact",
        "designated",
        "-",
    ]
)
texts = st.lists(st.one_of(pieces, st.text(max_size=12)), max_size=60).map("".join)
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(texts)
def test_table_reader_never_raises(text: str) -> None:
    """Any text yields a list of well-typed officers, never an exception."""
    for officer in officers_from_text(text, RULES) + officers_in_prose(text, RULES):
        assert isinstance(officer, Officer)
        for value in officer.model_dump().values():
            assert value is None or (isinstance(value, str) and value.strip() == value and value)


@fast
@given(st.lists(st.lists(st.text(max_size=15), max_size=6), max_size=8))
def test_grid_reader_never_raises(grid: list[list[str]]) -> None:
    """Any grid of cells yields a list of officers, never an exception."""
    assert all(isinstance(o, Officer) for o in officers_from_grid(grid, RULES))


@fast
@given(texts)
def test_field_readers_never_raise(text: str) -> None:
    """Any text yields string-or-None field values and a (name, title) pair."""
    split = split_signature(text, RULES)
    values, _ = read_fields(split.body, RULES)
    assert all(v is None or isinstance(v, str) for v in values.values())
    name, title = head_of_department(split.signature, RULES)
    assert name is None or isinstance(name, str)
    assert title is None or isinstance(title, str)


@fast
@given(texts, st.text(max_size=30))
def test_whole_parse_never_raises(text: str, subject: str) -> None:
    """A whole message of arbitrary text gives a result whose JSON has the public keys."""
    result = parse_parts(MessageParts(sender="x@y.org", subject=subject, text=text), RULES)
    assert set(result.to_json_dict()) >= {"intent", "officers", "missing", "invalid"}


numbers = st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True)
# Words that stand for "not given" ("na", "tbd", "none") are not usernames.
_PLACEHOLDERS = {v.lower() for v in RULES.labels.placeholders.values}
# a row opened by a role's label ("Poc", "Contact") is that person's field, no officer
_ROLE_LABELS = frozenset(
    w.casefold()
    for w in [
        *RULES.labels.form_sections.signed,
        *(w for p in RULES.labels.form_sections.roles for w in RULES.labels.labels.get(p, [])),
    ]
)
names = st.from_regex(r"[A-Z][a-z]{1,10}(?:-[A-Z][a-z]{1,8})?", fullmatch=True).filter(
    lambda n: n.lower() not in _PLACEHOLDERS and n.casefold() not in _ROLE_LABELS
)
users = st.from_regex(r"[a-z]{2,10}", fullmatch=True).filter(lambda u: u not in _PLACEHOLDERS)
titles = st.sampled_from(["Officer", "Sergeant", "Corporal", "Deputy", "Trooper"])


@fast
@given(names, names, titles, numbers, users, st.integers(min_value=0, max_value=2))
def test_inserted_row_shows_up(
    last: str, first: str, title: str, number: str, user: str, where: int
) -> None:
    """A row inserted anywhere into a valid table is read with exactly its values."""
    row = "\t".join([last, first, title, number, user])
    lines = [*ROWS]
    lines.insert(where, row)
    text = "Please enrol these officers:\n\n" + HEADING + "\n" + "\n".join(lines) + "\n\nThanks,\n"
    found = officers_from_text(text, RULES)
    assert len(found) == 3
    assert found[where] == Officer(
        last_name=last, first_name=first, title=title, officer_number=number, dps_username=user
    )


def test_pathological_lines_stay_fast() -> None:
    """Long runs of spaces, underscores or repeated labels are read in well under a second."""
    import time

    from mailbot.intake.fields import labelled
    from mailbot.intake.point_of_contact import point_of_contact

    for text in (
        " " * 100_000 + "x",
        "_" * 100_000 + "@x.org",
        "I have designated " + "Ab " * 30_000,
        "Judiciary Code: " * 10_000,
        "Sgt. a. " * 20_000,
        "Abc Def " * 20_000 + ", VT 05001",
        "| " * 50_000,
    ):
        start = time.process_time()
        split = split_signature(text, RULES)
        read_fields(split.body, RULES)
        head_of_department(text, RULES)
        officers_from_text(text, RULES)
        officers_in_prose(text, RULES)
        point_of_contact(text, RULES, labelled(text, RULES), [], (None, None))
        assert time.process_time() - start < 1.0, text[:20]
