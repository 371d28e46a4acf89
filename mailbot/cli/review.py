"""The DPS side of the desk that looks at one case and decides: ``case
show|edit|history|accept|drop``, ``approve`` and ``reject`` (the listings are in
:mod:`mailbot.cli.listings`).

Thin commands: they parse arguments, open one transaction, call
:mod:`mailbot.review`, and print a table (people) or JSON (scripts).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.cli import AppContext
    from mailbot.intake.rules import Rules

from mailbot.errors import CaseError

_JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON (for scripts).")
_BY = click.option(
    "--by", "actor", metavar="NAME", default="", help="Your name, for the audit log."
)


def _now() -> datetime:
    return datetime.now(UTC)


@contextlib.contextmanager
def _session(app: AppContext) -> Iterator[Session]:
    """One transaction on the configured database, whose schema must be current."""
    from mailbot.store import db

    engine = db.make_engine(app.settings.database.url)
    try:
        db.check_schema(engine)
        with db.transaction(engine) as session:
            yield session
    finally:
        engine.dispose()


def _rules(app: AppContext) -> Rules:
    from mailbot.intake.rules import load_rules

    return load_rules(app.settings.bot.rules_dir)


def _dump(value: object) -> None:
    from mailbot.safety import json_text

    click.echo(json_text(value, indent=2))


# --- case ----------------------------------------------------------------------------


@click.group()
def case() -> None:
    """One case: show, edit, history; accept or drop changes held for staff.

    \b
    Examples:
      mailbot case show ETK-0042
      mailbot case edit ETK-0042 agency.phone="802 555 0142" --by "J. Smith"
      mailbot case history ETK-0042 --json
    """


@case.command()
@click.argument("reference")
@_JSON
@click.pass_obj
def show(app: AppContext, reference: str, as_json: bool) -> None:
    """Everything read from the emails and which message each value came from, the
    checklist (checked again now), conflicts or the roster diff, and the history.

    \b
    Example:
      mailbot case show ETK-0042
      mailbot case show ETK-0042 --json | jq .checklist
    """
    from mailbot.review.casework import case_view

    rules = _rules(app)
    with _session(app) as session:
        view = case_view(session, reference, rules)
    if as_json:
        _dump(view)
        return
    from mailbot.cli.render import print_case

    print_case(view)


@case.command()
@click.argument("reference")
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@_BY
@_JSON
@click.pass_obj
def edit(
    app: AppContext, reference: str, assignments: tuple[str, ...], actor: str, as_json: bool
) -> None:
    """Correct values of an open case; it is checked again, moves between needs_info
    and in_review accordingly, and the edit is kept in the audit log. Rows count
    from 0, as in `mailbot case show`; an empty value clears a field.

    \b
    Examples:
      mailbot case edit ETK-0042 officers[2].dps_username=jdoe --by "J. Smith"
      mailbot case edit ETK-0042 agency.phone="(802) 555-0142" agency.logo= --by "J. Smith"
    """
    from mailbot.review.casework import edit_case, parse_assignments

    parse_assignments(assignments)  # a typo is reported before touching the database
    rules = _rules(app)
    with _session(app) as session:
        result = edit_case(session, reference, assignments, actor=actor, now=_now(), rules=rules)
    if as_json:
        _dump(result)
        return
    for change in result["changes"]:
        click.echo(f"{change['path']}: {change['old']!r} -> {change['new']!r}")
    if not result["changes"]:
        click.echo("no value changed")
    state = "complete" if result["complete"] else f"{len(result['missing'])} missing"
    extra = f", {len(result['invalid'])} invalid" if result["invalid"] else ""
    click.echo(f"{result['reference']} is {result['status']} ({state}{extra})")


@case.command(name="history")
@click.argument("reference")
@_JSON
@click.pass_obj
def history_command(app: AppContext, reference: str, as_json: bool) -> None:
    """What happened to a case, oldest first: values read and replaced, replies and
    notices queued, edits and decisions, with who and when.

    \b
    Example:
      mailbot case history ETK-0042
    """
    from mailbot.review.casework import history
    from mailbot.review.common import load_case

    with _session(app) as session:
        events = history(session, load_case(session, reference))
    if as_json:
        _dump(events)
        return
    from mailbot.cli.render import print_history

    print_history(events)


@case.command(name="accept")
@click.argument("reference")
@click.argument("proposal_id", type=int, metavar="ID")
@_BY
@_JSON
@click.pass_obj
def accept_command(
    app: AppContext, reference: str, proposal_id: int, actor: str, as_json: bool
) -> None:
    """Apply changes held for staff (listed by `mailbot case show` under "Held
    changes"): the message's values are merged into the case. A new contact address
    is told to both the old and the new address.

    \b
    Example:
      mailbot case accept ETK-0042 3 --by "J. Smith"
    """
    from mailbot.review.proposals import accept_proposal

    if not actor.strip():
        raise CaseError("say who accepts: add --by NAME")
    rules = _rules(app)
    with _session(app) as session:
        result = accept_proposal(
            session, app.settings, reference, proposal_id, actor=actor, now=_now(), rules=rules
        )
    if as_json:
        _dump(result)
        return
    from mailbot.safety import terminal_text

    for change in result["changes"]:
        click.echo(terminal_text(f"{change['path']}: {change['old']!r} -> {change['new']!r}"))
    click.echo(f"{result['reference']} is {result['status']}")
    if result["notices"]:
        click.echo(f"queued: {', '.join(result['notices'])} (sent by the next cycle)")


@case.command(name="drop")
@click.argument("reference")
@click.argument("proposal_id", type=int, metavar="ID")
@_BY
@click.option("--reason", default="", metavar="TEXT", help="Why, for the audit log.")
@_JSON
@click.pass_obj
def drop_command(
    app: AppContext, reference: str, proposal_id: int, actor: str, reason: str, as_json: bool
) -> None:
    """Set aside changes held for staff: nothing of that message is applied.

    \b
    Example:
      mailbot case drop ETK-0042 3 --by "J. Smith" --reason "not sent by the chief"
    """
    from mailbot.review.proposals import drop_proposal

    if not actor.strip():
        raise CaseError("say who drops it: add --by NAME")
    with _session(app) as session:
        result = drop_proposal(
            session, reference, proposal_id, actor=actor, reason=reason, now=_now()
        )
    if as_json:
        _dump(result)
        return
    click.echo(f"{result['reference']}: proposal {result['proposal']} dropped")


# --- decisions -----------------------------------------------------------------------


@click.command()
@click.argument("reference")
@_BY
@click.option(
    "--accept-unverified",
    "accept_unverified",
    metavar="REASON",
    default=None,
    help="Approve although the sender is not verified (or the From was unclear); "
    "say how you checked. Kept in the audit log.",
)
@_JSON
@click.pass_obj
def approve(
    app: AppContext, reference: str, actor: str, accept_unverified: str | None, as_json: bool
) -> None:
    """Approve a case in review: an enrolment creates the agency and officer records
    and queues the ready-for-use notice to the PoC (head of department in copy, and
    the Judicial Bureau when configured); a roster change is applied and confirmed.
    Refused, with the reason, when the case is incomplete, conflicts with existing
    records, is not in review, has changes held for staff, or its sender is not
    verified (then confirm with the agency and give --accept-unverified "REASON").

    \b
    Examples:
      mailbot approve ETK-0042 --by "J. Smith"
      mailbot approve ETK-0042 --by "J. Smith" --accept-unverified "Chief confirmed by phone"
    """
    from mailbot.review.decisions import approve_case

    if not actor.strip():
        raise CaseError("say who approves: add --by NAME")
    if accept_unverified is not None and not accept_unverified.strip():
        raise CaseError('say how the sender was checked: --accept-unverified "REASON"')
    rules = _rules(app)
    with _session(app) as session:
        result = approve_case(
            session,
            app.settings,
            reference,
            actor=actor,
            now=_now(),
            rules=rules,
            accept_unverified=accept_unverified,
        )
    if as_json:
        _dump(result)
        return
    agency = result["agency"]
    if "officers" in result:
        click.echo(
            f"{result['reference']} approved: agency {agency['judiciary_code']} {agency['name']} "
            f"with {len(result['officers'])} officer(s)"
        )
    else:
        click.echo(
            f"{result['reference']} approved: {len(result['diff'])} roster change(s) applied to "
            f"{agency['judiciary_code']} {agency['name']}"
        )
    if result["notices"]:
        click.echo(f"queued: {', '.join(result['notices'])} (sent by the next cycle)")


@click.command()
@click.argument("reference")
@_BY
@click.option("--reason", default="", metavar="TEXT", help="Why; sent to the sender as written.")
@_JSON
@click.pass_obj
def reject(app: AppContext, reference: str, actor: str, reason: str, as_json: bool) -> None:
    """Reject an open case; the sender gets the reason by email.

    \b
    Example:
      mailbot reject ETK-0042 --by "J. Smith" --reason "The agency is already enrolled."
    """
    from mailbot.review.decisions import reject_case

    if not actor.strip():
        raise CaseError("say who rejects: add --by NAME")
    with _session(app) as session:
        result = reject_case(
            session, app.settings, reference, actor=actor, reason=reason, now=_now()
        )
    if as_json:
        _dump(result)
        return
    told = " and the sender will be told why" if result["notices"] else ""
    click.echo(f"{result['reference']} rejected{told}")
