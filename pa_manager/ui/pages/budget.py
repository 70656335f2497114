"""Budget: how the direct payment is doing this council year, in words first, then charts, the ledger,
the council's rate beside the wage floors, what-ifs, and the report and letter for the council."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain.money import format_money
from pa_manager.domain.rates import RatesError
from pa_manager.messages import format_date, say
from pa_manager.services import budget
from pa_manager.budget_words import (
    cost_note, cost_table, forecast_line, gap_lines, history_rows, letter_possible, reconciliation_line,
    sick_pay_lines,
)
from pa_manager.services.budget_report import chart_data, save_budget_report, save_review_letter
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.budget_dialogs import BudgetYearDialog
from pa_manager.ui.pages.budget_ledger import LedgerPanel
from pa_manager.ui.pages.budget_parts import StatusLines, WhatIfPanel, fit_rows, group, item, table
from pa_manager.ui.widgets.charts import BudgetCharts
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.inputs import DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.scroll import vertical_scroll

HISTORY_HEADERS = ("Year", "Council's rate", "Council's rise", "National Living Wage", "NLW rise",
                   "Real Living Wage", "RLW rise")



# The tables whose records this page shows: a change to any of them redraws it (ui/refresh.py).
SHOWS = frozenset({"budget_years", "ledger_entries", "statement_balances", "pay_runs", "payslips", "shifts",
                    "rota_patterns", "rota_changes", "pas", "pay_rates", "employers", "sick_pay_schemes"})


class BudgetPage(QWidget):
    title = "Budget"

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.label: str | None = None  # the budget year shown
        self._stale = True
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading("Budget"))

        year_label = QLabel("&Budget year:")
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Budget year")
        year_label.setBuddy(self.year_box)
        self.year_button = QPushButton("Add or change a b&udget year…")
        row = QHBoxLayout()
        for widget in (year_label, self.year_box, self.year_button):
            row.addWidget(widget)
        row.addStretch()
        layout.addLayout(row)

        self.summary = paragraph()
        self.status = StatusLines()
        # Sick pay beside the forecast: what recorded sickness adds, and the most the scheme could cost.
        self.sick_pay = paragraph()
        self.sick_pay.setAccessibleName("Sick pay")
        layout.addWidget(group("How the budget is doing", self.summary, self.status, self.sick_pay)[0])
        self.charts = BudgetCharts()
        self.charts_group, _ = group("Spending and balance", self.charts)
        layout.addWidget(self.charts_group)
        self.ledger = LedgerPanel(context)
        layout.addWidget(self.ledger)

        self.history, self.history_model = table("The council's rate beside the wage floors", HISTORY_HEADERS,
                                                 stretch=0)
        self.costs, self.costs_model = table("What an hour of care costs", ("What an hour costs",), stretch=0)
        self.gap_note = paragraph()
        layout.addWidget(group("The council's rate and the wage floors", paragraph(
            "Each year's rise is on the year before. The National Living Wage is the legal minimum for workers aged "
            "21 and over; the Real Living Wage is a voluntary rate set by the Living Wage Foundation."),
            self.history, self.costs, self.gap_note)[0])
        self.what_if = WhatIfPanel(context)
        layout.addWidget(self.what_if)
        layout.addWidget(self._build_reports())
        layout.addStretch()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(vertical_scroll(body, "Budget"))

        self.year_box.activated.connect(self._on_year_box_activated)
        self.year_button.clicked.connect(self._on_year_button_clicked)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.letter_button.clicked.connect(self._on_letter_button_clicked)
        self.refresher = Refresher(self, context, SHOWS, self.refresh)
        self.refresh()

    def _build_reports(self):
        self.report_from, self.report_to = DateEdit(), DateEdit()
        for edit in (self.report_from, self.report_to):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("30/12/2026") * 2)
        self.report_button = QPushButton("Save budget re&port…")
        self.letter_button = QPushButton("Save &letter asking for a review…")
        self.letter_note = paragraph()
        form = QFormLayout()
        self.report_rows = (add_row(form, "Report fro&m:", self.report_from), add_row(form, "T&o:", self.report_to))
        box, layout = group("For the council", paragraph(
            "The budget report is for the council's monitoring return: money in and out by category for the "
            "dates you choose, the balance, and the gap between the council's rate and what your PAs cost. The "
            "letter asks the council to review your direct payment; send the report with it."))
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.letter_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.letter_note)
        return box

    # --- what is shown ---
    def refresh(self) -> None:
        # Forecasting and costing take a moment: done when the page is seen, not on every change elsewhere.
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        employer_id = self.context.employer_id
        self.setEnabled(employer_id is not None)
        years = budget.list_years(self.context.db, employer_id) if employer_id is not None else []
        labels = [y.label for y in years]
        if self.label not in labels:
            current = next((y.label for y in years if y.starts_on <= self.context.today() <= y.ends_on), None)
            self.label = current or (labels[-1] if labels else None)
            self.ledger.reconcile_result.setText("")
        self.year_box.clear()
        for label in labels:
            self.year_box.addItem(label, label)
        self.year_box.setCurrentIndex(self.year_box.findData(self.label))
        for widget in (self.charts_group, self.report_button):
            widget.setEnabled(self.label is not None)
        if self.label is None:
            self._show_nothing("Add your first budget year to start: choose \"Add or change a budget year…\" and "
                               "enter the figures from the council's letter.")
            return
        try:
            self._show_year()
        except (RatesError, ServiceError) as error:
            # A year that cannot be costed (its rates are not published yet) still shows its ledger; the
            # words name the real cause.
            words = say(budget.rates_missing(error, self.label, self.context.today()) if isinstance(error, RatesError)
                        else error)
            self._show_nothing(words)
            self.ledger.show_year(budget.get_year(self.context.db, self.context.employer_id, self.label))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_nothing(self, words: str) -> None:
        self.summary.setText(words)
        self.status.set_lines([])
        self._show_sick_pay([])
        self.charts.set_data(None)
        self.ledger.show_year(None)
        self.history_model.removeRows(0, self.history_model.rowCount())
        self._show_costs((), [])
        self.gap_note.setText("")
        self.what_if.show_year(None)
        self.letter_button.setEnabled(False)
        self.letter_note.setText("")

    def _show_year(self) -> None:
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        summary = budget.budget_summary(db, employer_id, self.label, today)
        year = summary.year
        up_to = min(today, year.ends_on)
        balance_words = "today" if up_to == today else f"on {format_date(up_to)}"
        self.summary.setText(
            f"{year.label}: from {format_date(year.starts_on)} to {format_date(year.ends_on)}. So far, money in "
            f"{format_money(summary.money_in)} and money out {format_money(summary.money_out)}. Balance "
            f"{balance_words}: {format_money(summary.balance)}.")
        lines = [forecast_line(summary.forecast, year), *gap_lines(summary.uprating, today)]
        if summary.reconciliation is not None:
            lines.append(reconciliation_line(summary.reconciliation))
        self.status.set_lines(lines)
        self._show_sick_pay(sick_pay_lines(summary))
        self.charts_group.setTitle(f"Spending and balance, {year.label}")
        self.charts.set_data(chart_data(summary))
        self.ledger.show_year(year)
        self.history_model.removeRows(0, self.history_model.rowCount())
        for row in history_rows(summary.uprating):
            self.history_model.appendRow([item(text, right=i > 0) for i, text in enumerate(row)])
        fit_rows(self.history)
        self._show_costs(*cost_table(summary.uprating, today))
        self.gap_note.setText(cost_note(summary.uprating))
        self.what_if.show_year(self.label)
        self.report_from.set_value(year.starts_on)
        self.report_to.set_value(up_to if today >= year.starts_on else year.ends_on)
        possible, why_not = letter_possible(summary.uprating, year, today)
        self.letter_button.setEnabled(possible)
        self.letter_note.setText(why_not)

    def _show_sick_pay(self, lines: list[str]) -> None:
        self.sick_pay.setText(" ".join(lines))
        self.sick_pay.setAccessibleDescription(" ".join(lines))
        self.sick_pay.setVisible(bool(lines))

    def _show_costs(self, headings, rows) -> None:
        self.costs_model.clear()
        self.costs_model.setHorizontalHeaderLabels(list(headings) or ["What an hour costs"])
        for row in rows:
            self.costs_model.appendRow([item(text, right=i > 0) for i, text in enumerate(row)])
        self.costs.setVisible(bool(rows))
        fit_rows(self.costs)

    # --- slots ---
    def _on_year_box_activated(self, index: int) -> None:
        self.label = self.year_box.itemData(index)
        self.refresh()

    def _on_year_button_clicked(self) -> None:
        db, employer_id = self.context.db, self.context.employer_id
        years = budget.list_years(db, employer_id)
        dialog = BudgetYearDialog(years, self.label, self.context.today(), self)
        if not dialog.exec():
            return
        done = budget.save_year(db, employer_id, dialog.year)
        self.label = done.value.label
        self.context.push(done.change)

    def _save_pdf(self, what: str, file_name: str, save) -> None:
        path, _ = QFileDialog.getSaveFileName(self, f"Save the {what}", str(Path.home() / file_name),
                                              "PDF documents (*.pdf)")
        if not path:
            return
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
        try:
            save(Path(path))
        except ServiceError as error:
            QMessageBox.warning(self, f"The {what} was not saved", say(error))
            return
        except OSError:
            QMessageBox.warning(self, f"The {what} was not saved", f"PA Manager could not write to {path}. Choose "
                                "another folder, such as Documents, and try again.")
            return
        self.context.status_message.emit(f"Saved the {what} to {path}.")

    def _on_report_button_clicked(self) -> None:
        dates = []
        for row in self.report_rows:
            row.show_error(None)
            try:
                dates.append(row.field.value())
            except InputError as error:
                row.show_error(say(error))
                return
        first, last = dates
        db, employer_id, label, today = self.context.db, self.context.employer_id, self.label, self.context.today()
        self._save_pdf("budget report", f"Budget report {label}.pdf",
                       lambda path: save_budget_report(db, employer_id, label, path, today, first, last))

    def _on_letter_button_clicked(self) -> None:
        db, employer_id, label, today = self.context.db, self.context.employer_id, self.label, self.context.today()
        self._save_pdf("letter", f"Letter asking for a review {label}.pdf",
                       lambda path: save_review_letter(db, employer_id, label, path, today))
