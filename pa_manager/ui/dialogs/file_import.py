"""The shape every file import shares: choose a file, check it (nothing stored), then import it (all
rows or none). Subclasses say what the file is and how to run and describe the import."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from pa_manager.messages import describe, say
from pa_manager.services.errors import ServiceError
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.paragraph import paragraph


class FileImportDialog(QDialog):
    """After a successful import, `result` holds what the service returned (the caller records undo)."""

    noun = "file"  # "staff list", "timesheet", "bank statement"
    file_filter = "Spreadsheets (*.csv *.xlsx)"
    rows_word = "rows"

    def __init__(self, title: str, paragraphs: tuple[str, ...], parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.result = None
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        for text in paragraphs:
            layout.addWidget(paragraph(text))
        form = QFormLayout()
        chooser = QWidget()
        row = QHBoxLayout(chooser)
        row.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName(f"Browse for the {self.noun} file")
        row.addWidget(self.path_edit)
        row.addWidget(self.browse_button)
        self.path_row = add_row(form, f"{self.noun.capitalize()} &file:", chooser)
        self.path_edit.setAccessibleName(f"{self.noun.capitalize()} file")
        layout.addLayout(form)
        self.check_button = QPushButton("&Check the file")
        layout.addWidget(self.check_button)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("What the check found")
        layout.addWidget(self.report)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.addButton("C&ancel", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.path_edit.textChanged.connect(lambda: self.import_button.setEnabled(False))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.resize(660, 500)

    # --- what subclasses say ---
    def run_import(self, path: Path, dry_run: bool):
        raise NotImplementedError

    def ready_lines(self, result) -> tuple[list[str], bool]:
        """What a clean check found, and whether there is anything to import."""
        raise NotImplementedError

    # --- the flow ---
    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, f"Choose a {self.noun}", "", self.file_filter)
        if path:
            self.path_edit.setText(path)
            self._on_check_button_clicked()

    def _run(self, dry_run: bool):
        text = self.path_edit.text().strip()
        if not text:
            self.path_row.show_error(f"Choose the {self.noun} file first.")
            return None
        self.path_row.show_error(None)
        try:
            return self.run_import(Path(text), dry_run)
        except ServiceError as error:
            self.path_row.show_error(say(error))
            return None

    def _on_check_button_clicked(self) -> None:
        result = self._run(dry_run=True)
        if result is None:
            self.report.setPlainText("")
            return
        if result.errors:
            lines = [f"Line {e.line}: {describe(e.problem)}" for e in result.errors]
            lines += ["", f"Nothing will be imported until these {self.rows_word} are put right. Correct the file, "
                          "then check it again."]
            anything = False
        else:
            lines, anything = self.ready_lines(result)
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(not result.errors and anything)

    def _on_import_button_clicked(self) -> None:
        result = self._run(dry_run=False)
        if result is None or result.errors:
            self._on_check_button_clicked()
            return
        self.result = result
        self.accept()
