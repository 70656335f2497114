"""Record that a PA is leaving: the last day and why."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLineEdit, QPushButton, QVBoxLayout

from pa_manager.domain.people import PARecord
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph


class LeaverDialog(QDialog):
    """`save_p45` (given once the pay run paying their last day is finalised) writes their P45 to a
    path and returns a sentence saying so, or raises ServiceError with what to do."""

    def __init__(self, pa: PARecord, today: date, parent=None, *, save_p45: Callable[[Path], str] | None = None):
        super().__init__(parent)
        self._save_p45 = save_p45
        self._pa = pa
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
        if save_p45 is None:
            layout.addWidget(paragraph(
                "Their P45 is made from their last pay run: once you have finalised the pay run that pays their last "
                "day, come back here to save it, and give it to them straight away."))
        else:
            layout.addWidget(paragraph(
                "Their last pay run is finalised. Save their P45 and give Parts 1A, 2 and 3 to them straight away."))
            self.p45_button = QPushButton("Save their &P45…")
            self.p45_button.clicked.connect(self._on_p45_button_clicked)
            layout.addWidget(self.p45_button)
        self.p45_result = paragraph("")
        self.p45_result.setVisible(False)
        layout.addWidget(self.p45_result)
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

    def choose_p45_path(self) -> str:
        name = f"P45 {self._pa.name}.pdf"
        return QFileDialog.getSaveFileName(self, "Save the P45", str(Path.home() / name), "PDF (*.pdf)")[0]

    def _on_p45_button_clicked(self) -> None:
        from pa_manager.services.errors import ServiceError

        path = self.choose_p45_path()
        if not path:
            return
        try:
            said = self._save_p45(Path(path))
        except (ServiceError, OSError) as error:
            said = str(error)
        self.p45_result.setText(said)
        self.p45_result.setVisible(True)
