"""The Recruitment page, driven as a person would: the terms for a written statement, making it, giving
it and the notice of a change; then checking what was stored, saved and shown."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QFileDialog

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.rota import RotaPattern
from pa_manager.services import checks, employers, people, rota, statements
from pa_manager.services import statement_given
from pa_manager.ui.dialogs.statement_dialogs import StatementGivenDialog, StatementTermsDialog
from pa_manager.ui.pages.recruitment import RecruitmentPage
from tests.conftest import TODAY
from tests.ui.driving import WINDOW_LETTERS, click, type_into
from tests.ui.test_accessibility import _mnemonic, unnamed_controls

START = TODAY + timedelta(days=14)


@pytest.fixture
def household(context):
    employer = employers.save_employer(context.db, EmployerRecord(name="Ada Mensah", address="5 Kiln Row\nPortlow",
                                                                  postcode="PT2 9XY"))
    pa = people.save_pa(context.db, employer.id, PARecord(
        name="Olu Bakare", start_date=START, contracted_hours=Decimal("12"),
        pay_rates=(PayRateEntry(START, Decimal("13.10")),)), TODAY)
    rota.save_pattern(context.db, employer.id, RotaPattern("Evenings", pa.id, time(17), time(21), frozenset({0, 2, 4}),
                                                           START))
    context.set_employer(employer.id)
    return employer, pa


def _page(qtbot, context):
    page = RecruitmentPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _lines(widget):
    return [widget.item(i).text() for i in range(widget.count())]


def test_the_terms_the_statement_and_giving_it(qtbot, context, household, monkeypatch, tmp_path):
    employer, pa = household
    page = _page(qtbot, context)
    team = page.team
    assert _lines(team.pa_list) == ["Olu Bakare\nStarts on 7 December 2026; no written statement given yet"]
    assert any(line.startswith("Missing: Olu Bakare has no written statement yet") for line in _lines(team.status))

    def fill_terms(dialog: StatementTermsDialog):
        dialog.probation.setValue(6)
        type_into(qtbot, dialog.benefits, "Free parking outside the house.")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(StatementTermsDialog, "exec", fill_terms)
    click(qtbot, team.terms_button)
    terms = statements.get_terms(context.db, employer.id, pa.id, TODAY)
    assert (terms.probation_months, terms.other_benefits) == (6, "Free parking outside the house.")

    target = tmp_path / "olu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    click(qtbot, team.make_button)
    assert target.read_bytes().startswith(b"%PDF")
    [made] = statements.list_statements(context.db, employer.id, pa.id)
    assert "Your first 6 months" in " ".join(made.worded.section("PROBATION").paragraphs)
    assert _lines(team.records_list) == ["Written statement made 23 November 2026. Not given yet."]

    def fill_given(dialog: StatementGivenDialog):
        type_into(qtbot, dialog.given, "25/11/2026")
        type_into(qtbot, dialog.signed, "26/11/2026")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(StatementGivenDialog, "exec", fill_given)
    click(qtbot, team.given_button)
    assert statements.get_statement(context.db, made.id).signed_on == date(2026, 11, 26)
    assert checks.pa_checks(context.db, employer.id, pa.id).contract.statement_given_on == date(2026, 11, 25)
    assert _lines(team.pa_list) == ["Olu Bakare\nStarts on 7 December 2026; statement given 25 November 2026"]
    assert _lines(team.status)[0] == "Done: written statement given 25 November 2026, signed 26 November 2026."

    # Undo takes back the giving, then the statement itself.
    context.undo_group.undo()
    assert statements.get_statement(context.db, made.id).given_on is None
    assert checks.pa_checks(context.db, employer.id, pa.id).contract is None
    context.undo_group.undo()
    assert statements.list_statements(context.db, employer.id, pa.id) == []


def test_a_statement_too_old_to_give_says_so_next_to_the_date(qtbot, context, household, monkeypatch, tmp_path):
    employer, pa = household
    page = _page(qtbot, context)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    click(qtbot, page.team.make_button)
    shown = {}

    def fill_given(dialog: StatementGivenDialog):
        type_into(qtbot, dialog.given, "5/12/2026")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        shown["error"] = dialog.rows["given_on"].error.text()
        return dialog.result()

    monkeypatch.setattr(StatementGivenDialog, "exec", fill_given)
    click(qtbot, page.team.given_button)
    assert "make a new one and give that instead" in shown["error"]
    assert statements.list_statements(context.db, employer.id, pa.id)[0].given_on is None


def test_a_pay_rise_after_the_statement_shows_the_notice_due_and_makes_it(qtbot, context, household, monkeypatch,
                                                                          tmp_path):
    employer, pa = household
    made = statements.make_statement(context.db, employer.id, pa.id, TODAY)
    statement_given.record_given(context.db, employer.id, made.id, TODAY, TODAY)
    stored = people.get_pa(context.db, pa.id)
    people.save_pa(context.db, employer.id, replace(stored, pay_rates=(*stored.pay_rates,
                                                                       PayRateEntry(TODAY + timedelta(days=20),
                                                                                    Decimal("13.40")))), TODAY)
    page = _page(qtbot, context)
    status = _lines(page.team.status)
    assert any("Give Olu Bakare a written notice of the change to their pay" in line for line in status)
    target = tmp_path / "notice.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    click(qtbot, page.team.notice_button)
    assert "From now on: You are paid £13.40 an hour, from 13 December 2026." in target.read_text()
    assert _lines(page.team.records_list)[-1] == \
        "Notice of a change made 23 November 2026, about their pay from 13 December 2026. Not given yet."


def test_every_control_is_named_and_no_shortcut_letter_is_shared(qtbot, context, household):
    page = _page(qtbot, context)
    assert unnamed_controls(page) == []
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), texts
    assert not set(letters) & WINDOW_LETTERS


def test_the_terms_dialog_names_every_field_and_shares_no_letter(qtbot, context, household):
    employer, pa = household
    dialog = StatementTermsDialog(context.db, employer.id, pa, statements.get_terms(context.db, employer.id, pa.id, TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), texts


def _recruitment_dialogs(context, employer_id, pa=None):
    from pa_manager.domain import recruitment as r
    from pa_manager.services import recruitment
    from pa_manager.ui.dialogs.recruitment_dialogs import (
        AcceptedDialog, ApplicantDialog, DecisionDialog, InterviewDialog, OfferDialog, QuestionsDialog, VacancyDialog,
    )

    start = recruitment.new_vacancy(context.db, employer_id, TODAY)
    vacancy = recruitment.save_vacancy(context.db, employer_id, replace(
        start, tasks=(r.MEALS,), hourly_rate=Decimal("13.45"), hours_per_week=Decimal("8")))
    applicant = recruitment.save_applicant(context.db, employer_id, vacancy.id, r.Applicant("Dee Okoro", TODAY,
                                                                                            phone="07700 900123"))
    return {
        "vacancy": lambda: VacancyDialog(context.db, employer_id, TODAY, vacancy),
        "applicant": lambda: ApplicantDialog(context.db, employer_id, vacancy, TODAY, applicant),
        "questions": lambda: QuestionsDialog(context.db, context.employer_id, vacancy),
        "interview": lambda: InterviewDialog(context.db, employer_id, vacancy, applicant, TODAY),
        "decision": lambda: DecisionDialog(context.db, employer_id, applicant, TODAY),
        "offer": lambda: OfferDialog(context.db, employer_id, vacancy, applicant, TODAY),
        "accepted": lambda: AcceptedDialog(applicant, TODAY),
        "induction": lambda: _induction_dialog(context, pa),
        "probation": lambda: _probation_dialog(context, employer_id, pa),
        "exit": lambda: _exit_dialog(context, employer_id, pa),
        "cases": lambda: _cases_dialog(context, pa, None),
        "new case": lambda: _cases_dialog(context, pa, "new"),
        "case step": lambda: _cases_dialog(context, pa, "step"),
        "pay scale": lambda: _pay_scale_dialog(context, employer_id),
        "sick pay scheme": lambda: _sick_pay_dialog(context, employer_id),
        "close case": lambda: _cases_dialog(context, pa, "close"),
    }


def _cases_dialog(context, pa, which):
    from pa_manager.domain import cases as rules
    from pa_manager.services import cases
    from pa_manager.ui.dialogs.case_dialogs import CasesDialog, CloseCaseDialog, NewCaseDialog, StepDialog

    if which is None:
        return CasesDialog(context, pa)
    if which == "new":
        return NewCaseDialog(context, pa)
    stored = cases.put_case(context.db, context.employer_id, pa.id, rules.Case(rules.GRIEVANCE, TODAY, "Rota"))
    return (StepDialog if which == "step" else CloseCaseDialog)(context, stored)


def _exit_dialog(context, employer_id, pa):
    from pa_manager.ui.dialogs.induction_dialogs import ExitRecordDialog

    return ExitRecordDialog(context.db, employer_id, pa, None, TODAY)


def _induction_dialog(context, pa):
    from pa_manager.services import induction
    from pa_manager.ui.dialogs.induction_dialogs import InductionPlanDialog

    induction.make_usual_plan(context.db, context.employer_id, pa.id)
    return InductionPlanDialog(context, pa)


def _pay_scale_dialog(context, employer_id):
    from pa_manager.ui.dialogs.pay_scale_dialog import PayScaleDialog

    return PayScaleDialog(context.db, employer_id)


def _sick_pay_dialog(context, employer_id):
    from pa_manager.ui.dialogs.sick_pay_scheme_dialog import SickPaySchemeDialog

    return SickPaySchemeDialog(context.db, employer_id)


def _probation_dialog(context, employer_id, pa):
    from pa_manager.ui.dialogs.induction_dialogs import ProbationDialog

    return ProbationDialog(context.db, employer_id, pa, START, TODAY)


@pytest.mark.parametrize("name", ["vacancy", "applicant", "questions", "interview", "decision", "offer", "accepted",
                                  "induction", "probation", "exit", "cases", "new case", "case step", "close case",
                                  "pay scale", "sick pay scheme"])
def test_every_recruitment_form_names_its_controls_and_shares_no_letter(qtbot, context, household, name):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    employer, pa = household
    dialog = _recruitment_dialogs(context, employer.id, pa)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), texts


def test_the_vacancies_part_names_every_control_and_shares_no_letter(qtbot, context, household):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    employer, _ = household
    _recruitment_dialogs(context, employer.id)  # a vacancy with an applicant to show
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.vacancies)
    assert unnamed_controls(page) == []
    texts = [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), texts
    assert not set(letters) & WINDOW_LETTERS


def test_the_induction_plan_is_made_and_ticked_off_with_the_keyboard(qtbot, context, household, monkeypatch):
    from PySide6.QtCore import Qt

    from pa_manager.services import induction, training
    from pa_manager.ui.dialogs.induction_dialogs import InductionPlanDialog

    employer, pa = household
    page = _page(qtbot, context)
    seen = {}

    def use_plan(dialog: InductionPlanDialog):
        dialog.show()
        click(qtbot, dialog.usual_button)
        dialog.items.setFocus()
        dialog.items.setCurrentRow(0)  # "By ...: Your home, your routines and how you like things done."
        seen["first"] = dialog.items.item(0).text()
        type_into(qtbot, dialog.done_on, "8/12/2026")
        dialog.items.setFocus()
        qtbot.keyClick(dialog.items, Qt.Key.Key_Down)  # the support plan, a topic of the household's
        qtbot.keyClick(dialog.items, Qt.Key.Key_Space)
        seen["second"] = dialog.items.item(1).text()
        for _ in range(3):
            qtbot.keyClick(dialog.items, Qt.Key.Key_Down)  # after the week's topics: standard 1
        qtbot.keyClick(dialog.items, Qt.Key.Key_Space)
        seen["fifth"] = dialog.items.item(4).text()
        seen["message"] = dialog.message.text()
        dialog.reject()
        return 0

    monkeypatch.setattr(InductionPlanDialog, "exec", use_plan)
    page.tabs.setCurrentWidget(page.team)
    click(qtbot, page.team.induction_button)
    assert seen["first"] == "Due by 13 December 2026: Your home, your routines and how you like things done."
    assert seen["second"] == "Done 8 December 2026: Read the support plan and the risk assessments together."
    assert seen["fifth"] == "Done 8 December 2026: Care Certificate standard 1: Understand your role."
    assert seen["message"].startswith("2 of ")
    assert training.care_certificate(context.db, employer.id, pa.id) == {1: date(2026, 12, 8)}
    assert any(line.startswith("Induction: 2 of ") for line in _lines(page.team.status))
    context.undo_group.undo()  # the last tick
    assert training.care_certificate(context.db, employer.id, pa.id) == {}
    assert induction.plan(context.db, pa.id)  # the plan itself stays until undone too


def test_the_probation_review_is_recorded(qtbot, context, household, monkeypatch):
    from pa_manager.services import induction
    from pa_manager.ui.dialogs.induction_dialogs import ProbationDialog

    employer, pa = household
    statements.make_statement(context.db, employer.id, pa.id, TODAY)
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.team)

    def passed(dialog: ProbationDialog):
        type_into(qtbot, dialog.reviewed_on, "1/3/2027")
        type_into(qtbot, dialog.notes, "A great start.")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(ProbationDialog, "exec", passed)
    click(qtbot, page.team.probation_button)
    [review] = induction.reviews(context.db, pa.id)
    assert (review.review.outcome, review.review.reviewed_on, review.review.notes) == ("passed", date(2027, 3, 1),
                                                                                       "A great start.")
    assert "Done: probation passed, reviewed 1 March 2027." in _lines(page.team.status)


def test_each_pa_shows_their_time_with_you_and_a_leaver_gets_an_exit_record(qtbot, context, household, monkeypatch):
    from pa_manager.services import keeping
    from pa_manager.ui.dialogs.induction_dialogs import ExitRecordDialog

    employer, pa = household
    kit = people.save_pa(context.db, employer.id, PARecord(name="Kit Moss", start_date=date(2024, 3, 6)), TODAY)
    people.record_leaver(context.db, employer.id, kit.id, date(2025, 9, 30), "", TODAY)
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.team)
    team = page.team
    assert _lines(team.pa_list) == ["Kit Moss\nLeft on 30 September 2025, after 1 year and 6 months",
                                    "Olu Bakare\nStarts on 7 December 2026; no written statement given yet"]
    assert team.retention.text() == "1 PA has left. They stayed 18 months on average."
    team.select_pa(pa.id)
    assert not team.exit_button.isEnabled()
    team.select_pa(kit.id)
    assert team.exit_button.isEnabled()

    def why(dialog: ExitRecordDialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("hours"))
        type_into(qtbot, dialog.better, "More regular hours.")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    monkeypatch.setattr(ExitRecordDialog, "exec", why)
    click(qtbot, team.exit_button)
    record = keeping.exit_record(context.db, kit.id)
    assert (record.reason, record.could_be_better, record.recorded_on) == ("hours", "More regular hours.", TODAY)
    assert team.retention.text() == "1 PA has left. They stayed 18 months on average. Why they left: the hours (1)."
    assert "Done: exit record kept. Main reason: the hours." in _lines(team.status)
    context.undo_group.undo()
    assert keeping.exit_record(context.db, kit.id) is None


def test_a_change_to_tell_on_the_dashboard_opens_the_pas_terms(qtbot, window):
    from PySide6.QtCore import Qt

    db, employer_id = window.context.db, window.context.employer_id
    janet = next(p for p in people.list_pas(db, employer_id) if p.name == "Janet Moyo")
    made = statements.make_statement(db, employer_id, janet.id, TODAY)
    statement_given.record_given(db, employer_id, made.id, TODAY, TODAY)
    people.save_pa(db, employer_id, replace(janet, pay_rates=(*janet.pay_rates,
                                                              PayRateEntry(TODAY + timedelta(days=7), Decimal("15.20")))),
                   TODAY)
    window.context.announce_change()
    due = window.dashboard.due
    row = next(i for i in range(due.count())
               if "Give Janet Moyo a written notice of the change to their pay" in due.item(i).text())
    assert due.item(row).text().startswith("Due in 37 days (30 December 2026): ")
    due.setCurrentRow(row)
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Return)  # Enter on the line
    assert window.stack.currentWidget() is window.recruitment
    assert window.recruitment.tabs.currentWidget() is window.recruitment.team
    assert window.recruitment.team.pa.name == "Janet Moyo"


def test_a_policy_is_saved_from_the_page(qtbot, context, household, monkeypatch, tmp_path):
    from pa_manager.ui.dialogs.statement_dialogs import PoliciesDialog

    page = _page(qtbot, context)
    target = tmp_path / "lone"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "Web page for a screen reader (*.html)"))
    seen = {}

    def save(dialog: PoliciesDialog):
        assert unnamed_controls(dialog) == []
        dialog.choice.setCurrentIndex(dialog.choice.findData("lone-working"))
        click(qtbot, dialog.save_button)
        seen["message"] = dialog.message.text()
        return 0

    monkeypatch.setattr(PoliciesDialog, "exec", save)
    click(qtbot, page.policies_button)
    saved = tmp_path / "lone.html"
    assert seen["message"] == f"Saved to {saved}."
    assert "Working alone safely" in saved.read_text()


def test_a_disciplinary_case_is_kept_step_by_step(qtbot, context, household, monkeypatch):
    from pa_manager.services import cases
    from pa_manager.ui.dialogs.case_dialogs import CasesDialog, CloseCaseDialog, NewCaseDialog, StepDialog

    employer, pa = household
    page = _page(qtbot, context)
    page.tabs.setCurrentWidget(page.team)
    seen = {}

    def new_case(dialog: NewCaseDialog):
        type_into(qtbot, dialog.summary, "Late for three morning shifts")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    def step(dialog: StepDialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
        type_into(qtbot, dialog.accompanied, "Jo Bell, colleague")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    def close(dialog: CloseCaseDialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("first_written_warning"))
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        return dialog.result()

    def use_cases(dialog: CasesDialog):
        for cls, steps in ((NewCaseDialog, new_case), (StepDialog, step), (CloseCaseDialog, close)):
            monkeypatch.setattr(cls, "exec", steps)
        click(qtbot, dialog.new_button)
        click(qtbot, dialog.step_button)
        click(qtbot, dialog.close_case_button)
        seen["case"] = dialog.case_list.item(0).text()
        seen["steps"] = [dialog.steps.item(i).text() for i in range(dialog.steps.count())]
        return 0

    monkeypatch.setattr(CasesDialog, "exec", use_cases)
    click(qtbot, page.team.cases_button)
    assert seen["case"] == ("Disciplinary, opened 23 November 2026, closed 23 November 2026: first written warning. "
                            "Late for three morning shifts")
    assert seen["steps"] == ["23 November 2026: Meeting. Accompanied by Jo Bell, colleague."]
    [stored] = cases.list_cases(context.db, pa.id)
    assert stored.case.outcome == "first_written_warning"
    context.undo_group.undo()  # the closing
    assert cases.list_cases(context.db, pa.id)[0].case.is_open
