"""Supervision and appraisal meetings with one PA, added and removed in place.

Changes are stored and put on the undo stack at once (training/edits.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout,
)

from pa_manager.messages import format_date
from pa_manager.services import training
from pa_manager.ui.context import AppContext
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.dialogs.training.common import intro, left_aligned
from pa_manager.ui.dialogs.training.edits import add_meeting_edit, remove_meeting_edit
from pa_manager.wording import MEETING_NAMES


class MeetingsDialog(QDialog):
    """One PA's supervision and appraisal meetings: add one, see past ones, remove one added by mistake."""

    def __init__(self, context: AppContext, pa_id: int, pa_name: str, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context, self.pa_id, self.pa_name = context, pa_id, pa_name
        self.setWindowTitle(f"Supervision and appraisal for {pa_name}")
        layout = QVBoxLayout(self)
        layout.addWidget(intro(
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
        form.addRow("", left_aligned(self.add_button))
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
