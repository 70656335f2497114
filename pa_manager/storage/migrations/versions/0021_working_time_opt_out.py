"""working time: the day a PA signed the 48-hour opt-out

The Working Time Regulations 1998 (reg 4(1), 5) let a worker agree in writing to work more than 48 hours
a week on average; the employer keeps a record of who has. Null: no opt-out signed. One new column;
nothing already stored changes.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('working_time_opt_out', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('working_time_opt_out')
