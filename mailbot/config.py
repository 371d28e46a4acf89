"""The one typed settings object.

Built at the entry point from a TOML file (``--config PATH`` or ``MAILBOT_CONFIG``)
with ``MAILBOT_<SECTION>_<KEY>`` environment overrides (for secrets such as
``MAILBOT_MAILBOX_PASSWORD``). Never built at import time.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from mailbot.errors import ConfigError

Security = Literal["tls", "starttls", "none"]


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

    @model_validator(mode="after")
    def _plain_only_on_loopback(self) -> SmtpSettings:
        _refuse_plain_text(self.security, self.host)
        return self


class DatabaseSettings(_Section):
    url: str = "sqlite:///mailbot.db"


class PollSettings(_Section):
    interval_seconds: float = Field(default=60.0, gt=0)
    idle: bool = True
    idle_renew_seconds: float = Field(default=540.0, gt=0, le=1740)
    batch_size: int = Field(default=50, ge=1)


class LimitsSettings(_Section):
    max_message_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    max_attachments: int = Field(default=20, ge=0)
    max_attachment_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_decompressed_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    max_image_pixels: int = Field(default=25_000_000, ge=1)
    max_officers: int = Field(default=500, ge=1)
    max_text_chars: int = Field(default=1_000_000, ge=1000)
    read_timeout_seconds: float = Field(default=30.0, ge=0)


class BotSettings(_Section):
    reference_prefix: str = Field(default="ETK", pattern=r"^[A-Z]{2,8}$")
    loop_header: str = "X-Mailbot-Loop"
    message_id_domain: str = "mailbot.invalid"
    max_replies_per_address_per_day: int = Field(default=5, ge=0)
    authserv_id: str = ""
    # Key of the HMAC that makes outgoing Message-IDs (same input, same ID; not
    # guessable without it). Set it in the environment: MAILBOT_BOT_MESSAGE_ID_SECRET.
    message_id_secret: SecretStr = SecretStr("")
    rules_dir: Path | None = None
    judicial_bureau_address: str = ""


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


class LoggingSettings(_Section):
    level: Literal["debug", "info", "warning", "error"] = "info"
    format: Literal["auto", "console", "json"] = "auto"


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
    return f"{where}: {message}"


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Build settings from ``path`` (or ``$MAILBOT_CONFIG``) and the environment.

    Raises :class:`ConfigError` with a one-line message naming the key to fix.
    """
    chosen = path if path is not None else os.environ.get("MAILBOT_CONFIG") or None
    data: dict[str, Any] = {}
    source = "environment"
    if chosen is not None:
        file = Path(chosen)
        source = str(file)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {file} not found; pass --config PATH") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"config file {file} cannot be read: {e}") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {file} is not valid TOML: {e}") from None
    try:
        return Settings(**data)
    except ValidationError as e:
        raise ConfigError(f"config ({source}): {_describe(e)}") from None
