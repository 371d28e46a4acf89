"""Small tests on values read from an email."""

from __future__ import annotations

from typing import Any


def is_blank(value: Any) -> bool:
    """None, or text with nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())
