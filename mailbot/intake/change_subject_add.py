"""An officer coming over from another agency whom the subject line asks to add ("Add
Deputy Quinn to CCSO in TraCS" over "Heather Quinn is transferring to us from Essex PD
... Please associate her with Chittenden County Sheriff's Office"): the body tells of a
transfer to the sender's agency and asks no existing record moved, so the request is
the subject's, a record added for the agency."""

from __future__ import annotations

import re

from mailbot.intake.change_values import TO_US
from mailbot.intake.model import Change
from mailbot.intake.rules import Rules
from mailbot.intake.subject_only import said_in_subject
from mailbot.intake.word_lists import has_any


def added_by_subject(changes: list[Change], subject: str, body: str, rules: Rules) -> list[Change]:
    """``changes`` with the one update of an officer the subject names, read from a
    transfer to the sender's agency, made the add the subject asks for, when the body
    asks no record moved and keeps none."""
    words = rules.language.intent
    said = said_in_subject(subject)
    if len(changes) != 1 or changes[0].action != "update" or not has_any(said, words.add):
        return changes
    if has_any(said, words.promote + words.deactivate + words.transfer):
        return changes  # "Add and remove ...", "Transfer - Quinn": more than an add
    change = changes[0]
    last = getattr(change, "last_name", None) or ""
    named = last and re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", said, re.I)
    if not named or getattr(change, "agency", None) or TO_US.search(body) is None:
        return changes
    if has_any(body, words.move_asked + words.moves_record + words.promote):
        return changes  # "Please move her record over to us": an update of that record
    data = change.model_dump(exclude_none=True)
    data.pop("agency", None)
    return [Change.model_validate({**data, "action": "add"})]
