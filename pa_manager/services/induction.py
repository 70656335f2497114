"""A new PA's induction plan and probation reviews. Standards and courses are done when the Training
page's records say so (Care Certificate progress is written through services.training); the household's
own topics are ticked off here. When every item is done, the PA's contract record gets the day the
induction finished (the New PA checklist's induction step)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from pa_manager.domain import induction as rules
from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, Contract, DueItem, sort_due_items
from pa_manager.domain.induction import ItemState, PlanItem, ProbationReview
from pa_manager.domain.validation import Problem
from pa_manager.services import checks, people, statements, training
from pa_manager.services.errors import NotFound, ServiceError, ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import models
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class StoredItem:
    id: int
    item: PlanItem


def plan(db: Database, pa_id: int) -> list[StoredItem]:
    with db.session() as s:
        rows = s.scalars(select(rm.InductionItem).where(rm.InductionItem.pa_id == pa_id).order_by(rm.InductionItem.id))
        return [StoredItem(row.id, PlanItem(row.kind, row.key, row.due_on, row.completed_on)) for row in rows]


def _courses_done(db: Database, employer_id: int, pa_id: int) -> dict[str, date]:
    keys = {c.id: c.course.key for c in training.list_courses(db, employer_id)}
    done: dict[str, date] = {}
    for stored in training.list_records(db, employer_id, pa_id):
        key = keys.get(stored.course_id)
        if key is not None and (key not in done or stored.record.completed_on > done[key]):
            done[key] = stored.record.completed_on
    return done


def plan_states(db: Database, employer_id: int, pa_id: int, today: date,
                within_days: int = DEFAULT_WITHIN_DAYS) -> list[tuple[int, ItemState]]:
    """Each item with where it stands, in the order it is due."""
    items = plan(db, pa_id)
    ids = {id(s.item): s.id for s in items}
    states = rules.item_states([s.item for s in items], today, training.care_certificate(db, employer_id, pa_id),
                               _courses_done(db, employer_id, pa_id), within_days)
    return [(ids[id(state.item)], state) for state in states]


def required_course_keys(db: Database, employer_id: int, pa_id: int) -> tuple[str, ...]:
    wanted = training.required_course_ids(db, employer_id, pa_id)
    return tuple(c.course.key for c in training.list_courses(db, employer_id) if c.required_for_everyone or c.id in wanted)


def make_usual_plan(db: Database, employer_id: int, pa_id: int) -> list[StoredItem]:
    """The usual plan (domain.induction.usual_plan) from the PA's start date; a PA with a plan keeps it."""
    pa = people.get_pa(db, pa_id)
    if pa.start_date is None:
        raise ValidationFailed({"pa": Problem("STATEMENT_NO_START_DATE", pa.name)})
    if plan(db, pa_id):
        return plan(db, pa_id)
    training.ensure_catalogue(db, employer_id)
    items = rules.usual_plan(pa.start_date, required_course_keys(db, employer_id, pa_id))
    with db.session() as s:
        s.add_all(rm.InductionItem(employer_id=employer_id, pa_id=pa_id, kind=i.kind, key=i.key, due_on=i.due_on,
                                   completed_on=i.completed_on) for i in items)
    return plan(db, pa_id)


def add_topic(db: Database, employer_id: int, pa_id: int, words: str, due_on: date) -> StoredItem:
    """A topic of the household's own, in the employer's words."""
    if not words.strip():
        raise ServiceError("INDUCTION_NOTHING_WRITTEN")
    with db.session() as s:
        row = rm.InductionItem(employer_id=employer_id, pa_id=pa_id, kind=rules.TASK, key=words.strip(), due_on=due_on)
        s.add(row)
        s.flush()
        return StoredItem(row.id, PlanItem(row.kind, row.key, row.due_on))


def mark_done(db: Database, employer_id: int, pa_id: int, item_id: int, done_on: date | None) -> None:
    """Tick an item off (or, with None, not done). A standard is recorded as Care Certificate progress; a
    course must be recorded on the Training page, with its certificate. A finished plan fills in the day
    the induction finished."""
    with db.session() as s:
        row = s.get(rm.InductionItem, item_id)
        if row is None:
            raise NotFound("INDUCTION_ITEM_GONE")
        kind, key = row.kind, row.key
        if kind == rules.TASK:
            row.completed_on = done_on
    if kind == rules.STANDARD:
        training.set_care_certificate_standard(db, employer_id, pa_id, int(key), done_on)
    elif kind == rules.COURSE:
        name = training.course_names(db, employer_id).get(key, key)
        raise ValidationFailed({"item": Problem("INDUCTION_COURSE_ON_TRAINING_PAGE", name)})
    _note_finished(db, employer_id, pa_id)


def _note_finished(db: Database, employer_id: int, pa_id: int) -> None:
    finished = rules.finished_on([state for _, state in plan_states(db, employer_id, pa_id, date.max)])
    contract = checks.pa_checks(db, employer_id, pa_id).contract or Contract()
    if finished is not None and contract.induction_completed_on is None:
        checks.save_contract(db, employer_id, pa_id, replace(contract, induction_completed_on=finished))


# --- probation ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredReview:
    id: int
    review: ProbationReview


def reviews(db: Database, pa_id: int) -> list[StoredReview]:
    with db.session() as s:
        rows = s.scalars(select(rm.ProbationReview).where(rm.ProbationReview.pa_id == pa_id)
                         .order_by(rm.ProbationReview.reviewed_on, rm.ProbationReview.id))
        return [StoredReview(r.id, ProbationReview(r.reviewed_on, r.outcome, r.extended_to, r.notes)) for r in rows]


def probation_end(db: Database, employer_id: int, pa_id: int, today: date) -> date | None:
    pa = people.get_pa(db, pa_id)
    months = statements.get_terms(db, employer_id, pa_id, today).probation_months
    if pa.start_date is None:
        return None
    return rules.probation_ends(pa.start_date, months, [s.review for s in reviews(db, pa_id)])


def add_review(db: Database, employer_id: int, pa_id: int, review: ProbationReview, today: date) -> StoredReview:
    problems = rules.check_review(review, probation_end(db, employer_id, pa_id, today))
    if problems:
        raise ValidationFailed({name: Problem(code) for name, code in problems.items()})
    with db.session() as s:
        row = rm.ProbationReview(employer_id=employer_id, pa_id=pa_id, reviewed_on=review.reviewed_on,
                                 outcome=review.outcome, extended_to=review.extended_to, notes=review.notes.strip())
        s.add(row)
        s.flush()
        return StoredReview(row.id, review)


# --- the same, as changes that can be undone ---------------------------------------------------------------

PLAN_MADE, TOPIC_ADDED, ITEM_DONE = "INDUCTION_PLAN_MADE", "INDUCTION_TOPIC_ADDED", "INDUCTION_ITEM_DONE"
PROBATION_REVIEWED = "PROBATION_REVIEWED"


def _undoably(db: Database, employer_id: int, pa_id: int, code: str, action, **facts) -> Done:
    """`action()` with the change it made to the PA's induction plan, probation reviews, Care Certificate
    progress and contract record (where a finished induction is noted)."""
    return undoable(db, code, employer_id, action, [
        (model, model.pa_id == pa_id)
        for model in (rm.InductionItem, rm.ProbationReview, models.CareCertificateProgress, models.Contract)],
        lambda _: {"name": people.get_pa(db, pa_id).name, **facts})


def make_usual_plan_undoably(db: Database, employer_id: int, pa_id: int) -> Done[list[StoredItem]]:
    return _undoably(db, employer_id, pa_id, PLAN_MADE, lambda: make_usual_plan(db, employer_id, pa_id))


def add_topic_undoably(db: Database, employer_id: int, pa_id: int, words: str, due_on: date) -> Done[StoredItem]:
    return _undoably(db, employer_id, pa_id, TOPIC_ADDED, lambda: add_topic(db, employer_id, pa_id, words, due_on))


def mark_done_undoably(db: Database, employer_id: int, pa_id: int, item_id: int, done_on: date | None) -> Done[None]:
    return _undoably(db, employer_id, pa_id, ITEM_DONE, lambda: mark_done(db, employer_id, pa_id, item_id, done_on),
                     done=done_on is not None)


def add_review_undoably(db: Database, employer_id: int, pa_id: int, review: ProbationReview,
                        today: date) -> Done[StoredReview]:
    return _undoably(db, employer_id, pa_id, PROBATION_REVIEWED,
                     lambda: add_review(db, employer_id, pa_id, review, today))


class ProbationRule(Rule):
    """Undo and redo of probation reviews: one put back is checked as saving checks it (a known outcome; an
    extension to a day after the review)."""

    tables = frozenset({"probation_reviews"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            v = r.new
            if v is None:
                continue
            problems = rules.check_review(ProbationReview(v["reviewed_on"], v["outcome"], v["extended_to"], v["notes"]),
                                          None)
            if problems:
                raise ValidationFailed({name: Problem(code) for name, code in problems.items()})


def probation_due(db: Database, employer_id: int, today: date, within_days: int = DEFAULT_WITHIN_DAYS, *,
                  include_ok: bool = False) -> list[DueItem]:
    """PROBATION_REVIEW_DUE for each current PA whose probation is not yet decided. A PA who started before
    PA Manager kept their terms (no terms saved, no statement made here) is left out: their probation is
    long settled, and nothing here says otherwise."""
    with db.session() as s:
        known = {row for row in s.scalars(select(rm.EmploymentTerms.pa_id).where(rm.EmploymentTerms.employer_id == employer_id))}
        known |= {row for row in s.scalars(select(rm.WrittenStatement.pa_id).where(rm.WrittenStatement.employer_id == employer_id))}
        known |= {row for row in s.scalars(select(rm.Applicant.pa_id).where(rm.Applicant.employer_id == employer_id,
                                                                            rm.Applicant.pa_id.is_not(None)))}
    items = []
    for pa in people.list_pas(db, employer_id):
        if pa.id not in known or (pa.leaving_date is not None and pa.leaving_date < today):
            continue
        months = statements.get_terms(db, employer_id, pa.id, today).probation_months
        item = rules.probation_item(pa.id, pa.name, pa.start_date, months, [s.review for s in reviews(db, pa.id)],
                                    today, within_days)
        if item is not None and (pa.leaving_date is None or item.due <= pa.leaving_date):
            items.append(item)
    return sort_due_items(items, include_ok=include_ok)
