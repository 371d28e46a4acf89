"""A reply under the desk's notice that the records are made ("The TraCS Agency record
... and the Officer records listed in your request have been established and are ready
for use").

The enrolment that notice answers is done, so a reply to it enrols nothing: what it
asks is a roster change of the agency now enrolled ("Thanks! Could you add one more:
Deputy Nora Keene, 09914, username nkeene"), the officer rows it gives being records to
add; one that asks for no record ("Thank you! We'll start issuing next week.") is
other mail. The notice waits on nothing (no question, no words of waiting: ``[intent]
desk_waits``) and tells of records made (``[intent] desk_done``).
"""

from __future__ import annotations

from mailbot.intake.model import Intent, Officer
from mailbot.intake.own_thread import latest_desk
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import any_in, flat


def desk_done(parts: MessageParts, rules: Rules) -> bool:
    """True when the desk's latest quoted message waits on nothing (no question, no
    words of waiting): a notice that the records were made."""
    desk = latest_desk(parts)
    return desk is not None and _waits_on_nothing(flat(desk.text), rules)


def _waits_on_nothing(low: str, rules: Rules) -> bool:
    return "?" not in low and not any_in(low, rules.language.intent.desk_waits)


def _tells_records_made(parts: MessageParts, rules: Rules) -> bool:
    """True when the desk's latest quoted message is its notice that the records are
    made: it waits on nothing and says they were ("have been established")."""
    desk = latest_desk(parts)
    low = flat(desk.text) if desk is not None else ""
    return (
        bool(low) and _waits_on_nothing(low, rules) and any_in(low, rules.language.intent.desk_done)
    )


def after_records_made(
    kind: Intent, officers: list[Officer], parts: MessageParts, rules: Rules
) -> Intent:
    """The intent of a reply read as an enrolment, when it answers the desk's notice that
    the records are made: a roster change when it gives officer rows, else other."""
    if kind != "enrollment" or not _tells_records_made(parts, rules):
        return kind
    return "officer_maintenance" if officers else "other"
