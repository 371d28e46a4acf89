"""The case status machine: which moves are allowed."""

from __future__ import annotations

from mailbot.domain.enums import CaseStatus
from mailbot.errors import CaseError

_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEEDS_INFO: frozenset(
        {CaseStatus.NEEDS_INFO, CaseStatus.IN_REVIEW, CaseStatus.REJECTED, CaseStatus.FAILED}
    ),
    CaseStatus.IN_REVIEW: frozenset(
        {
            CaseStatus.IN_REVIEW,
            CaseStatus.NEEDS_INFO,  # a reply or staff edit made it incomplete again
            CaseStatus.APPROVED,
            CaseStatus.REJECTED,
            CaseStatus.FAILED,
        }
    ),
    CaseStatus.APPROVED: frozenset({CaseStatus.FAILED}),
    CaseStatus.REJECTED: frozenset({CaseStatus.FAILED}),
    # Staff looked at what broke and put the case back in the queue.
    CaseStatus.FAILED: frozenset({CaseStatus.NEEDS_INFO, CaseStatus.IN_REVIEW}),
}

OPEN_STATUSES = frozenset({CaseStatus.NEEDS_INFO, CaseStatus.IN_REVIEW})


def can_transition(current: str, target: str) -> bool:
    """Whether a case in ``current`` may move to ``target``."""
    try:
        return CaseStatus(target) in _TRANSITIONS[CaseStatus(current)]
    except ValueError:
        return False


def transition(current: str, target: str) -> CaseStatus:
    """``target`` as a status, or :class:`CaseError` when the move is not allowed."""
    if not can_transition(current, target):
        raise CaseError(f"a case cannot go from {current} to {target}")
    return CaseStatus(target)


def status_after_check(current: str, complete: bool) -> CaseStatus:
    """The status after re-checking an open case: in review when complete, else needs info.

    Raises :class:`CaseError` for a closed case (approved, rejected, failed): new mail
    about it must not reopen it silently.
    """
    if CaseStatus(current) not in OPEN_STATUSES:
        raise CaseError(f"the case is {current}; new information needs staff review")
    return transition(current, CaseStatus.IN_REVIEW if complete else CaseStatus.NEEDS_INFO)
