"""SPA accounts' borough, what a step records beyond its date, and each case's stage and running
clocks (kept from its events) for the inboxes, My work and the reminders

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 18:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("borough", sa.String(length=16), nullable=True))
    with op.batch_alter_table("pathway_events") as batch:
        batch.add_column(sa.Column("details", sa.JSON(), nullable=True))
    op.create_table(
        "case_stages",
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("borough", sa.String(length=16), nullable=True),
        sa.Column("step", sa.String(length=32), nullable=True),
        sa.Column("step_on", sa.Date(), nullable=True),
        sa.Column("category", sa.String(length=8), nullable=True),
        sa.Column("to_spa_on", sa.Date(), nullable=True),
        sa.Column("to_phoenix_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_index("ix_case_stages_borough_to_spa_on", "case_stages", ["borough", "to_spa_on"])
    op.create_index("ix_case_stages_to_phoenix_on", "case_stages", ["to_phoenix_on"])
    op.create_table(
        "clock_dues",
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("clock", sa.String(length=32), nullable=False),
        sa.Column("team", sa.String(length=16), nullable=False),
        sa.Column("borough", sa.String(length=16), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("beyond_known_holidays", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "clock"),
    )
    op.create_index(
        "ix_clock_dues_team_borough_due_on", "clock_dues", ["team", "borough", "due_on"]
    )
    op.create_index("ix_clock_dues_due_on", "clock_dues", ["due_on"])
    # Cases with steps recorded before this revision get their rows from `flask refresh-pathway`
    # (README, "Upgrades"): the clocks need the working-day calendar, which lives in the app.


def downgrade():
    op.drop_index("ix_clock_dues_due_on", table_name="clock_dues")
    op.drop_index("ix_clock_dues_team_borough_due_on", table_name="clock_dues")
    op.drop_table("clock_dues")
    op.drop_index("ix_case_stages_to_phoenix_on", table_name="case_stages")
    op.drop_index("ix_case_stages_borough_to_spa_on", table_name="case_stages")
    op.drop_table("case_stages")
    with op.batch_alter_table("pathway_events") as batch:
        batch.drop_column("details")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("borough")
