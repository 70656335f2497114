"""File > Restore from a backup: the backups beside the data file (when, why, size), what the chosen
one holds (employers, how many PAs, the latest finalised pay run), and one question before putting it
back. The window does the restoring."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout,
)

from pa_manager.services.data_files import BackupSummary, backups_of, kind_of, made_on, summarise_backup
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import BACKUP_KINDS, backup_contents, backup_made, file_size


class RestoreDialog(QDialog):
    def __init__(self, data_file: Path, passphrase: str | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Restore from a backup")
        self.data_file, self._passphrase = data_file, passphrase
        self.chosen: Path | None = None
        self._summaries: dict[Path, BackupSummary] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            f"These are the backups beside {data_file.name}, newest first. Choose one to see what it holds. "
            "Restoring puts it in place of the data file; the file as it is now is backed up first."))
        label = QLabel("&Backups:")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, stretch=1)
        for backup in backups_of(data_file):
            when = made_on(backup)
            summary_line = (f"{backup_made(_Dated(when))} – {BACKUP_KINDS.get(kind_of(backup), kind_of(backup))} – "
                            f"{file_size(backup.stat().st_size)}")
            item = QListWidgetItem(summary_line)
            item.setData(Qt.ItemDataRole.UserRole, str(backup))
            self.list.addItem(item)
        heading = QLabel("What it holds:")
        self.preview = paragraph()
        self.preview.setAccessibleName("What the backup holds")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        heading.setBuddy(self.preview)
        layout.addWidget(heading)
        layout.addWidget(self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton("&Restore this backup…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemActivated.connect(lambda _item: self._on_buttons_accepted())
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview.setText(f"There are no backups beside {data_file.name} yet. Use File > Back up now to make one.")
            self.restore_button.setEnabled(False)
        self.list.setFocus()
        self.resize(640, 420)

    def summary(self, backup: Path) -> BackupSummary:
        """What a backup holds, read once (opening an encrypted backup takes a moment)."""
        if backup not in self._summaries:
            self._summaries[backup] = summarise_backup(backup, self._passphrase)
        return self._summaries[backup]

    def current_backup(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_list_current_item_changed(self, *_args) -> None:
        backup = self.current_backup()
        if backup is None:
            return
        summary = self.summary(backup)
        self.preview.setText(backup_contents(summary))
        self.restore_button.setEnabled(summary.problem is None)

    def _on_buttons_accepted(self) -> None:
        backup = self.current_backup()
        if backup is None or self.summary(backup).problem is not None:
            return
        when = backup_made(self.summary(backup))
        if not self._confirm("Restore this backup?",
                             f"Put the backup made on {when} in place of {self.data_file.name}? It holds: "
                             f"{backup_contents(self.summary(backup))} Anything changed since it was made will no "
                             "longer be in the data file, but the file as it is now is backed up first, so you can "
                             "go back to it.", "&Restore"):
            return
        self.chosen = backup
        self.accept()

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok


class _Dated:
    def __init__(self, made_at):
        self.made_at = made_at
