"""domain.working_time: each rule of the Working Time Regulations 1998 the app warns of, at, just over
and just under its limit, across midnight and both clock changes. Expected figures are worked by hand
from the regulations' numbers (48 hours over 17 weeks, 11 and 12 hours' daily rest, 24 and 48 hours'
weekly rest, 20 minutes after 6 hours, 30 after 4.5, 8 a day and 40 a week for a young worker)."""
from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from pa_manager.domain import working_time as wt
from pa_manager.domain.shifts import ShiftType, local_date, local_shift, london_instant, paid_minutes

PA = 1
MONDAY = date(2026, 6, 1)  # a Monday in summer time, far from either clock change
ADULT = date(1990, 5, 5)


def shift(day, start, end, *, key=None, kind=ShiftType.STANDARD, brk=0):
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return local_shift(day, time(h1, m1), time(h2, m2), pa=PA, shift_type=kind, break_minutes=brk,
                       key=key or f"{day}:{start}")


def check(shifts, first=MONDAY, last=None, **kw):
    return wt.check_working_time(shifts, first, last or first + timedelta(days=6), pa=PA, **kw)


def codes(findings):
    return [(f.code, f.day) for f in findings]


def day(n):
    return MONDAY + timedelta(days=n)


# --- figures come from the rates data ---------------------------------------------------------------

def test_limits_are_the_regulations_figures_in_minutes():
    limits = wt.limits_on(date(2026, 12, 3))
    assert (limits.weekly_max, limits.reference_weeks, limits.daily_rest, limits.weekly_rest, limits.fortnight_rest,
            limits.break_after, limits.break_minutes) == (48 * 60, 17, 11 * 60, 24 * 60, 48 * 60, 6 * 60, 20)
    assert (limits.young_age, limits.young_daily_max, limits.young_weekly_max, limits.young_daily_rest,
            limits.young_weekly_rest, limits.young_break_after, limits.young_break_minutes) == (
        18, 8 * 60, 40 * 60, 12 * 60, 48 * 60, 270, 30)
    assert limits.sleep_in_counts is True


# --- breaks (reg 12) -------------------------------------------------------------------------------

def test_a_shift_of_exactly_six_hours_worked_needs_no_break():
    assert check([shift(day(0), "09:00", "15:00")]) == []


def test_a_shift_over_six_hours_without_twenty_minutes_break_is_found():
    [found] = check([shift(day(0), "09:00", "15:30", brk=15, key="a")])
    assert (found.code, found.day, found.found, found.limit, found.shifts) == (
        wt.BREAK_SHORT, day(0), Decimal(15), Decimal(20), ("a",))


def test_a_twenty_minute_break_is_enough_and_the_break_is_not_working_time():
    assert check([shift(day(0), "09:00", "17:00", brk=20)]) == []
    # 6 h 10 min on shift, 10 minutes' break: exactly 6 hours' working time, so no break was due.
    assert check([shift(day(0), "09:00", "15:10", brk=10)]) == []


def test_holiday_and_sickness_are_not_working_time():
    assert check([shift(day(0), "08:00", "20:00", kind=ShiftType.HOLIDAY),
                  shift(day(1), "08:00", "20:00", kind=ShiftType.SICKNESS)]) == []


def test_a_young_worker_needs_thirty_minutes_after_four_and_a_half_hours():
    born = date(2009, 1, 1)  # 17 in June 2026
    assert check([shift(day(0), "09:00", "13:30")], date_of_birth=born) == []
    [found] = check([shift(day(0), "09:00", "13:31", brk=0)], date_of_birth=born)
    assert (found.code, found.limit) == (wt.BREAK_SHORT, Decimal(30))
    [found] = check([shift(day(0), "09:00", "14:00", brk=20)], date_of_birth=born)
    assert (found.code, found.found, found.limit) == (wt.BREAK_SHORT, Decimal(20), Decimal(30))
    assert check([shift(day(0), "09:00", "14:00", brk=30)], date_of_birth=born) == []


def test_the_young_limits_stop_on_the_eighteenth_birthday():
    born = date(2008, 6, 3)  # 18 on Wednesday 3 June 2026
    shifts = [shift(day(1), "09:00", "14:00", brk=20, key="tue"), shift(day(2), "09:00", "14:00", brk=20, key="wed")]
    assert [(f.code, f.day) for f in check(shifts, date_of_birth=born) if f.code == wt.BREAK_SHORT] == [
        (wt.BREAK_SHORT, day(1))]


# --- daily rest (reg 10) ---------------------------------------------------------------------------

def test_exactly_eleven_hours_between_shifts_is_enough():
    assert check([shift(day(0), "12:00", "21:00", brk=30), shift(day(1), "08:00", "12:00")]) == []


def test_ten_hours_between_a_late_and_an_early_is_found_on_the_day_the_rest_begins():
    found = check([shift(day(0), "12:00", "22:00", brk=30, key="late"), shift(day(1), "08:00", "12:00", key="early")])
    assert codes(found) == [(wt.DAILY_REST_SHORT, day(0))]
    assert (found[0].found, found[0].limit, found[0].shifts) == (Decimal("10.00"), Decimal("11.00"), ("late", "early"))


def test_a_working_day_may_span_thirteen_hours():
    # 07:00-20:00 less a break, then 07:00 the next day: the 24 hours from 07:00 hold 11 hours' rest.
    shifts = [shift(day(0), "07:00", "20:00", brk=30, key="a"), shift(day(1), "07:00", "12:00", key="c")]
    assert check(shifts) == []
    # Ending a minute later leaves 10 hours 59 minutes, even though 12 hours follow before the next shift.
    shifts = [shift(day(0), "07:00", "20:01", brk=30, key="a")]
    [found] = check(shifts)
    assert (found.code, found.day, found.found, found.shifts) == (wt.DAILY_REST_SHORT, day(0), Decimal("10.98"), ("a",))


def test_work_split_up_over_an_adults_day_is_outside_the_daily_rest_rule_but_not_a_young_workers():
    # A morning and an evening visit every day: 9 hours' rest at most, but reg 22(1)(c) leaves split work
    # out of the daily rest rule for an adult (with compensatory rest, reg 24).
    shifts = [s for d in range(3) for s in (shift(day(d), "07:00", "10:00", key=f"am{d}"),
                                            shift(day(d), "19:00", "22:00", key=f"pm{d}"))]
    assert check(shifts) == []
    young = [f for f in check(shifts, date_of_birth=date(2009, 1, 1)) if f.code == wt.DAILY_REST_SHORT]
    assert [(f.day, f.found, f.limit) for f in young] == [(day(d), Decimal("9.00"), Decimal("12.00")) for d in range(3)]


def test_a_night_across_midnight_then_an_evening_shift():
    # 22:00-07:00 waking night, then 17:00-22:00 the next day: 10 hours' rest from 07:00 to 17:00.
    found = check([shift(day(0), "22:00", "07:00", brk=30, kind=ShiftType.WAKING_NIGHT, key="night"),
                   shift(day(1), "17:00", "22:00", key="eve")])
    assert codes(found) == [(wt.DAILY_REST_SHORT, day(0))]
    assert found[0].found == Decimal("10.00")


def test_a_sleep_in_counts_as_working_time_so_a_day_after_it_leaves_too_little_rest():
    found = check([shift(day(0), "22:00", "08:00", kind=ShiftType.SLEEP_IN, key="sleep"),
                   shift(day(1), "09:00", "17:00", brk=30, key="day")])
    assert (wt.DAILY_REST_SHORT, day(0)) in codes(found)


def test_daily_rest_in_real_time_across_the_october_clock_change():
    # Clocks go back at 02:00 on Sunday 25 October 2026: 22:00 Saturday to 08:00 Sunday is 11 hours.
    sat, sun = date(2026, 10, 24), date(2026, 10, 25)
    assert check([shift(sat, "14:00", "22:00", brk=30), shift(sun, "08:00", "12:00")], first=date(2026, 10, 19)) == []
    [found] = check([shift(sat, "14:00", "22:00", brk=30), shift(sun, "07:00", "12:00")], first=date(2026, 10, 19))
    assert (found.code, found.found) == (wt.DAILY_REST_SHORT, Decimal("10.00"))


def test_daily_rest_in_real_time_across_the_march_clock_change():
    # Clocks go forward at 01:00 on Sunday 29 March 2026: 21:00 Saturday to 08:00 Sunday is only 10 hours.
    sat, sun = date(2026, 3, 28), date(2026, 3, 29)
    [found] = check([shift(sat, "13:00", "21:00", brk=30), shift(sun, "08:00", "12:00")], first=date(2026, 3, 23))
    assert (found.code, found.day, found.found) == (wt.DAILY_REST_SHORT, sat, Decimal("10.00"))
    assert check([shift(sat, "13:00", "21:00", brk=30), shift(sun, "09:00", "12:00")], first=date(2026, 3, 23)) == []


def test_a_young_worker_needs_twelve_hours():
    born = date(2009, 1, 1)
    shifts = [shift(day(0), "10:00", "14:00"), shift(day(1), "01:30", "02:00")]  # 11.5 hours between
    assert codes(check(shifts)) == []
    [found] = [f for f in check(shifts, date_of_birth=born) if f.code == wt.DAILY_REST_SHORT]
    assert (found.found, found.limit) == (Decimal("11.50"), Decimal("12.00"))


# --- weekly rest (reg 11) --------------------------------------------------------------------------

def seven_days(start="08:00", end="18:00", days=range(7), brk=30):
    return [shift(day(i), start, end, brk=brk, key=f"d{i}") for i in days]


def test_a_day_off_a_week_is_enough():
    assert check(seven_days(days=range(6))) == []


def test_seven_days_on_without_24_hours_rest_is_found_for_the_week():
    found = check(seven_days(), last=day(6))
    assert codes(found) == [(wt.WEEKLY_REST_SHORT, MONDAY)]
    assert (found[0].found, found[0].limit) == (Decimal("14.00"), Decimal("24.00"))


def test_a_fortnight_with_one_48_hour_rest_makes_up_for_a_week_without_one():
    # Week 1: every day; week 2: Monday to Wednesday, then Thursday on off: one rest of 4+ days.
    shifts = seven_days() + [shift(day(7 + i), "08:00", "18:00", brk=30) for i in range(3)]
    assert [f for f in check(shifts, last=day(13)) if f.code == wt.WEEKLY_REST_SHORT] == []


def test_exactly_24_hours_rest_is_enough():
    # Off from 08:00 Sunday to 08:00 Monday (the next week): no, inside this week: off 18:00 Saturday
    # (after a short day) to 18:00 Sunday.
    shifts = seven_days(days=range(5)) + [shift(day(5), "08:00", "18:00", brk=30), shift(day(6), "18:00", "23:00")]
    assert check(shifts) == []
    shifts[-1] = shift(day(6), "17:59", "23:00")
    assert codes(check(shifts)) == [(wt.WEEKLY_REST_SHORT, MONDAY)]


def test_a_young_worker_needs_48_hours_rest_in_the_week():
    born = date(2009, 1, 1)
    five = [shift(day(i), "09:00", "15:00", brk=30) for i in range(5)]  # off Saturday and Sunday
    assert check(five, date_of_birth=born) == []
    six = five + [shift(day(5), "09:00", "13:00")]
    [found] = [f for f in check(six, date_of_birth=born) if f.code == wt.WEEKLY_REST_SHORT]
    assert found.limit == Decimal("48.00")


# --- a young worker's hours (reg 5A) ---------------------------------------------------------------

def test_a_young_worker_may_work_eight_hours_a_day_and_forty_a_week():
    born = date(2009, 1, 1)
    five = [shift(day(i), "09:00", "17:30", brk=30) for i in range(5)]  # 8 a day, 40 a week
    assert check(five, date_of_birth=born) == []
    longer = five[:4] + [shift(day(4), "09:00", "17:45", brk=30, key="fri")]
    found = check(longer, date_of_birth=born)
    assert codes(found) == [(wt.YOUNG_WEEK_OVER, MONDAY), (wt.YOUNG_DAY_OVER, day(4))]
    assert [f.found for f in found] == [Decimal("40.25"), Decimal("8.25")]


def test_an_adult_may_work_longer_days():
    assert check([shift(day(0), "08:00", "20:00", brk=30)]) == []


# --- the 48-hour average (reg 4) -------------------------------------------------------------------

FIRST = date(2026, 1, 5)  # a Monday; the 17 weeks from it end on Sunday 3 May 2026


def weeks_of(hours_a_day, weeks=17, first=FIRST, days=range(5)):
    end = f"{8 + hours_a_day // 1:02.0f}:{int(hours_a_day % 1 * 60):02d}"
    return [shift(first + timedelta(weeks=w, days=d), "08:00", end, brk=20, key=f"w{w}d{d}")
            for w in range(weeks) for d in days]


def test_48_hours_a_week_on_average_is_the_limit_not_over_it():
    # 9 h 52 min a day less a 20-minute break: 9.6 hours a day, 48 a week.
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "17:56", brk=20) for w in range(17) for d in range(5)]
    assert [f for f in check(shifts, first=FIRST, last=date(2026, 5, 3)) if f.code == wt.WEEKLY_AVERAGE_OVER] == []


def test_an_average_over_48_is_found_with_the_period():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=20) for w in range(17) for d in range(5)]
    [found] = [f for f in check(shifts, first=FIRST, last=date(2026, 5, 3)) if f.code == wt.WEEKLY_AVERAGE_OVER]
    assert (found.first, found.day, found.found, found.limit) == (FIRST, date(2026, 5, 3), Decimal("50.00"),
                                                                  Decimal("48.00"))
    assert len(found.shifts) == 85


def test_one_long_week_in_seventeen_does_not_break_the_average():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "16:20", brk=20) for w in range(17) for d in range(5)]
    shifts += [shift(FIRST + timedelta(weeks=3, days=5), "08:00", "20:00"), shift(FIRST + timedelta(weeks=3, days=6), "08:00", "20:00")]
    assert [f for f in check(shifts, first=FIRST, last=date(2026, 5, 3)) if f.code == wt.WEEKLY_AVERAGE_OVER] == []


def test_a_signed_opt_out_means_no_average_warning():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=20) for w in range(17) for d in range(5)]
    kinds = {f.code for f in check(shifts, first=FIRST, last=date(2026, 5, 3), opt_out_signed=date(2025, 12, 1))}
    assert wt.WEEKLY_AVERAGE_OVER not in kinds
    # Signed after the period ended: the period still counts.
    kinds = {f.code for f in check(shifts, first=FIRST, last=date(2026, 5, 3), opt_out_signed=date(2026, 5, 4))}
    assert wt.WEEKLY_AVERAGE_OVER in kinds


def test_a_period_without_all_17_weeks_known_is_not_averaged():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=20) for w in range(17) for d in range(5)]
    assert wt.WEEKLY_AVERAGE_OVER not in {f.code for f in check(shifts, first=FIRST + timedelta(days=1),
                                                                  last=date(2026, 5, 3))}


def test_a_new_starter_is_averaged_over_the_weeks_since_they_started():
    start = date(2026, 4, 6)  # four weeks to Sunday 3 May
    shifts = [shift(start + timedelta(weeks=w, days=d), "08:00", "18:20", brk=20) for w in range(4) for d in range(5)]
    [found] = [f for f in check(shifts, first=FIRST, last=date(2026, 5, 3), start_date=start)
               if f.code == wt.WEEKLY_AVERAGE_OVER]
    assert (found.first, found.found) == (start, Decimal("50.00"))


def test_holiday_days_are_made_up_with_the_days_worked_after_the_period():
    # 16 weeks of 50 hours and a week's holiday (5 days): 800 / 17 = 47.06 on its face, but reg 4(7) adds
    # the hours of the first 5 days worked after the period: (800 + 50) / 17 = 50.
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=20) for w in range(17) for d in range(5)
              if w != 8]
    shifts += [shift(FIRST + timedelta(weeks=8, days=d), "09:00", "17:00", kind=ShiftType.HOLIDAY) for d in range(5)]
    last = date(2026, 5, 3)
    assert wt.WEEKLY_AVERAGE_OVER not in {f.code for f in check(shifts, first=FIRST, last=last)}
    after = [shift(last + timedelta(days=1 + d), "08:00", "18:20", brk=20) for d in range(5)]
    [found] = [f for f in check(shifts + after, first=FIRST, last=last) if f.code == wt.WEEKLY_AVERAGE_OVER]
    assert found.found == Decimal("50.00")


def test_a_young_worker_is_not_averaged_their_week_is_capped_instead():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=30) for w in range(17) for d in range(5)]
    found = {f.code for f in check(shifts, first=FIRST, last=date(2026, 5, 3), date_of_birth=date(2010, 1, 1))}
    assert wt.WEEKLY_AVERAGE_OVER not in found and wt.YOUNG_WEEK_OVER in found


def test_a_sleep_in_counts_in_full_towards_the_average():
    # Four 10-hour days and four 10-hour sleep-ins a week: 80 hours of working time a week.
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:30", brk=30) for w in range(17) for d in range(4)]
    shifts += [shift(FIRST + timedelta(weeks=w, days=d), "22:00", "08:00", kind=ShiftType.SLEEP_IN)
               for w in range(17) for d in range(4)]
    [found] = [f for f in check(shifts, first=FIRST, last=date(2026, 5, 3)) if f.code == wt.WEEKLY_AVERAGE_OVER]
    assert found.found == Decimal("80.00")


def test_a_quiet_sleep_in_needs_no_break_but_one_awake_over_six_hours_does():
    quiet = shift(day(0), "22:00", "08:00", kind=ShiftType.SLEEP_IN)
    assert check([quiet]) == []
    h = lambda d, hh, mm: london_instant(d, time(hh, mm))  # noqa: E731
    busy = local_shift(day(0), time(22, 0), time(8, 0), pa=PA, shift_type=ShiftType.SLEEP_IN, key="busy",
                       awake=[(time(23, 0), time(5, 1))])
    assert h(day(1), 5, 1) == busy.awake[0][1]
    [found] = check([busy])
    assert (found.code, found.found, found.limit) == (wt.BREAK_SHORT, Decimal(0), Decimal(20))


def test_findings_touching_a_shift():
    found = check([shift(day(0), "12:00", "22:00", brk=30, key="late"), shift(day(1), "08:00", "16:00", key="early")])
    assert [f.code for f in wt.findings_touching(found, "early")] == [wt.DAILY_REST_SHORT, wt.BREAK_SHORT]
    assert wt.findings_touching(found, "other") == []


@pytest.mark.parametrize("born, young", [(date(2008, 6, 2), False), (date(2008, 6, 3), True), (None, False)])
def test_is_young_on_a_day(born, young):
    assert wt.is_young(born, date(2026, 6, 2), wt.limits_on(date(2026, 6, 2))) is young


def test_report_from_leaves_out_earlier_days_but_not_the_average():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=10, key=f"w{w}d{d}")
              for w in range(17) for d in range(7)]  # no day off, short breaks, 50+ hours a week
    last = date(2026, 5, 3)
    everything = check(shifts, first=FIRST, last=last)
    since = date(2026, 4, 27)
    recent = check(shifts, first=FIRST, last=last, report_from=since)
    assert recent == [f for f in everything if f.day >= since or f.code == wt.WEEKLY_AVERAGE_OVER]
    assert {f.code for f in recent} == {wt.BREAK_SHORT, wt.WEEKLY_REST_SHORT, wt.WEEKLY_AVERAGE_OVER}
    assert len(everything) > len(recent)


def test_days_given_as_totals_count_as_their_shifts_would():
    shifts = [shift(FIRST + timedelta(weeks=w, days=d), "08:00", "18:20", brk=10, key=f"w{w}d{d}")
              for w in range(17) for d in range(6) if w != 2]
    shifts += [shift(FIRST + timedelta(weeks=2, days=d), "09:00", "17:00", kind=ShiftType.HOLIDAY) for d in range(5)]
    shifts += [shift(date(2026, 5, 4) + timedelta(days=d), "08:00", "18:20", brk=10) for d in range(5)]
    last, since = date(2026, 5, 10), date(2026, 4, 27)
    until = since - timedelta(days=7)
    earlier = [s for s in shifts if local_date(s) < until]
    minutes = {}
    for s in earlier:
        if s.shift_type is not ShiftType.HOLIDAY:
            minutes[local_date(s)] = minutes.get(local_date(s), 0) + paid_minutes(s)
    totals = wt.DayTotals(until, minutes, frozenset(local_date(s) for s in earlier if s.shift_type is ShiftType.HOLIDAY))
    later = [s for s in shifts if local_date(s) >= until - timedelta(days=1)]
    whole = check(shifts, first=FIRST, last=last, report_from=since)
    summed = check(later, first=FIRST, last=last, report_from=since, totals=totals)
    assert [(f.code, f.day, f.found) for f in summed] == [(f.code, f.day, f.found) for f in whole]
    assert wt.WEEKLY_AVERAGE_OVER in {f.code for f in summed}
