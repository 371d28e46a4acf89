"""Run ``mailbot`` with a fault installed, for the tests that run the bot as a process:

    python -m tests.launcher FAULT --config mailbot.toml poll --once

FAULT is one of :data:`FAULTS`; the rest are ``mailbot``'s own arguments. The fault is
handed to the desk through :func:`mailbot.service.build_desk`'s hooks.
"""

from __future__ import annotations

import sys
from typing import Any

from tests import faults

FAULTS = ("after_commit", "after_send", "reading", "slow_read", "reader_hang")


def _hooks(fault: str, settings: Any) -> dict[str, Any]:
    from mailbot.reader import make_reader
    from mailbot.service import limits_of, reader_for

    if fault == "after_commit":  # killed after the commit, before the IMAP move
        return {"checkpoint": faults.crash_at("recorded")}
    if fault == "after_send":  # killed after SMTP took the reply, before it is marked
        return {"checkpoint": faults.crash_at("sent")}
    if fault == "reading":  # a poisoned message kills the bot while it is read
        return {"reader": faults.DyingReader(reader_for(settings))}
    if fault == "slow_read":
        return {"reader": faults.SlowReader(reader_for(settings))}
    if fault == "reader_hang":  # a poisoned message never finishes in the reader child
        return {
            "reader": make_reader(
                limits_of(settings),
                settings.bot.rules_dir,
                settings.bot.loop_header,
                settings.limits.read_timeout_seconds,
                read=faults.hang_on_poison,
            )
        }
    raise AssertionError(fault)


def main(argv: list[str]) -> None:
    fault, args = argv[0], argv[1:]
    if fault not in FAULTS:
        raise SystemExit(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
    import mailbot.service as service

    build = service.build_desk

    def build_with_fault(settings: Any, mailbox: Any = None, mailer: Any = None) -> service.Desk:
        return build(settings, mailbox, mailer, **_hooks(fault, settings))

    service.build_desk = build_with_fault  # type: ignore[assignment]
    from mailbot.cli import main as mailbot_main

    mailbot_main(args)


if __name__ == "__main__":
    main(sys.argv[1:])
