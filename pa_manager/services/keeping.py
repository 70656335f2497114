"""Keeping good PAs: each PA's time with the employer, and the exit record kept when one leaves."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pa_manager.domain import keeping as rules
from pa_manager.domain.keeping import ExitRecord, Retention
from pa_manager.domain.validation import Problem
from pa_manager.services import people
from pa_manager.services.errors import ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import models
from pa_manager.storage import recruitment_models as rm
from pa_manager.storage.database import Database

_FIELDS = ("reason", "would_reemploy", "went_well", "could_be_better", "talked_on", "recorded_on")


def exit_record(db: Database, pa_id: int) -> ExitRecord | None:
    with db.session() as s:
        row = s.scalar(select(rm.ExitRecord).where(rm.ExitRecord.pa_id == pa_id))
        return None if row is None else ExitRecord(**{name: getattr(row, name) for name in _FIELDS})


def save_exit_record(db: Database, employer_id: int, pa_id: int, record: ExitRecord | None) -> None:
    """Keep (or, with None, remove) a leaver's exit record; a PA who has not been recorded as leaving is refused."""
    with db.session() as s:
        row = s.scalar(select(rm.ExitRecord).where(rm.ExitRecord.pa_id == pa_id))
        if record is None:
            if row is not None:
                s.delete(row)
            return
    pa = people.get_pa(db, pa_id)
    problems = rules.check_exit(record, pa.leaving_date)
    if problems:
        raise ValidationFailed({name: Problem(code, pa.name) for name, code in problems.items()})
    with db.session() as s:
        row = s.scalar(select(rm.ExitRecord).where(rm.ExitRecord.pa_id == pa_id)) or rm.ExitRecord(
            employer_id=employer_id, pa_id=pa_id)
        for name in _FIELDS:
            value = getattr(record, name)
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        s.add(row)


EXIT_RECORD_KEPT = "EXIT_RECORD_KEPT"


def save_exit_record_undoably(db: Database, employer_id: int, pa_id: int, record: ExitRecord) -> Done[None]:
    """save_exit_record, with the change it made."""
    return undoable(db, EXIT_RECORD_KEPT, employer_id, lambda: save_exit_record(db, employer_id, pa_id, record),
                    [(rm.ExitRecord, rm.ExitRecord.pa_id == pa_id)], lambda _: {"name": people.get_pa(db, pa_id).name})


class ExitRecordRule(Rule):
    """Undo and redo of an exit record: one put back is checked as saving checks it, so a PA no longer
    recorded as leaving is refused one."""

    tables = frozenset({"exit_records"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is None:
                continue
            row = s.get(rm.ExitRecord, r.new["id"])
            pa = s.get(models.PersonalAssistant, row.pa_id)
            problems = rules.check_exit(ExitRecord(**{name: getattr(row, name) for name in _FIELDS}), pa.leaving_date)
            if problems:
                raise ValidationFailed({key: Problem(code, pa.name) for key, code in problems.items()})


def retention_summary(db: Database, employer_id: int, today: date) -> Retention:
    """How long the PAs who have left stayed, and why they left."""
    with db.session() as s:
        records = {row.pa_id: ExitRecord(**{name: getattr(row, name) for name in _FIELDS})
                   for row in s.scalars(select(rm.ExitRecord).where(rm.ExitRecord.employer_id == employer_id))}
    leavers = [(pa.start_date, pa.leaving_date, records.get(pa.id)) for pa in people.list_pas(db, employer_id)
               if pa.leaving_date is not None and pa.leaving_date < today]
    return rules.retention(leavers)
