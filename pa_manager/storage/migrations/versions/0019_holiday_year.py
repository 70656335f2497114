"""the holiday year: the employer's leave year and bank-holiday choice, carry-over and bookings

Each employer's leave year starts on a month and day of their choosing (1 April for everyone until
they choose), and their bank holidays are part of the 5.6 weeks ("included") or on top ("extra").
Two new tables: holiday carried over from one leave year into the next, with the reason, and holiday
booked. Nothing already stored changes meaning.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leave_year_start_month', sa.Integer(), server_default='4', nullable=False))
        batch_op.add_column(sa.Column('leave_year_start_day', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('bank_holidays', sa.String(length=20), server_default='included', nullable=False))

    op.create_table('holiday_carry_overs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('from_year_start', sa.Date(), nullable=False),
    sa.Column('hours', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_holiday_carry_overs_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_holiday_carry_overs_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday_carry_overs'))
    )
    with op.batch_alter_table('holiday_carry_overs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_carry_overs_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_holiday_carry_overs_pa_id'), ['pa_id'], unique=False)

    op.create_table('holiday_bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('hours', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_holiday_bookings_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_holiday_bookings_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday_bookings'))
    )
    with op.batch_alter_table('holiday_bookings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_bookings_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_holiday_bookings_pa_id'), ['pa_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('holiday_bookings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_bookings_pa_id'))
        batch_op.drop_index(batch_op.f('ix_holiday_bookings_employer_id'))
    op.drop_table('holiday_bookings')

    with op.batch_alter_table('holiday_carry_overs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_carry_overs_pa_id'))
        batch_op.drop_index(batch_op.f('ix_holiday_carry_overs_employer_id'))
    op.drop_table('holiday_carry_overs')

    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_column('bank_holidays')
        batch_op.drop_column('leave_year_start_day')
        batch_op.drop_column('leave_year_start_month')
