"""The main window: switching employers, adding one, the dashboard leading to fixes, import and export."""
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from pa_manager.services import employers, people
from pa_manager.storage.database import open_database
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.staff_import_dialog import StaffImportDialog


def test_the_switcher_lists_every_employer_and_switching_changes_the_people_shown(qtbot, window):
    names = [window.employer_box.itemText(i) for i in range(window.employer_box.count())]
    assert names == ["Desmond Clarke", "Margaret Okafor"]
    assert window.windowTitle() == "Margaret Okafor – PA Manager"
    window.employer_box.setCurrentIndex(0)
    window.employer_box.activated.emit(0)
    assert window.windowTitle() == "Desmond Clarke – PA Manager"
    shown = [window.people.model.record(r).name for r in range(window.people.model.rowCount())]
    assert shown == ["Grace Adeyemi"]
    assert window.dashboard.heading.text() == "Desmond Clarke"


def test_areas_have_keyboard_shortcuts(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.people
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.dashboard


def test_adding_an_employer_through_the_dialog(qtbot, demo_context):
    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Yusuf Amin")
    qtbot.keyClicks(dialog.council, "Brackenfield Borough Council")
    dialog.nation.setCurrentIndex(dialog.nation.findText("Scotland"))
    qtbot.keyClicks(dialog.paye_reference, "123/ab45678")
    qtbot.keyClicks(dialog.renewal, "1/6/2027")
    dialog._on_buttons_accepted()
    stored = employers.find_employer(demo_context.db, "Yusuf Amin")
    assert stored.council == "Brackenfield Borough Council"
    assert stored.nation.label == "Scotland"
    assert stored.paye_reference == "123/AB45678"
    assert str(stored.insurance_renewal_date) == "2027-06-01"


def test_a_wrong_paye_reference_is_shown_next_to_its_field(qtbot, demo_context):
    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Yusuf Amin")
    qtbot.keyClicks(dialog.paye_reference, "12/AB")
    dialog._on_buttons_accepted()
    assert "3 numbers, a slash" in dialog.rows["paye_reference"].error.text()
    assert employers.find_employer(demo_context.db, "Yusuf Amin") is None


def test_saving_employer_details_someone_else_changed_says_so_in_the_dialog(qtbot, demo_context, demo_location):
    before = employers.get_employer(demo_context.db, demo_context.employer_id)
    dialog = EmployerDialog(demo_context.db, before)
    qtbot.addWidget(dialog)
    dialog.show()
    other, _ = open_database(demo_location)  # someone else, on the same data, changes the council
    try:
        employers.save_employer(other, replace(employers.get_employer(other, before.id), council="Northmoor Council"))
    finally:
        other.close()
    dialog.insurer.clear()
    qtbot.keyClicks(dialog.insurer, "Mutual Care Insurance")
    dialog._on_buttons_accepted()
    assert dialog.message.isVisible() and dialog.message.text().startswith(
        "Someone else changed Margaret Okafor's details as an employer since you opened them")
    assert dialog.result() == 0  # still open, with what was typed
    stored = employers.get_employer(demo_context.db, before.id)
    assert (stored.council, stored.insurer) == ("Northmoor Council", before.insurer)


def test_new_employer_is_selected_and_can_be_undone(qtbot, window, monkeypatch):
    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Yusuf Amin")
        dialog._on_buttons_accepted()
        return 1

    monkeypatch.setattr(EmployerDialog, "exec", fill)
    window.new_employer()
    assert window.employer_box.currentText() == "Yusuf Amin"
    window.context.undo_group.undo()
    assert employers.find_employer(window.context.db, "Yusuf Amin") is None
    assert window.employer_box.currentText() in {"Desmond Clarke", "Margaret Okafor"}


def test_the_dashboard_lists_what_is_missing_and_enter_goes_to_that_pa(qtbot, window):
    dashboard = window.dashboard
    texts = [dashboard.gaps.item(i).text() for i in range(dashboard.gaps.count())]
    assert not any("National Insurance number" in t for t in texts)  # the demo has them all
    pa = people.list_pas(window.context.db, window.context.employer_id)[1]
    people.save_pa(window.context.db, window.context.employer_id, type(pa)(**{**pa.__dict__, "ni_number": ""}), window.context.today())
    window.context.announce_change()
    texts = [dashboard.gaps.item(i).text() for i in range(dashboard.gaps.count())]
    wanted = (f"Missing: Add {pa.name}'s National Insurance number from a payslip, P60 or HMRC letter; if they have "
              "none, ask HMRC for it on the People page.")
    assert wanted in texts
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.stack.currentWidget() is not window.people
    dashboard.gaps.setCurrentRow(texts.index(wanted))
    dashboard.gaps.setFocus()
    qtbot.keyClick(dashboard.gaps, Qt.Key.Key_Return)  # Enter on the item opens the PA
    assert window.stack.currentWidget() is window.people
    assert window.people.form.name.text() == pa.name
    assert window.people.nvreq_button.isEnabled()  # where the window asks HMRC for the number


def test_staff_list_import_dialog_checks_then_imports(qtbot, window, tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_text("name,date_of_birth,ni_number\nEve Marsh,1991-03-03,SN903366A\nBad Row,someday,\n")
    dialog = StaffImportDialog(window.context, "Margaret Okafor")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.path_edit, str(staff))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Line 3:" in dialog.report.toPlainText() and not dialog.import_button.isEnabled()
    staff.write_text("name,date_of_birth,ni_number\nEve Marsh,1991-03-03,SN903366A\n")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "Ready to add 1 PAs: Eve Marsh." in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result.added == ("Eve Marsh",)


def test_export_then_import_through_the_window(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "out.paemployer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_employer()
    assert target.exists()
    employers.delete_employer(window.context.db, window.context.employer_id)
    window.context.announce_change()
    window.import_employer_file(Path(target))
    assert window.employer_box.currentText() == "Margaret Okafor"
    assert len(people.list_pas(window.context.db, window.context.employer_id)) == 5
    stack = window.context.undo_group.activeStack()
    assert stack.undoText() == "Import employer Margaret Okafor"
    stack.undo()  # the employer removed whole
    assert employers.find_employer(window.context.db, "Margaret Okafor") is None
    assert "Margaret Okafor" not in [window.employer_box.itemText(i) for i in range(window.employer_box.count())]
    stack.redo()  # the same file imported again, and shown
    assert window.employer_box.currentText() == "Margaret Okafor"
    assert len(people.list_pas(window.context.db, window.context.employer_id)) == 5


def test_help_guide_and_about_open(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from pa_manager.ui.dialogs.guide_dialog import GuideDialog

    shown = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(title))
    window.show_guide()
    window.show_about()
    assert shown == ["PA Manager help", "About PA Manager"]


def test_every_area_is_in_the_go_menu_with_its_shortcut(qtbot, window):
    from pa_manager.ui.main_window import AREAS

    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    texts = [a.text() for a in go.actions()]
    # The first ten take the number keys, 1 to 9 then 0; one added after them takes its first letter.
    keys = [str(n % 10) for n in range(1, 11)] + [title[0] for title in AREAS[10:]]
    assert texts == [f"&{key} {title}" for key, title in zip(keys, AREAS)]
    assert [a.shortcut().toString() for a in go.actions()] == [f"Ctrl+{key}" for key in keys]
    assert len(set(keys)) == len(keys)  # one key each


def test_a_what_needs_doing_item_opens_its_area_at_that_pa(qtbot, window):
    dashboard = window.dashboard
    texts = [dashboard.due.item(i).text() for i in range(dashboard.due.count())]
    dbs = next(i for i, t in enumerate(texts) if "Renew Janet Moyo's DBS check" in t)
    dashboard.due.itemActivated.emit(dashboard.due.item(dbs))
    assert window.stack.currentWidget() is window.checks
    assert window.checks.current_pa().name == "Janet Moyo"
    training = next(i for i, t in enumerate(texts) if "moving and handling" in t)
    dashboard.due.itemActivated.emit(dashboard.due.item(training))
    assert window.stack.currentWidget() is window.training


def test_an_empty_data_file_welcomes_you_and_offers_to_add_the_employer(qtbot, context, monkeypatch):
    from pa_manager.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.dashboard
    assert dashboard.heading.text() == "Welcome to PA Manager"
    assert dashboard.welcome.isVisible() and not any(group.isVisible() for group in dashboard.groups)
    opened = []
    monkeypatch.setattr(EmployerDialog, "exec", lambda self: opened.append(True) or 0)
    qtbot.mouseClick(dashboard.add_employer_button, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_the_dashboard_says_when_pay_day_is_and_how_the_budget_is_doing(qtbot, window):
    glance = [window.dashboard.glance.item(i).text() for i in range(window.dashboard.glance.count())]
    assert glance[0].startswith("Next pay day: 30 November 2026, for 4 PAs.")
    assert glance[1].startswith("On track: the 2026-27 balance is £")
    window.dashboard.glance.itemActivated.emit(window.dashboard.glance.item(1))
    assert window.stack.currentWidget() is window.budget


def test_removing_an_employer_asks_first_and_can_be_undone(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from pa_manager.services import pay_runs

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.remove_employer()
    assert employers.find_employer(window.context.db, "Margaret Okafor") is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.remove_employer()
    assert employers.find_employer(window.context.db, "Margaret Okafor") is None
    assert window.employer_box.currentText() == "Desmond Clarke"
    window.context.undo_group.undo()
    back = employers.find_employer(window.context.db, "Margaret Okafor")
    assert back is not None and window.employer_box.currentText() == "Margaret Okafor"
    assert len(people.list_pas(window.context.db, back.id)) == 5
    assert len(pay_runs.pay_run_dates(window.context.db, back.id)) == 24


def _sam_paid_weekly(qtbot, context, rate: str, worked: list, *, paid_on=None):
    """A weekly employer whose PA Sam Reid (born 1990, started 2 November 2026) worked 9:00 to 17:00 on the
    days `worked` (15:00 on the last), with the pay run of `paid_on` finalised; the window open on them."""
    from datetime import date, datetime, time, timezone
    from decimal import Decimal

    from pa_manager.domain.employer import EmployerRecord
    from pa_manager.domain.pay_frequency import PayFrequency
    from pa_manager.domain.people import PARecord, PayRateEntry
    from pa_manager.services import pay_runs, people, shifts
    from pa_manager.ui.main_window import MainWindow

    employer = employers.save_employer(context.db, EmployerRecord(
        name="Weekly", pay_frequency=PayFrequency.WEEKLY, paye_reference="123/AB45678"))
    pa = people.save_pa(context.db, employer.id, PARecord(
        name="Sam Reid", date_of_birth=date(1990, 1, 1), start_date=date(2026, 11, 2), tax_code="1257L",
        pay_rates=(PayRateEntry(date(2026, 11, 2), Decimal(rate)),)), date(2026, 11, 23))
    for day in worked:
        shifts.save_shift(context.db, employer.id, shifts.ShiftInput(pa.id, day, time(9),
                                                                     time(15 if day == worked[-1] else 17)))
    if paid_on is not None:
        pay_runs.finalise_pay_run(context.db, employer.id, paid_on, datetime(2026, 11, 6, 12, tzinfo=timezone.utc),
                                  confirmed=True)
    context.set_employer(employer.id)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    glance = window.dashboard.glance
    return window, glance, [glance.item(i).text() for i in range(glance.count())]


def test_work_in_no_pay_run_after_its_pay_day_is_named_and_opens_the_pay_run_that_pays_it(qtbot, context):
    from datetime import date

    window, glance, lines = _sam_paid_weekly(qtbot, context, "12.71", [date(2026, 11, 10)])
    unpaid = next(i for i, line in enumerate(lines) if line.startswith("Not paid yet:"))
    assert lines[unpaid] == ("Not paid yet: 6 hours worked by Sam Reid (10 November 2026) are in no finalised pay "
                             "run. Pay them on 13 November 2026. Press Enter to go to that pay run.")
    glance.setCurrentRow(unpaid)
    glance.itemActivated.emit(glance.item(unpaid))
    assert window.stack.currentWidget() is window.pay
    assert window.pay.date_edit.text() == "13/11/2026" and window.pay._run.pay_date == date(2026, 11, 13)
    assert window.pay.model.rowCount() == 1


def test_a_pa_the_last_pay_run_found_must_be_enrolled_is_named_on_the_dashboard_and_opens_their_details(
        qtbot, context):
    from datetime import date

    # 38 hours at £13.50 (£513): over the weekly earnings trigger for automatic enrolment.
    window, glance, lines = _sam_paid_weekly(qtbot, context, "13.50", [date(2026, 11, d) for d in range(2, 7)],
                                             paid_on=date(2026, 11, 6))
    enrol = next(i for i, line in enumerate(lines) if line.startswith("Enrol "))
    assert lines[enrol] == ("Enrol Sam Reid in your workplace pension: the pay run of 6 November 2026 found the law says "
                            "they must be. Write to tell them, then record it on the People page. Press Enter to go to "
                            "their details.")
    glance.setCurrentRow(enrol)
    glance.itemActivated.emit(glance.item(enrol))
    assert window.stack.currentWidget() is window.people and window.people.form_heading.text() == "Sam Reid"


def test_a_refusal_no_screen_caught_is_said_in_its_own_sentence_not_as_something_unexpected(qtbot, monkeypatch):
    import sys

    from PySide6.QtWidgets import QMessageBox

    from pa_manager import app
    from pa_manager.services.errors import ServiceError

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "__excepthook__", lambda *details: None)
    app._say_what_went_wrong(ServiceError, ServiceError("PA_GONE"), None)
    app._say_what_went_wrong(KeyError, KeyError("x"), None)
    assert shown[0] == ("That was not done", "That PA is no longer in this data file.")
    assert shown[1][0] == "Something went wrong" and "KeyError" in shown[1][1]
