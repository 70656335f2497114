"""the pay scale applied in pay runs when the employer chooses, and the employer's own sick pay scheme

One new column (employers.applies_pay_scale, off for every employer already stored, so their pay runs
are worked out as before) and one new table (sick_pay_schemes: none stored, so no one is paid more
than SSP until the employer sets a scheme).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applies_pay_scale', sa.Boolean(), server_default='0', nullable=False))
    op.create_table('sick_pay_schemes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=True),
    sa.Column('full_pay_weeks', sa.Integer(), nullable=False),
    sa.Column('half_pay_weeks', sa.Integer(), nullable=False),
    sa.Column('qualifying_months', sa.Integer(), nullable=False),
    sa.Column('waiting_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_sick_pay_schemes_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_sick_pay_schemes_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sick_pay_schemes')),
    sa.UniqueConstraint('employer_id', 'pa_id', name='uq_sick_pay_schemes_employer_id_pa_id')
    )
    with op.batch_alter_table('sick_pay_schemes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sick_pay_schemes_employer_id'), ['employer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sick_pay_schemes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sick_pay_schemes_employer_id'))
    op.drop_table('sick_pay_schemes')
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_column('applies_pay_scale')
