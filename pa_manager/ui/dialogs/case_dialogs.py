"""A PA's disciplinary and grievance cases: each case with its steps (the facts found out, letters,
meetings and who came along, decisions, an appeal) and how it ended. Every change can be undone."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout,
)

from pa_manager.case_words import KIND_NAMES, OUTCOME_NAMES, STEP_NAMES, case_line, step_line
from pa_manager.domain import cases as rules
from pa_manager.domain.people import PARecord
from pa_manager.services import cases
from pa_manager.services.cases import StoredCase
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _combo, _select
from pa_manager.ui.dialogs.statement_dialogs import text_box
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit
from pa_manager.ui.widgets.paragraph import paragraph


class NewCaseDialog(FormDialog):
    def __init__(self, context: AppContext, pa: PARecord, parent=None):
        super().__init__(f"A new case about {pa.name}",
                         "Open a case when a problem is formal: a disciplinary matter, or a grievance they have put "
                         "in writing. Then record each step as it happens.", parent)
        self.context, self.pa = context, pa
        self.kind = _combo(KIND_NAMES.items())
        self.opened_on = DateEdit()
        self.opened_on.set_value(context.today())
        self.summary = text_box("", 3)
        for key, label, field, hint in (("kind", "&Kind of case:", self.kind, ""),
                                        ("opened_on", "&Opened on:", self.opened_on, DATE_HINT),
                                        ("summary", "&What it is about:", self.summary, "A sentence or two, kept to "
                                                                                         "the facts")):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        case = rules.Case(self.kind.currentData(), self._date("opened_on", "Enter the day the case was opened."),
                          self.summary.toPlainText())
        done = cases.open_case_undoably(self.context.db, self.context.employer_id, self.pa.id, case)
        self.saved, self.change = done.value, done.change


class StepDialog(FormDialog):
    def __init__(self, context: AppContext, stored: StoredCase, parent=None):
        super().__init__("Add a step to the case",
                         "Record each step when it happens: finding out the facts, each letter, each meeting (and who "
                         "came with them), the decision and any appeal.", parent)
        self.context, self.before = context, stored
        self.on = DateEdit()
        self.on.set_value(context.today())
        self.kind = _combo(STEP_NAMES.items())
        self.accompanied = QLineEdit()
        self.notes = text_box("", 4)
        for key, label, field, hint in (
                ("on", "&Date:", self.on, DATE_HINT), ("kind", "S&tep:", self.kind, ""),
                ("accompanied_by", "&Accompanied by:", self.accompanied,
                 "At a meeting: the colleague or trade union representative they brought, if any"),
                ("notes", "&Notes:", self.notes, "What happened or was said, and any letter's main points")):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        step = rules.Step(self._date("on", "Enter the date of the step."), self.kind.currentData(),
                          self.notes.toPlainText(), self.accompanied.text())
        done = cases.add_step_undoably(self.context.db, self.context.employer_id, self.before.id, step)
        self.saved, self.change = done.value, done.change


class CloseCaseDialog(FormDialog):
    def __init__(self, context: AppContext, stored: StoredCase, parent=None):
        super().__init__("Close the case", "Record how the case ended. Send the decision to them in writing, saying "
                                           "how to appeal.", parent)
        self.context, self.before = context, stored
        self.outcome = _combo((o, OUTCOME_NAMES[o]) for o in rules.OUTCOMES[stored.case.kind])
        _select(self.outcome, stored.case.outcome)
        self.closed_on = DateEdit()
        self.closed_on.set_value(context.today())
        self.rows["outcome"] = add_row(self.form, "&Outcome:", self.outcome)
        self.rows["closed_on"] = add_row(self.form, "&Closed on:", self.closed_on, DATE_HINT)

    def _save(self) -> None:
        done = cases.close_case_undoably(self.context.db, self.context.employer_id, self.before.id,
                                         self.outcome.currentData(), self._date("closed_on", "Enter the day it closed."))
        self.saved, self.change = done.value, done.change


class CasesDialog(QDialog):
    """The PA's cases on the left, the chosen case's steps on the right."""

    def __init__(self, context: AppContext, pa: PARecord, parent=None):
        super().__init__(parent)
        self.context, self.pa = context, pa
        self._cases: list[StoredCase] = []
        self.setWindowTitle(f"{pa.name}'s disciplinary and grievance cases")
        intro = paragraph(f"A record of each formal case about {pa.name}, following the disciplinary and grievance "
                          "procedure (Policies for your household). Kept privately with their records.")
        self.case_list = QListWidget()
        self.case_list.setWordWrap(True)
        case_label = QLabel("&Cases:")
        case_label.setBuddy(self.case_list)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)
        steps_label = QLabel("S&teps of the chosen case:")
        steps_label.setBuddy(self.steps)
        self.new_button = QPushButton("&New case…")
        self.step_button = QPushButton("Add a &step…")
        self.close_case_button = QPushButton("C&lose the case…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.new_button, self.step_button, self.close_case_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(case_label)
        layout.addWidget(self.case_list)
        layout.addWidget(steps_label)
        layout.addWidget(self.steps, stretch=1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.case_list.currentRowChanged.connect(self._show_case)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.step_button.clicked.connect(self._on_step_button_clicked)
        self.close_case_button.clicked.connect(self._on_close_case_button_clicked)
        context.data_changed.connect(self.refresh)
        self.resize(720, 560)
        self.refresh()

    def done(self, result: int) -> None:
        self.context.data_changed.disconnect(self.refresh)
        super().done(result)

    @property
    def chosen(self) -> StoredCase | None:
        row = self.case_list.currentRow()
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def refresh(self) -> None:
        chosen = self.chosen.id if self.chosen else None
        self._cases = cases.list_cases(self.context.db, self.pa.id)
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for stored in self._cases:
            self.case_list.addItem(case_line(stored.case))
        if not self._cases:
            self.case_list.addItem("No cases. Most problems are best sorted out by talking first.")
        ids = [c.id for c in self._cases]
        self.case_list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self.case_list.blockSignals(False)
        self._show_case()

    def _show_case(self, *_args) -> None:
        stored = self.chosen
        self.steps.clear()
        for step in stored.case.steps if stored else ():
            self.steps.addItem(step_line(step))
        self.step_button.setEnabled(stored is not None and stored.case.is_open)
        self.close_case_button.setEnabled(stored is not None and stored.case.is_open)

    def _run(self, dialog) -> None:
        """Show a dialog that saves; once it has, put what it changed on the undo stack."""
        accepted = dialog.exec()
        change = dialog.change
        dialog.deleteLater()
        if accepted and change is not None:
            self.context.push(change)

    def _on_new_button_clicked(self) -> None:
        self._run(NewCaseDialog(self.context, self.pa, self))

    def _changed(self, dialog) -> None:
        if self.chosen is not None:
            self._run(dialog(self.context, self.chosen, self))

    def _on_step_button_clicked(self) -> None:
        self._changed(StepDialog)

    def _on_close_case_button_clicked(self) -> None:
        self._changed(CloseCaseDialog)

