"""Shifts a PA works: exact instants, local wall-clock input, and the checks a rota must pass.

Rules this module keeps (each one is a decision the rest of the app relies on):

* Instants are stored in UTC; people type Europe/London wall-clock times. Clock changes are
  handled by converting through zoneinfo, so a 22:00-08:00 night is 11 hours across the last
  Sunday of October and 9 hours across the last Sunday of March.
* A local time that does not exist (01:30 on the spring-forward Sunday) is refused with
  LOCAL_TIME_DOES_NOT_EXIST, unless the caller asks for the iCalendar (RFC 5545) reading, which
  uses the offset in force before the gap (01:30 GMT = 02:30 BST); the rota uses that reading.
* A local time that happens twice (01:30 on the autumn Sunday) means the first one (fold=0, BST).
* In `local_shift` an end earlier than the start means the next day; an end equal to the start
  is refused (SHIFT_START_EQUALS_END): it is far more often a slip than a 24-hour shift, and a
  24-hour shift can be made with `local_span` naming both days.
* Time is counted in whole minutes (an int, exact). Hours are Decimal minutes / 60, only ever
  derived from a minute total, and rounded to 0.01 only by whoever shows them.
* A shift belongs to the Europe/London date it starts on.
* Problems come back as codes with the shifts involved; the words are the screens' business.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Hashable, Iterable
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

MAX_SHIFT_MINUTES = 24 * 60
# The Citizens UK care charter: no visit shorter than 30 minutes.
SHORT_VISIT_MINUTES = 30


class ShiftType(str, Enum):
    STANDARD = "standard"
    WAKING_NIGHT = "waking_night"
    SLEEP_IN = "sleep_in"
    TRAVEL = "travel"
    TRAINING = "training"
    SHADOWING = "shadowing"
    HOLIDAY = "holiday"
    SICKNESS = "sickness"


# Where a stored shift came from (models.Shift.source): typed in, a timesheet, or the rota.
MANUAL = "manual"
IMPORTED = "import"
FROM_ROTA = "rota"
SOURCES = (MANUAL, IMPORTED, FROM_ROTA)


class Nonexistent(str, Enum):
    """What to do with a wall-clock time that the spring clock change skips."""

    REFUSE = "refuse"
    SHIFT_FORWARD = "shift_forward"  # RFC 5545: read it with the offset before the gap


class ShiftError(ValueError):
    """Input that cannot be made into a shift; `code` says why, `detail` holds the values."""

    def __init__(self, code: str, **detail: object) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


class Severity(str, Enum):
    ERROR = "error"      # the shift cannot be saved as it is
    WARNING = "warning"  # worth a second look, but allowed


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a shift.

    `value` carries the figure broken where there is one: the PA's start or leaving date, the
    offending awake period, or the visit's minutes.
    """

    code: str
    shift: "Shift"
    severity: Severity = Severity.ERROR
    value: object = None


Period = tuple[datetime, datetime]


def _as_utc(moment: datetime) -> datetime:
    # Already UTC and whole minutes (as every instant read from the database or from london_instant is):
    # nothing to convert. The quick way out keeps the same guarantees as the full checks below.
    if _is_utc_minute(moment):
        return moment
    # Naive datetimes are a programming error: without a zone the instant is unknown.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("shift times must be timezone-aware")
    if moment.second or moment.microsecond:
        raise ValueError("shift times are whole minutes")
    return moment.astimezone(timezone.utc)


@dataclass(frozen=True)
class Shift:
    """A stretch of work (or of holiday or sickness) for one PA, between two UTC instants.

    `pa` is whatever key the caller uses for a PA; `key` is the caller's id for the shift itself
    (None until saved). Construction only normalises; validity is `validate_shift`'s job, so a
    bad shift can still be held and reported on.
    """

    pa: Hashable
    start: datetime
    end: datetime
    shift_type: ShiftType = ShiftType.STANDARD
    break_minutes: int = 0
    awake: tuple[Period, ...] = ()
    notes: str = ""
    key: Hashable = None
    # The caller's version of the stored shift (None until saved), so that saving over a shift someone
    # else has changed since can be refused. Not part of what the shift is, so not compared.
    version: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_utc(self.start))
        object.__setattr__(self, "end", _as_utc(self.end))
        if type(self.shift_type) is not ShiftType:  # (asking the enum costs more than looking)
            object.__setattr__(self, "shift_type", ShiftType(self.shift_type))
        if isinstance(self.break_minutes, bool) or not isinstance(self.break_minutes, int):
            raise TypeError("break_minutes must be an int")
        if self.awake or type(self.awake) is not tuple:
            object.__setattr__(self, "awake", tuple((_as_utc(a), _as_utc(b)) for a, b in self.awake))

    @classmethod
    def made_ready(cls, pa: Hashable, start: datetime, end: datetime, shift_type: ShiftType, break_minutes: int,
                   awake: tuple[Period, ...] = (), notes: str = "", key: Hashable = None,
                   version: int | None = None) -> "Shift":
        """The same shift as Shift(...), made about three times quicker when its values need no normalising
        (UTC whole-minute instants, as the database and london_instant give, a ShiftType, an int break, a
        tuple of awake periods): the dashboard makes thousands. Any other values go through Shift(...),
        which normalises or refuses them as ever."""
        if (_is_utc_minute(start) and _is_utc_minute(end) and type(shift_type) is ShiftType
                and type(break_minutes) is int and type(awake) is tuple
                and (not awake or all(_is_utc_minute(a) and _is_utc_minute(b) for a, b in awake))):
            shift = object.__new__(cls)
            # As the frozen dataclass's own __init__ would set them, without its attribute-by-attribute way.
            shift.__dict__.update(pa=pa, start=start, end=end, shift_type=shift_type, break_minutes=break_minutes,
                                  awake=awake, notes=notes, key=key, version=version)
            return shift
        return cls(pa, start, end, shift_type, break_minutes, awake, notes, key, version)


def _is_utc_minute(moment: datetime) -> bool:
    return type(moment) is datetime and moment.tzinfo is timezone.utc and not moment.second and not moment.microsecond


# --- local wall-clock time -------------------------------------------------------------------


def london_instant(day: date, at: time, *, nonexistent: Nonexistent = Nonexistent.REFUSE) -> datetime:
    """The UTC instant of a Europe/London wall-clock time on a day.

    Ambiguous times take the first occurrence (fold=0). Non-existent ones are refused, or with
    SHIFT_FORWARD read with the pre-gap offset, which is what zoneinfo does for fold=0.
    """
    if at.second or at.microsecond:
        raise ShiftError("SHIFT_NOT_WHOLE_MINUTES", time=at)
    instant, exists = _london_clock(day, at if at.tzinfo is None else at.replace(tzinfo=None))
    if not exists and nonexistent is Nonexistent.REFUSE:
        raise ShiftError("LOCAL_TIME_DOES_NOT_EXIST", day=day, time=at)
    return instant


@lru_cache(maxsize=8192)
def _london_clock(day: date, at: time) -> tuple[datetime, bool]:
    """The UTC instant of a wall-clock time, and whether that time exists on the day. Kept: a rota or a
    week's timesheet asks for the same few times on the same days again and again."""
    local = datetime.combine(day, at, tzinfo=LONDON).replace(fold=0)
    instant = local.astimezone(timezone.utc)
    # A time in the spring gap does not survive the round trip back to wall-clock time.
    return instant, instant.astimezone(LONDON).replace(tzinfo=None) == local.replace(tzinfo=None)


def to_london(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)


def local_date(shift: Shift) -> date:
    """The date a shift belongs to: the Europe/London date it starts on."""
    return shift.start.astimezone(LONDON).date()


def local_span(
    start_day: date,
    start: time,
    end_day: date,
    end: time,
    *,
    pa: Hashable,
    shift_type: ShiftType = ShiftType.STANDARD,
    break_minutes: int = 0,
    awake: Iterable[tuple[time | datetime, time | datetime]] = (),
    notes: str = "",
    key: Hashable = None,
    nonexistent: Nonexistent = Nonexistent.REFUSE,
) -> Shift:
    """A shift from local wall-clock times with both days named (any length, even 24 hours)."""
    shift = Shift(
        pa=pa,
        start=london_instant(start_day, start, nonexistent=nonexistent),
        end=london_instant(end_day, end, nonexistent=nonexistent),
        shift_type=shift_type,
        break_minutes=break_minutes,
        notes=notes,
        key=key,
    )
    periods = tuple(_resolve_period(shift, a, b, nonexistent) for a, b in awake)
    return replace(shift, awake=periods) if periods else shift


def local_shift(
    day: date,
    start: time,
    end: time,
    *,
    pa: Hashable,
    shift_type: ShiftType = ShiftType.STANDARD,
    break_minutes: int = 0,
    awake: Iterable[tuple[time | datetime, time | datetime]] = (),
    notes: str = "",
    key: Hashable = None,
    nonexistent: Nonexistent = Nonexistent.REFUSE,
) -> Shift:
    """A shift starting on `day` at local `start`; an end before the start is the next day.

    Awake periods (sleep-ins) may be given as local times; each is placed at the first moment
    at or after the shift's start with that wall-clock time.
    """
    start, end, later = _wall_clock(day, start, end)
    return local_span(
        day, start, day + later, end, pa=pa, shift_type=shift_type, break_minutes=break_minutes,
        awake=awake, notes=notes, key=key, nonexistent=nonexistent,
    )


def local_shifts(days: Iterable[date], start: time, end: time, *, pa: Hashable,
                 shift_type: ShiftType = ShiftType.STANDARD, break_minutes: int = 0,
                 nonexistent: Nonexistent = Nonexistent.REFUSE) -> list[Shift]:
    """local_shift on each of the days with the same times (a rota pattern's shifts), without awake
    periods: what stays the same from day to day is worked out once, as the rota makes hundreds."""
    days = list(days)
    if not days:
        return []
    start, end, later = _wall_clock(days[0], start, end)
    return [Shift.made_ready(pa, london_instant(day, start, nonexistent=nonexistent),
                             london_instant(day + later, end, nonexistent=nonexistent), shift_type, break_minutes)
            for day in days]


def _wall_clock(day: date, start: time, end: time) -> tuple[time, time, timedelta]:
    """A shift's local start and end times (any zone dropped) and how long after its first day it ends: an
    end before the start is the next day. The same times are refused (SHIFT_START_EQUALS_END, on `day`)."""
    start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    if start == end:
        raise ShiftError("SHIFT_START_EQUALS_END", day=day, time=start)
    return start, end, timedelta(days=1) if end < start else timedelta(0)


def _resolve_period(shift: Shift, a: time | datetime, b: time | datetime, nonexistent: Nonexistent) -> Period:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return (a, b)
    if isinstance(a, datetime) or isinstance(b, datetime):
        raise TypeError("an awake period is two local times or two instants, not a mixture")
    first = _next_local(shift.start, a, nonexistent)
    second = _next_local(first, b, nonexistent)
    return (first, second)


def _next_local(after: datetime, at: time, nonexistent: Nonexistent) -> datetime:
    # The first instant at or after `after` showing wall-clock time `at` (today or tomorrow).
    day = after.astimezone(LONDON).date()
    candidate = london_instant(day, at, nonexistent=nonexistent)
    if candidate < after:
        candidate = london_instant(day + timedelta(days=1), at, nonexistent=nonexistent)
    return candidate


# --- hours -----------------------------------------------------------------------------------


def minutes_to_hours(minutes: int) -> Decimal:
    """Hours as Decimal from whole minutes.

    Exact when the minutes are a multiple of 3, otherwise to Decimal's 28 significant digits.
    The exact figure is the minutes: work money out as rate x minutes / 60, not from these.
    """
    return Decimal(minutes) / Decimal(60)


_MINUTE = timedelta(minutes=1)


def length_minutes(shift: Shift) -> int:
    """End minus start in whole minutes, with breaks included (negative if the end is first)."""
    return (shift.end - shift.start) // _MINUTE


def paid_minutes(shift: Shift) -> int:
    """Length minus break, exactly, in minutes. Never below zero."""
    return max(length_minutes(shift) - shift.break_minutes, 0)


def paid_hours(shift: Shift) -> Decimal:
    """Length minus break in hours, from exact minutes; round only when showing it."""
    return minutes_to_hours(paid_minutes(shift))


def awake_minutes(shift: Shift) -> int:
    """Minutes awake during a sleep-in (counted for the minimum wage).

    Periods are clipped to the shift and merged, so overlapping entries are not counted twice.
    """
    clipped = sorted(
        (max(a, shift.start), min(b, shift.end)) for a, b in shift.awake
    )
    total = timedelta()
    current: Period | None = None
    for a, b in clipped:
        if b <= a:
            continue
        if current is None or a > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (a, b)
        else:
            current = (current[0], max(current[1], b))
    if current is not None:
        total += current[1] - current[0]
    return int(total // timedelta(minutes=1))


def minutes_by_type(shifts: Iterable[Shift]) -> dict[ShiftType, int]:
    """Paid minutes summed per shift type (only types present appear)."""
    out: dict[ShiftType, int] = defaultdict(int)
    for shift in shifts:
        out[shift.shift_type] += paid_minutes(shift)
    return dict(out)


# --- validation ------------------------------------------------------------------------------


def validate_shift(
    shift: Shift, *, pa_start: date | None = None, pa_leaving: date | None = None
) -> list[Problem]:
    """Problems with one shift on its own (overlaps need the others: see `find_overlaps`).

    Start and leaving dates are compared with the date the shift belongs to, so the last night
    shift starting on the leaving date is allowed, as the PA was still employed when it began.
    """
    problems: list[Problem] = []
    length = length_minutes(shift)
    if length <= 0:
        problems.append(Problem("SHIFT_END_BEFORE_START", shift))
    elif length > MAX_SHIFT_MINUTES:
        problems.append(Problem("SHIFT_TOO_LONG", shift, value=length))
    # A break as long as the shift leaves nothing worked: treat it as a slip, like a longer one.
    if shift.break_minutes < 0 or (length > 0 and shift.break_minutes >= length):
        problems.append(Problem("SHIFT_BREAK_INVALID", shift, value=shift.break_minutes))
    day = local_date(shift)
    if pa_start is not None and day < pa_start:
        problems.append(Problem("SHIFT_BEFORE_START_DATE", shift, value=pa_start))
    if pa_leaving is not None and day > pa_leaving:
        problems.append(Problem("SHIFT_AFTER_LEAVING_DATE", shift, value=pa_leaving))
    for period in shift.awake:
        a, b = period
        if not (shift.start <= a < b <= shift.end):
            problems.append(Problem("SLEEP_IN_AWAKE_OUTSIDE", shift, value=period))
    if 0 < length < SHORT_VISIT_MINUTES:
        problems.append(Problem("SHORT_VISIT", shift, severity=Severity.WARNING, value=length))
    return problems


def find_overlaps(shifts: Iterable[Shift]) -> list[tuple[Shift, Shift]]:
    """Pairs of shifts of the same PA that share some time; touching ends do not overlap.

    Sort by start, then sweep keeping a heap of the shifts still running: O(n log n + pairs).
    Each pair is given once as (earlier start, later start). Shifts whose end is not after
    their start are left out here; `validate_shift` already reports them.
    """
    by_pa: dict[Hashable, list[Shift]] = defaultdict(list)
    for shift in shifts:
        if shift.end > shift.start:
            by_pa[shift.pa].append(shift)
    pairs: list[tuple[Shift, Shift]] = []
    for group in by_pa.values():
        group.sort(key=lambda s: (s.start, s.end))
        running: list[tuple[datetime, int]] = []  # (end, index into group)
        for index, shift in enumerate(group):
            while running and running[0][0] <= shift.start:
                heapq.heappop(running)
            for _, other in sorted(running, key=lambda item: item[1]):
                pairs.append((group[other], shift))
            heapq.heappush(running, (shift.end, index))
    return pairs


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The refusals among problems (warnings left out)."""
    return [p for p in problems if p.severity is Severity.ERROR]
