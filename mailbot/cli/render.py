"""Human output (rich) for the CLI."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from mailbot.intake.model import ParseResult


def print_parse_result(result: ParseResult, console: Console | None = None) -> None:
    console = console or Console()
    automated = " (automated mail: never answered)" if result.automated else ""
    console.print(f"[bold]Intent:[/bold] {result.intent}{automated}")
    console.print(f"[bold]From:[/bold] {result.sender or '-'}")
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
        fields.add_row(label, value if value is not None else "[dim]-[/dim]")
    console.print(fields)
    if result.officers:
        table = Table(title=f"Officers ({len(result.officers)})")
        for col in ("#", "Last name", "First name", "Title", "Officer no.", "DPS username"):
            table.add_column(col)
        for i, o in enumerate(result.officers):
            table.add_row(
                str(i),
                *(
                    v or "-"
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
                c.officer_number or "-",
                ", ".join(f"{k}={v}" for k, v in extra.items() if v is not None),
            )
        console.print(table)
    if result.missing or result.invalid:
        console.print("[bold]Checklist[/bold]")
        for path in result.missing:
            console.print(f"  [red]missing[/red]  {path}")
        for item in result.invalid:
            console.print(f"  [yellow]invalid[/yellow]  {item.field}: {item.reason}")
    elif result.intent == "enrollment":
        console.print("[green]Complete: nothing missing.[/green]")
