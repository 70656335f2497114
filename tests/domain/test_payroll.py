"""One pay period to a payslip: pay lines, tax, NI, pension, SSP, holiday, the minimum wage check,
HMRC's monthly payment and the year's totals.

Every expected figure is worked by hand in the comments beside it, from the rules and the 2026-27
figures in shared/reference (uk-rates.md sections 3 to 8, payroll-methods.md), not from the code.
Monthly 1257L free pay: (257 x 10 + 9) / 12 = 214.9167 -> 214.92, plus 2 x (5,000 / 12 -> 416.67)
= 1,048.26 a month. Weekly: 2,579 / 52 = 49.596 -> 49.60, plus 2 x 96.16 = 241.92 a week.
NI 2026-27: monthly PT 1,048, ST 417; weekly PT 242, ST 96; UST 967 weekly; 8% and 15%.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain import pension
from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_rates import Enhancement, EnhancementKind, PayRate, SleepInAllowance
from pa_manager.domain.payroll import (
    BASIC,
    HOLIDAY,
    HOLIDAY_ON_LEAVING,
    PREMIUM,
    ROLLED_UP_HOLIDAY,
    SLEEP_IN_ALLOWANCE,
    SSP,
    Addition,
    OtherDeduction,
    PayPeriodInput,
    PayrollError,
    YearToDate,
    calculate_payslip,
    hmrc_summary,
    pay_reference_period,
    year_end_summary,
)
from pa_manager.domain.shifts import Shift, ShiftType, london_instant, local_shift
from pa_manager.domain.sick_pay import spell_average_weekly_earnings

PA = "pa-1"
ADULT = date(1990, 6, 1)          # 35 or 36 through 2026-27
RATES_FROM = date(2026, 1, 1)
RAS = pension.PensionScheme(D("0.03"), D("0.05"), pension.TaxRelief.RELIEF_AT_SOURCE, "NEST-like")
NET_PAY = pension.PensionScheme(D("0.03"), D("0.05"), pension.TaxRelief.NET_PAY)
ENROLLED = pension.enrol(date(2026, 4, 1), date(2026, 4, 1))


def rates(base: str, **by_type: str) -> tuple[PayRate, ...]:
    out = [PayRate(RATES_FROM, None, D(base))]
    out += [PayRate(RATES_FROM, ShiftType(kind), D(rate)) for kind, rate in by_type.items()]
    return tuple(out)


def day_shifts(days, start=time(9), end=time(17), kind=ShiftType.STANDARD) -> tuple[Shift, ...]:
    return tuple(local_shift(day, start, end, pa=PA, shift_type=kind) for day in days)


def weekdays(first: date, count: int) -> list[date]:
    out, day = [], first
    while len(out) < count:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return out


def monthly(pay_date: date, **kw) -> PayPeriodInput:
    start, end = pay_reference_period(pay_date, F.MONTHLY)
    kw.setdefault("date_of_birth", ADULT)
    kw.setdefault("tax_code", "1257L")
    return PayPeriodInput(frequency=F.MONTHLY, pay_date=pay_date, period_start=start, period_end=end, pa=PA, **kw)


def weekly(pay_date: date, **kw) -> PayPeriodInput:
    start, end = pay_reference_period(pay_date, F.WEEKLY)
    kw.setdefault("date_of_birth", ADULT)
    kw.setdefault("tax_code", "1257L")
    return PayPeriodInput(frequency=F.WEEKLY, pay_date=pay_date, period_start=start, period_end=end, pa=PA, **kw)


def codes(slip) -> list[str]:
    return [line.code for line in slip.lines]


# --- the pay reference period ---------------------------------------------------------------------

@pytest.mark.parametrize("pay_date, frequency, period_end, expected", [
    # Weekly: the seven days ending on the payday (Friday 17 April 2026 -> Saturday 11 April).
    (date(2026, 4, 17), F.WEEKLY, None, (date(2026, 4, 11), date(2026, 4, 17))),
    # Fortnightly: 14 days; four-weekly: 28 days, ending on the payday.
    (date(2026, 4, 17), F.FORTNIGHTLY, None, (date(2026, 4, 4), date(2026, 4, 17))),
    (date(2026, 4, 17), F.FOUR_WEEKLY, None, (date(2026, 3, 21), date(2026, 4, 17))),
    # Monthly: the calendar month of the payday, even when paid before its end.
    (date(2026, 4, 28), F.MONTHLY, None, (date(2026, 4, 1), date(2026, 4, 30))),
    (date(2028, 2, 25), F.MONTHLY, None, (date(2028, 2, 1), date(2028, 2, 29))),
    # In arrears: the week ending Sunday 12 April, paid Friday 17 April.
    (date(2026, 4, 17), F.WEEKLY, date(2026, 4, 12), (date(2026, 4, 6), date(2026, 4, 12))),
    # Monthly in arrears: 26 April to 25 May; a month-end end is the whole month.
    (date(2026, 5, 29), F.MONTHLY, date(2026, 5, 25), (date(2026, 4, 26), date(2026, 5, 25))),
    (date(2027, 3, 5), F.MONTHLY, date(2027, 2, 28), (date(2027, 2, 1), date(2027, 2, 28))),
])
def test_pay_reference_period(pay_date, frequency, period_end, expected):
    assert pay_reference_period(pay_date, frequency, period_end) == expected


def test_tax_year_and_period_come_from_the_pay_date():
    inp = weekly(date(2026, 4, 17))
    assert (inp.tax_year, inp.period) == ("2026-27", 2)          # 6-12 April is week 1
    assert monthly(date(2027, 3, 31)).period == 12                # 6 March - 5 April is month 12


# --- a monthly PA on 1257L with pension -------------------------------------------------------------

# £1,200 of shifts: 10 shifts of 8 hours at £15.00 = 80 hours.
# Tax month 1 (paid 30 April 2026). Pension 5% member / 3% employer on qualifying earnings:
#   1,200 - 520 = 680; employer 680 x 3% = 20.40; member gross 680 x 5% = 34.00.
# NI A: (1,200 - 1,048) x 8% = 12.16. Employer: (1,200 - 417) x 15% = 783 x 0.15 = 117.45.
# Relief at source: the PA pays 80% of 34.00 = 27.20 and tax is on all 1,200:
#   1,200 - 1,048.26 = 151.74 -> 151 x 20% = 30.20; net 1,200 - 30.20 - 12.16 - 27.20 = 1,130.44.
# Net pay arrangement: 34.00 comes off pay before tax: 1,166.00 - 1,048.26 = 117.74 -> 117 -> 23.40;
#   net 1,200 - 23.40 - 12.16 - 34.00 = 1,130.44 (the same: 20% relief either way).
@pytest.mark.parametrize("scheme, taxable, tax, member_pays", [
    (RAS, "1200.00", "30.20", "27.20"),
    (NET_PAY, "1166.00", "23.40", "34.00"),
])
def test_monthly_pa_on_1257l_with_pension(scheme, taxable, tax, member_pays):
    inp = monthly(date(2026, 4, 30), pay_rates=rates("15.00"), shifts=day_shifts(weekdays(date(2026, 4, 1), 10)),
                  pension_scheme=scheme, pension_membership=ENROLLED, claims_employment_allowance=True)
    slip = calculate_payslip(inp)
    [line] = slip.lines
    assert (line.code, line.shift_type, line.hours, line.rate, line.amount) == (
        BASIC, ShiftType.STANDARD, D(80), D("15.00"), D("1200.00"))
    assert slip.gross_pay == D("1200.00")
    assert slip.taxable_pay == D(taxable)
    assert slip.tax == D(tax)
    assert (slip.employee_ni, slip.employer_ni) == (D("12.16"), D("117.45"))
    assert slip.pension_contributions.qualifying_earnings == D("680.00")
    assert (slip.employee_pension, slip.employer_pension) == (D(member_pays), D("20.40"))
    assert slip.net_pay == D("1130.44")
    # Employer cost: 1,200 + 117.45 + 20.40 = 1,337.85; the allowance covers all 117.45 of NI.
    assert slip.employer_cost == D("1337.85")
    assert slip.employment_allowance_claimed == D("117.45")
    assert slip.employer_cost_after_allowance == D("1220.40")
    assert [d.code for d in slip.deductions] == ["INCOME_TAX", "EMPLOYEE_NI", "PENSION"]
    assert slip.minimum_wage_ok and slip.minimum_wage.counted_hours == 80
    assert slip.flags == ()


def test_an_eligible_jobholder_not_enrolled_is_flagged():
    # Same PA, no membership: 1,200 is more than the 833 monthly trigger at 35.
    slip = calculate_payslip(monthly(date(2026, 4, 30), pay_rates=rates("15.00"),
                                     shifts=day_shifts(weekdays(date(2026, 4, 1), 10))))
    assert "PENSION_ENROL_NOW" in slip.flags
    assert slip.pension_contributions is None and slip.employee_pension == 0
    assert slip.net_pay == D("1157.64")      # 1,200 - 30.20 - 12.16


# --- a weekly 19-year-old on category M ----------------------------------------------------------------

# Paid Friday 17 April 2026, tax week 2; 30 hours (Mon-Fri, 6 hours) at £12.00 = £360.00.
# Week 1 had the same pay: tax then 360 - 241.92 = 118.08 -> 118 -> 23.60.
# Week 2 cumulative: 720 - 483.84 = 236.16 -> 236 -> 47.20, less 23.60 = 23.60.
# Employee NI: (360 - 242) x 8% = 9.44. Employer NI: category M pays nothing up to the UST (967): nil.
# (Category A would cost (360 - 96) x 15% = 39.60.)
@pytest.mark.parametrize("category, employer_ni", [("M", "0.00"), ("A", "39.60")])
def test_weekly_19_year_old_on_category_m(category, employer_ni):
    inp = weekly(date(2026, 4, 17), date_of_birth=date(2007, 1, 10), ni_category=category,
                 pay_rates=rates("12.00"), shifts=day_shifts(weekdays(date(2026, 4, 13), 5), time(9), time(15)),
                 year_to_date=YearToDate(gross_pay=D("360"), taxable_pay=D("360"), tax=D("23.60"),
                                         employee_ni=D("9.44")))
    slip = calculate_payslip(inp)
    assert (slip.period, slip.gross_pay, slip.tax, slip.employee_ni) == (2, D("360.00"), D("23.60"), D("9.44"))
    assert slip.employer_ni == D(employer_ni)
    assert slip.net_pay == D("326.96")                      # 360 - 23.60 - 9.44
    # 19: a non-eligible jobholder (under 22), so no duty to enrol; band 18-20 (£10.85) is met.
    assert slip.pension_assessment.category is pension.WorkerCategory.NON_ELIGIBLE_JOBHOLDER
    assert "PENSION_ENROL_NOW" not in slip.flags
    assert slip.minimum_wage.band == "18-20" and slip.minimum_wage_ok
    assert slip.year_to_date.tax == D("47.20") and slip.year_to_date.gross_pay == D("720")


# --- irregular hours: accrual and rolled-up holiday pay ------------------------------------------------

# 50 hours at £13.00 = £650.00 in May 2026 (tax month 2), leave year from 1 April 2026.
# Accrual: 50 x 12.07% = 6.035 hours. Rolled-up pay: 650 x 12.07% = 78.455 -> 78.46 (half up).
# Gross 728.46. Tax: 728.46 is below two months' free pay (2,096.52): nil. Employee NI nil (< 1,048).
# Employer NI: (728.46 - 417) x 15% = 46.719 -> 46.72. Pension: above 520, not above 833: no duty.
# Minimum wage: 50 x 12.71 = 635.50 against basic pay 650.00 (the rolled-up pay does not count).
def test_irregular_hours_accrual_and_rolled_up_holiday():
    inp = monthly(date(2026, 5, 29), pay_rates=rates("13.00"), irregular_hours=True, rolled_up_holiday=True,
                  leave_year_start=date(2026, 4, 1),
                  shifts=day_shifts(weekdays(date(2026, 5, 4), 5), time(8), time(18)))
    slip = calculate_payslip(inp)
    assert codes(slip) == [BASIC, ROLLED_UP_HOLIDAY]
    assert slip.lines[1].amount == D("78.46") and slip.lines[1].rate == D("0.1207")
    assert slip.gross_pay == D("728.46")
    assert slip.holiday_hours_accrued == D("6.035")
    assert (slip.tax, slip.employee_ni, slip.employer_ni) == (D("0.00"), D("0.00"), D("46.72"))
    assert slip.minimum_wage.minimum_wage_pay == D("650.00") and slip.minimum_wage_ok
    assert slip.pension_assessment.category is pension.WorkerCategory.NON_ELIGIBLE_JOBHOLDER
    assert slip.net_pay == D("728.46")


def test_accrual_stops_at_the_cap():
    # 98 of a 100-hour cap accrued already: 6.035 would pass it, so only 2 hours accrue.
    inp = monthly(date(2026, 5, 29), pay_rates=rates("13.00"), irregular_hours=True, leave_year_start=date(2026, 4, 1),
                  holiday_accrued_in_leave_year=D("98"), holiday_cap_hours=D("100"),
                  shifts=day_shifts(weekdays(date(2026, 5, 4), 5), time(8), time(18)))
    slip = calculate_payslip(inp)
    assert slip.holiday_hours_accrued == D("2") and ROLLED_UP_HOLIDAY not in codes(slip)


def test_fixed_hours_workers_accrue_nothing_per_period():
    slip = calculate_payslip(monthly(date(2026, 5, 29), pay_rates=rates("13.00"),
                                     shifts=day_shifts(weekdays(date(2026, 5, 4), 5))))
    assert slip.holiday_hours_accrued == 0


# --- K codes and the 50% limit -------------------------------------------------------------------------

# K500 monthly: n - 1 = 499 -> no whole 500s, remainder 500: (500 x 10 + 9) / 12 = 417.4166 -> 417.42.
# Month 1, pay 16 hours x £13 = 208.00: taxable 208 + 417.42 = 625.42 -> 625 -> 125.00, but the most
#   that may be taken is 50% of 208 = 104.00; 21.00 is held back.
# Month 2, same pay: additional pay 834.84; 416 + 834.84 = 1,250.84 -> 1,250 -> 250.00 due to date;
#   less 104.00 already taken = 146.00, again cut to 104.00 (42.00 held back).
def test_k_code_hits_the_50_percent_limit():
    first = calculate_payslip(monthly(date(2026, 4, 30), tax_code="K500", pay_rates=rates("13.00"),
                                      shifts=day_shifts(weekdays(date(2026, 4, 1), 2))))
    assert (first.gross_pay, first.tax, first.tax_result.held_back) == (D("208.00"), D("104.00"), D("21.00"))
    assert "K_CODE_LIMIT" in first.flags
    assert first.net_pay == D("104.00")                     # no NI: 208 is below the PT and the ST
    second = calculate_payslip(monthly(date(2026, 5, 29), tax_code="K500", pay_rates=rates("13.00"),
                                       shifts=day_shifts(weekdays(date(2026, 5, 4), 2)),
                                       year_to_date=first.year_to_date))
    assert (second.tax, second.tax_result.held_back) == (D("104.00"), D("42.00"))
    assert second.year_to_date.tax == D("208.00")


# --- a starter with a P45 --------------------------------------------------------------------------------

# Starts in September 2026 (tax month 6) with a P45: pay 6,000.00 and tax 95.00 so far this year.
# This month: 50 hours x £20 = 1,000.00. Cumulative: pay to date 7,000.00; free pay 6 x 1,048.26 =
#   6,289.56; 710.44 -> 710 -> 142.00 due; less 95.00 paid = 47.00.
# Month 1 basis (1257L M1) ignores the P45: 1,000 - 1,048.26 < 0: nil.
# Without the P45 figures the cumulative tax would be nil too (1,000 < 6,289.56).
@pytest.mark.parametrize("code, p45_pay, p45_tax, tax, flag", [
    ("1257L", "6000.00", "95.00", "47.00", None),
    ("1257L M1", "6000.00", "95.00", "0.00", "TAX_WEEK1_BASIS"),
    ("1257L", "0", "0", "0.00", None),
])
def test_starter_with_p45(code, p45_pay, p45_tax, tax, flag):
    slip = calculate_payslip(monthly(date(2026, 9, 30), tax_code=code, pay_rates=rates("20.00"),
                                     shifts=day_shifts(weekdays(date(2026, 9, 1), 5), time(8), time(18)),
                                     previous_employment_pay=D(p45_pay), previous_employment_tax=D(p45_tax)))
    assert slip.period == 6 and slip.gross_pay == D("1000.00")
    assert slip.tax == D(tax)
    assert flag is None or flag in slip.flags
    # The year to date is this employment's: the P45 figures are kept apart.
    assert slip.year_to_date.taxable_pay == D("1000.00") and slip.year_to_date.tax == D(tax)
    assert slip.employer_ni == D("87.45")                   # (1,000 - 417) x 15%
    assert "PENSION_ENROL_NOW" in slip.flags                # 1,000 > 833 at 36


# --- Statutory Sick Pay ------------------------------------------------------------------------------------

# 2026-27: paid from the first day, the lower of £123.25 and 80% of AWE. AWE £120 -> £96.00 a week;
# 5 qualifying days (Mon-Fri) -> 19.20 a day; sick Mon 11 - Wed 13 May 2026: 3 x 19.20 = 57.60.
# Worked Thu 14 and Fri 15 May, 6 hours each at £13.00 = 156.00. Gross 213.60.
# Week 6 (paid Friday 15 May). Employee NI nil (< 242); employer (213.60 - 96) x 15% = 17.64.
def test_ssp_from_the_first_day_at_80_percent_of_awe():
    inp = weekly(date(2026, 5, 15), pay_rates=rates("13.00"),
                 shifts=day_shifts([date(2026, 5, 14), date(2026, 5, 15)], time(9), time(15)),
                 sickness_days=(date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13)),
                 qualifying_weekdays=range(5), average_weekly_earnings=D("120"))
    slip = calculate_payslip(inp)
    ssp = [line for line in slip.lines if line.code == SSP]
    assert [(line.rate, line.quantity, line.amount) for line in ssp] == [(D("96.00"), 3, D("57.60"))]
    assert slip.ssp == D("57.60") and slip.gross_pay == D("213.60")
    assert "SSP_80_PERCENT_AWE" in slip.flags and "SSP_WAITING_DAYS" not in slip.flags
    assert (slip.employee_ni, slip.employer_ni) == (D("0.00"), D("17.64"))
    # SSP is not pay for time worked: the minimum wage check sees the 12 hours and 156.00 only.
    assert slip.minimum_wage.counted_hours == 12 and slip.minimum_wage.minimum_wage_pay == D("156.00")
    assert slip.year_to_date.ssp == D("57.60")


# Before 6 April 2026: three waiting days. Sick Mon 9 - Fri 13 March 2026 (a PIW of 5 days), AWE 300
# (above the £125 LEL): Mon-Wed wait, Thu and Fri paid at 118.75 / 5 = 23.75 a day: 47.50.
def test_ssp_waiting_days_before_the_reform():
    slip = calculate_payslip(weekly(date(2026, 3, 13), pay_rates=rates("13.00"),
                                    sickness_days=[date(2026, 3, 9) + timedelta(days=n) for n in range(5)],
                                    qualifying_weekdays=range(5), average_weekly_earnings=D("300")))
    assert slip.tax_year == "2025-26" and slip.ssp == D("47.50") and slip.sick_pay.waiting_days == 3
    assert "SSP_WAITING_DAYS" in slip.flags
    assert slip.minimum_wage is None and slip.minimum_wage_ok      # no hours worked to check


# A new starter sick before anything is known of their pay: the pay run still works. 2026-27, started
# and sick Mon 11 May 2026 (Mon-Wed), worked Thu 14 and Fri 15 May 6 hours at 13.00 = 156.00. With no
# AWE (None) SSP is 80% of nil: three days at nil, and the payslip says why. With the AWE worked out from
# a contract of 20 hours at 13.00 (260 a week: 80% = 208, above the flat rate) the three days are paid at
# 123.25 / 5 = 24.65: 73.95. Gross 156.00 + 73.95 = 229.95.
def test_ssp_for_a_new_starter_never_stops_the_pay_run():
    sick = (date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13))
    base = dict(pay_rates=rates("13.00"), shifts=day_shifts([date(2026, 5, 14), date(2026, 5, 15)], time(9), time(15)),
                sickness_days=sick, qualifying_weekdays=range(5))
    unknown = calculate_payslip(weekly(date(2026, 5, 15), average_weekly_earnings=None, **base))
    assert unknown.ssp == D("0.00") and unknown.gross_pay == D("156.00")
    assert {"SSP_AWE_NONE_KNOWN", "SSP_80_PERCENT_AWE"} <= set(unknown.flags)
    awe = spell_average_weekly_earnings(date(2026, 5, 11), [], F.WEEKLY, employed_from=date(2026, 5, 11),
                                        contractual_weekly_pay=D("20") * D("13.00"))
    slip = calculate_payslip(weekly(date(2026, 5, 15), average_weekly_earnings=awe, **base))
    assert slip.ssp == D("73.95") and slip.gross_pay == D("229.95")
    assert not any(flag.startswith("SSP_AWE") for flag in slip.flags)
    assert slip.sick_pay.average_weekly_earnings == awe


# --- the minimum wage check: sleep-ins and premiums are left out -------------------------------------------

# April 2026: 5 day shifts of 8 hours at £12.50 = 500.00, and one sleep-in 22:00-07:00 with an
# allowance of £80 and one hour awake (02:00-03:00) paid at the sleep-in rate £13.00.
# Counted hours: 40 worked + 1 awake = 41 (8 hours asleep do not count).
# Minimum-wage pay: 500.00 + 13.00 = 513.00 (the £80 allowance is not counted).
# Needed: 41 x 12.71 = 521.11; shortfall 8.11. (Counting the allowance, 593.00 would have passed.)
def sleep_in_period(**kw) -> PayPeriodInput:
    night = local_shift(date(2026, 4, 15), time(22), time(7), pa=PA, shift_type=ShiftType.SLEEP_IN,
                        awake=[(time(2), time(3))])
    return monthly(date(2026, 4, 30), pay_rates=rates("12.50", sleep_in="13.00"),
                   sleep_in_allowances=(SleepInAllowance(RATES_FROM, D("80.00")),),
                   shifts=day_shifts(weekdays(date(2026, 4, 6), 5)) + (night,), **kw)


def test_sleep_in_awake_time_counts_and_the_allowance_does_not():
    slip = calculate_payslip(sleep_in_period())
    assert [(l.code, l.shift_type, l.hours, l.rate, l.quantity, l.amount) for l in slip.lines] == [
        (BASIC, ShiftType.STANDARD, D(40), D("12.50"), None, D("500.00")),
        (BASIC, ShiftType.SLEEP_IN, D(1), D("13.00"), None, D("13.00")),
        (SLEEP_IN_ALLOWANCE, ShiftType.SLEEP_IN, None, D("80.00"), 1, D("80.00")),
    ]
    assert slip.gross_pay == D("593.00")
    check = slip.minimum_wage
    assert (check.counted_hours, check.minimum_wage_pay, check.shortfall) == (D(41), D("513.00"), D("8.11"))
    assert not slip.minimum_wage_ok and "MINIMUM_WAGE_SHORTFALL" in slip.flags


def test_an_override_reason_is_recorded_but_does_not_make_the_period_lawful():
    slip = calculate_payslip(sleep_in_period(minimum_wage_override_reason="Back pay agreed for May"))
    assert "MINIMUM_WAGE_OVERRIDDEN" in slip.flags and not slip.minimum_wage_ok
    assert slip.minimum_wage_override_reason == "Back pay agreed for May"


# Saturday 18 April 2026, 09:00-17:00 at £12.00 with time and a half at weekends:
# basic 8 x 12.00 = 96.00; premium 8 x 6.00 = 48.00; gross 144.00.
# Minimum wage: the premium does not count: 96.00 against 8 x 12.71 = 101.68; shortfall 5.68.
def test_weekend_premium_is_its_own_line_and_not_minimum_wage_pay():
    slip = calculate_payslip(weekly(
        date(2026, 4, 24), pay_rates=rates("12.00"), shifts=day_shifts([date(2026, 4, 18)]),
        enhancements=(Enhancement(RATES_FROM, EnhancementKind.WEEKEND, multiplier=D("1.5")),)))
    assert [(l.code, l.amount) for l in slip.lines] == [(BASIC, D("96.00")), (PREMIUM, D("48.00"))]
    assert slip.gross_pay == D("144.00")
    assert (slip.minimum_wage.minimum_wage_pay, slip.minimum_wage.shortfall) == (D("96.00"), D("5.68"))
    assert "MINIMUM_WAGE_SHORTFALL" in slip.flags


def test_bank_holiday_premium():
    # Monday 4 May 2026 is England's early May bank holiday: 8 hours at £13.00 with double time:
    # basic 104.00 and premium 104.00.
    slip = calculate_payslip(weekly(
        date(2026, 5, 8), pay_rates=rates("13.00"), shifts=day_shifts([date(2026, 5, 4)]),
        is_bank_holiday=lambda day: is_bank_holiday(day, Nation.ENGLAND),
        enhancements=(Enhancement(RATES_FROM, EnhancementKind.BANK_HOLIDAY, multiplier=D("2")),)))
    assert [(l.code, l.amount) for l in slip.lines] == [(BASIC, D("104.00")), (PREMIUM, D("104.00"))]
    assert slip.minimum_wage.minimum_wage_pay == D("104.00")


def test_under_16_is_not_covered_by_the_minimum_wage():
    slip = calculate_payslip(weekly(date(2026, 5, 8), date_of_birth=date(2011, 1, 1), pay_rates=rates("8.00"),
                                    shifts=day_shifts([date(2026, 5, 2)])))
    assert slip.minimum_wage is None and slip.minimum_wage_ok
    assert "MINIMUM_WAGE_NOT_COVERED" in slip.flags


def test_travel_counts_as_minimum_wage_hours():
    # 4 hours' care and 1 hour's travel between visits, both at £13.00: 5 counted hours, 65.00.
    care = local_shift(date(2026, 4, 20), time(9), time(13), pa=PA)
    travel = local_shift(date(2026, 4, 20), time(13), time(14), pa=PA, shift_type=ShiftType.TRAVEL)
    slip = calculate_payslip(weekly(date(2026, 4, 24), pay_rates=rates("13.00"), shifts=(care, travel)))
    assert slip.minimum_wage.counted_hours == 5 and slip.minimum_wage.minimum_wage_pay == D("65.00")
    assert [(l.shift_type, l.hours) for l in slip.lines] == [(ShiftType.STANDARD, 4), (ShiftType.TRAVEL, 1)]


# --- leaving, expenses and other deductions ------------------------------------------------------------------

# June 2026 (tax month 3), a leaver: 40 hours at £13.50 = 540.00. Entitled to 30 hours for their part of
# the leave year, 14.5 taken: 15.5 hours owed at £13.50 = 209.25; gross 749.25. Tax nil (1,080 + 749.25
# is below 3 x 1,048.26). Employee NI nil; employer (749.25 - 417) x 15% = 49.8375 -> 49.84 (HMRC looks
# at the third decimal: 7 rounds up).
def test_leaver_is_paid_holiday_owed_and_has_none_left():
    slip = calculate_payslip(monthly(date(2026, 6, 30), pay_rates=rates("13.50"),
                                     shifts=day_shifts(weekdays(date(2026, 6, 1), 4), time(8), time(18)),
                                     year_to_date=YearToDate(gross_pay=D("1080"), taxable_pay=D("1080")),
                                     leave_year_start=date(2026, 4, 1), holiday_entitlement_hours=D("30"),
                                     holiday_taken_in_leave_year=D("14.5"),
                                     leaver=True, holiday_owed_rate=D("13.50")))
    assert codes(slip) == [BASIC, HOLIDAY_ON_LEAVING]
    assert slip.lines[1].amount == D("209.25") and slip.lines[1].hours == D("15.5")
    assert (slip.gross_pay, slip.tax, slip.employer_ni) == (D("749.25"), D("0.00"), D("49.84"))
    assert "LEAVER" in slip.flags
    assert slip.hours_paid == D("55.5")                     # 40 worked + 15.5 owed
    h = slip.holiday
    assert (h.entitlement, h.taken, h.paid_on_leaving, h.remaining) == (D("30"), D("14.5"), D("15.5"), D("0"))


def test_an_irregular_hours_leaver_is_paid_what_they_earned_this_period_too():
    # 40 hours worked in June earn 12.07% = 4.828 hours; 20 earned before, 10 taken: 14.828 owed at £13.50
    # = 200.178 -> 200.18.
    slip = calculate_payslip(monthly(date(2026, 6, 30), pay_rates=rates("13.50"), irregular_hours=True,
                                     shifts=day_shifts(weekdays(date(2026, 6, 1), 4), time(8), time(18)),
                                     leave_year_start=date(2026, 4, 1), holiday_accrued_in_leave_year=D("20"),
                                     holiday_taken_in_leave_year=D("10"), leaver=True, holiday_owed_rate=D("13.50")))
    owed = slip.lines[-1]
    assert (owed.code, owed.hours, owed.amount) == (HOLIDAY_ON_LEAVING, D("14.828"), D("200.18"))
    assert (slip.holiday.earned, slip.holiday.remaining) == (D("24.828"), D("0"))


def test_a_leaver_who_took_more_than_they_earned_is_not_paid_for_it_and_it_is_flagged():
    slip = calculate_payslip(monthly(date(2026, 6, 30), pay_rates=rates("13.50"),
                                     shifts=day_shifts(weekdays(date(2026, 6, 1), 2)),
                                     leave_year_start=date(2026, 4, 1), holiday_entitlement_hours=D("12"),
                                     holiday_taken_in_leave_year=D("16"), leaver=True, holiday_owed_rate=D("13.50")))
    assert HOLIDAY_ON_LEAVING not in codes(slip) and "HOLIDAY_TAKEN_MORE_THAN_ACCRUED" in slip.flags
    assert slip.holiday.remaining == D("-4")


def test_the_holiday_position_says_entitlement_for_fixed_hours_and_earned_for_irregular_hours():
    fixed = calculate_payslip(monthly(date(2026, 6, 30), pay_rates=rates("13.50"), holiday_hours_taken=D("7.5"),
                                      holiday_pay_rate=D("13.50"), leave_year_start=date(2026, 4, 1),
                                      holiday_entitlement_hours=D("210"), holiday_taken_in_leave_year=D("15")))
    assert fixed.holiday.basis == "FIXED_HOURS" and fixed.holiday.earned is None
    assert (fixed.holiday.entitlement, fixed.holiday.taken, fixed.holiday.remaining) == (D("210"), D("22.5"), D("187.5"))
    irregular = calculate_payslip(monthly(date(2026, 6, 30), pay_rates=rates("13.50"), irregular_hours=True,
                                          shifts=day_shifts(weekdays(date(2026, 6, 1), 1)),
                                          leave_year_start=date(2026, 4, 1), holiday_accrued_in_leave_year=D("3")))
    # 8 hours worked (09:00-17:00) earn 0.9656; 3 before.
    assert irregular.holiday.basis == "IRREGULAR_HOURS" and irregular.holiday.entitlement is None
    assert (irregular.holiday.earned, irregular.holiday.remaining) == (D("3.9656"), D("3.9656"))


def test_expenses_are_added_untaxed_and_other_deductions_taken():
    # The £1,200 month (relief at source) plus mileage 45.00 and an agreed 10.00 deduction:
    # tax, NI and pension unchanged; net 1,130.44 + 45.00 - 10.00 = 1,165.44.
    slip = calculate_payslip(monthly(
        date(2026, 4, 30), pay_rates=rates("15.00"), shifts=day_shifts(weekdays(date(2026, 4, 1), 10)),
        pension_scheme=RAS, pension_membership=ENROLLED,
        additions=[Addition("Mileage, 100 miles at 45p", D("45.00"))],
        deductions=[OtherDeduction("Loan repayment", "Agreed in writing on 1 March", D("10.00"))]))
    assert (slip.gross_pay, slip.taxable_pay, slip.tax) == (D("1200.00"), D("1200.00"), D("30.20"))
    assert slip.total_additions == D("45.00") and slip.total_deductions == D("79.56")  # 30.20+12.16+27.20+10
    assert slip.net_pay == D("1165.44")
    assert slip.deductions[-1].purpose == "Agreed in writing on 1 March"
    assert slip.minimum_wage.minimum_wage_pay == D("1200.00")    # expenses never count


def test_holiday_taken_is_hours_times_the_holiday_rate():
    # 10 hours' holiday at an average £13.456 an hour: 134.56.
    slip = calculate_payslip(monthly(date(2026, 5, 29), pay_rates=rates("13.00"),
                                     holiday_hours_taken=D("10"), holiday_pay_rate=D("13.456")))
    assert [(l.code, l.hours, l.amount) for l in slip.lines] == [(HOLIDAY, D("10"), D("134.56"))]
    assert slip.holiday_hours_taken == D("10") and slip.minimum_wage is None


@pytest.mark.parametrize("changes, code", [
    (dict(rolled_up_holiday=True, leave_year_start=date(2026, 4, 1)), "ROLLED_UP_HOLIDAY_NOT_IRREGULAR"),
    (dict(irregular_hours=True), "LEAVE_YEAR_START_NEEDED"),
    (dict(irregular_hours=True, rolled_up_holiday=True, leave_year_start=date(2026, 4, 1),
          holiday_hours_taken=D("8"), holiday_pay_rate=D("13")), "ROLLED_UP_HOLIDAY_PAID_TWICE"),
    (dict(pension_membership=ENROLLED), "PENSION_SCHEME_NEEDED"),
    (dict(additions=[Addition("Mileage", D("-1"))]), "NEGATIVE_AMOUNT"),
    (dict(shifts=day_shifts([date(2026, 6, 1)])), "SHIFT_OUTSIDE_PERIOD"),
    (dict(shifts=day_shifts([date(2026, 5, 4)], kind=ShiftType.HOLIDAY)), "SHIFT_TYPE_NOT_WORK"),
    (dict(shifts=(local_shift(date(2026, 5, 4), time(9), time(17), pa="someone else"),)), "SHIFT_OTHER_PA"),
])
def test_input_that_cannot_be_paid_is_refused(changes, code):
    with pytest.raises(PayrollError) as raised:
        monthly(date(2026, 5, 29), pay_rates=rates("13.00"), **changes)
    assert raised.value.code == code


def test_rolled_up_holiday_needs_a_leave_year_from_april_2024():
    inp = monthly(date(2026, 5, 29), pay_rates=rates("13.00"), irregular_hours=True, rolled_up_holiday=True,
                  leave_year_start=date(2024, 3, 1), shifts=day_shifts([date(2026, 5, 4)]))
    with pytest.raises(PayrollError) as raised:
        calculate_payslip(inp)
    assert raised.value.code == "ROLLED_UP_HOLIDAY_LEAVE_YEAR_TOO_EARLY"


# --- a whole tax year for a demo-like PA ------------------------------------------------------------------------

# Like the demo's senior PA: 52, 1257L, category A, £14.80 an hour, paid on the last day of each
# month, relief-at-source pension 5% / 3%, the employer claims the Employment Allowance.
# 130 hours a month (13 shifts of 10 hours) = 1,924.00, except December: 150 hours = 2,220.00, and
# August: 110 hours worked + 20 hours' holiday at 14.80 (296.00) = 1,924.00.
#
# Tax, cumulative (free pay 1,048.26 a month):
#   m1 1,924 - 1,048.26 = 875.74 -> 875 -> 175.00            m7 13,468 - 7,337.82 = 6,130.18 -> 1,226.00
#   m2 3,848 - 2,096.52 = 1,751.48 -> 1,751 -> 350.20        m8 15,392 - 8,386.08 = 7,005.92 -> 1,401.00
#   m3 5,772 - 3,144.78 = 2,627.22 -> 525.40                 m9 17,612 - 9,434.34 = 8,177.66 -> 1,635.40
#   m4 7,696 - 4,193.04 = 3,502.96 -> 700.40                 m10 19,536 - 10,482.60 = 9,053.40 -> 1,810.60
#   m5 9,620 - 5,241.30 = 4,378.70 -> 875.60                 m11 21,460 - 11,530.86 = 9,929.14 -> 1,985.80
#   m6 11,544 - 6,289.56 = 5,254.44 -> 1,050.80              m12 23,384 - 12,579.12 = 10,804.88 -> 2,160.80
# so each month's tax is the difference: 175.00, 175.20, 175.20, 175.00, 175.20, 175.20, 175.20, 175.00,
# 234.40, 175.20, 175.20, 175.00; year 2,160.80.
# NI each month: (1,924 - 1,048) x 8% = 70.08 and (1,924 - 417) x 15% = 226.05;
#   December (2,220 - 1,048) x 8% = 93.76 and (2,220 - 417) x 15% = 270.45.
#   Year: employee 11 x 70.08 + 93.76 = 864.64; employer 11 x 226.05 + 270.45 = 2,757.00.
# Pension: qualifying 1,924 - 520 = 1,404: employer 42.12, member 80% of 70.20 = 56.16;
#   December 1,700: employer 51.00, member 80% of 85.00 = 68.00.
#   Year: member 11 x 56.16 + 68.00 = 685.76; employer 11 x 42.12 + 51.00 = 514.32.
MONTH_ENDS = [date(2026, m, [30, 31, 30, 31, 31, 30, 31, 30, 31][m - 4]) for m in range(4, 13)] + [
    date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
MONTHLY_TAX = ["175.00", "175.20", "175.20", "175.00", "175.20", "175.20", "175.20", "175.00",
               "234.40", "175.20", "175.20", "175.00"]


def run_year():
    ytd, used, slips = YearToDate(), D(0), []
    for pay_date in MONTH_ENDS:
        first = pay_date.replace(day=1)
        shifts, holiday = 13, D(0)
        if pay_date.month == 12:
            shifts = 15
        if pay_date.month == 8:
            shifts, holiday = 11, D(20)
        inp = monthly(pay_date, date_of_birth=date(1974, 3, 1),
                      pay_rates=(PayRate(date(2026, 4, 1), None, D("14.80")),),
                      shifts=day_shifts([first + timedelta(days=n) for n in range(shifts)], time(9), time(19)),
                      holiday_hours_taken=holiday, holiday_pay_rate=D("14.80"),
                      pension_scheme=RAS, pension_membership=ENROLLED, claims_employment_allowance=True,
                      employment_allowance_used=used, year_to_date=ytd)
        slip = calculate_payslip(inp)
        slips.append(slip)
        ytd, used = slip.year_to_date, used + slip.employment_allowance_claimed
    return slips


def test_a_full_tax_year_matches_the_hand_worked_totals():
    slips = run_year()
    assert [s.period for s in slips] == list(range(1, 13))
    assert [s.tax for s in slips] == [D(t) for t in MONTHLY_TAX]
    august = slips[4]
    assert codes(august) == [BASIC, HOLIDAY] and august.gross_pay == D("1924.00")
    totals = year_end_summary(slips)[PA]
    assert (totals.payments, totals.gross_pay, totals.tax) == (12, D("23384.00"), D("2160.80"))
    assert (totals.employee_ni, totals.employer_ni) == (D("864.64"), D("2757.00"))
    assert (totals.employee_pension, totals.employer_pension) == (D("685.76"), D("514.32"))
    assert totals.ssp == 0 and totals.employment_allowance_claimed == D("2757.00")
    # The last payslip's year to date agrees with the totals, and the tax with HMRC's annual figure.
    last = slips[-1].year_to_date
    assert (last.gross_pay, last.tax, last.employee_ni) == (totals.gross_pay, totals.tax, totals.employee_ni)
    assert slips[-1].tax_result.tax_due_to_date == D("2160.80")


def test_hmrc_summary_for_a_tax_month():
    slips = run_year()
    # Month 1 (paid 30 April 2026): 175.00 + 70.08 + 226.05 - 226.05 allowance = 245.08, by 22 May.
    april = hmrc_summary(slips, date(2026, 4, 30))
    assert (april.tax_year, april.tax_month, april.pay_by) == ("2026-27", 1, date(2026, 5, 22))
    assert (april.tax, april.employee_ni, april.employer_ni) == (D("175.00"), D("70.08"), D("226.05"))
    assert april.employment_allowance_claimed == D("226.05") and april.amount_due == D("245.08")
    [entry] = april.entries
    assert (entry.pay, entry.tax, entry.employee_ni, entry.pay_to_date, entry.tax_to_date) == (
        D("1924.00"), D("175.00"), D("70.08"), D("1924.00"), D("175.00"))
    # Paid 31 December: tax month 9 ends 5 January 2027, due 22 January; 234.40 + 93.76 = 328.16.
    december = hmrc_summary(slips, date(2026, 12, 31))
    assert (december.tax_month, december.pay_by, december.amount_due) == (9, date(2027, 1, 22), D("328.16"))
    assert december.entries[0].pay_to_date == D("17612.00")


def test_allowance_runs_out_mid_year():
    # With 10,300 of the 10,500 allowance used, April's 226.05 employer NI is met by only 200.00.
    slip = calculate_payslip(monthly(date(2026, 4, 30), pay_rates=rates("14.80"), claims_employment_allowance=True,
                                     employment_allowance_used=D("10300"),
                                     shifts=day_shifts([date(2026, 4, 1) + timedelta(days=n) for n in range(13)],
                                                       time(9), time(19))))
    assert (slip.employer_ni, slip.employment_allowance_claimed) == (D("226.05"), D("200.00"))
    assert "EMPLOYMENT_ALLOWANCE_USED_UP" in slip.flags


def test_year_end_refuses_two_tax_years():
    slips = run_year()
    other = calculate_payslip(monthly(date(2026, 3, 31), pay_rates=rates("13.00")))
    with pytest.raises(PayrollError) as raised:
        year_end_summary([*slips, other])
    assert raised.value.code == "MIXED_TAX_YEARS"


# --- properties ---------------------------------------------------------------------------------------------------

WORK_TYPES = [ShiftType.STANDARD, ShiftType.WAKING_NIGHT, ShiftType.SLEEP_IN, ShiftType.TRAVEL, ShiftType.TRAINING]
WEEKEND_TIME_AND_A_HALF = Enhancement(RATES_FROM, EnhancementKind.WEEKEND, multiplier=D("1.5"))
money = st.decimals(min_value=0, max_value=200, places=2)


@st.composite
def shift_list(draw, first: date, days: int):
    out = []
    for _ in range(draw(st.integers(0, 8))):
        day = first + timedelta(days=draw(st.integers(0, days - 1)))
        start = london_instant(day, time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))))
        length = draw(st.integers(2, 48)) * 15
        kind = draw(st.sampled_from(WORK_TYPES))
        awake = ()
        if kind is ShiftType.SLEEP_IN:
            offset = draw(st.integers(0, length // 15 - 1)) * 15
            span = draw(st.integers(0, (length - offset) // 15)) * 15
            awake = ((start + timedelta(minutes=offset), start + timedelta(minutes=offset + span)),)
        out.append(Shift(PA, start, start + timedelta(minutes=length), kind, awake=awake,
                         key=len(out)))
    return out


@st.composite
def period_inputs(draw):
    frequency = draw(st.sampled_from([F.WEEKLY, F.MONTHLY]))
    pay_date = date(2026, 5, 15) if frequency is F.WEEKLY else date(2026, 5, 29)
    start, end = pay_reference_period(pay_date, frequency)
    shifts = draw(shift_list(start, (end - start).days + 1))
    base = draw(st.decimals(min_value=10, max_value=30, places=2))
    member = draw(st.sampled_from([None, RAS, NET_PAY]))
    return PayPeriodInput(
        frequency=frequency, pay_date=pay_date, period_start=start, period_end=end, pa=PA,
        date_of_birth=date(draw(st.integers(1956, 2008)), 3, 3),
        tax_code=draw(st.sampled_from(["1257L", "K500", "BR", "0T", "1257L M1", "NT", "S1257L", "D0", "C1257L"])),
        ni_category=draw(st.sampled_from(["A", "M", "C", "B"])),
        pay_rates=(PayRate(RATES_FROM, None, base),),
        sleep_in_allowances=draw(st.sampled_from([(), (SleepInAllowance(RATES_FROM, D("75.00")),)])),
        enhancements=draw(st.sampled_from([(), (WEEKEND_TIME_AND_A_HALF,)])),
        holiday_hours_taken=draw(st.decimals(min_value=0, max_value=40, places=1)), holiday_pay_rate=base,
        additions=[Addition("Expenses", a) for a in draw(st.lists(money, max_size=2))],
        deductions=[OtherDeduction("Other", "Agreed", d) for d in draw(st.lists(money, max_size=2))],
        year_to_date=YearToDate(taxable_pay=draw(st.decimals(min_value=0, max_value=20000, places=2)),
                                tax=draw(st.decimals(min_value=0, max_value=2000, places=2))),
        pension_scheme=member, pension_membership=ENROLLED if member else None,
        claims_employment_allowance=draw(st.booleans()),
    )


@settings(max_examples=80, deadline=None)
@given(period_inputs())
def test_net_is_gross_less_deductions_plus_additions(inp):
    slip = calculate_payslip(inp)
    others = sum((d.amount for d in inp.deductions), D(0))
    added = sum((a.amount for a in inp.additions), D(0))
    assert slip.gross_pay == sum((line.amount for line in slip.lines), D(0))
    assert slip.net_pay == slip.gross_pay - slip.tax - slip.employee_ni - slip.employee_pension - others + added
    assert slip.net_pay == slip.gross_pay - slip.total_deductions + slip.total_additions
    assert slip.employer_cost == slip.gross_pay + slip.employer_ni + slip.employer_pension
    assert slip.year_to_date.tax == inp.year_to_date.tax + slip.tax


@settings(max_examples=40, deadline=None)
@given(period_inputs(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_shifts(inp, rnd: random.Random):
    shuffled = list(inp.shifts)
    rnd.shuffle(shuffled)
    assert calculate_payslip(replace(inp, shifts=shuffled)) == calculate_payslip(inp)


def test_statutory_family_pay_is_a_taxable_niable_line_and_left_out_of_the_minimum_wage_check():
    # A week of SMP at £360.00 (90% of £400 AWE) beside one 6-hour shift at £13.00: gross £438.00.
    from pa_manager.domain.pay_period import FamilyPayment

    inp = weekly(date(2026, 5, 15), pay_rates=rates("13.00"), shifts=day_shifts([date(2026, 5, 15)], time(9), time(15)),
                 family_pay=(FamilyPayment("SMP", D("360.00"), 7, D("360.00"), date(2026, 1, 4)),))
    slip = calculate_payslip(inp)
    [smp] = [line for line in slip.lines if line.code == "SMP"]
    assert (smp.rate, smp.quantity, smp.amount, smp.relates_to) == (D("360.00"), 7, D("360.00"), date(2026, 1, 4))
    assert slip.gross_pay == D("438.00") == slip.taxable_pay
    # NI on all of it (weekly PT £242, ST £96 in 2026-27): (438 - 242) x 8% = 15.68; (438 - 96) x 15% = 51.30.
    assert (slip.employee_ni, slip.employer_ni) == (D("15.68"), D("51.30"))
    assert slip.minimum_wage.minimum_wage_pay == D("78.00") and slip.ssp == 0
    with pytest.raises(PayrollError, match="NEGATIVE_AMOUNT"):
        weekly(date(2026, 5, 15), family_pay=(FamilyPayment("SMP", D("360.00"), 7, D("-1"), date(2026, 1, 4)),))


# Attachment of earnings: the RAS example above leaves 1,130.44 after tax, NI and pension (the Act's
# attachable earnings). A judgment debt order of £100 a month protecting £1,050: £80.44 above the floor.
def _aeo(normal, protected, kind="judgment_debt", **kw):
    from pa_manager.domain.attachment_of_earnings import OrderDue, OrderTerms
    return OrderDue("K12X3456", "County Court Business Centre",
                    OrderTerms(kind, D(normal), D(protected), "month", **kw))


@pytest.mark.parametrize("orders, lines, net", [
    # £100 wanted, £80.44 room: only the excess, and no room for the fee.
    ((_aeo("100", "1050"),), [("ATTACHMENT_OF_EARNINGS", "80.44")], "1050.00"),
    # £50 fits with £30.44 to spare: the order and the £1 fee.
    ((_aeo("50", "1050"),), [("ATTACHMENT_OF_EARNINGS", "50"), ("ATTACHMENT_FEE", "1.00")], "1079.44"),
    # Pay below the protected earnings: nothing at all.
    ((_aeo("50", "1200"),), [], "1130.44"),
    # Two orders: the second works on what the first left (1,130.44 - 51 = 1,079.44; 29.44 above 1,050).
    ((_aeo("50", "1050"), _aeo("40", "1050", take_fee=False)),
     [("ATTACHMENT_OF_EARNINGS", "50"), ("ATTACHMENT_FEE", "1.00"), ("ATTACHMENT_OF_EARNINGS", "29.44")], "1050.00"),
])
def test_attachment_of_earnings_comes_off_pay_after_tax_ni_and_pension(orders, lines, net):
    inp = monthly(date(2026, 4, 30), pay_rates=rates("15.00"), shifts=day_shifts(weekdays(date(2026, 4, 1), 10)),
                  pension_scheme=RAS, pension_membership=ENROLLED, earnings_orders=orders)
    slip = calculate_payslip(inp)
    court = [(d.code, d.amount) for d in slip.deductions if d.code.startswith("ATTACHMENT")]
    assert court == [(code, D(amount)) for code, amount in lines]
    assert all(d.description == "K12X3456" for d in slip.deductions if d.code.startswith("ATTACHMENT"))
    assert slip.tax == D("30.20") and slip.employee_ni == D("12.16")   # tax and NI are not changed
    assert slip.net_pay == D(net)
