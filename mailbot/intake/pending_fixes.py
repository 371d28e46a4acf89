"""A correction to the sender's own enrolment request, still pending ("I sent our
enrollment yesterday and typed Officer Ann Roy's number wrong ... it's 3B172",
"Correction to my email yesterday: the phone number I gave was wrong. It should be
802-555-0187").

Such a note changes a request the desk has not yet made into records: it is part of
that enrolment, not a roster change of an agency already enrolled, and the values it
gives are the request's. It tells of the writer's own request sent before (words of
``[intent] pending_sent``; a mail told of only as "my email yesterday" is an enrolment
when the value it corrects is the agency's phone, code or address, which no roster
change carries), it is a correction (``[corrections] marks``), and it gives the value
meant. A note that only asks where the request stands gives none; one that also adds
or switches off officers is an enrolled agency's roster change. The desk's quoted
notice that waits on nothing ("The Agency record ... has been created") says the
enrolment is done: a correction under it is a roster change.
"""

from __future__ import annotations

from mailbot.intake import self_fixed
from mailbot.intake.answer_agency import agency_values
from mailbot.intake.answer_placing import Asked
from mailbot.intake.changes import read_changes
from mailbot.intake.model import Intent, Officer, ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.records_made import desk_done
from mailbot.intake.rules import Rules
from mailbot.intake.word_lists import flat, has_any

_AGENCY_PATHS = {"agency.phone", "agency.judiciary_code", "agency.address"}
_NOTE = 4000
"""Only the start of a note is looked at: a correction is short."""


def read_as_pending(
    kind: Intent,
    officers: list[Officer],
    text: str,
    parts: MessageParts,
    rules: Rules,
    earlier: ParseResult | None = None,
) -> tuple[Intent, list[Officer]]:
    """The intent and officers of a message, read as the correction of a pending
    enrolment when it is one: an enrolment, its officers those it corrects."""
    if kind == "enrollment" and officers:
        return kind, officers
    if not corrects_pending(text, parts, rules, earlier):
        return kind, officers
    return "enrollment", officers or officers_fixed(text, rules)


def corrects_pending(
    text: str, parts: MessageParts, rules: Rules, earlier: ParseResult | None = None
) -> bool:
    """True when ``text`` (the new text of a message) corrects a value of the sender's
    own enrolment request, sent before and not yet done (``earlier``, the sender's own
    request quoted under it, is no roster change)."""
    if earlier is not None and earlier.intent == "officer_maintenance":
        return False
    text = text[:_NOTE]
    words = rules.language.intent
    said = flat(f"{parts.subject or ''}\n{text}")
    enrolment = has_any(said, words.pending_sent)
    if not (enrolment or has_any(said, words.earlier_mail)):
        return False
    if not has_any(said, rules.language.corrections.marks) or desk_done(parts, rules):
        return False
    others = words.add + words.deactivate + words.transfer + words.reactivate
    if has_any(text, others):
        return False  # "Please deactivate ... Also, Gagnon's number should be 00731. When
        # we sent our enrollment ...": roster changes of an agency enrolled long since
    fields = {f.field for f in self_fixed.fixes(text, rules)}
    officer = bool(fields & {"officer_number", "dps_username"})
    # "It should be 802-555-0187 (not 0178)": the agency's own value
    agency = bool(agency_values(text, Asked(set(_AGENCY_PATHS), {}), rules))
    # a mail told of only as "my email yesterday" is an enrolment by the agency's value
    return (officer or agency) if enrolment else (agency and not officer)


def officers_fixed(text: str, rules: Rules) -> list[Officer]:
    """The officer rows a correction of a pending enrolment gives, read as the changes
    it would ask of an enrolled agency ("typed Officer Lyle Perrault's number wrong ...
    it's 3B172")."""
    out = []
    for change in read_changes(text, rules, [], None):
        extra = change.model_extra or {}
        if change.action != "update" or not (extra.get("last_name") and change.officer_number):
            continue
        out.append(change.as_officer())
    return out
