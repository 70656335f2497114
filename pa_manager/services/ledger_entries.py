"""Entering a finalised pay run's payments in the budget ledger, inside the pay run's own transaction,
so the ledger never misses or doubles a pay run."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import delete, insert

from pa_manager.domain.money import ZERO
from pa_manager.domain.tax_year import hmrc_payment_due
from pa_manager.storage import models


def pay_run_reference(pay_date: date) -> str:
    """The reference every ledger entry of one pay run carries, which ties the entry to its pay run."""
    return f"pay run {pay_date.isoformat()}"


def add_pay_run_entries(session, employer_id: int, pay_date: date, slips) -> None:
    """Take-home pay and expenses and pension on the pay day; HMRC's share on the day it is due.
    `slips` are the pay run's records (domain.pay_record.PayRecord)."""
    reference = pay_run_reference(pay_date)
    net = sum((s.net_pay - s.additions_total for s in slips), ZERO)
    expenses = sum((s.additions_total for s in slips), ZERO)
    pension = sum((s.employee_pension + s.employer_pension for s in slips), ZERO)
    hmrc = sum((s.hmrc_due for s in slips), ZERO)
    lines: list[tuple[date, Decimal, str, str]] = [
        (pay_date, net, "pa_net_pay", "Take-home pay"),
        (pay_date, expenses, "pa_expenses", "PA expenses"),
        (pay_date, pension, "pension", "Pension contributions"),
        (hmrc_payment_due(pay_date), hmrc, "hmrc_tax_ni", "Tax and National Insurance to HMRC"),
    ]
    session.execute(delete(models.LedgerEntry).where(models.LedgerEntry.employer_id == employer_id,
                                                     models.LedgerEntry.reference == reference))
    rows = [dict(employer_id=employer_id, on=on, amount=-amount, category=category,
                 description=f"{text} ({pay_date:%d/%m/%Y} pay run)", source="pay_run", reference=reference)
            for on, amount, category, text in lines if amount > 0]
    if rows:
        session.execute(insert(models.LedgerEntry), rows)
