"""The monitoring return as a PDF, a web page, CSV and XLSX, read back as a council officer's tools
would read them: pdftotext and pdffonts, an HTML parser, the csv module and openpyxl."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.services import budget
from pa_manager.services.monitoring import save_monitoring_return
from tests.household_with_gaps import OCTOBER, create_household_with_gaps
from tests.reports.html_checks import accessibility_problems, page_text
from tests.reports.test_document import pdf_fonts, pdf_info, pdf_text


@pytest.fixture
def gaps(db, today):
    return create_household_with_gaps(db, today)


def _save(db, household, tmp_path, fmt, today):
    return save_monitoring_return(db, household.employer_id, tmp_path / f"return.{fmt}", *OCTOBER, today, fmt)


def _october(db, household):
    return [e.entry for e in budget.list_entries(db, household.employer_id, *OCTOBER)]


def test_the_pdf_has_every_part_the_furniture_on_every_page_and_its_font_embedded(db, gaps, tmp_path, today):
    path = _save(db, gaps, tmp_path, "pdf", today)
    pages = int(pdf_info(path)["Pages"])
    for n in range(1, pages + 1):
        text = pdf_text(path, first=n, last=n)
        assert "Olu Bankole" in text and "Monitoring return, 1 October 2026 to 31 October 2026" in text
        assert f"Page {n} of {pages}" in text
    words = " ".join(pdf_text(path).split())
    for part in ("Balance at the start of 1 October 2026 £1,200.00", "First aid course", "Owed at the end of 31 October",
                 "Due for these dates (31 days) £93.00", "Hours of support given 26.75 hours", "Declaration",
                 "Signature", "Short £13.00 less was paid in"):
        assert part in words, part
    closing = D("1200.00") + sum(e.amount for e in _october(db, gaps))
    assert f"Balance at the end of 31 October 2026 £{closing:,}" in words
    assert pdf_info(path)["Title"] == "Direct payment monitoring return for Olu Bankole"
    assert all(row[-5] == "yes" for row in pdf_fonts(path))


def test_the_web_page_reads_well_with_a_screen_reader_and_holds_the_same_figures(db, gaps, tmp_path, today):
    path = _save(db, gaps, tmp_path, "html", today)
    assert accessibility_problems(path) == []
    text = page_text(path)
    closing = D("1200.00") + sum(e.amount for e in _october(db, gaps))
    assert f"£{closing:,}" in text and "Payments in and out, 1 October 2026 to 31 October 2026" in text
    assert "Short: £13.00 less was paid in" in text  # the status is a word, not a colour


def test_the_csv_lists_each_payment_with_money_as_plain_figures(db, gaps, tmp_path, today):
    path = _save(db, gaps, tmp_path, "csv", today)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads £ and accents right
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    start = lines.index(["Payments in and out, 1 October 2026 to 31 October 2026"])
    assert lines[start + 1] == ["Date", "Payee or source", "Category", "Money in", "Money out", "Balance"]
    body = lines[start + 2:lines.index([], start)]
    assert body[0][:2] == ["2026-10-01", "Opening balance"] and body[0][5] == "1200.00"
    payments = body[1:-1]
    expected = _october(db, gaps)
    assert [(row[0], row[1]) for row in payments] == [(e.on.isoformat(), e.description) for e in expected]
    money_in = sum(D(row[3]) for row in payments if row[3])
    money_out = sum(D(row[4]) for row in payments if row[4])
    assert money_in - money_out == sum(e.amount for e in expected)
    assert body[-1][1] == "Closing balance" and D(body[-1][5]) == D("1200.00") + money_in - money_out


def test_the_workbook_has_a_summary_and_the_payments_as_numbers_and_dates(db, gaps, tmp_path, today):
    from openpyxl import load_workbook

    path = _save(db, gaps, tmp_path, "xlsx", today)
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Transactions"]
    assert book.properties.title == "Direct payment monitoring return for Olu Bankole"
    rows = list(book["Transactions"].iter_rows(values_only=True))
    assert rows[1] == ("Date", "Payee or source", "Category", "Money in", "Money out", "Balance")
    payments = rows[3:3 + len(_october(db, gaps))]
    assert [r[0].date() for r in payments] == [e.on for e in _october(db, gaps)]
    total = sum(D(str(r[3] or 0)) - D(str(r[4] or 0)) for r in payments)
    assert total == sum(e.amount for e in _october(db, gaps))
    assert book["Transactions"].cell(4, 4).number_format.startswith('"£"')


def test_the_demo_return_is_made_in_every_format(demo_db, tmp_path, today):
    for fmt in ("pdf", "html", "csv", "xlsx"):
        path = save_monitoring_return(demo_db, 1, tmp_path / f"demo.{fmt}", date(2026, 9, 1), date(2026, 10, 31),
                                      today, fmt)
        assert path.stat().st_size > 1000
    assert "Margaret Okafor" in pdf_text(tmp_path / "demo.pdf")
