"""Taking on a PA from start to finish with the keyboard alone: a vacancy, two applicants, their interview
scores, a decision, an offer, the checks before the first day, and on the first day a written statement
given and signed. Every step is a key press on the real window and its real dialogs (each dialog's exec
shows it and takes keys instead of blocking); only the computer's own file chooser is answered for it."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from pa_manager.domain import recruitment as r
from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import checks, employers, people, recruitment, statements
from pa_manager.services import due
from pa_manager.ui.dialogs.check_dialogs import DBSCheckDialog, ReferenceDialog, RightToWorkDialog
from pa_manager.ui.dialogs.checklists import NewPAChecklistDialog
from pa_manager.ui.dialogs.recruitment_dialogs import (
    AcceptedDialog, ApplicantDialog, DecisionDialog, InterviewDialog, OfferDialog, VacancyDialog,
)
from pa_manager.ui.dialogs.statement_dialogs import StatementGivenDialog

START = date(2026, 12, 7)  # two weeks on
CLICK_DELAY_MS = 150  # a button pressed by its shortcut clicks after 100 ms (QAbstractButton.animateClick)


def _key(name: str):
    return getattr(Qt.Key, f"Key_{name}")


class Keyboard:
    """Keys sent to whatever has the focus, as a person at the keyboard sends them."""

    def __init__(self, qtbot):
        self.qtbot = qtbot

    @property
    def focus(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, name: str, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus, _key(name), modifier)

    def alt(self, letter: str) -> None:
        """A shortcut letter (the underlined one): a field gets the focus, or a button is pressed (Qt shows the
        button going down and clicks it a moment later, so wait for that)."""
        self.qtbot.keyClick(self.focus, _key(letter.upper()), Qt.KeyboardModifier.AltModifier)
        self.qtbot.wait(CLICK_DELAY_MS)

    def ctrl(self, letter: str) -> None:
        self.qtbot.keyClick(self.focus, _key(letter.upper()), Qt.KeyboardModifier.ControlModifier)

    def type(self, text: str) -> None:
        """Replace what the focused field holds: select it all, then type."""
        self.ctrl("a")
        self.qtbot.keyClicks(self.focus, text)

    def field(self, letter: str, text: str) -> None:
        self.alt(letter)
        self.type(text)


def _activate(qtbot, widget) -> None:
    widget.activateWindow()
    widget.raise_()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


@pytest.fixture
def by_keyboard(qtbot, monkeypatch):
    """Each dialog opens as usual, then takes its keys from the test; closing it hands the keyboard back to
    the window it came from. Returns (register, log): register(cls, steps) for each kind of dialog."""
    log = []

    def register(cls, steps):
        def exec_(dialog):
            opener = QApplication.activeWindow()
            dialog.show()
            _activate(qtbot, dialog)
            steps(dialog)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
            log.append((cls.__name__, dialog.result()))
            if opener is not None:
                _activate(qtbot, opener)
            return dialog.result()

        monkeypatch.setattr(cls, "exec", exec_)

    return register, log


def test_a_vacancy_to_a_signed_statement_by_keyboard_alone(qtbot, context, by_keyboard, monkeypatch, tmp_path):
    from pa_manager.ui.main_window import MainWindow

    employer = employers.save_employer(context.db, EmployerRecord(
        name="Ruth Ames", address="2 Quay Street\nPortlow", postcode="PT1 4AB", pension_provider="NEST"))
    context.set_employer(employer.id)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    _activate(qtbot, window)
    keys = Keyboard(qtbot)
    register, log = by_keyboard
    saved_files = []

    def save_file(parent, title, suggested, filters):  # the computer's own file chooser: answered for it
        saved_files.append(tmp_path / Path(suggested).name)
        return str(saved_files[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)

    # Ctrl+R: the Recruitment area, whose first part is the vacancies.
    window.nav.setFocus()
    keys.ctrl("r")
    page = window.recruitment
    assert window.stack.currentWidget() is page and page.tabs.currentWidget() is page.vacancies

    # --- A vacancy from what the household needs ---
    def vacancy_steps(dialog: VacancyDialog):
        keys.alt("a")  # the tasks: personal care, then meals
        keys.press("Home")
        keys.press("Space")
        keys.press("Down")
        keys.press("Space")
        keys.field("w", "8")  # hours a week
        keys.field("e", "13.45")  # hourly rate
        keys.field("b", "7/12/2026")  # starts about
        keys.field("c", "4/12/2026")  # applications close
        keys.field("p", "Email ruth.ames@example.org")
        keys.alt("s")

    register(VacancyDialog, vacancy_steps)
    keys.alt("w")  # New vacancy
    [stored_vacancy] = recruitment.list_vacancies(context.db, employer.id)
    vacancy = stored_vacancy.vacancy
    assert (vacancy.tasks, vacancy.hours_per_week, vacancy.hourly_rate, vacancy.start_date) == \
        ((r.PERSONAL_CARE, r.MEALS), Decimal("8"), Decimal("13.45"), START)
    assert {"infection_prevention_and_control", "food_hygiene"} <= set(vacancy.required_courses)  # from the tasks
    assert "Personal assistant wanted in Portlow. 8 hours a week. £13.45 an hour." in page.vacancies.advert.toPlainText()

    # --- Two applicants ---
    def applicant(name: str, contact_letter: str, contact: str):
        def steps(dialog: ApplicantDialog):
            keys.field("n", name)
            keys.field(contact_letter, contact)
            keys.alt("s")
        return steps

    register(ApplicantDialog, applicant("Dee Okoro", "m", "dee@example.org"))
    keys.alt("p")  # Add applicant
    register(ApplicantDialog, applicant("Eve Hart", "p", "07700 900999"))
    keys.alt("p")
    assert [a.applicant.name for a in recruitment.list_applicants(context.db, stored_vacancy.id)] == \
        ["Dee Okoro", "Eve Hart"]

    # --- Interview scores: each question's score by Alt and its number, then a note ---
    def scores(score_downs: int, note: str):
        def steps(dialog: InterviewDialog):
            for number in range(1, len(dialog.scores) + 1):
                keys.alt(str(number))
                keys.press("Down", score_downs)  # from "Not scored": 3 presses is "3 - good evidence"
                if number == 1:
                    keys.press("Tab")
                    keys.type(note)
            keys.alt("s")
        return steps

    def choose_applicant(name: str) -> None:
        keys.alt("b")  # the applicants, best scores first
        keys.press("Home")
        while page.vacancies.applicant.applicant.name != name:
            keys.press("Down")

    choose_applicant("Dee Okoro")
    register(InterviewDialog, scores(3, "Let her grandmother choose how things were done"))
    keys.alt("s")  # Interview scores
    choose_applicant("Eve Hart")
    register(InterviewDialog, scores(2, "Talked about tasks more than the person"))
    keys.alt("s")
    ranked = [a.applicant.name for a, _ in page.vacancies._applicants]
    assert ranked == ["Dee Okoro", "Eve Hart"]
    lines = [page.vacancies.applicant_list.item(i).text() for i in range(page.vacancies.applicant_list.count())]
    assert "Scored 24 out of 32 (every question)." in lines[0] and "Scored 16 out of 32" in lines[1]
    dee = next(a for a in recruitment.list_applicants(context.db, stored_vacancy.id) if a.applicant.name == "Dee Okoro")
    assert dee.scores[stored_vacancy.questions[0]] == (3, "Let her grandmother choose how things were done")

    # --- The decision, with reasons ---
    def not_taken_on(dialog: DecisionDialog):
        keys.alt("d")
        keys.press("Home")  # "Not taken on"
        keys.field("w", "Less evidence of putting the person first.")
        keys.alt("s")

    choose_applicant("Eve Hart")
    register(DecisionDialog, not_taken_on)
    keys.alt("c")
    eve = next(a for a in recruitment.list_applicants(context.db, stored_vacancy.id) if a.applicant.name == "Eve Hart")
    assert (eve.applicant.status, eve.applicant.reasons) == (r.NOT_HIRED, "Less evidence of putting the person first.")

    # --- The conditional offer, accepted ---
    choose_applicant("Dee Okoro")
    register(OfferDialog, lambda dialog: keys.alt("s"))  # the vacancy's pay, hours and start, as they are
    keys.alt("o")
    register(AcceptedDialog, lambda dialog: keys.alt("s"))
    keys.alt("r")
    # Edit > Undo takes her on no longer (the PA goes, the offer is open again); Redo takes her on again.
    assert context.undo_group.undoText() == "Take on Dee Okoro"
    context.undo_group.undo()
    assert "Dee Okoro" not in [pa.name for pa in people.list_pas(context.db, employer.id)]
    dee = next(a for a in recruitment.list_applicants(context.db, stored_vacancy.id) if a.applicant.name == "Dee Okoro")
    assert (dee.applicant.status, dee.pa_id) == (r.OFFERED, None)
    context.undo_group.redo()
    [dee_pa] = [pa for pa in people.list_pas(context.db, employer.id) if pa.name == "Dee Okoro"]
    assert (dee_pa.start_date, dee_pa.contracted_hours, dee_pa.rate_on(START)) == (START, Decimal("8"), Decimal("13.45"))
    conditions = page.vacancies.conditions
    assert conditions.item(0).text() == "Not ready yet: do these before Dee Okoro's first day, 7 December 2026."

    # --- The checks, through her New PA checklist ---
    def right_to_work(dialog: RightToWorkDialog):
        keys.field("d", "1/12/2026")
        keys.field("o", "UK passport")
        keys.alt("s")

    def dbs(dialog: DBSCheckDialog):
        keys.field("c", "0012 3456 7890")  # enhanced with the adults' barred list is already chosen
        keys.field("i", "3/12/2026")
        keys.alt("s")

    def reference(name: str):
        def steps(dialog: ReferenceDialog):
            keys.field("n", name)
            keys.field("a", "1/12/2026")
            keys.field("r", "2/12/2026")
            keys.alt("i")
            keys.press("Down")  # "Yes, satisfactory"
            keys.alt("s")
        return steps

    def checklist(dialog: NewPAChecklistDialog):
        register(RightToWorkDialog, right_to_work)
        keys.alt("r")  # step 1: Record a right-to-work check
        keys.alt("n")  # Next: the DBS check
        register(DBSCheckDialog, dbs)
        keys.alt("r")
        keys.alt("n")  # Next: references
        for name in ("Ann Lee, previous employer", "Bob Ray, college tutor"):
            register(ReferenceDialog, reference(name))
            keys.alt("r")
        keys.press("Escape")  # close the checklist

    register(NewPAChecklistDialog, checklist)
    keys.alt("k")  # Open their checklist
    assert conditions.item(0).text() == "Ready: every check is done for the first day, 7 December 2026."
    record = checks.pa_checks(context.db, employer.id, dee_pa.id)
    assert (len(record.right_to_work), len(record.dbs), len(record.references)) == (1, 1, 2)

    # --- The first day: the written statement, made, given and signed ---
    monkeypatch.setattr(context, "_today", lambda: START)
    keys.alt("m")  # Their written statement: the PA's terms
    assert page.tabs.currentWidget() is page.team and page.team.pa.name == "Dee Okoro"
    keys.alt("m")  # Make the written statement
    assert saved_files and saved_files[-1].read_bytes().startswith(b"%PDF")

    def given_and_signed(dialog: StatementGivenDialog):
        keys.field("g", "7/12/2026")  # signed; given is today already
        keys.alt("s")

    register(StatementGivenDialog, given_and_signed)
    keys.alt("v")  # Record as given and signed

    [statement] = statements.list_statements(context.db, employer.id, dee_pa.id)
    assert (statement.kind, statement.as_at, statement.given_on, statement.signed_on) == ("statement", START, START, START)
    worded = statement.worded
    assert "Your main tasks are: personal care" in " ".join(worded.section("JOB").paragraphs)
    assert "You are paid £13.45 an hour, from 7 December 2026." in worded.section("PAY").paragraphs[0]
    assert page.team.status.item(0).text() == "Done: written statement given 7 December 2026, signed 7 December 2026."
    open_items = {i.code for i in due.due_list(context.db, employer.id, START) if i.pa_key == dee_pa.id}
    assert not open_items & {"RIGHT_TO_WORK_MISSING", "DBS_MISSING", "REFERENCES_MISSING", "CONTRACT_STATEMENT_DUE"}
    assert [name for name, result in log if not result] == ["NewPAChecklistDialog"]  # closed with Escape; all else saved

