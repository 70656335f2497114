"""The Hours page and its dialogs driven as a person would: keys, typing and clicks, then checking
what was stored (through the services) and what the page shows."""
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from pa_manager.domain.shifts import paid_minutes, to_london
from pa_manager.services import hours, people, rota, shifts
from pa_manager.storage.database import open_database
from pa_manager.ui.dialogs.rota_dialog import PatternDialog, RotaDialog, describe_days
from pa_manager.ui.dialogs.shift_dialog import ShiftDialog
from pa_manager.ui.dialogs.timesheet_dialogs import TimesheetExportDialog, TimesheetImportDialog
from pa_manager.ui.models.week_table import NBSP, hours_text, spoken_hours
from pa_manager.ui.pages.hours import HoursPage
from pa_manager.wording import shift_when
from tests.conftest import TODAY
from tests.ui.test_accessibility import _mnemonic, unnamed_controls
from tests.ui.driving import WINDOW_LETTERS, click, type_into

THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())
LAST_MONDAY = THIS_MONDAY - timedelta(days=7)


def _page(qtbot, context):
    page = HoursPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    return page


def _pa(context, name):
    return next(pa for pa in people.list_pas(context.db, context.employer_id) if pa.name == name)


def _stored(context, pa_name, first, last=None):
    return shifts.shifts_between(context.db, context.employer_id, first, last or first, pa_id=_pa(context, pa_name).id)


def _cell_text(page, pa_name, column):
    row = page.model.row_of(_pa(page.context, pa_name).id)
    return page.model.index(row, column).data().replace(NBSP, " ")


def _messages(context):
    said = []
    context.status_message.connect(said.append)
    return said


def _dialog(qtbot, context, pa_name, day):
    dialog = ShiftDialog(context, _pa(context, pa_name).id, day)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_and_save(qtbot, dialog, start, end, break_minutes=""):
    type_into(qtbot, dialog.start_edit, start)
    type_into(qtbot, dialog.end_edit, end)
    type_into(qtbot, dialog.break_edit, break_minutes)
    click(qtbot, dialog.save_button)
    return dialog.result()


def _undo(context):
    context.undo_group.activeStack().undo()


# --- adding, refusing, undoing -------------------------------------------------------------------


def test_adding_a_shift_through_the_dialog_stores_it_and_shows_it_in_the_grid(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    thursday = THIS_MONDAY + timedelta(days=3)
    row = page.model.row_of(_pa(demo_context, "Tom Whitfield").id)
    page.grid.setCurrentIndex(page.model.index(row, 3))

    def fill_and_save(dialog: ShiftDialog):
        assert (dialog.pa_id, dialog.day) == (_pa(demo_context, "Tom Whitfield").id, thursday)
        return _fill_and_save(qtbot, dialog, "9:00", "12:30", "30")

    monkeypatch.setattr(ShiftDialog, "exec", fill_and_save)
    click(qtbot, page.add_button)
    [stored] = _stored(demo_context, "Tom Whitfield", thursday)
    assert (to_london(stored.start).time(), to_london(stored.end).time()) == (time(9), time(12, 30))
    assert paid_minutes(stored) == 180
    assert "09:00–12:30 (3 h)" in _cell_text(page, "Tom Whitfield", 3)
    assert demo_context.undo_group.activeStack().undoText().startswith("Add Tom Whitfield's shift on Thursday 26 November 2026")


@pytest.mark.parametrize("field", ["end_edit", "break_edit", "notes_edit"])
def test_enter_in_a_field_of_the_shift_form_saves_the_shift(qtbot, demo_context, field):
    thursday = THIS_MONDAY + timedelta(days=3)
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", thursday)
    qtbot.keyClicks(dialog.start_edit, "9:00")
    qtbot.keyClicks(dialog.end_edit, "12:30")
    qtbot.keyClick(getattr(dialog, field), Qt.Key.Key_Return)
    assert dialog.result() == ShiftDialog.DialogCode.Accepted and not dialog.isVisible()
    [stored] = _stored(demo_context, "Tom Whitfield", thursday)
    assert to_london(stored.end).time() == time(12, 30)


def test_an_overlapping_shift_is_refused_with_the_message_next_to_the_start_time(qtbot, demo_context):
    worked = next(s for s in shifts.shifts_between(demo_context.db, demo_context.employer_id, LAST_MONDAY,
                                                    LAST_MONDAY + timedelta(days=6)) if s.pa == _pa(demo_context, "Janet Moyo").id)
    day = to_london(worked.start).date()
    later = (to_london(worked.start) + timedelta(minutes=30)).strftime("%H:%M")
    dialog = _dialog(qtbot, demo_context, "Janet Moyo", day)
    before = _stored(demo_context, "Janet Moyo", day)
    _fill_and_save(qtbot, dialog, later, "23:00")
    error = dialog.rows["start"].error
    assert error.isVisible()
    assert error.text().startswith(f"This overlaps Janet Moyo's shift on {shift_when(worked.start, worked.end)}")
    assert dialog.focusWidget() is dialog.start_edit
    assert "This overlaps" in dialog.start_edit.accessibleDescription()
    assert _stored(demo_context, "Janet Moyo", day) == before
    assert not dialog.result()


def test_unreadable_times_are_explained_next_to_their_fields(qtbot, demo_context):
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", THIS_MONDAY + timedelta(days=3))
    _fill_and_save(qtbot, dialog, "9am", "", "half an hour")
    assert "'9am' is not a time" in dialog.rows["start"].error.text()
    assert "Enter the end time" in dialog.rows["end"].error.text()
    assert "whole number of minutes" in dialog.rows["break_minutes"].error.text()
    assert _stored(demo_context, "Tom Whitfield", THIS_MONDAY + timedelta(days=3)) == []


def test_a_night_across_the_october_clock_change_is_stored_as_11_hours(qtbot, demo_context):
    # The clocks go back at 02:00 on Sunday 31 October 2027, so the night that crosses it starts on the 30th.
    night = date(2027, 10, 30)
    dialog = _dialog(qtbot, demo_context, "Janet Moyo", night)
    type_into(qtbot, dialog.start_edit, "22:00")
    type_into(qtbot, dialog.end_edit, "08:00")
    assert "11 hours, ending the next day, Sunday 31 October 2027, at 08:00" in dialog.summary.text()
    assert "clocks go back" in dialog.summary.text()
    click(qtbot, dialog.save_button)
    [stored] = [s for s in _stored(demo_context, "Janet Moyo", night) if to_london(s.start).hour == 22]
    assert paid_minutes(stored) == 11 * 60


def test_a_shift_on_a_day_already_paid_is_refused_next_to_the_date_saying_what_to_do(qtbot, demo_context):
    # The demo's October 2026 pay run (paid on Friday 30 October) has been finalised.
    day = date(2026, 10, 24)
    before = _stored(demo_context, "Janet Moyo", day)
    dialog = _dialog(qtbot, demo_context, "Janet Moyo", day)
    _fill_and_save(qtbot, dialog, "22:00", "08:00", "0")
    error = dialog.rows["day"].error
    assert error.isVisible() and "paid in the pay run of 30 October 2026" in error.text()
    assert "back pay" in error.text()
    assert _stored(demo_context, "Janet Moyo", day) == before and not dialog.result()


def test_a_short_visit_is_warned_about_but_saved(qtbot, demo_context):
    day = THIS_MONDAY + timedelta(days=3)
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", day)
    said = _messages(demo_context)
    type_into(qtbot, dialog.start_edit, "12:00")
    type_into(qtbot, dialog.end_edit, "12:20")
    assert dialog.warning.isVisible()
    assert dialog.warning_text.text().startswith("Short visit: under 30 minutes")
    click(qtbot, dialog.save_button)
    assert len(_stored(demo_context, "Tom Whitfield", day)) == 1
    assert "Short visit" in said[-1]


def test_a_sleep_in_records_the_times_woken(qtbot, demo_context):
    day = THIS_MONDAY + timedelta(days=3)
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", day)
    assert not dialog.awake_edit.isVisibleTo(dialog)
    dialog.type_box.setCurrentIndex(dialog.type_box.findText("Sleep-in"))
    assert dialog.awake_edit.isVisibleTo(dialog)
    dialog.awake_edit.insert("02:10-02:40, 05:00–05:20")  # pasted, en dash and all
    _fill_and_save(qtbot, dialog, "22:00", "07:00")
    [stored] = _stored(demo_context, "Tom Whitfield", day)
    assert [(f"{to_london(a):%H:%M}", f"{to_london(b):%H:%M}") for a, b in stored.awake] == [("02:10", "02:40"), ("05:00", "05:20")]


def test_undo_of_an_added_shift_removes_it_and_redo_puts_it_back(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    thursday = THIS_MONDAY + timedelta(days=3)
    page.grid.setCurrentIndex(page.model.index(page.model.row_of(_pa(demo_context, "Tom Whitfield").id), 3))
    monkeypatch.setattr(ShiftDialog, "exec", lambda dialog: _fill_and_save(qtbot, dialog, "09:00", "12:00"))
    click(qtbot, page.edit_button)
    assert len(_stored(demo_context, "Tom Whitfield", thursday)) == 1
    _undo(demo_context)
    assert _stored(demo_context, "Tom Whitfield", thursday) == []
    assert "09:00" not in _cell_text(page, "Tom Whitfield", 3)
    demo_context.undo_group.activeStack().redo()
    assert len(_stored(demo_context, "Tom Whitfield", thursday)) == 1


def test_changing_a_shift_someone_else_changed_meanwhile_says_so_in_the_dialog(qtbot, demo_context, demo_location):
    day = THIS_MONDAY + timedelta(days=3)
    tom = _pa(demo_context, "Tom Whitfield").id
    shift = shifts.save_shift(demo_context.db, demo_context.employer_id, shifts.ShiftInput(tom, day, time(9), time(12)))
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", day)
    click(qtbot, dialog.change_buttons[0])
    other, _ = open_database(demo_location)  # someone else, on the same data, moves the shift's end
    try:
        shifts.save_shift(other, demo_context.employer_id, shifts.ShiftInput(tom, day, time(9), time(13)), shift.key,
                          version=shift.version)
    finally:
        other.close()
    _fill_and_save(qtbot, dialog, "10:00", "12:00")
    assert dialog.message.text().startswith("Someone else changed Tom Whitfield's shift on ")
    assert "09:00 to 13:00 since you opened it, so your changes were not saved" in dialog.message.text()
    assert not dialog.result()
    [kept] = _stored(demo_context, "Tom Whitfield", day)
    assert (to_london(kept.start).time(), to_london(kept.end).time()) == (time(9), time(13))


def test_changing_and_removing_a_shift_from_the_dialog(qtbot, demo_context, monkeypatch):
    day = THIS_MONDAY + timedelta(days=3)
    shifts.save_shift(demo_context.db, demo_context.employer_id,
                      shifts.ShiftInput(_pa(demo_context, "Tom Whitfield").id, day, time(9), time(12)))
    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", day)
    click(qtbot, dialog.change_buttons[0])
    assert dialog.form_box.title() == "Change the 09:00 to 12:00 shift"
    _fill_and_save(qtbot, dialog, "10:00", "12:00")
    [changed] = _stored(demo_context, "Tom Whitfield", day)
    assert to_london(changed.start).time() == time(10)

    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", day)
    dialog.remove_buttons[0].setFocus()
    qtbot.keyClick(dialog.remove_buttons[0], Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.pa_box  # Tab goes from the day's shifts to the form, as on screen
    monkeypatch.setattr(ShiftDialog, "_confirm", lambda self, title, text, action: action == "Remove shift")
    click(qtbot, dialog.remove_buttons[0])
    assert _stored(demo_context, "Tom Whitfield", day) == []
    assert "You can undo this" in dialog.message.text()
    _undo(demo_context)
    assert len(_stored(demo_context, "Tom Whitfield", day)) == 1


def test_a_planned_shift_can_be_cancelled_or_covered_from_the_dialog(qtbot, demo_context, monkeypatch):
    janet, leah = _pa(demo_context, "Janet Moyo").id, _pa(demo_context, "Leah Grant").id
    tuesday, wednesday = THIS_MONDAY + timedelta(days=1), THIS_MONDAY + timedelta(days=2)
    planned = lambda day, pa: [s for s in rota.planned_shifts(demo_context.db, demo_context.employer_id, day, day) if s.pa == pa]
    assert len(planned(tuesday, janet)) == 1

    dialog = _dialog(qtbot, demo_context, "Janet Moyo", tuesday)
    assert dialog.start_edit.text() == "08:00"  # a day with only a plan starts from the plan's times
    monkeypatch.setattr(ShiftDialog, "_confirm", lambda self, *args: True)
    worked_button, cancel_button, cover_button = dialog.plan_buttons[0]
    click(qtbot, cancel_button)
    assert planned(tuesday, janet) == []
    _undo(demo_context)
    assert len(planned(tuesday, janet)) == 1

    dialog = _dialog(qtbot, demo_context, "Janet Moyo", wednesday)
    monkeypatch.setattr(ShiftDialog, "_choose_cover_pa", lambda self, shift: leah)
    click(qtbot, dialog.plan_buttons[0][2])
    assert planned(wednesday, janet) == [] and len(planned(wednesday, leah)) == 1


# --- the grid from the keyboard ----------------------------------------------------------------


def test_arrow_keys_then_enter_open_the_editor_for_that_pa_and_day(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    opened = []
    monkeypatch.setattr(ShiftDialog, "exec", lambda dialog: opened.append((dialog.pa_id, dialog.day)) or 0)
    page.grid.setFocus()
    assert page.grid.currentIndex().row() == 0
    start_column = page.grid.currentIndex().column()  # today's day
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert opened == [(page.model.pa_id(1), THIS_MONDAY + timedelta(days=start_column + 2))]
    qtbot.keyClick(page.grid, Qt.Key.Key_F2)
    assert len(opened) == 2


def test_delete_on_a_cell_with_one_shift_asks_then_removes_it(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    page.show_week(LAST_MONDAY)
    tom = _pa(demo_context, "Tom Whitfield")
    [wednesday_shift] = _stored(demo_context, "Tom Whitfield", LAST_MONDAY + timedelta(days=2))
    page.grid.setCurrentIndex(page.model.index(page.model.row_of(tom.id), 2))
    asked = []
    monkeypatch.setattr(HoursPage, "_confirm", lambda self, title, text, action: asked.append(text) or True)
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert asked == [f"Remove Tom Whitfield's shift on {shift_when(wednesday_shift.start, wednesday_shift.end)}? "
                     "It will no longer count towards their hours or pay. You can undo this."]
    assert _stored(demo_context, "Tom Whitfield", LAST_MONDAY + timedelta(days=2)) == []
    _undo(demo_context)
    assert len(_stored(demo_context, "Tom Whitfield", LAST_MONDAY + timedelta(days=2))) == 1


def test_week_navigation_and_the_week_label(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert page.week_label.text() == "Week starting Monday 23 November 2026 (this week)"
    click(qtbot, page.previous_button)
    assert page.week_label.text() == "Week starting Monday 16 November 2026"
    assert "Planned" not in _cell_text(page, "Janet Moyo", 1)  # last week was worked
    click(qtbot, page.next_button)
    click(qtbot, page.next_button)
    assert page.monday == THIS_MONDAY + timedelta(days=7)
    click(qtbot, page.this_week_button)
    assert page.monday == THIS_MONDAY


# --- whole weeks ---------------------------------------------------------------------------------


def test_copy_last_week_copies_the_shifts_says_how_many_and_can_be_undone(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    db, employer_id = demo_context.db, demo_context.employer_id
    source = shifts.shifts_between(db, employer_id, LAST_MONDAY, LAST_MONDAY + timedelta(days=6))
    # One shift already there this week, overlapping what Tom worked last Wednesday evening.
    tom = _pa(demo_context, "Tom Whitfield").id
    shifts.save_shift(db, employer_id, shifts.ShiftInput(tom, THIS_MONDAY + timedelta(days=2), time(19), time(20)))
    demo_context.announce_change()
    said = _messages(demo_context)
    click(qtbot, page.copy_button)
    copied = len(shifts.shifts_between(db, employer_id, THIS_MONDAY, THIS_MONDAY + timedelta(days=6))) - 1
    left_out = len(source) - copied
    assert copied > 0 and left_out >= 1  # at least the overlapping one was left out
    assert said[-1] == (f"Copied {copied} shifts from the week starting Monday 16 November 2026. "
                        f"{left_out} shift{'s' if left_out > 1 else ''} left out, because they would overlap shifts "
                        "already there or the PA was not working for you then. You can undo this.")
    assert "Planned" not in _cell_text(page, "Priya Sandhu", 1)  # the copy is worked, not planned
    _undo(demo_context)
    assert len(shifts.shifts_between(db, employer_id, THIS_MONDAY, THIS_MONDAY + timedelta(days=6))) == 1


def test_mark_planned_shifts_as_worked_for_the_week_and_undo(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    db, employer_id = demo_context.db, demo_context.employer_id
    sunday = THIS_MONDAY + timedelta(days=6)
    planned = rota.planned_shifts(db, employer_id, THIS_MONDAY, sunday)
    assert planned and "Planned 08:00–14:00" in _cell_text(page, "Janet Moyo", 1)
    click(qtbot, page.mark_button)
    assert len(shifts.shifts_between(db, employer_id, THIS_MONDAY, sunday)) == len(planned)
    assert rota.planned_shifts(db, employer_id, THIS_MONDAY, sunday) == []
    assert _cell_text(page, "Janet Moyo", 1) == "08:00–14:00 (5 h 30 min)"
    _undo(demo_context)
    assert shifts.shifts_between(db, employer_id, THIS_MONDAY, sunday) == []
    assert _cell_text(page, "Janet Moyo", 1) == "Planned 08:00–14:00"


def test_the_week_total_cost_and_totals_lines(qtbot, demo_context):
    db, employer_id = demo_context.db, demo_context.employer_id
    monday = THIS_MONDAY + timedelta(days=7)
    janet = _pa(demo_context, "Janet Moyo").id
    for offset in (0, 1):  # afternoons, after the planned mornings
        shifts.save_shift(db, employer_id, shifts.ShiftInput(janet, monday + timedelta(days=offset), time(15), time(18)))
    page = _page(qtbot, demo_context)
    page.show_week(monday)
    assert _cell_text(page, "Janet Moyo", page.model.COL_TOTAL) == "6 h\nPlanned 27 h 30 min"
    cost = page.model.index(page.model.row_of(janet), page.model.COL_COST)
    assert cost.data() == "£88.80"
    assert cost.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    lines = [page.totals.item(i).text() for i in range(page.totals.count())]
    assert "Janet Moyo: 6 h this week (standard 6 h), £88.80" in lines
    assert "Not yet marked as worked: 27 h 30 min of Janet Moyo's 27 h 30 min on the rota." in " ".join(lines)
    monday_cell = page.model.index(page.model.row_of(janet), 0)
    assert monday_cell.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Janet Moyo, Monday 30 November: worked 15:00 to 18:00, 3 hours; "
        "planned 08:00 to 14:00, 5 hours 30 minutes, not yet marked as worked")


def test_continuity_of_care_for_a_worked_week(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.show_week(LAST_MONDAY)
    found = hours.continuity_of_care(demo_context.db, demo_context.employer_id, LAST_MONDAY, LAST_MONDAY + timedelta(days=6))
    share = int(found.share * 100)
    last = page.totals.item(page.totals.count() - 1).text()
    assert f"{share}% of care hours were worked by your regular PAs (the Citizens UK charter asks for 90%)." in last
    assert last.startswith("Meets the charter" if found.meets_target else "Below the charter")


def test_bank_holidays_are_named_in_the_column_header(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.show_week(date(2026, 12, 21))
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "Fri 25 Dec\n(bank holiday)"
    assert page.model.headerData(3, Qt.Orientation.Horizontal) == "Thu 24 Dec"
    assert "Christmas Day" in page.model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)


def test_hours_are_worded_for_the_grid_and_for_screen_readers():
    assert [hours_text(m) for m in (450, 240, 20, 0)] == ["7 h 30 min", "4 h", "20 min", "0 h"]
    assert [spoken_hours(m) for m in (450, 60, 1)] == ["7 hours 30 minutes", "1 hour", "1 minute"]
    assert [describe_days(d) for d in ({0, 1, 2, 3, 4}, {5, 6}, {1, 3, 5})] == ["Mon–Fri", "Sat and Sun", "Tue, Thu and Sat"]


# --- rota ----------------------------------------------------------------------------------------


def test_adding_a_rota_pattern_then_undo(qtbot, demo_context, monkeypatch):
    dialog = RotaDialog(demo_context)
    qtbot.addWidget(dialog)
    before = len(rota.list_patterns(demo_context.db, demo_context.employer_id))

    def fill(pattern_dialog: PatternDialog):
        pattern_dialog.pa_box.setCurrentIndex(pattern_dialog.pa_box.findText("Leah Grant"))
        type_into(qtbot, pattern_dialog.name_edit, "Weekend sleep-in")
        type_into(qtbot, pattern_dialog.start_edit, "22:00")
        type_into(qtbot, pattern_dialog.end_edit, "08:00")
        pattern_dialog.type_box.setCurrentIndex(pattern_dialog.type_box.findText("Sleep-in"))
        pattern_dialog.interval_box.setCurrentIndex(pattern_dialog.interval_box.findText("Every other week"))
        type_into(qtbot, pattern_dialog.starts_edit, "5/12/2026")
        click(qtbot, pattern_dialog.save_button)
        assert "Tick at least 1 day" in pattern_dialog.rows["weekdays"].error.text()
        for box in pattern_dialog.day_boxes[5:]:
            qtbot.keyClick(box, Qt.Key.Key_Space)
        click(qtbot, pattern_dialog.save_button)
        return pattern_dialog.result()

    monkeypatch.setattr(PatternDialog, "exec", fill)
    click(qtbot, dialog.add_button)
    patterns = rota.list_patterns(demo_context.db, demo_context.employer_id)
    added = next(p.pattern for p in patterns if p.pattern.pa == _pa(demo_context, "Leah Grant").id)
    assert (added.weekdays, added.interval, added.start, added.end) == ({5, 6}, 2, time(22), time(8))
    row = dialog.table.currentRow()
    assert [dialog.table.item(row, c).text() for c in range(6)] == [
        "Leah Grant", "Weekend sleep-in", "Sat and Sun", "22:00–08:00 (next day)", "Sleep-in", "Every other week"]
    _undo(demo_context)
    assert len(rota.list_patterns(demo_context.db, demo_context.employer_id)) == before


# --- timesheets ----------------------------------------------------------------------------------


def _timesheet(tmp_path, rows):
    path = tmp_path / "timesheet.csv"
    path.write_text("pa,date,start,end,break_minutes,type\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


def test_checking_a_timesheet_lists_each_problem_by_line(qtbot, demo_context, tmp_path):
    dialog = TimesheetImportDialog(demo_context)
    qtbot.addWidget(dialog)
    path = _timesheet(tmp_path, ["Tom Whitfield,2026-12-03,09:00,12:00,0,standard",
                                 "Tom Whitfield,2026-12-04,9am,12:00,0,standard"])
    type_into(qtbot, dialog.path_edit, str(path))
    click(qtbot, dialog.check_button)
    assert dialog.report.toPlainText().startswith("Line 3: Write times using the 24-hour clock")
    assert not dialog.import_button.isEnabled()


def test_importing_a_timesheet_through_the_page_then_undo(qtbot, demo_context, tmp_path, monkeypatch):
    page = _page(qtbot, demo_context)
    path = _timesheet(tmp_path, ["Tom Whitfield,2026-12-03,09:00,12:00,0,standard",
                                 "Tom Whitfield,2026-12-04,09:00,12:00,0,standard"])
    shifts.save_shift(demo_context.db, demo_context.employer_id,
                      shifts.ShiftInput(_pa(demo_context, "Tom Whitfield").id, date(2026, 12, 4), time(9), time(12)))
    said = _messages(demo_context)

    def choose_check_import(dialog: TimesheetImportDialog):
        type_into(qtbot, dialog.path_edit, str(path))
        click(qtbot, dialog.check_button)
        assert dialog.report.toPlainText() == "Ready to add 1 shift.\n1 shift already here, so left as they are."
        click(qtbot, dialog.import_button)
        return dialog.result is not None

    monkeypatch.setattr(TimesheetImportDialog, "exec", choose_check_import)
    click(qtbot, page.import_button)
    assert said[-1] == "Added 1 shift; 1 was already there. You can undo this."
    assert len(_stored(demo_context, "Tom Whitfield", date(2026, 12, 3))) == 1
    _undo(demo_context)
    assert _stored(demo_context, "Tom Whitfield", date(2026, 12, 3)) == []


def test_exporting_the_week_writes_a_file(qtbot, demo_context, tmp_path):
    dialog = TimesheetExportDialog(demo_context, LAST_MONDAY, LAST_MONDAY + timedelta(days=6))
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.path_edit, str(tmp_path / "week"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".xlsx"))
    click(qtbot, dialog.export_button)
    expected = len(shifts.shifts_between(demo_context.db, demo_context.employer_id, LAST_MONDAY, LAST_MONDAY + timedelta(days=6)))
    assert dialog.written == expected and (tmp_path / "week.xlsx").exists()


def test_exporting_refuses_dates_in_the_wrong_order(qtbot, demo_context, tmp_path):
    dialog = TimesheetExportDialog(demo_context, LAST_MONDAY, LAST_MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.to_edit, "1/11/2026")
    click(qtbot, dialog.export_button)
    assert dialog.rows["last"].error.text() == "Enter a date on or after 16 November 2026."
    assert dialog.written is None


# --- accessibility -------------------------------------------------------------------------------


def _letters(root, extra=()):
    texts = [w.text() for w in root.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    letters = [m for m in map(_mnemonic, texts) if m] + list(extra)
    return sorted({m for m in letters if letters.count(m) > 1})


def test_every_control_on_the_page_is_named_and_no_shortcut_letters_clash(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert unnamed_controls(page) == []
    assert _letters(page, WINDOW_LETTERS) == []


def _dialogs(context):
    pas = people.list_pas(context.db, context.employer_id)
    return {
        "shift": ShiftDialog(context, _pa(context, "Janet Moyo").id, THIS_MONDAY + timedelta(days=1)),
        "shift with worked": ShiftDialog(context, _pa(context, "Janet Moyo").id, LAST_MONDAY + timedelta(days=1)),
        "rota": RotaDialog(context),
        "pattern": PatternDialog(pas, TODAY),
        "import": TimesheetImportDialog(context),
        "export": TimesheetExportDialog(context, LAST_MONDAY, LAST_MONDAY + timedelta(days=6)),
    }


@pytest.mark.parametrize("name", ["shift", "shift with worked", "rota", "pattern", "import", "export"])
def test_every_control_in_each_hours_dialog_is_named_and_shortcuts_do_not_clash(qtbot, demo_context, name):
    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    assert _letters(dialog) == []


def test_the_week_total_counts_sleep_in_nights_apart_from_hours(qtbot, demo_context):
    # The demo's week of 19 October 2026: Tom worked Wednesday 18:00-21:00 and the weekend sleep-ins on
    # Saturday (22:00-08:00 across the clock change: 11 h) and Sunday (10 h), not woken. At £13.45 an
    # hour and £60.00 a night: 3 h x £13.45 = £40.35, plus 2 x £60.00 = £160.35.
    page = _page(qtbot, demo_context)
    page.show_week(date(2026, 10, 19))
    assert _cell_text(page, "Tom Whitfield", page.model.COL_TOTAL) == "3 h\n2 sleep-in nights"
    assert _cell_text(page, "Tom Whitfield", page.model.COL_COST) == "£160.35"
    tom = page.model.index(page.model.row_of(_pa(demo_context, "Tom Whitfield").id), page.model.COL_TOTAL)
    assert tom.data(Qt.ItemDataRole.AccessibleTextRole) == "Tom Whitfield, week total: 3 hours worked and 2 sleep-in nights"
    lines = [page.totals.item(i).text() for i in range(page.totals.count())]
    assert "Tom Whitfield: 3 h this week (standard 3 h) and 2 sleep-in nights, £160.35" in lines
    # Set against the rota, the time on shift still counts: 3 h + 11 h + 10 h.
    assert "Done: Tom Whitfield worked the 24 h the rota planned." in lines


def test_the_week_says_which_pay_periods_its_days_are_in(qtbot, context):
    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.services import employers

    employer = employers.save_employer(context.db, EmployerRecord(name="Weekly", pay_frequency=PayFrequency.WEEKLY))
    context.set_employer(employer.id)
    page = HoursPage(context)
    qtbot.addWidget(page)
    page.show_week(date(2026, 11, 23))
    # Weekly pay with no pay run yet: periods end on Fridays, so Monday to Friday and the weekend part.
    assert page.pay_periods.text() == (
        "Pay periods: Monday 23 November 2026 to Friday 27 November 2026: pay period 21 to 27 November 2026, not "
        "paid yet. Saturday 28 November 2026 to Sunday 29 November 2026: pay period 28 November to 4 December 2026, "
        "not paid yet.")
    # And drawn over the grid: a band over Monday to Friday's columns, another over the weekend's.
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    bar, header = page.period_bar, page.grid.horizontalHeader()
    assert [(b.first_column, b.last_column, b.text) for b in bar.bands()] == [
        (0, 4, "Pay period 21 to 27 Nov: not paid yet"), (5, 6, "Pay period 28 Nov to 4 Dec: not paid yet")]
    weekdays, weekend = (bar.span(b) for b in bar.bands())
    grid_left = page.grid.viewport().mapTo(page, page.grid.viewport().rect().topLeft()).x() - bar.x()
    assert abs(weekdays.left() - (grid_left + header.sectionViewportPosition(0))) <= 2
    assert abs(weekend.left() - (grid_left + header.sectionViewportPosition(5))) <= 2
    assert abs(weekend.right() - (grid_left + header.sectionViewportPosition(6) + header.sectionSize(6))) <= 4
    assert bar.accessibleName() == page.pay_periods.text()


def test_no_hint_in_the_shift_dialog_is_cut_off_when_the_sleep_in_row_appears(qtbot, demo_context):
    from pa_manager.domain.shifts import ShiftType
    from pa_manager.ui.dialogs.shift_dialog import show_type

    dialog = _dialog(qtbot, demo_context, "Tom Whitfield", THIS_MONDAY + timedelta(days=3))
    dialog.resize(620, dialog.height())
    qtbot.waitExposed(dialog)
    show_type(dialog.type_box, ShiftType.SLEEP_IN)
    qtbot.wait(50)
    hints = [label for label in dialog.findChildren(QLabel, "fieldHint") if label.isVisible()]
    assert hints and all(label.height() >= label.heightForWidth(label.width()) for label in hints), [
        (label.text()[:30], label.height(), label.heightForWidth(label.width())) for label in hints]
