"""What a message asks for: enrolment, roster changes, or neither.

The words that decide it live in ``rules/language.toml`` (``[intent]``).
"""

from __future__ import annotations

import re

from mailbot.intake.model import Change, Intent, Officer
from mailbot.intake.prose import number_mentions, officer_in, sentences
from mailbot.intake.rules import Rules, per_rules


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
    has_logo: bool = False,
) -> Intent:
    """Enrolment, officer maintenance or other, from the new text of a message.

    A reply that supplies agency values (code, phone, address) continues an enrolment.
    """
    words = rules.language.intent
    if has_agency_fields and officers:
        return "enrollment"
    if _has(text, words.enrollment):
        if (
            not officers
            and not agency_values
            and asks_questions(text)
            and not _has(text, _REQUEST_WORDS)
        ):
            return "other"  # "how do we enrol? do you need our judiciary code?"
        return "enrollment"
    if is_reply and agency_values:
        return "enrollment"
    change_words = words.add + words.promote + words.transfer + words.deactivate
    if _has(text, change_words) and (
        officers
        or any(number_mentions(s) for s in sentences(text))
        or _ranked_name(rules).search(text)
    ):
        if not officers and asks_questions(text) and not _has(text, _REQUEST_WORDS):
            return "other"
        return "officer_maintenance"
    if is_reply and (officers or has_logo):
        return "enrollment"  # an answer to the checklist: officer rows, the logo
    return "other"


_QUESTION = re.compile(r"\?\s*$")
_REQUEST_WORDS = [
    "please", "kindly", "request", "would like", "we wish", "we want", "we'd like", "we would",
    "i would like", "i'd like", "i am writing to", "i'm writing to", "hereby",
]  # fmt: skip


def asks_questions(text: str) -> bool:
    """True when the message is mostly questions (at least half its sentences end in
    "?"): an enquiry about the process, not a request."""
    said = [s for s in sentences(text) if len(s.split()) >= 3]
    asked = [s for s in said if _QUESTION.search(s)]
    return bool(asked) and len(asked) * 2 >= len(said)


@per_rules
def _ranked_name(rules: Rules) -> re.Pattern[str]:
    """A rank word before a capitalised name ("Officer Dana Reyes", "Sgt. Hale")."""
    ranks = sorted((r for r, t in rules.language.people.ranks.items() if t), key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in ranks)
    return re.compile(rf"(?<![\w.])(?i:{alt})\.?[ \t]+[A-Z][a-z'’-]++", re.M)


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
