"""How each value must look (``rules/formats.toml``): the models of its sections."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RuleModel(BaseModel):
    """A rules file's table: no unknown key, never changed once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class JudiciaryCodeFormat(RuleModel):
    digits: int = Field(ge=1)
    reason: str


class OfficerNumberFormat(RuleModel):
    length: int = Field(ge=1)
    pattern: str
    length_reason: str
    pattern_reason: str
    separators: list[str] = Field(default_factory=list)


class PatternFormat(RuleModel):
    pattern: str
    reason: str


class UsernameFormat(RuleModel):
    pattern: str
    reason: str
    dps_domains: list[str] = Field(default_factory=list)
    joined_words: list[str] = Field(default_factory=list)  # "l hebert all one word"
    plain_words: list[str] = Field(default_factory=list)  # "username from ... to ..."

    def on_dps_domain(self, domain: str) -> bool:
        """True when ``domain`` (after a login's "@" or before its "\\") is a DPS one: one of
        ``dps_domains`` ("dps.state.vt.us", the short "dps") or a domain whose first label
        is one of them ("dps.local", the DPS directory's own name), in any case."""
        low = domain.lower()
        domains = {d.lower() for d in self.dps_domains}
        return low in domains or low.split(".", 1)[0] in domains


class PhoneFormat(RuleModel):
    region: str
    reason: str


class AddressFormat(RuleModel):
    require_zip: bool
    state: str
    zip_reason: str
    state_reason: str
    state_zip_prefixes: list[str] = Field(default_factory=list)


class EmailFormat(PatternFormat):
    spoken_at: list[str] = Field(default_factory=list)
    spoken_dot: list[str] = Field(default_factory=list)
    spoken_endings: list[str] = Field(default_factory=list)


class LogoFormat(RuleModel):
    formats: list[str]
    max_bytes: int = Field(ge=1)
    min_width: int = Field(ge=1)
    min_height: int = Field(ge=1)
    max_width: int = Field(ge=1)
    max_height: int = Field(ge=1)


class Formats(RuleModel):
    judiciary_code: JudiciaryCodeFormat
    officer_number: OfficerNumberFormat
    dps_username: UsernameFormat
    phone: PhoneFormat
    address: AddressFormat
    email: EmailFormat
    logo: LogoFormat
