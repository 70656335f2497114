"""domain.working_time's quicker checks (each shift's day worked out once, each fortnight's rests once,
the 17-week sums from running totals) find exactly what the straightforward first version did
(tests/domain/working_time_straightforward.py), on many made-up rotas: busy and quiet, nights across
midnight and both clock changes, sleep-ins, holiday and sickness, young workers turning 18, opt-outs,
start dates, and the "what needs doing" list's shorter look with days summed by the database."""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, time, timedelta

import pytest

from pa_manager.domain import working_time as wt
from pa_manager.domain.shifts import Nonexistent, ShiftType, local_date, local_shift, paid_minutes
from tests.domain import working_time_straightforward as straightforward

PA = 7
KINDS = [ShiftType.STANDARD] * 6 + [ShiftType.SLEEP_IN, ShiftType.HOLIDAY, ShiftType.SICKNESS, ShiftType.WAKING_NIGHT]
# Mondays whose 17 weeks and coming weeks take in the October or the March clock change, or neither.
FIRSTS = [date(2026, 7, 6), date(2025, 12, 1), date(2026, 1, 5), date(2026, 5, 4)]


def made_up_shifts(rng: random.Random, first: date, last: date) -> list:
    """From a quiet rota (a few days a week) to one with no day off, some days split into visits."""
    busy = rng.choice([0.3, 0.6, 0.85, 1.0])
    shifts, key = [], 0
    day = first - timedelta(days=1)
    while day <= last + timedelta(days=14):
        visits = rng.choice([1, 1, 1, 2, 3]) if rng.random() < busy else 0
        for _ in range(visits):
            key += 1
            kind = rng.choice(KINDS)
            start = time(rng.choice([0, 1, 6, 7, 8, 9, 13, 17, 20, 22, 23]), rng.choice([0, 15, 30, 45]))
            hours = rng.choice([1, 2, 4, 6, 7, 9, 10, 12, 13, 14])
            end_minutes = (start.hour * 60 + start.minute + hours * 60 + rng.choice([0, 20])) % (24 * 60)
            end = time(end_minutes // 60, end_minutes % 60)
            if end == start:
                continue
            shift = local_shift(day, start, end, pa=PA, shift_type=kind, break_minutes=rng.choice([0, 0, 10, 20, 30, 60]),
                                key=key, nonexistent=Nonexistent.SHIFT_FORWARD)
            if kind is ShiftType.SLEEP_IN and rng.random() < 0.5:
                awake_from = shift.start + timedelta(minutes=rng.choice([30, 90, 180]))
                shift = local_shift(day, start, end, pa=PA, shift_type=kind, break_minutes=shift.break_minutes,
                                    key=key, nonexistent=Nonexistent.SHIFT_FORWARD,
                                    awake=[(awake_from, min(awake_from + timedelta(hours=rng.choice([1, 5, 7])), shift.end))])
            shifts.append(shift)
        day += timedelta(days=1)
    rng.shuffle(shifts)
    return shifts


def day_totals(shifts, until: date) -> wt.DayTotals:
    """Each day's working minutes and days off before `until`, summed as the database sums them."""
    limits = wt.limits_on(until)
    minutes, absent = defaultdict(int), set()
    for shift in shifts:
        if local_date(shift) < until:
            if wt.is_working_time(shift, limits):
                minutes[local_date(shift)] += paid_minutes(shift)
            elif shift.shift_type in wt.NOT_WORKING_TIME:
                absent.add(local_date(shift))
    return wt.DayTotals(until, dict(minutes), frozenset(absent))


def case(seed: int):
    """A PA, the days looked at and their shifts, made up from the seed (so each case stands alone)."""
    rng = random.Random(seed)
    first = rng.choice(FIRSTS)
    last = first + timedelta(weeks=17, days=rng.choice([-1, 6, 20, 34, 62]))
    born = rng.choice([None, date(1980, 2, 2), first - timedelta(days=18 * 365 + rng.randint(-30, 160)),
                       first - timedelta(days=16 * 365)])
    opt_out = rng.choice([None, None, first + timedelta(days=rng.randint(0, 150))])
    started = rng.choice([None, None, first - timedelta(days=300), first + timedelta(days=rng.randint(0, 60))])
    report_from = rng.choice([None, last - timedelta(days=rng.randint(10, 60))])
    kw = dict(date_of_birth=born, opt_out_signed=opt_out, start_date=started, pa=PA, report_from=report_from)
    return made_up_shifts(rng, first, last), first, last, kw


SEEDS = range(160)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_quicker_checks_find_what_the_straightforward_ones_find(seed):
    shifts, first, last, kw = case(seed)
    assert wt.check_working_time(shifts, first, last, **kw) == straightforward.check_working_time(shifts, first, last, **kw)
    report_from = kw["report_from"]
    if report_from is not None:
        # As the "what needs doing" list asks: the older days summed, only the later shifts given.
        until = report_from - timedelta(days=report_from.weekday() + 7)
        if until > first:
            later = [s for s in shifts if local_date(s) >= until - timedelta(days=1)]
            kw["totals"] = day_totals(shifts, until)
            assert (wt.check_working_time(later, first, last, **kw)
                    == straightforward.check_working_time(later, first, last, **kw))


def test_the_made_up_rotas_break_every_rule_somewhere():
    # Otherwise the comparison above would show nothing about the rules never broken.
    seen = set()
    for seed in SEEDS:
        shifts, first, last, kw = case(seed)
        seen |= {f.code for f in straightforward.check_working_time(shifts, first, last, **kw)}
    assert seen == set(wt.CODES)
