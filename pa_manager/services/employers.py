"""Use cases for employers: list, open, save, remove; and what undo must check."""
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
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, remembered


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
        record = employer_in(s, employer_id)
        if record is None:
            raise NotFound("EMPLOYER_GONE_CHOOSE")
        return record


def employer_in(s, employer_id: int) -> EmployerRecord | None:
    """The employer's record in the caller's session, read once a transaction (remembered): the dashboard's
    parts each ask for it, and the session does not keep the row between them."""
    def read() -> EmployerRecord | None:
        row = s.get(models.Employer, employer_id)
        return None if row is None else employer_record(row)

    return remembered(s, ("employer", employer_id), read)


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
    """Add a new employer (id None) or update an existing one. A record read from the data file (it
    has a version) is refused if someone else has changed or removed the employer since it was read
    (ChangedElsewhere). As save_employer_undoably, for callers with no undo to keep."""
    return save_employer_undoably(db, record).value


def save_employer_undoably(db: Database, record: EmployerRecord, *, code: str | None = None) -> Done[EmployerRecord]:
    """save_employer, with the change it made (EMPLOYER_ADDED or EMPLOYER_CHANGED, or the `code` given)."""
    record = normalise_employer(replace(record, name=record.name.strip()))
    problems = check_employer(record)
    with db.session() as s:
        recorder = Recorder(s)
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
        else:
            recorder.watch(models.Employer, models.Employer.id == row.id)
        try:
            copy_employer(record, row)
            s.flush()
        except StaleDataError:  # changed by someone else between the check above and this write
            raise ChangedElsewhere(Problem("EMPLOYER_CHANGED_ELSEWHERE", record.name)) from None
        recorder.added(models.Employer, row.id)
        saved = employer_record(row)
        code = code or ("EMPLOYER_ADDED" if record.id is None else "EMPLOYER_CHANGED")
        return done(saved, recorder, code, saved.id, name=saved.name, frequency=saved.pay_frequency.value)


def delete_employer(db: Database, employer_id: int) -> None:
    from pa_manager.storage.transfer import delete_employer_rows  # loaded when needed: listing employers does not

    with db.session() as s:
        delete_employer_rows(s.connection(), employer_id)


def remove_employer(db: Database, employer_id: int) -> Change:
    """Remove an employer and every record they own, in one transaction. The change holds everything
    removed (undo.reverse puts it back); nothing else keeps a copy."""
    from pa_manager.storage.transfer import delete_employer_rows

    with db.session(write=True) as s:
        recorder = Recorder(s)
        rows = watch_employer(recorder, employer_id)
        if not rows or not delete_employer_rows(s.connection(), employer_id):
            raise NotFound("EMPLOYER_GONE")
        return recorder.change("EMPLOYER_REMOVED", employer_id, name=rows[0]["name"])


def watch_employer(recorder: Recorder, employer_id: int) -> list[dict]:
    """Watch every row the employer owns, table by table; returns their own row (a list of one, or none)."""
    from pa_manager.storage.export_schema import EMPLOYERS, owned_by, owned_tables

    own = []
    for table in owned_tables():
        found = recorder.watch(table, owned_by(table, employer_id))
        own = found if table.name == EMPLOYERS else own
    return own


class EmployerRule(Rule):
    """Undo and redo of an employer's details: checked as saving checks them, the name one no other
    employer in the data file has."""

    tables = frozenset({"employers"})

    def before(self, s, rows, reversal):
        removed = {r.id for r in rows if r.new is None}
        for r in rows:
            if r.new is not None:
                clash = employer_named(s, r.new["name"], but_not=r.id)
                if clash is not None and clash not in removed:
                    raise ValidationFailed({"name": Problem("EMPLOYER_NAME_TAKEN", r.new["name"])})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is not None:
                problems = check_employer(employer_record(s.get(models.Employer, r.id)))
                if problems:
                    raise ValidationFailed(problems)
