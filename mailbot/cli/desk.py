"""``mailbot run``, ``mailbot poll``, ``mailbot quarantine``, ``mailbot reprocess``."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


@click.command()
@click.pass_obj
def run(app: Any) -> None:
    """Watch the mailbox in the foreground until SIGTERM or Ctrl-C.

    Polls every [poll] interval_seconds (and at once on new mail with IMAP IDLE),
    delivers queued replies, and stops cleanly after the message in hand.

    \b
    Example:
      MAILBOT_MAILBOX_PASSWORD=... mailbot --config mailbot.toml run
    """
    from mailbot.adapters.imap import ImapMailbox
    from mailbot.runner import run_desk
    from mailbot.service import build_desk

    settings = app.settings
    desk = build_desk(settings)
    code = run_desk(
        desk,
        lambda: ImapMailbox(settings.mailbox, idle_renew_seconds=settings.poll.idle_renew_seconds),
    )
    sys.exit(code)


@click.command()
@click.option("--once", is_flag=True, required=True, help="Run one full cycle and exit.")
@click.option("--json", "as_json", is_flag=True, help="Print the cycle's counts as JSON.")
@click.pass_obj
def poll(app: Any, once: bool, as_json: bool) -> None:
    """Run one full cycle: fetch new mail, process it, deliver due replies.

    Exits 0 on success, 1 when the mailbox or database cannot be reached.

    \b
    Example:
      mailbot --config mailbot.toml poll --once
    """
    from mailbot.service import build_desk

    desk = build_desk(app.settings)
    try:
        polled, delivered = desk.cycle(full=True)
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
def quarantine(app: Any, as_json: bool) -> None:
    """List messages set aside because they could not be read.

    \b
    Example:
      mailbot quarantine
      mailbot reprocess 42
    """
    from mailbot.store import db, ledger

    engine = db.make_engine(app.settings.database.url)
    db.check_schema(engine)
    with db.transaction(engine) as session:
        rows: list[dict[str, Any]] = [
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
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("Nothing in quarantine.")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Quarantine ({len(rows)})")
    for col in ("ID", "Recorded", "Sender", "Subject", "Reason"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["recorded_at"][:19],
            r["sender"] or "-",
            (r["subject"] or "-")[:40],
            r["reason"] or "-",
        )
    Console().print(table)


@click.command()
@click.argument("ledger_id", metavar="ID", type=int)
@click.pass_obj
def reprocess(app: Any, ledger_id: int) -> None:
    """Read a quarantined message again (after a fix) and act on it.

    ID is the number `mailbot quarantine` shows. Replies it queues are sent by the
    next cycle.

    \b
    Example:
      mailbot reprocess 42
    """
    from mailbot.ports import SystemClock
    from mailbot.service import Desk
    from mailbot.store import db

    settings = app.settings
    engine = db.make_engine(settings.database.url)
    db.check_schema(engine)
    desk = Desk(settings, engine, _NoMailbox(), _NoMailer(), SystemClock())
    try:
        outcome, reason = desk.reprocess(ledger_id)
    finally:
        if desk.reader is not None:
            desk.reader.close()
    click.echo(f"message #{ledger_id}: {outcome.value}" + (f" ({reason})" if reason else ""))


class _NoMailbox:
    """Reprocessing works from stored bytes; it never talks to IMAP."""

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"reprocess does not use the mailbox ({name})")


class _NoMailer(_NoMailbox):
    pass


def trust_warnings(settings: Any) -> list[str]:
    """What `mailbot check` must say loudly about sender verification (never fatal:
    the desk works, but trusts less than it should)."""
    out = []
    if not settings.bot.authserv_id.strip():
        out.append(
            "[bot] authserv_id is EMPTY: NO SENDER IS VERIFIED and [trust] does nothing; "
            "anyone can send mail in an agency's name. Set it to your mail server's "
            "Authentication-Results id."
        )
    if not settings.bot.message_id_secret.get_secret_value():
        out.append(
            "[bot] message_id_secret is empty: reply Message-IDs can be predicted; "
            "set MAILBOT_BOT_MESSAGE_ID_SECRET"
        )
    return out


@click.command()
@click.pass_obj
def check(app: Any) -> None:
    """Check the settings, the database, the mailbox and the SMTP server.

    Prints one line per part; exits 1 when any of them fails (use it as a health
    check: it fails, for instance, while the IMAP login keeps being refused).

    \b
    Example:
      mailbot --config mailbot.toml check
    """
    from mailbot.adapters.imap import ImapMailbox
    from mailbot.adapters.smtp import SmtpMailer
    from mailbot.errors import MailbotError
    from mailbot.store import db

    settings = app.settings
    failures = 0

    def report(part: str, ok: bool, detail: str) -> None:
        nonlocal failures
        failures += 0 if ok else 1
        click.echo(f"{part:<9} {'ok  ' if ok else 'FAIL'} {detail}")

    report("config", True, app.config_path or "(built-in defaults)")
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
    box = ImapMailbox(settings.mailbox)
    try:
        box.connect()
        state = box.status(settings.mailbox.folder)
        report(
            "mailbox",
            True,
            f"{settings.mailbox.username}@{settings.mailbox.host}: "
            f"{settings.mailbox.folder} holds {state.exists} message(s)",
        )
    except MailbotError as e:
        report("mailbox", False, str(e))
    finally:
        box.close()
    try:
        SmtpMailer(settings.smtp).check()
        report("smtp", True, f"{settings.smtp.host}:{settings.smtp.port} accepts a session")
    except MailbotError as e:
        report("smtp", False, str(e))
    if failures:
        sys.exit(1)
