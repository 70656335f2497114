"""Files that are not tables, or whose rows would store what cannot be kept or read back, are refused
in one sentence or row by row, and nothing is stored: the cases the importer fuzz tests
(test_importer_fuzz.py) found or stand for, written out."""
from datetime import date, datetime, time

import pytest

from pa_manager.services import budget, employers
from pa_manager.services.errors import ServiceError
from pa_manager.services.staff_import import import_staff
from pa_manager.services.timesheets import import_timesheet
from pa_manager.messages import describe
from tests.export_sample import RESIDENT
from tests.saying import raises_saying

TODAY = date(2026, 11, 23)


def _resident(db):
    return employers.find_employer(db, RESIDENT).id


@pytest.mark.parametrize("content, words", [
    (b"", "is empty"),
    (b"\n\n  \n", "is empty"),
    (b"pa,date,start,end,type\n", "has a header row but no rows under it"),
    (b"pa,date,start,end,type,Type\nx,y,z,w,v,u\n", "has more than 1 column called type"),
    ("pa,date,start,end,type\nJos\u00e9,1,2,3,4\n".encode("utf-16"), "is not plain text"),
    (b"pa,date,start,end,type\nA\x00,1,2,3,4\n", "is not plain text"),
    (b"pa,date,start,end,type\n\"" + b"x" * 200_000 + b"\",1,2,3,4\n", "is not a well-formed CSV file"),
])
def test_timesheet_files_that_are_not_tables_are_refused_in_one_sentence(content, words, resident_db, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(content)
    with raises_saying(ServiceError, words):
        import_timesheet(resident_db, _resident(resident_db), path)


def test_a_folder_or_a_damaged_workbook_is_refused_in_one_sentence(resident_db, tmp_path):
    folder = tmp_path / "sheet.csv"
    folder.mkdir()
    broken = tmp_path / "sheet.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    with raises_saying(ServiceError, "is a folder"):
        budget.import_bank_statement(resident_db, _resident(resident_db), folder)
    with raises_saying(ServiceError, "is not a readable XLSX file"):
        import_staff(resident_db, broken, "Nora Quinn", TODAY)


def test_a_staff_list_cannot_make_a_nameless_employer_or_an_overlong_name(resident_db, tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number\nAmy Cole,1990-01-01,JT482193B\n" + "B" * 201 + ",1990-01-01,\n")
    with raises_saying(ServiceError, "The employer's name cannot be used: enter a name."):
        import_staff(resident_db, staff, "  ", TODAY)
    result = import_staff(resident_db, staff, "Nora Quinn", TODAY)
    assert [(e.line, e.column) for e in result.errors] == [(3, "name")]
    assert "Shorten this to 200 characters or fewer" in describe(result.errors[0].problem)
    assert employers.find_employer(resident_db, "Nora Quinn") is None


def test_a_bank_statement_line_dated_in_year_26_or_too_long_is_refused(resident_db, tmp_path):
    statement = tmp_path / "bank.csv"
    statement.write_text("date,description,amount\n03/04/0026,Council,100.00\n2026-04-03," + "x" * 301 + ",5.00\n")
    result = budget.import_bank_statement(resident_db, _resident(resident_db), statement)
    assert [(e.line, e.column) for e in result.errors] == [(2, "date"), (3, "description")]
    assert "a date must be in a year from 1900 to 2199" in describe(result.errors[0].problem)


def test_a_staff_list_date_out_of_range_or_a_formula_is_refused_on_its_row(resident_db, tmp_path):
    from openpyxl import Workbook

    staff = tmp_path / "staff.xlsx"
    book = Workbook()
    book.active.append(["name", "date_of_birth", "ni_number", "start_date"])
    book.active.append(["Amy Cole", datetime(1990, 1, 1), "JT482193B", datetime(9999, 12, 31)])
    book.active.append(["Bo Lin", "=DATE(1990,1,1)", "PA482193C", time(8, 0)])  # a formula never worked out
    book.save(staff)
    result = import_staff(resident_db, staff, "Nora Quinn", TODAY)
    assert {(e.line, e.column) for e in result.errors} >= {(2, "start_date"), (3, "date_of_birth")}
