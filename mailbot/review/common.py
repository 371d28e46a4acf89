"""Shared pieces of the review desk: case lookup, field paths, flag names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeGuard

from mailbot.domain.enums import CaseFlag
from mailbot.domain.values import Json
from mailbot.domain.values import is_blank as is_blank
from mailbot.errors import CaseError
from mailbot.intake.officer_fields import OFFICER_FIELDS

if TYPE_CHECKING:  # the listings import this module without SQLAlchemy
    from sqlalchemy.orm import Session

    from mailbot.store.models import Case

# Flags the poll loop or this desk put on a case, as staff read them.
FLAG_LABELS: dict[str, str] = {
    CaseFlag.UNVERIFIED_SENDER: "unverified sender",
    CaseFlag.AMBIGUOUS_SENDER: "ambiguous From header",
    CaseFlag.UNEXPECTED_FOLLOW_UP: "follow-up from an unexpected address",
    CaseFlag.LATE_FOLLOW_UP: "follow-up after the case was closed",
    CaseFlag.NOT_AGENCY_CONTACT: "sender is not the agency's PoC or head of department",
    CaseFlag.CONFLICT: "conflicts with existing records",
    CaseFlag.ROSTER_PROBLEM: "roster change needs staff attention",
    CaseFlag.REPLY_NOT_SENT: "a reply was not sent",
    CaseFlag.DELIVERY_FAILED: "a reply could not be delivered",
    CaseFlag.REPLY_BOUNCED: "a reply bounced: the sender did not get it",
    CaseFlag.CONTACT_SUPPRESSED: "replies to this contact stopped after repeated hard bounces",
    CaseFlag.CHANGES_HELD: "changes held for staff (accept or drop them)",
    CaseFlag.CONTROL_CHARACTERS_REMOVED: "control characters removed from the email's values",
}

SECTIONS = ("agency", "point_of_contact", "head_of_department")
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "agency": ("name", "judiciary_code", "address", "phone", "logo"),
    "point_of_contact": ("name", "email"),
    "head_of_department": ("name", "title"),
}
CHANGE_FIELDS = ("action", *OFFICER_FIELDS, "agency")

# Compiled on first use (re caches them): the listings import this module and never
# parse a path.
_ROW_PATH = r"^(officers|changes)\[(\d{1,5})\]\.(\w+)$"
_FIELD_PATH = r"^(\w+)\.(\w+)$"


def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag, flag.replace("_", " "))


def load_case(session: Session, reference: str) -> Case:
    """The case with ``reference``, or a one-line :class:`CaseError` saying what to do."""
    from mailbot.store import casefiles

    case = casefiles.get_case(session, reference.strip())
    if case is None:
        raise CaseError(f"no case {reference.strip()!r}; `mailbot queue` lists the open cases")
    return case


def is_mapping(value: object) -> TypeGuard[Mapping[str, Json]]:
    return type(value) is dict or isinstance(value, Mapping)  # JSON gives dicts: checked first


def section(data: Mapping[str, Json], name: str) -> dict[str, Json]:
    value = data.get(name)
    return dict(value) if is_mapping(value) else {}


def section_value(data: Mapping[str, Json], name: str, key: str) -> Json:
    """``section(data, name).get(key)``, without the copy."""
    value = data.get(name)
    return value.get(key) if is_mapping(value) else None


def section_text(data: Mapping[str, Json], name: str, key: str) -> str | None:
    """``section(data, name).get(key)`` as text: a number where text belongs is read as
    text (as :meth:`mailbot.domain.case_data.CaseData.load` reads it); anything else
    that is not text (a list, a mapping, true/false) as nothing."""
    value = section_value(data, name, key)
    if isinstance(value, str) or value is None:
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def row_views(data: Mapping[str, Json], name: str) -> list[Mapping[str, Json]]:
    """The rows of ``data[name]`` as stored, to read only (a row that is not a
    mapping reads as empty); :func:`rows` gives copies."""
    value = data.get(name)
    if not isinstance(value, list):
        return []
    return [r if is_mapping(r) else {} for r in value]


def rows(data: Mapping[str, Json], name: str) -> list[dict[str, Json]]:
    return [dict(r) for r in row_views(data, name)]


def parse_path(path: str) -> tuple[str, int | None, str]:
    """``agency.phone`` -> ("agency", None, "phone"); ``officers[2].dps_username`` ->
    ("officers", 2, "dps_username"). Raises :class:`CaseError` for anything else."""
    path = path.strip()
    m = re.match(_ROW_PATH, path)
    if m:
        group, index, name = m.group(1), int(m.group(2)), m.group(3)
        allowed = OFFICER_FIELDS if group == "officers" else CHANGE_FIELDS
        if name not in allowed:
            raise CaseError(f"unknown field {path!r}: a row of {group} has {', '.join(allowed)}")
        return group, index, name
    m = re.match(_FIELD_PATH, path)
    if m and m.group(1) in SECTION_FIELDS:
        if m.group(2) not in SECTION_FIELDS[m.group(1)]:
            raise CaseError(
                f"unknown field {path!r}: {m.group(1)} has {', '.join(SECTION_FIELDS[m.group(1)])}"
            )
        return m.group(1), None, m.group(2)
    raise CaseError(
        f"unknown field {path!r}; use e.g. agency.phone, point_of_contact.email, "
        "officers[0].dps_username or changes[0].title (rows count from 0)"
    )


def flatten(data: Mapping[str, Json]) -> list[tuple[str, Json]]:
    """Every value of a request as (path, value), in reading order."""
    out: list[tuple[str, Json]] = []
    for name in SECTIONS:
        values = section(data, name)
        for field in SECTION_FIELDS[name]:
            out.append((f"{name}.{field}", values.get(field)))
    for i, row in enumerate(rows(data, "officers")):
        for field in OFFICER_FIELDS:
            out.append((f"officers[{i}].{field}", row.get(field)))
    for i, row in enumerate(rows(data, "changes")):
        for field in (*CHANGE_FIELDS, *sorted(set(row) - set(CHANGE_FIELDS))):
            if field in row:
                out.append((f"changes[{i}].{field}", row.get(field)))
    return out
