"""Case references: ``ETK-0042`` in every reply subject."""

from __future__ import annotations

import re


def format_reference(prefix: str, case_id: int) -> str:
    """The case reference shown in every reply subject: ``format_reference("ETK", 42)``
    is ``"ETK-0042"`` (at least four digits, more when the id needs them)."""
    if case_id < 1:
        raise ValueError(f"case id must be positive, got {case_id}")
    return f"{prefix.upper()}-{case_id:04d}"


def find_reference(subject: str, prefix: str) -> str | None:
    """The case reference in a reply subject, in canonical form, or None.

    Finds ``[ETK-0042]`` or a bare ``ETK-0042`` (any case, any zero padding); a
    bracketed reference wins over a bare one. ``XETK-0042`` or ``ETK-0042A`` do not count.
    """
    pattern = re.compile(
        rf"(\[)?(?<![A-Za-z0-9]){re.escape(prefix)}-(\d{{1,9}})(?![A-Za-z0-9])(\])?",
        re.IGNORECASE,
    )
    bare: str | None = None
    for match in pattern.finditer(subject or ""):
        number = int(match.group(2))
        if number < 1:
            continue
        reference = format_reference(prefix, number)
        if match.group(1) and match.group(3):
            return reference
        bare = bare or reference
    return bare
