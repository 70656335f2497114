"""Training records: the employer's course catalogue, each PA's records (with certificates kept in
the data file), required courses, supervision and appraisal, the Care Certificate, and the matrix."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import and_, delete, func, or_, select

from pa_manager.domain import training as rules
from pa_manager.domain.compliance import DueItem, PAChecks
from pa_manager.domain.training import Course, Meeting, MatrixCell, RequiredTraining, TrainingRecord
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import NotFound, ValidationFailed
from pa_manager.services.people import list_pas
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer
from pa_manager.wording import COURSE_NAMES, course_name

MAX_CERTIFICATE_BYTES = rules.MAX_CERTIFICATE_BYTES


@dataclass(frozen=True)
class CourseRecord:
    id: int
    course: Course
    required_for_everyone: bool

    @property
    def name(self) -> str:
        return course_name(self.course.key, self.course.name)


@dataclass(frozen=True)
class StoredRecord:
    id: int
    pa_id: int
    course_id: int
    record: TrainingRecord
    attachment_id: int | None
    certificate_name: str | None


def ensure_catalogue(db: Database, employer_id: int) -> None:
    """Seed an employer's catalogue with the usual topics the first time it is used."""
    if db.read_only:
        return  # a file opened to look at only shows what it holds; nothing can be added to it
    seeded = select(models.Course.id).where(models.Course.employer_id == employer_id).limit(1)
    with db.session() as s:
        if s.scalar(seeded) is not None:
            return
        # Not yet: take turns with anyone else seeding it now (two people opening Training on a shared
        # database), and look again, so the catalogue is seeded once.
        lock_employer(s, employer_id)
        if s.scalar(seeded) is not None:
            return
        s.add_all(models.Course(employer_id=employer_id, key=c.key, refresh_months=c.refresh_months)
                  for c in rules.course_catalogue())


def _course(row: models.Course) -> CourseRecord:
    catalogue = {c.key: c for c in rules.course_catalogue()}
    base = catalogue.get(row.key)
    course = Course(row.key, row.name, row.refresh_months,
                    alternative_refresh_months=base.alternative_refresh_months if base else None,
                    evidence=base.evidence if base else "", source=base.source if base else "")
    return CourseRecord(row.id, course, row.required_for_everyone)


def list_courses(db: Database, employer_id: int) -> list[CourseRecord]:
    ensure_catalogue(db, employer_id)
    with db.session() as s:
        rows = s.scalars(select(models.Course).where(models.Course.employer_id == employer_id).order_by(models.Course.id))
        return [_course(r) for r in rows]


def save_course(db: Database, employer_id: int, name: str, refresh_months: int | None, *,
                required_for_everyone: bool = False, course_id: int | None = None) -> Done[CourseRecord]:
    """Add a course of the employer's own (course_id None: COURSE_ADDED), or change one's interval or
    name (COURSE_CHANGED)."""
    problems = _course_problems(name if course_id is None else None, refresh_months)
    if problems:
        raise ValidationFailed(problems)
    with db.session() as s:
        recorder = Recorder(s)
        if course_id is None:
            row = models.Course(employer_id=employer_id, key=_new_key(s, employer_id, name))
            s.add(row)
        else:
            recorder.watch(models.Course, models.Course.id == course_id)
            row = s.get(models.Course, course_id)
        if name.strip() and (course_id is None or row.name or name.strip() != COURSE_NAMES.get(row.key)):
            row.name = name.strip()
        row.refresh_months, row.required_for_everyone = refresh_months, required_for_everyone
        s.flush()
        recorder.added(models.Course, row.id)
        saved = _course(row)
        return done(saved, recorder, "COURSE_ADDED" if course_id is None else "COURSE_CHANGED", employer_id,
                    **_course_facts(row))


def _course_problems(name: str | None, refresh_months: int | None) -> dict[str, Problem]:
    """A new course needs a name (None: not a new one); a refresh interval is whole months in range."""
    if name is not None and not name.strip():
        return {"name": Problem("NAME_MISSING")}
    if refresh_months is not None and not rules.REFRESH_MONTHS[0] <= refresh_months <= rules.REFRESH_MONTHS[1]:
        return {"refresh_months": Problem("REFRESH_MONTHS_INVALID", refresh_months)}
    return {}


def _course_facts(row: models.Course) -> dict:
    """What the words need to name a course (wording.course_name): its key, and its own name if it has one."""
    return dict(course_key=row.key, course_name=row.name)


def _new_key(session, employer_id: int, name: str) -> str:
    base = "own_" + "".join(ch if ch.isalnum() else "_" for ch in name.strip().lower())[:40]
    key, n = base, 2
    taken = set(session.scalars(select(models.Course.key).where(models.Course.employer_id == employer_id)))
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def delete_course(db: Database, course_id: int) -> Change | None:
    """Remove a course, and anything recorded against it (COURSE_REMOVED); None if it was not there."""
    with db.session() as s:
        row = s.get(models.Course, course_id)
        if row is None:
            return None
        recorder = Recorder(s)
        recorder.watch(models.Course, models.Course.id == course_id, dependents=True)
        facts = _course_facts(row)
        s.delete(row)
        return recorder.change("COURSE_REMOVED", row.employer_id, **facts)


# --- records and certificates -------------------------------------------------------------------


def list_records(db: Database, employer_id: int, pa_id: int | None = None) -> list[StoredRecord]:
    with db.session() as s:
        query = (select(models.TrainingRecord, models.Course.key, models.Attachment.file_name)
                 .join(models.Course, models.Course.id == models.TrainingRecord.course_id)
                 .outerjoin(models.Attachment, models.Attachment.id == models.TrainingRecord.attachment_id)
                 .where(models.TrainingRecord.employer_id == employer_id))
        if pa_id is not None:
            query = query.where(models.TrainingRecord.pa_id == pa_id)
        out = []
        for row, key, file_name in s.execute(query.order_by(models.TrainingRecord.completed_on.desc())):
            record = TrainingRecord(row.pa_id, key, row.completed_on, row.provider, row.cost, row.funding_source,
                                    file_name)
            out.append(StoredRecord(row.id, row.pa_id, row.course_id, record, row.attachment_id, file_name))
        return out


def save_record(db: Database, employer_id: int, pa_id: int, course_id: int, completed_on: date, *,
                provider: str = "", cost: Decimal | None = None, funding_source: str = "",
                certificate: Path | None = None, today: date | None = None) -> Done[StoredRecord]:
    """Record a course a PA completed (TRAINING_RECORDED); a certificate file is copied into the data file."""
    problems = _record_problems(completed_on, cost, funding_source, today)
    content = None
    if certificate is not None:
        try:
            content = Path(certificate).read_bytes()
        except OSError:
            problems["certificate"] = Problem("CERTIFICATE_UNREADABLE", Path(certificate).name)
        else:
            problems.update(_certificate_problems(Path(certificate).name, content))
    if problems:
        raise ValidationFailed(problems)
    with db.session() as s:
        recorder = Recorder(s)
        row = models.TrainingRecord()
        row.employer_id, row.pa_id, row.course_id, row.completed_on = employer_id, pa_id, course_id, completed_on
        row.provider, row.cost, row.funding_source = provider.strip(), cost, funding_source
        if content is not None:
            attachment = models.Attachment(employer_id=employer_id, file_name=Path(certificate).name, content=content)
            s.add(attachment)
            s.flush()
            row.attachment_id = attachment.id
            recorder.added(models.Attachment, attachment.id)
        s.add(row)
        s.flush()
        recorder.added(models.TrainingRecord, row.id)
        change = recorder.change("TRAINING_RECORDED", employer_id, **_record_facts(s, row))
    return Done(next(r for r in list_records(db, employer_id, pa_id) if r.id == row.id), change)


def _record_problems(completed_on: date, cost: Decimal | None, funding_source: str,
                     today: date | None) -> dict[str, Problem]:
    problems = {}
    if today is not None and completed_on > today:
        problems["completed_on"] = Problem.of("TRAINING_DATE_IN_FUTURE", completed_on)
    if cost is not None and cost < 0:
        problems["cost"] = Problem("RATE_NOT_POSITIVE")
    if funding_source and funding_source not in rules.FUNDING_SOURCES:
        problems["funding_source"] = Problem("FUNDING_SOURCE_UNKNOWN", funding_source)
    return problems


def _certificate_problems(file_name: str, content: bytes) -> dict[str, Problem]:
    if len(content) > MAX_CERTIFICATE_BYTES:
        return {"certificate": Problem("CERTIFICATE_TOO_LARGE", file_name)}
    return {}


def _record_facts(s, row: models.TrainingRecord) -> dict:
    pa = s.get(models.PersonalAssistant, row.pa_id)
    return dict(name=pa.name if pa else "", **_course_facts(s.get(models.Course, row.course_id)))


def certificate_bytes(db: Database, attachment_id: int) -> tuple[str, bytes]:
    with db.session() as s:
        row = s.get(models.Attachment, attachment_id)
        if row is None:
            raise NotFound("CERTIFICATE_GONE")
        return row.file_name, row.content


def delete_record(db: Database, record_id: int) -> Change | None:
    """Remove a training record and its certificate (TRAINING_RECORD_REMOVED); None if it was not there."""
    with db.session() as s:
        row = s.get(models.TrainingRecord, record_id)
        if row is None:
            return None
        recorder = Recorder(s)
        recorder.watch(models.TrainingRecord, models.TrainingRecord.id == record_id)
        facts = _record_facts(s, row)
        if row.attachment_id is not None:
            recorder.watch(models.Attachment, models.Attachment.id == row.attachment_id)
            s.execute(delete(models.Attachment).where(models.Attachment.id == row.attachment_id))
        s.delete(row)
        return recorder.change("TRAINING_RECORD_REMOVED", row.employer_id, **facts)


# --- what each PA must have, meetings, the Care Certificate --------------------------------------


def required_course_ids(db: Database, employer_id: int, pa_id: int) -> set[int]:
    with db.session() as s:
        return set(s.scalars(select(models.RequiredCourse.course_id).where(models.RequiredCourse.pa_id == pa_id)))


def set_required(db: Database, employer_id: int, pa_id: int, course_ids: set[int]) -> Change:
    """The courses this PA must have, beyond those every PA needs (REQUIRED_COURSES_CHANGED)."""
    with db.session() as s:
        recorder = Recorder(s)
        recorder.watch(models.RequiredCourse, models.RequiredCourse.pa_id == pa_id)
        wanted = set(course_ids)
        for row in s.scalars(select(models.RequiredCourse).where(models.RequiredCourse.pa_id == pa_id)):
            if row.course_id in wanted:
                wanted.discard(row.course_id)  # kept as it is
            else:
                s.delete(row)
        s.flush()
        s.add_all(models.RequiredCourse(employer_id=employer_id, pa_id=pa_id, course_id=c) for c in sorted(wanted))
        return recorder.change("REQUIRED_COURSES_CHANGED", employer_id, name=_pa_name(s, pa_id))


def _pa_name(s, pa_id: int) -> str:
    pa = s.get(models.PersonalAssistant, pa_id)
    return pa.name if pa else ""


def _required(session, employer_id: int, courses: list[CourseRecord]) -> RequiredTraining:
    keys = {c.id: c.course.key for c in courses}
    by_pa: dict[int, set[str]] = {}
    for pa_id, course_id in session.execute(select(models.RequiredCourse.pa_id, models.RequiredCourse.course_id)
                                            .where(models.RequiredCourse.employer_id == employer_id)):
        by_pa.setdefault(pa_id, set()).add(keys[course_id])
    return RequiredTraining.of(everyone=[c.course.key for c in courses if c.required_for_everyone], by_pa=by_pa)


def add_meeting(db: Database, employer_id: int, pa_id: int, kind: str, held_on: date) -> Done[int]:
    """Record a supervision or appraisal held (MEETING_ADDED); gives its id."""
    if kind not in rules.MEETING_KINDS:
        raise ValidationFailed({"kind": Problem("MEETING_KIND_UNKNOWN", kind)})
    with db.session() as s:
        recorder = Recorder(s)
        row = models.Meeting(employer_id=employer_id, pa_id=pa_id, kind=kind, held_on=held_on)
        s.add(row)
        s.flush()
        recorder.added(models.Meeting, row.id)
        return done(row.id, recorder, "MEETING_ADDED", employer_id, name=_pa_name(s, pa_id), kind=kind,
                    held_on=held_on)


def list_meetings(db: Database, employer_id: int) -> list[tuple[int, Meeting]]:
    with db.session() as s:
        return [(r.id, Meeting(r.pa_id, r.kind, r.held_on)) for r in s.scalars(
            select(models.Meeting).where(models.Meeting.employer_id == employer_id).order_by(models.Meeting.held_on))]


def delete_meeting(db: Database, meeting_id: int) -> Change | None:
    """Remove a meeting (MEETING_REMOVED); None if it was not there."""
    with db.session() as s:
        row = s.get(models.Meeting, meeting_id)
        if row is None:
            return None
        recorder = Recorder(s)
        recorder.watch(models.Meeting, models.Meeting.id == meeting_id)
        facts = dict(name=_pa_name(s, row.pa_id), kind=row.kind, held_on=row.held_on)
        s.delete(row)
        return recorder.change("MEETING_REMOVED", row.employer_id, **facts)


def care_certificate(db: Database, employer_id: int, pa_id: int) -> dict[int, date]:
    """Standard number -> date completed, for one PA."""
    with db.session() as s:
        return dict(s.execute(select(models.CareCertificateProgress.standard, models.CareCertificateProgress.completed_on)
                              .where(models.CareCertificateProgress.pa_id == pa_id)).all())


def set_care_certificate_standard(db: Database, employer_id: int, pa_id: int, standard: int,
                                  completed_on: date | None) -> Change:
    """When one standard was completed (None: not yet)."""
    return set_care_certificate(db, employer_id, pa_id, {standard: completed_on})


def set_care_certificate(db: Database, employer_id: int, pa_id: int, progress: dict[int, date | None]) -> Change:
    """When each of these standards was completed (None: not yet), in one change
    (CARE_CERTIFICATE_CHANGED); standards not named stay as they are."""
    for standard in progress:
        if (problem := _standard_problem(standard)) is not None:
            raise ValidationFailed({"standard": problem})
    with db.session() as s:
        recorder = Recorder(s)
        recorder.watch(models.CareCertificateProgress, models.CareCertificateProgress.pa_id == pa_id)
        stored = {row.standard: row for row in s.scalars(select(models.CareCertificateProgress).where(
            models.CareCertificateProgress.pa_id == pa_id))}
        for standard, completed_on in sorted(progress.items()):
            row = stored.get(standard)
            if completed_on is None and row is not None:
                s.delete(row)
            elif completed_on is not None and row is None:
                s.add(models.CareCertificateProgress(employer_id=employer_id, pa_id=pa_id, standard=standard,
                                                     completed_on=completed_on))
            elif completed_on is not None:
                row.completed_on = completed_on
        return recorder.change("CARE_CERTIFICATE_CHANGED", employer_id, name=_pa_name(s, pa_id))


def _standard_problem(standard: int) -> Problem | None:
    if standard not in {s.number for s in rules.care_certificate_standards()}:
        return Problem("CARE_CERTIFICATE_STANDARD_UNKNOWN", standard)
    return None


class TrainingRule(Rule):
    """Undo and redo of training records, courses, meetings and the Care Certificate: each record put
    back is checked as saving checks it (a course's interval, a completion date not in the future, a
    certificate no larger than the limit, a kind of meeting and a standard that exist)."""

    tables = frozenset({"courses", "attachments", "training_records", "meetings", "care_certificate_progress"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            v = r.new
            if v is None:
                continue
            if r.table == "courses":
                problems = _course_problems(None, v["refresh_months"])
            elif r.table == "attachments":
                problems = _certificate_problems(v["file_name"], v["content"])
            elif r.table == "training_records":
                problems = _record_problems(v["completed_on"], v["cost"], v["funding_source"], reversal.today)
            elif r.table == "meetings":
                problems = {} if v["kind"] in rules.MEETING_KINDS else {
                    "kind": Problem("MEETING_KIND_UNKNOWN", v["kind"])}
            else:
                problem = _standard_problem(v["standard"])
                problems = {"standard": problem} if problem else {}
            if problems:
                raise ValidationFailed(problems)


# --- the matrix and what is due --------------------------------------------------------------------


def _pa_likes(db: Database, employer_id: int) -> list[PAChecks]:
    return [PAChecks(key=pa.id, name=pa.name, start_date=pa.start_date, leaving_date=pa.leaving_date)
            for pa in list_pas(db, employer_id)]


def training_matrix(db: Database, employer_id: int, today: date, within_days: int = 30
                    ) -> tuple[list[PAChecks], list[CourseRecord], dict[tuple[int, str], MatrixCell]]:
    """Current PAs, the courses, and every (PA id, course key) cell."""
    courses = list_courses(db, employer_id)
    pas = [pa for pa in _pa_likes(db, employer_id) if pa.leaving_date is None or pa.leaving_date >= today]
    with db.session() as s:
        required = _required(s, employer_id, courses)
    records = [r.record for r in list_records(db, employer_id)]
    cells = rules.matrix(pas, [c.course for c in courses], records, required, today, within_days)
    return pas, courses, cells


def training_due(db: Database, employer_id: int, today: date, within_days: int = 30, *,
                 include_ok: bool = False) -> list[DueItem]:
    """TRAINING_EXPIRED, TRAINING_MISSING, TRAINING_DUE, SUPERVISION_DUE and APPRAISAL_DUE items."""
    with db.session() as s:
        return training_due_for(s, {employer_id: _pa_likes(db, employer_id)}, today, within_days,
                                include_ok=include_ok)[employer_id]


def training_due_for(session, pas: dict[int, list[PAChecks]], today: date, within_days: int = 30, *,
                     include_ok: bool = False) -> dict[int, list[DueItem]]:
    """training_due for several employers (employer id -> their PAs, in list_pas order), their courses,
    records and meetings read in one query each."""
    ids = list(pas)
    courses: dict[int, list[CourseRecord]] = {e: [] for e in ids}
    for row in session.scalars(select(models.Course).where(models.Course.employer_id.in_(ids)).order_by(models.Course.id)):
        courses[row.employer_id].append(_course(row))
    keys = {c.id: c.course.key for mine in courses.values() for c in mine}
    required: dict[int, dict[int, set[str]]] = {e: {} for e in ids}
    for employer_id, pa_id, course_id in session.execute(
            select(models.RequiredCourse.employer_id, models.RequiredCourse.pa_id, models.RequiredCourse.course_id)
            .where(models.RequiredCourse.employer_id.in_(ids))):
        required[employer_id].setdefault(pa_id, set()).add(keys[course_id])
    records: dict[int, list[TrainingRecord]] = {e: [] for e in ids}
    record = models.TrainingRecord
    # Only each PA's latest record of each course done by today counts (rules.latest_records: the latest
    # completion, a tie to the one added last), so only those are read, not years of history.
    place = func.row_number().over(partition_by=(record.employer_id, record.pa_id, models.Course.key),
                                   order_by=(record.completed_on.desc(), record.id.desc()))
    latest = (select(record.id, place.label("place")).join(models.Course, models.Course.id == record.course_id)
              .where(record.employer_id.in_(ids), record.completed_on <= today).subquery())
    for employer_id, pa_id, key, completed_on, provider, cost, funding, file_name in session.execute(
            select(record.employer_id, record.pa_id, models.Course.key, record.completed_on, record.provider, record.cost,
                   record.funding_source, models.Attachment.file_name)
            .join(latest, and_(latest.c.id == record.id, latest.c.place == 1))
            .join(models.Course, models.Course.id == record.course_id)
            .outerjoin(models.Attachment, models.Attachment.id == record.attachment_id)
            .order_by(record.completed_on.desc(), record.id)):
        records[employer_id].append(TrainingRecord(pa_id, key, completed_on, provider, cost, funding, file_name))
    meetings = meetings_that_count(session, ids, today)
    out = {}
    for employer_id in ids:
        mine = courses[employer_id]
        if not mine:
            out[employer_id] = []  # training is not being kept for this employer yet
            continue
        people = pas[employer_id]
        need = RequiredTraining.of(everyone=[c.course.key for c in mine if c.required_for_everyone],
                                   by_pa=required[employer_id])
        items = rules.training_due_items(today, people, [c.course for c in mine], records[employer_id], need,
                                         within_days, include_ok=include_ok)
        # The course's name travels with the item, so every place that words it says the same.
        names = {c.course.key: c.name for c in mine}
        items = [replace(i, params=tuple(sorted({**dict(i.params), "course": names[i.subject].lower()}.items())))
                 for i in items]
        if employer_id in meetings:
            items += rules.supervision_due_items(today, people, meetings[employer_id], within_days=within_days,
                                                 include_ok=include_ok)
        out[employer_id] = items
    return out


def meetings_that_count(session, employer_ids, today: date) -> dict[int, list[Meeting]]:
    """The meetings rules.supervision_due_items looks at, for each employer with any meeting at all: those
    dated before their PA started (each one an item), then each PA's latest of each kind held by today
    and not before they started (only the latest sets the next one due). Asked of the database, so that
    years of monthly supervisions are not read one by one; the rule says the same of these as of them all."""
    meeting, pa = models.Meeting, models.PersonalAssistant
    out: dict[int, list[Meeting]] = {e: [] for e, in session.execute(
        select(meeting.employer_id).where(meeting.employer_id.in_(employer_ids)).distinct())}
    if not out:
        return out
    for employer_id, pa_id, kind, held_on in session.execute(
            select(meeting.employer_id, meeting.pa_id, meeting.kind, meeting.held_on).join(pa, pa.id == meeting.pa_id)
            .where(meeting.employer_id.in_(employer_ids), meeting.held_on < pa.start_date)
            .order_by(meeting.held_on, meeting.id)):
        out[employer_id].append(Meeting(pa_id, kind, held_on))
    for employer_id, pa_id, kind, held_on in session.execute(
            select(meeting.employer_id, meeting.pa_id, meeting.kind, func.max(meeting.held_on))
            .join(pa, pa.id == meeting.pa_id)
            .where(meeting.employer_id.in_(employer_ids), meeting.held_on <= today,
                   or_(pa.start_date.is_(None), meeting.held_on >= pa.start_date))
            .group_by(meeting.employer_id, meeting.pa_id, meeting.kind)):
        out[employer_id].append(Meeting(pa_id, kind, held_on))
    return out


def course_names(db: Database, employer_id: int) -> dict[str, str]:
    return {c.course.key: c.name for c in list_courses(db, employer_id)}
