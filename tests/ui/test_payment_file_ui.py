"""Paying people in the window: bank details typed into the PA form and the employer form, and the
payment file saved from the Pay page for a finalised pay run."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pa_manager.services import employers, pay_runs, people
from pa_manager.services.payment_files import BACS, CSV
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.pages.pay import PayPage
from pa_manager.ui.pages.people import PeoplePage

PAY_DAY = date(2026, 10, 30)  # finalised in the demo


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def _employer_bank_details(qtbot, context, sun: str = "") -> None:
    dialog = EmployerDialog(context.db, employers.get_employer(context.db, context.employer_id))
    qtbot.addWidget(dialog)
    assert dialog.bank_sort_code.accessibleName() == "Your sort code"
    assert dialog.service_user_number.accessibleName() == "Bacs service user number"
    _type(qtbot, dialog.bank_sort_code, "40 11 22")
    _type(qtbot, dialog.bank_account_number, "12345678")
    _type(qtbot, dialog.bank_account_name, "M Okafor")
    _type(qtbot, dialog.service_user_number, sun)
    dialog._on_buttons_accepted()
    assert dialog.result() == QDialog.DialogCode.Accepted, [r.error.text() for r in dialog.rows.values()]


def _pa_bank_details(qtbot, context) -> None:
    page = PeoplePage(context)
    qtbot.addWidget(page)
    page.show()
    for number, pa in enumerate(people.list_pas(context.db, context.employer_id), start=1):
        page.select_pa(pa.id)
        form = page.form
        _type(qtbot, form.bank_sort_code, "20-00-00")
        _type(qtbot, form.bank_account_number, f"5577{number:04d}")
        _type(qtbot, form.bank_account_name, pa.name)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_the_pa_form_takes_bank_details_and_refuses_a_short_sort_code(qtbot, demo_context):
    page = PeoplePage(demo_context)
    qtbot.addWidget(page)
    page.show()
    leah = {pa.name: pa for pa in people.list_pas(demo_context.db, demo_context.employer_id)}["Leah Grant"]
    page.select_pa(leah.id)
    form = page.form
    assert [form.bank_sort_code.accessibleName(), form.bank_account_number.accessibleName(),
            form.bank_account_name.accessibleName(), form.roll_number.accessibleName()] == [
        "Sort code", "Account number", "Name on the account", "Roll number"]
    _type(qtbot, form.bank_sort_code, "12-34-5")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "6 numbers" in form.rows["bank_sort_code"].error.text()
    assert people.get_pa(demo_context.db, leah.id).bank_sort_code == ""
    _type(qtbot, form.bank_sort_code, "12 34 56")
    _type(qtbot, form.bank_account_number, "8765 4321")
    _type(qtbot, form.bank_account_name, "Leah Grant")
    _type(qtbot, form.roll_number, "abc/123")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = people.get_pa(demo_context.db, leah.id)
    assert (stored.bank_sort_code, stored.bank_account_number, stored.bank_account_name,
            stored.building_society_roll_number) == ("123456", "87654321", "Leah Grant", "ABC/123")
    page.select_pa(leah.id)
    assert page.form.bank_sort_code.text() == "12-34-56"


def test_the_pay_page_saves_a_csv_and_lists_it_masked(qtbot, demo_context, tmp_path):
    _employer_bank_details(qtbot, demo_context)
    _pa_bank_details(qtbot, demo_context)
    page = PayPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.show_pay_run(PAY_DAY)
    assert page.payment_file_button.isVisibleTo(page) and page.payment_file_lines.isHidden()
    page.choose_payment_file = lambda suggested: (str(tmp_path / "pay"), CSV)
    page.payment_file_button.setFocus()
    qtbot.keyClick(page.payment_file_button, Qt.Key.Key_Space)
    rows = (tmp_path / "pay.csv").read_text().splitlines()
    assert rows[0] == "Name,Sort code,Account number,Amount,Reference" and len(rows) > 2
    shown = [page.payment_file_lines.item(i).text() for i in range(page.payment_file_lines.count())]
    records = pay_runs.records_between(demo_context.db, demo_context.employer_id, PAY_DAY, PAY_DAY)
    assert len([line for line in shown if "take-home pay" in line]) == len([r for r in records if r.net_pay > 0])
    assert any("account ending 0001" in line for line in shown)
    assert not any("55770001" in line for line in shown)   # never the whole number


def test_a_bacs_file_without_a_service_user_number_says_what_to_do(qtbot, demo_context, tmp_path, monkeypatch):
    _employer_bank_details(qtbot, demo_context)
    _pa_bank_details(qtbot, demo_context)
    page = PayPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.show_pay_run(PAY_DAY)
    warned = []
    monkeypatch.setattr("pa_manager.ui.pages.pay.QMessageBox.warning", lambda *args: warned.append(args[2]))
    page.choose_payment_file = lambda suggested: (str(tmp_path / "pay"), BACS)
    page.payment_file_button.setFocus()
    qtbot.keyClick(page.payment_file_button, Qt.Key.Key_Space)
    assert len(warned) == 1 and "Bacs service user number" in warned[0] and "CSV" in warned[0]
    assert not (tmp_path / "pay.txt").exists()
    _employer_bank_details(qtbot, demo_context, sun="123456")
    page.payment_file_button.setFocus()
    qtbot.keyClick(page.payment_file_button, Qt.Key.Key_Space)
    assert (tmp_path / "pay.txt").read_bytes().startswith(b"VOL1")
