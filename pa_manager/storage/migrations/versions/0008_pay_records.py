"""pay records: kept for good, one pay run per period, no shift twice

- payslips can no longer be deleted with their PA or pay run (RESTRICT instead of CASCADE);
- one pay run per employer, frequency and period start; runs made before this rule that paid a
  period again are kept and marked (repeats_period);
- a shift is stored once (PA, start, end, type); exact duplicates left by a doubled import are
  removed, keeping the first;
- a pay-day extra can say which pay day it puts right (relates_to);
- payslips keep the hours worked (what holiday accrues on) beside the hours paid for;
- every stored payslip is rewritten as a version 2 pay record (storage/record_upgrade.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from decimal import Decimal

from alembic import op
import sqlalchemy as sa

import pa_manager.storage.types

from pa_manager.storage.record_upgrade import repeated_periods, upgrade_version_1_records


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _mark_repeated_periods(connection) -> None:
    runs = connection.execute(sa.text(
        "SELECT id, employer_id, period_start, period_end FROM pay_runs ORDER BY finalised_at, id")).all()
    for run_id in repeated_periods(runs):
        connection.execute(sa.text("UPDATE pay_runs SET repeats_period = :yes WHERE id = :id"),
                           {"yes": True, "id": run_id})  # a bound True: PostgreSQL's boolean is not a number


def upgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table('pay_adjustments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('relates_to', sa.Date(), nullable=True))

    with op.batch_alter_table('pay_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('repeats_period', sa.Boolean(), server_default='0', nullable=False))
    _mark_repeated_periods(connection)
    op.create_index('uq_pay_runs_employer_id_period', 'pay_runs', ['employer_id', 'frequency', 'period_start'],
                    unique=True, sqlite_where=sa.text('repeats_period = 0'),
                    postgresql_where=sa.text('repeats_period = false'))

    connection.execute(sa.text(
        "DELETE FROM shifts WHERE id NOT IN "
        "(SELECT MIN(id) FROM shifts GROUP BY pa_id, starts_at, ends_at, shift_type)"))
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_shifts_pa_id_times', ['pa_id', 'starts_at', 'ends_at', 'shift_type'])

    with op.batch_alter_table('payslips', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hours_worked', pa_manager.storage.types.ExactDecimal(), server_default='0',
                                      nullable=False))
        batch_op.drop_constraint('fk_payslips_pa_id_pas', type_='foreignkey')
        batch_op.drop_constraint('fk_payslips_pay_run_id_pay_runs', type_='foreignkey')
        batch_op.create_foreign_key('fk_payslips_pa_id_pas', 'pas', ['pa_id'], ['id'], ondelete='RESTRICT')
        batch_op.create_foreign_key('fk_payslips_pay_run_id_pay_runs', 'pay_runs', ['pay_run_id'], ['id'],
                                    ondelete='RESTRICT')

    # Version 1 kept only the hours paid for by the hour: the nearest to the time worked it knew. The hours
    # are exact decimals stored as text: subtracted here as Decimals (text has no minus in PostgreSQL, and
    # SQLite's would go through a float).
    payslips = sa.table("payslips", sa.column("id", sa.Integer), sa.column("hours", sa.String),
                        sa.column("holiday_hours_taken", sa.String), sa.column("hours_worked", sa.String))
    for row in connection.execute(sa.select(payslips.c.id, payslips.c.hours, payslips.c.holiday_hours_taken)).all():
        worked = Decimal(row.hours) - Decimal(row.holiday_hours_taken)
        connection.execute(payslips.update().where(payslips.c.id == row.id).values(hours_worked=str(worked)))
    upgrade_version_1_records(connection)


def downgrade() -> None:
    with op.batch_alter_table('payslips', schema=None) as batch_op:
        batch_op.drop_column('hours_worked')
        batch_op.drop_constraint('fk_payslips_pay_run_id_pay_runs', type_='foreignkey')
        batch_op.drop_constraint('fk_payslips_pa_id_pas', type_='foreignkey')
        batch_op.create_foreign_key('fk_payslips_pay_run_id_pay_runs', 'pay_runs', ['pay_run_id'], ['id'],
                                    ondelete='CASCADE')
        batch_op.create_foreign_key('fk_payslips_pa_id_pas', 'pas', ['pa_id'], ['id'], ondelete='CASCADE')
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_shifts_pa_id_times', type_='unique')
    op.drop_index('uq_pay_runs_employer_id_period', table_name='pay_runs')
    with op.batch_alter_table('pay_runs', schema=None) as batch_op:
        batch_op.drop_column('repeats_period')
    with op.batch_alter_table('pay_adjustments', schema=None) as batch_op:
        batch_op.drop_column('relates_to')
