"""The audit trail says whom an action was done to (audit_events.about_user_id)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-09 10:00:00.000000

Issue 13: adding a colleague to a case, or removing one, is audited with the colleague's user
id (never their address or name). Events before this have none.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("audit_events", sa.Column("about_user_id", sa.String(length=32), nullable=True))


def downgrade():
    # SQLite 3.35+ drops a column in place; audit_events has no foreign keys to lose.
    op.drop_column("audit_events", "about_user_id")
