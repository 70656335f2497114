"""family leave with statutory pay (SMP, SPP, SAP, ShPP, SPBP)

A new table only; nothing already stored changes.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('family_leave',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('adoption', sa.Boolean(), nullable=False),
    sa.Column('key_date', sa.Date(), nullable=False),
    sa.Column('leave_start', sa.Date(), nullable=False),
    sa.Column('leave_end', sa.Date(), nullable=True),
    sa.Column('pay_start', sa.Date(), nullable=False),
    sa.Column('weeks', sa.Integer(), nullable=True),
    sa.Column('average_weekly_earnings', pa_manager.storage.types.ExactDecimal(), nullable=False),
    sa.Column('evidence_received', sa.Date(), nullable=True),
    sa.Column('keeping_in_touch_days', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_family_leave_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_family_leave_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_leave'))
    )
    with op.batch_alter_table('family_leave', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_leave_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_leave_pa_id'), ['pa_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('family_leave', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_leave_pa_id'))
        batch_op.drop_index(batch_op.f('ix_family_leave_employer_id'))

    op.drop_table('family_leave')
