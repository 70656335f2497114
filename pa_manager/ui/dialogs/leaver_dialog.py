"""Record that a PA is leaving: the last day and why."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
)

from pa_manager.domain.people import PARecord
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import add_row
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date, say
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph


class LeaverDialog(QDialog):
    """`save_p45` (given once the pay run paying their last day is finalised) writes their P45 to a
    path and returns a sentence saying so, or raises ServiceError with what to do."""

    def __init__(self, pa: PARecord, today: date, parent=None, *, save_p45: Callable[[Path], str] | None = None):
        super().__init__(parent)
        ready_dialog(self)
        self._save_p45 = save_p45
        self._pa = pa
        self.setWindowTitle(f"Record {pa.name} as leaving")
        self.leaving_date: date | None = None
        self.reason = ""
        layout = QVBoxLayout(self)
        intro = paragraph(
            f"Enter {pa.name}'s last working day. Their records stay in PA Manager, "
            "and their final pay and any holiday owed are worked out in their last pay run."
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = DateEdit()
        self.date_edit.set_value(pa.leaving_date or today)
        self.reason_edit = QLineEdit(pa.leaving_reason)
        self.date_row = add_row(form, "&Last working day:", self.date_edit, DATE_HINT)
        add_row(form, "Rea&son (optional):", self.reason_edit)
        self.notice_edit = DateEdit()
        self.notice_edit.set_value(pa.notice_given_on)
        self.notice_row = add_row(form, "&Notice given on:", self.notice_edit,
                                  "The day you or they gave notice; leave blank if none was given")
        self.contract_weeks = QSpinBox()
        self.contract_weeks.setRange(0, 52)
        self.contract_weeks.setSuffix(" weeks")
        self.contract_weeks.setValue(pa.contractual_notice_weeks or 0)
        add_row(form, "Notice in their &contract:", self.contract_weeks,
                "The law's minimum applies when it is longer: 1 week after a month, then 1 week a full year up to 12")
        self.in_lieu = WrappingCheckBox("Pay the notice they do not work (pay in lieu of notice)")
        self.in_lieu.setChecked(pa.pay_in_lieu_of_notice)
        add_row(form, "Notice not worked:", self.in_lieu, "Taxed and National Insurance is due, like pay")
        self.redundant = WrappingCheckBox("They are leaving because of redundancy")
        self.redundant.setChecked(pa.redundancy)
        add_row(form, "Redundancy:", self.redundant,
                "Statutory redundancy pay is due after 2 years' work; it is not taxed up to £30,000")
        self.week_pay = DecimalEdit(money=True)
        self.week_pay.set_value(pa.leaving_week_pay)
        self.week_pay_row = add_row(form, "A &week's pay (£):", self.week_pay,
                                    "Leave blank to use their contracted hours at their rate, or their average pay "
                                    "over the last 12 weeks")
        layout.addLayout(form)
        self.summary = paragraph("")
        layout.addWidget(self.summary)
        for signal in (self.date_edit.textChanged, self.notice_edit.textChanged, self.week_pay.textChanged):
            signal.connect(self._show_summary)
        self.contract_weeks.valueChanged.connect(self._show_summary)
        self.in_lieu.toggled.connect(self._show_summary)
        self.redundant.toggled.connect(self._show_summary)
        self._show_summary()
        if save_p45 is None:
            layout.addWidget(paragraph(
                "Their P45 is made from their last pay run: once you have finalised the pay run that pays their last "
                "day, come back here to save it, and give it to them straight away."))
        else:
            layout.addWidget(paragraph(
                "Their last pay run is finalised. Save their P45 and give Parts 1A, 2 and 3 to them straight away."))
            self.p45_button = QPushButton("Save their &P45…")
            self.p45_button.clicked.connect(self._on_p45_button_clicked)
            layout.addWidget(self.p45_button)
        self.p45_result = paragraph("")
        self.p45_result.setVisible(False)
        layout.addWidget(self.p45_result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Record leaver")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        try:
            value = self.date_edit.value()
        except InputError as error:
            self.date_row.show_error(say(error))
            return
        if value is None:
            self.date_row.show_error("Enter their last working day.")
            return
        try:
            terms = self._terms(value)
        except InputError:
            return
        self.leaving_date, self.reason = value, self.reason_edit.text().strip()
        self.terms = terms
        self.accept()

    def _terms(self, last_day: date | None) -> PARecord:
        """The PA with what was typed about their leaving; marks a field that cannot be read."""
        self.notice_row.show_error(None)
        self.week_pay_row.show_error(None)
        try:
            given = self.notice_edit.value()
        except InputError as error:
            self.notice_row.show_error(say(error))
            raise
        try:
            pay = self.week_pay.value()
        except InputError as error:
            self.week_pay_row.show_error(say(error))
            raise
        return replace(self._pa, leaving_date=last_day, notice_given_on=given,
                       contractual_notice_weeks=self.contract_weeks.value() or None,
                       pay_in_lieu_of_notice=self.in_lieu.isChecked(), redundancy=self.redundant.isChecked(),
                       leaving_week_pay=pay)

    def _show_summary(self, *_args) -> None:
        """What the last pay run will add, in words, as the fields are filled in."""
        from pa_manager.services.leaving import leaving_pay

        try:
            pa = self._terms(self.date_edit.value())
        except InputError:
            return
        due = leaving_pay(pa, [])
        if due is None:
            self.summary.setText("")
            return
        said = []
        n = due.notice
        if n is not None:
            said.append(f"The law says at least {n.statutory_weeks} week{'s' if n.statutory_weeks != 1 else ''} of "
                        f"notice; {n.weeks_due} week{'s' if n.weeks_due != 1 else ''} are due, to "
                        f"{format_date(n.ends_on)}.")
            if n.days_in_lieu and self.in_lieu.isChecked():
                said.append(f"Pay in lieu of {n.days_in_lieu} days' notice: {format_money(n.pay_in_lieu)}.")
            elif n.days_in_lieu:
                said.append(f"{n.days_in_lieu} days of notice are after their last working day: pay them in lieu, "
                            "or move the last working day.")
        r = due.redundancy
        if r is not None:
            if r.amount:
                said.append(f"Statutory redundancy pay: {format_money(r.amount)} ({r.weeks.normalize():f} weeks at "
                            f"{format_money(r.week_pay)}, {r.years_counted} full years).")
            else:
                said.append("No statutory redundancy pay: it needs 2 years' work by the time notice ends.")
        if said:
            said.append("These are added to their last pay run, with any holiday owed.")
        self.summary.setText(" ".join(said))

    def choose_p45_path(self) -> str:
        name = f"P45 {self._pa.name}.pdf"
        return QFileDialog.getSaveFileName(self, "Save the P45", str(Path.home() / name), "PDF (*.pdf)")[0]

    def _on_p45_button_clicked(self) -> None:
        from pa_manager.services.errors import ServiceError

        path = self.choose_p45_path()
        if not path:
            return
        try:
            said = self._save_p45(Path(path))
        except (ServiceError, OSError) as error:
            said = say(error)
        self.p45_result.setText(said)
        self.p45_result.setVisible(True)
