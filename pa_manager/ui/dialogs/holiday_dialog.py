"""A PA's holiday in the employer's leave year (services.holiday): what they are entitled to, carried
over, taken, booked and have left; booking holiday (refused, with the reason under the field, when it
is more than is left), which for a PA on fixed hours also turns their shifts on the rota those days
into holiday on the timesheet; cancelling a booking, and carrying leave over into the next leave year.

Each action is saved at once and handed to `push` for Edit > Undo."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain.holiday import CARRY_OVER_REASONS, leave_year_end
from pa_manager.domain.validation import Problem
from pa_manager.holiday_words import booked_sentences, cancelled_sentence
from pa_manager.messages import MESSAGES, date_range, describe, format_date, say
from pa_manager.services import holiday
from pa_manager.services.data_files import Database
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.adaptive import fit_to_screen
from pa_manager.ui.widgets.form import FieldRow, add_row, form_message, show_form_message
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.wording import CARRY_OVER_REASON_NAMES

HUNDREDTH = Decimal("0.01")


def hours_text(value: Decimal) -> str:
    return f"{value.quantize(HUNDREDTH)} hours"


class HolidayDialog(QDialog):
    """`push(change)` keeps each booking, cancellation and carry-over for undo."""

    def __init__(self, db: Database, pa_id: int, today: date, push=lambda change: None, parent=None):
        super().__init__(parent)
        self.db, self.pa_id, self.today, self.push = db, pa_id, today, push
        self.on = today  # a day in the leave year shown
        self.rows: dict[str, FieldRow] = {}

        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = heading(scale=1.25)
        layout.addWidget(self.title)
        years = QHBoxLayout()
        self.previous_button = QPushButton("&Earlier leave year")
        self.next_button = QPushButton("Late&r leave year")
        years.addWidget(self.previous_button)
        years.addWidget(self.next_button)
        years.addStretch()
        layout.addLayout(years)

        summary = QGroupBox("This leave year")
        self.summary_form = QFormLayout(summary)
        self.figures: dict[str, QLabel] = {}
        for key, label in (("entitlement", "Entitlement:"), ("carried_in", "Carried over from last year:"),
                           ("bank_holidays", "Bank holidays:"), ("taken", "Taken:"), ("booked", "Booked:"),
                           ("left", "Left to take:")):
            value = QLabel()
            value.setWordWrap(True)
            value.setProperty("row", label.rstrip(":"))
            self.figures[key] = value
            self.summary_form.addRow(label, value)
        self.note = paragraph()
        layout.addWidget(summary)
        layout.addWidget(self.note)

        booked = QGroupBox("Holiday booked")
        booked_layout = QVBoxLayout(booked)
        self.bookings = QListWidget()
        self.bookings.setAccessibleName("Holiday booked")
        self.bookings.setMaximumHeight(self.bookings.fontMetrics().lineSpacing() * 6)  # grows with the text size
        booked_layout.addWidget(self.bookings)
        self.cancel_button = QPushButton("Cance&l the chosen booking")
        booked_layout.addWidget(self.cancel_button)
        layout.addWidget(booked)

        book = QGroupBox("Book holiday")
        form = QFormLayout(book)
        self.first_day = DateEdit()
        self.last_day = DateEdit()
        self.hours = DecimalEdit()
        self.booking_note = QLineEdit()
        self.rows["first_day"] = add_row(form, "&First day off:", self.first_day, DATE_HINT)
        self.rows["last_day"] = add_row(form, "La&st day off:", self.last_day, DATE_HINT)
        self.rows["hours"] = add_row(form, "&Hours:", self.hours,
                                     "Leave blank for their usual hours on those days (fixed hours only)")
        self.rows["note"] = add_row(form, "&Note:", self.booking_note)
        self.book_button = QPushButton("&Book holiday")
        form.addRow(self.book_button)
        layout.addWidget(book)

        carry = QGroupBox("Carry over into the next leave year")
        form = QFormLayout(carry)
        self.carry_help = paragraph()
        form.addRow(self.carry_help)
        self.carry_hours = DecimalEdit()
        self.reason = QComboBox()
        for reason in CARRY_OVER_REASONS:
            self.reason.addItem(CARRY_OVER_REASON_NAMES[reason], reason)
        self.carry_note = QLineEdit()
        self.rows["carry_hours"] = add_row(form, "H&ours to carry over:", self.carry_hours)
        self.rows["reason"] = add_row(form, "&Why:", self.reason)
        self.rows["carry_note"] = add_row(form, "No&te:", self.carry_note)
        self.carry_button = QPushButton("Carr&y over")
        form.addRow(self.carry_button)
        layout.addWidget(carry)

        outer = QVBoxLayout(self)
        outer.addWidget(vertical_scroll(body, "Holiday"))
        self.message = form_message()
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.previous_button.clicked.connect(lambda: self._move(-1))
        self.next_button.clicked.connect(lambda: self._move(1))
        self.book_button.clicked.connect(self._on_book_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.carry_button.clicked.connect(self._on_carry_button_clicked)
        ready_dialog(self, self.first_day)
        self.resize(620, 760)
        fit_to_screen(self)
        self.refresh()

    # --- what is shown ---
    def refresh(self) -> None:
        self.year = holiday.holiday_year(self.db, self.pa_id, self.on, self.today)
        y, b = self.year, self.year.balance
        when = date_range(y.year.start, y.year.end)
        self.setWindowTitle(f"{y.pa_name}'s holiday")
        self.title.setText(f"{y.pa_name}'s holiday, {when}")
        self.figures["entitlement"].setText(
            f"{hours_text(b.entitlement)} earned so far (12.07% of the hours they work)" if b.irregular
            else hours_text(b.entitlement))
        carried = ", ".join(f"{hours_text(c.hours)} to take by {format_date(y.take_by(c))}" for c in y.carried_in)
        self.figures["carried_in"].setText(carried or "None")
        if b.bank_holiday_days:
            how = "taken from the entitlement" if b.bank_holidays_used else "extra days off on top"
            self.figures["bank_holidays"].setText(
                f"{len(b.bank_holiday_days)} on their working days, {hours_text(b.bank_holidays)}, {how}")
        else:
            self.figures["bank_holidays"].setText("Part of the holiday they earn" if b.irregular else "None on their working days")
        self.figures["taken"].setText(hours_text(b.taken))
        self.figures["booked"].setText(hours_text(b.booked))
        self.figures["left"].setText(hours_text(b.left))
        for value in self.figures.values():  # a screen reader hears the row and its figure together
            value.setAccessibleName(f"{value.property('row')}: {value.text()}")
        self.note.setText(" ".join(MESSAGES[code] for code in y.codes))
        self.note.setVisible(bool(y.codes))
        self.bookings.clear()
        for k in y.bookings:
            text = f"{date_range(k.first_day, k.last_day)}: {hours_text(k.hours)}"
            if k.hours_taken:
                text += f" ({hours_text(k.hours_taken)} of it on the timesheet)"
            if k.note:
                text += f". {k.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, k.id)
            self.bookings.addItem(item)
        self.cancel_button.setEnabled(bool(y.bookings))
        limits = b.carry_over_limits()
        following = leave_year_end(y.year.start) + timedelta(days=1)
        if b.irregular:
            most = f"up to {hours_text(limits.irregular)} of what they have left, for any of the reasons below"
        else:
            most = (f"up to {hours_text(limits.four_weeks)} of the 4 weeks if sickness or family leave stopped "
                    f"them taking it, or you did not give them the chance, and up to "
                    f"{hours_text(limits.extra_weeks)} of the 1.6 weeks if you agree")
        self.carry_help.setText(f"Carry holiday from this leave year into the one starting {format_date(following)}: "
                                f"{most}.")

    def _move(self, years: int) -> None:
        start = self.year.year.start
        self.on = (leave_year_end(start) + timedelta(days=1)) if years > 0 else (start - timedelta(days=1))
        show_form_message(self.message, None)
        self.refresh()

    # --- actions ---
    def _clear(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        show_form_message(self.message, None)

    def _on_book_button_clicked(self) -> None:
        self._clear()
        try:
            first = self._required(self.first_day, "first_day")
            last = self._required(self.last_day, "last_day")
            hours = self._value(self.hours, "hours")
        except InputError:
            return
        try:
            done = holiday.book_holiday(self.db, self.pa_id, first, last, hours, self.booking_note.text())
        except ValidationFailed as failure:
            self._show_problems(failure, {})
            return
        except ServiceError as error:
            show_form_message(self.message, say(error))
            return
        self.push(done.change)
        for field in (self.first_day, self.last_day, self.hours, self.booking_note):
            field.clear()
        self.on = first
        self.refresh()
        said = " ".join(booked_sentences(self.year.pa_name, done.value))
        show_form_message(self.message, f"{said} {hours_text(self.year.balance.left)} left.")

    def _on_cancel_button_clicked(self) -> None:
        item = self.bookings.currentItem()
        if item is None:
            show_form_message(self.message, "Choose a booking in the list first, then cancel it.")
            self.bookings.setFocus()
            return
        try:
            done = holiday.cancel_booking(self.db, item.data(Qt.ItemDataRole.UserRole))
        except ServiceError as error:
            show_form_message(self.message, say(error))
            return
        self.push(done.change)
        self.refresh()
        show_form_message(self.message, f"{cancelled_sentence(done.value)} {hours_text(self.year.balance.left)} left.")

    def _on_carry_button_clicked(self) -> None:
        self._clear()
        try:
            hours = self._value(self.carry_hours, "carry_hours")
        except InputError:
            return
        if hours is None:
            self.rows["carry_hours"].show_error(describe(Problem("CARRY_OVER_HOURS_INVALID")))
            return
        try:
            done = holiday.carry_over(self.db, self.pa_id, self.year.year.start, hours, self.reason.currentData(),
                                      self.carry_note.text())
        except ValidationFailed as failure:
            self._show_problems(failure, {"hours": "carry_hours"})
            return
        except ServiceError as error:
            show_form_message(self.message, say(error))
            return
        self.push(done.change)
        self.carry_hours.clear()
        self.carry_note.clear()
        self.refresh()
        show_form_message(self.message, f"Carried {hours_text(done.value.hours)} into the next leave year, to take by "
                                        f"{format_date(self.year.take_by(done.value))}.")

    # --- reading the fields ---
    def _value(self, field, name: str):
        try:
            return field.value()
        except InputError as error:
            self.rows[name].show_error(str(error))
            raise

    def _required(self, field: DateEdit, name: str) -> date:
        value = self._value(field, name)
        if value is None:
            self.rows[name].show_error("Enter a date, like 3/8/2026.")
            raise InputError("missing")
        return value

    def _show_problems(self, failure: ValidationFailed, names: dict[str, str]) -> None:
        for field, problem in failure.problems.items():
            row = self.rows.get(names.get(field, field))
            if row is None:
                show_form_message(self.message, describe(problem))
            else:
                row.show_error(describe(problem))
