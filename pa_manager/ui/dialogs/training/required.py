"""The courses one PA needs for the support they give.

The dialog hands back the courses ticked; the page puts the change on the undo stack.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QVBoxLayout, QWidget

from pa_manager.services.training import CourseRecord
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.ui.dialogs.training.common import intro, save_buttons


class RequiredCoursesDialog(QDialog):
    """Tick the courses one PA needs; `chosen` holds the course ids ticked (beyond those every PA needs)."""

    def __init__(self, pa_name: str, courses: list[CourseRecord], required_ids: set[int], parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(f"Courses {pa_name} needs")
        self.chosen: set[int] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(intro(f"Tick the courses {pa_name} needs for the support they give. Courses every PA "
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
        buttons = save_buttons(self, "&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)
        self.setMinimumSize(460, 480)

    def _on_buttons_accepted(self) -> None:
        self.chosen = {course_id for course_id, box in self.boxes.items() if box.isChecked()}
        self.accept()
