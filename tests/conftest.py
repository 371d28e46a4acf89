"""Shared pytest setup. Server fixtures live in tests/fixtures/ (one module per kind)."""

from __future__ import annotations

pytest_plugins = [
    "tests.fixtures.databases",
    "tests.fixtures.mailservers",
]
