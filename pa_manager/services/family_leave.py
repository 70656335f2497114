"""Family leave with statutory pay (domain.family_pay): record, change and remove a PA's leave (each
undoable), see its weeks and amounts, the average weekly earnings the stored pay records give for its
relevant period, and what a pay run pays in its period. What the employer recovers from HMRC is worked out
from the pay records alone (domain.family_pay.recovery_to_date, through the EPS)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pa_manager.domain import family_pay as rules
from pa_manager.domain.family_pay import FamilyLeave, LeavePay
from pa_manager.domain.pay_period import FamilyPayment
from pa_manager.domain.sick_pay import AverageWeeklyEarnings, Payment
from pa_manager.domain.validation import Problem
from pa_manager.services import employers, people
from pa_manager.services.errors import NotFound, ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import models
from pa_manager.storage.database import Database

FAMILY_LEAVE_SAVED = "FAMILY_LEAVE_SAVED"
FAMILY_LEAVE_REMOVED = "FAMILY_LEAVE_REMOVED"


@dataclass(frozen=True)
class LeaveRecord:
    id: int
    pa_id: int
    pa_name: str
    leave: FamilyLeave
    pay: LeavePay


def _days(text: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(part) for part in text.split(",") if part.strip())


def _leave_of(row: models.FamilyLeave) -> FamilyLeave:
    return FamilyLeave(kind=row.kind, key_date=row.key_date, leave_start=row.leave_start, pay_start=row.pay_start,
                       average_weekly_earnings=row.average_weekly_earnings, adoption=row.adoption, weeks=row.weeks,
                       leave_end=row.leave_end, evidence_received=row.evidence_received,
                       keeping_in_touch_days=_days(row.keeping_in_touch_days), notes=row.notes)


def _record(row: models.FamilyLeave, pa) -> LeaveRecord:
    leave = _leave_of(row)
    return LeaveRecord(row.id, row.pa_id, pa.name, leave, rules.work_out(leave, pa.start_date, pa.leaving_date))


def list_leave(db: Database, employer_id: int, pa_id: int | None = None) -> list[LeaveRecord]:
    """The employer's family leave (one PA's with pa_id), earliest pay first, each worked out."""
    with db.session() as s:
        query = select(models.FamilyLeave).where(models.FamilyLeave.employer_id == employer_id)
        if pa_id is not None:
            query = query.where(models.FamilyLeave.pa_id == pa_id)
        rows = list(s.scalars(query.order_by(models.FamilyLeave.pay_start, models.FamilyLeave.id)))
        for row in rows:
            s.expunge(row)
    pas = {pa.id: pa for pa in people.list_pas(db, employer_id)}
    return [_record(row, pas.get(row.pa_id) or people.get_pa(db, row.pa_id)) for row in rows]


def get_leave(db: Database, leave_id: int) -> LeaveRecord:
    with db.session() as s:
        row = s.get(models.FamilyLeave, leave_id)
        if row is None:
            raise NotFound(Problem("FAMILY_LEAVE_NOT_FOUND"))
        s.expunge(row)
    return _record(row, people.get_pa(db, row.pa_id))


def _check(leave: FamilyLeave, pa_name: str) -> None:
    problems = rules.check_leave(leave)
    if problems:
        raise ValidationFailed({name: Problem(code, pa_name) for name, code in problems.items()})


def _write(row: models.FamilyLeave, leave: FamilyLeave) -> None:
    row.kind, row.adoption, row.key_date = leave.kind, leave.adoption, leave.key_date
    row.leave_start, row.leave_end, row.pay_start = leave.leave_start, leave.leave_end, leave.pay_start
    row.weeks, row.average_weekly_earnings = leave.weeks, leave.average_weekly_earnings
    row.evidence_received = leave.evidence_received
    row.keeping_in_touch_days = ",".join(d.isoformat() for d in sorted(set(leave.keeping_in_touch_days)))
    row.notes = leave.notes.strip()


def save_leave(db: Database, employer_id: int, pa_id: int, leave: FamilyLeave, leave_id: int | None = None) -> int:
    """Record a PA's family leave (or change the one with leave_id); its id. ValidationFailed, keyed by
    field as domain.family_pay.check_leave keys it, when the record is wrong."""
    pa = people.get_pa(db, pa_id)
    _check(leave, pa.name)
    with db.session() as s:
        if leave_id is None:
            row = models.FamilyLeave(employer_id=employer_id, pa_id=pa_id)
            s.add(row)
        else:
            row = s.get(models.FamilyLeave, leave_id)
            if row is None or row.employer_id != employer_id:
                raise NotFound(Problem("FAMILY_LEAVE_NOT_FOUND"))
            row.pa_id = pa_id
        _write(row, leave)
        s.flush()
        return row.id


def remove_leave(db: Database, employer_id: int, leave_id: int) -> None:
    with db.session() as s:
        row = s.get(models.FamilyLeave, leave_id)
        if row is None or row.employer_id != employer_id:
            raise NotFound(Problem("FAMILY_LEAVE_NOT_FOUND"))
        s.delete(row)


def save_leave_undoably(db: Database, employer_id: int, pa_id: int, leave: FamilyLeave,
                        leave_id: int | None = None) -> Done[int]:
    """save_leave, with the change it made (FAMILY_LEAVE_SAVED), for undo."""
    return undoable(db, FAMILY_LEAVE_SAVED, employer_id, lambda: save_leave(db, employer_id, pa_id, leave, leave_id),
                    [(models.FamilyLeave, models.FamilyLeave.pa_id == pa_id)],
                    lambda _: {"name": people.get_pa(db, pa_id).name, "kind": leave.kind})


def remove_leave_undoably(db: Database, employer_id: int, leave_id: int) -> Done[None]:
    """remove_leave, with the change it made (FAMILY_LEAVE_REMOVED), for undo."""
    found = get_leave(db, leave_id)
    return undoable(db, FAMILY_LEAVE_REMOVED, employer_id, lambda: remove_leave(db, employer_id, leave_id),
                    [(models.FamilyLeave, models.FamilyLeave.id == leave_id)],
                    lambda _: {"name": found.pa_name, "kind": found.leave.kind})


class FamilyLeaveRule(Rule):
    """Undo and redo of family leave: a record put back is checked as saving checks it."""

    tables = frozenset({"family_leave"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is None:
                continue
            row = s.get(models.FamilyLeave, r.new["id"])
            pa = s.get(models.PersonalAssistant, row.pa_id)
            _check(_leave_of(row), pa.name)


# --- average weekly earnings from the stored pay ---------------------------------------------------

def earnings_for(db: Database, employer_id: int, pa_id: int, kind: str, key_date: date,
                 adoption: bool = False) -> AverageWeeklyEarnings:
    """The AWE the finalised pay records give for the relevant period of a leave (the 8 weeks of pay
    days to the qualifying week); its `basis` and `relevant_period` say how it was found."""
    qw = rules.qualifying_week(kind, key_date, adoption)
    employer = employers.get_employer(db, employer_id)
    pa = people.get_pa(db, pa_id)
    with db.session() as s:
        rows = s.execute(select(models.PayRun.pay_date, models.StoredPayslip.gross_pay, models.PayRun.period_start,
                                models.PayRun.period_end)
                         .join(models.PayRun).where(models.PayRun.employer_id == employer_id,
                                                    models.StoredPayslip.pa_id == pa_id)
                         .order_by(models.PayRun.pay_date)).all()
        first_run = s.scalar(select(models.PayRun.period_start).where(models.PayRun.employer_id == employer_id)
                             .order_by(models.PayRun.period_start).limit(1))
    payments = [Payment(paid_on, gross, start, end) for paid_on, gross, start, end in rows]
    return rules.average_weekly_earnings(qw, payments, employer.pay_frequency, employed_from=pa.start_date,
                                         records_from=first_run)


# --- the pay run -----------------------------------------------------------------------------------

def leave_by_pa(session, employer_id: int) -> dict[int, list]:
    """Every leave of the employer, by PA, oldest first: read once for the pay runs being worked out,
    inside their own session (pay_in_period works out each PA's share in each period)."""
    found: dict[int, list] = {}
    for row in session.scalars(select(models.FamilyLeave).where(models.FamilyLeave.employer_id == employer_id)
                               .order_by(models.FamilyLeave.pay_start, models.FamilyLeave.id)):
        found.setdefault(row.pa_id, []).append(row)
    return found


def pay_in_period(rows, pa, period_start: date, period_end: date) -> tuple[FamilyPayment, ...]:
    """The statutory family pay due to a PA in a pay period from their recorded leave (`rows`, from
    leave_by_pa): nothing for a leave they are not entitled to pay for."""
    out = []
    for row in rows:
        if row.pay_start > period_end:  # not started: nothing in this period, nor any later year's rates needed
            continue
        leave = _leave_of(row)
        paid = rules.work_out(leave, pa.start_date, pa.leaving_date)
        for line in rules.pay_in_period(leave.kind, paid.weeks, period_start, period_end):
            out.append(FamilyPayment(line.kind, line.weekly_rate, line.days, line.amount,
                                     paid.eligibility.qualifying_week))
    return tuple(out)


def json_leave(record: LeaveRecord) -> dict:
    """A leave as plain JSON values (money as decimal strings) for the command line."""
    leave, pay = record.leave, record.pay
    return {
        "id": record.id, "pa_id": record.pa_id, "pa": record.pa_name, "kind": leave.kind, "adoption": leave.adoption,
        "key_date": leave.key_date.isoformat(), "leave_start": leave.leave_start.isoformat(),
        "leave_end": leave.leave_end.isoformat() if leave.leave_end else None,
        "pay_start": leave.pay_start.isoformat(), "weeks": leave.weeks,
        "average_weekly_earnings": str(leave.average_weekly_earnings),
        "evidence_received": leave.evidence_received.isoformat() if leave.evidence_received else None,
        "keeping_in_touch_days": [d.isoformat() for d in leave.keeping_in_touch_days],
        "qualifying_week": pay.eligibility.qualifying_week.isoformat(),
        "lower_earnings_limit": str(pay.eligibility.lower_earnings_limit),
        "entitled": pay.eligibility.entitled, "codes": list(pay.eligibility.codes),
        "pay_weeks": [{"week": w.number, "from": w.first.isoformat(), "to": w.last.isoformat(),
                       "weekly_rate": str(w.weekly_rate), "basis": w.basis} for w in pay.weeks],
        "total": str(pay.total),
    }


def as_json(records: list[LeaveRecord]) -> str:
    return json.dumps([json_leave(r) for r in records], indent=2)
