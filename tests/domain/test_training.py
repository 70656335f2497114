"""Training: the catalogue and Care Certificate data, refresh dates, the matrix and due items.

Refresh intervals are typical practice, not law (uk-rates.md section 10). "Today" is 23 November 2026.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pa_manager import messages
from pa_manager.domain import rates
from pa_manager.domain import training as t
from pa_manager.domain.compliance import PAChecks
from pa_manager.domain.training import Course, MatrixCell, Meeting, RequiredTraining, TrainingRecord

TODAY = date(2026, 11, 23)
YEARLY = Course("fire_safety", refresh_months=12)
THREE_YEARLY = Course("food_hygiene", refresh_months=36)
ONCE = Course("hoist_model_x", name="Hoist (model X)", refresh_months=None)


def done(course: str, on: date, pa="ann", **kw) -> TrainingRecord:
    return TrainingRecord(pa, course, on, **kw)


# --- the catalogue and the Care Certificate as data -------------------------------------------------

CATALOGUE = {
    # key: (refresh months, evidence) as uk-rates.md section 10 gives them
    "moving_and_handling": (12, "S"),
    "first_aid": (36, "S"),
    "basic_life_support": (12, "S"),
    "safeguarding_adults": (12, "S"),
    "safeguarding_children": (12, "U"),  # no source names it apart from adults: provisional
    "medication": (12, "S"),
    "infection_prevention_and_control": (36, "S"),
    "food_hygiene": (36, "S"),
    "fire_safety": (12, "S"),
    "dementia_awareness": (36, "S"),
    "mental_health_awareness": (36, "U"),
    "learning_disability_and_autism": (36, "U"),  # chosen, and marked provisional
    "data_protection": (12, "U"),
}


def test_catalogue_matches_the_reference():
    courses = t.course_catalogue()
    assert {c.key: (c.refresh_months, c.evidence) for c in courses} == CATALOGUE
    assert len({c.key for c in courses}) == len(courses)
    assert all(c.typical_practice_not_law and c.source and c.name == "" for c in courses)
    by_key = {c.key: c for c in courses}
    assert by_key["safeguarding_children"].alternative_refresh_months == 36  # "some use 3"
    assert by_key["first_aid"].alternative_refresh_months == 12  # HSE recommends a yearly refresher
    assert by_key["data_protection"].provisional and not by_key["fire_safety"].provisional


def test_catalogue_file_is_a_rates_topic():
    assert {"training_courses", "care_certificate"} <= set(rates.topics())


def test_care_certificate_2025_has_16_standards():
    standards = t.care_certificate_standards()
    assert [s.number for s in standards] == list(range(1, 17))
    assert len({s.key for s in standards}) == 16
    new = [s for s in standards if s.change == "new"]
    assert [(s.number, s.title) for s in new] == [(16, "Awareness of learning disability and autism")]
    assert standards[3].change == "title_changed"
    assert standards[8].change == "learning_disability_moved_out"
    assert all(s.evidence in {"G", "S", "D", "U"} and s.source for s in standards)  # rates.py's marks


# --- refresh dates ---------------------------------------------------------------------------------

REFRESH = [
    # completed, months, due, why
    (date(2025, 1, 31), 1, date(2025, 2, 28), "end of month: 31 January + 1 month"),
    (date(2024, 2, 29), 12, date(2025, 2, 28), "29 February + 1 year"),
    (date(2024, 2, 29), 48, date(2028, 2, 29), "29 February + 4 years, a leap year again"),
    (date(2023, 5, 10), 36, date(2026, 5, 10), "3 years"),
    (date(2025, 8, 31), 6, date(2026, 2, 28), "31 August + 6 months"),
    (date(2025, 8, 31), None, None, "no refresh"),
]


@pytest.mark.parametrize("completed, months, due, why", REFRESH)
def test_refresh_due(completed, months, due, why):
    assert t.refresh_due(done("x", completed), Course("x", refresh_months=months)) == due, why


# --- the matrix --------------------------------------------------------------------------------------

CELLS = [
    # course, completed (None: never), required, cell, why
    (YEARLY, date(2026, 3, 1), True, MatrixCell("done", date(2027, 3, 1), None, date(2026, 3, 1)), "in date"),
    (YEARLY, date(2025, 12, 10), True, MatrixCell("due_soon", date(2026, 12, 10), 17, date(2025, 12, 10)),
     "Due in 17 days"),
    (YEARLY, date(2025, 11, 23), True, MatrixCell("due_soon", TODAY, 0, date(2025, 11, 23)), "due today"),
    (YEARLY, date(2025, 11, 22), True, MatrixCell("expired", date(2026, 11, 22), None, date(2025, 11, 22)),
     "ran out yesterday"),
    (THREE_YEARLY, date(2023, 12, 1), True, MatrixCell("due_soon", date(2026, 12, 1), 8, date(2023, 12, 1)),
     "3-yearly"),
    (ONCE, date(2019, 1, 1), True, MatrixCell("done", None, None, date(2019, 1, 1)), "never needs refreshing"),
    (YEARLY, None, True, MatrixCell("missing"), "required, never done"),
    (YEARLY, None, False, MatrixCell("not_required"), "not required, never done"),
    (YEARLY, date(2025, 12, 10), False, MatrixCell("done", date(2026, 12, 10), None, date(2025, 12, 10)),
     "not required: in date, not chased"),
    (YEARLY, date(2024, 1, 1), False, MatrixCell("not_required", date(2025, 1, 1), None, date(2024, 1, 1)),
     "not required and run out"),
]


@pytest.mark.parametrize("course, completed, required, cell, why", CELLS)
def test_matrix_cell(course, completed, required, cell, why):
    records = [done(course.key, completed)] if completed else []
    needed = RequiredTraining.of(everyone=[course.key] if required else [])
    pas = [PAChecks("ann", "Ann")]
    assert t.matrix(pas, [course], records, needed, TODAY) == {("ann", course.key): cell}, why


def test_matrix_covers_every_pair_and_the_latest_record_wins():
    records = [
        done("fire_safety", date(2025, 12, 10)),  # on its own it would be due soon
        done("fire_safety", date(2026, 6, 1)),
        done("fire_safety", date(2024, 1, 1)),
        done("fire_safety", date(2027, 1, 10)),  # booked, not yet done: ignored
        done("food_hygiene", date(2020, 1, 1), pa="bob"),
    ]
    pas = [PAChecks("ann", "Ann"), PAChecks("bob", "Bob", role="night")]
    needed = RequiredTraining.of(everyone=["fire_safety"], by_role={"night": ["food_hygiene"]})
    cells = t.matrix(pas, [YEARLY, THREE_YEARLY], records, needed, TODAY)
    assert {k: v.state for k, v in cells.items()} == {
        ("ann", "fire_safety"): "done", ("ann", "food_hygiene"): "not_required",
        ("bob", "fire_safety"): "missing", ("bob", "food_hygiene"): "expired",
    }
    assert cells[("ann", "fire_safety")].due == date(2027, 6, 1)


def test_same_day_records_the_later_one_wins():
    first = done("fire_safety", date(2026, 6, 1), provider="A")
    second = done("fire_safety", date(2026, 6, 1), provider="B")
    assert t.latest_records([first, second], TODAY)[("ann", "fire_safety")] is second


def test_required_training_adds_up():
    needed = RequiredTraining.of(everyone=["a"], by_role={"driver": ["b"]}, by_pa={7: ["c"]})
    assert needed.for_pa(7, "driver") == {"a", "b", "c"}
    assert needed.for_pa(8, "") == {"a"}
    assert needed.for_pa(8, "carer") == {"a"}


def test_training_record_values():
    record = done("first_aid", date(2026, 1, 1), cost=Decimal("85.00"), funding_source="individual_employer_funding",
                  certificate_file="certificates/first-aid.pdf")
    assert record.cost == Decimal("85.00")
    with pytest.raises(TypeError):
        done("first_aid", date(2026, 1, 1), cost=85.0)
    with pytest.raises(ValueError):
        done("first_aid", date(2026, 1, 1), funding_source="lottery")


# --- due items -------------------------------------------------------------------------------------

def test_training_due_items():
    pas = [PAChecks("ann", "Ann", start_date=date(2025, 1, 1)),
           PAChecks("bob", "Bob", start_date=date(2025, 1, 1), leaving_date=date(2026, 12, 5)),
           PAChecks("cat", "Cat", start_date=date(2020, 1, 1), leaving_date=date(2026, 10, 1))]
    records = [
        done("fire_safety", date(2025, 11, 1)),  # expired 1 November 2026
        done("food_hygiene", date(2023, 12, 1)),  # due 1 December 2026
        done("fire_safety", date(2025, 12, 20), pa="bob"),  # due 20 December, after Bob leaves
    ]
    needed = RequiredTraining.of(everyone=["fire_safety", "food_hygiene"])
    items = t.training_due_items(TODAY, pas, [YEARLY, THREE_YEARLY], records, needed)
    assert [(i.code, i.pa_name, i.subject, i.due, i.status) for i in items] == [
        ("TRAINING_EXPIRED", "Ann", "fire_safety", date(2026, 11, 1), "overdue"),
        ("TRAINING_DUE", "Ann", "food_hygiene", date(2026, 12, 1), "due_soon"),
        ("TRAINING_MISSING", "Bob", "food_hygiene", None, "missing"),
    ]
    assert items[1].param("completed_on") == date(2023, 12, 1)
    with_ok = t.training_due_items(TODAY, pas, [YEARLY, THREE_YEARLY], records, needed, include_ok=True)
    assert with_ok == items  # Bob's in-date course falls due after he leaves; Cat has left


def test_training_due_items_ok_only_when_asked():
    records = [done("fire_safety", date(2026, 6, 1))]
    pas = [PAChecks("ann", "Ann")]
    needed = RequiredTraining.of(everyone=["fire_safety"])
    assert t.training_due_items(TODAY, pas, [YEARLY], records, needed) == []
    (item,) = t.training_due_items(TODAY, pas, [YEARLY], records, needed, include_ok=True)
    assert (item.code, item.status, item.due) == ("TRAINING_DUE", "ok", date(2027, 6, 1))


def test_provisional_courses_are_marked_on_their_items():
    course = {c.key: c for c in t.course_catalogue()}["data_protection"]
    pas = [PAChecks("ann", "Ann")]
    (item,) = t.training_due_items(TODAY, pas, [course], [], RequiredTraining.of(everyone=["data_protection"]))
    assert item.param("provisional") is True


# --- supervision and appraisal ---------------------------------------------------------------------

MEETINGS = [
    # start, meetings, code, due, status, why
    (date(2025, 1, 6), [Meeting("ann", "supervision", date(2026, 8, 20))], "SUPERVISION_DUE",
     date(2026, 11, 20), "overdue", "last supervision + 3 months"),
    (date(2026, 9, 1), [], "SUPERVISION_DUE", date(2026, 12, 1), "due_soon", "none yet: start + 3 months"),
    (date(2025, 12, 10), [], "APPRAISAL_DUE", date(2026, 12, 10), "due_soon", "none yet: start + 12 months"),
    (date(2020, 1, 6), [Meeting("ann", "appraisal", date(2026, 2, 1)), Meeting("ann", "appraisal", date(2025, 2, 1))],
     "APPRAISAL_DUE", date(2027, 2, 1), "ok", "the latest appraisal + 12 months"),
    (date(2020, 1, 6), [Meeting("ann", "appraisal", date(2026, 2, 1)), Meeting("ann", "appraisal", date(2026, 12, 1))],
     "APPRAISAL_DUE", date(2027, 2, 1), "ok", "a meeting dated after today is ignored"),
    (None, [], "APPRAISAL_DUE", None, "missing", "no start date and no meeting"),
]


@pytest.mark.parametrize("start, meetings, code, due, status, why", MEETINGS)
def test_supervision_and_appraisal(start, meetings, code, due, status, why):
    pas = [PAChecks("ann", "Ann", start_date=start)]
    items = t.supervision_due_items(TODAY, pas, meetings, include_ok=True)
    (item,) = [i for i in items if i.code == code]
    assert (item.due, item.status) == (due, status), why


def test_supervision_policy_and_leavers():
    pas = [PAChecks("ann", "Ann", start_date=date(2026, 10, 1)),
           PAChecks("bob", "Bob", start_date=date(2020, 1, 1), leaving_date=date(2026, 11, 1))]
    items = t.supervision_due_items(TODAY, pas, [], t.SupervisionPolicy(supervision_months=2), include_ok=True)
    assert [(i.code, i.pa_name, i.due) for i in items] == [
        ("SUPERVISION_DUE", "Ann", date(2026, 12, 1)), ("APPRAISAL_DUE", "Ann", date(2027, 10, 1))]
    with pytest.raises(ValueError):
        Meeting("ann", "chat", TODAY)


def test_every_code_has_a_sentence():
    assert messages.missing_messages(t.CODES) == set()
