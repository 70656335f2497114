"""Every focusable control on every page and dialog has a name a screen reader can say."""
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QWidget

from pa_manager.domain.people import PARecord
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.guide_dialog import GuideDialog
from pa_manager.ui.dialogs.holiday_dialog import HolidayDialog
from pa_manager.ui.dialogs.leaver_dialog import LeaverDialog
from pa_manager.ui.dialogs.passphrase_dialogs import NewPassphraseDialog, PassphraseDialog
from pa_manager.ui.dialogs.restore_dialog import RestoreDialog
from pa_manager.ui.dialogs.staff_import_dialog import StaffImportDialog


def _accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) or "").strip() if interface else ""


def _is_internal(widget: QWidget) -> bool:
    # A scroll area's viewport and Qt's own sub-parts are reached through their named parent.
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox):  # its text field is the spin box, for a screen reader
        return True
    return isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.window() is not root.window():  # e.g. a combo box's own pop-up list
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _is_internal(widget):
            continue
        if not _accessible_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return found


def _dialogs(context):
    pa = PARecord(name="Janet Moyo", id=1)
    return {
        "employer": EmployerDialog(context.db),
        "leaver": LeaverDialog(pa, date(2026, 11, 23)),
        "staff import": StaffImportDialog(context, "Margaret Okafor"),
        "guide": GuideDialog(),
        "passphrase": PassphraseDialog("data.sqlite3"),
        "new passphrase": NewPassphraseDialog("Encrypt the data file", "Choose a passphrase."),
        "change passphrase": NewPassphraseDialog("Change the passphrase", "Choose a new passphrase.", ask_current=True,
                                                 action="Change the &passphrase"),
        "restore": RestoreDialog(Path(context.db.location)),
        "holiday": HolidayDialog(context.db, _janet(context.db), date(2026, 11, 23)),
    }


def _janet(db) -> int:
    from pa_manager.services import employers, people

    employer = employers.find_employer(db, "Margaret Okafor")
    return next(pa.id for pa in people.list_pas(db, employer.id) if pa.name == "Janet Moyo")


def test_every_control_in_the_main_window_and_its_pages_is_named(qtbot, window):
    for index in range(window.stack.count()):
        window.go_to(index)
    assert unnamed_controls(window) == []


@pytest.mark.parametrize("name", ["employer", "leaver", "staff import", "guide", "passphrase", "new passphrase",
                                  "change passphrase", "restore", "holiday"])
def test_every_control_in_each_dialog_is_named(qtbot, demo_context, name):
    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def _mnemonic(text: str) -> str | None:
    match = text.replace("&&", "").find("&")
    return text.replace("&&", "")[match + 1].lower() if match >= 0 else None


def test_form_labels_reach_their_fields(qtbot, window):
    for key, row in window.people.form.rows.items():
        assert row.label.buddy() is row.field, key


def test_no_two_shortcuts_on_a_page_share_a_letter(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    for index in range(len(window.pages)):
        window.go_to(index)
        shown = lambda w: w.isVisibleTo(window)  # shortcuts on other (hidden) pages do not fire
        texts = [a.text() for a in window.menuBar().actions()]
        texts += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None and shown(w)]
        texts += [w.text() for w in window.findChildren(QAbstractButton) if shown(w)]
        letters = [m for m in map(_mnemonic, texts) if m]
        repeated = sorted({m for m in letters if letters.count(m) > 1})
        assert repeated == [], f"page {index}: shared shortcut letter(s) {repeated}: {texts}"


@pytest.mark.parametrize("name", ["employer", "leaver", "staff import", "passphrase", "new passphrase",
                                  "change passphrase", "restore", "holiday"])
def test_no_two_shortcuts_in_a_dialog_share_a_letter(qtbot, demo_context, name):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    letters = [m for m in map(_mnemonic, texts) if m]
    repeated = sorted({m for m in letters if letters.count(m) > 1})
    assert repeated == [], f"shared shortcut letter(s) {repeated}: {texts}"


# --- what a screen reader says -----------------------------------------------------------------------

def test_a_check_box_in_a_form_is_named_by_its_own_words_and_described_by_its_row(qtbot, window):
    box = window.people.form.close_relative
    assert _accessible_name(box) == "Close relative who lives in the same household"
    assert "Family" in box.accessibleDescription()


def _tables(window):
    from PySide6.QtWidgets import QTableView

    for index, page in enumerate(window.pages):
        window.go_to(index)
        for view in page.findChildren(QTableView):
            if view.model() is not None and view.model().rowCount():
                yield page.title, view


def test_every_table_heads_each_row_in_words_and_says_amounts_in_pounds(qtbot, window):
    window.show_pa(window.people.model.record(0).id)  # the pay-rates table is filled
    spoken = Qt.ItemDataRole.AccessibleTextRole
    problems, seen = [], set()
    for title, view in _tables(window):
        model, name = view.model(), view.accessibleName()
        seen.add(name)
        for row in range(model.rowCount()):
            heading = str(model.headerData(row, Qt.Orientation.Vertical) or "")
            if not re.search(r"[A-Za-z]{2,}|^\d{4}-\d{2}$", heading):
                problems.append(f"{title}, {name}: row {row + 1} headed {heading!r}")
            for column in range(model.columnCount()):
                index = model.index(row, column)
                shown = str(model.data(index) or "")
                said = str(model.data(index, spoken) or shown)
                if "£" in shown and ("pound" not in said and "pence" not in said or "£" in said):
                    problems.append(f"{title}, {name}: {shown!r} is read as {said!r}")
    assert {"Your PAs", "Pay rates and their history", "Money in and out", "Training matrix: a row for each PA, "
            "a column for each course", "Everyone in this data file"} <= seen
    assert problems == []


def test_the_pay_rates_are_headed_by_their_dates(qtbot, window):
    window.show_pa(window.people.model.record(0).id)
    table = window.people.form.rates_table
    dates = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert [table.model().headerData(r, Qt.Orientation.Vertical) for r in range(table.rowCount())] == dates
    assert re.fullmatch(r"\d+ pounds( \d+ pence)?", table.item(0, 2).data(Qt.ItemDataRole.AccessibleTextRole))


def test_check_pay_with_nothing_typed_puts_the_cursor_on_the_first_field_in_error(qtbot, window):
    page = window.calculator
    window.go_to(window.pages.index(page))
    window.activateWindow()
    qtbot.waitActive(window)
    page.check_button.setFocus()
    qtbot.keyClick(page.check_button, Qt.Key.Key_Space)
    # The date of birth is the first field on the form, and it is empty.
    assert QApplication.focusWidget() is page.date_of_birth
    assert page.date_of_birth.accessibleDescription().startswith("Enter their date of birth")
    assert page.hours.accessibleDescription().startswith("Enter the hours worked")


def test_a_message_on_the_field_that_has_the_cursor_is_announced(qtbot):
    """Enter in a field whose value is wrong: the cursor is there already, so the message is said."""
    from pa_manager.ui.announce import listen

    dialog = LeaverDialog(PARecord(name="Janet Moyo", id=1), date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.date_edit  # the dialog opens at its first field
    dialog.date_edit.setText("31/2/2026")
    heard = []
    stop = listen(heard.append)
    try:
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    finally:
        stop()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.date_edit
    assert heard == ["Enter a real date, like 3/4/2026. '31/2/2026' is not one."]


def test_status_messages_and_the_calculators_answer_are_announced(qtbot, window):
    from pa_manager.ui.announce import listen

    heard = []
    stop = listen(heard.append)
    try:
        window.statusBar().showMessage("Backed up the data file.")
        page = window.calculator
        page.use_age.setChecked(True)
        page.hours.setText("10")
        page.pay.setText("200")
        page.check_button.click()
    finally:
        stop()
    assert heard[0] == "Backed up the data file."
    assert heard[-1].startswith("Meets the legal minimum")


# --- plain English --------------------------------------------------------------------------------

def test_words_of_the_trade_are_explained_where_they_appear(qtbot, demo_context):
    from PySide6.QtWidgets import QLabel

    from pa_manager.help_pages import gloss

    dialog = EmployerDialog(demo_context.db)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert "PAYE" in shown and gloss("PAYE") in shown
    assert gloss("PAYE") in dialog.paye_reference.accessibleDescription()  # read out with the field


def test_f1_opens_the_help_for_the_area_shown(qtbot, window, monkeypatch):
    from pa_manager.ui.dialogs.guide_dialog import GuideDialog

    shown = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    window.go_to(window.pages.index(window.pay))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown and shown[-1].startswith("A pay day")
    window.go_to(window.pages.index(window.reports))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown[-1].startswith("When the council asks to see your records")
