"""Human output (rich) for the CLI."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from mailbot.intake.model import ParseResult

if TYPE_CHECKING:
    from mailbot.review.queue import QueueEntry
    from mailbot.review.views import CaseView, HistoryRow, ProposalView


def print_parse_result(result: ParseResult, console: Console | None = None) -> None:
    console = console or Console()
    automated = " (automated mail: never answered)" if result.automated else ""
    console.print(f"[bold]Intent:[/bold] {result.intent}{automated}")
    console.print(f"[bold]From:[/bold] {_cell(result.sender)}")
    a, poc, hod = result.agency, result.point_of_contact, result.head_of_department
    rows = [
        ("Agency name", a.name),
        ("Judiciary code", a.judiciary_code),
        ("Address", a.address),
        ("Phone", a.phone),
        ("Logo", a.logo),
        ("Point of contact", poc.name),
        ("PoC email", poc.email),
        ("Head of department", hod.name),
        ("HoD title", hod.title),
    ]
    fields = Table(show_header=False, box=None)
    for label, value in rows:
        fields.add_row(label, _cell(value))
    console.print(fields)
    if result.officers:
        table = Table(title=f"Officers ({len(result.officers)})")
        for col in ("#", "Last name", "First name", "Title", "Officer no.", "DPS username"):
            table.add_column(col)
        for i, o in enumerate(result.officers):
            table.add_row(
                str(i),
                *(
                    _cell(v)
                    for v in (o.last_name, o.first_name, o.title, o.officer_number, o.dps_username)
                ),
            )
        console.print(table)
    if result.changes:
        table = Table(title=f"Roster changes ({len(result.changes)})")
        table.add_column("Action")
        table.add_column("Officer no.")
        table.add_column("Details")
        for c in result.changes:
            extra = {
                k: v for k, v in c.model_dump().items() if k not in {"action", "officer_number"}
            }
            table.add_row(
                c.action,
                _cell(c.officer_number),
                _cell(", ".join(f"{k}={v}" for k, v in extra.items() if v is not None)),
            )
        console.print(table)
    if result.missing or result.invalid:
        console.print("[bold]Checklist[/bold]")
        for path in result.missing:
            console.print(f"  [red]missing[/red]  {_cell(path)}")
        for item in result.invalid:
            console.print(f"  [yellow]invalid[/yellow]  {_cell(item.field)}: {_cell(item.reason)}")
    elif result.intent == "enrollment":
        console.print("[green]Complete: nothing missing.[/green]")


# --- the review desk (mailbot queue / case / agencies / officers) ----------------------


def _cell(value: object) -> str:
    """Every value shown on the terminal passes here: markup and control characters
    are shown, never obeyed (:func:`mailbot.safety.terminal_text`)."""
    from rich.markup import escape

    from mailbot.safety import terminal_text

    return "[dim]-[/dim]" if value is None or value == "" else escape(terminal_text(value))


def _flag_text(flags: list[str]) -> str:
    from mailbot.review.common import flag_label

    return ", ".join(flag_label(f) for f in flags)


def _diff_table(rows: Sequence[Mapping[str, object]], title: str = "Roster changes") -> Table:
    table = Table(title=title)
    for col in ("#", "Action", "Officer no.", "Name", "Field", "From", "To", "Problem"):
        table.add_column(col)
    for r in rows:
        problem = r.get("problem")
        shown = (
            f"[red]{_cell(problem)}[/red]"
            if r.get("blocking")
            else (f"[yellow]{_cell(problem)}[/yellow]" if problem else "")
        )
        table.add_row(
            str(r["index"]),
            _cell(r["action"]),
            _cell(r["officer_number"]),
            _cell(r["officer_name"]),
            _cell(r["field"]),
            _cell(r["old"]),
            _cell(r["new"]),
            shown,
        )
    return table


def print_queue(entries: Sequence[QueueEntry], console: Console | None = None) -> None:
    """The review queue as a table, then each maintenance case's roster diff."""
    console = console or Console()
    if not entries:
        console.print("The queue is empty: no case waits for staff.")
        return
    table = Table(title=f"Review queue ({len(entries)})")
    for col in ("Reference", "Received", "Kind", "Agency", "Sender", "Status", "Flags"):
        table.add_column(col)
    for e in entries:
        status = "complete" if e.complete else f"{e.missing} to fix"
        flags = _flag_text(e.flags)
        if e.conflicts:
            flags += ": " + "; ".join(e.conflicts[:2])
        agency = " ".join(str(p) for p in (e.agency_code, e.agency_name) if p)
        table.add_row(
            e.reference,
            e.created_at.strftime("%Y-%m-%d %H:%M"),
            "enrolment" if e.kind == "enrollment" else "roster change",
            _cell(agency),
            _cell(e.sender),
            f"{e.status} ({status})",
            f"[yellow]{_cell(flags)}[/yellow]" if flags else "",
        )
    console.print(table)
    for e in entries:
        if e.diff:
            console.print(_diff_table([r._asdict() for r in e.diff], f"{e.reference}: changes"))
    console.print("Next: mailbot case show REF, then mailbot approve REF --by NAME")


def _source_text(source: object) -> str:
    if not isinstance(source, dict):
        return ""
    if "edited_by" in source:
        return f"edited by {source['edited_by']} {str(source.get('at', ''))[:16]}"
    parts = [f"#{source.get('message')}"]
    if source.get("date"):
        parts.append(str(source["date"])[:16])
    if source.get("sender"):
        parts.append(str(source["sender"]))
    return " ".join(parts)


def _read_text(read: object) -> str:
    """ "text line 4", "signature line 2 (unsure: the only phone number in the message)"."""
    if not isinstance(read, dict):
        return ""
    where = str(read.get("where") or "")
    if read.get("confidence") == "low":
        return f"{where} (unsure: {read.get('why') or 'weak evidence'})"
    return where


def print_case(view: CaseView, console: Console | None = None) -> None:
    """One case: header, values with their source, checklist, conflicts/diff, history."""
    console = console or Console()
    v = view
    console.print(
        f"[bold]{v['reference']}[/bold]  {v['kind']}  [bold]{v['status']}[/bold]  "
        f"from {_cell(v['sender'])}  opened {str(v['created_at'])[:16]}"
    )
    if v["flags"]:
        console.print("[yellow]Flags:[/yellow] " + ", ".join(_cell(f["label"]) for f in v["flags"]))
    values = Table(title="What was read", show_lines=False)
    for col in ("Field", "Value", "Source (message, date, sender)", "Read from"):
        values.add_column(col)
    for f in v["fields"]:
        values.add_row(
            _cell(f["path"]),
            _cell(f["value"]),
            _cell(_source_text(f["source"])),
            _cell(_read_text(f.get("read"))),
        )
    console.print(values)
    for q in v["questions"]:
        if not isinstance(q, dict):
            continue
        candidates = q.get("candidates")
        seen = "; ".join(
            f"{c.get('value')} ({c.get('where')})"
            for c in (candidates if isinstance(candidates, list) else [])
            if isinstance(c, dict)
        )
        console.print(
            f"[yellow]Please confirm[/yellow] {_cell(q['field'])}: {_cell(q['question'])}"
            + (f" Seen: {_cell(seen)}" if seen else "")
        )
    if v["messages"]:
        msgs = Table(title="Messages")
        for col in ("#", "Date", "From", "Message-ID", "Subject"):
            msgs.add_column(col)
        for m in v["messages"]:
            msgs.add_row(
                str(m["message"]),
                _cell(str(m["date"] or "")[:16]),
                _cell(m["sender"]),
                _cell(m["message_id"]),
                _cell(m["subject"]),
            )
        console.print(msgs)
        console.print("[bold]Sender checks[/bold] (our mail server's Authentication-Results)")
        for m in v["messages"]:
            console.print(f"  #{m['message']}: {_cell(verification_text(m.get('verification')))}")
    if v.get("proposals"):
        print_proposals(v["proposals"], str(v["reference"]), console)
    if v.get("notes"):
        from mailbot.checklist import clean

        console.print("[bold]Notes[/bold] (limits hit, parts of a message skipped)")
        for note in v["notes"]:
            text = clean(note["text"], 300)
            console.print(f"  [yellow]-[/yellow] #{note['message']} {_cell(text)}")
    check = v["checklist"]
    if check["complete"]:
        console.print("[green]Checklist: complete.[/green]")
    else:
        console.print("[bold]Checklist[/bold]")
        for line in check["lines"]:
            console.print(f"  [red]-[/red] {_cell(line)}")
    for c in v["conflicts"]:
        console.print(
            f"[red]Conflict[/red] {_cell(c['path'])} {_cell(c['value'])}: {_cell(c['detail'])}"
        )
    if v["kind"] == "officer_maintenance":
        if v["authorised_agency"] is None:
            console.print(
                "[red]The sender is not the registered PoC or head of department "
                "of an agency.[/red]"
            )
        if v["diff"]:
            console.print(_diff_table(v["diff"]))
    if v["history"]:
        print_history(v["history"], console)


def verification_text(auth: object) -> str:
    """One line: what our mail server said about a message's sender."""
    if not isinstance(auth, dict):
        return ""
    if not auth.get("configured"):
        return "not checked (no authserv_id)"
    verdict = "verified" if auth.get("verified") else "NOT verified"
    parts = [
        f"spf={auth.get('spf') or '-'}",
        f"dkim={','.join(auth.get('dkim') or []) or '-'}",
        f"dmarc={auth.get('dmarc') or '-'}",
        f"aligned={'yes' if auth.get('aligned') else 'no'}",
    ]
    return f"{verdict}: {auth.get('reason') or ''} ({' '.join(parts)})"


def print_proposals(
    proposals: Sequence[ProposalView], reference: str, console: Console | None = None
) -> None:
    """Changes held for staff: old -> new, with the message and its verification."""
    console = console or Console()
    for p in proposals:
        message = p.get("message") or {}
        head = (
            f"[bold]Held change {p['id']}[/bold] ({_cell(p['status'])}): {_cell(p['reason'])}; "
            f"message #{message.get('message')} from {_cell(message.get('sender'))} "
            f"{_cell(str(message.get('date') or '')[:16])}"
        )
        console.print(head)
        console.print("  " + _cell(verification_text(message.get("verification"))))
        if p["status"] != "pending":
            console.print(f"  decided by {_cell(p['decided_by'])} {_cell(p['note'] or '')}")
            continue
        table = Table(show_header=True)
        for col in ("Field", "Now", "Would become"):
            table.add_column(col)
        for c in p["changes"]:
            mark = "[red]contact address[/red] " if c.get("contact") else ""
            table.add_row(mark + _cell(c["path"]), _cell(c["old"]), _cell(c["new"]))
        console.print(table)
        console.print(
            f"  accept: mailbot case accept {_cell(reference)} {p['id']} --by NAME; "
            f"drop: mailbot case drop {_cell(reference)} {p['id']} --by NAME"
        )


def print_history(events: Sequence[HistoryRow], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="History")
    for col in ("When", "Who", "What", "Detail"):
        table.add_column(col)
    for e in events:
        detail = e.get("detail") or {}
        text = ", ".join(
            f"{k}={json.dumps(val, ensure_ascii=False, default=str)}" for k, val in detail.items()
        )
        table.add_row(str(e["at"])[:19], _cell(e["actor"]), _cell(e["action"]), _cell(text[:200]))
    console.print(table)


def print_agencies(rows: Sequence[Mapping[str, object]], console: Console | None = None) -> None:
    console = console or Console()
    if not rows:
        console.print("No agency records yet: approve an enrolment first.")
        return
    table = Table(title=f"Agencies ({len(rows)})")
    for col in ("Code", "Name", "Address", "Phone", "PoC", "Head of department", "Officers"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            _cell(r["judiciary_code"]),
            _cell(r["name"]),
            _cell(r["address"]),
            _cell(r["phone"]),
            _cell(f"{r['poc_name'] or ''} <{r['poc_email'] or '?'}>"),
            _cell(" ".join(str(x) for x in (r["hod_title"], r["hod_name"]) if x)),
            str(r["active_officers"]),
        )
    console.print(table)


def print_officers(rows: Sequence[Mapping[str, object]], console: Console | None = None) -> None:
    console = console or Console()
    if not rows:
        console.print("No officer records.")
        return
    table = Table(title=f"Officers ({len(rows)})")
    for col in ("Agency", "Officer no.", "Last name", "First name", "Title", "Username", "Status"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            _cell(r["agency_code"]),
            _cell(r["officer_number"]),
            _cell(r["last_name"]),
            _cell(r["first_name"]),
            _cell(r["title"]),
            _cell(r["dps_username"]),
            _cell(r["status"]) if r["status"] == "active" else f"[dim]{_cell(r['status'])}[/dim]",
        )
    console.print(table)
