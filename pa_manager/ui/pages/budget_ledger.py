"""The Budget page's ledger: money in and out for the year, changed by hand or from a bank statement,
every change undoable, and compared with the bank statement's balance."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QMessageBox, QPushButton, QTableView, QVBoxLayout

from pa_manager.domain.budget import BudgetYear
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date, say
from pa_manager.services import budget
from pa_manager.services.budget import StoredEntry
from pa_manager.budget_words import SOURCE_NAMES, reconciliation_line
from pa_manager.services.budget_report import record_statement_balance
from pa_manager.services.errors import ServiceError
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.budget_dialogs import LedgerEntryDialog, ReconcileDialog, StatementImportDialog
from pa_manager.ui.pages.budget_parts import item, money_item, table
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.wording import CATEGORY_NAMES

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
LEDGER_HEADERS = ("Date", "Description", "Category", "Money in", "Money out", "Entered from")


class _WordsColumnView(QTableView):
    """A table whose column of words takes the room the figures leave, but never less than a readable
    width: below that the table scrolls sideways rather than squeeze the words to nothing."""

    WORDS, NARROWEST = 1, 240

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_words_column()

    def fit_words_column(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != self.WORDS)
        header.resizeSection(self.WORDS, max(self.NARROWEST, self.viewport().width() - others))


class LedgerPanel(QGroupBox):
    def __init__(self, context: AppContext, parent=None):
        super().__init__("Money in and out", parent)
        self.context = context
        self.table, self.model = table("Money in and out", LEDGER_HEADERS, sortable=True, view=_WordsColumnView(),
                                       header_columns=(0, 1))  # read as "3 November 2026, Direct payment"
        self.table.horizontalHeader().setSectionResizeMode(_WordsColumnView.WORDS, QHeaderView.ResizeMode.Interactive)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the newest first
        self.table.setMinimumHeight(260)
        self.add_button = QPushButton("&Add…")
        self.change_button = QPushButton("&Change…")
        self.remove_button = QPushButton("&Remove…")
        self.import_button = QPushButton("&Import bank statement…")
        self.reconcile_button = QPushButton("Reco&ncile…")
        self.reconcile_button.setToolTip("Compare your records with your bank statement's balance")
        self.note = paragraph()
        self.reconcile_result = paragraph()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button, self.import_button,
                       self.reconcile_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.reconcile_result)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.reconcile_button.clicked.connect(self._on_reconcile_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._show_entry_buttons)
        self.table.doubleClicked.connect(self._on_change_button_clicked)

    def show_year(self, year: BudgetYear | None) -> None:
        keep = self.current_entry()
        self.reconcile_result.clear()  # after any change it may be out of date; the summary keeps the latest
        self.model.removeRows(0, self.model.rowCount())
        stored_entries = [] if year is None else budget.list_entries(
            self.context.db, self.context.employer_id, year.starts_on, year.ends_on)
        for stored in stored_entries:
            e = stored.entry
            first = item(format_date(e.on), e.on.toordinal())
            first.setData(stored, ENTRY_ROLE)
            self.model.appendRow([
                first, item(e.description or CATEGORY_NAMES[e.category]), item(CATEGORY_NAMES[e.category]),
                money_item(e.amount if e.amount > 0 else None), money_item(-e.amount if e.amount < 0 else None),
                item(SOURCE_NAMES[e.source])])
        self.table.fit_words_column()
        for button in (self.add_button, self.import_button, self.reconcile_button):
            button.setEnabled(year is not None)
        if keep is not None:
            self.select_entry(keep.id)
        self._show_entry_buttons()

    def current_entry(self) -> StoredEntry | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return index.siblingAtColumn(0).data(ENTRY_ROLE)

    def select_entry(self, entry_id: int) -> None:
        view = self.table.model()
        for row in range(view.rowCount()):
            if view.index(row, 0).data(ENTRY_ROLE).id == entry_id:
                self.table.selectRow(row)
                return

    def _show_entry_buttons(self, *_) -> None:
        stored = self.current_entry()
        from_pay_run = stored is not None and stored.entry.source == "pay_run"
        self.change_button.setEnabled(stored is not None and not from_pay_run)
        self.remove_button.setEnabled(stored is not None and not from_pay_run)
        self.note.setText("Pay-run payments are entered when you finalise a pay run. To change one, correct the "
                          "pay run on the Pay page." if from_pay_run else "")

    # --- slots: each change is done by a service, then put on the undo stack ---
    def _on_add_button_clicked(self) -> None:
        dialog = LedgerEntryDialog(None, self.context.today(), self)
        if not dialog.exec():
            return
        done = budget.save_entry(self.context.db, self.context.employer_id, dialog.entry, money_back=dialog.money_back)
        self.context.push(done.change)
        self.select_entry(done.value.id)

    def _on_change_button_clicked(self, *_) -> None:
        before = self.current_entry()
        if before is None or before.entry.source == "pay_run":
            return
        dialog = LedgerEntryDialog(before.entry, self.context.today(), self)
        if not dialog.exec():
            return
        done = budget.save_entry(self.context.db, self.context.employer_id, dialog.entry, before.id,
                                 money_back=dialog.money_back)
        self.context.push(done.change)
        self.select_entry(done.value.id)

    def _on_remove_button_clicked(self) -> None:
        stored = self.current_entry()
        if stored is None or stored.entry.source == "pay_run":
            return
        e = stored.entry
        what = f"{e.description or CATEGORY_NAMES[e.category]}, {format_money(abs(e.amount))} on {format_date(e.on)}"
        answer = QMessageBox.question(self, "Remove the entry?", f"Remove “{what}” from your records? You can undo this.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        change = budget.delete_entry(self.context.db, stored.id)
        if change is None:
            self.context.announce_change()
        else:
            self.context.push(change)

    def _on_import_button_clicked(self) -> None:
        dialog = StatementImportDialog(self.context, self)
        if not dialog.exec() or dialog.result is None or dialog.result.change is None:
            return
        self.context.push(dialog.result.change)

    def _on_reconcile_button_clicked(self) -> None:
        dialog = ReconcileDialog(self.context.today(), self)
        if not dialog.exec():
            return
        try:
            done = record_statement_balance(self.context.db, self.context.employer_id, dialog.on, dialog.balance)
        except ServiceError as error:
            QMessageBox.warning(self, "The balances were not compared", say(error))
            return
        words = reconciliation_line(done.value)[1]
        self.context.push(done.change)
        self.reconcile_result.setText(words)
        self.context.status_message.emit(words)
