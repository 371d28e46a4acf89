"""``mailbot status`` (the health check, from the database only) and ``mailbot purge``."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from mailbot.cli import AppContext

from mailbot.safety import json_text
from mailbot.safety import terminal_text as _cell


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "never"
    if seconds < 120:
        return f"{int(seconds)} s ago"
    if seconds < 7200:
        return f"{int(seconds // 60)} min ago"
    return f"{seconds / 3600:.1f} h ago"


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (for scripts).")
@click.option(
    "--instance",
    metavar="NAME",
    default=None,
    help="The bot whose health sets the exit status. Default: the one on this host (else any).",
)
@click.option(
    "--max-age",
    type=click.FloatRange(min=1),
    default=None,
    metavar="SECONDS",
    help="Unhealthy when the last successful poll is older. Default: 3 poll intervals, "
    "at least 300.",
)
@click.option(
    "--ack-folder",
    metavar="FOLDER",
    default=None,
    help="Staff have checked FOLDER after the server rebuilt it: clear its alert.",
)
@click.pass_obj
def status(
    app: AppContext,
    as_json: bool,
    instance: str | None,
    max_age: float | None,
    ack_folder: str | None,
) -> None:
    """How the running bot is doing, read from the database only (no server login).

    Shows each running bot's last successful poll and its age, its IMAP, SMTP and
    OAuth2 token state, then messages read today, cases by status, the outbox
    backlog and failures, and the quarantine. Exits 1 when the bot is unhealthy (no
    successful poll for too long, or no OAuth2 token): the Docker health check.

    \b
    Examples:
      mailbot --config mailbot.toml status
      mailbot --config mailbot.toml status --json
      mailbot --config mailbot.toml status --ack-folder INBOX
    """
    from mailbot.heartbeat import instance_name
    from mailbot.ports import SystemClock
    from mailbot.store import db, folders
    from mailbot.store.health import snapshot, unhealthy

    settings = app.settings
    limit = timedelta(seconds=max_age or max(3 * settings.poll.interval_seconds, 300.0))
    engine = db.open_engine(settings.database.url)
    try:
        with db.transaction(engine) as session:
            if ack_folder is not None and not folders.clear_folder_alert(session, ack_folder):
                raise click.UsageError(f"no alert is raised for folder {ack_folder!r}")
            snap = snapshot(session, SystemClock().now())
    finally:
        engine.dispose()
    wanted = instance or instance_name()
    judged = [i for i in snap.instances if i.instance == wanted]
    if not judged and instance is None:
        judged = snap.instances
    verdicts = [unhealthy(i, snap.at, limit) for i in judged]
    reasons = [r for r in verdicts if r is not None]
    if not judged:
        reasons = [f"no running bot has reported (none named {wanted!r})"]
    # Judging every bot (none on this host): healthy while at least one of them is.
    healthy = any(v is None for v in verdicts)
    if as_json:
        click.echo(json_text({**snap.as_dict(), "healthy": healthy, "problems": reasons}))
    else:
        for i in snap.instances:
            token = i.token + (
                f" (expires {i.token_expires_at:%Y-%m-%d %H:%M} UTC)"
                if i.token_expires_at is not None
                else ""
            )
            when = f" ({i.last_poll_at:%Y-%m-%d %H:%M:%S} UTC)" if i.last_poll_at else ""
            click.echo(
                f"bot {i.instance}: last successful poll {_age(i.last_poll_age_seconds)}{when}; "
                f"imap {i.imap}, smtp {i.smtp}, token {token}"
            )
            for part, error in sorted(i.errors.items()):
                click.echo(f"  last {part} error: {_cell(error)}")
        cases = ", ".join(f"{k} {v}" for k, v in sorted(snap.cases.items())) or "none"
        click.echo(f"messages read today: {snap.messages_today}")
        click.echo(f"cases: {cases}")
        click.echo(f"outbox: {snap.outbox_pending} waiting, {snap.outbox_failed} failed")
        click.echo(f"quarantine: {snap.quarantined}")
        if snap.suppressed:
            click.echo(
                f"suppressed addresses: {snap.suppressed} (hard bounces; `mailbot suppressed`)"
            )
        for folder in snap.folder_alerts:
            click.echo(
                f"ALERT folder {_cell(folder)} was rebuilt on the server (UIDVALIDITY changed): "
                "check that nothing is missing, then `mailbot status --ack-folder FOLDER`"
            )
        click.echo("healthy" if healthy else "UNHEALTHY: " + "; ".join(reasons))
    if not healthy:
        sys.exit(1)


@click.command()
@click.option("--dry-run", is_flag=True, help="List what would be deleted; change nothing.")
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=None,
    help="Override [retention] raw_days for this run.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def purge(app: AppContext, dry_run: bool, days: int | None, as_json: bool) -> None:
    """Delete the raw bodies of messages, and of the replies sent, whose case closed
    more than [retention] raw_days ago (approved or rejected). The ledger and outbox
    rows, hashes, the case and the audit trail stay; quarantined messages, open cases
    and replies still to be sent are never touched.

    \b
    Examples:
      mailbot --config mailbot.toml purge --dry-run
      mailbot --config mailbot.toml purge
    """
    from mailbot.errors import ConfigError
    from mailbot.ports import SystemClock
    from mailbot.store import db, retention

    settings = app.settings
    keep = days or settings.retention.raw_days
    if not keep:
        raise ConfigError("[retention] raw_days is 0 (keep for ever): set it, or pass --days N")
    engine = db.open_engine(settings.database.url)
    try:
        with db.transaction(engine) as session:
            now = SystemClock().now()
            if dry_run:
                items = retention.purgeable(session, now, keep)
            else:
                items = retention.purge(session, now, keep)
    finally:
        engine.dispose()
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        p.kind: p.message_id,
                        "case": p.case_reference,
                        "recorded_at": p.recorded_at.isoformat(),
                        "size": p.size,
                    }
                    for p in items
                ]
            )
        )
        return
    verb = "would delete" if dry_run else "deleted"
    for p in items:
        click.echo(
            f"{p.kind} #{p.message_id} of {p.case_reference or '-'} "
            f"({p.recorded_at:%Y-%m-%d}, {p.size} bytes)"
        )
    messages = sum(p.kind == "message" for p in items)
    click.echo(
        f"{verb} the raw body of {messages} message(s) and {len(items) - messages} "
        f"sent reply(ies) of cases closed over {keep} day(s) ago"
    )
