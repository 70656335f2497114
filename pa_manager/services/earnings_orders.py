"""Attachment of earnings orders on a PA's pay (domain.attachment_of_earnings): record an order and stop
it (each undoable), list a PA's orders with what has been deducted under each, and give the pay run the
orders in force on a pay day.

What has been paid to the court and what is carried forward are worked out from the stored pay records
every time (the deduction lines, named by the order's reference, and each record's pay after tax, NI
and pension), never kept as a running total."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from pa_manager.domain import attachment_of_earnings as rules
from pa_manager.domain.attachment_of_earnings import Carried, OrderDue, OrderTerms
from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pay_record import from_document
from pa_manager.domain.validation import Problem
from pa_manager.services import people
from pa_manager.services.errors import NotFound, ServiceError, ValidationFailed
from pa_manager.services.undo import Done, Rule, undoable
from pa_manager.storage import models
from pa_manager.storage.database import Database

EARNINGS_ORDER_SAVED = "EARNINGS_ORDER_SAVED"
EARNINGS_ORDER_STOPPED = "EARNINGS_ORDER_STOPPED"


@dataclass(frozen=True)
class OrderDetails:
    """An order as the court sent it, as the user enters it."""

    kind: str
    reference: str
    issued_by: str
    start_date: date
    normal_deduction_rate: Decimal
    protected_earnings_rate: Decimal
    rate_period: str
    total_to_pay: Decimal | None = None
    take_fee: bool = True
    notes: str = ""

    @property
    def terms(self) -> OrderTerms:
        return OrderTerms(self.kind, self.normal_deduction_rate, self.protected_earnings_rate, self.rate_period,
                          self.total_to_pay, self.take_fee)


@dataclass(frozen=True)
class PaidUnder:
    """One pay day under an order, from its stored pay record."""

    pay_date: date
    attachable: Decimal
    deducted: Decimal
    fee: Decimal


@dataclass(frozen=True)
class OrderRecord:
    id: int
    pa_id: int
    pa_name: str
    details: OrderDetails
    end_date: date | None
    pay_days: tuple[PaidUnder, ...]
    carried: Carried

    @property
    def deducted(self) -> Decimal:
        """Paid to the court so far (the employer's fees not counted)."""
        return sum((p.deducted for p in self.pay_days), ZERO)

    @property
    def fees(self) -> Decimal:
        return sum((p.fee for p in self.pay_days), ZERO)

    @property
    def left_to_pay(self) -> Decimal | None:
        total = self.details.total_to_pay
        return None if total is None else max(total - self.deducted, ZERO)

    def in_force_on(self, day: date) -> bool:
        return self.details.start_date <= day and (self.end_date is None or day < self.end_date)


def _details(row: models.EarningsOrder) -> OrderDetails:
    return OrderDetails(kind=row.kind, reference=row.reference, issued_by=row.issued_by, start_date=row.start_date,
                        normal_deduction_rate=row.normal_deduction_rate,
                        protected_earnings_rate=row.protected_earnings_rate, rate_period=row.rate_period,
                        total_to_pay=row.total_to_pay, take_fee=row.take_fee, notes=row.notes)


def _paid_under(session, employer_id: int, row: models.EarningsOrder, before: date | None = None) -> list[PaidUnder]:
    """The stored pay days of the order's PA from its start (to its stop, and before `before`), oldest
    first, with what was deducted under it on each; a pay day after the stop is kept only if a deduction
    was made on it (the order was stopped from an earlier day afterwards)."""
    query = (select(models.PayRun.pay_date, models.StoredPayslip.gross_pay, models.StoredPayslip.tax,
                    models.StoredPayslip.employee_ni, models.StoredPayslip.employee_pension,
                    models.StoredPayslip.document)
             .join(models.PayRun).where(models.PayRun.employer_id == employer_id,
                                        models.StoredPayslip.pa_id == row.pa_id,
                                        models.PayRun.pay_date >= row.start_date))
    if before is not None:
        query = query.where(models.PayRun.pay_date < before)
    out = []
    for pay_date, gross, tax, ni, pension, document in session.execute(query.order_by(models.PayRun.pay_date)):
        record = from_document(json.loads(document))
        mine = [d for d in record.deductions if d.description == row.reference]
        if row.end_date is not None and pay_date >= row.end_date and not mine:
            continue   # after the stop; a deduction already made on such a day still counts as paid
        out.append(PaidUnder(
            pay_date, rules.attachable_earnings(gross, tax, ni, pension),
            sum((d.amount for d in mine if d.code == rules.ATTACHMENT_OF_EARNINGS), ZERO),
            sum((d.amount for d in mine if d.code == rules.ATTACHMENT_FEE), ZERO)))
    return out


def _carried(details: OrderDetails, frequency: PayFrequency, paid: list[PaidUnder]) -> Carried:
    try:
        return rules.carried_from(details.terms, frequency, [(p.attachable, p.deducted) for p in paid])
    except rules.EarningsOrderError:
        return Carried()


def _frequency(session, employer_id: int) -> PayFrequency:
    return PayFrequency(session.get(models.Employer, employer_id).pay_frequency)


def list_orders(db: Database, employer_id: int, pa_id: int | None = None) -> list[OrderRecord]:
    """The employer's orders (one PA's with pa_id), oldest first, each with what has been deducted."""
    with db.session() as s:
        query = select(models.EarningsOrder).where(models.EarningsOrder.employer_id == employer_id)
        if pa_id is not None:
            query = query.where(models.EarningsOrder.pa_id == pa_id)
        rows = list(s.scalars(query.order_by(models.EarningsOrder.start_date, models.EarningsOrder.id)))
        frequency = _frequency(s, employer_id)
        names = dict(s.execute(select(models.PersonalAssistant.id, models.PersonalAssistant.name)
                               .where(models.PersonalAssistant.employer_id == employer_id)).all())
        out = []
        for row in rows:
            paid = _paid_under(s, employer_id, row)
            details = _details(row)
            out.append(OrderRecord(row.id, row.pa_id, names.get(row.pa_id, ""), details, row.end_date, tuple(paid),
                                   _carried(details, frequency, paid)))
    return out


def get_order(db: Database, employer_id: int, order_id: int) -> OrderRecord:
    for order in list_orders(db, employer_id):
        if order.id == order_id:
            return order
    raise NotFound(Problem("AEO_NOT_FOUND"))


def check_order(details: OrderDetails, frequency: PayFrequency) -> dict[str, Problem]:
    """What is wrong with an order as entered, by field (empty when nothing is)."""
    problems: dict[str, Problem] = {}
    if details.kind not in rules.KINDS:
        problems["kind"] = Problem(rules.AEO_KIND, details.kind)
    if not details.reference.strip():
        problems["reference"] = Problem("AEO_REFERENCE_MISSING")
    if details.rate_period not in rules.RATE_PERIODS:
        problems["rate_period"] = Problem("AEO_RATE_PERIOD_UNKNOWN", details.rate_period)
    elif details.kind in rules.KINDS:
        try:
            rules.period_amounts(details.terms, frequency)
        except rules.EarningsOrderError as error:
            problems["rate_period"] = Problem.of(error.code, details.rate_period, frequency=frequency.value)
    if details.normal_deduction_rate <= 0:
        problems["normal_deduction_rate"] = Problem("AEO_NORMAL_DEDUCTION_NOT_POSITIVE")
    if details.protected_earnings_rate < 0:
        problems["protected_earnings_rate"] = Problem("AEO_PROTECTED_EARNINGS_NEGATIVE")
    if details.total_to_pay is not None and details.total_to_pay <= 0:
        problems["total_to_pay"] = Problem("AEO_TOTAL_NOT_POSITIVE")
    return problems


def _check_row(s, row: models.EarningsOrder) -> None:
    problems = check_order(_details(row), _frequency(s, row.employer_id))
    taken = s.scalar(select(func.count()).select_from(models.EarningsOrder).where(
        models.EarningsOrder.pa_id == row.pa_id, models.EarningsOrder.id != row.id,
        func.lower(models.EarningsOrder.reference) == row.reference.strip().lower()))
    if taken:
        problems.setdefault("reference", Problem("AEO_REFERENCE_TAKEN", row.reference))
    if row.end_date is not None and row.end_date < row.start_date:
        problems["end_date"] = Problem("AEO_STOPS_BEFORE_START")
    if problems:
        raise ValidationFailed(problems)


def add_order(db: Database, employer_id: int, pa_id: int, details: OrderDetails) -> int:
    """Record an order on a PA's pay; its id. ValidationFailed, by field, when it is wrong."""
    people.get_pa(db, pa_id)
    with db.session() as s:
        row = models.EarningsOrder(
            employer_id=employer_id, pa_id=pa_id, kind=details.kind, reference=details.reference.strip(),
            issued_by=details.issued_by.strip(), start_date=details.start_date, end_date=None,
            normal_deduction_rate=details.normal_deduction_rate,
            protected_earnings_rate=details.protected_earnings_rate, rate_period=details.rate_period,
            total_to_pay=details.total_to_pay, take_fee=details.take_fee, notes=details.notes.strip())
        s.add(row)
        s.flush()
        _check_row(s, row)
        return row.id


def stop_order(db: Database, employer_id: int, order_id: int, on: date) -> None:
    """Stop an order from a day (the court discharged it, or the PA left): no deduction on a pay day on
    or after it."""
    with db.session() as s:
        row = s.get(models.EarningsOrder, order_id)
        if row is None or row.employer_id != employer_id:
            raise NotFound(Problem("AEO_NOT_FOUND"))
        if row.end_date is not None:
            raise ServiceError("AEO_ALREADY_STOPPED", row.reference, on=row.end_date)
        row.end_date = on
        s.flush()
        _check_row(s, row)


def _pa_name(db: Database, pa_id: int) -> str:
    return people.get_pa(db, pa_id).name


def add_order_undoably(db: Database, employer_id: int, pa_id: int, details: OrderDetails) -> Done[int]:
    """add_order, with the change it made (EARNINGS_ORDER_SAVED), for undo."""
    return undoable(db, EARNINGS_ORDER_SAVED, employer_id, lambda: add_order(db, employer_id, pa_id, details),
                    [(models.EarningsOrder, models.EarningsOrder.pa_id == pa_id)],
                    lambda _: {"name": _pa_name(db, pa_id), "reference": details.reference.strip()})


def stop_order_undoably(db: Database, employer_id: int, order_id: int, on: date) -> Done[None]:
    """stop_order, with the change it made (EARNINGS_ORDER_STOPPED), for undo."""
    found = get_order(db, employer_id, order_id)
    return undoable(db, EARNINGS_ORDER_STOPPED, employer_id, lambda: stop_order(db, employer_id, order_id, on),
                    [(models.EarningsOrder, models.EarningsOrder.id == order_id)],
                    lambda _: {"name": found.pa_name, "reference": found.details.reference})


class EarningsOrderRule(Rule):
    """Undo and redo of an order: one put back is checked as recording it checks it."""

    tables = frozenset({"earnings_orders"})

    def after(self, s, rows, state, reversal):
        for r in rows:
            if r.new is not None:
                _check_row(s, s.get(models.EarningsOrder, r.new["id"]))


# --- the pay run -----------------------------------------------------------------------------------

def orders_by_pa(session, employer_id: int) -> dict[int, list[models.EarningsOrder]]:
    """Every order of the employer, by PA, oldest first: read once for the pay runs being worked out,
    inside their own session (orders_due works out which are in force on each PA's pay day)."""
    found: dict[int, list[models.EarningsOrder]] = {}
    for row in session.scalars(select(models.EarningsOrder).where(models.EarningsOrder.employer_id == employer_id)
                               .order_by(models.EarningsOrder.start_date, models.EarningsOrder.id)):
        found.setdefault(row.pa_id, []).append(row)
    return found


def orders_due(session, employer_id: int, rows: list[models.EarningsOrder], pay_date: date,
               frequency: PayFrequency) -> tuple[OrderDue, ...]:
    """The orders in force on a PA's pay day (`rows`: theirs from orders_by_pa), oldest first, each
    with what the pay days already paid under it carry forward."""
    out = []
    for row in rows:
        if row.start_date > pay_date or (row.end_date is not None and pay_date >= row.end_date):
            continue
        details = _details(row)
        paid = _paid_under(session, employer_id, row, before=pay_date)
        out.append(OrderDue(details.reference, details.issued_by, details.terms,
                            _carried(details, frequency, paid), sum((p.deducted for p in paid), ZERO)))
    return tuple(out)


# --- plain values for the command line -------------------------------------------------------------

def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def json_order(order: OrderRecord) -> dict:
    """An order as plain JSON values (money as decimal strings)."""
    d = order.details
    return {
        "id": order.id, "pa_id": order.pa_id, "pa": order.pa_name, "kind": d.kind, "reference": d.reference,
        "issued_by": d.issued_by, "start_date": d.start_date.isoformat(),
        "end_date": order.end_date.isoformat() if order.end_date else None,
        "normal_deduction_rate": str(d.normal_deduction_rate),
        "protected_earnings_rate": str(d.protected_earnings_rate), "rate_period": d.rate_period,
        "total_to_pay": _money(d.total_to_pay), "take_fee": d.take_fee, "notes": d.notes,
        "deducted": str(order.deducted), "fees": str(order.fees), "left_to_pay": _money(order.left_to_pay),
        "carried_protected_shortfall": str(order.carried.protected_shortfall),
        "carried_arrears": str(order.carried.arrears),
        "pay_days": [{"pay_date": p.pay_date.isoformat(), "attachable": str(p.attachable),
                      "deducted": str(p.deducted), "fee": str(p.fee)} for p in order.pay_days],
    }
