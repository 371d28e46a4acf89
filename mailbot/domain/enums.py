"""The names the desk uses for cases: kinds, statuses, flags, audit actions, templates."""

from __future__ import annotations

import enum

__all__ = [
    "AuditAction",
    "CaseFlag",
    "CaseKind",
    "CaseStatus",
    "MessageOutcome",
    "OfficerStatus",
    "Template",
    "kind_of",
]


class MessageOutcome(enum.StrEnum):
    """What became of one message seen in the mailbox."""

    PROCESSED = "processed"  # parsed and attached to a case
    REVIEW = "review"  # parsed, but a person must look (unexpected, ambiguous)
    QUARANTINED = "quarantined"  # could not be parsed; raw kept for reprocessing
    TOO_LARGE = "too_large"  # over the size limit; body never fetched
    AUTOMATED = "automated"  # auto-reply, bounce, list mail: never answered
    DUPLICATE = "duplicate"  # same Message-ID or raw bytes as an earlier message
    IGNORED = "ignored"  # our own mail coming back, or nothing to do


class CaseKind(enum.StrEnum):
    """What a case asks for: the intents that open a case."""

    ENROLLMENT = "enrollment"
    OFFICER_MAINTENANCE = "officer_maintenance"


def kind_of(intent: str | None) -> CaseKind | None:
    """The kind of case a message of ``intent`` (:data:`mailbot.intake.model.Intent`)
    opens; None for "other"."""
    try:
        return CaseKind(intent) if intent else None
    except ValueError:
        return None


class CaseStatus(enum.StrEnum):
    NEEDS_INFO = "needs_info"  # the sender was told what is missing
    IN_REVIEW = "in_review"  # complete; waiting for DPS staff
    APPROVED = "approved"
    REJECTED = "rejected"
    FAILED = "failed"  # something broke (e.g. the reply bounced); staff must look


class OfficerStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class CaseFlag(enum.StrEnum):
    """What a case is marked with for staff (labels in :mod:`mailbot.review.common`)."""

    UNVERIFIED_SENDER = "unverified_sender"
    AMBIGUOUS_SENDER = "ambiguous_sender"
    UNEXPECTED_FOLLOW_UP = "unexpected_follow_up"
    LATE_FOLLOW_UP = "late_follow_up"
    NOT_AGENCY_CONTACT = "not_agency_contact"
    CONFLICT = "conflict"
    ROSTER_PROBLEM = "roster_problem"
    REPLY_NOT_SENT = "reply_not_sent"
    DELIVERY_FAILED = "delivery_failed"
    REPLY_BOUNCED = "reply_bounced"
    CONTACT_SUPPRESSED = "contact_suppressed"
    CHANGES_HELD = "changes_held"
    CONTROL_CHARACTERS_REMOVED = "control_characters_removed"


class AuditAction(enum.StrEnum):
    """What an audit trail entry records (``audit_events.action``)."""

    RECEIVED = "received"
    MERGED = "merged"
    HELD_UNVERIFIED = "held_unverified"
    FOLLOW_UP_HELD = "follow_up_held"
    BOUNCED = "bounced"
    ADDRESS_SUPPRESSED = "address_suppressed"
    ADDRESS_UNSUPPRESSED = "address_unsuppressed"
    CONTROL_CHARACTERS_REMOVED = "control_characters_removed"
    REPLY_SUPPRESSED = "reply_suppressed"
    REPLIED = "replied"
    SEND_ATTEMPT = "send_attempt"
    DELIVERY_FAILED = "delivery_failed"
    EDITED = "edited"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACCEPTED_UNVERIFIED = "accepted_unverified"
    PROPOSAL_ACCEPTED = "proposal_accepted"
    PROPOSAL_DROPPED = "proposal_dropped"
    REPROCESSED = "reprocessed"
    RAW_PURGED = "raw_purged"
    UIDVALIDITY_CHANGED = "uidvalidity_changed"


class Template(enum.StrEnum):
    """The reply templates under ``templates/`` (one folder each)."""

    ACKNOWLEDGEMENT = "acknowledgement"
    CHECKLIST = "checklist"
    COMPLETE = "complete"
    CONTACT_CHANGED = "contact_changed"
    JUDICIAL_BUREAU_NOTICE = "judicial_bureau_notice"
    MAINTENANCE_APPLIED = "maintenance_applied"
    MAINTENANCE_RECEIVED = "maintenance_received"
    MAINTENANCE_REFUSED = "maintenance_refused"
    READY_FOR_USE = "ready_for_use"
    REJECTED = "rejected"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
