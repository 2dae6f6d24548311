"""The steps of the pathway recorded on each case

The case's borough needs no migration: it is one of the case's details, kept in the JSON
`details` column with the others (forms/case.py); cases made before have none, and their page
asks for it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 16:05:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pathway_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=8), nullable=True),
        sa.Column("happened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_pathway_events_case_id_happened_at", "pathway_events", ["case_id", "happened_at"]
    )
    op.create_index("ix_pathway_events_step_happened_at", "pathway_events", ["step", "happened_at"])


def downgrade():
    op.drop_index("ix_pathway_events_step_happened_at", table_name="pathway_events")
    op.drop_index("ix_pathway_events_case_id_happened_at", table_name="pathway_events")
    op.drop_table("pathway_events")
