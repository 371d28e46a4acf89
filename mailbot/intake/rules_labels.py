"""The shape of ``rules/labels.toml``: the labels of a message's fields, the values that
stand in for none, and the words of an address's parts and of a form's sections."""

from __future__ import annotations

from pydantic import Field

from mailbot.intake.rules_formats import RuleModel


class Placeholders(RuleModel):
    values: list[str]
    elsewhere: list[str] = Field(default_factory=list)
    accounts: list[str] = Field(default_factory=list)
    not_yet: list[str] = Field(default_factory=list)
    not_yet_subjects: list[str] = Field(default_factory=list)
    still_to_come: list[str] = Field(default_factory=list)


class AddressParts(RuleModel):
    labels: list[str] = Field(default_factory=list)
    kinds: dict[str, list[str]] = Field(default_factory=dict)


class FormSections(RuleModel):
    words: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    signed: list[str] = Field(default_factory=list)


class StandInWording(RuleModel):
    links: list[str] = Field(default_factory=list)


class DeskHoldsAll(RuleModel):
    """The desk's words of holding all of a request but some items ("we have everything
    for Elm PD except the logo"): the words of all, of leaving out, and each item's."""

    all: list[str] = Field(default_factory=list)
    but: list[str] = Field(default_factory=list)
    items: dict[str, list[str]] = Field(default_factory=dict)


class Labels(RuleModel):
    labels: dict[str, list[str]]
    placeholders: Placeholders
    address_parts: AddressParts = Field(default_factory=AddressParts)
    form_sections: FormSections = Field(default_factory=FormSections)
    stand_ins: dict[str, list[str]] = Field(default_factory=dict)
    stand_in_wording: StandInWording = Field(default_factory=StandInWording)
    desk_holds_all: DeskHoldsAll = Field(default_factory=DeskHoldsAll)
