"""Add or change one PA's shifts on one day; see, change or remove the shifts already there, and
cancel, cover or confirm the ones the rota plans.

Every change is made by a service straight away and the change it made put on the undo stack, so the
dialog can stay open while you tidy up a day; saving the form closes it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain.shifts import Shift, ShiftType, length_minutes, local_date, paid_minutes, to_london
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date, say
from pa_manager.domain.rates import RatesError
from pa_manager.services import people, rota, shifts, working_time
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.ui.keyboard import order_tabs, ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.models.week_table import SHIFT_TYPE_NAMES, WEEKDAY_NAMES, spoken_hours, times_of
from pa_manager.ui.widgets.adaptive import AdaptiveRow
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import Status, status_icon
from pa_manager.wording import shift_when, undo_text, working_time_sentence

TIME_HINT = "24-hour clock, like 08:00 or 22:30"
END_HINT = "24-hour clock. An end earlier than the start means the next day, like 22:00 to 08:00 for a night."
AWAKE_HINT = "When they were woken and had to work, like 02:10-02:40, 05:00-05:20. Leave blank if they were not woken."
SHORT_VISIT = (
    "Short visit: under 30 minutes. The Citizens UK care charter asks for visits of at least 30 minutes, "
    "so you can give care without rushing. You can still save it."
)
_TIME = re.compile(r"^([0-9]{1,2})[:.]?([0-9]{2})$")
_PERIOD = re.compile(r"^(.+?)\s*(?:-|–|to)\s*(.+)$")


def read_time(text: str, what: str) -> time:
    """'8:00', '08:00', '0800' or '8.00' as a time; anything else is explained."""
    text = text.strip()
    if not text:
        raise InputError(f"Enter the {what} using the 24-hour clock, like 08:00 or 22:30.")
    match = _TIME.match(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    raise InputError(f"Enter the {what} using the 24-hour clock, like 08:00 or 22:30. '{text}' is not a time.")


def read_break(text: str) -> int:
    """Whole minutes of unpaid break; blank is no break."""
    text = text.strip()
    if text and not text.isdigit():
        raise InputError(f"Enter the break as a whole number of minutes, like 30. '{text}' is not one.")
    return int(text or 0)


def time_edits() -> tuple[QLineEdit, QLineEdit, QLineEdit]:
    """The start, end and unpaid-break fields that a shift and a rota pattern both ask for."""
    start, end, unpaid_break = QLineEdit(), QLineEdit(), QLineEdit()
    start.setPlaceholderText("HH:MM")
    end.setPlaceholderText("HH:MM")
    unpaid_break.setAlignment(Qt.AlignmentFlag.AlignRight)
    unpaid_break.setPlaceholderText("0")
    return start, end, unpaid_break


def read_periods(text: str) -> tuple[tuple[time, time], ...]:
    """'02:10-02:40, 05:00-05:20' as pairs of times."""
    periods = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _PERIOD.match(part)
        if match is None:
            raise InputError(f"Write each time woken as a start and an end, like 02:10-02:40. '{part}' is not one.")
        periods.append((read_time(match[1], "time they were woken"), read_time(match[2], "time they went back to sleep")))
    return tuple(periods)


def shift_type_box() -> QComboBox:
    """The shift types by their plain names. Items hold the code text: Qt hands back a str, not the enum."""
    box = QComboBox()
    for kind, name in SHIFT_TYPE_NAMES.items():
        box.addItem(name, kind.value)
    return box


def chosen_type(box: QComboBox) -> ShiftType:
    return ShiftType(box.currentData())


def show_type(box: QComboBox, kind: ShiftType) -> None:
    box.setCurrentIndex(max(0, box.findData(kind.value)))


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask once before something you may regret; the button says what it will do."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def removal_question(name: str, shift: Shift) -> str:
    return (f"Remove {name}'s shift on {shift_when(shift.start, shift.end)}? "
            "It will no longer count towards their hours or pay. You can undo this.")


def remove_shift(context: AppContext, shift: Shift) -> str | None:
    """Remove a worked shift, undoably; returns what was done, in words (None: it had gone already)."""
    change = shifts.delete_shift(context.db, shift.key)
    if change is None:
        context.announce_change()
        return None
    context.push(change)
    return undo_text(change)


def cancel_question(name: str, shift: Shift) -> str:
    return (f"Cancel {name}'s planned shift on {shift_when(shift.start, shift.end)}? It will no longer show as planned. "
            "The rest of the rota stays as it is. You can undo this.")


def cancel_planned(context: AppContext, shift: Shift) -> str:
    """Cancel one planned shift (the rota itself is unchanged), undoably; returns what was done."""
    change = rota.cancel_planned(context.db, context.employer_id, shift).change
    context.push(change)
    return undo_text(change)


def fit_height(dialog: QDialog) -> None:
    """Grow a dialog to fit messages that just appeared: wrapped text needs more height than the
    layout's minimum size says, so without this a message is squeezed over its neighbours."""
    layout = dialog.layout()
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(dialog.width())
        if needed > dialog.height():
            dialog.resize(dialog.width(), needed)


def full_day(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {format_date(day)}"


class ShiftDialog(QDialog):
    """`saved` holds the shift the form saved, if it did."""

    def __init__(self, context: AppContext, pa_id: int, day: date, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.saved: Shift | None = None
        self._editing: Shift | None = None
        self._pas = {pa.id: pa for pa in people.list_pas(context.db, context.employer_id)}
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        self.title_label = heading(scale=1.25)
        layout.addWidget(self.title_label)

        self.existing_box = QGroupBox("Shifts on this day")
        self.existing_layout = QVBoxLayout(self.existing_box)
        self._existing: QWidget | None = None
        layout.addWidget(self.existing_box)

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.pa_box = QComboBox()
        for pa in self._pas.values():
            left = pa.leaving_date is not None and pa.leaving_date < context.today()
            self.pa_box.addItem(f"{pa.name} (left {format_date(pa.leaving_date)})" if left else pa.name, pa.id)
        self.date_edit = DateEdit()
        self.start_edit, self.end_edit, self.break_edit = time_edits()
        self.type_box = shift_type_box()
        self.awake_edit = QLineEdit()
        self.notes_edit = QLineEdit()
        self.rows["pa"] = add_row(form, "&PA:", self.pa_box)
        self.rows["day"] = add_row(form, "&Date:", self.date_edit, DATE_HINT)
        self.rows["start"] = add_row(form, "&Start time:", self.start_edit, TIME_HINT)
        self.rows["end"] = add_row(form, "E&nd time:", self.end_edit, END_HINT)
        self.rows["break_minutes"] = add_row(form, "Unpaid &break (minutes):", self.break_edit, "Leave blank for no break")
        self.rows["shift_type"] = add_row(form, "&Type:", self.type_box)
        self.rows["awake"] = add_row(form, "Times &woken and working:", self.awake_edit, AWAKE_HINT)
        self.rows["notes"] = add_row(form, "N&otes:", self.notes_edit)
        self.summary = paragraph()
        form.addRow(self.summary)
        self.warning = QWidget()
        warning_row = QHBoxLayout(self.warning)
        warning_row.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        icon.setPixmap(status_icon(Status.ATTENTION).pixmap(16, 16))
        self.warning_text = paragraph(SHORT_VISIT)
        warning_row.addWidget(icon, alignment=Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning_text, stretch=1)
        form.addRow(self.warning)
        # Working time (services.working_time): a warning, never a refusal.
        self.rules_warning = QWidget()
        rules_row = QHBoxLayout(self.rules_warning)
        rules_row.setContentsMargins(0, 0, 0, 0)
        rules_icon = QLabel()
        rules_icon.setPixmap(status_icon(Status.ATTENTION).pixmap(16, 16))
        self.rules_warning_text = paragraph()
        self.rules_warning_text.setTextFormat(Qt.TextFormat.PlainText)
        rules_row.addWidget(rules_icon, alignment=Qt.AlignmentFlag.AlignTop)
        rules_row.addWidget(self.rules_warning_text, stretch=1)
        self.rules_warning.setVisible(False)
        form.addRow(self.rules_warning)
        layout.addWidget(self.form_box)
        layout.addStretch()

        self.message = paragraph()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.new_button = buttons.addButton("&Add a new shift instead", QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button = buttons.addButton("Sa&ve shift", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton("&Close", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        # Enter saves (from any field): the default is set once the buttons are in the dialog, or Qt makes
        # the first button the default instead, and that one is hidden while adding a shift.
        self.save_button.setDefault(True)
        self.new_button.setAutoDefault(False)

        self.pa_box.setCurrentIndex(max(0, self.pa_box.findData(pa_id)))
        self.date_edit.set_value(day)
        self.pa_box.currentIndexChanged.connect(self._on_day_or_pa_changed)
        self.date_edit.editingFinished.connect(self._on_day_or_pa_changed)
        for edit in (self.date_edit, self.start_edit, self.end_edit, self.break_edit):
            edit.textChanged.connect(self._update_preview)
        self.type_box.currentIndexChanged.connect(self._on_type_changed)
        self.new_button.clicked.connect(self._start_new)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.reject)
        self._shown_for: tuple[int, date] | None = None
        self._on_day_or_pa_changed()
        self._start_new()
        self._prefill_from_plan()
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    # --- which PA and day ---
    @property
    def pa_id(self) -> int:
        return self.pa_box.currentData()

    @property
    def day(self) -> date | None:
        try:
            return self.date_edit.value()
        except InputError:
            return None

    def _pa_name(self, pa_id: int | None = None) -> str:
        return self._pas[pa_id if pa_id is not None else self.pa_id].name

    def _on_day_or_pa_changed(self) -> None:
        day = self.day
        if day is None or (self.pa_id, day) == self._shown_for:
            return
        self._shown_for = (self.pa_id, day)
        self.title_label.setText(f"{self._pa_name()}, {full_day(day)}")
        self.setWindowTitle(f"Shifts for {self._pa_name()} on {format_date(day)}")
        self._show_existing()

    def _day_shifts(self) -> tuple[list[Shift], list[Shift]]:
        db, employer_id, day = self.context.db, self.context.employer_id, self._shown_for[1]
        worked = shifts.shifts_between(db, employer_id, day, day, pa_id=self.pa_id)
        planned = [s for s in rota.planned_shifts(db, employer_id, day, day) if s.pa == self.pa_id]
        return worked, planned

    def _show_existing(self) -> None:
        """Each shift in words, with its own buttons after it (named with the times for a screen reader): in
        a row beside the words while they fit, else on lines of their own, so nothing runs off the side."""
        if self._existing is not None:
            self._existing.deleteLater()
        self._existing = QWidget()
        grid = QVBoxLayout(self._existing)
        grid.setContentsMargins(0, 0, 0, 0)
        worked, planned = self._day_shifts()
        self.change_buttons: list[QPushButton] = []
        self.remove_buttons: list[QPushButton] = []
        self.plan_buttons: list[tuple[QPushButton, QPushButton, QPushButton]] = []

        def add_line(words: str, *buttons: QPushButton) -> None:
            grid.addWidget(AdaptiveRow(paragraph(words), *buttons, stretch_last=False))

        for shift in worked:
            start, end = times_of(shift)
            change = self._row_button("Change", f"Change the {start} to {end} shift", lambda _=False, s=shift: self._load(s))
            remove = self._row_button("Remove", f"Remove the {start} to {end} shift", lambda _=False, s=shift: self._remove(s))
            add_line(f"Worked {start} to {end}, {self._length(shift)}", change, remove)
            self.change_buttons.append(change)
            self.remove_buttons.append(remove)
        for shift in planned:
            start, end = times_of(shift)
            buttons = (
                self._row_button("Worked as planned", f"Mark the planned {start} to {end} shift as worked",
                                 lambda _=False, s=shift: self._mark_worked(s)),
                self._row_button("Cancel this planned shift", f"Cancel the planned {start} to {end} shift",
                                 lambda _=False, s=shift: self._cancel(s)),
                self._row_button("Covered by…", f"Record who covered the planned {start} to {end} shift",
                                 lambda _=False, s=shift: self._cover(s)),
            )
            add_line(f"Planned {start} to {end}, {self._length(shift)}, from the rota", *buttons)
            self.plan_buttons.append(buttons)
        if not worked and not planned:
            grid.addWidget(paragraph("No shifts are recorded or planned for this day yet."))
        self.existing_layout.addWidget(self._existing)
        order_tabs(self)  # new buttons join the end of the Tab order: put them back where they are on screen

    def _row_button(self, text: str, name: str, slot) -> QPushButton:
        # No & shortcut: the same words repeat on every line, so letters would clash.
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _length(shift: Shift) -> str:
        kind = "" if shift.shift_type is ShiftType.STANDARD else f" ({SHIFT_TYPE_NAMES[shift.shift_type].lower()})"
        return f"{spoken_hours(paid_minutes(shift))}{kind}"

    # --- the form ---
    def _start_new(self) -> None:
        self._editing = None
        self.form_box.setTitle("Add a shift")
        self.new_button.setVisible(False)
        for edit in (self.start_edit, self.end_edit, self.break_edit, self.awake_edit, self.notes_edit):
            edit.clear()
        self.type_box.setCurrentIndex(0)
        self._clear_errors()
        self._on_type_changed()
        self.start_edit.setFocus()

    def _prefill_from_plan(self) -> None:
        """A day with only a planned shift starts with the plan's times, ready to adjust."""
        worked, planned = self._day_shifts()
        if not worked and len(planned) == 1:
            self._fill(planned[0])

    def _fill(self, shift: Shift) -> None:
        start, end = times_of(shift)
        self.start_edit.setText(start)
        self.end_edit.setText(end)
        self.break_edit.setText(str(shift.break_minutes) if shift.break_minutes else "")
        show_type(self.type_box, shift.shift_type)
        self.awake_edit.setText(", ".join(f"{to_london(a):%H:%M}-{to_london(b):%H:%M}" for a, b in shift.awake))
        self.notes_edit.setText(shift.notes)

    def _load(self, shift: Shift) -> None:
        self._clear_errors()
        self._editing = shift
        start, end = times_of(shift)
        self.form_box.setTitle(f"Change the {start} to {end} shift")
        self.new_button.setVisible(True)
        self._fill(shift)
        self.start_edit.setFocus()
        self.start_edit.selectAll()

    def _on_type_changed(self) -> None:
        sleep_in = chosen_type(self.type_box) is ShiftType.SLEEP_IN
        self.rows["awake"].label.setVisible(sleep_in)
        self.awake_edit.parentWidget().setVisible(sleep_in)
        self._update_preview()
        if self.isVisible():
            fit_height(self)  # room for the row that just appeared, its hint wrapped

    def showEvent(self, event) -> None:
        super().showEvent(event)
        fit_height(self)  # wrapped hints need more height than the layout's first guess

    def _read(self, mark: bool) -> shifts.ShiftInput | None:
        """The shift as typed; with `mark`, every unreadable field says why (else None is quiet)."""
        if mark:
            self._clear_errors()
        failed: list[str] = []

        def attempt(field: str, read):
            try:
                return read()
            except InputError as error:
                if mark:
                    self.rows[field].show_error(say(error))
                failed.append(field)
                return None

        def read_day():
            value = self.date_edit.value()
            if value is None:
                raise InputError("Enter the date of the shift, like 16/11/2026.")
            return value

        sleep_in = chosen_type(self.type_box) is ShiftType.SLEEP_IN
        day = attempt("day", read_day)
        start = attempt("start", lambda: read_time(self.start_edit.text(), "start time"))
        end = attempt("end", lambda: read_time(self.end_edit.text(), "end time"))
        minutes = attempt("break_minutes", lambda: read_break(self.break_edit.text()))
        awake = attempt("awake", lambda: read_periods(self.awake_edit.text()) if sleep_in else ())
        if failed:
            if mark:
                self.rows[failed[0]].field.setFocus()
                fit_height(self)
            return None
        return shifts.ShiftInput(
            pa_id=self.pa_id, day=day, start=start, end=end, shift_type=chosen_type(self.type_box),
            break_minutes=minutes, awake=awake, notes=self.notes_edit.text().strip(),
        )

    def _update_preview(self) -> None:
        """Say how long the shift is as you type, when it ends the next day, and warn of short visits."""
        entry = self._read(mark=False)
        shift = None
        if entry is not None:
            try:
                shift = shifts.build_shift(entry)
            except ValidationFailed:
                shift = None
        self.warning.setVisible(shift is not None and shifts.is_short_visit(shift))
        rules = self._working_time_words(shift) if shift is not None else ""
        self.rules_warning_text.setText(rules)
        self.rules_warning.setVisible(bool(rules))
        if shift is None:
            self.summary.setText("")
            return
        if self.warning.isVisible() or self.rules_warning.isVisible():
            fit_height(self)
        words = f"Length: {spoken_hours(paid_minutes(shift))}"
        if shift.break_minutes:
            words += f" paid ({spoken_hours(length_minutes(shift))} less a {shift.break_minutes}-minute break)"
        end = to_london(shift.end)
        if end.date() != local_date(shift):
            words += f", ending the next day, {full_day(end.date())}, at {end:%H:%M}"
        words += "."
        clock = datetime.combine(date.min, entry.end) - datetime.combine(date.min, entry.start)
        wall = int((clock % timedelta(days=1)) // timedelta(minutes=1))
        if wall != length_minutes(shift):
            change = "back" if length_minutes(shift) > wall else "forward"
            words += f" The clocks go {change} during this shift, so it is {spoken_hours(abs(length_minutes(shift) - wall))} " \
                     f"{'longer' if change == 'back' else 'shorter'} than the times suggest."
        self.summary.setText(words)

    def _working_time_words(self, shift: Shift) -> str:
        """What the shift as typed would break of the working-time rules, in words ("" if nothing)."""
        if self._editing is not None:
            shift = replace(shift, key=self._editing.key)
        try:
            found = working_time.shift_findings(self.context.db, self.context.employer_id, shift, self.context.today())
        except (ServiceError, RatesError):  # the PA has gone, or a date the rates do not cover: nothing to say
            return ""
        if not found:
            return ""
        name = self._pa_name(shift.pa)
        return "Working time: " + " ".join(working_time_sentence(f, name) for f in found) + " You can still save it."

    def _clear_errors(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        self.message.setText("")

    def _show_problems(self, problems: dict[str, Problem]) -> None:
        first = None
        for field, problem in problems.items():
            row = self.rows.get(field, self.rows["start"])
            row.show_error(describe(problem))
            first = first or row
        if first is not None:
            first.field.setFocus()
        fit_height(self)

    def _on_save_clicked(self) -> None:
        entry = self._read(mark=True)
        if entry is None:
            return
        db, employer_id = self.context.db, self.context.employer_id
        before = self._editing
        try:
            done = shifts.save_shift_undoably(db, employer_id, entry, before.key if before else None,
                                              version=before.version if before else None)
        except ValidationFailed as failure:
            self._show_problems(failure.problems)
            return
        except ServiceError as error:
            self.message.setText(say(error))
            return
        saved = done.value
        self.context.push(done.change)
        if shifts.is_short_visit(saved):
            self.context.status_message.emit(f"Saved. {SHORT_VISIT}")
        elif self.rules_warning.isVisible():
            self.context.status_message.emit(f"Saved. {self.rules_warning_text.text()}")
        self.saved = saved
        self.accept()

    # --- the shifts already there ---
    def _confirm(self, title: str, text: str, action: str) -> bool:
        return confirm(self, title, text, action)

    def _done(self, text: str) -> None:
        self.message.setText(f"{text}. You can undo this from the Edit menu.")
        self._show_existing()
        fit_height(self)

    def _remove(self, shift: Shift) -> None:
        name = self._pa_name(shift.pa)
        if not self._confirm("Remove this shift?", removal_question(name, shift), "Remove shift"):
            return
        text = remove_shift(self.context, shift)
        if self._editing is not None and self._editing.key == shift.key:
            self._start_new()
        if text is None:
            self._show_existing()
        else:
            self._done(text)

    def _mark_worked(self, shift: Shift) -> None:
        try:
            done = rota.mark_worked(self.context.db, self.context.employer_id, [shift])
        except ValidationFailed as failure:
            self.message.setText(" ".join(describe(p) for p in failure.problems.values()))
            return
        self.context.push(done.change)
        self._done(undo_text(done.change))

    def _cancel(self, shift: Shift) -> None:
        name = self._pa_name(shift.pa)
        if not self._confirm("Cancel this planned shift?", cancel_question(name, shift), "Cancel shift"):
            return
        self._done(cancel_planned(self.context, shift))

    def _choose_cover_pa(self, shift: Shift) -> int | None:
        others = [pa for pa in self._pas.values() if pa.id != shift.pa and pa.is_current(local_date(shift))]
        if not others:
            self.message.setText("You have no other PA working for you on that day. Add them on the People page first.")
            return None
        names = [pa.name for pa in others]
        start, end = times_of(shift)
        chosen, ok = QInputDialog.getItem(
            self, "Who covered this shift?",
            f"Choose the PA who works the {start} to {end} shift instead of {self._pa_name(shift.pa)}:", names, 0, False)
        return others[names.index(chosen)].id if ok else None

    def _cover(self, shift: Shift) -> None:
        cover_pa = self._choose_cover_pa(shift)
        if cover_pa is None:
            return
        change = rota.cover_planned(self.context.db, self.context.employer_id, shift, cover_pa).change
        self.context.push(change)
        self._done(undo_text(change))
