"""Versions sent by email: to whom, by whom, when, and the exact bytes attached

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 16:20:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sendings",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("version_id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("mail_id", sa.String(length=32), nullable=True),
        sa.Column("to", sa.JSON(), nullable=False),
        sa.Column("cc", sa.JSON(), nullable=False),
        sa.Column("attachment", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("agreed_password", sa.Boolean(), nullable=False),
        sa.Column("sent_by", sa.String(length=32), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["submissions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["mail_id"], ["outbox.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["sent_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sendings_version_id", "sendings", ["version_id"])
    op.create_index("ix_sendings_case_id", "sendings", ["case_id"])


def downgrade():
    op.drop_index("ix_sendings_case_id", table_name="sendings")
    op.drop_index("ix_sendings_version_id", table_name="sendings")
    op.drop_table("sendings")
