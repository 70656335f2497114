"""The course list: add, rename, change how often a course is refreshed, or remove one.

Changes are stored and put on the undo stack at once (training/edits.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout,
)

from pa_manager.domain.validation import Problem
from pa_manager.messages import describe
from pa_manager.services import training
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.training import CourseRecord
from pa_manager.ui.context import AppContext
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.dialogs.training.common import intro
from pa_manager.ui.dialogs.training.edits import remove_course_edit, save_course_edit


def course_line(course: CourseRecord) -> str:
    months = course.course.refresh_months
    often = "never needs refreshing" if months is None else f"refresh every {months} month{'s' if months != 1 else ''}"
    return f"{course.name}: {often}" + ("; every PA needs it" if course.required_for_everyone else "")


def own_course(course: CourseRecord) -> bool:
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
        layout.addWidget(intro(
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
        self.remove_note = intro("You can remove a course you added, as long as no training is recorded for it.")
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
        self.name_edit.setReadOnly(course is not None and not own_course(course))
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
        name = self.name_edit.text() if before is None or own_course(before) else ""
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
        if not own_course(course):
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
