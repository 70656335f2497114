"""A new PA's induction plan (tick each part off as it is done), the probation review, and for a leaver
the exit record."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout,
)

from pa_manager.domain import induction as rules
from pa_manager.domain.keeping import ExitRecord
from pa_manager.domain.people import PARecord
from pa_manager.induction_words import OUTCOME_NAMES, state_line
from pa_manager.keeping_words import REASON_NAMES, REEMPLOY_NAMES
from pa_manager.messages import format_date, say
from pa_manager.services import induction, keeping, training
from pa_manager.services.data_files import Database
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _combo, _select
from pa_manager.ui.dialogs.statement_dialogs import text_box
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status import Status, status_icon
from pa_manager.ui.widgets.status_list import STATUS_BY_CODE


class InductionPlanDialog(QDialog):
    """The plan as a list: Space ticks a part off on the day in "Done on" (or unticks it). Care Certificate
    standards are kept as the PA's Care Certificate progress; courses are ticked when the Training page has
    them. Every change can be undone."""

    def __init__(self, context: AppContext, pa: PARecord, parent=None):
        super().__init__(parent)
        self.context, self.pa = context, pa
        self.setWindowTitle(f"{pa.name}'s induction plan")
        self._states = []
        intro = paragraph(
            f"What {pa.name} learns in their first weeks, tied to the Care Certificate's standards and the training "
            "you require. Typical practice, not the law: change it to suit you. Choose a part and press Space when it "
            "is done. Courses show as done once they are recorded on the Training page.")
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        items_label = QLabel("The &plan:")
        items_label.setBuddy(self.items)
        form = QFormLayout()
        self.done_on = DateEdit()
        self.done_on.set_value(context.today())
        self.done_row = add_row(form, "&Done on:", self.done_on, "The day a part you tick was done. " + DATE_HINT)
        self.usual_button = QPushButton("Make the &usual plan")
        self.topic = QLineEdit()
        self.topic_due = DateEdit()
        self.topic_row = add_row(form, "A topic of your &own:", self.topic, "For example: the hoist, or the dog's walks")
        self.topic_due_row = add_row(form, "&By:", self.topic_due, DATE_HINT)
        self.add_button = QPushButton("&Add the topic")
        self.message = paragraph()
        self.message.setAccessibleName("Message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(items_label)
        layout.addWidget(self.items, stretch=1)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.usual_button)
        row.addWidget(self.add_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.items.itemChanged.connect(self._on_item_changed)
        self.usual_button.clicked.connect(self._on_usual_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        context.data_changed.connect(self.refresh)
        self.resize(760, 620)
        self.refresh()

    def done(self, result: int) -> None:
        self.context.data_changed.disconnect(self.refresh)
        super().done(result)

    def refresh(self) -> None:
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        names = training.course_names(db, employer_id)
        row = self.items.currentRow()
        self._states = induction.plan_states(db, employer_id, self.pa.id, today)
        self.items.blockSignals(True)
        self.items.clear()
        for item_id, state in self._states:
            code, words = state_line(state, names)
            item = QListWidgetItem(status_icon(STATUS_BY_CODE.get(code, Status.INFO)), words)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            if state.item.kind == rules.COURSE:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip("Record this course on the Training page")
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if state.state == rules.DONE else Qt.CheckState.Unchecked)
            self.items.addItem(item)
        if not self._states:
            self.items.addItem("No plan yet: choose Make the usual plan.")
        self.items.setCurrentRow(max(0, min(row, self.items.count() - 1)))
        self.items.blockSignals(False)
        self.usual_button.setEnabled(not self._states)
        done = sum(1 for _, s in self._states if s.state == rules.DONE)
        self.message.setText(f"{done} of {len(self._states)} parts done." if self._states else "")

    def _on_usual_button_clicked(self) -> None:
        db, employer_id, pa_id = self.context.db, self.context.employer_id, self.pa.id
        try:
            done = induction.make_usual_plan_undoably(db, employer_id, pa_id)
        except ServiceError as error:
            self.message.setText(say(error))
            return
        self.context.push(done.change)
        self.items.setFocus()

    def _on_add_button_clicked(self) -> None:
        db, employer_id, pa_id = self.context.db, self.context.employer_id, self.pa.id
        try:
            due = self.topic_due.value() or self.context.today()
        except InputError as error:
            self.topic_due_row.show_error(say(error))
            return
        try:
            done = induction.add_topic_undoably(db, employer_id, pa_id, self.topic.text(), due)
        except ServiceError as error:
            self.topic_row.show_error(say(error))
            return
        self.topic_row.show_error(None)
        self.topic.clear()
        self.context.push(done.change)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        db, employer_id, pa_id = self.context.db, self.context.employer_id, self.pa.id
        item_id = item.data(Qt.ItemDataRole.UserRole)
        state = next((s for i, s in self._states if i == item_id), None)
        if state is None:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        try:
            done_on = self.done_on.value() if ticked else None
        except InputError as error:
            self.done_row.show_error(say(error))
            self.refresh()
            return
        if ticked and done_on is None:
            self.done_row.show_error("Enter the day it was done.")
            self.refresh()
            return
        self.done_row.show_error(None)
        try:
            done = induction.mark_done_undoably(db, employer_id, pa_id, item_id, done_on)
        except (ServiceError, ValidationFailed) as error:
            self.message.setText(say(error))
            self.refresh()
            return
        self.context.push(done.change)


class ProbationDialog(FormDialog):
    """The review at the end of the probation: confirmed, extended or not."""

    def __init__(self, db: Database, employer_id: int, pa: PARecord, ends_on: date | None, today: date, parent=None):
        when = f" It ends on {format_date(ends_on)}." if ends_on else ""
        super().__init__(
            f"{pa.name}'s probation review",
            f"Talk with {pa.name} about how the probation has gone, then record what you decided and tell them in "
            f"writing.{when}", parent)
        self.db, self.employer_id, self.pa, self.today = db, employer_id, pa, today
        self.outcome = _combo(OUTCOME_NAMES.items())
        _select(self.outcome, rules.PASSED)
        self.reviewed_on = DateEdit()
        self.reviewed_on.set_value(today)
        self.extended_to = DateEdit()
        self.notes = text_box("", 3)
        for key, label, field, hint in (
                ("outcome", "&Decision:", self.outcome, ""),
                ("reviewed_on", "&Reviewed on:", self.reviewed_on, DATE_HINT),
                ("extended_to", "E&xtended to:", self.extended_to, "Only for an extension: the new end. " + DATE_HINT),
                ("notes", "&Notes:", self.notes, "What went well, and anything to work on")):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        review = rules.ProbationReview(self._date("reviewed_on", "Enter the day of the review."),
                                       self.outcome.currentData(), self._date("extended_to"),
                                       self.notes.toPlainText())
        done = induction.add_review_undoably(self.db, self.employer_id, self.pa.id, review, self.today)
        self.saved, self.change = done.value, done.change


class ExitRecordDialog(FormDialog):
    """A short record of why a PA left: what went well, what could have been better, and whether you would
    take them on again. Over time it shows what helps good PAs stay."""

    def __init__(self, db: Database, employer_id: int, pa: PARecord, stored: ExitRecord | None, today: date,
                 parent=None):
        left = f" on {format_date(pa.leaving_date)}" if pa.leaving_date else ""
        super().__init__(
            f"Why {pa.name} left",
            f"{pa.name} left{left}. A short talk before someone goes, and a note of what they said, helps you keep "
            "the PAs you have and find the next one.", parent)
        self.db, self.employer_id, self.pa, self.before, self.today = db, employer_id, pa, stored, today
        record = stored or ExitRecord("other")
        self.reason = _combo(REASON_NAMES.items())
        _select(self.reason, record.reason)
        self.again = _combo(REEMPLOY_NAMES)
        _select(self.again, record.would_reemploy)
        self.went_well = text_box(record.went_well, 3)
        self.better = text_box(record.could_be_better, 3)
        self.talked_on = DateEdit()
        self.talked_on.set_value(record.talked_on)
        for key, label, field, hint in (
                ("reason", "Main &reason:", self.reason, ""),
                ("went_well", "What went &well:", self.went_well, "In their words, and yours"),
                ("could_be_better", "What could have been &better:", self.better, "Pay, hours, training, support…"),
                ("would_reemploy", "Would you take them on &again?", self.again, ""),
                ("talked_on", "Leaving talk &on:", self.talked_on, "Leave blank if there was none. " + DATE_HINT)):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        record = ExitRecord(self.reason.currentData(), self.again.currentData(), self.went_well.toPlainText(),
                            self.better.toPlainText(), self._date("talked_on"),
                            self.before.recorded_on if self.before and self.before.recorded_on else self.today)
        self.change = keeping.save_exit_record_undoably(self.db, self.employer_id, self.pa.id, record).change
        self.saved = record
