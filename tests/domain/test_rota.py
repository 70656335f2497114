import random
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.rota import (
    MONDAY,
    SATURDAY,
    SUNDAY,
    WEEKDAYS,
    Cancellation,
    Cover,
    RotaPattern,
    apply_changes,
    describe,
    pattern_dates,
    planned_shifts,
    rota_shifts,
)
from pa_manager.domain.shifts import (
    LONDON,
    ShiftError,
    ShiftType,
    local_date,
    local_shift,
    paid_minutes,
)

UTC = timezone.utc


def mornings(**overrides) -> RotaPattern:
    fields = dict(
        name="Morning PA", pa="morning", start=time(8), end=time(12),
        weekdays=WEEKDAYS, starts_on=date(2025, 3, 24),
    )
    fields.update(overrides)
    return RotaPattern(**fields)


def weekend_sleep_in(**overrides) -> RotaPattern:
    fields = dict(
        name="Weekend PA", pa="weekend", start=time(22), end=time(8), weekdays={SATURDAY},
        interval=2, starts_on=date(2025, 10, 11), shift_type=ShiftType.SLEEP_IN,
    )
    fields.update(overrides)
    return RotaPattern(**fields)


def local_times(shift) -> tuple[datetime, datetime]:
    return shift.start.astimezone(LONDON).replace(tzinfo=None), shift.end.astimezone(LONDON).replace(tzinfo=None)


# --- Mon-Fri mornings --------------------------------------------------------------------------


def test_mon_to_fri_mornings_across_spring_change() -> None:
    shifts = planned_shifts(mornings(), date(2025, 3, 24), date(2025, 4, 6))
    assert [local_date(s) for s in shifts] == [
        date(2025, 3, 24), date(2025, 3, 25), date(2025, 3, 26), date(2025, 3, 27), date(2025, 3, 28),
        date(2025, 3, 31), date(2025, 4, 1), date(2025, 4, 2), date(2025, 4, 3), date(2025, 4, 4),
    ]
    # Same wall-clock times either side of 30 March; the UTC instants move by an hour.
    for shift in shifts:
        start, end = local_times(shift)
        assert (start.time(), end.time()) == (time(8), time(12))
        assert paid_minutes(shift) == 240
        assert shift.pa == "morning"
        assert shift.shift_type is ShiftType.STANDARD
    assert shifts[4].start == datetime(2025, 3, 28, 8, tzinfo=UTC)
    assert shifts[5].start == datetime(2025, 3, 31, 7, tzinfo=UTC)


def test_mornings_across_autumn_change() -> None:
    shifts = planned_shifts(mornings(starts_on=date(2025, 10, 20)), date(2025, 10, 23), date(2025, 10, 28))
    assert [local_date(s) for s in shifts] == [date(2025, 10, 23), date(2025, 10, 24), date(2025, 10, 27), date(2025, 10, 28)]
    assert [s.start.hour for s in shifts] == [7, 7, 8, 8]
    assert all(local_times(s)[0].time() == time(8) for s in shifts)


def test_nothing_before_the_pattern_starts() -> None:
    assert planned_shifts(mornings(), date(2025, 3, 1), date(2025, 3, 23)) == []


def test_until_is_inclusive() -> None:
    pattern = mornings(until=date(2025, 3, 26))
    assert pattern_dates(pattern, date(2025, 3, 1), date(2025, 4, 30)) == [
        date(2025, 3, 24), date(2025, 3, 25), date(2025, 3, 26),
    ]


def test_range_is_inclusive_both_ends() -> None:
    assert pattern_dates(mornings(), date(2025, 3, 25), date(2025, 3, 25)) == [date(2025, 3, 25)]


def test_pattern_over_leap_day() -> None:
    pattern = mornings(weekdays={MONDAY, SATURDAY}, starts_on=date(2024, 2, 19))
    assert pattern_dates(pattern, date(2024, 2, 24), date(2024, 3, 4)) == [
        date(2024, 2, 24), date(2024, 2, 26), date(2024, 3, 2), date(2024, 3, 4),
    ]
    thursdays = mornings(weekdays={3}, starts_on=date(2024, 2, 1))
    assert date(2024, 2, 29) in pattern_dates(thursdays, date(2024, 2, 1), date(2024, 3, 31))


# --- every other weekend -----------------------------------------------------------------------


def test_every_other_weekend_sleep_in() -> None:
    shifts = planned_shifts(weekend_sleep_in(), date(2025, 10, 1), date(2025, 11, 30))
    assert [local_date(s) for s in shifts] == [
        date(2025, 10, 11), date(2025, 10, 25), date(2025, 11, 8), date(2025, 11, 22),
    ]
    for shift in shifts:
        start, end = local_times(shift)
        assert start.time() == time(22) and end.time() == time(8)
        assert end.date() == start.date() + timedelta(days=1)  # Sunday morning
        assert shift.shift_type is ShiftType.SLEEP_IN
    # The night of 25 October 2025 has the extra hour.
    assert [paid_minutes(s) for s in shifts] == [600, 660, 600, 600]


def test_every_other_weekend_keeps_its_phase_from_a_later_start() -> None:
    # Asking from an off-week still lands on the pattern's fortnights.
    assert pattern_dates(weekend_sleep_in(), date(2025, 10, 13), date(2025, 11, 10)) == [
        date(2025, 10, 25), date(2025, 11, 8),
    ]


def test_interval_counts_from_the_week_of_the_start_date() -> None:
    # Starting on a Wednesday: that week's Saturday is the first.
    pattern = weekend_sleep_in(starts_on=date(2025, 10, 8))
    assert pattern_dates(pattern, date(2025, 10, 1), date(2025, 11, 9)) == [
        date(2025, 10, 11), date(2025, 10, 25), date(2025, 11, 8),
    ]
    # Starting on a Sunday: that week's Saturday has passed, so two weeks on.
    pattern = weekend_sleep_in(starts_on=date(2025, 10, 12))
    assert pattern_dates(pattern, date(2025, 10, 1), date(2025, 11, 9)) == [date(2025, 10, 25), date(2025, 11, 8)]


def test_every_other_weekend_saturday_and_sunday_days() -> None:
    pattern = RotaPattern(
        name="Weekend days", pa="weekend", start=time(9), end=time(17), weekdays={SATURDAY, SUNDAY},
        interval=2, starts_on=date(2026, 3, 16),
    )
    shifts = planned_shifts(pattern, date(2026, 3, 16), date(2026, 4, 30))
    assert [local_date(s) for s in shifts] == [
        date(2026, 3, 21), date(2026, 3, 22), date(2026, 4, 4), date(2026, 4, 5),
        date(2026, 4, 18), date(2026, 4, 19),
    ]
    assert all(paid_minutes(s) == 480 for s in shifts)


def test_spring_change_night_in_2026() -> None:
    pattern = weekend_sleep_in(starts_on=date(2026, 3, 28), interval=1)
    shifts = planned_shifts(pattern, date(2026, 3, 21), date(2026, 4, 4))
    assert [local_date(s) for s in shifts] == [date(2026, 3, 28), date(2026, 4, 4)]
    assert [paid_minutes(s) for s in shifts] == [540, 600]


def test_pattern_time_in_the_spring_gap_moves_forward() -> None:
    pattern = RotaPattern(
        name="Early", pa="a", start=time(1, 30), end=time(7), weekdays=set(range(7)), starts_on=date(2025, 3, 29),
    )
    shifts = planned_shifts(pattern, date(2025, 3, 29), date(2025, 3, 31))
    assert [paid_minutes(s) for s in shifts] == [330, 270, 330]
    assert local_times(shifts[1])[0].time() == time(2, 30)


def test_rota_shifts_merges_patterns_in_start_order() -> None:
    evening = mornings(name="Evening", pa="evening", start=time(17), end=time(21))
    shifts = rota_shifts([evening, mornings()], date(2025, 3, 24), date(2025, 3, 25))
    assert [s.pa for s in shifts] == ["morning", "evening", "morning", "evening"]


# --- pattern validity and description ----------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        (dict(weekdays=set()), "ROTA_NO_WEEKDAYS"),
        (dict(weekdays={7}), "ROTA_BAD_WEEKDAY"),
        (dict(interval=0), "ROTA_BAD_INTERVAL"),
        (dict(until=date(2025, 3, 23)), "ROTA_UNTIL_BEFORE_START"),
        (dict(end=time(8)), "SHIFT_START_EQUALS_END"),
        (dict(break_minutes=-5), "SHIFT_BREAK_INVALID"),
    ],
)
def test_bad_patterns_are_refused(overrides, code) -> None:
    with pytest.raises(ShiftError) as raised:
        mornings(**overrides)
    assert raised.value.code == code


def test_describe_is_data() -> None:
    description = describe(weekend_sleep_in())
    assert description.weekdays == (SATURDAY,)
    assert description.interval == 2
    assert description.overnight is True
    assert description.shift_type is ShiftType.SLEEP_IN
    plain = describe(mornings())
    assert plain.weekdays == (0, 1, 2, 3, 4)
    assert plain.interval == 1
    assert plain.overnight is False
    assert (plain.start, plain.end) == (time(8), time(12))


# --- cancellations and cover -------------------------------------------------------------------


def week_of_mornings():
    return planned_shifts(mornings(starts_on=date(2025, 6, 2)), date(2025, 6, 2), date(2025, 6, 8))


def test_cancellation_and_cover() -> None:
    planned = week_of_mornings()
    changes = [
        Cancellation(pa="morning", day=date(2025, 6, 4)),
        Cover(pa="morning", day=date(2025, 6, 5), cover_pa="relief"),
    ]
    result = apply_changes(planned, changes)
    assert [(local_date(s), s.pa) for s in result] == [
        (date(2025, 6, 2), "morning"),
        (date(2025, 6, 3), "morning"),
        (date(2025, 6, 5), "relief"),
        (date(2025, 6, 6), "morning"),
    ]
    covered = result[2]
    assert local_times(covered)[0] == datetime(2025, 6, 5, 8)
    # The planned list itself is left alone.
    assert len(planned) == 5


def test_changes_that_match_nothing_change_nothing() -> None:
    planned = week_of_mornings()
    saturday = Cancellation(pa="morning", day=date(2025, 6, 7))
    wrong_pa = Cover(pa="evening", day=date(2025, 6, 3), cover_pa="relief")
    cancelled = Cancellation(pa="morning", day=date(2025, 6, 4))
    cover_after_cancel = Cover(pa="morning", day=date(2025, 6, 4), cover_pa="relief")
    result = apply_changes(planned, [saturday, wrong_pa, cancelled, cover_after_cancel])
    assert [(local_date(s), s.pa) for s in result] == [
        (date(2025, 6, 2), "morning"),
        (date(2025, 6, 3), "morning"),
        (date(2025, 6, 5), "morning"),
        (date(2025, 6, 6), "morning"),
    ]


def test_change_picks_one_of_two_shifts_by_start_time() -> None:
    day = date(2025, 6, 2)
    planned = [
        local_shift(day, time(8), time(12), pa="a"),
        local_shift(day, time(17), time(21), pa="a"),
    ]
    result = apply_changes(planned, [Cancellation(pa="a", day=day, start=time(17))])
    assert [local_times(s)[0].time() for s in result] == [time(8)]
    both = apply_changes(planned, [Cover(pa="a", day=day, cover_pa="b")])
    assert [s.pa for s in both] == ["b", "b"]


def test_cover_of_overnight_sleep_in_by_its_start_date() -> None:
    planned = planned_shifts(weekend_sleep_in(), date(2025, 10, 1), date(2025, 10, 31))
    result = apply_changes(planned, [Cover(pa="weekend", day=date(2025, 10, 25), cover_pa="bank")])
    assert [s.pa for s in result] == ["weekend", "bank"]
    assert paid_minutes(result[1]) == 660


# --- property: the rule against a plain day-by-day count ---------------------------------------


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@settings(max_examples=150, deadline=None)
@given(
    weekdays=st.sets(st.integers(0, 6), min_size=1),
    interval=st.integers(1, 4),
    starts_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    offset=st.integers(-20, 60),
    span=st.integers(0, 90),
    until_after=st.one_of(st.none(), st.integers(0, 120)),
)
def test_rule_matches_day_by_day_count(weekdays, interval, starts_on, offset, span, until_after) -> None:
    until = None if until_after is None else starts_on + timedelta(days=until_after)
    pattern = RotaPattern(
        name="p", pa="a", start=time(22), end=time(8), weekdays=weekdays, interval=interval,
        starts_on=starts_on, until=until,
    )
    date_from = starts_on + timedelta(days=offset)
    date_to = date_from + timedelta(days=span)
    expected = []
    day = date_from
    while day <= date_to:
        weeks = (monday_of(day) - monday_of(starts_on)).days // 7
        if (
            day >= starts_on
            and (until is None or day <= until)
            and day.weekday() in weekdays
            and weeks % interval == 0
        ):
            expected.append(day)
        day += timedelta(days=1)
    shifts = planned_shifts(pattern, date_from, date_to)
    assert [local_date(s) for s in shifts] == expected
    for shift in shifts:
        start, end = local_times(shift)
        assert (start.time(), end.time()) == (time(22), time(8))


def _rrule_dates(pattern: RotaPattern, date_from: date, date_to: date) -> list[date]:
    """The dates as iCalendar's weekly rule counts them (dateutil's rrule, WKST=MO): the reference the
    pattern's own day counting must agree with."""
    from dateutil.rrule import MO, WEEKLY, rrule, weekday

    lower = max(date_from, pattern.starts_on)
    upper = date_to if pattern.until is None else min(date_to, pattern.until)
    if upper < lower:
        return []
    rule = rrule(WEEKLY, interval=pattern.interval, byweekday=[weekday(d) for d in sorted(pattern.weekdays)], wkst=MO,
                 dtstart=datetime.combine(pattern.starts_on, time()), until=datetime.combine(upper, time()))
    return [d.date() for d in rule.between(datetime.combine(lower, time()), datetime.combine(upper, time()), inc=True)]


@settings(max_examples=300, deadline=None)
@given(
    weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    interval=st.integers(1, 5),
    starts_on=st.dates(date(2019, 1, 1), date(2027, 12, 31)),
    offset=st.integers(-400, 1500),
    length=st.integers(0, 400),
    until_after=st.one_of(st.none(), st.integers(0, 900)),
)
def test_pattern_dates_agree_with_the_icalendar_weekly_rule(weekdays, interval, starts_on, offset, length, until_after):
    """Counting the weeks from the pattern's start (rather than walking every week since) gives the same
    dates as the iCalendar rule, for any weekdays, interval, start, end and range asked for."""
    pattern = mornings(weekdays=weekdays, interval=interval, starts_on=starts_on,
                       until=None if until_after is None else starts_on + timedelta(days=until_after))
    first = starts_on + timedelta(days=offset)
    last = first + timedelta(days=length)
    assert pattern_dates(pattern, first, last) == _rrule_dates(pattern, first, last)


def test_a_pattern_started_years_ago_still_counts_its_weeks_from_its_start():
    # Every other Saturday from Saturday 4 January 2020 (the week of Monday 30 December 2019): 313 weeks
    # later is an odd week, so not 3 January 2026 but the 10th and the 24th.
    pattern = mornings(weekdays=frozenset({SATURDAY}), interval=2, starts_on=date(2020, 1, 4))
    assert pattern_dates(pattern, date(2026, 1, 1), date(2026, 1, 31)) == [date(2026, 1, 10), date(2026, 1, 24)]


def test_a_patterns_dates_are_the_days_a_day_by_day_walk_finds() -> None:
    # The dates are found weekday by weekday, a week apart: the same as looking at every day in turn.
    def day_by_day(pattern, date_from, date_to):
        first_monday = pattern.starts_on - timedelta(days=pattern.starts_on.weekday())
        upper = date_to if pattern.until is None else min(date_to, pattern.until)
        days = (date_from + timedelta(days=n) for n in range((upper - date_from).days + 1))
        return [d for d in days if d >= pattern.starts_on and d.weekday() in pattern.weekdays
                and (d - first_monday).days // 7 % pattern.interval == 0]

    rng = random.Random(1204)
    for _ in range(400):
        starts_on = date(2025, 1, 1) + timedelta(days=rng.randint(0, 400))
        pattern = RotaPattern("p", "a", time(8), time(12), frozenset(rng.sample(range(7), rng.randint(1, 7))),
                              starts_on, interval=rng.randint(1, 4),
                              until=rng.choice([None, starts_on + timedelta(days=rng.randint(0, 200))]))
        date_from = starts_on + timedelta(days=rng.randint(-60, 120))
        date_to = date_from + timedelta(days=rng.randint(-3, 90))
        assert pattern_dates(pattern, date_from, date_to) == day_by_day(pattern, date_from, date_to)
