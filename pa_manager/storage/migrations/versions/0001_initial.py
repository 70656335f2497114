"""initial: employers, PAs and pay rates

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('employers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('council', sa.String(length=200), nullable=False),
    sa.Column('direct_payment_reference', sa.String(length=100), nullable=False),
    sa.Column('nation', sa.String(length=20), nullable=False),
    sa.Column('london', sa.Boolean(), nullable=False),
    sa.Column('paye_reference', sa.String(length=20), nullable=False),
    sa.Column('accounts_office_reference', sa.String(length=20), nullable=False),
    sa.Column('insurer', sa.String(length=200), nullable=False),
    sa.Column('insurance_policy_number', sa.String(length=100), nullable=False),
    sa.Column('insurance_renewal_date', sa.Date(), nullable=True),
    sa.Column('pension_provider', sa.String(length=200), nullable=False),
    sa.Column('pay_frequency', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employers')),
    sa.UniqueConstraint('name', name=op.f('uq_employers_name'))
    )
    op.create_table('pas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('ni_number', sa.String(length=9), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('leaving_date', sa.Date(), nullable=True),
    sa.Column('leaving_reason', sa.String(length=200), nullable=False),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('tax_code', sa.String(length=20), nullable=False),
    sa.Column('ni_category', sa.String(length=1), nullable=False),
    sa.Column('contracted_hours', pa_manager.storage.types.ExactDecimal(), nullable=True),
    sa.Column('irregular_hours', sa.Boolean(), nullable=False),
    sa.Column('apprentice', sa.Boolean(), nullable=False),
    sa.Column('apprenticeship_start', sa.Date(), nullable=True),
    sa.Column('close_relative_in_household', sa.Boolean(), nullable=False),
    sa.Column('emergency_contact_name', sa.String(length=200), nullable=False),
    sa.Column('emergency_contact_phone', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pas_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pas')),
    sa.UniqueConstraint('employer_id', 'name', name='uq_pas_employer_id_name')
    )
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pas_employer_id'), ['employer_id'], unique=False)

    op.create_table('pay_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('hourly_rate', pa_manager.storage.types.Pence(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pay_rates_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_pay_rates_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_rates')),
    sa.UniqueConstraint('pa_id', 'effective_from', name='uq_pay_rates_pa_id_effective_from')
    )
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_rates_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pay_rates_pa_id'), ['pa_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_rates_pa_id'))
        batch_op.drop_index(batch_op.f('ix_pay_rates_employer_id'))

    op.drop_table('pay_rates')
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pas_employer_id'))

    op.drop_table('pas')
    op.drop_table('employers')
