"""The employer's own pay scale: rows of completed years of service and the hourly rate from then
(domain.pay_scale), saved whole through services.pay_scale. A blank row is no step."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit

from pa_manager.domain.pay_scale import MAX_YEARS, PayStep
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, say
from pa_manager.services import employers, pay_scale
from pa_manager.services.data_files import Database
from pa_manager.services.errors import ValidationFailed
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _Wrong
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DecimalEdit, InputError

SPARE_ROWS, FEWEST_ROWS = 3, 5


class PayScaleDialog(FormDialog):
    """Each step on two rows: its years of service, then its hourly rate."""

    def __init__(self, db: Database, employer_id: int, parent=None):
        super().__init__(
            "Your pay scale",
            "Set the hourly rate a PA moves to after so many whole years working for you: for example 0 years "
            "£12.71, 1 year £13.10, 2 years £13.50. Pay runs can pay each step from the PA's work anniversary; "
            "otherwise what needs doing reminds you when the scale says more than they are paid now. A step never "
            "lowers anyone's pay. Leave a row blank for no step.", parent, scroll=True)
        self.db, self.employer_id = db, employer_id
        self.before = pay_scale.get_steps(db, employer_id)
        self.applied = QCheckBox("&Pay the scale in pay runs from each PA's work anniversary")
        self.applied.setAccessibleName("Pay the scale in pay runs")
        self.applied.setChecked(employers.get_employer(db, employer_id).applies_pay_scale)
        self.rows["applied"] = add_row(
            self.form, "", self.applied,
            "Ticked: each PA is paid the step they have reached, unless their own rate is higher, and their payslip "
            "says so. Not ticked: you get a reminder and change their rate yourself.")
        self.steps: list[tuple[QLineEdit, DecimalEdit]] = []
        for i in range(max(len(self.before) + SPARE_ROWS, FEWEST_ROWS)):
            years, rate = QLineEdit(), DecimalEdit(money=True)
            if i < len(self.before):
                years.setText(str(self.before[i].years))
                rate.set_value(self.before[i].hourly_rate)
            first = i == 0
            self.rows[f"years_{i}"] = add_row(self.form, f"Step {i + 1}, years worked:", years,
                                              f"Whole years from 0 to {MAX_YEARS}" if first else "")
            self.rows[f"rate_{i}"] = add_row(self.form, f"Step {i + 1}, hourly rate in pounds:", rate,
                                             "For example 13.10" if first else "")
            self.steps.append((years, rate))

    def _read(self) -> tuple[list[PayStep], list[int]]:
        """The filled-in steps, and the row each came from."""
        steps, rows = [], []
        for i, (years_field, rate_field) in enumerate(self.steps):
            text = years_field.text().strip()
            try:
                rate = rate_field.value()
            except InputError as error:
                raise _Wrong(f"rate_{i}", say(error)) from None
            if not text and rate is None:
                continue
            if not text or rate is None:
                raise _Wrong(f"years_{i}" if not text else f"rate_{i}", describe(Problem("PAY_SCALE_ROW_HALF_FILLED")))
            if not text.isdigit():
                raise _Wrong(f"years_{i}", describe(Problem("PAY_SCALE_YEARS_OUT_OF_RANGE")))
            steps.append(PayStep(int(text), rate))
            rows.append(i)
        return steps, rows

    def _save(self) -> None:
        steps, rows = self._read()
        try:
            done = pay_scale.save_steps_undoably(self.db, self.employer_id, steps, self.applied.isChecked())
        except ValidationFailed as failure:  # keyed by place among the filled-in steps: shown on their rows
            raise ValidationFailed({f"{key.split('_')[0]}_{rows[int(key.split('_')[1])]}": problem
                                    for key, problem in failure.problems.items()}) from None
        self._keep(done)
