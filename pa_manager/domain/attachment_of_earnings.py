"""Attachment of earnings orders made by a court in England and Wales: what the employer deducts on
each pay-day (Attachment of Earnings Act 1971, Schedule 3 Part I).

- Attachable earnings (para 3) are the pay left after income tax, the employee's Class 1 NI and the
  employee's pension contributions (https://www.legislation.gov.uk/ukpga/1971/32/schedule/3).
- The order states a normal deduction rate and a protected earnings rate; the pay-day's normal
  deduction and protected earnings are those rates applied to the period the pay is for (para 4).
  Here the rates are per week or per month: a weekly rate is multiplied by the weeks in a weekly,
  fortnightly or four-weekly pay period; a monthly rate applies to monthly pay. Other pairings are
  refused (AEO_RATE_PERIOD), so no unsourced conversion is made.
- An order to pay a judgment debt or under an administration order (para 5): deduct the excess of
  attachable earnings over protected earnings, or the normal deduction, whichever is less; nothing
  when attachable earnings are at or below protected earnings. Nothing is carried forward.
- Any other order, a maintenance order for one (para 6): a shortfall of attachable earnings below
  protected earnings on earlier pay-days is made good first from later excess, and normal deductions
  not taken on earlier pay-days are deducted later as far as the excess allows.
- The employer may deduct, in addition, a fee each time it makes a deduction (s.7(4)(a); the sum is
  rates data, attachment_of_earnings.employer_fee). Here the fee is taken only when the whole of it
  fits above the protected earnings after the order's deduction, so it never takes the PA below them.
- When the order states the total to pay, deductions stop once it has been paid.

Carried amounts are worked out from the pay-days already paid (attachable earnings and what was
deducted on each), never kept as a running total.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from pa_manager.domain.money import ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import dec, value

JUDGMENT_DEBT = "judgment_debt"   # Sch 3 para 5: no carry-forward
MAINTENANCE = "maintenance"       # Sch 3 para 6: shortfalls carried forward
KINDS = (JUDGMENT_DEBT, MAINTENANCE)

WEEK = "week"
MONTH = "month"
RATE_PERIODS = (WEEK, MONTH)

# Deduction codes (payroll.DeductionLine.code).
ATTACHMENT_OF_EARNINGS = "ATTACHMENT_OF_EARNINGS"
ATTACHMENT_FEE = "ATTACHMENT_FEE"

# Refusal codes.
AEO_RATE_PERIOD = "AEO_RATE_PERIOD"     # the order's rate period does not fit the PA's pay frequency
AEO_KIND = "AEO_KIND"


class EarningsOrderError(ValueError):
    """An order that cannot be applied to this pay. `code` says why; `value` the detail."""

    def __init__(self, code: str, value: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.value = value


@dataclass(frozen=True)
class OrderTerms:
    """What the order says: its kind, its rates and the period they are for, and the total to pay if
    the order states one."""

    kind: str
    normal_deduction_rate: Decimal
    protected_earnings_rate: Decimal
    rate_period: str
    total_to_pay: Decimal | None = None
    take_fee: bool = True


@dataclass(frozen=True)
class Carried:
    """What earlier pay-days leave over (para 6 only): protected earnings not yet made good, and normal
    deductions not yet taken."""

    protected_shortfall: Decimal = ZERO
    arrears: Decimal = ZERO


@dataclass(frozen=True)
class PayDayDeduction:
    attachable: Decimal
    normal_deduction: Decimal
    protected_earnings: Decimal
    deducted: Decimal
    fee: Decimal
    carried: Carried        # after this pay-day

    @property
    def total(self) -> Decimal:
        return self.deducted + self.fee


def attachable_earnings(gross: Decimal, tax: Decimal, employee_ni: Decimal, employee_pension: Decimal) -> Decimal:
    """Sch 3 para 3: the pay left after income tax, Class 1 NI and pension contributions."""
    return gross - tax - employee_ni - employee_pension


def period_amounts(terms: OrderTerms, frequency: PayFrequency) -> tuple[Decimal, Decimal]:
    """The pay-day's normal deduction and protected earnings (Sch 3 para 4)."""
    if terms.kind not in KINDS:
        raise EarningsOrderError(AEO_KIND, terms.kind)
    if terms.rate_period == MONTH and frequency is PayFrequency.MONTHLY:
        times = 1
    elif terms.rate_period == WEEK and frequency.weeks is not None:
        times = frequency.weeks
    else:
        raise EarningsOrderError(AEO_RATE_PERIOD, f"{terms.rate_period}/{frequency.value}")
    return terms.normal_deduction_rate * times, terms.protected_earnings_rate * times


def employer_fee(on: date) -> Decimal:
    return dec(value("attachment_of_earnings", "employer_fee", on))


def _shortfall_after(shortfall: Decimal, attachable: Decimal, protected: Decimal) -> Decimal:
    if attachable <= protected:
        return shortfall + (protected - attachable)
    return shortfall - min(shortfall, attachable - protected)


def carried_from(terms: OrderTerms, frequency: PayFrequency,
                 paid: Iterable[tuple[Decimal, Decimal]]) -> Carried:
    """What the pay-days already paid under the order carry forward, from each one's attachable
    earnings and the order deduction taken on it (oldest first). Nothing for a para 5 order."""
    if terms.kind == JUDGMENT_DEBT:
        return Carried()
    normal, protected = period_amounts(terms, frequency)
    shortfall = due = taken = ZERO
    for attachable, deducted in paid:
        shortfall = _shortfall_after(shortfall, attachable, protected)
        due += normal
        taken += deducted
    arrears = max(due - taken, ZERO)
    if terms.total_to_pay is not None:
        arrears = min(arrears, max(terms.total_to_pay - taken, ZERO))
    return Carried(protected_shortfall=shortfall, arrears=arrears)


def deduction(terms: OrderTerms, *, frequency: PayFrequency, attachable: Decimal, pay_date: date,
              carried: Carried = Carried(), paid_so_far: Decimal = ZERO) -> PayDayDeduction:
    """What to deduct under the order on one pay-day, and what it leaves carried forward."""
    normal, protected = period_amounts(terms, frequency)
    if terms.kind == JUDGMENT_DEBT:
        carried = Carried()
    above = attachable - protected
    if above <= 0:
        room = ZERO
        shortfall = carried.protected_shortfall + (protected - attachable if terms.kind == MAINTENANCE else ZERO)
    else:
        made_good = min(above, carried.protected_shortfall)
        shortfall = carried.protected_shortfall - made_good
        room = above - made_good
    wanted = normal + carried.arrears
    if terms.total_to_pay is not None:
        wanted = min(wanted, max(terms.total_to_pay - paid_so_far, ZERO))
    deducted = min(wanted, room)
    arrears = wanted - deducted if terms.kind == MAINTENANCE else ZERO
    fee = ZERO
    if deducted > 0 and terms.take_fee:
        charge = employer_fee(pay_date)
        if room - deducted >= charge:
            fee = charge
    return PayDayDeduction(attachable=attachable, normal_deduction=normal, protected_earnings=protected,
                           deducted=deducted, fee=fee,
                           carried=Carried(protected_shortfall=shortfall, arrears=arrears))


@dataclass(frozen=True)
class OrderDue:
    """An order in force on a pay-day, as the pay run gives it to payroll: the reference and the court
    (they name the deduction line), the terms, what earlier pay-days carry forward and what has been
    deducted under it so far."""

    reference: str
    issued_by: str
    terms: OrderTerms
    carried: Carried = Carried()
    paid_so_far: Decimal = ZERO


def deductions_on_pay_day(orders: Iterable[OrderDue], *, frequency: PayFrequency, attachable: Decimal,
                          pay_date: date) -> list[tuple[OrderDue, PayDayDeduction]]:
    """Each order's deduction on one pay-day, in the order given (the pay run gives them oldest first);
    each later order works on the pay the earlier ones left."""
    out = []
    for order in orders:
        result = deduction(order.terms, frequency=frequency, attachable=attachable, pay_date=pay_date,
                           carried=order.carried, paid_so_far=order.paid_so_far)
        out.append((order, result))
        attachable -= result.total
    return out
