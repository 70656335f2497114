"""The dashboard: what needs doing first, then who the employer is. Each item leads to its fix."""
from __future__ import annotations

from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from pa_manager.budget_words import forecast_line
from pa_manager.domain import training as training_rules
from pa_manager.domain.compliance import summarise
from pa_manager.domain import working_time as working_time_rules
from pa_manager.domain.validation import Problem
from pa_manager.messages import describe, format_date
from pa_manager.services.dashboard import budget_glance, load_dashboard
from pa_manager.services import rti, year_end
from pa_manager.services.staff_due import PEOPLE_CODES, RECRUITMENT_CODES
from pa_manager.ui.context import AppContext
from pa_manager.ui.pages.dashboard_layout import DashboardLayout
from pa_manager.ui.refresh import Refresher
from pa_manager.ui.dialogs.employer_dialog import FREQUENCY_NAMES
from pa_manager.domain.money import format_money
from pa_manager.wording import (
    below_minimum_sentence, due_item_sentence, enrolment_sentence, insurance_recorded, percent, spoken_hours,
    summary_words, unpaid_work_sentence, wage_warning_sentence,
)

INFORMATION_ONLY = {"PA_CLOSE_RELATIVE_NEEDS_AGREEMENT"}
WORKING_OUT = object()  # the budget line while its forecast is still being worked out
TRAINING_AREA = "training"
TRAINING_CODES = training_rules.CODES
PAY_CODES = frozenset({year_end.P60_DUE})  # things to do on the Pay page
FPS_CODES = frozenset({rti.FPS_DUE, rti.FPS_LATE})  # a pay run's FPS: its pay run on the Pay page
FPS_AREA = "fps"
HOURS_AREA = "hours"
WORKING_TIME_CODES = frozenset(working_time_rules.CODES)


class DashboardPage(DashboardLayout):
    title = "Dashboard"
    pa_requested = Signal(int)
    employer_edit_requested = Signal()
    employer_add_requested = Signal()
    first_run_requested = Signal()
    area_requested = Signal(str, int)  # ("checks" or "training", PA id or -1): where an item is dealt with
    records_shown = Signal()  # the current employer's records (or the welcome, with none) are on screen

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.shown_employer: int | None = None
        self._data = None
        self._glance = WORKING_OUT
        self.edit_button.clicked.connect(self.employer_edit_requested)
        self.add_employer_button.clicked.connect(self.employer_add_requested)
        self.first_run_button.clicked.connect(self.first_run_requested)
        self.gaps.itemActivated.connect(self._on_item_activated)
        self.pay_warnings.itemActivated.connect(self._on_item_activated)
        self.due.itemActivated.connect(self._on_item_activated)
        self.glance.itemActivated.connect(self._on_item_activated)
        self.refresher = Refresher(self, context, None, self.refresh)  # it shows something of everything
        self.refresh()

    def refresh(self) -> None:
        self.show_details([])
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
            self._data = None
            self.shown_employer = None
            self.records_shown.emit()
            return
        self._show_welcome(False)
        self.edit_button.setEnabled(True)
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        data = load_dashboard(db, employer_id, today, with_budget=False)
        self.heading.setText(data.employer.name)
        self._data, self._glance = data, WORKING_OUT
        self._show_due(data)
        self._show_glance(data, WORKING_OUT)
        self._show_pay(data)
        self._show_gaps(data)
        self._show_details(data)
        self.shown_employer = data.employer.id
        self.records_shown.emit()
        # The budget's forecast costs every planned shift to the year's end: worked out after the rest is shown.
        self.context.background.run(("dashboard budget", id(self)), lambda: budget_glance(db, employer_id, today),
                                    partial(self._show_budget, data))  # bound: not shown to a page gone

    def _show_budget(self, data, glance) -> None:
        if self._data is data:  # still the records shown
            self._glance = glance
            self._show_glance(data, glance)

    def _show_welcome(self, shown: bool) -> None:
        super()._show_welcome(shown)
        for button in (self.first_run_button, self.add_employer_button):
            button.setEnabled(not self.context.db.read_only)  # a file opened to look at only

    def bring_up_to_date(self) -> None:
        """Everything shown as the records are now, the budget line included (before the window closes)."""
        if self.refresher.stale:
            self.refresh()
        if self._data is not None and self._glance is WORKING_OUT:
            self._show_budget(self._data, budget_glance(self.context.db, self.context.employer_id, self.context.today()))

    def _show_glance(self, data, budget) -> None:
        people = len(data.current_pas)
        waiting = sum((u.hours for u in data.unpaid if not u.overdue), Decimal(0))
        so_far = f" {spoken_hours(int(waiting * 60))} worked so far are waiting for it." if waiting else ""
        lines = [("info", f"Next pay day: {format_date(data.next_pay_day)}, for {people} PA{'s' if people != 1 else ''}."
                          f"{so_far} Check the hours, then go to Pay.")]
        targets = [("pay", -1)]
        for unpaid in (u for u in data.unpaid if u.overdue):  # so that no PA simply goes unpaid
            status, sentence = unpaid_work_sentence(unpaid)
            lines.append((status, f"{sentence} Press Enter to go to that pay run."))
            targets.append(("pay", unpaid.pa_id))
        for enrol in data.enrol:  # the law's pension duty, not only on the Pay page
            status, sentence = enrolment_sentence(enrol)
            lines.append((status, f"{sentence} Press Enter to go to their details."))
            targets.append(enrol.pa_id)
        b = budget
        if b is WORKING_OUT:
            lines.append(("info", "Budget: working out the forecast for the rest of the year…"))
        elif b is None:
            lines.append(("missing", "Missing: no budget year is recorded for today. Add one on the Budget page to see how "
                                     "your direct payment is doing."))
        elif b.forecast_year_end is None:
            lines.append(("info", f"Budget {b.label}: the balance today is {format_money(b.balance)}."))
        else:
            # The Budget page's own line, read from the same forecast as its chart.
            code, words = forecast_line(b.forecast, b.year)
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
        targets = [item.pa_key if item.code in PEOPLE_CODES else  # the PA, whose new rate goes on the People page
                   (HOURS_AREA, item.due.toordinal()) if item.code in WORKING_TIME_CODES else  # that week's hours
                   (FPS_AREA, item.param("pay_date").toordinal()) if item.code in FPS_CODES else
                   (TRAINING_AREA if item.code in TRAINING_CODES else "pay" if item.code in PAY_CODES else
                    "recruitment" if item.code in RECRUITMENT_CODES else "checks",
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
        below = data.below_minimum
        if below:
            self.pay_summary.setText(f"{len(below)} PA{'s are' if len(below) != 1 else ' is'} paid below the legal minimum.")
        elif data.standings:
            self.pay_summary.setText("Everyone is paid at least the legal minimum today.")
        else:
            self.pay_summary.setText("Add your PAs' dates of birth and hourly rates to check their pay.")
        lines, targets = [], []
        for standing in below:
            lines.append(below_minimum_sentence(standing))
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
        insurance = insurance_recorded(e.insurer, e.insurance_policy_number, e.insurance_renewal_date) or "Not recorded"
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
        self.show_details(shown)

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
