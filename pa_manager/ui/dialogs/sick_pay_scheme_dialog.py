"""The employer's own sick pay scheme on top of SSP (domain.occupational_sick_pay), for every PA or for
one PA instead, saved through services.sick_pay_scheme. Ticked off: no scheme (for every PA: SSP only;
for one PA: the scheme for every PA)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from pa_manager.domain import occupational_sick_pay as rules
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe
from pa_manager.services import people, sick_pay_scheme
from pa_manager.services.data_files import Database
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _Wrong
from pa_manager.ui.widgets.form import add_row


class SickPaySchemeDialog(FormDialog):
    def __init__(self, db: Database, employer_id: int, parent=None):
        super().__init__(
            "Your sick pay scheme",
            "Pay PAs more than Statutory Sick Pay when they are off sick: full pay for some weeks, then half pay, "
            "in any 12 months. Statutory Sick Pay is part of it, not on top: each sick day they get whichever is "
            "higher. A week is as many days as the PA normally works in a week.", parent)
        self.db, self.employer_id = db, employer_id
        self.who = QComboBox()
        self.who.addItem("Every PA", None)
        for pa in people.list_pas(db, employer_id):
            if pa.leaving_date is None:
                self.who.addItem(f"Only {pa.name}, instead of the scheme for every PA", pa.id)
        self.rows["who"] = add_row(self.form, "&Who it is for:", self.who,
                                   "A scheme for one PA (agreed in their contract) replaces the one for every PA")
        self.has_scheme = QCheckBox("&Pay sick pay above Statutory Sick Pay")
        self.has_scheme.setAccessibleName("Pay sick pay above Statutory Sick Pay")
        self.rows["has_scheme"] = add_row(self.form, "", self.has_scheme, "Not ticked: PAs off sick get Statutory Sick "
                                                                          "Pay only (or, for one PA, the scheme for "
                                                                          "every PA).")
        # Whole numbers typed in plain text boxes (a spin box shown and taken down here made a later form
        # crash in the tests).
        self.full_weeks, self.half_weeks, self.months, self.waiting = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.rows["full_pay_weeks"] = add_row(self.form, "Weeks at &full pay:", self.full_weeks,
                                              "Their normal pay for these weeks off sick in any 12 months")
        self.rows["half_pay_weeks"] = add_row(self.form, "Then weeks at &half pay:", self.half_weeks,
                                              "Half their normal pay, after the full-pay weeks are used")
        self.rows["qualifying_months"] = add_row(self.form, "Months working for you &before it pays:", self.months,
                                                 "Until then they get Statutory Sick Pay only")
        self.rows["waiting_days"] = add_row(self.form, "Wa&iting days:", self.waiting,
                                            "The first working days of each time off sick that the scheme does not "
                                            "pay (Statutory Sick Pay may still pay them)")
        self.has_scheme.toggled.connect(self._sync)
        self.who.currentIndexChanged.connect(self._load)
        self._load()

    def _load(self, index: int = 0) -> None:
        """Show the scheme kept for whoever is chosen (a common one to start from when there is none)."""
        if index < 0:  # the list emptied as the dialog is taken down: nothing to show
            return
        before = sick_pay_scheme.get_scheme(self.db, self.employer_id, self.who.currentData())
        self.has_scheme.setChecked(before is not None)
        start = before or sick_pay_scheme.get_scheme(self.db, self.employer_id) or SickPayScheme(4, 4, 6, 0)
        for box, value in ((self.full_weeks, start.full_pay_weeks), (self.half_weeks, start.half_pay_weeks),
                           (self.months, start.qualifying_months), (self.waiting, start.waiting_days)):
            box.setText(str(value))
        self._sync()

    def _sync(self) -> None:
        for box in (self.full_weeks, self.half_weeks, self.months, self.waiting):
            box.setEnabled(self.has_scheme.isChecked())

    _RANGE_CODES = {"full_pay_weeks": rules.SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE,
                    "half_pay_weeks": rules.SICK_PAY_SCHEME_WEEKS_OUT_OF_RANGE,
                    "qualifying_months": rules.SICK_PAY_SCHEME_MONTHS_OUT_OF_RANGE,
                    "waiting_days": rules.SICK_PAY_SCHEME_WAITING_OUT_OF_RANGE}

    def _number(self, key: str, box: QLineEdit) -> int:
        text = box.text().strip() or "0"
        if not text.isdigit():
            raise _Wrong(key, describe(Problem(self._RANGE_CODES[key])))
        return int(text)

    def _save(self) -> None:
        scheme = None
        if self.has_scheme.isChecked():
            scheme = SickPayScheme(*(self._number(key, box) for key, box in (
                ("full_pay_weeks", self.full_weeks), ("half_pay_weeks", self.half_weeks),
                ("qualifying_months", self.months), ("waiting_days", self.waiting))))
        self._keep(sick_pay_scheme.save_scheme(self.db, self.employer_id, scheme, self.who.currentData()))
