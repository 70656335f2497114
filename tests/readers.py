"""Read back everything one employer owns, the way the screens, reports and commands do.

An import that stores a record no reader can read has made that data file unusable: the fuzz tests
import a changed export and, when it is accepted, call `read_everything` on it. A ServiceError is a
refusal in words (a forecast for a year with no rates yet), which the screens show; anything else is a
crash.
"""
from __future__ import annotations

from datetime import date, timedelta

from pa_manager.domain.tax_year import tax_year_label
from pa_manager.services.errors import ServiceError


def _tolerant(read):
    try:
        return read()
    except ServiceError:
        return None


def read_everything(db, employer_id: int, today: date, *, reports: bool = True) -> None:
    """`reports=False` leaves out the report documents, which add little reading of their own to what
    the pages read, and take as long again (the fuzz tests, which call this many times)."""
    from pa_manager.services import (
        budget, budget_report, checks, compliance_report, dashboard, due, employers, hours, pay_day, pay_runs, payslips,
        people, rota, training, training_report, wages,
    )
    from pa_manager.services import history, year_end
    from pa_manager.wording import change_sentence

    employers.list_employers(db, today)
    employers.get_employer(db, employer_id)
    due.caseload(db, today)
    dashboard.load_dashboard(db, employer_id, today)
    checks.all_checks(db, employer_id)
    due.due_list(db, employer_id, today, 60)
    pas = people.list_pas(db, employer_id)
    wages.wage_standings(db, employer_id, today)
    wages.wage_warnings(db, employer_id, today)
    hours.hours_summary(db, employer_id, today - timedelta(days=400), today + timedelta(days=30))
    hours.week_view(db, employer_id, hours.monday_of(today))
    hours.continuity_of_care(db, employer_id, today - timedelta(days=28), today)
    rota.list_patterns(db, employer_id)
    rota.planned_shifts(db, employer_id, today, today + timedelta(days=56))
    rota.list_changes(db, employer_id, today - timedelta(days=400), today + timedelta(days=400))
    for pay_date in pay_runs.pay_run_dates(db, employer_id):
        run = pay_runs.finalised_pay_run(db, employer_id, pay_date)
        payslips.payslip_documents(db, employer_id, pay_date)
        pay_day.hmrc_month(db, employer_id, pay_date)
        pay_day.payments_for(db, run)
        pay_day.year_end_summary(db, employer_id, tax_year_label(pay_date))
    payslips.documents_between(db, employer_id, today - timedelta(days=800), today)
    pay_date = pay_runs.default_pay_date(db, employer_id, today)
    _tolerant(lambda: pay_runs.prepare_pay_run(db, employer_id, pay_date))
    _tolerant(lambda: pay_day.arrears_due(db, employer_id, pay_date))
    pay_day.list_extras(db, employer_id, pay_date)
    for year in budget.list_years(db, employer_id):
        _tolerant(lambda: budget.budget_summary(db, employer_id, year.label, today))
        if reports:
            _tolerant(lambda: budget_report.build_budget_report(db, employer_id, year.label, today))
    budget.list_entries(db, employer_id)
    training.training_matrix(db, employer_id, today)
    training.training_due(db, employer_id, today)
    training.list_records(db, employer_id)
    training.list_meetings(db, employer_id)
    training.course_names(db, employer_id)
    for pa in pas:
        training.care_certificate(db, employer_id, pa.id)
    for change in history.change_history(db, employer_id):  # as the Reports page and `pa-manager history` word it
        change_sentence(change)
    year_end.p60_due_items(db, employer_id, date(today.year, 5, 1))  # which PAs' P60s were made (the history says)
    if reports:
        compliance_report.build_compliance_report(db, employer_id, today)
        training_report.build_training_report(db, employer_id, today)



def table_contents(db) -> dict[str, list[tuple]]:
    """Every row of every table, in order: to show a refused import changed nothing at all."""
    from sqlalchemy import select

    from pa_manager.storage.models import Base

    with db.connection() as connection:
        return {table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))]
                for table in Base.metadata.sorted_tables}
