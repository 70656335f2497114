"""The employer's own sick pay scheme on top of SSP (domain.occupational_sick_pay), for every PA, saved
through services.sick_pay_scheme. Ticked off: no scheme, so PAs off sick get SSP only."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

from pa_manager.domain.occupational_sick_pay import MAX_MONTHS, MAX_WAITING_DAYS, MAX_WEEKS, SickPayScheme
from pa_manager.services import sick_pay_scheme
from pa_manager.services.data_files import Database
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog
from pa_manager.ui.widgets.form import add_row


class SickPaySchemeDialog(FormDialog):
    def __init__(self, db: Database, employer_id: int, parent=None):
        super().__init__(
            "Your sick pay scheme",
            "Pay PAs more than Statutory Sick Pay when they are off sick: full pay for some weeks, then half pay, "
            "in any 12 months. Statutory Sick Pay is part of it, not on top: each sick day they get whichever is "
            "higher. A week is as many days as the PA normally works in a week.", parent)
        self.db, self.employer_id = db, employer_id
        before = sick_pay_scheme.get_scheme(db, employer_id)
        self.has_scheme = QCheckBox("&Pay sick pay above Statutory Sick Pay")
        self.has_scheme.setAccessibleName("Pay sick pay above Statutory Sick Pay")
        self.has_scheme.setChecked(before is not None)
        self.rows["has_scheme"] = add_row(self.form, "", self.has_scheme, "Not ticked: PAs off sick get Statutory Sick "
                                                                          "Pay only.")
        start = before or SickPayScheme(4, 4, 6, 0)
        self.full_weeks = self._number(start.full_pay_weeks, MAX_WEEKS)
        self.half_weeks = self._number(start.half_pay_weeks, MAX_WEEKS)
        self.months = self._number(start.qualifying_months, MAX_MONTHS)
        self.waiting = self._number(start.waiting_days, MAX_WAITING_DAYS)
        self.rows["full_pay_weeks"] = add_row(self.form, "Weeks at &full pay:", self.full_weeks,
                                              "Their normal pay for these weeks off sick in any 12 months")
        self.rows["half_pay_weeks"] = add_row(self.form, "Then weeks at &half pay:", self.half_weeks,
                                              "Half their normal pay, after the full-pay weeks are used")
        self.rows["qualifying_months"] = add_row(self.form, "Months working for you &before it pays:", self.months,
                                                 "Until then they get Statutory Sick Pay only")
        self.rows["waiting_days"] = add_row(self.form, "&Waiting days:", self.waiting,
                                            "The first working days of each time off sick that the scheme does not "
                                            "pay (Statutory Sick Pay may still pay them)")
        self.has_scheme.toggled.connect(self._sync)
        self._sync()

    @staticmethod
    def _number(value: int, most: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, most)
        box.setValue(value)
        return box

    def _sync(self) -> None:
        for box in (self.full_weeks, self.half_weeks, self.months, self.waiting):
            box.setEnabled(self.has_scheme.isChecked())

    def _save(self) -> None:
        scheme = SickPayScheme(self.full_weeks.value(), self.half_weeks.value(), self.months.value(),
                               self.waiting.value()) if self.has_scheme.isChecked() else None
        self._keep(sick_pay_scheme.save_scheme(self.db, self.employer_id, scheme))
