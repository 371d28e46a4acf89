"""Values read from an email, as the case data holds them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeAlias

# What a JSON column holds (case data, provenance, audit details).
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"


class Keep(enum.Enum):
    """A column left as it is (where None would clear it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


def is_blank(value: object) -> bool:
    """True when ``value`` says nothing: None, text of only spaces, or an empty
    mapping or list. 0 and False are values."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, Mapping | list | tuple) and not value


def listed(data: Mapping[str, Json], key: str) -> list[Json]:
    """``data[key]`` when it is a list (as stored), else an empty list."""
    value = data.get(key)
    return value if isinstance(value, list) else []
