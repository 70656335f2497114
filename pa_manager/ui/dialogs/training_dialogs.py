"""The Training area's forms: record a course, the course list, the courses one PA needs, supervision
and appraisal, and the Care Certificate.

The record, required-courses and Care Certificate dialogs hand back what was entered and the page
puts the change on the undo stack. The courses and meetings dialogs are lists you change in place:
each change is stored and put on the undo stack at once, through the edits at the end of this module.
Each service gives back the change it made, rows and certificates included, so undo puts back exactly
what was there.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain import training as rules
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date
from pa_manager.services import training
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.training import CourseRecord, StoredRecord
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.wording import MEETING_NAMES

FUNDING_NAMES = {
    "direct_payment": "The direct payment",
    "individual_employer_funding": "Skills for Care Individual Employer Funding",
    "own_money": "Own money",
    "free": "Free",
    "other": "Other",
}
CERTIFICATE_FILTER = "Certificates (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.doc *.docx);;All files (*)"


def _buttons(dialog: QDialog, save_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _left(button: QPushButton) -> QWidget:
    """A button at its own width under a form's fields, rather than stretched across."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch()
    return holder


def _intro(text: str) -> QLabel:
    label = paragraph(text)
    return label


# --- Record training --------------------------------------------------------------------------------


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
        layout.addWidget(_intro("Record a course a PA has finished. When they do a refresher, record it here too: "
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
        form.addRow("", _left(self.browse_button))
        layout.addLayout(form)
        layout.addSpacing(8)
        buttons = _buttons(self, "&Save")
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
            problems["completed_on"] = str(error)
        else:
            if completed_on is None:
                problems["completed_on"] = "Enter the date the course was completed."
            elif completed_on > self.today:  # the service says so too; here it shows with any other problem
                problems["completed_on"] = describe(Problem.of("TRAINING_DATE_IN_FUTURE", completed_on))
        try:
            cost = self.cost_edit.value()
        except InputError as error:
            problems["cost"] = str(error)
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


# --- The course list --------------------------------------------------------------------------------


def course_line(course: CourseRecord) -> str:
    months = course.course.refresh_months
    often = "never needs refreshing" if months is None else f"refresh every {months} month{'s' if months != 1 else ''}"
    return f"{course.name}: {often}" + ("; every PA needs it" if course.required_for_everyone else "")


def _own(course: CourseRecord) -> bool:
    return course.course.key.startswith("own_")


class CoursesDialog(QDialog):
    """The employer's course list, changed in place: add a course, change how often it is refreshed or
    whether every PA needs it, remove one you added."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.setWindowTitle("Courses")
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(
            "These are the courses in your training matrix. How often courses need refreshing is typical practice, "
            "not the law: change it to suit the support your PAs give."))
        self.list = QListWidget()
        self.list.setAccessibleName("Courses")
        self.list.setWordWrap(True)
        list_label = QLabel("&Courses:")
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, stretch=1)
        self.details = QGroupBox()
        form = QFormLayout(self.details)
        self.name_edit = QLineEdit()
        self.months_edit = QLineEdit()
        self.everyone_box = QCheckBox("&Every PA needs this course")
        self.rows = {
            "name": add_row(form, "&Name:", self.name_edit, "You can rename only the courses you added."),
            "refresh_months": add_row(form, "&Refresh every (months):", self.months_edit,
                                      "A number of months, like 12. Leave it blank if the course never needs refreshing."),
        }
        form.addRow("", self.everyone_box)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add a course")
        self.save_button = QPushButton("&Save course")
        self.remove_button = QPushButton("Re&move course…")
        for button in (self.add_button, self.save_button, self.remove_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.remove_note = _intro("You can remove a course you added, as long as no training is recorded for it.")
        layout.addWidget(self.remove_note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._on_list_current_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.setMinimumSize(620, 600)
        self.reload()

    def reload(self, keep_key: str | None = None) -> None:
        self._courses = training.list_courses(self.context.db, self.context.employer_id)
        self.list.blockSignals(True)
        self.list.clear()
        for course in self._courses:
            item = QListWidgetItem(course_line(course))
            item.setData(Qt.ItemDataRole.UserRole, course)
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [c.course.key for c in self._courses]
        self.list.setCurrentRow(keys.index(keep_key) if keep_key in keys else 0)
        self._on_list_current_changed(self.list.currentRow())

    def current(self) -> CourseRecord | None:
        """The chosen course; None while a new one is being added."""
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _on_list_current_changed(self, _row: int) -> None:
        course = self.current()
        for row in self.rows.values():
            row.show_error(None)
        self.details.setTitle(f"Change {course.name}" if course else "A new course of your own")
        self.name_edit.setText(course.name if course else "")
        self.name_edit.setReadOnly(course is not None and not _own(course))
        months = course.course.refresh_months if course else None
        self.months_edit.setText("" if months is None else str(months))
        self.everyone_box.setChecked(bool(course and course.required_for_everyone))

    def _on_add_button_clicked(self) -> None:
        self.list.setCurrentRow(-1)  # no course chosen: the fields are for a new one
        self._on_list_current_changed(-1)
        self.name_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        text = self.months_edit.text().strip()
        if text and not text.isdigit():
            self.rows["refresh_months"].show_error(describe(Problem("REFRESH_MONTHS_INVALID", text)))
            self.months_edit.setFocus()
            return
        before = self.current()
        name = self.name_edit.text() if before is None or _own(before) else ""
        try:
            saved = save_course_edit(self.context, before, name, int(text) if text else None,
                                     self.everyone_box.isChecked())
        except ValidationFailed as failure:
            for key, problem in failure.problems.items():
                self.rows[key].show_error(describe(problem))
            self.rows[next(iter(failure.problems))].field.setFocus()
            return
        self.reload(saved.course.key)
        self.list.setFocus()

    def _on_remove_button_clicked(self) -> None:
        course = self.current()
        if course is None:
            return
        if not _own(course):
            self._tell(f"{course.name} is one of the usual courses, so it stays in the list. If your PAs do not "
                       "need it, untick \"Every PA needs this course\" and the matrix shows it as \"Not required\".")
            return
        if any(r.course_id == course.id for r in training.list_records(self.context.db, self.context.employer_id)):
            self._tell(f"Training is recorded for {course.name}, so it cannot be removed. If no one needs it any "
                       "more, untick \"Every PA needs this course\".")
            return
        if self._confirm(course.name):
            remove_course_edit(self.context, course)
            self.reload()

    def _confirm(self, name: str) -> bool:
        """Ask once, saying what will happen. (Tests replace this.)"""
        box = QMessageBox(QMessageBox.Icon.Question, "Remove this course?",
                          f"Remove {name} from your courses? You can undo this with Edit, then Undo (Ctrl+Z).",
                          parent=self)
        yes = box.addButton("Remove course", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _tell(self, text: str) -> None:
        """Why a course cannot go: in a message box, which a screen reader reads out. (Tests replace this.)"""
        QMessageBox.information(self, "This course stays", text)


# --- Courses one PA needs ---------------------------------------------------------------------------


class RequiredCoursesDialog(QDialog):
    """Tick the courses one PA needs; `chosen` holds the course ids ticked (beyond those every PA needs)."""

    def __init__(self, pa_name: str, courses: list[CourseRecord], required_ids: set[int], parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(f"Courses {pa_name} needs")
        self.chosen: set[int] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(f"Tick the courses {pa_name} needs for the support they give. Courses every PA "
                                "needs are ticked already: change those with Courses…"))
        body = QWidget()
        column = QVBoxLayout(body)
        self.boxes: dict[int, QCheckBox] = {}
        for course in courses:
            box = QCheckBox(course.name + (" (every PA needs this)" if course.required_for_everyone else ""))
            box.setChecked(course.required_for_everyone or course.id in required_ids)
            box.setEnabled(not course.required_for_everyone)
            column.addWidget(box)
            if not course.required_for_everyone:
                self.boxes[course.id] = box
        column.addStretch()
        layout.addWidget(vertical_scroll(body, f"Courses {pa_name} needs"), stretch=1)
        buttons = _buttons(self, "&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.setMinimumSize(460, 480)

    def _on_buttons_accepted(self) -> None:
        self.chosen = {course_id for course_id, box in self.boxes.items() if box.isChecked()}
        self.accept()


# --- Supervision and appraisal ----------------------------------------------------------------------


class MeetingsDialog(QDialog):
    """One PA's supervision and appraisal meetings: add one, see past ones, remove one added by mistake."""

    def __init__(self, context: AppContext, pa_id: int, pa_name: str, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context, self.pa_id, self.pa_name = context, pa_id, pa_name
        self.setWindowTitle(f"Supervision and appraisal for {pa_name}")
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(
            "Supervision is a regular one-to-one talk with your PA about their work and how they are; an appraisal "
            "is a yearly review. Every 3 months for supervision and once a year for an appraisal is typical "
            "practice, not the law."))
        form = QFormLayout()
        self.kind_box = QComboBox()
        for kind, name in MEETING_NAMES.items():
            self.kind_box.addItem(name, kind)
        self.date_edit = DateEdit()
        self.date_edit.set_value(context.today())
        add_row(form, "&Kind of meeting:", self.kind_box)
        self.date_row = add_row(form, "&Date held:", self.date_edit, DATE_HINT)
        self.add_button = QPushButton("&Add meeting")
        form.addRow("", _left(self.add_button))
        layout.addLayout(form)
        self.list = QListWidget()
        self.list.setAccessibleName("Past meetings")
        list_label = QLabel("&Past meetings:")
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, stretch=1)
        self.remove_button = QPushButton("&Remove meeting…")
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch()
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.setMinimumSize(520, 480)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        mine = [(i, m) for i, m in training.list_meetings(self.context.db, self.context.employer_id)
                if m.pa_key == self.pa_id]
        for meeting_id, meeting in reversed(mine):  # newest first
            item = QListWidgetItem(f"{MEETING_NAMES[meeting.kind]} on {format_date(meeting.held_on)}")
            item.setData(Qt.ItemDataRole.UserRole, (meeting_id, meeting))
            self.list.addItem(item)
        if not mine:
            self.list.addItem(QListWidgetItem("None recorded yet."))
        self.list.setCurrentRow(0)
        self.remove_button.setEnabled(bool(mine))

    def _on_add_button_clicked(self) -> None:
        self.date_row.show_error(None)
        try:
            held_on = self.date_edit.value()
        except InputError as error:
            held_on, message = None, str(error)
        else:
            message = "Enter the date of the meeting." if held_on is None else None
        if held_on is not None and held_on > self.context.today():
            message = f"Enter the date the meeting was held – {format_date(held_on)} is in the future."
        if message:
            self.date_row.show_error(message)
            self.date_edit.setFocus()
            return
        add_meeting_edit(self.context, self.pa_id, self.kind_box.currentData(), held_on)
        self.reload()

    def _on_remove_button_clicked(self) -> None:
        item = self.list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        if chosen is not None:
            remove_meeting_edit(self.context, chosen[0])
            self.reload()
            self.list.setFocus()


# --- The Care Certificate ---------------------------------------------------------------------------


class CareCertificateDialog(QDialog):
    """The 16 standards, each with the date it was completed; `progress` is what was entered."""

    def __init__(self, pa_name: str, progress: dict[int, date], today: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(f"Care Certificate for {pa_name}")
        self.today = today
        self.progress: dict[int, date] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(
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
        buttons = _buttons(self, "&Save")
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


# --- Edits that can be undone: each service gives back the change it made, for the undo stack ---------


def remove_record_edit(context: AppContext, stored: StoredRecord) -> None:
    _push(context, training.delete_record(context.db, stored.id))


def save_course_edit(context: AppContext, before: CourseRecord | None, name: str, months: int | None,
                     everyone: bool) -> CourseRecord:
    """Add a course (before None) or change one; raises ValidationFailed before anything is stored."""
    done = training.save_course(context.db, context.employer_id, name, months, required_for_everyone=everyone,
                                course_id=before.id if before is not None else None)
    context.push(done.change)
    return done.value


def remove_course_edit(context: AppContext, course: CourseRecord) -> None:
    """Remove a course you added (with no records); undo adds it back, ticked again for its PAs."""
    _push(context, training.delete_course(context.db, course.id))


def set_required_edit(context: AppContext, pa_id: int, chosen: set[int]) -> None:
    context.push(training.set_required(context.db, context.employer_id, pa_id, chosen))


def add_meeting_edit(context: AppContext, pa_id: int, kind: str, held_on: date) -> None:
    context.push(training.add_meeting(context.db, context.employer_id, pa_id, kind, held_on).change)


def remove_meeting_edit(context: AppContext, meeting_id: int) -> None:
    _push(context, training.delete_meeting(context.db, meeting_id))


def care_certificate_edit(context: AppContext, pa_id: int, before: dict[int, date], after: dict[int, date]) -> None:
    numbers = [s.number for s in rules.care_certificate_standards()]
    changed = {n: after.get(n) for n in numbers if after.get(n) != before.get(n)}
    context.push(training.set_care_certificate(context.db, context.employer_id, pa_id, changed))


def _push(context: AppContext, change) -> None:
    """Put a change on the undo stack; None (it had gone already) only refreshes the pages."""
    if change is None:
        context.announce_change()
    else:
        context.push(change)
