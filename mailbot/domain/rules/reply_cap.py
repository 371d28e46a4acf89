"""Replies are capped per address per day, and stop to an address that bounced hard
too often: the reply is then not queued and the audit trail says why."""

from __future__ import annotations

from mailbot.domain.decision import Audit, Log, Reply, Step
from mailbot.domain.enums import AuditAction
from mailbot.domain.facts import Mailbox, Policy


def allowed(mailbox: Mailbox, policy: Policy) -> tuple[bool, Log | None]:
    """Whether a reply may go to ``mailbox``, and the log line when not."""
    if mailbox.suppressed:
        return False, Log("reply_to_suppressed_address", "warning")
    if mailbox.replies_today >= policy.reply_cap:
        return False, Log("reply_cap_reached", "warning", {"cap": policy.reply_cap})
    return True, None


def reply(mailbox: Mailbox, policy: Policy, template: str) -> list[Step]:
    """The reply ``template`` to the sender, or why it is not sent."""
    if mailbox.address:
        ok, why = allowed(mailbox, policy)
        if ok:
            return [Reply(template)]
        steps: list[Step] = [why] if why is not None else []
    else:
        steps = []
    return [
        *steps,
        Audit(
            AuditAction.REPLY_SUPPRESSED,
            {"template": template, "reason": "no sender or daily cap reached"},
        ),
    ]
