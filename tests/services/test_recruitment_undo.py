"""Recruitment and looking after PAs, undone as data: each action's change, reversed with
undo_rules.reverse, puts every row of the employer back (and redo makes it again), and undo is refused in
words where the records no longer allow it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain import cases as case_rules
from pa_manager.domain import induction as induction_rules
from pa_manager.domain import recruitment as r
from pa_manager.domain.keeping import ExitRecord
from pa_manager.services import cases, induction, keeping, people, recruitment, training, undo_rules
from pa_manager.services.errors import ChangedElsewhere, ServiceError
from pa_manager.wording import undo_text
from tests.services import test_recruitment
from tests.services.test_recruitment import START, _apply
from tests.services.test_undo import rows_of, undo_and_redo
from tests.saying import raises_saying

employer_id, vacancy = test_recruitment.employer_id, test_recruitment.vacancy  # the same employer and vacancy


def test_a_vacancy_added_changed_and_its_questions_chosen(db, employer_id, today):
    start = replace(recruitment.new_vacancy(db, employer_id, today), tasks=(r.MEALS,), hourly_rate=Decimal("13.00"),
                    hours_per_week=Decimal("10"))
    added = undo_and_redo(db, employer_id, lambda: recruitment.save_vacancy_undoably(db, employer_id, start).change,
                          today)
    assert undo_text(added) == "Add the personal assistant vacancy"
    [stored] = recruitment.list_vacancies(db, employer_id)
    undo_and_redo(db, employer_id, lambda: recruitment.save_vacancy_undoably(
        db, employer_id, replace(stored.vacancy, hourly_rate=Decimal("13.50")), stored.id).change, today)
    chosen = undo_and_redo(db, employer_id, lambda: recruitment.set_questions_undoably(
        db, employer_id, stored.id, stored.questions[:2]).change, today)
    assert undo_text(chosen) == "Choose the interview questions for the personal assistant vacancy"


def test_an_applicant_added_changed_scored_decided_and_offered_the_job(db, employer_id, vacancy, today):
    applicant = r.Applicant("Dee Okoro", date(2026, 11, 25), email="dee@example.org", source="job_website")
    added = undo_and_redo(db, employer_id, lambda: recruitment.save_applicant_undoably(
        db, employer_id, vacancy.id, applicant).change, today)
    assert undo_text(added) == "Add Dee Okoro as an applicant"
    [dee] = recruitment.list_applicants(db, vacancy.id)
    undo_and_redo(db, employer_id, lambda: recruitment.save_applicant_undoably(
        db, employer_id, vacancy.id, replace(applicant, phone="07700 900111"), dee.id).change, today)
    scored = undo_and_redo(db, employer_id, lambda: recruitment.save_scores_undoably(
        db, employer_id, dee.id, today, {vacancy.questions[0]: (3, "Good"), vacancy.questions[1]: (4, "")}).change,
        today)
    assert undo_text(scored) == "Score Dee Okoro's interview"
    undo_and_redo(db, employer_id, lambda: recruitment.decide_undoably(
        db, employer_id, dee.id, r.NOT_HIRED, "Less evidence of the values.", today).change, today)
    offered = undo_and_redo(db, employer_id, lambda: recruitment.make_offer_undoably(
        db, employer_id, dee.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5"))).change, today)
    assert undo_text(offered) == "Offer the job to Dee Okoro"


def test_taking_on_an_applicant_undone_takes_away_the_pa_with_all_that_was_made_for_them(
        db, employer_id, vacancy, today):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org", referees="Ann Lee\nBob Ray")
    recruitment.make_offer(db, employer_id, dee.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5")))
    change = undo_and_redo(db, employer_id, lambda: recruitment.accept_offer_undoably(
        db, employer_id, dee.id, today, today).change, today)
    assert undo_text(change) == "Take on Dee Okoro"
    made = {row.table for row in change.rows if row.old is None}
    assert {"pas", "pay_rates", "references", "rota_patterns", "employment_terms"} <= made
    assert {"applicants", "offers", "vacancies"} <= {row.table for row in change.rows if row.old is not None}


def test_erasing_applicants_undone_gives_their_details_back_and_an_older_undo_is_then_refused(
        db, employer_id, vacancy, today):
    added = recruitment.save_applicant_undoably(db, employer_id, vacancy.id, r.Applicant(
        "Eve Hart", date(2026, 11, 25), phone="07700 900999", source="word_of_mouth", notes="Drives"))
    recruitment.decide(db, employer_id, added.value.id, r.NOT_HIRED, "Less evidence of the values.", today)
    erased = undo_and_redo(db, employer_id, lambda: recruitment.erase_applicants_undoably(
        db, employer_id, vacancy.id, today, early=True).change, today)
    assert undo_text(erased) == "Erase the details of 1 applicant"
    assert recruitment.get_applicant(db, added.value.id).applicant.name == "Applicant 1"
    before = rows_of(db, employer_id)
    with pytest.raises(ChangedElsewhere):  # Eve was decided about and erased since she was added
        undo_rules.reverse(db, added.change, today)
    assert rows_of(db, employer_id) == before


@pytest.fixture
def dee(db, employer_id, vacancy, today):
    applicant = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    recruitment.make_offer(db, employer_id, applicant.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5")))
    return people.get_pa(db, recruitment.accept_offer(db, employer_id, applicant.id, today, today))


def test_the_induction_plan_made_added_to_and_ticked_off(db, employer_id, dee, today):
    made = undo_and_redo(db, employer_id, lambda: induction.make_usual_plan_undoably(db, employer_id, dee.id).change,
                         today)
    assert undo_text(made) == "Make Dee Okoro's induction plan"
    undo_and_redo(db, employer_id, lambda: induction.add_topic_undoably(
        db, employer_id, dee.id, "Walking Bramble the dog", START).change, today)
    states = dict(induction.plan_states(db, employer_id, dee.id, today))
    standard = next(i for i, s in states.items() if s.item.kind == induction_rules.STANDARD)
    ticked = undo_and_redo(db, employer_id, lambda: induction.mark_done_undoably(
        db, employer_id, dee.id, standard, START).change, today)
    assert undo_text(ticked) == "Tick off part of Dee Okoro's induction"
    assert {row.table for row in ticked.rows} == {"care_certificate_progress"}
    assert training.care_certificate(db, employer_id, dee.id) == {int(states[standard].item.key): START}


def test_a_probation_review(db, employer_id, dee, today):
    reviewed = undo_and_redo(db, employer_id, lambda: induction.add_review_undoably(
        db, employer_id, dee.id, induction_rules.ProbationReview(date(2027, 6, 1), induction_rules.PASSED), today).change,
        today)
    assert undo_text(reviewed) == "Record Dee Okoro's probation review"


def test_a_case_opened_stepped_through_and_closed(db, employer_id, dee, today):
    opened = cases.open_case_undoably(db, employer_id, dee.id, case_rules.Case(
        case_rules.DISCIPLINARY, date(2027, 1, 4), "Late for three morning shifts"))
    undo_and_redo(db, employer_id, lambda: cases.open_case_undoably(db, employer_id, dee.id, case_rules.Case(
        case_rules.GRIEVANCE, date(2027, 1, 4), "Rota changes")).change, today)
    step = undo_and_redo(db, employer_id, lambda: cases.add_step_undoably(
        db, employer_id, opened.value.id, case_rules.Step(date(2027, 1, 5), "letter", "Invited to a meeting")).change,
        today)
    assert undo_text(step) == "Add a step to a case about Dee Okoro"
    undo_and_redo(db, employer_id, lambda: cases.close_case_undoably(
        db, employer_id, opened.value.id, "first_written_warning", date(2027, 1, 10)).change, today)


def test_an_exit_record_put_back_for_a_pa_no_longer_leaving_is_refused_in_words(db, employer_id, dee, today):
    leaving = people.record_leaver(db, employer_id, dee.id, date(2027, 3, 31), "Moved away", today).change
    record = ExitRecord("moved_away", True, "Kind with everyone", "", None, today)
    kept = undo_and_redo(db, employer_id, lambda: keeping.save_exit_record_undoably(
        db, employer_id, dee.id, record).change, today)
    assert undo_text(kept) == "Keep Dee Okoro's exit record"
    redo_kept = undo_rules.reverse(db, kept, today)
    undo_rules.reverse(db, leaving, today)
    before = rows_of(db, employer_id)
    with raises_saying(ServiceError, "Record Dee Okoro as a leaver on the People page first"):
        undo_rules.reverse(db, redo_kept, today)
    assert rows_of(db, employer_id) == before
