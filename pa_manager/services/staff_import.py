"""Import a staff list into an employer: all rows or none, and never the same person twice."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.nation import Nation
from pa_manager.domain.people import PARecord
from pa_manager.domain.record_checks import check_employer, check_pa, normalise_pa
from pa_manager.domain.validation import Problem
from pa_manager.importers.staff_list import read_staff_list
from pa_manager.importers.table_file import TableFileError
from pa_manager.services.employers import find_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.mapping import copy_employer, copy_pa, employer_record
from pa_manager.services.people import list_pas
from pa_manager.services.undo import Change, Recorder
from pa_manager.storage import models
from pa_manager.storage.database import Database
from pa_manager.storage.export_schema import text_limit


@dataclass(frozen=True)
class RowError:
    """What is wrong on one line of an imported file: `problem` says what, worded by the words layer."""
    line: int
    column: str
    problem: Problem


@dataclass(frozen=True)
class StaffImportResult:
    employer: str
    employer_created: bool
    added: tuple[str, ...]
    already_there: tuple[str, ...]
    errors: tuple[RowError, ...]
    dry_run: bool
    employer_id: int | None = None
    added_ids: tuple[int, ...] = ()
    change: Change | None = None  # what was stored (STAFF_IMPORTED), for undo; None on a dry run or a refusal

    @property
    def ok(self) -> bool:
        return not self.errors


def _same_person(a: PARecord, b: PARecord) -> bool:
    if a.ni_number and b.ni_number:
        return a.ni_number == b.ni_number
    return a.name.lower() == b.name.lower() and a.date_of_birth == b.date_of_birth


def _too_long(record, table: str) -> dict[str, Problem]:
    """Text fields longer than their column holds (storage.export_schema.text_limit)."""
    found = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str) and len(value) > (limit := text_limit(table, f.name)):
            found[f.name] = Problem.of("TEXT_TOO_LONG", limit=limit, length=len(value))
    return found


def import_staff(
    db: Database, path: Path, employer_name: str, today: date, *, nation: Nation | None = None, dry_run: bool = False
) -> StaffImportResult:
    """Check every row; store nothing unless every row is good (and not on a dry run)."""
    try:
        rows = read_staff_list(path)
    except TableFileError as error:
        raise ServiceError(error.problem) from None
    employer = find_employer(db, employer_name)
    existing = list_pas(db, employer.id) if employer else []
    errors: list[RowError] = []
    to_add: list[PARecord] = []
    already: list[str] = []
    seen: dict[str, int] = {}
    new_employer = None
    if employer is None:
        new_employer = EmployerRecord(name=employer_name.strip(), nation=nation or Nation.ENGLAND)
        refused = {**check_employer(new_employer), **_too_long(new_employer, "employers")}
        if refused:
            raise ServiceError("STAFF_IMPORT_EMPLOYER_NAME", why=next(iter(refused.values())))
    for row in rows:
        problems: list[tuple[str, Problem]] = list(row.problems)
        record = normalise_pa(row.record)
        for column, problem in {**check_pa(record, today), **_too_long(record, "pas")}.items():
            if column not in {c for c, _ in problems}:
                problems.append((column, problem))
        key = record.ni_number or record.name.lower()
        if key and key in seen:
            problems.append(("name", Problem("DUPLICATE_ROW", str(seen[key]))))
        seen.setdefault(key, row.line)
        if problems:
            errors.extend(RowError(row.line, column, p) for column, p in problems)
        elif any(_same_person(record, other) for other in existing):
            already.append(record.name)
        elif record.name.lower() in {other.name.lower() for other in existing}:
            # Another person already has this name here: two PAs with one name would be mixed up.
            errors.append(RowError(row.line, "name", Problem("PA_NAME_TAKEN", record.name)))
        else:
            to_add.append(record)
    created = employer is None
    added_ids: tuple[int, ...] = ()
    change = None
    if not errors and not dry_run:
        # One transaction: the employer and every PA are stored together, or nothing is.
        with db.session() as s:
            recorder = Recorder(s)
            if employer is None:
                row = models.Employer()
                copy_employer(new_employer, row)
                s.add(row)
                s.flush()
                employer = employer_record(row)
                recorder.added(models.Employer, employer.id)
            stored = []
            for record in to_add:
                pa = models.PersonalAssistant(employer_id=employer.id)
                copy_pa(record, pa)
                s.add(pa)
                stored.append(pa)
            s.flush()
            added_ids = tuple(pa.id for pa in stored)
            recorder.added(models.PersonalAssistant, *added_ids)
            if added_ids:
                recorder.added_where(models.PayRate, models.PayRate.pa_id.in_(added_ids))
            change = recorder.change("STAFF_IMPORTED", employer.id, count=len(added_ids))
    return StaffImportResult(
        employer=employer.name if employer else employer_name.strip(),
        employer_created=created,
        added=tuple(r.name for r in to_add),
        already_there=tuple(already),
        errors=tuple(errors),
        dry_run=dry_run,
        employer_id=employer.id if employer else None,
        added_ids=added_ids,
        change=change,
    )
