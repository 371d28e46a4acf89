"""Trust: what our mail server vouched for per message, and changes held for staff.

Revision ID: 0005
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("auth", sa.JSON(), nullable=True))
    op.create_table(
        "case_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "accepted",
                "dropped",
                name=op.f("ck_case_proposals_status"),
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=320), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_proposals_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_case_proposals_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_proposals")),
    )
    with op.batch_alter_table("case_proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_proposals_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_proposals_case_id"))
    op.drop_table("case_proposals")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("auth")
