"""Status values of stored records that code outside the store compares against,
kept apart from :mod:`mailbot.store.models` so that reading them needs no SQLAlchemy."""

from __future__ import annotations

import enum


class OfficerStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
