"""Booked holiday on the timesheet, for a PA on fixed hours: the shifts the rota plans for them on the
booked days become holiday shifts, which the pay run pays, and the planned ones are cancelled, so the
Hours page, the budget forecast and the dashboard no longer count on work that will not happen.

The rule, day by day from the booking's first day to its last: each shift the rota plans for the PA
that day (after cancellations and cover) is cancelled and recorded as a holiday shift at the same times
and break, so a day's holiday is the paid time of the shifts it replaces. A day the rota plans nothing
for them gets no holiday shift (there are no times to put it at; the booking still holds its hours back
in the balance, and the holiday can be typed in on the Hours page). A day is left as it is, and said so
(`SkippedDay`), when it is in a pay period already paid (its pay record would no longer match), or when
a shift of theirs is already recorded that day or overlaps a planned one (it was worked, or the holiday
is already typed in). A PA whose hours vary gets none: their hours are typed when booking.

Every shift and cancellation made is linked to the booking (holiday_booking_id), so cancelling the
booking takes back those on days not yet paid; those on paid days stay as the pay record has them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from pa_manager.domain.shifts import MANUAL, Shift, ShiftType, find_overlaps, local_date, paid_minutes
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.rota import cancel_for_holiday, planned_in
from pa_manager.services.shifts import batch_problems, paid_periods, row_values, shift_rows, to_shift
from pa_manager.storage import models

PAID = "paid"                      # the day is in a pay period already paid
SHIFT_RECORDED = "shift_recorded"  # a shift of theirs is already recorded that day


@dataclass(frozen=True)
class SkippedDay:
    """A booked day the rota plans shifts on that was left as it is, and why (PAID, with the pay date
    of the run that paid it, or SHIFT_RECORDED)."""

    day: date
    reason: str
    paid_on: date | None = None


@dataclass(frozen=True)
class TimesheetHoliday:
    """What a booking puts on the timesheet: a holiday shift for each planned shift cancelled (in the
    same order), and the days left as they are."""

    planned: tuple[Shift, ...] = ()
    holiday: tuple[Shift, ...] = ()
    skipped: tuple[SkippedDay, ...] = ()

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({local_date(shift) for shift in self.holiday}))

    @property
    def minutes(self) -> int:
        return sum(paid_minutes(shift) for shift in self.holiday)


def _paid_on(periods, day: date) -> date | None:
    return next((paid_on for first, last, paid_on in periods if first <= day <= last), None)


def plan(s, employer_id: int, pa_id: int, first: date, last: date) -> TimesheetHoliday:
    """What booking holiday from `first` to `last` would put on the PA's timesheet (nothing is written)."""
    planned = [p for p in planned_in(s, employer_id, first, last) if p.pa == pa_id]
    if not planned:
        return TimesheetHoliday()
    stored = [to_shift(r) for r in s.execute(shift_rows().where(
        models.Shift.pa_id == pa_id, models.Shift.local_date >= first - timedelta(days=1),
        models.Shift.local_date <= last))]
    recorded_days = {local_date(shift) for shift in stored}
    overlapped = {id(p) for pair in find_overlaps([*planned, *stored]) for p in pair}
    by_day: dict[date, list[Shift]] = defaultdict(list)
    for shift in planned:
        by_day[local_date(shift)].append(shift)
    periods = paid_periods(s, employer_id)
    kept: list[Shift] = []
    skipped: list[SkippedDay] = []
    for day, theirs in sorted(by_day.items()):
        paid_on = _paid_on(periods, day)
        if paid_on is not None:
            skipped.append(SkippedDay(day, PAID, paid_on))
        elif day in recorded_days or any(id(p) in overlapped for p in theirs):
            skipped.append(SkippedDay(day, SHIFT_RECORDED))
        else:
            kept += theirs
    holiday = [Shift(pa=pa_id, start=p.start, end=p.end, shift_type=ShiftType.HOLIDAY, break_minutes=p.break_minutes)
               for p in kept]
    return TimesheetHoliday(tuple(kept), tuple(holiday), tuple(skipped))


def record(s, employer_id: int, booking_id: int, found: TimesheetHoliday) -> TimesheetHoliday:
    """Cancel the planned shifts and store the holiday shifts, linked to the booking, in the caller's
    transaction (which holds the employer's lock, so no pay run is finalised meanwhile). Each holiday
    shift is checked as a typed one is (ValidationFailed, nothing kept). Gives them with their ids."""
    problems = batch_problems(s, employer_id, list(found.holiday))
    if problems:
        _, field, problem = problems[0]
        raise ValidationFailed({field: problem})
    for planned in found.planned:
        cancel_for_holiday(s, employer_id, planned, booking_id)
    rows = [models.Shift(**row_values(employer_id, shift, MANUAL), holiday_booking_id=booking_id)
            for shift in found.holiday]
    s.add_all(rows)
    s.flush()
    return TimesheetHoliday(found.planned, tuple(to_shift(row) for row in rows), found.skipped)


def take_back(s, employer_id: int, booking_id: int) -> int:
    """Remove the booking's holiday shifts and rota cancellations on days not yet paid, in the caller's
    transaction; gives the minutes of holiday taken off the timesheet."""
    periods = paid_periods(s, employer_id)
    shifts = [row for row in s.scalars(select(models.Shift).where(models.Shift.holiday_booking_id == booking_id))
              if _paid_on(periods, row.local_date) is None]
    changes = [row for row in s.scalars(select(models.RotaChange).where(
        models.RotaChange.holiday_booking_id == booking_id)) if _paid_on(periods, row.day) is None]
    minutes = sum(paid_minutes(to_shift(row)) for row in shifts)
    for row in [*shifts, *changes]:
        s.delete(row)
    s.flush()
    return minutes
