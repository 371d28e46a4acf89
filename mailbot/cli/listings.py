"""The read-only listings of the desk: ``queue``, ``agencies``, ``officers`` and
``export``.

They start fast with thousands of cases: the database is read through the DB-API
driver (:mod:`mailbot.store.listing`, no SQLAlchemy), a desk-only settings file is
read without building the full settings (:mod:`mailbot.cli.quick_settings`), and
tables (rich) are imported only when printed.
"""

from __future__ import annotations

import atexit
import functools
import gc
import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, ParamSpec

import click

if TYPE_CHECKING:
    from mailbot.cli import AppContext
    from mailbot.store.listing import Listing

P = ParamSpec("P")

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON (for scripts).")


def _gc_paused(command: Callable[P, None]) -> Callable[P, None]:
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


def _listing(app: AppContext) -> AbstractContextManager[Listing]:
    """One read-only transaction on the configured database."""
    from mailbot.store.listing import open_listing

    return open_listing(app.database_url)


def _print_json(value: object, indent: int | None = None) -> None:
    from mailbot.safety import json_text

    click.echo(json_text(value, indent=indent))


def _print_json_list(items: Iterable[object]) -> None:
    """``_print_json(list(items))``, written a hundred items at a time: a long
    listing is never held whole as text."""
    from itertools import islice

    from mailbot.safety import json_text

    rest = iter(items)
    opening = "["
    while chunk := list(islice(rest, 100)):
        # json_text of a list is "[" + its items' JSON joined by ", " + "]".
        click.echo(opening + json_text(chunk)[1:-1], nl=False)
        opening = ", "
    click.echo("[]" if opening == "[" else "]")


@click.command()
@_JSON
@click.pass_obj
@_gc_paused
def queue(app: AppContext, as_json: bool) -> None:
    """Cases waiting for staff, oldest first: in review, and flagged ones still
    waiting for information. Flags: unverified sender, follow-up from an unexpected
    address, conflicts with existing records, roster problems.

    \b
    Examples:
      mailbot --config mailbot.toml queue
      mailbot --config mailbot.toml queue --json | jq -r '.[].reference'
    """
    from mailbot.review.queue import each_queue_item, review_queue

    with _listing(app) as listing:
        if as_json:
            _print_json_list(each_queue_item(listing))
            return
        entries = review_queue(listing)
    from mailbot.cli.render import print_queue

    print_queue(entries)


@click.command()
@_JSON
@click.pass_obj
@_gc_paused
def agencies(app: AppContext, as_json: bool) -> None:
    """Agency records created by approval, with their count of active officers.

    \b
    Example:
      mailbot agencies --json | jq '.[] | {judiciary_code, name}'
    """
    from mailbot.store.listing import list_agencies

    with _listing(app) as listing:
        rows = list_agencies(listing)
    if as_json:
        _print_json(rows)
        return
    from mailbot.cli.render import print_agencies

    print_agencies(rows)


@click.command()
@click.option("--agency", "agency_code", metavar="JUDICIARY_CODE", help="Only this agency.")
@click.option("--active", "active_only", is_flag=True, help="Leave out inactive officers.")
@_JSON
@click.pass_obj
@_gc_paused
def officers(app: AppContext, agency_code: str | None, active_only: bool, as_json: bool) -> None:
    """Officer records (active and inactive), by agency and name.

    \b
    Examples:
      mailbot officers --agency 0614
      mailbot officers --json | jq length
    """
    from mailbot.store.listing import list_officers

    with _listing(app) as listing:
        rows = list_officers(listing, agency_code, include_inactive=not active_only)
    if as_json:
        _print_json(rows)
        return
    from mailbot.cli.render import print_officers

    print_officers(rows)


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option("--agency", "agency_code", metavar="CODE", help="Only this agency.")
@click.pass_obj
@_gc_paused
def export(app: AppContext, fmt: str, agency_code: str | None) -> None:
    """The approved agency and officer records, to key or import into TraCS.

    CSV has one row per officer with the agency's columns repeated; JSON has each
    agency with its officers. The logo itself is not exported (its file name, type,
    size and SHA-256 are).

    \b
    Examples:
      mailbot export --format csv > tracs.csv
      mailbot export --format json --agency 0614
    """
    from mailbot.store.listing import export_records

    with _listing(app) as listing:
        records = export_records(listing, agency_code)
    if fmt == "json":
        _print_json(records, indent=2)
        return
    import csv

    from mailbot.review.records import CSV_HEADER, export_csv_rows

    # Every cell goes through mailbot.safety.csv_cell (in export_csv_rows): no formulas.
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(export_csv_rows(records))
