"""Merging a reply into a case: new values fill gaps, a different value replaces the
old one, and every change comes back as a :class:`Revision` so the history (and where
each value came from) can be kept. Pure.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mailbot.domain.case_data import CaseData
from mailbot.domain.paths import FieldPath, Part
from mailbot.domain.values import Json, is_blank
from mailbot.intake.officer_fields import OFFICER_IDENTITY


@dataclass(frozen=True)
class Revision:
    """One value a merge set: ``old`` is None when it filled a gap."""

    path: FieldPath
    old: Json
    new: Json

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


def _norm(value: Json) -> str:
    return " ".join(str(value).split()).casefold() if not is_blank(value) else ""


def merge(
    old: Mapping[str, Json], new: Mapping[str, Json]
) -> tuple[dict[str, Json], list[Revision]]:
    """Merge a reply's parse result (``new``) into a case's data (``old``).

    - a non-blank new value fills a gap or replaces a different old value; blank
      values (None, "") never erase anything, and text differing only in letter case
      or spacing is not a change;
    - ``intent`` "other" never replaces a known intent; ``sender`` and ``automated``
      keep the first message's values;
    - officers are matched by officer number, else by last and first name, else by
      position (an all-blank row is a placeholder that keeps its position, so a reply
      giving only "row 2 username: jdoe" parses as ``[{}, {"dps_username": "jdoe"}]``);
      unmatched rows are added, rows the reply leaves out are kept;
    - changes (officer maintenance) are matched by action and officer number;
    - ``missing`` and ``invalid`` are left as they were: re-check the merged data.

    Neither argument is modified. Revisions name the changed value by path:
    ``agency.phone``, ``officers[1].dps_username`` (0-based rows).
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
            known = _list(merged.get(key))
            merged[key] = known + [n for n in value if n not in known]
        elif key == "officers" and isinstance(value, list):
            merged[key] = _merge_rows(_list(merged.get(key)), value, key, _match_officer, revisions)
        elif key == "changes" and isinstance(value, list):
            merged[key] = _merge_rows(_list(merged.get(key)), value, key, _match_change, revisions)
        else:
            merged[key] = _merge_value(merged.get(key), value, FieldPath.of(key), revisions)
    return merged, revisions


def _merge_value(old: Json, new: Json, path: FieldPath, revisions: list[Revision]) -> Json:
    if isinstance(new, Mapping) and (old is None or isinstance(old, Mapping)):
        result: dict[str, Json] = dict(old or {})
        for key, value in new.items():
            result[key] = _merge_value(result.get(key), value, path.child(key), revisions)
        return result
    if is_blank(new) or new == old or (isinstance(new, str) and _norm(new) == _norm(old)):
        return old
    revisions.append(Revision(path, copy.deepcopy(old), copy.deepcopy(new)))
    return copy.deepcopy(new)


def _compatible(a: Mapping[str, Json], b: Mapping[str, Json], fields: tuple[str, ...]) -> bool:
    return all(
        is_blank(a.get(f)) or is_blank(b.get(f)) or _norm(a[f]) == _norm(b[f]) for f in fields
    )


def _same_number(a: Mapping[str, Json], b: Mapping[str, Json]) -> bool:
    return not is_blank(a.get("officer_number")) and _norm(a["officer_number"]) == _norm(
        b.get("officer_number")
    )


def _same_name(a: Mapping[str, Json], b: Mapping[str, Json]) -> bool:
    return all(
        not is_blank(a.get(f)) and _norm(a[f]) == _norm(b.get(f))
        for f in ("last_name", "first_name")
    )


def _match_officer(
    row: Mapping[str, Json], index: int, old_rows: list[dict[str, Json]], taken: set[int]
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
    row: Mapping[str, Json], index: int, old_rows: list[dict[str, Json]], taken: set[int]
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


_Match = Callable[[Mapping[str, Json], int, list[dict[str, Json]], set[int]], int | None]


def _merge_rows(
    old_rows: list[Json],
    new_rows: list[Json],
    key: str,
    match: _Match,
    revisions: list[Revision],
) -> list[Json]:
    rows: list[dict[str, Json]] = [dict(r) if isinstance(r, Mapping) else {} for r in old_rows]
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
        value = _merge_value(rows[at], dict(row), FieldPath.of(key, at), revisions)
        rows[at] = value if isinstance(value, dict) else {}
    return list(rows)


def _list(value: Json) -> list[Json]:
    return list(value) if isinstance(value, list) else []


def merge_case(old: CaseData, new: CaseData) -> tuple[CaseData, list[Revision]]:
    """:func:`merge` on typed case data."""
    merged, revisions = merge(old.stored(), new.stored())
    return CaseData.load(merged), revisions


def revised(data: CaseData, revisions: list[Revision]) -> CaseData:
    """:func:`apply_revisions` on typed case data."""
    return CaseData.load(apply_revisions(data.stored(), revisions))


def provenance_of(data: Mapping[str, Json], message_id: int | None) -> dict[str, Json]:
    """The provenance of a case opened from ``data``: every value in it (by path)
    comes from ``message_id``."""
    return provenance_update({}, merge({}, data)[1], message_id)


def provenance_update(
    provenance: Mapping[str, Json], revisions: list[Revision], message_id: int | None
) -> dict[str, Json]:
    """``provenance`` with every revised path now pointing at ``message_id``."""
    result = dict(provenance)
    for revision in revisions:
        result[str(FieldPath(revision.path))] = message_id
    return result


# --- trust: what a message may change on its own ---------------------------------------

# A contact address: a change is never applied by the bot, only by staff.
CONTACT_PATHS = frozenset({"point_of_contact.email", "head_of_department.email"})


def is_contact_change(revision: Revision) -> bool:
    """True when ``revision`` replaces a contact address (filling a gap is not)."""
    return revision.path in CONTACT_PATHS and revision.replaced


def apply_revisions(data: Mapping[str, Json], revisions: list[Revision]) -> dict[str, Json]:
    """``data`` with each revision's new value set at its path (``agency.phone``,
    ``officers[3].last_name``); rows are added at the end when the path names the next
    one. Revisions come from :func:`merge` on the same ``data``. Pure."""
    result = copy.deepcopy(dict(data))
    for revision in revisions:
        keys = FieldPath(revision.path).parts
        if not keys:
            continue
        target: Json = result
        for key, following in itertools.pairwise(keys):
            target = _step(target, key, [] if isinstance(following, int) else {})
        _put(target, keys[-1], copy.deepcopy(revision.new))
    return result


def _step(target: Json, key: Part, default: Json) -> Json:
    if isinstance(target, list):
        index = int(key)
        while len(target) <= index:
            target.append({})
        return target[index]
    if not isinstance(target, dict):
        raise TypeError(f"no field {key!r} in a value")
    if not isinstance(target.get(str(key)), list | dict):
        target[str(key)] = default
    return target[str(key)]


def _put(target: Json, key: Part, value: Json) -> None:
    if isinstance(target, list):
        index = int(key)
        while len(target) <= index:
            target.append({})
        target[index] = value
    elif isinstance(target, dict):
        target[str(key)] = value
    else:
        raise TypeError(f"no field {key!r} in a value")
