"""Agency and officer records (the TraCS side), written when staff approve a case.

Uniqueness is the database's job: a second agency with the same judiciary code, or a
second officer with the same officer number or DPS username, fails the transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailbot.store.models import Agency, Officer, OfficerStatus


def get_agency(session: Session, judiciary_code: str) -> Agency | None:
    """The agency with this 4-digit judiciary code, or None."""
    return session.scalars(
        select(Agency).where(Agency.judiciary_code == judiciary_code.strip())
    ).one_or_none()


def add_agency(
    session: Session, *, judiciary_code: str, name: str, now: datetime, **fields: object
) -> Agency:
    """Create an agency record; ``fields`` are the other :class:`Agency` columns."""
    agency = Agency(
        judiciary_code=judiciary_code.strip(), name=name, created_at=now, updated_at=now, **fields
    )
    session.add(agency)
    session.flush()
    return agency


def get_officer(session: Session, officer_number: str) -> Officer | None:
    """The officer with this VT LEO number (any letter case), or None."""
    return session.scalars(
        select(Officer).where(Officer.officer_number == officer_number.strip().upper())
    ).one_or_none()


def get_officer_by_username(session: Session, dps_username: str) -> Officer | None:
    """The officer with this DPS domain username (any letter case), or None."""
    return session.scalars(
        select(Officer).where(func.lower(Officer.dps_username) == dps_username.strip().lower())
    ).one_or_none()


def add_officer(
    session: Session,
    agency: Agency,
    *,
    officer_number: str,
    last_name: str,
    first_name: str,
    dps_username: str,
    now: datetime,
    title: str | None = None,
) -> Officer:
    """Create an active officer of ``agency``. The officer number is stored upper-case
    and the username lower-case, so uniqueness ignores letter case."""
    officer = Officer(
        agency_id=agency.id,
        officer_number=officer_number.strip().upper(),
        last_name=last_name,
        first_name=first_name,
        title=title,
        dps_username=dps_username.strip().lower(),
        status=OfficerStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )
    session.add(officer)
    session.flush()
    return officer


def roster(session: Session, agency_id: int, include_inactive: bool = False) -> list[Officer]:
    """An agency's officers, by last then first name."""
    query = select(Officer).where(Officer.agency_id == agency_id)
    if not include_inactive:
        query = query.where(Officer.status == OfficerStatus.ACTIVE)
    return list(session.scalars(query.order_by(Officer.last_name, Officer.first_name)))
