"""The employer's own sick pay scheme on top of SSP: who qualifies, waiting days, full then half pay in a
rolling 12 months, and paying the higher of the scheme and SSP each day (never both)."""
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from pa_manager import messages
from pa_manager.domain import occupational_sick_pay as o
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.sick_pay import ssp_for_period

MON_FRI = (0, 1, 2, 3, 4)
START = date(2024, 1, 8)
SCHEME = SickPayScheme(full_pay_weeks=1, half_pay_weeks=1, qualifying_months=6, waiting_days=0)


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def statuses(sick, scheme=SCHEME, start=START, weekdays=MON_FRI):
    return [d.status for d in o.scheme_days(sick, weekdays, scheme, start) if d.status != o.NOT_QUALIFYING_DAY]


def test_every_code_has_words():
    assert messages.missing_messages(o.CODES) == set()


def test_a_good_scheme_passes_and_wrong_ones_are_named():
    assert o.check_scheme(SCHEME) == {}
    assert o.check_scheme(SickPayScheme(52, 52, 60, 7)) == {}
    assert o.check_scheme(SickPayScheme(53, -1, 61, 8)) == {
        "full_pay_weeks": o.SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE, "half_pay_weeks": o.SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE,
        "qualifying_months": o.SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE, "waiting_days": o.SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE}
    assert o.check_scheme(SickPayScheme(0, 0, 3, 0)) == {"full_pay_weeks": o.SICK_PAY_SCHEME_PAYS_NOTHING}


def test_full_pay_then_half_pay_then_only_ssp():
    # Two working weeks off (Monday 2 September 2024 to Friday 13 September): 1 week is 5 qualifying days.
    assert statuses(days(date(2024, 9, 2), 12)) == [o.FULL] * 5 + [o.HALF] * 5


def test_a_third_week_off_is_used_up():
    assert statuses(days(date(2024, 9, 2), 19)) == [o.FULL] * 5 + [o.HALF] * 5 + [o.USED_UP] * 5


def test_weekends_are_not_qualifying_days_for_a_weekday_pa():
    found = o.scheme_days(days(date(2024, 9, 6), 4), MON_FRI, SCHEME, START)  # Fri to Mon
    assert [d.status for d in found] == [o.FULL, o.NOT_QUALIFYING_DAY, o.NOT_QUALIFYING_DAY, o.FULL]


def test_a_week_is_the_pas_own_working_week():
    three_days = (0, 2, 4)  # 1 week is 3 sick days for someone who works 3 days a week
    assert statuses(days(date(2024, 9, 2), 14), weekdays=three_days) == [o.FULL] * 3 + [o.HALF] * 3


def test_before_the_qualifying_service_only_ssp():
    # 6 months from 8 January 2024 is 8 July 2024.
    sick = days(date(2024, 7, 4), 5)  # Thu 4 to Mon 8 July
    assert statuses(sick) == [o.NOT_QUALIFIED, o.NOT_QUALIFIED, o.FULL]


def test_qualifying_months_end_of_month_rule():
    assert o.qualifies_from(SickPayScheme(1, 0, 1, 0), date(2024, 1, 31)) == date(2024, 2, 29)
    assert o.qualifies_from(SickPayScheme(1, 0, 0, 0), None) == date.min
    assert o.qualifies_from(SickPayScheme(1, 0, 3, 0), None) is None


def test_waiting_days_at_the_start_of_each_run_of_sickness():
    scheme = SickPayScheme(full_pay_weeks=4, qualifying_months=0, waiting_days=3)
    first = days(date(2024, 9, 2), 5)
    again = days(date(2024, 9, 16), 2)
    assert statuses(first + again, scheme) == [o.WAITING] * 3 + [o.FULL] * 2 + [o.WAITING] * 2


def test_the_allowance_rolls_over_12_months():
    scheme = SickPayScheme(full_pay_weeks=1, qualifying_months=0)
    earlier = days(date(2024, 9, 2), 5)      # a full week used in September 2024
    soon = [date(2025, 9, 1)]                 # a Monday still inside the 12 months after 2 September 2024
    later = [date(2025, 9, 8)]                # a year after them: free again
    assert statuses(earlier + soon, scheme)[-1] == o.USED_UP
    assert statuses(earlier + later, scheme)[-1] == o.FULL


def _ssp_daily(sick, start, end, awe=Decimal("500")):
    result = ssp_for_period(sick, MON_FRI, awe, start, end)
    return o.ssp_by_day(result, MON_FRI), result


def test_the_scheme_adds_only_what_is_above_ssp_each_day():
    # 2026-27: SSP £123.25 a week (from 6 April 2026 no waiting days), 5 qualifying days: £24.65 a day.
    # Normal week £500: full pay £100 a day, half pay £50. Two weeks off, 5 full and 5 half days:
    # full adds 5 x (100 - 24.65) = £376.75; half adds 5 x (50 - 24.65) = £126.75.
    sick = days(date(2026, 6, 1), 12)
    ssp, result = _ssp_daily(sick, date(2026, 6, 1), date(2026, 6, 30))
    assert result.amount == Decimal("246.50")
    pay = o.scheme_pay(sick, (), MON_FRI, SCHEME, START, Decimal("500"), date(2026, 6, 1), date(2026, 6, 30), ssp)
    assert [(line.kind, line.days, line.day_rate, line.amount) for line in pay.lines] == [
        (o.FULL, 5, Decimal("100.00"), Decimal("376.75")), (o.HALF, 5, Decimal("50.00"), Decimal("126.75"))]
    # Total sick pay is the scheme's full and half pay: SSP is inside it, not on top.
    assert result.amount + pay.amount == Decimal("750.00")


def test_half_pay_below_ssp_adds_nothing_ssp_is_paid():
    # Normal week £200: half pay £20 a day is below SSP's £24.65, so SSP alone is paid on those days.
    sick = days(date(2026, 6, 1), 12)
    ssp, result = _ssp_daily(sick, date(2026, 6, 1), date(2026, 6, 30), awe=Decimal("200"))
    pay = o.scheme_pay(sick, (), MON_FRI, SCHEME, START, Decimal("200"), date(2026, 6, 1), date(2026, 6, 30), ssp)
    assert [(line.kind, line.amount) for line in pay.lines] == [(o.FULL, Decimal("76.75")), (o.HALF, Decimal("0.00"))]


def test_only_the_periods_days_are_paid_with_earlier_ones_counted():
    sick = days(date(2026, 6, 1), 12)
    june = [d for d in sick if d.month == 6 and d.day <= 7]
    rest = [d for d in sick if d not in june]
    pay = o.scheme_pay(rest, june, MON_FRI, SCHEME, START, Decimal("500"), date(2026, 6, 8), date(2026, 6, 30), {})
    assert [(line.kind, line.days) for line in pay.lines] == [(o.HALF, 5)]
    assert pay.amount == Decimal("250.00")


def test_codes_for_days_not_paid():
    sick = days(date(2026, 6, 1), 19)
    pay = o.scheme_pay(sick, (), MON_FRI, SickPayScheme(1, 0, 0, 2), START, Decimal("500"), date(2026, 6, 1),
                       date(2026, 6, 30), {})
    assert pay.codes == ("OSP_WAITING", "OSP_USED_UP")


def test_an_odd_day_rate_is_summed_exactly_then_rounded_once():
    # £100 over 3 days: £33.333... a day; 3 days = £100.00 exactly, not 3 x £33.33.
    three = (0, 2, 4)
    sick = [date(2026, 6, 1), date(2026, 6, 3), date(2026, 6, 5)]
    pay = o.scheme_pay(sick, (), three, SickPayScheme(1, 0, 0, 0), START, Decimal("100"), date(2026, 6, 1),
                       date(2026, 6, 30), {})
    assert (pay.lines[0].day_rate, pay.amount) == (Decimal("33.33"), Decimal("100.00"))


def test_money_is_never_a_float_and_qualifying_days_are_needed():
    with pytest.raises(TypeError):
        o.scheme_pay([], (), MON_FRI, SCHEME, START, 500.0, date(2026, 6, 1), date(2026, 6, 30), {})
    with pytest.raises(ValueError):
        o.scheme_pay([], (), (), SCHEME, START, Decimal("500"), date(2026, 6, 1), date(2026, 6, 30), {})


def test_ssp_by_day_is_exact():
    sick = [date(2026, 6, 1)]
    ssp, _ = _ssp_daily(sick, date(2026, 6, 1), date(2026, 6, 30))
    assert ssp == {date(2026, 6, 1): Fraction(Decimal("123.25")) / 5}


def test_week_pay_by_day_makes_a_line_for_each_days_rate():
    sick = days(date(2026, 6, 1), 5)   # Monday to Friday
    pay = o.scheme_pay(sick, (), MON_FRI, SickPayScheme(1, 0, 0, 0), START,
                       lambda day: Decimal("500") if day < date(2026, 6, 4) else Decimal("600"),
                       date(2026, 6, 1), date(2026, 6, 30), {})
    assert [(line.days, line.day_rate, line.amount) for line in pay.lines] == [
        (3, Decimal("100.00"), Decimal("300.00")), (2, Decimal("120.00"), Decimal("240.00"))]
