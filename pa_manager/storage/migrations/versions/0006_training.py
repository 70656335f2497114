"""training

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_attachments_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_employer_id'), ['employer_id'], unique=False)

    op.create_table('courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('refresh_months', sa.Integer(), nullable=True),
    sa.Column('required_for_everyone', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_courses_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses')),
    sa.UniqueConstraint('employer_id', 'key', name='uq_courses_employer_id_key')
    )
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_employer_id'), ['employer_id'], unique=False)

    op.create_table('care_certificate_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('standard', sa.Integer(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_care_certificate_progress_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_care_certificate_progress_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_certificate_progress')),
    sa.UniqueConstraint('pa_id', 'standard', name='uq_care_certificate_progress_pa_id_standard')
    )
    with op.batch_alter_table('care_certificate_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_certificate_progress_employer_id'), ['employer_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_meetings_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_meetings_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_pa_id'), ['pa_id'], unique=False)

    op.create_table('required_courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_required_courses_course_id_courses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_required_courses_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_required_courses_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_required_courses')),
    sa.UniqueConstraint('pa_id', 'course_id', name='uq_required_courses_pa_id_course_id')
    )
    with op.batch_alter_table('required_courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_required_courses_employer_id'), ['employer_id'], unique=False)

    op.create_table('training_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('cost', pa_manager.storage.types.Pence(), nullable=True),
    sa.Column('funding_source', sa.String(length=40), nullable=False),
    sa.Column('attachment_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'], name=op.f('fk_training_records_attachment_id_attachments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_training_records_course_id_courses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_training_records_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_training_records_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_records'))
    )
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_records_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_records_pa_id'), ['pa_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_records_pa_id'))
        batch_op.drop_index(batch_op.f('ix_training_records_employer_id'))

    op.drop_table('training_records')
    with op.batch_alter_table('required_courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_required_courses_employer_id'))

    op.drop_table('required_courses')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_pa_id'))
        batch_op.drop_index(batch_op.f('ix_meetings_employer_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('care_certificate_progress', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_certificate_progress_employer_id'))

    op.drop_table('care_certificate_progress')
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_employer_id'))

    op.drop_table('courses')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_employer_id'))

    op.drop_table('attachments')
