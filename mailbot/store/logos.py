"""Agency logo images kept by content (SHA-256) when their message is read.

All functions take an open :class:`~sqlalchemy.orm.Session` and never commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from mailbot.domain.facts import LogoImage
from mailbot.store.models import Logo


def keep(session: Session, image: LogoImage, now: datetime) -> None:
    """Store ``image`` unless an image with its SHA-256 is already kept."""
    if session.get(Logo, image.sha256) is not None:
        return
    session.add(
        Logo(
            sha256=image.sha256,
            filename=image.filename[:255],
            format=image.format[:10],
            width=image.width,
            height=image.height,
            data=image.data,
            stored_at=now,
        )
    )
    session.flush()


def find(session: Session, sha256: str) -> LogoImage | None:
    """The kept image with this SHA-256, or None."""
    row = session.get(Logo, sha256.strip().lower())
    if row is None:
        return None
    return LogoImage(row.filename, row.format, row.width, row.height, row.sha256, row.data)
