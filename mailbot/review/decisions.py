"""Staff decisions: approval writes the TraCS records and tells the right people;
rejection tells the sender why.

Everything happens in the caller's transaction (records, case status, audit and the
outbox rows of the notices), so a failure anywhere leaves nothing behind.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.cases import OPEN_STATUSES, is_blank
from mailbot.config import Settings
from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import AuditAction, CaseKind, CaseStatus
from mailbot.errors import CaseError, MessageError
from mailbot.intake.rules import Rules
from mailbot.review.casework import case_diff, check_case
from mailbot.review.common import load_case, rows, section
from mailbot.review.conflicts import case_conflicts
from mailbot.review.maintenance import apply_changes, load_index
from mailbot.review.proposals import check_trust
from mailbot.review.views import DecisionResult
from mailbot.store import casefiles, logos, roster
from mailbot.store.models import Agency, Case, Message

if TYPE_CHECKING:
    from mailbot.intake.limits import Limits
    from mailbot.intake.logo import LogoInfo

log = structlog.get_logger()

_MIME = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "SVG": "image/svg+xml",
}


def _need_actor(actor: str) -> str:
    if is_blank(actor):
        raise CaseError("say who decides: add --by NAME")
    return " ".join(actor.split())


def find_case_logo(session: Session, case: Case, limits: Limits | None = None) -> LogoInfo | None:
    """The logo image (:class:`~mailbot.intake.logo.LogoInfo`) of the case: the one
    kept when its message was read, by the SHA-256 recorded in ``logo_info``. A case
    read before images were kept finds it in its stored messages, newest first. None
    when there is none."""
    from mailbot.intake.logo import LogoInfo

    info = CaseData.load(case.data).logo_info
    wanted = info.sha256 if info is not None else None
    kept = logos.find(session, wanted) if wanted else None
    if kept is not None:
        return LogoInfo(
            kept.filename, kept.format, kept.width, kept.height, kept.size_bytes, kept.sha256,
            kept.data,
        )  # fmt: skip
    return _logo_in_messages(session, case, wanted, limits)


def _logo_in_messages(
    session: Session, case: Case, wanted: str | None, limits: Limits | None
) -> LogoInfo | None:
    from mailbot.intake.logo import find_logo
    from mailbot.intake.message import read_message

    raws = session.scalars(
        select(Message.raw)
        .where(Message.case_id == case.id, Message.raw.is_not(None))
        .order_by(Message.id.desc())
    )
    for raw in raws:
        if raw is None:
            continue
        try:
            parts = read_message(raw, limits)
        except MessageError:
            continue
        logo = find_logo(parts.attachments, limits)
        if logo is not None and (wanted is None or logo.sha256 == wanted):
            return logo
    return None


def _refuse_unless_ready(case: Case, rules: Rules) -> None:
    ref = case.reference
    if case.status != CaseStatus.IN_REVIEW:
        hint = {
            CaseStatus.NEEDS_INFO: "it is waiting for information (see `mailbot case show "
            f"{ref}`, or fill it in with `mailbot case edit {ref} FIELD=VALUE`)",
            CaseStatus.APPROVED: "it is already approved",
            CaseStatus.REJECTED: "it was rejected",
            CaseStatus.FAILED: "something failed; see `mailbot case show " + str(ref) + "`",
        }[CaseStatus(case.status)]
        raise CaseError(f"{ref} cannot be approved: {hint}")
    missing, invalid = check_case(case.data or {}, rules)
    if missing or invalid:
        items = [*missing, *(f"{i['field']} ({i['reason']})" for i in invalid)]
        shown = ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")
        raise CaseError(
            f"{ref} is incomplete: {shown}; fix with `mailbot case edit {ref} FIELD=VALUE`"
        )


def approve_case(
    session: Session,
    settings: Settings,
    reference: str,
    *,
    actor: str,
    now: datetime,
    rules: Rules,
    accept_unverified: str | None = None,
) -> DecisionResult:
    """Approve a complete, conflict-free case in review.

    Refused while changes are held for staff, and for a case whose sender is not
    established (unverified, ambiguous From) unless ``accept_unverified`` gives the
    staff's reason, which is audited.

    Enrolment: the agency record, then its officers (active), the case approved, the
    ready-for-use notice to the PoC (head of department in copy) and, when
    ``[bot] judicial_bureau_address`` is set, the Judicial Bureau notice. Maintenance:
    the roster diff applied and confirmed to the PoC. Raises :class:`CaseError` with a
    one-line reason when the case may not be approved.
    """
    actor = _need_actor(actor)
    case = load_case(session, reference)
    _refuse_unless_ready(case, rules)
    check_trust(session, case, actor=actor, now=now, accept_unverified=accept_unverified)
    if case.kind == CaseKind.ENROLLMENT:
        result = _approve_enrollment(session, settings, case, actor=actor, now=now)
    else:
        result = _approve_maintenance(session, settings, case, actor=actor, now=now)
    log.info("case_approved", reference=case.reference, kind=str(case.kind), actor=actor)
    return result


def _approve_enrollment(
    session: Session, settings: Settings, case: Case, *, actor: str, now: datetime
) -> DecisionResult:
    from mailbot.intake.limits import Limits
    from mailbot.notify import queue_email

    ref = str(case.reference)
    conflicts = case_conflicts(session, case.data)
    if conflicts:
        first = conflicts[0]
        more = f" (and {len(conflicts) - 1} more)" if len(conflicts) > 1 else ""
        raise CaseError(
            f"{ref} conflicts with existing records: {first.path} {first.value}: "
            f"{first.detail}{more}; see `mailbot case show {ref}`"
        )
    logo = find_case_logo(session, case, Limits(**settings.limits.model_dump()))
    if logo is None:
        raise CaseError(
            f"{ref}: the logo is not in the case's stored messages; "
            "ask the sender to send it again, or reject the case"
        )
    data = CaseData.load(case.data)
    poc, hod = data.point_of_contact, data.head_of_department
    poc_email = str(poc.email).strip().lower()
    sender = (case.sender or "").strip().lower()
    hod_email = hod.email or (sender if sender and sender != poc_email else None)
    agency = roster.add_agency(
        session,
        judiciary_code=str(data.agency.judiciary_code),
        name=str(data.agency.name).strip(),
        now=now,
        address=data.agency.address,
        phone=data.agency.phone,
        logo=logo.data,
        logo_filename=logo.filename,
        logo_type=_MIME.get(logo.format, f"image/{logo.format.lower()}"),
        logo_width=logo.width,
        logo_height=logo.height,
        logo_sha256=logo.sha256,
        poc_name=poc.name,
        poc_email=poc_email,
        hod_name=hod.name,
        hod_title=hod.title,
        hod_email=hod_email,
        case_id=case.id,
    )
    officers = []
    for row in data.officers:
        officer = roster.add_officer(
            session,
            agency,
            officer_number=str(row.officer_number),
            last_name=str(row.last_name).strip(),
            first_name=str(row.first_name).strip(),
            title=row.title,
            dps_username=str(row.dps_username),
            now=now,
        )
        officers.append(
            {
                "officer_number": officer.officer_number,
                "last_name": officer.last_name,
                "first_name": officer.first_name,
                "title": officer.title,
                "dps_username": officer.dps_username,
            }
        )
    casefiles.update_case(session, case, now=now, agency_code=agency.judiciary_code)
    casefiles.set_status(session, case, CaseStatus.APPROVED, now=now)
    casefiles.add_audit(
        session,
        action=AuditAction.APPROVED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={
            "agency_id": agency.id,
            "judiciary_code": agency.judiciary_code,
            "officers": [o["officer_number"] for o in officers],
            "logo_sha256": logo.sha256,
        },
    )
    notices = []
    cc = [hod_email] if hod_email and hod_email != poc_email else []
    queue_email(
        session,
        settings,
        template="ready_for_use",
        key=f"{ref}/ready_for_use",
        to=[poc_email],
        cc=cc,
        now=now,
        case=case,
        actor=actor,
        agency_name=agency.name,
        judiciary_code=agency.judiciary_code,
        poc_name=agency.poc_name,
        officers=officers,
    )
    notices.append("ready_for_use")
    bureau = settings.bot.judicial_bureau_address.strip()
    if bureau:
        queue_email(
            session,
            settings,
            template="judicial_bureau_notice",
            key=f"{ref}/judicial_bureau_notice",
            to=[bureau],
            now=now,
            case=case,
            actor=actor,
            agency_name=agency.name,
            judiciary_code=agency.judiciary_code,
            officers=officers,
        )
        notices.append("judicial_bureau_notice")
    return {
        "reference": ref,
        "kind": str(case.kind),
        "status": str(case.status),
        "agency": {"judiciary_code": agency.judiciary_code, "name": agency.name},
        "officers": officers,
        "notices": notices,
    }


def _approve_maintenance(
    session: Session, settings: Settings, case: Case, *, actor: str, now: datetime
) -> DecisionResult:
    from mailbot.checklist import describe_changes
    from mailbot.notify import queue_email

    ref = str(case.reference)
    agency, _ = case_diff(session, case)
    if agency is None:
        raise CaseError(
            f"{ref} was sent by {case.sender or 'an unknown sender'}, who is not the registered "
            f"PoC or head of department of {case.agency_code or 'any agency'}; "
            f"reject it with `mailbot reject {ref} --by NAME --reason TEXT`"
        )
    changes = rows(case.data, "changes")
    index = load_index(session, [changes], [agency.id])  # (renumbered officers too)
    before: dict[str, dict[str, object]] = {}
    for number, officer in index.by_number.items():
        before[number] = {**officer.as_dict(), "agency": index.owner_label(officer)}
    applied = apply_changes(session, agency, changes, now=now)
    for r in applied:  # a corrected number: the record as it was, under the new one
        if r.field == "officer_number" and r.old in before and r.new:
            before[r.new] = before[r.old]
    casefiles.set_status(session, case, CaseStatus.APPROVED, now=now)
    casefiles.add_audit(
        session,
        action=AuditAction.APPROVED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={
            "agency_id": agency.id,
            "judiciary_code": agency.judiciary_code,
            "diff": [r._asdict() for r in applied],
        },
    )
    to = (agency.poc_email or case.sender or "").strip().lower()
    sender = (case.sender or "").strip().lower()
    notices = []
    if to:
        queue_email(
            session,
            settings,
            template="maintenance_applied",
            key=f"{ref}/maintenance_applied",
            to=[to],
            cc=[sender] if sender and sender != to else [],
            now=now,
            case=case,
            actor=actor,
            agency_name=agency.name,
            changes=describe_changes(changes, before),
        )
        notices.append("maintenance_applied")
    return {
        "reference": ref,
        "kind": str(case.kind),
        "status": str(case.status),
        "agency": {"judiciary_code": agency.judiciary_code, "name": agency.name},
        "diff": [r._asdict() for r in applied],
        "notices": notices,
    }


def reject_case(
    session: Session,
    settings: Settings,
    reference: str,
    *,
    actor: str,
    reason: str,
    now: datetime,
) -> DecisionResult:
    """Reject an open case: status rejected, an audit event, and the ``rejected`` notice
    with the staff's reason to the sender."""
    from mailbot.notify import queue_email

    actor = _need_actor(actor)
    if is_blank(reason):
        raise CaseError("say why: add --reason TEXT (it is sent to the sender)")
    reason = reason.strip()
    case = load_case(session, reference)
    if case.status not in OPEN_STATUSES:
        raise CaseError(f"{case.reference} cannot be rejected: it is {case.status}")
    casefiles.set_status(session, case, CaseStatus.REJECTED, now=now)
    casefiles.add_audit(
        session,
        action=AuditAction.REJECTED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={"reason": reason},
    )
    notices = []
    if case.sender:
        queue_email(
            session,
            settings,
            template="rejected",
            key=f"{case.reference}/rejected",
            to=[case.sender],
            now=now,
            case=case,
            actor=actor,
            agency_name=section(case.data, "agency").get("name"),
            reason=reason,
        )
        notices.append("rejected")
    log.info("case_rejected", reference=case.reference, actor=actor)
    return {"reference": case.reference, "status": str(case.status), "notices": notices}


__all__ = ["Agency", "approve_case", "find_case_logo", "reject_case"]
