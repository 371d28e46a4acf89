"""Reliability: who is reading or moving a message, UIDVALIDITY alerts, bounced addresses.

- ``read_attempts.owner`` and ``.alone``: the instance reading a message (a marker left
  by a dead instance is evidence; one left by a live one is not), and whether it was
  read on its own.
- ``messages.recorded_by``: only the instance that recorded a message moves it (or any
  instance, once the recorder is known to be dead), so two instances never both move it.
- ``folder_cursors.previous_uidvalidity`` and ``.uidvalidity_changed_at``: a changed
  UIDVALIDITY is raised to staff, not only logged.
- ``address_bounces``: hard bounces per address; replies stop after a configured number.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("read_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("alone", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recorded_by", sa.String(length=255), nullable=True))
    with op.batch_alter_table("folder_cursors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_uidvalidity", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column("uidvalidity_changed_at", sa.DateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "address_bounces",
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("hard_bounces", sa.Integer(), nullable=False),
        sa.Column("last_bounce_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("suppressed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_address_bounces")),
    )


def downgrade() -> None:
    op.drop_table("address_bounces")
    with op.batch_alter_table("folder_cursors", schema=None) as batch_op:
        batch_op.drop_column("uidvalidity_changed_at")
        batch_op.drop_column("previous_uidvalidity")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("recorded_by")
    with op.batch_alter_table("read_attempts", schema=None) as batch_op:
        batch_op.drop_column("alone")
        batch_op.drop_column("owner")
