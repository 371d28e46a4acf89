"""Agency and officer records as staff list them, and the export for keying into TraCS.

Column queries (no ORM objects, no per-row queries) over a Session. The ``agencies``,
``officers`` and ``export`` commands read the same rows without SQLAlchemy, with
:mod:`mailbot.store.listing`; ``tests/integration/test_listing_paths.py`` keeps the
two in step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mailbot.store.listing import AGENCY_COLUMNS, OFFICER_COLUMNS, no_such_agency

if TYPE_CHECKING:  # `mailbot export` imports this module without SQLAlchemy
    from sqlalchemy.orm import Session


def _check_agency(session: Session, code: str | None) -> None:
    from sqlalchemy import select

    from mailbot.store.models import Agency

    if code is None:
        return
    found = session.scalar(select(Agency.id).where(Agency.judiciary_code == code.strip()))
    if found is None:
        raise no_such_agency(code)


def list_agencies(session: Session) -> list[dict[str, object]]:
    """Every agency record, by judiciary code, with its count of active officers."""
    from sqlalchemy import func, select

    from mailbot.store.models import Agency, Officer, OfficerStatus

    active = (
        select(Officer.agency_id, func.count().label("n"))
        .where(Officer.status == OfficerStatus.ACTIVE)
        .group_by(Officer.agency_id)
        .subquery()
    )
    query = (
        select(
            *(getattr(Agency, c) for c in AGENCY_COLUMNS),
            Agency.logo_sha256.is_not(None).label("has_logo"),
            Agency.created_at,
            func.coalesce(active.c.n, 0).label("active_officers"),
        )
        .outerjoin(active, active.c.agency_id == Agency.id)
        .order_by(Agency.judiciary_code)
    )
    out = []
    for r in session.execute(query):
        row = dict(r._mapping)
        row["created_at"] = row["created_at"].isoformat()
        row["has_logo"] = bool(row["has_logo"])
        out.append(row)
    return out


def list_officers(
    session: Session, agency_code: str | None = None, include_inactive: bool = True
) -> list[dict[str, object]]:
    """Officer records with their agency's code and name, by agency then name."""
    from sqlalchemy import select

    from mailbot.store.models import Agency, Officer, OfficerStatus

    _check_agency(session, agency_code)
    query = (
        select(
            *(getattr(Officer, c) for c in OFFICER_COLUMNS),
            Agency.judiciary_code.label("agency_code"),
            Agency.name.label("agency_name"),
        )
        .join(Agency, Agency.id == Officer.agency_id)
        .order_by(Agency.judiciary_code, Officer.last_name, Officer.first_name, Officer.id)
    )
    if agency_code is not None:
        query = query.where(Agency.judiciary_code == agency_code.strip())
    if not include_inactive:
        query = query.where(Officer.status == OfficerStatus.ACTIVE)
    out = []
    for r in session.execute(query):
        row = dict(r._mapping)
        row["status"] = str(row["status"])
        out.append(row)
    return out


def export_records(session: Session, agency_code: str | None = None) -> list[dict[str, object]]:
    """Approved agencies, each with ``officers`` (every status, so deactivations show)."""
    from sqlalchemy import select

    from mailbot.store.models import Agency, Officer

    _check_agency(session, agency_code)
    query = select(*(getattr(Agency, c) for c in AGENCY_COLUMNS), Agency.id).order_by(
        Agency.judiciary_code
    )
    if agency_code is not None:
        query = query.where(Agency.judiciary_code == agency_code.strip())
    agencies: dict[int, dict[str, object]] = {}
    officers_of: dict[int, list[dict[str, object]]] = {}
    for r in session.execute(query):
        row = dict(r._mapping)  # the JSON export has always carried the id
        officers_of[row["id"]] = []
        agencies[row["id"]] = {**row, "officers": officers_of[row["id"]]}
    if agencies:
        officers = select(Officer.agency_id, *(getattr(Officer, c) for c in OFFICER_COLUMNS))
        if agency_code is not None:
            officers = officers.where(Officer.agency_id.in_(list(agencies)))
        for r in session.execute(officers.order_by(Officer.last_name, Officer.first_name)):
            row = dict(r._mapping)
            owner = officers_of.get(row.pop("agency_id"))
            if owner is not None:
                row["status"] = str(row["status"])
                owner.append(row)
    return list(agencies.values())


CSV_HEADER = (
    *(f"agency_{c}" if not c.startswith(("poc_", "hod_", "logo_")) else c for c in AGENCY_COLUMNS),
    *(f"officer_{c}" if c != "dps_username" else c for c in OFFICER_COLUMNS),
)


def export_csv_rows(records: Sequence[Mapping[str, object]]) -> list[list[str]]:
    """One row per officer, agency columns repeated; an agency without officers gets
    one row with the officer columns empty. The header is :data:`CSV_HEADER`. Cells
    are made safe for spreadsheets (:func:`mailbot.safety.csv_cell`)."""
    from mailbot.safety import csv_cell

    out: list[list[str]] = []
    for agency in records:
        head = [csv_cell(agency[c]) for c in AGENCY_COLUMNS]
        listed = agency["officers"]
        officers: Sequence[Mapping[str, object]] = (
            listed if isinstance(listed, list) and listed else [dict.fromkeys(OFFICER_COLUMNS)]
        )
        for o in officers:
            out.append([*head, *(csv_cell(o[c]) for c in OFFICER_COLUMNS)])
    return out
