"""The wage calculator page, driven through its real fields."""
from PySide6.QtCore import Qt

from pa_manager.ui.pages.wage_calculator import WageCalculatorPage
from tests.ui.driving import type_into


def _lines(page):
    return [page.result.item(i).text() for i in range(page.result.count())]


def test_pay_below_the_minimum_is_shown_with_the_shortfall(qtbot, demo_context):
    page = WageCalculatorPage(demo_context)
    qtbot.addWidget(page)
    type_into(qtbot, page.date_of_birth, "1/3/2007")
    type_into(qtbot, page.period_start, "1/11/2026")
    type_into(qtbot, page.period_end, "30/11/2026")
    type_into(qtbot, page.hours, "80")
    type_into(qtbot, page.pay, "850")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    lines = _lines(page)
    assert lines[0] == "Below the legal minimum: the pay works out at £10.63 an hour. You need to pay £18.00 more for this pay period."
    assert "£10.85 an hour (18 to 20 rate)" in lines[1]


def test_age_instead_of_date_of_birth(qtbot, demo_context):
    page = WageCalculatorPage(demo_context)
    qtbot.addWidget(page)
    page.use_age.setChecked(True)
    page.age.setValue(40)
    type_into(qtbot, page.hours, "10")
    type_into(qtbot, page.pay, "127.10")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert _lines(page)[0] == "Meets the legal minimum: the pay works out at £12.71 an hour."


def test_missing_answers_are_marked_next_to_their_fields(qtbot, demo_context):
    page = WageCalculatorPage(demo_context)
    qtbot.addWidget(page)
    type_into(qtbot, page.hours, "ten")
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert "is not one" in page.rows["hours"].error.text()
    assert page.rows["pay"].error.text() == "Enter the pay for those hours, like 450.00."
    assert page.rows["date_of_birth"].error.text().startswith("Enter their date of birth")
