"""wage settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follows_real_living_wage', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('care_wage_benchmark', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('care_wage_uplift', pa_manager.storage.types.Pence(), server_default='200', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_column('care_wage_uplift')
        batch_op.drop_column('care_wage_benchmark')
        batch_op.drop_column('follows_real_living_wage')

