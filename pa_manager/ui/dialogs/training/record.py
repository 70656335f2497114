"""Record training: a course a PA has finished, with its certificate.

The dialog hands back what was stored and the change saving it made; the page puts that change on the
undo stack.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QFormLayout, QLineEdit, QPushButton, QVBoxLayout

from pa_manager.domain import training as rules
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, say
from pa_manager.services import training
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.training import CourseRecord, StoredRecord
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError
from pa_manager.ui.dialogs.training.common import CERTIFICATE_FILTER, FUNDING_NAMES, intro, left_aligned, save_buttons


class RecordTrainingDialog(QDialog):
    """A course a PA has finished. Saves through services.training; `saved` is the stored record."""

    def __init__(self, db, employer_id: int, pas: list[tuple[int, str]], courses: list[CourseRecord], today: date,
                 pa_id: int | None = None, course_id: int | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("Record training")
        self.db, self.employer_id, self.today = db, employer_id, today
        self.saved: StoredRecord | None = None
        self.change = None  # what saving did (services.undo.Change)
        layout = QVBoxLayout(self)
        layout.addWidget(intro("Record a course a PA has finished. When they do a refresher, record it here too: "
                                "the latest date counts."))
        form = QFormLayout()
        self.pa_box = QComboBox()
        for key, name in pas:
            self.pa_box.addItem(name, key)
        self.course_box = QComboBox()
        for course in courses:
            self.course_box.addItem(course.name, course.id)
        self.date_edit = DateEdit()
        self.date_edit.set_value(today)
        self.provider_edit = QLineEdit()
        self.cost_edit = DecimalEdit(money=True)
        self.paid_box = QComboBox()
        self.paid_box.addItem("Not recorded", "")
        for key in rules.FUNDING_SOURCES:
            self.paid_box.addItem(FUNDING_NAMES[key], key)
        self.certificate_edit = QLineEdit()
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setAccessibleName("Browse for the certificate file")
        self.rows: dict[str, FieldRow] = {
            "pa": add_row(form, "&PA:", self.pa_box),
            "course": add_row(form, "&Course:", self.course_box),
            "completed_on": add_row(form, "&Date completed:", self.date_edit, DATE_HINT),
            "provider": add_row(form, "P&rovider (optional):", self.provider_edit, "Who ran the course"),
            "cost": add_row(form, "C&ost in £ (optional):", self.cost_edit),
            "funding_source": add_row(form, "&Who paid:", self.paid_box,
                                      "Skills for Care's Individual Employer Funding can pay for training "
                                      "for PAs employed with a direct payment."),
            "certificate": add_row(form, "Cer&tificate file (optional):", self.certificate_edit,
                                   "A PDF, scan or photo. PA Manager keeps a copy in your data file."),
        }
        form.addRow("", left_aligned(self.browse_button))
        layout.addLayout(form)
        layout.addSpacing(8)
        buttons = save_buttons(self, "&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self._choose(self.pa_box, pa_id)
        self._choose(self.course_box, course_id)
        self.setMinimumWidth(560)

    @staticmethod
    def _choose(box: QComboBox, value) -> None:
        if value is not None and box.findData(value) >= 0:
            box.setCurrentIndex(box.findData(value))

    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the certificate", "", CERTIFICATE_FILTER)
        if path:
            self.certificate_edit.setText(path)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, message in problems.items():
            self.rows.get(key, self.rows["completed_on"]).show_error(message)
        first = next(iter(problems), None)
        if first is not None:
            self.rows.get(first, self.rows["completed_on"]).field.setFocus()

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        problems, completed_on, cost = {}, None, None
        try:
            completed_on = self.date_edit.value()
        except InputError as error:
            problems["completed_on"] = say(error)
        else:
            if completed_on is None:
                problems["completed_on"] = "Enter the date the course was completed."
            elif completed_on > self.today:  # the service says so too; here it shows with any other problem
                problems["completed_on"] = describe(Problem.of("TRAINING_DATE_IN_FUTURE", completed_on))
        try:
            cost = self.cost_edit.value()
        except InputError as error:
            problems["cost"] = say(error)
        if self.pa_box.currentIndex() < 0:
            problems["pa"] = "Add your PAs on the People page first."
        if self.course_box.currentIndex() < 0:
            problems["course"] = "Add a course with Courses… first."
        if problems:
            self.show_problems(problems)
            return
        certificate = self.certificate_edit.text().strip()
        try:
            done = training.save_record(
                self.db, self.employer_id, self.pa_box.currentData(), self.course_box.currentData(), completed_on,
                provider=self.provider_edit.text(), cost=cost, funding_source=self.paid_box.currentData(),
                certificate=Path(certificate) if certificate else None, today=self.today)
            self.saved, self.change = done.value, done.change
        except ValidationFailed as failure:
            self.show_problems({key: describe(problem) for key, problem in failure.problems.items()})
            return
        self.accept()
