"""One officer both switched off and added under the same number in one message, his tie
to another agency not said to end ("VCJTC re-issued LEO number 00417 to our new hire,
Officer Kayla Dunn ... if his old record is still out there under 00417 please make sure
it's closed out" then "Please add: Officer Kayla Dunn, 00417"): the add is what is asked
of him; the switch-off read of him belongs to someone else, or to nobody."""

from __future__ import annotations

from mailbot.intake.model import Change
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import has_any


def without_readded(changes: list[Change], text: str, rules: Rules) -> list[Change]:
    """``changes`` less each deactivation of the officer (same number and last name) that
    an add of ``changes`` creates, unless ``text`` ends his tie to another agency ("Please
    end his association with Essex Police Department ... and add him under Williston")."""
    if has_any(text, rules.language.intent.ends_association):
        return changes

    def key(change: Change) -> tuple[str, str] | None:
        last = getattr(change, "last_name", None)
        if not change.officer_number or not last:
            return None
        return change.officer_number.upper(), last.lower()

    added = {key(c) for c in changes if c.action == "add"} - {None}
    return [c for c in changes if c.action != "deactivate" or key(c) not in added]
