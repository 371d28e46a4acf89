"""What a message asks for: enrolment, roster changes, or neither.

The words that decide it live in ``rules/language.toml`` (``[intent]``).
"""

from __future__ import annotations

import re

from mailbot.intake.model import Change, Intent, Officer
from mailbot.intake.prose import number_mentions, officer_in, sentences
from mailbot.intake.rules import Rules


def _has(text: str, words: list[str]) -> bool:
    low = " ".join(text.lower().split())
    return any(w.lower() in low for w in words)


def classify(
    text: str,
    rules: Rules,
    *,
    has_agency_fields: bool,
    officers: int,
    agency_values: int = 0,
    is_reply: bool = False,
) -> Intent:
    """Enrolment, officer maintenance or other, from the new text of a message.

    A reply that supplies agency values (code, phone, address) continues an enrolment.
    """
    words = rules.language.intent
    if _has(text, words.enrollment) or (has_agency_fields and officers):
        return "enrollment"
    if is_reply and agency_values:
        return "enrollment"
    change_words = words.add + words.promote + words.transfer + words.deactivate
    if _has(text, change_words) and (officers or any(number_mentions(s) for s in sentences(text))):
        return "officer_maintenance"
    return "other"


_PROMOTED = re.compile(
    r"(?:[Pp]romoted|[Pp]romotion|\b[Pp]romote\b.*?)\s+to\s+(?:the\s+rank\s+of\s+)?(?:an?\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)"
    r"|new\s+title\s+(?:is|:)\s*([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)"
)
_TRANSFER = re.compile(
    r"(?:transferred|transfer|moved)\s+to\s+(?:the\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
)


def _identity(officer: Officer) -> dict[str, str | None]:
    data: dict[str, str | None] = {}
    if officer.last_name:
        data["last_name"] = officer.last_name
    if officer.first_name:
        data["first_name"] = officer.first_name
    return data


def read_changes(text: str, rules: Rules, table_officers: list[Officer]) -> list[Change]:
    """Roster changes, sentence by sentence; officers in a table after "please add" are adds."""
    words = rules.language.intent
    changes: list[Change] = []
    seen: set[tuple[str, str | None]] = set()

    def push(change: Change) -> None:
        key = (change.action, change.officer_number)
        if key not in seen:
            seen.add(key)
            changes.append(change)

    for sentence in sentences(text):
        officer = officer_in(sentence, rules)
        if officer is None:
            continue
        low = sentence.lower()
        if _has(low, words.deactivate):
            push(
                Change(
                    action="deactivate", officer_number=officer.officer_number, **_identity(officer)
                )
            )
        elif _has(low, words.transfer) and (m := _TRANSFER.search(sentence)):
            push(
                Change.model_validate(
                    {
                        "action": "update",
                        "officer_number": officer.officer_number,
                        **_identity(officer),
                        "agency": m.group(1).rstrip("."),
                    }
                )
            )
        elif _has(low, words.promote) and (m := _PROMOTED.search(sentence)):
            title = (m.group(1) or m.group(2) or "").rstrip(".")
            push(
                Change.model_validate(
                    {
                        "action": "update",
                        "officer_number": officer.officer_number,
                        **_identity(officer),
                        "title": title,
                    }
                )
            )
        elif _has(text, words.add):
            push(Change(action="add", **officer.model_dump()))
    if table_officers and _has(text, words.add):
        for officer in table_officers:
            push(Change(action="add", **officer.model_dump()))
    return changes
