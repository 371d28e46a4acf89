"""``mailbot db``: create or upgrade the database schema, and show where it is."""

from __future__ import annotations

import json

import click


@click.group()
def db() -> None:
    """Database schema: upgrade, current, check.

    \b
    Examples:
      mailbot --config mailbot.toml db upgrade
      mailbot --config mailbot.toml db current --json
      mailbot --config mailbot.toml db check
    """


@db.command()
@click.pass_obj
def upgrade(app: object) -> None:
    """Create the tables, or bring them up to date (safe to run again).

    \b
    Example:
      mailbot --config mailbot.toml db upgrade
    """
    from mailbot.store.db import safe_url
    from mailbot.store.db import upgrade as run_upgrade

    url = app.settings.database.url  # type: ignore[attr-defined]
    before, after = run_upgrade(url)
    where = safe_url(url)
    if before == after:
        click.echo(f"{where}: already at {after}")
    else:
        click.echo(f"{where}: upgraded from {before or 'empty'} to {after}")


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (for scripts).")
@click.pass_obj
def current(app: object, as_json: bool) -> None:
    """Show the schema revision of the database and the one this mailbot needs.

    Exits 1 when the database is not up to date.

    \b
    Example:
      mailbot --config mailbot.toml db current --json
    """
    from mailbot.store.db import current_revision, head_revision, safe_url

    url = app.settings.database.url  # type: ignore[attr-defined]
    at = current_revision(url)
    need = head_revision()
    if as_json:
        click.echo(
            json.dumps({"url": safe_url(url), "current": at, "head": need, "ok": at == need})
        )
    elif at == need:
        click.echo(f"{safe_url(url)}: at {at} (up to date)")
    else:
        click.echo(f"{safe_url(url)}: at {at or 'empty'}, need {need}: run `mailbot db upgrade`")
    if at != need:
        raise click.exceptions.Exit(1)


@db.command()
@click.pass_obj
def check(app: object) -> None:
    """Exit 0 when the database is reachable and up to date, else say what to do.

    \b
    Example:
      mailbot --config mailbot.toml db check
    """
    from mailbot.store.db import open_engine, safe_url

    url = app.settings.database.url  # type: ignore[attr-defined]
    open_engine(url).dispose()
    click.echo(f"{safe_url(url)}: ok")
