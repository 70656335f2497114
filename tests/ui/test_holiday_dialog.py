"""The Holiday dialog on a PA's record, driven by keyboard and clicks: the balance shown, a booking
refused with the reason under the hours when it is more than is left, a booking made, carried over and
cancelled, each stored and on the undo stack (the booking's holiday shifts on the timesheet with it); and the employer's leave year chosen in their details."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from pa_manager.domain.shifts import ShiftType, local_date, to_london
from pa_manager.services import employers, holiday, people, shifts
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.holiday_dialog import HolidayDialog
from tests.conftest import TODAY
from tests.ui.driving import ALT, click, press, type_into, wait_for_focus


def _holiday_shifts(db, employer_id, pa_id) -> list:
    return [(local_date(s), f"{to_london(s.start):%H:%M}", f"{to_london(s.end):%H:%M}", s.break_minutes)
            for s in shifts.shifts_between(db, employer_id, date(2026, 12, 7), date(2026, 12, 11), pa_id,
                                           ShiftType.HOLIDAY)]


def _janet(db, employer_id) -> int:
    return next(pa.id for pa in people.list_pas(db, employer_id) if pa.name == "Janet Moyo")


def test_book_refused_then_booked_carried_over_and_cancelled(qtbot, window, monkeypatch):
    db, employer_id = window.context.db, window.context.employer_id
    janet = _janet(db, employer_id)
    window.show_pa(janet)
    before = holiday.holiday_year(db, janet, TODAY).balance
    seen = {}

    def drive(dialog: HolidayDialog):
        dialog.show()
        wait_for_focus(qtbot, dialog)
        seen["title"] = dialog.title.text()
        seen["entitlement"] = dialog.figures["entitlement"].text()
        seen["bank"] = dialog.figures["bank_holidays"].text()
        # Alt+F puts the cursor in the first day; type the dates and too many hours, then Enter on the button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F, ALT)
        seen["focus"] = dialog.focusWidget() is dialog.first_day
        type_into(qtbot, dialog.first_day, "7/12/2026")
        type_into(qtbot, dialog.last_day, "11/12/2026")
        type_into(qtbot, dialog.hours, "500")
        click(qtbot, dialog.book_button)
        seen["refused"] = dialog.rows["hours"].error.text()
        seen["bookings_after_refusal"] = dialog.bookings.count()
        dialog.hours.clear()  # blank: their usual hours for those days
        click(qtbot, dialog.book_button)
        seen["booked"] = dialog.message.text()
        seen["holiday_shifts"] = _holiday_shifts(db, employer_id, janet)
        seen["list"] = [dialog.bookings.item(i).text() for i in range(dialog.bookings.count())]
        seen["left"] = dialog.figures["left"].text()
        # carry over out of the earlier leave year
        click(qtbot, dialog.previous_button)
        seen["earlier"] = dialog.title.text()
        type_into(qtbot, dialog.carry_hours, "10")
        dialog.reason.setCurrentIndex(dialog.reason.findData("sickness"))
        click(qtbot, dialog.carry_button)
        seen["carried"] = dialog.message.text()
        click(qtbot, dialog.next_button)
        seen["carried_in"] = dialog.figures["carried_in"].text()
        dialog.bookings.setCurrentRow(0)
        click(qtbot, dialog.cancel_button)
        seen["cancelled"] = dialog.message.text()
        seen["after_cancel"] = dialog.bookings.count()
        seen["holiday_after_cancel"] = _holiday_shifts(db, employer_id, janet)
        dialog.reject()
        return 0

    monkeypatch.setattr(HolidayDialog, "exec", drive)
    wait_for_focus(qtbot, window)
    press(Qt.Key.Key_K, ALT)  # "Holiday boo&king…" on the PA's record
    assert seen["title"] == "Janet Moyo's holiday, 1 April 2026 to 31 March 2027"
    assert seen["entitlement"] == "154.00 hours"  # 5.6 weeks x 27.5 hours
    assert seen["bank"] == "10 on their working days, 55.00 hours, taken from the entitlement"
    assert seen["focus"]
    left = before.left.quantize(Decimal("0.01"))
    assert seen["refused"] == f"They have {left} hours of holiday left this leave year, so book {left} hours or fewer."
    assert seen["bookings_after_refusal"] == 0
    # her weekday mornings on the rota, 08:00 to 14:00 less a 30-minute break: 5 x 5 h 30 = 27 h 30
    assert seen["booked"] == (f"Booked 5 days for Janet Moyo: their 27 hours 30 minutes of shifts on the rota are "
                              f"now holiday on the timesheet. {left - Decimal('27.50')} hours left.")
    assert seen["holiday_shifts"] == [(date(2026, 12, day), "08:00", "14:00", 30) for day in range(7, 12)]
    assert seen["list"] == ["7 to 11 December 2026: 27.50 hours (27.50 hours of it on the timesheet)"]
    assert seen["left"] == f"{left - Decimal('27.50')} hours"
    assert seen["earlier"] == "Janet Moyo's holiday, 1 April 2025 to 31 March 2026"
    assert seen["carried"] == "Carried 10.00 hours into the next leave year, to take by 30 September 2027."
    assert seen["carried_in"] == "10.00 hours to take by 30 September 2027"
    assert seen["cancelled"] == (f"Cancelled the booking: 27 hours 30 minutes of holiday are off the timesheet and "
                                 f"their shifts are back on the rota. {left + 10} hours left.")  # 10 carried in
    assert seen["after_cancel"] == 0 and seen["holiday_after_cancel"] == []
    year = holiday.holiday_year(db, janet, TODAY)
    assert year.bookings == () and year.balance.carried_in == Decimal("10")
    # Edit > Undo (the undo stack) takes back the cancellation: the booking is there again
    window.context.undo_group.undo()
    assert [b.first_day for b in holiday.holiday_year(db, janet, TODAY).bookings] == [date(2026, 12, 7)]
    assert len(_holiday_shifts(db, employer_id, janet)) == 5


def test_the_employer_chooses_the_leave_year_and_bank_holidays(qtbot, demo_context):
    db = demo_context.db
    record = employers.get_employer(db, demo_context.employer_id)
    dialog = EmployerDialog(db, record)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.leave_year_day.value(), dialog.leave_year_month.currentText()) == (1, "April")
    dialog.leave_year_day.setFocus()
    dialog.leave_year_day.selectAll()
    qtbot.keyClicks(dialog.leave_year_day, "29")
    dialog.leave_year_month.setCurrentIndex(dialog.leave_year_month.findText("February"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)
    assert dialog.rows["leave_year_start"].error.text().startswith("Choose a day and month for the leave year")
    dialog.leave_year_day.selectAll()
    qtbot.keyClicks(dialog.leave_year_day, "6")
    dialog.leave_year_month.setCurrentIndex(dialog.leave_year_month.findText("January"))
    dialog.bank_holidays.setCurrentIndex(dialog.bank_holidays.findData("extra"))
    click(qtbot, save)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = employers.get_employer(db, demo_context.employer_id)
    assert stored.leave_year_starts == (1, 6) and stored.bank_holidays == "extra"
    assert stored == replace(record, leave_year_start_month=1, leave_year_start_day=6, bank_holidays="extra")
    janet = _janet(db, demo_context.employer_id)
    assert holiday.holiday_year(db, janet, TODAY).year.start == date(2026, 1, 6)


def test_a_screen_reader_hears_each_figure_with_its_row(qtbot, demo_context):
    from PySide6.QtGui import QAccessible

    janet = _janet(demo_context.db, demo_context.employer_id)
    dialog = HolidayDialog(demo_context.db, janet, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    spoken = QAccessible.queryAccessibleInterface(dialog.figures["entitlement"]).text(QAccessible.Text.Name)
    assert spoken == "Entitlement: 154.00 hours"
    assert dialog.figures["left"].accessibleName() == f"Left to take: {dialog.figures['left'].text()}"
