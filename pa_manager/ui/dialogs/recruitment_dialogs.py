"""The forms of recruiting: the vacancy, an applicant, the interview questions and scores, the decision
and the offer. Each saves through pa_manager.services.recruitment when you choose Save, keeping `before`
and `saved` so the page can put the change on the undo stack."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSpinBox, QWidget,
)

from pa_manager.domain import recruitment as r
from pa_manager.domain.particulars import WorkingPattern
from pa_manager.recruitment_words import SCORE_NAMES, SOURCE_NAMES, TASK_NAMES, VALUE_NAMES
from pa_manager.services import people, recruitment, training
from pa_manager.services.data_files import Database
from pa_manager.services.recruitment import StoredApplicant, StoredVacancy
from pa_manager.statement_words import shift_line
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _combo, _select, _Wrong
from pa_manager.ui.dialogs.statement_dialogs import text_box
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DATE_HINT, DateEdit, DecimalEdit, InputError
from pa_manager.ui.widgets.paragraph import paragraph


def _decimal(dialog: FormDialog, key: str, field: DecimalEdit):
    try:
        return field.value()
    except InputError as error:
        raise _Wrong(key, str(error)) from None


def _pattern_words(p: WorkingPattern) -> str:
    return shift_line((p.weekdays, p.start, p.end, p.shift_type, p.interval, p.break_minutes))


class VacancyDialog(FormDialog):
    """A job to fill, built from the household's needs: the tasks, the shifts (taken from a PA's rota),
    the pay and the training needed."""

    def __init__(self, db: Database, employer_id: int, today: date, stored: StoredVacancy | None = None, parent=None):
        super().__init__(
            "Change the vacancy" if stored else "New vacancy",
            "Describe the job from what you need: the tasks, the shifts and the pay. PA Manager writes the job "
            "description, the person specification and the advert from it.", parent, scroll=True)
        self.db, self.employer_id, self.today = db, employer_id, today
        self.before = stored
        v = stored.vacancy if stored else recruitment.new_vacancy(db, employer_id, today)
        self._start = v
        self.title = QLineEdit(v.title)
        self.tasks = QListWidget()
        self.tasks.setMaximumHeight(self.tasks.fontMetrics().lineSpacing() * 8)
        for task in r.TASKS:
            item = QListWidgetItem(TASK_NAMES[task])
            item.setData(Qt.ItemDataRole.UserRole, task)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task in v.tasks else Qt.CheckState.Unchecked)
            self.tasks.addItem(item)
        self.tasks.itemChanged.connect(self._on_task_changed)
        self.other_tasks = text_box(v.other_tasks)
        self.rota_pa = QComboBox()
        self.rota_pa.addItem("Choose a PA", None)
        for pa in people.list_pas(db, employer_id):
            self.rota_pa.addItem(pa.name, pa.id)
        self.use_rota = QPushButton("&Use their shifts")
        rota_row = QWidget()
        rota_layout = QHBoxLayout(rota_row)
        rota_layout.setContentsMargins(0, 0, 0, 0)
        rota_layout.addWidget(self.rota_pa, stretch=1)
        rota_layout.addWidget(self.use_rota)
        self.shifts = QListWidget()
        self.shifts.setMaximumHeight(self.shifts.fontMetrics().lineSpacing() * 5)
        self.remove_shift = QPushButton("Remo&ve the chosen shift")
        self._patterns = list(v.patterns)
        self.hours = DecimalEdit()
        self.hours.set_value(v.hours_per_week)
        self.irregular = QCheckBox("I&rregular hours (they vary from week to week)")
        self.irregular.setChecked(v.irregular_hours)
        self.rate = DecimalEdit(money=True)
        self.rate.set_value(v.hourly_rate)
        self.sleep_in = DecimalEdit(money=True)
        self.sleep_in.set_value(v.sleep_in_allowance)
        self.area = QLineEdit(v.area)
        self.closing = DateEdit()
        self.closing.set_value(v.closing_date)
        self.start = DateEdit()
        self.start.set_value(v.start_date)
        self.how_to_apply = text_box(v.how_to_apply)
        self.courses = QListWidget()
        self.courses.setMaximumHeight(self.courses.fontMetrics().lineSpacing() * 7)
        for course in training.list_courses(db, employer_id):
            item = QListWidgetItem(course.name)
            item.setData(Qt.ItemDataRole.UserRole, course.course.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if course.course.key in v.required_courses else Qt.CheckState.Unchecked)
            self.courses.addItem(item)
        self.retention = QSpinBox()
        self.retention.setRange(1, 24)
        self.retention.setSuffix(" months")
        self.retention.setValue(v.retention_months)
        rows = (
            ("title", "&Job title:", self.title, ""),
            ("tasks", "T&asks:", self.tasks, "What the PA will help with: press Space to tick or untick one. Ticking a "
                                             "task also ticks the training it needs."),
            ("other_tasks", "In your &own words:", self.other_tasks, "Anything specific, for example help with a guide dog"),
            ("rota", "S&hifts from the rota of:", rota_row, "Choose a PA, often one who is leaving, and use their shifts"),
            ("patterns", "Shi&fts:", self.shifts, ""),
            ("remove_shift", "", self.remove_shift, ""),
            ("hours_per_week", "Hours a &week:", self.hours, "Leave blank to count them from the shifts"),
            ("irregular_hours", "", self.irregular, ""),
            ("hourly_rate", "Hourly rat&e (£):", self.rate, "At least the legal minimum for the youngest person who "
                                                              "might apply"),
            ("sleep_in_allowance", "S&leep-in allowance (£ a night):", self.sleep_in, "Leave blank if there are none"),
            ("area", "&Town or area for the advert:", self.area, "Never your full address: applicants get it later"),
            ("closing_date", "Applications &close:", self.closing, DATE_HINT),
            ("start_date", "Job starts a&bout:", self.start, DATE_HINT),
            ("how_to_apply", "How to a&pply:", self.how_to_apply, "For example: email or phone, and what to send"),
            ("required_courses", "Training &needed:", self.courses, "Press Space to tick or untick a course"),
            ("retention_months", "&Keep details of people not taken on for:", self.retention,
             "Then PA Manager reminds you to erase them; 6 months is common practice, not the law"),
        )
        for key, label, field, hint in rows:
            self.rows[key] = add_row(self.form, label, field, hint)
        self.rows["rota"].field.setAccessibleName("Shifts from the rota of")
        self.rota_pa.setAccessibleName("Shifts from the rota of")
        self.use_rota.clicked.connect(self._on_use_rota_clicked)
        self.remove_shift.clicked.connect(self._on_remove_shift_clicked)
        self._show_shifts()
        self.resize(760, 700)

    def _show_shifts(self) -> None:
        self.shifts.clear()
        for p in self._patterns:
            self.shifts.addItem(_pattern_words(p))
        if not self._patterns:
            self.shifts.addItem("No shifts yet: use a PA's shifts, or enter the hours a week.")
        self.remove_shift.setEnabled(bool(self._patterns))

    def _on_use_rota_clicked(self) -> None:
        pa_id = self.rota_pa.currentData()
        if pa_id is None:
            self.rows["rota"].show_error("Choose whose shifts to use.")
            return
        self.rows["rota"].show_error(None)
        self._patterns = list(recruitment.rota_of(self.db, self.employer_id, pa_id, self.today))
        self._show_shifts()
        if not self._patterns:
            self.rows["rota"].show_error(f"{self.rota_pa.currentText()} has no shifts on the rota.")

    def _on_remove_shift_clicked(self) -> None:
        row = self.shifts.currentRow()
        if 0 <= row < len(self._patterns):
            del self._patterns[row]
            self._show_shifts()

    def chosen_tasks(self) -> tuple[str, ...]:
        return tuple(self.tasks.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.tasks.count())
                     if self.tasks.item(i).checkState() == Qt.CheckState.Checked)

    def _on_task_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() != Qt.CheckState.Checked:
            return
        wanted = set(r.suggested_courses(self.chosen_tasks()))
        for index in range(self.courses.count()):
            item = self.courses.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def vacancy(self) -> r.Vacancy:
        courses = tuple(self.courses.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.courses.count())
                        if self.courses.item(i).checkState() == Qt.CheckState.Checked)
        return replace(
            self._start, title=self.title.text(), tasks=self.chosen_tasks(),
            other_tasks=self.other_tasks.toPlainText(), patterns=tuple(self._patterns),
            hours_per_week=_decimal(self, "hours_per_week", self.hours), irregular_hours=self.irregular.isChecked(),
            hourly_rate=_decimal(self, "hourly_rate", self.rate),
            sleep_in_allowance=_decimal(self, "sleep_in_allowance", self.sleep_in), area=self.area.text(),
            closing_date=self._date("closing_date"), start_date=self._date("start_date"),
            how_to_apply=self.how_to_apply.toPlainText(), required_courses=courses,
            retention_months=self.retention.value())

    def _save(self) -> None:
        done = recruitment.save_vacancy_undoably(self.db, self.employer_id, self.vacancy(),
                                                 self.before.id if self.before else None)
        self.saved, self.change = done.value, done.change


class ApplicantDialog(FormDialog):
    def __init__(self, db: Database, employer_id: int, vacancy: StoredVacancy, today: date,
                 stored: StoredApplicant | None = None, parent=None):
        super().__init__(
            "Change the applicant" if stored else "Add an applicant",
            f"Someone who applied for the {vacancy.vacancy.title.lower()} job. Their details are kept only as long "
            "as you chose for the vacancy, unless you take them on.", parent, scroll=True)
        self.db, self.employer_id, self.vacancy, self.before = db, employer_id, vacancy, stored
        a = stored.applicant if stored else r.Applicant("", today)
        self._start = a
        self.name = QLineEdit(a.name)
        self.email = QLineEdit(a.email)
        self.phone = QLineEdit(a.phone)
        self.address = text_box(a.address)
        self.source = _combo(SOURCE_NAMES.items())
        _select(self.source, a.source)
        self.applied_on = DateEdit()
        self.applied_on.set_value(a.applied_on)
        self.referees = text_box(a.referees, 3)
        self.notes = text_box(a.notes, 3)
        for key, label, field, hint in (
                ("name", "&Name:", self.name, ""),
                ("email", "E&mail:", self.email, "An email address or a phone number, so you can reply"),
                ("phone", "&Phone:", self.phone, ""),
                ("address", "Add&ress:", self.address, ""),
                ("source", "&Where they heard of the job:", self.source, "So you can see which adverts work"),
                ("applied_on", "&Applied on:", self.applied_on, DATE_HINT),
                ("referees", "Re&ferees:", self.referees, "One a line: their name and how to reach them"),
                ("notes", "No&tes:", self.notes, "")):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        applied = self._date("applied_on", "Enter the day they applied.")
        applicant = replace(self._start, name=self.name.text(), email=self.email.text(), phone=self.phone.text(),
                            address=self.address.toPlainText(), source=self.source.currentData(), applied_on=applied,
                            referees=self.referees.toPlainText(), notes=self.notes.toPlainText())
        done = recruitment.save_applicant_undoably(self.db, self.employer_id, self.vacancy.id, applicant,
                                                   self.before.id if self.before else None)
        self.saved, self.change = done.value, done.change


class QuestionsDialog(FormDialog):
    """Choose the questions to ask every applicant: a few for each value."""

    def __init__(self, db: Database, employer_id: int, vacancy: StoredVacancy, parent=None):
        super().__init__(
            "Interview questions",
            "Choose the questions to ask everyone, so you can compare their answers fairly. Two for each value take "
            "about 45 minutes. Press Space to tick or untick one.", parent)
        self.db, self.employer_id, self.vacancy, self.before = db, employer_id, vacancy, vacancy.questions
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        for question in r.question_bank():
            item = QListWidgetItem(f"{VALUE_NAMES[question.value]}: {question.question}")
            item.setData(Qt.ItemDataRole.UserRole, question.key)
            item.setToolTip(f"A good answer: {question.look_for}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.key in vacancy.questions else Qt.CheckState.Unchecked)
            self.questions.addItem(item)
        self.rows["questions"] = add_row(self.form, "&Questions:", self.questions)
        self.resize(720, 560)

    def chosen(self) -> tuple[str, ...]:
        return tuple(self.questions.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.questions.count())
                     if self.questions.item(i).checkState() == Qt.CheckState.Checked)

    def _save(self) -> None:
        chosen = self.chosen()
        if not chosen:
            raise _Wrong("questions", "Tick at least one question to ask.")
        self.change = recruitment.set_questions_undoably(self.db, self.employer_id, self.vacancy.id, chosen).change
        self.saved = chosen


class InterviewDialog(FormDialog):
    """Each chosen question with its score (1 to 4) and a note; questions not asked stay unscored."""

    def __init__(self, db: Database, employer_id: int, vacancy: StoredVacancy, stored: StoredApplicant, today: date,
                 parent=None):
        super().__init__(
            f"Interview with {stored.applicant.name}",
            "Score each answer for the evidence it gave of the value: 1 no evidence, 2 some, 3 good, 4 strong. Write "
            "what they said that shows it, so your decision rests on the evidence.", parent, scroll=True)
        self.db, self.employer_id, self.before = db, employer_id, stored
        self.interviewed_on = DateEdit()
        self.interviewed_on.set_value(stored.interviewed_on or today)
        self.rows["interviewed_on"] = add_row(self.form, "Interview &date:", self.interviewed_on, DATE_HINT)
        bank = {q.key: q for q in r.question_bank()}
        self.scores: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for number, key in enumerate(vacancy.questions, start=1):
            question = bank[key]
            score = QComboBox()
            score.addItem("Not scored", None)
            for value, words in SCORE_NAMES.items():
                score.addItem(words, value)
            note = QLineEdit()
            old = stored.scores.get(key)
            if old:
                _select(score, old[0])
                note.setText(old[1])
            self.form.addRow(paragraph(f"{number}. {VALUE_NAMES[question.value]}: {question.question}"))
            # Alt and the question's number reach its score, for the first nine.
            mnemonic = "&" if number <= 9 else ""
            self.rows[f"score_{key}"] = add_row(self.form, f"Score for question {mnemonic}{number}:", score,
                                                f"A good answer: {question.look_for}")
            self.rows[f"note_{key}"] = add_row(self.form, f"Note for question {number}:", note)
            self.scores[key], self.notes[key] = score, note
        self.resize(760, 680)

    def _save(self) -> None:
        scores = {key: (box.currentData(), self.notes[key].text()) for key, box in self.scores.items()
                  if box.currentData() is not None}
        done = recruitment.save_scores_undoably(self.db, self.employer_id, self.before.id,
                                                self._date("interviewed_on"), scores)
        self.saved, self.change = done.value, done.change


DECISIONS = ((r.NOT_HIRED, "Not taken on"), (r.WITHDRAWN, "They withdrew"), (r.INTERVIEW, "Still deciding"))


class DecisionDialog(FormDialog):
    def __init__(self, db: Database, employer_id: int, stored: StoredApplicant, today: date, parent=None):
        super().__init__(
            f"Decision about {stored.applicant.name}",
            "Record what you decided and why. To take them on, choose Make an offer instead.", parent)
        self.db, self.employer_id, self.before, self.today = db, employer_id, stored, today
        self.outcome = _combo(DECISIONS)
        _select(self.outcome, stored.applicant.status)
        self.reasons = text_box(stored.applicant.reasons, 3)
        self.decided_on = DateEdit()
        self.decided_on.set_value(stored.applicant.decided_on or today)
        self.rows["status"] = add_row(self.form, "&Decision:", self.outcome)
        self.rows["reasons"] = add_row(self.form, "&Why:", self.reasons, "The evidence from the interview, in a "
                                                                         "sentence or two")
        self.rows["decided_on"] = add_row(self.form, "De&cided on:", self.decided_on, DATE_HINT)

    def _save(self) -> None:
        decided = self._date("decided_on", "Enter the day you decided.")
        done = recruitment.decide_undoably(self.db, self.employer_id, self.before.id, self.outcome.currentData(),
                                           self.reasons.toPlainText(), decided)
        self.saved, self.change = done.value, done.change


class OfferDialog(FormDialog):
    def __init__(self, db: Database, employer_id: int, vacancy: StoredVacancy, stored: StoredApplicant, today: date,
                 parent=None):
        super().__init__(
            f"Offer the job to {stored.applicant.name}",
            "A conditional offer: the job is theirs once their right to work is checked, an enhanced DBS check with the "
            "adults' barred list has come back, and you have satisfactory references. Tell them so in writing.", parent)
        self.db, self.employer_id, self.before = db, employer_id, stored
        v, o = vacancy.vacancy, stored.offer
        self.rate = DecimalEdit(money=True)
        self.rate.set_value(o.hourly_rate if o else v.hourly_rate)
        self.hours = DecimalEdit()
        self.hours.set_value(o.hours_per_week if o else v.planned_hours)
        self.irregular = QCheckBox("I&rregular hours")
        self.irregular.setChecked(o.irregular_hours if o else v.irregular_hours)
        self.start = DateEdit()
        self.start.set_value(o.start_date if o else v.start_date)
        self.other = text_box(o.other_conditions if o else "")
        self.made_on = DateEdit()
        self.made_on.set_value(o.made_on if o else today)
        for key, label, field, hint in (
                ("hourly_rate", "Hourly r&ate (£):", self.rate, ""),
                ("hours_per_week", "Hours a &week:", self.hours, ""),
                ("irregular_hours", "", self.irregular, ""),
                ("start_date", "S&tart date:", self.start, "The right-to-work check must be before this day. " + DATE_HINT),
                ("other_conditions", "Other &conditions:", self.other, "Anything else the offer depends on"),
                ("made_on", "Offer &made on:", self.made_on, DATE_HINT)):
            self.rows[key] = add_row(self.form, label, field, hint)

    def _save(self) -> None:
        offer = r.Offer(self._date("made_on", "Enter the day you made the offer."), _decimal(self, "hourly_rate", self.rate),
                        self._date("start_date"), _decimal(self, "hours_per_week", self.hours), self.irregular.isChecked(),
                        self.other.toPlainText())
        done = recruitment.make_offer_undoably(self.db, self.employer_id, self.before.id, offer)
        self.saved, self.change = done.value, done.change


class AcceptedDialog(FormDialog):
    def __init__(self, stored: StoredApplicant, today: date, parent=None):
        super().__init__(
            f"{stored.applicant.name} accepted",
            f"{stored.applicant.name} becomes one of your PAs, starting on the offer's start date, with its pay and "
            "hours, the vacancy's shifts and training, and their referees to ask. Their New PA checklist then shows "
            "what to do before the first day.", parent)
        self.before = stored
        self.accepted_on = DateEdit()
        self.accepted_on.set_value(today)
        self.rows["accepted_on"] = add_row(self.form, "&Accepted on:", self.accepted_on, DATE_HINT)
        self.buttons.button(self.buttons.StandardButton.Save).setText("&Save")

    def _save(self) -> None:
        self.saved = self._date("accepted_on", "Enter the day they accepted.")
