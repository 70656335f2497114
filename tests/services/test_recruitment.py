"""Recruitment through the services: a vacancy from the household's needs, applicants and their scores,
the decision, the offer that becomes a PA with their checklist, and erasing applicants' details."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain import recruitment as r
from pa_manager.domain.compliance import DBSCheck, RightToWorkCheck
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.particulars import WorkingPattern
from pa_manager.domain.people import PARecord, PayRateEntry
from pa_manager.domain.rota import RotaPattern
from pa_manager.services import checks, employers, people, recruitment, rota, statements, training, undo_rules
from pa_manager.services import due
from pa_manager.services.errors import ServiceError, ValidationFailed
from tests.reports.html_checks import accessibility_problems, page_text
from tests.reports.test_document import pdf_text
from tests.saying import raises_saying
from pa_manager.messages import say

START = date(2026, 12, 21)


@pytest.fixture
def employer_id(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", address="2 Quay Street\nPortlow",
                                                          postcode="PT1 4AB"))
    leaver = people.save_pa(db, employer.id, PARecord(name="Kit Moss", start_date=date(2024, 1, 8),
                                                      leaving_date=date(2026, 12, 18),
                                                      pay_rates=(PayRateEntry(date(2024, 1, 8), Decimal("12.60")),)), today)
    rota.save_pattern(db, employer.id, RotaPattern("Weekends", leaver.id, time(22), time(8), frozenset({5, 6}),
                                                   date(2024, 1, 13), shift_type=r.ShiftType.SLEEP_IN, interval=2))
    rota.save_pattern(db, employer.id, RotaPattern("Tuesdays", leaver.id, time(9), time(15), frozenset({1}),
                                                   date(2024, 1, 9), break_minutes=30))
    training.ensure_catalogue(db, employer.id)
    return employer.id


@pytest.fixture
def vacancy(db, employer_id, today):
    leaver = people.list_pas(db, employer_id)[0]
    start = recruitment.new_vacancy(db, employer_id, today)
    return recruitment.save_vacancy(db, employer_id, replace(
        start, tasks=(r.PERSONAL_CARE, r.MEDICATION), hourly_rate=Decimal("13.45"),
        sleep_in_allowance=Decimal("60.00"), patterns=recruitment.rota_of(db, employer_id, leaver.id, today),
        closing_date=date(2026, 12, 4), start_date=START, how_to_apply="call 07700 900456",
        required_courses=("medication", "moving_and_handling")))


def _apply(db, employer_id, vacancy, name, **details):
    return recruitment.save_applicant(db, employer_id, vacancy.id, r.Applicant(
        name, date(2026, 11, 25), source=details.pop("source", "job_website"), **details))


def test_a_new_vacancy_starts_from_the_household(db, employer_id, today):
    start = recruitment.new_vacancy(db, employer_id, today)
    assert (start.title, start.area, start.opened_on, start.retention_months) == \
        ("Personal assistant", "Portlow", today, 6)
    with pytest.raises(ValidationFailed) as failure:
        recruitment.save_vacancy(db, employer_id, start)
    assert set(failure.value.problems) == {"tasks", "hourly_rate", "hours_per_week"}
    assert "Tick at least one task" in say(failure.value)


def test_the_leavers_rota_gives_the_vacancys_shifts_and_the_job_pack_says_them(db, employer_id, vacancy, tmp_path):
    assert vacancy.vacancy.patterns == (
        WorkingPattern((1,), time(9), time(15), break_minutes=30),
        WorkingPattern((5, 6), time(22), time(8), "sleep_in", interval=2))
    assert (vacancy.vacancy.planned_hours, vacancy.vacancy.nights) == (Decimal("5.5"), Decimal("1"))
    assert len(vacancy.questions) == 8
    pack = recruitment.job_pack_for(db, employer_id, vacancy.id)
    assert pack.hours == ("5.5 hours a week.", "Tuesday, 9am to 3pm, with a 30-minute unpaid break.",
                          "Saturday and Sunday, 10pm to 8am the next morning (sleep-in night), every other week.")
    assert "£60.00 for each sleep-in night." in pack.pay
    assert "Able to work at weekends" in pack.essential and "Able to work sleep-in nights" in pack.essential
    assert "Willing to do medication training (paid for by the employer)" in pack.essential
    assert pack.advert.startswith("Personal assistant wanted in Portlow. 5.5 hours a week. £13.45 an hour.")
    assert pack.advert.endswith("To apply: call 07700 900456 by 4 December 2026.")
    pdf = recruitment.save_job_pack(db, employer_id, vacancy.id, tmp_path / "pack.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Job description: Personal assistant" in text and "Person specification: Personal assistant" in text
    html = recruitment.save_job_pack(db, employer_id, vacancy.id, tmp_path / "pack.html")
    assert accessibility_problems(html) == []
    assert "Essential A full UK driving licence" not in page_text(html)  # no driving asked for


def test_scores_rank_the_applicants_and_a_turned_down_one_needs_reasons(db, employer_id, vacancy, today):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    eve = _apply(db, employer_id, vacancy, "Eve Hart", phone="07700 900999", source="word_of_mouth")
    recruitment.save_scores(db, employer_id, dee.id, date(2026, 12, 8),
                            {k: (3, "Clear examples") for k in vacancy.questions})
    recruitment.save_scores(db, employer_id, eve.id, date(2026, 12, 8),
                            {k: (4, "") for k in vacancy.questions[:7]} | {vacancy.questions[7]: (1, "")})
    applicants = recruitment.list_applicants(db, vacancy.id)
    assert [a.applicant.status for a in applicants] == [r.INTERVIEW, r.INTERVIEW]
    ranked = recruitment.ranked(applicants, vacancy.questions)
    assert [(a.applicant.name, s.total) for a, s in ranked] == [("Eve Hart", 29), ("Dee Okoro", 24)]
    with raises_saying(ValidationFailed, "Say why"):
        recruitment.decide(db, employer_id, eve.id, r.NOT_HIRED, "", today)
    decided = recruitment.decide(db, employer_id, eve.id, r.NOT_HIRED, "Little evidence of good communication.", today)
    assert (decided.applicant.status, decided.applicant.decided_on) == (r.NOT_HIRED, today)


def test_an_accepted_offer_makes_the_pa_and_the_checklist_takes_over(db, employer_id, vacancy, today):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org", phone="07700 900123",
                 referees="Ann Lee, ann@example.org\n\nBob Ray, 07700 900321")
    with raises_saying(ServiceError, "Make an offer first"):
        recruitment.accept_offer(db, employer_id, dee.id, today, today)
    recruitment.make_offer(db, employer_id, dee.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5")))
    assert recruitment.get_applicant(db, dee.id).applicant.status == r.OFFERED
    assert recruitment.conditions_for(db, employer_id, dee.id) is None
    pa_id = recruitment.accept_offer(db, employer_id, dee.id, date(2026, 11, 26), today)

    pa = people.get_pa(db, pa_id)
    assert (pa.name, pa.email, pa.start_date, pa.contracted_hours, pa.job_title) == \
        ("Dee Okoro", "dee@example.org", START, Decimal("5.5"), "Personal assistant")
    assert {(e.kind, e.amount) for e in pa.pay_rates} == {("hourly", Decimal("13.45")), ("sleep_in_allowance", Decimal("60.00"))}
    refs = checks.pa_checks(db, employer_id, pa_id).references
    assert [s.value.referee for s in refs] == ["Ann Lee, ann@example.org", "Bob Ray, 07700 900321"]
    mine = [p.pattern for p in rota.list_patterns(db, employer_id) if p.pattern.pa == pa_id]
    assert sorted((p.starts_on, p.shift_type.value) for p in mine) == [(START, "sleep_in"), (START, "standard")]
    required = {c.course.key for c in training.list_courses(db, employer_id)
                if c.id in training.required_course_ids(db, employer_id, pa_id)}
    assert required == {"medication", "moving_and_handling"}
    assert statements.get_terms(db, employer_id, pa_id, today).duties.startswith(
        "Your main tasks are: personal care: help with washing")
    filled = recruitment.get_vacancy(db, vacancy.id).vacancy
    assert (filled.status, filled.filled_on) == (r.FILLED, date(2026, 11, 26))

    # The New PA checklist's items are now about Dee, and the offer's conditions follow her checks.
    items = {i.code for i in due.due_list(db, employer_id, today) if i.pa_key == pa_id}
    assert {"RIGHT_TO_WORK_MISSING", "DBS_MISSING", "REFERENCES_MISSING", "CONTRACT_STATEMENT_DUE"} <= items
    assert not r.ready_to_start(recruitment.conditions_for(db, employer_id, dee.id))
    checks.save_right_to_work(db, employer_id, pa_id, RightToWorkCheck("manual_document", date(2026, 12, 1), "UK passport"))
    checks.save_dbs_check(db, employer_id, pa_id, DBSCheck("enhanced_adults_barred", "001234567890", date(2026, 12, 10)))
    for stored in refs:
        checks.save_reference(db, employer_id, pa_id, replace(stored.value, received_on=date(2026, 12, 2),
                                                              satisfactory=True), stored.id)
    assert r.ready_to_start(recruitment.conditions_for(db, employer_id, dee.id))


def test_undoing_an_acceptance_takes_away_the_pa_and_puts_the_offer_back(db, employer_id, vacancy, today):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org", referees="Ann Lee")
    recruitment.make_offer(db, employer_id, dee.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5")))
    done = recruitment.accept_offer_undoably(db, employer_id, dee.id, today, today)
    assert [p.name for p in people.list_pas(db, employer_id)] == ["Dee Okoro", "Kit Moss"]
    undo_rules.reverse(db, done.change, today)
    assert [p.name for p in people.list_pas(db, employer_id)] == ["Kit Moss"]
    back = recruitment.get_applicant(db, dee.id)
    assert (back.applicant.status, back.pa_id, back.offer.accepted_on) == (r.OFFERED, None, None)
    assert recruitment.get_vacancy(db, vacancy.id).vacancy.status == r.OPEN


def test_applicants_not_taken_on_are_due_for_erasing_and_erased(db, employer_id, vacancy, today):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    eve = _apply(db, employer_id, vacancy, "Eve Hart", phone="07700 900999", source="word_of_mouth",
                 referees="Jo Bell", notes="Drives")
    recruitment.save_scores(db, employer_id, eve.id, today, {vacancy.questions[0]: (2, "Vague answer")})
    recruitment.decide(db, employer_id, eve.id, r.NOT_HIRED, "Less evidence of the values.", date(2026, 12, 9))
    recruitment.make_offer(db, employer_id, dee.id, r.Offer(today, Decimal("13.45"), START, Decimal("5.5")))
    recruitment.accept_offer(db, employer_id, dee.id, date(2026, 12, 10), today)

    def erase_item(on):
        return next((i for i in due.due_list(db, employer_id, on, include_ok=True)
                     if i.code == r.APPLICANT_DETAILS_ERASE), None)

    assert (erase_item(today).due, erase_item(today).status) == (date(2027, 6, 9), "ok")
    assert erase_item(date(2027, 6, 10)).status == "overdue"
    assert recruitment.erase_applicants(db, employer_id, vacancy.id, date(2027, 6, 1)) == 0  # not yet
    assert recruitment.erase_applicants(db, employer_id, vacancy.id, date(2027, 6, 10)) == 1
    erased = next(a for a in recruitment.list_applicants(db, vacancy.id) if a.id == eve.id)
    assert (erased.applicant.name, erased.applicant.phone, erased.applicant.referees, erased.applicant.notes,
            erased.applicant.reasons) == ("Applicant 1", "", "", "", "")
    assert (erased.applicant.source, erased.scores) == ("word_of_mouth", {vacancy.questions[0]: (2, "")})
    assert erase_item(date(2027, 6, 10)) is None
    assert recruitment.get_applicant(db, dee.id).applicant.name == "Dee Okoro"  # taken on: kept


def test_erasing_early_takes_everyone_not_taken_on(db, employer_id, vacancy, today):
    _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    recruitment.save_vacancy(db, employer_id, replace(vacancy.vacancy, status=r.CLOSED, filled_on=today), vacancy.id)
    assert recruitment.erase_applicants(db, employer_id, vacancy.id, today, early=True) == 1
    assert [a.applicant.name for a in recruitment.list_applicants(db, vacancy.id)] == ["Applicant 1"]


def test_the_interview_sheet_has_the_chosen_questions(db, employer_id, vacancy, today, tmp_path):
    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    recruitment.set_questions(db, vacancy.id, ("reliability_running_late", "dignity_personal_care"))
    path = recruitment.save_interview_sheet(db, employer_id, dee.id, tmp_path / "sheet.pdf", today)
    text = " ".join(pdf_text(path).split())
    assert "Interview: Dee Okoro" in text
    assert "1. Reliability You are running late for a morning shift" in text
    assert "2. Dignity How would you help someone with washing" in text
    with pytest.raises(ServiceError):
        recruitment.set_questions(db, vacancy.id, ())


def test_a_vacancy_and_its_applicants_travel_with_the_employer_and_go_with_it(db, employer_id, vacancy, today):
    from pa_manager.storage.transfer import dump_employer

    dee = _apply(db, employer_id, vacancy, "Dee Okoro", email="dee@example.org")
    recruitment.save_scores(db, employer_id, dee.id, today, {vacancy.questions[0]: (3, "")})
    with db.connection() as connection:
        tables = dump_employer(connection, employer_id)
    assert (len(tables["vacancies"]), len(tables["applicants"]), len(tables["interview_scores"])) == (1, 1, 1)
    employers.delete_employer(db, employer_id)
    with pytest.raises(ServiceError):
        recruitment.get_vacancy(db, vacancy.id)
