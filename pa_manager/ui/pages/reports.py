"""Reports: one place to make the documents a council's audit letter asks for, for a chosen period."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QPushButton, QVBoxLayout, QWidget

from pa_manager.domain.budget import budget_year_label
from pa_manager.messages import format_date
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.pay_dialogs import FittedTable
from pa_manager.ui.models.changes_table import ChangesTableModel
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll


def _last_month(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


class ReportsPage(QWidget):
    title = "Reports"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading("Reports"))
        intro = paragraph("Make the documents your council asks for, for the dates in its letter. Each is a PDF you "
                       "can print, email or save on a USB stick.")
        layout.addWidget(intro)

        period = QGroupBox("Dates")
        form = QFormLayout(period)
        self.first = DateEdit()
        self.last = DateEdit()
        self.first_row = add_row(form, "Fr&om:", self.first, DATE_HINT)
        self.last_row = add_row(form, "&To:", self.last, DATE_HINT)
        layout.addWidget(period)

        documents = QGroupBox("Documents")
        column = QVBoxLayout(documents)
        self.buttons = {}
        for key, label, about in (
            ("budget", "&Budget report…", "Money in and out by category, the balance, the forecast and the uprating gap."),
            ("letter", "&Letter asking for a review…", "One page to send to the council with the budget report."),
            ("payslips", "&Payslips…", "Every payslip of the pay runs paid between the dates, in one file."),
            ("timesheets", "Ti&mesheets…", "Every PA's shifts between the dates, with their totals."),
            ("compliance", "&Compliance report…", "Each PA's checks and your duties as an employer, as they are today."),
            ("training", "T&raining report…", "Each PA's training, what is due and what is missing, as it is today."),
        ):
            button = QPushButton(label)
            button.setAccessibleDescription(about)
            note = paragraph(about)
            column.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
            column.addWidget(note)
            self.buttons[key] = button
            button.clicked.connect(lambda _=False, k=key: self.save(k))
        layout.addWidget(documents)

        changes = QGroupBox("Change history")
        changes_layout = QVBoxLayout(changes)
        changes_layout.addWidget(paragraph("Who changed a pay rate, finalised a pay run or recorded a check, and when, "
                                           "between the dates: what an auditor may ask to see."))
        self.history_button = QPushButton("Show the change&s")
        changes_layout.addWidget(self.history_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.history_model = ChangesTableModel(self)
        self.history_table = FittedTable(self.history_model, "Change history")
        self.history_table.sortByColumn(ChangesTableModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.history_table.setVisible(False)
        changes_layout.addWidget(self.history_table)
        self.history_note = paragraph()
        changes_layout.addWidget(self.history_note)
        layout.addWidget(changes)
        self.history_button.clicked.connect(self._on_history_button_clicked)
        self.result = paragraph()
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName("What happened")
        layout.addWidget(self.result)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(vertical_scroll(body, "Reports"))
        first, last = _last_month(context.today())
        self.first.set_value(first)
        self.last.set_value(last)
        context.employer_changed.connect(self._on_employer_changed)

    def _on_employer_changed(self) -> None:
        self.result.setText("")
        self.history_model.set_rows([])
        self.history_table.setVisible(False)
        self.history_note.setText("")

    def _on_history_button_clicked(self) -> None:
        from pa_manager.services.history import change_history

        dates = self._dates()
        if self.context.employer_id is None or dates is None:
            return
        first, last = dates
        found = [c for c in change_history(self.context.db, self.context.employer_id)
                 if first <= c.at.astimezone().date() <= last]
        self.history_model.set_rows(found)
        self.history_table.setVisible(bool(found))
        self.history_note.setText(f"{len(found)} change{'s' * (len(found) != 1)} between {format_date(first)} and "
                                  f"{format_date(last)}." if found else
                                  f"No changes were recorded between {format_date(first)} and {format_date(last)}.")
        (self.history_table if found else self.history_note).setFocus()

    def _dates(self) -> tuple[date, date] | None:
        self.first_row.show_error(None)
        self.last_row.show_error(None)
        try:
            first, last = self.first.value(), self.last.value()
        except InputError as error:
            self.first_row.show_error(str(error))
            return None
        if first is None or last is None:
            (self.first_row if first is None else self.last_row).show_error("Enter a date.")
            return None
        if last < first:
            self.last_row.show_error(f"Enter a date on or after {format_date(first)}.")
            return None
        return first, last

    def save(self, kind: str) -> None:
        """Ask where to save, make the document, and say where it went (or what went wrong)."""
        employer_id = self.context.employer_id
        dates = self._dates()
        if employer_id is None or dates is None:
            return
        first, last = dates
        name = {"budget": "budget report", "letter": "review letter", "payslips": "payslips",
                "timesheets": "timesheets", "compliance": "compliance report", "training": "training report"}[kind]
        suggested = str(Path.home() / f"{name.capitalize()} {first.isoformat()} to {last.isoformat()}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, f"Save the {name}", suggested, "PDF files (*.pdf)")
        if not path:
            return
        try:
            text = self._make(kind, Path(path), first, last)
        except (ServiceError, OSError) as error:
            self.result.setText(f"The {name} was not saved. {error}")
            return
        self.result.setText(text)
        self.context.status_message.emit(text)

    def _make(self, kind: str, path: Path, first: date, last: date) -> str:
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        if kind in ("budget", "letter"):
            from pa_manager.services.budget_report import save_budget_report, save_review_letter

            label = budget_year_label(first)
            if kind == "budget":
                save_budget_report(db, employer_id, label, path, today, first, last)
            else:
                save_review_letter(db, employer_id, label, path, today)
        elif kind == "payslips":
            from pa_manager.services.period_reports import save_payslips_for_period

            count = save_payslips_for_period(db, employer_id, path, first, last)
            return f"Saved {count} payslips to {path}."
        elif kind == "timesheets":
            from pa_manager.services.period_reports import save_timesheet_report

            save_timesheet_report(db, employer_id, path, first, last)
        elif kind == "compliance":
            from pa_manager.services.compliance_report import save_compliance_report

            save_compliance_report(db, employer_id, path, today)
        else:
            from pa_manager.services.training_report import save_training_report

            save_training_report(db, employer_id, path, today)
        return f"Saved to {path}."
