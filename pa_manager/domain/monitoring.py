"""The figures of a direct-payment monitoring return: what a council ticks against the bank statement.

Rules this module keeps (the report only lays the figures out):

* The return covers whole days, `first` to `last`. Its opening balance is the balance at the end of
  the day before `first`, in the council year that holds `first` (that year's opening balance plus
  its entries up to that day). From there each entry of the period is added in date order (entries
  of one day in the order given), each line carrying the balance after it, so the closing balance
  is the opening balance plus the sum of the period's entries, whichever council years it crosses.
* A council year that starts inside the period has its own opening balance. Where that differs from
  the running balance on its first morning the ledger and the year's figures disagree, and the
  return says so (OPENING_BALANCE_DIFFERS) rather than quietly starting again from either.
* Money owed at the end: a pay run paid on or before `last` whose payment is entered in the ledger
  after `last` (HMRC's share on the 22nd after the tax month, or pension contributions when they
  are entered later than the pay day) is owed at the end of the period. Subtracting it from the
  closing balance gives what is really free.
* The assessed contribution due for the period: each day at its council year's weekly amount / 7,
  summed and rounded half up to the penny once. Unknown (None) when a day's year records none.
  Paid: the net of the period's "personal_contribution" entries.
* Support delivered: minutes paid by the hour (as the payslip counts them, domain.work_pay) of the
  care types (domain.continuity.CARE_TYPES): holiday, sickness, training and shadowing are paid but
  are not support given. Sleep-in nights paid by the allowance are counted apart, as nights. The
  support plan's hours for the period: each day at its year's hours a week / 7, to 0.01 of an hour.

Problems come back as MonitoringError with a code; the words are the services' and screens' business.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from pa_manager.domain.budget import BudgetYear, LedgerEntry, balance_on, budget_year_label
from pa_manager.domain.continuity import CARE_TYPES
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.work_pay import WorkPay

OPENING_BALANCE_DIFFERS = "OPENING_BALANCE_DIFFERS"
HUNDREDTH = Decimal("0.01")


class MonitoringError(ValueError):
    """A return that cannot be worked out; `.code` says why and `.value` holds the figure concerned."""

    def __init__(self, code: str, value: object = None) -> None:
        super().__init__(f"{code}: {value}" if value is not None else code)
        self.code = code
        self.value = value


@dataclass(frozen=True)
class StatementLine:
    """One ledger entry of the period and the account's balance after it."""

    entry: LedgerEntry
    balance: Decimal

    @property
    def money_in(self) -> Decimal | None:
        return self.entry.amount if self.entry.amount > 0 else None

    @property
    def money_out(self) -> Decimal | None:
        return -self.entry.amount if self.entry.amount < 0 else None


@dataclass(frozen=True)
class PayRunPayment:
    """A payment the ledger entered for a finalised pay run: `entry.on` is when it is paid."""

    pay_date: date
    entry: LedgerEntry


@dataclass(frozen=True)
class Owed:
    category: str  # the ledger category: "hmrc_tax_ni", "pension"
    pay_date: date  # of the pay run it is for
    due_on: date  # when the ledger pays it
    amount: Decimal  # positive


@dataclass(frozen=True)
class YearDifference:
    """A council year starting in the period whose recorded opening balance is not the running one."""

    label: str
    recorded: Decimal
    running: Decimal


@dataclass(frozen=True)
class Contribution:
    weekly: tuple[tuple[str, Decimal | None], ...]  # each council year the period touches: its weekly amount
    due: Decimal | None  # for the period; None when a year in it records no assessed contribution
    paid: Decimal

    @property
    def short_by(self) -> Decimal | None:
        """Positive when less was paid in than the assessment asks for the period."""
        return None if self.due is None else self.due - self.paid


@dataclass(frozen=True)
class PASupport:
    pa: Hashable
    support_minutes: int  # paid by the hour, care types
    other_minutes: int  # paid by the hour, other types (holiday, sickness, training, shadowing)
    sleep_in_nights: int


@dataclass(frozen=True)
class Support:
    by_pa: tuple[PASupport, ...]
    weekly: tuple[tuple[str, Decimal | None], ...]  # each council year: its support plan hours a week
    planned_hours: Decimal | None  # for the period, to 0.01; None when a year records none

    @property
    def support_minutes(self) -> int:
        return sum(p.support_minutes for p in self.by_pa)

    @property
    def other_minutes(self) -> int:
        return sum(p.other_minutes for p in self.by_pa)

    @property
    def sleep_in_nights(self) -> int:
        return sum(p.sleep_in_nights for p in self.by_pa)

    @property
    def delivered_hours(self) -> Decimal:
        return (Decimal(self.support_minutes) / 60).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)

    @property
    def hours_short(self) -> Decimal | None:
        """Positive when fewer hours of support were given than the plan sets out."""
        return None if self.planned_hours is None else self.planned_hours - self.delivered_hours


@dataclass(frozen=True)
class Reconciliation:
    on: date
    statement_balance: Decimal
    ledger_balance: Decimal

    @property
    def difference(self) -> Decimal:
        """Statement less ledger: positive when the bank holds more than the records show."""
        return self.statement_balance - self.ledger_balance


@dataclass(frozen=True)
class MonitoringFigures:
    first: date
    last: date
    opening_balance: Decimal  # at the start of `first`
    lines: tuple[StatementLine, ...]
    owed: tuple[Owed, ...]
    year_differences: tuple[YearDifference, ...]
    contribution: Contribution
    support: Support
    reconciliation: Reconciliation | None

    @property
    def closing_balance(self) -> Decimal:
        return self.lines[-1].balance if self.lines else self.opening_balance

    @property
    def money_in(self) -> Decimal:
        return sum((line.money_in or ZERO for line in self.lines), ZERO)

    @property
    def money_out(self) -> Decimal:
        return sum((line.money_out or ZERO for line in self.lines), ZERO)

    @property
    def owed_total(self) -> Decimal:
        return sum((o.amount for o in self.owed), ZERO)

    @property
    def balance_after_owed(self) -> Decimal:
        return self.closing_balance - self.owed_total

    @property
    def codes(self) -> tuple[str, ...]:
        return (OPENING_BALANCE_DIFFERS,) if self.year_differences else ()

    def totals_by_category(self) -> dict[str, tuple[Decimal, Decimal]]:
        """(money in, money out) of each category with entries in the period, both as positive figures."""
        found: dict[str, tuple[Decimal, Decimal]] = {}
        for line in self.lines:
            money_in, money_out = found.get(line.entry.category, (ZERO, ZERO))
            found[line.entry.category] = (money_in + (line.money_in or ZERO), money_out + (line.money_out or ZERO))
        return found


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _by_year(first: date, last: date) -> list[tuple[str, int]]:
    """Each council year the period touches, with how many of the period's days fall in it."""
    counts: dict[str, int] = {}
    for day in _days(first, last):
        label = budget_year_label(day)
        counts[label] = counts.get(label, 0) + 1
    return list(counts.items())


def _weekly(years: Mapping[str, BudgetYear], spans: list[tuple[str, int]], field: str) -> tuple[
        tuple[tuple[str, Decimal | None], ...], Decimal | None]:
    """Each year's weekly figure, and the exact sum over the period's days (None if any is missing)."""
    weekly = tuple((label, getattr(years[label], field) if label in years else None) for label, _ in spans)
    if any(value is None for _, value in weekly):
        return weekly, None
    total = sum((value * days / 7 for (_, value), (_, days) in zip(weekly, spans)), Decimal(0))
    return weekly, total


def contribution_for(years: Sequence[BudgetYear], entries: Iterable[LedgerEntry], first: date,
                     last: date) -> Contribution:
    spans = _by_year(first, last)
    weekly, due = _weekly({y.label: y for y in years}, spans, "assessed_contribution")
    paid = sum((e.amount for e in entries if first <= e.on <= last and e.category == "personal_contribution"), ZERO)
    return Contribution(weekly, None if due is None else round_half_up(due), paid)


def support_for(work: Mapping[Hashable, WorkPay], years: Sequence[BudgetYear], first: date, last: date) -> Support:
    """Each PA's support, from their work in the period counted as the payslip counts it."""
    by_pa = []
    for pa, pay in work.items():
        support = sum(item.paid_minutes for item in pay.shifts if item.shift.shift_type in CARE_TYPES)
        by_pa.append(PASupport(pa, support, pay.paid_minutes - support, pay.sleep_in_nights))
    spans = _by_year(first, last)
    weekly, planned = _weekly({y.label: y for y in years}, spans, "support_plan_hours")
    return Support(tuple(by_pa), weekly,
                   None if planned is None else planned.quantize(HUNDREDTH, rounding=ROUND_HALF_UP))


def monitoring_figures(years: Sequence[BudgetYear], entries: Sequence[LedgerEntry], first: date, last: date, *,
                       pay_run_payments: Iterable[PayRunPayment] = (), work: Mapping[Hashable, WorkPay] | None = None,
                       statement: tuple[date, Decimal] | None = None) -> MonitoringFigures:
    """The return's figures from the whole ledger (entries of any dates: the period is picked here),
    the ledger's pay-run payments, each PA's work in the period and a bank statement balance."""
    if last < first:
        raise MonitoringError("MONITORING_DATES_REVERSED", first)
    by_label = {y.label: y for y in years}
    label = budget_year_label(first)
    if label not in by_label:
        raise MonitoringError("MONITORING_NO_BUDGET_YEAR", label)
    opening = balance_on(by_label[label], entries, first - timedelta(days=1))
    in_period = sorted((e for e in entries if first <= e.on <= last), key=lambda e: e.on)  # stable: same-day order kept
    lines, balance, differences = [], opening, []
    starts = {y.starts_on: y for y in years if first < y.starts_on <= last}
    for entry in in_period:
        for start in sorted(d for d in starts if d <= entry.on):
            _check_opening(starts.pop(start), balance, differences)
        balance += entry.amount
        lines.append(StatementLine(entry, balance))
    for start in sorted(starts):
        _check_opening(starts[start], balance, differences)
    owed = tuple(sorted((Owed(p.entry.category, p.pay_date, p.entry.on, -p.entry.amount) for p in pay_run_payments
                         if p.pay_date <= last < p.entry.on and p.entry.amount < 0),
                        key=lambda o: (o.due_on, o.pay_date, o.category)))
    reconciliation = None
    if statement is not None and first <= statement[0] <= last:
        on, statement_balance = statement
        ledger = next((line.balance for line in reversed(lines) if line.entry.on <= on), opening)
        reconciliation = Reconciliation(on, statement_balance, ledger)
    return MonitoringFigures(
        first, last, opening, tuple(lines), owed, tuple(differences),
        contribution_for(years, entries, first, last), support_for(work or {}, years, first, last), reconciliation)


def _check_opening(year: BudgetYear, running: Decimal, differences: list[YearDifference]) -> None:
    if year.opening_balance != running:
        differences.append(YearDifference(year.label, year.opening_balance, running))

