"""``mailbot run``, ``mailbot poll``, ``mailbot quarantine``, ``mailbot reprocess``."""

from __future__ import annotations

import json
import sys
from types import FrameType
from typing import TYPE_CHECKING, TypedDict

import click

from mailbot.safety import json_text, terminal_text

if TYPE_CHECKING:
    from mailbot.cli import AppContext
    from mailbot.config import Settings


class QuarantineRow(TypedDict):
    """One message set aside, as ``mailbot quarantine --json`` prints it."""

    id: int
    recorded_at: str
    sender: str | None
    subject: str | None
    size: int
    reason: str | None


@click.command()
@click.pass_obj
def run(app: AppContext) -> None:
    """Watch the mailbox in the foreground until SIGTERM or Ctrl-C.

    Polls every [poll] interval_seconds (and at once on new mail with IMAP IDLE),
    delivers queued replies, and stops cleanly after the message in hand.

    \b
    Example:
      MAILBOT_MAILBOX_PASSWORD=... mailbot --config mailbot.toml run
    """
    from mailbot.adapters import make_mailbox, make_mailer
    from mailbot.adapters.oauth2 import token_source
    from mailbot.heartbeat import Heartbeat
    from mailbot.ports import SystemClock
    from mailbot.runner import run_desk
    from mailbot.service import build_desk

    settings = app.settings
    mailer = make_mailer(settings)
    desk = build_desk(settings, make_mailbox(settings), mailer)
    # The heartbeat and the metrics use the desk's own database engine.
    heartbeat = Heartbeat(desk.engine, SystemClock(), tokens=token_source(settings))
    desk.mailer = heartbeat.watch(mailer)
    metrics = None
    if settings.metrics.port:
        from mailbot.metrics import serve_metrics

        metrics = serve_metrics(
            desk.engine, SystemClock(), settings.metrics.address, settings.metrics.port
        )
    try:
        code = run_desk(desk, lambda: make_mailbox(settings), heartbeat)
    finally:
        if metrics is not None:
            metrics.shutdown()
        desk.engine.dispose()
    sys.exit(code)


@click.command()
@click.option("--once", is_flag=True, required=True, help="Run one full cycle and exit.")
@click.option("--json", "as_json", is_flag=True, help="Print the cycle's counts as JSON.")
@click.pass_obj
def poll(app: AppContext, once: bool, as_json: bool) -> None:
    """Run one full cycle: fetch new mail, process it, deliver due replies.

    Exits 0 on success, 1 when the mailbox or database cannot be reached. SIGTERM or
    Ctrl-C (e.g. from a cron `timeout`) stops it after the message in hand; what is
    left is read by the next run.

    \b
    Example:
      mailbot --config mailbot.toml poll --once
    """
    import signal
    import threading

    from mailbot.adapters import make_mailbox, make_mailer
    from mailbot.adapters.oauth2 import token_source
    from mailbot.errors import MailboxError
    from mailbot.heartbeat import Heartbeat
    from mailbot.ports import SystemClock
    from mailbot.service import build_desk

    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    settings = app.settings
    mailer = make_mailer(settings)
    desk = build_desk(settings, make_mailbox(settings), mailer)
    # Run from cron, the cycle still reports to `mailbot status`.
    heartbeat = Heartbeat(desk.engine, SystemClock(), tokens=token_source(settings))
    desk.mailer = heartbeat.watch(mailer)
    try:
        polled, delivered = desk.cycle(stop, full=True)
    except MailboxError as e:
        heartbeat.poll_failed(str(e))
        raise
    else:
        heartbeat.polled()
    finally:
        desk.close()
    counts = {"poll": vars(polled), "outbox": vars(delivered)}
    if as_json:
        click.echo(json.dumps(counts))
    else:
        click.echo(
            f"seen {polled.seen}, processed {polled.processed}, duplicates {polled.duplicates}, "
            f"automated {polled.automated}, quarantined {polled.quarantined}, "
            f"too large {polled.too_large}; replies sent {delivered.sent}, "
            f"deferred {delivered.retried}, failed {delivered.failed}"
        )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def quarantine(app: AppContext, as_json: bool) -> None:
    """List messages set aside because they could not be read.

    \b
    Example:
      mailbot quarantine
      mailbot reprocess 42
    """
    from mailbot.store import db, ledger

    engine = db.open_engine(app.settings.database.url)
    try:
        with db.transaction(engine) as session:
            rows: list[QuarantineRow] = [
                {
                    "id": m.id,
                    "recorded_at": m.recorded_at.isoformat(),
                    "sender": m.sender,
                    "subject": m.subject,
                    "size": m.size,
                    "reason": m.reason,
                }
                for m in ledger.quarantined_messages(session)
            ]
    finally:
        engine.dispose()
    if as_json:
        click.echo(json_text(rows))
        return
    if not rows:
        click.echo("Nothing in quarantine.")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Quarantine ({len(rows)})")
    for col in ("ID", "Recorded", "Sender", "Subject", "Reason"):
        table.add_column(col)
    for r in rows:
        # Sender, subject and reason come from the email: shown, never obeyed.
        table.add_row(
            str(r["id"]),
            r["recorded_at"][:19],
            escape(terminal_text(r["sender"] or "-")),
            escape(terminal_text((r["subject"] or "-")[:40])),
            escape(terminal_text(r["reason"] or "-")),
        )
    Console().print(table)


@click.command()
@click.argument("ledger_id", metavar="ID", type=int)
@click.pass_obj
def reprocess(app: AppContext, ledger_id: int) -> None:
    """Read a quarantined message again (after a fix) and act on it.

    ID is the number `mailbot quarantine` shows. Replies it queues are sent by the
    next cycle.

    \b
    Example:
      mailbot reprocess 42
    """
    from mailbot.service import build_recorder
    from mailbot.store import db

    settings = app.settings
    engine = db.make_engine(settings.database.url)
    try:
        recorder = build_recorder(settings, engine)
        try:
            outcome, reason = recorder.reprocess(ledger_id)
        finally:
            recorder.reader.close()
    finally:
        engine.dispose()
    told = f" ({terminal_text(reason)})" if reason else ""
    click.echo(f"message #{ledger_id}: {outcome.value}{told}")


@click.command()
@click.option("--lift", "lift", metavar="ADDRESS", help="Let replies go to ADDRESS again.")
@click.option("--by", "by", metavar="NAME", help="Who lifts it (for the audit trail).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def suppressed(app: AppContext, lift: str | None, by: str | None, as_json: bool) -> None:
    """List the addresses the bot stopped writing to after [bot]
    suppress_after_hard_bounces hard bounces, or lift one once it is fixed.

    \b
    Example:
      mailbot suppressed
      mailbot suppressed --lift chief@town.vt.us --by "K. Staff"
    """
    from datetime import UTC, datetime

    from mailbot.errors import CaseError
    from mailbot.store import bounces, casefiles, db

    if lift is not None and not (by or "").strip():
        raise CaseError("say who lifts it: --by NAME")
    engine = db.open_engine(app.settings.database.url)
    try:
        with db.transaction(engine) as session:
            if lift is not None:
                if not bounces.lift(session, lift):
                    raise CaseError(f"{lift} is not suppressed; `mailbot suppressed` lists them")
                casefiles.add_audit(
                    session,
                    action="address_unsuppressed",
                    actor=str(by),
                    now=datetime.now(UTC),
                    detail={"to": lift.strip().lower()},
                )
            rows = [
                {
                    "address": r.address,
                    "hard_bounces": r.hard_bounces,
                    "suppressed_at": r.suppressed_at.isoformat() if r.suppressed_at else None,
                }
                for r in bounces.suppressed(session)
            ]
    finally:
        engine.dispose()
    if lift is not None:
        click.echo(f"replies may go to {lift.strip().lower()} again")
        return
    if as_json:
        click.echo(json_text(rows))
    elif not rows:
        click.echo("No address is suppressed.")
    else:
        for r in rows:
            address = terminal_text(r["address"])
            click.echo(f"{address}  {r['hard_bounces']} hard bounces  since {r['suppressed_at']}")


def trust_warnings(settings: Settings) -> list[str]:
    """What `mailbot check` must say loudly about sender verification (never fatal:
    the desk works, but trusts less than it should)."""
    out = []
    if not settings.bot.authserv_id.strip() and not settings.trust.unnamed_results:
        out.append(
            "[bot] authserv_id is EMPTY: NO SENDER IS VERIFIED and [trust] does nothing; "
            "anyone can send mail in an agency's name. Set it to your mail server's "
            "Authentication-Results id (on Microsoft 365: [trust] unnamed_results = true)."
        )
    if not settings.bot.message_id_secret.get_secret_value():
        out.append(
            "[bot] message_id_secret is empty: reply Message-IDs can be predicted; "
            "set MAILBOT_BOT_MESSAGE_ID_SECRET"
        )
    return out


@click.command()
@click.option(
    "--create-folders",
    is_flag=True,
    help="Create the folders the bot moves mail to when they are missing.",
)
@click.pass_obj
def check(app: AppContext, create_folders: bool) -> None:
    """Check the settings, the database, the OAuth2 token, the mailbox and its
    folders, and the SMTP server.

    Prints one line per part; exits 1 when any of them fails. It logs in to both
    servers: for a frequent health check use `mailbot status`, which reads only
    the database.

    \b
    Examples:
      mailbot --config mailbot.toml check
      mailbot --config mailbot.toml check --create-folders
    """
    from mailbot.adapters import make_mailbox, make_mailer
    from mailbot.adapters.oauth2 import token_source
    from mailbot.config import _is_loopback
    from mailbot.errors import MailbotError
    from mailbot.store import db

    settings = app.settings
    failures = 0

    def report(part: str, ok: bool | None, detail: str) -> None:
        """One line; ``ok`` None is a warning (does not fail the check)."""
        nonlocal failures
        failures += 0 if ok in (True, None) else 1
        mark = "ok  " if ok else ("warn" if ok is None else "FAIL")
        click.echo(f"{part:<9} {mark} {detail}")

    report("config", True, app.config_path or "(built-in defaults)")
    domain = settings.bot.message_id_domain
    if domain.lower().endswith(".invalid") and not _is_loopback(settings.mailbox.host):
        report(
            "bot",
            False,
            f"[bot] message_id_domain is {domain!r}: replies with .invalid Message-IDs are "
            "scored as spam; set it to the desk's own domain (e.g. vermont.gov)",
        )
    for warning in trust_warnings(settings):
        click.echo(f"{'trust':<9} WARN {warning}")
    try:
        engine = db.make_engine(settings.database.url)
        try:
            db.check_schema(engine)
        finally:
            engine.dispose()
        report("database", True, f"{db.safe_url(settings.database.url)} (schema current)")
    except MailbotError as e:
        report("database", False, str(e))
    tokens = token_source(settings)
    if tokens is not None:
        try:
            tokens.token()
            expires = tokens.state().expires_at
            until = expires.strftime("%Y-%m-%d %H:%M UTC") if expires else "?"
            where = (
                "token_command" if settings.oauth2.token_command else settings.oauth2.authority_url
            )
            report("oauth2", True, f"token from {where}, valid until {until}")
        except MailbotError as e:
            report("oauth2", False, str(e))
    box = make_mailbox(settings)
    folders = [
        settings.mailbox.folder,
        settings.mailbox.processed_folder,
        settings.mailbox.review_folder,
        settings.mailbox.quarantine_folder,
    ]
    try:
        box.connect()
        state = box.status(settings.mailbox.folder)
        report(
            "mailbox",
            True,
            f"{settings.mailbox.username}@{settings.mailbox.host}: "
            f"{settings.mailbox.folder} holds {state.exists} message(s)",
        )
        missing = box.missing_folders(folders)
        if missing and create_folders:
            for name in missing:
                box.ensure_folder(name)
            report("folders", True, "created " + ", ".join(missing))
        elif missing:
            report(
                "folders",
                None,
                "missing " + ", ".join(missing) + ": the bot creates them when first needed, "
                "or run `mailbot check --create-folders`",
            )
        else:
            report("folders", True, ", ".join(folders))
    except MailbotError as e:
        report("mailbox", False, str(e))
    finally:
        box.close()
    try:
        make_mailer(settings).check()
        report("smtp", True, f"{settings.smtp.host}:{settings.smtp.port} accepts a session")
    except MailbotError as e:
        report("smtp", False, str(e))
    if failures:
        sys.exit(1)
