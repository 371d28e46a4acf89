"""A case's data, typed: the request as read (agency, contacts, officers, roster
changes), its checklist, where each value was read, the staff questions, the logo's
details and the notes of skipped parts.

Stored as JSON in ``cases.data`` in the ``mailbot parse --json`` shape plus those
keys. :meth:`CaseData.load` reads any row written before (unknown keys are kept, a
number where text belongs is read as text) and :meth:`CaseData.stored` writes back
exactly the keys that were there, so old and new rows look alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from mailbot.domain.paths import FieldPath
from mailbot.domain.values import Json
from mailbot.intake.model import ParseResult, as_json


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)


class AgencyPart(_Part):
    name: str | None = None
    judiciary_code: str | None = None
    address: str | None = None
    phone: str | None = None
    logo: str | None = None


class ContactPart(_Part):
    name: str | None = None
    email: str | None = None


class HeadPart(_Part):
    name: str | None = None
    title: str | None = None
    email: str | None = None  # given by staff, or a held contact change


class OfficerRow(_Part):
    last_name: str | None = None
    first_name: str | None = None
    title: str | None = None
    officer_number: str | None = None
    dps_username: str | None = None


class ChangeRow(_Part):
    """A roster change: ``action`` and ``officer_number``, then the fields that change
    (officer fields, or ``agency`` for a transfer)."""

    action: str | None = None
    officer_number: str | None = None


class Problem(_Part):
    """A checklist item whose value is not acceptable."""

    field: str
    reason: str


class Note(_Part):
    """A part skipped or a limit hit while reading ``message`` (a ledger id)."""

    message: int | None = None
    text: str = ""


class Where(_Part):
    """Where a value was read, and how sure the reader was."""

    where: str | None = None
    confidence: str | None = None


class Candidate(_Part):
    value: str | None = None
    where: str | None = None


class Question(_Part):
    """An item the message holds candidates for: staff confirm which one."""

    field: str = ""
    question: str = ""
    candidates: list[Candidate] = Field(default_factory=list)


class LogoDetails(_Part):
    """The logo image's metadata as read, and the rule it breaks (``reason``)."""

    filename: str | None = None
    format: str | None = None
    width: int | None = None
    height: int | None = None
    size_bytes: int | None = None
    sha256: str | None = None
    reason: str | None = None


class CaseData(_Part):
    intent: str = "other"
    sender: str | None = None
    automated: bool = False
    agency: AgencyPart = Field(default_factory=AgencyPart)
    point_of_contact: ContactPart = Field(default_factory=ContactPart)
    head_of_department: HeadPart = Field(default_factory=HeadPart)
    officers: list[OfficerRow] = Field(default_factory=list)
    changes: list[ChangeRow] = Field(default_factory=list)
    # the checklist, recomputed by :func:`mailbot.domain.checklist.check`
    missing: list[str] = Field(default_factory=list)
    to_confirm: list[str] = Field(default_factory=list)
    invalid: list[Problem] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    evidence: dict[str, Where] = Field(default_factory=dict)
    questions: list[Question] = Field(default_factory=list)
    logo_info: LogoDetails | None = None

    @classmethod
    def load(cls, data: Mapping[str, object] | CaseData | None) -> CaseData:
        """Case data from its stored JSON (or a reading's dict)."""
        if isinstance(data, CaseData):
            return data
        return cls.model_validate(dict(data or {}))

    @classmethod
    def from_result(cls, result: ParseResult) -> CaseData:
        """A reading as case data: the request, with where each value was read, the
        staff questions and the logo's details."""
        data = result.to_json_dict()
        if result.logo_details is not None:
            data["logo_info"] = as_json(result.logo_details)
        if result.evidence:
            data["evidence"] = {path: as_json(w) for path, w in result.evidence.items()}
        if result.questions:
            data["questions"] = [as_json(q) for q in result.questions]
        return cls.load(data)

    def stored(self) -> dict[str, Json]:
        """The JSON to store: the keys that were loaded or set, nothing added."""
        return self.model_dump(mode="json", exclude_unset=True)

    def changed(self, **values: object) -> CaseData:
        """A copy with top-level keys set (validated, and kept when stored)."""
        return CaseData.load({**self.stored(), **values})

    def blocking(self) -> list[Problem]:
        """The invalid items that are not about roster change rows."""
        return [p for p in self.invalid if FieldPath(p.field).root != "changes"]

    @property
    def complete(self) -> bool:
        """Nothing missing and nothing invalid."""
        return not self.missing and not self.invalid
