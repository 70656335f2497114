"""Import a staff list: choose the file, see what would happen, then import (all rows or none)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.services.errors import ServiceError
from pa_manager.services.staff_import import StaffImportResult, import_staff
from pa_manager.ui.context import AppContext
from pa_manager.ui.widgets.form import add_row

COLUMNS_HELP = (
    "The first row must name the columns: name, date_of_birth, ni_number, and if you have them "
    "start_date, hourly_rate, tax_code and ni_category. Dates like 3/4/2026 or 2026-04-03."
)


class StaffImportDialog(QDialog):
    """After a successful import, `result` holds what was added."""

    def __init__(self, context: AppContext, employer_name: str, parent=None):
        super().__init__(parent)
        self.context = context
        self.employer_name = employer_name
        self.result: StaffImportResult | None = None
        self.setWindowTitle(f"Import a staff list for {employer_name}")
        layout = QVBoxLayout(self)
        intro = QLabel(f"Add PAs to {employer_name} from a spreadsheet saved as CSV or XLSX. {COLUMNS_HELP}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        chooser = QWidget()
        row = QHBoxLayout(chooser)
        row.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName("Browse for the staff list file")
        row.addWidget(self.path_edit)
        row.addWidget(self.browse_button)
        self.path_row = add_row(form, "Staff list &file:", chooser)
        self.path_edit.setAccessibleName("Staff list file")
        layout.addLayout(form)
        self.check_button = QPushButton("&Check the file")
        layout.addWidget(self.check_button)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("What the check found")
        layout.addWidget(self.report)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.path_edit.textChanged.connect(lambda: self.import_button.setEnabled(False))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 480)

    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a staff list", "", "Staff lists (*.csv *.xlsx)")
        if path:
            self.path_edit.setText(path)
            self._on_check_button_clicked()

    def _run(self, dry_run: bool) -> StaffImportResult | None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self.path_row.show_error("Choose the staff list file first.")
            return None
        self.path_row.show_error(None)
        try:
            return import_staff(self.context.db, path, self.employer_name, self.context.today(), dry_run=dry_run)
        except ServiceError as error:
            self.path_row.show_error(str(error))
            return None

    def _on_check_button_clicked(self) -> None:
        result = self._run(dry_run=True)
        if result is None:
            self.report.setPlainText("")
            return
        if result.errors:
            lines = [f"Line {e.line}: {e.message}" for e in result.errors]
            lines.append("")
            lines.append("Nothing will be imported until these rows are put right. Correct the file, then check it again.")
        else:
            lines = [f"Ready to add {len(result.added)} PAs: " + (", ".join(result.added) or "none") + "."]
            if result.already_there:
                lines.append("Already here, so left as they are: " + ", ".join(result.already_there) + ".")
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(not result.errors and bool(result.added))

    def _on_buttons_accepted(self) -> None:
        result = self._run(dry_run=False)
        if result is None or result.errors:
            self._on_check_button_clicked()
            return
        self.result = result
        self.accept()
