"""RTI: the FPS file for a finalised pay run, the EPS file for a tax month, the NINO Verification Request
(NVREQ) for a PA without an NI number, and the record of each (when
it was made, its IRmark, and whether and how it reached HMRC), with the late or missing FPS on the
"what needs doing" list.

The files are made from the stored pay records alone (domain.rti). One thing older records lack: a
record from before pay record format 4 has no gender or starter declaration, so those two details are
taken from the PA as they are now; every figure still comes from the record.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from pa_manager.domain import compliance as rules
from pa_manager.domain import nvreq, rti
from pa_manager.domain.compliance import DueItem
from pa_manager.domain.pay_record import PayRecord, from_document
from pa_manager.domain.rti import EPS, FPS, RtiError
from pa_manager.domain.validation import Problem
from pa_manager.hmrc import rti_files
from pa_manager.services.errors import NotFound, ServiceError
from pa_manager.services.undo import Done, Recorder, done
from pa_manager.services.year_end import find_pa
from pa_manager.storage import models
from pa_manager.storage.database import Database

FPS_DUE = "FPS_DUE"     # due item: an FPS to send on or before a pay day still to come
FPS_LATE = "FPS_LATE"   # due item: a pay day passed with no FPS sent

# How a report reached HMRC (models.RtiReport.sent_how).
FILE_SENT = "FILE_SENT"
BASIC_PAYE_TOOLS = "BASIC_PAYE_TOOLS"
TRANSACTION_ENGINE = "TRANSACTION_ENGINE"
BEFORE_RTI_FILES = "BEFORE_RTI_FILES"
SENT_BY_USER = (FILE_SENT, BASIC_PAYE_TOOLS)
LATE_REASONS = tuple("ABCDEFGH")  # HMRC's late reporting reasons, A to H


def _error(error: RtiError) -> ServiceError:
    return ServiceError(Problem(error.code, error.name or None))


@dataclass(frozen=True)
class Report:
    kind: str
    tax_year: str
    tax_month: int | None
    pay_date: date | None
    made_at: datetime | None
    irmark: str
    sent_at: datetime | None
    sent_how: str

    @property
    def sent(self) -> bool:
        return bool(self.sent_how)


@dataclass(frozen=True)
class MadeFile:
    path: Path
    kind: str
    tax_year: str
    irmark: str
    people: int                      # PAs in an FPS
    employment_allowance: bool       # an EPS claims it
    no_payment: bool                 # an EPS for a month with no pay


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def _run(session, employer_id: int, pay_date: date) -> models.PayRun:
    run = session.scalar(select(models.PayRun).where(models.PayRun.employer_id == employer_id,
                                                     models.PayRun.pay_date == pay_date))
    if run is None:
        raise NotFound("RTI_NO_PAY_RUN", pay_date)
    return run


def _records(session, employer_id: int, up_to: date | None = None) -> list[tuple[int, PayRecord]]:
    query = (select(models.PayRun.id, models.StoredPayslip.pa_id, models.StoredPayslip.document)
             .join(models.PayRun).where(models.PayRun.employer_id == employer_id)
             .order_by(models.PayRun.pay_date, models.StoredPayslip.id))
    if up_to is not None:
        query = query.where(models.PayRun.pay_date <= up_to)
    return [(run_id, from_document(json.loads(document), pa_id)) for run_id, pa_id, document in session.execute(query)]


def _with_details_now(session, records: list[PayRecord]) -> list[PayRecord]:
    """Records from before format 4 take the PA's gender and starter declaration as they are now, and a
    record made before the PA was marked as paid through an earlier payroll takes that day as it is now
    and payroll ID as they are now (so marking them after the pay run is made, when its FPS is refused for
    a starter declaration, works)."""
    out = []
    for record in records:
        details = record.pa_details
        if (not details.gender or not details.starter_declaration or details.earlier_payroll_last_paid is None
                or not details.payroll_id):
            row = session.get(models.PersonalAssistant, record.pa_id)
            if row is not None:
                details = replace(details, gender=details.gender or row.gender,
                                  starter_declaration=details.starter_declaration or row.starter_declaration,
                                  earlier_payroll_last_paid=(details.earlier_payroll_last_paid
                                                             or row.earlier_payroll_last_paid),
                                  payroll_id=details.payroll_id or row.payroll_id)
        out.append(replace(record, pa_details=details))
    return out


def fps_of(db: Database, employer_id: int, pay_date: date, final_for_year: bool | None = None) -> rti.Fps:
    """The FPS of the pay run paid on `pay_date`."""
    with db.session() as s:
        run = _run(s, employer_id, pay_date)
        everything = _records(s, employer_id, up_to=pay_date)
        history = _with_details_now(s, [r for _, r in everything])
        mine = [r for (run_id, _), r in zip(everything, history) if run_id == run.id]
    try:
        return rti.fps_for(mine, history, final_for_year)
    except RtiError as error:
        raise _error(error) from None


def _report(row: models.RtiReport, pay_date: date | None) -> Report:
    return Report(row.kind, row.tax_year, row.tax_month, pay_date, row.made_at, row.irmark, row.sent_at, row.sent_how)


def fps_reports(db: Database, employer_id: int, pay_date: date) -> list[Report]:
    """Every FPS report of the pay run, oldest first."""
    with db.session() as s:
        run = _run(s, employer_id, pay_date)
        rows = s.scalars(select(models.RtiReport).where(models.RtiReport.pay_run_id == run.id)
                         .order_by(models.RtiReport.id))
        return [_report(row, pay_date) for row in rows]


def fps_status(db: Database, employer_id: int, pay_date: date) -> Report | None:
    """The pay run's FPS as it stands: the report that reached HMRC if one did, else the latest made."""
    reports = fps_reports(db, employer_id, pay_date)
    sent = [r for r in reports if r.sent]
    return sent[-1] if sent else (reports[-1] if reports else None)


# ---------------------------------------------------------------------------------------------
# Making the files
# ---------------------------------------------------------------------------------------------

def _write(document: bytes, out: Path) -> rti_files.Checked:
    checked = rti_files.check(document)
    if not checked.ok:  # a fault of PA Manager's, never the user's: say so rather than save a bad file
        raise ServiceError("RTI_FILE_FAILS_CHECKS", checked.errors[0])
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(document)
    except OSError as error:
        raise ServiceError("RTI_FILE_NOT_SAVED", str(out), reason=error.strerror or str(error)) from None
    return checked


def write_fps(db: Database, employer_id: int, pay_date: date, out: Path, now: datetime, *,
              late_reason: str | None = None, final_for_year: bool | None = None) -> MadeFile:
    """Save the pay run's FPS at `out` and record that it was made."""
    if late_reason is not None and late_reason not in LATE_REASONS:
        raise ServiceError("RTI_LATE_REASON")
    fps = fps_of(db, employer_id, pay_date, final_for_year)
    try:
        document = rti_files.fps_file(fps, late_reason)
    except RtiError as error:
        raise _error(error) from None
    checked = _write(document, out)
    with db.session() as s:
        run = _run(s, employer_id, pay_date)
        s.add(models.RtiReport(employer_id=employer_id, kind=FPS, pay_run_id=run.id, tax_year=fps.tax_year,
                               made_at=now, irmark=checked.irmark))
    return MadeFile(Path(out), FPS, fps.tax_year, checked.irmark, len(fps.employees), False, False)


def _allowance_claimed(session, employer_id: int, tax_year: str) -> bool:
    return session.scalar(select(models.RtiReport.id).where(
        models.RtiReport.employer_id == employer_id, models.RtiReport.kind == EPS,
        models.RtiReport.tax_year == tax_year, models.RtiReport.employment_allowance.is_(True))) is not None


def eps_of(db: Database, employer_id: int, tax_year: str, month: int,
           claim_employment_allowance: bool | None = None) -> rti.Eps:
    """The EPS for a tax month. The Employment Allowance is claimed when the employer claims it and no
    EPS made here has claimed it for that tax year yet (HMRC needs the claim once a year), unless
    `claim_employment_allowance` says otherwise."""
    with db.session() as s:
        employer = s.get(models.Employer, employer_id)
        if employer is None:
            raise NotFound("EMPLOYER_GONE")
        records = [r for _, r in _records(s, employer_id)]
        if claim_employment_allowance is None:
            claim_employment_allowance = (employer.claims_employment_allowance
                                          and not _allowance_claimed(s, employer_id, tax_year))
        paye, ao = employer.paye_reference, employer.accounts_office_reference
    try:
        return rti.eps_for(paye, ao, tax_year, month, records, claim_employment_allowance=claim_employment_allowance,
                           final_for_year=False)
    except RtiError as error:
        raise _error(error) from None


def write_eps(db: Database, employer_id: int, tax_year: str, month: int, out: Path, now: datetime, *,
              claim_employment_allowance: bool | None = None) -> MadeFile:
    eps = eps_of(db, employer_id, tax_year, month, claim_employment_allowance)
    try:
        document = rti_files.eps_file(eps)
    except RtiError as error:
        raise _error(error) from None
    checked = _write(document, out)
    with db.session() as s:
        s.add(models.RtiReport(employer_id=employer_id, kind=EPS, tax_year=tax_year, tax_month=month, made_at=now,
                               irmark=checked.irmark, employment_allowance=eps.employment_allowance))
    return MadeFile(Path(out), EPS, tax_year, checked.irmark, 0, eps.employment_allowance,
                    eps.no_payment_from is not None)


@dataclass(frozen=True)
class MadeNvreq:
    path: Path
    pa_name: str
    irmark: str


def _nvreq(db: Database, employer_id: int, pa_name: str, today: date) -> tuple[nvreq.Nvreq, str]:
    with db.session() as s:
        employer = s.get(models.Employer, employer_id)
        if employer is None:
            raise NotFound("EMPLOYER_GONE")
        pa = find_pa(s, employer_id, pa_name)
        paye, name = employer.paye_reference, pa.name
        details = dict(ni_number=pa.ni_number or "", date_of_birth=pa.date_of_birth, gender=pa.gender or "",
                       address=pa.address or "", postcode=pa.postcode or "")
    try:
        return nvreq.nvreq_for(paye, [nvreq.nvreq_employee(name, today=today, **details)], today), name
    except RtiError as error:
        raise _error(error) from None


def nvreq_of(db: Database, employer_id: int, pa_name: str, today: date) -> nvreq.Nvreq:
    """The NINO Verification Request for the PA called `pa_name`, who has no NI number recorded."""
    return _nvreq(db, employer_id, pa_name, today)[0]


def write_nvreq(db: Database, employer_id: int, pa_name: str, out: Path, today: date) -> MadeNvreq:
    """Save the NINO Verification Request for a PA without an NI number at `out`."""
    request, name = _nvreq(db, employer_id, pa_name, today)
    checked = _write(rti_files.nvreq_file(request), out)
    return MadeNvreq(Path(out), name, checked.irmark)


# ---------------------------------------------------------------------------------------------
# Recording that it reached HMRC
# ---------------------------------------------------------------------------------------------

def mark_fps_sent(db: Database, employer_id: int, pay_date: date, how: str, now: datetime) -> Report:
    """Record that the pay run's FPS reached HMRC: the file made here, sent another way (FILE_SENT), or the
    figures entered in Basic PAYE Tools. FILE_SENT marks the latest file made."""
    if how not in SENT_BY_USER:
        raise ValueError(how)
    with db.session() as s:
        run = _run(s, employer_id, pay_date)
        rows = list(s.scalars(select(models.RtiReport).where(models.RtiReport.pay_run_id == run.id)
                              .order_by(models.RtiReport.id)))
        made = [r for r in rows if r.made_at is not None]
        if how == FILE_SENT:
            if not made:
                raise ServiceError("RTI_NO_FPS_FILE", pay_date)
            row = made[-1]
        else:
            row = models.RtiReport(employer_id=employer_id, kind=FPS, pay_run_id=run.id, tax_year=run.tax_year)
            s.add(row)
        row.sent_at, row.sent_how = now, how
        s.flush()
        return _report(row, pay_date)


def mark_fps_sent_undoably(db: Database, employer_id: int, pay_date: date, how: str, now: datetime) -> Done[Report]:
    """mark_fps_sent, with the change it made to the pay run's RTI notes (FPS_SENT_RECORDED), for undo."""
    with db.session() as s:
        recorder = Recorder(s)
        recorder.watch(models.RtiReport, models.RtiReport.pay_run_id == _run(s, employer_id, pay_date).id)
        report = mark_fps_sent(db, employer_id, pay_date, how, now)
        return done(report, recorder, "FPS_SENT_RECORDED", employer_id, pay_date=pay_date.isoformat(), how=how)


# ---------------------------------------------------------------------------------------------
# What needs doing
# ---------------------------------------------------------------------------------------------

def fps_due_items(db: Database, employer_id: int, today: date,
                  within_days: int = rules.DEFAULT_WITHIN_DAYS) -> list[DueItem]:
    """Each finalised pay run whose FPS has not reached HMRC: late once its pay day has passed, due soon
    before it (an FPS is due on or before the pay day)."""
    with db.session() as s:
        runs = s.execute(select(models.PayRun.id, models.PayRun.pay_date)
                         .where(models.PayRun.employer_id == employer_id)).all()
        reported = set(s.scalars(select(models.RtiReport.pay_run_id).where(
            models.RtiReport.employer_id == employer_id, models.RtiReport.kind == FPS,
            models.RtiReport.sent_how != "")))
    items = []
    for run_id, pay_date in runs:
        if run_id in reported:
            continue
        due = rti.fps_due(pay_date)
        if due < today:
            items.append(DueItem.of(FPS_LATE, due, rules.OVERDUE, subject=pay_date.isoformat(), pay_date=pay_date))
        else:
            status = rules.deadline_status(due, today, within_days)
            if status != rules.OK:
                items.append(DueItem.of(FPS_DUE, due, status, subject=pay_date.isoformat(), pay_date=pay_date))
    return items
