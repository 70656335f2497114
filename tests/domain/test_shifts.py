from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.shifts import (
    LONDON,
    Nonexistent,
    Severity,
    Shift,
    ShiftError,
    ShiftType,
    awake_minutes,
    errors,
    find_overlaps,
    length_minutes,
    local_date,
    local_shift,
    local_shifts,
    local_span,
    london_instant,
    minutes_by_type,
    paid_hours,
    paid_minutes,
    validate_shift,
)

UTC = timezone.utc


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def codes(problems) -> list[str]:
    return [p.code for p in problems]


# --- ShiftType and construction --------------------------------------------------------------


def test_shift_type_values() -> None:
    assert [t.value for t in ShiftType] == [
        "standard", "waking_night", "sleep_in", "travel", "training", "shadowing", "holiday", "sickness",
    ]


def test_shift_stores_utc_instants() -> None:
    shift = Shift(pa="a", start=datetime(2025, 7, 1, 9, 0, tzinfo=LONDON), end=datetime(2025, 7, 1, 17, 0, tzinfo=LONDON))
    assert shift.start == utc(2025, 7, 1, 8, 0)
    assert shift.start.tzinfo is UTC
    assert shift.end.tzinfo is UTC


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        Shift(pa="a", start=datetime(2025, 7, 1, 9), end=datetime(2025, 7, 1, 17))


def test_seconds_are_refused() -> None:
    with pytest.raises(ValueError):
        Shift(pa="a", start=utc(2025, 7, 1, 9, 0, 30), end=utc(2025, 7, 1, 17))


def test_shift_is_frozen_and_hashable() -> None:
    shift = local_shift(date(2025, 7, 1), time(9), time(17), pa="a")
    with pytest.raises(AttributeError):
        shift.pa = "b"  # type: ignore[misc]
    assert shift in {shift}


def test_shift_type_from_text() -> None:
    shift = local_shift(date(2025, 7, 1), time(9), time(17), pa="a", shift_type="waking_night")
    assert shift.shift_type is ShiftType.WAKING_NIGHT


# --- local wall-clock times and clock changes ------------------------------------------------


def test_day_shift_in_summer_is_stored_an_hour_earlier_in_utc() -> None:
    shift = local_shift(date(2025, 7, 1), time(8), time(12), pa="a")
    assert (shift.start, shift.end) == (utc(2025, 7, 1, 7), utc(2025, 7, 1, 11))
    assert paid_hours(shift) == Decimal(4)


def test_day_shift_in_winter_is_utc() -> None:
    shift = local_shift(date(2025, 1, 6), time(8), time(12), pa="a")
    assert (shift.start, shift.end) == (utc(2025, 1, 6, 8), utc(2025, 1, 6, 12))


def test_midnight_crossing_is_next_day() -> None:
    shift = local_shift(date(2025, 6, 10), time(22), time(7), pa="a")
    assert shift.end.astimezone(LONDON).date() == date(2025, 6, 11)
    assert paid_minutes(shift) == 9 * 60
    assert local_date(shift) == date(2025, 6, 10)


def test_shift_ending_at_midnight() -> None:
    shift = local_shift(date(2025, 6, 10), time(20), time(0), pa="a")
    assert paid_minutes(shift) == 4 * 60
    assert shift.end.astimezone(LONDON) == datetime(2025, 6, 11, 0, 0, tzinfo=LONDON)


@pytest.mark.parametrize("night", [date(2025, 10, 25), date(2026, 10, 24), date(2027, 10, 30), date(2024, 10, 26)])
def test_night_across_autumn_change_is_eleven_hours(night: date) -> None:
    shift = local_shift(night, time(22), time(8), pa="a")
    assert paid_hours(shift) == Decimal(11)
    assert shift.end - shift.start == timedelta(hours=11)


@pytest.mark.parametrize("night", [date(2025, 3, 29), date(2026, 3, 28), date(2027, 3, 27), date(2024, 3, 30)])
def test_night_across_spring_change_is_nine_hours(night: date) -> None:
    shift = local_shift(night, time(22), time(8), pa="a")
    assert paid_hours(shift) == Decimal(9)


def test_ordinary_night_is_ten_hours() -> None:
    assert paid_hours(local_shift(date(2025, 10, 18), time(22), time(8), pa="a")) == Decimal(10)


def test_day_shift_on_change_days_keeps_local_length() -> None:
    # 08:00-12:00 on the change Sundays is after the change, so still four hours.
    assert paid_minutes(local_shift(date(2025, 3, 30), time(8), time(12), pa="a")) == 240
    assert paid_minutes(local_shift(date(2025, 10, 26), time(8), time(12), pa="a")) == 240


def test_nonexistent_spring_time_is_refused() -> None:
    with pytest.raises(ShiftError) as raised:
        local_shift(date(2025, 3, 30), time(1, 30), time(6), pa="a")
    assert raised.value.code == "LOCAL_TIME_DOES_NOT_EXIST"
    with pytest.raises(ShiftError) as raised:
        local_shift(date(2026, 3, 28), time(22), time(1, 30), pa="a")
    assert raised.value.code == "LOCAL_TIME_DOES_NOT_EXIST"


def test_nonexistent_time_shift_forward_uses_offset_before_the_gap() -> None:
    instant = london_instant(date(2025, 3, 30), time(1, 30), nonexistent=Nonexistent.SHIFT_FORWARD)
    assert instant == utc(2025, 3, 30, 1, 30)
    assert instant.astimezone(LONDON).time() == time(2, 30)


def test_ambiguous_autumn_time_is_first_occurrence() -> None:
    # 01:30 happens twice on 26 Oct 2025; the first is BST, 00:30 UTC.
    assert london_instant(date(2025, 10, 26), time(1, 30)) == utc(2025, 10, 26, 0, 30)
    shift = local_shift(date(2025, 10, 25), time(22), time(1, 30), pa="a")
    assert paid_minutes(shift) == 3 * 60 + 30
    shift = local_shift(date(2025, 10, 26), time(1, 30), time(3), pa="a")
    assert paid_minutes(shift) == 150  # 01:30 BST to 03:00 GMT


def test_equal_start_and_end_is_refused() -> None:
    with pytest.raises(ShiftError) as raised:
        local_shift(date(2025, 6, 1), time(9), time(9), pa="a")
    assert raised.value.code == "SHIFT_START_EQUALS_END"


def test_twenty_four_hour_shift_names_both_days() -> None:
    shift = local_span(date(2025, 6, 1), time(9), date(2025, 6, 2), time(9), pa="a")
    assert paid_hours(shift) == Decimal(24)
    assert validate_shift(shift) == []
    # Across the autumn change the same wall-clock span is 25 hours, which is too long.
    long = local_span(date(2025, 10, 25), time(9), date(2025, 10, 26), time(9), pa="a")
    assert length_minutes(long) == 25 * 60
    assert codes(validate_shift(long)) == ["SHIFT_TOO_LONG"]


# --- leap days ---------------------------------------------------------------------------------


def test_leap_day_night_2024() -> None:
    shift = local_shift(date(2024, 2, 28), time(22), time(6), pa="a")
    assert shift.end.astimezone(LONDON).date() == date(2024, 2, 29)
    assert paid_hours(shift) == Decimal(8)


def test_night_into_leap_day_end_2024() -> None:
    shift = local_shift(date(2024, 2, 29), time(22), time(6), pa="a")
    assert shift.end.astimezone(LONDON).date() == date(2024, 3, 1)
    assert local_date(shift) == date(2024, 2, 29)


def test_night_28_feb_to_1_march_2025() -> None:
    shift = local_shift(date(2025, 2, 28), time(22), time(6), pa="a")
    assert shift.end.astimezone(LONDON).date() == date(2025, 3, 1)
    assert paid_hours(shift) == Decimal(8)


def test_span_28_feb_to_1_march_2025_is_not_a_leap_year() -> None:
    shift = local_span(date(2025, 2, 28), time(9), date(2025, 3, 1), time(9), pa="a")
    assert paid_minutes(shift) == 24 * 60
    leap = local_span(date(2024, 2, 28), time(9), date(2024, 3, 1), time(9), pa="a")
    assert paid_minutes(leap) == 48 * 60


# --- hours -------------------------------------------------------------------------------------


def test_paid_hours_takes_break_off_exactly() -> None:
    shift = local_shift(date(2025, 6, 2), time(9), time(17), pa="a", break_minutes=30)
    assert paid_minutes(shift) == 450
    assert paid_hours(shift) == Decimal("7.5")


def test_paid_hours_of_twenty_minutes_is_a_third() -> None:
    shift = local_shift(date(2025, 6, 2), time(9), time(9, 20), pa="a")
    assert paid_minutes(shift) == 20
    # Minutes are the exact figure; hours carry 28 significant digits for display.
    assert paid_hours(shift) == Decimal(1) / Decimal(3)
    assert paid_hours(shift).quantize(Decimal("0.01")) == Decimal("0.33")


def test_minutes_by_type_adds_paid_minutes_per_type() -> None:
    shifts = [
        local_shift(date(2025, 6, 2), time(9), time(9, 20), pa="a"),
        local_shift(date(2025, 6, 3), time(9), time(9, 20), pa="a"),
        local_shift(date(2025, 6, 4), time(9), time(9, 20), pa="b"),
        local_shift(date(2025, 6, 4), time(22), time(7), pa="b", shift_type=ShiftType.WAKING_NIGHT),
    ]
    assert minutes_by_type(shifts) == {ShiftType.STANDARD: 60, ShiftType.WAKING_NIGHT: 540}


def test_sleep_in_awake_periods_as_local_times() -> None:
    shift = local_shift(
        date(2025, 6, 7), time(22), time(8), pa="a", shift_type=ShiftType.SLEEP_IN,
        awake=[(time(2), time(2, 45)), (time(23, 30), time(23, 45))],
    )
    assert shift.awake[0] == (utc(2025, 6, 8, 1), utc(2025, 6, 8, 1, 45))
    assert shift.awake[1] == (utc(2025, 6, 7, 22, 30), utc(2025, 6, 7, 22, 45))
    assert awake_minutes(shift) == 60
    assert validate_shift(shift) == []


def test_awake_minutes_merges_overlapping_periods() -> None:
    shift = Shift(
        pa="a", start=utc(2025, 6, 7, 21), end=utc(2025, 6, 8, 7), shift_type=ShiftType.SLEEP_IN,
        awake=((utc(2025, 6, 8, 1), utc(2025, 6, 8, 2)), (utc(2025, 6, 8, 1, 30), utc(2025, 6, 8, 2, 30))),
    )
    assert awake_minutes(shift) == 90


def test_awake_period_across_autumn_change() -> None:
    shift = local_shift(
        date(2025, 10, 25), time(22), time(8), pa="a", shift_type=ShiftType.SLEEP_IN,
        awake=[(time(0, 30), time(2))],
    )
    assert awake_minutes(shift) == 150  # 00:30 BST to 02:00 GMT


# --- validation --------------------------------------------------------------------------------


def test_valid_shift_has_no_problems() -> None:
    assert validate_shift(local_shift(date(2025, 6, 2), time(9), time(17), pa="a", break_minutes=30)) == []


def test_end_before_start() -> None:
    shift = Shift(pa="a", start=utc(2025, 6, 2, 9), end=utc(2025, 6, 2, 8))
    assert codes(validate_shift(shift)) == ["SHIFT_END_BEFORE_START"]
    same = Shift(pa="a", start=utc(2025, 6, 2, 9), end=utc(2025, 6, 2, 9))
    assert codes(validate_shift(same)) == ["SHIFT_END_BEFORE_START"]


def test_too_long() -> None:
    shift = Shift(pa="a", start=utc(2025, 6, 2, 9), end=utc(2025, 6, 3, 9, 1))
    problems = validate_shift(shift)
    assert codes(problems) == ["SHIFT_TOO_LONG"]
    assert problems[0].value == 24 * 60 + 1


@pytest.mark.parametrize("minutes", [-1, 480, 481])
def test_break_invalid(minutes: int) -> None:
    shift = local_shift(date(2025, 6, 2), time(9), time(17), pa="a", break_minutes=minutes)
    assert codes(validate_shift(shift)) == ["SHIFT_BREAK_INVALID"]


def test_break_must_be_int() -> None:
    with pytest.raises(TypeError):
        local_shift(date(2025, 6, 2), time(9), time(17), pa="a", break_minutes=0.5)  # type: ignore[arg-type]


def test_start_and_leaving_dates_use_the_shift_date() -> None:
    before = local_shift(date(2025, 5, 31), time(22), time(6), pa="a")
    first = local_shift(date(2025, 6, 1), time(9), time(17), pa="a")
    last_night = local_shift(date(2025, 8, 31), time(22), time(6), pa="a")
    after = local_shift(date(2025, 9, 1), time(0), time(6), pa="a")
    kwargs = dict(pa_start=date(2025, 6, 1), pa_leaving=date(2025, 8, 31))
    assert codes(validate_shift(before, **kwargs)) == ["SHIFT_BEFORE_START_DATE"]
    assert validate_shift(first, **kwargs) == []
    assert validate_shift(last_night, **kwargs) == []
    problems = validate_shift(after, **kwargs)
    assert codes(problems) == ["SHIFT_AFTER_LEAVING_DATE"]
    assert problems[0].value == date(2025, 8, 31)


def test_start_date_is_judged_in_london_time() -> None:
    # 00:30 BST on 1 June is 23:30 UTC on 31 May, but it is a 1 June shift.
    shift = local_shift(date(2025, 6, 1), time(0, 30), time(6), pa="a")
    assert shift.start.date() == date(2025, 5, 31)
    assert validate_shift(shift, pa_start=date(2025, 6, 1)) == []


def test_awake_outside_the_shift() -> None:
    shift = Shift(
        pa="a", start=utc(2025, 6, 7, 21), end=utc(2025, 6, 8, 7), shift_type=ShiftType.SLEEP_IN,
        awake=((utc(2025, 6, 8, 6, 30), utc(2025, 6, 8, 7, 30)), (utc(2025, 6, 8, 2), utc(2025, 6, 8, 3))),
    )
    problems = validate_shift(shift)
    assert codes(problems) == ["SLEEP_IN_AWAKE_OUTSIDE"]
    assert problems[0].value == (utc(2025, 6, 8, 6, 30), utc(2025, 6, 8, 7, 30))
    # Only the part inside the shift counts.
    assert awake_minutes(shift) == 90


def test_awake_period_back_to_front_is_outside() -> None:
    shift = Shift(
        pa="a", start=utc(2025, 6, 7, 21), end=utc(2025, 6, 8, 7), shift_type=ShiftType.SLEEP_IN,
        awake=((utc(2025, 6, 8, 3), utc(2025, 6, 8, 2)),),
    )
    assert codes(validate_shift(shift)) == ["SLEEP_IN_AWAKE_OUTSIDE"]


def test_short_visit_is_a_warning() -> None:
    shift = local_shift(date(2025, 6, 2), time(9), time(9, 15), pa="a")
    problems = validate_shift(shift)
    assert codes(problems) == ["SHORT_VISIT"]
    assert problems[0].severity is Severity.WARNING
    assert problems[0].value == 15
    assert errors(problems) == []
    assert validate_shift(local_shift(date(2025, 6, 2), time(9), time(9, 30), pa="a")) == []


# --- overlaps ----------------------------------------------------------------------------------


def test_touching_shifts_do_not_overlap() -> None:
    a = local_shift(date(2025, 6, 2), time(8), time(12), pa="a")
    b = local_shift(date(2025, 6, 2), time(12), time(16), pa="a")
    assert find_overlaps([a, b]) == []


def test_an_overlap_of_one_minute_is_found_earlier_shift_first() -> None:
    a = local_shift(date(2025, 6, 2), time(8), time(12), pa="a", key=1)
    b = local_shift(date(2025, 6, 2), time(11, 59), time(16), pa="a", key=2)
    assert [(x.key, y.key) for x, y in find_overlaps([b, a])] == [(1, 2)]


def test_different_pas_may_overlap() -> None:
    a = local_shift(date(2025, 6, 2), time(8), time(12), pa="a")
    b = local_shift(date(2025, 6, 2), time(8), time(12), pa="b")
    assert find_overlaps([a, b]) == []


def test_night_overlaps_next_morning() -> None:
    night = local_shift(date(2025, 6, 2), time(22), time(8), pa="a")
    morning = local_shift(date(2025, 6, 3), time(7), time(12), pa="a")
    assert find_overlaps([morning, night]) == [(night, morning)]


def test_one_long_shift_overlapping_several() -> None:
    long = local_shift(date(2025, 6, 2), time(6), time(20), pa="a", key="long")
    short = [local_shift(date(2025, 6, 2), time(h), time(h + 1), pa="a", key=h) for h in (7, 9, 11)]
    pairs = find_overlaps(short + [long])
    assert [(a.key, b.key) for a, b in pairs] == [("long", 7), ("long", 9), ("long", 11)]


# --- properties --------------------------------------------------------------------------------

BASE = utc(2025, 1, 1)

intervals = st.lists(
    st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 200), st.integers(1, 60)),
    max_size=25,
)


def brute_overlaps(shifts: list[Shift]) -> set[frozenset]:
    return {
        frozenset((x.key, y.key))
        for x, y in combinations(shifts, 2)
        if x.pa == y.pa and x.start < y.end and y.start < x.end
    }


@settings(max_examples=200, deadline=None)
@given(intervals)
def test_sweep_equals_brute_force(rows) -> None:
    shifts = [
        Shift(pa=pa, start=BASE + timedelta(minutes=15 * s), end=BASE + timedelta(minutes=15 * (s + n)), key=i)
        for i, (pa, s, n) in enumerate(rows)
    ]
    pairs = find_overlaps(shifts)
    found = [frozenset((a.key, b.key)) for a, b in pairs]
    assert len(found) == len(set(found))  # each pair once
    assert set(found) == brute_overlaps(shifts)
    for earlier, later in pairs:
        assert earlier.start <= later.start


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
clock = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@settings(max_examples=300, deadline=None)
@given(days, clock, clock, st.integers(0, 120))
def test_paid_minutes_is_instant_difference_minus_break(day, start, end, brk) -> None:
    if start == end:
        return
    try:
        shift = local_shift(day, start, end, pa="a", break_minutes=brk)
    except ShiftError as error:
        assert error.code == "LOCAL_TIME_DOES_NOT_EXIST"
        return
    length = (shift.end - shift.start) / timedelta(minutes=1)
    assert paid_minutes(shift) == max(length - brk, 0)
    assert paid_hours(shift) == Decimal(paid_minutes(shift)) / 60
    # Wall-clock span is at most a day, so the real length is within a day plus an hour.
    assert 0 < length <= 25 * 60
    assert local_date(shift) == day
    # The wall-clock times survive the round trip (the ambiguous hour reads back the same).
    assert shift.start.astimezone(LONDON).time() == start
    assert shift.end.astimezone(LONDON).time() == end


@pytest.mark.parametrize("start, end", [(time(8), time(12)), (time(22), time(7)), (time(1, 30), time(9)),
                                        (time(23), time(1, 30)), (time(0, 30), time(1, 15)), (time(9), time(8, 59))])
def test_the_same_shift_on_many_days_is_each_days_local_shift(start, end) -> None:
    # Every day of two years, so both clock changes of each: the rota's shifts are made this way.
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(730)]
    kw = dict(pa="a", shift_type=ShiftType.SLEEP_IN, break_minutes=30, nonexistent=Nonexistent.SHIFT_FORWARD)
    assert local_shifts(days, start, end, **kw) == [local_shift(day, start, end, **kw) for day in days]
    assert local_shifts([], start, end, pa="a") == []
    # Refused as local_shift refuses it: a time lost when the clocks go forward, a shift of no length.
    if start == time(1, 30):
        with pytest.raises(ShiftError) as raised:
            local_shifts([date(2025, 3, 29), date(2025, 3, 30)], start, end, pa="a")
        assert (raised.value.code, raised.value.detail["day"]) == ("LOCAL_TIME_DOES_NOT_EXIST", date(2025, 3, 30))
    with pytest.raises(ShiftError) as raised:
        local_shifts([date(2025, 6, 2)], start, start, pa="a")
    assert raised.value.code == "SHIFT_START_EQUALS_END"


@pytest.mark.parametrize("values", [
    dict(pa=1, start=utc(2026, 6, 1, 8), end=utc(2026, 6, 1, 16), shift_type=ShiftType.STANDARD, break_minutes=30),
    dict(pa=1, start=utc(2026, 6, 1, 20), end=utc(2026, 6, 2, 8), shift_type=ShiftType.SLEEP_IN, break_minutes=0,
         awake=((utc(2026, 6, 1, 23), utc(2026, 6, 2, 0, 30)),), notes="woke twice", key=9, version=3),
    # Values Shift(...) normalises: a London-time instant, the type's stored value, awake periods as a list.
    dict(pa=1, start=datetime(2026, 6, 1, 9, tzinfo=LONDON), end=utc(2026, 6, 1, 16), shift_type="waking_night",
         break_minutes=0, awake=[(datetime(2026, 6, 1, 10, tzinfo=LONDON), utc(2026, 6, 1, 11))]),
])
def test_a_shift_made_ready_is_the_shift_made_the_ordinary_way(values) -> None:
    quick, ordinary = Shift.made_ready(**values), Shift(**values)
    assert quick == ordinary and hash(quick) == hash(ordinary)
    assert (quick.start.tzinfo, quick.shift_type, type(quick.awake), quick.version) == (
        UTC, ordinary.shift_type, tuple, ordinary.version)
    with pytest.raises(AttributeError):  # still frozen
        quick.pa = 2


@pytest.mark.parametrize("bad, error", [
    (dict(start=datetime(2026, 6, 1, 8)), ValueError),                    # no zone: the instant is unknown
    (dict(start=datetime(2026, 6, 1, 8, 0, 30, tzinfo=UTC)), ValueError),  # not a whole minute
    (dict(break_minutes=True), TypeError),
    (dict(shift_type="nap"), ValueError),
])
def test_a_shift_made_ready_refuses_what_shift_refuses(bad, error) -> None:
    values = dict(pa=1, start=utc(2026, 6, 1, 8), end=utc(2026, 6, 1, 16), shift_type=ShiftType.STANDARD,
                  break_minutes=0) | bad
    with pytest.raises(error):
        Shift.made_ready(**values)
