"""What a message means for the desk's cases, decided inside the message's transaction.

Given a message already read (:class:`MessageParts` and :class:`ParseResult`) and its
ledger row, :meth:`Handler.decide` opens a case, merges a reply into its case, holds
a doubtful one for staff, or records it as automated, a duplicate or our own; and it
queues the replies that go with it. No IMAP and no SMTP here: the poll loop
(:mod:`mailbot.service`) moves the message afterwards and the relay sends the replies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy.orm import Session

from mailbot import casecheck, cases, safety
from mailbot.cases import CaseFlag
from mailbot.checklist import clean
from mailbot.config import Settings
from mailbot.errors import MailbotError
from mailbot.intake.auth import Verification, from_problem, verify_sender
from mailbot.intake.classify import automated_reason
from mailbot.intake.limits import Limits
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.notify import LOOP_VALUE, queue_email
from mailbot.outbound import sanitise_header_text
from mailbot.ports import Clock
from mailbot.store import bounces, casefiles, ledger, outbox
from mailbot.store.models import Case, Message, MessageOutcome

log = structlog.get_logger()


@dataclass
class Outcome:
    """What processing decided for one message."""

    outcome: MessageOutcome
    reason: str | None = None
    case_id: int | None = None


def _body_digest(raw: bytes) -> str:
    """SHA-256 of what follows the header block."""
    import hashlib

    for separator in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(separator)
        if at >= 0:
            return hashlib.sha256(raw[at + len(separator) :]).hexdigest()
    return hashlib.sha256(b"").hexdigest()


class Handler:
    """Case decisions for one message; pure apart from the session it is given."""

    def __init__(self, settings: Settings, rules: Rules, limits: Limits, clock: Clock) -> None:
        self.settings = settings
        self.rules = rules
        self.limits = limits
        self.clock = clock
        # Set per message by decide(): what our mail server said about its sender, and
        # how many control characters were removed from its values.
        self._verification = Verification(configured=False)
        self._cleaned = 0

    def may_reply(self, session: Session, address: str) -> bool:
        if bounces.is_suppressed(session, address):
            log.warning("reply_to_suppressed_address")
            return False
        cap = self.settings.bot.max_replies_per_address_per_day
        since = self.clock.now() - timedelta(days=1)
        allowed = outbox.replies_since(session, address, since) < cap
        if not allowed:
            log.warning("reply_cap_reached", cap=cap)
        return allowed

    def _is_own(self, parts: MessageParts) -> bool:
        loop = parts.headers.get(self.settings.bot.loop_header.lower(), [])
        if any(v.strip() == LOOP_VALUE for v in loop):
            return True
        domain = self.settings.bot.message_id_domain.lower()
        return bool(
            parts.message_id and parts.message_id.lower().rstrip(">").endswith("@" + domain)
        )

    def decide(
        self,
        session: Session,
        message: Message,
        parts: MessageParts,
        result: ParseResult,
        now: datetime,
    ) -> Outcome:
        # What our mail server vouches for, kept with the message whatever happens next.
        ordered = self._raw_headers(message, parts)
        verification = verify_sender(
            parts,
            self.settings.bot.authserv_id,
            ordered,
            unnamed_results=self.settings.trust.unnamed_results,
        )
        message.auth = verification.as_dict()
        self._verification = verification
        if self._is_own(parts):
            return Outcome(MessageOutcome.IGNORED, "our own message came back")
        if result.automated:
            bounced = self._bounced_case(session, message, parts, now)
            if bounced is not None:
                return Outcome(
                    MessageOutcome.AUTOMATED,
                    f"bounce of a reply of {bounced.reference}",
                    bounced.id,
                )
            why = automated_reason(parts, self.settings.bot.loop_header) or "automated"
            why = sanitise_header_text(why, 120)
            return Outcome(MessageOutcome.AUTOMATED, f"automated mail ({why}): never answered")
        earlier = self._earlier_copy(session, message)
        if earlier is not None:
            return Outcome(
                MessageOutcome.DUPLICATE, f"same message as ledger #{earlier.id}", earlier.case_id
            )
        # Who sent it is decided before anything else: a From naming no single plain
        # address is held, and answered to nobody, whatever it asks for.
        problem = from_problem([v for name, v in ordered if name == "from"])
        case = self._thread_case(session, parts)
        if problem is not None:
            return self._ambiguous(session, case, message, parts, result, now, problem)
        if case is not None:
            return self._follow_up(session, case, message, parts, result, now)
        if result.intent in ("enrollment", "officer_maintenance"):
            return self._open_case(session, message, parts, result, now)
        return Outcome(MessageOutcome.REVIEW, "not a request: left for staff to read")

    # -- trust ---------------------------------------------------------------------------

    @staticmethod
    def _raw_headers(message: Message, parts: MessageParts) -> list[tuple[str, str]]:
        """The header fields in order, as written (before any decoding merges words):
        where an Authentication-Results header stands, and what From says, matter."""
        if message.raw is None:
            return [(name, v) for name, values in parts.headers.items() for v in values]
        from email.parser import BytesHeaderParser
        from email.policy import compat32

        from mailbot.intake.message import decode_bytes

        head = BytesHeaderParser(policy=compat32).parsebytes(message.raw[:262_144])
        out = []
        for name, value in head.items()[:500]:
            text = str(value)
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # 8-bit bytes kept as surrogates
                text = decode_bytes(text.encode("ascii", "surrogateescape"))
            out.append((str(name).strip().lower(), text))
        return out

    def _policy(self, kind: str) -> str:
        """The [trust] policy for an unverified sender of this kind of message, or
        "off" when no sender can be verified (no authserv-id)."""
        if not self._verification.configured:
            return "off"
        return str(getattr(self.settings.trust, kind))

    def _unverified(self, kind: str) -> str | None:
        """The policy ("require" or "flag") that applies when this message's sender
        is not verified; None when it is verified or the kind is not checked."""
        policy = self._policy(kind)
        if policy == "off" or self._verification.verified:
            return None
        return policy

    def _ambiguous(
        self,
        session: Session,
        case: Case | None,
        message: Message,
        parts: MessageParts,
        result: ParseResult,
        now: datetime,
        problem: str,
    ) -> Outcome:
        if case is not None:
            casefiles.flag_by_bot(
                session,
                case,
                CaseFlag.AMBIGUOUS_SENDER,
                action="follow_up_held",
                now=now,
                detail={"ledger_id": message.id, "reason": problem},
            )
            return Outcome(
                MessageOutcome.REVIEW,
                f"follow-up to {case.reference} held: unclear sender ({problem})",
                case.id,
            )
        if result.intent in ("enrollment", "officer_maintenance"):
            return self._open_case(session, message, parts, result, now, ambiguous=problem)
        return Outcome(MessageOutcome.REVIEW, f"unclear sender ({problem}): left for staff")

    def _bounced_case(
        self, session: Session, message: Message, parts: MessageParts, now: datetime
    ) -> Case | None:
        """For a delivery-status report about one of our replies (found by the
        Message-ID it quotes), flag the case: the sender never got our answer."""
        sender = (parts.sender or "").lower()
        is_report = "report" in parts.content_type.lower() or sender.startswith(
            ("mailer-daemon@", "postmaster@")
        )
        if not is_report or message.raw is None:
            return None
        domain = re.escape(self.settings.bot.message_id_domain.lower().encode())
        pattern = re.compile(rb"<mailbot\.[0-9a-f]{32}@" + domain + rb">", re.IGNORECASE)
        for found in dict.fromkeys(pattern.findall(message.raw[:1_000_000])):
            row = outbox.find_outbox(session, found.decode().lower())
            if row is None or row.case_id is None:
                continue
            case = casefiles.get_case_by_id(session, row.case_id)
            if case is None:
                continue
            hard = bounces.is_hard_bounce(message.raw)
            casefiles.flag_by_bot(
                session,
                case,
                CaseFlag.REPLY_BOUNCED,
                action="bounced",
                now=now,
                detail={
                    "ledger_id": message.id,
                    "outbox_id": row.id,
                    "to": row.to_address,
                    "hard": hard,
                },
            )
            log.warning("reply_bounced", reference=case.reference, outbox_id=row.id, hard=hard)
            threshold = self.settings.bot.suppress_after_hard_bounces
            if hard and bounces.record_hard_bounce(session, row.to_address, now, threshold):
                casefiles.flag_by_bot(
                    session,
                    case,
                    CaseFlag.CONTACT_SUPPRESSED,
                    action="address_suppressed",
                    now=now,
                    detail={"to": row.to_address, "hard_bounces": threshold},
                )
                log.warning("address_suppressed", reference=case.reference, outbox_id=row.id)
            elif hard and bounces.is_suppressed(session, row.to_address):
                casefiles.add_flag(session, case, CaseFlag.CONTACT_SUPPRESSED, now=now)
            return case
        return None

    def _earlier_copy(self, session: Session, message: Message) -> Message | None:
        """The same email recorded before (delivered twice, or seen under an old
        UIDVALIDITY): the same bytes, or the same Message-ID, sender and body (a copy
        that took another route differs only in its trace headers). Another email
        that reuses a Message-ID is read like any other."""
        for other in ledger.find_by_sha256(session, message.raw_sha256):
            if other.id != message.id:
                return other
        if message.message_id and message.raw is not None:
            body = _body_digest(message.raw)
            for other in ledger.find_by_message_id(session, message.message_id):
                if other.id == message.id or other.sender != message.sender:
                    continue
                if other.raw is not None and _body_digest(other.raw) == body:
                    return other
                log.warning("message_id_reused", ledger_id=other.id)
        return None

    def _thread_case(self, session: Session, parts: MessageParts) -> Case | None:
        found = casefiles.find_case_by_message_ids(session, [parts.in_reply_to, *parts.references])
        if found is not None:
            return found
        ref = cases.find_reference(parts.subject, self.settings.bot.reference_prefix)
        return casefiles.get_case(session, ref) if ref else None

    def _case_data(self, result: ParseResult) -> dict[str, Any]:
        data = result.to_json_dict()
        if result.logo_details is not None:
            data["logo_info"] = dict(result.logo_details)
        if result.evidence:
            data["evidence"] = dict(result.evidence)
        if result.questions:
            data["questions"] = list(result.questions)
        return self._clean(data)

    def _clean(self, data: dict[str, Any]) -> dict[str, Any]:
        """Values from an email are data: no control or bidi characters reach the case
        (how many were removed is noted on it by :meth:`_note_cleaned`)."""
        cleaned, self._cleaned = safety.clean_data(data)
        return dict(cleaned)

    def _note_cleaned(self, session: Session, case: Case, message: Message, now: datetime) -> None:
        if not self._cleaned:
            return
        casefiles.flag_by_bot(
            session,
            case,
            CaseFlag.CONTROL_CHARACTERS_REMOVED,
            action="control_characters_removed",
            now=now,
            detail={"ledger_id": message.id, "count": self._cleaned},
        )

    def _answer(
        self, session: Session, case: Case, parts: MessageParts
    ) -> tuple[dict[str, Any], list[str]]:
        """What a reply adds to its case: for an enrolment, the answer read against
        what we sent on the case and what the case asked for
        (:func:`mailbot.intake.answers.read_answer`); else the message as read."""
        from mailbot.intake.answers import Sent, read_answer, sent_texts, without_sent
        from mailbot.intake.parse import parse_parts

        sent = Sent.of(
            text for row in outbox.outbox_of_case(session, case.id) for text in sent_texts(row.raw)
        )
        if case.kind != cases.CaseKind.ENROLLMENT:
            own = without_sent(parts, sent)  # our quoted text is not read as the reply's
            reread = parse_parts(own, self.rules, self.limits, self.settings.bot.loop_header)
            return self._case_data(reread), reread.notes
        answer, notes = read_answer(
            parts, sent, case.data, self.rules, self.limits, self.settings.bot.loop_header
        )
        return self._clean(answer), notes

    def _open_case(
        self,
        session: Session,
        message: Message,
        parts: MessageParts,
        result: ParseResult,
        now: datetime,
        ambiguous: str | None = None,
    ) -> Outcome:
        sender = parts.sender or ""
        data = self._case_data(result)
        data["notes"] = message_notes(message.id, [*parts.notes, *result.notes])
        maintenance = result.intent == "officer_maintenance"
        hold = self._unverified("roster_change" if maintenance else "enrollment")
        flags: list[CaseFlag] = []
        if ambiguous is not None:
            flags.append(CaseFlag.AMBIGUOUS_SENDER)
        if hold is not None:
            flags.append(CaseFlag.UNVERIFIED_SENDER)
        data = casecheck.recheck(data, self.rules)
        complete = casecheck.is_complete(data)
        case = casefiles.create_case(
            session,
            kind=cases.CaseKind.OFFICER_MAINTENANCE if maintenance else cases.CaseKind.ENROLLMENT,
            prefix=self.settings.bot.reference_prefix,
            now=now,
            data=data,
            message_id=message.id,
            status=cases.CaseStatus.IN_REVIEW if complete else cases.CaseStatus.NEEDS_INFO,
            sender=sender,
            agency_code=result.agency.judiciary_code,
            poc_email=result.point_of_contact.email,
            flags=flags,
        )
        # The checklist is not part of the merged values: keep it as computed.
        casefiles.update_case(session, case, now=now, data={**case.data, **data})
        casefiles.add_audit(
            session,
            action="received",
            actor="mailbot",
            now=now,
            case_id=case.id,
            detail={
                "ledger_id": message.id,
                "intent": result.intent,
                "flags": flags,
                "verification": self._verification.reason,
            },
        )
        self._note_cleaned(session, case, message, now)
        if ambiguous is not None:
            # Several From addresses, or a malformed one: answer nobody, staff decide.
            return Outcome(
                MessageOutcome.REVIEW,
                f"opened {case.reference}: unclear sender ({ambiguous})",
                case.id,
            )
        if hold == "require":
            casefiles.add_audit(
                session,
                action="held_unverified",
                actor="mailbot",
                now=now,
                case_id=case.id,
                detail={"ledger_id": message.id, "verification": self._verification.reason},
            )
        if maintenance:
            return self._maintenance(session, case, message, parts, now, held=hold == "require")
        if hold == "require":
            return Outcome(
                MessageOutcome.REVIEW,
                f"opened {case.reference}: sender not verified "
                f"({self._verification.reason}); held for staff",
                case.id,
            )
        template = "acknowledgement" if complete else "checklist"
        self._reply(session, case, message, parts, template, now)
        return Outcome(MessageOutcome.PROCESSED, f"opened {case.reference}", case.id)

    def _maintenance(
        self,
        session: Session,
        case: Case,
        message: Message,
        parts: MessageParts,
        now: datetime,
        held: bool = False,
    ) -> Outcome:
        from mailbot.review import maintenance_authority

        agency = maintenance_authority(session, parts.sender or "", case.agency_code)
        if held:
            if agency is not None:
                data = self._with_roster(session, case, agency, dict(case.data), now)
                casefiles.update_case(
                    session, case, now=now, data=data, agency_code=agency.judiciary_code
                )
            return Outcome(
                MessageOutcome.REVIEW,
                f"opened {case.reference}: roster change from an unverified sender "
                f"({self._verification.reason}); held for staff",
                case.id,
            )
        if agency is None:
            casefiles.add_flag(session, case, CaseFlag.NOT_AGENCY_CONTACT, now=now)
            self._reply(session, case, message, parts, "maintenance_refused", now)
            return Outcome(
                MessageOutcome.REVIEW, "roster change from an unregistered address", case.id
            )
        data = self._with_roster(session, case, agency, dict(case.data), now)
        casefiles.update_case(session, case, now=now, data=data, agency_code=agency.judiciary_code)
        if casecheck.is_complete(case.data):
            self._reply(session, case, message, parts, "maintenance_received", now)
        else:
            if case.status != cases.CaseStatus.NEEDS_INFO:
                casefiles.set_status(session, case, cases.CaseStatus.NEEDS_INFO, now=now)
            self._reply(session, case, message, parts, "checklist", now)
        return Outcome(MessageOutcome.PROCESSED, f"opened {case.reference}", case.id)

    def _with_roster(
        self, session: Session, case: Case, agency: Any, data: dict[str, Any], now: datetime
    ) -> dict[str, Any]:
        """Roster changes checked against the agency's stored roster: a change naming
        an officer who is not on it (or is another agency's) becomes a checklist item
        for the PoC; a transfer in from another agency is flagged for staff."""
        from mailbot.review import roster_diff

        data["agency"] = {
            **(data.get("agency") or {}),
            "name": agency.name,
            "judiciary_code": agency.judiciary_code,
        }
        invalid = [i for i in data.get("invalid") or [] if not i["field"].startswith("changes[")]
        for row in roster_diff(session, agency, list(data.get("changes") or [])):
            if row.problem and row.blocking:
                invalid.append(
                    {"field": f"changes[{row.index}].officer_number", "reason": row.problem}
                )
            elif row.problem:
                casefiles.add_flag(session, case, CaseFlag.ROSTER_PROBLEM, now=now)
        data["invalid"] = invalid
        return data

    def _follow_up(
        self,
        session: Session,
        case: Case,
        message: Message,
        parts: MessageParts,
        result: ParseResult,
        now: datetime,
    ) -> Outcome:
        sender = (parts.sender or "").lower()
        known = {a.lower() for a in (case.sender, case.poc_email) if a}
        if case.status not in cases.OPEN_STATUSES:
            casefiles.add_flag(session, case, CaseFlag.LATE_FOLLOW_UP, now=now)
            return Outcome(MessageOutcome.REVIEW, f"follow-up to closed {case.reference}", case.id)
        new, notes = self._answer(session, case, parts)
        new["notes"] = message_notes(message.id, [*parts.notes, *notes])
        new["intent"] = case.data.get("intent")
        for key in ("missing", "invalid", "sender", "automated"):
            new.pop(key, None)
        if case.kind == cases.CaseKind.ENROLLMENT:
            new.pop("changes", None)
        self._note_cleaned(session, case, message, now)
        # Every message is verified on its own: the stricter of the follow-up policy
        # and the policy of the case's own kind applies.
        kind = "enrollment" if case.kind == cases.CaseKind.ENROLLMENT else "roster_change"
        policies = {self._unverified("follow_up"), self._unverified(kind)}
        hold = "require" if "require" in policies else ("flag" if "flag" in policies else None)
        same = sender in known
        merged, revisions = cases.merge(case.data, new)
        if not same:
            allowed: list[cases.Revision] = []
            why = "sent from an address that is not the case's"
            casefiles.add_flag(session, case, CaseFlag.UNEXPECTED_FOLLOW_UP, now=now)
        elif hold is not None:
            # An unverified follow-up changes nothing on its own ("require" or "flag").
            allowed = []
            why = f"sender not verified ({self._verification.reason})"
        else:
            allowed = [r for r in revisions if not cases.is_contact_change(r)]
            why = "changes a contact address"
        if hold is not None and same:
            casefiles.add_flag(session, case, CaseFlag.UNVERIFIED_SENDER, now=now)
        held = [r for r in revisions if r not in allowed]
        if held:
            contact = any(cases.is_contact_change(r) for r in held)
            proposal = casefiles.add_proposal(
                session,
                case,
                kind="contact_change" if contact else "follow_up",
                reason=why,
                data=new,
                now=now,
                message_id=message.id,
            )
            casefiles.flag_by_bot(
                session,
                case,
                CaseFlag.CHANGES_HELD,
                action="follow_up_held",
                now=now,
                detail={
                    "ledger_id": message.id,
                    "proposal": proposal.id,
                    "reason": why,
                    "paths": [r.path for r in held][:50],
                },
            )
            log.info("changes_held", reference=case.reference, proposal_id=proposal.id)
        if not same or hold is not None:
            return Outcome(
                MessageOutcome.REVIEW,
                f"follow-up to {case.reference} held for staff: {why}",
                case.id,
            )
        casefiles.record_revisions(session, case, allowed, now=now, message_id=message.id)
        # Notes carry no revision: what this message skipped is kept on the case and
        # said in the reply whatever else is held.
        checked = casecheck.recheck({**case.data, "notes": merged.get("notes", [])}, self.rules)
        if case.kind == cases.CaseKind.OFFICER_MAINTENANCE and case.agency_code:
            from mailbot.store import roster

            agency = roster.get_agency(session, case.agency_code)
            if agency is not None:
                checked = self._with_roster(session, case, agency, checked, now)
        casefiles.update_case(
            session,
            case,
            now=now,
            data=checked,
            agency_code=checked.get("agency", {}).get("judiciary_code") or case.agency_code,
            poc_email=checked.get("point_of_contact", {}).get("email") or case.poc_email,
        )
        complete = casecheck.is_complete(checked)
        was = case.status
        target = cases.status_after_check(was, complete)
        if target != was:
            casefiles.set_status(session, case, target, now=now)
        casefiles.add_audit(
            session,
            action="merged",
            actor="mailbot",
            now=now,
            case_id=case.id,
            detail={"ledger_id": message.id, "complete": complete},
        )
        if complete and was != cases.CaseStatus.IN_REVIEW:
            template = (
                "complete" if case.kind == cases.CaseKind.ENROLLMENT else "maintenance_received"
            )
            self._reply(session, case, message, parts, template, now)
        elif not complete:
            self._reply(session, case, message, parts, "checklist", now)
        if held:
            return Outcome(
                MessageOutcome.REVIEW,
                f"merged into {case.reference}; some changes held for staff: {why}",
                case.id,
            )
        return Outcome(MessageOutcome.PROCESSED, f"merged into {case.reference}", case.id)

    def _reply(
        self,
        session: Session,
        case: Case,
        message: Message,
        parts: MessageParts,
        template: str,
        now: datetime,
    ) -> None:
        sender = (parts.sender or "").lower()
        if not sender or not self.may_reply(session, sender):
            casefiles.add_audit(
                session,
                action="reply_suppressed",
                actor="mailbot",
                now=now,
                case_id=case.id,
                detail={"template": template, "reason": "no sender or daily cap reached"},
            )
            return
        data = case.data
        agency_name = (data.get("agency") or {}).get("name")
        context: dict[str, Any] = {
            "agency_name": agency_name,
            "notes": [
                clean(n.get("text"), 200)
                for n in data.get("notes") or []
                if isinstance(n, dict) and n.get("message") == message.id
            ],
        }
        if template == "checklist":
            from mailbot.checklist import describe

            context["checklist"] = describe(
                data.get("missing", []), data.get("invalid", []), data.get("officers", []), data
            )
        elif template in ("maintenance_received",):
            from mailbot.checklist import describe_changes

            context["changes"] = describe_changes(data.get("changes", []))
        refs = [*parts.references, parts.message_id] if parts.message_id else list(parts.references)
        try:
            queue_email(
                session,
                self.settings,
                template=template,
                key=f"{case.reference}/{template}/{message.id}",
                to=[sender],
                now=now,
                case=case,
                in_reply_to=parts.message_id,
                references=[r for r in refs if r],
                **context,
            )
        except MailbotError as e:
            casefiles.add_flag(session, case, CaseFlag.REPLY_NOT_SENT, now=now)
            log.warning("reply_not_built", reference=case.reference, error=str(e))


def message_notes(message_id: int | None, notes: list[str]) -> list[dict[str, Any]]:
    """Notes of one message as kept on its case: which message, and what was skipped."""
    return [{"message": message_id, "text": text} for text in dict.fromkeys(notes)]
