from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain.continuity import CHARTER_TARGET, continuity
from pa_manager.domain.shifts import ShiftType, local_shift


def shift(day: int, start: int, end: int, pa: str, kind: ShiftType = ShiftType.STANDARD, brk: int = 0):
    return local_shift(date(2025, 6, day), time(start), time(end), pa=pa, shift_type=kind, break_minutes=brk)


def test_all_regular() -> None:
    result = continuity([shift(2, 8, 12, "a"), shift(3, 8, 12, "b")], {"a", "b"})
    assert result.share == Decimal(1)
    assert result.meets_target is True
    assert result.target == CHARTER_TARGET == Decimal("0.90")
    assert result.minutes_by_pa == {"a": 240, "b": 240}
    assert result.hours_by_pa == {"a": Decimal(4), "b": Decimal(4)}


def test_exactly_ninety_percent_meets_the_target() -> None:
    shifts = [shift(d, 8, 12, "a") for d in range(2, 11)] + [shift(11, 8, 12, "agency")]
    result = continuity(shifts, {"a"})
    assert (result.regular_minutes, result.total_minutes) == (2160, 2400)
    assert result.share == Decimal("0.9")
    assert result.meets_target is True


def test_below_target() -> None:
    shifts = [shift(d, 8, 12, "a") for d in range(2, 10)] + [shift(11, 8, 12, "agency"), shift(12, 8, 12, "bank")]
    result = continuity(shifts, {"a"})
    assert result.share == Decimal("0.8")
    assert result.meets_target is False
    assert result.hours_by_pa == {"a": Decimal(32), "agency": Decimal(4), "bank": Decimal(4)}


def test_share_that_does_not_terminate_is_judged_exactly() -> None:
    # 2 of 3 hours: 0.666..., below 0.67 and above 0.66.
    shifts = [shift(2, 8, 10, "a"), shift(3, 8, 9, "b")]
    assert continuity(shifts, {"a"}, target=Decimal("0.67")).meets_target is False
    assert continuity(shifts, {"a"}, target=Decimal("0.66")).meets_target is True
    assert continuity(shifts, {"a"}).share.quantize(Decimal("0.0001")) == Decimal("0.6667")


def test_absences_and_learning_do_not_count() -> None:
    shifts = [
        shift(2, 8, 12, "a"),
        shift(3, 8, 12, "a", ShiftType.HOLIDAY),
        shift(3, 8, 12, "new", ShiftType.SHADOWING),
        shift(4, 8, 12, "new", ShiftType.TRAINING),
        shift(5, 8, 12, "a", ShiftType.SICKNESS),
        shift(6, 22, 7, "a", ShiftType.SLEEP_IN),
        shift(7, 8, 10, "b", ShiftType.TRAVEL),
    ]
    result = continuity(shifts, {"a"})
    assert result.minutes_by_pa == {"a": 240 + 540, "b": 120}
    assert result.meets_target is False  # 780 / 900


def test_counted_types_can_be_chosen() -> None:
    shifts = [shift(2, 8, 12, "a"), shift(3, 8, 12, "new", ShiftType.SHADOWING)]
    result = continuity(shifts, {"a"}, counted_types=set(ShiftType))
    assert result.share == Decimal("0.5")


def test_breaks_are_left_out() -> None:
    result = continuity([shift(2, 8, 16, "a", brk=60), shift(3, 8, 9, "b")], {"a"})
    assert result.minutes_by_pa == {"a": 420, "b": 60}
    assert result.share == Decimal("0.875")


def test_period_uses_the_shift_date() -> None:
    shifts = [shift(1, 22, 7, "agency"), shift(2, 8, 12, "a"), shift(30, 22, 7, "agency")]
    result = continuity(shifts, {"a"}, date_from=date(2025, 6, 2), date_to=date(2025, 6, 29))
    assert result.minutes_by_pa == {"a": 240}
    # The night starting 30 June belongs to June even though it ends in July.
    june_end = continuity(shifts, {"a"}, date_from=date(2025, 6, 30), date_to=date(2025, 6, 30))
    assert june_end.minutes_by_pa == {"agency": 540}


def test_no_care_means_nothing_to_judge() -> None:
    result = continuity([], {"a"})
    assert result.share is None and result.meets_target is None
    assert result.total_hours == Decimal(0)


def test_float_target_is_refused() -> None:
    with pytest.raises(TypeError):
        continuity([], {"a"}, target=0.9)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers(1, 28), st.integers(0, 20), st.integers(1, 3)), max_size=30))
def test_share_matches_the_sum(rows) -> None:
    shifts = [shift(day, h, h + n, pa) for pa, day, h, n in rows]
    result = continuity(shifts, {"a", "b"})
    assert result.total_minutes == sum(result.minutes_by_pa.values())
    assert result.regular_minutes == sum(m for pa, m in result.minutes_by_pa.items() if pa in "ab")
    if result.total_minutes:
        assert Decimal(0) <= result.share <= Decimal(1)
        assert result.meets_target == (10 * result.regular_minutes >= 9 * result.total_minutes)
