"""the employer's whole year: student and postgraduate loans, and leaving properly

A PA's Student Loan plan ("1", "2", "4", "5" or "" for none) and whether they repay a Postgraduate
Loan, from their starter checklist, P45 or HMRC's start notice (SL1, PGL1). For a leaver: when notice
was given, the contract's notice in weeks, whether the notice not worked is paid in lieu, whether
they are redundant, and a week's pay for both.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_loan_plan', sa.String(length=1), server_default='', nullable=False))
        batch_op.add_column(sa.Column('postgraduate_loan', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('notice_given_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('contractual_notice_weeks', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pay_in_lieu_of_notice', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('redundancy', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('leaving_week_pay', pa_manager.storage.types.Pence(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('leaving_week_pay')
        batch_op.drop_column('redundancy')
        batch_op.drop_column('pay_in_lieu_of_notice')
        batch_op.drop_column('contractual_notice_weeks')
        batch_op.drop_column('notice_given_on')
        batch_op.drop_column('postgraduate_loan')
        batch_op.drop_column('student_loan_plan')
