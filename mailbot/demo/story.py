"""What the demo tells: the sample story, what the bot did, and what to type next."""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from mailbot.demo.layout import DESK_PASSWORD, DESK_USER, HOST, DemoLayout, shown
from mailbot.demo.samples import (
    COMPLETE_SAMPLE,
    INCOMPLETE_SAMPLE,
    REPLY_SAMPLE,
    envelope_recipients,
    find_reply,
    fresh_identity,
    headers,
    load_sample,
    plain_text,
    sender_of,
)
from mailbot.demo.servers import send

if TYPE_CHECKING:
    from sqlalchemy import Engine
from mailbot.demo.smtp_server import Delivery
from mailbot.store import db

STORY_TIMEOUT = 45.0

_STATUS_TEXT = {
    "needs_info": "waiting for information",
    "in_review": "complete, waiting for staff review",
    "approved": "approved",
    "rejected": "rejected",
    "failed": "failed",
}
_TEMPLATE_TEXT = {
    "acknowledgement": "acknowledgement",
    "checklist": "checklist of what is missing",
    "complete": "request complete",
    "ready_for_use": "records ready for use",
    "rejected": "rejection",
}

T = TypeVar("T")


class Story:
    """Sends the samples, and prints each delivery to the desk, each email the bot read
    (from the ledger) and each reply it sent, as they happen."""

    def __init__(
        self,
        layout: DemoLayout,
        engine: Engine,
        events: queue.Queue[Delivery],
        stop: threading.Event,
        bot_stopped: Callable[[], str | None],
        echo: Callable[[str], None],
    ) -> None:
        from mailbot.store import ledger

        self.layout = layout
        self.engine = engine
        self.events = events
        self.stop = stop
        self.bot_stopped = bot_stopped
        self.echo = echo
        with db.transaction(engine) as session:
            self._ledger_id = ledger.last_message_id(session)

    # -- the story ----------------------------------------------------------------------

    def tell(self, smtp_port: int) -> bool:
        """Play the story; False when a reply did not come (or the demo was stopped)."""
        now = datetime.now(UTC)
        complete, complete_id = fresh_identity(load_sample(COMPLETE_SAMPLE), now)
        incomplete, incomplete_id = fresh_identity(load_sample(INCOMPLETE_SAMPLE), now)

        self._step(1, "A chief emails a complete enrolment request (the procedure's sample).")
        self._send(smtp_port, complete)
        self._step(2, "Another chief emails one with gaps: no phone, no logo, one officer")
        self.echo("   without a DPS username.")
        self._send(smtp_port, incomplete)

        checklist = self._wait_for(
            "the checklist reply", lambda: self._reply_to(incomplete, incomplete_id)
        )
        ack = self._wait_for("the acknowledgement", lambda: self._reply_to(complete, complete_id))
        if checklist is None or ack is None:
            return False

        self._step(3, "The second chief answers the checklist with the missing items.")
        head = headers(checklist)
        checklist_id = str(head.get("Message-ID", "")).strip()
        answer, answer_id = fresh_identity(
            load_sample(REPLY_SAMPLE),
            now,
            In_Reply_To=checklist_id,
            References=f"{incomplete_id} {checklist_id}",
            Subject="Re: " + str(head.get("Subject", "")),
        )
        self._send(smtp_port, answer)
        done = self._wait_for("the confirmation", lambda: self._reply_to(answer, answer_id))
        if done is None:
            return False
        self.pump(0.5)
        self._step(4, "The review queue, as `mailbot queue` shows it:")
        self._print_queue()
        return True

    def _step(self, number: int, text: str) -> None:
        self.echo(f"{number}. {text}")

    def _send(self, smtp_port: int, raw: bytes) -> None:
        send(smtp_port, raw)
        self.echo(
            f"   sent: {sender_of(raw)} -> "
            f'{", ".join(envelope_recipients(raw))}: "{headers(raw).get("Subject", "")}"'
        )

    def _reply_to(self, raw: bytes, message_id: str) -> bytes | None:
        return find_reply(self.layout.maildir(sender_of(raw)), message_id)

    def _wait_for(self, what: str, probe: Callable[[], T | None]) -> T | None:
        deadline = time.monotonic() + STORY_TIMEOUT
        while not self.stop.is_set():
            self.pump(0.25)
            found = probe()
            if found is not None:
                self.pump(0)
                return found
            if time.monotonic() > deadline:
                self.echo(
                    f"   {what} did not arrive within {STORY_TIMEOUT:.0f} s; "
                    "run again with --log-level info to see why"
                )
                return None
            reason = self.bot_stopped()
            if reason is not None:
                self.echo(f"   the bot stopped: {reason}")
                return None
        return None

    # -- what happened --------------------------------------------------------------------

    def pump(self, wait: float) -> None:
        """Print deliveries to the desk, what the bot read, then the replies it sent."""
        held: list[Delivery] = []
        with contextlib.suppress(queue.Empty):
            held.append(self.events.get(timeout=wait) if wait else self.events.get_nowait())
            while True:
                held.append(self.events.get_nowait())
        replies = []
        for delivery in held:
            if delivery.to_desk:
                subject = headers(delivery.data).get("Subject", "")
                self.echo(f'   delivered to the desk\'s inbox: "{subject}"')
            if delivery.local and not delivery.to_desk:
                replies.append(delivery)
        self._print_read()
        for delivery in replies:
            self._print_reply(delivery)

    def _print_read(self) -> None:
        from mailbot.store import ledger

        with db.transaction(self.engine) as session:
            lines = []
            for message, case in ledger.messages_after(session, self._ledger_id):
                self._ledger_id = message.id
                line = f"   the bot read the email from {message.sender or '(unknown)'}: " + (
                    message.reason or message.outcome.value
                )
                if case is not None:
                    status = _STATUS_TEXT.get(case.status.value, case.status.value)
                    line += f"; {case.reference} is {status}"
                lines.append(line)
        for line in lines:
            self.echo(line)

    def _print_reply(self, delivery: Delivery) -> None:
        from mailbot.store import outbox

        head = headers(delivery.data)
        with db.transaction(self.engine) as session:
            row = outbox.find_outbox(session, str(head.get("Message-ID", "")).strip())
            template = row.template if row is not None else None
        label = _TEMPLATE_TEXT.get(template or "", template or "email")
        where = ", ".join(shown(self.layout.maildir(a)) for a in delivery.local)
        self.echo(f'   the desk sent ({label}): "{head.get("Subject", "")}"')
        self.echo(f"     to {', '.join(delivery.local)}, in {where}")
        if template == "checklist":
            for line in plain_text(delivery.data).strip().splitlines():
                self.echo(f"     | {line}")

    def _print_queue(self) -> None:
        from rich.console import Console

        from mailbot.cli.render import print_queue
        from mailbot.review.queue import review_queue

        with db.transaction(self.engine) as session:
            entries = review_queue(session)
        print_queue(entries, Console() if sys.stdout.isatty() else Console(width=120))

    # -- what to type next ------------------------------------------------------------------

    def next_steps(self, command: str, imap_port: int, smtp_port: int, exits: bool) -> None:
        from mailbot.cases import CaseStatus
        from mailbot.store import casefiles

        with db.transaction(self.engine) as session:
            ready = [
                (c.reference, c.poc_email)
                for c in casefiles.list_cases(session, CaseStatus.IN_REVIEW)
            ]
        layout = self.layout
        mb = f"{command} --config {shown(layout.config)}"
        ref, poc = ready[0] if ready else ("REF", None)
        self.echo("")
        if exits:
            self.echo(
                f"The demo stops now. To approve, start it again with --no-seed --dir "
                f"{shown(layout.root)} (the cases stay), then in another terminal:"
            )
        else:
            self.echo("What to type next, in another terminal (the bot keeps running here):")
        self.echo(f"  {mb} queue")
        self.echo(f"  {mb} case show {ref}")
        self.echo(f'  {mb} approve {ref} --by "Your Name"')
        if poc:
            self.echo(
                f'Within seconds the "ready for use" notice arrives for {poc}, in '
                f"{shown(layout.maildir(poc))}/new/"
            )
        self.echo("")
        self.echo("Send your own email to the desk, with any mail client or swaks:")
        self.echo(
            f"  swaks --server {HOST}:{smtp_port} --to dps.eTicket@vermont.gov "
            "--from you@example.org --header 'Subject: e-ticket enrolment' --body request.txt"
        )
        self.echo(
            f"  replies land in {shown(layout.mail)}/you@example.org/new/ ; the desk's "
            f"mailbox is IMAP {HOST}:{imap_port}, user {DESK_USER}, password {DESK_PASSWORD}"
        )
        if not exits:
            self.echo("Press Ctrl-C to stop.")
        self.echo("")
