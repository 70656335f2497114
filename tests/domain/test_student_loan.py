"""Student Loan and Postgraduate Loan deductions, held to HMRC's and GOV.UK's worked examples.

Each example names where it is published; its yearly threshold is the one that example used, so the
arithmetic (period threshold, earnings above it, the rate, rounding down to the pound) is checked on
its own, and the thresholds shipped in the rates file are checked separately.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.rates import RatesError
from pa_manager.domain.student_loan import (
    STUDENT_LOAN_PLAN_NOT_COLLECTED, StudentLoanError, deduction_over, loan_deduction, loan_deductions, loan_year,
    normalise_plan, period_threshold,
)

NINE, SIX = D("0.09"), D("0.06")


@pytest.mark.parametrize("name, earnings, yearly, frequency, expected", [
    # CSLM18025 (HMRC Collection of Student Loans Manual): threshold 17,495 a year, 9%, monthly
    # salary 2,075: 55.62 (on the whole-pound threshold it shows) rounded down to 55.
    ("CSLM18025 monthly", D("2075"), D("17495"), F.MONTHLY, D("55")),
    # GOV.UK "Repaying your student loan: what you pay" (2022-23 edition), Plan 1, 20,195 a year:
    # income 2,000 in a month -> 28; a regular 27,000 a year (2,250 a month) -> 51.
    ("GOV.UK Plan 1 month of 2,000", D("2000"), D("20195"), F.MONTHLY, D("28")),
    ("GOV.UK Plan 1 salary of 27,000", D("2250"), D("20195"), F.MONTHLY, D("51")),
    # Same page, Plan 2, 27,295 a year: a week's income of 600 -> 6; 28,800 a year (2,400 a month) -> 11.
    ("GOV.UK Plan 2 week of 600", D("600"), D("27295"), F.WEEKLY, D("6")),
    ("GOV.UK Plan 2 salary of 28,800", D("2400"), D("27295"), F.MONTHLY, D("11")),
])
def test_published_examples(name, earnings, yearly, frequency, expected):
    assert loan_deduction(earnings, yearly, NINE, frequency) == expected


def test_a_period_of_several_weeks_is_worked_a_week_at_a_time_cslm17065():
    # CSLM17065: 3 weeks' earnings of 1,500, threshold 17,495 a year, 9%: 500 a week -> 14 a week
    # (by the tables) -> 42 for the period.
    weekly = period_threshold(D("17495"), F.WEEKLY)
    assert weekly == D("336.44")
    assert deduction_over(D("1500"), 3, weekly, NINE) == D("42.00")


def test_fortnightly_and_four_weekly_pay_multiply_one_weeks_deduction():
    # Plan 2, 2026-27: 29,385 / 52 = 565.096... -> 565.09 a week. 1,300 over a fortnight is 650 a
    # week: (650 - 565.09) x 9% = 7.64 -> 7 a week, 14 for the fortnight (not 15, as 84.91 x 2 x 9%
    # = 15.28 would give).
    assert loan_deduction(D("1300"), D("29385"), NINE, F.FORTNIGHTLY) == D("14.00")
    assert loan_deduction(D("2600"), D("29385"), NINE, F.FOUR_WEEKLY) == D("28.00")


@pytest.mark.parametrize("yearly, frequency, expected", [
    (D("21000"), F.WEEKLY, D("403.84")),      # GOV.UK: "£1,750 a month or £403.84 a week"
    (D("21000"), F.MONTHLY, D("1750.00")),
    (D("26065"), F.WEEKLY, D("501.25")),
    (D("26065"), F.MONTHLY, D("2172.08")),    # 2,172.083... rounded down
    (D("32745"), F.MONTHLY, D("2728.75")),
])
def test_period_thresholds_are_rounded_down_to_the_penny(yearly, frequency, expected):
    assert period_threshold(yearly, frequency) == expected


def test_at_or_below_the_threshold_nothing_is_deducted():
    assert loan_deduction(D("1750.00"), D("21000"), SIX, F.MONTHLY) == 0
    assert loan_deduction(D("1750.01"), D("21000"), SIX, F.MONTHLY) == 0   # 0.0006 rounds down to 0
    assert loan_deduction(D("0"), D("21000"), SIX, F.WEEKLY) == 0


def test_the_rates_file_holds_each_years_thresholds():
    year = loan_year("2026-27")
    assert year.plans == {"1": D("26900"), "2": D("29385"), "4": D("33795"), "5": D("25000")}
    assert (year.postgraduate, year.rate, year.postgraduate_rate) == (D("21000"), NINE, SIX)
    assert loan_year("2025-26").plans == {"1": D("26065"), "2": D("28470"), "4": D("32745")}
    assert loan_year("2024-25").plans["2"] == D("27295")
    with pytest.raises(RatesError):
        loan_year("2031-32")


def test_a_plan_and_a_postgraduate_loan_are_both_deducted_on_the_same_earnings():
    # 2026-27, monthly 3,000: Plan 2 threshold 29,385 / 12 = 2,448.75 -> (551.25 x 9%) = 49.61 -> 49;
    # Postgraduate 1,750 -> (1,250 x 6%) = 75.
    result = loan_deductions(tax_year="2026-27", frequency=F.MONTHLY, earnings=D("3000"), plan="2",
                             postgraduate=True)
    assert (result.plan, result.student_loan, result.postgraduate_loan) == ("2", D("49.00"), D("75.00"))
    assert (result.student_loan_threshold, result.postgraduate_threshold) == (D("2448.75"), D("1750.00"))
    assert result.total == D("124.00")


def test_plan_5_is_collected_from_april_2026_only():
    before = loan_deductions(tax_year="2025-26", frequency=F.MONTHLY, earnings=D("3000"), plan="5", postgraduate=False)
    assert before.student_loan == 0 and STUDENT_LOAN_PLAN_NOT_COLLECTED in before.codes
    after = loan_deductions(tax_year="2026-27", frequency=F.MONTHLY, earnings=D("3000"), plan="5", postgraduate=False)
    # 25,000 / 12 = 2,083.33; (916.67 x 9%) = 82.50 -> 82.
    assert after.student_loan == D("82.00") and not after.codes


def test_plans_are_read_however_they_are_written_and_others_refused():
    assert [normalise_plan(p) for p in ("2", "Plan 2", "plan_4", " 1 ", "", None)] == ["2", "2", "4", "1", None, None]
    with pytest.raises(StudentLoanError) as error:
        normalise_plan("3")
    assert error.value.code == "STUDENT_LOAN_PLAN_UNKNOWN"


def test_no_loan_means_no_lookup_and_nothing_deducted():
    none = loan_deductions(tax_year="2031-32", frequency=F.WEEKLY, earnings=D("900"), plan=None, postgraduate=False)
    assert none.total == 0 and none.plan is None


# --- in the payslip ------------------------------------------------------------------------------

def _payslip(plan, postgraduate=False, **kw):
    from datetime import date

    from pa_manager.domain.pay_rates import PayRate
    from pa_manager.domain.payroll import PayPeriodInput, calculate_payslip, pay_reference_period
    from pa_manager.domain.shifts import local_shift
    from datetime import time

    pay_date = kw.pop("pay_date", date(2026, 5, 29))
    start, end = pay_reference_period(pay_date, F.MONTHLY)
    days = [start.replace(day=d) for d in range(1, 29) if start.replace(day=d).weekday() < 5][:20]
    shifts = tuple(local_shift(day, time(8), time(18), pa="p") for day in days)   # 20 days x 10 h = 200 h
    return calculate_payslip(PayPeriodInput(
        frequency=F.MONTHLY, pay_date=pay_date, period_start=start, period_end=end, pa="p",
        date_of_birth=date(1995, 1, 1), tax_code="1257L", shifts=shifts,
        pay_rates=(PayRate(date(2026, 1, 1), None, D("15.00")),), student_loan_plan=plan,
        postgraduate_loan=postgraduate, **kw))


def test_the_payslip_deducts_the_loans_from_ni_able_pay_and_adds_them_to_the_year():
    from pa_manager.domain.pay_period import YearToDate

    # 200 h x 15.00 = 3,000.00. Plan 2 (2,448.75 a month): 49; Postgraduate (1,750): 75.
    slip = _payslip("2", True, year_to_date=YearToDate(gross_pay=D("3000"), taxable_pay=D("3000"), tax=D("390.40"),
                                                         student_loan=D("49"), postgraduate_loan=D("75")))
    codes = {d.code: d for d in slip.deductions}
    assert codes["STUDENT_LOAN"].amount == D("49.00") and codes["STUDENT_LOAN"].description == "2"
    assert codes["POSTGRADUATE_LOAN"].amount == D("75.00")
    assert (slip.student_loan, slip.postgraduate_loan) == (D("49.00"), D("75.00"))
    assert slip.net_pay == slip.gross_pay - slip.tax - slip.employee_ni - D("124.00")
    assert (slip.year_to_date.student_loan, slip.year_to_date.postgraduate_loan) == (D("98.00"), D("150.00"))


def test_a_net_pay_pension_lowers_taxable_pay_but_not_the_loan_earnings():
    from datetime import date

    from pa_manager.domain import pension

    scheme = pension.PensionScheme(D("0.03"), D("0.05"), pension.TaxRelief.NET_PAY)
    slip = _payslip("2", pension_scheme=scheme, pension_membership=pension.enrol(date(2026, 4, 1), date(2026, 4, 1)))
    assert slip.taxable_pay < slip.gross_pay == D("3000.00")
    assert slip.student_loan == D("49.00")   # on the 3,000, as for NI (CSLM16030)


def test_no_plan_means_no_loan_lines():
    slip = _payslip(None)
    assert not {"STUDENT_LOAN", "POSTGRADUATE_LOAN"} & {d.code for d in slip.deductions}
    assert slip.loans is None and slip.student_loan == 0


def test_an_unknown_plan_stops_the_pay_being_worked_out():
    from pa_manager.domain.payroll import PayrollError

    with pytest.raises(PayrollError) as error:
        _payslip("3")
    assert error.value.code == "STUDENT_LOAN_PLAN_UNKNOWN"


def test_the_record_keeps_the_loans_and_reads_back():
    import json

    from pa_manager.domain.pay_record import EmployerDetails, PADetails, from_document, record_of, to_document

    record = record_of(_payslip("1", True), EmployerDetails("E"), PADetails("P", student_loan_plan="1",
                                                                             postgraduate_loan=True))
    again = from_document(json.loads(json.dumps(to_document(record))), "p")
    assert again == record
    # Plan 1 2026-27: 26,900 / 12 = 2,241.66; (758.34 x 9%) = 68.25 -> 68.
    assert (again.student_loan, again.postgraduate_loan, again.student_loan_plan) == (D("68.00"), D("75.00"), "1")
    assert again.year_to_date.student_loan == D("68.00")


def test_a_version_2_record_reads_with_no_loans():
    import json
    from pathlib import Path

    from pa_manager.domain.pay_record import from_document

    record = from_document(json.loads((Path(__file__).parent.parent / "data" / "pay_record_v2.json").read_text()), 7)
    assert record.student_loan == 0 and record.year_to_date.student_loan == 0
    assert record.pa_details.student_loan_plan == "" and record.pa_details.postgraduate_loan is False
