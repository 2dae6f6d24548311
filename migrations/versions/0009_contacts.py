"""The Phoenix worker's contact log (Appendix 7): one row per contact, deleted with its case

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("contact_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("contact_type", sa.String(length=32), nullable=False),
        sa.Column("contact_type_other", sa.Text(), nullable=True),
        sa.Column("nature", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("case_notes", sa.Text(), nullable=True),
        sa.Column("consent", sa.String(length=3), nullable=True),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contacts_case_id_contact_on", "contacts", ["case_id", "contact_on"])


def downgrade():
    op.drop_index("ix_contacts_case_id_contact_on", table_name="contacts")
    op.drop_table("contacts")
