"""The longest run of rank words opening or ending some words, one reading for the
change, mention and earlier-name readers."""

from __future__ import annotations

import pytest

from mailbot.intake.change_titles import rank_run
from mailbot.intake.rules import Rules, load_rules


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules()


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("Acting Sergeant Please", "Acting Sergeant"),
        ("Deputy Sheriff Paradee", "Deputy Sheriff"),
        ("Sgt. Tyler", "Sergeant"),
        ("Please update", None),
        ("", None),
    ],
)
def test_opening(rules: Rules, words: str, title: str | None) -> None:
    assert rank_run(words.split(), rules) == title


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("Our Second Constable", "Second Constable"),
        ("is Sgt", "Sergeant"),
        ("Det. Sgt.", "Detective Sergeant"),
        ("Senior Patrol Officer", "Senior Patrol Officer"),
        ("Officer Sgt.", "Officer Sergeant"),
        ("transfer of Acting", None),
        # the mention reader once tried the rank with the officer's own name after it,
        # and found none here: "Sgt. Major Smith" (first name Major), "Sgt., Tyler D"
        ("Sgt.", "Sergeant"),
        ("Sgt.,", "Sergeant"),
        ("our Chief", "Chief"),
        ("(Sgt.", None),
    ],
)
def test_ending(rules: Rules, words: str, title: str | None) -> None:
    assert rank_run(words.split(), rules, ending=True) == title
