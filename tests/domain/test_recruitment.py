"""Recruiting a PA: the question bank, the person specification from the household's needs, interview
scores, the offer's pre-start conditions and how long applicants' details are kept."""
from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from pa_manager.domain import recruitment as r
from pa_manager.domain.compliance import DBSCheck, OK, OVERDUE, DUE_SOON, PAChecks, Reference, RightToWorkCheck
from pa_manager.domain.particulars import WorkingPattern

START = date(2026, 12, 21)


def test_the_bank_asks_about_each_value_in_several_ways():
    bank = r.question_bank()
    assert len({q.key for q in bank}) == len(bank) == 16
    for value in r.VALUES:
        mine = [q for q in bank if q.value == value]
        assert len(mine) == 4, value
        assert all(q.question.strip().endswith("?") or q.question.strip().endswith(".") for q in mine)
        assert all(len(q.look_for) > 20 for q in mine)
    chosen = r.default_questions()
    assert len(chosen) == 8
    assert sorted(next(q.value for q in bank if q.key == key) for key in chosen) == sorted(r.VALUES * 2)


def _vacancy(**changes) -> r.Vacancy:
    base = dict(title="Personal assistant", tasks=(r.PERSONAL_CARE,), hourly_rate=Decimal("13.45"),
                opened_on=date(2026, 11, 23))
    base.update(changes)
    return r.Vacancy(**base)


def test_the_person_specification_comes_from_the_tasks_the_rota_and_the_training():
    weekend_sleep_in = WorkingPattern((5, 6), time(22), time(8), "sleep_in", interval=2)
    spec = r.person_specification((r.DRIVING, r.PAPERWORK), ("sleep_in",), True, ("moving_and_handling",))
    codes = [(c.code, c.level, c.detail) for c in spec]
    assert codes[:4] == [("VALUE_RESPECT", "essential", ""), ("VALUE_DIGNITY", "essential", ""),
                         ("VALUE_RELIABILITY", "essential", ""), ("VALUE_COMMUNICATION", "essential", "")]
    assert ("DRIVING_LICENCE", "essential", "") in codes
    assert ("WEEKENDS", "essential", "") in codes and ("NIGHTS", "essential", "sleep_in") in codes
    assert ("WILLING_TO_TRAIN", "essential", "moving_and_handling") in codes
    assert ("TRAINED_ALREADY", "desirable", "moving_and_handling") in codes
    assert ("CARING_EXPERIENCE", "desirable", "") in codes  # experience helps; it is never essential
    assert ("READING_WRITING", "essential", "") in codes
    plain = [c.code for c in r.person_specification((r.MEALS,), ("standard",), False, ())]
    assert "DRIVING_LICENCE" not in plain and "WEEKENDS" not in plain and "NIGHTS" not in plain
    vacancy = _vacancy(patterns=(weekend_sleep_in, WorkingPattern((2,), time(9), time(13))))
    assert vacancy.weekends and vacancy.shift_types == ("sleep_in", "standard")
    assert vacancy.planned_hours == Decimal("4") and vacancy.nights == Decimal("1")


def test_tasks_suggest_the_training_for_them():
    assert r.suggested_courses((r.HEALTH_TASKS, r.MEDICATION, r.MEALS)) == (
        "food_hygiene", "medication", "first_aid", "basic_life_support")
    assert r.suggested_courses((r.SHOPPING,)) == ()


@pytest.mark.parametrize("changes, field, code", [
    ({"title": " "}, "title", r.VACANCY_TITLE_MISSING),
    ({"tasks": ()}, "tasks", r.VACANCY_NO_TASKS),
    ({"hourly_rate": None}, "hourly_rate", r.VACANCY_RATE_MISSING),
    ({"hourly_rate": Decimal("0")}, "hourly_rate", r.VACANCY_RATE_MISSING),
    ({"closing_date": date(2026, 11, 22)}, "closing_date", r.VACANCY_CLOSING_BEFORE_OPENING),
    ({"retention_months": 0}, "retention_months", r.VACANCY_RETENTION_RANGE),
])
def test_a_vacancy_that_cannot_be_advertised_is_refused(changes, field, code):
    vacancy = _vacancy(hours_per_week=Decimal("10"), **changes)
    assert r.check_vacancy(vacancy)[field] == code


def test_a_vacancy_needs_hours_unless_they_are_irregular():
    assert r.check_vacancy(_vacancy())["hours_per_week"] == r.VACANCY_HOURS_MISSING
    assert r.check_vacancy(_vacancy(irregular_hours=True)) == {}
    assert r.check_vacancy(_vacancy(patterns=(WorkingPattern((0,), time(9), time(12)),))) == {}
    assert r.check_vacancy(_vacancy(tasks=(), other_tasks="Help with my guide dog", hours_per_week=Decimal("5"))) == {}


def test_an_applicant_needs_a_name_a_way_to_reply_and_reasons_when_turned_down():
    ok = r.Applicant("Dee Okoro", START, phone="07700 900123", source="job_website")
    assert r.check_applicant(ok) == {}
    assert r.check_applicant(r.Applicant(" ", START, email="d@example.org"))["name"] == r.APPLICANT_NAME_MISSING
    assert r.check_applicant(r.Applicant("Dee", START))["email"] == r.APPLICANT_CONTACT_MISSING
    assert r.check_applicant(r.Applicant("Dee", START, phone="1", source="radio"))["source"] == r.APPLICANT_SOURCE_UNKNOWN
    turned_down = r.Applicant("Dee", START, phone="1", status=r.NOT_HIRED, decided_on=START)
    assert r.check_applicant(turned_down)["reasons"] == r.DECISION_REASONS_MISSING


def test_scores_add_up_and_each_value_is_averaged_over_its_questions():
    asked = r.default_questions()
    scores = dict(zip(asked, (3, 4, 2, 2, 4, 4, 1, 2)))
    summary = r.score_summary(asked, scores)
    assert (summary.total, summary.out_of, summary.answered, summary.complete) == (22, 32, 8, True)
    assert dict(summary.by_value) == {"respect": Decimal("3.5"), "dignity": Decimal("2.0"),
                                      "reliability": Decimal("4.0"), "communication": Decimal("1.5")}
    assert summary.weakest == Decimal("1.5")
    partial = r.score_summary(asked, {asked[0]: 4})
    assert (partial.total, partial.answered, partial.complete) == (4, 1, False)
    assert dict(partial.by_value)["dignity"] is None
    with pytest.raises(ValueError):
        r.score_summary(asked, {asked[0]: 5})


def test_the_ranking_puts_the_highest_total_first_then_the_stronger_weakest_value():
    asked = r.default_questions()
    even = r.score_summary(asked, dict.fromkeys(asked, 3))  # 24, weakest 3
    lopsided = r.score_summary(asked, dict(zip(asked, (4, 4, 4, 4, 4, 2, 1, 1))))  # 24, weakest 1
    best = r.score_summary(asked, dict.fromkeys(asked, 4))
    assert r.ranking({"lopsided": lopsided, "even": even, "best": best}) == ["best", "even", "lopsided"]


def _checks(**records) -> PAChecks:
    return PAChecks(key=1, name="Dee Okoro", start_date=START, **records)


def test_the_offers_conditions_are_met_only_by_the_right_checks():
    states = {s.code: s for s in r.condition_states(_checks(), START, 2)}
    assert not any(s.met for s in states.values()) and not r.ready_to_start(states.values())
    # A right-to-work check on the first day itself cannot be shown to come before the work.
    on_the_day = _checks(right_to_work_checks=(RightToWorkCheck("manual_document", START),))
    assert not r.condition_states(on_the_day, START, 2)[0].met
    # An enhanced check without the barred list is not enough for personal care; with it, and clear, it is.
    no_list = _checks(dbs_checks=(DBSCheck("enhanced", "001234567890", date(2026, 12, 1)),))
    assert not r.condition_states(no_list, START, 2)[1].met
    assert r.condition_states(no_list, START, 2)[1].value("other_levels") is True
    disclosed = DBSCheck("enhanced_adults_barred", "001234567890", date(2026, 12, 1), outcome="information_disclosed")
    assert not r.condition_states(_checks(dbs_checks=(disclosed,)), START, 2)[1].met
    from dataclasses import replace
    assessed = replace(disclosed, risk_assessment_date=date(2026, 12, 3))
    everything = _checks(
        right_to_work_checks=(RightToWorkCheck("manual_document", date(2026, 12, 14)),), dbs_checks=(assessed,),
        references=(Reference("Ann Lee", None, date(2026, 12, 2), True), Reference("Bob Ray", None, date(2026, 12, 3), True),
                    Reference("Cy Dunn", None, date(2026, 12, 4), False)))
    states = r.condition_states(everything, START, 2)
    assert all(s.met for s in states) and r.ready_to_start(states)
    assert states[2].value("received") == 2
    assert not r.condition_states(everything, START, 3)[2].met


def test_applicants_not_taken_on_are_erased_after_the_period_chosen():
    applicants = [
        ("hired", r.Applicant("A", START, phone="1", status=r.HIRED, decided_on=date(2026, 12, 1))),
        ("turned down", r.Applicant("B", START, phone="1", status=r.NOT_HIRED, decided_on=date(2026, 12, 1), reasons="x")),
        ("withdrew", r.Applicant("C", START, phone="1", status=r.WITHDRAWN, decided_on=date(2026, 12, 10), reasons="x")),
        ("never told", r.Applicant("D", START, phone="1")),
        ("erased", r.Applicant("Applicant 1", START, status=r.NOT_HIRED, decided_on=date(2026, 12, 1),
                               erased_on=date(2027, 6, 1))),
    ]
    assert r.applicants_to_erase(applicants, 6, None) == [("turned down", date(2027, 6, 1)),
                                                          ("withdrew", date(2027, 6, 10))]
    # Once the vacancy is filled, someone never told counts from that day.
    assert ("never told", date(2027, 6, 5)) in r.applicants_to_erase(applicants, 6, date(2026, 12, 5))
    dates = [date(2027, 6, 1), date(2027, 6, 10)]
    assert r.retention_item(1, "Personal assistant", dates, date(2027, 1, 1)).status == OK
    soon = r.retention_item(1, "Personal assistant", dates, date(2027, 5, 20))
    assert (soon.status, soon.due, soon.param("count")) == (DUE_SOON, date(2027, 6, 1), 1)
    late = r.retention_item(1, "Personal assistant", dates, date(2027, 6, 12))
    assert (late.status, late.param("count")) == (OVERDUE, 2)
    assert r.retention_item(1, "Personal assistant", [], date(2027, 6, 12)) is None


def test_an_offer_needs_pay_a_start_and_hours():
    assert r.check_offer(r.Offer(START, None, None)) == {
        "hourly_rate": r.OFFER_RATE_MISSING, "start_date": r.OFFER_START_MISSING, "hours_per_week": r.OFFER_HOURS_MISSING}
    assert r.check_offer(r.Offer(START, Decimal("13.45"), START, irregular_hours=True)) == {}
    late = r.Offer(START, Decimal("13.45"), START, Decimal("8"), accepted_on=date(2026, 12, 20))
    assert r.check_offer(late) == {"accepted_on": r.OFFER_ACCEPTED_BEFORE_MADE}
