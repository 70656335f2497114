"""The dashboard: what needs doing first, then who the employer is. Each item leads to its fix."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from pa_manager.domain import training as training_rules
from pa_manager.domain.compliance import summarise
from pa_manager.domain.validation import Problem
from pa_manager.messages import date_range, describe, format_date
from pa_manager.ui.models.week_table import spoken_hours
from pa_manager.services.dashboard import load_dashboard
from pa_manager.services import rti, year_end
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.employer_dialog import FREQUENCY_NAMES
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status_list import StatusList
from pa_manager.ui.widgets.scroll import vertical_scroll
from pa_manager.domain.money import format_money
from pa_manager.wording import due_item_sentence, per_hour, percent, summary_words, wage_warning_sentence

INFORMATION_ONLY = {"PA_CLOSE_RELATIVE_NEEDS_AGREEMENT"}
TRAINING_AREA = "training"
TRAINING_CODES = training_rules.CODES
PAY_CODES = frozenset({year_end.P60_DUE})  # things to do on the Pay page
FPS_CODES = frozenset({rti.FPS_DUE, rti.FPS_LATE})  # a pay run's FPS: its pay run on the Pay page
FPS_AREA = "fps"


class DashboardPage(QWidget):
    title = "Dashboard"
    pa_requested = Signal(int)
    employer_edit_requested = Signal()
    employer_add_requested = Signal()
    area_requested = Signal(str, int)  # ("checks" or "training", PA id or -1): where an item is dealt with

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = heading()
        layout.addWidget(self.heading)

        # Shown only when the data file has no employer yet: the one thing to do first.
        self.welcome = QWidget()
        welcome_layout = QVBoxLayout(self.welcome)
        welcome_text = paragraph(
            "PA Manager keeps the records of someone who employs personal assistants with a direct payment: "
            "their PAs, hours, pay, checks, training and budget. Start by adding the employer: the person who "
            "holds the direct payment. To look around first, open the demo household with pa-manager --demo.")
        welcome_layout.addWidget(welcome_text)
        self.add_employer_button = QPushButton("&Add the employer…")
        welcome_layout.addWidget(self.add_employer_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.welcome)

        todo_now = QGroupBox("What needs doing")
        todo_now_layout = QVBoxLayout(todo_now)
        self.due_summary = paragraph()
        todo_now_layout.addWidget(self.due_summary)
        self.due = StatusList("What needs doing")
        todo_now_layout.addWidget(self.due)
        layout.addWidget(todo_now)

        glance = QGroupBox("Pay day and budget")
        glance_layout = QVBoxLayout(glance)
        self.glance = StatusList("Pay day and budget")
        glance_layout.addWidget(self.glance)
        layout.addWidget(glance)

        pay = QGroupBox("Pay and the minimum wage")
        pay_layout = QVBoxLayout(pay)
        self.pay_summary = paragraph()
        pay_layout.addWidget(self.pay_summary)
        self.pay_warnings = StatusList("Pay and the minimum wage")
        pay_layout.addWidget(self.pay_warnings)
        layout.addWidget(pay)

        self.continuity = paragraph()
        pay_layout.addWidget(self.continuity)

        todo = QGroupBox("Details still to add")
        todo_layout = QVBoxLayout(todo)
        self.summary = paragraph()
        todo_layout.addWidget(self.summary)
        self.gaps = StatusList("Details still to add")
        todo_layout.addWidget(self.gaps)
        hint = paragraph("Press Enter on an item to go to where you can put it right.")
        todo_layout.addWidget(hint)
        layout.addWidget(todo)

        self.groups = (todo_now, glance, pay, todo)
        details = QGroupBox("Employer details")
        self.details = QFormLayout(details)
        layout.addWidget(details)
        self.groups += (details,)
        self.edit_button = QPushButton("&Change employer details…")
        layout.addWidget(self.edit_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()

        scroll = vertical_scroll(body, "Dashboard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.edit_button.clicked.connect(self.employer_edit_requested)
        self.add_employer_button.clicked.connect(self.employer_add_requested)
        self.gaps.itemActivated.connect(self._on_item_activated)
        self.pay_warnings.itemActivated.connect(self._on_item_activated)
        self.due.itemActivated.connect(self._on_item_activated)
        self.glance.itemActivated.connect(self._on_item_activated)
        context.data_changed.connect(self.refresh)
        context.employer_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        if self.context.employer_id is None:
            self.heading.setText("Welcome to PA Manager")
            self.summary.setText("Add an employer to start: choose File, then New employer.")
            self.pay_summary.setText("")
            self.gaps.set_lines([])
            self.pay_warnings.set_lines([])
            self.due.set_lines([])
            self.due_summary.setText("")
            self.continuity.setText("")
            self.edit_button.setEnabled(False)
            self._show_welcome(True)
            return
        self._show_welcome(False)
        self.edit_button.setEnabled(True)
        data = load_dashboard(self.context.db, self.context.employer_id, self.context.today())
        self.heading.setText(data.employer.name)
        self._show_due(data)
        self._show_glance(data)
        self._show_pay(data)
        self._show_gaps(data)
        self._show_details(data)

    def _show_welcome(self, shown: bool) -> None:
        self.welcome.setVisible(shown)
        self.edit_button.setVisible(not shown)
        for group in self.groups:
            group.setVisible(not shown)

    def _show_glance(self, data) -> None:
        people = len(data.current_pas)
        waiting = sum((u.hours for u in data.unpaid if not u.overdue), Decimal(0))
        so_far = f" {spoken_hours(int(waiting * 60))} worked so far are waiting for it." if waiting else ""
        lines = [("info", f"Next pay day: {format_date(data.next_pay_day)}, for {people} PA{'s' if people != 1 else ''}."
                          f"{so_far} Check the hours, then go to Pay.")]
        targets = [("pay", -1)]
        for unpaid in (u for u in data.unpaid if u.overdue):  # so that no PA simply goes unpaid
            lines.append(("warning", f"Not paid yet: {spoken_hours(int(unpaid.hours * 60))} worked by {unpaid.pa_name} "
                                     f"({date_range(unpaid.first_day, unpaid.last_day)}) are in no finalised pay run. "
                                     f"Pay them on {format_date(unpaid.pay_date)}: press Enter to go to that pay run."))
            targets.append(("pay", unpaid.pa_id))
        b = data.budget
        if b is None:
            lines.append(("missing", "Missing: no budget year is recorded for today. Add one on the Budget page to see how "
                                     "your direct payment is doing."))
        elif b.forecast_year_end is None:
            lines.append(("info", f"Budget {b.label}: the balance today is {format_money(b.balance)}."))
        else:
            # The Budget page's own line, read from the same forecast as its chart.
            code, words = b.status
            word, _, rest = words.partition(": ")
            lines.append((code, f"{word}: the {b.label} balance is {format_money(b.balance)} today. "
                                f"{rest[:1].upper()}{rest[1:]}"))
        self.glance.set_lines(lines, [*targets, ("budget", -1)])

    def _show_due(self, data) -> None:
        today = self.context.today()
        # Counted from the very items listed below it, as every summary of due items is.
        _, word, words = summary_words(summarise(data.due), today)
        self.due_summary.setText(f"{word}: {words} The most urgent is first." if data.due else words)
        lines = [due_item_sentence(item, today) for item in data.due]
        targets = [(FPS_AREA, item.param("pay_date").toordinal()) if item.code in FPS_CODES else
                   (TRAINING_AREA if item.code in TRAINING_CODES else "pay" if item.code in PAY_CODES else "checks",
                    item.pa_key if item.pa_key is not None else -1) for item in data.due]
        self.due.set_lines(lines or [("ok", "Done: every check and duty is up to date.")], targets or None)

    def _show_pay(self, data) -> None:
        share = data.continuity.share if data.continuity else None
        if share is None:
            self.continuity.setText("")
        else:
            words = "meets" if data.continuity.meets_target else "is below"
            self.continuity.setText(
                f"Continuity of care: {percent(share)} of care hours in the last four weeks were worked by your regular PAs. "
                f"This {words} the 90% the Citizens UK care charter asks for.")
        below = [s for s in data.standings if s.current_rate is not None and not s.check.meets_minimum]
        if below:
            self.pay_summary.setText(f"{len(below)} PA{'s are' if len(below) != 1 else ' is'} paid below the legal minimum.")
        elif data.standings:
            self.pay_summary.setText("Everyone is paid at least the legal minimum today.")
        else:
            self.pay_summary.setText("Add your PAs' dates of birth and hourly rates to check their pay.")
        lines, targets = [], []
        for standing in below:
            shortfall = standing.check.minimum_hourly_rate - standing.current_rate
            lines.append(("below", f"Below the legal minimum: {standing.pa_name} is paid {per_hour(standing.current_rate)}, "
                                   f"{format_money(shortfall)} less than the {per_hour(standing.check.minimum_hourly_rate)} "
                                   "they must get. Raise their rate now."))
            targets.append(standing.pa_id)
        for item in data.wage_warnings:
            lines.append(("warning", "Coming up: " + wage_warning_sentence(item.pa_name, item.warning, item.age_then)))
            targets.append(item.pa_id)
        self.pay_warnings.set_lines(lines, targets)
        self.pay_warnings.setVisible(bool(lines))

    def _show_gaps(self, data) -> None:
        to_fix = [g for g in data.gaps if g.code not in INFORMATION_ONLY]
        if not data.gaps:
            self.summary.setText("Nothing is missing.")
            self.gaps.set_lines([("ok", "Done: all the details are recorded.")])
            return
        self.summary.setText(f"{len(to_fix)} thing{'s' if len(to_fix) != 1 else ''} to add.")
        lines = [
            ("info" if g.code in INFORMATION_ONLY else "missing",
             f"{'For information' if g.code in INFORMATION_ONLY else 'Missing'}: {describe(Problem(g.code, g.pa_name))}")
            for g in data.gaps
        ]
        self.gaps.set_lines(lines, [g.pa_id if g.pa_id is not None else -1 for g in data.gaps])

    def _show_details(self, data) -> None:
        e = data.employer
        insurance = (f"{e.insurer}, renews {format_date(e.insurance_renewal_date)}"
                     if e.insurer and e.insurance_renewal_date else "Not recorded")
        names = ", ".join(p.name for p in data.current_pas)
        shown = [
            ("Council", e.council or "Not recorded"),
            ("Direct payment reference", e.direct_payment_reference or "Not recorded"),
            ("UK nation", e.nation.label + (" (London)" if e.london else "")),
            ("Pay frequency", FREQUENCY_NAMES[e.pay_frequency]),
            ("Employer PAYE reference", e.paye_reference or "Not recorded"),
            ("Employer's liability insurance", insurance),
            ("Current PAs", f"{len(data.current_pas)}" + (f": {names}" if names else "")),
        ]
        for label, value in shown:
            text = QLabel(value)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(f"{label}:", text)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target is None:
            return
        if isinstance(target, (tuple, list)):  # a check, duty or training item: its own area
            self.area_requested.emit(str(target[0]), int(target[1]))
            return
        if target >= 0:
            self.pa_requested.emit(target)
        else:
            self.employer_edit_requested.emit()
