"""The ``[database] url`` and ``[logging]`` of a settings file, read without pydantic.

Read-only listings (``queue``, ``agencies``, ``officers``, ``export``) need only the
database URL; building :class:`mailbot.config.Settings` costs more than the query.
This reader accepts a file only when it is certain the full loader would accept it
with the same values: every key is one of :data:`QUICK_KEYS` with a valid value, and
no ``MAILBOT_*`` variable overrides anything. Otherwise it returns None and the
caller uses :func:`mailbot.config.load_settings`, which gives its usual errors. So a
desk-only file (``[database]`` and ``[logging]``, no mailbox secrets) is fast, and
any other file behaves exactly as before.

``Settings`` stays the one definition: ``tests/unit/test_quick_settings.py`` checks
:data:`QUICK_KEYS` (types, allowed values, defaults) against it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass

# section -> key -> (default, allowed values; None means any string)
QUICK_KEYS: dict[str, dict[str, tuple[str, tuple[str, ...] | None]]] = {
    "database": {"url": ("sqlite:///mailbot.db", None)},
    "logging": {
        "level": ("info", ("debug", "info", "warning", "error")),
        "format": ("auto", ("auto", "console", "json")),
    },
}


@dataclass(frozen=True)
class QuickSettings:
    database_url: str
    log_level: str
    log_format: str


# The sections of mailbot.config.Settings (a test keeps the two in step): only
# MAILBOT_<SECTION>... variables can change a setting; others (MAILBOT_CONFIG, the
# test switches MAILBOT_REQUIRE_*) cannot.
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


def _overridden(environ: Mapping[str, str]) -> bool:
    """True when a ``MAILBOT_<SECTION>...`` variable may change a value."""
    prefixes = tuple(f"MAILBOT_{s.upper()}" for s in SECTIONS)
    return any(name.upper().startswith(prefixes) for name in environ)


def read_quick_settings(
    path: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None
) -> QuickSettings | None:
    """The database URL and logging settings of ``path`` (else ``$MAILBOT_CONFIG``,
    else the defaults), or None when only the full loader may decide."""
    env = os.environ if environ is None else environ
    if _overridden(env):
        return None
    chosen = path if path is not None else env.get("MAILBOT_CONFIG") or None
    data: dict[str, object] = {}
    if chosen is not None:
        try:
            with open(chosen, "rb") as f:
                data = tomllib.loads(f.read().decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
    values = {s: {k: d for k, (d, _) in keys.items()} for s, keys in QUICK_KEYS.items()}
    for section, table in data.items():
        known = QUICK_KEYS.get(section)
        if known is None or not isinstance(table, dict):
            return None
        for key, value in table.items():
            if key not in known or not isinstance(value, str):
                return None
            allowed = known[key][1]
            if allowed is not None and value not in allowed:
                return None
            values[section][key] = value
    return QuickSettings(
        database_url=values["database"]["url"],
        log_level=values["logging"]["level"],
        log_format=values["logging"]["format"],
    )
