"""Case logic, pure: references, merging a reply into a case, and the status machine.

No database, no clock. The store (``mailbot.store``) persists what these functions
decide.

A case's ``data`` is a request in the ``mailbot parse --json`` shape. A reply is
merged into it with :func:`merge`: new values fill gaps, a different value replaces
the old one, and every change comes back as a :class:`Revision` so the history (and
where each value came from) can be kept.
"""

from __future__ import annotations

import copy
import enum
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mailbot.errors import CaseError
from mailbot.intake.officer_fields import OFFICER_IDENTITY


class CaseKind(enum.StrEnum):
    ENROLLMENT = "enrollment"
    OFFICER_MAINTENANCE = "officer_maintenance"


class CaseStatus(enum.StrEnum):
    NEEDS_INFO = "needs_info"  # the sender was told what is missing
    IN_REVIEW = "in_review"  # complete; waiting for DPS staff
    APPROVED = "approved"
    REJECTED = "rejected"
    FAILED = "failed"  # something broke (e.g. the reply bounced); staff must look


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


# --- references -------------------------------------------------------------------


def format_reference(prefix: str, case_id: int) -> str:
    """The case reference shown in every reply subject: ``format_reference("ETK", 42)``
    is ``"ETK-0042"`` (at least four digits, more when the id needs them)."""
    if case_id < 1:
        raise ValueError(f"case id must be positive, got {case_id}")
    return f"{prefix.upper()}-{case_id:04d}"


def find_reference(subject: str, prefix: str) -> str | None:
    """The case reference in a reply subject, in canonical form, or None.

    Finds ``[ETK-0042]`` or a bare ``ETK-0042`` (any case, any zero padding); a
    bracketed reference wins over a bare one. ``XETK-0042`` or ``ETK-0042A`` do not count.
    """
    pattern = re.compile(
        rf"(\[)?(?<![A-Za-z0-9]){re.escape(prefix)}-(\d{{1,9}})(?![A-Za-z0-9])(\])?",
        re.IGNORECASE,
    )
    bare: str | None = None
    for match in pattern.finditer(subject or ""):
        number = int(match.group(2))
        if number < 1:
            continue
        reference = format_reference(prefix, number)
        if match.group(1) and match.group(3):
            return reference
        bare = bare or reference
    return bare


# --- merge ------------------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """One value a merge set: ``old`` is None when it filled a gap."""

    path: str
    old: Any
    new: Any

    @property
    def replaced(self) -> bool:
        """True when a value was corrected rather than a gap filled."""
        return not is_blank(self.old)


# Recomputed by re-checking the merged data, never merged.
# The checklist is re-checked; where the first message's values stood and the staff
# questions about them are kept as read.
_NOT_MERGED = frozenset({"missing", "invalid", "to_confirm", "evidence", "questions"})
# Facts about the first message of a case; a reply does not change them.
_KEEP_FIRST = frozenset({"sender", "automated"})


def is_blank(value: Any) -> bool:
    """True when ``value`` says nothing: None, text of only spaces, or an empty
    mapping or list. 0 and False are values."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, Mapping | list | tuple) and not value


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if not is_blank(value) else ""


def merge(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict[str, Any], list[Revision]]:
    """Merge a reply's parse result (``new``) into a case's data (``old``).

    - a non-blank new value fills a gap or replaces a different old value; blank
      values (:func:`is_blank`) never erase anything, and text differing only in
      letter case or spacing is not a change;
    - ``intent`` "other" never replaces a known intent; ``sender`` and ``automated``
      keep the first message's values;
    - officers are matched by officer number, else by last and first name, else by
      position (an all-blank row is a placeholder that keeps its position, so a reply
      giving only "row 2 username: jdoe" parses as ``[{}, {"dps_username": "jdoe"}]``);
      unmatched rows are added, rows the reply leaves out are kept;
    - changes (officer maintenance) are matched by action and officer number;
    - ``missing`` and ``invalid`` are left as they were: re-check the merged data.

    Neither argument is modified. Revisions name the changed value by path:
    ``agency.phone``, ``officers.1.dps_username`` (0-based rows).
    """
    merged = copy.deepcopy(dict(old))
    revisions: list[Revision] = []
    for key, value in new.items():
        if key in _NOT_MERGED:
            continue
        if key in _KEEP_FIRST and key in merged and not is_blank(merged[key]):
            continue
        if key == "intent" and (value == "other" or is_blank(value)) and key in merged:
            continue
        if key == "notes" and isinstance(value, list):
            known = list(merged.get(key) or [])
            merged[key] = known + [n for n in value if n not in known]
        elif key == "officers" and isinstance(value, list):
            merged[key] = _merge_rows(merged.get(key) or [], value, key, _match_officer, revisions)
        elif key == "changes" and isinstance(value, list):
            merged[key] = _merge_rows(merged.get(key) or [], value, key, _match_change, revisions)
        else:
            merged[key] = _merge_value(merged.get(key), value, key, revisions)
    return merged, revisions


def _merge_value(old: Any, new: Any, path: str, revisions: list[Revision]) -> Any:
    if isinstance(new, Mapping) and (old is None or isinstance(old, Mapping)):
        result = dict(old or {})
        for key, value in new.items():
            result[key] = _merge_value(result.get(key), value, f"{path}.{key}", revisions)
        return result
    if is_blank(new) or new == old or (isinstance(new, str) and _norm(new) == _norm(old)):
        return old
    revisions.append(Revision(path, copy.deepcopy(old), copy.deepcopy(new)))
    return copy.deepcopy(new)


def _compatible(a: Mapping[str, Any], b: Mapping[str, Any], fields: tuple[str, ...]) -> bool:
    return all(
        is_blank(a.get(f)) or is_blank(b.get(f)) or _norm(a[f]) == _norm(b[f]) for f in fields
    )


def _same_number(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return not is_blank(a.get("officer_number")) and _norm(a["officer_number"]) == _norm(
        b.get("officer_number")
    )


def _same_name(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(
        not is_blank(a.get(f)) and _norm(a[f]) == _norm(b.get(f))
        for f in ("last_name", "first_name")
    )


def _match_officer(
    row: Mapping[str, Any], index: int, old_rows: list[dict[str, Any]], taken: set[int]
) -> int | None:
    free = [i for i in range(len(old_rows)) if i not in taken]
    for test in (_same_number, _same_name):
        for i in free:
            if test(row, old_rows[i]):
                return i
    # A last name only one officer has ("Hale - jhale"), unless the row says otherwise.
    if not is_blank(row.get("last_name")):
        same = [
            i
            for i, old in enumerate(old_rows)
            if _norm(old.get("last_name")) == _norm(row["last_name"])
        ]
        if (
            len(same) == 1
            and same[0] in free
            and _compatible(row, old_rows[same[0]], OFFICER_IDENTITY)
        ):
            return same[0]
    # By position, only when nothing the row says contradicts the old row there.
    if index in free and _compatible(row, old_rows[index], OFFICER_IDENTITY):
        return index
    return None


def _match_change(
    row: Mapping[str, Any], index: int, old_rows: list[dict[str, Any]], taken: set[int]
) -> int | None:
    free = [i for i in range(len(old_rows)) if i not in taken]
    for i in free:
        if _norm(row.get("action")) == _norm(old_rows[i].get("action")) and _same_number(
            row, old_rows[i]
        ):
            return i
    if index in free and _compatible(row, old_rows[index], ("action", "officer_number")):
        return index
    return None


def _merge_rows(
    old_rows: list[Any],
    new_rows: list[Any],
    key: str,
    match: Any,
    revisions: list[Revision],
) -> list[dict[str, Any]]:
    rows = [dict(r) if isinstance(r, Mapping) else {} for r in old_rows]
    taken: set[int] = set()
    for index, row in enumerate(new_rows):
        if not isinstance(row, Mapping):
            continue
        at = match(row, index, rows, taken)
        if at is None:
            if all(is_blank(v) for v in row.values()):
                continue  # a placeholder with nothing to match: adds nothing
            at = len(rows)
            rows.append({})
        taken.add(at)
        rows[at] = _merge_value(rows[at], dict(row), f"{key}.{at}", revisions)
    return rows


def provenance_update(
    provenance: Mapping[str, Any], revisions: list[Revision], message_id: int | None
) -> dict[str, Any]:
    """``provenance`` with every revised path now pointing at ``message_id``."""
    result = dict(provenance)
    for revision in revisions:
        result[revision.path] = message_id
    return result


# --- status machine ---------------------------------------------------------------

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


# --- trust: what a message may change on its own ---------------------------------------

# A contact address: a change is never applied by the bot, only by staff.
CONTACT_PATHS = frozenset({"point_of_contact.email", "head_of_department.email"})


def is_contact_change(revision: Revision) -> bool:
    """True when ``revision`` replaces a contact address (filling a gap is not)."""
    return revision.path in CONTACT_PATHS and revision.replaced


def apply_revisions(data: Mapping[str, Any], revisions: list[Revision]) -> dict[str, Any]:
    """``data`` with each revision's new value set at its path (``agency.phone``,
    ``officers.3.last_name``); rows are added at the end when the path names the next
    one. Revisions come from :func:`merge` on the same ``data``. Pure."""
    result = copy.deepcopy(dict(data))
    for revision in revisions:
        keys = revision.path.split(".")
        target: Any = result
        for key, following in itertools.pairwise(keys):
            if isinstance(target, list):
                index = int(key)
                while len(target) <= index:
                    target.append({})
                target = target[index]
                continue
            default: Any = [] if following.isdigit() else {}
            if not isinstance(target.get(key), list | dict):
                target[key] = default
            target = target[key]
        last = keys[-1]
        if isinstance(target, list):
            index = int(last)
            while len(target) <= index:
                target.append({})
            target[index] = copy.deepcopy(revision.new)
        else:
            target[last] = copy.deepcopy(revision.new)
    return result
