"""An index of the audit trail by action and moment (issue 13)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 10:00:00.000000

My work's bulk-download alert counts the last hour's downloads on every manager's visit, and
the audit page filters by action and date: without it, both read the whole trail.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_audit_events_action_at", "audit_events", ["action", "at"])


def downgrade():
    op.drop_index("ix_audit_events_action_at", table_name="audit_events")
