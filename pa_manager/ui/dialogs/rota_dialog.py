"""The rota: the shifts that repeat, which the timesheet shows as "Planned" until they are worked.

`RotaDialog` lists the patterns with Add, Change and Remove; `PatternDialog` is the form for one.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from pa_manager.domain.people import PARecord
from pa_manager.domain.rota import RotaPattern
from pa_manager.messages import describe, format_date, say
from pa_manager.services import people, rota
from pa_manager.services.errors import ValidationFailed
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.models.spoken import speak_table_widget
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.shift_dialog import (
    END_HINT, TIME_HINT, chosen_type, confirm, fit_height, read_break, read_time, shift_type_box, show_type, time_edits,
)
from pa_manager.ui.models.week_table import SHIFT_TYPE_NAMES, WEEKDAY_NAMES
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import weekdays_words

INTRO = (
    "Your rota is the shifts that repeat, like Mon–Fri 08:00–12:00, or every other weekend a sleep-in "
    "Sat 22:00 – Sun 08:00. The timesheet shows them as planned until you mark them as worked."
)
INTERVALS = {1: "Every week", 2: "Every other week", 3: "Every 3 weeks", 4: "Every 4 weeks"}
# Words for the pattern refusals, until messages.py has sentences for these codes.
describe_days = weekdays_words  # 'Mon–Fri', 'Sat and Sun', 'Tue, Thu and Sat'


def interval_words(weeks: int) -> str:
    return INTERVALS.get(weeks, f"Every {weeks} weeks")


class PatternDialog(QDialog):
    """The form for one rota pattern; after OK, `pattern` holds it."""

    def __init__(self, pas: list[PARecord], today: date, pattern: RotaPattern | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.pattern: RotaPattern | None = None
        self.setWindowTitle("Change a rota pattern" if pattern else "Add a rota pattern")
        layout = QVBoxLayout(self)
        intro = paragraph("For example Mon–Fri 08:00–12:00; or every other weekend, sleep-in Sat 22:00 – Sun 08:00 "
                       "(tick Sat, times 22:00 and 08:00, type Sleep-in, repeats every other week).")
        layout.addWidget(intro)
        form = QFormLayout()
        self.rows: dict[str, FieldRow] = {}
        self.pa_box = QComboBox()
        for pa in pas:
            if pa.leaving_date is None or pa.leaving_date >= today:
                self.pa_box.addItem(pa.name, pa.id)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Morning visits")
        days = QWidget()
        day_row = QHBoxLayout(days)
        day_row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes = []
        for name in WEEKDAY_NAMES:
            box = QCheckBox(name[:3])
            box.setAccessibleName(name)
            day_row.addWidget(box)
            self.day_boxes.append(box)
        day_row.addStretch()
        self.start_edit, self.end_edit, self.break_edit = time_edits()
        self.type_box = shift_type_box()
        self.interval_box = QComboBox()
        for weeks, words in INTERVALS.items():
            self.interval_box.addItem(words, weeks)
        self.starts_edit = DateEdit()
        self.until_edit = DateEdit()
        self.rows["pa"] = add_row(form, "&PA:", self.pa_box)
        self.rows["name"] = add_row(form, "Na&me:", self.name_edit, "A few words to tell patterns apart, like Morning visits")
        self.rows["weekdays"] = add_row(form, "&Days:", days)
        self.rows["weekdays"].label.setBuddy(self.day_boxes[0])  # Alt+D goes to Monday's box
        self.rows["start"] = add_row(form, "&Start time:", self.start_edit, TIME_HINT)
        self.rows["end"] = add_row(form, "&End time:", self.end_edit, END_HINT)
        self.rows["break_minutes"] = add_row(form, "Unpaid &break (minutes):", self.break_edit, "Leave blank for no break")
        self.rows["shift_type"] = add_row(form, "&Type:", self.type_box)
        self.rows["interval"] = add_row(
            form, "&Repeats:", self.interval_box, "Every other week counts from the week the pattern starts")
        self.rows["starts_on"] = add_row(form, "Starts &on:", self.starts_edit, DATE_HINT)
        self.rows["until"] = add_row(form, "&Until (optional):", self.until_edit, "Leave blank if it carries on")
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Sa&ve pattern", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_clicked)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once in the dialog, or Enter presses the first button instead
        self._show(pattern, today)

    def _show(self, pattern: RotaPattern | None, today: date) -> None:
        if pattern is None:
            self.starts_edit.set_value(today)
            return
        if self.pa_box.findData(pattern.pa) < 0:  # a pattern of a PA who has left can still be changed
            self.pa_box.addItem("A PA who has left", pattern.pa)
        self.pa_box.setCurrentIndex(self.pa_box.findData(pattern.pa))
        self.name_edit.setText(pattern.name)
        for day, box in enumerate(self.day_boxes):
            box.setChecked(day in pattern.weekdays)
        self.start_edit.setText(f"{pattern.start:%H:%M}")
        self.end_edit.setText(f"{pattern.end:%H:%M}")
        self.break_edit.setText(str(pattern.break_minutes) if pattern.break_minutes else "")
        show_type(self.type_box, pattern.shift_type)
        if self.interval_box.findData(pattern.interval) < 0:
            self.interval_box.addItem(interval_words(pattern.interval), pattern.interval)
        self.interval_box.setCurrentIndex(self.interval_box.findData(pattern.interval))
        self.starts_edit.set_value(pattern.starts_on)
        self.until_edit.set_value(pattern.until)

    def _on_save_clicked(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        values, failed = {}, []

        def read(field, reader):
            try:
                values[field] = reader()
            except InputError as error:
                self.rows[field].show_error(say(error))
                failed.append(field)

        def starts_on():
            value = self.starts_edit.value()
            if value is None:
                raise InputError("Enter the date the pattern starts, like 7/12/2026.")
            return value

        read("start", lambda: read_time(self.start_edit.text(), "start time"))
        read("end", lambda: read_time(self.end_edit.text(), "end time"))
        read("break_minutes", lambda: read_break(self.break_edit.text()))
        read("starts_on", starts_on)
        read("until", self.until_edit.value)
        if self.pa_box.currentData() is None:
            self.rows["pa"].show_error("Add a PA on the People page first.")
            failed.append("pa")
        if failed:
            self.rows[failed[0]].field.setFocus()
            fit_height(self)
            return
        try:
            self.pattern = rota.make_pattern(
                name=self.name_edit.text().strip() or "Rota shift", pa=self.pa_box.currentData(), **values,
                weekdays=frozenset(d for d, box in enumerate(self.day_boxes) if box.isChecked()),
                shift_type=chosen_type(self.type_box), interval=self.interval_box.currentData(),
            )
        except ValidationFailed as failure:
            for field, problem in failure.problems.items():
                self.rows.get(field, self.rows["end"]).show_error(describe(problem))
            first = next(iter(failure.problems))
            target = self.rows.get(first, self.rows["end"])
            (self.day_boxes[0] if first == "weekdays" else target.field).setFocus()
            fit_height(self)
            return
        self.accept()


class RotaDialog(QDialog):
    """Lists the rota patterns; every change is saved at once and can be undone."""

    HEADERS = ("PA", "Name", "Days", "Times", "Type", "Repeats", "From", "Until")

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.setWindowTitle("Rota")
        layout = QVBoxLayout(self)
        intro = paragraph(INTRO)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setAccessibleName("Rota patterns")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add pattern…")
        self.change_button = QPushButton("C&hange pattern…")
        self.remove_button = QPushButton("&Remove pattern")
        for button in (self.add_button, self.change_button, self.remove_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.message = paragraph()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton("&Close", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.change_button.clicked.connect(self._on_change_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.table.doubleClicked.connect(self._on_change_clicked)
        self._pas = people.list_pas(context.db, context.employer_id)
        self._names = {pa.id: pa.name for pa in self._pas}
        self._records: list[rota.PatternRecord] = []
        self.refresh()
        self.resize(880, 460)

    def refresh(self, select_id: int | None = None) -> None:
        self._records = rota.list_patterns(self.context.db, self.context.employer_id)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            p = record.pattern
            overnight = " (next day)" if p.end < p.start else ""
            cells = (self._names.get(p.pa, "A PA who has left"), p.name, describe_days(p.weekdays),
                     f"{p.start:%H:%M}–{p.end:%H:%M}{overnight}", SHIFT_TYPE_NAMES[p.shift_type],
                     interval_words(p.interval), format_date(p.starts_on), format_date(p.until) if p.until else "No end")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.table.setItem(row, column, item)
        speak_table_widget(self.table, (0, 1))  # each pattern headed by its PA and its name
        self.table.setSortingEnabled(True)
        has_rows = bool(self._records)
        self.change_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)
        target = next((r for r in range(self.table.rowCount())
                       if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == select_id), 0)
        if has_rows:
            self.table.selectRow(target)

    def selected(self) -> rota.PatternRecord | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        pattern_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._records if r.id == pattern_id), None)

    def _edit(self, pattern: RotaPattern | None) -> RotaPattern | None:
        dialog = PatternDialog(self._pas, self.context.today(), pattern, self)
        return dialog.pattern if dialog.exec() else None

    def _describe(self, pattern: RotaPattern) -> str:
        return f"{self._names.get(pattern.pa, 'a PA')}'s {pattern.name} ({describe_days(pattern.weekdays)})"

    def _on_add_clicked(self) -> None:
        pattern = self._edit(None)
        if pattern is None:
            return
        done = rota.save_pattern(self.context.db, self.context.employer_id, pattern)
        self.context.push(done.change)
        self.refresh(done.value.id)

    def _on_change_clicked(self) -> None:
        record = self.selected()
        if record is None:
            return
        pattern = self._edit(record.pattern)
        if pattern is None:
            return
        self.context.push(rota.save_pattern(self.context.db, self.context.employer_id, pattern, record.id).change)
        self.refresh(record.id)

    def _confirm(self, title: str, text: str, action: str) -> bool:
        return confirm(self, title, text, action)

    def _on_remove_clicked(self) -> None:
        record = self.selected()
        if record is None:
            return
        what = self._describe(record.pattern)
        if not self._confirm("Remove this rota pattern?", f"Remove {what} from the rota? Its shifts will no longer "
                             "show as planned. Shifts already worked stay as they are. You can undo this.", "Remove pattern"):
            return
        change = rota.delete_pattern(self.context.db, record.id)
        if change is not None:
            self.context.push(change)
        self.message.setText(f"Removed {what}. You can undo this from the Edit menu.")
        self.refresh()
