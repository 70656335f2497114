"""The direct-payment budget: the council's year, the account's ledger, balances and reconciliation.

Decisions this module keeps:

* The council's year runs 1 April to 31 March and is named like a tax year ("2026-27"); it is not
  the tax year (6 April to 5 April), which the payroll side of the budget still follows.
* The direct payment is an amount with a basis: "weekly" (52 payments a year), "four-weekly" (13)
  or "yearly" (1). The annual amount is the amount times the payments a year, whatever the dates.
* The surplus limit is a number of weeks of payments (8 unless the council says otherwise): the
  weekly equivalent (annual amount / 52) times the weeks, rounded half up to the penny. Councils
  claw back money held above it.
* A ledger entry is signed: positive is money into the account, negative money out. Its category
  says which side it belongs to; an entry against the other side's sign is a refund (an insurer
  paying back) or a clawback (the council taking money back) and nets off its own category.
  Money in and money out are therefore sums by category, so opening + in - out is the balance.
* Ledger amounts are whole pence, so every sum here is exact and nothing is rounded.
* A balance on a date counts the entries of that date; entries before the council year belong to
  the year before, whose closing balance is this year's opening balance.

Problems come back as BudgetError with a code; the words are the screens' business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Iterable, Sequence

from pa_manager.domain.money import PENNY, ZERO, round_half_up

# Bases of the direct payment and how many payments each makes in a year.
BASIS_WEEKLY = "weekly"
BASIS_FOUR_WEEKLY = "four-weekly"
BASIS_YEARLY = "yearly"
PAYMENTS_PER_YEAR = {BASIS_WEEKLY: 52, BASIS_FOUR_WEEKLY: 13, BASIS_YEARLY: 1}
DAYS_BETWEEN_PAYMENTS = {BASIS_WEEKLY: 7, BASIS_FOUR_WEEKLY: 28, BASIS_YEARLY: 0}
WEEKS_PER_YEAR = 52
DEFAULT_SURPLUS_LIMIT_WEEKS = 8

# Ledger categories, exactly as stored.
MONEY_IN = ("council_payment", "personal_contribution", "other_income")
MONEY_OUT = ("pa_net_pay", "hmrc_tax_ni", "pension", "insurance", "payroll_support_fees",
             "training", "pa_expenses", "other")
CATEGORIES = MONEY_IN + MONEY_OUT
SOURCES = ("manual", "pay_run", "bank_import")

_LABEL = re.compile(r"^(\d{4})-(\d{2})$")


class BudgetError(ValueError):
    """Input the budget cannot accept; `.code` says which."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def _pence(value: Decimal, code: str) -> Decimal:
    # Money is Decimal whole pence: a float or a fraction of a penny is always a slip upstream.
    if not isinstance(value, Decimal) or not value.is_finite():
        raise BudgetError(code, f"{value!r} is not a Decimal amount")
    if value != value.quantize(PENNY):
        raise BudgetError(code, f"{value} has fractions of a penny")
    return value


# --- the council's year -------------------------------------------------------------------------


def budget_year_label(on: date) -> str:
    """'2026-27' for any date from 1 April 2026 to 31 March 2027."""
    first = on.year if on.month >= 4 else on.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


@cache
def budget_year_start(label: str) -> date:
    """1 April of the year a label such as '2026-27' starts."""
    match = _LABEL.match(label.strip())
    if not match or int(match.group(2)) != (int(match.group(1)) + 1) % 100:
        raise BudgetError("BUDGET_YEAR_FORMAT", f"not a year label: {label!r}")
    return date(int(match.group(1)), 4, 1)


def month_starts(label: str) -> tuple[date, ...]:
    """The first day of each month of the council year, April to March."""
    start = budget_year_start(label)
    return tuple(date(start.year + (start.month + i - 1) // 12, (start.month + i - 1) % 12 + 1, 1)
                 for i in range(12))


# The field of a BudgetYear each of its problems is about (for forms and imports to point at it).
PROBLEM_FIELDS = {"BUDGET_BASIS_UNKNOWN": "basis", "BUDGET_AMOUNT_NEGATIVE": "amount", "BUDGET_AMOUNT_NOT_MONEY": "amount",
                  "BUDGET_OPENING_NOT_MONEY": "opening_balance", "BUDGET_RATE_INVALID": "council_hourly_rate",
                  "BUDGET_SURPLUS_WEEKS_INVALID": "surplus_limit_weeks",
                  "BUDGET_FIRST_PAYMENT_OUTSIDE_YEAR": "first_payment_on",
                  "BUDGET_CONTRIBUTION_NEGATIVE": "assessed_contribution",
                  "BUDGET_CONTRIBUTION_NOT_MONEY": "assessed_contribution",
                  "BUDGET_PLAN_HOURS_INVALID": "support_plan_hours", "BUDGET_YEAR_FORMAT": "label"}


@dataclass(frozen=True)
class BudgetYear:
    """One council year of a direct payment.

    amount                 what the council pays each time, on `basis`
    council_hourly_rate    the hourly rate the council's sum is built on (pay plus on-costs)
    council_on_cost_rate   the on-costs the council assumes inside that rate, as a fraction
                           (0.17 = 17%); it funds a pay rate of council rate / (1 + this)
    opening_balance        the account's balance at the start of 1 April
    surplus_limit_weeks    weeks of payments the council lets the account hold before clawback
    first_payment_on       the date of the year's first payment (1 April unless given); the rest
                           follow every 7 or 28 days, as many as the basis makes in a year
    assessed_contribution  what the council's financial assessment says the person pays towards
                           their care each week, into the account (0: nothing to pay; None: not
                           recorded)
    support_plan_hours     the hours of support a week the support plan sets out (None: not recorded)
    """

    label: str
    amount: Decimal
    basis: str
    council_hourly_rate: Decimal
    council_on_cost_rate: Decimal = ZERO
    opening_balance: Decimal = ZERO
    surplus_limit_weeks: int = DEFAULT_SURPLUS_LIMIT_WEEKS
    first_payment_on: date | None = None
    assessed_contribution: Decimal | None = None
    support_plan_hours: Decimal | None = None

    def __post_init__(self) -> None:
        start = budget_year_start(self.label)
        object.__setattr__(self, "label", self.label.strip())
        if self.basis not in PAYMENTS_PER_YEAR:
            raise BudgetError("BUDGET_BASIS_UNKNOWN", repr(self.basis))
        if _pence(self.amount, "BUDGET_AMOUNT_NOT_MONEY") < 0:
            raise BudgetError("BUDGET_AMOUNT_NEGATIVE")
        _pence(self.opening_balance, "BUDGET_OPENING_NOT_MONEY")
        for name in ("council_hourly_rate", "council_on_cost_rate"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise BudgetError("BUDGET_RATE_INVALID", name)
        if isinstance(self.surplus_limit_weeks, bool) or not isinstance(self.surplus_limit_weeks, int) \
                or self.surplus_limit_weeks < 0:
            raise BudgetError("BUDGET_SURPLUS_WEEKS_INVALID", repr(self.surplus_limit_weeks))
        first = self.first_payment_on or start
        if not start <= first <= self.ends_on:
            raise BudgetError("BUDGET_FIRST_PAYMENT_OUTSIDE_YEAR", first.isoformat())
        if self.assessed_contribution is not None and \
                _pence(self.assessed_contribution, "BUDGET_CONTRIBUTION_NOT_MONEY") < 0:
            raise BudgetError("BUDGET_CONTRIBUTION_NEGATIVE")
        hours = self.support_plan_hours
        if hours is not None and (not isinstance(hours, Decimal) or not hours.is_finite() or not 0 <= hours <= 168):
            raise BudgetError("BUDGET_PLAN_HOURS_INVALID", repr(hours))

    @property
    def starts_on(self) -> date:
        return budget_year_start(self.label)

    @property
    def ends_on(self) -> date:
        return date(self.starts_on.year + 1, 3, 31)

    @property
    def payments_per_year(self) -> int:
        return PAYMENTS_PER_YEAR[self.basis]

    @property
    def amount_per_payment(self) -> Decimal:
        return self.amount

    @property
    def annual_amount(self) -> Decimal:
        """Exact: an amount in pence times a whole number of payments."""
        return self.amount * self.payments_per_year

    @property
    def weekly_amount(self) -> Decimal:
        """The annual amount over 52 weeks, unrounded (exact for the weekly basis)."""
        return self.annual_amount / WEEKS_PER_YEAR

    @property
    def surplus_limit(self) -> Decimal:
        """Weeks of payments the account may hold; rounded half up to the penny here."""
        return round_half_up(self.annual_amount * self.surplus_limit_weeks / WEEKS_PER_YEAR)

    @property
    def funded_pay_rate(self) -> Decimal:
        """The PA pay rate the council's hourly rate funds after its assumed on-costs, to the penny."""
        return round_half_up(self.council_hourly_rate / (1 + self.council_on_cost_rate))

    def payment_dates(self) -> tuple[date, ...]:
        """The year's payment days: from the first, every 7 or 28 days, no more than the basis
        makes in a year and none after 31 March (a late first payment means fewer)."""
        first = self.first_payment_on or self.starts_on
        step = timedelta(days=DAYS_BETWEEN_PAYMENTS[self.basis])
        days = (first + step * k for k in range(self.payments_per_year))
        return tuple(d for d in days if d <= self.ends_on)


# --- the ledger ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerEntry:
    """One movement on the direct-payment account: positive in, negative out (see the module)."""

    on: date
    amount: Decimal
    category: str
    description: str = ""
    source: str = "manual"
    reference: str = ""

    def __post_init__(self) -> None:
        _pence(self.amount, "LEDGER_AMOUNT_NOT_MONEY")
        if self.category not in CATEGORIES:
            raise BudgetError("LEDGER_CATEGORY_UNKNOWN", repr(self.category))
        if self.source not in SOURCES:
            raise BudgetError("LEDGER_SOURCE_UNKNOWN", repr(self.source))

    @property
    def is_money_in(self) -> bool:
        return self.category in MONEY_IN

    @property
    def is_money_back(self) -> bool:
        """Against its category's side: a refund of spending, or the council taking money back."""
        return self.amount != 0 and (self.amount > 0) != self.is_money_in


def _within(entries: Iterable[LedgerEntry], start: date | None, end: date | None) -> Iterable[LedgerEntry]:
    # Both ends are included; an open end takes everything on that side.
    return (e for e in entries
            if (start is None or e.on >= start) and (end is None or e.on <= end))


def totals_by_category(entries: Iterable[LedgerEntry], start: date | None = None,
                       end: date | None = None) -> dict[str, Decimal]:
    """Net amount per category from start to end (both included), every category present, as
    signed on the ledger (money out categories come out negative)."""
    totals = {category: ZERO for category in CATEGORIES}
    for entry in _within(entries, start, end):
        totals[entry.category] += entry.amount
    return totals


def money_in(entries: Iterable[LedgerEntry], start: date | None = None, end: date | None = None) -> Decimal:
    """Net money in: the sum of the money-in categories (a clawback reduces it)."""
    return sum((e.amount for e in _within(entries, start, end) if e.is_money_in), ZERO)


def money_out(entries: Iterable[LedgerEntry], start: date | None = None, end: date | None = None) -> Decimal:
    """Net money out as a positive figure: spending less refunds."""
    return ZERO - sum((e.amount for e in _within(entries, start, end) if not e.is_money_in), ZERO)


def balance_on(year: BudgetYear, entries: Iterable[LedgerEntry], on: date) -> Decimal:
    """The opening balance plus the year's entries up to and including the date."""
    return year.opening_balance + sum((e.amount for e in _within(entries, year.starts_on, on)), ZERO)


@dataclass(frozen=True)
class MonthSummary:
    """One month of the council year for the charts: spend is money out as a positive figure;
    closing_balance is the balance at the end of the month's last day. `projected` is set by the
    forecast for months that hold forecast figures."""

    month: date
    money_in: Decimal
    spend: Decimal
    closing_balance: Decimal
    projected: bool = False


def series_from_flows(year: BudgetYear, flows: Iterable[tuple[date, Decimal, bool]],
                      projected_after: date | None = None) -> tuple[MonthSummary, ...]:
    """Month-by-month April to March from (date, signed amount, counts as money in) flows; flows
    outside the year are left out. Amounts are summed as given; the caller decides any rounding."""
    starts = month_starts(year.label)
    ins = [ZERO] * 12
    outs = [ZERO] * 12
    for on, amount, incoming in flows:
        if not year.starts_on <= on <= year.ends_on:
            continue
        index = (on.year - year.starts_on.year) * 12 + on.month - 4
        if incoming:
            ins[index] += amount
        else:
            outs[index] -= amount
    out = []
    balance = year.opening_balance
    for i, start in enumerate(starts):
        balance += ins[i] - outs[i]
        month_end = (starts[i + 1] if i < 11 else year.ends_on + timedelta(days=1)) - timedelta(days=1)
        projected = projected_after is not None and month_end > projected_after
        out.append(MonthSummary(start, ins[i], outs[i], balance, projected))
    return tuple(out)


def monthly_series(year: BudgetYear, entries: Iterable[LedgerEntry]) -> tuple[MonthSummary, ...]:
    """Each month April to March from the ledger: money in, spend and the end-of-month balance."""
    return series_from_flows(year, ((e.on, e.amount, e.is_money_in) for e in entries))


# --- reconciliation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reconciliation:
    """difference = statement - ledger: positive means the bank holds more than the ledger shows
    (an entry missing from the ledger, or money out recorded that has not left yet)."""

    on: date
    ledger_balance: Decimal
    statement_balance: Decimal
    difference: Decimal
    reconciled: bool


def reconcile(year: BudgetYear, entries: Sequence[LedgerEntry], on: date,
              statement_balance: Decimal) -> Reconciliation:
    """Compare the bank statement's balance at the end of a day with the ledger's, to the penny."""
    _pence(statement_balance, "STATEMENT_BALANCE_NOT_MONEY")
    ledger = balance_on(year, entries, on)
    difference = statement_balance - ledger
    return Reconciliation(on, ledger, statement_balance, difference, difference == 0)
