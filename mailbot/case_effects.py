"""Applying a :class:`~mailbot.domain.decision.Decision` through the store, step by
step, in the message's transaction: the case opened or changed, its flags, audit
trail, held changes, and the reply queued in the message's thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

import structlog
from sqlalchemy.orm import Session

from mailbot.checklist import Checklist, clean
from mailbot.config import Settings
from mailbot.domain import decision as d
from mailbot.domain.enums import AuditAction, CaseFlag, MessageOutcome, Template
from mailbot.domain.values import Json, listed
from mailbot.errors import MailbotError
from mailbot.intake.parts import MessageParts
from mailbot.notify import queue_email
from mailbot.store import bounces, casefiles, logos
from mailbot.store.models import Case, Message

log = structlog.get_logger()


class _ReplyContext(TypedDict, total=False):
    """What a reply template is given besides the case reference."""

    agency_name: Json
    notes: list[str]
    checklist: Checklist
    changes: list[str]


@dataclass
class Outcome:
    """What processing decided for one message."""

    outcome: MessageOutcome
    reason: str | None = None
    case_id: int | None = None


@dataclass
class Effects:
    """The store side of one message's decision."""

    session: Session
    settings: Settings
    message: Message
    parts: MessageParts
    now: datetime

    def apply(self, decision: d.Decision, case: Case | None = None) -> Outcome:
        if case is None and decision.case_id is not None and decision.steps:
            case = casefiles.get_case_by_id(self.session, decision.case_id)
        for step in decision.steps:
            if isinstance(step, d.OpenCase):
                case = self._open(step)
            elif isinstance(step, d.Log):
                getattr(log, step.level)(step.event, **dict(step.fields))
            elif isinstance(step, d.KeepLogo):
                logos.keep(self.session, step.image, self.now)
            elif isinstance(step, d.RecordHardBounce):
                threshold = self.settings.bot.suppress_after_hard_bounces
                bounces.record_hard_bounce(self.session, step.address, self.now, threshold)
            elif case is not None:
                self._on_case(case, step)
        reason = decision.reason
        if reason is not None and case is not None and case.reference:
            reason = reason.replace("{reference}", case.reference, 1)
        return Outcome(decision.outcome, reason, case.id if case is not None else decision.case_id)

    def _open(self, step: d.OpenCase) -> Case:
        case = casefiles.create_case(
            self.session,
            kind=step.kind,
            prefix=self.settings.bot.reference_prefix,
            now=self.now,
            data=step.data,
            message_id=self.message.id,
            status=step.status,
            sender=step.sender,
            agency_code=step.agency_code,
            poc_email=step.poc_email,
            flags=step.flags,
        )
        return case

    def _on_case(self, case: Case, step: d.Step) -> None:
        session, now = self.session, self.now
        if isinstance(step, d.Flag):
            casefiles.add_flag(session, case, step.flag, now=now)
        elif isinstance(step, d.Audit):
            casefiles.add_audit(
                session, action=step.action, actor="mailbot", now=now, case_id=case.id,
                detail=step.detail,
            )  # fmt: skip
        elif isinstance(step, d.HoldChanges):
            self._hold(case, step)
        elif isinstance(step, d.RecordRevisions):
            casefiles.record_revisions(
                session, case, list(step.revisions), now=now, message_id=self.message.id
            )
        elif isinstance(step, d.UpdateCase):
            casefiles.update_case(
                session, case, now=now, data=step.data, agency_code=step.agency_code,
                poc_email=step.poc_email,
            )  # fmt: skip
        elif isinstance(step, d.SetStatus):
            casefiles.set_status(session, case, step.status, now=now)
        elif isinstance(step, d.Reply):
            self._reply(case, step.template)

    def _hold(self, case: Case, step: d.HoldChanges) -> None:
        proposal = casefiles.add_proposal(
            self.session,
            case,
            kind=step.kind,
            reason=step.reason,
            data=step.data,
            now=self.now,
            message_id=self.message.id,
        )
        detail = {"ledger_id": self.message.id, "proposal": proposal.id, **step.detail}
        casefiles.flag_by_bot(
            self.session,
            case,
            CaseFlag.CHANGES_HELD,
            action=AuditAction.FOLLOW_UP_HELD,
            now=self.now,
            detail=detail,
        )
        log.info("changes_held", reference=case.reference, proposal_id=proposal.id)

    def _reply(self, case: Case, template: str) -> None:
        parts = self.parts
        data = case.data
        agency = data.get("agency")
        context: _ReplyContext = {
            "agency_name": agency.get("name") if isinstance(agency, dict) else None,
            "notes": [
                clean(n.get("text"), 200)
                for n in listed(data, "notes")
                if isinstance(n, dict) and n.get("message") == self.message.id
            ],
        }
        if template == Template.CHECKLIST:
            from mailbot.checklist import describe

            missing = [str(p) for p in listed(data, "missing")]
            context["checklist"] = describe(
                missing, listed(data, "invalid"), listed(data, "officers"), data
            )
        elif template == Template.MAINTENANCE_RECEIVED:
            from mailbot.checklist import describe_changes

            context["changes"] = describe_changes(listed(data, "changes"))
        refs = [*parts.references, parts.message_id] if parts.message_id else list(parts.references)
        try:
            queue_email(
                self.session,
                self.settings,
                template=str(template),
                key=f"{case.reference}/{template}/{self.message.id}",
                to=[(parts.sender or "").lower()],
                now=self.now,
                case=case,
                in_reply_to=parts.message_id,
                references=[r for r in refs if r],
                **context,
            )
        except MailbotError as e:
            casefiles.add_flag(self.session, case, CaseFlag.REPLY_NOT_SENT, now=self.now)
            log.warning("reply_not_built", reference=case.reference, error=str(e))
