"""Values read from an email, as the case data holds them."""

from __future__ import annotations

import enum
from typing import TypeAlias

# What a JSON column holds (case data, provenance, audit details).
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"


class Keep(enum.Enum):
    """A column left as it is (where None would clear it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


def is_blank(value: object) -> bool:
    """None, or text with nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())
