"""Guided checklists: the steps for taking on a new PA, and for becoming an employer.

Each step says in a sentence or two why it matters, shows whether it is done (a word and an icon),
and has one button to record it with the usual forms. A step list on the left and Back / Next move
between steps; everything works from the keyboard (Alt+N next, Alt+B back, Alt+S the step list).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from pa_manager.domain import compliance as rules
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pension import thresholds
from pa_manager.domain.money import format_money
from pa_manager.messages import format_date
from pa_manager.services import checks, due, employers, people
from pa_manager.ui.keyboard import ready_dialog
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.check_records import (
    describe_dbs, describe_reference, describe_right_to_work, edit_check,
)
from pa_manager.ui.dialogs.employer_duties_dialog import edit_employer_duties
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import Status, status_icon
from pa_manager.ui.widgets.status_list import STATUS_BY_CODE
from pa_manager.wording import due_item_sentence, due_status_word


@dataclass(frozen=True)
class Step:
    title: str
    why: str
    action_text: str | None = None  # the record button's words, with its & letter
    action: Callable[[], object] | None = None


@dataclass(frozen=True)
class StepState:
    code: str  # a status_list.STATUS_BY_CODE key, for the icon
    word: str  # "Done", "Missing", "Overdue since 3 May 2026", ...
    detail: str  # what is recorded, or what to do next


INFO = StepState("info", Status.INFO.value, "")


# Items that stay "ok" while the thing is not done yet but not due for a while: a step with one is
# still to do, not done.
NOT_DONE_WHEN_OK = frozenset({rules.INDUCTION_DUE, rules.PENSION_DECLARATION})


def state_from_items(items: list[rules.DueItem], today, done_detail: str) -> StepState:
    """The most urgent open item decides the step; with none open, the step is done."""
    open_items = [i for i in items if i.status != rules.OK]
    later = [i for i in items if i.status == rules.OK and i.code in NOT_DONE_WHEN_OK and i.due is not None]
    if not open_items and later:
        # Worded as due soon ("Due in 84 days: …") but shown with the information icon: nothing is late.
        _, sentence = due_item_sentence(replace(later[0], status=rules.DUE_SOON), today)
        word, what = sentence.split(": ", 1)
        return StepState("info", word, what)
    if not open_items:
        return StepState("ok", "Done", done_detail)
    first = min(open_items, key=rules.urgency_key)
    code, word = due_status_word(first, today)
    # The sentence starts with the status word, already shown beside the icon.
    return StepState(code, word, due_item_sentence(first, today)[1].split(": ", 1)[-1])


class _ChecklistDialog(QDialog):
    """The frame both checklists share; subclasses give `steps` and `state(index)`."""

    def __init__(self, context: AppContext, title: str, intro: str, steps: list[Step], parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.context = context
        self.steps = steps
        self.setWindowTitle(title)

        self.step_list = QListWidget()
        self.step_list.setAccessibleName("Steps")
        self.step_list.setSpacing(2)
        steps_label = QLabel("&Steps:")
        steps_label.setBuddy(self.step_list)
        left = QVBoxLayout()
        left.addWidget(steps_label)
        left.addWidget(self.step_list)

        self.step_heading = heading(scale=1.25)
        self.status_icon = QLabel()
        self.status_word = QLabel()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_word, stretch=1)
        self.detail = QLabel()
        self.why = QLabel()
        for label in (self.why, self.detail, self.status_word):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.action_button = QPushButton()
        right = QVBoxLayout()
        intro_label = paragraph(intro)
        right.addWidget(intro_label)
        right.addWidget(self.step_heading)
        right.addWidget(self.why)
        right.addLayout(status_row)
        right.addWidget(self.detail)
        right.addWidget(self.action_button, alignment=Qt.AlignmentFlag.AlignLeft)
        right.addStretch()

        middle = QHBoxLayout()
        middle.addLayout(left, stretch=2)
        middle.addLayout(right, stretch=3)

        self.back_button = QPushButton("&Back")
        self.next_button = QPushButton("&Next")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, stretch=1)
        layout.addLayout(bottom)
        self.next_button.setDefault(True)  # once in the dialog, or Enter presses the first button instead

        for number, step in enumerate(steps, start=1):
            self.step_list.addItem(QListWidgetItem(f"{number}. {step.title}"))
        self.step_list.currentRowChanged.connect(self._show_step)
        self.back_button.clicked.connect(lambda: self.go_to(self.step_list.currentRow() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.step_list.currentRow() + 1))
        self.action_button.clicked.connect(self._on_action_button_clicked)
        context.data_changed.connect(self.refresh)
        self.resize(880, 500)

    def state(self, index: int) -> StepState:
        raise NotImplementedError

    def done(self, result: int) -> None:
        # Stop following changes once closed: the dialog may outlive its exec() until Qt deletes it.
        self.context.data_changed.disconnect(self.refresh)
        super().done(result)

    def _load(self) -> None:
        """Read what the states need, once per refresh."""

    def refresh(self) -> None:
        self._load()
        for index in range(len(self.steps)):
            state = self.state(index)
            item = self.step_list.item(index)
            # Two lines, as in the Checks page's list of PAs: the step, then its status word.
            item.setText(f"{index + 1}. {self.steps[index].title}\n{state.word}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{index + 1}. {self.steps[index].title}: {state.word}")
            item.setIcon(status_icon(STATUS_BY_CODE[state.code]))
        row = self.step_list.currentRow()
        self._show_step(row if row >= 0 else 0)

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self.steps):
            self.step_list.setCurrentRow(index)

    def _show_step(self, index: int) -> None:
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)  # calls back here
            return
        step, state = self.steps[index], self.state(index)
        self.step_heading.setText(f"Step {index + 1} of {len(self.steps)}: {step.title}")
        self.why.setText(step.why)
        self.status_icon.setPixmap(status_icon(STATUS_BY_CODE[state.code]).pixmap(20, 20))
        self.status_word.setText(f"Status: {state.word}")
        self.detail.setText(state.detail)
        self.detail.setVisible(bool(state.detail))
        self.action_button.setVisible(step.action is not None)
        self.action_button.setText(step.action_text or "")
        self.action_button.setAccessibleName((step.action_text or "").replace("&", "").rstrip("…"))
        # Keep focus on a button that still works when the first or last step disables one.
        at_end = index == len(self.steps) - 1
        for button, disabled, other in ((self.back_button, index == 0, self.next_button),
                                        (self.next_button, at_end, self.back_button)):
            if disabled and button.hasFocus():
                other.setFocus()
            button.setEnabled(not disabled)

    def _on_action_button_clicked(self) -> None:
        step = self.steps[self.step_list.currentRow()]
        if step.action is not None:
            step.action()


class NewPAChecklistDialog(_ChecklistDialog):
    """The six steps for a new PA, in the order they should happen."""

    def __init__(self, context: AppContext, pa_id: int, parent=None):
        self.pa_id = pa_id
        self._record = checks.pa_checks(context.db, context.employer_id, pa_id)
        name = self._record.pa.name
        monthly = thresholds(PayFrequency.MONTHLY, context.today()).earnings_trigger
        weekly = thresholds(PayFrequency.WEEKLY, context.today()).earnings_trigger
        steps = [
            Step("Right to work",
                 f"You must check that {name} has the right to work in the UK before their first shift, and keep a "
                 "dated copy. Without it you could be fined if it turns out they cannot work here.",
                 "&Record a right-to-work check…", lambda: self._record_check("right_to_work")),
            Step("DBS check",
                 f"A DBS check shows whether {name} has a criminal record that matters for care work. You cannot "
                 "apply yourself: ask your council or a DBS umbrella body to do it for you.",
                 "&Record a DBS check…", lambda: self._record_check("dbs")),
            Step("References",
                 f"References from past employers help you decide whether {name} is reliable and safe to work "
                 "with you. Most employers ask for 2 and read them before the first shift.",
                 "&Record a reference…", lambda: self._record_check("reference")),
            Step("Written statement of terms",
                 f"By law you must give {name} a written statement of their main terms – pay, hours, holiday and "
                 "notice – on or before their first day.",
                 "&Record the written statement…", lambda: self._record_check("contract", "statement_given_on")),
            Step("Pension assessment",
                 f"From {name}'s first day you must check whether to put them into a workplace pension. If they are "
                 f"aged 22 or over, under State Pension age, and earn more than {format_money(monthly)} a month "
                 f"({format_money(weekly)} a week), you must enrol them and pay in too. Anyone else aged 16 to 74 "
                 "can ask to join. Their pay decides this each pay period."),
            Step("Induction",
                 f"An induction shows {name} your routines, your home and what to do in an emergency. Finishing it "
                 "within 12 weeks of their start is usual practice.",
                 "&Record the induction…", lambda: self._record_check("contract", "induction_completed_on")),
        ]
        super().__init__(context, f"Checklist for {name}",
                         f"The checks to do when {name} starts working for you, in order. Choose a step to see why "
                         "it matters and to record it.", steps, parent)
        self.refresh()

    def _load(self) -> None:
        db, employer_id = self.context.db, self.context.employer_id
        self._record = checks.pa_checks(db, employer_id, self.pa_id)
        self._items = [i for i in due.due_list(db, employer_id, self.context.today(), include_ok=True)
                       if i.pa_key == self.pa_id]

    def _record_check(self, kind: str, focus: str | None = None) -> None:
        stored = self._record.contract if kind == "contract" else None
        edit_check(self.context, kind, self._record.pa, stored, self, focus)

    def state(self, index: int) -> StepState:
        today, record = self.context.today(), self._record

        def items(*codes: str) -> list[rules.DueItem]:
            return [i for i in self._items if i.code in codes]

        def latest(stored, key):
            return max((s.value for s in stored), key=key, default=None)

        contract = record.contract or rules.Contract()
        if index == 0:
            check = latest(record.right_to_work, lambda c: c.checked_on)
            done = describe_right_to_work(check) if check else ""
            return state_from_items(items(rules.RIGHT_TO_WORK_MISSING, rules.RIGHT_TO_WORK_AFTER_START,
                                          rules.RIGHT_TO_WORK_FOLLOW_UP, checks.SHIFT_BEFORE_RIGHT_TO_WORK), today,
                                    done.replace("\n", " "))
        if index == 1:
            check = rules.latest_dbs_check(s.value for s in record.dbs)
            done = describe_dbs(check) if check else ""
            return state_from_items(items(rules.DBS_MISSING, rules.DBS_RECHECK, rules.DBS_UPDATE_SERVICE_RENEWAL,
                                          rules.DBS_RISK_ASSESSMENT_MISSING), today, done.replace("\n", " "))
        if index == 2:
            done = " ".join(describe_reference(s.value).replace("\n", " ") for s in record.references)
            return state_from_items(items(rules.REFERENCES_MISSING), today, done)
        if index == 3:
            given = contract.statement_given_on
            return state_from_items(items(rules.CONTRACT_STATEMENT_DUE), today,
                                    f"Written statement given {format_date(given)}." if given else "")
        if index == 4:
            return INFO
        finished = contract.induction_completed_on
        return state_from_items(items(rules.INDUCTION_DUE), today,
                                f"Induction finished {format_date(finished)}." if finished else "")


class NewEmployerChecklistDialog(_ChecklistDialog):
    """The steps for becoming an employer, before the first PA starts."""

    people_requested = Signal()

    def __init__(self, context: AppContext, parent=None):
        steps = [
            Step("Register with HMRC as an employer",
                 "You must register as an employer with HMRC before your first pay day. HMRC then sends you an "
                 "employer PAYE reference and an Accounts Office reference: record them, as you need them to pay "
                 "tax and National Insurance.",
                 "&Record your HMRC details…", lambda: self._edit("paye_reference")),
            Step("Employer's liability insurance",
                 "Most employers must have employer's liability insurance by law. It pays out if a PA is hurt or "
                 "falls ill because of their work. Many councils arrange it for you: ask yours.",
                 "&Record your insurance…", lambda: self._edit("insurer")),
            Step("Workplace pension duties",
                 "Your pension duties start on your first PA's first day. Within 5 months you must send The "
                 "Pensions Regulator a declaration of compliance, even if nobody needs to join the pension.",
                 "&Record your pension dates…", lambda: self._edit("pension_duties_start")),
            Step("Your council's direct payment",
                 "Your council should review your direct payment within 6 months of it starting, then at least once "
                 "a year. Record the start date and each review so PA Manager can remind you.",
                 "&Record your direct payment dates…", lambda: self._edit("direct_payment_start")),
            Step("Add your PAs",
                 "Add each PA on the People page. Then open the checklist for each of them on the Checks page, to "
                 "do their right-to-work check, DBS check and the rest.",
                 "Go to &People", self._on_go_to_people),
        ]
        super().__init__(context, "Checklist for a new employer",
                         "What to do before you employ your first PA. Choose a step to see why it matters and to "
                         "record it.", steps, parent)
        self.refresh()

    def _load(self) -> None:
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        self._employer = employers.get_employer(db, employer_id)
        self._items = [i for i in due.due_list(db, employer_id, today, include_ok=True) if i.pa_key is None]
        self._pas = people.list_pas(db, employer_id)

    def _edit(self, focus: str) -> None:
        edit_employer_duties(self.context, focus, self)

    def _on_go_to_people(self) -> None:
        self.people_requested.emit()
        self.accept()

    def state(self, index: int) -> StepState:
        today, employer = self.context.today(), self._employer

        def items(code: str) -> list[rules.DueItem]:
            return [i for i in self._items if i.code == code]

        missing = StepState("missing", "Missing", "Not recorded yet.")
        if index == 0:
            if employer.paye_reference and employer.accounts_office_reference:
                return StepState("ok", "Done", f"Employer PAYE reference {employer.paye_reference}, Accounts Office "
                                               f"reference {employer.accounts_office_reference}.")
            open_items = items(rules.PAYE_REGISTRATION)
            return state_from_items(open_items, today, "") if open_items else missing
        if index == 1:
            found = items(rules.INSURANCE_RENEWAL) + items(rules.INSURANCE_MISSING)
            if employer.insurance_renewal_date is None and not found:
                return missing
            insurer = f"Insured with {employer.insurer}. " if employer.insurer else ""
            renews = employer.insurance_renewal_date
            return state_from_items(found, today, insurer + (f"Renews {format_date(renews)}." if renews else ""))
        if index == 2:
            declared = employer.declaration_of_compliance_on
            found = items(rules.PENSION_DECLARATION)
            if found:
                return state_from_items(found, today, "")
            if declared is not None:
                return StepState("ok", "Done", f"Declaration of compliance sent {format_date(declared)}.")
            return StepState("missing", "Missing", "Your duties start when your first PA starts work.")
        if index == 3:
            if employer.direct_payment_start is None:
                return StepState("missing", "Missing", "Record the date your direct payment started.")
            found = items(rules.COUNCIL_REVIEW)
            next_due = f"Next review due by {format_date(found[0].due)}." if found else ""
            return state_from_items(found, today, next_due)
        if self._pas:
            names = ", ".join(pa.name for pa in self._pas)
            return StepState("ok", "Done", f"You have {len(self._pas)} PA{'s' if len(self._pas) != 1 else ''}: {names}.")
        return StepState("missing", "Missing", "You have not added any PAs yet.")
