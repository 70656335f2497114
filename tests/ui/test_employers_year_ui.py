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
