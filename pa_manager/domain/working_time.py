"""Working time (Working Time Regulations 1998): one PA's shifts against the 48-hour week, daily and
weekly rest, breaks, and a young worker's limits. Warnings, never refusals: codes with values, worded by
messages.py.

Every figure comes from data/rates/working_time.toml (`limits_on`). The rules this module keeps:

* Working time is every shift but holiday and sickness, less its unpaid break. A sleep-in counts in
  full (the PA is on call at the workplace), as the rates file's `sleep_in_is_working_time` says and
  cites; it still pays only its awake hours for the minimum wage (domain.minimum_wage).
* Times are real elapsed time between UTC instants, so a night across the October clock change is an
  hour longer and across the March one an hour shorter than the wall clock shows.
* Rest is time with no shift of working time at all (an unpaid break inside a shift is not rest).
* A shift's hours count on the Europe/London day it starts (domain.shifts.local_date), for the day,
  the week and the reference period alike. Weeks run Monday 00:00 to Monday 00:00 London time
  (reg 11(6) and, for averaging, the app's weeks).
* Daily rest (reg 10): the 24 hours from the start of each stretch of work must hold the daily rest
  unbroken (so a working day, breaks and all, spans at most 24 - 11 = 13 hours). Time after the last
  shift known counts as rest. An adult's day whose work is split into separate stretches (a morning and
  an evening visit) is left out: the daily rest rule does not apply to "periods of work split up over
  the day" (reg 22(1)(c)), though the PA is owed equivalent rest to make up for it (reg 24). A young
  worker has no such exception.
* Weekly rest (reg 11): each week must hold 24 hours' rest unbroken; a week without it is still
  fine when the fortnight it makes with the week before or after (both within the days looked at) holds
  one rest of 48 hours or two of 24 (reg 11(2)). A young worker needs 48 hours in each week, with no fortnight choice.
* Breaks (reg 12): a shift with more working time than `break_after_hours` needs an unpaid break of
  `break_minutes` or more (the app records one break a shift, so the break is taken as unbroken). For a
  sleep-in only the time awake and working counts here: a PA asleep is not working without a pause,
  which is what the break is for. So a quiet sleep-in needs no break, while it still counts in full
  for the 48 hours and leaves no daily or weekly rest.
* The 48-hour average (reg 4): each 17-week period ending on a Sunday, or since the PA started if
  that is later (reg 4(4)); days of holiday and sickness are made up with the hours of as many working
  days after the period (reg 4(6), 4(7)). Not for a PA who has signed the opt-out (reg 5) by the end of
  the period, nor for a young worker (their own 40 hours a week applies, with no opt-out).
* A young worker is one under `young.age` (18) on the day. The app does not know the school-leaving
  date, so a PA under school-leaving age is held to the young-worker limits too (the law allows them
  less still).
"""
from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from pa_manager.domain import rates
from pa_manager.domain.dates import age_on
from pa_manager.domain.shifts import Shift, ShiftType, awake_minutes, london_instant, local_date, paid_minutes

TOPIC = "working_time"

WEEKLY_AVERAGE_OVER = "WORKING_TIME_WEEKLY_AVERAGE_OVER"
DAILY_REST_SHORT = "WORKING_TIME_DAILY_REST_SHORT"
WEEKLY_REST_SHORT = "WORKING_TIME_WEEKLY_REST_SHORT"
BREAK_SHORT = "WORKING_TIME_BREAK_SHORT"
YOUNG_DAY_OVER = "WORKING_TIME_YOUNG_DAY_OVER"
YOUNG_WEEK_OVER = "WORKING_TIME_YOUNG_WEEK_OVER"
CODES = (WEEKLY_AVERAGE_OVER, DAILY_REST_SHORT, WEEKLY_REST_SHORT, BREAK_SHORT, YOUNG_DAY_OVER, YOUNG_WEEK_OVER)

NOT_WORKING_TIME = frozenset({ShiftType.HOLIDAY, ShiftType.SICKNESS})
HOUR = Decimal("0.01")


def _minutes(hours: object) -> int:
    return int(rates.dec(hours) * 60)


@dataclass(frozen=True)
class Limits:
    """The figures in force on a day, in whole minutes (young_* for a young worker)."""

    weekly_max: int
    reference_weeks: int
    daily_rest: int
    weekly_rest: int
    fortnight_rest: int
    break_after: int
    break_minutes: int
    young_age: int
    young_daily_max: int
    young_weekly_max: int
    young_daily_rest: int
    young_weekly_rest: int
    young_break_after: int
    young_break_minutes: int
    sleep_in_counts: bool


def limits_on(day: date) -> Limits:
    def v(name: str):
        return rates.value(TOPIC, name, day)

    return Limits(
        weekly_max=_minutes(v("weekly_max_hours")), reference_weeks=int(v("reference_weeks")),
        daily_rest=_minutes(v("daily_rest_hours")), weekly_rest=_minutes(v("weekly_rest_hours")),
        fortnight_rest=_minutes(v("fortnight_rest_hours")), break_after=_minutes(v("break_after_hours")),
        break_minutes=int(v("break_minutes")), young_age=int(v("young.age")),
        young_daily_max=_minutes(v("young.daily_max_hours")), young_weekly_max=_minutes(v("young.weekly_max_hours")),
        young_daily_rest=_minutes(v("young.daily_rest_hours")), young_weekly_rest=_minutes(v("young.weekly_rest_hours")),
        young_break_after=_minutes(v("young.break_after_hours")), young_break_minutes=int(v("young.break_minutes")),
        sleep_in_counts=bool(v("sleep_in_is_working_time")),
    )


@dataclass(frozen=True)
class Finding:
    """One working-time rule a PA's shifts break.

    `day`: the day it is about (the shift's day for a break or a day's hours, the day the short rest
    begins, the Monday of a week, the last day of a reference period); `first`: the first day of the
    period looked at, where there is one. `found` and `limit` are hours (2 places), or minutes for a
    break. `shifts`: the keys of the shifts involved."""

    code: str
    pa: Hashable
    day: date
    found: Decimal
    limit: Decimal
    first: date | None = None
    shifts: tuple[Hashable, ...] = ()


@dataclass(frozen=True)
class DayTotals:
    """A PA's days before `until`, summed: working minutes by day (as paid_minutes counts them, for shifts
    of working time) and the days with holiday or sickness."""

    until: date
    minutes: Mapping[date, int]
    absent: frozenset[date] = frozenset()


def _hours(minutes: int | Decimal) -> Decimal:
    return (Decimal(minutes) / 60).quantize(HOUR, rounding=ROUND_HALF_UP)


def is_working_time(shift: Shift, limits: Limits) -> bool:
    if shift.shift_type in NOT_WORKING_TIME:
        return False
    return limits.sleep_in_counts or shift.shift_type is not ShiftType.SLEEP_IN


def is_young(date_of_birth: date | None, day: date, limits: Limits) -> bool:
    return date_of_birth is not None and age_on(date_of_birth, day) < limits.young_age


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _midnight(day: date) -> datetime:
    return london_instant(day, time(0, 0))


_MINUTE = timedelta(minutes=1)


@dataclass
class _Block:
    start: datetime
    end: datetime
    keys: list
    day: date  # the London day it starts on (its first shift's)


def _blocks(shifts: list[Shift], day_of: Mapping[int, date]) -> list[_Block]:
    """Shifts merged into stretches of work (touching or overlapping shifts make one), by start.
    `day_of`: each shift's London day, by id()."""
    out: list[_Block] = []
    for shift in sorted(shifts, key=attrgetter("start", "end")):
        if shift.end <= shift.start:
            continue
        if out and shift.start <= out[-1].end:
            out[-1].end = max(out[-1].end, shift.end)
            out[-1].keys.append(shift.key)
        else:
            out.append(_Block(shift.start, shift.end, [shift.key], day_of[id(shift)]))
    return out


def _rests(blocks: list[_Block], ends: list[datetime], start: datetime, end: datetime) -> list[int]:
    """The unbroken rests inside [start, end), in minutes, in order. The blocks do not overlap, so their
    ends (`ends`, the blocks' ends in order) are in order too: the first that matters is found by
    bisection, and the blocks are walked from there by index rather than copied."""
    rests, at = [], start
    for i in range(bisect.bisect_right(ends, start), len(blocks)):
        block = blocks[i]
        if block.start >= end:
            break
        if block.start > at:
            rests.append((block.start - at) // _MINUTE)
        if block.end > at:
            at = block.end
    if end > at:
        rests.append((end - at) // _MINUTE)
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
    day_of = {id(s): local_date(s) for s in shifts}  # worked out once: every rule below asks it
    working = [s for s in shifts if is_working_time(s, limits)]
    blocks = _blocks(working, day_of)
    ends = [block.end for block in blocks]
    shown_from = max(first, report_from) if report_from is not None else first
    in_range = [s for s in working if shown_from <= day_of[id(s)] <= last]

    # Ages only grow: someone not young on the first day looked at is never young after it.
    earliest = first - timedelta(days=1)
    never_young = not is_young(date_of_birth, earliest, limits)

    def young(day: date) -> bool:
        return not never_young and is_young(date_of_birth, day, limits)

    found: list[Finding] = []
    # Breaks, shift by shift.
    for shift in in_range:
        day = day_of[id(shift)]
        after, needed = ((limits.young_break_after, limits.young_break_minutes) if young(day)
                         else (limits.break_after, limits.break_minutes))
        worked = awake_minutes(shift) if shift.shift_type is ShiftType.SLEEP_IN else paid_minutes(shift)
        if worked > after and shift.break_minutes < needed:
            found.append(Finding(BREAK_SHORT, pa, day, Decimal(shift.break_minutes), Decimal(needed),
                                 shifts=(shift.key,)))
    # Daily rest: the 24 hours from the start of each stretch of work, at most one finding a day.
    flagged: set[date] = set()
    stretches = Counter(block.day for block in blocks)
    for block in blocks:
        day = block.day
        if not shown_from <= day <= last or day in flagged:
            continue
        if stretches[day] > 1 and not young(day):
            continue  # work split up over the day (reg 22(1)(c)): compensatory rest instead (reg 24)
        needed = limits.young_daily_rest if young(day) else limits.daily_rest
        window_end = block.start + timedelta(hours=24)
        longest = max(_rests(blocks, ends, block.start, window_end), default=0)
        if longest < needed:
            keys = [k for b in blocks if b.start < window_end and b.end > block.start for k in b.keys]
            found.append(Finding(DAILY_REST_SHORT, pa, day, _hours(longest), _hours(needed), shifts=tuple(keys)))
            flagged.add(day)
    # Weeks: weekly rest, and a young worker's hours in the week and in each day.
    by_day: dict[date, int] = defaultdict(int)
    keys_by_day: dict[date, list] = defaultdict(list)
    for shift in working:
        day = day_of[id(shift)]
        if totals is None or day >= totals.until:
            by_day[day] += paid_minutes(shift)
            keys_by_day[day].append(shift.key)
    if totals is not None:
        for day, minutes in totals.minutes.items():
            if day < totals.until and minutes:
                by_day[day] += minutes

    def rests_between(monday: date, days: int) -> list[int]:
        return _rests(blocks, ends, _midnight(monday), _midnight(monday + timedelta(days=days)))

    fortnights: dict[date, bool] = {}  # each week's fortnight is asked about from both its weeks

    def fortnight_ok(monday: date) -> bool:
        if monday not in fortnights:
            fortnights[monday] = _fortnight_ok(monday)
        return fortnights[monday]

    def _fortnight_ok(monday: date) -> bool:
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
    absent = {day_of[id(s)] for s in shifts if s.shift_type in NOT_WORKING_TIME}
    if totals is not None:
        absent = {d for d in absent if d >= totals.until} | {d for d in totals.absent if d < totals.until}
    dated_keys = [(day_of[id(s)], s.key) for s in working]
    average = _worst_average(absent, dated_keys, by_day, first, last, limits, young, opt_out_signed, start_date, pa)
    if average is not None:
        found.append(average)
    return sorted(found, key=lambda f: (f.day, CODES.index(f.code)))


def _worst_average(absent_days, dated_keys, by_day, first, last, limits, young, opt_out_signed, start_date,
                   pa) -> Finding | None:
    """The 17-week period (ending on a Sunday from `first` to `last`) with the highest average over the
    limit, or None. `dated_keys`: each working shift's London day and key, in order.

    Each period's minutes are a difference of running totals over the days in order (the periods
    overlap by 16 weeks, so summing each afresh would add most days 17 times)."""
    worked_days = sorted(by_day)
    running = [0, *itertools.accumulate(by_day[d] for d in worked_days)]  # running[i]: the first i days' minutes
    only_absent = sorted(set(absent_days) - set(by_day))  # days off with no work: made up from later days
    worst: Finding | None = None
    sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    while sunday <= last:
        start = sunday - timedelta(days=limits.reference_weeks * 7 - 1)
        if start_date is not None and start_date > start:
            start = start_date
        complete = start >= first
        signed = opt_out_signed is not None and opt_out_signed <= sunday
        if complete and not signed and not young(sunday) and start <= sunday:
            low, high = bisect.bisect_left(worked_days, start), bisect.bisect_right(worked_days, sunday)
            excluded = bisect.bisect_right(only_absent, sunday) - bisect.bisect_left(only_absent, start)
            # The period's own days, then as many worked days after it as it had days off.
            minutes = running[min(high + excluded, len(worked_days))] - running[low]
            weeks = Decimal(max((sunday - start).days + 1, 7)) / 7
            per_week = Decimal(minutes) / weeks
            if per_week > limits.weekly_max and (worst is None or _hours(per_week) > worst.found):
                keys = tuple(key for day, key in dated_keys if start <= day <= sunday)
                worst = Finding(WEEKLY_AVERAGE_OVER, pa, sunday, _hours(per_week), _hours(limits.weekly_max),
                                first=start, shifts=keys)
        sunday += timedelta(days=7)
    return worst


def findings_touching(findings: Iterable[Finding], key: Hashable) -> list[Finding]:
    """The findings a shift takes part in (by its key)."""
    return [f for f in findings if key in f.shifts]
