"""budget

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('budget_years',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=7), nullable=False),
    sa.Column('amount', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('council_hourly_rate', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('council_on_cost_rate', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('opening_balance', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('surplus_limit_weeks', sa.Integer(), nullable=False),
    sa.Column('first_payment_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_budget_years_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_years')),
    sa.UniqueConstraint('employer_id', 'label', name='uq_budget_years_employer_id_label')
    )
    with op.batch_alter_table('budget_years', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_years_employer_id'), ['employer_id'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('amount', pa_manager.storage.types.Pence(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_ledger_entries_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_entries_employer_id_on', ['employer_id', 'on'], unique=False)

    op.create_table('statement_balances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('balance', pa_manager.storage.types.Pence(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_statement_balances_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement_balances'))
    )
    with op.batch_alter_table('statement_balances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_balances_employer_id'), ['employer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('statement_balances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_balances_employer_id'))

    op.drop_table('statement_balances')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_employer_id_on')

    op.drop_table('ledger_entries')
    with op.batch_alter_table('budget_years', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_years_employer_id'))

    op.drop_table('budget_years')
