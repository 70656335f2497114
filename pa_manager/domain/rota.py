"""Recurring rotas: weekly patterns in local wall-clock time, and one-off changes to them.

A pattern repeats on chosen weekdays every `interval` weeks, counted in Monday-to-Sunday weeks
from the week of `starts_on` (so "every other weekend" starts with the weekend of that week).
Each shift is built from its local date and local times, so 08:00-12:00 stays 08:00-12:00 after
a clock change. A pattern time that the spring change skips is read as iCalendar (RFC 5545)
does, with the offset before the gap (01:30 becomes 02:30 BST), rather than dropping the shift.

Weekdays are ints as in `date.weekday()`: 0 is Monday, 6 is Sunday.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Hashable, Iterable, Sequence, Union

from pa_manager.domain.shifts import (
    Nonexistent,
    Shift,
    ShiftError,
    ShiftType,
    local_date,
    local_shifts,
    to_london,
)

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
WEEKDAYS = (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
WEEKEND = (SATURDAY, SUNDAY)


@dataclass(frozen=True)
class RotaPattern:
    """A shift that repeats: 'Mon-Fri 08:00-12:00' or 'every other Saturday 22:00-08:00'.

    An end before the start runs into the next day. Construction refuses a pattern that could
    never make a shift, with a ShiftError code.
    """

    name: str
    pa: Hashable
    start: time
    end: time
    weekdays: frozenset[int]
    starts_on: date
    shift_type: ShiftType = ShiftType.STANDARD
    break_minutes: int = 0
    interval: int = 1
    until: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        object.__setattr__(self, "shift_type", ShiftType(self.shift_type))
        if not self.weekdays:
            raise ShiftError("ROTA_NO_WEEKDAYS")
        if not all(isinstance(d, int) and 0 <= d <= 6 for d in self.weekdays):
            raise ShiftError("ROTA_BAD_WEEKDAY", weekdays=sorted(self.weekdays))
        if not isinstance(self.interval, int) or self.interval < 1:
            raise ShiftError("ROTA_BAD_INTERVAL", interval=self.interval)
        if self.until is not None and self.until < self.starts_on:
            raise ShiftError("ROTA_UNTIL_BEFORE_START", starts_on=self.starts_on, until=self.until)
        if self.start.replace(tzinfo=None) == self.end.replace(tzinfo=None):
            raise ShiftError("SHIFT_START_EQUALS_END", time=self.start)
        if self.break_minutes < 0:
            raise ShiftError("SHIFT_BREAK_INVALID", break_minutes=self.break_minutes)


@dataclass(frozen=True)
class PatternDescription:
    """A pattern as data for the screens to word: weekdays sorted, Monday first."""

    weekdays: tuple[int, ...]
    interval: int
    start: time
    end: time
    overnight: bool
    shift_type: ShiftType
    break_minutes: int
    starts_on: date
    until: date | None


def describe(pattern: RotaPattern) -> PatternDescription:
    return PatternDescription(
        weekdays=tuple(sorted(pattern.weekdays)),
        interval=pattern.interval,
        start=pattern.start,
        end=pattern.end,
        overnight=pattern.end < pattern.start,
        shift_type=pattern.shift_type,
        break_minutes=pattern.break_minutes,
        starts_on=pattern.starts_on,
        until=pattern.until,
    )


def pattern_dates(pattern: RotaPattern, date_from: date, date_to: date) -> list[date]:
    """The dates shifts of the pattern start on, between the two dates inclusive.

    Weeks run Monday to Sunday and are counted in calendar days from the week of `starts_on` (so
    clock changes cannot move them); the pattern works in every `interval`-th week of them. Only the
    dates asked for are looked at, however long ago the pattern started."""
    lower = max(date_from, pattern.starts_on)
    upper = date_to if pattern.until is None else min(date_to, pattern.until)
    if upper < lower:
        return []
    first_monday = pattern.starts_on - timedelta(days=pattern.starts_on.weekday())
    out = []
    for weekday in pattern.weekdays:  # each weekday's dates a week apart, not every day looked at
        day = lower + timedelta(days=(weekday - lower.weekday()) % 7)
        while day <= upper:
            if (day - first_monday).days // 7 % pattern.interval == 0:
                out.append(day)
            day += timedelta(days=7)
    return sorted(out)


def planned_shifts(pattern: RotaPattern, date_from: date, date_to: date) -> list[Shift]:
    """The pattern's shifts that start (local date) between the two dates inclusive."""
    return local_shifts(pattern_dates(pattern, date_from, date_to), pattern.start, pattern.end, pa=pattern.pa,
                        shift_type=pattern.shift_type, break_minutes=pattern.break_minutes,
                        nonexistent=Nonexistent.SHIFT_FORWARD)


def rota_shifts(patterns: Iterable[RotaPattern], date_from: date, date_to: date) -> list[Shift]:
    """Every pattern's shifts in the dates, in start order."""
    shifts = [s for p in patterns for s in planned_shifts(p, date_from, date_to)]
    return sorted(shifts, key=lambda s: (s.start, s.end))


# --- one-off changes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Cancellation:
    """The PA's shift on that date does not happen. `start` picks one when they have several."""

    pa: Hashable
    day: date
    start: time | None = None


@dataclass(frozen=True)
class Cover:
    """The PA's shift on that date is worked by `cover_pa` instead, same times."""

    pa: Hashable
    day: date
    cover_pa: Hashable
    start: time | None = None


Change = Union[Cancellation, Cover]

# How a change is stored (models.RotaChange.kind).
CANCEL = "cancel"
COVER = "cover"
CHANGE_KINDS = (CANCEL, COVER)


def _matches(shift: Shift, change: Change) -> bool:
    if shift.pa != change.pa or local_date(shift) != change.day:
        return False
    return change.start is None or to_london(shift.start).time() == change.start.replace(tzinfo=None)


def apply_changes(planned: Sequence[Shift], changes: Iterable[Change]) -> list[Shift]:
    """The planned shifts with cancellations removed and covered shifts given to the cover PA.

    Changes apply in the order given, each to the shifts as they stand after the ones before;
    so a cancelled shift cannot then be covered, and a covered one can be cancelled by the
    cover PA's key. A change that names no shift changes nothing.
    """
    shifts = list(planned)
    for change in changes:
        hit = [i for i, s in enumerate(shifts) if _matches(s, change)]
        if isinstance(change, Cancellation):
            shifts = [s for i, s in enumerate(shifts) if i not in hit]
        else:
            for i in hit:
                shifts[i] = replace(shifts[i], pa=change.cover_pa)
    return shifts


def working_weekdays(patterns: Iterable[RotaPattern], pa: Hashable, first: date, last: date) -> tuple[int, ...]:
    """The weekdays a PA normally works, from their rota patterns in force between the two dates;
    Monday to Friday when they have none. SSP's qualifying days and the days in a working week
    for holiday entitlement both come from here."""
    days = {day for p in patterns if p.pa == pa and p.starts_on <= last and (p.until is None or p.until >= first)
            for day in p.weekdays}
    return tuple(sorted(days)) or WEEKDAYS
