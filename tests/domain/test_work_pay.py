"""Pay for work: one PA's shifts to the payslip's pay lines, hours paid by the hour, sleep-in nights and
cost. One row per case; every figure is worked by hand in the row's comment, not taken from the code."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal as D

import pytest

from pa_manager.domain import payroll
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_rates import Enhancement, EnhancementKind, PayRate, PayRateError, SleepInAllowance
from pa_manager.domain.shifts import Shift, ShiftType, local_shift
from pa_manager.domain.work_pay import BASIC, PREMIUM, SLEEP_IN_ALLOWANCE, work_pay

STANDARD, SLEEP_IN, WAKING_NIGHT = ShiftType.STANDARD, ShiftType.SLEEP_IN, ShiftType.WAKING_NIGHT
APRIL = date(2026, 4, 1)
BASE = PayRate(APRIL, None, D("12.00"))
SLEEP_RATE = PayRate(APRIL, SLEEP_IN, D("13.00"))
ALLOWANCE = SleepInAllowance(APRIL, D("80.00"))
TIME_AND_A_HALF = Enhancement(APRIL, EnhancementKind.WEEKEND, multiplier=D("1.5"))


def shift(day: date, start: str, end: str, kind: ShiftType = STANDARD, break_minutes: int = 0, awake=()) -> Shift:
    return local_shift(day, time.fromisoformat(start), time.fromisoformat(end), pa="jo", shift_type=kind,
                       break_minutes=break_minutes, awake=[(time.fromisoformat(a), time.fromisoformat(b)) for a, b in awake])


def hours(minutes: int) -> D:
    return D(minutes) / 60


# Wednesday 15 April 2026, 22:00 to 07:00 (9 hours), woken 02:00 to 03:00.
WOKEN_NIGHT = shift(date(2026, 4, 15), "22:00", "07:00", SLEEP_IN, awake=[("02:00", "03:00")])
# Friday 17 April 09:00-13:00 (4 h) and Saturday 18 April 09:00-17:00 less a 30-minute break (7 h 30).
FRIDAY = shift(date(2026, 4, 17), "09:00", "13:00")
SATURDAY = shift(date(2026, 4, 18), "09:00", "17:00", break_minutes=30)


@dataclass(frozen=True)
class Case:
    name: str
    shifts: tuple[Shift, ...]
    rates: tuple[PayRate, ...]
    lines: tuple[tuple, ...]             # (code, shift type, hours, rate, quantity, amount)
    minutes_by_type: dict[ShiftType, int]
    nights: int
    total: D
    allowances: tuple[SleepInAllowance, ...] = ()
    enhancements: tuple[Enhancement, ...] = field(default=())


CASES = [
    Case(
        # The night is paid by the allowance (£80) and is a night; the hour awake is paid at the
        # sleep-in rate: 1 h x £13.00 = £13.00. Total £93.00. Hours: 1, not 9.
        "a sleep-in with an allowance: one night and the hour awake",
        (WOKEN_NIGHT,), (BASE, SLEEP_RATE),
        lines=((BASIC, SLEEP_IN, D(1), D("13.00"), None, D("13.00")),
               (SLEEP_IN_ALLOWANCE, SLEEP_IN, None, D("80.00"), 1, D("80.00"))),
        minutes_by_type={SLEEP_IN: 60}, nights=1, total=D("93.00"), allowances=(ALLOWANCE,),
    ),
    Case(
        # The allowance starts on 1 May, so on 15 April the sleep-in is paid by the hour like any
        # shift: 9 h x £13.00 = £117.00. It is 9 hours, and no night.
        "a sleep-in before any allowance is in force: hours, not a night",
        (WOKEN_NIGHT,), (BASE, SLEEP_RATE),
        lines=((BASIC, SLEEP_IN, D(9), D("13.00"), None, D("117.00")),),
        minutes_by_type={SLEEP_IN: 540}, nights=0, total=D("117.00"),
        allowances=(SleepInAllowance(date(2026, 5, 1), D("80.00")),),
    ),
    Case(
        # 15 April, undisturbed, before the allowance: 9 h x £13.00 = £117.00. Wednesday 6 May,
        # undisturbed, with the allowance: one night, £80.00, no hours. Total £197.00.
        "sleep-ins either side of the allowance's start",
        (shift(date(2026, 4, 15), "22:00", "07:00", SLEEP_IN), shift(date(2026, 5, 6), "22:00", "07:00", SLEEP_IN)),
        (BASE, SLEEP_RATE),
        lines=((BASIC, SLEEP_IN, D(9), D("13.00"), None, D("117.00")),
               (SLEEP_IN_ALLOWANCE, SLEEP_IN, None, D("80.00"), 1, D("80.00"))),
        minutes_by_type={SLEEP_IN: 540}, nights=1, total=D("197.00"),
        allowances=(SleepInAllowance(date(2026, 5, 1), D("80.00")),),
    ),
    Case(
        # 4 h + 7 h 30 = 11 h 30 x £12.00 = £138.00. Saturday at time and a half adds half the rate
        # for its 7 h 30: 7.5 x £6.00 = £45.00, its own line. Total £183.00.
        "a weekend premium is its own line",
        (FRIDAY, SATURDAY), (BASE,),
        lines=((BASIC, STANDARD, D("11.5"), D("12.00"), None, D("138.00")),
               (PREMIUM, STANDARD, None, None, None, D("45.00"))),
        minutes_by_type={STANDARD: 690}, nights=0, total=D("183.00"), enhancements=(TIME_AND_A_HALF,),
    ),
    Case(
        # The rate rises from £12.00 to £12.50 on 20 April. Friday 17th, 3 h x £12.00 = £36.00.
        # Tuesday 21st 3 h and Wednesday 22nd 2 h 20: 5 h 20 = 320 minutes x £12.50 / 60 = £66.666...
        # -> £66.67. Two lines, £102.67; 8 h 20 of standard hours in all.
        "two rates in one period: a line for each",
        (shift(date(2026, 4, 17), "09:00", "12:00"), shift(date(2026, 4, 21), "09:00", "12:00"),
         shift(date(2026, 4, 22), "09:00", "11:20")),
        (BASE, PayRate(date(2026, 4, 20), None, D("12.50"))),
        lines=((BASIC, STANDARD, D(3), D("12.00"), None, D("36.00")),
               (BASIC, STANDARD, hours(320), D("12.50"), None, D("66.67"))),
        minutes_by_type={STANDARD: 500}, nights=0, total=D("102.67"),
    ),
    Case(
        # Three 20-minute visits at £12.71: each alone would be £4.2366... -> £4.24, £12.72 for the
        # three; the payslip's line is 1 h x £12.71 = £12.71, rounded once.
        "rounded once per line, not once per shift",
        tuple(shift(date(2026, 4, day), "09:00", "09:20") for day in (13, 14, 15)),
        (PayRate(APRIL, None, D("12.71")),),
        lines=((BASIC, STANDARD, D(1), D("12.71"), None, D("12.71")),),
        minutes_by_type={STANDARD: 60}, nights=0, total=D("12.71"),
    ),
    Case(
        # The clocks go back at 02:00 on Sunday 25 October 2026: 22:00 to 08:00 is 11 hours.
        # 11 h x £13.50 = £148.50.
        "a waking night across the autumn clock change is eleven hours",
        (shift(date(2026, 10, 24), "22:00", "08:00", WAKING_NIGHT),),
        (BASE, PayRate(APRIL, WAKING_NIGHT, D("13.50"))),
        lines=((BASIC, WAKING_NIGHT, D(11), D("13.50"), None, D("148.50")),),
        minutes_by_type={WAKING_NIGHT: 660}, nights=0, total=D("148.50"),
    ),
    Case(
        # The same night as a sleep-in with the allowance, woken 01:00 to 01:30 (the first 01:00):
        # one night £80.00 and 30 minutes x £13.00 = £6.50. Total £86.50; half an hour of hours.
        "a sleep-in across the autumn clock change: one night and the half hour awake",
        (shift(date(2026, 10, 24), "22:00", "08:00", SLEEP_IN, awake=[("01:00", "01:30")]),),
        (BASE, SLEEP_RATE),
        lines=((BASIC, SLEEP_IN, D("0.5"), D("13.00"), None, D("6.50")),
               (SLEEP_IN_ALLOWANCE, SLEEP_IN, None, D("80.00"), 1, D("80.00"))),
        minutes_by_type={SLEEP_IN: 30}, nights=1, total=D("86.50"), allowances=(ALLOWANCE,),
    ),
    Case(
        # The first and fourth rows together, in the payslip's order: basic pay by type then rate,
        # premiums, then allowances. £138.00 + £13.00 + £45.00 + £80.00 = £276.00.
        "a week of both: the lines in the payslip's order",
        (SATURDAY, WOKEN_NIGHT, FRIDAY), (BASE, SLEEP_RATE),
        lines=((BASIC, STANDARD, D("11.5"), D("12.00"), None, D("138.00")),
               (BASIC, SLEEP_IN, D(1), D("13.00"), None, D("13.00")),
               (PREMIUM, STANDARD, None, None, None, D("45.00")),
               (SLEEP_IN_ALLOWANCE, SLEEP_IN, None, D("80.00"), 1, D("80.00"))),
        minutes_by_type={STANDARD: 690, SLEEP_IN: 60}, nights=1, total=D("276.00"),
        allowances=(ALLOWANCE,), enhancements=(TIME_AND_A_HALF,),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_pay_for_work(case: Case) -> None:
    pay = work_pay(case.shifts, case.rates, case.enhancements, sleep_in_allowances=case.allowances)
    assert [(l.code, l.shift_type, l.hours, l.rate, l.quantity, l.amount) for l in pay.lines] == list(case.lines)
    assert pay.paid_minutes_by_type == case.minutes_by_type
    assert pay.sleep_in_nights == case.nights
    assert pay.total == case.total
    assert pay.cost_known and pay.unpriced == ()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_payslip_shows_the_same_lines(case: Case) -> None:
    first, last = min(s.start for s in case.shifts).date(), max(s.end for s in case.shifts).date()
    slip = payroll.calculate_payslip(payroll.PayPeriodInput(
        frequency=PayFrequency.MONTHLY, pay_date=last, period_start=first, period_end=last, pa="jo",
        date_of_birth=date(1990, 6, 1), tax_code="1257L", shifts=case.shifts, pay_rates=case.rates,
        sleep_in_allowances=case.allowances, enhancements=case.enhancements))
    assert [(l.code, l.shift_type, l.hours, l.rate, l.quantity, l.amount) for l in slip.lines] == list(case.lines)
    assert slip.gross_pay == case.total


def test_each_shift_as_pay_sees_it() -> None:
    pay = work_pay((WOKEN_NIGHT, FRIDAY), (BASE, SLEEP_RATE), sleep_in_allowances=(ALLOWANCE,))
    night, friday = pay.shifts
    assert (night.shift, night.paid_minutes, night.night, night.pay.sleep_in_allowance) == (
        WOKEN_NIGHT, 60, True, D("80.00"))
    assert (friday.shift, friday.paid_hours, friday.night, friday.pay.total) == (FRIDAY, D(4), False, D("48.00"))
    assert pay.paid_hours_by_type == {STANDARD: D(4), SLEEP_IN: D(1)}
    assert (pay.paid_hours, pay.premiums, pay.allowances) == (D(5), D("0.00"), D("80.00"))


def test_a_shift_with_no_rate_still_counts_its_hours_and_night_but_not_its_cost() -> None:
    rates = (PayRate(date(2026, 5, 1), None, D("12.00")),)  # no rate before 1 May
    shifts = (shift(date(2026, 4, 17), "09:00", "12:00"),                   # no rate: 3 h, cost unknown
              shift(date(2026, 4, 15), "22:00", "07:00", SLEEP_IN),          # no rate: a night, no hours
              shift(date(2026, 5, 5), "09:00", "10:00"))                     # 1 h x £12.00
    pay = work_pay(shifts, rates, sleep_in_allowances=(ALLOWANCE,), skip_unpriced=True)
    assert pay.paid_minutes_by_type == {STANDARD: 240}
    assert pay.sleep_in_nights == 1
    assert not pay.cost_known and pay.unpriced == shifts[:2]
    assert [(l.code, l.hours, l.amount) for l in pay.lines] == [(BASIC, D(1), D("12.00"))]
    assert pay.total == D("12.00")
    with pytest.raises(PayRateError) as raised:   # the payslip cannot be worked out without a rate
        work_pay(shifts, rates, sleep_in_allowances=(ALLOWANCE,))
    assert raised.value.code == "PAY_RATE_MISSING"
