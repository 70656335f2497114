"""Disciplinary and grievance case records for one PA: open a case, add its steps, close it with the
outcome. Each is one transaction; the `..._undoably` forms return the change they made (services.undo)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, select

from pa_manager.domain import cases as rules
from pa_manager.domain.cases import Case, Step
from pa_manager.domain.validation import Problem
from pa_manager.services import people
from pa_manager.services.errors import NotFound, ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class StoredCase:
    id: int
    pa_id: int
    case: Case


def _failed(problems: dict[str, str]) -> ValidationFailed:
    return ValidationFailed({name: Problem(code) for name, code in problems.items()})


def list_cases(db: Database, pa_id: int) -> list[StoredCase]:
    """Newest first."""
    with db.session() as s:
        rows = list(s.scalars(select(rm.HRCase).where(rm.HRCase.pa_id == pa_id)
                              .order_by(rm.HRCase.opened_on.desc(), rm.HRCase.id.desc())))
        steps: dict[int, list[Step]] = {row.id: [] for row in rows}
        for step in s.scalars(select(rm.HRCaseStep).where(rm.HRCaseStep.case_id.in_(list(steps)))
                              .order_by(rm.HRCaseStep.on, rm.HRCaseStep.id)):
            steps[step.case_id].append(Step(step.on, step.kind, step.notes, step.accompanied_by))
        return [StoredCase(row.id, row.pa_id, Case(row.kind, row.opened_on, row.summary, tuple(steps[row.id]),
                                                   row.outcome, row.closed_on)) for row in rows]


def get_case(db: Database, case_id: int) -> StoredCase:
    with db.session() as s:
        row = s.get(rm.HRCase, case_id)
        if row is None:
            raise NotFound("CASE_GONE")
        pa_id = row.pa_id
    return next(c for c in list_cases(db, pa_id) if c.id == case_id)


def put_case(db: Database, employer_id: int, pa_id: int, case: Case, case_id: int | None = None) -> StoredCase:
    """Keep a case as given, with its steps (a new one, or one put back by undo with its id)."""
    problems = rules.check_case(case)
    for step in case.steps:
        problems.update(rules.check_step(case, step))
    if problems:
        raise _failed(problems)
    with db.session() as s:
        row = (s.get(rm.HRCase, case_id) if case_id is not None else None) or rm.HRCase(
            id=case_id, employer_id=employer_id, pa_id=pa_id)
        row.kind, row.opened_on, row.summary = case.kind, case.opened_on, case.summary.strip()
        row.outcome, row.closed_on = case.outcome if case.closed_on else "", case.closed_on
        s.add(row)
        s.flush()
        s.execute(delete(rm.HRCaseStep).where(rm.HRCaseStep.case_id == row.id))
        s.add_all(rm.HRCaseStep(employer_id=employer_id, case_id=row.id, on=step.on, kind=step.kind,
                                notes=step.notes.strip(), accompanied_by=step.accompanied_by.strip())
                  for step in case.steps)
        case_id = row.id
    return get_case(db, case_id)


def add_step(db: Database, employer_id: int, case_id: int, step: Step) -> StoredCase:
    stored = get_case(db, case_id)
    return put_case(db, employer_id, stored.pa_id, replace(stored.case, steps=(*stored.case.steps, step)), case_id)


def close_case(db: Database, employer_id: int, case_id: int, outcome: str, closed_on: date) -> StoredCase:
    stored = get_case(db, case_id)
    return put_case(db, employer_id, stored.pa_id, replace(stored.case, outcome=outcome, closed_on=closed_on), case_id)


CASE_OPENED, CASE_STEP_ADDED, CASE_CLOSED = "HR_CASE_OPENED", "HR_CASE_STEP_ADDED", "HR_CASE_CLOSED"


def _undoably(db: Database, employer_id: int, pa_id: int, code: str, action) -> Done[StoredCase]:
    """`action()` with the change it made to the PA's cases and their steps."""
    return undoable(db, code, employer_id, action, [
        (rm.HRCase, rm.HRCase.pa_id == pa_id),
        (rm.HRCaseStep, rm.HRCaseStep.case_id.in_(select(rm.HRCase.id).where(rm.HRCase.pa_id == pa_id)))],
        lambda _: {"name": people.get_pa(db, pa_id).name})


def open_case_undoably(db: Database, employer_id: int, pa_id: int, case: Case) -> Done[StoredCase]:
    return _undoably(db, employer_id, pa_id, CASE_OPENED, lambda: put_case(db, employer_id, pa_id, case))


def add_step_undoably(db: Database, employer_id: int, case_id: int, step: Step) -> Done[StoredCase]:
    pa_id = get_case(db, case_id).pa_id
    return _undoably(db, employer_id, pa_id, CASE_STEP_ADDED, lambda: add_step(db, employer_id, case_id, step))


def close_case_undoably(db: Database, employer_id: int, case_id: int, outcome: str, closed_on: date) -> Done[StoredCase]:
    pa_id = get_case(db, case_id).pa_id
    return _undoably(db, employer_id, pa_id, CASE_CLOSED,
                     lambda: close_case(db, employer_id, case_id, outcome, closed_on))


class CaseRule(Rule):
    """Undo and redo of a case and its steps: the case put back is checked as saving checks it (its kind,
    dates, outcome, and each step on or after the day it was opened)."""

    tables = frozenset({"hr_cases", "hr_case_steps"})

    def after(self, s, rows, state, reversal):
        case_ids = {r.new["id"] if r.table == "hr_cases" else r.new["case_id"] for r in rows if r.new is not None}
        for case_id in sorted(case_ids):
            row = s.get(rm.HRCase, case_id)
            if row is None:
                continue
            steps = tuple(Step(x.on, x.kind, x.notes, x.accompanied_by) for x in s.scalars(
                select(rm.HRCaseStep).where(rm.HRCaseStep.case_id == case_id).order_by(rm.HRCaseStep.on, rm.HRCaseStep.id)))
            case = Case(row.kind, row.opened_on, row.summary, steps, row.outcome, row.closed_on)
            problems = rules.check_case(case)
            for step in steps:
                problems.update(rules.check_step(case, step))
            if problems:
                raise _failed(problems)
