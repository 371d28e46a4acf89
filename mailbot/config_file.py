"""The settings file, read in one place: which file (``--config PATH``, else
``$MAILBOT_CONFIG``), its TOML, and whether ``MAILBOT_<SECTION>_<KEY>`` variables
override it.

No pydantic here, so a command that needs only the database can start light:
:func:`mailbot.config.load_settings` builds the typed settings from
:func:`read_config`, and :func:`desk_settings` gives the read-only listings (``queue``,
``agencies``, ``officers``, ``export``) their database URL and logging without building
them, when the file holds nothing else. The defaults and allowed values of those few
keys are defined here, and :mod:`mailbot.config` uses them.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, get_args

from mailbot.errors import ConfigError

# The sections of mailbot.config.Settings: only MAILBOT_<SECTION>... variables change a
# setting; others (MAILBOT_CONFIG, the test switches MAILBOT_REQUIRE_*) do not.
SECTIONS = (
    "mailbox",
    "smtp",
    "database",
    "poll",
    "limits",
    "bot",
    "trust",
    "logging",
    "oauth2",
    "metrics",
    "retention",
)

DEFAULT_DATABASE_URL = "sqlite:///mailbot.db"
LogLevel = Literal["debug", "info", "warning", "error"]
LogFormat = Literal["auto", "console", "json"]
DEFAULT_LOG_LEVEL: LogLevel = "info"
DEFAULT_LOG_FORMAT: LogFormat = "auto"

# What desk_settings reads: section -> key -> (default, allowed values; None: any text)
DESK_KEYS: dict[str, dict[str, tuple[str, tuple[str, ...] | None]]] = {
    "database": {"url": (DEFAULT_DATABASE_URL, None)},
    "logging": {
        "level": (DEFAULT_LOG_LEVEL, get_args(LogLevel)),
        "format": (DEFAULT_LOG_FORMAT, get_args(LogFormat)),
    },
}


def read_config(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None
) -> tuple[str, dict[str, Any]]:
    """(where the settings come from, the file's tables) for ``path``, else
    ``$MAILBOT_CONFIG``; no file: ("environment", {}).

    Raises :class:`ConfigError` with one line saying what is wrong with the file.
    """
    env = os.environ if environ is None else environ
    chosen = _chosen(path, env)
    if chosen is None:
        return "environment", {}
    from pathlib import Path  # (not at import: desk_settings does without it)

    file = Path(chosen)
    try:
        return str(file), tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {file} not found; pass --config PATH") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"config file {file} cannot be read: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"config file {file} is not valid TOML: {e}") from None


def _chosen(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> str | os.PathLike[str] | None:
    return path if path is not None else environ.get("MAILBOT_CONFIG") or None


def overridden(environ: Mapping[str, str]) -> bool:
    """True when a ``MAILBOT_<SECTION>...`` variable may change a value."""
    prefixes = tuple(f"MAILBOT_{s.upper()}" for s in SECTIONS)
    return any(name.upper().startswith(prefixes) for name in environ)


class DeskSettings(NamedTuple):
    """What :func:`desk_settings` reads (a named tuple: the listings import no
    dataclasses)."""

    database_url: str
    log_level: str
    log_format: str


def desk_settings(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None
) -> DeskSettings | None:
    """The database URL and logging settings of ``path`` (else ``$MAILBOT_CONFIG``,
    else the defaults), when the full loader would give exactly these: the file holds
    only :data:`DESK_KEYS`, each with a valid value, and no ``MAILBOT_*`` variable
    overrides anything. Else None: the caller uses :func:`mailbot.config.load_settings`,
    with its usual validation and errors."""
    env = os.environ if environ is None else environ
    if overridden(env):
        return None
    chosen = _chosen(path, env)
    data: dict[str, object] = {}
    if chosen is not None:
        # As read_config reads it; any failure is the full loader's to report.
        try:
            with open(chosen, encoding="utf-8") as file:
                data = tomllib.loads(file.read())
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
    values = {s: {k: d for k, (d, _) in keys.items()} for s, keys in DESK_KEYS.items()}
    for section, table in data.items():
        known = DESK_KEYS.get(section)
        if known is None or not isinstance(table, dict):
            return None
        for key, value in table.items():
            if key not in known or not isinstance(value, str):
                return None
            allowed = known[key][1]
            if allowed is not None and value not in allowed:
                return None
            values[section][key] = value
    return DeskSettings(
        database_url=values["database"]["url"],
        log_level=values["logging"]["level"],
        log_format=values["logging"]["format"],
    )
