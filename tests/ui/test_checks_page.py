"""The Checks page, its forms and the two checklists, driven as a person would: typing, clicking,
the keyboard, and then checking what was stored and what is shown."""
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from pa_manager.domain.compliance import DBSCheck, Reference, StatusCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord
from pa_manager.services import checks, employers, people
from pa_manager.services import due
from pa_manager.ui.dialogs.check_dialogs import (
    ContractDialog, DBSCheckDialog, ReferenceDialog, RightToWorkDialog,
)
from pa_manager.ui.dialogs.checklists import NewEmployerChecklistDialog, NewPAChecklistDialog
from pa_manager.ui.dialogs.employer_duties_dialog import EmployerDutiesDialog
from pa_manager.ui.pages.checks import RETENTION_NOTE, ChecksPage
from tests.conftest import TODAY
from tests.ui.test_accessibility import _mnemonic, unnamed_controls
from tests.ui.driving import WINDOW_LETTERS, click, type_into

STARTS = TODAY + timedelta(days=60)


@pytest.fixture
def household(context):
    """An employer with one PA starting in 60 days and nothing recorded yet."""
    employer = employers.save_employer(context.db, EmployerRecord(name="Ada Mensah", council="Ashford Vale Council"))
    pa = people.save_pa(context.db, employer.id, PARecord(name="Olu Bakare", start_date=STARTS), TODAY)
    context.set_employer(employer.id)
    return employer, pa


def _page(qtbot, context):
    page = ChecksPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _lines(status_list):
    return [status_list.item(i).text() for i in range(status_list.count())]


def _activate(qtbot, widget):
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _pa(context, name):
    return next(pa for pa in people.list_pas(context.db, context.employer_id) if pa.name == name)


# --- recording a DBS check ------------------------------------------------------------------------

def _fill_dbs(qtbot, number):
    def fill_and_save(dialog: DBSCheckDialog):
        dialog.level.setCurrentIndex(dialog.level.findData("enhanced_adults_barred"))
        type_into(qtbot, dialog.certificate, number)
        type_into(qtbot, dialog.issue_date, "2/10/2026")
        type_into(qtbot, dialog.processed_by, "Ashford Vale Council DBS team")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        fill_and_save.dialog = dialog
        return dialog.result()
    return fill_and_save


def test_a_wrong_certificate_number_is_shown_next_to_the_field_and_nothing_is_stored(qtbot, context, household, monkeypatch):
    _, pa = household
    page = _page(qtbot, context)
    fill = _fill_dbs(qtbot, "0012 3456 789")  # 11 numbers
    monkeypatch.setattr(DBSCheckDialog, "exec", fill)
    click(qtbot, page.sections["dbs"].add_button)

    dialog = fill.dialog
    error = dialog.rows["certificate_number"].error
    assert not error.isHidden() and "12 numbers printed on the certificate" in error.text()
    assert "12 numbers" in dialog.certificate.accessibleDescription()
    assert dialog.result() == 0
    assert checks.pa_checks(context.db, context.employer_id, pa.id).dbs == ()
    assert any("Get a DBS check for Olu Bakare" in line for line in _lines(page.todo))


def test_a_valid_dbs_check_is_stored_and_clears_the_missing_line(qtbot, context, household, monkeypatch):
    _, pa = household
    page = _page(qtbot, context)
    before = _lines(page.todo)
    assert any(line.startswith("Missing: Get a DBS check for Olu Bakare") for line in before)
    monkeypatch.setattr(DBSCheckDialog, "exec", _fill_dbs(qtbot, "0012 3456 7890"))
    click(qtbot, page.sections["dbs"].add_button)

    (stored,) = checks.pa_checks(context.db, context.employer_id, pa.id).dbs
    assert stored.value.certificate_number == "001234567890"
    assert stored.value.issue_date == date(2026, 10, 2)
    assert stored.value.level == "enhanced_adults_barred"
    assert not any("Get a DBS check" in line for line in _lines(page.todo))
    assert "Certificate 001234567890" in page.sections["dbs"].list.item(0).text()
    assert context.undo_group.activeStack().undoText() == "Add Olu Bakare's DBS check"


def test_the_update_service_log_records_status_checks(qtbot, context, household, monkeypatch):
    _, pa = household

    def fill_and_save(dialog: DBSCheckDialog):
        type_into(qtbot, dialog.certificate, "001234567890")
        type_into(qtbot, dialog.issue_date, "2/10/2025")
        qtbot.keyClick(dialog.update_service, Qt.Key.Key_Space)
        type_into(qtbot, dialog.renewal, "2/10/2026")
        type_into(qtbot, dialog.status_date, "1/11/2026")
        click(qtbot, dialog.add_status_button)
        assert dialog.status_list.item(0).text() == "1 November 2026: No change"
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(DBSCheckDialog, "exec", fill_and_save)
    page = _page(qtbot, context)
    click(qtbot, page.sections["dbs"].add_button)
    (stored,) = checks.pa_checks(context.db, context.employer_id, pa.id).dbs
    assert stored.value.update_service and stored.value.update_service_renewal == date(2026, 10, 2)
    assert stored.value.status_checks == (StatusCheck(date(2026, 11, 1), "no_change"),)


def test_an_unreadable_date_is_explained_and_nothing_is_stored(qtbot, context, household, monkeypatch):
    _, pa = household

    def fill_and_save(dialog: RightToWorkDialog):
        type_into(qtbot, dialog.checked_on, "31/2/2026")
        dialog._on_buttons_accepted()
        fill_and_save.error = dialog.rows["checked_on"].error.text()
        return dialog.result()

    monkeypatch.setattr(RightToWorkDialog, "exec", fill_and_save)
    page = _page(qtbot, context)
    click(qtbot, page.sections["right_to_work"].add_button)
    assert "is not one" in fill_and_save.error
    assert checks.pa_checks(context.db, context.employer_id, pa.id).right_to_work == ()


# --- remove, undo, change ---------------------------------------------------------------------------

def test_removing_a_dbs_check_asks_once_and_can_be_undone(qtbot, context, household, monkeypatch):
    employer, pa = household
    check = DBSCheck("enhanced_adults_barred", "001234567890", date(2025, 3, 1), update_service=True,
                     update_service_renewal=date(2027, 3, 1), status_checks=(StatusCheck(date(2026, 3, 1), "no_change"),))
    saved = checks.save_dbs_check(context.db, employer.id, pa.id, check)
    page = _page(qtbot, context)
    _activate(qtbot, page)
    asked = []
    monkeypatch.setattr(page, "_confirm", lambda title, text, action: asked.append((title, text, action)) or True)

    section = page.sections["dbs"]
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_Delete)  # the keyboard way to Remove…
    assert len(asked) == 1
    title, text, action = asked[0]
    assert action == "Remove DBS check" and "You can undo this" in text and "Olu Bakare" in text
    assert checks.pa_checks(context.db, employer.id, pa.id).dbs == ()
    assert any("Get a DBS check" in line for line in _lines(page.todo))

    stack = context.undo_group.activeStack()
    assert stack.undoText() == "Remove Olu Bakare's DBS check"
    stack.undo()
    (back,) = checks.pa_checks(context.db, employer.id, pa.id).dbs
    assert back == saved  # the same id, and the status checks came back too
    assert not any("Get a DBS check" in line for line in _lines(page.todo))
    stack.redo()
    assert checks.pa_checks(context.db, employer.id, pa.id).dbs == ()


def test_choosing_keep_it_removes_nothing(qtbot, context, household, monkeypatch):
    employer, pa = household
    checks.save_reference(context.db, employer.id, pa.id, Reference("Ann Lee, previous employer"))
    page = _page(qtbot, context)
    monkeypatch.setattr(page, "_confirm", lambda *args: False)
    click(qtbot, page.sections["reference"].remove_button)
    assert len(checks.pa_checks(context.db, employer.id, pa.id).references) == 1


def test_changing_a_reference_then_undo(qtbot, context, household, monkeypatch):
    employer, pa = household
    checks.save_reference(context.db, employer.id, pa.id, Reference("Ann Lee", requested_on=date(2026, 11, 1)))
    page = _page(qtbot, context)

    def fill_and_save(dialog: ReferenceDialog):
        assert dialog.referee.text() == "Ann Lee"
        type_into(qtbot, dialog.received_on, "20/11/2026")
        dialog.satisfactory.setCurrentIndex(dialog.satisfactory.findText("Yes, satisfactory"))
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(ReferenceDialog, "exec", fill_and_save)
    _activate(qtbot, page)
    section = page.sections["reference"]
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_Return)  # Enter on a record changes it
    (stored,) = checks.pa_checks(context.db, employer.id, pa.id).references
    assert (stored.value.received_on, stored.value.satisfactory) == (date(2026, 11, 20), True)
    assert "Satisfactory." in section.list.item(0).text()
    context.undo_group.activeStack().undo()
    (stored,) = checks.pa_checks(context.db, employer.id, pa.id).references
    assert (stored.value.received_on, stored.value.satisfactory) == (None, None)


def test_insert_adds_the_contract_and_then_add_gives_way_to_change(qtbot, context, household, monkeypatch):
    employer, pa = household

    def fill_and_save(dialog: ContractDialog):
        type_into(qtbot, dialog.statement, f"{STARTS.day}/{STARTS.month}/{STARTS.year}")
        qtbot.keyClick(dialog.job_description, Qt.Key.Key_Space)
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(ContractDialog, "exec", fill_and_save)
    page = _page(qtbot, context)
    _activate(qtbot, page)
    section = page.sections["contract"]
    section.list.setFocus()
    qtbot.keyClick(section.list, Qt.Key.Key_Insert)
    contract = checks.pa_checks(context.db, employer.id, pa.id).contract
    assert contract.statement_given_on == STARTS and contract.job_description
    assert not section.add_button.isEnabled() and section.change_button.isEnabled()
    assert not any("written statement" in line for line in _lines(page.todo))
    context.undo_group.activeStack().undo()
    assert checks.pa_checks(context.db, employer.id, pa.id).contract is None


# --- what is shown ----------------------------------------------------------------------------------

def test_the_list_sums_up_each_pa_and_the_page_says_what_is_kept(qtbot, context, household):
    page = _page(qtbot, context)
    assert page.pa_list.item(0).text() == "Olu Bakare\n4 missing"
    assert page.retention_note.text() == RETENTION_NOTE
    assert "6 months" in RETENTION_NOTE and "2 years" in RETENTION_NOTE
    assert page.pa_heading.text() == "Olu Bakare"
    assert any(line.startswith("Missing: ") and "insurance" in line for line in _lines(page.duties_list))


def test_the_demo_shows_every_pa_with_a_status_word(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    names = [pa.name for pa in people.list_pas(demo_context.db, demo_context.employer_id)]
    shown = [page.pa_list.item(i).text() for i in range(page.pa_list.count())]
    assert [text.split("\n")[0] for text in shown] == names
    for text in shown:
        words = text.split("\n")[1]
        assert words.endswith("All done") or any(w in words for w in ("overdue", "due soon", "missing")), words


def test_an_employer_with_no_pas_is_told_where_to_add_them(qtbot, context):
    employer = employers.save_employer(context.db, EmployerRecord(name="Ada Mensah"))
    context.set_employer(employer.id)
    page = _page(qtbot, context)
    assert page.pa_heading.text() == "No PAs yet"
    assert "People page" in _lines(page.todo)[0]
    assert not page.sections["dbs"].isEnabled()


# --- employer duties ----------------------------------------------------------------------------------

def test_employer_duties_are_saved_explained_and_undone(qtbot, context, household, monkeypatch):
    employer, _ = household

    def fill_and_save(dialog: EmployerDutiesDialog):
        type_into(qtbot, dialog.paye_reference, "12/AB")
        dialog._on_buttons_accepted()
        assert "PAYE reference" in dialog.rows["paye_reference"].error.text()
        assert employers.get_employer(context.db, employer.id).paye_reference == ""
        type_into(qtbot, dialog.paye_reference, "123/ab45678")
        type_into(qtbot, dialog.insurer, "Hearthside Mutual")
        type_into(qtbot, dialog.dates["insurance_renewal_date"], "1/3/2027")
        type_into(qtbot, dialog.dates["direct_payment_start"], "1/6/2026")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(EmployerDutiesDialog, "exec", fill_and_save)
    page = _page(qtbot, context)
    click(qtbot, page.duties_button)
    saved = employers.get_employer(context.db, employer.id)
    assert (saved.paye_reference, saved.insurer) == ("123/AB45678", "Hearthside Mutual")
    assert (saved.insurance_renewal_date, saved.direct_payment_start) == (date(2027, 3, 1), date(2026, 6, 1))
    assert not any("insurance" in line for line in _lines(page.duties_list))
    context.undo_group.activeStack().undo()
    assert employers.get_employer(context.db, employer.id).insurer == ""


def test_save_calendar_exports_this_employers_due_dates(qtbot, context, household, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    employer, _ = household
    employers.save_employer(context.db, replace(employer, insurance_renewal_date=TODAY + timedelta(days=10)))
    target = tmp_path / "due.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    page = _page(qtbot, context)
    with qtbot.waitSignal(context.status_message) as said:
        click(qtbot, page.calendar_button)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "employer's liability insurance" in text.replace("\r\n ", "")
    assert said.args[0].startswith("Saved ") and str(target) in said.args[0]


def test_a_calendar_that_cannot_be_written_is_explained(qtbot, context, household, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "no such folder" / "due.ics"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    page = _page(qtbot, context)
    click(qtbot, page.calendar_button)
    assert warned and warned[0][0] == "The calendar was not saved" and "Choose another folder" in warned[0][1]


# --- the new PA checklist, by keyboard --------------------------------------------------------------

def test_the_new_pa_checklist_by_keyboard(qtbot, context, household, monkeypatch):
    _, pa = household
    dialog = NewPAChecklistDialog(context, pa.id)
    qtbot.addWidget(dialog)
    dialog.show()
    _activate(qtbot, dialog)

    def record_right_to_work(form: RightToWorkDialog):
        form.show()  # as exec() would, so Enter reaches the Save button
        _activate(qtbot, form)
        type_into(qtbot, form.checked_on, f"{TODAY.day}/{TODAY.month}/{TODAY.year}")
        type_into(qtbot, form.document, "UK passport")
        qtbot.keyClick(form.document, Qt.Key.Key_Return)  # Enter saves the form
        return form.result()

    monkeypatch.setattr(RightToWorkDialog, "exec", record_right_to_work)
    assert dialog.status_word.text() == "Status: Missing"
    dialog.step_list.setFocus()
    qtbot.keyClick(dialog.step_list, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.action_button
    assert dialog.action_button.text() == "&Record a right-to-work check…"
    qtbot.keyClick(dialog.action_button, Qt.Key.Key_Return)
    assert checks.pa_checks(context.db, context.employer_id, pa.id).right_to_work[0].value.document_type == "UK passport"
    assert dialog.status_word.text() == "Status: Done"
    assert dialog.step_list.item(0).text() == "1. Right to work\nDone"
    _activate(qtbot, dialog)  # back from the form, as when a modal dialog closes

    words = []
    for step in range(1, 6):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.step_list.currentRow() == step)  # a button's & letter clicks it after a moment
        words.append(dialog.status_word.text())
    assert words[:4] == ["Status: Missing", "Status: Missing", "Status: Missing", "Status: For information"]
    assert words[4].startswith("Status: Due in ")  # induction: 12 weeks after a start 60 days away
    assert dialog.step_heading.text() == "Step 6 of 6: Induction"
    assert not dialog.next_button.isEnabled() and dialog.focusWidget() is not dialog.next_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.step_list.currentRow() == 4)
    assert dialog.step_heading.text() == "Step 5 of 6: Pension assessment"
    assert dialog.action_button.isHidden()  # nothing to record: it is explained in words
    assert "workplace pension" in dialog.why.text()


def test_the_new_employer_checklist_records_hmrc_details(qtbot, context, household, monkeypatch):
    employer, _ = household
    dialog = NewEmployerChecklistDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.status_word.text() == "Status: Missing"

    def fill_and_save(form: EmployerDutiesDialog):
        form.show()
        _activate(qtbot, form)
        assert form.focusWidget() is form.paye_reference  # the step's own field, ready to type in
        type_into(qtbot, form.paye_reference, "123/AB45678")
        type_into(qtbot, form.accounts_office_reference, "123PF00045678")
        form._on_buttons_accepted()
        return form.result()

    monkeypatch.setattr(EmployerDutiesDialog, "exec", fill_and_save)
    click(qtbot, dialog.action_button)
    assert employers.get_employer(context.db, employer.id).accounts_office_reference == "123PF00045678"
    assert dialog.status_word.text() == "Status: Done"
    dialog.go_to(4)
    assert dialog.status_word.text() == "Status: Done" and "Olu Bakare" in dialog.detail.text()
    with qtbot.waitSignal(dialog.people_requested):
        click(qtbot, dialog.action_button)


def test_tab_moves_through_the_page_in_reading_order(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    _activate(qtbot, page)
    dbs, rtw = page.sections["dbs"], page.sections["right_to_work"]
    # The scrolling area around the PA's checks is no stop of its own (it shows no focus): Tab goes
    # straight from the last button above it to the first thing in it.
    expected = [page.duties_list, page.duties_button, page.employer_checklist_button, page.calendar_button,
                page.pa_checklist_button, page.todo, dbs.list, dbs.add_button, dbs.change_button,
                dbs.remove_button, rtw.list]
    page.pa_list.setFocus()
    for widget in expected:
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is widget


def test_every_coded_value_has_a_plain_name():
    from pa_manager.domain import compliance
    from pa_manager.ui.dialogs.check_dialogs import LEVEL_NAMES, METHOD_NAMES, OUTCOME_NAMES, RESULT_NAMES

    assert tuple(LEVEL_NAMES) == compliance.DBS_LEVELS
    assert tuple(OUTCOME_NAMES) == compliance.DBS_OUTCOMES
    assert tuple(RESULT_NAMES) == compliance.STATUS_CHECK_RESULTS
    assert tuple(METHOD_NAMES) == compliance.RIGHT_TO_WORK_METHODS


# --- accessibility ----------------------------------------------------------------------------------

def _dialogs(context, pa):
    record = checks.pa_checks(context.db, context.employer_id, pa.id)
    return {
        "dbs": DBSCheckDialog(context.db, context.employer_id, pa, record.dbs[0] if record.dbs else None),
        "right to work": RightToWorkDialog(context.db, context.employer_id, pa),
        "reference": ReferenceDialog(context.db, context.employer_id, pa),
        "contract": ContractDialog(context.db, context.employer_id, pa, record.contract),
        "duties": EmployerDutiesDialog(context),
        "pa checklist": NewPAChecklistDialog(context, pa.id),
        "employer checklist": NewEmployerChecklistDialog(context),
    }


def _shortcut_letters(root: QWidget, shown=lambda w: True) -> list[str]:
    texts = [w.text() for w in root.findChildren(QLabel) if w.buddy() is not None and shown(w)]
    texts += [w.text() for w in root.findChildren(QAbstractButton) if shown(w)]
    texts += [w.title() for w in root.findChildren(QGroupBox) if shown(w)]  # a titled box's & moves into it
    return [m for m in map(_mnemonic, texts) if m]


def test_every_control_on_the_page_is_named_and_shortcuts_do_not_clash(qtbot, demo_context):
    page = _page(qtbot, demo_context)
    assert unnamed_controls(page) == []
    letters = _shortcut_letters(page)
    assert sorted({m for m in letters if letters.count(m) > 1}) == []
    assert set(letters) & WINDOW_LETTERS == set()


@pytest.mark.parametrize("name", ["dbs", "right to work", "reference", "contract", "duties", "pa checklist",
                                  "employer checklist"])
def test_every_control_in_each_dialog_is_named(qtbot, demo_context, name):
    pa = _pa(demo_context, "Janet Moyo")
    dialog = _dialogs(demo_context, pa)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    letters = _shortcut_letters(dialog)
    assert sorted({m for m in letters if letters.count(m) > 1}) == [], name


@pytest.mark.parametrize("step", range(6))
def test_no_checklist_step_brings_a_clashing_shortcut(qtbot, demo_context, step):
    dialog = NewPAChecklistDialog(demo_context, _pa(demo_context, "Janet Moyo").id)
    qtbot.addWidget(dialog)
    dialog.go_to(step)
    letters = _shortcut_letters(dialog)
    assert sorted({m for m in letters if letters.count(m) > 1}) == []


def test_training_is_left_to_the_training_area(qtbot, demo_context):
    from pa_manager.ui.pages.checks import CHECK_CODES

    items = due.due_list(demo_context.db, demo_context.employer_id, TODAY)
    assert any(i.code not in CHECK_CODES for i in items)  # the demo has an expired and a missing course
    page = _page(qtbot, demo_context)
    for pa in people.list_pas(demo_context.db, demo_context.employer_id):
        page.select_pa(pa.id)
        mine = [i for i in items if i.pa_key == pa.id and i.code in CHECK_CODES]
        assert len(_lines(page.todo)) == max(len(mine), 1), pa.name
