"""a PA paid through another payroll earlier this tax year: that payroll's figures to date

An employer moving to PA Manager part-way through a tax year (from Basic PAYE Tools, a bureau) carries on
each PA's year to date from the earlier payroll's: taxable pay and tax, NI-able pay and its split at the
lower earnings limit, primary threshold and upper earnings limit, employee's and employer's NI, and
Student and Postgraduate Loan deductions, for the tax year of the last pay day that payroll reported
(pas.earlier_payroll_last_paid, migration 0025). Null: not recorded. Ten new columns; nothing already
stored changes.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

import pa_manager.storage.types


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('earlier_payroll_taxable_pay', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_tax', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_ni_pay', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_at_lel', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_lel_to_pt', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_pt_to_uel', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_employee_ni', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_employer_ni', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_student_loan', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('earlier_payroll_postgraduate_loan', pa_manager.storage.types.Pence(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('earlier_payroll_postgraduate_loan')
        batch_op.drop_column('earlier_payroll_student_loan')
        batch_op.drop_column('earlier_payroll_employer_ni')
        batch_op.drop_column('earlier_payroll_employee_ni')
        batch_op.drop_column('earlier_payroll_pt_to_uel')
        batch_op.drop_column('earlier_payroll_lel_to_pt')
        batch_op.drop_column('earlier_payroll_at_lel')
        batch_op.drop_column('earlier_payroll_ni_pay')
        batch_op.drop_column('earlier_payroll_tax')
        batch_op.drop_column('earlier_payroll_taxable_pay')
