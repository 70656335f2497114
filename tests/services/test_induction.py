"""The induction plan and probation through the services: standards ticked off become Care Certificate
progress, courses come from the Training page, a finished plan completes the checklist's induction step,
and the probation review is due until decided."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain import induction as rules
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.services import checks, employers, induction, people, statements, training, undo_rules
from pa_manager.services import due
from pa_manager.services.errors import ValidationFailed
from tests.saying import raises_saying

START = date(2026, 12, 7)


@pytest.fixture
def new_pa(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames"))
    pa = people.save_pa(db, employer.id, PARecord(name="Dee Okoro", start_date=START,
                                                  pay_rates=(PayRateEntry(START, Decimal("13.45")),)), today)
    training.ensure_catalogue(db, employer.id)
    medication = next(c for c in training.list_courses(db, employer.id) if c.course.key == "medication")
    training.set_required(db, employer.id, pa.id, {medication.id})
    return employer.id, pa.id, medication.id


def test_the_usual_plan_ticked_off_fills_in_the_care_certificate_and_the_induction_step(db, new_pa, today):
    employer_id, pa_id, medication_id = new_pa
    made = induction.make_usual_plan(db, employer_id, pa_id)
    assert len(made) == 16 + len(rules.TASKS) + 1  # every standard, the topics, the one required course
    assert induction.make_usual_plan(db, employer_id, pa_id) == made  # made once
    states = dict(induction.plan_states(db, employer_id, pa_id, today))
    standard_1 = next(i for i, s in states.items() if s.item == rules.PlanItem(rules.STANDARD, "1", date(2026, 12, 13)))
    induction.mark_done(db, employer_id, pa_id, standard_1, date(2026, 12, 9))
    assert training.care_certificate(db, employer_id, pa_id) == {1: date(2026, 12, 9)}
    course = next(i for i, s in states.items() if s.item.kind == rules.COURSE)
    with raises_saying(ValidationFailed, "Record Medication on the Training page"):
        induction.mark_done(db, employer_id, pa_id, course, date(2026, 12, 9))
    training.save_record(db, employer_id, pa_id, medication_id, date(2027, 1, 12))
    for item_id, state in induction.plan_states(db, employer_id, pa_id, today):
        if state.state != rules.DONE and state.item.kind != rules.COURSE:
            assert checks.pa_checks(db, employer_id, pa_id).contract is None  # not finished yet
            induction.mark_done(db, employer_id, pa_id, item_id, date(2027, 2, 20))
    assert all(s.state == rules.DONE for _, s in induction.plan_states(db, employer_id, pa_id, today))
    assert checks.pa_checks(db, employer_id, pa_id).contract.induction_completed_on == date(2027, 2, 20)
    assert "INDUCTION_DUE" not in {i.code for i in due.due_list(db, employer_id, date(2027, 2, 21))}


def test_a_topic_of_your_own_and_undoing_the_plan(db, new_pa, today):
    employer_id, pa_id, _ = new_pa
    done = induction.add_topic_undoably(db, employer_id, pa_id, "Walking Bramble the dog", date(2026, 12, 20))
    assert [(s.item.kind, s.item.key) for s in induction.plan(db, pa_id)] == [("task", "Walking Bramble the dog")]
    redo = undo_rules.reverse(db, done.change, today)
    assert induction.plan(db, pa_id) == []
    undo_rules.reverse(db, redo, today)
    assert induction.plan(db, pa_id) == [done.value]


def test_the_probation_review_is_due_until_decided(db, new_pa, today):
    employer_id, pa_id, _ = new_pa
    assert induction.probation_due(db, employer_id, date(2027, 3, 1)) == []  # nothing kept about their terms yet
    statements.make_statement(db, employer_id, pa_id, today)
    [item] = induction.probation_due(db, employer_id, date(2027, 3, 1))
    assert (item.code, item.due, item.status) == ("PROBATION_REVIEW_DUE", date(2027, 3, 7), "due_soon")
    assert "PROBATION_REVIEW_DUE" in {i.code for i in due.due_list(db, employer_id, date(2027, 3, 1))}
    with raises_saying(ValidationFailed, "Enter the new day the probation ends"):
        induction.add_review(db, employer_id, pa_id, rules.ProbationReview(date(2027, 3, 5), rules.EXTENDED), today)
    induction.add_review(db, employer_id, pa_id, rules.ProbationReview(date(2027, 3, 5), rules.EXTENDED,
                                                                        date(2027, 5, 7)), today)
    assert induction.probation_end(db, employer_id, pa_id, today) == date(2027, 5, 7)
    assert induction.probation_due(db, employer_id, date(2027, 3, 8)) == []  # in date: not yet on the list
    assert induction.probation_due(db, employer_id, date(2027, 3, 8), include_ok=True)[0].due == date(2027, 5, 7)
    induction.add_review(db, employer_id, pa_id, rules.ProbationReview(date(2027, 5, 1), rules.PASSED, notes="Well done"),
                         today)
    assert induction.probation_due(db, employer_id, date(2027, 6, 1)) == []


def test_the_demo_has_nothing_due_about_probation(demo_db, today):
    employer_id = employers.find_employer(demo_db, "Margaret Okafor").id
    assert induction.probation_due(demo_db, employer_id, today, include_ok=True) == []
