"""Timesheets as a council asks for them, from a household with gaps (a leaver, a sleep-in, a holiday, a
shift on St Andrew's Day in Scotland) and from the demo household, in every format, read back."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain.shifts import ShiftType
from pa_manager.services.period_reports import save_timesheet_report
from tests.household_with_gaps import SHIFTS, create_household_with_gaps
from tests.reports.html_checks import accessibility_problems, page_text
from tests.reports.test_document import pdf_fonts, pdf_info, pdf_text

PERIOD = (date(2026, 10, 1), date(2026, 11, 30))


@pytest.fixture
def gaps(db, today):
    return create_household_with_gaps(db, today)


def _paid_minutes(name: str) -> int:
    """The test's own shifts, length less break; sleep-ins (paid by the allowance, never woken) count none."""
    total = 0
    for pa, day, start, end, kind, break_minutes in SHIFTS:
        if pa != name or kind == ShiftType.SLEEP_IN:
            continue
        h1, m1 = map(int, start.split(":"))
        h2, m2 = map(int, end.split(":"))
        total += (h2 * 60 + m2) - (h1 * 60 + m1) - break_minutes
    return total


def test_each_pa_has_a_page_to_sign_with_the_bank_holiday_in_words_and_the_nights_apart(db, gaps, tmp_path, today):
    path = save_timesheet_report(db, gaps.employer_id, tmp_path / "t.pdf", *PERIOD)
    assert pdf_info(path)["Pages"] == "2"  # Callum, then Ewa: each starts a page of its own
    callum, ewa = (" ".join(pdf_text(path, first=n, last=n).split()) for n in (1, 2))
    assert "Timesheet for Callum Reid" in callum and "Page 1 of 1" in callum and "Ewa Nowak" not in callum
    # Ewa: 330 + 330 + 240 + 330 standard minutes = 20.50 hours; 360 holiday = 6.00; 26.50 paid; 1 night.
    assert _paid_minutes("Ewa Nowak") == 1590
    assert ("Total standard hours 20.50 Total holiday hours 6.00 Total paid hours 26.50 "
            "Sleep-in nights, paid by the allowance: 1") in ewa
    assert "Mon 30 November 2026 09:00 15:00 30 min Standard 5.50 Bank holiday: Saint Andrew's Day" in ewa
    assert "Sat 10 October 2026 22:00 08:00 None Sleep-in 0.00 Yes next day" in ewa
    # Callum, who left on 15 October: 360 + 345 standard minutes = 11.75, training 3.00, 14.75 in all.
    assert _paid_minutes("Callum Reid") == 885
    assert "Total standard hours 11.75 Total training hours 3.00 Total paid hours 14.75" in callum
    for page, name in ((callum, "Callum Reid"), (ewa, "Ewa Nowak")):
        assert f"Personal assistant Name {name} Signature Date Employer Name Olu Bankole Signature Date" in page
    assert all(row[-5] == "yes" for row in pdf_fonts(path))


def test_the_web_page_has_a_table_per_pa_and_signature_lines(db, gaps, tmp_path, today):
    path = save_timesheet_report(db, gaps.employer_id, tmp_path / "t.html", *PERIOD, fmt="html")
    assert accessibility_problems(path) == []
    text = page_text(path)
    assert "Shifts worked by Ewa Nowak, 1 October 2026 to 30 November 2026" in text
    assert "30 November 2026 Monday 09:00 15:00 30 min Standard 5.50 No Saint Andrew's Day" in text
    assert "Total paid hours 26.50" in text and "Total paid hours 14.75" in text


def test_the_csv_has_one_row_a_shift_and_its_hours_add_up_to_the_shifts(db, gaps, tmp_path, today):
    path = save_timesheet_report(db, gaps.employer_id, tmp_path / "t.csv", *PERIOD, fmt="csv")
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = lines[1]
    body = lines[2:lines.index([])]
    assert len(body) == len(SHIFTS)
    column = {name: header.index(name) for name in ("PA", "Paid hours", "Sleep-in night", "Bank holiday")}
    for name in ("Ewa Nowak", "Callum Reid"):
        hours = sum(D(row[column["Paid hours"]]) for row in body if row[column["PA"]] == name)
        assert hours * 60 == _paid_minutes(name)
    assert [row[column["Sleep-in night"]] for row in body].count("Yes") == 1
    assert [row[column["Bank holiday"]] for row in body if row[column["Bank holiday"]] != "No"] == ["Saint Andrew's Day"]


def test_the_workbook_has_shifts_and_totals_sheets(db, gaps, tmp_path, today):
    from openpyxl import load_workbook

    path = save_timesheet_report(db, gaps.employer_id, tmp_path / "t.xlsx", *PERIOD, fmt="xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Shifts", "Totals"]
    rows = list(book["Shifts"].iter_rows(min_row=3, values_only=True))
    assert sum(D(str(r[8])) for r in rows) * 60 == _paid_minutes("Ewa Nowak") + _paid_minutes("Callum Reid")


def test_the_demo_timesheets_are_made_in_every_format(demo_db, tmp_path, today):
    for fmt in ("pdf", "html", "csv", "xlsx"):
        save_timesheet_report(demo_db, 1, tmp_path / f"t.{fmt}", date(2026, 10, 1), date(2026, 10, 31), fmt)
    assert "Timesheet for Tom Whitfield" in pdf_text(tmp_path / "t.pdf")
    assert accessibility_problems(tmp_path / "t.html") == []
