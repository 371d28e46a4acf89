"""Two officers named together in one sentence, in full and without numbers ("Officers
Dana Keller and Luis Ortega have both resigned"): one change for each, and a number
given later (or earlier) by one's first name in the possessive ("Luis's number is
4K221") goes to that officer only."""

from __future__ import annotations

from mailbot.intake.change_clauses import clauses
from mailbot.intake.change_groups import officer_groups
from mailbot.intake.changes import read_changes
from mailbot.intake.rules import load_rules


def test_a_list_of_two_officers_without_numbers_is_one_clause_each() -> None:
    rules = load_rules()
    said = clauses("Officers Dana Keller and Luis Ortega have both resigned.", rules)
    assert len(said) == 2
    assert "Dana Keller" in said[0] and "Ortega" not in said[0]
    assert "Luis Ortega" in said[1] and "resigned" in said[1]


def test_each_officer_of_the_list_is_a_group_of_his_own() -> None:
    rules = load_rules()
    groups = officer_groups(
        "We have two new officers, Nora Bell and Tim Shaw, who will need records.", rules
    )
    assert len(groups) == 2
    assert "Nora Bell" in groups[0] and "Tim Shaw" in groups[1]


def test_both_resigned_officers_are_deactivated_each_with_his_own_number() -> None:
    rules = load_rules()
    text = (
        "Please deactivate the two below. Luis's number is 4K221. I can't find Dana's "
        "but she's the only Keller on your list.\n\n"
        "Officers Dana Keller and Luis Ortega have both resigned effective today."
    )
    found = {
        (c.action, c.last_name, c.first_name): c.officer_number
        for c in read_changes(text, rules, [])
    }
    assert found == {
        ("deactivate", "Ortega", "Luis"): "4K221",
        ("deactivate", "Keller", "Dana"): None,
    }


def test_the_list_named_first_and_the_number_after() -> None:
    rules = load_rules()
    text = "Officers Dana Keller and Luis Ortega have both resigned. Luis's number is 4K221."
    found = {c.last_name: c.officer_number for c in read_changes(text, rules, [])}
    assert found == {"Keller": None, "Ortega": "4K221"}


def test_the_writer_s_own_leaving_is_not_his_successor_s_change() -> None:
    """ "I am no longer the constable here. The new Constable is Omar Pike, his number is
    ..." : the successor's sentence is a group of its own, not joined to the writer's."""
    rules = load_rules()
    text = (
        "Well I am no longer the constable for Ridgeton as of this week. The new "
        "Constable is Omar Pike, his number is C4471 and his DPS username is opike."
    )
    groups = officer_groups(text, rules)
    assert len(groups) == 2 and "Omar Pike" in groups[1] and "Omar" not in groups[0]
    found = [(c.action, c.last_name, c.officer_number) for c in read_changes(text, rules, [])]
    assert found == [("add", "Pike", "C4471")]


def test_the_writer_asking_to_be_taken_off_is_a_deactivation() -> None:
    rules = load_rules()
    text = "Please take me off, my number was C4402, and put him on."
    found = [(c.action, c.officer_number) for c in read_changes(text, rules, [])]
    assert found == [("deactivate", "C4402")]
