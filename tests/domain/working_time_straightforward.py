"""The working-time checks as first written (domain/working_time.py at 7d5923b, before they were made
quicker): each shift's day worked out wherever it is asked, every fortnight's rests walked afresh, each
17-week period summed day by day. Kept only so that tests/domain/test_working_time_same_answers.py can
show the quicker checks find exactly what these do."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from pa_manager.domain.shifts import LONDON, Shift, ShiftType, awake_minutes, local_date, paid_minutes
from pa_manager.domain.working_time import (
    BREAK_SHORT, CODES, DAILY_REST_SHORT, NOT_WORKING_TIME, WEEKLY_AVERAGE_OVER, WEEKLY_REST_SHORT,
    YOUNG_DAY_OVER, YOUNG_WEEK_OVER, DayTotals, Finding, _hours, _midnight, _monday, is_working_time, is_young,
    limits_on,
)


@dataclass
class _Block:
    start: datetime
    end: datetime
    keys: list


def _blocks(shifts: list[Shift]) -> list[_Block]:
    """Shifts merged into stretches of work (touching or overlapping shifts make one), by start."""
    out: list[_Block] = []
    for shift in sorted(shifts, key=lambda s: (s.start, s.end)):
        if shift.end <= shift.start:
            continue
        if out and shift.start <= out[-1].end:
            out[-1].end = max(out[-1].end, shift.end)
            out[-1].keys.append(shift.key)
        else:
            out.append(_Block(shift.start, shift.end, [shift.key]))
    return out


def _rests(blocks: list[_Block], start: datetime, end: datetime) -> list[int]:
    """The unbroken rests inside [start, end), in minutes, in order. The blocks do not overlap, so their
    ends are in order too: the first that matters is found by bisection."""
    rests, at = [], start
    for block in blocks[bisect.bisect_right(blocks, start, key=lambda b: b.end):]:
        if block.start >= end:
            break
        if block.start > at:
            rests.append(int((block.start - at) // timedelta(minutes=1)))
        at = max(at, block.end)
    if end > at:
        rests.append(int((end - at) // timedelta(minutes=1)))
    return rests


def check_working_time(shifts: Iterable[Shift], first: date, last: date, *, date_of_birth: date | None = None,
                       opt_out_signed: date | None = None, start_date: date | None = None,
                       pa: Hashable = None, report_from: date | None = None,
                       totals: DayTotals | None = None) -> list[Finding]:
    """What one PA's shifts break, for days from `first` to `last`.

    With `report_from`, the rest, breaks and a young worker's hours are looked at only from that day (and
    its week) on, for a list of what needs doing now; the 48-hour average still takes in every day. Then
    the days before `totals.until` may come as `totals` (each day's working minutes and the days of
    holiday or sickness, summed by the database) rather than as shifts: `shifts` need only start from the
    day before `totals.until`, which must be at least a week before `report_from`'s Monday.

    `shifts` must hold every shift of the PA starting from the day before `first` to `last` (and may hold
    later ones: the hours of days after a reference period make up its holiday and sickness days). The
    48-hour average is worked out for periods ending on Sundays from `first` on, whose start is not before
    `first` (or whose PA started on or after `first`). Findings are by day, then code."""
    shifts = list(shifts)
    limits = limits_on(last)
    working = [s for s in shifts if is_working_time(s, limits)]
    blocks = _blocks(working)
    shown_from = max(first, report_from) if report_from is not None else first
    in_range = [s for s in working if shown_from <= local_date(s) <= last]

    # Ages only grow: someone not young on the first day looked at is never young after it.
    earliest = first - timedelta(days=1)
    never_young = not is_young(date_of_birth, earliest, limits)

    def young(day: date) -> bool:
        return not never_young and is_young(date_of_birth, day, limits)

    found: list[Finding] = []
    # Breaks, shift by shift.
    for shift in in_range:
        day = local_date(shift)
        after, needed = ((limits.young_break_after, limits.young_break_minutes) if young(day)
                         else (limits.break_after, limits.break_minutes))
        worked = awake_minutes(shift) if shift.shift_type is ShiftType.SLEEP_IN else paid_minutes(shift)
        if worked > after and shift.break_minutes < needed:
            found.append(Finding(BREAK_SHORT, pa, day, Decimal(shift.break_minutes), Decimal(needed),
                                 shifts=(shift.key,)))
    # Daily rest: the 24 hours from the start of each stretch of work, at most one finding a day.
    flagged: set[date] = set()
    block_days = [block.start.astimezone(LONDON).date() for block in blocks]
    stretches = Counter(block_days)
    for block, day in zip(blocks, block_days):
        if not shown_from <= day <= last or day in flagged:
            continue
        if stretches[day] > 1 and not young(day):
            continue  # work split up over the day (reg 22(1)(c)): compensatory rest instead (reg 24)
        needed = limits.young_daily_rest if young(day) else limits.daily_rest
        window_end = block.start + timedelta(hours=24)
        longest = max(_rests(blocks, block.start, window_end), default=0)
        if longest < needed:
            keys = [k for b in blocks if b.start < window_end and b.end > block.start for k in b.keys]
            found.append(Finding(DAILY_REST_SHORT, pa, day, _hours(longest), _hours(needed), shifts=tuple(keys)))
            flagged.add(day)
    # Weeks: weekly rest, and a young worker's hours in the week and in each day.
    by_day: dict[date, int] = defaultdict(int)
    keys_by_day: dict[date, list] = defaultdict(list)
    for shift in working:
        day = local_date(shift)
        if totals is None or day >= totals.until:
            by_day[day] += paid_minutes(shift)
            keys_by_day[day].append(shift.key)
    if totals is not None:
        for day, minutes in totals.minutes.items():
            if day < totals.until and minutes:
                by_day[day] += minutes

    def rests_between(monday: date, days: int) -> list[int]:
        return _rests(blocks, _midnight(monday), _midnight(monday + timedelta(days=days)))

    def fortnight_ok(monday: date) -> bool:
        # Only a fortnight wholly within the days looked at: nothing is known before `first`.
        if monday < first or monday + timedelta(days=13) > last:
            return False
        rests_found = rests_between(monday, 14)
        return (max(rests_found, default=0) >= limits.fortnight_rest
                or sum(r >= limits.weekly_rest for r in rests_found) >= 2)

    monday = _monday(first) if _monday(first) == first else _monday(first) + timedelta(days=7)
    monday = max(monday, _monday(shown_from))
    while monday <= last:
        week = [monday + timedelta(days=i) for i in range(7)]
        week_keys = tuple(k for d in week for k in keys_by_day.get(d, ()))
        if week_keys:
            longest = max(rests_between(monday, 7), default=0)
            if young(monday):
                if longest < limits.young_weekly_rest:
                    found.append(Finding(WEEKLY_REST_SHORT, pa, monday, _hours(longest), _hours(limits.young_weekly_rest),
                                         first=monday, shifts=week_keys))
                worked = sum(by_day.get(d, 0) for d in week)
                if worked > limits.young_weekly_max:
                    found.append(Finding(YOUNG_WEEK_OVER, pa, monday, _hours(worked), _hours(limits.young_weekly_max),
                                         first=monday, shifts=week_keys))
            elif longest < limits.weekly_rest and not (fortnight_ok(monday - timedelta(days=7)) or fortnight_ok(monday)):
                found.append(Finding(WEEKLY_REST_SHORT, pa, monday, _hours(longest), _hours(limits.weekly_rest),
                                     first=monday, shifts=week_keys))
        monday += timedelta(days=7)
    for day in sorted(by_day):
        if shown_from <= day <= last and young(day) and by_day[day] > limits.young_daily_max:
            found.append(Finding(YOUNG_DAY_OVER, pa, day, _hours(by_day[day]), _hours(limits.young_daily_max),
                                 shifts=tuple(keys_by_day[day])))
    absent = {local_date(s) for s in shifts if s.shift_type in NOT_WORKING_TIME}
    if totals is not None:
        absent = {d for d in absent if d >= totals.until} | {d for d in totals.absent if d < totals.until}
    average = _worst_average(absent, working, by_day, first, last, limits, young, opt_out_signed, start_date, pa)
    if average is not None:
        found.append(average)
    return sorted(found, key=lambda f: (f.day, CODES.index(f.code)))


def _worst_average(absent_days, working, by_day, first, last, limits, young, opt_out_signed, start_date, pa) -> Finding | None:
    """The 17-week period (ending on a Sunday from `first` to `last`) with the highest average over the
    limit, or None."""
    worked_days = sorted(by_day)
    worst: Finding | None = None
    sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    while sunday <= last:
        start = sunday - timedelta(days=limits.reference_weeks * 7 - 1)
        if start_date is not None and start_date > start:
            start = start_date
        complete = start >= first
        signed = opt_out_signed is not None and opt_out_signed <= sunday
        if complete and not signed and not young(sunday) and start <= sunday:
            minutes = sum(m for d, m in by_day.items() if start <= d <= sunday)
            excluded = len({d for d in absent_days if start <= d <= sunday} - set(by_day))
            later = [d for d in worked_days if d > sunday][:excluded]
            minutes += sum(by_day[d] for d in later)
            weeks = Decimal(max((sunday - start).days + 1, 7)) / 7
            per_week = Decimal(minutes) / weeks
            if per_week > limits.weekly_max and (worst is None or _hours(per_week) > worst.found):
                keys = tuple(s.key for s in working if start <= local_date(s) <= sunday)
                worst = Finding(WEEKLY_AVERAGE_OVER, pa, sunday, _hours(per_week), _hours(limits.weekly_max),
                                first=start, shifts=keys)
        sunday += timedelta(days=7)
    return worst

