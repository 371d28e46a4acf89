"""``mailbot parse``: read one .eml file and show what it asks for."""

from __future__ import annotations

from pathlib import Path

import click

from mailbot.errors import MessageError


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (for scripts).")
@click.pass_obj
def parse(app: object, path: Path, as_json: bool) -> None:
    """Read one RFC 5322 message file and show what it asks for.

    Exits 0 whenever the file was read, however incomplete the request.

    \b
    Example:
      mailbot parse request.eml
      mailbot parse request.eml --json | jq .missing
    """
    from mailbot.intake.limits import Limits
    from mailbot.intake.parse import parse_message

    settings = app.settings  # type: ignore[attr-defined]
    limits = Limits(**settings.limits.model_dump())
    try:
        size = path.stat().st_size
    except OSError as e:
        raise MessageError(f"cannot read {path}: {e.strerror or e}") from None
    if size > limits.max_message_bytes:
        raise MessageError(
            f"{path} is {size:,} bytes, over the limit of {limits.max_message_bytes:,} "
            "([limits] max_message_bytes)"
        )
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise MessageError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        from mailbot.intake.rules import load_rules

        rules = load_rules(settings.bot.rules_dir)
        result = parse_message(raw, limits, rules, settings.bot.loop_header)
    except MessageError as e:
        raise MessageError(f"{path}: {e}") from None
    if as_json:
        from mailbot.safety import json_text

        click.echo(json_text(result.to_json_dict(), indent=2))
        return
    from mailbot.cli.render import print_parse_result

    print_parse_result(result)
