"""Queue an outgoing email: render a template, build the message, write the outbox row.

The one path every reply and notice takes (the poll loop's acknowledgements and
checklists, the review CLI's ready-for-use and rejection notices). It runs inside
the caller's transaction, so the email is committed together with the change that
caused it; the outbox relay sends it later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy.orm import Session

from mailbot.config import Settings
from mailbot.outbound import build_email, make_message_id
from mailbot.replies import render
from mailbot.store import casefiles, outbox
from mailbot.store.models import Case, OutboxMessage

log = structlog.get_logger()

# Value of the loop header on everything the bot sends; mail carrying it is ours.
LOOP_VALUE = "mailbot"


def queue_email(
    session: Session,
    settings: Settings,
    *,
    template: str,
    key: str,
    to: Sequence[str],
    now: datetime,
    case: Case | None = None,
    cc: Sequence[str] = (),
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    actor: str = "mailbot",
    **context: Any,
) -> OutboxMessage:
    """Render ``template`` and queue it to ``to`` (and ``cc``).

    ``key`` identifies this email uniquely and stably (e.g. ``"ETK-0042/checklist/7"``,
    with the ledger id of the message it answers): its Message-ID is derived from it,
    so queuing the same email twice yields one row, and a resend after a crash carries
    the same Message-ID.
    """
    reference = case.reference if case is not None else None
    rendered = render(template, reference=reference, **context)
    message_id = make_message_id(
        key, settings.bot.message_id_domain, settings.bot.message_id_secret.get_secret_value()
    )
    raw = build_email(
        rendered=rendered,
        from_address=settings.smtp.from_address,
        from_name="DPS e-Ticket",
        to=to,
        cc=cc,
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        reference=reference,
        loop_header=settings.bot.loop_header,
        loop_value=LOOP_VALUE,
        date=now,
    )
    recipients = list(dict.fromkeys(a.lower() for a in [*to, *cc]))
    row = outbox.enqueue(
        session,
        template=template,
        message_id=message_id,
        to_address=to[0],
        recipients=recipients,
        subject=rendered.subject,
        raw=raw,
        now=now,
        case_id=case.id if case is not None else None,
    )
    casefiles.add_audit(
        session,
        action="replied" if actor == "mailbot" else "notified",
        actor=actor,
        now=now,
        case_id=case.id if case is not None else None,
        detail={"template": template, "to": recipients, "message_id": row.message_id},
    )
    log.info("email_queued", template=template, reference=reference, outbox_id=row.id)
    return row
