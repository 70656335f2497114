"""The forms behind a PA's written statement: the employer's choices (the terms), and the day it was
given and signed (built on the check forms' frame: introduction, rows with their messages, Save); and
the household's policies, to save and share."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLineEdit, QPlainTextEdit, QPushButton,
    QSpinBox, QVBoxLayout,
)

from pa_manager.domain import particulars as law
from pa_manager.domain.particulars import StatementTerms
from pa_manager.domain.people import PARecord
from pa_manager.services import statements
from pa_manager.services import statement_given
from pa_manager.services.data_files import Database
from pa_manager.services.errors import ServiceError
from pa_manager.services.statements import StoredStatement
from pa_manager.statement_words import DURATION_NAMES
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _combo, _select
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit
from pa_manager.ui.widgets.paragraph import paragraph

BANK_HOLIDAY_NAMES = {law.BANK_HOLIDAYS_INCLUDED: "Part of the 5.6 weeks' holiday",
                      law.BANK_HOLIDAYS_EXTRA: "Extra days off on top of the 5.6 weeks"}
PAYMENT_NAMES = {law.BANK_TRANSFER: "Into their bank account", law.CASH: "In cash", law.CHEQUE: "By cheque"}
LAW_MINIMUM = "The law's minimum"


def text_box(value: str = "", lines: int = 2) -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field rather than typing a tab."""
    box = QPlainTextEdit(value)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * (lines + 1) + 12)
    return box


def spin(low: int, high: int, value: int, suffix: str, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    if special:
        box.setSpecialValueText(special)  # shown at the lowest value
    box.setValue(value)
    return box


class StatementTermsDialog(FormDialog):
    """The choices a written statement needs beyond the PA's record. Blank means the usual words."""

    def __init__(self, db: Database, employer_id: int, pa: PARecord, terms: StatementTerms, parent=None):
        super().__init__(
            f"Terms for {pa.name}'s written statement",
            f"Pay, hours and holiday come from {pa.name}'s details and the rota. Choose the rest here. Leave a box "
            "blank to use the usual words, which the law accepts.", parent, scroll=True)
        self.db, self.employer_id, self.pa, self.before = db, employer_id, pa, terms
        t = terms
        self.duties = text_box(t.duties, 3)
        self.duration = _combo(DURATION_NAMES.items())
        _select(self.duration, t.duration)
        self.ends_on = DateEdit()
        self.ends_on.set_value(t.ends_on)
        self.expected = QLineEdit(t.expected_length)
        self.probation = spin(0, 12, t.probation_months, " months", "No probation")
        self.probation_notice = spin(1, 12, t.probation_notice_weeks, " weeks")
        self.probation_conditions = text_box(t.probation_conditions)
        self.continuous = DateEdit()
        self.continuous.set_value(t.continuous_from)
        self.place = QLineEdit(t.place_of_work)
        self.out_and_about = QCheckBox("Also goes o&ut with you (appointments, shops, activities)")
        self.out_and_about.setChecked(t.also_out_and_about)
        self.hours_vary = text_box(t.hours_vary)
        self.bank_holidays = _combo(BANK_HOLIDAY_NAMES.items())
        _select(self.bank_holidays, t.bank_holidays)
        self.payment = _combo(PAYMENT_NAMES.items())
        _select(self.payment, t.payment_method)
        self.sick_pay = text_box(t.sick_pay)
        self.other_leave = text_box(t.other_paid_leave)
        self.benefits = text_box(t.other_benefits)
        self.employer_notice = spin(0, 52, t.employer_notice_weeks or 0, " weeks", LAW_MINIMUM)
        self.pa_notice = spin(1, 12, t.pa_notice_weeks, " weeks")
        self.outside_uk = text_box(t.outside_uk)
        self.collective = text_box(t.collective_agreements)
        self.training = text_box(t.training_entitlement)
        self.unpaid_training = text_box(t.unpaid_training)
        self.grievance = QLineEdit(t.grievance_contact)
        self.appeal = QLineEdit(t.appeal_contact)
        rows = (
            ("duties", "&Duties:", self.duties, "A brief description of the work. Blank: supporting you with "
                                                 "day-to-day living, at home and when going out."),
            ("duration", "&Kind of job:", self.duration, ""),
            ("ends_on", "Fixed term ends o&n:", self.ends_on, "Only for a fixed-term job. " + DATE_HINT),
            ("expected_length", "Temporary job lasts about:", self.expected, "Only for a temporary job, for example "
                                                                             "6 months, while Janet is on leave"),
            ("probation_months", "&Probation:", self.probation, "Typical practice is 3 to 6 months; the law sets no length"),
            ("probation_notice_weeks", "Notice during probation:", self.probation_notice, ""),
            ("probation_conditions", "Probation conditions:", self.probation_conditions,
             "Blank: you talk during it and confirm the job in writing at the end"),
            ("continuous_from", "Continuous e&mployment from:", self.continuous,
             "Blank: the day the job starts. Earlier only if an earlier job counts, for example one with the same "
             "employer"),
            ("place_of_work", "Place of &work:", self.place, "Blank: your home"),
            ("also_out_and_about", "Going out:", self.out_and_about, ""),
            ("hours_vary", "How &hours can change:", self.hours_vary, "Blank: only by agreement (fixed hours), or "
                                                                       "offered on the rota a week ahead (irregular "
                                                                       "hours)"),
            ("bank_holidays", "&Bank holidays:", self.bank_holidays, ""),
            ("payment_method", "Pa&id by:", self.payment, ""),
            ("sick_pay", "Sick pay on top of SSP:", self.sick_pay, "Blank: Statutory Sick Pay only"),
            ("other_paid_leave", "Other paid leave:", self.other_leave, "Blank: only the paid leave the law gives"),
            ("other_benefits", "Other bene&fits:", self.benefits, "Blank: none"),
            ("employer_notice_weeks", "&Your notice to them:", self.employer_notice,
             "The law's minimum is 1 week after a month, then 1 week a year from 2 years, up to 12"),
            ("pa_notice_weeks", "&Their notice to you:", self.pa_notice, "At least 1 week"),
            ("outside_uk", "Work outside the UK:", self.outside_uk, "Blank: never for more than a month"),
            ("collective_agreements", "Collective agreements:", self.collective, "Blank: none (usual for PAs)"),
            ("training_entitlement", "Other training offered:", self.training,
             "Blank: the Care Certificate at induction, and training agreed each year"),
            ("unpaid_training", "Training they pay for:", self.unpaid_training,
             "Blank: none. Anything here you ask them to do but will not pay for"),
            ("grievance_contact", "&Grievances go to:", self.grievance, "Blank: you"),
            ("appeal_contact", "&Appeals go to:", self.appeal,
             "Blank: someone not involved, such as your direct payment support service"),
        )
        for key, label, field, hint in rows:
            self.rows[key] = add_row(self.form, label, field, hint)
        self.resize(720, 640)

    def terms(self) -> StatementTerms:
        notice = self.employer_notice.value()
        return replace(
            self.before,
            duties=self.duties.toPlainText(), duration=self.duration.currentData(), ends_on=self._date("ends_on"),
            expected_length=self.expected.text(), probation_months=self.probation.value(),
            probation_notice_weeks=self.probation_notice.value(),
            probation_conditions=self.probation_conditions.toPlainText(), continuous_from=self._date("continuous_from"),
            place_of_work=self.place.text(), also_out_and_about=self.out_and_about.isChecked(),
            hours_vary=self.hours_vary.toPlainText(), bank_holidays=self.bank_holidays.currentData(),
            payment_method=self.payment.currentData(), sick_pay=self.sick_pay.toPlainText(),
            other_paid_leave=self.other_leave.toPlainText(), other_benefits=self.benefits.toPlainText(),
            employer_notice_weeks=notice or None, pa_notice_weeks=self.pa_notice.value(),
            outside_uk=self.outside_uk.toPlainText(), collective_agreements=self.collective.toPlainText(),
            training_entitlement=self.training.toPlainText(), unpaid_training=self.unpaid_training.toPlainText(),
            grievance_contact=self.grievance.text(), appeal_contact=self.appeal.text(),
        )

    def _save(self) -> None:
        done = statements.save_terms_undoably(self.db, self.employer_id, self.pa.id, self.terms())
        self.saved, self.change = done.value, done.change


class StatementGivenDialog(FormDialog):
    """The day a statement (or a notice of a change) was given to the PA, and the day they signed it."""

    def __init__(self, db: Database, employer_id: int, record: StoredStatement, today: date, parent=None):
        what = "written statement" if record.kind == statements.STATEMENT else "notice of a change"
        super().__init__(
            f"Record {record.worded.pa_name}'s {what} as given",
            f"Enter the day you gave {record.worded.pa_name} the {what}, and the day they signed your copy. A "
            "statement must be given within 7 days of the day its terms are stated, so give it soon after making it.",
            parent)
        self.db, self.employer_id, self.record = db, employer_id, record
        self.before = (record.given_on, record.signed_on)
        self.given = DateEdit()
        self.given.set_value(record.given_on or today)
        self.signed = DateEdit()
        self.signed.set_value(record.signed_on)
        self.rows["given_on"] = add_row(self.form, "Gi&ven on:", self.given, DATE_HINT)
        self.rows["signed_on"] = add_row(self.form, "Si&gned on:", self.signed,
                                         "Leave blank until they sign and return your copy")

    def _save(self) -> None:
        given = self._date("given_on", "Enter the day you gave it to them.")
        done = statement_given.record_given_undoably(self.db, self.employer_id, self.record.id, given, self._date("signed_on"))
        self.saved, self.change = done.value, done.change


class PoliciesDialog(QDialog):
    """Choose one of the household's policies and save it, as a PDF to share and sign or a web page."""

    def __init__(self, context, parent=None):
        from pa_manager.policy_names import POLICIES
        from pa_manager.policy_words import TITLES

        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Policies for your household")
        self.saved_to: Path | None = None
        intro = paragraph(
            "Plain-English policies filled in with your details, written for PA Manager: each follows the Acas Code "
            "of Practice or the Health and Safety Executive's guidance, and says which. Talk them through with your "
            "PAs and change them to suit you; they are not legal advice.")
        form = QFormLayout()
        self.choice = QComboBox()
        for kind in POLICIES:
            self.choice.addItem(TITLES[kind], kind)
        add_row(form, "&Policy:", self.choice)
        self.save_button = QPushButton("&Save it…")
        self.save_button.setDefault(True)
        self.message = paragraph()
        self.message.setAccessibleName("Message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.resize(560, 280)

    def _on_save_button_clicked(self) -> None:
        from pa_manager.services import policies

        kind, title = self.choice.currentData(), self.choice.currentText()
        suggested = str(Path.home() / f"{title}.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, f"Save {title.lower()}", suggested,
                                                   "PDF to share and sign (*.pdf);;Web page for a screen reader (*.html)")
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".html" if chosen and "html" in chosen else ".pdf")
        try:
            policies.save_policy(self.context.db, self.context.employer_id, kind, path, self.context.today())
        except (ServiceError, OSError) as error:
            self.message.setText(f"It was not saved: {getattr(error, 'strerror', None) or error}")
            return
        self.saved_to = path
        self.message.setText(f"Saved to {path}.")
