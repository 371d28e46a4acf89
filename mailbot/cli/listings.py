"""The read-only listings of the desk: ``queue``, ``agencies``, ``officers`` and
``export``.

They start fast with thousands of cases: the database is read through the DB-API
driver (:mod:`mailbot.store.listing`, no SQLAlchemy), a desk-only settings file is
read without building the full settings (:mod:`mailbot.cli.quick_settings`), and
tables (rich) are imported only when printed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from mailbot.cli.json_listings import (
    agencies_json,
    gc_paused,
    officers_json,
    open_listing,
    queue_json,
    write_json,
)

if TYPE_CHECKING:
    from mailbot.cli import AppContext

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON (for scripts).")


def _echo(text: str) -> None:
    click.echo(text, nl=False)


def _print_json(value: object, indent: int | None = None) -> None:
    write_json(_echo, value, indent)


@click.command()
@_JSON
@click.pass_obj
@gc_paused
def queue(app: AppContext, as_json: bool) -> None:
    """Cases waiting for staff, oldest first: in review, and flagged ones still
    waiting for information. Flags: unverified sender, follow-up from an unexpected
    address, conflicts with existing records, roster problems.

    \b
    Examples:
      mailbot --config mailbot.toml queue
      mailbot --config mailbot.toml queue --json | jq -r '.[].reference'
    """
    if as_json:
        queue_json(app, _echo)
        return
    from mailbot.review.queue import review_queue

    with open_listing(app) as listing:
        entries = review_queue(listing)
    from mailbot.cli.render import print_queue

    print_queue(entries)


@click.command()
@_JSON
@click.pass_obj
@gc_paused
def agencies(app: AppContext, as_json: bool) -> None:
    """Agency records created by approval, with their count of active officers.

    \b
    Example:
      mailbot agencies --json | jq '.[] | {judiciary_code, name}'
    """
    if as_json:
        agencies_json(app, _echo)
        return
    from mailbot.store.listing import list_agencies

    with open_listing(app) as listing:
        rows = list_agencies(listing)
    from mailbot.cli.render import print_agencies

    print_agencies(rows)


@click.command()
@click.option("--agency", "agency_code", metavar="JUDICIARY_CODE", help="Only this agency.")
@click.option("--active", "active_only", is_flag=True, help="Leave out inactive officers.")
@_JSON
@click.pass_obj
@gc_paused
def officers(app: AppContext, agency_code: str | None, active_only: bool, as_json: bool) -> None:
    """Officer records (active and inactive), by agency and name.

    \b
    Examples:
      mailbot officers --agency 0614
      mailbot officers --json | jq length
    """
    if as_json:
        officers_json(app, _echo, agency_code, active_only)
        return
    from mailbot.store.listing import list_officers

    with open_listing(app) as listing:
        rows = list_officers(listing, agency_code, include_inactive=not active_only)
    from mailbot.cli.render import print_officers

    print_officers(rows)


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option("--agency", "agency_code", metavar="CODE", help="Only this agency.")
@click.pass_obj
@gc_paused
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

    with open_listing(app) as listing:
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
