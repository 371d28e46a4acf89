"""Facts, cases and policies for the pure decision tests (no store, no servers)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import CaseKind, CaseStatus
from mailbot.domain.facts import CaseState, Facts, Mailbox, Policy, Reading, Trust
from mailbot.intake.rules import load_rules

SENDER = "alussier@hartfordvt.gov"


@cache
def policy(**trust: str) -> Policy:
    base = {"enrollment": "flag", "roster_change": "require", "follow_up": "flag"}
    return Policy(rules=load_rules(), trust={**base, **trust}, reply_cap=5)


def enrolment(**over: Any) -> dict[str, Any]:
    """A complete enrolment request as case data."""
    data: dict[str, Any] = {
        "intent": "enrollment",
        "sender": SENDER,
        "automated": False,
        "agency": {
            "name": "Hartford Police Department",
            "judiciary_code": "0614",
            "address": "812 VA Cutoff Road, White River Junction, VT 05001",
            "phone": "(802) 295-9425",
            "logo": "logo.png",
        },
        "point_of_contact": {"name": "Amy Lussier", "email": SENDER},
        "head_of_department": {"name": "Robert Tanner", "title": "Chief of Police"},
        "officers": [
            {
                "last_name": "Lussier",
                "first_name": "Amy",
                "title": "Sergeant",
                "officer_number": "HA014",
                "dps_username": "alussier",
            }
        ],
        "changes": [],
        "missing": [],
        "invalid": [],
    }
    data.update(over)
    return data


def reading(data: dict[str, Any] | None = None, **over: Any) -> Reading:
    data = enrolment() if data is None else data
    return Reading(
        intent=data.get("intent", "other"),
        data=CaseData.load(data),
        agency_code=(data.get("agency") or {}).get("judiciary_code"),
        poc_email=(data.get("point_of_contact") or {}).get("email"),
        **over,
    )


def facts(**over: Any) -> Facts:
    base = Facts(
        ledger_id=7,
        sender=SENDER,
        trust=Trust(configured=True, verified=True, reason="dmarc=pass"),
        reading=reading(),
        mailbox=Mailbox(SENDER),
    )
    return replace(base, **over)


def case(**over: Any) -> CaseState:
    base = CaseState(
        id=3,
        reference="ETK-0003",
        kind=CaseKind.ENROLLMENT,
        status=CaseStatus.NEEDS_INFO,
        sender=SENDER,
        poc_email=SENDER,
        agency_code="0614",
        data=CaseData.load(enrolment()),
    )
    if isinstance(over.get("data"), dict):
        over["data"] = CaseData.load(over["data"])
    return replace(base, **over)
