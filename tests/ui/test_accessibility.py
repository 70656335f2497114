"""Every focusable control on every page and dialog has a name a screen reader can say."""
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QWidget

from pa_manager.domain.people import PARecord
from pa_manager.ui.dialogs.employer_dialog import EmployerDialog
from pa_manager.ui.dialogs.guide_dialog import GuideDialog
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
    }


def test_every_control_in_the_main_window_and_its_pages_is_named(qtbot, window):
    for index in range(window.stack.count()):
        window.go_to(index)
    assert unnamed_controls(window) == []


@pytest.mark.parametrize("name", ["employer", "leaver", "staff import", "guide", "passphrase", "new passphrase",
                                  "change passphrase", "restore"])
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
                                  "change passphrase", "restore"])
def test_no_two_shortcuts_in_a_dialog_share_a_letter(qtbot, demo_context, name):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _dialogs(demo_context)[name]
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    letters = [m for m in map(_mnemonic, texts) if m]
    repeated = sorted({m for m in letters if letters.count(m) > 1})
    assert repeated == [], f"shared shortcut letter(s) {repeated}: {texts}"
