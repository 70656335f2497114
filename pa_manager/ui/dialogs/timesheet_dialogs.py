"""Timesheets in and out: import a CSV or XLSX file (checked first, all rows or none), and export
the shifts between two dates."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from pa_manager.messages import format_date, say
from pa_manager.services.errors import ServiceError
from pa_manager.services.timesheets import export_timesheet, import_timesheet
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.file_import import FileImportDialog
from pa_manager.ui.dialogs.shift_dialog import confirm, fit_height
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph

COLUMNS_HELP = (
    "The first row must name the columns: pa, date, start, end and type, and if you have them "
    "break_minutes and notes. The pa column holds the PA's name as it is in PA Manager. "
    "Dates like 3/4/2026 or 2026-04-03; times on the 24-hour clock, like 08:00 or 22:30 (an end "
    "earlier than the start means the next day). Types: standard, waking_night, sleep_in, travel, "
    "training, shadowing, holiday or sickness."
)
FORMATS = {".csv": "CSV (opens in any spreadsheet)", ".xlsx": "XLSX (Excel workbook)"}


def _shifts(count: int) -> str:
    return f"{count} shift" + ("" if count == 1 else "s")


def _file_chooser(edit: QLineEdit, button_text: str, button_name: str) -> tuple[QWidget, QPushButton]:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    button = QPushButton(button_text)
    button.setAccessibleName(button_name)
    row.addWidget(edit)
    row.addWidget(button)
    return holder, button


class TimesheetImportDialog(FileImportDialog):
    """After a successful import, `result` holds what was added (the caller records the undo)."""

    noun = "timesheet"
    file_filter = "Timesheets (*.csv *.xlsx)"

    def __init__(self, context: AppContext, parent=None):
        self.context = context
        super().__init__("Import a timesheet", (
            "Add shifts from a spreadsheet saved as CSV or XLSX. Shifts that are already here are left "
            "as they are, so importing the same file twice adds nothing.", COLUMNS_HELP), parent)

    def run_import(self, path: Path, dry_run: bool):
        return import_timesheet(self.context.db, self.context.employer_id, path, dry_run=dry_run)

    def ready_lines(self, result) -> tuple[list[str], bool]:
        if not result.added:
            return ["There is nothing new to add: every shift in the file is already here."], False
        lines = [f"Ready to add {_shifts(result.added)}."]
        if result.already_there:
            lines.append(f"{_shifts(result.already_there)} already here, so left as they are.")
        return lines, True


class TimesheetExportDialog(QDialog):
    """Writes the shifts between two dates to a CSV or XLSX file; `written` says how many."""

    def __init__(self, context: AppContext, first: date, last: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.written: int | None = None
        self.path: Path | None = None
        self._overwrite_agreed = False  # the system's file chooser has already asked about replacing
        self.setWindowTitle("Export a timesheet")
        layout = QVBoxLayout(self)
        intro = paragraph("Save the shifts between two dates as a spreadsheet, for example for your council or a "
                       "payroll service. It has the columns a timesheet import reads, so you can correct it and "
                       "import it again.")
        layout.addWidget(intro)
        form = QFormLayout()
        self.rows: dict[str, FieldRow] = {}
        self.from_edit = DateEdit()
        self.to_edit = DateEdit()
        self.from_edit.set_value(first)
        self.to_edit.set_value(last)
        self.format_box = QComboBox()
        for suffix, words in FORMATS.items():
            self.format_box.addItem(words, suffix)
        self.path_edit = QLineEdit(str(Path.home() / f"Timesheet {first.isoformat()} to {last.isoformat()}.csv"))
        chooser, self.browse_button = _file_chooser(self.path_edit, "&Browse…", "Browse for where to save the timesheet")
        self.rows["first"] = add_row(form, "&From:", self.from_edit, DATE_HINT)
        self.rows["last"] = add_row(form, "&To:", self.to_edit, "The last day to include")
        self.rows["format"] = add_row(form, "F&ormat:", self.format_box)
        self.rows["path"] = add_row(form, "&Save as:", chooser)
        self.path_edit.setAccessibleName("Save as")
        layout.addLayout(form)
        layout.addStretch()
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.export_button.setDefault(True)  # once in the dialog, or Enter presses the first button instead
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.resize(620, self.sizeHint().height())

    def _on_path_edited(self) -> None:
        self._overwrite_agreed = False

    def _on_format_changed(self) -> None:
        # The file name follows the format chosen, so the two cannot disagree.
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(self.format_box.currentData())))

    def _on_browse_button_clicked(self) -> None:
        suffix = self.format_box.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Save the timesheet as", self.path_edit.text(),
                                              f"{self.format_box.currentText()} (*{suffix})")
        if path:
            self.path_edit.setText(str(Path(path).with_suffix(suffix)))
            self._overwrite_agreed = True

    def _confirm(self, title: str, text: str, action: str) -> bool:
        return confirm(self, title, text, action)

    def _read_dates(self) -> tuple[date, date] | None:
        for row in self.rows.values():
            row.show_error(None)
        values = []
        for key, edit in (("first", self.from_edit), ("last", self.to_edit)):
            try:
                value = edit.value()
            except InputError as error:
                self.rows[key].show_error(say(error))
                return None
            if value is None:
                self.rows[key].show_error("Enter a date, like 16/11/2026.")
                return None
            values.append(value)
        if values[1] < values[0]:
            self.rows["last"].show_error(f"Enter a date on or after {format_date(values[0])}.")
            return None
        return values[0], values[1]

    def _on_export_clicked(self) -> None:
        self._export()
        fit_height(self)  # room for any message that appeared

    def _export(self) -> None:
        dates = self._read_dates()
        if dates is None:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.rows["path"].show_error("Enter a file name, or choose one with Browse.")
            return
        path = Path(text).with_suffix(self.format_box.currentData())
        if path.exists() and not self._overwrite_agreed and not self._confirm(
                "Replace the file?", f"There is already a file called {path.name} in that folder. Replace it?", "Replace it"):
            return
        try:
            self.written = export_timesheet(self.context.db, self.context.employer_id, path, *dates)
        except (ServiceError, OSError) as error:
            self.rows["path"].show_error(say(error) if isinstance(error, ServiceError) else
                                         f"The file could not be saved there ({error.strerror}). Choose another folder.")
            return
        self.path = path
        self.context.status_message.emit(
            f"Saved {_shifts(self.written)} from {format_date(dates[0])} to {format_date(dates[1])} in {path}.")
        self.accept()
