"""Working time in the windows, driven by keys and clicks: a shift typed in that leaves too little rest
is warned of as it is typed (a warning, not a refusal: it still saves), and the 48-hour opt-out is kept
on the PA form."""
from datetime import date, time, timedelta

from PySide6.QtCore import Qt

from pa_manager.domain.people import PARecord
from pa_manager.domain.shifts import to_london
from pa_manager.services import people, shifts
from pa_manager.services.shifts import ShiftInput
from pa_manager.ui.dialogs.shift_dialog import ShiftDialog
from pa_manager.ui.pages.pa_form import PAForm
from tests.conftest import TODAY
from tests.ui.driving import click, type_into

WEDNESDAY = TODAY - timedelta(days=TODAY.weekday()) + timedelta(days=2)
THURSDAY = WEDNESDAY + timedelta(days=1)


def test_typing_a_shift_that_breaks_the_11_hour_rest_shows_a_warning_and_still_saves(qtbot, demo_context):
    db, employer_id = demo_context.db, demo_context.employer_id
    ivy = people.save_pa(db, employer_id, PARecord(name="Ivy Penrose", start_date=date(2026, 10, 1)), TODAY)
    shifts.save_shift(db, employer_id, ShiftInput(ivy.id, WEDNESDAY, time(14), time(23), break_minutes=30))
    said = []
    demo_context.status_message.connect(said.append)
    dialog = ShiftDialog(demo_context, ivy.id, THURSDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.rules_warning.isVisible()
    type_into(qtbot, dialog.start_edit, "10:00")
    type_into(qtbot, dialog.end_edit, "12:00")
    assert not dialog.rules_warning.isVisible()  # 23:00 to 10:00 is 11 hours
    type_into(qtbot, dialog.start_edit, "07:00")
    assert dialog.rules_warning.isVisible()
    text = dialog.rules_warning_text.text()
    assert text == ("Working time: Change Ivy Penrose's shifts so they have 11 hours off in a row: they get at most "
                    f"8 hours of rest in a row in the 24 hours from the start of work on {WEDNESDAY.day} November "
                    "2026. You can still save it.")
    click(qtbot, dialog.save_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    [stored] = shifts.shifts_between(db, employer_id, THURSDAY, THURSDAY, pa_id=ivy.id)
    assert (f"{to_london(stored.start):%H:%M}", f"{to_london(stored.end):%H:%M}") == ("07:00", "12:00")
    assert said[-1] == f"Saved. {text}"


def test_the_opt_out_is_typed_on_the_pa_form_and_read_back(qtbot):
    form = PAForm(today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show_record(PARecord(name="Ivy Penrose"))
    assert form.working_time_opt_out.value() is None
    form.working_time_opt_out.setFocus()
    qtbot.keyClicks(form.working_time_opt_out, "2/11/2026")
    assert form.record().working_time_opt_out == date(2026, 11, 2)
    assert form.rows["working_time_opt_out"].label.buddy() is form.working_time_opt_out
    assert form.working_time_opt_out.accessibleName().startswith("48-hour opt-out signed on")
    assert form.working_time_opt_out.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_finding_is_on_the_dashboard_and_enter_opens_that_week_of_hours(qtbot, window):
    db, employer_id = window.context.db, window.context.employer_id
    ivy = people.save_pa(db, employer_id, PARecord(name="Ivy Penrose", start_date=date(2026, 10, 1)), TODAY)
    later = WEDNESDAY + timedelta(weeks=1)
    shifts.save_shift(db, employer_id, ShiftInput(ivy.id, later, time(14), time(23), break_minutes=30))
    shifts.save_shift(db, employer_id, ShiftInput(ivy.id, later + timedelta(days=1), time(7), time(12)))
    window.go_to(window.pages.index(window.dashboard))
    window.context.announce_change()
    due = window.dashboard.due
    lines = [due.item(i).text() for i in range(due.count())]
    [wanted] = [line for line in lines if "Change Ivy Penrose's shifts so they have 11 hours off" in line]
    assert wanted.startswith("Check: ")
    due.setCurrentRow(lines.index(wanted))
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.hours
    assert window.hours.monday == later - timedelta(days=later.weekday())
