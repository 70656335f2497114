"""Use cases for PAs: list, save (with validation), record a leaver, delete."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from pa_manager.domain.people import PARecord
from pa_manager.domain.record_checks import check_pa, name_key, normalise_pa
from pa_manager.domain.validation import Problem
from pa_manager.services import history
from pa_manager.services.errors import ChangedElsewhere, NotFound, ServiceError, ValidationFailed
from pa_manager.services.mapping import copy_pa, pa_record
from pa_manager.storage import models
from pa_manager.storage.database import Database, remembered


def list_pas(db: Database, employer_id: int) -> list[PARecord]:
    """The employer's PAs by name (record_checks.name_key: the same order on every database)."""
    with db.session() as s:
        return list(remembered(s, ("pas", employer_id), lambda: _pas(s, employer_id)))


def _pas(s, employer_id: int) -> tuple[PARecord, ...]:
    rows = s.scalars(select(models.PersonalAssistant).where(models.PersonalAssistant.employer_id == employer_id)
                     .options(selectinload(models.PersonalAssistant.pay_rates)))  # their pay lines in one query
    return tuple(pa_record(r) for r in sorted(rows, key=lambda r: (name_key(r.name), r.id)))


def get_pa(db: Database, pa_id: int) -> PARecord:
    with db.session() as s:
        row = s.get(models.PersonalAssistant, pa_id)
        if row is None:
            raise NotFound("That PA is no longer in this data file.")
        return pa_record(row)


def save_pa(db: Database, employer_id: int, record: PARecord, today: date) -> PARecord:
    """Add a PA (id None, or an id given back by undo) or update one; the record is checked first.
    A record read from the data file (it has a version) is refused if someone else has changed or
    removed the PA since it was read (ChangedElsewhere)."""
    record = normalise_pa(replace(record, name=record.name.strip()))
    problems = check_pa(record, today)
    with db.session() as s:
        row = s.get(models.PersonalAssistant, record.id) if record.id is not None else None
        if record.id is not None and record.version is not None:
            if row is None:
                raise ChangedElsewhere(Problem("PA_REMOVED_ELSEWHERE", record.name))
            if row.version != record.version:
                raise ChangedElsewhere(Problem("PA_CHANGED_ELSEWHERE", row.name))
        key = name_key(record.name)
        clash = next((i for i, n in s.execute(select(models.PersonalAssistant.id, models.PersonalAssistant.name)
                                              .where(models.PersonalAssistant.employer_id == employer_id))
                      if name_key(n) == key and i != record.id), None)
        if clash is not None and "name" not in problems:
            problems["name"] = Problem("PA_NAME_TAKEN", record.name)
        if problems:
            raise ValidationFailed(problems)
        if row is None:
            row = models.PersonalAssistant(id=record.id, employer_id=employer_id)
            s.add(row)
        try:
            _write(s, employer_id, row, record)  # reading the pay lines flushes what is set already
        except StaleDataError:  # changed by someone else between the check above and this write
            raise ChangedElsewhere(Problem("PA_CHANGED_ELSEWHERE", record.name)) from None
        return pa_record(row)


def _write(s, employer_id: int, row: models.PersonalAssistant, record: PARecord) -> None:
    """Copy a record into its row, noting in the change history what an audit asks about: pay rates
    and the leaving date."""
    before = pa_record(row) if row.id is not None else None
    copy_pa(record, row)
    s.flush()
    history.note_pay_rate_changes(s, employer_id, row.id, record.name, before.pay_rates if before else (),
                                  record.pay_rates)
    if record.leaving_date is not None and (before is None or before.leaving_date != record.leaving_date):
        history.note(s, employer_id, history.LEAVER_RECORDED, pa_id=row.id, pa=record.name,
                     leaving_date=record.leaving_date, reason=record.leaving_reason)


def restore_pa(db: Database, employer_id: int, record: PARecord) -> None:
    """Write a record back exactly as it was (undo and redo): it was checked when first saved."""
    with db.session() as s:
        row = s.get(models.PersonalAssistant, record.id)
        if row is None:
            row = models.PersonalAssistant(id=record.id, employer_id=employer_id)
            s.add(row)
        _write(s, employer_id, row, record)


def record_leaver(db: Database, employer_id: int, pa_id: int, leaving_date: date, reason: str, today: date) -> PARecord:
    pa = get_pa(db, pa_id)
    return save_pa(db, employer_id, replace(pa, leaving_date=leaving_date, leaving_reason=reason.strip()), today)


def delete_pa(db: Database, pa_id: int) -> None:
    """Delete a PA who has never been paid (undoing "Add a PA", say). A PA with finalised pay records
    is refused: the records are kept by law, so record them as a leaver instead."""
    with db.session(write=True) as s:
        row = s.get(models.PersonalAssistant, pa_id)
        if row is None:
            return
        if s.scalar(select(models.StoredPayslip.id).where(models.StoredPayslip.pa_id == pa_id).limit(1)) is not None:
            raise ServiceError(f"{row.name} has been paid, and their pay records must be kept, so they cannot be "
                               "deleted. Record them as a leaver instead (People, Record a leaver).")
        s.delete(row)
