"""``mailbot demo``: the whole desk on this machine, in one command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from mailbot.cli import AppContext


def _command_name() -> str:
    """How the person started mailbot, so the printed next steps can be pasted."""
    invoked = Path(sys.argv[0])
    return str(invoked) if invoked.name == "mailbot" else "mailbot"


@click.command()
@click.option(
    "--dir",
    "folder",
    metavar="PATH",
    default="mailbot-demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Demo folder: settings, SQLite database, everyone's received mail.",
)
@click.option(
    "--seed/--no-seed",
    default=True,
    show_default=True,
    help="Send the sample emails (and start from an empty desk).",
)
@click.option(
    "--exit-after-seed",
    is_flag=True,
    help="Stop once the sample story has played (exit 1 if it did not finish).",
)
@click.option("--imap-port", type=int, default=0, help="IMAP port (default: any free one).")
@click.option("--smtp-port", type=int, default=0, help="SMTP port (default: any free one).")
@click.pass_obj
def demo(
    app: AppContext,
    folder: Path,
    seed: bool,
    exit_after_seed: bool,
    imap_port: int,
    smtp_port: int,
) -> None:
    """Run the whole desk on loopback: an IMAP server holding the desk's mailbox,
    an SMTP server that files everyone's mail, a SQLite database, and the bot.

    Sends the procedure's sample emails (one complete request, one with gaps and
    the chief's answer to the checklist), prints what the bot did, the review
    queue, and what to type next. Ctrl-C stops everything.

    \b
    Examples:
      mailbot demo
      mailbot --config mailbot-demo/mailbot.toml approve ETK-0001 --by "Your Name"
      mailbot demo --dir /tmp/desk --exit-after-seed
    """
    from mailbot.demo import INSTALL_HINT, missing_packages
    from mailbot.errors import DemoError

    missing = missing_packages()
    if missing:
        raise DemoError(
            f"the demo needs {' and '.join(missing)}, which come with the demo extra: "
            f"{INSTALL_HINT}"
        )

    from mailbot.demo.desk import DemoOptions, run_demo
    from mailbot.logs import configure_logging

    configure_logging(app.log_level or "warning", "auto")
    code = run_demo(
        DemoOptions(
            folder=folder,
            seed=seed,
            exit_after_seed=exit_after_seed,
            imap_port=imap_port,
            smtp_port=smtp_port,
            command=_command_name(),
        )
    )
    sys.exit(code)
