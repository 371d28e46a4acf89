"""Shared pytest setup. Server fixtures live in tests/fixtures/ (one module per kind)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import structlog

pytest_plugins = [
    "tests.fixtures.databases",
    "tests.fixtures.mailservers",
]


@pytest.fixture(autouse=True)
def _fresh_structlog() -> Iterator[None]:
    """A test that runs the CLI in-process configures logging (level, renderer); the
    next test starts from structlog's defaults again."""
    yield
    structlog.reset_defaults()
