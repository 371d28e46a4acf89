"""The listings for scripts (``queue --json``, ``agencies --json``, ``officers --json``)
without click: :mod:`mailbot.cli.listings` runs them as commands, and
:mod:`mailbot.cli.fast` runs them straight from the command line (importing click
costs more than reading a few thousand rows).

Each writes its JSON through ``write`` (text, no newline added) and ends it with one.
"""

from __future__ import annotations

import atexit
import functools
import gc
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, ParamSpec

if TYPE_CHECKING:
    from mailbot.cli.app import AppContext
    from mailbot.store.listing import Listing

P = ParamSpec("P")
Write = Callable[[str], object]


def gc_paused(command: Callable[P, None]) -> Callable[P, None]:
    """Run ``command`` with the cyclic garbage collector paused: a listing builds tens
    of thousands of small objects that all stay alive until printed, which the
    collector would otherwise scan again and again. Once it has run, the process
    ends without the collector walking every object once more (at exit, the objects
    are frozen: a listing leaves nothing whose clean-up waits for the collector)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            command(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
        atexit.register(gc.freeze)

    return run


def open_listing(app: AppContext) -> AbstractContextManager[Listing]:
    """One read-only transaction on the configured database."""
    from mailbot.store.listing import open_listing as open_url

    return open_url(app.database_url)


def write_json(write: Write, value: object, indent: int | None = None) -> None:
    from mailbot.safety import json_text

    write(json_text(value, indent=indent) + "\n")


def write_json_list(write: Write, items: Iterable[object]) -> None:
    """``write_json(write, list(items))``, written a hundred items at a time: a long
    listing is never held whole as text."""
    from itertools import islice

    from mailbot.safety import json_text

    rest = iter(items)
    opening = "["
    while chunk := list(islice(rest, 100)):
        # json_text of a list is "[" + its items' JSON joined by ", " + "]".
        write(opening + json_text(chunk)[1:-1])
        opening = ", "
    write("[]\n" if opening == "[" else "]\n")


def queue_json(app: AppContext, write: Write) -> None:
    """``mailbot queue --json``."""
    from mailbot.review.queue import each_queue_item

    with open_listing(app) as listing:
        write_json_list(write, each_queue_item(listing))


def agencies_json(app: AppContext, write: Write) -> None:
    """``mailbot agencies --json``."""
    from mailbot.store.listing import list_agencies

    with open_listing(app) as listing:
        rows = list_agencies(listing)
    write_json(write, rows)


def officers_json(
    app: AppContext, write: Write, agency_code: str | None, active_only: bool
) -> None:
    """``mailbot officers --json [--agency CODE] [--active]``."""
    from mailbot.store.listing import list_officers

    with open_listing(app) as listing:
        rows = list_officers(listing, agency_code, include_inactive=not active_only)
    write_json(write, rows)
