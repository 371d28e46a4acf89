"""The row-level diff of a roster change request (procedure section 6.3).

The parser reads a roster change request into ``changes`` (``action`` add, update or
deactivate, the officer number, and the fields that change; ``agency`` for a
transfer). :func:`diff_changes` turns them into rows, "what changes, from what, to
what", against the roster, with anything staff must look at named in ``problem``.
Pure: the caller loads the :class:`~mailbot.domain.roster.RosterIndex`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from mailbot.domain.enums import OfficerStatus
from mailbot.domain.roster import AgencyRef, OfficerRef, RosterIndex, norm_number, norm_username
from mailbot.domain.values import Json, is_blank

NO_SUCH_OFFICER = "no such officer"
OTHER_AGENCY = "officer belongs to another agency"
TRANSFER_IN = "transfer takes an officer from another agency"
RENUMBERED = (
    "officer number {new} is not on file; {name} on file is {old}: approval changes the number"
)
_EDITABLE = ("last_name", "first_name", "title", "dps_username")
_ADD_NEEDS = ("officer_number", "last_name", "first_name", "dps_username")
_LABEL = {
    "last_name": "last name",
    "first_name": "first name",
    "title": "rank/title",
    "officer_number": "officer number",
    "dps_username": "DPS username",
}


class DiffRow(NamedTuple):
    """One line of a roster change: ``field`` goes from ``old`` to ``new``.

    ``problem`` says what staff must look at; a ``blocking`` problem stops approval
    until the case is edited (or rejected). ``index`` is the change's row in the case.
    A named tuple (the review queue builds these by the hundred, and the listings
    import no dataclasses): ``_asdict()`` gives it as JSON shows it.
    """

    index: int  # type: ignore[assignment]  # (tuple.index, a method no caller uses)
    action: str
    officer_number: str | None
    officer_name: str
    field: str | None
    old: str | None
    new: str | None
    problem: str | None = None
    blocking: bool = False


def _text(value: object) -> str | None:
    return None if is_blank(value) else " ".join(str(value).split())


def _name(data: Mapping[str, Json] | OfficerRef | None) -> str:
    if data is None:
        return ""
    if isinstance(data, OfficerRef):
        last, first = data.last_name, data.first_name
    else:
        last, first = _text(data.get("last_name")) or "", _text(data.get("first_name")) or ""
    return ", ".join(p for p in (last, first) if p)


def _simplify(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.lower()).split()
    return " ".join(w for w in words if w != "the")


def resolve_agency(index: RosterIndex, text: str) -> AgencyRef | None:
    """The agency a transfer names: by judiciary code, exact name, or a unique name
    that starts with the words given ("Hartford Police" for "Hartford Police Department")."""
    wanted = _simplify(text)
    if not wanted:
        return None
    by_code = index.by_code.get(text.strip())
    if by_code is not None:
        return by_code
    names = [(a, _simplify(a.name)) for a in index.agencies.values()]
    exact = [a for a, n in names if n == wanted]
    if len(exact) == 1:
        return exact[0]
    prefix = [a for a, n in names if n.startswith(wanted) or wanted.startswith(n)]
    return prefix[0] if len(prefix) == 1 else None


def _find(index: RosterIndex, agency_id: int, change: Mapping[str, Json]) -> OfficerRef | None:
    number = norm_number(change.get("officer_number"))
    if number:
        return index.officer(number)
    return _by_name(index, agency_id, change)


def _by_name(index: RosterIndex, agency_id: int, change: Mapping[str, Json]) -> OfficerRef | None:
    """The one officer of the agency with the change's last name (and first name, when
    it gives one)."""
    last = (_text(change.get("last_name")) or "").casefold()
    first = (_text(change.get("first_name")) or "").casefold()
    if not last:
        return None
    matches = [
        o
        for o in index.officers_of(agency_id)
        if o.last_name.casefold() == last and (not first or o.first_name.casefold() == first)
    ]
    return matches[0] if len(matches) == 1 else None


def diff_changes(
    index: RosterIndex, agency_id: int, changes: Sequence[Mapping[str, Json]]
) -> list[DiffRow]:
    """Pure: the rows of ``changes`` asked by agency ``agency_id``, against ``index``."""
    out: list[DiffRow] = []
    for i, raw in enumerate(changes):
        change = dict(raw) if isinstance(raw, Mapping) else {}
        action = str(change.get("action") or "update")
        officer = _find(index, agency_id, change)
        renumber = None
        if officer is None and action == "update" and change.get("officer_number"):
            # A number corrected by the sender ("his number is AB123, not AB132"): the
            # officer the change names keeps his record, which staff see renumbered.
            officer = _by_name(index, agency_id, change)
            if officer is not None:
                renumber = norm_number(change.get("officer_number"))
        given = None if renumber else norm_number(change.get("officer_number"))
        number = given or (officer.officer_number if officer else None)
        name = _name(change) or _name(officer)

        def row(
            field: str | None,
            old: object,
            new: object,
            problem: str | None = None,
            blocking: bool = False,
            *,
            _i: int = i,
            _action: str = action,
            _number: str | None = number,
            _who: str = name,
        ) -> DiffRow:
            return DiffRow(
                _i, _action, _number, _who, field, _text(old), _text(new), problem, blocking
            )

        if action == "add":
            out.extend(_diff_add(index, agency_id, change, officer, row))
        elif action == "deactivate":
            if officer is None:
                out.append(row("status", None, "inactive", NO_SUCH_OFFICER, True))
            elif officer.agency_id != agency_id:
                out.append(
                    row(
                        "status",
                        officer.status,
                        "inactive",
                        f"{OTHER_AGENCY} ({index.owner_label(officer)})",
                        True,
                    )
                )
            elif officer.status == OfficerStatus.INACTIVE:
                out.append(row("status", officer.status, "inactive", "already inactive"))
            else:
                out.append(row("status", officer.status, "inactive"))
        else:
            out.extend(_diff_update(index, agency_id, change, officer, row, renumber))
    return out


_Row = Callable[..., DiffRow]


def _diff_add(
    index: RosterIndex,
    agency_id: int,
    change: Mapping[str, Json],
    officer: OfficerRef | None,
    row: _Row,
) -> list[DiffRow]:
    summary = ", ".join(
        p
        for p in (
            _name(change),
            _text(change.get("title")),
            f"username {norm_username(change.get('dps_username'))}"
            if change.get("dps_username")
            else None,
        )
        if p
    )
    problems: list[tuple[str, bool]] = []
    lacking = [_LABEL[f] for f in _ADD_NEEDS if is_blank(change.get(f))]
    if lacking:
        problems.append((f"missing {', '.join(lacking)}", True))
    old = None
    if officer is not None:
        old = f"{officer.status} with {index.owner_label(officer)}"
        if officer.agency_id != agency_id:
            problems.append(
                (f"officer number already belongs to {index.owner_label(officer)}", True)
            )
        elif officer.status == OfficerStatus.ACTIVE:
            problems.append(("officer is already on this roster", True))
        else:
            problems.append(("officer is on this roster as inactive; approval reactivates", False))
    user = norm_username(change.get("dps_username"))
    holder = index.by_username.get(user) if user else None
    if holder is not None and (officer is None or holder.id != officer.id):
        problems.append(
            (
                f"DPS username already used by officer {holder.officer_number} "
                f"of {index.owner_label(holder)}",
                True,
            )
        )
    problem = "; ".join(p for p, _ in problems) or None
    return [row("officer", old, summary, problem, any(b for _, b in problems))]


def _diff_update(
    index: RosterIndex,
    agency_id: int,
    change: Mapping[str, Json],
    officer: OfficerRef | None,
    row: _Row,
    renumber: str | None = None,
) -> list[DiffRow]:
    if officer is None:
        return [row(None, None, None, NO_SUCH_OFFICER, True)]
    target_text = _text(change.get("agency"))
    target = resolve_agency(index, target_text) if target_text else None
    problem: str | None = None
    blocking = False
    if officer.agency_id != agency_id:
        if target is not None and target.id == agency_id:
            problem = f"{TRANSFER_IN} ({index.owner_label(officer)})"
        else:
            problem, blocking = f"{OTHER_AGENCY} ({index.owner_label(officer)})", True
    out: list[DiffRow] = []
    if renumber:
        name = f"{officer.first_name} {officer.last_name}"
        note = RENUMBERED.format(new=renumber, name=name, old=officer.officer_number)
        out.append(row("officer_number", officer.officer_number, renumber, note, blocking))
    for field in _EDITABLE:
        new = _text(change.get(field))
        if new is None:
            continue
        old = getattr(officer, field)
        if field == "dps_username":
            new = new.lower()
            holder = index.by_username.get(new)
            if holder is not None and holder.id != officer.id:
                out.append(
                    row(
                        field,
                        old,
                        new,
                        f"DPS username already used by officer {holder.officer_number}",
                        True,
                    )
                )
                continue
        if (old or "") == new:
            continue  # the change repeats what is on file (e.g. the name given with a title)
        if field in ("last_name", "first_name") and (old or "").lower() != new.lower():
            # The name given does not match the record: most likely a wrong officer
            # number, which must not rename (and then promote) somebody else.
            on_file = f"{officer.first_name} {officer.last_name}"
            mismatch = f"officer {officer.officer_number} on file is {on_file}"
            out.append(row(field, old, new, mismatch, True))
            continue
        out.append(row(field, old, new, problem, blocking))
    if target_text is not None:
        current = index.owner_label(officer)
        if target is None:
            out.append(
                row("agency", current, target_text, f"no agency {target_text!r} on file", True)
            )
        elif target.id == officer.agency_id:
            out.append(row("agency", current, target.label, "already with this agency"))
        else:
            out.append(row("agency", current, target.label, problem, blocking))
    if not out:
        out.append(row(None, None, None, problem or "nothing to change", blocking))
    return out
