"""An enrolment that also asks to close records its officers hold elsewhere ("Tessa and
I still have deputy records at the Sheriff's Department. Please deactivate those:" and
the list): the rows under that request are deactivations, not officers to enrol.

The words that ask for a record to be switched off are ``[intent] deactivate_asked`` in
``rules/language.toml``.
"""

from __future__ import annotations

from mailbot.intake.model import Change, Officer
from mailbot.intake.officer_reading import read_officers
from mailbot.intake.rules import Rules


def closing_lists(body: str, rules: Rules) -> list[str]:
    """The lists ``body`` introduces with a request to switch records off: the lines
    after a line that asks it and ends with a colon, up to the next blank line."""
    asked = [w.lower() for w in rules.language.intent.deactivate_asked]
    lines = body.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if not line.rstrip().endswith(":"):
            continue  # the folded line would not end with a colon either
        low = " ".join(line.lower().split())
        if not low.endswith(":") or not any(w in low for w in asked):
            continue
        block: list[str] = []
        for after in lines[i + 1 :]:
            if not after.strip():
                break
            block.append(after.strip())
        if block:
            out.append("\n".join(block))
    return out


def split_closings(
    body: str, officers: list[Officer], rules: Rules
) -> tuple[list[Officer], list[Change]]:
    """``officers`` without the rows listed under a request to switch records off, and
    those rows as deactivations (each with the title the list gives him there)."""
    closed: list[Officer] = []
    for block in closing_lists(body, rules):
        closed += [o for o in read_officers(block, [], rules) if o.officer_number]
    if not closed:
        return officers, []
    kept = [o for o in officers if o not in closed]
    changes = [
        Change.model_validate(
            {
                "action": "deactivate",
                "officer_number": o.officer_number,
                **{
                    k: v
                    for k, v in o.model_dump(include={"last_name", "first_name", "title"}).items()
                    if v
                },
            }
        )
        for o in closed
    ]
    return kept, changes
