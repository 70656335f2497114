"""taking on and keeping PAs: written statements of particulars and the employer's choices behind them

New tables only; nothing already stored changes. Numbered 0015 after 0011 (the numbers between are
for work merged alongside this).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('employment_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('continuous_from', sa.Date(), nullable=True),
    sa.Column('duties', sa.Text(), nullable=False),
    sa.Column('place_of_work', sa.Text(), nullable=False),
    sa.Column('also_out_and_about', sa.Boolean(), nullable=False),
    sa.Column('hours_vary', sa.Text(), nullable=False),
    sa.Column('bank_holidays', sa.String(length=20), nullable=False),
    sa.Column('payment_method', sa.String(length=20), nullable=False),
    sa.Column('sick_pay', sa.Text(), nullable=False),
    sa.Column('other_paid_leave', sa.Text(), nullable=False),
    sa.Column('other_benefits', sa.Text(), nullable=False),
    sa.Column('employer_notice_weeks', sa.Integer(), nullable=True),
    sa.Column('pa_notice_weeks', sa.Integer(), nullable=False),
    sa.Column('probation_months', sa.Integer(), nullable=False),
    sa.Column('probation_notice_weeks', sa.Integer(), nullable=False),
    sa.Column('probation_conditions', sa.Text(), nullable=False),
    sa.Column('duration', sa.String(length=20), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('expected_length', sa.String(length=200), nullable=False),
    sa.Column('outside_uk', sa.Text(), nullable=False),
    sa.Column('collective_agreements', sa.Text(), nullable=False),
    sa.Column('training_entitlement', sa.Text(), nullable=False),
    sa.Column('unpaid_training', sa.Text(), nullable=False),
    sa.Column('grievance_contact', sa.String(length=200), nullable=False),
    sa.Column('appeal_contact', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_employment_terms_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_employment_terms_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment_terms')),
    sa.UniqueConstraint('pa_id', name=op.f('uq_employment_terms_pa_id'))
    )
    with op.batch_alter_table('employment_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_terms_employer_id'), ['employer_id'], unique=False)

    op.create_table('written_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('as_at', sa.Date(), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=True),
    sa.Column('changes', sa.String(length=400), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('particulars', sa.Text(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_written_statements_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_written_statements_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_written_statements'))
    )
    with op.batch_alter_table('written_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_written_statements_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_written_statements_pa_id'), ['pa_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('written_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_written_statements_pa_id'))
        batch_op.drop_index(batch_op.f('ix_written_statements_employer_id'))

    op.drop_table('written_statements')
    with op.batch_alter_table('employment_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employment_terms_employer_id'))

    op.drop_table('employment_terms')
