"""the employer's whole year: student and postgraduate loans

A PA's Student Loan plan ("1", "2", "4", "5" or "" for none) and whether they repay a Postgraduate
Loan, from their starter checklist, P45 or HMRC's start notice (SL1, PGL1).

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-10
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_loan_plan', sa.String(length=1), server_default='', nullable=False))
        batch_op.add_column(sa.Column('postgraduate_loan', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('postgraduate_loan')
        batch_op.drop_column('student_loan_plan')
