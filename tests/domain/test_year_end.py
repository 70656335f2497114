"""P45 and P60 figures from pay records, each checked by hand against HMRC's boxes.

Records are made the way finalising makes them (payroll.calculate_payslip -> pay_record.record_of),
month by month with the year to date carried, for a PA on 20.00 an hour, 160 hours a month (3,200.00).
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from decimal import Decimal as D

import pytest

from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_rates import PayRate
from pa_manager.domain.pay_record import EmployerDetails, PADetails, from_document, record_of, to_document
from pa_manager.domain.payroll import PayPeriodInput, YearToDate, calculate_payslip, pay_reference_period
from pa_manager.domain.shifts import local_shift
from pa_manager.domain.year_end import YearEndError, ni_by_letter, ni_earnings_of, p45_for, p60_due, p60_for

EMPLOYER = EmployerDetails("Ruth Ames", "1 High Street", "LS1 1AA", "123/AB456")


def _records(months, *, tax_code="1257L", leaving=None, plan="", p45=(D(0), D(0)), ni_category="A"):
    pa = PADetails("Sam Reed", "AB123456C", date(1990, 1, 1), leaving_date=leaving, student_loan_plan=plan)
    out, ytd = [], YearToDate()
    for pay_date in months:
        start, end = pay_reference_period(pay_date, F.MONTHLY)
        days = [d for d in (start.replace(day=n) for n in range(1, 29)) if d.weekday() < 5][:16]
        slip = calculate_payslip(PayPeriodInput(
            frequency=F.MONTHLY, pay_date=pay_date, period_start=start, period_end=end, pa="p",
            date_of_birth=date(1990, 1, 1), tax_code=tax_code, ni_category=ni_category,
            shifts=tuple(local_shift(d, time(8), time(18), pa="p") for d in days),
            pay_rates=(PayRate(date(2026, 1, 1), None, D("20.00")),), year_to_date=ytd,
            previous_employment_pay=p45[0], previous_employment_tax=p45[1], student_loan_plan=plan or None,
            leaver=leaving is not None and start <= leaving <= end))
        ytd = slip.year_to_date
        out.append(record_of(slip, EMPLOYER, pa))
    return out


MAY_JUNE = [date(2026, 5, 29), date(2026, 6, 30)]


def test_a_leavers_p45_carries_the_year_to_date_and_the_previous_jobs_figures():
    records = _records(MAY_JUNE, leaving=date(2026, 6, 30), plan="2", p45=(D("1000.00"), D("50.00")))
    form = p45_for(records)
    # Box 7: month 3 (paid 30 June); pay to date 3,200 x 2 + the P45's 1,000; tax to date as recorded
    # plus the P45's 50. Box 8: this employment only.
    assert (form.frequency, form.last_period, form.period_word) == ("monthly", 3, "Month")
    assert form.this_employment_pay == D("6400.00")
    assert form.pay_to_date == D("7400.00")
    assert form.this_employment_tax == sum(r.tax for r in records)
    assert form.tax_to_date == form.this_employment_tax + D("50.00")
    assert (form.tax_code, form.week1_month1) == ("1257L", False)
    assert form.leaving_date == date(2026, 6, 30) and form.student_loan_continues
    assert not form.postgraduate_loan_continues


def test_a_week1_month1_code_leaves_the_previous_jobs_figures_out_of_box_7():
    records = _records(MAY_JUNE, tax_code="1257L M1", leaving=date(2026, 6, 30), p45=(D("1000.00"), D("50.00")))
    form = p45_for(records)
    assert (form.tax_code, form.week1_month1) == ("1257L", True)
    assert form.pay_to_date == form.this_employment_pay == D("6400.00")


def test_no_p45_until_the_pay_run_paying_the_last_day_is_finalised():
    records = _records(MAY_JUNE[:1], leaving=date(2026, 6, 30))   # only May paid so far
    with pytest.raises(YearEndError) as error:
        p45_for(records)
    assert error.value.code == "P45_LAST_PAY_NOT_FINALISED"
    with pytest.raises(YearEndError):
        p45_for([])


def test_a_p60_adds_up_the_year_by_ni_letter_with_loans_in_whole_pounds():
    months = [date(2026, m, 28) for m in (5, 6, 7)]
    records = _records(months, plan="2", p45=(D("1000.00"), D("50.00")))
    form = p60_for(records, "2026-27")
    assert form.pay == D("9600.00") and form.total_pay == D("10600.00")
    assert form.total_tax == form.tax + D("50.00")
    [a] = form.ni
    # Each month: the LEL itself, then the LEL up to the PT, then the PT up to the 3,200 paid; the
    # three bands add up to the pay, and the employee's NI is what each record deducted.
    assert a.letter == "A"
    assert a.at_lel + a.lel_to_pt + a.pt_to_uel == D("9600.00")
    assert a.employee_ni == sum(r.employee_ni for r in records)
    # Plan 2: (3,200 - 2,448.75) x 9% = 67.61 -> 67 a month; 201 for the three.
    assert form.student_loan == D("201")
    assert form.final_tax_code == "1257L"


def test_a_p60_splits_a_change_of_ni_letter():
    records = _records([date(2026, 5, 28)]) + _records([date(2026, 6, 30)], ni_category="C")
    assert [n.letter for n in ni_by_letter(records)] == ["A", "C"]
    assert ni_by_letter(records)[1].employee_ni == 0   # category C pays no employee NI


def test_no_p60_for_someone_who_left_before_the_year_end():
    records = _records(MAY_JUNE, leaving=date(2026, 6, 30))
    with pytest.raises(YearEndError) as error:
        p60_for(records, "2026-27")
    assert error.value.code == "P60_LEFT_BEFORE_YEAR_END"
    with pytest.raises(YearEndError):
        p60_for(records, "2025-26")


def test_p60s_are_due_by_31_may_after_the_year():
    assert p60_due("2026-27") == date(2027, 5, 31)


def test_an_older_record_without_ni_bands_gets_them_from_its_own_years_thresholds():
    [record] = _records([date(2026, 5, 28)])
    document = to_document(record)
    document["ni_earnings"] = None
    older = from_document(json.loads(json.dumps(document)), "p")
    assert older.ni_earnings is None
    assert ni_earnings_of(older) == record.ni_earnings
    assert replace(older, ni_earnings=record.ni_earnings) == record
