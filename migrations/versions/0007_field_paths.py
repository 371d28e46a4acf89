"""field paths: one spelling, ``officers[2].title``, in provenance, revisions and audit.

Case provenance keys, case revision paths and the paths listed by ``follow_up_held``
audit events were kept as ``officers.2.title``; the checklist and staff edits spell
the same field ``officers[2].title``. This rewrites the stored paths to the latter.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DOTTED = re.compile(r"\.(\d+)(?=\.|$)")
_BRACKETED = re.compile(r"\[(\d+)\]")


def _bracketed(path: str) -> str:
    return _DOTTED.sub(r"[\1]", path)


def _dotted(path: str) -> str:
    return _BRACKETED.sub(r".\1", path)


_cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("provenance", sa.JSON))
_revisions = sa.table(
    "case_revisions", sa.column("id", sa.Integer), sa.column("path", sa.String(255))
)
_audit = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("action", sa.String(40)),
    sa.column("detail", sa.JSON),
)


def _rewrite(spell: Callable[[str], str]) -> None:
    bind = op.get_bind()
    for row in bind.execute(sa.select(_cases.c.id, _cases.c.provenance)).all():
        provenance: Any = row.provenance
        if not isinstance(provenance, dict):
            continue
        fixed = {spell(str(k)): v for k, v in provenance.items()}
        if fixed != provenance:
            bind.execute(_cases.update().where(_cases.c.id == row.id).values(provenance=fixed))
    for row in bind.execute(sa.select(_revisions.c.id, _revisions.c.path)).all():
        if row.path and spell(row.path) != row.path:
            bind.execute(
                _revisions.update()
                .where(_revisions.c.id == row.id)
                .values(path=spell(row.path))
            )
    query = sa.select(_audit.c.id, _audit.c.detail).where(_audit.c.action == "follow_up_held")
    for row in bind.execute(query).all():
        detail: Any = row.detail
        if not isinstance(detail, dict) or not isinstance(detail.get("paths"), list):
            continue
        paths = [spell(p) if isinstance(p, str) else p for p in detail["paths"]]
        if paths != detail["paths"]:
            bind.execute(
                _audit.update()
                .where(_audit.c.id == row.id)
                .values(detail={**detail, "paths": paths})
            )


def upgrade() -> None:
    _rewrite(_bracketed)


def downgrade() -> None:
    _rewrite(_dotted)
