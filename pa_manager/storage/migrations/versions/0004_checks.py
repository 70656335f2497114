"""checks

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('statement_given_on', sa.Date(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('job_description', sa.Boolean(), nullable=False),
    sa.Column('induction_completed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_contracts_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_contracts_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contracts')),
    sa.UniqueConstraint('pa_id', name=op.f('uq_contracts_pa_id'))
    )
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contracts_employer_id'), ['employer_id'], unique=False)

    op.create_table('dbs_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('certificate_number', sa.String(length=12), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('processed_by', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=30), nullable=False),
    sa.Column('risk_assessment_date', sa.Date(), nullable=True),
    sa.Column('update_service', sa.Boolean(), nullable=False),
    sa.Column('update_service_renewal', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_dbs_checks_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_dbs_checks_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dbs_checks'))
    )
    with op.batch_alter_table('dbs_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dbs_checks_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dbs_checks_pa_id'), ['pa_id'], unique=False)

    op.create_table('references',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('referee', sa.String(length=200), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('satisfactory', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_references_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_references_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_references'))
    )
    with op.batch_alter_table('references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_references_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_references_pa_id'), ['pa_id'], unique=False)

    op.create_table('right_to_work_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('document_type', sa.String(length=200), nullable=False),
    sa.Column('permission_expires', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_right_to_work_checks_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_right_to_work_checks_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_right_to_work_checks'))
    )
    with op.batch_alter_table('right_to_work_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_right_to_work_checks_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_right_to_work_checks_pa_id'), ['pa_id'], unique=False)

    op.create_table('dbs_status_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('dbs_check_id', sa.Integer(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('result', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['dbs_check_id'], ['dbs_checks.id'], name=op.f('fk_dbs_status_checks_dbs_check_id_dbs_checks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_dbs_status_checks_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dbs_status_checks'))
    )
    with op.batch_alter_table('dbs_status_checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dbs_status_checks_dbs_check_id'), ['dbs_check_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dbs_status_checks_employer_id'), ['employer_id'], unique=False)

    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paye_registered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('pension_duties_start', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('declaration_of_compliance_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_re_enrolment_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('direct_payment_start', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_council_review_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('dbs_recheck_years', sa.Integer(), server_default='3', nullable=False))
        batch_op.add_column(sa.Column('references_required', sa.Integer(), server_default='2', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_column('references_required')
        batch_op.drop_column('dbs_recheck_years')
        batch_op.drop_column('last_council_review_on')
        batch_op.drop_column('direct_payment_start')
        batch_op.drop_column('last_re_enrolment_on')
        batch_op.drop_column('declaration_of_compliance_on')
        batch_op.drop_column('pension_duties_start')
        batch_op.drop_column('paye_registered_on')

    with op.batch_alter_table('dbs_status_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dbs_status_checks_employer_id'))
        batch_op.drop_index(batch_op.f('ix_dbs_status_checks_dbs_check_id'))

    op.drop_table('dbs_status_checks')
    with op.batch_alter_table('right_to_work_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_right_to_work_checks_pa_id'))
        batch_op.drop_index(batch_op.f('ix_right_to_work_checks_employer_id'))

    op.drop_table('right_to_work_checks')
    with op.batch_alter_table('references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_references_pa_id'))
        batch_op.drop_index(batch_op.f('ix_references_employer_id'))

    op.drop_table('references')
    with op.batch_alter_table('dbs_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dbs_checks_pa_id'))
        batch_op.drop_index(batch_op.f('ix_dbs_checks_employer_id'))

    op.drop_table('dbs_checks')
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contracts_employer_id'))

    op.drop_table('contracts')
