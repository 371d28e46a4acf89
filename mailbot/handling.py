"""What a message means for the desk's cases, decided inside the message's transaction.

Given a message already read (:class:`MessageParts` and :class:`ParseResult`) and its
ledger row, :meth:`Handler.decide` gathers the facts (:mod:`mailbot.case_facts`),
lets the pure rules decide (:func:`mailbot.domain.decide.decide`: open a case, merge
a reply into its case, hold a doubtful one for staff, or record it as automated, a
duplicate or our own, with the replies that go with it) and applies the decision
through the store (:mod:`mailbot.case_effects`). A reply on an open case is read
again against its case by the reader (:meth:`mailbot.reader.Reader.answer`, under its
time limit); when that fails, :class:`~mailbot.errors.ReplyUnreadable` is raised and
the recorder quarantines the message. No IMAP and no SMTP here: the poll
loop (:mod:`mailbot.service`) moves the message afterwards and the relay sends the
replies.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import structlog
from sqlalchemy.orm import Session

from mailbot import case_facts
from mailbot.case_effects import Effects, Outcome
from mailbot.config import Settings
from mailbot.domain.case_data import CaseData
from mailbot.domain.decide import Route, decide, route
from mailbot.domain.enums import CaseKind
from mailbot.domain.facts import Facts
from mailbot.domain.rules import reply_cap
from mailbot.intake.auth import Verification, verify_sender
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.ports import Clock
from mailbot.reader import Reader
from mailbot.store import roster_index
from mailbot.store.models import Case, Message

log = structlog.get_logger()

__all__ = ["Handler", "Outcome", "Vouched"]

Vouched = tuple[list[tuple[str, str]], Verification]
"""A message's header fields as written, and the verification of its sender."""


class Handler:
    """Case decisions for one message; pure apart from the session it is given."""

    def __init__(self, settings: Settings, rules: Rules, reader: Reader, clock: Clock) -> None:
        """``reader`` reads a reply against its case (the desk's reader)."""
        self.settings = settings
        self.rules = rules
        self.reader = reader
        self.clock = clock
        self.policy = case_facts.policy_of(settings, rules)

    def may_reply(self, session: Session, address: str) -> bool:
        """Whether a reply may go to ``address`` now (not suppressed, under the cap)."""
        box = case_facts.mailbox(session, address, self.clock.now())
        allowed, why = reply_cap.allowed(box, self.policy)
        if why is not None:
            getattr(log, why.level)(why.event, **dict(why.fields))
        return allowed

    def vouch(self, raw: bytes | None, parts: MessageParts) -> Vouched:
        """The header fields as written, and what our mail server vouches for."""
        headers = case_facts.raw_headers(raw, parts)
        verification = verify_sender(
            parts,
            self.settings.bot.authserv_id,
            headers,
            unnamed_results=self.settings.trust.unnamed_results,
        )
        return headers, verification

    def decide(
        self,
        session: Session,
        message: Message,
        parts: MessageParts,
        result: ParseResult,
        now: datetime,
        vouched: Vouched | None = None,
    ) -> Outcome:
        """``vouched``: :meth:`vouch` of this message, already kept in ``message.auth``
        (the recorder writes it with the ledger row); else it is worked out here."""
        if vouched is None:
            # What our mail server vouches for, kept with the message whatever happens.
            vouched = self.vouch(message.raw, parts)
            message.auth = vouched[1].as_dict()
        headers, verification = vouched
        facts = case_facts.message_facts(
            session, self.settings, message, parts, result, headers, verification, now
        )
        case = case_facts.thread_case(session, parts, self.settings.bot.reference_prefix)
        state = case_facts.case_state(case) if case is not None else None
        way = route(facts, state)
        if way == Route.FOLLOW_UP and case is not None:
            facts = self._follow_up_facts(session, facts, case, parts)
        elif way == Route.NEW_CASE and result.intent == CaseKind.OFFICER_MAINTENANCE:
            agency = roster_index.authority(session, facts.sender, result.agency.judiciary_code)
            changes = case_facts.changes_of(facts.reading.data)
            facts = replace(facts, roster=case_facts.roster_facts(session, agency, [changes]))
        decision = decide(facts, state, self.policy)
        effects = Effects(session, self.settings, message, parts, now)
        return effects.apply(
            decision, case if decision.case_id == getattr(case, "id", -1) else None
        )

    def _follow_up_facts(
        self, session: Session, facts: Facts, case: Case, parts: MessageParts
    ) -> Facts:
        """A reply read against its case; for a roster change, the agency's roster."""
        answer = case_facts.answer(session, case, parts, self.reader)
        facts = replace(facts, answer=answer)
        if case.kind == CaseKind.OFFICER_MAINTENANCE and case.agency_code:
            agency = case_facts.agency_by_code(session, case.agency_code)
            changes = [
                case_facts.changes_of(CaseData.load(case.data)),
                case_facts.changes_of(answer.data),
            ]
            facts = replace(facts, roster=case_facts.roster_facts(session, agency, changes))
        return facts
