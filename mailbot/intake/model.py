"""Typed requests read from an email; the JSON shape of ``mailbot parse --json``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NotRequired, TypedDict, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from mailbot.domain.values import Json
from mailbot.intake.officer_fields import OFFICER_FIELDS

Intent = Literal["enrollment", "officer_maintenance", "other"]
Action = Literal["add", "update", "deactivate"]


class LogoFacts(TypedDict):
    """The logo image's metadata as the parser found it, and the rule it breaks."""

    filename: str
    format: str
    width: int
    height: int
    size_bytes: int
    sha256: str
    reason: str | None


class ReadWhere(TypedDict):
    """Where a value was read and how sure the reader is (``why`` when unsure)."""

    where: str
    confidence: str
    why: NotRequired[str]


class CandidateSeen(TypedDict):
    value: str
    where: str


class StaffQuestion(TypedDict):
    """A value whose role is uncertain: staff pick among the candidates seen."""

    field: str
    question: str
    candidates: list[CandidateSeen]


def as_json(value: LogoFacts | ReadWhere | StaffQuestion) -> dict[str, Json]:
    """A copy of ``value`` as the JSON object it is (every field holds a JSON value;
    mypy does not widen a TypedDict to a ``dict``)."""
    return cast("dict[str, Json]", dict(value))


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_apostrophes(value: str) -> str:
    """ "O’Brien" -> "O'Brien": the typographic apostrophe a mail client or a word
    processor puts in a name is the plain one, so that names from different mails (and
    the roster built from them) compare equal whatever client the sender used."""
    return value.translate(_APOSTROPHES)


_NAMED = ("name", "last_name", "first_name", "title", "agency")
"""Fields holding a person's name, a title or an agency name (the plain apostrophe)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    @field_validator(*_NAMED, check_fields=False)
    @classmethod
    def _plain(cls, value: object) -> object:
        # ``agency`` is also ParseResult's Agency model: only text is changed
        return plain_apostrophes(value) if isinstance(value, str) else value


class Agency(_Model):
    name: str | None = None
    judiciary_code: str | None = None
    address: str | None = None
    phone: str | None = None
    logo: str | None = None


class PointOfContact(_Model):
    name: str | None = None
    email: str | None = None


class HeadOfDepartment(_Model):
    name: str | None = None
    title: str | None = None


class Officer(_Model):
    last_name: str | None = None
    first_name: str | None = None
    title: str | None = None
    officer_number: str | None = None
    dps_username: str | None = None


class Change(BaseModel):
    """One roster change; besides ``action`` and ``officer_number`` it carries only
    the fields that change (officer fields, or ``agency`` for a transfer), and the
    ``note`` a change table's remark column gives its row."""

    model_config = ConfigDict(extra="allow")

    action: Action
    officer_number: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        return {
            k: plain_apostrophes(v) if k in _NAMED and isinstance(v, str) else v
            for k, v in data.items()
        }

    def as_officer(self) -> Officer:
        """The officer this change names, with the officer fields it gives."""
        said = {**(self.model_extra or {}), "officer_number": self.officer_number}
        return Officer(**{k: said.get(k) for k in OFFICER_FIELDS})


class Invalid(_Model):
    field: str
    reason: str


class ParseResult(_Model):
    intent: Intent = "other"
    sender: str | None = None
    automated: bool = False
    agency: Agency = Field(default_factory=Agency)
    point_of_contact: PointOfContact = Field(default_factory=PointOfContact)
    head_of_department: HeadOfDepartment = Field(default_factory=HeadOfDepartment)
    officers: list[Officer] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    invalid: list[Invalid] = Field(default_factory=list)
    # The logo image's metadata (format, size, hash, rule verdict) as the parser found
    # it; kept with the case, never part of the `mailbot parse --json` shape.
    _logo_details: LogoFacts | None = PrivateAttr(default=None)
    # Where each value was read and how sure the reader is (path -> {where,
    # confidence}), and questions for staff where a value's role is uncertain
    # (path -> {field, question, candidates}); kept with the case, not in the JSON.
    _evidence: dict[str, ReadWhere] = PrivateAttr(default_factory=dict)
    _questions: dict[str, StaffQuestion] = PrivateAttr(default_factory=dict)
    # computes ``_evidence`` on first use (only a case needs it, not `mailbot parse`)
    _evidence_of: Callable[[], dict[str, ReadWhere]] | None = PrivateAttr(default=None)
    # Limits hit and parts skipped while reading (plain words, for staff and sender);
    # the MIME layer's own notes are in ``MessageParts.notes``.
    _notes: list[str] = PrivateAttr(default_factory=list)

    @property
    def notes(self) -> list[str]:
        return self._notes

    @property
    def logo_details(self) -> LogoFacts | None:
        return self._logo_details

    @property
    def evidence(self) -> dict[str, ReadWhere]:
        if self._evidence_of is not None:
            self._evidence = self._evidence_of()
            self._evidence_of = None
        return self._evidence

    @property
    def questions(self) -> list[StaffQuestion]:
        return list(self._questions.values())

    def to_json_dict(self) -> dict[str, Json]:
        """The exact public shape: every key present, unknown values ``null``."""
        data = self.model_dump(mode="json")
        data["changes"] = [c.model_dump(mode="json") for c in self.changes]
        return data
