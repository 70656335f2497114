"""The Reports area: choose the dates, choose a document, and find the PDF where you said."""
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from pa_manager.ui.pages.reports import ReportsPage
from tests.ui.test_accessibility import unnamed_controls


def _text(path):
    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout.split())


@pytest.fixture
def page(qtbot, demo_context):
    widget = ReportsPage(demo_context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _save(qtbot, page, monkeypatch, key, path, first="1/10/2026", last="31/10/2026"):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    for edit, value in ((page.first, first), (page.last, last)):
        edit.clear()
        qtbot.keyClicks(edit, value)
    qtbot.mouseClick(page.buttons[key], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    "key, expected",
    [
        ("timesheets", ["Timesheet for Janet Moyo", "Total paid hours", "1 October 2026 to 31 October 2026", "Signature"]),
        ("payslips", ["Payslip for Janet Moyo", "Payslip for Tom Whitfield", "Take-home pay"]),
        ("compliance", ["Compliance report for Margaret Okafor", "Employer duties"]),
        ("training", ["Training report", "typical practice, not the law"]),
        ("budget", ["Margaret Okafor", "Page 1 of"]),
        ("monitoring", ["Direct payment monitoring return for Margaret Okafor", "Balance at the start of 1 October 2026",
                        "Declaration"]),
    ],
)
def test_each_document_is_saved_where_asked(qtbot, page, monkeypatch, tmp_path, key, expected):
    path = tmp_path / f"{key}.pdf"
    _save(qtbot, page, monkeypatch, key, path)
    assert path.exists(), page.result.text()
    assert page.result.text().startswith("Saved")
    text = _text(path)
    for words in expected:
        assert words in text


def test_dates_the_wrong_way_round_are_explained(qtbot, page, monkeypatch, tmp_path):
    _save(qtbot, page, monkeypatch, "timesheets", tmp_path / "t.pdf", first="31/10/2026", last="1/10/2026")
    assert page.last_row.error.text() == "Enter a date on or after 31 October 2026."
    assert not (tmp_path / "t.pdf").exists()


def test_payslips_for_dates_with_no_pay_run_say_so(qtbot, page, monkeypatch, tmp_path):
    _save(qtbot, page, monkeypatch, "payslips", tmp_path / "p.pdf", first="1/1/2030", last="31/1/2030")
    assert "No pay runs were finalised between 1 January 2030 and 31 January 2030" in page.result.text()


def test_every_control_is_named(qtbot, page):
    assert unnamed_controls(page) == []


def test_the_change_history_between_the_dates_says_who_changed_what(qtbot, page, demo_context):
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from pa_manager.domain.people import PayRateEntry
    from pa_manager.services import people

    janet = next(p for p in people.list_pas(demo_context.db, demo_context.employer_id) if p.name == "Janet Moyo")
    people.save_pa(demo_context.db, demo_context.employer_id, replace(
        janet, pay_rates=(*janet.pay_rates, PayRateEntry(date(2027, 4, 1), Decimal("15.00")))), date(2026, 11, 23))
    today = date.today()
    for edit, value in ((page.first, f"{today:%d/%m/%Y}"), (page.last, f"{today:%d/%m/%Y}")):
        edit.clear()
        qtbot.keyClicks(edit, value)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    model = page.history_model
    said = [model.index(r, model.COL_WHAT).data() for r in range(model.rowCount())]
    assert "Hourly rate for all shifts for Janet Moyo from 1 April 2027: set to £15.00." in said
    assert page.history_table.isVisible() and page.history_note.text().endswith(f"{today.year}.")
    for edit, value in ((page.first, "1/1/2020"), (page.last, "2/1/2020")):
        edit.clear()
        qtbot.keyClicks(edit, value)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    assert not page.history_table.isVisible()
    assert page.history_note.text() == "No changes were recorded between 1 January 2020 and 2 January 2020."


def _choose_format(qtbot, page, label_start):
    box = page.format_box
    box.setFocus()
    index = next(i for i in range(box.count()) if box.itemText(i).startswith(label_start))
    while box.currentIndex() != index:  # by keyboard, as a person would
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < index else Qt.Key.Key_Up)


def test_a_web_page_is_saved_when_chosen_and_reads_well(qtbot, page, monkeypatch, tmp_path):
    from tests.reports.html_checks import accessibility_problems, page_text

    _choose_format(qtbot, page, "Web page")
    path = tmp_path / "return.html"
    _save(qtbot, page, monkeypatch, "monitoring", path)
    assert page.result.text() == f"Saved to {path}."
    assert accessibility_problems(path) == []
    assert "Every payment in and out" in page_text(path)


def test_a_spreadsheet_is_only_offered_for_the_documents_that_have_one(qtbot, page, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    _choose_format(qtbot, page, "Spreadsheet (Excel")
    assert page.format_note.isVisible()
    assert {key for key, button in page.buttons.items() if button.isEnabled()} == {"monitoring", "timesheets"}
    path = tmp_path / "timesheets.xlsx"
    _save(qtbot, page, monkeypatch, "timesheets", path)
    assert load_workbook(path).sheetnames == ["Shifts", "Totals"]
    _choose_format(qtbot, page, "PDF")
    assert all(button.isEnabled() for button in page.buttons.values()) and not page.format_note.isVisible()


def test_the_format_and_every_document_are_reached_by_the_tab_key(qtbot, page):
    reached = []
    page.first.setFocus()
    for _ in range(40):
        widget = page.focusWidget()
        if widget is not None and widget not in reached:
            reached.append(widget)
        qtbot.keyClick(widget or page, Qt.Key.Key_Tab)
    assert page.format_box in reached
    assert all(button in reached for button in page.buttons.values())
    assert page.format_box.accessibleName() == "Save as"
