"""The Care Certificate: which of its standards a PA has met, and when.

The dialog hands back the dates; the page puts the change on the undo stack.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from pa_manager.domain import training as rules
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DateEdit, InputError
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.dialogs.training.common import intro, save_buttons


class CareCertificateDialog(QDialog):
    """The 16 standards, each with the date it was completed; `progress` is what was entered."""

    def __init__(self, pa_name: str, progress: dict[int, date], today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(f"Care Certificate for {pa_name}")
        self.today = today
        self.progress: dict[int, date] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro(
            "The Care Certificate is a set of 16 standards that new care workers usually complete. It is optional "
            f"for PAs you employ yourself, but it is a good way to plan {pa_name}'s learning. Enter the date they "
            "completed each standard (for example 3/4/2026), and leave the rest blank."))
        body = QWidget()
        form = QFormLayout(body)
        self.rows: dict[int, FieldRow] = {}
        for standard in rules.care_certificate_standards():
            edit = DateEdit()
            edit.set_value(progress.get(standard.number))
            self.rows[standard.number] = add_row(form, f"{standard.number}. {standard.title}:", edit)
        layout.addWidget(vertical_scroll(body, "The 16 standards"), stretch=1)
        buttons = save_buttons(self, "&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.setMinimumSize(620, 560)

    def _on_buttons_accepted(self) -> None:
        progress, first = {}, None
        for number, row in self.rows.items():
            row.show_error(None)
            try:
                value = row.field.value()
            except InputError as error:
                row.show_error(str(error))
                first = first or row
                continue
            if value is not None and value > self.today:
                row.show_error(describe(Problem.of("TRAINING_DATE_IN_FUTURE", value)))
                first = first or row
            elif value is not None:
                progress[number] = value
        if first is not None:
            first.field.setFocus()
            return
        self.progress = progress
        self.accept()
