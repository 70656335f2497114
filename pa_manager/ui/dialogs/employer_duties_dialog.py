"""Your duties as an employer: HMRC, insurance, the workplace pension, the council, and your rules for
checks. The dates here drive the reminders in "what needs doing"."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from pa_manager.domain.compliance import DBS_RECHECK_YEARS, REFERENCES_REQUIRED
from pa_manager.domain.employer import EmployerRecord
from pa_manager.help_pages import gloss
from pa_manager.messages import describe, say
from pa_manager.services import employers
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.services.undo import Change
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.widgets.form import FieldRow, add_row, form_message, show_form_message
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll

# The dated fields, in the order they appear: (field, label, hint).
_DATES = {
    "HMRC": (
        ("paye_registered_on", "&Registered with HMRC on:", "The date on HMRC's letter saying you are registered as an employer"),
    ),
    "Employer's liability insurance": (
        ("insurance_renewal_date", "Insurance re&newal date:", "Printed on your insurance certificate. " + DATE_HINT),
    ),
    "Workplace pension": (
        ("pension_duties_start", "Pension &duties start:", "Usually your first PA's first day. Leave blank to use that date."),
        ("declaration_of_compliance_on", "Declaration of &compliance sent on:",
         "You send it to The Pensions Regulator within 5 months of your duties start, even if nobody joins the pension"),
        ("last_re_enrolment_on", "&Last re-enrolment:", "Every 3 years you put eligible PAs back into the pension. Leave blank until you have."),
    ),
    "Your council": (
        ("direct_payment_start", "Direct payment s&tart:", "The date your council started paying your direct payment"),
        ("last_council_review_on", "Last council re&view:", "The council reviews it within 6 months of the start, then at least every year"),
    ),
}


class EmployerDutiesDialog(QDialog):
    """On Save the employer is saved; `before` and `saved` hold the record before and after."""

    def __init__(self, context: AppContext, focus: str | None = None, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.before: EmployerRecord = employers.get_employer(context.db, context.employer_id)
        self.saved: EmployerRecord | None = None
        self.change: Change | None = None  # what saving did, for the undo stack
        self.setWindowTitle(f"{self.before.name}'s duties as an employer")
        self.rows: dict[str, FieldRow] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        intro = paragraph(
            "PA Manager uses these dates to remind you what to do and when. Leave blank anything you have not "
            "done yet."
        )
        layout.addWidget(intro)
        self.dates: dict[str, DateEdit] = {}
        for title, rows in _DATES.items():
            group = QGroupBox(title)
            form = QFormLayout(group)
            if title == "HMRC":
                self.paye_reference = QLineEdit(self.before.paye_reference)
                self.accounts_office_reference = QLineEdit(self.before.accounts_office_reference)
                self.rows["paye_reference"] = add_row(
                    form, "Employer &PAYE reference:", self.paye_reference,
                    f"{gloss('PAYE')} 3 numbers, a slash, then letters and numbers, like 123/AB45678")
                self.rows["accounts_office_reference"] = add_row(
                    form, "Accounts O&ffice reference:", self.accounts_office_reference,
                    f"{gloss('Accounts Office reference')} 13 characters, like 123PF00045678")
            if title == "Employer's liability insurance":
                self.insurer = QLineEdit(self.before.insurer)
                self.rows["insurer"] = add_row(form, "&Insurer:", self.insurer, "Ask your council if they arrange it for you")
            for field, label, hint in rows:
                edit = DateEdit()
                edit.set_value(getattr(self.before, field))
                self.dates[field] = edit
                self.rows[field] = add_row(form, label, edit, hint)
            layout.addWidget(group)

        rules = QGroupBox("Your rules for checks")
        form = QFormLayout(rules)
        self.dbs_years = QSpinBox()
        self.dbs_years.setRange(*DBS_RECHECK_YEARS)
        self.dbs_years.setSuffix(" years")
        self.dbs_years.setValue(self.before.dbs_recheck_years)
        self.references = QSpinBox()
        self.references.setRange(*REFERENCES_REQUIRED)
        self.references.setValue(self.before.references_required)
        self.rows["dbs_recheck_years"] = add_row(
            form, "New DBS check every (&years):", self.dbs_years,
            "DBS certificates have no end date; many councils ask for a new check every 3 years")
        self.rows["references_required"] = add_row(form, "References you as&k for:", self.references, "Most employers ask for 2")
        layout.addWidget(rules)
        layout.addStretch()

        self.scroll = vertical_scroll(body, "Duties as an employer")
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll)
        self.message = form_message()
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(640, 680)
        if focus in self.rows:
            # Opened from a checklist step: start at that step's field.
            self.rows[focus].field.setFocus()
            self.scroll.ensureWidgetVisible(self.rows[focus].field)

    def _on_buttons_accepted(self) -> None:
        for row in self.rows.values():
            row.show_error(None)
        values = {}
        for field, edit in self.dates.items():
            try:
                values[field] = edit.value()
            except InputError as error:
                self._show({field: say(error)})
                return
        record = replace(
            self.before,
            paye_reference=self.paye_reference.text(),
            accounts_office_reference=self.accounts_office_reference.text(),
            insurer=self.insurer.text().strip(),
            dbs_recheck_years=self.dbs_years.value(),
            references_required=self.references.value(),
            **values,
        )
        try:
            done = employers.save_employer_undoably(self.context.db, record, code="EMPLOYER_DUTIES_CHANGED")
            self.saved, self.change = done.value, done.change
        except ValidationFailed as failure:
            self._show({field: describe(problem) for field, problem in failure.problems.items()})
            return
        except ServiceError as error:  # someone else changed or removed the employer since this opened
            show_form_message(self.message, say(error))
            return
        self.accept()

    def _show(self, messages: dict[str, str]) -> None:
        first = None
        for field, message in messages.items():
            row = self.rows.get(field) or self.rows["paye_reference"]
            row.show_error(message)
            first = first or row
        first.field.setFocus()
        self.scroll.ensureWidgetVisible(first.field)


def edit_employer_duties(context: AppContext, focus: str | None = None, parent=None) -> bool:
    """Open the duties form; on Save, put the change on the undo stack."""
    if context.employer_id is None:
        return False
    dialog = EmployerDutiesDialog(context, focus, parent)
    accepted = dialog.exec()
    change = dialog.change
    dialog.deleteLater()
    if not accepted or change is None:
        return False
    context.push(change)
    return True
