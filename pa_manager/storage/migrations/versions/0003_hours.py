"""hours

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rota_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('cover_pa_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['cover_pa_id'], ['pas.id'], name=op.f('fk_rota_changes_cover_pa_id_pas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_rota_changes_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_rota_changes_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rota_changes'))
    )
    with op.batch_alter_table('rota_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rota_changes_employer_id'), ['employer_id'], unique=False)

    op.create_table('rota_patterns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('shift_type', sa.String(length=20), nullable=False),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('end_time', sa.String(length=5), nullable=False),
    sa.Column('break_minutes', sa.Integer(), nullable=False),
    sa.Column('weekdays', sa.String(length=20), nullable=False),
    sa.Column('interval_weeks', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_rota_patterns_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_rota_patterns_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rota_patterns'))
    )
    with op.batch_alter_table('rota_patterns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rota_patterns_employer_id'), ['employer_id'], unique=False)

    op.create_table('shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', pa_manager.storage.types.UtcInstant(), nullable=False),
    sa.Column('ends_at', pa_manager.storage.types.UtcInstant(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('break_minutes', sa.Integer(), nullable=False),
    sa.Column('shift_type', sa.String(length=20), nullable=False),
    sa.Column('awake_periods', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_shifts_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_shifts_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts'))
    )
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.create_index('ix_shifts_employer_id_local_date', ['employer_id', 'local_date'], unique=False)
        batch_op.create_index('ix_shifts_pa_id_starts_at', ['pa_id', 'starts_at'], unique=False)

    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regular', sa.Boolean(), server_default='1', nullable=False))

    # Pay rates become pay terms: every existing line is an hourly rate for every shift type.
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=30), server_default='hourly', nullable=False))
        batch_op.add_column(sa.Column('shift_type', sa.String(length=20), server_default='', nullable=False))
        batch_op.add_column(sa.Column('amount', pa_manager.storage.types.Pence(), nullable=True))
        batch_op.add_column(sa.Column('multiplier', pa_manager.storage.types.ExactDecimal(), nullable=True))
    op.execute("UPDATE pay_rates SET amount = hourly_rate")
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_pay_rates_pa_id_effective_from'), type_='unique')
        batch_op.create_unique_constraint('uq_pay_rates_pa_id_line', ['pa_id', 'effective_from', 'kind', 'shift_type'])
        batch_op.drop_column('hourly_rate')



def downgrade() -> None:
    op.execute("DELETE FROM pay_rates WHERE kind != 'hourly' OR shift_type != ''")
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hourly_rate', sa.INTEGER(), nullable=True))
    op.execute("UPDATE pay_rates SET hourly_rate = amount")
    with op.batch_alter_table('pay_rates', schema=None) as batch_op:
        batch_op.drop_constraint('uq_pay_rates_pa_id_line', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_pay_rates_pa_id_effective_from'), ['pa_id', 'effective_from'])
        batch_op.drop_column('multiplier')
        batch_op.drop_column('amount')
        batch_op.drop_column('shift_type')
        batch_op.drop_column('kind')

    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('regular')

    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_index('ix_shifts_pa_id_starts_at')
        batch_op.drop_index('ix_shifts_employer_id_local_date')

    op.drop_table('shifts')
    with op.batch_alter_table('rota_patterns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rota_patterns_employer_id'))

    op.drop_table('rota_patterns')
    with op.batch_alter_table('rota_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rota_changes_employer_id'))

    op.drop_table('rota_changes')
