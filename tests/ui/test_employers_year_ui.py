"""The employer's year in the window: student loans on the PA form, the leaver's P45, RTI files."""
from PySide6.QtCore import Qt

from pa_manager.services import people
from pa_manager.ui.pages.people import PeoplePage


def _page(qtbot, context):
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_pa_form_records_a_student_loan_plan_and_a_postgraduate_loan(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    tom = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}["Tom Whitfield"]
    page.select_pa(tom.id)
    form = page.form
    name = form.name.text()
    assert form.student_loan_plan.currentText() == "No student loan"
    assert form.student_loan_plan.accessibleName() == "Student loan plan"
    form.student_loan_plan.setFocus()
    for _ in range(3):   # No student loan -> Plan 1 -> Plan 2 -> Plan 4, by keyboard
        qtbot.keyClick(form.student_loan_plan, Qt.Key.Key_Down)
    assert form.student_loan_plan.currentData() == "4"
    form.postgraduate_loan.setFocus()
    qtbot.keyClick(form.postgraduate_loan, Qt.Key.Key_Space)
    assert form.postgraduate_loan.isChecked()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}[name]
    assert (stored.student_loan_plan, stored.postgraduate_loan) == ("4", True)
    # Shown again as stored.
    janet = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}["Janet Moyo"]
    page.select_pa(janet.id)
    assert form.student_loan_plan.currentText() == "No student loan"
    page.select_pa(tom.id)
    assert form.student_loan_plan.currentText() == "Plan 4" and form.postgraduate_loan.isChecked()


def test_the_leaver_dialog_offers_the_p45_once_the_last_pay_run_is_finalised(qtbot, demo_context, tmp_path):
    from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog

    page = _page(qtbot, demo_context)
    stored = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}
    janet, sam = stored["Janet Moyo"], stored["Sam Ellis"]
    assert page._p45_saver(janet) is None            # not a leaver: no P45 to offer
    waiting = LeaverDialog(janet, demo_context.today(), page, save_p45=page._p45_saver(janet))
    qtbot.addWidget(waiting)
    assert not hasattr(waiting, "p45_button")
    dialog = LeaverDialog(sam, demo_context.today(), page, save_p45=page._p45_saver(sam))
    qtbot.addWidget(dialog)
    target = tmp_path / "P45 Sam Ellis.pdf"
    dialog.choose_p45_path = lambda: str(target)
    assert dialog.p45_button.accessibleName() or dialog.p45_button.text()
    dialog.p45_button.setFocus()
    qtbot.keyClick(dialog.p45_button, Qt.Key.Key_Space)
    assert target.stat().st_size > 0
    assert "Saved Sam Ellis's P45" in dialog.p45_result.text() and not dialog.p45_result.isHidden()


def test_the_year_end_summary_saves_the_p60s(qtbot, demo_context, tmp_path):
    from datetime import date

    from pa_manager.ui.dialogs.pay_dialogs import YearEndDialog

    dialog = YearEndDialog(demo_context.db, demo_context.employer_id, ["2025-26"], today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.choose_p60_folder = lambda: str(tmp_path)
    qtbot.mouseClick(dialog.p60_button, Qt.MouseButton.LeftButton)
    made = sorted(p.name for p in tmp_path.glob("P60 2025-26 *.pdf"))
    assert made and "P60 2025-26 Sam Ellis.pdf" not in made
    assert dialog.p60_result.text().startswith(f"Saved {len(made)} P60")
