"""A delivery report about one of our replies: the sender never got our answer.

The case is flagged, and hard bounces are counted against the address: after
``suppress_after_hard_bounces`` of them no more replies go to it.
"""

from __future__ import annotations

import re

from mailbot.domain.decision import Audit, Decision, Flag, Log, RecordHardBounce, Step
from mailbot.domain.enums import AuditAction, CaseFlag, MessageOutcome
from mailbot.domain.facts import Facts, Policy

_LIMIT = 1_000_000  # bytes of a report searched for the Message-ID it quotes


def is_report(content_type: str, sender: str | None) -> bool:
    """A delivery-status report, or mail from a mailer daemon or postmaster."""
    address = (sender or "").lower()
    return "report" in content_type.lower() or address.startswith(("mailer-daemon@", "postmaster@"))


def quoted_reply_ids(raw: bytes, message_id_domain: str) -> list[str]:
    """The Message-IDs of our replies a report quotes, first seen first, lower case."""
    domain = re.escape(message_id_domain.lower().encode())
    pattern = re.compile(rb"<mailbot\.[0-9a-f]{32}@" + domain + rb">", re.IGNORECASE)
    found = dict.fromkeys(m.decode().lower() for m in pattern.findall(raw[:_LIMIT]))
    return list(found)


def decide(facts: Facts, policy: Policy) -> Decision | None:
    bounce = facts.bounce
    if bounce is None:
        return None
    case = bounce.case
    steps: list[Step] = [
        Flag(CaseFlag.REPLY_BOUNCED),
        Audit(
            AuditAction.BOUNCED,
            {
                "ledger_id": facts.ledger_id,
                "outbox_id": bounce.outbox_id,
                "to": bounce.to,
                "hard": bounce.hard,
            },
        ),
        Log(
            "reply_bounced",
            "warning",
            {"reference": case.reference, "outbox_id": bounce.outbox_id, "hard": bounce.hard},
        ),
    ]
    if bounce.hard:
        threshold = policy.suppress_after_hard_bounces
        steps.append(RecordHardBounce(bounce.to))
        if not bounce.suppressed and bounce.hard_bounces + 1 >= threshold:
            steps += [
                Flag(CaseFlag.CONTACT_SUPPRESSED),
                Audit(AuditAction.ADDRESS_SUPPRESSED, {"to": bounce.to, "hard_bounces": threshold}),
                Log(
                    "address_suppressed",
                    "warning",
                    {"reference": case.reference, "outbox_id": bounce.outbox_id},
                ),
            ]
        elif bounce.suppressed:
            steps.append(Flag(CaseFlag.CONTACT_SUPPRESSED))
    return Decision(
        MessageOutcome.AUTOMATED,
        f"bounce of a reply of {case.reference}",
        case.id,
        tuple(steps),
    )
