"""The dashboard: who the employer is, their PAs, and what is missing, each item leading to its fix."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from pa_manager.domain.missing import Gap
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date
from pa_manager.services.dashboard import load_dashboard
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.employer_dialog import FREQUENCY_NAMES
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.status import Status, status_icon

GAP_ROLE = Qt.ItemDataRole.UserRole
INFORMATION_ONLY = {"PA_CLOSE_RELATIVE_NEEDS_AGREEMENT"}


class DashboardPage(QWidget):
    title = "Dashboard"
    pa_requested = Signal(int)
    employer_edit_requested = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.heading = heading()
        layout.addWidget(self.heading)

        details = QGroupBox("Employer details")
        self.details = QFormLayout(details)
        layout.addWidget(details)
        self.edit_button = QPushButton("&Change employer details…")
        layout.addWidget(self.edit_button, alignment=Qt.AlignmentFlag.AlignLeft)

        todo = QGroupBox("What is missing")
        todo_layout = QVBoxLayout(todo)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        todo_layout.addWidget(self.summary)
        self.gaps = QListWidget()
        self.gaps.setAccessibleName("What is missing")
        self.gaps.setWordWrap(True)
        todo_layout.addWidget(self.gaps)
        hint = QLabel("Press Enter on an item to go to where you can put it right.")
        hint.setWordWrap(True)
        todo_layout.addWidget(hint)
        layout.addWidget(todo, stretch=1)

        self.edit_button.clicked.connect(self.employer_edit_requested)
        self.gaps.itemActivated.connect(self._on_gaps_item_activated)
        context.data_changed.connect(self.refresh)
        context.employer_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        self.gaps.clear()
        if self.context.employer_id is None:
            self.heading.setText("Welcome to PA Manager")
            self.summary.setText("Add an employer to start: choose File, then New employer.")
            self.edit_button.setEnabled(False)
            return
        self.edit_button.setEnabled(True)
        data = load_dashboard(self.context.db, self.context.employer_id, self.context.today())
        e = data.employer
        self.heading.setText(e.name)
        shown = [
            ("Council", e.council or "Not recorded"),
            ("Direct payment reference", e.direct_payment_reference or "Not recorded"),
            ("UK nation", e.nation.label + (" (London)" if e.london else "")),
            ("Pay frequency", FREQUENCY_NAMES[e.pay_frequency]),
            ("Employer PAYE reference", e.paye_reference or "Not recorded"),
            ("Employer's liability insurance",
             f"{e.insurer}, renews {format_date(e.insurance_renewal_date)}" if e.insurer and e.insurance_renewal_date
             else "Not recorded"),
            ("Current PAs", str(len(data.current_pas)) + (": " + ", ".join(p.name for p in data.current_pas) if data.current_pas else "")),
        ]
        for label, value in shown:
            text = QLabel(value)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(f"{label}:", text)
        to_fix = [g for g in data.gaps if g.code not in INFORMATION_ONLY]
        if not data.gaps:
            self.summary.setText("Nothing is missing. All the details are recorded.")
            item = QListWidgetItem(status_icon(Status.DONE), "Done: all details are recorded.")
            self.gaps.addItem(item)
            return
        self.summary.setText(f"{len(to_fix)} thing{'s' if len(to_fix) != 1 else ''} to add.")
        for gap in data.gaps:
            status = Status.INFO if gap.code in INFORMATION_ONLY else Status.MISSING
            item = QListWidgetItem(status_icon(status), f"{status.value}: {describe(Problem(gap.code, gap.pa_name))}")
            item.setData(GAP_ROLE, gap)
            self.gaps.addItem(item)

    def _on_gaps_item_activated(self, item: QListWidgetItem) -> None:
        gap: Gap | None = item.data(GAP_ROLE)
        if gap is None:
            return
        if gap.pa_id is not None:
            self.pa_requested.emit(gap.pa_id)
        else:
            self.employer_edit_requested.emit()
