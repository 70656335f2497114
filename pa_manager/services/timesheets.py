"""Import and export timesheets (CSV or XLSX): all rows or none, and never the same shift twice."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


from pa_manager.domain.shifts import IMPORTED
from pa_manager.importers.table_file import TableFileError
from pa_manager.importers.timesheet import read_timesheet, shift_identity
from pa_manager.importers.timesheet_export import write_timesheet
from pa_manager.services.errors import ServiceError
from pa_manager.services.people import list_pas
from pa_manager.services.shifts import added_shifts, batch_problems, insert_batch, shift_rows, shifts_between, to_shift
from pa_manager.services.staff_import import RowError
from pa_manager.services.undo import Change, Recorder
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer


@dataclass(frozen=True)
class TimesheetImportResult:
    added: int
    already_there: int
    errors: tuple[RowError, ...]
    dry_run: bool
    added_ids: tuple[int, ...] = ()
    change: Change | None = None  # what was stored (SHIFTS_IMPORTED), for undo; None when nothing was

    @property
    def ok(self) -> bool:
        return not self.errors


def import_timesheet(db: Database, employer_id: int, path: Path, *, dry_run: bool = False) -> TimesheetImportResult:
    """Check every row; store the new shifts only if every row is good. Reading what is already
    there, checking and storing are one transaction that holds the write lock from its start, so the
    same file imported twice at once (two windows, two commands) stores each shift once."""
    pas = list_pas(db, employer_id)
    try:
        rows = read_timesheet(Path(path), {pa.name: pa.id for pa in pas})
    except TableFileError as error:
        raise ServiceError(error.problem) from None
    errors: list[RowError] = [RowError(r.line, column, p) for r in rows for column, p in r.problems]
    lines = [r.line for r in rows if r.ok and r.shift is not None]
    shifts = [r.shift for r in rows if r.ok and r.shift is not None]
    with db.session(write=not dry_run) as s:
        if not dry_run:
            lock_employer(s, employer_id)
        known = set()
        if shifts:
            first = min(x.start for x in shifts) - timedelta(days=2)
            last = max(x.end for x in shifts) + timedelta(days=2)
            known = {shift_identity(to_shift(r)) for r in s.execute(shift_rows().where(
                models.Shift.employer_id == employer_id, models.Shift.starts_at >= first,
                models.Shift.starts_at <= last))}
        new = [(line, shift) for line, shift in zip(lines, shifts) if shift_identity(shift) not in known]
        already = len(shifts) - len(new)
        errors += [RowError(new[index][0], field, problem)
                   for index, field, problem in batch_problems(s, employer_id, [shift for _, shift in new])]
        errors.sort(key=lambda e: e.line)
        if errors or dry_run or not new:
            return TimesheetImportResult(len(new) if not errors else 0, already, tuple(errors), dry_run)
        ids = insert_batch(s, employer_id, [shift for _, shift in new], IMPORTED)
        change = added_shifts(Recorder(s), s, "SHIFTS_IMPORTED", employer_id, ids)
    return TimesheetImportResult(len(new), already, (), False, ids, change)


def export_timesheet(db: Database, employer_id: int, path: Path, first: date, last: date) -> int:
    """Write the shifts starting from `first` to `last`; returns how many."""
    names = {pa.id: pa.name for pa in list_pas(db, employer_id)}
    shifts = shifts_between(db, employer_id, first, last)
    try:
        write_timesheet(Path(path), [(names[s.pa], s) for s in shifts])
    except TableFileError as error:
        raise ServiceError(error.problem) from None
    return len(shifts)
