"""The ``mailbot`` click group.

Commands are imported only when run, so ``mailbot --help`` stays fast: each entry
below names the module holding the command and its one-line help.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from mailbot.cli.app import AppContext

# name -> (module:attribute, short help shown by ``mailbot --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("mailbot.cli.parse:parse", "Read one .eml file and show what it asks for."),
    "run": ("mailbot.cli.desk:run", "Watch the mailbox in the foreground until stopped."),
    "poll": ("mailbot.cli.desk:poll", "Run one full cycle (fetch, process, send) and exit."),
    "quarantine": ("mailbot.cli.desk:quarantine", "List messages set aside as unreadable."),
    "reprocess": ("mailbot.cli.desk:reprocess", "Read a quarantined message again."),
    "suppressed": (
        "mailbot.cli.desk:suppressed",
        "Addresses no longer written to after hard bounces; lift one.",
    ),
    "check": ("mailbot.cli.desk:check", "Check settings, database, mailbox and SMTP (health)."),
    "status": ("mailbot.cli.ops:status", "How the running bot is doing (database only; health)."),
    "purge": ("mailbot.cli.ops:purge", "Delete raw bodies of long-closed cases ([retention])."),
    "db": ("mailbot.cli.db:db", "Database schema: upgrade, current, check."),
    "queue": ("mailbot.cli.listings:queue", "Cases waiting for staff, oldest first."),
    "case": ("mailbot.cli.review:case", "One case: show, edit, history, accept/drop held changes."),
    "approve": ("mailbot.cli.review:approve", "Approve a case: write the records, notify."),
    "reject": ("mailbot.cli.review:reject", "Reject a case; the sender is told why."),
    "agencies": ("mailbot.cli.listings:agencies", "List agency records."),
    "officers": ("mailbot.cli.listings:officers", "List officer records."),
    "export": ("mailbot.cli.listings:export", "Export approved records for TraCS (CSV/JSON)."),
    "demo": ("mailbot.cli.demo:demo", "Run the whole desk on this machine, with samples."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy:
            module_name, attr = self._lazy[cmd_name][0].split(":")
            command: click.Command = getattr(importlib.import_module(module_name), attr)
            return command
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self._lazy[name][1]) for name in sorted(self._lazy)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    envvar="MAILBOT_CONFIG",
    help="Settings file (TOML). Default: $MAILBOT_CONFIG, else built-in defaults.",
)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"]),
    default=None,
    help="Override [logging] level.",
)
@click.version_option(package_name="mailbot")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, log_level: str | None) -> None:
    """mailbot: intake bot for the DPS e-Ticket (TraCS) enrolment mailbox.

    \b
    Examples:
      mailbot parse request.eml --json
      mailbot --config mailbot.toml db upgrade
      mailbot --config mailbot.toml poll --once
    """
    ctx.obj = AppContext(config_path, log_level)


def main(argv: list[str] | None = None) -> None:
    """The command line through click: one-line errors, never a traceback, for expected
    failures."""
    from mailbot.errors import MailbotError

    try:
        code = cli.main(args=argv, prog_name="mailbot", standalone_mode=False)
        # Without standalone mode, click returns ctx.exit(n)'s code instead of exiting.
        if isinstance(code, int) and not isinstance(code, bool) and code:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.UsageError as e:
        # One line that says what to fix, and where the help is.
        where = e.ctx.command_path if e.ctx is not None else "mailbot"
        click.echo(f"error: {e.format_message()} (see `{where} --help`)", err=True)
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except MailbotError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
