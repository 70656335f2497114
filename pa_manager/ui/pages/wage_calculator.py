"""The wage calculator: "is this pay legal?" answered in seconds, for any worker, no records needed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QPushButton, QRadioButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from pa_manager.domain.money import format_money
from pa_manager.messages import format_date, say
from pa_manager.services.errors import ServiceError
from pa_manager.services.wages import check_wage, nlw_age_on
from pa_manager.ui.announce import announce
from pa_manager.ui.context import AppContext
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.wording import band_label, per_hour


class WageCalculatorPage(QWidget):
    title = "Wage calculator"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading("Wage calculator"))
        intro = paragraph("Check whether pay for a pay period meets the legal minimum wage and the Real Living Wage. "
                       "Nothing you enter here is saved.")
        layout.addWidget(intro)

        worker = QGroupBox("The worker")
        form = QFormLayout(worker)
        self.use_birth_date = QRadioButton("I know their date of birth")
        self.use_age = QRadioButton("I know their age")
        self.use_birth_date.setChecked(True)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.use_birth_date)
        row.addWidget(self.use_age)
        row.addStretch()
        self.date_of_birth = DateEdit()
        self.age = QSpinBox()
        self.age.setRange(16, 100)
        self.age.setValue(25)
        self.apprentice = QCheckBox("Apprentice")
        self.apprenticeship_start = DateEdit()
        self.london = QCheckBox("Works in London (for the London Living Wage)")
        self.rows: dict[str, FieldRow] = {}
        self.rows["choice"] = add_row(form, "What you know:", choice)
        choice.setAccessibleName("What you know")
        self.rows["date_of_birth"] = add_row(form, "Date of &birth:", self.date_of_birth, DATE_HINT)
        self.rows["age"] = add_row(form, "&Age at the start of the pay period:", self.age)
        self.rows["apprentice"] = add_row(form, "Apprenticeship:", self.apprentice)
        self.rows["apprenticeship_start"] = add_row(form, "Apprenticeship s&tarted:", self.apprenticeship_start, DATE_HINT)
        self.rows["london"] = add_row(form, "London:", self.london)
        layout.addWidget(worker)

        period = QGroupBox("The pay period")
        form = QFormLayout(period)
        self.period_start = DateEdit()
        self.period_end = DateEdit()
        self.hours = DecimalEdit()
        self.pay = DecimalEdit(money=True)
        self.rows["period_start"] = add_row(form, "First &day:", self.period_start, DATE_HINT)
        self.rows["period_end"] = add_row(form, "&Last day:", self.period_end, DATE_HINT)
        self.rows["hours"] = add_row(form, "Hours &worked:", self.hours, "Count travel between visits, and time awake and working on a sleep-in")
        self.rows["pay"] = add_row(form, "&Pay for those hours (£):", self.pay, "Basic pay before tax; leave out expenses and extra pay for nights or weekends")
        layout.addWidget(period)

        self.check_button = QPushButton("&Check pay")
        layout.addWidget(self.check_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.result = StatusList("Result")
        layout.addWidget(self.result)
        layout.addStretch()

        scroll = vertical_scroll(body, "Wage calculator")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        today = context.today()
        self.period_start.set_value(today)
        self.period_end.set_value(today)
        self.use_age.toggled.connect(self._sync)
        self.apprentice.toggled.connect(self._sync)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self._sync()

    def _sync(self) -> None:
        self.date_of_birth.setEnabled(not self.use_age.isChecked())
        self.age.setEnabled(self.use_age.isChecked())
        self.apprenticeship_start.setEnabled(self.apprentice.isChecked())

    def _read(self, field: str, edit, required: bool, missing: str):
        try:
            value = edit.value()
        except InputError as error:
            self.rows[field].show_error(say(error))
            return None, False
        if value is None and required:
            self.rows[field].show_error(missing)
            return None, False
        return value, True

    def _on_check_button_clicked(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        fields = [
            ("period_start", self.period_start, True, "Enter the first day of the pay period."),
            ("period_end", self.period_end, True, "Enter the last day of the pay period."),
            ("hours", self.hours, True, "Enter the hours worked in the pay period."),
            ("pay", self.pay, True, "Enter the pay for those hours, like 450.00."),
            ("date_of_birth", self.date_of_birth, not self.use_age.isChecked(), "Enter their date of birth, or choose 'I know their age'."),
            ("apprenticeship_start", self.apprenticeship_start, False, ""),
        ]
        values, good = {}, True
        for field, edit, required, missing in fields:
            values[field], ok = self._read(field, edit, required, missing)
            good = good and ok
        if not good:
            self.result.set_lines([("missing", "Put right the answers marked above, then check again.")])
            return
        try:
            check = check_wage(
                period_start=values["period_start"], period_end=values["period_end"], hours=values["hours"],
                pay=values["pay"],
                date_of_birth=None if self.use_age.isChecked() else values["date_of_birth"],
                age=self.age.value() if self.use_age.isChecked() else None,
                apprentice=self.apprentice.isChecked(), apprenticeship_start=values["apprenticeship_start"],
                london=self.london.isChecked(),
            )
        except ServiceError as error:
            self.result.set_lines([("missing", say(error))])
            return
        lines = result_lines(check, values["period_start"], nlw_age_on(values["period_start"]))
        self.result.set_lines(lines)
        announce(self.result, lines[0][1])  # the answer, said where the cursor is not


def result_lines(check, period_start, nlw_age: int) -> list[tuple[str, str]]:
    """The calculator's answer, most important first."""
    lines = []
    rate = check.effective_hourly_rate
    if check.meets_minimum:
        lines.append(("ok", f"Meets the legal minimum: the pay works out at {per_hour(rate)}." if rate is not None
                      else "Meets the legal minimum."))
    else:
        lines.append(("below", f"Below the legal minimum: the pay works out at {per_hour(rate)}. "
                               f"You need to pay {format_money(check.shortfall)} more for this pay period."))
    lines.append(("info", f"Legal minimum for a pay period starting {format_date(period_start)}: "
                          f"{per_hour(check.minimum_hourly_rate)} ({band_label(check.band, nlw_age)})."))
    if check.real_living_wage_hourly_rate is not None:
        if check.meets_real_living_wage:
            lines.append(("ok", f"Meets the Real Living Wage of {per_hour(check.real_living_wage_hourly_rate)}."))
        else:
            lines.append(("info", f"Below the Real Living Wage of {per_hour(check.real_living_wage_hourly_rate)}. "
                                  "It is voluntary, not the law."))
    if check.provisional:
        lines.append(("provisional", "Provisional: a figure used here is not yet confirmed by the government."))
    return lines
