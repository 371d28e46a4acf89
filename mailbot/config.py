"""The one typed settings object.

Built at the entry point from a TOML file (``--config PATH`` or ``MAILBOT_CONFIG``,
read by :mod:`mailbot.config_file`) with ``MAILBOT_<SECTION>_<KEY>`` environment
overrides (for secrets such as ``MAILBOT_MAILBOX_PASSWORD``). Never built at import
time.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from mailbot.config_file import (
    DEFAULT_DATABASE_URL,
    DEFAULT_LOG_FORMAT,
    DEFAULT_LOG_LEVEL,
    LogFormat,
    LogLevel,
    read_config,
)
from mailbot.errors import ConfigError
from mailbot.intake.classify import LOOP_HEADER
from mailbot.intake.limits import Limits

Security = Literal["tls", "starttls", "none"]
Auth = Literal["password", "oauth2"]


def _is_loopback(host: str) -> bool:
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse_plain_text(security: str, host: str) -> None:
    if security == "none" and not _is_loopback(host):
        raise ValueError(
            f'security = "none" is only allowed for a loopback host (got {host!r}); '
            'use "tls" or "starttls"'
        )


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MailboxSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=993, ge=1, le=65535)
    security: Security = "tls"
    username: str = "dps.eTicket"
    password: SecretStr = SecretStr("")
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    review_folder: str = "Needs-Review"
    quarantine_folder: str = "Quarantine"
    timeout_seconds: float = Field(default=30.0, gt=0)
    # "oauth2": AUTHENTICATE XOAUTH2 with a token from [oauth2] instead of the password.
    auth: Auth = "password"

    @model_validator(mode="after")
    def _plain_only_on_loopback(self) -> MailboxSettings:
        _refuse_plain_text(self.security, self.host)
        return self


class SmtpSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=465, ge=1, le=65535)
    security: Security = "tls"
    username: str = ""
    password: SecretStr = SecretStr("")
    from_address: str = "dps.eTicket@vermont.gov"
    timeout_seconds: float = Field(default=30.0, gt=0)
    # "oauth2": AUTH XOAUTH2 as ``username`` (else ``from_address``) with an [oauth2] token.
    auth: Auth = "password"

    @model_validator(mode="after")
    def _plain_only_on_loopback(self) -> SmtpSettings:
        _refuse_plain_text(self.security, self.host)
        return self


class OAuth2Settings(_Section):
    """Where the access token for ``auth = "oauth2"`` comes from: the Microsoft identity
    platform (MSAL, client credentials), or ``token_command`` for any other provider."""

    tenant_id: str = ""
    client_id: str = ""
    client_secret: SecretStr = SecretStr("")
    certificate_file: Path | None = None
    certificate_thumbprint: str = ""
    authority: str = ""
    scope: str = "https://outlook.office365.com/.default"
    ca_file: Path | None = None
    renew_before_seconds: float = Field(default=300.0, ge=0)
    timeout_seconds: float = Field(default=30.0, gt=0)
    token_command: str = ""
    token_command_lifetime_seconds: float = Field(default=300.0, gt=0)

    @property
    def authority_url(self) -> str:
        """``authority``, else the Microsoft 365 endpoint of ``tenant_id``."""
        if self.authority:
            return self.authority.rstrip("/")
        return f"https://login.microsoftonline.com/{self.tenant_id}"

    @model_validator(mode="after")
    def _certificate_needs_thumbprint(self) -> OAuth2Settings:
        if self.certificate_file is not None and not self.certificate_thumbprint:
            raise ValueError(
                "certificate_thumbprint is required with certificate_file "
                "(the thumbprint shown in the app registration's Certificates & secrets)"
            )
        return self


class MetricsSettings(_Section):
    # 0: off. Else `mailbot run` serves Prometheus metrics on this port.
    port: int = Field(default=0, ge=0, le=65535)
    address: str = "127.0.0.1"


class RetentionSettings(_Section):
    # 0: keep raw message bodies for ever.
    raw_days: int = Field(default=0, ge=0)


class DatabaseSettings(_Section):
    url: str = DEFAULT_DATABASE_URL
    statement_timeout_seconds: float = Field(default=30.0, ge=0)
    connect_timeout_seconds: float = Field(default=10.0, gt=0)


class PollSettings(_Section):
    interval_seconds: float = Field(default=60.0, gt=0)
    idle: bool = True
    idle_renew_seconds: float = Field(default=540.0, gt=0, le=1740)
    batch_size: int = Field(default=50, ge=1)
    send_budget_seconds: float = Field(default=120.0, gt=0)


class LimitsSettings(_Section):
    """The bounds of :class:`~mailbot.intake.limits.Limits` (whose defaults these are)."""

    max_message_bytes: int = Field(default=Limits.max_message_bytes, ge=1024)
    max_attachments: int = Field(default=Limits.max_attachments, ge=0)
    max_attachment_bytes: int = Field(default=Limits.max_attachment_bytes, ge=1024)
    max_decompressed_bytes: int = Field(default=Limits.max_decompressed_bytes, ge=1024)
    max_image_pixels: int = Field(default=Limits.max_image_pixels, ge=1)
    max_officers: int = Field(default=Limits.max_officers, ge=1)
    max_text_chars: int = Field(default=Limits.max_text_chars, ge=1000)
    read_timeout_seconds: float = Field(default=Limits.read_timeout_seconds, ge=0)


class BotSettings(_Section):
    reference_prefix: str = Field(default="ETK", pattern=r"^[A-Z]{2,8}$")
    loop_header: str = LOOP_HEADER
    message_id_domain: str = "mailbot.invalid"
    max_replies_per_address_per_day: int = Field(default=5, ge=0)
    authserv_id: str = ""
    # Key of the HMAC that makes outgoing Message-IDs (same input, same ID; not
    # guessable without it). Set it in the environment: MAILBOT_BOT_MESSAGE_ID_SECRET.
    message_id_secret: SecretStr = SecretStr("")
    rules_dir: Path | None = None
    judicial_bureau_address: str = ""
    suppress_after_hard_bounces: int = Field(default=3, ge=1)


TrustPolicy = Literal["require", "flag", "off"]


class TrustSettings(_Section):
    """What an unverified sender (no aligned DMARC pass at our server) may do, per
    kind of message: ``require`` holds it for staff, changing nothing; ``flag`` lets
    it through with the case flagged (``approve`` then needs ``--accept-unverified``);
    ``off`` does not check. A change of a contact address is never applied by the
    bot, whatever this says. Needs ``[bot] authserv_id``."""

    enrollment: TrustPolicy = "flag"
    roster_change: TrustPolicy = "require"
    follow_up: TrustPolicy = "flag"
    # The mailbox is on Microsoft 365 (Exchange Online), which writes its
    # Authentication-Results without an authserv-id: the topmost header naming none is
    # read as our server's (``[bot] authserv_id`` may then stay empty).
    unnamed_results: bool = False


class LoggingSettings(_Section):
    level: LogLevel = DEFAULT_LOG_LEVEL
    format: LogFormat = DEFAULT_LOG_FORMAT


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MAILBOT_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="forbid",
    )

    mailbox: MailboxSettings = MailboxSettings()
    smtp: SmtpSettings = SmtpSettings()
    database: DatabaseSettings = DatabaseSettings()
    poll: PollSettings = PollSettings()
    limits: LimitsSettings = LimitsSettings()
    bot: BotSettings = BotSettings()
    trust: TrustSettings = TrustSettings()
    logging: LoggingSettings = LoggingSettings()
    oauth2: OAuth2Settings = OAuth2Settings()
    metrics: MetricsSettings = MetricsSettings()
    retention: RetentionSettings = RetentionSettings()

    @model_validator(mode="after")
    def _oauth2_is_configured(self) -> Settings:
        sections = (("mailbox", self.mailbox), ("smtp", self.smtp))
        users = [name for name, section in sections if section.auth == "oauth2"]
        o = self.oauth2
        if not users or o.token_command:
            return self
        if not o.client_id:
            raise ValueError(
                f'oauth2.client_id is required when {users[0]}.auth = "oauth2" '
                "(the app registration's Application (client) ID), or set oauth2.token_command"
            )
        if not (o.tenant_id or o.authority):
            raise ValueError(
                f'oauth2.tenant_id is required when {users[0]}.auth = "oauth2" '
                "(the Directory (tenant) ID), or set oauth2.authority"
            )
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The environment overrides the TOML file (passed in as init values).
        return (env_settings, init_settings)


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        return f"{where}: unknown key (see config.example.toml for the valid keys)"
    message = first["msg"].removeprefix("Value error, ")
    # A check across sections names its keys itself.
    return f"{where}: {message}" if first["loc"] else message


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Build settings from ``path`` (or ``$MAILBOT_CONFIG``) and the environment.

    Raises :class:`ConfigError` with a one-line message naming the key to fix.
    """
    source, data = read_config(path)
    try:
        return Settings(**data)
    except ValidationError as e:
        raise ConfigError(f"config ({source}): {_describe(e)}") from None
