"""The People page driven as a person would: typing, clicking, and checking what was stored."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from pa_manager.services import people
from pa_manager.storage.database import open_database
from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog
from pa_manager.ui.pages.people import PeoplePage
from tests.conftest import BOTH_BACKENDS, TODAY
from tests.ui.driving import type_into


def _page(qtbot, context):
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _stored(context):
    return {pa.name: pa for pa in people.list_pas(context.db, context.employer_id)}


def test_adding_a_pa_by_typing_stores_every_field(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = page.form
    type_into(qtbot, form.name, "Olu Bakare")
    type_into(qtbot, form.date_of_birth, "14/2/1996")
    type_into(qtbot, form.ni_number, "sn 90 33 66 a")
    type_into(qtbot, form.start_date, "2026-12-01")
    type_into(qtbot, form.tax_code, "1257l")
    form.ni_category.setCurrentIndex(form.ni_category.findData("A"))
    type_into(qtbot, form.contracted_hours, "22.5")
    type_into(qtbot, form.new_rate_from, "1/12/2026")
    type_into(qtbot, form.new_rate, "13.45")
    qtbot.mouseClick(form.add_rate_button, Qt.MouseButton.LeftButton)
    assert form.rates_table.rowCount() == 1
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    pa = _stored(demo_context)["Olu Bakare"]
    assert pa.date_of_birth == date(1996, 2, 14)
    assert pa.ni_number == "SN903366A"
    assert pa.tax_code == "1257L"
    assert pa.contracted_hours == Decimal("22.5")
    assert pa.rate_on(date(2026, 12, 1)) == Decimal("13.45")
    assert page.form_heading.text() == "Olu Bakare"


def test_a_wrong_ni_number_is_explained_next_to_the_field_and_not_stored(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.name, "Pat Doyle")
    type_into(qtbot, page.form.ni_number, "QQ123456C")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.form.rows["ni_number"].error
    assert error.isVisible() and "cannot start with Q" in error.text()
    assert page.focusWidget() is page.form.ni_number
    assert "cannot start with Q" in page.form.ni_number.accessibleDescription()
    assert "Pat Doyle" not in _stored(demo_context)


def test_an_unreadable_date_is_explained_and_nothing_is_saved(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.name, "Pat Doyle")
    type_into(qtbot, page.form.date_of_birth, "31/2/1990")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "is not one" in page.form.rows["date_of_birth"].error.text()
    assert "Pat Doyle" not in _stored(demo_context)


def test_the_last_pay_day_of_an_earlier_payroll_is_typed_saved_and_read_back(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.select_pa(_stored(demo_context)["Janet Moyo"].id)
    field = page.form.earlier_payroll_last_paid
    assert page.form.rows["earlier_payroll_last_paid"].label.buddy() is field
    assert field.accessibleName().startswith("Last paid by earlier payroll")
    assert field.focusPolicy() & Qt.FocusPolicy.TabFocus
    type_into(qtbot, field, "31/3/2026")
    assert page.form.rows["payroll_id"].label.buddy() is page.form.payroll_id
    assert page.form.payroll_id.accessibleName().startswith("Earlier payroll ID")
    type_into(qtbot, page.form.payroll_id, " JM-01 ")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert _stored(demo_context)["Janet Moyo"].earlier_payroll_last_paid == date(2026, 3, 31)
    assert _stored(demo_context)["Janet Moyo"].payroll_id == "JM-01"
    page.select_pa(_stored(demo_context)["Tom Whitfield"].id)
    assert field.value() is None
    page.select_pa(_stored(demo_context)["Janet Moyo"].id)
    assert field.value() == date(2026, 3, 31)
    type_into(qtbot, field, "1/1/2030")  # after today: explained beside the field, not stored
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "not after today" in page.form.rows["earlier_payroll_last_paid"].error.text()
    assert _stored(demo_context)["Janet Moyo"].earlier_payroll_last_paid == date(2026, 3, 31)


def test_editing_then_undo_and_redo(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.select_pa(_stored(demo_context)["Tom Whitfield"].id)
    type_into(qtbot, page.form.phone, "07700 900999")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _stored(demo_context)["Tom Whitfield"].phone == "07700 900999"

    stack = demo_context.undo_group.activeStack()
    assert stack.undoText() == "Change Tom Whitfield's details"
    stack.undo()
    assert _stored(demo_context)["Tom Whitfield"].phone == "07700 900207"
    assert page.form.phone.text() == "07700 900207"  # the page refreshed itself
    stack.redo()
    assert _stored(demo_context)["Tom Whitfield"].phone == "07700 900999"


def test_undo_of_an_added_pa_removes_them(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.form.name, "Max Reid")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Max Reid" in _stored(demo_context)
    demo_context.undo_group.activeStack().undo()
    assert "Max Reid" not in _stored(demo_context)
    assert page.model.rowCount() == 5


def test_recording_a_leaver(qtbot, demo_context, monkeypatch):
    page = _page(qtbot, demo_context)
    page.select_pa(_stored(demo_context)["Priya Sandhu"].id)

    def fill_and_accept(dialog: LeaverDialog):
        type_into(qtbot, dialog.date_edit, "30/11/2026")
        type_into(qtbot, dialog.reason_edit, "Starting university")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(LeaverDialog, "exec", fill_and_accept)
    qtbot.mouseClick(page.leaver_button, Qt.MouseButton.LeftButton)
    pa = _stored(demo_context)["Priya Sandhu"]
    assert (pa.leaving_date, pa.leaving_reason) == (date(2026, 11, 30), "Starting university")
    row = page.model.row_of(pa.id)
    assert page.model.index(row, page.model.COL_STATUS).data() == "Leaving 30 November 2026"


def test_the_list_shows_rates_as_money_and_sorts_by_value(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.table.sortByColumn(page.model.COL_RATE, Qt.SortOrder.DescendingOrder)
    shown = [page.proxy.index(r, page.model.COL_RATE).data() for r in range(page.proxy.rowCount())]
    assert shown[0] == "£14.80"
    assert shown[-1] == "£11.20"


def test_tab_moves_through_the_form_in_reading_order(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    form = page.form
    form.name.setFocus()
    expected = [form.job_title, form.date_of_birth, form.ni_number, form.gender, form.address, form.postcode, form.phone, form.email, form.start_date]
    for widget in expected:
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is widget


def test_pension_membership_and_p45_figures_are_stored(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    page.select_pa(_stored(demo_context)["Tom Whitfield"].id)
    form = page.form
    form.pension_status.setCurrentIndex(form.pension_status.findData("OPTED_IN"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "became a member" in form.rows["pension_active_from"].error.text()
    type_into(qtbot, form.pension_from, "1/11/2026")
    type_into(qtbot, form.p45_pay, "4250.00")
    type_into(qtbot, form.p45_tax, "312.40")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    tom = _stored(demo_context)["Tom Whitfield"]
    assert (tom.pension_status, tom.pension_active_from) == ("OPTED_IN", date(2026, 11, 1))
    assert (tom.p45_pay, tom.p45_tax, tom.p45_tax_year) == (Decimal("4250.00"), Decimal("312.40"), "2026-27")


def test_a_pas_data_can_be_exported_and_a_recent_leaver_not_yet_erased(qtbot, demo_context, monkeypatch, tmp_path):
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    page = _page(qtbot, demo_context)
    janet = _stored(demo_context)["Janet Moyo"]
    page.select_pa(janet.id)
    assert not page.erase_button.isVisible()  # she has not left
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "janet.zip"), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with zipfile.ZipFile(tmp_path / "janet.zip") as archive:
        assert "personal-data.json" in archive.namelist()
        assert any(name.startswith("payslips/") for name in archive.namelist())

    people.record_leaver(demo_context.db, demo_context.employer_id, janet.id, date(2026, 11, 20), "Retired",
                         date(2026, 11, 23))
    demo_context.announce_change()
    page.select_pa(janet.id)
    assert page.erase_button.isVisible() and not page.erase_button.isEnabled()
    assert page.erase_note.text().startswith("Keep Janet Moyo's details until ")


@pytest.mark.parametrize("backend", BOTH_BACKENDS)
def test_saving_a_pa_someone_else_changed_says_so_in_the_form_and_keeps_their_change(qtbot, demo_context,
                                                                                    demo_location):
    page = _page(qtbot, demo_context)
    janet = _stored(demo_context)["Janet Moyo"]
    page.select_pa(janet.id)
    # Someone else, on the same data, changes Janet's phone number while her details are open here.
    other, _ = open_database(demo_location)
    try:
        people.save_pa(other, demo_context.employer_id, replace(people.get_pa(other, janet.id), phone="07700 900982"),
                       TODAY)
    finally:
        other.close()
    page.form.email.clear()
    type_into(qtbot, page.form.email, "janet.moyo@example.com")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    message = ("Someone else changed Janet Moyo's details since you opened them, so your changes were not saved – "
               "open them again to see the latest.")
    assert page.save_message.isVisible() and page.save_message.text() == message
    assert page.save_message.accessibleDescription() == message
    assert page.form.email.text() == "janet.moyo@example.com"  # what was typed is still there
    stored = people.get_pa(demo_context.db, janet.id)
    assert stored.phone == "07700 900982" and stored.email != "janet.moyo@example.com"
    # Opening her again shows the latest, and the message goes.
    page.select_pa(janet.id)
    assert page.form.phone.text() == "07700 900982" and not page.save_message.isVisible()
    page.form.email.clear()
    type_into(qtbot, page.form.email, "janet.moyo@example.com")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.save_message.isVisible()
    assert people.get_pa(demo_context.db, janet.id).email == "janet.moyo@example.com"


# --- Asking HMRC for a PA's NI number (NVREQ) -----------------------------------------------------


def _without_ni_number(window, name: str, **changes):
    context = window.context
    pa = _stored(context)[name]
    people.save_pa(context.db, context.employer_id, replace(pa, ni_number="", **changes), TODAY)
    context.announce_change()
    window.show_pa(pa.id)
    window.activateWindow()
    return pa


def test_asking_hmrc_for_an_ni_number_saves_a_request_that_passes_hmrcs_checks(qtbot, window, monkeypatch,
                                                                                 tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from pa_manager.hmrc import rti_files

    page = window.people
    janet = _stored(window.context)["Janet Moyo"]
    window.show_pa(janet.id)
    assert not page.nvreq_button.isEnabled()  # she has an NI number: nothing to ask
    reason = "There is nothing to ask HMRC: Janet Moyo already has an NI number recorded, and it goes in the FPS."
    assert page.nvreq_button.toolTip() == reason and page.nvreq_button.accessibleDescription() == reason

    _without_ni_number(window, "Janet Moyo")
    qtbot.waitActive(window)
    assert page.nvreq_button.isEnabled()
    asked, said = [], []
    window.context.status_message.connect(said.append)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: asked.append(args) or (str(tmp_path / "Janet NI"), ""))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # "Re&quest their NI number from HMRC…"

    saved = tmp_path / "Janet NI.xml"
    qtbot.waitUntil(lambda: bool(asked))  # the button's key clicks it a moment later, as a click would show
    assert page.save_message.text() == "" and len(asked) == 1 and saved.exists()
    checked = rti_files.check(saved.read_bytes())
    assert checked.ok and checked.errors == () and checked.kind == "NVREQ"
    assert b"Moyo" in saved.read_bytes()
    assert said[-1].startswith(f"Saved the request for Janet Moyo's NI number in {saved}.")
    assert "cannot send it to HMRC itself" in said[-1] and "Basic PAYE Tools" in said[-1]


def test_a_request_that_cannot_be_made_says_why_and_puts_the_cursor_on_the_field(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QApplication, QFileDialog

    page = window.people
    _without_ni_number(window, "Janet Moyo", gender="")
    qtbot.waitActive(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: pytest.fail("no file is asked for"))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.save_message.isVisible)
    wanted = "Record Janet Moyo's gender as HMRC has it on the People page: HMRC needs it to find their NI number."
    assert page.save_message.isVisible() and page.save_message.text() == wanted
    assert QApplication.focusWidget() is page.form.gender

    _without_ni_number(window, "Janet Moyo", gender="F", address="1 High Street")
    qtbot.waitActive(window)
    assert not page.save_message.isVisible()  # opening the PA again clears the last message
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.save_message.isVisible)
    assert page.save_message.text().startswith("Record at least two lines of Janet Moyo's address")
    assert QApplication.focusWidget() is page.form.address


def test_details_typed_but_not_saved_are_saved_before_the_request_is_made(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    page = window.people
    janet = _without_ni_number(window, "Janet Moyo", address="3 Mill Lane")
    qtbot.waitActive(window)
    page.form.address.setFocus()
    page.form.address.moveCursor(page.form.address.textCursor().MoveOperation.End)
    qtbot.keyClick(page.form.address, Qt.Key.Key_Return)
    qtbot.keyClicks(page.form.address, "Ashford Vale")
    saved = tmp_path / "request.xml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(saved.exists)
    assert people.get_pa(window.context.db, janet.id).address == "3 Mill Lane\nAshford Vale"
    assert b"Ashford Vale" in saved.read_bytes() and not page.save_message.isVisible()


def test_an_earlier_payrolls_figures_to_date_are_typed_saved_and_read_back(qtbot, demo_context):
    # A PA new to PA Manager, paid by the earlier payroll from 2019 to 30 September 2026.
    page = _page(qtbot, demo_context)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    form = page.form
    type_into(qtbot, form.name, "Lena Hart")
    type_into(qtbot, form.date_of_birth, "1/5/1990")
    type_into(qtbot, form.start_date, "2/9/2019")
    pay = form.earlier_payroll_taxable_pay
    assert form.rows["earlier_payroll_taxable_pay"].label.buddy() is pay
    assert "&" not in form.rows["earlier_payroll_taxable_pay"].label.text()  # the page's letters are all taken
    assert pay.accessibleName().startswith("Taxable pay to date")
    assert form.earlier_payroll_tax.accessibleName().startswith("Tax to date")
    # The figures are out of the way until the earlier payroll's last pay day is typed.
    assert not form.earlier_group.isVisibleTo(page)
    type_into(qtbot, form.earlier_payroll_last_paid, "30/9/2026")
    assert form.earlier_group.isVisibleTo(page)
    # Tab goes from the earlier payroll ID to the figures, one after another.
    form.payroll_id.setFocus()
    qtbot.keyClick(form.payroll_id, Qt.Key.Key_Tab)
    assert page.focusWidget() is pay
    qtbot.keyClick(pay, Qt.Key.Key_Tab)
    assert page.focusWidget() is form.earlier_payroll_tax
    type_into(qtbot, pay, "8,000")
    type_into(qtbot, form.earlier_payroll_tax, "650.00")
    type_into(qtbot, form.earlier_payroll_employee_ni, "136.96")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    lena = _stored(demo_context)["Lena Hart"]
    assert (lena.earlier_payroll_taxable_pay, lena.earlier_payroll_tax, lena.earlier_payroll_employee_ni) == (
        Decimal("8000.00"), Decimal("650.00"), Decimal("136.96"))
    assert lena.earlier_payroll_student_loan is None  # left blank: not recorded
    page.select_pa(_stored(demo_context)["Tom Whitfield"].id)
    assert pay.value() is None and not form.earlier_group.isVisibleTo(page)  # never paid by another payroll
    page.select_pa(_stored(demo_context)["Lena Hart"].id)
    assert (pay.text(), form.earlier_payroll_tax.text()) == ("8000.00", "650.00")
    # Tax above the pay: explained beside the tax, nothing stored.
    type_into(qtbot, form.earlier_payroll_tax, "9000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "cannot be more than the taxable pay" in form.rows["earlier_payroll_tax"].error.text()
    assert _stored(demo_context)["Lena Hart"].earlier_payroll_tax == Decimal("650.00")
