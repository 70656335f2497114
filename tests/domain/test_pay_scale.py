"""The employer's pay scale: checking its steps, and the step a PA reaches on their work anniversary."""
from datetime import date
from decimal import Decimal

import pytest

from pa_manager import messages
from pa_manager.domain import pay_scale as p
from pa_manager.domain.compliance import DUE_SOON, OVERDUE
from pa_manager.domain.pay_scale import PayStep

SCALE = [PayStep(0, Decimal("12.71")), PayStep(1, Decimal("13.10")), PayStep(2, Decimal("13.50"))]


def flat(rate: str):
    return lambda _day: Decimal(rate)


def item(start, today, rate="13.10", steps=SCALE, leaving=None, within=30):
    return p.pay_step_item(7, "Leah Grant", start, leaving, flat(rate) if isinstance(rate, str) else rate, steps,
                           today, within)


def test_every_code_has_words():
    assert messages.missing_messages(p.CODES) == set()


# --- checking the steps ---

def test_a_good_scale_passes():
    assert p.check_steps(SCALE) == {}
    assert p.check_steps([]) == {}
    assert p.check_steps([PayStep(50, Decimal("20.00"))]) == {}


@pytest.mark.parametrize("years", [-1, 51, 100])
def test_years_from_0_to_50(years):
    assert p.check_steps([PayStep(years, Decimal("13.00"))]) == {"years_0": p.PAY_SCALE_YEARS_OUT_OF_RANGE}


def test_years_once_each():
    steps = [PayStep(1, Decimal("13.00")), PayStep(3, Decimal("14.00")), PayStep(1, Decimal("13.00"))]
    assert p.check_steps(steps) == {"years_2": p.PAY_SCALE_YEARS_REPEATED}


@pytest.mark.parametrize("rate", ["0", "-1.00", "0.00"])
def test_rate_above_nothing(rate):
    assert p.check_steps([PayStep(0, Decimal(rate))]) == {"rate_0": p.PAY_SCALE_RATE_NOT_POSITIVE}


def test_rate_in_whole_pence():
    assert p.check_steps([PayStep(0, Decimal("12.715"))]) == {"rate_0": p.PAY_SCALE_RATE_NOT_PENCE}


def test_rates_never_fall_as_years_rise_in_any_order():
    # Given out of order: the 3-year step pays less than the 1-year step, so the 3-year step is wrong.
    steps = [PayStep(3, Decimal("13.00")), PayStep(0, Decimal("12.71")), PayStep(1, Decimal("13.10"))]
    assert p.check_steps(steps) == {"rate_0": p.PAY_SCALE_RATE_FALLS}
    # An equal rate is no fall.
    assert p.check_steps([PayStep(0, Decimal("13.00")), PayStep(1, Decimal("13.00"))]) == {}


def test_rate_for_years_takes_the_highest_step_reached():
    assert p.rate_for_years(SCALE, 0) == Decimal("12.71")
    assert p.rate_for_years(SCALE, 1) == Decimal("13.10")
    assert p.rate_for_years(SCALE, 9) == Decimal("13.50")
    assert p.rate_for_years([PayStep(2, Decimal("14"))], 1) is None
    assert p.rate_for_years([], 5) is None


# --- the step on the anniversary ---

def test_due_soon_before_the_anniversary_with_the_rates():
    found = item(date(2025, 6, 1), date(2027, 5, 10))
    assert (found.code, found.due, found.status, found.pa_key) == (p.PAY_STEP_DUE, date(2027, 6, 1), DUE_SOON, 7)
    assert (found.param("years"), found.param("hourly_rate"), found.param("current_rate")) == (
        2, Decimal("13.50"), Decimal("13.10"))


def test_not_yet_in_view_before_the_window():
    # The second anniversary is 52 days away: the first (passed, rate already 13.10) is the one in view.
    assert item(date(2025, 6, 1), date(2027, 4, 10)) is None


def test_on_the_day_and_overdue_after_until_the_rate_is_raised():
    assert item(date(2025, 6, 1), date(2027, 6, 1)).status == DUE_SOON
    late = item(date(2025, 6, 1), date(2027, 8, 1))
    assert (late.due, late.status) == (date(2027, 6, 1), OVERDUE)
    # Raised from the anniversary: nothing to do.
    raised = item(date(2025, 6, 1), date(2027, 8, 1),
                  rate=lambda day: Decimal("13.50") if day >= date(2027, 6, 1) else Decimal("13.10"))
    assert raised is None


def test_first_anniversary_ahead_then_passed():
    start = date(2026, 9, 15)
    assert item(start, date(2027, 7, 1), rate="12.71") is None  # 76 days to go
    ahead = item(start, date(2027, 9, 1), rate="12.71")
    assert (ahead.due, ahead.param("years"), ahead.param("hourly_rate"), ahead.status) == (
        date(2027, 9, 15), 1, Decimal("13.10"), DUE_SOON)
    passed = item(start, date(2027, 10, 1), rate="12.71")
    assert (passed.due, passed.status) == (date(2027, 9, 15), OVERDUE)


def test_a_wider_window_shows_it_earlier_as_ok_when_asked():
    found = item(date(2025, 6, 1), date(2027, 3, 1), within=100)
    assert found.due == date(2027, 6, 1) and found.status == DUE_SOON
    assert item(date(2025, 6, 1), date(2027, 3, 1), within=0) is None


def test_rate_already_at_or_above_the_step():
    assert item(date(2025, 6, 1), date(2027, 5, 10), rate="13.50") is None
    assert item(date(2025, 6, 1), date(2027, 5, 10), rate="14.00") is None  # never a pay cut


def test_no_scale_no_start_no_rate():
    assert item(date(2025, 6, 1), date(2027, 5, 10), steps=[]) is None
    assert item(None, date(2027, 5, 10)) is None
    assert item(date(2025, 6, 1), date(2027, 5, 10), rate=lambda _day: None) is None


def test_no_step_at_the_start_itself():
    # The 0-year step above the rate a new PA is paid is not an anniversary.
    assert item(date(2027, 5, 20), date(2027, 5, 10), rate="12.00") is None
    assert item(date(2027, 5, 1), date(2027, 5, 10), rate="12.00") is None


def test_leavers():
    # Left already, or leaving before the anniversary: nothing.
    assert item(date(2025, 6, 1), date(2027, 5, 10), leaving=date(2027, 5, 1)) is None
    assert item(date(2025, 6, 1), date(2027, 5, 10), leaving=date(2027, 5, 31)) is None
    # Leaving on or after it: still due.
    assert item(date(2025, 6, 1), date(2027, 5, 10), leaving=date(2027, 6, 1)).due == date(2027, 6, 1)


def test_anniversary_of_a_29_february_start():
    start = date(2024, 2, 29)
    # In a year without 29 February the anniversary is 1 March: not yet reached on 28 February.
    found = item(start, date(2025, 2, 20), rate="12.71")
    assert (found.due, found.param("years")) == (date(2025, 3, 1), 1)
    assert item(start, date(2025, 2, 27), rate="12.71", within=1) is None
    assert item(start, date(2025, 2, 28), rate="12.71", within=1).due == date(2025, 3, 1)
    # In a leap year it is 29 February itself.
    assert item(start, date(2028, 2, 10), rate="13.50", steps=[*SCALE, PayStep(4, Decimal("14.00"))]).due == date(
        2028, 2, 29)


def test_the_latest_anniversary_and_its_step():
    # Ten years in, the scale's top step (2 years) applies.
    found = item(date(2017, 6, 1), date(2027, 5, 20), rate="13.00")
    assert (found.due, found.param("years"), found.param("hourly_rate")) == (date(2027, 6, 1), 10, Decimal("13.50"))


def test_a_window_past_the_last_date_there_is():
    found = item(date(2025, 6, 1), date(2027, 5, 10), within=10**7)
    assert found is not None and found.status == DUE_SOON


def test_the_sentence():
    from pa_manager.wording import due_item_sentence

    found = item(date(2025, 6, 1), date(2027, 5, 10))
    assert due_item_sentence(found, date(2027, 5, 10))[1] == (
        "Due in 22 days (1 June 2027): Add a new hourly rate for Leah Grant on the People page: from 1 June 2027, "
        "after 2 years with you, your pay scale says £13.50 an hour (now £13.10).")
    one = item(date(2026, 6, 1), date(2027, 5, 10), rate="12.71")
    assert "from 1 June 2027, after 1 year with you" in due_item_sentence(one, date(2027, 5, 10))[1]


# --- the scale paid in pay runs (steps_paid, with_steps) ---

from pa_manager.domain.pay_rates import PayRate, base_rate_on, rate_for  # noqa: E402
from pa_manager.domain.shifts import ShiftType  # noqa: E402

START = date(2025, 6, 1)


def own(*pairs):
    return [PayRate(day, None, Decimal(rate)) for day, rate in pairs]


def paid(rates, steps=SCALE, start=START):
    return [(s.on, s.years, str(s.hourly_rate)) for s in p.steps_paid(rates, steps, start)]


def test_each_anniversary_brings_its_step_when_above_their_own_rate():
    assert paid(own((START, "12.71"))) == [(date(2026, 6, 1), 1, "13.10"), (date(2027, 6, 1), 2, "13.50")]


def test_a_step_at_nought_years_raises_a_starter_below_it_from_the_start():
    assert paid(own((START, "12.50")))[0] == (START, 0, "12.71")


def test_their_own_higher_rate_is_kept_never_cut():
    assert paid(own((START, "14.00"))) == []
    # Above the first step, below the second: only the second is paid.
    assert paid(own((START, "13.20"))) == [(date(2027, 6, 1), 2, "13.50")]


def test_a_later_own_rate_below_the_step_reached_is_raised_to_the_step():
    rates = own((START, "12.71"), (date(2027, 9, 1), "13.20"))
    assert paid(rates)[-1] == (date(2027, 9, 1), 2, "13.50")
    scaled = p.with_steps(rates, SCALE, START)
    assert base_rate_on(scaled, date(2027, 8, 31)) == Decimal("13.50")
    assert base_rate_on(scaled, date(2027, 9, 1)) == Decimal("13.50")


def test_a_later_own_rate_above_the_step_is_paid():
    scaled = p.with_steps(own((START, "12.71"), (date(2027, 9, 1), "14.00")), SCALE, START)
    assert base_rate_on(scaled, date(2027, 9, 1)) == Decimal("14.00")


def test_rates_by_day_across_anniversaries():
    scaled = p.with_steps(own((START, "12.71")), SCALE, START)
    assert base_rate_on(scaled, date(2026, 5, 31)) == Decimal("12.71")
    assert base_rate_on(scaled, date(2026, 6, 1)) == Decimal("13.10")
    assert base_rate_on(scaled, date(2027, 5, 31)) == Decimal("13.10")
    assert base_rate_on(scaled, date(2040, 1, 1)) == Decimal("13.50")


def test_a_leap_day_start_steps_up_on_1_march():
    start = date(2024, 2, 29)
    assert paid(own((start, "12.71")), start=start)[0] == (date(2025, 3, 1), 1, "13.10")


def test_a_rate_for_one_shift_type_stays_as_set():
    rates = [*own((START, "12.71")), PayRate(START, ShiftType.WAKING_NIGHT, Decimal("13.00"))]
    scaled = p.with_steps(rates, SCALE, START)
    assert rate_for(scaled, ShiftType.WAKING_NIGHT, date(2027, 7, 1)) == Decimal("13.00")
    assert rate_for(scaled, ShiftType.STANDARD, date(2027, 7, 1)) == Decimal("13.50")


def test_no_scale_or_no_start_date_leaves_the_rates_as_they_are():
    rates = own((START, "12.71"))
    assert p.with_steps(rates, [], START) == tuple(rates)
    assert p.with_steps(rates, SCALE, None) == tuple(rates)


def test_their_own_rate_on_an_anniversary_is_replaced_not_doubled():
    rates = own((START, "12.71"), (date(2026, 6, 1), "12.90"))
    scaled = p.with_steps(rates, SCALE, START)
    assert [r.hourly_rate for r in scaled if r.effective_from == date(2026, 6, 1)] == [Decimal("13.10")]


def test_no_base_rate_yet_takes_the_step():
    assert paid([])[0] == (START, 0, "12.71")
