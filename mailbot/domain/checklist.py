"""Check a case's merged request data again (after a reply is merged or staff edit it).

Case data is the request in the ``mailbot parse --json`` shape plus ``logo_info``
(metadata of the logo image read from the email, with ``reason`` when the image
breaks the logo rules), ``evidence`` (where each value was read) and ``questions``
(items whose candidates staff must confirm). Pure: no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mailbot.intake import checks
from mailbot.intake.model import ParseResult
from mailbot.intake.rules import Rules

_PUBLIC_KEYS = frozenset(ParseResult.model_fields)


def as_result(data: Mapping[str, Any]) -> ParseResult:
    """The request part of case data as a :class:`ParseResult` (extra keys dropped)."""
    return ParseResult.model_validate({k: v for k, v in data.items() if k in _PUBLIC_KEYS})


def recheck(data: Mapping[str, Any], rules: Rules) -> dict[str, Any]:
    """``data`` with ``missing`` and ``invalid`` computed afresh for its kind."""
    result = as_result(data)
    out = dict(data)
    if result.intent == "enrollment":
        logo_info = data.get("logo_info") or {}
        logo_reason = logo_info.get("reason") if result.agency.logo else None
        missing, invalid = checks.check_enrollment(result, rules, logo_reason)
        # an item of which the message holds candidates is a question for staff: the
        # sender is not asked for it again ("never ask for what was given")
        asked = {q.get("field") for q in data.get("questions") or [] if isinstance(q, dict)}
        out["missing"] = [p for p in missing if p not in asked]
        out["to_confirm"] = [p for p in missing if p in asked]
        out["invalid"] = [i.model_dump() for i in invalid]
    elif result.intent == "officer_maintenance":
        missing = []
        for i, change in enumerate(result.changes):
            missing += [f"changes[{i}].{name}" for name in checks.check_change(change, rules)]
        if not result.changes:
            missing.append("changes")
        out["missing"] = missing
        out["invalid"] = []
    return out


def is_complete(data: Mapping[str, Any]) -> bool:
    return not data.get("missing") and not data.get("invalid")
