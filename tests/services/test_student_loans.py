"""Student and Postgraduate Loans through a real pay run: deducted, kept on the record, on the payslip
and in the year to date."""
from dataclasses import replace
from datetime import date, datetime, time, timezone
from decimal import Decimal as D

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import employers, pay_runs, people
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.payslips import payslip_documents
from pa_manager.services.shifts import ShiftInput, save_shift

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def borrower(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", pay_frequency=PayFrequency.MONTHLY))
    pa = people.save_pa(db, employer.id, PARecord(
        name="Sam Reed", date_of_birth=date(1998, 1, 1), start_date=date(2026, 4, 6), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 4, 6), D("20.00")),), student_loan_plan="2",
        postgraduate_loan=True), today)
    return employer.id, pa


def _weekdays(year, month, upto=28):
    return [date(year, month, d) for d in range(1, upto + 1) if date(year, month, d).weekday() < 5]


def test_loans_are_deducted_kept_and_carried_into_the_year(db, borrower):
    employer_id, pa = borrower
    assert people.get_pa(db, pa.id).student_loan_plan == "2"
    october = _weekdays(2026, 10)[:20]
    for day in october + _weekdays(2026, 11)[:10]:
        save_shift(db, employer_id, ShiftInput(pa.id, day, time(9), time(17)))
    october = pa_runs_finalise(db, employer_id, date(2026, 10, 30))
    slip = october.pas[0].payslip
    # 20 days x 8 h x 20.00 = 3,200.00. Plan 2 2026-27: 29,385 / 12 = 2,448.75; (751.25 x 9%) = 67.61
    # -> 67. Postgraduate: 1,750; (1,450 x 6%) = 87.00.
    assert slip.gross_pay == D("3200.00")
    assert (slip.student_loan, slip.postgraduate_loan, slip.student_loan_plan) == (D("67.00"), D("87.00"), "2")
    assert slip.net_pay == slip.gross_pay - slip.tax - slip.employee_ni - D("154.00")
    november = pay_runs.prepare_pay_run(db, employer_id, date(2026, 11, 27)).pas[0].payslip
    assert november.year_to_date.student_loan == D("67.00") + november.student_loan
    assert november.year_to_date.postgraduate_loan == D("87.00") + november.postgraduate_loan
    [document] = payslip_documents(db, employer_id, date(2026, 10, 30))
    names = {d.description: d.amount for d in document.deductions}
    assert names["Student Loan (Plan 2)"] == D("67.00") and names["Postgraduate Loan"] == D("87.00")
    assert (document.year_to_date.student_loan, document.year_to_date.postgraduate_loan) == (D("67.00"), D("87.00"))


def pa_runs_finalise(db, employer_id, pay_date):
    return pay_runs.finalise_pay_run(db, employer_id, pay_date, NOW, confirmed=True)


def test_a_plan_that_is_not_hmrcs_is_refused_at_the_field(db, borrower, today):
    employer_id, pa = borrower
    with pytest.raises(ValidationFailed) as failed:
        people.save_pa(db, employer_id, replace(people.get_pa(db, pa.id), student_loan_plan="3"), today)
    assert "student_loan_plan" in failed.value.problems
