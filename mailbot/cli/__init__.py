"""The ``mailbot`` command line.

The click group is :mod:`mailbot.cli.group` (``cli``, imported here on first use);
:func:`main` first offers the command line to :mod:`mailbot.cli.fast`, which runs the
listings for scripts (``queue --json``...) without importing click at all.
"""

from __future__ import annotations

from typing import Any

from mailbot.cli.app import AppContext


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line errors, never a traceback, for expected failures."""
    from mailbot.cli import fast

    if fast.run(argv):
        return
    from mailbot.cli.group import main as click_main

    click_main(argv)


def __getattr__(name: str) -> Any:
    """``cli``, ``COMMANDS`` and ``LazyGroup`` of :mod:`mailbot.cli.group` (click is
    imported only when they are used)."""
    if name in ("cli", "COMMANDS", "LazyGroup"):
        from mailbot.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AppContext", "main"]
