"""Use cases for employers: list, open, save, delete."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm.exc import StaleDataError

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.record_checks import check_employer, name_key, normalise_employer
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ChangedElsewhere, NotFound, ValidationFailed
from pa_manager.services.mapping import copy_employer, employer_record
from pa_manager.storage import models
from pa_manager.storage.database import Database
from pa_manager.storage.transfer import delete_employer_rows, dump_employer, load_employer


@dataclass(frozen=True)
class EmployerSummary:
    id: int
    name: str
    council: str
    current_pas: int


def list_employers(db: Database, today: date) -> list[EmployerSummary]:
    """Every employer by name, with how many PAs they employ today: two queries, however many there are."""
    pa = models.PersonalAssistant
    current = (or_(pa.start_date.is_(None), pa.start_date <= today), or_(pa.leaving_date.is_(None), pa.leaving_date >= today))
    with db.session() as s:
        counts = dict(s.execute(select(pa.employer_id, func.count()).where(*current).group_by(pa.employer_id)).all())
        rows = s.execute(select(models.Employer.id, models.Employer.name, models.Employer.council)).all()
    return [EmployerSummary(id=i, name=name, council=council, current_pas=counts.get(i, 0))
            for i, name, council in sorted(rows, key=lambda r: (name_key(r.name), r.id))]


def get_employer(db: Database, employer_id: int) -> EmployerRecord:
    with db.session() as s:
        row = s.get(models.Employer, employer_id)
        if row is None:
            raise NotFound("That employer is no longer in this data file. Choose another employer.")
        return employer_record(row)


def find_employer_by_id(db: Database, employer_id: int) -> EmployerRecord | None:
    with db.session() as s:
        row = s.get(models.Employer, employer_id)
        return employer_record(row) if row else None


def employer_named(session, name: str, but_not: int | None = None) -> int | None:
    """The id of the employer with this name (record_checks.name_key), leaving out one id, or None."""
    key = name_key(name)
    return next((i for i, n in session.execute(select(models.Employer.id, models.Employer.name))
                 if name_key(n) == key and i != but_not), None)


def find_employer(db: Database, name: str) -> EmployerRecord | None:
    """The employer with this name, ignoring case and spaces at either end."""
    with db.session() as s:
        employer_id = employer_named(s, name)
        return employer_record(s.get(models.Employer, employer_id)) if employer_id is not None else None


def save_employer(db: Database, record: EmployerRecord) -> EmployerRecord:
    """Add a new employer (id None, or an id given back by undo) or update an existing one. A record
    read from the data file (it has a version) is refused if someone else has changed or removed the
    employer since it was read (ChangedElsewhere)."""
    record = normalise_employer(replace(record, name=record.name.strip()))
    problems = check_employer(record)
    with db.session() as s:
        row = s.get(models.Employer, record.id) if record.id is not None else None
        if record.id is not None and record.version is not None:
            if row is None:
                raise ChangedElsewhere(Problem("EMPLOYER_REMOVED_ELSEWHERE", record.name))
            if row.version != record.version:
                raise ChangedElsewhere(Problem("EMPLOYER_CHANGED_ELSEWHERE", row.name))
        clash = employer_named(s, record.name, but_not=record.id)
        if clash is not None and "name" not in problems:
            problems["name"] = Problem("EMPLOYER_NAME_TAKEN", record.name)
        if problems:
            raise ValidationFailed(problems)
        if row is None:
            row = models.Employer(id=record.id)
            s.add(row)
        try:
            copy_employer(record, row)
            s.flush()
        except StaleDataError:  # changed by someone else between the check above and this write
            raise ChangedElsewhere(Problem("EMPLOYER_CHANGED_ELSEWHERE", record.name)) from None
        return employer_record(row)


def restore_employer(db: Database, record: EmployerRecord) -> None:
    """Write an employer's details back exactly as they were (undo and redo)."""
    with db.session() as s:
        row = s.get(models.Employer, record.id)
        if row is None:
            row = models.Employer(id=record.id)
            s.add(row)
        copy_employer(record, row)


def delete_employer(db: Database, employer_id: int) -> None:
    with db.session() as s:
        delete_employer_rows(s.connection(), employer_id)


def remove_employer(db: Database, employer_id: int) -> dict:
    """Remove an employer and every record they own, in one transaction. Returns what was removed,
    which `put_back_employer` restores (for undo); nothing else keeps a copy."""
    with db.session() as s:
        snapshot = dump_employer(s.connection(), employer_id)
        if not delete_employer_rows(s.connection(), employer_id):
            raise NotFound("That employer is no longer in this data file.")
    return snapshot


def put_back_employer(db: Database, snapshot: dict) -> int:
    """Restore an employer removed by `remove_employer`; returns their (new) id."""
    with db.session() as s:
        return load_employer(s.connection(), snapshot)
