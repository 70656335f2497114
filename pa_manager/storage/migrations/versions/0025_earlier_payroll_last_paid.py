"""a PA paid through another payroll before PA Manager: the last pay day it reported to HMRC

An employer moving to PA Manager from another payroll (Basic PAYE Tools, a bureau) has PAs HMRC already
knows in this employment; their first Full Payment Submission from PA Manager must not report them as
starters, and must send the payroll ID that payroll used. Null and "": PA Manager has paid them from the
start. Two new columns; nothing already stored changes.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('earlier_payroll_last_paid', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('payroll_id', sa.String(length=35), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('payroll_id')
        batch_op.drop_column('earlier_payroll_last_paid')
