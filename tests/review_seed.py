"""Cases and records for the review desk's tests, written straight through the store API."""

from __future__ import annotations

import copy
import hashlib
import io
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy.orm import Session

from mailbot.cases import CaseKind, CaseStatus
from mailbot.store import casefiles, ledger, roster
from mailbot.store.models import Agency, Case

NOW = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
CHIEF = "chief@hartfordvt.gov"
POC = "amy.lussier@hartfordvt.gov"

OFFICERS = [
    {
        "last_name": "Brown",
        "first_name": "Kevin",
        "title": "Officer",
        "officer_number": "HA022",
        "dps_username": "kbrown",
    },
    {
        "last_name": "Lussier",
        "first_name": "Amy",
        "title": "Sergeant",
        "officer_number": "HA031",
        "dps_username": "alussier",
    },
]


def png(width: int = 120, height: int = 80) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (20, 60, 140)).save(buf, format="PNG")
    return buf.getvalue()


def raw_email(sender: str, subject: str, logo: bytes | None, message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "dps.eTicket@vermont.gov"
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    msg["Date"] = "Mon, 02 Mar 2026 09:15:00 -0500"
    msg.set_content("Hartford Police Department would like to start issuing e-tickets.")
    if logo is not None:
        msg.add_attachment(logo, maintype="image", subtype="png", filename="hartford-logo.png")
    return msg.as_bytes()


def enrolment_data(
    code: str = "0614", officers: list[dict[str, Any]] | None = None, logo: bytes | None = None
) -> dict[str, Any]:
    logo = logo if logo is not None else png()
    return {
        "intent": "enrollment",
        "sender": CHIEF,
        "automated": False,
        "agency": {
            "name": "Hartford Police Department",
            "judiciary_code": code,
            "address": "812 VA Cutoff Road, White River Junction, VT 05001",
            "phone": "(802) 295-9425",
            "logo": "hartford-logo.png",
        },
        "point_of_contact": {"name": "Amy Lussier", "email": POC},
        "head_of_department": {"name": "Phil Kasten", "title": "Chief of Police"},
        "officers": copy.deepcopy(OFFICERS if officers is None else officers),
        "changes": [],
        "missing": [],
        "invalid": [],
        "logo_info": {
            "filename": "hartford-logo.png",
            "format": "PNG",
            "width": 120,
            "height": 80,
            "size_bytes": len(logo),
            "sha256": hashlib.sha256(logo).hexdigest(),
            "reason": None,
        },
    }


_uid = [0]


def seed_case(
    session: Session,
    data: dict[str, Any],
    *,
    kind: CaseKind = CaseKind.ENROLLMENT,
    status: CaseStatus = CaseStatus.IN_REVIEW,
    sender: str = CHIEF,
    flags: tuple[str, ...] = (),
    logo: bytes | None = None,
    now: datetime = NOW,
) -> Case:
    """A case as the poll loop leaves it: its first message in the ledger (raw bytes,
    with the logo attached for an enrolment) and every value traced to that message."""
    _uid[0] += 1
    if kind == CaseKind.ENROLLMENT and logo is None:
        logo = png()
    raw = raw_email(sender, "e-ticket request", logo, f"<m{_uid[0]}@hartfordvt.gov>")
    message = ledger.record_message(
        session,
        mailbox="INBOX",
        uidvalidity=1,
        uid=_uid[0],
        raw_sha256=ledger.raw_digest(raw),
        size=len(raw),
        outcome="processed",
        now=now,
        message_id=f"<m{_uid[0]}@hartfordvt.gov>",
        sender=sender,
        subject="e-ticket request",
        raw=raw,
        received_at=now,
    )
    case = casefiles.create_case(
        session,
        kind=kind,
        prefix="ETK",
        now=now,
        data=data,
        message_id=message.id,
        status=status,
        sender=sender,
        agency_code=data.get("agency", {}).get("judiciary_code"),
        poc_email=data.get("point_of_contact", {}).get("email"),
        flags=flags,
    )
    casefiles.update_case(session, case, now=now, data={**case.data, **data})
    message.case_id = case.id
    session.flush()
    return case


def seed_agency(
    session: Session,
    code: str,
    name: str,
    officers: list[dict[str, Any]],
    *,
    poc: str | None = None,
    hod: str | None = None,
    now: datetime = NOW,
) -> Agency:
    """An enrolled agency with active officers."""
    agency = roster.add_agency(
        session,
        judiciary_code=code,
        name=name,
        now=now,
        poc_name="Point Person",
        poc_email=poc,
        hod_name="Head Person",
        hod_title="Chief of Police",
        hod_email=hod,
    )
    for o in officers:
        roster.add_officer(
            session,
            agency,
            officer_number=o["officer_number"],
            last_name=o["last_name"],
            first_name=o["first_name"],
            title=o.get("title"),
            dps_username=o["dps_username"],
            now=now,
        )
    return agency


def maintenance_data(changes: list[dict[str, Any]], code: str | None = None) -> dict[str, Any]:
    return {
        "intent": "officer_maintenance",
        "sender": POC,
        "automated": False,
        "agency": {"judiciary_code": code},
        "point_of_contact": {},
        "head_of_department": {},
        "officers": [],
        "changes": changes,
        "missing": [],
        "invalid": [],
    }
