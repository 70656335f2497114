"""Record that a PA is leaving: the last day and why."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from pa_manager.domain.people import PARecord
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph


class LeaverDialog(QDialog):
    def __init__(self, pa: PARecord, today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(f"Record {pa.name} as leaving")
        self.leaving_date: date | None = None
        self.reason = ""
        layout = QVBoxLayout(self)
        intro = paragraph(
            f"Enter {pa.name}'s last working day. Their records stay in PA Manager, "
            "and their final pay and any holiday owed are worked out in their last pay run."
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.set_value(pa.leaving_date or today)
        self.reason_edit = QLineEdit(pa.leaving_reason)
        self.date_row = add_row(form, "&Last working day:", self.date_edit, DATE_HINT)
        add_row(form, "Rea&son (optional):", self.reason_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Record leaver")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        try:
            value = self.date_edit.value()
        except InputError as error:
            self.date_row.show_error(str(error))
            return
        if value is None:
            self.date_row.show_error("Enter their last working day.")
            return
        self.leaving_date, self.reason = value, self.reason_edit.text().strip()
        self.accept()
