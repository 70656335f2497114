"""The first run of a new, empty data file: who is using PA Manager, then one step at a time, by keys,
each step saved through the services (and undoable), any step skipped, the choice remembered."""
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox

from pa_manager.app import open_records
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.services import employers, first_run, people
from pa_manager.ui.dialogs.first_run import FirstRunDialog
from pa_manager.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.driving import fill, focused, wait_for_focus, keys_in, press, replace_text, type_text, when_dialog_opens
from tests.ui.test_accessibility import _mnemonic, unnamed_controls

ENTER, TAB, DOWN, UP, ESC = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Escape


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Open a data file in a new window as the app does (a missing one is made), with today fixed."""
    windows = []

    def open_(path=None) -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        assert open_records(window, path or tmp_path / "new.sqlite3", create=True, today=lambda: TODAY)
        windows.append(window)
        wait_for_focus(qtbot, window.first_run or window)
        return window

    yield open_
    for window in windows:
        window.context.db.close()


def _stored(window):
    db = window.context.db
    return [(e.name, [pa.name for pa in people.list_pas(db, e.id)]) for e in employers.list_employers(db, TODAY)]


def test_a_new_data_file_asks_who_is_using_pa_manager_with_the_first_choice_ready(qtbot, open_window):
    window = open_window()
    run = window.first_run
    assert run.isVisible() and run.windowModality() == Qt.WindowModality.WindowModal
    assert run.title.text() == "Who is using PA Manager?" and run.progress.text() == "Step 1 of 5"
    assert focused() is run.who.choices[first_run.OWN_PAS] and focused().isChecked()
    assert not run.back_button.isEnabled() and not run.skip_button.isVisible()
    assert first_run.user_role(window.context.db) is None  # nothing stored until Next


def test_a_budget_holder_sets_up_the_employer_their_first_pa_and_pay_day_by_keys(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(ENTER)  # I employ my own PAs
    assert run.title.text() == "About you, the employer" and run.progress.text() == "Step 2 of 5"
    assert focused() is run.employer.form.name
    assert not run.employer.form.pay_frequency.isVisibleTo(run)  # asked on the pay-day step
    type_text("Amira Hassan")
    press(ENTER)
    assert _stored(window) == [("Amira Hassan", [])]
    assert run.title.text() == "Where your records are kept" and focused() is run.data.location
    assert run.data.location.text() == str(window.context.db.location)
    press(ENTER)
    assert run.title.text() == "Your first PA" and focused() is run.pa.name
    assert "starter checklist" in run.pa.rows["tax_code"].hint
    fill("Sam Reid", "1/5/1990", "JT 48 21 93 B", "1257L", "16/11/2026", "20", None)
    type_text("13.50")
    press(ENTER)
    assert run.title.text() == "Your first pay day" and run.next_button.text() == "Finish"
    assert focused() is run.pay_day.frequency
    press(UP, times=3)  # Monthly -> Weekly
    assert run.pay_day.suggested.text() == "Your next pay day: Friday 27 November 2026"
    assert "21 to 27 November 2026" in run.pay_day.period.text()
    assert "Sam Reid: Meets the legal minimum: paid £13.50 an hour" in run.pay_day.pay_check.item(0).text()
    press(ENTER)

    assert not run.isVisible() and window.stack.currentWidget() is window.dashboard
    db, employer_id = window.context.db, window.context.employer_id
    assert first_run.user_role(db) == first_run.OWN_PAS
    employer = employers.get_employer(db, employer_id)
    assert employer.name == "Amira Hassan" and employer.pay_frequency is PayFrequency.WEEKLY
    [pa] = people.list_pas(db, employer_id)
    assert (pa.name, pa.date_of_birth, pa.ni_number, pa.tax_code, pa.start_date, pa.contracted_hours) == (
        "Sam Reid", date(1990, 5, 1), "JT482193B", "1257L", date(2026, 11, 16), Decimal("20"))
    assert pa.rate_on(date(2026, 11, 16)) == Decimal("13.50")
    stack = window.context.undo_group.activeStack()
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add employer Amira Hassan", "Add Sam Reid", "Pay Amira Hassan's PAs weekly"]
    stack.undo()
    stack.undo()
    assert people.list_pas(db, employer_id) == []
    assert employers.get_employer(db, employer_id).pay_frequency is PayFrequency.MONTHLY


def test_what_cannot_be_stored_is_said_next_to_its_field_and_the_step_stays(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(ENTER)
    press(ENTER)  # no name
    assert run.title.text() == "About you, the employer" and focused() is run.employer.form.name
    assert run.employer.form.rows["name"].error.isVisible() and _stored(window) == []
    type_text("Amira Hassan")
    press(ENTER)
    press(ENTER)
    fill("Sam Reid", "31/2/1990")
    press(ENTER)
    assert run.title.text() == "Your first PA" and focused() is run.pa.date_of_birth
    assert "'31/2/1990' is not one" in run.pa.rows["date_of_birth"].error.text()
    assert _stored(window) == [("Amira Hassan", [])]


def test_back_shows_what_was_saved_and_saving_again_changes_it_rather_than_adding_another(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(ENTER)
    type_text("Amira Hasan")
    press(ENTER)
    press(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Go bac&k
    assert run.title.text() == "About you, the employer" and run.employer.form.name.text() == "Amira Hasan"
    run.employer.form.name.setFocus()
    replace_text("Amira Hassan")
    press(ENTER)
    assert _stored(window) == [("Amira Hassan", [])]
    stack = window.context.undo_group.activeStack()
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add employer Amira Hasan", "Change Amira Hassan's employer details"]


def test_every_step_can_be_skipped_and_without_an_employer_the_steps_that_need_one_are_left_out(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(ENTER)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Skip for now
    assert run.title.text() == "Where your records are kept" and run.progress.text() == "Step 3 of 3"
    assert run.next_button.text() == "Finish"
    press(ENTER)
    assert not run.isVisible() and _stored(window) == []
    assert first_run.user_role(window.context.db) == first_run.OWN_PAS
    assert window.dashboard.welcome.isVisible()  # the employer can be added from here later


def test_stopping_with_something_typed_asks_first_and_keeps_what_was_saved(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(ENTER)
    type_text("Amira Hassan")
    press(ENTER)
    press(ENTER)
    type_text("Sam Reid")
    asked = when_dialog_opens(lambda box: keys_in(box, Qt.Key.Key_D), QMessageBox)  # &Discard changes
    press(ESC)
    qtbot.waitUntil(lambda: not run.isVisible())
    assert asked == ["Save your changes?"]
    assert _stored(window) == [("Amira Hassan", [])]


def test_an_advocate_adds_a_first_client_and_the_file_opens_on_caseload_from_then_on(qtbot, open_window, tmp_path):
    window = open_window()
    run = window.first_run
    press(DOWN)  # I help other people with theirs
    press(ENTER)
    assert run.title.text() == "Where your records are kept" and run.progress.text() == "Step 2 of 3"
    headings = [label.text() for label, _ in run.data.sections if label.isVisibleTo(run)]
    assert "Several people in one file" in headings
    press(ENTER)
    assert run.title.text() == "Your first client" and focused() is run.employer.form.name
    assert "Add the others later from Caseload" in run.employer.form.intro.text()
    assert run.employer.form.pay_frequency.isVisibleTo(run)
    type_text("Nia Owusu")
    press(ENTER)
    assert not run.isVisible() and window.stack.currentWidget() is window.caseload
    assert first_run.user_role(window.context.db) == first_run.ADVOCATE
    assert _stored(window) == [("Nia Owusu", [])]
    window.close()
    window.context.db.close()

    again = open_window(tmp_path / "new.sqlite3")
    assert again.first_run is None and again.stack.currentWidget() is again.caseload


def test_council_staff_are_told_how_to_open_a_clients_file_on_someone_elses_computer(qtbot, open_window):
    window = open_window()
    run = window.first_run
    press(DOWN, times=2)
    press(ENTER)
    words = " ".join(text.text() for _, text in run.data.sections if text.isVisibleTo(run))
    assert "pa-manager --portable --data" in words and "nothing is left behind" in words
    press(ENTER)
    assert run.title.text() == "Your first client"
    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert not run.isVisible() and window.stack.currentWidget() is window.caseload
    assert window.caseload.open_button.isEnabled() and "--portable" in window.caseload.portable_note.text()


def test_a_file_with_someone_in_it_never_starts_the_first_run_but_it_can_be_asked_for(qtbot, open_window, db,
                                                                                     data_path):
    employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    db.close()
    window = open_window(data_path)
    assert window.first_run is None and window.stack.currentWidget() is window.dashboard
    window.start_first_run()  # asked for on purpose, it opens
    assert window.first_run.isVisible()
    window.first_run.reject()


def test_an_empty_file_opened_read_only_is_not_set_up(qtbot, open_window, data_path, monkeypatch):
    import os

    from pa_manager.storage import sqlite_file

    real = os.access  # a write-protected USB stick (root may write any file, so the check is told)
    monkeypatch.setattr(sqlite_file.os, "access", lambda p, mode: False if mode & os.W_OK else real(p, mode))
    asked = when_dialog_opens(lambda box: keys_in(box, ENTER), QMessageBox)  # Open read-only
    window = open_window(data_path)
    assert asked == ["Open it read-only?"] and window.context.db.read_only
    assert window.first_run is None and window.dashboard.welcome.isVisible()
    window.start_first_run()
    assert window.first_run is None


def test_the_first_run_writes_nothing_but_the_data_file_and_its_lock(qtbot, open_window, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    window = open_window(folder / "new.sqlite3")
    press(ENTER)
    type_text("Amira Hassan")
    press(ENTER)
    press(ENTER)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    press(ENTER)
    assert not window.first_run.isVisible()
    assert sorted(p.name for p in folder.iterdir()) == ["new.sqlite3", "new.sqlite3.lock"]


def test_set_up_step_by_step_is_offered_on_the_welcome(qtbot, open_window):
    window = open_window()
    window.first_run.reject()
    assert window.dashboard.first_run_button.isVisible()
    window.dashboard.first_run_button.click()
    assert window.first_run.isVisible() and window.first_run.who.choices[first_run.OWN_PAS].isChecked()
    window.first_run.reject()


@pytest.mark.parametrize("role", first_run.ROLES)
def test_every_control_on_every_step_is_named_and_no_two_share_a_shortcut_letter(qtbot, context, role):
    context.set_employer(employers.save_employer(context.db, EmployerRecord(name="Amira Hassan")).id)
    run = FirstRunDialog(context)
    qtbot.addWidget(run)
    run.show()
    run.who.choices[role].setChecked(True)
    run.who.save()
    for step in run.route():
        run._show(step)
        assert unnamed_controls(run) == [], step.title()
        texts = [w.text() for w in run.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(run)]
        texts += [w.text() for w in run.findChildren(QAbstractButton) if w.isVisibleTo(run)]
        letters = [m for m in map(_mnemonic, texts) if m]
        assert sorted({m for m in letters if letters.count(m) > 1}) == [], (step.title(), texts)
