"""The listings for scripts, run without click.

``mailbot [--config PATH] [--log-level LEVEL] queue --json`` (and ``agencies --json``,
``officers --json [--agency CODE] [--active]``) is what scripts run over and over;
importing click would cost it more than reading the rows. :func:`run` takes exactly
these command lines, each option at most once, and runs the listing as the click
command would (:mod:`mailbot.cli.json_listings`, the same output, errors and exit
statuses); any other command line, help or doubt is left to click (False).
"""

from __future__ import annotations

import os
import sys

from mailbot.cli.json_listings import agencies_json, gc_paused, officers_json, queue_json

# --log-level's choices (mailbot.cli.group.cli).
_LEVELS = ("debug", "info", "warning", "error")
_GLOBAL = {"--config": True, "--log-level": True}  # option -> takes a value
_COMMAND = {
    "queue": {"--json": False},
    "agencies": {"--json": False},
    "officers": {"--json": False, "--agency": True, "--active": False},
}


def _options(args: list[str], known: dict[str, bool]) -> tuple[dict[str, str], int] | None:
    """The options of ``known`` at the start of ``args`` (flags as ""), and where they
    end; None for anything click might read otherwise (repeats, values that look like
    options)."""
    found: dict[str, str] = {}
    i = 0
    while i < len(args) and args[i].startswith("-"):
        name, eq, value = args[i].partition("=")
        if name not in known or name in found or (eq and not known[name]):
            return None
        if known[name] and not eq:
            i += 1
            if i == len(args):
                return None
            value = args[i]
        if known[name] and (value.startswith("-") or not value):
            return None
        found[name] = value
        i += 1
    return found, i


def run(argv: list[str] | None = None) -> bool:
    """Run a listing for scripts when ``argv`` (else ``sys.argv[1:]``) is one; False
    when it is not (nothing done: click runs it)."""
    args = sys.argv[1:] if argv is None else argv
    parsed = _options(args, _GLOBAL)
    if parsed is None or parsed[1] >= len(args):
        return False
    options, at = parsed
    command, rest = args[at], args[at + 1 :]
    known = _COMMAND.get(command)
    level = options.get("--log-level")
    parsed = _options(rest, known) if known is not None else None
    if (
        parsed is None
        or parsed[1] != len(rest)
        or "--json" not in parsed[0]
        or (level is not None and level not in _LEVELS)
        or os.environ.get("MAILBOT_CONFIG") == ""  # click and the loader may differ
    ):
        return False
    encoding = getattr(sys.stdout, "encoding", None)
    if encoding is not None and encoding.lower().replace("-", "") != "utf8":
        return False  # click.echo would write it otherwise
    from mailbot.cli.app import AppContext

    app = AppContext(options.get("--config"), level)
    given = parsed[0]
    write = sys.stdout.write
    try:
        if command == "queue":
            gc_paused(queue_json)(app, write)
        elif command == "agencies":
            gc_paused(agencies_json)(app, write)
        else:
            gc_paused(officers_json)(app, write, given.get("--agency"), "--active" in given)
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as e:
        from mailbot.errors import MailbotError

        if not isinstance(e, MailbotError):
            raise
        sys.stderr.write(f"error: {e}\n")
        sys.exit(1)
    return True
