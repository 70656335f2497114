"""The Recruitment page's "Vacancies and applicants" part: a vacancy's job pack and advert, its applicants
(best scores first), the interview, the decision and the offer, and, once accepted, the checks still to do
before the first day. Every stored change is put on the undo stack (context.push), so it can be undone."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from pa_manager.domain import recruitment as r
from pa_manager.messages import format_date, say
from pa_manager.recruitment_words import (
    SOURCE_NAMES, STATUS_NAMES, VACANCY_STATUS_NAMES, condition_line, coming_up_line, score_words,
)
from pa_manager.services import recruitment
from pa_manager.services.errors import ServiceError
from pa_manager.services.recruitment import StoredApplicant, StoredVacancy
from pa_manager.ui.context import AppContext
from pa_manager.ui.dialogs.recruitment_dialogs import (
    AcceptedDialog, ApplicantDialog, DecisionDialog, InterviewDialog, OfferDialog, QuestionsDialog, VacancyDialog,
)
from pa_manager.ui.widgets.adaptive import AdaptiveRow, AdaptiveSplitter
from pa_manager.ui.widgets.heading import heading
from pa_manager.ui.widgets.status_list import StatusList

PACK_FILTERS = "PDF to print (*.pdf);;Web page for a screen reader (*.html)"


def vacancy_line(stored: StoredVacancy) -> str:
    v = stored.vacancy
    when = f"closes {format_date(v.closing_date)}" if v.closing_date and v.status == r.OPEN else \
        f"filled {format_date(v.filled_on)}" if v.filled_on else f"opened {format_date(v.opened_on)}"
    return f"{v.title}\n{VACANCY_STATUS_NAMES[v.status]}, {when}"


def applicant_line(stored: StoredApplicant, summary: r.ScoreSummary) -> str:
    a = stored.applicant
    if a.erased_on is not None:
        return f"{a.name}\nDetails erased {format_date(a.erased_on)}. {STATUS_NAMES[a.status]}."
    name = SOURCE_NAMES[a.source]
    heard = name[0].lower() + name[1:] if a.source != "other" else "another way"
    status = "" if a.status == r.APPLIED else f"{STATUS_NAMES[a.status]}. "
    return (f"{a.name}\n{status}Applied on {format_date(a.applied_on)}, heard through {heard}. "
            f"{score_words(summary)}")


class VacanciesPanel(QWidget):
    """Vacancies on the left; the chosen one's advert, applicants and offer on the right."""

    statement_requested = Signal(int)  # a PA id: show their written statement

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self._vacancies: list[StoredVacancy] = []
        self._applicants: list[tuple[StoredApplicant, r.ScoreSummary]] = []

        self.vacancy_list = QListWidget()
        self.vacancy_list.setAccessibleName("Vacancies")
        self.vacancy_list.setWordWrap(True)
        self.vacancy_list.setSpacing(2)
        self.vacancy_list.setAlternatingRowColors(True)
        vacancy_label = QLabel("Vaca&ncies:")
        vacancy_label.setBuddy(self.vacancy_list)
        self.new_button = QPushButton("Ne&w vacancy…")
        self.change_button = QPushButton("Change v&acancy…")
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(vacancy_label)
        column.addWidget(self.vacancy_list, stretch=1)
        column.addWidget(self.new_button)
        column.addWidget(self.change_button)

        self.vacancy_heading = heading(scale=1.25)
        self.summary = StatusList("About this vacancy")
        self.pack_button = QPushButton("Save the &job pack…")
        self.pack_button.setToolTip("The job description, person specification and advert, to print or share")
        self.copy_button = QPushButton("Copy the ad&vert")
        self.questions_button = QPushButton("Interview &questions…")
        self.advert = QPlainTextEdit()
        self.advert.setReadOnly(True)
        self.advert.setTabChangesFocus(True)
        self.advert.setAccessibleName("The advert, to copy")
        self.advert.setMaximumHeight(self.advert.fontMetrics().lineSpacing() * 6)
        self.applicant_list = QListWidget()
        self.applicant_list.setAccessibleName("Applicants, best scores first")
        self.applicant_list.setWordWrap(True)
        self.applicant_list.setSpacing(2)
        self.applicant_list.setAlternatingRowColors(True)
        applicant_label = QLabel("Applicants (&best scores first):")
        applicant_label.setBuddy(self.applicant_list)
        self.add_button = QPushButton("Add a&pplicant…")
        self.edit_button = QPushButton("Change app&licant…")
        self.scores_button = QPushButton("Interview &scores…")
        self.sheet_button = QPushButton("Interview shee&t…")
        self.sheet_button.setToolTip("The chosen questions to print and write on at the interview")
        self.decision_button = QPushButton("De&cision…")
        self.offer_button = QPushButton("Make an &offer…")
        self.accepted_button = QPushButton("&Record the offer as accepted…")
        self.erase_button = QPushButton("Erase applicants' deta&ils…")
        self.erase_button.setToolTip("Erase the details of everyone not taken on for this vacancy")
        self.conditions = StatusList("Before the first day")
        conditions_label = QLabel("Before the first &day:")
        conditions_label.setBuddy(self.conditions)
        self.checklist_button = QPushButton("Open their chec&klist…")
        self.statement_button = QPushButton("Their written state&ment")

        right = QWidget()
        details = QVBoxLayout(right)
        details.addWidget(self.vacancy_heading)
        details.addWidget(self.summary)
        # Rows of buttons that become columns on a small screen or at large text.
        details.addWidget(AdaptiveRow(self.pack_button, self.copy_button, self.questions_button))
        details.addWidget(self.advert)
        details.addWidget(applicant_label)
        details.addWidget(self.applicant_list, stretch=1)
        details.addWidget(AdaptiveRow(self.add_button, self.edit_button, self.scores_button, self.sheet_button))
        details.addWidget(AdaptiveRow(self.decision_button, self.offer_button, self.accepted_button, self.erase_button))
        self.offer_part = QWidget()
        offer_layout = QVBoxLayout(self.offer_part)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        offer_layout.addWidget(conditions_label)
        offer_layout.addWidget(self.conditions)
        offer_layout.addWidget(AdaptiveRow(self.checklist_button, self.statement_button))
        details.addWidget(self.offer_part)

        splitter = AdaptiveSplitter()  # one above the other on a small screen or at large text
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.vacancy_list.currentRowChanged.connect(self._show_vacancy)
        self.applicant_list.currentRowChanged.connect(self._show_applicant)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.pack_button.clicked.connect(self._on_pack_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.questions_button.clicked.connect(self._on_questions_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.scores_button.clicked.connect(self._on_scores_button_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_button_clicked)
        self.decision_button.clicked.connect(self._on_decision_button_clicked)
        self.offer_button.clicked.connect(self._on_offer_button_clicked)
        self.accepted_button.clicked.connect(self._on_accepted_button_clicked)
        self.erase_button.clicked.connect(self._on_erase_button_clicked)
        self.checklist_button.clicked.connect(self._on_checklist_button_clicked)
        self.statement_button.clicked.connect(self._on_statement_button_clicked)

    # --- what is shown ---
    @property
    def vacancy(self) -> StoredVacancy | None:
        row = self.vacancy_list.currentRow()
        return self._vacancies[row] if 0 <= row < len(self._vacancies) else None

    @property
    def applicant(self) -> StoredApplicant | None:
        row = self.applicant_list.currentRow()
        return self._applicants[row][0] if 0 <= row < len(self._applicants) else None

    def refresh(self) -> None:
        chosen = self.vacancy.id if self.vacancy else None
        employer_id = self.context.employer_id
        self._vacancies = recruitment.list_vacancies(self.context.db, employer_id) if employer_id is not None else []
        self.vacancy_list.blockSignals(True)
        self.vacancy_list.clear()
        for stored in self._vacancies:
            item = QListWidgetItem(vacancy_line(stored))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, vacancy_line(stored).replace("\n", ": "))
            self.vacancy_list.addItem(item)
        ids = [v.id for v in self._vacancies]
        self.vacancy_list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.vacancy_list.blockSignals(False)
        self._show_vacancy()

    def select_vacancy(self, vacancy_id: int) -> None:
        ids = [v.id for v in self._vacancies]
        if vacancy_id in ids:
            self.vacancy_list.setCurrentRow(ids.index(vacancy_id))

    def _summary_lines(self, stored: StoredVacancy) -> list[tuple[str, str]]:
        v, today = stored.vacancy, self.context.today()
        counts = {}
        for applicant, _ in self._applicants:
            counts[applicant.applicant.status] = counts.get(applicant.applicant.status, 0) + 1
        people_words = ", ".join(f"{n} {STATUS_NAMES[s].lower()}" for s, n in counts.items()) or "none yet"
        closes = f" Applications close {format_date(v.closing_date)}." if v.closing_date and v.status == r.OPEN else ""
        lines = [("info", f"{VACANCY_STATUS_NAMES[v.status]}.{closes} Applicants: {people_words}. "
                          f"{len(stored.questions)} interview questions chosen.")]
        for item in recruitment.recruitment_due(self.context.db, self.context.employer_id, today, include_ok=True):
            if item.subject == f"vacancy-{stored.id}":
                lines.append(coming_up_line(item, today))
        return lines

    def _show_vacancy(self, *_args) -> None:
        stored = self.vacancy
        chosen = self.applicant.id if self.applicant else None
        self.vacancy_heading.setText(stored.vacancy.title if stored else "No vacancies yet")
        if stored is None:
            self._applicants = []
            self.summary.set_lines([("info", "When you need a new PA, choose New vacancy and describe the job.")])
            self.advert.setPlainText("")
        else:
            applicants = recruitment.list_applicants(self.context.db, stored.id)
            self._applicants = recruitment.ranked(applicants, stored.questions)
            self.summary.set_lines(self._summary_lines(stored))
            self.advert.setPlainText(recruitment.job_pack_for(self.context.db, self.context.employer_id, stored.id).advert)
        self.applicant_list.blockSignals(True)
        self.applicant_list.clear()
        for applicant, summary in self._applicants:
            item = QListWidgetItem(applicant_line(applicant, summary))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, applicant_line(applicant, summary).replace("\n", ": "))
            self.applicant_list.addItem(item)
        ids = [a.id for a, _ in self._applicants]
        self.applicant_list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.applicant_list.blockSignals(False)
        self._show_applicant()

    def _show_applicant(self, *_args) -> None:
        stored, vacancy = self.applicant, self.vacancy
        has_vacancy = vacancy is not None
        for button in (self.change_button, self.pack_button, self.copy_button, self.questions_button, self.add_button):
            button.setEnabled(has_vacancy)
        live = stored is not None and stored.applicant.erased_on is None
        for button in (self.edit_button, self.scores_button, self.sheet_button, self.decision_button,
                       self.offer_button):
            button.setEnabled(live and stored.pa_id is None)
        self.accepted_button.setEnabled(live and stored.offer is not None and stored.pa_id is None
                                        and stored.offer.declined_on is None)
        self.erase_button.setEnabled(has_vacancy and any(a.applicant.erased_on is None and a.pa_id is None
                                                         and a.applicant.status != r.OFFERED
                                                         for a, _ in self._applicants))
        states = recruitment.conditions_for(self.context.db, self.context.employer_id, stored.id) \
            if stored is not None and stored.pa_id is not None else None
        self.offer_part.setVisible(states is not None)
        if states is not None:
            start = stored.offer.start_date
            lines = [condition_line(state) for state in states]
            if r.ready_to_start(states):
                lines.insert(0, ("ok", f"Ready: every check is done for the first day, {format_date(start)}."))
            else:
                lines.insert(0, ("warning", f"Not ready yet: do these before {stored.applicant.name}'s first day, "
                                            f"{format_date(start)}."))
            self.conditions.set_lines(lines)

    def _run(self, dialog) -> object | None:
        """Show a dialog that saves; once it has, put what it changed on the undo stack."""
        accepted = dialog.exec()
        saved, change = dialog.saved, dialog.change
        dialog.deleteLater()
        if not accepted or saved is None:
            return None
        if change is not None:
            self.context.push(change)
        return saved

    # --- vacancies ---
    def _on_new_button_clicked(self) -> None:
        db, employer_id = self.context.db, self.context.employer_id
        if employer_id is None:
            return
        saved = self._run(VacancyDialog(db, employer_id, self.context.today(), None, self))
        if saved is None:
            return
        self.select_vacancy(saved.id)

    def _on_change_button_clicked(self) -> None:
        before, db, employer_id = self.vacancy, self.context.db, self.context.employer_id
        if before is None:
            return
        self._run(VacancyDialog(db, employer_id, self.context.today(), before, self))

    def _ask_path(self, title: str, suggested: str, filters: str) -> Path | None:
        path, chosen = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), filters)
        if not path:
            return None
        path = Path(path)
        return path if path.suffix else path.with_suffix(".html" if chosen and "html" in chosen else ".pdf")

    def _write(self, action, path: Path) -> None:
        try:
            action(path)
        except (ServiceError, OSError) as error:
            QMessageBox.warning(self, "It was not saved", (getattr(error, "strerror", None) or say(error)))
            return
        self.context.status_message.emit(f"Saved to {path}.")

    def _on_pack_button_clicked(self) -> None:
        stored = self.vacancy
        if stored is None:
            return
        path = self._ask_path("Save the job pack", f"Job pack {stored.vacancy.title}.pdf", PACK_FILTERS)
        if path is not None:
            self._write(lambda p: recruitment.save_job_pack(self.context.db, self.context.employer_id, stored.id, p), path)

    def _on_copy_button_clicked(self) -> None:
        QApplication.clipboard().setText(self.advert.toPlainText())
        self.context.status_message.emit("Copied the advert. Paste it into a job website, a PA register or a notice.")

    def _on_questions_button_clicked(self) -> None:
        if self.vacancy is not None:
            self._run(QuestionsDialog(self.context.db, self.context.employer_id, self.vacancy, self))

    # --- applicants ---
    def _on_add_button_clicked(self) -> None:
        stored, db, employer_id = self.vacancy, self.context.db, self.context.employer_id
        if stored is None:
            return
        saved = self._run(ApplicantDialog(db, employer_id, stored, self.context.today(), None, self))
        if saved is not None:
            self._select_applicant(saved.id)

    def _select_applicant(self, applicant_id: int) -> None:
        ids = [a.id for a, _ in self._applicants]
        if applicant_id in ids:
            self.applicant_list.setCurrentRow(ids.index(applicant_id))

    def _edit(self, make_dialog) -> None:
        before = self.applicant
        if before is None:
            return
        if self._run(make_dialog(before)) is not None:
            self._select_applicant(before.id)

    def _on_edit_button_clicked(self) -> None:
        self._edit(lambda a: ApplicantDialog(self.context.db, self.context.employer_id, self.vacancy,
                                             self.context.today(), a, self))

    def _on_scores_button_clicked(self) -> None:
        self._edit(lambda a: InterviewDialog(self.context.db, self.context.employer_id, self.vacancy, a,
                                             self.context.today(), self))

    def _on_decision_button_clicked(self) -> None:
        self._edit(lambda a: DecisionDialog(self.context.db, self.context.employer_id, a, self.context.today(), self))

    def _on_offer_button_clicked(self) -> None:
        self._edit(lambda a: OfferDialog(self.context.db, self.context.employer_id, self.vacancy, a,
                                         self.context.today(), self))

    def _on_sheet_button_clicked(self) -> None:
        stored = self.applicant
        if stored is None:
            return
        path = self._ask_path("Save the interview sheet", f"Interview {stored.applicant.name}.pdf", "PDF to print (*.pdf)")
        if path is not None:
            self._write(lambda p: recruitment.save_interview_sheet(self.context.db, self.context.employer_id, stored.id,
                                                                   p, self.context.today()), path)

    def _on_accepted_button_clicked(self) -> None:
        before, vacancy = self.applicant, self.vacancy
        db, employer_id, today = self.context.db, self.context.employer_id, self.context.today()
        if before is None or vacancy is None:
            return
        accepted_on = self._run(AcceptedDialog(before, today, self))
        if accepted_on is None:
            return
        try:
            done = recruitment.accept_offer_undoably(db, employer_id, before.id, accepted_on, today)
        except ServiceError as error:
            QMessageBox.information(self, "They were not taken on", say(error))
            return
        self.context.push(done.change)
        self._select_applicant(before.id)

    def _on_erase_button_clicked(self) -> None:
        stored, db, employer_id, today = self.vacancy, self.context.db, self.context.employer_id, self.context.today()
        if stored is None:
            return
        answer = QMessageBox.question(
            self, "Erase applicants' details?",
            "Erase the name, contact details, referees, notes and reasons of everyone not taken on for this vacancy? "
            "Where they heard of the job and their scores stay, without a name. You can undo this until you close PA "
            "Manager; after that the details are gone.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.push(recruitment.erase_applicants_undoably(db, employer_id, stored.id, today, early=True).change)

    # --- after the offer ---
    def _on_checklist_button_clicked(self) -> None:
        from pa_manager.ui.dialogs.checklists import NewPAChecklistDialog

        stored = self.applicant
        if stored is not None and stored.pa_id is not None:
            dialog = NewPAChecklistDialog(self.context, stored.pa_id, self)
            dialog.exec()
            dialog.deleteLater()

    def _on_statement_button_clicked(self) -> None:
        stored = self.applicant
        if stored is not None and stored.pa_id is not None:
            self.statement_requested.emit(stored.pa_id)
