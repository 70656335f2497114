"""the employer's own pay scale: steps of completed years of service and hourly rate

A new table only; nothing already stored changes.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pay_scale_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('years', sa.Integer(), nullable=False),
    sa.Column('hourly_rate', pa_manager.storage.types.Pence(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_pay_scale_steps_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_scale_steps')),
    sa.UniqueConstraint('employer_id', 'years', name='uq_pay_scale_steps_employer_id_years')
    )
    with op.batch_alter_table('pay_scale_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_scale_steps_employer_id'), ['employer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('pay_scale_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_scale_steps_employer_id'))

    op.drop_table('pay_scale_steps')
