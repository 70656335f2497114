"""RTI in the window: the FPS of a finalised pay run saved from the Pay page and recorded as sent, the
late FPS on the dashboard leading to its pay run, and the PA form's gender and starter declaration."""
from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import Qt

from pa_manager.hmrc import rti_files
from pa_manager.services import pay_runs, people, rti
from pa_manager.ui.pages.pay import PayPage
from pa_manager.ui.pages.people import PeoplePage


def _pay_page(qtbot, context, day: date) -> PayPage:
    page = PayPage(context)
    qtbot.addWidget(page)
    page.show()
    page.show_pay_run(day)
    return page


def _status(page: PayPage) -> str:
    return page.rti_status.item(0).text()


def test_the_pay_page_saves_the_fps_of_a_finalised_run_and_records_it_sent(qtbot, demo_context, tmp_path):
    db, employer_id = demo_context.db, demo_context.employer_id
    day = date(2026, 11, 30)
    pay_runs.finalise_pay_run(db, employer_id, day, datetime(2026, 11, 23, 12, tzinfo=timezone.utc), confirmed=True)
    page = _pay_page(qtbot, demo_context, day)
    assert not page.paid_box.isHidden()
    assert _status(page).startswith("Due by 30 November 2026")
    assert not page.fps_sent_button.isEnabled() and page.bpt_sent_button.isEnabled()   # no file to send yet
    target = tmp_path / "fps"
    page.choose_fps_path = lambda suggested: str(target)
    page.save_fps_button.setFocus()
    qtbot.keyClick(page.save_fps_button, Qt.Key.Key_Space)
    saved = tmp_path / "fps.xml"
    checked = rti_files.check(saved.read_bytes())
    assert checked.ok and checked.kind == "FPS"
    assert checked.irmark in _status(page) and "I sent the FPS file" in _status(page)
    assert page.fps_sent_button.isEnabled()
    page.fps_sent_button.setFocus()
    qtbot.keyClick(page.fps_sent_button, Qt.Key.Key_Space)
    assert _status(page).startswith("Done: the FPS reached HMRC – the file saved here was sent")
    assert rti.fps_status(db, employer_id, day).sent_how == rti.FILE_SENT
    assert not page.fps_sent_button.isEnabled() and not page.bpt_sent_button.isEnabled()
    demo_context.undo_group.undo()   # Edit > Undo
    assert rti.fps_status(db, employer_id, day).sent_how == ""
    assert _status(page).startswith("Late") or _status(page).startswith("Due by")


def test_an_fps_the_demo_sent_with_basic_paye_tools_is_shown_done(qtbot, demo_context):
    page = _pay_page(qtbot, demo_context, date(2026, 10, 30))
    assert _status(page).startswith("Done: the FPS reached HMRC – sent with Basic PAYE Tools")
    assert page.rti_status.accessibleName() == "The FPS for this pay day"


def test_a_late_fps_on_the_dashboard_opens_its_pay_run(qtbot, demo_context):
    from pa_manager.ui.main_window import MainWindow

    db, employer_id = demo_context.db, demo_context.employer_id
    pay_runs.finalise_pay_run(db, employer_id, date(2026, 11, 20), datetime(2026, 11, 20, 12, tzinfo=timezone.utc),
                              confirmed=True)
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    demo_context.announce_change()
    due = window.dashboard.due
    rows = [i for i in range(due.count()) if "FPS" in due.item(i).text()]
    assert len(rows) == 1 and due.item(rows[0]).text().startswith("Overdue")
    assert "20 November 2026" in due.item(rows[0]).text()
    window.dashboard._on_item_activated(due.item(rows[0]))
    assert window.stack.currentWidget() is window.pay
    assert window.pay._run.pay_date == date(2026, 11, 20) and window.pay._run.finalised
    assert _status(window.pay).startswith("Late: the FPS was due on or before the pay day, 20 November 2026")


def test_the_pa_form_records_gender_and_starter_declaration(qtbot, demo_context):
    page = PeoplePage(demo_context)
    qtbot.addWidget(page)
    page.show()
    leah = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}["Leah Grant"]
    page.select_pa(leah.id)
    form = page.form
    assert form.gender.currentText() == "Female" and form.starter_declaration.currentData() == "C"
    assert form.gender.accessibleName() == "Gender for HMRC"
    assert form.starter_declaration.accessibleName() == "Starter declaration"
    form.starter_declaration.setFocus()
    qtbot.keyClick(form.starter_declaration, Qt.Key.Key_Up)   # C -> B, by keyboard
    form.gender.setFocus()
    qtbot.keyClick(form.gender, Qt.Key.Key_Up)                # Female -> Not recorded
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}["Leah Grant"]
    assert (stored.gender, stored.starter_declaration) == ("", "B")
