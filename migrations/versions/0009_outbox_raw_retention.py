"""outbox.raw may be deleted: [retention] purges the bodies of replies of closed cases.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("raw", existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    # A purged body cannot come back: keep an empty one so the column can be NOT NULL.
    op.execute(sa.text("UPDATE outbox SET raw = :empty WHERE raw IS NULL").bindparams(empty=b""))
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.alter_column("raw", existing_type=sa.LargeBinary(), nullable=False)
