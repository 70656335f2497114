"""budget year: the assessed contribution and the support plan's hours, for the monitoring return

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

import pa_manager.storage.types


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('budget_years', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assessed_contribution', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('support_plan_hours', pa_manager.storage.types.ExactDecimal(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('budget_years', schema=None) as batch_op:
        batch_op.drop_column('support_plan_hours')
        batch_op.drop_column('assessed_contribution')
