"""The direct-payment budget: budget years, the ledger (with pay runs entered automatically and bank
statements imported), the forecast to the year end, the uprating gap and what-ifs."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, select

from pa_manager.domain import budget as rules
from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.budget import BudgetError, BudgetYear, LedgerEntry
from pa_manager.domain.forecast import Forecast, OnCosts, PlannedCost, forecast_year_end, on_costs_for, planned_cost, summarise_plan
from pa_manager.domain.money import ZERO, parse_money
from pa_manager.domain.pay_rates import PayRateError, shift_cost
from pa_manager.domain.people import pay_terms
from pa_manager.domain.rates import RatesError
from pa_manager.domain.shifts import ShiftType
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.domain.uprating import Scenario, UpratingGap, UpratingRow, WhatIfResult, uprating_gap, uprating_history, what_if
from pa_manager.domain.validation import Problem, check_date_in_range
from pa_manager.importers.table_file import TableFileError, cell_text, parse_date, read_table
from pa_manager.messages import describe
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import NotFound, ServiceError, ValidationFailed
from pa_manager.services.pay_runs import allowance_claimed
from pa_manager.services.people import list_pas
from pa_manager.services.rota import planned_shifts
from pa_manager.services.staff_import import RowError
from pa_manager.storage import models
from pa_manager.storage.database import Database
from pa_manager.storage.export_schema import text_limit


@dataclass(frozen=True)
class StoredEntry:
    id: int
    entry: LedgerEntry


# --- budget years ------------------------------------------------------------------------------


def _year(row: models.BudgetYear) -> BudgetYear:
    return BudgetYear(row.label, row.amount, row.basis, row.council_hourly_rate, row.council_on_cost_rate,
                      row.opening_balance, row.surplus_limit_weeks, row.first_payment_on)


def list_years(db: Database, employer_id: int) -> list[BudgetYear]:
    with db.session() as s:
        return [_year(r) for r in s.scalars(select(models.BudgetYear).where(models.BudgetYear.employer_id == employer_id)
                                            .order_by(models.BudgetYear.label))]


def get_year(db: Database, employer_id: int, label: str) -> BudgetYear:
    found = [y for y in list_years(db, employer_id) if y.label == label]
    if not found:
        raise NotFound(f"There is no budget year {label} for this employer. Add it on the Budget page first.")
    return found[0]


def save_year(db: Database, employer_id: int, year: BudgetYear) -> BudgetYear:
    """Add a budget year or replace the one with the same label."""
    with db.session() as s:
        row = s.scalar(select(models.BudgetYear).where(models.BudgetYear.employer_id == employer_id,
                                                       models.BudgetYear.label == year.label))
        row = row or models.BudgetYear(employer_id=employer_id, label=year.label)
        row.amount, row.basis, row.council_hourly_rate = year.amount, year.basis, year.council_hourly_rate
        row.council_on_cost_rate, row.opening_balance = year.council_on_cost_rate, year.opening_balance
        row.surplus_limit_weeks, row.first_payment_on = year.surplus_limit_weeks, year.first_payment_on
        s.add(row)
    return year


def make_year(**fields) -> BudgetYear:
    """A budget year from what a person entered; a wrong figure is refused in words."""
    try:
        return BudgetYear(**fields)
    except BudgetError as error:
        field = {"BUDGET_BASIS_UNKNOWN": "basis", "BUDGET_AMOUNT_NEGATIVE": "amount", "BUDGET_AMOUNT_NOT_MONEY": "amount",
                 "BUDGET_RATE_INVALID": "council_hourly_rate", "BUDGET_SURPLUS_WEEKS_INVALID": "surplus_limit_weeks",
                 "BUDGET_FIRST_PAYMENT_OUTSIDE_YEAR": "first_payment_on"}.get(error.code, "label")
        raise ValidationFailed({field: Problem(error.code, fields.get("label"))}) from None


def delete_year(db: Database, employer_id: int, label: str) -> None:
    with db.session() as s:
        s.execute(delete(models.BudgetYear).where(models.BudgetYear.employer_id == employer_id,
                                                  models.BudgetYear.label == label))


# --- the ledger --------------------------------------------------------------------------------


def list_entries(db: Database, employer_id: int, first: date | None = None, last: date | None = None) -> list[StoredEntry]:
    query = select(models.LedgerEntry).where(models.LedgerEntry.employer_id == employer_id)
    if first is not None:
        query = query.where(models.LedgerEntry.on >= first)
    if last is not None:
        query = query.where(models.LedgerEntry.on <= last)
    with db.session() as s:
        return [StoredEntry(r.id, LedgerEntry(r.on, r.amount, r.category, r.description, r.source, r.reference))
                for r in s.scalars(query.order_by(models.LedgerEntry.on, models.LedgerEntry.id))]


def save_entry(db: Database, employer_id: int, entry: LedgerEntry, entry_id: int | None = None, *,
               money_back: bool = False) -> StoredEntry:
    """Add an entry, or replace entry `entry_id`. The category says whether it is money in or out,
    whatever sign was typed; `money_back` turns it round (a refund, or the council taking money back)."""
    problems = {}
    if entry.category not in rules.CATEGORIES:
        problems["category"] = Problem("LEDGER_CATEGORY_UNKNOWN", entry.category)
    if entry.amount == 0:
        problems["amount"] = Problem("LEDGER_AMOUNT_ZERO")
    if problems:
        raise ValidationFailed(problems)
    positive = (entry.category in rules.MONEY_IN) != money_back
    amount = abs(entry.amount) if positive else -abs(entry.amount)
    with db.session() as s:
        row = (s.get(models.LedgerEntry, entry_id) if entry_id else None) or models.LedgerEntry(id=entry_id)
        row.employer_id, row.on, row.amount, row.category = employer_id, entry.on, amount, entry.category
        row.description, row.source, row.reference = entry.description.strip(), entry.source, entry.reference
        s.add(row)
        s.flush()
        return StoredEntry(row.id, replace(entry, amount=amount))


def restore_entry(db: Database, employer_id: int, stored: StoredEntry) -> StoredEntry:
    """Put an entry back exactly as it was (undo and redo), a refund still a refund."""
    return save_entry(db, employer_id, stored.entry, stored.id, money_back=stored.entry.is_money_back)


def delete_entry(db: Database, entry_id: int) -> None:
    with db.session() as s:
        row = s.get(models.LedgerEntry, entry_id)
        if row is not None:
            s.delete(row)


@dataclass(frozen=True)
class StatementImport:
    added: int
    already_there: int
    errors: tuple[RowError, ...]


def import_bank_statement(db: Database, employer_id: int, path: Path, *, dry_run: bool = False) -> StatementImport:
    """Add a bank statement's lines (CSV or XLSX: date, description, amount, and optionally category;
    money in positive, out negative). All or nothing; a line already in the ledger is not added again."""
    try:
        rows = read_table(Path(path), {"date", "description", "amount"})
    except TableFileError as error:
        raise ServiceError(str(error)) from None
    errors, entries = [], []
    for row in rows:
        raw = row.values
        try:
            on = parse_date(raw.get("date"))
        except ValueError:
            errors.append(RowError(row.line, "date", describe(Problem("DATE_FORMAT", cell_text(raw.get("date"))))))
            continue
        if (problem := check_date_in_range(on)) is not None:
            errors.append(RowError(row.line, "date", describe(problem)))
            continue
        try:
            amount = parse_money(cell_text(raw.get("amount")))
        except ValueError:
            errors.append(RowError(row.line, "amount", describe(Problem("MONEY_FORMAT", cell_text(raw.get("amount"))))))
            continue
        category = cell_text(raw.get("category")) or ("council_payment" if amount > 0 else "other")
        if category not in rules.CATEGORIES:
            errors.append(RowError(row.line, "category", describe(Problem("LEDGER_CATEGORY_UNKNOWN", category))))
            continue
        description = cell_text(raw.get("description"))
        if len(description) > (limit := text_limit("ledger_entries", "description")):
            errors.append(RowError(row.line, "description", describe(
                Problem.of("TEXT_TOO_LONG", limit=limit, length=len(description)))))
            continue
        entries.append(LedgerEntry(on, amount, category, description, "bank_import"))
    if errors:
        return StatementImport(0, 0, tuple(errors))
    known = {(e.entry.on, e.entry.amount, e.entry.description) for e in list_entries(db, employer_id)}
    new = [e for e in entries if (e.on, e.amount, e.description) not in known]
    if not dry_run:
        with db.session() as s:
            s.add_all(models.LedgerEntry(employer_id=employer_id, on=e.on, amount=e.amount, category=e.category,
                                         description=e.description, source=e.source) for e in new)
    return StatementImport(len(new), len(entries) - len(new), ())


def save_statement_balance(db: Database, employer_id: int, on: date, balance: Decimal | None) -> None:
    """Keep the statement's balance at the end of `on`, replacing any kept for that day (None: forget it)."""
    with db.session() as s:
        s.execute(delete(models.StatementBalance).where(models.StatementBalance.employer_id == employer_id,
                                                        models.StatementBalance.on == on))
        if balance is not None:
            s.add(models.StatementBalance(employer_id=employer_id, on=on, balance=balance))


def statement_balance_on(db: Database, employer_id: int, on: date) -> Decimal | None:
    with db.session() as s:
        return s.scalar(select(models.StatementBalance.balance).where(
            models.StatementBalance.employer_id == employer_id, models.StatementBalance.on == on))


def latest_statement_balance(db: Database, employer_id: int, year: BudgetYear) -> tuple[date, Decimal] | None:
    with db.session() as s:
        row = s.scalar(select(models.StatementBalance).where(
            models.StatementBalance.employer_id == employer_id, models.StatementBalance.on >= year.starts_on,
            models.StatementBalance.on <= year.ends_on).order_by(models.StatementBalance.on.desc()).limit(1))
        return None if row is None else (row.on, row.balance)


# --- forecast, uprating, what-if -----------------------------------------------------------------


def planned_costs(db: Database, employer_id: int, first: date, last: date) -> list[PlannedCost]:
    """The rota's planned work from `first` to `last`, costed at each PA's rates."""
    employer = get_employer(db, employer_id)
    terms = {pa.id: pay_terms(pa.pay_rates) for pa in list_pas(db, employer_id)}
    out = []
    for shift in planned_shifts(db, employer_id, first, last, include_worked=True):
        if shift.shift_type in (ShiftType.HOLIDAY, ShiftType.SICKNESS):
            continue
        t = terms[shift.pa]
        try:
            pay = shift_cost(shift, t.rates, t.enhancements, lambda d: is_bank_holiday(d, employer.nation),
                             sleep_in_allowances=t.sleep_in_allowances)
        except PayRateError:
            continue
        out.append(planned_cost(shift, pay))
    return out


def on_costs(db: Database, employer_id: int, on: date) -> OnCosts:
    employer = get_employer(db, employer_id)
    pas = list_pas(db, employer_id)
    members = frozenset(pa.id for pa in pas if pa.pension_status in ("ENROLLED", "OPTED_IN"))
    return on_costs_for(employer.pay_frequency, on, employer_pension_rate=employer.pension_employer_rate,
                        ni_categories={pa.id: pa.ni_category for pa in pas}, pension_members=members,
                        claims_employment_allowance=employer.claims_employment_allowance)


def _allowance_used(db: Database, employer_id: int, as_of: date) -> Decimal:
    with db.session() as s:
        return allowance_claimed(s, employer_id, tax_year_label(as_of + timedelta(days=1)), as_of + timedelta(days=1))


def forecast(db: Database, employer_id: int, label: str, today: date) -> Forecast:
    """Raises ServiceError, in words, for a year whose tax and NI rates are not known yet."""
    try:
        return _forecast(db, employer_id, label, today)
    except RatesError:
        raise ServiceError(describe(Problem("BUDGET_NO_RATES_YET", label))) from None


def _forecast(db: Database, employer_id: int, label: str, today: date) -> Forecast:
    year = get_year(db, employer_id, label)
    as_of = min(max(today, year.starts_on - timedelta(days=1)), year.ends_on)
    entries = [e.entry for e in list_entries(db, employer_id)]
    planned = planned_costs(db, employer_id, as_of + timedelta(days=1), year.ends_on) if as_of < year.ends_on else []
    return forecast_year_end(year, entries, planned, on_costs(db, employer_id, as_of), as_of=as_of,
                             allowance_used=_allowance_used(db, employer_id, as_of))


@dataclass(frozen=True)
class Uprating:
    history: tuple[UpratingRow, ...]
    gap: UpratingGap | None  # None when no PA has planned hours and a rate
    pay_rate: Decimal | None  # the hours-weighted average rate of current PAs
    weekly_hours: Decimal


def uprating(db: Database, employer_id: int, label: str, today: date) -> Uprating:
    """The council's rate against NLW and RLW over the years, and whether it covers pay plus on-costs."""
    years = list_years(db, employer_id)
    year = get_year(db, employer_id, label)
    history = uprating_history({y.label: y.council_hourly_rate for y in years}, london=get_employer(db, employer_id).london)
    on = min(max(today, year.starts_on), year.ends_on)
    week = planned_costs(db, employer_id, on, on + timedelta(days=27))  # four weeks of the rota
    hours = sum((p.hours for p in week), ZERO) / 4
    pay = sum((p.hourly_rate * p.hours for p in week if p.hourly_rate is not None), ZERO) / 4
    if not hours:
        return Uprating(history, None, None, ZERO)
    rate = (pay / hours).quantize(Decimal("0.01"))
    gap = uprating_gap(pay_rate=rate, weekly_hours=hours, council_rate=year.council_hourly_rate, on=on,
                       costs=on_costs(db, employer_id, on))
    return Uprating(history, gap, rate, hours)


def try_what_if(db: Database, employer_id: int, label: str, scenario: Scenario) -> WhatIfResult:
    year = get_year(db, employer_id, label)
    plan = planned_costs(db, employer_id, year.starts_on, year.ends_on)
    try:
        costs = on_costs(db, employer_id, year.starts_on)
        return what_if(year, summarise_plan(plan, costs.frequency), costs, scenario)
    except RatesError:
        raise ServiceError(describe(Problem("BUDGET_NO_RATES_YET", label))) from None


@dataclass(frozen=True)
class BudgetSummary:
    year: BudgetYear
    money_in: Decimal
    money_out: Decimal
    balance: Decimal
    by_category: dict[str, Decimal]
    forecast: Forecast
    uprating: Uprating
    reconciliation: rules.Reconciliation | None


def budget_summary(db: Database, employer_id: int, label: str, today: date) -> BudgetSummary:
    year = get_year(db, employer_id, label)
    entries = [e.entry for e in list_entries(db, employer_id)]
    up_to = min(today, year.ends_on)
    statement = latest_statement_balance(db, employer_id, year)
    return BudgetSummary(
        year=year,
        money_in=rules.money_in(entries, year.starts_on, up_to),
        money_out=rules.money_out(entries, year.starts_on, up_to),
        balance=rules.balance_on(year, entries, up_to),
        by_category=rules.totals_by_category(entries, year.starts_on, up_to),
        forecast=forecast(db, employer_id, label, today),
        uprating=uprating(db, employer_id, label, today),
        reconciliation=None if statement is None else rules.reconcile(year, entries, statement[0], statement[1]),
    )
