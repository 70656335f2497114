"""indexes for the questions asked of the database: each PA's first shift

Each PA's first day with a shift (is the right-to-work check before it? when did they start working?)
is asked as a minimum over the PA's shifts. With an index on (pa_id, local_date), SQLite and
PostgreSQL both answer it from the first entry of the PA's part of the index, however many years of
shifts there are (EXPLAIN QUERY PLAN: "SEARCH shifts USING COVERING INDEX ix_shifts_pa_id_local_date
(pa_id=?)"; PostgreSQL: "Index Only Scan using ix_shifts_pa_id_local_date"), where before every
shift of the PA was read.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_shifts_pa_id_local_date', 'shifts', ['pa_id', 'local_date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_shifts_pa_id_local_date', table_name='shifts')
