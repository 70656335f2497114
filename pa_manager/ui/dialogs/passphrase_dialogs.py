"""Asking for a passphrase: to open an encrypted data file, and to choose a new one (encrypting a file,
making a new encrypted file, changing the passphrase). The passphrase is handed back in memory and
never kept anywhere by these dialogs."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from pa_manager.services.data_files import MIN_PASSPHRASE_LENGTH
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.paragraph import paragraph

LOST_PASSPHRASE = ("If the passphrase is lost, nothing can open the file or its backups again: not PA Manager, "
                   "not the council, not anyone. Write it down and keep it somewhere safe, away from the computer.")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _show_toggle(fields: list[QLineEdit]) -> QCheckBox:
    box = QCheckBox("S&how what I type")
    box.toggled.connect(lambda shown: [f.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
                                       for f in fields])
    return box


class PassphraseDialog(QDialog):
    """'This file is encrypted: type its passphrase.' Enter opens; a wrong passphrase is said in one
    sentence under the field, and the person is asked again."""

    def __init__(self, file_name: str, message: str | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Type the passphrase")
        self.passphrase: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(f"{file_name} is encrypted. Type its passphrase to open it."))
        form = QFormLayout()
        self.field = _password_field()
        self.row: FieldRow = add_row(form, "&Passphrase:", self.field)
        layout.addLayout(form)
        layout.addWidget(_show_toggle([self.field]))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText("&Open")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.open_button.setDefault(True)  # once in the dialog, or Enter presses the first button instead
        self.row.show_error(message)
        self.field.setFocus()

    def _on_buttons_accepted(self) -> None:
        if not self.field.text():
            self.row.show_error("Type the passphrase first.")
            self.field.setFocus()
            return
        self.passphrase = self.field.text()
        self.accept()


class NewPassphraseDialog(QDialog):
    """Choose a passphrase (typed twice), with what losing it means said plainly. With `ask_current`, the
    current passphrase is asked for first (changing it)."""

    def __init__(self, title: str, intro: str, *, ask_current: bool = False, action: str = "&Encrypt", parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(title)
        self.current: str | None = None
        self.passphrase: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(intro))
        warning = paragraph(LOST_PASSPHRASE)
        warning.setObjectName("warning")
        layout.addWidget(warning)
        form = QFormLayout()
        self.current_field = _password_field() if ask_current else None
        self.current_row = add_row(form, "C&urrent passphrase:", self.current_field) if ask_current else None
        self.new_field = _password_field()
        self.new_row = add_row(form, "&New passphrase:" if ask_current else "&Passphrase:", self.new_field,
                               f"At least {MIN_PASSPHRASE_LENGTH} characters; a few words you will remember are best.")
        self.again_field = _password_field()
        self.again_row = add_row(form, "Type it &again:", self.again_field)
        layout.addLayout(form)
        fields = [f for f in (self.current_field, self.new_field, self.again_field) if f is not None]
        layout.addWidget(_show_toggle(fields))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok.setDefault(True)  # once in the dialog, or Enter presses the first button instead
        fields[0].setFocus()

    def _on_buttons_accepted(self) -> None:
        rows = [r for r in (self.current_row, self.new_row, self.again_row) if r is not None]
        for row in rows:
            row.show_error(None)
        new, again = self.new_field.text(), self.again_field.text()
        problem = None
        if self.current_field is not None and not self.current_field.text():
            problem = (self.current_row, "Type the passphrase the file has now.")
        elif len(new) < MIN_PASSPHRASE_LENGTH:
            problem = (self.new_row, f"That passphrase is too short: use {MIN_PASSPHRASE_LENGTH} characters or more.")
        elif new != again:
            problem = (self.again_row, "The two passphrases are not the same. Type the new one again.")
        elif self.current_field is not None and new == self.current_field.text():
            problem = (self.new_row, "The new passphrase is the same as the current one. Choose a different one.")
        if problem is not None:
            row, message = problem
            row.show_error(message)
            row.field.setFocus()
            return
        self.current = self.current_field.text() if self.current_field is not None else None
        self.passphrase = new
        self.accept()

    def show_current_error(self, message: str) -> None:
        """The current passphrase was wrong: say so under it, and ask again."""
        if self.current_row is not None:
            self.current_row.show_error(message)
            self.current_field.selectAll()
            self.current_field.setFocus()
