"""One case in full: what was read and from which message, its checklist, its history;
and staff edits (``FIELD=VALUE``), re-checked against the rules and audited."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.cases import OPEN_STATUSES, CaseKind, CaseStatus, is_blank, status_after_check
from mailbot.domain.case_data import CaseData
from mailbot.domain.checklist import check
from mailbot.domain.enums import AuditAction
from mailbot.domain.paths import FieldPath
from mailbot.domain.values import Json, listed
from mailbot.errors import CaseError
from mailbot.intake.rules import Rules
from mailbot.review.common import (
    flag_label,
    flatten,
    load_case,
    parse_path,
    rows,
    section_text,
)
from mailbot.review.conflicts import case_conflicts
from mailbot.review.maintenance import DiffRow, roster_diff
from mailbot.review.proposals import proposals_view
from mailbot.review.views import CaseView, EditResult, HistoryRow, MessageSource
from mailbot.store import casefiles, outbox
from mailbot.store.models import Agency, Case, CaseRevision, Message


def check_case(
    data: CaseData | Mapping[str, Json], rules: Rules
) -> tuple[list[str], list[dict[str, str]]]:
    """Re-run the checker on a case's data: (missing paths, invalid {field, reason})."""
    checked = check(CaseData.load(data), rules)
    # staff must settle the questions too: an unconfirmed item is still missing here
    missing = [*checked.missing, *checked.to_confirm]
    return missing, [{"field": p.field, "reason": p.reason} for p in checked.invalid]


def _sources(session: Session, case: Case) -> dict[int, MessageSource]:
    query = select(
        Message.id,
        Message.message_id,
        Message.sender,
        Message.subject,
        Message.received_at,
        Message.recorded_at,
        Message.auth,
    ).where(Message.case_id == case.id)
    ids = {v for v in case.provenance.values() if isinstance(v, int)}
    if ids:
        query = select(*query.selected_columns).where(
            (Message.case_id == case.id) | Message.id.in_(ids)
        )
    out: dict[int, MessageSource] = {}
    for r in session.execute(query.order_by(Message.id)):
        when = r.received_at or r.recorded_at
        out[r.id] = {
            "message": r.id,
            "message_id": r.message_id,
            "sender": r.sender,
            "subject": r.subject,
            "date": when.isoformat() if when else None,
            "verification": r.auth,
        }
    return out


def _source_of(path: str, case: Case, sources: Mapping[int, MessageSource]) -> MessageSource | Json:
    parts = FieldPath(path).parts
    for end in range(len(parts), 0, -1):
        key = FieldPath.of(*parts[:end])
        if key in case.provenance:
            value = case.provenance[key]
            if isinstance(value, int):
                return sources.get(value, {"message": value})
            return value
    return None


def _evidence_of(path: str, data: Mapping[str, Json]) -> dict[str, Json] | None:
    """Where in its message a value was read and how sure the reader was."""
    evidence = data.get("evidence")
    if not isinstance(evidence, Mapping):
        return None
    found = evidence.get(path)
    if found is None and path.startswith("officers["):
        found = evidence.get(path.split(".", 1)[0])
    return dict(found) if isinstance(found, Mapping) else None


def case_diff(session: Session, case: Case) -> tuple[Agency | None, list[DiffRow]]:
    """For a maintenance case: the agency its sender may change, and the roster diff."""
    from mailbot.review.maintenance import maintenance_authority

    agency = maintenance_authority(session, case.sender or "", case.agency_code)
    if agency is None:
        return None, []
    return agency, roster_diff(session, agency, rows(case.data, "changes"))


def history(session: Session, case: Case) -> list[HistoryRow]:
    """Value revisions and audit events of a case, in time order."""
    events: list[tuple[datetime, int, HistoryRow]] = []
    for rev in casefiles.revisions_of(session, case.id):
        events.append(
            (
                rev.at,
                0,
                {
                    "at": rev.at.isoformat(),
                    "actor": "mailbot" if rev.message_id is not None else "staff",
                    "action": "revised",
                    "detail": {
                        "path": rev.path,
                        "old": rev.old_value,
                        "new": rev.new_value,
                        "message": rev.message_id,
                    },
                },
            )
        )
    for ev in casefiles.audit_trail(session, case.id):
        events.append(
            (
                ev.at,
                1,
                {
                    "at": ev.at.isoformat(),
                    "actor": ev.actor,
                    "action": ev.action,
                    "detail": ev.detail,
                },
            )
        )
    events.sort(key=lambda e: (e[0], e[1]))
    return [e[2] for e in events]


def case_view(session: Session, reference: str, rules: Rules) -> CaseView:
    """Everything staff need to decide on one case (the ``case show --json`` shape)."""
    from mailbot.checklist import describe

    case = load_case(session, reference)
    data = case.data or {}
    sources = _sources(session, case)
    missing, invalid = check_case(data, rules)
    checklist = describe(missing, invalid, rows(data, "officers"), data)
    view: CaseView = {
        "reference": case.reference,
        "kind": str(case.kind),
        "status": str(case.status),
        "sender": case.sender,
        "agency_code": case.agency_code,
        "poc_email": case.poc_email,
        "flags": [{"flag": f, "label": flag_label(f)} for f in case.flags],
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
        "fields": [
            {
                "path": path,
                "value": value,
                "source": _source_of(path, case, sources),
                "read": _evidence_of(path, data),
            }
            for path, value in flatten(data)
        ],
        "questions": listed(data, "questions"),
        "logo_info": data.get("logo_info"),
        "notes": [
            {"message": n.get("message"), "text": n.get("text")}
            for n in listed(data, "notes")
            if isinstance(n, dict)
        ],
        "messages": list(sources.values()),
        "checklist": {
            "complete": not missing and not invalid,
            "missing": missing,
            "invalid": invalid,
            "lines": checklist.lines() + [f"{p} is missing" for p in missing if p == "changes"],
        },
        "conflicts": [],
        "diff": [],
        "authorised_agency": None,
        "proposals": proposals_view(session, case),
        "history": history(session, case),
        "notices": [
            {
                "template": o.template,
                "to": o.recipients,
                "status": str(o.status),
                "created_at": o.created_at.isoformat(),
            }
            for o in outbox.outbox_of_case(session, case.id)
        ],
    }
    if case.kind == CaseKind.ENROLLMENT:
        view["conflicts"] = [c.as_dict() for c in case_conflicts(session, data)]
    else:
        agency, diff = case_diff(session, case)
        view["authorised_agency"] = agency.judiciary_code if agency is not None else None
        view["diff"] = [r._asdict() for r in diff]
    return view


# --- edits ---------------------------------------------------------------------------


def parse_assignments(assignments: Sequence[str]) -> list[tuple[str, str | None]]:
    """``["agency.phone=802 555 0142", "officers[1].title="]`` -> [(path, value|None)].

    An empty value clears the field. Raises :class:`CaseError` for a malformed item.
    """
    if not assignments:
        raise CaseError("nothing to change: give FIELD=VALUE, e.g. agency.phone=802-555-0142")
    out: list[tuple[str, str | None]] = []
    for item in assignments:
        path, sep, value = item.partition("=")
        if not sep or not path.strip():
            raise CaseError(
                f"cannot read {item!r}: write FIELD=VALUE, e.g. officers[0].dps_username=jdoe"
            )
        parse_path(path)
        value = " ".join(value.split())
        out.append((path.strip(), value or None))
    return out


def _set(data: dict[str, Json], path: str, value: str | None, rules: Rules) -> tuple[Json, Json]:
    """Set ``path`` to ``value`` (a phone number normalised): (old value, value set)."""
    group, index, name = parse_path(path)
    target: dict[str, Json]
    if index is None:
        found = data.setdefault(group, {})
        if isinstance(found, dict):
            target = found
        else:
            target = data[group] = {}
    else:
        items = data.get(group)
        if not isinstance(items, list):
            items = data[group] = []
        if index > len(items):
            raise CaseError(
                f"{path}: the case has {len(items)} {group} rows "
                f"({group}[0]..{group}[{len(items) - 1}]); use {group}[{len(items)}] to add one"
                if items
                else f"{path}: the case has no {group} rows; use {group}[0] to add one"
            )
        if index == len(items):
            items.append({})
        row = items[index]
        if isinstance(row, dict):
            target = row
        else:
            target = items[index] = {}
    if value is not None and path.endswith(".phone"):
        from mailbot.intake.checks import normalize_phone

        value = normalize_phone(value, rules) or value
    old = target.get(name)
    target[name] = value
    return old, value


def edit_case(
    session: Session,
    reference: str,
    assignments: Sequence[str],
    *,
    actor: str,
    now: datetime,
    rules: Rules,
) -> EditResult:
    """Set fields of an open case, re-check it, and move it between needs_info and
    in_review accordingly. Each changed value is kept as a revision (the old value is
    never lost) and the edit is one ``edited`` audit event."""
    if is_blank(actor):
        raise CaseError("say who is editing: add --by NAME")
    case = load_case(session, reference)
    if case.status not in OPEN_STATUSES:
        raise CaseError(f"{case.reference} is {case.status}; only open cases can be edited")
    parsed = parse_assignments(assignments)
    data = copy.deepcopy(dict(case.data or {}))
    provenance = dict(case.provenance or {})
    changed: list[dict[str, Json]] = []
    for path, value in parsed:
        old, current = _set(data, path, value, rules)
        if (old or None) == (current or None):
            continue
        key = str(FieldPath(path))
        changed.append({"path": path, "old": old, "new": current})
        provenance[key] = {"edited_by": actor, "at": now.isoformat()}
        session.add(
            CaseRevision(case_id=case.id, path=key, old_value=old, new_value=current, at=now)
        )
    missing, invalid = check_case(data, rules)
    data["missing"], data["invalid"] = [*missing], [{**p} for p in invalid]
    code = section_text(data, "agency", "judiciary_code")
    poc = section_text(data, "point_of_contact", "email")
    casefiles.update_case(
        session,
        case,
        now=now,
        data=data,
        agency_code=code if case.kind == CaseKind.ENROLLMENT else case.agency_code,
        poc_email=poc if case.kind == CaseKind.ENROLLMENT else case.poc_email,
    )
    case.provenance = provenance
    before = CaseStatus(case.status)
    complete = not missing and not invalid
    casefiles.set_status(session, case, status_after_check(case.status, complete), now=now)
    casefiles.add_audit(
        session,
        action=AuditAction.EDITED,
        actor=actor,
        now=now,
        case_id=case.id,
        detail={
            "changes": changed,
            "status": {"from": str(before), "to": str(case.status)},
            "complete": complete,
        },
    )
    return {
        "reference": case.reference,
        "changes": changed,
        "status": str(case.status),
        "complete": complete,
        "missing": missing,
        "invalid": invalid,
    }
