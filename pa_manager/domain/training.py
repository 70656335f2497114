"""Training: the course catalogue, the Care Certificate standards, the training matrix and what is due.

No refresh interval is set by law for a household employer: the catalogue's intervals are typical
practice (uk-rates.md section 10) and live as data in data/rates/training_courses.toml, each with its
source and evidence mark. The Care Certificate's 16 standards (2025 version) are in
data/rates/care_certificate.toml. Supervision and appraisal reminders are practice too.

Codes, never English: a catalogue course has no name here (messages.py words its key); a course the
employer adds carries the name they typed. Due items reuse compliance.DueItem so they join the same
dashboard list.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Protocol

from dateutil.relativedelta import relativedelta

from pa_manager.domain import rates
from pa_manager.domain.compliance import (
    DEFAULT_WITHIN_DAYS, DUE_SOON, MISSING, OK, OVERDUE, WARNING, DueItem, deadline_status, sort_due_items,
)

COURSES_TOPIC = "training_courses"
CARE_CERTIFICATE_TOPIC = "care_certificate"

# --- Codes -----------------------------------------------------------------------------------------

TRAINING_EXPIRED = "TRAINING_EXPIRED"
TRAINING_MISSING = "TRAINING_MISSING"
TRAINING_DUE = "TRAINING_DUE"
SUPERVISION_DUE = "SUPERVISION_DUE"
APPRAISAL_DUE = "APPRAISAL_DUE"
MEETING_BEFORE_START = "MEETING_BEFORE_START"  # a supervision or appraisal dated before the PA started
CODES = frozenset({TRAINING_EXPIRED, TRAINING_MISSING, TRAINING_DUE, SUPERVISION_DUE, APPRAISAL_DUE,
                   MEETING_BEFORE_START})

# Matrix states, exactly these.
DONE = "done"
EXPIRED = "expired"
NOT_REQUIRED = "not_required"
STATES = (DONE, DUE_SOON, EXPIRED, MISSING, NOT_REQUIRED)

# Who paid for a course. "individual_employer_funding" is Skills for Care's fund for people who
# employ their own PAs with a direct payment, personal health budget or their own money.
FUNDING_SOURCES = ("direct_payment", "individual_employer_funding", "own_money", "free", "other")

# A certificate kept with the data is a photo or scan: a bigger file is surely the wrong one.
MAX_CERTIFICATE_BYTES = 20 * 1024 * 1024

# How often a course may need refreshing, in months (None: never): up to 10 years.
REFRESH_MONTHS = (1, 120)

SUPERVISION = "supervision"
APPRAISAL = "appraisal"
MEETING_KINDS = (SUPERVISION, APPRAISAL)


# --- Catalogue -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Course:
    key: str
    name: str = ""  # only for a course the employer adds; catalogue courses are worded by key
    refresh_months: int | None = None  # None: never needs refreshing
    typical_practice_not_law: bool = True
    alternative_refresh_months: int | None = None  # another interval some frameworks use
    evidence: str = ""
    source: str = ""

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"


@cache
def course_catalogue() -> tuple[Course, ...]:
    """The seed courses, in the file's order."""
    return tuple(
        Course(key=row["key"], refresh_months=row.get("refresh_months"),
               alternative_refresh_months=row.get("alternative_refresh_months"),
               evidence=row["evidence"], source=row["source"])
        for row in rates.load_topic(COURSES_TOPIC)["course"]
    )


@dataclass(frozen=True)
class CareCertificateStandard:
    number: int
    key: str
    title: str  # the official title, as published
    change: str  # from the 2015 version: "", "title_changed", "learning_disability_moved_out", "new"
    evidence: str
    source: str


@cache
def care_certificate_standards() -> tuple[CareCertificateStandard, ...]:
    """The 16 standards of the 2025 Care Certificate, by number."""
    rows = rates.load_topic(CARE_CERTIFICATE_TOPIC)["standard"]
    return tuple(sorted(
        (CareCertificateStandard(row["number"], row["key"], row["title"], row.get("change", ""),
                                 row["evidence"], row["source"]) for row in rows),
        key=lambda s: s.number))


# --- Records and requirements ----------------------------------------------------------------------

@dataclass(frozen=True)
class TrainingRecord:
    pa_key: Hashable
    course_key: str
    completed_on: date
    provider: str = ""
    cost: Decimal | None = None
    funding_source: str = ""  # one of FUNDING_SOURCES, or "" when not recorded
    certificate_file: str | None = None

    def __post_init__(self) -> None:
        if self.cost is not None and not isinstance(self.cost, Decimal):
            raise TypeError("TRAINING_COST_NOT_DECIMAL", self.cost)
        if self.funding_source and self.funding_source not in FUNDING_SOURCES:
            raise ValueError("TRAINING_FUNDING_SOURCE_UNKNOWN", self.funding_source)


@dataclass(frozen=True)
class RequiredTraining:
    """Which courses each PA must have: for everyone, by role, and for named PAs. They add up."""

    everyone: frozenset[str] = frozenset()
    by_role: tuple[tuple[str, frozenset[str]], ...] = ()
    by_pa: tuple[tuple[Hashable, frozenset[str]], ...] = ()

    @classmethod
    def of(cls, everyone: Iterable[str] = (), by_role: Mapping[str, Iterable[str]] | None = None,
           by_pa: Mapping[Hashable, Iterable[str]] | None = None) -> RequiredTraining:
        return cls(frozenset(everyone),
                   tuple((role, frozenset(keys)) for role, keys in (by_role or {}).items()),
                   tuple((pa, frozenset(keys)) for pa, keys in (by_pa or {}).items()))

    def for_pa(self, pa_key: Hashable, role: str = "") -> frozenset[str]:
        found = set(self.everyone)
        for wanted_role, keys in self.by_role:
            if role and wanted_role == role:
                found |= keys
        for wanted_pa, keys in self.by_pa:
            if wanted_pa == pa_key:
                found |= keys
        return frozenset(found)


class PALike(Protocol):
    """What the training rules read of a PA; compliance.PAChecks has all of it."""

    key: Hashable
    name: str
    role: str
    start_date: date | None
    leaving_date: date | None


# --- Rules -----------------------------------------------------------------------------------------

def refresh_due(record: TrainingRecord, course: Course) -> date | None:
    """Completed + refresh months, end-of-month safe (31 January + 1 month -> 28 February); None if the
    course never needs refreshing. Typical practice, not law."""
    if course.refresh_months is None:
        return None
    return record.completed_on + relativedelta(months=course.refresh_months)


def latest_records(records: Iterable[TrainingRecord], today: date) -> dict[tuple[Hashable, str], TrainingRecord]:
    """The latest record per (PA, course), by completion date; a tie goes to the later in the input.
    Records dated after today (a course booked, not yet done) are left out."""
    found: dict[tuple[Hashable, str], TrainingRecord] = {}
    for record in records:
        if record.completed_on > today:
            continue
        key = (record.pa_key, record.course_key)
        if key not in found or record.completed_on >= found[key].completed_on:
            found[key] = record
    return found


@dataclass(frozen=True)
class MatrixCell:
    state: str  # one of STATES
    due: date | None = None  # when the refresher is (or was) due
    days_left: int | None = None  # for "due_soon": "Due in N days"
    completed_on: date | None = None


def cell_for(record: TrainingRecord | None, course: Course, required: bool, today: date,
             within_days: int = DEFAULT_WITHIN_DAYS) -> MatrixCell:
    """One cell of the matrix.

    Never done: "missing" if required, else "not_required". Done: "expired" after the refresh date,
    "due_soon" within `within_days` of it, else "done". A course not required is not chased: it shows
    "done" while in date (even when its refresh is near) and "not_required" once it has run out.
    """
    if record is None:
        return MatrixCell(MISSING if required else NOT_REQUIRED)
    due = refresh_due(record, course)
    done = record.completed_on
    if due is None:
        return MatrixCell(DONE, None, None, done)
    status = deadline_status(due, today, within_days)
    if not required:
        return MatrixCell(NOT_REQUIRED, due, None, done) if status == OVERDUE else MatrixCell(DONE, due, None, done)
    if status == OVERDUE:
        return MatrixCell(EXPIRED, due, None, done)
    if status == DUE_SOON:
        return MatrixCell(DUE_SOON, due, (due - today).days, done)
    return MatrixCell(DONE, due, None, done)


def matrix(pas: Sequence[PALike], courses: Sequence[Course], records: Iterable[TrainingRecord],
           required: RequiredTraining, today: date,
           within_days: int = DEFAULT_WITHIN_DAYS) -> dict[tuple[Hashable, str], MatrixCell]:
    """Every (PA, course) pair's cell; the latest record per PA and course wins."""
    latest = latest_records(records, today)
    cells: dict[tuple[Hashable, str], MatrixCell] = {}
    for pa in pas:
        needed = required.for_pa(pa.key, getattr(pa, "role", ""))
        for course in courses:
            cells[(pa.key, course.key)] = cell_for(latest.get((pa.key, course.key)), course,
                                                   course.key in needed, today, within_days)
    return cells


def _left(pa: PALike, today: date) -> bool:
    return pa.leaving_date is not None and pa.leaving_date < today


def _after_leaving(pa: PALike, due: date | None) -> bool:
    return pa.leaving_date is not None and due is not None and due > pa.leaving_date


_ITEM_FOR_STATE = {EXPIRED: (TRAINING_EXPIRED, OVERDUE), MISSING: (TRAINING_MISSING, MISSING),
                   DUE_SOON: (TRAINING_DUE, DUE_SOON)}


def training_due_items(today: date, pas: Sequence[PALike], courses: Sequence[Course],
                       records: Iterable[TrainingRecord], required: RequiredTraining,
                       within_days: int = DEFAULT_WITHIN_DAYS, *, include_ok: bool = False) -> list[DueItem]:
    """The matrix as dashboard items: TRAINING_EXPIRED (overdue), TRAINING_DUE (due soon, or ok when
    asked), TRAINING_MISSING (required, never done; no date). Leavers get none; nothing falls due
    after a known leaving date."""
    staying = [pa for pa in pas if not _left(pa, today)]
    cells = matrix(staying, courses, records, required, today, within_days)
    items = []
    for pa in staying:
        needed = required.for_pa(pa.key, getattr(pa, "role", ""))
        for course in courses:
            cell = cells[(pa.key, course.key)]
            if cell.state in _ITEM_FOR_STATE:
                code, status = _ITEM_FOR_STATE[cell.state]
            elif cell.state == DONE and cell.due is not None and course.key in needed:
                code, status = TRAINING_DUE, OK
            else:
                continue
            if _after_leaving(pa, cell.due):
                continue
            items.append(DueItem.of(code, cell.due, status, pa_key=pa.key, pa_name=pa.name, subject=course.key,
                                    completed_on=cell.completed_on, provisional=course.provisional))
    return sort_due_items(items, include_ok=include_ok)


# --- Supervision and appraisal ---------------------------------------------------------------------

@dataclass(frozen=True)
class Meeting:
    pa_key: Hashable
    kind: str  # SUPERVISION or APPRAISAL
    held_on: date

    def __post_init__(self) -> None:
        if self.kind not in MEETING_KINDS:
            raise ValueError("MEETING_KIND_UNKNOWN", self.kind)


@dataclass(frozen=True)
class SupervisionPolicy:
    supervision_months: int = 3  # typical practice, not law
    appraisal_months: int = 12  # typical practice, not law


def next_meeting_due(last_held: date | None, start_date: date | None, months: int) -> date | None:
    """The last meeting + the interval; with none yet, the start date + the interval."""
    base = last_held or start_date
    return None if base is None else base + relativedelta(months=months)


def supervision_due_items(today: date, pas: Sequence[PALike], meetings: Iterable[Meeting],
                          policy: SupervisionPolicy = SupervisionPolicy(),
                          within_days: int = DEFAULT_WITHIN_DAYS, *, include_ok: bool = False) -> list[DueItem]:
    """SUPERVISION_DUE and APPRAISAL_DUE for each PA still employed (typical practice, not law), and
    MEETING_BEFORE_START (to check) for a meeting dated before the PA started, which cannot be right:
    it does not count as held, so the next one is due from the start date."""
    starts = {pa.key: pa.start_date for pa in pas}
    last: dict[tuple[Hashable, str], date] = {}
    items = []
    for meeting in meetings:
        start = starts.get(meeting.pa_key)
        if start is not None and meeting.held_on < start:
            pa = next(p for p in pas if p.key == meeting.pa_key)
            if not _left(pa, today):
                items.append(DueItem.of(MEETING_BEFORE_START, meeting.held_on, WARNING, pa_key=pa.key, pa_name=pa.name,
                                        subject=meeting.kind, kind=meeting.kind, held_on=meeting.held_on,
                                        start_date=start))
            continue
        if meeting.held_on <= today:
            key = (meeting.pa_key, meeting.kind)
            last[key] = max(last.get(key, meeting.held_on), meeting.held_on)
    for pa in pas:
        if _left(pa, today):
            continue
        for kind, code, months in ((SUPERVISION, SUPERVISION_DUE, policy.supervision_months),
                                   (APPRAISAL, APPRAISAL_DUE, policy.appraisal_months)):
            held = last.get((pa.key, kind))
            due = next_meeting_due(held, pa.start_date, months)
            if _after_leaving(pa, due):
                continue
            status = MISSING if due is None else deadline_status(due, today, within_days)
            items.append(DueItem.of(code, due, status, pa_key=pa.key, pa_name=pa.name, last_held=held))
    return sort_due_items(items, include_ok=include_ok)
