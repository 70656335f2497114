"""The Recruitment page's "Your PAs" part: each PA's written statement (its terms, making it, giving it,
notices of changes), with the list of PAs on the left and the chosen PA on the right.

Every stored change is pushed on the undo stack as the change the service made (services.undo)."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from pa_manager.domain import induction as induction_rules
from pa_manager.induction_words import state_line
from pa_manager.keeping_words import REASON_NAMES, lower_first, retention_words, service_words
from pa_manager.messages import describe, format_date, say
from pa_manager.recruitment_words import coming_up_line
from pa_manager.services import checks, induction, keeping, people, statements, training
from pa_manager.services.errors import ServiceError
from pa_manager.services.statements import StoredStatement
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.statement_dialogs import StatementGivenDialog, StatementTermsDialog
from pa_manager.ui.widgets.adaptive import AdaptiveRow, AdaptiveSplitter
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.paragraph import paragraph
from pa_manager.ui.widgets.status_list import StatusList

DOCUMENT_FILTERS = "PDF to print and sign (*.pdf);;Web page for a screen reader (*.html)"
KIND_WORDS = {statements.STATEMENT: "Written statement", statements.CHANGE_NOTICE: "Notice of a change"}


def describe_statement(record: StoredStatement) -> str:
    """"Written statement made 23 November 2026 (terms as at 23 November 2026). Given 25 November 2026,
    signed 26 November 2026." """
    what = KIND_WORDS[record.kind]
    text = f"{what} made {format_date(record.made_on)}"
    if record.kind == statements.CHANGE_NOTICE:
        from pa_manager.statement_words import change_list

        text += f", about their {change_list(record.changes)}"
        if record.changed_on:
            text += f" from {format_date(record.changed_on)}"
    text += "."
    if record.given_on is None:
        return text + " Not given yet."
    text += f" Given {format_date(record.given_on)}"
    return text + (f", signed {format_date(record.signed_on)}." if record.signed_on else ", not signed yet.")


class TeamPanel(QWidget):
    """Your PAs and their written statements."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._pas, self._records = [], []

        self.pa_list = QListWidget()
        self.pa_list.setAccessibleName("Your PAs")
        self.pa_list.setWordWrap(True)
        self.pa_list.setSpacing(2)
        self.pa_list.setAlternatingRowColors(True)  # from the palette: tells one PA from the next
        pa_label = QLabel("Your P&As:")
        pa_label.setBuddy(self.pa_list)
        self.retention = paragraph()
        self.retention.setAccessibleName("PAs who have left")
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(pa_label)
        column.addWidget(self.pa_list, stretch=1)
        column.addWidget(self.retention)

        self.pa_heading = heading(scale=1.25)
        self.status = StatusList("About their written statement")
        status_label = QLabel("Where things &stand:")
        status_label.setBuddy(self.status)
        self.records_list = QListWidget()
        self.records_list.setAccessibleName("Written statements and notices")
        self.records_list.setWordWrap(True)
        self.records_list.setSpacing(2)
        self.records_list.setAlternatingRowColors(True)
        records_label = QLabel("Statements and notices &kept:")
        records_label.setBuddy(self.records_list)
        self.terms_button = QPushButton("&Terms for the statement…")
        self.terms_button.setToolTip("Probation, notice, place of work and the other choices the statement needs")
        self.make_button = QPushButton("&Make the written statement…")
        self.make_button.setToolTip("Make the statement from their details and the rota, keep it with today's date, "
                                    "and save it to print and sign")
        self.notice_button = QPushButton("Make a notice of the &change…")
        self.notice_button.setToolTip("A written notice of what changed since the statement they were given")
        self.given_button = QPushButton("Record as gi&ven and signed…")
        self.copy_button = QPushButton("Save a co&py…")
        self.copy_button.setToolTip("The chosen statement or notice again, as a PDF or a web page")
        right = QWidget()
        details = QVBoxLayout(right)
        details.addWidget(self.pa_heading)
        details.addWidget(status_label)
        details.addWidget(self.status)
        details.addWidget(records_label)
        details.addWidget(self.records_list, stretch=1)
        details.addWidget(AdaptiveRow(self.given_button, self.copy_button))  # a column when narrow
        for button in (self.terms_button, self.make_button, self.notice_button):
            details.addWidget(button)
        self.induction_button = QPushButton("&Induction plan…")
        self.induction_button.setToolTip("Their first weeks, tied to the Care Certificate standards and the training "
                                         "you require")
        self.probation_button = QPushButton("Pro&bation review…")
        self.cases_button = QPushButton("&Disciplinary and grievance cases…")
        self.exit_button = QPushButton("E&xit record…")
        self.exit_button.setToolTip("For a PA who has left: why they left, what went well and what could be better")
        self.pay_scale_button = QPushButton("Pay sca&le…")
        self.pay_scale_button.setToolTip("Your own steps of pay for years worked: paid by pay runs from each PA's "
                                         "work anniversary if you choose, or a reminder then")
        self.sick_pay_button = QPushButton("Sick pay scheme…")
        self.sick_pay_button.setToolTip("Your own sick pay above Statutory Sick Pay: full pay, then half pay, for so "
                                        "many weeks in any 12 months")
        for button in (self.induction_button, self.probation_button, self.cases_button, self.exit_button,
                       self.pay_scale_button, self.sick_pay_button):
            details.addWidget(button)

        splitter = AdaptiveSplitter()  # one above the other on a small screen or at large text
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.pa_list.currentRowChanged.connect(self._show_pa)
        self.records_list.currentRowChanged.connect(self._sync_buttons)
        self.terms_button.clicked.connect(self._on_terms_button_clicked)
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        self.given_button.clicked.connect(self._on_given_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.induction_button.clicked.connect(self._on_induction_button_clicked)
        self.probation_button.clicked.connect(self._on_probation_button_clicked)
        self.exit_button.clicked.connect(self._on_exit_button_clicked)
        self.cases_button.clicked.connect(self._on_cases_button_clicked)
        self.pay_scale_button.clicked.connect(self._on_pay_scale_button_clicked)
        self.sick_pay_button.clicked.connect(self._on_sick_pay_button_clicked)

    # --- what is shown ---
    @property
    def pa(self):
        row = self.pa_list.currentRow()
        return self._pas[row] if 0 <= row < len(self._pas) else None

    @property
    def record(self) -> StoredStatement | None:
        row = self.records_list.currentRow()
        return self._records[row] if 0 <= row < len(self._records) else None

    def pa_line(self, pa, given) -> str:
        """The PA's line in the list: name, then how long they have been with you and their statement."""
        today = self.context.today()
        service = service_words(pa.start_date, pa.leaving_date, today)
        if pa.leaving_date is not None and pa.leaving_date < today:
            return f"{pa.name}\n{service}"
        state = f"statement given {format_date(given)}" if given is not None else "no written statement given yet"
        return f"{pa.name}\n{service}; {state}"

    def refresh(self) -> None:
        chosen = self.pa.id if self.pa else None
        db, employer_id = self.context.db, self.context.employer_id
        self._pas = people.list_pas(db, employer_id) if employer_id is not None else []
        contracts = {c.pa.id: c.contract for c in checks.all_checks(db, employer_id)} if employer_id else {}
        self.pa_list.blockSignals(True)
        self.pa_list.clear()
        for pa in self._pas:
            contract = contracts.get(pa.id)
            item = QListWidgetItem(self.pa_line(pa, contract.statement_given_on if contract else None))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.pa_line(pa, contract.statement_given_on if contract
                                                                           else None).replace("\n", ": "))
            self.pa_list.addItem(item)
        ids = [pa.id for pa in self._pas]
        self.pa_list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.pa_list.blockSignals(False)
        self.retention.setText(retention_words(keeping.retention_summary(db, employer_id, self.context.today()))
                               if employer_id is not None else "")
        self._show_pa()

    def select_pa(self, pa_id: int) -> None:
        ids = [pa.id for pa in self._pas]
        if pa_id in ids:
            self.pa_list.setCurrentRow(ids.index(pa_id))

    def status_lines(self, pa) -> list[tuple[str, str]]:
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        lines = []
        given = [r for r in self._records if r.kind == statements.STATEMENT and r.given_on is not None]
        made = [r for r in self._records if r.kind == statements.STATEMENT and r.given_on is None]
        contract = checks.pa_checks(db, employer_id, pa.id).contract
        if given:
            last = given[-1]
            signed = f", signed {format_date(last.signed_on)}" if last.signed_on else ", not signed yet"
            lines.append(("ok", f"Done: written statement given {format_date(last.given_on)}{signed}."))
        elif contract is not None and contract.statement_given_on is not None:
            lines.append(("ok", f"Done: a written statement was given {format_date(contract.statement_given_on)} "
                                "(recorded on the Checks page; its words are not kept here). Make one here to keep "
                                "its words and be told when something in it changes."))
        elif made:
            lines.append(("warning", f"To do: give {pa.name} the statement made {format_date(made[-1].made_on)}, "
                                     "then record when."))
        else:
            lines.append(("missing", f"Missing: {pa.name} has no written statement yet. Check the terms, then make it. "
                                     "It is due on or before their first day."))
        for item in statements.statement_due(db, employer_id, today, include_ok=True):
            if item.pa_key == pa.id:
                lines.append(coming_up_line(item, today))
        lines += self._induction_lines(pa, contract)
        if pa.leaving_date is not None and pa.leaving_date < today:
            record = keeping.exit_record(db, pa.id)
            lines.append(("ok", f"Done: exit record kept. Main reason: {lower_first(REASON_NAMES[record.reason])}.")
                         if record else ("info", f"For information: a short exit record of why {pa.name} left helps "
                                                 "you keep good PAs. Choose Exit record."))
        try:
            for problem in statements.preview_statement(db, employer_id, pa.id, today).warnings:
                lines.append(("below", f"Not allowed: {describe(problem)}"))
        except ServiceError as error:
            lines.append(("missing", f"Missing: {say(error)}"))
        return lines

    def _induction_lines(self, pa, contract) -> list[tuple[str, str]]:
        """Where the induction and the probation stand."""
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        lines = []
        states = [state for _, state in induction.plan_states(db, employer_id, pa.id, today)]
        finished = contract.induction_completed_on if contract is not None else None
        if finished is not None:
            lines.append(("ok", f"Done: induction finished {format_date(finished)}."))
        elif states:
            done = sum(1 for s in states if s.state == induction_rules.DONE)
            waiting = [s for s in states if s.state != induction_rules.DONE]
            code, words = state_line(waiting[0], training.course_names(db, employer_id))
            lines.append((code, f"Induction: {done} of {len(states)} parts done. Next: {words[0].lower()}{words[1:]}"))
        elif pa.start_date is not None and pa.start_date >= today - timedelta(weeks=12):
            lines.append(("missing", f"Missing: {pa.name} has no induction plan yet. Choose Induction plan."))
        for item in induction.probation_due(db, employer_id, today, include_ok=True):
            if item.pa_key == pa.id:
                lines.append(coming_up_line(item, today))
        decided = [r.review for r in induction.reviews(db, pa.id) if r.review.outcome != induction_rules.EXTENDED]
        if decided:
            last = decided[-1]
            word = "passed" if last.outcome == induction_rules.PASSED else "not passed"
            lines.append(("ok", f"Done: probation {word}, reviewed {format_date(last.reviewed_on)}."))
        return lines

    def _show_pa(self, *_args) -> None:
        pa = self.pa
        self.pa_heading.setText(pa.name if pa else "No PAs yet")
        chosen = self.record.id if self.record else None
        self._records = statements.list_statements(self.context.db, self.context.employer_id, pa.id) if pa else []
        self.records_list.blockSignals(True)
        self.records_list.clear()
        for record in self._records:
            self.records_list.addItem(describe_statement(record))
        ids = [r.id for r in self._records]
        self.records_list.setCurrentRow(ids.index(chosen) if chosen in ids else len(ids) - 1)
        self.records_list.blockSignals(False)
        self.status.set_lines(self.status_lines(pa) if pa else
                              [("info", "Add your PAs on the People page, or take one on from a vacancy.")])
        self._sync_buttons()

    def _sync_buttons(self, *_args) -> None:
        has_pa, record = self.pa is not None, self.record
        for button in (self.terms_button, self.make_button, self.notice_button, self.induction_button,
                       self.probation_button, self.cases_button):
            button.setEnabled(has_pa)
        self.exit_button.setEnabled(has_pa and self.pa.leaving_date is not None)
        self.given_button.setEnabled(record is not None)
        self.copy_button.setEnabled(record is not None)

    # --- actions ---
    def _on_terms_button_clicked(self) -> None:
        pa, db, employer_id = self.pa, self.context.db, self.context.employer_id
        if pa is None:
            return
        before = statements.get_terms(db, employer_id, pa.id, self.context.today())
        dialog = StatementTermsDialog(db, employer_id, pa, before, self)
        accepted = dialog.exec()
        saved, change = dialog.saved, getattr(dialog, "change", None)
        dialog.deleteLater()
        if not accepted or saved is None:
            return
        self.context.push(change)

    def _ask_where(self, record: StoredStatement) -> Path | None:
        what = "written statement" if record.kind == statements.STATEMENT else "notice of a change"
        suggested = str(Path.home() / f"{record.worded.pa_name} {what} {record.made_on.isoformat()}.pdf")
        path, chosen = QFileDialog.getSaveFileName(self, f"Save {record.worded.pa_name}'s {what}", suggested,
                                                   DOCUMENT_FILTERS)
        if not path:
            return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".html" if chosen and "html" in chosen else ".pdf")
        return path

    def _save(self, record: StoredStatement) -> None:
        path = self._ask_where(record)
        if path is None:
            return
        try:
            statements.save_statement_document(self.context.db, record.id, path)
        except (ServiceError, OSError) as error:
            QMessageBox.warning(self, "It was not saved", (getattr(error, "strerror", None) or say(error)))
            return
        self.context.status_message.emit(f"Saved to {path}.")

    def _made(self, record: StoredStatement, change) -> None:
        self.context.push(change)
        self.records_list.setCurrentRow(self.records_list.count() - 1)
        self._save(record)

    def _make(self, change_notice: bool) -> None:
        pa = self.pa
        if pa is None:
            return
        try:
            made = statements.make_undoably(self.context.db, self.context.employer_id, pa.id, self.context.today(),
                                            change_notice=change_notice)
        except ServiceError as error:
            QMessageBox.information(self, "Nothing was made", say(error))
            return
        if not made.change.rows:
            self._save(made.value)  # the same one made earlier today: save it again
            return
        self._made(made.value, made.change)

    def _on_make_button_clicked(self) -> None:
        self._make(change_notice=False)

    def _on_notice_button_clicked(self) -> None:
        self._make(change_notice=True)

    def _on_given_button_clicked(self) -> None:
        record, db, employer_id = self.record, self.context.db, self.context.employer_id
        if record is None:
            return
        dialog = StatementGivenDialog(db, employer_id, record, self.context.today(), self)
        accepted = dialog.exec()
        saved, change = dialog.saved, getattr(dialog, "change", None)
        dialog.deleteLater()
        if not accepted or saved is None:
            return
        self.context.push(change)

    def _on_copy_button_clicked(self) -> None:
        if self.record is not None:
            self._save(self.record)

    def _on_cases_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.case_dialogs import CasesDialog

        if self.pa is not None:
            dialog = CasesDialog(self.context, self.pa, self)
            dialog.exec()
            dialog.deleteLater()

    def _on_exit_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.induction_dialogs import ExitRecordDialog

        pa, db, employer_id = self.pa, self.context.db, self.context.employer_id
        if pa is None:
            return
        dialog = ExitRecordDialog(db, employer_id, pa, keeping.exit_record(db, pa.id), self.context.today(), self)
        self._push_if_saved(dialog)

    def _on_induction_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.induction_dialogs import InductionPlanDialog

        if self.pa is not None:
            dialog = InductionPlanDialog(self.context, self.pa, self)
            dialog.exec()
            dialog.deleteLater()

    def _on_probation_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.induction_dialogs import ProbationDialog

        pa, db, employer_id, today = self.pa, self.context.db, self.context.employer_id, self.context.today()
        if pa is None:
            return
        dialog = ProbationDialog(db, employer_id, pa, induction.probation_end(db, employer_id, pa.id, today), today, self)
        self._push_if_saved(dialog)

    def _on_pay_scale_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.pay_scale_dialog import PayScaleDialog

        self._push_if_saved(PayScaleDialog(self.context.db, self.context.employer_id, self))

    def _on_sick_pay_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.sick_pay_scheme_dialog import SickPaySchemeDialog

        self._push_if_saved(SickPaySchemeDialog(self.context.db, self.context.employer_id, self))

    def _push_if_saved(self, dialog) -> None:
        """Show a dialog that saves; once it has, put what it changed on the undo stack."""
        accepted = dialog.exec()
        change = dialog.change
        dialog.deleteLater()
        if accepted and change is not None:
            self.context.push(change)
