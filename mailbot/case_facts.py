"""Gathering what :func:`mailbot.domain.decide.decide` decides from: the message, its
reading, and what the store knows about its thread, its sender and earlier copies.

Reads the session, never writes to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from mailbot import safety
from mailbot.config import Settings
from mailbot.domain.case_data import CaseData
from mailbot.domain.enums import CaseKind, CaseStatus
from mailbot.domain.facts import (
    BouncedReply,
    CaseState,
    EarlierMessage,
    Facts,
    LogoImage,
    Mailbox,
    Policy,
    Reading,
    RosterFacts,
    Trust,
)
from mailbot.domain.references import find_reference
from mailbot.domain.roster import RosterIndex
from mailbot.domain.rules import bounce, own_mail
from mailbot.domain.values import Json
from mailbot.errors import ReplyUnreadable
from mailbot.intake.auth import Verification, from_problem
from mailbot.intake.classify import automated_reason
from mailbot.intake.model import ParseResult
from mailbot.intake.parts import MessageParts
from mailbot.intake.rules import Rules
from mailbot.notify import LOOP_VALUE
from mailbot.outbound import sanitise_header_text
from mailbot.reader import AnswerRequest, Reader
from mailbot.store import bounces, casefiles, ledger, outbox, roster, roster_index
from mailbot.store.models import Agency, Case, Message


def policy_of(settings: Settings, rules: Rules) -> Policy:
    trust = settings.trust
    return Policy(
        rules=rules,
        trust={
            "enrollment": str(trust.enrollment),
            "roster_change": str(trust.roster_change),
            "follow_up": str(trust.follow_up),
        },
        reply_cap=settings.bot.max_replies_per_address_per_day,
        suppress_after_hard_bounces=settings.bot.suppress_after_hard_bounces,
    )


def case_state(case: Case) -> CaseState:
    return CaseState(
        id=case.id,
        reference=case.reference or "",
        kind=CaseKind(case.kind),
        status=CaseStatus(case.status),
        sender=case.sender,
        poc_email=case.poc_email,
        agency_code=case.agency_code,
        data=CaseData.load(case.data),
    )


def logo_of(data: Mapping[str, Json], parts: MessageParts) -> LogoImage | None:
    """The attachment the reading chose as logo (``logo_info`` names its SHA-256)."""
    found = data.get("logo_info")
    info: Mapping[str, Json] = found if isinstance(found, Mapping) else {}
    wanted = info.get("sha256")
    if not isinstance(wanted, str):
        return None
    for attachment in parts.attachments:
        if hashlib.sha256(attachment.data).hexdigest() == wanted:
            return LogoImage(
                filename=str(info.get("filename") or attachment.filename),
                format=str(info.get("format") or ""),
                width=_whole(info.get("width")),
                height=_whole(info.get("height")),
                sha256=wanted,
                data=attachment.data,
            )
    return None


def _whole(value: Json) -> int:
    """A stored number (the logo's width or height) as an int; 0 when not given."""
    return int(value) if isinstance(value, int | float | str) and value else 0


def reading_of(result: ParseResult, notes: list[str], parts: MessageParts) -> Reading:
    """The reading as case data, values cleaned of control and bidi characters."""
    data = CaseData.from_result(result).stored()
    cleaned, count = safety.clean_data(dict(data))
    return Reading(
        intent=result.intent,
        data=CaseData.load(cleaned),
        notes=tuple(notes),
        cleaned=count,
        agency_code=result.agency.judiciary_code,
        poc_email=result.point_of_contact.email,
        logo=logo_of(data, parts),
    )


def body_digest(raw: bytes) -> str:
    """SHA-256 of what follows the header block."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(separator)
        if at >= 0:
            return hashlib.sha256(raw[at + len(separator) :]).hexdigest()
    return hashlib.sha256(b"").hexdigest()


def earlier_copies(session: Session, message: Message) -> tuple[EarlierMessage, ...]:
    """Other ledger rows with the same bytes (the first of them), else with the same
    Message-ID (all of them), oldest first: one query, and the stored bytes of an
    earlier row are loaded only when its sender is the same."""
    message_id = message.message_id if message.raw is not None else None
    others = ledger.same_bytes_or_id(session, message.id, message.raw_sha256, message_id)
    for other in others:
        if other.raw_sha256 == message.raw_sha256:
            return (EarlierMessage(other.id, other.case_id, same_bytes=True),)
    if not message_id or message.raw is None:
        return ()
    body = body_digest(message.raw)
    found = []
    for other in others:
        same_sender = other.sender == message.sender
        raw = ledger.raw_of(session, other.id) if same_sender else None
        same_body = raw is not None and body_digest(raw) == body
        found.append(EarlierMessage(other.id, other.case_id, False, same_sender, same_body))
    return tuple(found)


def bounced_reply(
    session: Session, message: Message, parts: MessageParts, domain: str
) -> BouncedReply | None:
    """The first of our replies a delivery report quotes that belongs to a case."""
    if not bounce.is_report(parts.content_type, parts.sender) or message.raw is None:
        return None
    for found in bounce.quoted_reply_ids(message.raw, domain):
        row = outbox.find_outbox(session, found)
        if row is None or row.case_id is None:
            continue
        case = casefiles.get_case_by_id(session, row.case_id)
        if case is None:
            continue
        count, suppressed = bounces.standing(session, row.to_address)
        hard = bounces.is_hard_bounce(message.raw)
        return BouncedReply(case_state(case), row.id, row.to_address, hard, count, suppressed)
    return None


def thread_case(session: Session, parts: MessageParts, prefix: str) -> Case | None:
    found = casefiles.find_case_by_message_ids(session, [parts.in_reply_to, *parts.references])
    if found is not None:
        return found
    ref = find_reference(parts.subject, prefix)
    return casefiles.get_case(session, ref) if ref else None


def mailbox(session: Session, address: str, now: datetime) -> Mailbox:
    address = address.lower()
    if not address:
        return Mailbox()
    suppressed, replies = bounces.reply_standing(session, address, now - timedelta(days=1))
    return Mailbox(address, suppressed, replies)


def message_facts(
    session: Session,
    settings: Settings,
    message: Message,
    parts: MessageParts,
    result: ParseResult,
    headers: list[tuple[str, str]],
    verification: Verification,
    now: datetime,
) -> Facts:
    """The facts every message brings (the route-specific ones come later)."""
    bot = settings.bot
    loop = parts.headers.get(bot.loop_header.lower(), [])
    why = automated_reason(parts, bot.loop_header) or "automated"
    return Facts(
        ledger_id=message.id,
        sender=parts.sender or "",
        own=own_mail.is_own(loop, parts.message_id, LOOP_VALUE, bot.message_id_domain),
        automated=result.automated,
        automated_reason=sanitise_header_text(why, 120),
        bounce=bounced_reply(session, message, parts, bot.message_id_domain)
        if result.automated
        else None,
        earlier=earlier_copies(session, message),
        from_problem=from_problem([v for name, v in headers if name == "from"]),
        trust=Trust(verification.configured, verification.verified, verification.reason or ""),
        reading=reading_of(result, [*parts.notes, *result.notes], parts),
        mailbox=mailbox(session, parts.sender or "", now),
    )


def roster_facts(
    session: Session, agency: Agency | None, changes: list[list[Mapping[str, Json]]]
) -> RosterFacts:
    """The agency (a store row, or None) and its roster, for the changes named."""
    if agency is None:
        return RosterFacts()
    index = roster_index.for_changes(session, changes, [agency.id], RosterIndex())
    return RosterFacts(roster_index.agency_ref(agency), index)


def agency_by_code(session: Session, code: str | None) -> Agency | None:
    return roster.get_agency(session, code) if code else None


def changes_of(data: CaseData) -> list[Mapping[str, Json]]:
    return [c.model_dump() for c in data.changes]


def raw_headers(raw: bytes | None, parts: MessageParts) -> list[tuple[str, str]]:
    """The header fields in order, as written (before any decoding merges words):
    where an Authentication-Results header stands, and what From says, matter."""
    if raw is None:
        return [(name, v) for name, values in parts.headers.items() for v in values]
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    from mailbot.intake.message import decode_bytes

    head = BytesHeaderParser(policy=compat32).parsebytes(raw[:262_144])
    out = []
    for name, value in head.items()[:500]:
        text = str(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # 8-bit bytes kept as surrogates
            text = decode_bytes(text.encode("ascii", "surrogateescape"))
        out.append((str(name).strip().lower(), text))
    return out


def answer(session: Session, case: Case, parts: MessageParts, reader: Reader) -> Reading:
    """What a reply adds to its case, read by ``reader`` (:meth:`Reader.answer`: in
    its child process, under its time limit) against what we sent on the case and what
    the case asked for. Raises :class:`ReplyUnreadable` with the reason when that
    reading fails (a time-out, a crash)."""
    request = AnswerRequest(
        parts=parts,
        sent=tuple(
            row.raw
            for row in outbox.outbox_of_case(session, case.id)
            if row.raw is not None  # a body deleted by [retention] is no longer compared
        ),
        kind=CaseKind(case.kind),
        case_data=dict(case.data),
    )
    found = reader.answer(request)
    if isinstance(found, str):
        raise ReplyUnreadable(found)
    data, notes = found
    cleaned, count = safety.clean_data(dict(data))
    return Reading(
        data=CaseData.load(cleaned),
        notes=(*parts.notes, *notes),
        cleaned=count,
        logo=logo_of(data, parts),
    )
