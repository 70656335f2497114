"""A new PA's first months: the induction plan (tied to the Care Certificate standards and the courses
required of them) and the probation review.

No law sets either: the plan is typical practice (data/rates/induction.toml) and the probation is what
the written statement says (domain.particulars). Completion is read from the records the Training
page already keeps (Care Certificate progress, training records); only the household's own topics are
ticked off here. Codes, never English: pa_manager/induction_words.py words them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from pa_manager.domain import rates
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, OK, DueItem, deadline_status

TOPIC = "induction"

STANDARD, COURSE, TASK = "standard", "course", "task"
KINDS = (STANDARD, COURSE, TASK)
TASKS = ("home_and_routines", "support_plan", "emergencies", "shadow_shifts", "first_month_talk", "probation_ready")

# The states of a plan item.
DONE, TO_DO = "done", "to_do"


@dataclass(frozen=True)
class PlanItem:
    kind: str  # STANDARD, COURSE or TASK
    key: str  # the standard's number, the course key, or the task key (or the employer's own words)
    due_on: date
    completed_on: date | None = None  # tasks only: standards and courses are read from the training records

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError("INDUCTION_KIND_UNKNOWN", self.kind)


@dataclass(frozen=True)
class PlanWeek:
    week: int
    standards: tuple[int, ...]
    required_courses: bool
    tasks: tuple[str, ...]


@cache
def plan_weeks() -> tuple[PlanWeek, ...]:
    rows = rates.load_topic(TOPIC)["week"]
    return tuple(sorted((PlanWeek(row["week"], tuple(row.get("standards", ())), row.get("courses") == "required",
                                  tuple(row.get("tasks", ()))) for row in rows), key=lambda w: w.week))


def week_ends(start_date: date, week: int) -> date:
    """The last day of the plan's week `week`, counted from the first day (week 1 ends 6 days after it)."""
    return start_date + timedelta(weeks=week) - timedelta(days=1)


def usual_plan(start_date: date, required_courses: Sequence[str]) -> tuple[PlanItem, ...]:
    """The usual plan for someone starting on `start_date`: each week's standards, topics and (in the week
    marked for them) the courses required of them."""
    items = []
    for week in plan_weeks():
        due = week_ends(start_date, week.week)
        items += [PlanItem(TASK, task, due) for task in week.tasks]
        items += [PlanItem(STANDARD, str(number), due) for number in week.standards]
        if week.required_courses:
            items += [PlanItem(COURSE, course, due) for course in required_courses]
    return tuple(items)


@dataclass(frozen=True)
class ItemState:
    item: PlanItem
    state: str  # DONE or TO_DO
    status: str  # compliance status for a to-do item: OVERDUE, DUE_SOON or OK; OK when done
    done_on: date | None


def item_states(items: Iterable[PlanItem], today: date, standards_done: Mapping[int, date],
                courses_done: Mapping[str, date], within_days: int = DEFAULT_WITHIN_DAYS) -> list[ItemState]:
    """Each item as it stands: done (and when) from the record that proves it, else when it is due."""
    found = []
    for item in sorted(items, key=lambda i: (i.due_on, _KIND_ORDER.index(i.kind), _order(i))):
        if item.kind == STANDARD:
            done = standards_done.get(int(item.key))
        elif item.kind == COURSE:
            done = courses_done.get(item.key)
        else:
            done = item.completed_on
        if done is not None:
            found.append(ItemState(item, DONE, OK, done))
        else:
            found.append(ItemState(item, TO_DO, deadline_status(item.due_on, today, within_days), None))
    return found


_KIND_ORDER = (TASK, STANDARD, COURSE)  # each week: the household's own topics, then the standards, then courses


def _order(item: PlanItem):
    if item.kind == STANDARD:
        return (int(item.key), "")
    if item.kind == TASK and item.key in TASKS:
        return (TASKS.index(item.key), "")
    return (99, item.key)


def finished_on(states: Sequence[ItemState]) -> date | None:
    """The day the last item was done, once every item is done (None before then, or for no plan)."""
    if not states or any(s.state != DONE for s in states):
        return None
    return max(s.done_on for s in states)


# --- Probation -----------------------------------------------------------------------------------

PASSED, EXTENDED, NOT_PASSED = "passed", "extended", "not_passed"
OUTCOMES = (PASSED, EXTENDED, NOT_PASSED)
PROBATION_REVIEW_DUE = "PROBATION_REVIEW_DUE"
PROBATION_EXTENDED_TO_MISSING = "PROBATION_EXTENDED_TO_MISSING"
PROBATION_EXTENDED_TO_EARLY = "PROBATION_EXTENDED_TO_EARLY"
PROBATION_OUTCOME_UNKNOWN = "PROBATION_OUTCOME_UNKNOWN"


@dataclass(frozen=True)
class ProbationReview:
    reviewed_on: date
    outcome: str  # PASSED, EXTENDED or NOT_PASSED
    extended_to: date | None = None  # an extension: the new end
    notes: str = ""


def probation_ends(start_date: date, months: int, reviews: Iterable[ProbationReview] = ()) -> date | None:
    """The day the probation ends: the start plus its months, or the end of the latest extension.
    None with no probation."""
    if months <= 0:
        return None
    end = start_date + relativedelta(months=months)
    for review in sorted(reviews, key=lambda r: r.reviewed_on):
        if review.outcome == EXTENDED and review.extended_to is not None:
            end = review.extended_to
    return end


def check_review(review: ProbationReview, current_end: date | None) -> dict[str, str]:
    found = {}
    if review.outcome not in OUTCOMES:
        found["outcome"] = PROBATION_OUTCOME_UNKNOWN
    if review.outcome == EXTENDED:
        if review.extended_to is None:
            found["extended_to"] = PROBATION_EXTENDED_TO_MISSING
        elif review.extended_to <= max(review.reviewed_on, current_end or review.reviewed_on):
            found["extended_to"] = PROBATION_EXTENDED_TO_EARLY
    return found


def probation_item(pa_key, pa_name: str, start_date: date | None, months: int, reviews: Sequence[ProbationReview],
                   today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> DueItem | None:
    """PROBATION_REVIEW_DUE: the review is due on the day the probation ends, until one confirms the job
    (or ends it). None with no probation or once decided."""
    if start_date is None or any(r.outcome in (PASSED, NOT_PASSED) for r in reviews):
        return None
    end = probation_ends(start_date, months, reviews)
    if end is None:
        return None
    status = deadline_status(end, today, within_days)
    return DueItem.of(PROBATION_REVIEW_DUE, end, status, pa_key=pa_key, pa_name=pa_name,
                      extended=any(r.outcome == EXTENDED for r in reviews))
