"""Check a case's merged request data again (after a reply is merged or staff edit it).

Case data (:class:`~mailbot.domain.case_data.CaseData`) is the request in the
``mailbot parse --json`` shape plus ``logo_info`` (metadata of the logo image read
from the email, with ``reason`` when the image breaks the logo rules), ``evidence``
(where each value was read) and ``questions`` (items whose candidates staff must
confirm). Pure: no database.
"""

from __future__ import annotations

from collections.abc import Mapping

from mailbot.domain.case_data import CaseData, Problem
from mailbot.domain.values import Json
from mailbot.intake import checks
from mailbot.intake.model import ParseResult
from mailbot.intake.rules import Rules

_PUBLIC_KEYS = frozenset(ParseResult.model_fields)


def as_result(data: Mapping[str, object] | CaseData) -> ParseResult:
    """The request part of case data as a :class:`ParseResult` (extra keys dropped)."""
    values = data.stored() if isinstance(data, CaseData) else data
    return ParseResult.model_validate({k: v for k, v in values.items() if k in _PUBLIC_KEYS})


def check(data: CaseData, rules: Rules) -> CaseData:
    """``data`` with ``missing`` and ``invalid`` computed afresh for its kind."""
    result = as_result(data)
    if result.intent == "enrollment":
        logo_reason = data.logo_info.reason if data.logo_info and result.agency.logo else None
        missing, invalid = checks.check_enrollment(result, rules, logo_reason)
        # an item of which the message holds candidates is a question for staff: the
        # sender is not asked for it again ("never ask for what was given")
        asked = {q.field for q in data.questions}
        return data.changed(
            missing=[p for p in missing if p not in asked],
            to_confirm=[p for p in missing if p in asked],
            invalid=[i.model_dump() for i in invalid],
        )
    if result.intent == "officer_maintenance":
        needed: list[str] = []
        for i, change in enumerate(result.changes):
            needed += [f"changes[{i}].{name}" for name in checks.check_change(change, rules)]
        if not result.changes:
            needed.append("changes")
        return data.changed(missing=needed, invalid=[])
    return data


def recheck(data: Mapping[str, Json], rules: Rules) -> dict[str, Json]:
    """:func:`check` on stored case data."""
    return check(CaseData.load(data), rules).stored()


def is_complete(data: Mapping[str, object] | CaseData) -> bool:
    if isinstance(data, CaseData):
        return data.complete
    return not data.get("missing") and not data.get("invalid")


__all__ = ["Problem", "as_result", "check", "is_complete", "recheck"]
