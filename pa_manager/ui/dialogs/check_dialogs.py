"""The forms for one PA's checks: DBS, right to work, a reference, the contract and induction.

Each dialog saves through pa_manager.services.checks when you choose Save, and keeps `before`, `saved`
and the `change` saving made, so the caller can put it on the undo stack (check_records.edit_check does).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain.compliance import (
    INFORMATION_DISCLOSED, UPDATE_SERVICE_LEVELS, Contract, DBSCheck, Reference, RightToWorkCheck, StatusCheck,
)
from pa_manager.domain.people import PARecord
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date, say
from pa_manager.services import checks
from pa_manager.services.checks import Stored
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.data_files import Database
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.widgets.form import FieldRow, add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll

LEVEL_NAMES = {
    "basic": "Basic",
    "standard": "Standard",
    "enhanced": "Enhanced",
    "enhanced_adults_barred": "Enhanced with the adults' barred list",
    "enhanced_children_barred": "Enhanced with the children's barred list",
    "enhanced_both_barred": "Enhanced with both barred lists",
}
OUTCOME_NAMES = {
    "clear": "Clear – nothing recorded",
    "information_disclosed": "Information was disclosed",
}
RESULT_NAMES = {
    "no_change": "No change",
    "changed": "Changed – ask for a new check",
}
METHOD_NAMES = {
    "online_share_code": "Online check with a share code",
    "manual_document": "Checked their original documents",
    "identity_service_provider": "Digital identity check by a certified provider",
}
SATISFACTORY_CHOICES = ((None, "Not decided yet"), (True, "Yes, satisfactory"), (False, "No, not satisfactory"))
CERTIFICATE_HINT = "12 numbers, printed on the certificate"
# Said wherever a DBS result is entered: the app must never hold what a disclosure says.
NO_DISCLOSURE_NOTE = "Do not write down what the certificate says: PA Manager keeps only its number, level, date and outcome."


class _CheckDialog(QDialog):
    """The frame every check form shares: an introduction, the form, Save and Cancel, and each
    problem shown under its field. Subclasses build the rows and implement `_save()`."""

    def __init__(self, title: str, intro: str, parent=None, *, scroll: bool = False):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle(title)
        self.rows: dict[str, FieldRow] = {}
        self.before = None
        self.saved = None
        self.change = None  # what saving did (services.undo.Change)
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        if not scroll:
            layout.setContentsMargins(0, 0, 0, 0)
        text = paragraph(intro)
        layout.addWidget(text)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        layout.addStretch()
        # A long form scrolls up and down, so hints keep their full height at large text sizes.
        outer.addWidget(vertical_scroll(body, title) if scroll else body, stretch=1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)  # below the form, which subclasses fill in afterwards
        self.setMinimumWidth(560)

    def _date(self, key: str, missing: str | None = None) -> date | None:
        """The date typed in a row; `missing` is the message when a blank is not allowed."""
        row = self.rows[key]
        try:
            value = row.field.value()
        except InputError as error:
            raise _Wrong(key, say(error)) from None
        if value is None and missing:
            raise _Wrong(key, missing)
        return value

    def show_problems(self, problems: dict[str, Problem | str]) -> None:
        first = None
        for key, problem in problems.items():
            row = self.rows.get(key) or next(iter(self.rows.values()))
            row.show_error(problem if isinstance(problem, str) else describe(problem))
            first = first or row
        if first is not None:
            first.field.setFocus()

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        try:
            self._save()
        except _Wrong as wrong:
            self.show_problems({wrong.key: wrong.message})
            return
        except ValidationFailed as failure:
            self.show_problems(failure.problems)
            return
        self.accept()

    def _save(self) -> None:
        raise NotImplementedError

    def _keep(self, done) -> None:
        self.saved, self.change = done.value, done.change


class _Wrong(Exception):
    """Input the form itself cannot read; shown next to the field named by `key`."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key, self.message = key, message


def _combo(choices) -> QComboBox:
    box = QComboBox()
    for value, label in choices:
        box.addItem(label, value)
    return box


def _select(box: QComboBox, value) -> None:
    for index in range(box.count()):
        if box.itemData(index) == value:
            box.setCurrentIndex(index)
            return


class DBSCheckDialog(_CheckDialog):
    def __init__(self, db: Database, employer_id: int, pa: PARecord, stored: Stored[DBSCheck] | None = None, parent=None):
        super().__init__(
            f"{'Change' if stored else 'Add'} {pa.name}'s DBS check",
            "Copy these details from the DBS certificate. Your council or an umbrella body applies for the "
            "check for you. " + NO_DISCLOSURE_NOTE,
            parent, scroll=True,
        )
        self.resize(700, 720)
        self.db, self.employer_id, self.pa, self.before = db, employer_id, pa, stored
        check = stored.value if stored else None
        self.level = _combo(LEVEL_NAMES.items())
        _select(self.level, check.level if check else "enhanced_adults_barred")
        self.certificate = QLineEdit(check.certificate_number if check else "")
        self.issue_date = DateEdit()
        self.issue_date.set_value(check.issue_date if check else None)
        self.processed_by = QLineEdit(check.processed_by if check else "")
        self.outcome = _combo(OUTCOME_NAMES.items())
        _select(self.outcome, check.outcome if check else "clear")
        self.risk_assessment = DateEdit()
        self.risk_assessment.set_value(check.risk_assessment_date if check else None)
        self.update_service = WrappingCheckBox("They subscribe to the DBS &Update Service")
        self.update_service.setChecked(bool(check and check.update_service))
        self.renewal = DateEdit()
        self.renewal.set_value(check.update_service_renewal if check else None)
        self.rows["level"] = add_row(self.form, "Le&vel:", self.level, "Enhanced with the adults' barred list is usual for personal care")
        self.rows["certificate_number"] = add_row(self.form, "&Certificate number:", self.certificate, CERTIFICATE_HINT)
        self.rows["issue_date"] = add_row(self.form, "Date of &issue:", self.issue_date, DATE_HINT)
        self.rows["processed_by"] = add_row(
            self.form, "&Processed by:", self.processed_by, "The council team or umbrella body that applied for the check")
        self.rows["outcome"] = add_row(self.form, "&Outcome:", self.outcome)
        self.rows["risk_assessment_date"] = add_row(
            self.form, "&Risk assessment date:", self.risk_assessment,
            "When information was disclosed: the date you decided, with advice if you need it, that they can work for you",
        )
        self.rows["update_service"] = add_row(
            self.form, "Update Service:", self.update_service,
            "A yearly subscription that lets you check online that the certificate is still up to date",
        )
        self.rows["update_service_renewal"] = add_row(self.form, "Update Service re&newal date:", self.renewal, DATE_HINT)
        self._build_status_checks(check.status_checks if check else ())
        self.outcome.currentIndexChanged.connect(self._sync_enabled)
        self.update_service.toggled.connect(self._sync_enabled)
        self.level.currentIndexChanged.connect(self._sync_enabled)
        self._sync_enabled()

    def _build_status_checks(self, status_checks) -> None:
        """The log of Update Service status checks: a list, and a row to add one."""
        self.status_list = QListWidget()
        self.status_list.setMaximumHeight(self.status_list.fontMetrics().lineSpacing() * 5)
        self.rows["status_checks"] = add_row(
            self.form, "Status checks so far:", self.status_list, "Each free online check you made with the Update Service")
        self.status_date = DateEdit()
        self.status_result = _combo(RESULT_NAMES.items())
        self.rows["status_date"] = add_row(self.form, "Status check &date:", self.status_date, DATE_HINT)
        self.rows["status_result"] = add_row(self.form, "Resul&t:", self.status_result)
        row = QHBoxLayout()
        self.add_status_button = QPushButton("&Add status check")
        self.remove_status_button = QPushButton("Re&move chosen status check")
        row.addWidget(self.add_status_button)
        row.addWidget(self.remove_status_button)
        row.addStretch()
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("", holder)
        self.add_status_button.clicked.connect(self._on_add_status_clicked)
        self.remove_status_button.clicked.connect(self._on_remove_status_clicked)
        self._status_checks = sorted((StatusCheck(*s) for s in status_checks), key=lambda s: s.checked_on)
        self._show_status_checks()

    def _show_status_checks(self) -> None:
        self.status_list.clear()
        for entry in self._status_checks:
            item = QListWidgetItem(f"{format_date(entry.checked_on)}: {RESULT_NAMES[entry.result]}")
            self.status_list.addItem(item)
        if not self._status_checks:
            self.status_list.addItem("None recorded")
        self.remove_status_button.setEnabled(bool(self._status_checks))

    def _sync_enabled(self) -> None:
        self.risk_assessment.setEnabled(self.outcome.currentData() == INFORMATION_DISCLOSED)
        allowed = self.level.currentData() in UPDATE_SERVICE_LEVELS
        self.update_service.setEnabled(allowed or self.update_service.isChecked())
        subscribed = self.update_service.isChecked()
        for widget in (self.renewal, self.status_date, self.status_result, self.add_status_button):
            widget.setEnabled(subscribed)

    def _on_add_status_clicked(self) -> None:
        self.rows["status_date"].show_error(None)
        try:
            day = self._date("status_date", "Enter the date you did the status check.")
        except _Wrong as wrong:
            self.show_problems({wrong.key: wrong.message})
            return
        self._status_checks = sorted([*self._status_checks, StatusCheck(day, self.status_result.currentData())],
                                     key=lambda s: s.checked_on)
        self.status_date.clear()
        self._show_status_checks()

    def _on_remove_status_clicked(self) -> None:
        row = self.status_list.currentRow()
        if self._status_checks and 0 <= row < len(self._status_checks):
            del self._status_checks[row]
            self._show_status_checks()

    def _save(self) -> None:
        issued = self._date("issue_date", "Enter the date of issue printed on the certificate.")
        subscribed = self.update_service.isChecked()
        disclosed = self.outcome.currentData() == INFORMATION_DISCLOSED
        check = DBSCheck(
            level=self.level.currentData(),
            certificate_number=self.certificate.text(),
            issue_date=issued,
            processed_by=self.processed_by.text().strip(),
            outcome=self.outcome.currentData(),
            risk_assessment_date=self._date("risk_assessment_date") if disclosed else None,
            update_service=subscribed,
            update_service_renewal=self._date("update_service_renewal") if subscribed else None,
            status_checks=tuple(self._status_checks) if subscribed else (),
        )
        self._keep(checks.save_check(self.db, self.employer_id, self.pa.id, "dbs", check,
                                     self.before.id if self.before else None))


class RightToWorkDialog(_CheckDialog):
    def __init__(self, db: Database, employer_id: int, pa: PARecord, stored: Stored[RightToWorkCheck] | None = None,
                 parent=None):
        super().__init__(
            f"{'Change' if stored else 'Add'} {pa.name}'s right-to-work check",
            f"You must check that {pa.name} can work in the UK before their first shift, and keep a dated copy "
            "of what you saw for 2 years after they leave.",
            parent,
        )
        self.db, self.employer_id, self.pa, self.before = db, employer_id, pa, stored
        check = stored.value if stored else None
        self.method = _combo(METHOD_NAMES.items())
        _select(self.method, check.method if check else "online_share_code")
        self.checked_on = DateEdit()
        self.checked_on.set_value(check.checked_on if check else None)
        self.document = QLineEdit(check.document_type if check else "")
        self.expires = DateEdit()
        self.expires.set_value(check.permission_expires if check else None)
        self.rows["method"] = add_row(self.form, "&How you checked:", self.method)
        self.rows["checked_on"] = add_row(self.form, "&Date you checked:", self.checked_on,
                                          "This must be before their first shift. " + DATE_HINT)
        self.rows["document_type"] = add_row(self.form, "D&ocument seen:", self.document,
                                             "For example British passport, or the online check's result page")
        self.rows["permission_expires"] = add_row(
            self.form, "&Permission ends:", self.expires,
            "Leave blank if there is no time limit, for example with a British or Irish passport or settled status",
        )

    def _save(self) -> None:
        check = RightToWorkCheck(
            method=self.method.currentData(),
            checked_on=self._date("checked_on", "Enter the date you checked their right to work."),
            document_type=self.document.text().strip(),
            permission_expires=self._date("permission_expires"),
        )
        self._keep(checks.save_check(self.db, self.employer_id, self.pa.id, "right_to_work", check,
                                     self.before.id if self.before else None))


class ReferenceDialog(_CheckDialog):
    def __init__(self, db: Database, employer_id: int, pa: PARecord, stored: Stored[Reference] | None = None, parent=None):
        super().__init__(
            f"{'Change' if stored else 'Add'} a reference for {pa.name}",
            "A reference is what a past employer or someone who knows them says about them. Record who you "
            "asked and when, and whether what they said was satisfactory.",
            parent,
        )
        self.db, self.employer_id, self.pa, self.before = db, employer_id, pa, stored
        reference = stored.value if stored else None
        self.referee = QLineEdit(reference.referee if reference else "")
        self.requested_on = DateEdit()
        self.requested_on.set_value(reference.requested_on if reference else None)
        self.received_on = DateEdit()
        self.received_on.set_value(reference.received_on if reference else None)
        self.satisfactory = _combo(SATISFACTORY_CHOICES)
        _select(self.satisfactory, reference.satisfactory if reference else None)
        self.rows["referee"] = add_row(self.form, "&Name of referee:", self.referee,
                                       "And how they know them, like Ann Lee, previous employer")
        self.rows["requested_on"] = add_row(self.form, "Date you &asked:", self.requested_on, DATE_HINT)
        self.rows["received_on"] = add_row(self.form, "Date &received:", self.received_on, "Leave blank until it arrives")
        self.rows["satisfactory"] = add_row(self.form, "&Is it satisfactory?", self.satisfactory)

    def _save(self) -> None:
        reference = Reference(
            referee=self.referee.text().strip(),
            requested_on=self._date("requested_on"),
            received_on=self._date("received_on"),
            satisfactory=self.satisfactory.currentData(),
        )
        self._keep(checks.save_check(self.db, self.employer_id, self.pa.id, "reference", reference,
                                     self.before.id if self.before else None))


class ContractDialog(_CheckDialog):
    def __init__(self, db: Database, employer_id: int, pa: PARecord, stored: Contract | None = None, parent=None):
        super().__init__(
            f"{pa.name}'s contract and induction",
            f"By law you must give {pa.name} a written statement of their terms on or before their first day. "
            "Leave blank anything you have not done yet.",
            parent,
        )
        self.db, self.employer_id, self.pa, self.before = db, employer_id, pa, stored
        contract = stored or Contract()
        self.statement = DateEdit()
        self.statement.set_value(contract.statement_given_on)
        self.signed = DateEdit()
        self.signed.set_value(contract.signed_on)
        self.job_description = QCheckBox("&Job description given")
        self.job_description.setChecked(contract.job_description)
        self.induction = DateEdit()
        self.induction.set_value(contract.induction_completed_on)
        self.rows["statement_given_on"] = add_row(
            self.form, "&Written statement given on:", self.statement,
            "The written statement of terms: pay, hours, holiday and more. " + DATE_HINT)
        self.rows["signed_on"] = add_row(self.form, "Si&gned on:", self.signed, "The day they signed and returned it")
        self.rows["job_description"] = add_row(self.form, "Job description:", self.job_description)
        self.rows["induction_completed_on"] = add_row(
            self.form, "I&nduction finished on:", self.induction,
            "Showing them your routines, your home and what to do in an emergency. Within 12 weeks is usual.")

    def _save(self) -> None:
        contract = Contract(
            statement_given_on=self._date("statement_given_on"),
            signed_on=self._date("signed_on"),
            job_description=self.job_description.isChecked(),
            induction_completed_on=self._date("induction_completed_on"),
        )
        self._keep(checks.save_check(self.db, self.employer_id, self.pa.id, "contract", contract))
