"""Fuzzing the staff-list, timesheet and bank-statement imports with files of any shape: CSV in odd
encodings or not text at all, XLSX with formulas, dates, times and numbers in cells, empty files, a
header only, columns missing or named twice, huge numbers, dates out of range, very long text.

The property (tests/fuzzing.py): every row is good and the file is imported, and what it stored reads
back; or it is refused, row by row or as a whole, in words, with nothing stored.
"""
from datetime import date, datetime

from hypothesis import assume, event, given
from hypothesis import strategies as st

from pa_manager.domain.shifts import ShiftType
from pa_manager.services import budget, employers, people
from pa_manager.services.errors import ServiceError
from pa_manager.services.staff_import import import_staff
from pa_manager.services.timesheets import import_timesheet
from pa_manager.storage.database import open_database
from pa_manager.messages import describe
from tests.export_sample import RESIDENT
from tests.fuzzing import any_date, assert_refusal_in_words, fresh_copy, fuzz, mostly, odd_numbers, odd_text
from tests.readers import read_everything, table_contents

TODAY = date(2026, 11, 23)


def _dates(day: date):
    return mostly(st.sampled_from([day.isoformat(), f"{day.day}/{day.month}/{day.year}",
                                   f"{day.day:02d}.{day.month:02d}.{day.year}"]), st.just(f"{day.year}/{day.month}/{day.day}"))


dates_as_text = mostly(st.dates(min_value=date(2026, 4, 1), max_value=date(2026, 12, 31)),
                       st.one_of(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), any_date),
                       one_in=4).flatmap(_dates)
birth_dates = mostly(st.dates(min_value=date(1940, 1, 1), max_value=date(2008, 1, 1)), any_date).flatmap(_dates)
times_as_text = st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.times().map(lambda t: t.strftime("%-H:%M:%S")),
                          st.sampled_from(["24:00", "8", "8.00", "8:5", "25:61", "01:30", "1:30"]))
money_as_text = st.one_of(st.decimals(-10**10, 10**10, places=2).map(str), st.sampled_from(["12.71", "£1,234.5", "-0"]),
                          odd_numbers.map(str))

# What may be in an XLSX cell: openpyxl writes each of these kinds.
cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)), st.times(),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "=1/0", "=NOW()", "#DIV/0!"]),
    odd_text.filter(lambda text: not any(ord(c) < 32 and c not in "\t\n\r" for c in text)),
)


def _column(values, odd):
    """A column's cells: mostly of their kind, sometimes anything."""
    return mostly(values, odd, one_in=12)


STAFF = {
    "name": mostly(st.one_of(st.sampled_from(["Amy Cole", "Bo Lin", "Chris O'Neill", "Dee"]), st.text(min_size=1, max_size=12)),
                   st.sampled_from(["A" * 201, ""])),
    "date_of_birth": birth_dates,
    "ni_number": mostly(st.sampled_from(["JT482193B", "PA482193C", "AB123456C", "jt 48 21 93 b", ""]),
                        st.just("QQ123456C")),
    "start_date": dates_as_text,
    "hourly_rate": mostly(st.one_of(st.decimals(10, 30, places=2).map(str), st.just("")), money_as_text),
    "tax_code": mostly(st.sampled_from(["1257L", "S1257L", "BR", "K475 M1", ""]), st.just("1257")),
    "ni_category": mostly(st.sampled_from(["A", "a", "Z", ""]), st.just("X")),
}
TIMESHEET = {
    "pa": mostly(st.sampled_from(["Janet Moyo", "janet  moyo", "Tom Whitfield", "Priya Sandhu"]),
                 st.sampled_from(["Nobody", ""])),
    "date": dates_as_text,
    "start": times_as_text,
    "end": times_as_text,
    "break_minutes": st.one_of(st.just(""), st.integers(0, 60).map(str), st.integers(0, 2000).map(str)),
    "type": mostly(st.sampled_from([t.value for t in ShiftType] + ["Sleep-in", "Waking night"]), st.just("nap")),
    "notes": st.one_of(st.just(""), st.text(max_size=10), odd_text),
}
STATEMENT = {
    "date": dates_as_text,
    "description": mostly(st.text(max_size=30), st.just("x" * 301)),
    "amount": mostly(st.decimals(-3000, 3000, places=2).map(str), money_as_text),
    "category": mostly(st.sampled_from(["", "council_payment", "pa_net_pay", "insurance"]), st.sampled_from(["Insurance", "mars"])),
}


@st.composite
def table_files(draw, columns: dict):
    """(header, rows) for a file with these columns: usually all of them, sometimes some left out,
    named twice or joined by strangers, with rows of cells of their kind or of any kind."""
    names = list(columns)
    header = draw(mostly(st.just(names), st.permutations(names).flatmap(
        lambda order: st.lists(st.sampled_from(order + ["extra", " Name ", "DATE"]), max_size=len(order) + 2))))
    cell = {name: _column(columns[name], st.one_of(odd_text, odd_numbers.map(str))) for name in names}
    rows = draw(st.lists(st.tuples(*[cell.get(name, odd_text) for name in header]) if header else st.just(()),
                         min_size=draw(mostly(st.just(1), st.just(0))), max_size=3))
    return header, [list(row) for row in rows]


def _write(path, header, rows, how, draw_cells):
    if how == "xlsx":
        from openpyxl import Workbook
        from openpyxl.utils.exceptions import IllegalCharacterError

        book = Workbook()
        sheet = book.active
        try:
            for row in ([header] if header else []) + [[draw_cells(cell) for cell in row] for row in rows]:
                sheet.append(row)
        except (IllegalCharacterError, ValueError, TypeError):
            assume(False)  # openpyxl itself will not write such a cell, so no file could hold it
        try:
            book.save(path.with_suffix(".xlsx"))
        except UnicodeEncodeError:
            assume(False)  # a lone surrogate: openpyxl takes the cell but cannot save it, so no file holds it
        return path.with_suffix(".xlsx")
    import csv
    import io

    text = io.StringIO()
    writer = csv.writer(text)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    encoding = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "latin-1": "latin-1", "utf-16": "utf-16"}[how]
    path = path.with_suffix(".csv")
    path.write_bytes(text.getvalue().encode(encoding, errors="replace"))
    return path


FILE_KINDS = mostly(st.sampled_from(["utf-8", "utf-8-sig", "xlsx"]), st.sampled_from(["latin-1", "utf-16"]))


def _as_cell(data):
    def cell(text):
        # In a spreadsheet a cell may hold a number, date or formula instead of the text.
        return data.draw(mostly(st.just(text), cell_values, one_in=6))
    return cell


def _odd_file(data, path):
    """Nothing like a table: empty, random bytes, or a file pretending to be XLSX."""
    suffix = data.draw(st.sampled_from([".csv", ".xlsx", ".txt"]))
    path = path.with_suffix(suffix)
    path.write_bytes(data.draw(st.binary(max_size=64)))
    return path


def _file(data, tmp_path, columns):
    if data.draw(st.integers(0, 15)) == 0:
        return _odd_file(data, tmp_path / "odd")
    header, rows = data.draw(table_files(columns))
    return _write(tmp_path / "import", header, rows, data.draw(FILE_KINDS), _as_cell(data))


def _resident(db):
    return employers.find_employer(db, RESIDENT).id


def _check(db, before, run):
    """Run an import; a refusal is in words and leaves the file as it was. Returns the result."""
    try:
        result = run()
    except ServiceError as refusal:
        assert_refusal_in_words(str(refusal))
        assert table_contents(db) == before
        event("file refused: " + str(refusal)[:70])
        return None
    for error in result.errors:
        assert_refusal_in_words(describe(error.problem))
    if result.errors or getattr(result, "dry_run", False):
        assert table_contents(db) == before
        event("rows refused: " + describe(result.errors[0].problem)[:50] if result.errors else "dry run")
        return None
    event("imported, and read back")
    return result


@fuzz(examples=15)
@given(data=st.data())
def test_any_staff_list_imports_readably_or_is_refused_in_words(data, resident_data_file, tmp_path):
    path = _file(data, tmp_path, STAFF)
    employer = data.draw(mostly(st.sampled_from(["Nora Quinn", RESIDENT]), st.sampled_from(["", " ", "N" * 201])),
                         label="employer")
    db, _ = open_database(fresh_copy(resident_data_file, tmp_path / "file"))
    try:
        before = table_contents(db)
        result = _check(db, before, lambda: import_staff(db, path, employer, TODAY))
        if result is not None and result.employer_id is not None:
            read_everything(db, result.employer_id, TODAY, reports=False)
    finally:
        db.close()


@fuzz(examples=15)
@given(data=st.data())
def test_any_timesheet_imports_readably_or_is_refused_in_words(data, resident_data_file, tmp_path):
    path = _file(data, tmp_path, TIMESHEET)
    db, _ = open_database(fresh_copy(resident_data_file, tmp_path / "file"))
    try:
        employer_id = _resident(db)
        names = [pa.name for pa in people.list_pas(db, employer_id)]
        assert {"Janet Moyo", "Tom Whitfield"} <= set(names)  # the sample's PAs, whom the timesheets name
        before = table_contents(db)
        result = _check(db, before, lambda: import_timesheet(db, employer_id, path))
        if result is not None and result.added:
            read_everything(db, employer_id, TODAY, reports=False)
    finally:
        db.close()


@fuzz(examples=15)
@given(data=st.data())
def test_any_bank_statement_imports_readably_or_is_refused_in_words(data, resident_data_file, tmp_path):
    path = _file(data, tmp_path, STATEMENT)
    db, _ = open_database(fresh_copy(resident_data_file, tmp_path / "file"))
    try:
        employer_id = _resident(db)
        before = table_contents(db)
        result = _check(db, before, lambda: budget.import_bank_statement(db, employer_id, path))
        if result is not None and result.added:
            read_everything(db, employer_id, TODAY, reports=False)
    finally:
        db.close()
