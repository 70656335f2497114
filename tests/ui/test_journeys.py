"""Three people's journeys through the real window, by keys only: every key goes to whatever has the
keyboard focus, as on a real keyboard, and nothing is clicked. A dialog that waits for an answer (a
question, a file chooser) is answered by keys too (tests/ui/driving.py).

Set PA_MANAGER_SCREENSHOTS to a folder to save a picture of each step on the way.
"""
import os
import shutil
import sys
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from pa_manager import cli
from pa_manager.app import open_records
from pa_manager.services import due, employers, pay_runs, shifts
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.employer_duties_dialog import EmployerDutiesDialog
from pa_manager.ui.dialogs.shift_dialog import ShiftDialog
from pa_manager.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.driving import (
    ALT, CTRL, choose_path, drives, fill, focused, forget_windows, keys_in, press, replace_text, screenshot,
    shortcut, type_text, wait_for_focus, when_dialog_opens,
)

ENTER, TAB, DOWN, UP, RIGHT = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Right


def alt(letter: str) -> None:
    press(getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)


def tab_to(widget, limit: int = 40) -> None:
    """Press Tab until the focus is on `widget`, as someone finding their way around the window does."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(TAB)
    raise AssertionError(f"Tab never reached {widget.accessibleName() or widget}")


def _keys(*steps):
    """Build a dialog answer: each step is a key, (key, modifier), or text to type where the focus is."""
    def answer(dialog):
        for step in steps:
            if isinstance(step, str):
                from PySide6.QtTest import QTest

                QTest.keyClicks(dialog.focusWidget(), step)
            else:
                keys_in(dialog, step)
    return answer


@pytest.fixture
def new_window(qtbot, tmp_path):
    """A new, empty data file opened in the window as the app opens it, with today fixed."""
    opened = []

    def open_(name: str) -> MainWindow:
        window = drives(MainWindow())
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        assert open_records(window, tmp_path / name, create=True, today=lambda: TODAY)
        opened.append(window)
        wait_for_focus(qtbot, window.first_run)
        return window

    yield open_
    forget_windows()
    for window in opened:
        window.context.db.close()


# --- 1. A new budget holder, from an empty file to the first payslips ---------------------------------

def _add_shift(window, start: str, end: str, shot: str | None = None, sleep_in_woken: str | None = None) -> None:
    """Enter on the day in the timesheet opens its shifts; type the times (and a sleep-in), Enter saves."""
    def answer(dialog):
        keys_in(dialog, (Qt.Key.Key_S, ALT))  # &Start time
        _keys(start, TAB, end)(dialog)
        if sleep_in_woken is not None:
            keys_in(dialog, (Qt.Key.Key_T, ALT))  # &Type
            _keys("sl")(dialog)  # typing a name's first letters chooses it: Sleep-in
            keys_in(dialog, (Qt.Key.Key_W, ALT))  # Times &woken and working
            _keys(sleep_in_woken)(dialog)
        if shot:
            screenshot(dialog, shot)
        keys_in(dialog, ENTER)
        if dialog.isVisible():  # not saved: say why, and close it so the test fails rather than waits
            said = [row.error.text() for row in dialog.rows.values() if row.error.text()] + [dialog.message.text()]
            problems.append(said)
            dialog.reject()

    problems: list = []

    opened = when_dialog_opens(answer, ShiftDialog)
    press(ENTER)
    assert opened and opened[0].startswith("Shifts for Sam Reid on "), opened
    assert not problems, problems


def test_a_new_budget_holder_from_an_empty_file_to_the_first_payslips(qtbot, new_window, tmp_path):
    window = new_window("amira.sqlite3")
    run = window.first_run
    screenshot(run, "1-01-who-is-using")
    press(ENTER)  # I employ my own PAs

    # The employer: name, address, postcode, nation (England), London (no), council, direct payment reference.
    assert run.title.text() == "About you, the employer" and focused() is run.employer.form.name
    fill("Amira Hassan", "14 Mill Lane, Brackenfield", "BF1 4AA", None, None, "Brackenfield Borough Council")
    type_text("DP-20931")
    screenshot(run, "1-02-the-employer")
    press(ENTER)

    assert run.title.text() == "Where your records are kept"
    screenshot(run, "1-03-your-data")
    press(ENTER)

    assert run.title.text() == "Your first PA" and focused() is run.pa.name
    fill("Sam Reid", "1/5/1990", "JT 48 21 93 B", "1257L", "16/11/2026", "20", None)
    type_text("13.50")
    screenshot(run, "1-04-your-first-pa")
    press(ENTER)

    assert run.title.text() == "Your first pay day"
    press(UP, times=3)  # Monthly -> Weekly
    screenshot(run, "1-05-your-first-pay-day")
    press(ENTER)  # Finish
    assert not run.isVisible() and window.stack.currentWidget() is window.dashboard
    screenshot(window, "1-06-dashboard-after-setting-up")
    shown = [lines.item(i).text() for lines in (window.dashboard.due, window.dashboard.gaps) for i in range(lines.count())]
    assert len([line for line in shown if "liability insurance" in line]) == 1  # a thing to do is said once
    employer_id = window.context.employer_id
    assert employers.get_employer(window.context.db, employer_id).council == "Brackenfield Borough Council"

    # A week of shifts on the Hours page, the week before this one: Monday to Wednesday and Friday 09:00-15:00,
    # and a sleep-in on Thursday night, woken once.
    shortcut(window, Qt.Key.Key_3)
    assert window.stack.currentWidget() is window.hours
    alt("p")  # &Previous week
    alt("s")  # Time&sheet: the grid, on Monday
    assert focused() is window.hours.grid and window.hours.grid.currentIndex().column() == 0
    _add_shift(window, "09:00", "15:00", "1-07-a-shift")
    for day in ("Tuesday", "Wednesday"):
        press(RIGHT)
        _add_shift(window, "09:00", "15:00")
    press(RIGHT)
    _add_shift(window, "22:00", "08:00", "1-08-a-sleep-in", sleep_in_woken="02:10-02:40")
    press(RIGHT)
    _add_shift(window, "09:00", "15:00")
    screenshot(window, "1-09-the-week")
    week = shifts.shifts_between(window.context.db, employer_id, date(2026, 11, 16), date(2026, 11, 22))
    assert [(s.shift_type.value, len(s.awake)) for s in week] == [("standard", 0)] * 3 + [("sleep_in", 1),
                                                                                         ("standard", 0)]
    assert "Sam Reid: 34 h" in window.hours.totals.item(0).text()  # 4 x 6 h, and the 10-hour sleep-in paid by the hour

    # The band over Monday to Friday says which pay period they are in (weekly pay: Saturday to Friday).
    assert [b.text for b in window.hours.period_bar.bands()] == ["Pay period 14 to 20 Nov: not paid yet",
                                                                 "Pay period 21 to 27 Nov: not paid yet"]

    # Its pay day (Friday 20 November) has passed: the dashboard says so, and Enter on it opens that pay run.
    shortcut(window, Qt.Key.Key_1)
    glance = window.dashboard.glance
    tab_to(glance)
    unpaid = next(row for row in range(glance.count()) if glance.item(row).text().startswith("Not paid yet"))
    assert glance.item(unpaid).text().startswith(
        "Not paid yet: 34 hours worked by Sam Reid (16 to 20 November 2026) are in no finalised pay run. "
        "Pay them on 20 November 2026.")
    press(Qt.Key.Key_Home)
    press(DOWN, times=unpaid)
    screenshot(window, "1-10-not-paid-yet")
    press(ENTER)
    pay = window.pay
    assert window.stack.currentWidget() is pay and pay.date_edit.text() == "20/11/2026"
    assert pay._run is not None and pay._run.pay_date == date(2026, 11, 20)  # worked out already
    screenshot(window, "1-11-pay-worked-out")
    warnings = [pay.warnings.item(i).text() for i in range(pay.warnings.count())]
    for first_words in ("Confirm before finalising: The pay date, 20 November 2026, has already passed",
                        "Confirm before finalising: You have not recorded your employer PAYE reference",
                        "Confirm before finalising: There is no right-to-work check recorded for Sam Reid"):
        assert any(w.startswith(first_words) for w in warnings), first_words
    asked = []

    def finalise(box):
        asked.append(box.text())
        screenshot(box, "1-12-finalise-asks-first")
        keys_in(box, Qt.Key.Key_Y)  # &Yes

    when_dialog_opens(finalise, QMessageBox)
    alt("l")  # Fina&lise pay run
    qtbot.waitUntil(lambda: pay_runs.pay_run_dates(window.context.db, employer_id) == [date(2026, 11, 20)])
    assert asked[0].startswith("Before you pay, check these:")
    assert "20 November 2026, has already passed" in asked[0] and "right-to-work check" in asked[0]
    screenshot(window, "1-13-what-to-pay")
    [slip] = [d.payslip for d in pay._run.pas]
    assert slip.gross_pay == Decimal("459.00")  # 34 hours at £13.50

    slips = tmp_path / "payslips"
    slips.mkdir()
    when_dialog_opens(lambda dialog: choose_path(dialog, slips), QFileDialog)
    alt("s")  # &Save payslips…
    qtbot.waitUntil(lambda: any(slips.iterdir()))
    [saved] = list(slips.iterdir())
    assert saved.suffix == ".pdf" and "Sam Reid" in saved.name


# --- 2. An advocate with three clients ---------------------------------------------------------------

def _add_client(name: str, renewal: str | None = None) -> None:
    """Add someone you support from Caseload: the employer form, by keys; Enter saves."""
    steps = [(Qt.Key.Key_N, ALT), name]
    if renewal:
        steps += [(Qt.Key.Key_R, ALT), renewal]  # Insurance &Renewal date
    when_dialog_opens(_keys(*steps, ENTER), EmployerDialog)
    alt("a")  # &Add someone you support…


def test_an_advocate_sets_up_three_clients_and_deals_with_something_overdue(qtbot, new_window):
    window = new_window("caseload.sqlite3")
    run = window.first_run
    press(DOWN)  # I help other people with theirs
    screenshot(run, "2-01-who-is-using")
    press(ENTER)
    screenshot(run, "2-02-your-data")
    press(ENTER)
    assert run.title.text() == "Your first client"
    type_text("Nia Owusu")
    alt("r")  # Insurance &renewal date, which has passed
    type_text("1/10/2026")
    screenshot(run, "2-03-your-first-client")
    press(ENTER)  # Finish
    assert not run.isVisible() and window.stack.currentWidget() is window.caseload

    caseload = window.caseload
    _add_client("Grace Mensah", "1/9/2026")
    _add_client("Tom Pryce")
    db = window.context.db
    assert [e.name for e in employers.list_employers(db, TODAY)] == ["Grace Mensah", "Nia Owusu", "Tom Pryce"]
    qtbot.waitUntil(lambda: caseload.summary.text() == "2 of 3 people have something overdue.")  # counted away from the window
    screenshot(window, "2-04-caseload")

    # Open each from Caseload: Enter on a name opens their records, Ctrl+9 comes back.
    opened = []
    for row in range(3):
        shortcut(window, Qt.Key.Key_9)
        tab_to(caseload.table)
        # Caseload opens on the client whose records are open (the one just added, then the one just opened).
        assert caseload.employer_at(caseload.table.currentIndex().row()) == window.context.employer_id
        press(Qt.Key.Key_Home, CTRL)  # the first row
        press(DOWN, times=row)
        press(ENTER)
        assert window.stack.currentWidget() is window.dashboard
        opened.append(window.dashboard.heading.text())
    assert opened == ["Grace Mensah", "Nia Owusu", "Tom Pryce"]  # most overdue first

    # With Nia beside them: her overdue insurance renewal, from What needs doing to where it is put right.
    shortcut(window, Qt.Key.Key_9)
    tab_to(caseload.table)
    press(Qt.Key.Key_Home, CTRL)
    press(DOWN)
    press(ENTER)
    assert window.dashboard.heading.text() == "Nia Owusu"
    tab_to(window.dashboard.due)
    press(Qt.Key.Key_Home)
    assert window.dashboard.due.currentItem().text().startswith("Overdue since 1 October 2026: ")
    screenshot(window, "2-05-nia-overdue")
    # Only the renewal date is recorded: the details say so, and ask for the insurer's name, not the policy again.
    assert (["Employer's liability insurance", "Insurer not recorded, policy not recorded, renews 1 October 2026"]
            in window.dashboard.view()["details"])
    gaps = [window.dashboard.gaps.item(i).text() for i in range(window.dashboard.gaps.count())]
    assert "Missing: Add the name of your employer's liability insurer – only the renewal date is recorded." in gaps
    press(ENTER)
    assert window.stack.currentWidget() is window.checks

    def renewed(dialog):
        keys_in(dialog, (Qt.Key.Key_N, ALT))  # Insurance re&newal date
        keys_in(dialog, (Qt.Key.Key_A, CTRL))
        _keys("1/10/2027")(dialog)
        screenshot(dialog, "2-06-insurance-renewed")
        keys_in(dialog, ENTER)

    when_dialog_opens(renewed, EmployerDutiesDialog)
    alt("d")  # Employer &duties…
    nia = employers.find_employer(db, "Nia Owusu")
    assert nia.insurance_renewal_date == date(2027, 10, 1)
    shortcut(window, Qt.Key.Key_9)
    qtbot.waitUntil(lambda: caseload.summary.text() == "1 of 3 people has something overdue.")  # counted away from the window
    assert [(row.name, row.overdue) for row in due.caseload(db, TODAY)] == [
        ("Grace Mensah", 1), ("Nia Owusu", 0), ("Tom Pryce", 0)]
    screenshot(window, "2-07-caseload-after")


# --- 3. An advice session: a client's file from a USB stick, read-only and portable ----------------------

def test_an_advice_session_opens_a_clients_file_read_only_prints_a_report_and_leaves_nothing(
        qtbot, tmp_path, _demo_data_file, monkeypatch):
    from PySide6.QtCore import QTimer

    from pa_manager.storage import sqlite_file

    stick, printed = tmp_path / "stick", tmp_path / "printed"
    stick.mkdir()
    printed.mkdir()
    client = stick / "client.sqlite3"
    shutil.copy(_demo_data_file, client)
    # The stick is write-protected (root may write any file, so the check is told, as for everyone else).
    real = os.access
    monkeypatch.setattr(sqlite_file.os, "access", lambda p, mode: False if mode & os.W_OK else real(p, mode))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(tmp_path / "home"))  # what the portable run points elsewhere, put back after
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app sets its own; put back after
    report = printed / "October payslips.pdf"
    seen: dict = {}

    def read_only_question(box):
        seen["question"] = box.text()
        screenshot(box, "3-01-open-it-read-only")
        keys_in(box, ENTER)  # Open read-only

    def session() -> None:
        """Once the window shows the file's records: choose the client, see what is overdue, save October's
        payslips as one PDF (to print), then Ctrl+Q."""
        window = shown[0] if shown else None
        if window is None or not window.isVisible() or not window.pages or not window.employer_box.count():
            QTimer.singleShot(50, session)
            return
        try:
            seen["folders"] = sorted(p.name for p in stick.iterdir())
            seen["status"] = window.location_label.text()
            screenshot(window, "3-02-the-clients-records")
            # The client is chosen on purpose: Emplo&yer, open the list (Alt+Down), her name, Enter.
            alt("y")
            press(DOWN, ALT)
            qtbot.waitUntil(lambda: window.employer_box.view().isVisible())
            row = window.employer_box.findText("Margaret Okafor")
            press(Qt.Key.Key_Home)
            press(DOWN, times=row)
            screenshot(window.employer_box.view(), "3-03-choosing-the-client")
            press(ENTER)
            qtbot.waitUntil(lambda: window.client_heading.text() == "Margaret Okafor's records")
            shortcut(window, Qt.Key.Key_1)
            dashboard = window.dashboard
            qtbot.waitUntil(lambda: dashboard.heading.text() == "Margaret Okafor")
            seen["overdue"] = [dashboard.due.item(i).text() for i in range(dashboard.due.count())]
            screenshot(window, "3-04-what-is-overdue")
            shortcut(window, Qt.Key.Key_8)
            reports = window.reports
            alt("o")  # Fr&om
            replace_text("1/10/2026")
            alt("t")  # &To
            replace_text("31/10/2026")
            when_dialog_opens(lambda dialog: choose_path(dialog, report), QFileDialog)
            alt("p")  # &Payslips…
            qtbot.waitUntil(lambda: report.exists())
            seen["result"] = reports.result.text()
            screenshot(window, "3-05-payslips-saved-to-print")
        except BaseException as error:  # noqa: BLE001 - said after the window is closed, not left hanging
            seen["error"] = error
        finally:
            shortcut(window, Qt.Key.Key_Q)  # &Quit: the app ends, and the portable run tidies up

    def stuck() -> None:
        """Still open long after the session should have ended: say what was waiting, and end it."""
        waiting = QApplication.activeModalWidget()
        seen.setdefault("error", AssertionError(
            f"The app did not close; waiting: {getattr(waiting, 'text', lambda: waiting)()!r}"))
        QApplication.closeAllWindows()
        QApplication.quit()

    # The window the app makes, as it opens the records into it (held here, not looked for among every window).
    from pa_manager import app

    shown: list = []
    opening = app.open_records

    def open_records_into(window, *args, **kwargs):
        shown.append(drives(window))
        return opening(window, *args, **kwargs)

    monkeypatch.setattr(app, "open_records", open_records_into)
    when_dialog_opens(read_only_question, QMessageBox)
    QTimer.singleShot(0, session)
    QTimer.singleShot(90_000, stuck)
    try:
        assert cli.main(["--portable", "--data", str(client)]) == 0
    finally:
        forget_windows()
    if "error" in seen:
        raise seen["error"]

    assert "open it read-only to look at it" in seen["question"]
    # While open: the client's file, and the session folder beside it that the portable run made.
    assert seen["folders"][0] == ".pa-manager-session-" + str(os.getpid()) and seen["folders"][1:] == ["client.sqlite3"]
    assert "read-only" in seen["status"] and "portable: nothing is kept on this computer" in seen["status"]
    assert seen["overdue"][0].startswith("Overdue since ")  # most urgent first
    assert sum(line.startswith("Overdue") for line in seen["overdue"]) >= 2
    assert seen["result"].startswith("Saved ") and seen["result"].endswith(f" payslips to {report}.")
    assert report.stat().st_size > 0
    # Afterwards: nothing left behind, neither the session folder nor a backup or lock beside the file.
    assert [p.name for p in stick.iterdir()] == ["client.sqlite3"]
    assert not (tmp_path / "home").exists()
    assert open(client, "rb").read() == open(_demo_data_file, "rb").read()  # the client's file is as it was
