"""Locate the data folders (templates, rules, migrations, samples).

In a source checkout they sit beside the package; in an installed wheel they are
shipped inside it under ``mailbot/_resources``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE.parent


def _find(name: str, source_rel: str | None = None) -> Path:
    bundled = _PACKAGE / "_resources" / name
    if bundled.is_dir():
        return bundled
    return _SOURCE_ROOT / (source_rel or name)


def templates_dir() -> Path:
    return _find("templates")


def rules_dir() -> Path:
    return _find("rules")


def migrations_dir() -> Path:
    return _find("migrations")


def samples_dir() -> Path:
    return _find("samples", "tests/data/samples")
