"""Recruiting a PA: vacancies, applicants, interview scores, decisions and the conditional offer that,
once accepted, makes the new PA (with their rota, pay, required training and referees) so that the
New PA checklist takes over. Applicants not taken on are erased after the period the employer chose.

Each function is one transaction; values come back as `Stored(id, value)` (services.checks.Stored).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, time

from sqlalchemy import delete, func, select

from pa_manager.domain import recruitment as r
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem, sort_due_items
from pa_manager.domain.particulars import WorkingPattern
from pa_manager.domain.people import SLEEP_IN_ALLOWANCE, PARecord, PayRateEntry
from pa_manager.domain.recruitment import Applicant, Offer, Vacancy
from pa_manager.domain.rota import RotaPattern
from pa_manager.domain.shifts import ShiftType
from pa_manager.domain.validation import Problem
from pa_manager.services import checks, employers, people, rota, statements, training
from pa_manager.services.errors import NotFound, ServiceError, ValidationFailed
from pa_manager.services.undo import Done, Recorder, Rule, done, undoable
from pa_manager.storage import models
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database


def _failed(problems: dict[str, str], value=None) -> ValidationFailed:
    return ValidationFailed({name: Problem(code, value) for name, code in problems.items()})


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(",") if c)


# --- vacancies ---------------------------------------------------------------------------------------

def _patterns_to_json(patterns) -> str:
    return json.dumps([{"weekdays": list(p.weekdays), "start": p.start.isoformat(timespec="minutes"),
                        "end": p.end.isoformat(timespec="minutes"), "shift_type": p.shift_type,
                        "interval": p.interval, "break_minutes": p.break_minutes} for p in patterns])


def patterns_from_json(text: str) -> tuple[WorkingPattern, ...]:
    """A vacancy's working patterns read back from their stored text. ValueError when they are not as PA
    Manager keeps them (a changed or damaged file: the import refuses one, services.import_checks)."""
    try:
        return tuple(WorkingPattern(tuple(int(d) for d in p["weekdays"]), time.fromisoformat(p["start"]),
                                    time.fromisoformat(p["end"]), str(p["shift_type"]), int(p["interval"]),
                                    int(p["break_minutes"])) for p in json.loads(text or "[]"))
    except (KeyError, TypeError) as error:
        raise ValueError("not working patterns as PA Manager keeps them") from error


def _vacancy(row: rm.Vacancy) -> Vacancy:
    return Vacancy(title=row.title, tasks=_codes(row.tasks), hourly_rate=row.hourly_rate, opened_on=row.opened_on,
                   other_tasks=row.other_tasks, hours_per_week=row.hours_per_week, irregular_hours=row.irregular_hours,
                   patterns=patterns_from_json(row.patterns), sleep_in_allowance=row.sleep_in_allowance,
                   area=row.area, closing_date=row.closing_date, start_date=row.start_date,
                   how_to_apply=row.how_to_apply, required_courses=_codes(row.required_courses),
                   retention_months=row.retention_months, status=row.status, filled_on=row.filled_on)


@dataclass(frozen=True)
class StoredVacancy:
    id: int
    vacancy: Vacancy
    questions: tuple[str, ...]  # the interview questions chosen, in order


def _stored_vacancy(row: rm.Vacancy) -> StoredVacancy:
    return StoredVacancy(row.id, _vacancy(row), _codes(row.questions))


def list_vacancies(db: Database, employer_id: int) -> list[StoredVacancy]:
    """Open ones first, then the newest."""
    with db.session() as s:
        rows = s.scalars(select(rm.Vacancy).where(rm.Vacancy.employer_id == employer_id))
        found = [_stored_vacancy(row) for row in rows]
    return sorted(found, key=lambda v: (v.vacancy.status != r.OPEN, -v.vacancy.opened_on.toordinal(), -v.id))


def get_vacancy(db: Database, vacancy_id: int) -> StoredVacancy:
    with db.session() as s:
        row = s.get(rm.Vacancy, vacancy_id)
        if row is None:
            raise NotFound("VACANCY_GONE")
        return _stored_vacancy(row)


def new_vacancy(db: Database, employer_id: int, today: date) -> Vacancy:
    """A vacancy to start from: the usual title, the employer's town, the training every PA needs, the
    usual retention period."""
    from pa_manager.domain.particulars import applicant_retention_default

    employer = employers.get_employer(db, employer_id)
    town = employer.address.strip().splitlines()[-1].strip() if employer.address.strip() else ""
    courses = tuple(c.course.key for c in training.list_courses(db, employer_id) if c.required_for_everyone)
    return Vacancy(title="Personal assistant", tasks=(), hourly_rate=None, opened_on=today, area=town,
                   required_courses=courses, retention_months=applicant_retention_default(today))


def save_vacancy(db: Database, employer_id: int, vacancy: Vacancy, vacancy_id: int | None = None,
                 questions: tuple[str, ...] | None = None) -> StoredVacancy:
    problems = r.check_vacancy(vacancy)
    if problems:
        raise _failed(problems)
    with db.session() as s:
        row = (s.get(rm.Vacancy, vacancy_id) if vacancy_id is not None else None) or rm.Vacancy(
            id=vacancy_id, employer_id=employer_id, questions=",".join(r.default_questions()))
        v = vacancy
        row.title, row.tasks, row.other_tasks = v.title.strip(), ",".join(v.tasks), v.other_tasks.strip()
        row.hours_per_week, row.irregular_hours = v.hours_per_week, v.irregular_hours
        row.patterns, row.hourly_rate, row.sleep_in_allowance = _patterns_to_json(v.patterns), v.hourly_rate, v.sleep_in_allowance
        row.area, row.opened_on, row.closing_date, row.start_date = v.area.strip(), v.opened_on, v.closing_date, v.start_date
        row.how_to_apply, row.required_courses = v.how_to_apply.strip(), ",".join(v.required_courses)
        row.retention_months, row.status, row.filled_on = v.retention_months, v.status, v.filled_on
        if questions is not None:
            row.questions = ",".join(questions)
        s.add(row)
        s.flush()
        return _stored_vacancy(row)


def set_questions(db: Database, vacancy_id: int, questions: tuple[str, ...]) -> None:
    known = {q.key for q in r.question_bank()}
    if not questions:
        raise ServiceError("RECRUITMENT_NO_QUESTIONS")
    if set(questions) - known:
        raise ServiceError("RECRUITMENT_QUESTION_UNKNOWN")
    with db.session() as s:
        row = s.get(rm.Vacancy, vacancy_id)
        if row is None:
            raise NotFound("VACANCY_GONE")
        row.questions = ",".join(questions)


def rota_of(db: Database, employer_id: int, pa_id: int, today: date) -> tuple[WorkingPattern, ...]:
    """A PA's rota as the shifts of a vacancy (to replace someone leaving): the patterns in force today,
    or their last ones."""
    from pa_manager.services.statements import _working_pattern

    mine = [_working_pattern(p.pattern) for p in rota.list_patterns(db, employer_id) if p.pattern.pa == pa_id]
    now = [p for p in mine if p.in_force(today)]
    if not now and mine:
        last = max(p.until or today for p in mine)
        now = [p for p in mine if p.until == last]
    return tuple(replace(p, starts_on=None, until=None) for p in now)


# --- applicants --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredApplicant:
    id: int
    vacancy_id: int
    applicant: Applicant
    interviewed_on: date | None
    scores: dict  # question key -> (score, note)
    offer: Offer | None
    pa_id: int | None


def _applicant(row: rm.Applicant) -> Applicant:
    return Applicant(name=row.name, applied_on=row.applied_on, email=row.email, phone=row.phone, address=row.address,
                     source=row.source, referees=row.referees, notes=row.notes, status=row.status,
                     decided_on=row.decided_on, reasons=row.reasons, erased_on=row.erased_on)


def _offer(row: rm.Offer | None) -> Offer | None:
    if row is None:
        return None
    return Offer(row.made_on, row.hourly_rate, row.start_date, row.hours_per_week, row.irregular_hours,
                 row.other_conditions, row.accepted_on, row.declined_on)


def list_applicants(db: Database, vacancy_id: int) -> list[StoredApplicant]:
    """In the order they applied."""
    with db.session() as s:
        rows = list(s.scalars(select(rm.Applicant).where(rm.Applicant.vacancy_id == vacancy_id)
                              .order_by(rm.Applicant.applied_on, rm.Applicant.id)))
        ids = [row.id for row in rows]
        scores: dict[int, dict] = {i: {} for i in ids}
        for score in s.scalars(select(rm.InterviewScore).where(rm.InterviewScore.applicant_id.in_(ids))):
            scores[score.applicant_id][score.question] = (score.score, score.note)
        offers = {o.applicant_id: o for o in s.scalars(select(rm.Offer).where(rm.Offer.applicant_id.in_(ids)))}
        return [StoredApplicant(row.id, row.vacancy_id, _applicant(row), row.interviewed_on, scores[row.id],
                                _offer(offers.get(row.id)), row.pa_id) for row in rows]


def get_applicant(db: Database, applicant_id: int) -> StoredApplicant:
    with db.session() as s:
        row = s.get(rm.Applicant, applicant_id)
        if row is None:
            raise NotFound("APPLICANT_GONE")
        vacancy_id = row.vacancy_id
    return next(a for a in list_applicants(db, vacancy_id) if a.id == applicant_id)


def save_applicant(db: Database, employer_id: int, vacancy_id: int, applicant: Applicant,
                   applicant_id: int | None = None) -> StoredApplicant:
    problems = r.check_applicant(applicant)
    if problems:
        raise _failed(problems)
    with db.session() as s:
        row = (s.get(rm.Applicant, applicant_id) if applicant_id is not None else None) or rm.Applicant(
            id=applicant_id, employer_id=employer_id, vacancy_id=vacancy_id)
        a = applicant
        row.name, row.email, row.phone, row.address = a.name.strip(), a.email.strip(), a.phone.strip(), a.address.strip()
        row.source, row.referees, row.notes, row.applied_on = a.source, a.referees.strip(), a.notes.strip(), a.applied_on
        row.status, row.decided_on, row.reasons, row.erased_on = a.status, a.decided_on, a.reasons.strip(), a.erased_on
        s.add(row)
        s.flush()
        applicant_id = row.id
    return get_applicant(db, applicant_id)


def save_scores(db: Database, employer_id: int, applicant_id: int, interviewed_on: date | None,
                scores: dict[str, tuple[int, str]]) -> StoredApplicant:
    """The interview's date and each question's score (1 to 4) and note; questions left out are unscored.
    Scoring moves an applicant who had only applied on to "invited to interview"."""
    bank = {q.key for q in r.question_bank()}
    for key, (score, _note) in scores.items():
        if key not in bank or score not in r.SCORES:
            raise ServiceError("RECRUITMENT_SCORE")
    with db.session() as s:
        row = s.get(rm.Applicant, applicant_id)
        if row is None:
            raise NotFound("APPLICANT_GONE")
        row.interviewed_on = interviewed_on
        if row.status == r.APPLIED and scores:
            row.status = r.INTERVIEW
        s.execute(delete(rm.InterviewScore).where(rm.InterviewScore.applicant_id == applicant_id))
        s.add_all(rm.InterviewScore(employer_id=employer_id, applicant_id=applicant_id, question=key, score=score,
                                    note=note.strip()) for key, (score, note) in scores.items())
    return get_applicant(db, applicant_id)


def decide(db: Database, employer_id: int, applicant_id: int, status: str, reasons: str, decided_on: date) -> StoredApplicant:
    """Record the decision about an applicant with its reasons: not taken on, or withdrew."""
    if status not in (r.NOT_HIRED, r.WITHDRAWN, r.INTERVIEW, r.APPLIED):
        raise ServiceError("RECRUITMENT_HIRE_BY_OFFER")
    stored = get_applicant(db, applicant_id)
    decided = replace(stored.applicant, status=status, reasons=reasons, decided_on=decided_on
                      if status in (r.NOT_HIRED, r.WITHDRAWN) else None)
    return save_applicant(db, employer_id, stored.vacancy_id, decided, applicant_id)


def ranked(applicants: list[StoredApplicant], questions: tuple[str, ...]) -> list[tuple[StoredApplicant, r.ScoreSummary]]:
    """Applicants with their scores, best first (domain.recruitment.ranking)."""
    summaries = {a.id: r.score_summary(questions, {k: v[0] for k, v in a.scores.items()}) for a in applicants}
    order = r.ranking(summaries)
    by_id = {a.id: a for a in applicants}
    return [(by_id[i], summaries[i]) for i in order]


# --- the offer -----------------------------------------------------------------------------------

def make_offer(db: Database, employer_id: int, applicant_id: int, offer: Offer) -> StoredApplicant:
    """A conditional offer: pay, hours and start date, subject to right to work, an enhanced DBS check with
    the barred list and references."""
    problems = r.check_offer(offer)
    if problems:
        raise _failed(problems)
    with db.session() as s:
        row = s.get(rm.Applicant, applicant_id)
        if row is None:
            raise NotFound("APPLICANT_GONE")
        s.execute(delete(rm.Offer).where(rm.Offer.applicant_id == applicant_id))
        s.add(rm.Offer(employer_id=employer_id, applicant_id=applicant_id, made_on=offer.made_on,
                       hourly_rate=offer.hourly_rate, hours_per_week=offer.hours_per_week,
                       irregular_hours=offer.irregular_hours, start_date=offer.start_date,
                       other_conditions=offer.other_conditions.strip()))
        row.status, row.decided_on = r.OFFERED, None
    return get_applicant(db, applicant_id)


def accept_offer(db: Database, employer_id: int, applicant_id: int, accepted_on: date, today: date) -> int:
    """The applicant accepted: they become a PA starting on the offer's start date, with its pay and hours,
    the vacancy's shifts on the rota, its training required for them and their referees to ask. Their
    checks (right to work, DBS, references) are then the New PA checklist's. Returns the new PA's id."""
    stored = get_applicant(db, applicant_id)
    offer = stored.offer
    if offer is None or offer.declined_on is not None:
        raise ServiceError("RECRUITMENT_NO_OFFER_TO_ACCEPT")
    if stored.pa_id is not None:
        return stored.pa_id
    if accepted_on < offer.made_on:
        raise _failed({"accepted_on": r.OFFER_ACCEPTED_BEFORE_MADE})
    vacancy = get_vacancy(db, stored.vacancy_id).vacancy
    a = stored.applicant
    pay = [PayRateEntry(offer.start_date, offer.hourly_rate)]
    if vacancy.sleep_in_allowance:
        pay.append(PayRateEntry(offer.start_date, vacancy.sleep_in_allowance, SLEEP_IN_ALLOWANCE))
    pa = people.save_pa(db, employer_id, PARecord(
        name=a.name, address=a.address, phone=a.phone, email=a.email, start_date=offer.start_date,
        job_title=vacancy.title, contracted_hours=None if offer.irregular_hours else offer.hours_per_week,
        irregular_hours=offer.irregular_hours, pay_rates=tuple(pay)), today)
    for line in (line.strip() for line in a.referees.splitlines()):
        if line:
            checks.save_reference(db, employer_id, pa.id, checks.Reference(line))
    for p in vacancy.patterns:
        rota.save_pattern(db, employer_id, RotaPattern(f"{vacancy.title}'s shifts", pa.id, p.start, p.end,
                                                       frozenset(p.weekdays), offer.start_date,
                                                       ShiftType(p.shift_type), p.break_minutes, p.interval))
    courses = {c.course.key: c.id for c in training.list_courses(db, employer_id)}
    wanted = {courses[key] for key in vacancy.required_courses if key in courses}
    if wanted:
        training.set_required(db, employer_id, pa.id, wanted)
    from pa_manager.recruitment_words import TASK_LINES

    duties = [TASK_LINES[t] for t in r.TASKS if t in vacancy.tasks] + ([vacancy.other_tasks] if vacancy.other_tasks else [])
    if duties:
        terms = statements.get_terms(db, employer_id, pa.id, today)
        statements.save_terms(db, employer_id, pa.id, replace(
            terms, duties="Your main tasks are: " + "; ".join(d[0].lower() + d[1:] for d in duties) + "."))
    with db.session() as s:
        row = s.get(rm.Applicant, applicant_id)
        row.status, row.decided_on, row.pa_id = r.HIRED, accepted_on, pa.id
        s.scalar(select(rm.Offer).where(rm.Offer.applicant_id == applicant_id)).accepted_on = accepted_on
        vacancy_row = s.get(rm.Vacancy, stored.vacancy_id)
        vacancy_row.status, vacancy_row.filled_on = r.FILLED, accepted_on
    return pa.id


def decline_offer(db: Database, applicant_id: int, declined_on: date, reasons: str) -> None:
    """Record that the applicant turned the offer down, with why (which, as for any applicant who
    withdrew, must be given)."""
    if not reasons.strip():
        raise ValidationFailed({"reasons": Problem(r.DECISION_REASONS_MISSING)})
    with db.session() as s:
        offer = s.scalar(select(rm.Offer).where(rm.Offer.applicant_id == applicant_id))
        row = s.get(rm.Applicant, applicant_id)
        if offer is None or row is None:
            raise ServiceError("RECRUITMENT_NO_OFFER_TO_DECLINE")
        offer.declined_on = declined_on
        row.status, row.decided_on, row.reasons = r.WITHDRAWN, declined_on, reasons.strip()


def conditions_for(db: Database, employer_id: int, applicant_id: int) -> tuple[r.ConditionState, ...] | None:
    """The pre-start conditions of an accepted offer, from the new PA's checks (None before acceptance)."""
    stored = get_applicant(db, applicant_id)
    if stored.pa_id is None or stored.offer is None:
        return None
    record = checks.pa_checks(db, employer_id, stored.pa_id).as_checks()
    employer = employers.get_employer(db, employer_id)
    return r.condition_states(record, stored.offer.start_date, employer.references_required)


# --- the same, as changes that can be undone ---------------------------------------------------------------

VACANCY_ADDED, VACANCY_CHANGED, QUESTIONS_CHOSEN = "VACANCY_ADDED", "VACANCY_CHANGED", "INTERVIEW_QUESTIONS_CHOSEN"
APPLICANT_ADDED, APPLICANT_CHANGED, INTERVIEW_SCORED = "APPLICANT_ADDED", "APPLICANT_CHANGED", "INTERVIEW_SCORED"
APPLICANT_DECIDED, OFFER_MADE, OFFER_ACCEPTED = "APPLICANT_DECIDED", "OFFER_MADE", "OFFER_ACCEPTED"
APPLICANTS_ERASED = "APPLICANTS_ERASED"
_RECRUITMENT = (rm.Vacancy, rm.Applicant, rm.InterviewScore, rm.Offer)


def _undoably(db: Database, employer_id: int, code: str, action, facts) -> Done:
    """`action()` with the change it made to the employer's vacancies, applicants, scores and offers."""
    return undoable(db, code, employer_id, action, [(m, m.employer_id == employer_id) for m in _RECRUITMENT], facts)


def save_vacancy_undoably(db: Database, employer_id: int, vacancy: Vacancy, vacancy_id: int | None = None,
                          questions: tuple[str, ...] | None = None) -> Done[StoredVacancy]:
    return _undoably(db, employer_id, VACANCY_ADDED if vacancy_id is None else VACANCY_CHANGED,
                     lambda: save_vacancy(db, employer_id, vacancy, vacancy_id, questions),
                     lambda saved: {"title": saved.vacancy.title})


def set_questions_undoably(db: Database, employer_id: int, vacancy_id: int, questions: tuple[str, ...]) -> Done[None]:
    return _undoably(db, employer_id, QUESTIONS_CHOSEN, lambda: set_questions(db, vacancy_id, questions),
                     lambda _: {"title": get_vacancy(db, vacancy_id).vacancy.title})


def _named(stored: StoredApplicant) -> dict:
    return {"name": stored.applicant.name}


def save_applicant_undoably(db: Database, employer_id: int, vacancy_id: int, applicant: Applicant,
                            applicant_id: int | None = None) -> Done[StoredApplicant]:
    return _undoably(db, employer_id, APPLICANT_ADDED if applicant_id is None else APPLICANT_CHANGED,
                     lambda: save_applicant(db, employer_id, vacancy_id, applicant, applicant_id), _named)


def save_scores_undoably(db: Database, employer_id: int, applicant_id: int, interviewed_on: date | None,
                         scores: dict[str, tuple[int, str]]) -> Done[StoredApplicant]:
    return _undoably(db, employer_id, INTERVIEW_SCORED,
                     lambda: save_scores(db, employer_id, applicant_id, interviewed_on, scores), _named)


def decide_undoably(db: Database, employer_id: int, applicant_id: int, status: str, reasons: str,
                    decided_on: date) -> Done[StoredApplicant]:
    return _undoably(db, employer_id, APPLICANT_DECIDED,
                     lambda: decide(db, employer_id, applicant_id, status, reasons, decided_on), _named)


def make_offer_undoably(db: Database, employer_id: int, applicant_id: int, offer: Offer) -> Done[StoredApplicant]:
    return _undoably(db, employer_id, OFFER_MADE, lambda: make_offer(db, employer_id, applicant_id, offer), _named)


def accept_offer_undoably(db: Database, employer_id: int, applicant_id: int, accepted_on: date,
                          today: date) -> Done[int]:
    """accept_offer, with the change it made: the applicant, offer and vacancy, and the new PA with everything
    made for them (pay, referees, rota, required training, the terms of their statement). Undone, the PA goes
    (refused once they have been paid)."""
    with db.session() as s:
        recorder = Recorder(s)
        for model in _RECRUITMENT:
            recorder.watch(model, model.employer_id == employer_id)
        pa_id = accept_offer(db, employer_id, applicant_id, accepted_on, today)
        recorder.added_whole(models.PersonalAssistant, pa_id)
        return done(pa_id, recorder, OFFER_ACCEPTED, employer_id, name=get_applicant(db, applicant_id).applicant.name)


def erase_applicants_undoably(db: Database, employer_id: int, vacancy_id: int, today: date, *,
                              early: bool = False) -> Done[int]:
    return _undoably(db, employer_id, APPLICANTS_ERASED,
                     lambda: erase_applicants(db, employer_id, vacancy_id, today, early=early),
                     lambda count: {"count": count})


class RecruitmentRule(Rule):
    """Undo and redo of vacancies, applicants and offers: each row put back is checked as saving checks it
    (a vacancy's pay and dates, an applicant's name and contact, an offer's pay, hours and start). An
    applicant whose details were erased is left as erasing left them."""

    tables = frozenset({"vacancies", "applicants", "offers"})

    def after(self, s, rows, state, reversal):
        for row in rows:
            v = row.new
            if v is None:
                continue
            if row.table == "vacancies":
                problems = r.check_vacancy(_vacancy(s.get(rm.Vacancy, v["id"])))
            elif row.table == "applicants":
                applicant = _applicant(s.get(rm.Applicant, v["id"]))
                problems = r.check_applicant(applicant) if applicant.erased_on is None else {}
            else:
                problems = r.check_offer(_offer(s.get(rm.Offer, v["id"])))
            if problems:
                raise _failed(problems)


# --- keeping applicants' details only as long as needed -----------------------------------------------

def _erasable(db: Database, vacancy: StoredVacancy) -> list[tuple[int, date]]:
    applicants = list_applicants(db, vacancy.id)
    return r.applicants_to_erase(((a.id, a.applicant) for a in applicants), vacancy.vacancy.retention_months,
                                 vacancy.vacancy.filled_on)


def erase_applicants(db: Database, employer_id: int, vacancy_id: int, today: date, *, early: bool = False) -> int:
    """Erase the details of the applicants not taken on whose keeping period has ended (all of them not
    taken on, with `early`): their name becomes "Applicant N" and their contact details, referees, notes,
    reasons and interview notes go. Where they heard of the job, the dates and the scores stay, without a
    name, so you can see which adverts worked. Returns how many were erased."""
    vacancy = get_vacancy(db, vacancy_id)
    due = {key for key, day in _erasable(db, vacancy) if early or day <= today}
    with db.session() as s:
        number = s.scalar(select(func.count()).select_from(rm.Applicant).where(
            rm.Applicant.vacancy_id == vacancy_id, rm.Applicant.erased_on.is_not(None)))
        for row in s.scalars(select(rm.Applicant).where(rm.Applicant.id.in_(due)).order_by(rm.Applicant.id)):
            number += 1
            row.name, row.email, row.phone, row.address = f"Applicant {number}", "", "", ""
            row.referees = row.notes = row.reasons = ""
            row.erased_on = today
            if row.status not in r.DECIDED:
                row.status, row.decided_on = r.NOT_HIRED, row.decided_on or vacancy.vacancy.filled_on
            for score in s.scalars(select(rm.InterviewScore).where(rm.InterviewScore.applicant_id == row.id)):
                score.note = ""
    return len(due)


def recruitment_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
                    include_ok: bool = False) -> list[DueItem]:
    """APPLICANT_DETAILS_ERASE for each vacancy with applicants' details to erase."""
    items = []
    for vacancy in list_vacancies(db, employer_id):
        item = r.retention_item(vacancy.id, vacancy.vacancy.title, [d for _, d in _erasable(db, vacancy)], today,
                                within_days)
        if item is not None:
            items.append(item)
    return sort_due_items(items, include_ok=include_ok)


def hired_from(db: Database, employer_id: int) -> dict[int, int]:
    """PA id -> the applicant they were taken on as."""
    with db.session() as s:
        return {pa_id: applicant_id for applicant_id, pa_id in s.execute(
            select(rm.Applicant.id, rm.Applicant.pa_id).where(rm.Applicant.employer_id == employer_id,
                                                              rm.Applicant.pa_id.is_not(None)))}


# --- documents ---------------------------------------------------------------------------------------

def job_pack_for(db: Database, employer_id: int, vacancy_id: int):
    """The vacancy's job description, person specification and advert, in words (recruitment_words.JobPack)."""
    from pa_manager.recruitment_words import job_pack

    vacancy = get_vacancy(db, vacancy_id).vacancy
    return job_pack(vacancy, employers.get_employer(db, employer_id).name, training.course_names(db, employer_id))


def save_job_pack(db: Database, employer_id: int, vacancy_id: int, path, fmt: str | None = None):
    """Write the job pack as a PDF to print, or as a web page (by `fmt`, else the file's ending)."""
    from pathlib import Path

    from pa_manager.reports.recruitment import write_job_pack_html, write_job_pack_pdf

    path = Path(path)
    pack = job_pack_for(db, employer_id, vacancy_id)
    opened_on = get_vacancy(db, vacancy_id).vacancy.opened_on
    fmt = fmt or ("html" if path.suffix.lower() in (".html", ".htm") else "pdf")
    (write_job_pack_html if fmt == "html" else write_job_pack_pdf)(pack, opened_on, path)
    return path


def save_interview_sheet(db: Database, employer_id: int, applicant_id: int, path, today: date):
    """The chosen questions for one applicant, to print and write on at the interview."""
    from pathlib import Path

    from pa_manager.recruitment_words import VALUE_NAMES
    from pa_manager.reports.recruitment import write_interview_sheet_pdf

    stored = get_applicant(db, applicant_id)
    vacancy = get_vacancy(db, stored.vacancy_id)
    bank = {q.key: q for q in r.question_bank()}
    questions = [(VALUE_NAMES[bank[k].value], bank[k].question, bank[k].look_for) for k in vacancy.questions if k in bank]
    write_interview_sheet_pdf(employers.get_employer(db, employer_id).name, vacancy.vacancy.title,
                              stored.applicant.name, questions, today, Path(path))
    return Path(path)
