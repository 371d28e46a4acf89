"""Case logic, pure: the names kept for the modules and tests that import them from here.

The logic lives in :mod:`mailbot.domain`: references, merging a reply into a case
(:func:`merge`, every change a :class:`Revision`), and the status machine.
"""

from __future__ import annotations

from mailbot.domain.enums import CaseFlag, CaseKind, CaseStatus
from mailbot.domain.merge import (
    CONTACT_PATHS,
    Revision,
    apply_revisions,
    is_contact_change,
    merge,
    provenance_update,
)
from mailbot.domain.references import find_reference, format_reference
from mailbot.domain.status import (
    OPEN_STATUSES,
    can_transition,
    status_after_check,
    transition,
)
from mailbot.domain.values import is_blank

__all__ = [
    "CONTACT_PATHS",
    "OPEN_STATUSES",
    "CaseFlag",
    "CaseKind",
    "CaseStatus",
    "Revision",
    "apply_revisions",
    "can_transition",
    "find_reference",
    "format_reference",
    "is_blank",
    "is_contact_change",
    "merge",
    "provenance_update",
    "status_after_check",
    "transition",
]
