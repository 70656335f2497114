"""Recruiting a PA: the vacancy built from the household's needs, values-based interview questions and
their scores, the decision, the conditional offer and the checks it waits on, and how long applicants'
details are kept.

The approach is values-based recruitment (Skills for Care): choose for the values the job needs
(respect, dignity, reliability, communication) and train the skills. The question bank is data
(data/rates/interview_questions.toml), written for this project. This module speaks in codes;
pa_manager/recruitment_words.py words them.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from dateutil.relativedelta import relativedelta

from pa_manager.domain import rates
from pa_manager.domain.compliance import (
    CLEAR, DEFAULT_WITHIN_DAYS, INFORMATION_DISCLOSED, DueItem, PAChecks, deadline_status, latest_dbs_check,
    satisfactory_references,
)
from pa_manager.domain.particulars import WorkingPattern, sleep_in_nights, weekly_hours
from pa_manager.domain.shifts import ShiftType

QUESTIONS_TOPIC = "interview_questions"

# --- Values and the question bank -------------------------------------------------------------------

RESPECT, DIGNITY, RELIABILITY, COMMUNICATION = "respect", "dignity", "reliability", "communication"
VALUES = (RESPECT, DIGNITY, RELIABILITY, COMMUNICATION)
# A score is the evidence an answer gave of the value: 1 none, 2 some, 3 good, 4 strong.
SCORES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Question:
    key: str
    value: str  # one of VALUES
    question: str  # the words to ask (English on purpose: the bank is content, like the Care Certificate titles)
    look_for: str  # what a good answer shows


@cache
def question_bank() -> tuple[Question, ...]:
    """Every question, in the file's order (grouped by value)."""
    rows = rates.load_topic(QUESTIONS_TOPIC)["question"]
    bank = tuple(Question(r["key"], r["value"], r["question"], r["look_for"]) for r in rows)
    unknown = {q.value for q in bank} - set(VALUES)
    if unknown:
        raise ValueError("INTERVIEW_VALUE_UNKNOWN", sorted(unknown))
    return bank


def default_questions() -> tuple[str, ...]:
    """Two questions for each value, the first two of each in the bank: eight in all, about 45 minutes."""
    chosen: list[str] = []
    for value in VALUES:
        chosen += [q.key for q in question_bank() if q.value == value][:2]
    return tuple(chosen)


# --- The household's needs: tasks, and what they ask of the PA --------------------------------------

PERSONAL_CARE = "personal_care"
MEALS = "meals"
MEDICATION = "medication"
MOVING_AND_HANDLING = "moving_and_handling"
HOUSEHOLD = "household"
SHOPPING = "shopping"
GOING_OUT = "going_out"
DRIVING = "driving"
APPOINTMENTS = "appointments"
HEALTH_TASKS = "health_tasks"
COMPANIONSHIP = "companionship"
PAPERWORK = "paperwork"
TASKS = (PERSONAL_CARE, MEALS, MEDICATION, MOVING_AND_HANDLING, HOUSEHOLD, SHOPPING, GOING_OUT, DRIVING,
         APPOINTMENTS, HEALTH_TASKS, COMPANIONSHIP, PAPERWORK)

# The training each task suggests (course keys of the training catalogue, data/rates/training_courses.toml).
TASK_COURSES: Mapping[str, tuple[str, ...]] = {
    PERSONAL_CARE: ("infection_prevention_and_control",),
    MEALS: ("food_hygiene",),
    MEDICATION: ("medication",),
    MOVING_AND_HANDLING: ("moving_and_handling",),
    HEALTH_TASKS: ("first_aid", "basic_life_support"),
}

# --- The person specification: criteria as codes ---------------------------------------------------

ESSENTIAL, DESIRABLE = "essential", "desirable"


@dataclass(frozen=True)
class Criterion:
    code: str
    level: str  # ESSENTIAL or DESIRABLE
    detail: str = ""  # a course or shift name the words need


def person_specification(tasks: Iterable[str], shift_types: Iterable[str], weekends: bool,
                         required_courses: Sequence[str]) -> tuple[Criterion, ...]:
    """What the PA must have (essential) and what would help (desirable), from the household's needs.
    Values come first: they are what cannot be trained."""
    tasks, shift_types = set(tasks), set(shift_types)
    found = [Criterion(f"VALUE_{value.upper()}", ESSENTIAL) for value in VALUES]
    found.append(Criterion("RIGHT_TO_WORK", ESSENTIAL))
    found.append(Criterion("DBS_CHECK", ESSENTIAL))
    if DRIVING in tasks:
        found.append(Criterion("DRIVING_LICENCE", ESSENTIAL))
    if weekends:
        found.append(Criterion("WEEKENDS", ESSENTIAL))
    for shift_type in (ShiftType.SLEEP_IN.value, ShiftType.WAKING_NIGHT.value):
        if shift_type in shift_types:
            found.append(Criterion("NIGHTS", ESSENTIAL, shift_type))
    found += [Criterion("WILLING_TO_TRAIN", ESSENTIAL, course) for course in required_courses]
    found += [Criterion("TRAINED_ALREADY", DESIRABLE, course) for course in required_courses]
    found.append(Criterion("CARING_EXPERIENCE", DESIRABLE))
    if PAPERWORK in tasks:
        found.append(Criterion("READING_WRITING", ESSENTIAL))
    return tuple(found)


def suggested_courses(tasks: Iterable[str]) -> tuple[str, ...]:
    """The course keys the tasks suggest, in the tasks' order, each once."""
    seen: list[str] = []
    for task in TASKS:
        if task in set(tasks):
            seen += [c for c in TASK_COURSES.get(task, ()) if c not in seen]
    return tuple(seen)


# --- The vacancy ------------------------------------------------------------------------------------

OPEN, FILLED, CLOSED = "open", "filled", "closed"
VACANCY_STATUSES = (OPEN, FILLED, CLOSED)

VACANCY_TITLE_MISSING = "VACANCY_TITLE_MISSING"
VACANCY_NO_TASKS = "VACANCY_NO_TASKS"
VACANCY_RATE_MISSING = "VACANCY_RATE_MISSING"
VACANCY_HOURS_MISSING = "VACANCY_HOURS_MISSING"
VACANCY_CLOSING_BEFORE_OPENING = "VACANCY_CLOSING_BEFORE_OPENING"
VACANCY_RETENTION_RANGE = "VACANCY_RETENTION_RANGE"


@dataclass(frozen=True)
class Vacancy:
    title: str
    tasks: tuple[str, ...]
    hourly_rate: Decimal | None
    opened_on: date
    other_tasks: str = ""  # anything specific to the person supported, in the employer's words
    hours_per_week: Decimal | None = None
    irregular_hours: bool = False
    patterns: tuple[WorkingPattern, ...] = ()  # the shifts, from the rota or typed in
    sleep_in_allowance: Decimal | None = None
    area: str = ""  # the town or district for the advert (never the full address)
    closing_date: date | None = None
    start_date: date | None = None  # when the new PA is wanted from
    how_to_apply: str = ""
    required_courses: tuple[str, ...] = ()  # course keys (catalogue or the employer's own)
    retention_months: int = 6  # how long applicants not taken on are kept
    status: str = OPEN
    filled_on: date | None = None

    @property
    def weekends(self) -> bool:
        return any(day in (5, 6) for p in self.patterns for day in p.weekdays)

    @property
    def shift_types(self) -> tuple[str, ...]:
        return tuple(sorted({p.shift_type for p in self.patterns}))

    @property
    def planned_hours(self) -> Decimal | None:
        """The hours a week: as typed, else from the shifts."""
        if self.hours_per_week is not None:
            return self.hours_per_week
        return weekly_hours(self.patterns) if self.patterns else None

    @property
    def nights(self) -> Decimal:
        return sleep_in_nights(self.patterns)


def check_vacancy(vacancy: Vacancy) -> dict[str, str]:
    """Problems, by field."""
    found = {}
    if not vacancy.title.strip():
        found["title"] = VACANCY_TITLE_MISSING
    if not vacancy.tasks and not vacancy.other_tasks.strip():
        found["tasks"] = VACANCY_NO_TASKS
    if vacancy.hourly_rate is None or vacancy.hourly_rate <= 0:
        found["hourly_rate"] = VACANCY_RATE_MISSING
    if not vacancy.irregular_hours and vacancy.planned_hours is None:
        found["hours_per_week"] = VACANCY_HOURS_MISSING
    if vacancy.closing_date is not None and vacancy.closing_date < vacancy.opened_on:
        found["closing_date"] = VACANCY_CLOSING_BEFORE_OPENING
    if not 1 <= vacancy.retention_months <= 24:
        found["retention_months"] = VACANCY_RETENTION_RANGE
    return found


# --- Applicants ---------------------------------------------------------------------------------

APPLIED, INTERVIEW, OFFERED, HIRED, NOT_HIRED, WITHDRAWN = (
    "applied", "interview", "offered", "hired", "not_hired", "withdrawn")
APPLICANT_STATUSES = (APPLIED, INTERVIEW, OFFERED, HIRED, NOT_HIRED, WITHDRAWN)
DECIDED = frozenset({HIRED, NOT_HIRED, WITHDRAWN})
SOURCES = ("pa_register", "job_website", "social_media", "word_of_mouth", "local_advert", "jobcentre",
           "council_or_support_service", "other")

APPLICANT_NAME_MISSING = "APPLICANT_NAME_MISSING"
APPLICANT_CONTACT_MISSING = "APPLICANT_CONTACT_MISSING"
APPLICANT_SOURCE_UNKNOWN = "APPLICANT_SOURCE_UNKNOWN"
DECISION_REASONS_MISSING = "DECISION_REASONS_MISSING"
SCORE_OUT_OF_RANGE = "SCORE_OUT_OF_RANGE"


@dataclass(frozen=True)
class Applicant:
    name: str
    applied_on: date
    email: str = ""
    phone: str = ""
    address: str = ""
    source: str = "other"
    referees: str = ""  # one a line: name and how to reach them
    notes: str = ""
    status: str = APPLIED
    decided_on: date | None = None
    reasons: str = ""  # why: the decision, in the employer's words
    erased_on: date | None = None  # details erased after the retention period


def check_applicant(applicant: Applicant) -> dict[str, str]:
    found = {}
    if not applicant.name.strip():
        found["name"] = APPLICANT_NAME_MISSING
    if applicant.erased_on is None and not (applicant.email.strip() or applicant.phone.strip()):
        found["email"] = APPLICANT_CONTACT_MISSING
    if applicant.source not in SOURCES:
        found["source"] = APPLICANT_SOURCE_UNKNOWN
    if applicant.status in (NOT_HIRED, WITHDRAWN) and not applicant.reasons.strip():
        found["reasons"] = DECISION_REASONS_MISSING
    return found


# --- Interview scores ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScoreSummary:
    total: int
    out_of: int  # 4 for each question asked
    answered: int
    asked: int
    by_value: tuple[tuple[str, Decimal | None], ...]  # each value's average score, one decimal place

    @property
    def complete(self) -> bool:
        return self.asked > 0 and self.answered == self.asked

    @property
    def weakest(self) -> Decimal | None:
        scored = [avg for _, avg in self.by_value if avg is not None]
        return min(scored) if scored else None


def score_summary(asked: Sequence[str], scores: Mapping[str, int]) -> ScoreSummary:
    """The applicant's scores on the questions asked. A value's average is over its questions answered."""
    bank = {q.key: q for q in question_bank()}
    for key, score in scores.items():
        if score not in SCORES:
            raise ValueError(SCORE_OUT_OF_RANGE, key, score)
    answered = [key for key in asked if key in scores]
    by_value = []
    for value in VALUES:
        mine = [scores[key] for key in answered if key in bank and bank[key].value == value]
        average = (Decimal(sum(mine)) / len(mine)).quantize(Decimal("0.1"), ROUND_HALF_UP) if mine else None
        by_value.append((value, average))
    return ScoreSummary(sum(scores[k] for k in answered), len(asked) * SCORES[-1], len(answered), len(asked),
                        tuple(by_value))


def ranking(summaries: Mapping[object, ScoreSummary]) -> list[object]:
    """Applicants best first: highest total, then the better weakest value (one strong value does not
    make up for a missing one), then those with every question scored."""
    return sorted(summaries, key=lambda k: (-summaries[k].total, -(summaries[k].weakest or 0),
                                            not summaries[k].complete))


# --- The conditional offer and its checks -----------------------------------------------------------

RIGHT_TO_WORK, DBS_BARRED, REFERENCES = "RIGHT_TO_WORK", "DBS_BARRED", "REFERENCES"
CONDITIONS = (RIGHT_TO_WORK, DBS_BARRED, REFERENCES)
# An enhanced check with the adults' barred list is what personal care needs (regulated activity).
BARRED_LIST_LEVELS = frozenset({"enhanced_adults_barred", "enhanced_both_barred"})

OFFER_RATE_MISSING = "OFFER_RATE_MISSING"
OFFER_START_MISSING = "OFFER_START_MISSING"
OFFER_HOURS_MISSING = "OFFER_HOURS_MISSING"
OFFER_ACCEPTED_BEFORE_MADE = "OFFER_ACCEPTED_BEFORE_MADE"


@dataclass(frozen=True)
class Offer:
    made_on: date
    hourly_rate: Decimal | None
    start_date: date | None
    hours_per_week: Decimal | None = None
    irregular_hours: bool = False
    other_conditions: str = ""
    accepted_on: date | None = None
    declined_on: date | None = None


def check_offer(offer: Offer) -> dict[str, str]:
    found = {}
    if offer.hourly_rate is None or offer.hourly_rate <= 0:
        found["hourly_rate"] = OFFER_RATE_MISSING
    if offer.start_date is None:
        found["start_date"] = OFFER_START_MISSING
    if not offer.irregular_hours and offer.hours_per_week is None:
        found["hours_per_week"] = OFFER_HOURS_MISSING
    if offer.accepted_on is not None and offer.accepted_on < offer.made_on:
        found["accepted_on"] = OFFER_ACCEPTED_BEFORE_MADE
    return found


@dataclass(frozen=True)
class ConditionState:
    code: str  # one of CONDITIONS
    met: bool
    detail: tuple[tuple[str, object], ...] = ()

    def value(self, name: str, default=None):
        return dict(self.detail).get(name, default)


def condition_states(checks: PAChecks, start_date: date, references_required: int) -> tuple[ConditionState, ...]:
    """Whether each pre-start condition is met, from the PA's recorded checks:
    - right to work checked before the first day (a check on the day itself cannot be shown to come first);
    - an enhanced DBS check with the adults' barred list, clear or with its risk assessment done;
    - enough satisfactory references."""
    rtw = [c for c in checks.right_to_work_checks if c.checked_on < start_date]
    dbs = latest_dbs_check(c for c in checks.dbs_checks if c.level in BARRED_LIST_LEVELS)
    dbs_ok = dbs is not None and (dbs.outcome == CLEAR or (dbs.outcome == INFORMATION_DISCLOSED
                                                            and dbs.risk_assessment_date is not None))
    received = satisfactory_references(checks.references)
    return (
        ConditionState(RIGHT_TO_WORK, bool(rtw), (("checked_on", min(c.checked_on for c in rtw) if rtw else None),)),
        ConditionState(DBS_BARRED, dbs_ok, (("issue_date", dbs.issue_date if dbs else None),
                                            ("outcome", dbs.outcome if dbs else None),
                                            ("other_levels", bool(checks.dbs_checks) and dbs is None))),
        ConditionState(REFERENCES, received >= references_required,
                       (("received", received), ("required", references_required))),
    )


def ready_to_start(states: Iterable[ConditionState]) -> bool:
    return all(state.met for state in states)


# --- Keeping applicants' details only as long as needed ---------------------------------------------

APPLICANT_DETAILS_ERASE = "APPLICANT_DETAILS_ERASE"


def erase_after(decided_on: date, retention_months: int) -> date:
    """The first day an unsuccessful applicant's details should be erased."""
    return decided_on + relativedelta(months=retention_months)


def applicants_to_erase(applicants: Iterable[tuple[object, Applicant]], retention_months: int,
                        filled_on: date | None) -> list[tuple[object, date]]:
    """(key, erase from) for each applicant not taken on whose details are still held. An applicant with no
    decision recorded counts from the day the vacancy was filled."""
    found = []
    for key, applicant in applicants:
        if applicant.erased_on is not None or applicant.status in (HIRED, OFFERED):
            continue
        decided = applicant.decided_on if applicant.status in (NOT_HIRED, WITHDRAWN) else filled_on
        if decided is not None:
            found.append((key, erase_after(decided, retention_months)))
    return found


def retention_item(vacancy_key: object, vacancy_title: str, erase_dates: Sequence[date], today: date,
                   within_days: int = DEFAULT_WITHIN_DAYS) -> DueItem | None:
    """APPLICANT_DETAILS_ERASE for one vacancy: due on the first erase date; "count" applicants are due
    to be erased by then. None when there is nobody to erase."""
    if not erase_dates:
        return None
    due = min(erase_dates)
    count = sum(1 for d in erase_dates if d <= max(due, today))
    return DueItem.of(APPLICANT_DETAILS_ERASE, due, deadline_status(due, today, within_days), pa_name=vacancy_title,
                      subject=f"vacancy-{vacancy_key}", count=count)
