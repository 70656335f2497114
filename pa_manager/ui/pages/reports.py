"""Reports: one place to make the documents a council's audit letter asks for, for a chosen period."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QGroupBox, QPushButton, QVBoxLayout, QWidget

from pa_manager.messages import format_date, say
from pa_manager.services.documents import FORMATS, NAMES, save_document
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.pay_dialogs import FittedTable
from pa_manager.ui.models.changes_table import ChangesTableModel
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll


_KINDS = {"letter": "review-letter"}  # the page's button names that differ from the documents'
_FORMAT_LABELS = {"pdf": "PDF, to print or send", "html": "Web page (HTML), best with a screen reader",
                  "xlsx": "Spreadsheet (Excel, XLSX)", "csv": "Spreadsheet (CSV)"}
_FILE_FILTERS = {"pdf": "PDF files (*.pdf)", "html": "Web pages (*.html)", "xlsx": "Excel workbooks (*.xlsx)",
                 "csv": "CSV files (*.csv)"}


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
        intro = paragraph("Make the documents your council asks for, for the dates in its letter: as a PDF to print, "
                          "email or save on a USB stick, as a web page that reads well with a screen reader, or, for "
                          "the monitoring return and timesheets, as a spreadsheet.")
        layout.addWidget(intro)

        period = QGroupBox("Dates")
        form = QFormLayout(period)
        self.first = DateEdit()
        self.last = DateEdit()
        self.first_row = add_row(form, "Fr&om:", self.first, DATE_HINT)
        self.last_row = add_row(form, "&To:", self.last, DATE_HINT)
        self.format_box = QComboBox()
        for fmt, label in _FORMAT_LABELS.items():
            self.format_box.addItem(label, fmt)
        self.format_row = add_row(form, "Save &as:", self.format_box,
                                  "A PDF prints exactly as it looks. A web page reads best with a screen reader. A "
                                  "spreadsheet suits councils that want one: the monitoring return and timesheets only.")
        layout.addWidget(period)

        documents = QGroupBox("Documents")
        column = QVBoxLayout(documents)
        self.buttons = {}
        for key, label, about in (
            ("monitoring", "Mo&nitoring return…", "Every payment in and out of the account with the balance after "
                                                   "each, what is owed at the end, your contribution, the hours of "
                                                   "support against your support plan, and a declaration to sign."),
            ("budget", "&Budget report…", "Money in and out by category, the balance, the forecast and the uprating gap."),
            ("letter", "&Letter asking for a review…", "One page to send to the council with the budget report."),
            ("payslips", "&Payslips…", "Every payslip of the pay runs paid between the dates, in one file."),
            ("timesheets", "Ti&mesheets…", "Each PA's shifts between the dates on a page to sign, with their "
                                            "totals, sleep-in nights and bank holidays."),
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
        self.format_note = paragraph("Only the monitoring return and timesheets can be saved as a spreadsheet; "
                                     "choose PDF or web page for the others.")
        self.format_note.setVisible(False)
        column.insertWidget(0, self.format_note)  # said before the buttons it explains
        layout.addWidget(documents)
        self.format_box.currentIndexChanged.connect(self._on_format_box_changed)

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
        self.scroll = vertical_scroll(body, "Reports")
        outer.addWidget(self.scroll)
        first, last = _last_month(context.today())
        self.first.set_value(first)
        self.last.set_value(last)
        context.employer_changed.connect(self._on_employer_changed)

    def _on_format_box_changed(self) -> None:
        """Only the documents that can be made in the chosen format can be chosen."""
        fmt = self.format_box.currentData()
        for key, button in self.buttons.items():
            button.setEnabled(fmt in FORMATS[_KINDS.get(key, key)])
        self.format_note.setVisible(fmt in ("csv", "xlsx"))

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
            self.first_row.show_error(say(error))
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
        document, fmt = _KINDS.get(kind, kind), self.format_box.currentData()
        name = NAMES[document]
        suggested = str(Path.home() / f"{name.capitalize()} {first.isoformat()} to {last.isoformat()}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, f"Save the {name}", suggested, _FILE_FILTERS[fmt])
        if not path:
            return
        try:
            saved = save_document(self.context.db, employer_id, document, fmt, Path(path), self.context.today(),
                                  first, last)
        except (ServiceError, OSError) as error:
            self._say(f"The {name} was not saved. {say(error)}")
            return
        text = (f"Saved {saved.count} payslips to {path}." if saved.count is not None else f"Saved to {path}.")
        self._say(text)
        self.context.status_message.emit(text)

    def _say(self, text: str) -> None:
        """What happened, under the documents: scrolled into view, where the eye goes after saving."""
        self.result.setText(text)
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.result))  # once laid out
