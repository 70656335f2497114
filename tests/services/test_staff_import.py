"""Staff list import: all rows or none, every bad row listed by line, never the same person twice."""
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from pa_manager.domain.nation import Nation
from pa_manager.services import employers, people
from pa_manager.services.errors import ServiceError
from pa_manager.services.staff_import import import_staff
from pa_manager.messages import describe
from tests.saying import raises_saying

GOOD_CSV = """name,date_of_birth,ni_number,start_date,hourly_rate,tax_code,ni_category
Ruth Okoro,1988-02-14,JT482193B,2025-06-02,12.71,1257L,A
Ali Hassan,03/09/2006,PA482193C,1/4/2026,10.85,,M
Bea Flynn,1979-11-30,,,,BR,
"""


def _write(tmp_path, text, name="staff.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_csv_creates_the_employer_and_every_pa(db, tmp_path, today):
    result = import_staff(db, _write(tmp_path, GOOD_CSV), "Nora Quinn", today, nation=Nation.WALES)
    assert result.ok and result.employer_created
    employer = employers.find_employer(db, "Nora Quinn")
    assert employer.nation is Nation.WALES
    stored = {pa.name: pa for pa in people.list_pas(db, employer.id)}
    assert set(stored) == {"Ruth Okoro", "Ali Hassan", "Bea Flynn"}
    assert stored["Ali Hassan"].date_of_birth == date(2006, 9, 3)
    assert stored["Ali Hassan"].rate_on(date(2026, 4, 1)) == Decimal("10.85")
    assert stored["Ali Hassan"].ni_category == "M"
    assert stored["Bea Flynn"].ni_category == "A" and stored["Bea Flynn"].tax_code == "BR"


def test_importing_the_same_file_again_adds_nobody(db, tmp_path, today):
    path = _write(tmp_path, GOOD_CSV)
    import_staff(db, path, "Nora Quinn", today)
    again = import_staff(db, path, "nora quinn", today)
    assert again.added == () and len(again.already_there) == 3 and not again.employer_created
    assert len(people.list_pas(db, employers.find_employer(db, "Nora Quinn").id)) == 3


def test_a_file_with_bad_rows_imports_nothing_and_names_each_line(db, tmp_path, today):
    text = GOOD_CSV + "Cal Reed,31/02/1990,JT482193B,,,,\n,1990-01-01,AB123456C,,,,\nDee Vance,1990-01-01,QQ123456C,,12.7x,1257Q,X\n"
    result = import_staff(db, _write(tmp_path, text), "Nora Quinn", today)
    lines = {(e.line, e.column) for e in result.errors}
    assert (5, "date_of_birth") in lines  # 31 February does not exist
    assert (5, "name") in lines  # same NI number as line 2
    assert (6, "name") in lines  # no name
    assert {(7, "ni_number"), (7, "hourly_rate"), (7, "tax_code"), (7, "ni_category")} <= lines
    assert not {line for line, _ in lines} & {1, 2, 3, 4}
    assert all(describe(e.problem) and not describe(e.problem).startswith("Check what you entered") for e in result.errors)
    assert employers.find_employer(db, "Nora Quinn") is None


def test_a_dry_run_reports_but_stores_nothing(db, tmp_path, today):
    result = import_staff(db, _write(tmp_path, GOOD_CSV), "Nora Quinn", today, dry_run=True)
    assert result.ok and len(result.added) == 3
    assert employers.find_employer(db, "Nora Quinn") is None


def test_an_xlsx_file_with_real_date_cells_imports(db, tmp_path, today):
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Date of birth", "NI number", "Start date", "Hourly rate"])
    sheet.append(["Ivy Stone", date(1995, 7, 1), "JT 48 21 93 B", date(2026, 5, 5), 12.71])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    result = import_staff(db, path, "Nora Quinn", today)
    assert result.ok
    pa = people.list_pas(db, result.employer_id)[0]
    assert (pa.name, pa.ni_number, pa.start_date) == ("Ivy Stone", "JT482193B", date(2026, 5, 5))
    assert pa.rate_on(date(2026, 6, 1)) == Decimal("12.71")


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("staff.csv", "name,ni_number\nA,JT482193B\n", "no column called date_of_birth"),
        ("staff.csv", "", "is empty"),
        ("staff.xlsx", "this is not a spreadsheet", "not a readable XLSX file"),
        ("staff.pdf", "x", "not a CSV or XLSX file"),
    ],
)
def test_a_malformed_file_gets_one_plain_sentence(db, tmp_path, today, name, content, message):
    with raises_saying(ServiceError, message):
        import_staff(db, _write(tmp_path, content, name), "Nora Quinn", today)


def test_an_absurd_rate_is_a_row_error_not_a_crash(db, tmp_path, today):
    # 1e40 once reached Decimal.quantize, which overflowed and stopped the whole import.
    text = "name,date_of_birth,ni_number,start_date,hourly_rate\nRuth Okoro,1988-02-14,JT482193B,2025-06-02,1e40\n"
    result = import_staff(db, _write(tmp_path, text), "Nora Quinn", today)
    assert [(e.line, e.column) for e in result.errors] == [(2, "hourly_rate")]
    assert "1e40" in describe(result.errors[0].problem)
    assert employers.find_employer(db, "Nora Quinn") is None
