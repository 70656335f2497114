"""attachment of earnings orders on a PA's pay

A new table only; nothing already stored changes.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('earnings_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('issued_by', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('normal_deduction_rate', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('protected_earnings_rate', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('rate_period', sa.String(length=5), nullable=False),
    sa.Column('total_to_pay', pa_manager.storage.types.ExactDecimal(), nullable=True),
    sa.Column('take_fee', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_earnings_orders_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_earnings_orders_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_earnings_orders'))
    )
    with op.batch_alter_table('earnings_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_earnings_orders_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_earnings_orders_pa_id'), ['pa_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('earnings_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_earnings_orders_pa_id'))
        batch_op.drop_index(batch_op.f('ix_earnings_orders_employer_id'))

    op.drop_table('earnings_orders')
