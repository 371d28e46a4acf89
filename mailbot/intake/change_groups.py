"""One item of a roster-change message cut into the officers it tells of: a new group
where a new officer is named ("In his place we hired Officer Alexis Rondeau."), gives
another number, or is the one a newcomer replaces; the sentences that go on about
"her"/"his" or add details ("Roy's LEO number is ...") stay with their officer.

Pure: the text of one item in, one text per officer out (each read as one change by
:mod:`mailbot.intake.changes`).
"""

from __future__ import annotations

import re

from mailbot.intake.change_clauses import clauses
from mailbot.intake.change_corrections import number_fix
from mailbot.intake.change_items import _NUMBER
from mailbot.intake.change_names import _RANKED
from mailbot.intake.change_officer import officer_named
from mailbot.intake.change_paragraphs import names_another, speaks_back
from mailbot.intake.change_replaced import owner, replaced_cut
from mailbot.intake.prose import sentences
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import may_contain


def officer_groups(item: str, rules: Rules | None = None) -> list[str]:
    """An item split where a new officer is named; the sentences after a name that
    speak of "her"/"his" or add details stay with that officer."""
    parts = [
        # the officer a newcomer replaces, or the next of a list of officers named
        # together without numbers ("Officers Ann Roy and Ben Orr resigned"): another
        (piece, i > 0 or (k > 0 and not _NUMBER.search(sentence)))
        for sentence in sentences(item)
        for k, c in enumerate(clauses(sentence, rules))
        for i, piece in enumerate(replaced_cut(c, rules))
    ]
    groups: list[str] = []
    at = -1  # the group the sentences go on about
    for sentence, replaced in parts:
        if replaced:
            groups.append(sentence)
            at = -1
            continue
        mine = owner(sentence, groups)
        if mine is not None:  # "Roy's LEO number is ...": Roy Lane, told of before
            at = mine[0]
            groups[at] = f"{groups[at]}. {mine[1]}"
            continue
        numbers = set(_NUMBER.findall(sentence))
        before = set(_NUMBER.findall(groups[-1])) if groups else set()
        # "... entered as ES7Q1. The correct number is ES7G1": the same officer
        starts_new = bool(numbers) and bool(before) and not numbers <= before
        # "... typed his LEO number as 4417B. It is actually 4471B": the same officer
        fixes = number_fix(sentence)
        if fixes is None and groups:
            fixes = number_fix(f"{groups[-1]}. {sentence}")
        starts_new = starts_new and fixes is None
        named = _RANKED.search(sentence)
        if named and before and not numbers and named.group(2) not in groups[-1]:
            starts_new = True  # "In his place we hired Officer Alexis Rondeau."
        if not numbers and before and rules and names_another(sentence, groups[-1], rules):
            starts_new = True  # "Also Ron Cheney made Sergeant": another officer's change
        lead = sentence[: m.start()] if (m := _NUMBER.search(sentence)) else ""
        if numbers and groups and not before and rules and not speaks_back(lead, sentence, rules):
            # "pls take Jake Roe off our list. Also Kim Orr (LY019) is ...": the one
            # named without a number is another officer (not "She's ST027")
            told, now = officer_named(groups[-1], rules), officer_named(sentence, rules)
            names = [o.last_name if o else None for o in (told, now)]
            starts_new = bool(now and now.first_name and names[0] and names[0] != names[1])
            # "I am no longer the constable. The new Constable is Paul Ode, C7790": the
            # writer's own leaving, no officer named, is not the newcomer's change
            starts_new = starts_new or bool(
                now and now.first_name and told is None and _of_himself(groups[-1], rules)
            )
        if not groups or starts_new:
            groups.append(sentence)
            at = -1
        else:
            groups[at] = f"{groups[at]}. {sentence}"
    return groups


def _of_himself(text: str, rules: Rules) -> bool:
    """True when ``text`` speaks of the writer himself ("I am no longer ...")."""
    words = rules.language.evidence.first_person_words
    return any(
        may_contain(text, w)
        and re.search(rf"(?<![\w'’]){re.escape(w)}(?![\w'’])", text, re.IGNORECASE)
        for w in words
    )
