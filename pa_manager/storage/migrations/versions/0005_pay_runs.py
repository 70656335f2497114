"""pay runs

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pay_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pay_date', sa.Date(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('frequency', sa.String(length=20), nullable=False),
    sa.Column('tax_year', sa.String(length=7), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('finalised_at', pa_manager.storage.types.UtcInstant(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pay_runs_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_runs')),
    sa.UniqueConstraint('employer_id', 'pay_date', name='uq_pay_runs_employer_id_pay_date')
    )
    with op.batch_alter_table('pay_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_runs_employer_id'), ['employer_id'], unique=False)

    op.create_table('pay_adjustments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('pay_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('amount', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('for_employer', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pay_adjustments_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_pay_adjustments_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_adjustments'))
    )
    with op.batch_alter_table('pay_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_adjustments_employer_id'), ['employer_id'], unique=False)

    op.create_table('pay_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('pay_date', sa.Date(), nullable=False),
    sa.Column('minimum_wage_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pay_notes_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_pay_notes_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_notes')),
    sa.UniqueConstraint('pa_id', 'pay_date', name='uq_pay_notes_pa_id_pay_date')
    )
    with op.batch_alter_table('pay_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_notes_employer_id'), ['employer_id'], unique=False)

    op.create_table('payslips',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pay_run_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('tax_code', sa.String(length=20), nullable=False),
    sa.Column('ni_category', sa.String(length=1), nullable=False),
    sa.Column('hours', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('gross_pay', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('taxable_pay', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('tax', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('employee_ni', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('employer_ni', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('employment_allowance', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('employee_pension', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('employer_pension', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('ssp', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('additions', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('net_pay', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('holiday_hours_accrued', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('holiday_hours_taken', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('minimum_wage_ok', sa.Boolean(), nullable=False),
    sa.Column('minimum_wage_reason', sa.Text(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_payslips_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_payslips_pa_id_pas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pay_run_id'], ['pay_runs.id'], name=op.f('fk_payslips_pay_run_id_pay_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payslips')),
    sa.UniqueConstraint('pay_run_id', 'pa_id', name='uq_payslips_pay_run_id_pa_id')
    )
    with op.batch_alter_table('payslips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payslips_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payslips_pa_id'), ['pa_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payslips_pay_run_id'), ['pay_run_id'], unique=False)

    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pension_employer_rate', pa_manager.storage.types.ExactDecimal(), server_default='0.03', nullable=False))
        batch_op.add_column(sa.Column('pension_employee_rate', pa_manager.storage.types.ExactDecimal(), server_default='0.05', nullable=False))
        batch_op.add_column(sa.Column('pension_tax_relief', sa.String(length=20), server_default='relief-at-source', nullable=False))
        batch_op.add_column(sa.Column('claims_employment_allowance', sa.Boolean(), server_default='1', nullable=False))

    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rolled_up_holiday', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('pension_status', sa.String(length=20), server_default='NOT_MEMBER', nullable=False))
        batch_op.add_column(sa.Column('pension_active_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('p45_tax_year', sa.String(length=7), server_default='', nullable=False))
        batch_op.add_column(sa.Column('p45_pay', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('p45_tax', pa_manager.storage.types.Pence(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('p45_tax')
        batch_op.drop_column('p45_pay')
        batch_op.drop_column('p45_tax_year')
        batch_op.drop_column('pension_active_from')
        batch_op.drop_column('pension_status')
        batch_op.drop_column('rolled_up_holiday')

    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_column('claims_employment_allowance')
        batch_op.drop_column('pension_tax_relief')
        batch_op.drop_column('pension_employee_rate')
        batch_op.drop_column('pension_employer_rate')

    with op.batch_alter_table('payslips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payslips_pay_run_id'))
        batch_op.drop_index(batch_op.f('ix_payslips_pa_id'))
        batch_op.drop_index(batch_op.f('ix_payslips_employer_id'))

    op.drop_table('payslips')
    with op.batch_alter_table('pay_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_notes_employer_id'))

    op.drop_table('pay_notes')
    with op.batch_alter_table('pay_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_adjustments_employer_id'))

    op.drop_table('pay_adjustments')
    with op.batch_alter_table('pay_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_runs_employer_id'))

    op.drop_table('pay_runs')
