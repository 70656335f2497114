"""taking on and keeping PAs, the rest: vacancies, applicants, interview scores and offers, induction
plans, probation reviews, exit records, and disciplinary and grievance cases with their steps

New tables only; nothing already stored changes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03

"""
from alembic import op
import sqlalchemy as sa
import pa_manager.storage.types


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vacancies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('tasks', sa.String(length=400), nullable=False),
    sa.Column('other_tasks', sa.Text(), nullable=False),
    sa.Column('hours_per_week', pa_manager.storage.types.ExactDecimal(length=40), nullable=True),
    sa.Column('irregular_hours', sa.Boolean(), nullable=False),
    sa.Column('patterns', sa.Text(), nullable=False),
    sa.Column('hourly_rate', pa_manager.storage.types.Pence(), nullable=True),
    sa.Column('sleep_in_allowance', pa_manager.storage.types.Pence(), nullable=True),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closing_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('how_to_apply', sa.Text(), nullable=False),
    sa.Column('required_courses', sa.Text(), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('retention_months', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('filled_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_vacancies_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancies'))
    )
    with op.batch_alter_table('vacancies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vacancies_employer_id'), ['employer_id'], unique=False)

    op.create_table('applicants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('referees', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('interviewed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('erased_on', sa.Date(), nullable=True),
    sa.Column('pa_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_applicants_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_applicants_pa_id_pas'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancies.id'], name=op.f('fk_applicants_vacancy_id_vacancies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicants'))
    )
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicants_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_pa_id'), ['pa_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicants_vacancy_id'), ['vacancy_id'], unique=False)

    op.create_table('exit_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('would_reemploy', sa.Boolean(), nullable=True),
    sa.Column('went_well', sa.Text(), nullable=False),
    sa.Column('could_be_better', sa.Text(), nullable=False),
    sa.Column('talked_on', sa.Date(), nullable=True),
    sa.Column('recorded_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_exit_records_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_exit_records_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exit_records')),
    sa.UniqueConstraint('pa_id', name=op.f('uq_exit_records_pa_id'))
    )
    with op.batch_alter_table('exit_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exit_records_employer_id'), ['employer_id'], unique=False)

    op.create_table('hr_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_hr_cases_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_hr_cases_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hr_cases'))
    )
    with op.batch_alter_table('hr_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hr_cases_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hr_cases_pa_id'), ['pa_id'], unique=False)

    op.create_table('induction_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_induction_items_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_induction_items_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_induction_items'))
    )
    with op.batch_alter_table('induction_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_induction_items_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_induction_items_pa_id'), ['pa_id'], unique=False)

    op.create_table('probation_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('pa_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('extended_to', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_probation_reviews_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pa_id'], ['pas.id'], name=op.f('fk_probation_reviews_pa_id_pas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_probation_reviews'))
    )
    with op.batch_alter_table('probation_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_probation_reviews_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_probation_reviews_pa_id'), ['pa_id'], unique=False)

    op.create_table('hr_case_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('accompanied_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['hr_cases.id'], name=op.f('fk_hr_case_steps_case_id_hr_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_hr_case_steps_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hr_case_steps'))
    )
    with op.batch_alter_table('hr_case_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hr_case_steps_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hr_case_steps_employer_id'), ['employer_id'], unique=False)

    op.create_table('interview_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=80), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_interview_scores_applicant_id_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_interview_scores_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_scores')),
    sa.UniqueConstraint('applicant_id', 'question', name='uq_interview_scores_applicant_id_question')
    )
    with op.batch_alter_table('interview_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_scores_employer_id'), ['employer_id'], unique=False)

    op.create_table('offers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('hourly_rate', pa_manager.storage.types.Pence(), nullable=True),
    sa.Column('hours_per_week', pa_manager.storage.types.ExactDecimal(length=40), nullable=True),
    sa.Column('irregular_hours', sa.Boolean(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('other_conditions', sa.Text(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('declined_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicants.id'], name=op.f('fk_offers_applicant_id_applicants'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_offers_employer_id_employers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers')),
    sa.UniqueConstraint('applicant_id', name=op.f('uq_offers_applicant_id'))
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_employer_id'), ['employer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offers_employer_id'))

    op.drop_table('offers')
    with op.batch_alter_table('interview_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_scores_employer_id'))

    op.drop_table('interview_scores')
    with op.batch_alter_table('hr_case_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hr_case_steps_employer_id'))
        batch_op.drop_index(batch_op.f('ix_hr_case_steps_case_id'))

    op.drop_table('hr_case_steps')
    with op.batch_alter_table('probation_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_probation_reviews_pa_id'))
        batch_op.drop_index(batch_op.f('ix_probation_reviews_employer_id'))

    op.drop_table('probation_reviews')
    with op.batch_alter_table('induction_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_induction_items_pa_id'))
        batch_op.drop_index(batch_op.f('ix_induction_items_employer_id'))

    op.drop_table('induction_items')
    with op.batch_alter_table('hr_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hr_cases_pa_id'))
        batch_op.drop_index(batch_op.f('ix_hr_cases_employer_id'))

    op.drop_table('hr_cases')
    with op.batch_alter_table('exit_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exit_records_employer_id'))

    op.drop_table('exit_records')
    with op.batch_alter_table('applicants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicants_vacancy_id'))
        batch_op.drop_index(batch_op.f('ix_applicants_pa_id'))
        batch_op.drop_index(batch_op.f('ix_applicants_employer_id'))

    op.drop_table('applicants')
    with op.batch_alter_table('vacancies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vacancies_employer_id'))

    op.drop_table('vacancies')
