"""Timesheet import and export: every bad row by line, clock changes, and a faithful round trip."""
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from pa_manager import messages
from pa_manager.domain.shifts import (
    Shift, ShiftError, ShiftType, errors, length_minutes, local_shift, paid_minutes, validate_shift,
)
from pa_manager.domain.validation import Problem
from pa_manager.importers.table_file import TableFileError
from tests.saying import raises_saying
from pa_manager.importers.timesheet import CODES, read_timesheet, shift_identity
from pa_manager.importers.timesheet_export import write_timesheet

UTC = timezone.utc
PAS = {"Ruth Okoro": 1, "Ali Hassan": 2}
HEADER = "pa,date,start,end,break_minutes,type,notes\n"


def _csv(tmp_path, body: str, name="timesheet.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _problems(rows) -> set[tuple[int, str, str]]:
    return {(row.line, column, problem.code) for row in rows for column, problem in row.problems}


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- good files ------------------------------------------------------------------------------


def test_a_good_csv_gives_one_shift_per_row(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-06-01,08:00,14:30,30,standard,Morning\n"
        "  ruth   OKORO ,2/6/2026,9:05,17:00,,Waking night,\n"  # case, spaces, H:MM, blank break
        "Ali Hassan,2026-06-01,22:00,07:00,0,sleep-in,\"Quiet, slept well\"\n"
    ))
    rows = read_timesheet(path, PAS)
    assert [r.line for r in rows] == [2, 3, 4] and all(r.ok for r in rows)
    first, second, third = (r.shift for r in rows)
    assert (first.pa, first.start, first.end, first.break_minutes, first.notes) == (
        1, utc(2026, 6, 1, 7, 0), utc(2026, 6, 1, 13, 30), 30, "Morning")
    assert (second.pa, second.start, second.shift_type, second.break_minutes) == (
        1, utc(2026, 6, 2, 8, 5), ShiftType.WAKING_NIGHT, 0)
    assert (third.pa, third.end, third.shift_type, third.notes) == (
        2, utc(2026, 6, 2, 6, 0), ShiftType.SLEEP_IN, "Quiet, slept well")


def test_a_good_xlsx_with_real_date_and_time_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["PA", "Date", "Start", "End", "Break minutes", "Type", "Notes"])
    sheet.append(["Ruth Okoro", date(2026, 6, 1), time(8, 0), time(14, 30), 30, "standard", None])
    sheet.append(["Ali Hassan", datetime(2026, 6, 1), time(22, 0), time(7, 0), None, "sleep_in", "ok"])
    sheet.append(["Ali Hassan", "2026-06-02", "22:00", timedelta(hours=7), 15.0, "waking_night", None])
    path = tmp_path / "timesheet.xlsx"
    book.save(path)
    rows = read_timesheet(path, PAS)
    assert all(r.ok for r in rows), _problems(rows)
    assert [(r.shift.start, r.shift.end, r.shift.break_minutes) for r in rows] == [
        (utc(2026, 6, 1, 7, 0), utc(2026, 6, 1, 13, 30), 30),
        (utc(2026, 6, 1, 21, 0), utc(2026, 6, 2, 6, 0), 0),
        (utc(2026, 6, 2, 21, 0), utc(2026, 6, 3, 6, 0), 15),
    ]


def test_spreadsheet_rounding_is_forgiven_but_seconds_are_not(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["pa", "date", "start", "end", "type"])
    sheet.append(["Ruth Okoro", date(2026, 6, 1), time(7, 59, 59, 999000), time(12, 0), "standard"])
    sheet.append(["Ruth Okoro", date(2026, 6, 2), time(8, 0, 30), time(12, 0), "standard"])
    sheet.append(["Ruth Okoro", date(2026, 6, 3), datetime(2026, 6, 3, 8, 0), time(12, 0), "standard"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    rows = read_timesheet(path, PAS)
    assert rows[0].ok and rows[0].shift.start == utc(2026, 6, 1, 7, 0)
    assert _problems(rows[1:]) == {(3, "start", "TIME_FORMAT"), (4, "start", "TIME_FORMAT")}


# --- bad rows --------------------------------------------------------------------------------


def test_every_bad_row_is_named_by_its_line_and_column(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-06-01,08:00,12:00,0,standard,\n"   # 2: good
        ",,,,,,\n"                                          # 3: blank, skipped but counted
        "Zed Unknown,2026-06-02,08:00,12:00,0,standard,\n"  # 4
        "Ruth Okoro,31/02/2026,08:00,12:00,0,standard,\n"   # 5
        "Ruth Okoro,2026-06-03,8am,25:00,0,standard,\n"     # 6
        "Ruth Okoro,2026-06-04,08:00,12:00,0,nap,\n"        # 7
        "Ruth Okoro,2026-06-05,08:00,12:00,-5,standard,\n"  # 8
        "Ruth Okoro,2026-06-06,08:00,12:00,7.5,standard,\n" # 9
        ",,08:00,,0,,\n"                                    # 10: pa, date, end and type missing
        "Ruth Okoro,2026-06-07,08:00,12:00,240,standard,\n" # 11: break as long as the shift
        "Ruth Okoro,2026-06-08,09:00,09:00,0,standard,\n"   # 12: start = end
        "Ruth Okoro,1026-06-09,08:00,12:00,0,standard,\n"   # 13: a slip in the year
        "Ruth Okoro,2026-06-10,08:60,12:00,0,standard,\n"   # 14
    ))
    rows = read_timesheet(path, PAS)
    assert [r.line for r in rows] == [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert _problems(rows) == {
        (4, "pa", "TIMESHEET_UNKNOWN_PA"),
        (5, "date", "DATE_FORMAT"),
        (6, "start", "TIME_FORMAT"), (6, "end", "TIME_FORMAT"),
        (7, "type", "SHIFT_TYPE_UNKNOWN"),
        (8, "break_minutes", "BREAK_FORMAT"),
        (9, "break_minutes", "BREAK_FORMAT"),
        (10, "pa", "NAME_MISSING"), (10, "date", "DATE_MISSING"), (10, "end", "TIME_MISSING"),
        (10, "type", "SHIFT_TYPE_UNKNOWN"),
        (11, "break_minutes", "SHIFT_BREAK_INVALID"),
        (12, "end", "SHIFT_START_EQUALS_END"),
        (13, "date", "TIMESHEET_DATE_OUT_OF_RANGE"),
        (14, "start", "TIME_FORMAT"),
    }
    by_line = {r.line: r for r in rows}
    assert by_line[4].shift is None and by_line[4].problems[0][1].value == "Zed Unknown"
    assert by_line[6].problems[0][1].value == "8am"
    assert by_line[11].shift is not None  # a whole shift with a bad break can still be shown


def test_a_time_missing_in_the_spring_gap_names_its_column_and_day(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-03-29,01:30,06:00,0,standard,\n"
        "Ali Hassan,2026-03-28,23:00,01:15,0,standard,\n"  # ends on 29 March, inside the gap
    ))
    start_gap, end_gap = (r.problems for r in read_timesheet(path, PAS))
    assert [(c, p.code, p.value, p.param("day")) for c, p in start_gap] == [
        ("start", "LOCAL_TIME_DOES_NOT_EXIST", "01:30", date(2026, 3, 29))]
    assert [(c, p.code, p.param("day")) for c, p in end_gap] == [
        ("end", "LOCAL_TIME_DOES_NOT_EXIST", date(2026, 3, 29))]


def test_a_shift_over_24_hours_on_the_autumn_clock_change_is_refused(tmp_path):
    # 00:30 to 00:29 the next day is 23 h 59 min on the clock, but the repeated hour makes it 24:59.
    rows = read_timesheet(_csv(tmp_path, "Ruth Okoro,2026-10-25,00:30,00:29,0,standard,\n"), PAS)
    assert _problems(rows) == {(2, "end", "SHIFT_TOO_LONG")}
    assert rows[0].problems[0][1].value == 24 * 60 + 59


def test_a_name_two_pas_share_is_refused_as_ambiguous(tmp_path):
    rows = read_timesheet(_csv(tmp_path, "jo  smith,2026-06-01,08:00,12:00,0,standard,\n"),
                          {"Jo Smith": 1, "JO SMITH": 2})
    assert _problems(rows) == {(2, "pa", "TIMESHEET_PA_AMBIGUOUS")} and rows[0].shift is None


def test_a_missing_column_or_a_wrong_kind_of_file_is_refused_as_a_whole(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("pa,date,start,end\nRuth Okoro,2026-06-01,08:00,12:00\n", encoding="utf-8")
    with raises_saying(TableFileError, "type"):
        read_timesheet(path, PAS)
    with pytest.raises(TableFileError):
        read_timesheet(tmp_path / "t.txt", PAS)


# --- across the file -------------------------------------------------------------------------


def test_overlapping_rows_of_one_pa_name_each_other(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-06-01,22:00,08:00,0,waking_night,\n"  # 2: runs into 2 June
        "Ali Hassan,2026-06-02,07:00,09:00,0,standard,\n"      # 3: another PA, no clash
        "Ruth Okoro,2026-06-02,07:00,09:00,0,standard,\n"      # 4: overlaps line 2
        "Ruth Okoro,2026-06-02,09:00,10:00,0,standard,\n"      # 5: touches line 4 only
    ))
    rows = read_timesheet(path, PAS)
    assert _problems(rows) == {(2, "start", "SHIFT_OVERLAP"), (4, "start", "SHIFT_OVERLAP")}
    by_line = {r.line: r for r in rows}
    assert by_line[2].problems[0][1].value == 4 and by_line[4].problems[0][1].value == 2


def test_a_repeated_shift_is_a_duplicate_of_the_first_not_an_overlap(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-06-01,08:00,12:00,0,standard,first\n"
        "Ali Hassan,2026-06-01,08:00,12:00,0,standard,\n"
        "ruth okoro,01/06/2026,8:00,12:00,15,standard,typed again\n"  # same shift, other break/notes
        "Ruth Okoro,2026-06-01,08:00,12:00,0,training,\n"            # another type: an overlap
    ))
    rows = read_timesheet(path, PAS)
    assert _problems(rows) == {
        (4, "pa", "DUPLICATE_ROW"), (2, "start", "SHIFT_OVERLAP"), (5, "start", "SHIFT_OVERLAP"),
    }
    duplicate = next(p for c, p in rows[2].problems if p.code == "DUPLICATE_ROW")
    assert duplicate.value == 2


def test_shift_identity_is_stable_between_two_reads_of_a_file(tmp_path):
    path = _csv(tmp_path, "Ruth Okoro,2026-10-24,22:00,08:00,0,waking_night,\n")
    first, again = read_timesheet(path, PAS), read_timesheet(path, PAS)
    assert shift_identity(first[0].shift) == shift_identity(again[0].shift)
    assert shift_identity(first[0].shift) == (1, utc(2026, 10, 24, 21, 0), utc(2026, 10, 25, 8, 0), "waking_night")


# --- clock changes, midnight and leap days ---------------------------------------------------


def test_nights_across_the_clock_changes_have_their_real_length(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-03-28,22:00,08:00,0,waking_night,\n"  # clocks forward: 9 hours
        "Ruth Okoro,2026-10-24,22:00,08:00,60,waking_night,\n"  # clocks back: 11 hours
        "Ali Hassan,2026-10-25,01:30,03:00,0,standard,\n"  # 01:30 happens twice: the first (BST)
    ))
    spring, autumn, repeated = (r.shift for r in read_timesheet(path, PAS))
    assert length_minutes(spring) == 9 * 60 and spring.end == utc(2026, 3, 29, 7, 0)
    assert length_minutes(autumn) == 11 * 60 and paid_minutes(autumn) == 10 * 60
    assert repeated.start == utc(2026, 10, 25, 0, 30) and length_minutes(repeated) == 150


def test_shifts_ending_at_or_after_midnight(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2026-06-01,23:00,00:00,0,standard,\n"
        "Ruth Okoro,2026-06-02,23:00,24:00,0,standard,\n"
        "Ruth Okoro,2026-06-03,00:00,06:00,0,standard,\n"
        "Ruth Okoro,2026-12-31,20:00,02:00,0,standard,\n"  # into the new year
    ))
    rows = read_timesheet(path, PAS)
    assert all(r.ok for r in rows), _problems(rows)
    assert [(r.shift.start, r.shift.end) for r in rows] == [
        (utc(2026, 6, 1, 22, 0), utc(2026, 6, 1, 23, 0)),
        (utc(2026, 6, 2, 22, 0), utc(2026, 6, 2, 23, 0)),
        (utc(2026, 6, 2, 23, 0), utc(2026, 6, 3, 5, 0)),
        (utc(2026, 12, 31, 20, 0), utc(2027, 1, 1, 2, 0)),
    ]


def test_a_night_on_a_leap_day_ends_on_1_march(tmp_path):
    path = _csv(tmp_path, (
        "Ruth Okoro,2028-02-29,22:00,06:00,0,sleep_in,\n"
        "Ruth Okoro,2027-02-29,22:00,06:00,0,sleep_in,\n"
    ))
    leap, not_leap = read_timesheet(path, PAS)
    assert leap.ok and leap.shift.end == utc(2028, 3, 1, 6, 0)
    assert [(c, p.code) for c, p in not_leap.problems] == [("date", "DATE_FORMAT")]


# --- export and round trip -------------------------------------------------------------------

SAMPLE = [
    ("Ruth Okoro", local_shift(date(2026, 10, 24), time(22), time(8), pa=1, shift_type="waking_night")),
    ("Ali Hassan", local_shift(date(2026, 3, 28), time(22), time(8), pa=2, shift_type="sleep_in",
                               break_minutes=30, notes='Said "thanks", slept\nwell')),
    ("Ruth Okoro", local_shift(date(2028, 2, 29), time(23, 30), time(0, 15), pa=1, notes="=1+1")),
    ("Ali Hassan", local_shift(date(2026, 10, 25), time(1, 30), time(3), pa=2, shift_type="training",
                               notes="-ve test, @home")),
    ("Ruth Okoro", local_shift(date(2026, 6, 1), time(9, 5), time(17), pa=1, shift_type="holiday")),
]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_what_is_exported_imports_back_as_the_same_shifts(tmp_path, suffix):
    path = tmp_path / f"out.{suffix}"
    write_timesheet(path, SAMPLE)
    rows = read_timesheet(path, PAS)
    assert all(r.ok for r in rows), _problems(rows)
    assert [r.shift for r in rows] == sorted((s for _, s in SAMPLE), key=lambda s: s.start)


def test_the_csv_is_written_in_the_columns_and_formats_people_type(tmp_path):
    path = tmp_path / "out.csv"
    write_timesheet(path, SAMPLE[:1] + SAMPLE[4:])
    assert path.read_text(encoding="utf-8-sig").splitlines() == [
        "pa,date,start,end,break_minutes,type,notes",
        "Ruth Okoro,2026-06-01,09:05,17:00,0,holiday,",
        "Ruth Okoro,2026-10-24,22:00,08:00,0,waking_night,",
    ]


def test_the_xlsx_has_date_and_time_cells_and_text_is_never_a_formula(tmp_path):
    path = tmp_path / "out.xlsx"
    write_timesheet(path, SAMPLE[2:3])
    sheet = load_workbook(path).worksheets[0]
    header, row = list(sheet.iter_rows())
    assert [c.value for c in header] == ["pa", "date", "start", "end", "break_minutes", "type", "notes"]
    assert row[1].is_date and row[1].number_format == "yyyy-mm-dd" and row[2].number_format == "hh:mm"
    assert (row[2].value, row[3].value) == (time(23, 30), time(0, 15))
    assert (row[6].value, row[6].data_type) == ("=1+1", "s")


def test_only_csv_and_xlsx_can_be_written(tmp_path):
    with pytest.raises(TableFileError):
        write_timesheet(tmp_path / "out.ods", SAMPLE)


_DAYS = st.one_of(
    st.sampled_from([date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 24), date(2026, 10, 25),
                     date(2028, 2, 29), date(2026, 12, 31)]),
    st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
)
_TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))
# Quotes and formula characters are likeliest to trip the CSV guard; other control characters
# cannot be stored in XLSX at all, and cells are read with spaces trimmed.
_NOTES = st.text(
    st.one_of(st.sampled_from("'=+-@,\"\n"), st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))),
    max_size=20,
).map(str.strip)


@st.composite
def _shifts(draw, pa: int) -> Shift:
    day, start, end = draw(_DAYS), draw(_TIMES), draw(_TIMES)
    try:
        shift = local_shift(day, start, end, pa=pa, shift_type=draw(st.sampled_from(ShiftType)),
                            break_minutes=draw(st.integers(0, 90)), notes=draw(_NOTES))
    except ShiftError:
        assume(False)
    assume(not errors(validate_shift(shift)))
    return shift


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(shifts=st.lists(st.integers(0, 9), min_size=1, max_size=5, unique=True).flatmap(
    lambda pas: st.tuples(*(_shifts(pa) for pa in pas))), suffix=st.sampled_from(["csv", "xlsx"]))
def test_round_trip_property(shifts, suffix):
    # One PA per shift, so that random shifts never overlap; the import must equal local_shift.
    names = {f"PA {pa}": pa for pa in range(10)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t.{suffix}"
        write_timesheet(path, [(f"PA {s.pa}", s) for s in shifts])
        rows = read_timesheet(path, names)
    assert all(r.ok for r in rows), _problems(rows)
    assert sorted((r.shift for r in rows), key=shift_identity) == sorted(shifts, key=shift_identity)


# --- wording ---------------------------------------------------------------------------------


def test_every_code_has_a_sentence():
    assert messages.missing_messages(CODES) == set()
    samples = [
        ("TIMESHEET_UNKNOWN_PA", "Zed"), ("TIMESHEET_PA_AMBIGUOUS", "Jo Smith"), ("TIME_FORMAT", "8am"),
        ("TIME_MISSING", "end"), ("SHIFT_TYPE_UNKNOWN", "nap"), ("BREAK_FORMAT", "-5"),
        ("DUPLICATE_ROW", 2), ("SHIFT_OVERLAP", 4), ("NAME_MISSING", None), ("DATE_MISSING", "date"),
        ("DATE_FORMAT", "31/02/2026"), ("SHIFT_START_EQUALS_END", "09:00"), ("SHIFT_TOO_LONG", 1499),
        ("SHIFT_BREAK_INVALID", 240),
    ]
    problems = [Problem.of(code, value) for code, value in samples] + [
        Problem.of("LOCAL_TIME_DOES_NOT_EXIST", "01:30", day=date(2026, 3, 29)),
        Problem.of("TIMESHEET_DATE_OUT_OF_RANGE", date(1026, 6, 9), first=2000, last=2099),
    ]
    assert {p.code for p in problems} == CODES
    for problem in problems:
        assert messages.describe(problem, strict=True)
