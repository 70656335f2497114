"""The first run of a new data file: who is using PA Manager, then one step at a time, by keyboard alone.

    own PAs:            who -> the employer -> your data -> your first PA -> your first pay day
    advocate, council:  who -> your data -> your first client     (then the window opens on Caseload)

Each step is saved through the same services as the pages (and put on the undo stack like any other
edit) when you press Next or Enter, so stopping half way keeps what was done. Every step can be skipped
and done later from the pages. The steps live in first_run_steps.py; this module moves between them.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout

from pa_manager.services import first_run
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.first_run_steps import DataStep, EmployerStep, PADetailsStep, PayDayStep, Step, WhoStep
from pa_manager.ui.unsaved import ask_before_leaving
from pa_manager.ui.widgets.adaptive import fit_to_screen
from pa_manager.ui.widgets.heading import heading


class FirstRunDialog(QDialog):
    """Setting up a new data file. `finished_setting_up` says, when it closes (finished or stopped
    early), who the person said they are: first_run.OWN_PAS, ADVOCATE or COUNCIL."""

    finished_setting_up = Signal(str)

    def __init__(self, context: AppContext, *, portable: bool = False, parent=None):
        super().__init__(parent)
        self.context = context
        self.portable = portable
        self.role = first_run.user_role(context.db) or first_run.OWN_PAS
        self.setWindowTitle("Set up PA Manager")

        self.who = WhoStep(self)
        self.employer = EmployerStep(self)
        self.data = DataStep(self)
        self.pa = PADetailsStep(self)
        self.pay_day = PayDayStep(self)
        self.stack = QStackedWidget()
        for step in (self.who, self.employer, self.data, self.pa, self.pay_day):
            self.stack.addWidget(step)

        self.progress = QLabel()
        self.progress.setAccessibleName("Step")
        self.title = heading(scale=1.4)
        self.back_button = QPushButton("Go bac&k")
        self.back_button.setToolTip("Go back to the step before")
        self.skip_button = QPushButton("&Skip for now")
        self.skip_button.setToolTip("Leave this step: you can do it later")
        self.next_button = QPushButton("Next")
        self.cancel_button = QPushButton("Stop setting up")
        self.cancel_button.setToolTip("Close this. What you saved is kept; do the rest later from the pages (Esc)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, stretch=1)
        layout.addLayout(buttons)
        self.next_button.setDefault(True)  # Enter: save this step and go on (once in the dialog, or it is not)

        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(760, 700)
        fit_to_screen(self)  # a small screen, or large text
        self.employer_skipped = False
        self._show(self.who)

    # --- the route ---
    def route(self) -> list[Step]:
        """The steps for who they said they are, leaving out those that need something skipped."""
        if self.role == first_run.OWN_PAS:
            steps = [self.who, self.employer, self.data, self.pa, self.pay_day]
        else:
            steps = [self.who, self.data, self.employer]
        return [step for step in steps if step.applies()]

    def has_employer(self) -> bool:
        """Whether the steps that need an employer can follow: there is one, or there will be (until the
        employer's step is skipped, "Step 1 of 5" counts them)."""
        return self.context.employer_id is not None or not self.employer_skipped

    @property
    def current(self) -> Step:
        return self.stack.currentWidget()

    def _show(self, step: Step) -> None:
        route = self.route()
        self.stack.setCurrentWidget(step)
        number = route.index(step) + 1
        self.progress.setText(f"Step {number} of {len(route)}")
        self.title.setText(step.title())
        self.setWindowTitle(f"Set up PA Manager – {step.title()}")
        last = step is route[-1]
        self.next_button.setText("Finish" if last else "Next")
        self.next_button.setToolTip(("Save this step and finish" if last else "Save this step and go on") + " (Enter)")
        self.back_button.setEnabled(number > 1)
        self.skip_button.setVisible(step.can_skip)
        step.enter()

    def _move(self, by: int) -> None:
        route = self.route()
        index = route.index(self.current) + by if self.current in route else 0
        if index >= len(route):
            self._finish()
        else:
            self._show(route[max(index, 0)])

    def _finish(self) -> None:
        self.accept()

    # --- slots ---
    def _on_next_button_clicked(self) -> None:
        if self.current.save():
            self._move(+1)

    def _on_skip_button_clicked(self) -> None:
        self.current.discard_changes()
        if self.current is self.employer:
            self.employer_skipped = True
        self._move(+1)

    def _on_back_button_clicked(self) -> None:
        if ask_before_leaving(self.current):
            self._move(-1)

    def reject(self) -> None:
        """Esc or Stop setting up: what was saved stays; what is typed and not saved is asked about."""
        if not ask_before_leaving(self.current):
            return
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self.finished_setting_up.emit(self.role)

    def keyPressEvent(self, event) -> None:
        # Enter in a field goes to Next (the default button), never to a button that happens to have focus
        # from before: "Enter for Next" holds on every step.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            focused = self.focusWidget()
            if not isinstance(focused, QPushButton):
                self.next_button.click()
                return
        super().keyPressEvent(event)
