"""A timesheet (CSV or XLSX) turned into shifts, with every problem by line number.

Columns: pa, date, start, end, break_minutes, type, notes (the last two optional).

* `pa` is a PA's name, matched ignoring case and extra spaces against the names the caller gives.
* `start` and `end` are Europe/London wall-clock times, HH:MM or H:MM (or spreadsheet time cells);
  an end earlier than the start is the next day, as in `shifts.local_shift`.
* Text in CSV files that a spreadsheet would run as a formula ("=...") is exported after a quote
  (`guard`), which is taken off again here.
* Each row is checked on its own, then the file as a whole: two rows for the same shift
  (DUPLICATE_ROW) and overlapping shifts of one PA (SHIFT_OVERLAP) name each other's line.
* Whether to store anything is the service's decision; it should store nothing unless every row
  is clean, and skip shifts whose `shift_identity` is already saved, so re-importing adds nothing.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Hashable, Mapping

from pa_manager.domain.shifts import (
    LONDON, Shift, ShiftError, ShiftType, errors, find_overlaps, local_shift, validate_shift,
)
from pa_manager.domain.validation import Problem
from pa_manager.importers.table_file import cell_text, parse_date, read_table

COLUMNS = ("pa", "date", "start", "end", "break_minutes", "type", "notes")  # also the export order
REQUIRED_COLUMNS = {"pa", "date", "start", "end", "type"}
OPTIONAL_COLUMNS = {"break_minutes", "notes"}

# Codes this module adds; the others it returns are shifts.py's and the staff importer's.
TIMESHEET_UNKNOWN_PA = "TIMESHEET_UNKNOWN_PA"
TIMESHEET_PA_AMBIGUOUS = "TIMESHEET_PA_AMBIGUOUS"
TIMESHEET_DATE_OUT_OF_RANGE = "TIMESHEET_DATE_OUT_OF_RANGE"
TIME_FORMAT = "TIME_FORMAT"
TIME_MISSING = "TIME_MISSING"
SHIFT_TYPE_UNKNOWN = "SHIFT_TYPE_UNKNOWN"
BREAK_FORMAT = "BREAK_FORMAT"
DUPLICATE_ROW = "DUPLICATE_ROW"
SHIFT_OVERLAP = "SHIFT_OVERLAP"

# Every code a TimesheetRow can carry, for the "each code has a sentence" test.
CODES = frozenset({
    TIMESHEET_UNKNOWN_PA, TIMESHEET_PA_AMBIGUOUS, TIMESHEET_DATE_OUT_OF_RANGE, TIME_FORMAT,
    TIME_MISSING, SHIFT_TYPE_UNKNOWN, BREAK_FORMAT, DUPLICATE_ROW, SHIFT_OVERLAP,
    "NAME_MISSING", "DATE_MISSING", "DATE_FORMAT",
    "LOCAL_TIME_DOES_NOT_EXIST", "SHIFT_START_EQUALS_END", "SHIFT_TOO_LONG", "SHIFT_BREAK_INVALID",
})

# The column a shift-level problem belongs to (SHIFT_END_BEFORE_START cannot arise from
# local_shift, but is mapped so that a change in shifts.py never loses a problem's column).
_SHIFT_PROBLEM_COLUMN = {
    "SHIFT_END_BEFORE_START": "end",
    "SHIFT_TOO_LONG": "end",
    "SHIFT_BREAK_INVALID": "break_minutes",
}

# A year outside these is a slip (1026 for 2026); the range also keeps clear of London's pre-1847
# local mean time, whose offset is not whole minutes.
FIRST_YEAR, LAST_YEAR = 2000, 2099

# H:MM or HH:MM; ":00" seconds too, as spreadsheets save times that way. ASCII digits only.
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::00)?")
_TYPES = {kind.value: kind for kind in ShiftType}
# A sentinel for a name that two PAs share once case and spaces are ignored.
_AMBIGUOUS = object()
# Text a spreadsheet would run as a formula; in CSV files it is written after a quote (`guard`).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TimesheetRow:
    line: int  # line number in the file; the header is line 1
    shift: Shift | None  # None when a cell could not be read or the PA is unknown
    problems: tuple[tuple[str, Problem], ...]  # (column, problem)

    @property
    def ok(self) -> bool:
        return not self.problems


def shift_identity(shift: Shift) -> tuple:
    """What makes two shifts the same one for import: PA, exact start and end, and type.

    Breaks and notes are left out, so a re-imported row with a corrected note is not a new shift.
    """
    return (shift.pa, shift.start, shift.end, shift.shift_type.value)


def name_key(name: str) -> str:
    """A PA's name as matched: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


def guard(text: str) -> str:
    """CSV text a spreadsheet will not run as a formula: a quote goes before "=" and the like.

    Text that already starts with a quote before such a character gets another, so that
    `unguard(guard(text)) == text` for every text.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) or unguard(text) != text else text


def unguard(text: str) -> str:
    """CSV text with the quote `guard` added taken off again."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS + ("'",)):
        return text[1:]
    return text


def read_timesheet(path: Path, pa_names: Mapping[str, Hashable]) -> list[TimesheetRow]:
    """Every row of the file, parsed and checked; `pa_names` maps each PA's name to its key.

    Raises TableFileError when the file as a whole cannot be read.
    """
    parser = _RowParser(_pa_lookup(pa_names), quoted=path.suffix.lower() == ".csv")
    rows = [parser.parse(row.line, row.values) for row in read_table(path, REQUIRED_COLUMNS)]
    return _check_across(rows)


def _pa_lookup(pa_names: Mapping[str, Hashable]) -> dict[str, Any]:
    # Built once per file, so each row costs one dictionary look-up.
    lookup: dict[str, Any] = {}
    for name, key in pa_names.items():
        normal = name_key(name)
        lookup[normal] = _AMBIGUOUS if normal in lookup and lookup[normal] != key else key
    return lookup


# --- one row ---------------------------------------------------------------------------------


class _RowParser:
    """Reads the rows of one file, remembering what repeats from row to row.

    Dates, times and each day's offset from UTC recur throughout a timesheet, so each is worked
    out once per file: 10,000 rows then cost little more than reading the file.
    """

    def __init__(self, lookup: Mapping[str, Any], *, quoted: bool) -> None:
        self.lookup = lookup
        # Only CSV text carries the exporter's anti-formula quote; XLSX keeps text as text.
        self.text = (lambda raw: unguard(cell_text(raw))) if quoted else cell_text
        self.dates: dict[Any, date | None] = {}
        self.times: dict[tuple[str, Any], time | None] = {}
        self.offsets: dict[date, timedelta | None] = {}

    def parse(self, line: int, values: dict) -> TimesheetRow:
        problems: list[tuple[str, Problem]] = []

        def report(column: str, problem: Problem) -> None:
            problems.append((column, problem))

        pa = _read_pa(self.text(values.get("pa")), self.lookup, report)
        day = self._read_date(values.get("date"), report)
        start = self._read_time("start", values.get("start"), report)
        end = self._read_time("end", values.get("end"), report)
        break_minutes = _read_break(values.get("break_minutes"), report)
        kind = _read_type(values.get("type"), report)
        notes = self.text(values.get("notes"))
        if problems:
            return TimesheetRow(line, None, tuple(problems))
        try:
            shift = self._shift(day, start, end, pa=pa, shift_type=kind, break_minutes=break_minutes, notes=notes)
        except ShiftError as error:
            return TimesheetRow(line, None, (_from_shift_error(error, day, start),))
        for problem in errors(validate_shift(shift)):
            # Warnings (a short visit) are allowed; the service may show them from validate_shift.
            report(_SHIFT_PROBLEM_COLUMN.get(problem.code, "start"), Problem.of(problem.code, problem.value))
        return TimesheetRow(line, shift, tuple(problems))

    def _read_date(self, raw: Any, report) -> date | None:
        if raw not in self.dates:
            self.dates[raw] = _date_of(raw)
        day = self.dates[raw]
        if day is None:
            text = cell_text(raw)
            report("date", Problem.of("DATE_FORMAT", text) if text else Problem.of("DATE_MISSING", "date"))
        elif not FIRST_YEAR <= day.year <= LAST_YEAR:
            report("date", Problem.of(TIMESHEET_DATE_OUT_OF_RANGE, day, first=FIRST_YEAR, last=LAST_YEAR))
            return None
        return day

    def _read_time(self, column: str, raw: Any, report) -> time | None:
        key = (column, raw)
        if key not in self.times:
            self.times[key] = _time_of(raw, column)
        at = self.times[key]
        if at is None:
            text = cell_text(raw)
            report(column, Problem.of(TIME_FORMAT, text) if text else Problem.of(TIME_MISSING, column))
        return at

    def _shift(self, day: date, start: time, end: time, **fields: Any) -> Shift:
        """The same shift as `local_shift` gives, without asking zoneinfo on ordinary days."""
        end_day = day + timedelta(days=1) if end < start else day
        first, last = self._offset(day), self._offset(end_day)
        if start == end or first is None or last is None:
            return local_shift(day, start, end, **fields)  # a clock change, or a refusal: its rules
        return Shift(
            start=datetime.combine(day, start, tzinfo=timezone.utc) - first,
            end=datetime.combine(end_day, end, tzinfo=timezone.utc) - last,
            **fields,
        )

    def _offset(self, day: date) -> timedelta | None:
        """The day's UTC offset if it is the same all day, or None on a clock-change day."""
        if day not in self.offsets:
            # London never changes its clocks twice in a day, so midnight and 23:59 tell.
            morning = LONDON.utcoffset(datetime.combine(day, time(0)))
            night = LONDON.utcoffset(datetime.combine(day, time(23, 59)))
            self.offsets[day] = morning if morning == night else None
        return self.offsets[day]


def _read_pa(name: str, lookup: Mapping[str, Any], report) -> Hashable | None:
    if not name:
        report("pa", Problem.of("NAME_MISSING"))
        return None
    key = lookup.get(name_key(name))
    if key is None:
        report("pa", Problem.of(TIMESHEET_UNKNOWN_PA, name))
    elif key is _AMBIGUOUS:
        report("pa", Problem.of(TIMESHEET_PA_AMBIGUOUS, name))
        return None
    return key


def _date_of(raw: Any) -> date | None:
    try:
        return parse_date(raw)
    except ValueError:
        return None


def _time_of(raw: Any, column: str) -> time | None:
    """A whole-minute wall-clock time from text or a spreadsheet cell, or None."""
    if isinstance(raw, datetime):
        return None  # a date and time in a time column: which date is meant is unclear
    if isinstance(raw, time):
        return _whole_minute(raw.hour * 3600 + raw.minute * 60 + raw.second + raw.microsecond / 1e6)
    if isinstance(raw, timedelta):  # cells formatted [h]:mm come back as durations
        return _whole_minute(raw.total_seconds())
    match = _TIME.fullmatch(cell_text(raw))
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if column == "end" and (hour, minute) == (24, 0):
        return time(0)  # "until 24:00" is midnight, the end of the day
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _whole_minute(seconds: float) -> time | None:
    # Spreadsheets store times as fractions of a day, so allow a second of rounding, no more.
    minutes = round(seconds / 60)
    if abs(seconds - minutes * 60) > 1 or not 0 <= minutes < 24 * 60:
        return None
    return time(minutes // 60, minutes % 60)


def _read_break(raw: Any, report) -> int | None:
    text = cell_text(raw)
    if text == "":
        return 0
    if not (text.isascii() and text.isdigit()):
        report("break_minutes", Problem.of(BREAK_FORMAT, text))
        return None
    return int(text)


def _read_type(raw: Any, report) -> ShiftType | None:
    text = cell_text(raw)
    # "Waking night" and "sleep-in" are how people write the codes by hand.
    kind = _TYPES.get(text.lower().replace(" ", "_").replace("-", "_"))
    if kind is None:
        report("type", Problem.of(SHIFT_TYPE_UNKNOWN, text))
    return kind


def _from_shift_error(error: ShiftError, day: date, start: time) -> tuple[str, Problem]:
    detail = error.detail
    if error.code == "LOCAL_TIME_DOES_NOT_EXIST":
        at: time = detail["time"]
        column = "start" if (detail["day"], at) == (day, start) else "end"
        return column, Problem.of(error.code, at.strftime("%H:%M"), day=detail["day"])
    if error.code == "SHIFT_START_EQUALS_END":
        return "end", Problem.of(error.code, detail["time"].strftime("%H:%M"))
    return "start", Problem.of(error.code)


# --- across the file -------------------------------------------------------------------------


def _check_across(rows: list[TimesheetRow]) -> list[TimesheetRow]:
    """Rows with duplicates and overlaps added, each naming the other row's line.

    A duplicate is reported on the later row only and kept out of the overlap check, where it
    would otherwise also show up as an overlap with its twin.
    """
    extra: dict[int, list[tuple[str, Problem]]] = defaultdict(list)
    first_line: dict[tuple, int] = {}
    line_of: dict[int, int] = {}  # id(shift) -> line, as find_overlaps hands back the same objects
    distinct: list[Shift] = []
    for row in rows:
        if row.shift is None:
            continue
        identity = shift_identity(row.shift)
        if identity in first_line:
            extra[row.line].append(("pa", Problem.of(DUPLICATE_ROW, first_line[identity])))
            continue
        first_line[identity] = row.line
        line_of[id(row.shift)] = row.line
        distinct.append(row.shift)
    for earlier, later in find_overlaps(distinct):
        a, b = line_of[id(earlier)], line_of[id(later)]
        extra[a].append(("start", Problem.of(SHIFT_OVERLAP, b)))
        extra[b].append(("start", Problem.of(SHIFT_OVERLAP, a)))
    if not extra:
        return rows
    return [replace(r, problems=r.problems + tuple(extra[r.line])) if r.line in extra else r for r in rows]
