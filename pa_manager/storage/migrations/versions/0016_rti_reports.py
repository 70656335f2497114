"""RTI files: each pay run's Full Payment Submission and each tax month's Employer Payment Summary

A table of RTI reports: when an FPS or EPS file was made here (with its IRmark) and whether and how it
reached HMRC. A PA's gender as HMRC records it and their starter declaration (A, B or C), which the FPS
needs. Pay runs finalised before this version were reported through HMRC's Basic PAYE Tools, as PA
Manager told the user to do then: each gets a report marked BEFORE_RTI_FILES, so none of them is shown
as a late FPS.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-14
"""
from alembic import op
import sqlalchemy as sa

import pa_manager.storage.types


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rti_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('pay_run_id', sa.Integer(), nullable=True),
    sa.Column('tax_year', sa.String(length=7), nullable=False),
    sa.Column('tax_month', sa.Integer(), nullable=True),
    sa.Column('made_at', pa_manager.storage.types.UtcInstant(), nullable=True),
    sa.Column('irmark', sa.String(length=40), server_default='', nullable=False),
    sa.Column('employment_allowance', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('sent_at', pa_manager.storage.types.UtcInstant(), nullable=True),
    sa.Column('sent_how', sa.String(length=20), server_default='', nullable=False),
    sa.Column('correlation_id', sa.String(length=40), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_rti_reports_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pay_run_id'], ['pay_runs.id'], name=op.f('fk_rti_reports_pay_run_id_pay_runs'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rti_reports'))
    )
    with op.batch_alter_table('rti_reports', schema=None) as batch_op:
        batch_op.create_index('ix_rti_reports_employer_id_kind', ['employer_id', 'kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_rti_reports_pay_run_id'), ['pay_run_id'], unique=False)
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gender', sa.String(length=1), server_default='', nullable=False))
        batch_op.add_column(sa.Column('starter_declaration', sa.String(length=1), server_default='', nullable=False))
    op.execute(
        "INSERT INTO rti_reports (employer_id, kind, pay_run_id, tax_year, sent_how) "
        "SELECT employer_id, 'FPS', id, tax_year, 'BEFORE_RTI_FILES' FROM pay_runs"
    )


def downgrade() -> None:
    with op.batch_alter_table('pas', schema=None) as batch_op:
        batch_op.drop_column('starter_declaration')
        batch_op.drop_column('gender')
    with op.batch_alter_table('rti_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rti_reports_pay_run_id'))
        batch_op.drop_index('ix_rti_reports_employer_id_kind')
    op.drop_table('rti_reports')
