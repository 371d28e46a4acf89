"""Roster changes: only the agency's registered PoC or head of department may ask, and
each change is checked against the agency's roster. A change naming an officer who is
not on it (or is another agency's), or a new officer's number or a username not in
the format ``rules/formats.toml`` gives, becomes a checklist item for the PoC; anything
else staff must look at (a transfer in from another agency) flags the case."""

from __future__ import annotations

from mailbot.domain.case_data import CaseData, Problem
from mailbot.domain.decision import Decision, Flag, SetStatus, Step, UpdateCase
from mailbot.domain.enums import CaseFlag, CaseStatus, MessageOutcome, Template
from mailbot.domain.facts import Facts, Policy, RosterFacts
from mailbot.domain.paths import FieldPath
from mailbot.domain.roster import AgencyRef, RosterIndex
from mailbot.domain.roster_diff import diff_changes
from mailbot.domain.rules import reply_cap
from mailbot.intake.checks import check_officer_number, check_username
from mailbot.intake.rules import Rules


def malformed(data: CaseData, rules: Rules) -> list[Problem]:
    """A new officer's number, or any change's username, not in the format the rules
    give ("4471" is no 5-character VT LEO number): the record would be stored wrong."""
    out: list[Problem] = []
    for i, change in enumerate(data.changes):
        number, user = change.officer_number, change.model_dump().get("dps_username")
        reason = check_officer_number(number, rules) if change.action == "add" and number else None
        if reason:
            out.append(
                Problem(field=str(FieldPath.of("changes", i, "officer_number")), reason=reason)
            )
        reason = check_username(str(user), rules) if user else None
        if reason:
            out.append(
                Problem(field=str(FieldPath.of("changes", i, "dps_username")), reason=reason)
            )
    return out


def with_roster(
    data: CaseData, agency: AgencyRef, index: RosterIndex, rules: Rules
) -> tuple[CaseData, bool]:
    """``data`` with the agency named as on file and the roster and format problems that
    block it in ``invalid``; and whether another problem needs staff (a roster flag)."""
    invalid = data.blocking()
    flagged = False
    for row in diff_changes(index, agency.id, [c.model_dump() for c in data.changes]):
        if row.problem and row.blocking:
            path = FieldPath.of("changes", row.index, "officer_number")
            invalid.append(Problem(field=str(path), reason=row.problem))
        elif row.problem:
            flagged = True
    said = {p.field for p in invalid}
    invalid += [p for p in malformed(data, rules) if p.field not in said]
    named = data.agency.model_copy(
        update={"name": agency.name, "judiciary_code": agency.judiciary_code}
    )
    return data.changed(
        agency=named.model_dump(), invalid=[i.model_dump() for i in invalid]
    ), flagged


def checked(
    data: CaseData, roster: RosterFacts | None, rules: Rules
) -> tuple[CaseData, list[Step]]:
    """``data`` checked against the roster of the agency in ``roster`` (when known)."""
    if roster is None or roster.authority is None or roster.index is None:
        return data, []
    out, flagged = with_roster(data, roster.authority, roster.index, rules)
    return out, [Flag(CaseFlag.ROSTER_PROBLEM)] if flagged else []


def after_opening(
    facts: Facts, policy: Policy, data: CaseData, status: CaseStatus, held: bool
) -> Decision:
    """The rest of a new roster change case (its data and status as opened)."""
    roster = facts.roster or RosterFacts()
    agency = roster.authority
    if held:
        steps: list[Step] = []
        if agency is not None:
            new, flags = checked(data, roster, policy.rules)
            steps = [*flags, UpdateCase(new, agency_code=agency.judiciary_code)]
        return Decision(
            MessageOutcome.REVIEW,
            "opened {reference}: roster change from an unverified sender "
            f"({facts.trust.reason}); held for staff",
            steps=tuple(steps),
        )
    if agency is None:
        steps = [
            Flag(CaseFlag.NOT_AGENCY_CONTACT),
            *reply_cap.reply(facts.mailbox, policy, Template.MAINTENANCE_REFUSED),
        ]
        return Decision(
            MessageOutcome.REVIEW, "roster change from an unregistered address", steps=tuple(steps)
        )
    new, flags = checked(data, roster, policy.rules)
    steps = [*flags, UpdateCase(new, agency_code=agency.judiciary_code)]
    if new.complete:
        steps += reply_cap.reply(facts.mailbox, policy, Template.MAINTENANCE_RECEIVED)
    else:
        if status != CaseStatus.NEEDS_INFO:
            steps.append(SetStatus(CaseStatus.NEEDS_INFO))
        steps += reply_cap.reply(facts.mailbox, policy, Template.CHECKLIST)
    return Decision(MessageOutcome.PROCESSED, "opened {reference}", steps=tuple(steps))
