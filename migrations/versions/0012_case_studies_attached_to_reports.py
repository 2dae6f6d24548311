"""Case studies belong to a progress report, not to a young person's case (documents.report_id)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 10:00:00.000000

"anonymised case studies will be produced at part of the quarterly report" (cse-strategy.txt
L2976-2978): a case study is attached to the progress report, never held by a child's case.
Case studies written on a case before this are detached from it (case_id NULL) and kept, with
every version, not yet attached to a report (report_id NULL): their author attaches each to a
report from its page. They then stay when the case is purged, as the report's do. A downgrade
drops the link; it cannot give a case study its case back.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("documents", sa.Column("report_id", sa.String(length=32), nullable=True))
    op.create_index("ix_documents_report_id", "documents", ["report_id"], unique=False)
    documents = sa.table(
        "documents", sa.column("case_id", sa.String), sa.column("artefact", sa.String)
    )
    op.execute(
        documents.update()
        .where(documents.c.artefact == "case_study", documents.c.case_id.is_not(None))
        .values(case_id=None)
    )


def downgrade():
    # Not in batch mode: on SQLite a batch would copy `documents` and drop the original,
    # which deletes every version with it (ON DELETE CASCADE). SQLite 3.35+ drops a column.
    op.drop_index("ix_documents_report_id", table_name="documents")
    op.drop_column("documents", "report_id")
