from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_rates import (
    Enhancement,
    EnhancementKind,
    PayRate,
    PayRateError,
    SleepInAllowance,
    allowance_for,
    rate_for,
    shift_cost,
)
from pa_manager.domain.shifts import Shift, ShiftError, ShiftType, local_shift

D = Decimal
WEEKEND = EnhancementKind.WEEKEND
BANK_HOLIDAY = EnhancementKind.BANK_HOLIDAY
START = date(2025, 1, 1)
BASE = [PayRate(START, None, D("12.00"))]


def england(day: date) -> bool:
    return is_bank_holiday(day, Nation.ENGLAND)


def pay(shift, rates=BASE, enhancements=(), bank=lambda d: False, **kwargs):
    return shift_cost(shift, rates, enhancements, bank, **kwargs)


# --- rate_for ----------------------------------------------------------------------------------


def test_base_rate_by_date() -> None:
    rates = [PayRate(date(2025, 4, 1), None, D("12.60")), PayRate(date(2026, 4, 1), None, D("13.00"))]
    assert rate_for(rates, ShiftType.STANDARD, date(2025, 4, 1)) == D("12.60")
    assert rate_for(rates, ShiftType.STANDARD, date(2026, 3, 31)) == D("12.60")
    assert rate_for(rates, ShiftType.WAKING_NIGHT, date(2026, 4, 1)) == D("13.00")


def test_missing_rate_has_a_code() -> None:
    with pytest.raises(PayRateError) as raised:
        rate_for(BASE, ShiftType.STANDARD, date(2024, 12, 31))
    assert raised.value.code == "PAY_RATE_MISSING"


def test_rate_for_a_type_beats_the_base_rate_even_when_older() -> None:
    rates = [
        PayRate(date(2025, 4, 1), None, D("12.60")),
        PayRate(date(2025, 4, 1), ShiftType.WAKING_NIGHT, D("13.50")),
        PayRate(date(2026, 4, 1), None, D("13.00")),
    ]
    assert rate_for(rates, ShiftType.WAKING_NIGHT, date(2026, 5, 1)) == D("13.50")
    assert rate_for(rates, ShiftType.STANDARD, date(2026, 5, 1)) == D("13.00")
    # Before a type has its own rate, the base applies.
    assert rate_for(rates + [PayRate(date(2026, 6, 1), ShiftType.TRAINING, D("11.00"))], ShiftType.TRAINING, date(2026, 5, 1)) == D("13.00")


def test_two_different_rates_from_one_date_are_refused() -> None:
    rates = [PayRate(START, None, D("12.00")), PayRate(START, None, D("12.50"))]
    with pytest.raises(PayRateError) as raised:
        rate_for(rates, ShiftType.STANDARD, date(2025, 6, 1))
    assert raised.value.code == "PAY_RATE_DUPLICATE"


def test_floats_and_negatives_are_refused() -> None:
    with pytest.raises(TypeError):
        PayRate(START, None, 12.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PayRate(START, None, D("-1"))
    with pytest.raises(ValueError):
        Enhancement(START, WEEKEND)
    with pytest.raises(ValueError):
        Enhancement(START, WEEKEND, multiplier=D("1.5"), hourly_rate=D("15"))
    with pytest.raises(TypeError):
        SleepInAllowance(START, 50.0)  # type: ignore[arg-type]


def test_allowance_by_date() -> None:
    allowances = [SleepInAllowance(date(2025, 4, 1), D("60.00")), SleepInAllowance(date(2026, 4, 1), D("65.00"))]
    assert allowance_for(allowances, date(2025, 3, 31)) is None
    assert allowance_for(allowances, date(2026, 4, 1)) == D("65.00")


# --- plain shifts ------------------------------------------------------------------------------


def test_basic_pay_with_break() -> None:
    result = pay(local_shift(date(2025, 6, 2), time(9), time(17), pa="a", break_minutes=30), [PayRate(START, None, D("12.60"))])
    assert result.paid_minutes == 450
    assert result.paid_hours == D("7.5")
    assert result.basic == D("94.50")
    assert result.premium == D("0.00")
    assert result.sleep_in_allowance == D("0.00")
    assert result.total == D("94.50")


def test_rounding_is_half_up_at_the_end_of_the_shift() -> None:
    # 10 minutes at £12.21 is exactly £2.035.
    result = pay(local_shift(date(2025, 6, 2), time(9), time(9, 10), pa="a"), [PayRate(START, None, D("12.21"))])
    assert result.basic == D("2.04")
    # 20 minutes at £12.71 is £4.2366...
    result = pay(local_shift(date(2025, 6, 2), time(9), time(9, 20), pa="a"), [PayRate(START, None, D("12.71"))])
    assert result.basic == D("4.24")


def test_rate_on_the_shift_date_covers_the_whole_night() -> None:
    rates = [PayRate(START, None, D("12.00")), PayRate(date(2026, 4, 1), None, D("13.00"))]
    night = local_shift(date(2026, 3, 31), time(22), time(8), pa="a")
    result = pay(night, rates)
    assert result.basic_rate == D("12.00")
    assert result.basic == D("120.00")


def test_night_across_the_autumn_change_pays_eleven_hours() -> None:
    result = pay(local_shift(date(2025, 10, 25), time(22), time(8), pa="a", shift_type=ShiftType.WAKING_NIGHT))
    assert result.basic == D("132.00")


def test_end_before_start_cannot_be_costed() -> None:
    shift = Shift(pa="a", start=datetime(2025, 6, 2, 9, tzinfo=timezone.utc), end=datetime(2025, 6, 2, 8, tzinfo=timezone.utc))
    with pytest.raises(ShiftError):
        pay(shift)


# --- enhancements ------------------------------------------------------------------------------


TIME_AND_A_HALF = [Enhancement(START, WEEKEND, multiplier=D("1.5"))]


def test_weekend_multiplier_gives_a_separate_premium() -> None:
    result = pay(local_shift(date(2025, 6, 7), time(9), time(17), pa="a"), enhancements=TIME_AND_A_HALF)
    assert (result.basic, result.premium, result.total) == (D("96.00"), D("48.00"), D("144.00"))


def test_weekday_is_not_enhanced() -> None:
    assert pay(local_shift(date(2025, 6, 6), time(9), time(17), pa="a"), enhancements=TIME_AND_A_HALF).premium == D("0.00")


def test_friday_night_into_saturday_enhances_only_the_saturday_part() -> None:
    night = local_shift(date(2025, 6, 6), time(22), time(8), pa="a")
    result = pay(night, enhancements=TIME_AND_A_HALF)
    assert result.basic == D("120.00")
    assert result.premium == D("48.00")  # 8 hours at £6


def test_break_is_shared_across_the_parts_of_the_shift() -> None:
    night = local_shift(date(2025, 6, 6), time(22), time(8), pa="a", break_minutes=60)
    result = pay(night, enhancements=TIME_AND_A_HALF)
    assert result.basic == D("108.00")
    assert result.premium == D("43.20")  # 8 h x 9/10 x £6


def test_sunday_night_into_monday() -> None:
    result = pay(local_shift(date(2025, 10, 26), time(22), time(8), pa="a"), enhancements=TIME_AND_A_HALF)
    assert result.premium == D("12.00")  # 22:00-24:00 Sunday


def test_weekend_night_across_clock_changes() -> None:
    autumn = pay(local_shift(date(2025, 10, 25), time(22), time(8), pa="a"), enhancements=TIME_AND_A_HALF)
    assert autumn.premium == D("66.00")  # 11 hours
    spring = pay(local_shift(date(2026, 3, 28), time(22), time(8), pa="a"), enhancements=TIME_AND_A_HALF)
    assert spring.premium == D("54.00")  # 9 hours
    # Friday into the autumn Saturday: only the hours after local midnight are weekend.
    friday = pay(local_shift(date(2026, 10, 23), time(20), time(4), pa="a"), enhancements=TIME_AND_A_HALF)
    assert friday.premium == D("24.00")


def test_local_midnight_splits_the_day_not_utc_midnight() -> None:
    # Friday 23:30 BST is 22:30 UTC; the Saturday part starts at 00:00 BST (23:00 UTC Friday).
    result = pay(local_shift(date(2025, 6, 6), time(23), time(1), pa="a"), enhancements=TIME_AND_A_HALF)
    assert result.premium == D("6.00")


def test_bank_holiday_hourly_rate() -> None:
    enhancements = [Enhancement(START, BANK_HOLIDAY, hourly_rate=D("20.00"))]
    christmas = local_shift(date(2025, 12, 25), time(8), time(12), pa="a")
    result = pay(christmas, [PayRate(START, None, D("12.50"))], enhancements, england)
    assert (result.basic, result.premium) == (D("50.00"), D("30.00"))


def test_christmas_eve_night_enhanced_from_midnight() -> None:
    enhancements = [Enhancement(START, BANK_HOLIDAY, multiplier=D("2"))]
    night = local_shift(date(2025, 12, 24), time(22), time(8), pa="a")
    assert pay(night, enhancements=enhancements, bank=england).premium == D("96.00")


def test_substitute_day_is_enhanced_and_weekend_date_is_not() -> None:
    enhancements = [Enhancement(START, BANK_HOLIDAY, multiplier=D("2"))]
    boxing_day = local_shift(date(2026, 12, 26), time(9), time(13), pa="a")
    substitute = local_shift(date(2026, 12, 28), time(9), time(13), pa="a")
    assert pay(boxing_day, enhancements=enhancements, bank=england).premium == D("0.00")
    assert pay(substitute, enhancements=enhancements, bank=england).premium == D("48.00")


def test_weekend_and_bank_holiday_take_the_better_not_both() -> None:
    enhancements = [Enhancement(START, WEEKEND, multiplier=D("1.5")), Enhancement(START, BANK_HOLIDAY, multiplier=D("2"))]
    boxing_day = local_shift(date(2026, 12, 26), time(9), time(13), pa="a")
    def real_dates(d: date) -> bool:
        return is_bank_holiday(d, Nation.ENGLAND, include_weekend_dates=True)
    assert pay(boxing_day, enhancements=enhancements, bank=real_dates).premium == D("48.00")
    assert pay(boxing_day, enhancements=enhancements, bank=england).premium == D("24.00")


def test_enhancement_below_basic_adds_nothing() -> None:
    enhancements = [Enhancement(START, WEEKEND, hourly_rate=D("10.00"))]
    assert pay(local_shift(date(2025, 6, 7), time(9), time(17), pa="a"), enhancements=enhancements).premium == D("0.00")


def test_enhancement_for_one_type_beats_the_general_one() -> None:
    enhancements = [
        Enhancement(START, WEEKEND, multiplier=D("1.5")),
        Enhancement(START, WEEKEND, multiplier=D("1.25"), shift_type=ShiftType.TRAINING),
    ]
    training = local_shift(date(2025, 6, 7), time(9), time(13), pa="a", shift_type=ShiftType.TRAINING)
    assert pay(training, enhancements=enhancements).premium == D("12.00")


def test_enhancement_starts_on_its_date() -> None:
    enhancements = [Enhancement(date(2025, 7, 1), WEEKEND, multiplier=D("1.5"))]
    assert pay(local_shift(date(2025, 6, 28), time(9), time(13), pa="a"), enhancements=enhancements).premium == D("0.00")
    assert pay(local_shift(date(2025, 7, 5), time(9), time(13), pa="a"), enhancements=enhancements).premium == D("24.00")


@pytest.mark.parametrize("kind", [ShiftType.HOLIDAY, ShiftType.SICKNESS])
def test_absences_are_not_enhanced(kind: ShiftType) -> None:
    result = pay(local_shift(date(2025, 6, 7), time(9), time(17), pa="a", shift_type=kind), enhancements=TIME_AND_A_HALF)
    assert (result.basic, result.premium) == (D("96.00"), D("0.00"))


# --- sleep-ins ---------------------------------------------------------------------------------


def sleep_in(day: date, awake=()):
    return local_shift(day, time(22), time(8), pa="a", shift_type=ShiftType.SLEEP_IN, awake=awake)


ALLOWANCE = [SleepInAllowance(START, D("60.00"))]
SLEEP_RATES = BASE + [PayRate(START, ShiftType.SLEEP_IN, D("12.21"))]


def test_sleep_in_allowance_plus_awake_time() -> None:
    night = sleep_in(date(2025, 6, 7), awake=[(time(2), time(3))])  # Saturday into Sunday
    result = pay(night, SLEEP_RATES, TIME_AND_A_HALF, sleep_in_allowances=ALLOWANCE)
    assert result.paid_minutes == 60
    assert result.basic == D("12.21")
    assert result.premium == D("6.11")  # £6.105 rounds up
    assert result.sleep_in_allowance == D("60.00")
    assert result.total == D("78.32")


def test_undisturbed_sleep_in_is_the_allowance_alone() -> None:
    result = pay(sleep_in(date(2025, 6, 4)), SLEEP_RATES, sleep_in_allowances=ALLOWANCE)
    assert (result.basic, result.premium, result.sleep_in_allowance) == (D("0.00"), D("0.00"), D("60.00"))


def test_sleep_in_without_an_allowance_is_paid_hourly() -> None:
    result = pay(sleep_in(date(2025, 6, 4)), SLEEP_RATES)
    assert result.paid_minutes == 600
    assert result.basic == D("122.10")
    assert result.sleep_in_allowance == D("0.00")


def test_allowance_is_only_for_sleep_ins() -> None:
    shift = local_shift(date(2025, 6, 4), time(22), time(8), pa="a", shift_type=ShiftType.WAKING_NIGHT)
    result = pay(shift, sleep_in_allowances=ALLOWANCE)
    assert (result.basic, result.sleep_in_allowance) == (D("120.00"), D("0.00"))


def test_sleep_in_awake_across_the_autumn_change() -> None:
    night = sleep_in(date(2025, 10, 25), awake=[(time(1), time(1, 30))])  # the first 01:00-01:30
    result = pay(night, SLEEP_RATES, sleep_in_allowances=ALLOWANCE)
    assert result.paid_minutes == 30


# --- properties --------------------------------------------------------------------------------

pennies = st.integers(0, 5000).map(lambda p: Decimal(p) / 100)


@settings(max_examples=300, deadline=None)
@given(
    rate=pennies,
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    start=st.integers(0, 95).map(lambda q: time(q // 4, 15 * (q % 4))),
    minutes=st.integers(1, 24 * 60),
    brk=st.integers(0, 90),
    multiplier=st.integers(100, 300).map(lambda p: Decimal(p) / 100),
)
def test_basic_is_rate_times_exact_minutes(rate, day, start, minutes, brk, multiplier) -> None:
    try:
        first = local_shift(day, start, time(0, 1) if start == time(0) else time(0), pa="a")
    except ShiftError:
        return  # a start in the spring gap
    shift = Shift(pa="a", start=first.start, end=first.start + timedelta(minutes=minutes), break_minutes=min(brk, minutes - 1))
    result = pay(shift, [PayRate(START, None, rate)], [Enhancement(START, WEEKEND, multiplier=multiplier)], england)
    paid = minutes - shift.break_minutes
    assert result.basic == (rate * paid / 60).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    # The premium never exceeds (multiplier - 1) x basic for every minute, nor goes negative.
    ceiling = ((multiplier - 1) * rate * paid / 60).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert D("0.00") <= result.premium <= ceiling
    assert result.total == result.basic + result.premium + result.sleep_in_allowance
    assert result.basic.as_tuple().exponent == -2 and result.premium.as_tuple().exponent == -2
