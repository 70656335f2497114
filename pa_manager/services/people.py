"""Use cases for PAs: list, save (with validation), record a leaver, delete; and what undo must check."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm.exc import StaleDataError

from pa_manager.domain import earlier_payroll
from pa_manager.domain.people import PARecord
from pa_manager.domain.record_checks import check_pa, name_key, normalise_pa
from pa_manager.domain.validation import Problem
from pa_manager.services import history
from pa_manager.services.errors import ChangedElsewhere, NotFound, ServiceError, ValidationFailed
from pa_manager.services.mapping import copy_pa, pa_record, pa_records_where
from pa_manager.services.undo import Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, remembered


def list_pas(db: Database, employer_id: int) -> list[PARecord]:
    """The employer's PAs by name (record_checks.name_key: the same order on every database)."""
    with db.session() as s:
        return list(remembered(s, ("pas", employer_id), lambda: _pas(s, employer_id)))


def _pas(s, employer_id: int) -> tuple[PARecord, ...]:
    records = pa_records_where(s, models.PersonalAssistant.employer_id == employer_id)  # their pay lines in one query
    return tuple(sorted(records, key=lambda r: (name_key(r.name), r.id)))


def get_pa(db: Database, pa_id: int) -> PARecord:
    with db.session() as s:
        row = s.get(models.PersonalAssistant, pa_id)
        if row is None:
            raise NotFound("PA_GONE")
        return pa_record(row)


def save_pa(db: Database, employer_id: int, record: PARecord, today: date) -> PARecord:
    """Add a PA (id None) or update one; the record is checked first. A record read from the data
    file (it has a version) is refused if someone else has changed or removed the PA since it was
    read (ChangedElsewhere). As save_pa_undoably, for callers with no undo to keep."""
    return save_pa_undoably(db, employer_id, record, today).value


def save_pa_undoably(db: Database, employer_id: int, record: PARecord, today: date, *,
                     code: str | None = None) -> Done[PARecord]:
    """save_pa, with the change it made (PA_ADDED or PA_CHANGED, or the `code` given)."""
    with db.session() as s:
        recorder = Recorder(s)
        if record.id is not None:
            recorder.watch(models.PersonalAssistant, models.PersonalAssistant.id == record.id)
            recorder.watch(models.PayRate, models.PayRate.pa_id == record.id)
        saved = _save(s, employer_id, record, today)
        if record.id is None:
            recorder.added(models.PersonalAssistant, saved.id)
            recorder.added_where(models.PayRate, models.PayRate.pa_id == saved.id)
        code = code or ("PA_ADDED" if record.id is None else "PA_CHANGED")
        return done(saved, recorder, code, employer_id, name=saved.name)


def _save(s, employer_id: int, record: PARecord, today: date) -> PARecord:
    record = normalise_pa(replace(record, name=record.name.strip()))
    problems = check_pa(record, today)
    row = s.get(models.PersonalAssistant, record.id) if record.id is not None else None
    if record.id is not None and record.version is not None:
        if row is None:
            raise ChangedElsewhere(Problem("PA_REMOVED_ELSEWHERE", record.name))
        if row.version != record.version:
            raise ChangedElsewhere(Problem("PA_CHANGED_ELSEWHERE", row.name))
    if "name" not in problems and _name_taken(s, employer_id, record.name, but_not={record.id}):
        problems["name"] = Problem("PA_NAME_TAKEN", record.name)
    if row is not None and not problems:
        problems.update(_earlier_payroll_carried(s, pa_record(row), record))
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


def record_earlier_payroll(db: Database, employer_id: int, pa_id: int, today: date, *, last_paid: date | None = None,
                           tax_year: str | None = None, figures: dict[str, Decimal] | None = None) -> PARecord:
    """Record the figures to date an earlier payroll reported for a PA (domain.earlier_payroll.NAMES, each
    given replacing the one recorded) and, when given, its last pay day; checked as saving the PA checks
    them. `tax_year`, when given, must be that of the last pay day: the year the figures belong to."""
    record = get_pa(db, pa_id)
    record = replace(record, earlier_payroll_last_paid=last_paid or record.earlier_payroll_last_paid,
                     **{earlier_payroll.PREFIX + name: value for name, value in (figures or {}).items()})
    if tax_year is not None and tax_year != earlier_payroll.tax_year_of(record):
        raise ServiceError("EARLIER_PAYROLL_TAX_YEAR_NOT_LAST_PAID", tax_year,
                           last_paid=record.earlier_payroll_last_paid or "not recorded")
    return save_pa(db, employer_id, record, today)


def _earlier_payroll_carried(s, before: PARecord, after: PARecord) -> dict[str, Problem]:
    """An earlier payroll's figures (or their tax year) cannot change once a pay run in PA Manager has carried
    on from them: the pay records keep what they were then (domain.earlier_payroll)."""
    if earlier_payroll.figures_of(before) == earlier_payroll.figures_of(after) \
            and earlier_payroll.tax_year_of(before) == earlier_payroll.tax_year_of(after):
        return {}
    years = {earlier_payroll.tax_year_of(r) for r in (before, after) if earlier_payroll.figures_of(r)} - {""}
    if not years:
        return {}
    # Paid by PA Manager in that tax year (tax year labels sort as the years do), or in a later one: either
    # way no pay run is left to carry on from them.
    paid = s.scalar(select(models.PayRun.tax_year).join(models.StoredPayslip).where(
        models.StoredPayslip.pa_id == after.id, models.PayRun.tax_year >= min(years))
        .order_by(models.PayRun.tax_year).limit(1))
    if paid is None:
        return {}
    field = next((f for f in earlier_payroll.PA_FIELDS if getattr(before, f) != getattr(after, f)),
                 "earlier_payroll_last_paid")
    code = "EARLIER_PAYROLL_ALREADY_CARRIED" if paid in years else "EARLIER_PAYROLL_YEAR_CLOSED"
    return {field: Problem.of(code, after.name, tax_year=paid)}


def _name_taken(s, employer_id: int, name: str, but_not) -> bool:
    """Whether another of the employer's PAs has this name (record_checks.name_key)."""
    key = name_key(name)
    return any(name_key(n) == key and i not in but_not for i, n in s.execute(
        select(models.PersonalAssistant.id, models.PersonalAssistant.name)
        .where(models.PersonalAssistant.employer_id == employer_id)))


def _write(s, employer_id: int, row: models.PersonalAssistant, record: PARecord) -> None:
    """Copy a record into its row, noting in the change history what an audit asks about."""
    before = pa_record(row) if row.id is not None else None
    copy_pa(record, row)
    s.flush()
    _note(s, employer_id, row.id, before, record)


def _note(s, employer_id: int, pa_id: int, before: PARecord | None, after: PARecord) -> None:
    """Note what an audit asks about: pay rates, and the leaving date."""
    history.note_pay_rate_changes(s, employer_id, pa_id, after.name, before.pay_rates if before else (),
                                  after.pay_rates)
    if after.leaving_date is not None and (before is None or before.leaving_date != after.leaving_date):
        history.note(s, employer_id, history.LEAVER_RECORDED, pa_id=pa_id, pa=after.name,
                     leaving_date=after.leaving_date, reason=after.leaving_reason)


# How a PA leaves (the leaver dialog's choices): the last pay run pays their notice and redundancy from these.
LEAVING_TERMS = ("notice_given_on", "contractual_notice_weeks", "pay_in_lieu_of_notice", "redundancy",
                 "leaving_week_pay")


def record_leaver(db: Database, employer_id: int, pa_id: int, leaving_date: date, reason: str, today: date, *,
                  version: int | None = None, terms: PARecord | None = None) -> Done[PARecord]:
    """Record that a PA leaves, with how they leave (LEAVING_TERMS) taken from `terms` when given.
    `version`: the version of the record the person is looking at; if someone else has changed the PA
    since, nothing is saved (ChangedElsewhere)."""
    pa = get_pa(db, pa_id)
    if terms is not None:
        pa = replace(pa, **{name: getattr(terms, name) for name in LEAVING_TERMS})
    if version is not None:
        pa = replace(pa, version=version)
    return save_pa_undoably(db, employer_id, replace(pa, leaving_date=leaving_date, leaving_reason=reason.strip()),
                            today, code="PA_LEAVING_RECORDED")


def delete_pa(db: Database, pa_id: int) -> None:
    """Delete a PA who has never been paid. A PA with finalised pay records is refused: the records
    are kept by law, so record them as a leaver instead."""
    with db.session(write=True) as s:
        row = s.get(models.PersonalAssistant, pa_id)
        if row is None:
            return
        _refuse_if_paid(s, row.id, row.name)
        s.delete(row)


def _refuse_if_paid(s, pa_id: int, name: str) -> None:
    if s.scalar(select(models.StoredPayslip.id).where(models.StoredPayslip.pa_id == pa_id).limit(1)) is not None:
        raise ServiceError("PA_PAID_CANNOT_DELETE", name)


class PARule(Rule):
    """Undo and redo of a PA's details and pay lines: the record is checked as saving checks it (its
    fields, a name no other PA of the employer has), a PA who has been paid is never deleted, and the
    change history notes pay rates and leaving dates as saving notes them."""

    tables = frozenset({"pas", "pay_rates"})

    def before(self, s, rows, reversal):
        removed = {r.id for r in rows if r.table == "pas" and r.new is None}
        for r in rows:
            if r.table == "pas" and r.new is None:
                if r.old["employer_id"] not in reversal.whole_employers:  # their pay records go with them
                    _refuse_if_paid(s, r.id, r.old["name"])
            elif r.table == "pas" and _name_taken(s, r.new["employer_id"], r.new["name"], removed | {r.id}):
                raise ValidationFailed({"name": Problem("PA_NAME_TAKEN", r.new["name"])})
        found = {}
        for pa_id in _pa_ids(rows):
            row = s.get(models.PersonalAssistant, pa_id)
            found[pa_id] = pa_record(row) if row is not None else None
        return found

    def after(self, s, rows, before, reversal):
        written = {r.id for r in rows if r.table == "pas"}
        for pa_id in _pa_ids(rows):
            row = s.get(models.PersonalAssistant, pa_id)
            if row is None:
                continue
            record = pa_record(row)
            problems = check_pa(record, reversal.today)
            if before.get(pa_id) is not None and not problems:
                problems = _earlier_payroll_carried(s, before[pa_id], record)
            if problems:
                raise ValidationFailed(problems)
            if row.employer_id in reversal.whole_employers:
                continue  # their history came back with them
            if pa_id not in written:  # its pay lines alone: the PA's version moves on, as saving moves it
                s.execute(update(models.PersonalAssistant).where(models.PersonalAssistant.id == pa_id)
                          .values(version=models.PersonalAssistant.version + 1))
            _note(s, row.employer_id, pa_id, before.get(pa_id), record)


def _pa_ids(rows) -> list[int]:
    ids = set()
    for r in rows:
        if r.table == "pas" and r.id is not None:
            ids.add(r.id)
        elif r.table == "pay_rates":
            ids.update(v["pa_id"] for v in (r.old, r.new) if v is not None)
    return sorted(ids)
