"""Field paths: where a value sits in a case's data, in one spelling.

``agency.phone``, ``officers[2].title``, ``changes[0].agency``: names joined by dots,
row numbers (counted from 0) in brackets. The checklist (``missing``, ``invalid``),
merge revisions, a case's provenance, staff edits and held changes all use it.
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d{1,9})\]|\.")

Part = str | int


def _split(text: str) -> tuple[Part, ...]:
    """The names and row numbers of a path in either spelling (``officers.2.title``
    is read as ``officers[2].title``, as paths were once kept)."""
    parts: list[Part] = []
    for match in _SEGMENT.finditer(text.strip()):
        name, index = match.group(1), match.group(2)
        if index is not None:
            parts.append(int(index))
        elif name is not None:
            parts.append(int(name) if name.isdigit() else name)
    return tuple(parts)


def _spell(parts: tuple[Part, ...]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class FieldPath(str):
    """A field path; compares equal to its text. ``FieldPath("officers.2.title")``
    is ``"officers[2].title"``: any older dotted spelling is normalised."""

    __slots__ = ()

    def __new__(cls, text: str = "") -> FieldPath:
        return super().__new__(cls, _spell(_split(str(text))))

    @classmethod
    def of(cls, *parts: Part) -> FieldPath:
        """``FieldPath.of("officers", 2, "title")`` is ``officers[2].title``."""
        return super().__new__(cls, _spell(tuple(parts)))

    @property
    def parts(self) -> tuple[Part, ...]:
        return _split(self)

    @property
    def root(self) -> str:
        """The top-level key: ``officers`` for ``officers[2].title``."""
        first = self.parts[:1]
        return str(first[0]) if first else ""

    def child(self, part: Part) -> FieldPath:
        return FieldPath.of(*self.parts, part)


def spell(text: str) -> str:
    """``text`` in the one spelling, as a plain string (for JSON keys)."""
    return str(FieldPath(text))
