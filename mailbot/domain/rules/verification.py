"""Sender verification: what the [trust] policy says about a sender our mail server
did not vouch for. Every message is verified on its own."""

from __future__ import annotations

from mailbot.domain.facts import Policy, Trust


def unverified(trust: Trust, policy: Policy, kind: str) -> str | None:
    """The policy ("require" or "flag") that applies to this kind of message
    (enrollment, roster_change, follow_up) when its sender is not verified; None when
    it is verified, the kind is not checked, or no sender can be verified."""
    if not trust.configured:
        return None
    rule = str(policy.trust.get(kind, "off"))
    if rule == "off" or trust.verified:
        return None
    return rule


def strictest(trust: Trust, policy: Policy, *kinds: str) -> str | None:
    """The stricter of the policies of ``kinds``: require, then flag, then None."""
    found = {unverified(trust, policy, kind) for kind in kinds}
    return "require" if "require" in found else ("flag" if "flag" in found else None)
