"""The induction plan tied to the Care Certificate standards, and the probation review."""
from __future__ import annotations

from datetime import date

from pa_manager.domain import induction as i
from pa_manager.domain.compliance import DUE_SOON, OK, OVERDUE
from pa_manager.domain.training import care_certificate_standards

START = date(2026, 12, 7)  # a Monday


def test_the_usual_plan_covers_every_standard_once_within_12_weeks():
    plan = i.usual_plan(START, ("medication", "moving_and_handling"))
    standards = sorted(int(item.key) for item in plan if item.kind == i.STANDARD)
    assert standards == [s.number for s in care_certificate_standards()] == list(range(1, 17))
    assert max(item.due_on for item in plan) == date(2027, 2, 28)  # the end of week 12
    by_key = {(item.kind, item.key): item.due_on for item in plan}
    assert by_key[(i.STANDARD, "1")] == date(2026, 12, 13)  # week 1 ends on the Sunday
    assert by_key[(i.STANDARD, "6")] == date(2027, 1, 3)  # communication: week 4
    assert by_key[(i.COURSE, "medication")] == date(2027, 2, 28)
    assert by_key[(i.TASK, "emergencies")] == date(2026, 12, 13)
    assert {item.key for item in plan if item.kind == i.TASK} == set(i.TASKS)


def test_items_are_done_from_the_training_records_and_the_plans_own_ticks():
    plan = i.usual_plan(START, ("medication",))
    standards_done = {1: date(2026, 12, 9), 3: date(2026, 12, 10)}
    courses_done = {"medication": date(2027, 1, 5)}
    ticked = [i.PlanItem(p.kind, p.key, p.due_on, date(2026, 12, 8)) if p.key == "home_and_routines" else p for p in plan]
    states = {(s.item.kind, s.item.key): s for s in i.item_states(ticked, date(2026, 12, 20), standards_done, courses_done)}
    assert (states[(i.STANDARD, "1")].state, states[(i.STANDARD, "1")].done_on) == (i.DONE, date(2026, 12, 9))
    assert states[(i.COURSE, "medication")].state == i.DONE
    assert states[(i.TASK, "home_and_routines")].done_on == date(2026, 12, 8)
    assert (states[(i.STANDARD, "7")].state, states[(i.STANDARD, "7")].status) == (i.TO_DO, OVERDUE)  # due 13 December
    assert states[(i.STANDARD, "6")].status == DUE_SOON  # due 3 January
    assert states[(i.STANDARD, "2")].status == OK  # due 28 February
    order = [s.item for s in i.item_states(plan, START, {}, {})]
    assert order[0] == i.PlanItem(i.TASK, "home_and_routines", date(2026, 12, 13))  # the home first, then standard 1
    assert order[4] == i.PlanItem(i.STANDARD, "1", date(2026, 12, 13))
    assert i.finished_on(list(states.values())) is None


def test_the_plan_is_finished_on_the_day_its_last_part_was_done():
    plan = [i.PlanItem(i.STANDARD, "1", START), i.PlanItem(i.TASK, "emergencies", START, date(2026, 12, 9))]
    states = i.item_states(plan, START, {1: date(2026, 12, 11)}, {})
    assert i.finished_on(states) == date(2026, 12, 11)
    assert i.finished_on([]) is None


def test_the_probation_review_is_due_when_it_ends_until_decided():
    assert i.probation_ends(START, 3) == date(2027, 3, 7)
    assert i.probation_ends(START, 0) is None
    item = i.probation_item(1, "Dee Okoro", START, 3, [], date(2027, 2, 20))
    assert (item.code, item.due, item.status) == (i.PROBATION_REVIEW_DUE, date(2027, 3, 7), DUE_SOON)
    assert i.probation_item(1, "Dee Okoro", START, 3, [], date(2027, 3, 8)).status == OVERDUE
    extended = [i.ProbationReview(date(2027, 3, 5), i.EXTENDED, date(2027, 5, 7))]
    later = i.probation_item(1, "Dee Okoro", START, 3, extended, date(2027, 3, 8))
    assert (later.due, later.status, later.param("extended")) == (date(2027, 5, 7), OK, True)
    passed = extended + [i.ProbationReview(date(2027, 5, 1), i.PASSED)]
    assert i.probation_item(1, "Dee Okoro", START, 3, passed, date(2027, 6, 1)) is None
    assert i.probation_item(1, "Dee Okoro", START, 0, [], date(2027, 6, 1)) is None


def test_an_extension_needs_a_new_end_after_the_old_one():
    current_end = date(2027, 3, 7)
    assert i.check_review(i.ProbationReview(date(2027, 3, 5), i.EXTENDED), current_end) == {
        "extended_to": i.PROBATION_EXTENDED_TO_MISSING}
    assert i.check_review(i.ProbationReview(date(2027, 3, 5), i.EXTENDED, date(2027, 3, 7)), current_end) == {
        "extended_to": i.PROBATION_EXTENDED_TO_EARLY}
    assert i.check_review(i.ProbationReview(date(2027, 3, 5), i.EXTENDED, date(2027, 4, 7)), current_end) == {}
    assert i.check_review(i.ProbationReview(date(2027, 3, 5), "maybe"), current_end) == {
        "outcome": i.PROBATION_OUTCOME_UNKNOWN}
