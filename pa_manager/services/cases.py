"""Disciplinary and grievance case records for one PA: open a case, add its steps, close it with the
outcome. Each is one transaction; undo puts a case back exactly as it was."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, select

from pa_manager.domain import cases as rules
from pa_manager.domain.cases import Case, Step
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import NotFound, ValidationFailed
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
            raise NotFound("That case is no longer in this data file.")
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


def delete_case(db: Database, case_id: int) -> None:
    with db.session() as s:
        row = s.get(rm.HRCase, case_id)
        if row is not None:
            s.delete(row)
