"""The shapes the review desk hands to the CLI, which prints them as tables or as
JSON (``--json``): one case in full, its history, held changes, results of edits."""

from __future__ import annotations

from typing import TypedDict

from mailbot.domain.values import Json


class MessageSource(TypedDict, total=False):
    """A message of a case: where its values came from (only ``message`` when the
    ledger row is gone)."""

    message: int
    message_id: str | None
    sender: str | None
    subject: str | None
    date: str | None
    verification: dict[str, Json] | None


class FieldView(TypedDict):
    path: str
    value: Json
    # the message a value came from, or how staff set it
    source: MessageSource | Json
    read: dict[str, Json] | None


class FlagView(TypedDict):
    flag: str
    label: str


class NoteView(TypedDict):
    message: Json
    text: Json


class ChecklistView(TypedDict):
    complete: bool
    missing: list[str]
    invalid: list[dict[str, str]]
    lines: list[str]


class NoticeView(TypedDict):
    template: str
    to: list[str]
    status: str
    created_at: str


class HistoryRow(TypedDict):
    """A value revised or an audit event (``mailbot case history``)."""

    at: str
    actor: str
    action: str
    detail: dict[str, Json]


class ChangeView(TypedDict):
    path: str
    old: Json
    new: Json


class ProposalChange(ChangeView):
    contact: bool


class ProposalView(TypedDict):
    id: int
    status: str
    kind: str
    reason: str
    message: MessageSource | None
    changes: list[ProposalChange]
    decided_by: str | None
    decided_at: str | None
    note: str | None


class AcceptResult(TypedDict):
    """What accepting held changes applied."""

    reference: str | None
    proposal: int
    changes: list[dict[str, Json]]
    status: str
    notices: list[str]


class DropResult(TypedDict):
    reference: str | None
    proposal: int
    status: str


class AgencyNamed(TypedDict):
    judiciary_code: str
    name: str


class DecisionResult(TypedDict, total=False):
    """What approving or rejecting a case did (``mailbot approve|reject --json``)."""

    reference: str | None
    kind: str
    status: str
    agency: AgencyNamed
    officers: list[dict[str, str | None]]
    diff: list[dict[str, Json]]
    notices: list[str]


class CaseView(TypedDict):
    """Everything staff need to decide on one case (``mailbot case show --json``)."""

    reference: str | None
    kind: str
    status: str
    sender: str | None
    agency_code: str | None
    poc_email: str | None
    flags: list[FlagView]
    created_at: str
    updated_at: str
    fields: list[FieldView]
    questions: list[Json]
    logo_info: Json
    notes: list[NoteView]
    messages: list[MessageSource]
    checklist: ChecklistView
    conflicts: list[dict[str, str]]
    diff: list[dict[str, Json]]
    authorised_agency: str | None
    proposals: list[ProposalView]
    history: list[HistoryRow]
    notices: list[NoticeView]


class EditResult(TypedDict):
    """What ``mailbot case edit`` changed and where the case stands."""

    reference: str | None
    changes: list[dict[str, Json]]
    status: str
    complete: bool
    missing: list[str]
    invalid: list[dict[str, str]]
