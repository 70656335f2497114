"""The direct-payment budget: budget years, the ledger (with pay runs entered automatically and bank
statements imported), the forecast to the year end, the uprating gap and what-ifs."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import and_, delete, select

from pa_manager.domain import budget as rules
from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.budget import PROBLEM_FIELDS, BudgetError, BudgetYear, LedgerEntry
from pa_manager.domain.forecast import Forecast, OnCosts, PlannedCost, forecast_year_end, on_costs_for, planned_cost, summarise_plan
from pa_manager.domain.money import parse_money
from pa_manager.domain.pay_rates import PayRateError, base_rate_on, shift_cost
from pa_manager.domain.pay_scale import scaled_terms
from pa_manager.domain.people import pay_terms
from pa_manager.domain.rates import RatesError
from pa_manager.domain.rota import working_weekdays
from pa_manager.domain.sick_pay import history_needed_from
from pa_manager.domain.sick_pay_forecast import SchemeAtMost, SickPA, recorded_sick_pay, scheme_at_most
from pa_manager.domain.shifts import ShiftType, local_date
from pa_manager.domain.tax_year import tax_year_label, tax_year_start
from pa_manager.domain.uprating import PAWork, Scenario, UpratingRow, WhatIfResult, YearCost, cost_year, uprating_history, what_if
from pa_manager.domain.validation import Problem, check_date_in_range
from pa_manager.importers.table_file import TableFileError, cell_text, parse_date, read_table
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ChangedElsewhere, NotFound, ServiceError, ValidationFailed
from pa_manager.services.pay_runs import allowance_claimed, paid_to
from pa_manager.services.people import list_pas
from pa_manager.services.pay_scale import get_steps
from pa_manager.services.rota import list_patterns, planned_shifts
from pa_manager.services.shifts import shifts_between
from pa_manager.services.sick_pay_scheme import scheme_for, schemes_in
from pa_manager.services.staff_import import RowError
from pa_manager.services.undo import Change, Done, Recorder, Rule, done
from pa_manager.storage import models
from pa_manager.storage.database import Database, lock_employer
from pa_manager.storage.export_schema import text_limit


@dataclass(frozen=True)
class StoredEntry:
    id: int
    entry: LedgerEntry


# --- budget years ------------------------------------------------------------------------------


def _year(row: models.BudgetYear) -> BudgetYear:
    return BudgetYear(row.label, row.amount, row.basis, row.council_hourly_rate, row.council_on_cost_rate,
                      row.opening_balance, row.surplus_limit_weeks, row.first_payment_on,
                      assessed_contribution=row.assessed_contribution, support_plan_hours=row.support_plan_hours)


def list_years(db: Database, employer_id: int) -> list[BudgetYear]:
    with db.session() as s:
        return [_year(r) for r in s.scalars(select(models.BudgetYear).where(models.BudgetYear.employer_id == employer_id)
                                            .order_by(models.BudgetYear.label))]


def get_year(db: Database, employer_id: int, label: str) -> BudgetYear:
    found = [y for y in list_years(db, employer_id) if y.label == label]
    if not found:
        raise NotFound("BUDGET_YEAR_NOT_FOUND", label)
    return found[0]


def save_year(db: Database, employer_id: int, year: BudgetYear) -> Done[BudgetYear]:
    """Add a budget year (BUDGET_YEAR_ADDED) or replace the one with the same label (BUDGET_YEAR_CHANGED)."""
    with db.session() as s:
        recorder = Recorder(s)
        same_label = and_(models.BudgetYear.employer_id == employer_id, models.BudgetYear.label == year.label)
        existed = bool(recorder.watch(models.BudgetYear, same_label))
        row = s.scalar(select(models.BudgetYear).where(same_label))
        row = row or models.BudgetYear(employer_id=employer_id, label=year.label)
        row.amount, row.basis, row.council_hourly_rate = year.amount, year.basis, year.council_hourly_rate
        row.council_on_cost_rate, row.opening_balance = year.council_on_cost_rate, year.opening_balance
        row.surplus_limit_weeks, row.first_payment_on = year.surplus_limit_weeks, year.first_payment_on
        row.assessed_contribution, row.support_plan_hours = year.assessed_contribution, year.support_plan_hours
        s.add(row)
        return done(year, recorder, "BUDGET_YEAR_CHANGED" if existed else "BUDGET_YEAR_ADDED", employer_id,
                    label=year.label)


def make_year(**fields) -> BudgetYear:
    """A budget year from what a person entered; a wrong figure is refused in words."""
    try:
        return BudgetYear(**fields)
    except BudgetError as error:
        field = PROBLEM_FIELDS.get(error.code, "label")
        raise ValidationFailed({field: Problem(error.code, fields.get("label"))}) from None


def delete_year(db: Database, employer_id: int, label: str) -> Change:
    """Remove a budget year (BUDGET_YEAR_REMOVED)."""
    with db.session() as s:
        recorder = Recorder(s)
        same_label = and_(models.BudgetYear.employer_id == employer_id, models.BudgetYear.label == label)
        recorder.watch(models.BudgetYear, same_label)
        s.execute(delete(models.BudgetYear).where(same_label))
        return recorder.change("BUDGET_YEAR_REMOVED", employer_id, label=label)


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
               money_back: bool = False) -> Done[StoredEntry]:
    """Add an entry (LEDGER_ENTRY_ADDED), or replace entry `entry_id` (LEDGER_ENTRY_CHANGED). The category
    says whether it is money in or out, whatever sign was typed; `money_back` turns it round (a refund,
    or the council taking money back)."""
    problems = _entry_problems(entry.category, entry.amount)
    if problems:
        raise ValidationFailed(problems)
    positive = (entry.category in rules.MONEY_IN) != money_back
    amount = abs(entry.amount) if positive else -abs(entry.amount)
    with db.session() as s:
        recorder = Recorder(s)
        row = s.get(models.LedgerEntry, entry_id) if entry_id else None
        if row is None:
            row = models.LedgerEntry()
            s.add(row)
        else:
            recorder.watch(models.LedgerEntry, models.LedgerEntry.id == entry_id)
        row.employer_id, row.on, row.amount, row.category = employer_id, entry.on, amount, entry.category
        row.description, row.source, row.reference = entry.description.strip(), entry.source, entry.reference
        s.flush()
        recorder.added(models.LedgerEntry, row.id)
        return done(StoredEntry(row.id, replace(entry, amount=amount)), recorder,
                    "LEDGER_ENTRY_CHANGED" if entry_id else "LEDGER_ENTRY_ADDED", employer_id,
                    category=entry.category, amount=abs(amount))


def _entry_problems(category: str, amount: Decimal) -> dict[str, Problem]:
    problems = {}
    if category not in rules.CATEGORIES:
        problems["category"] = Problem("LEDGER_CATEGORY_UNKNOWN", category)
    if amount == 0:
        problems["amount"] = Problem("LEDGER_AMOUNT_ZERO")
    return problems


def delete_entry(db: Database, entry_id: int) -> Change | None:
    """Remove an entry (LEDGER_ENTRY_REMOVED); None if it was not there."""
    with db.session() as s:
        row = s.get(models.LedgerEntry, entry_id)
        if row is None:
            return None
        recorder = Recorder(s)
        recorder.watch(models.LedgerEntry, models.LedgerEntry.id == entry_id)
        s.delete(row)
        return recorder.change("LEDGER_ENTRY_REMOVED", row.employer_id, category=row.category, amount=abs(row.amount))


class BudgetRule(Rule):
    """Undo and redo of the budget: a budget year or a ledger entry put back is checked as saving checks
    it; what a finalised pay run entered in the ledger moves only with the pay run's whole employer."""

    tables = frozenset({"budget_years", "ledger_entries"})

    def before(self, s, rows, reversal):
        for r in rows:
            values = r.old or r.new
            if r.table == "ledger_entries" and values["employer_id"] not in reversal.whole_employers and any(
                    v is not None and v["source"] == "pay_run" for v in (r.old, r.new)):
                raise ChangedElsewhere(Problem("UNDO_NOT_POSSIBLE"))

    def after(self, s, rows, state, reversal):
        for r in rows:
            v = r.new
            if v is None:
                continue
            if r.table == "ledger_entries":
                problems = _entry_problems(v["category"], v["amount"])
                if problems:
                    raise ValidationFailed(problems)
            else:
                make_year(**{k: v[k] for k in _YEAR_FIELDS})


_YEAR_FIELDS = ("label", "amount", "basis", "council_hourly_rate", "council_on_cost_rate", "opening_balance",
                "surplus_limit_weeks", "first_payment_on", "assessed_contribution", "support_plan_hours")


@dataclass(frozen=True)
class StatementImport:
    added: int
    already_there: int
    errors: tuple[RowError, ...]
    change: Change | None = None  # what was stored (BANK_STATEMENT_IMPORTED), for undo; None on a check


def import_bank_statement(db: Database, employer_id: int, path: Path, *, dry_run: bool = False) -> StatementImport:
    """Add a bank statement's lines (CSV or XLSX: date, description, amount, and optionally category;
    money in positive, out negative). All or nothing; a line already in the ledger is not added again."""
    try:
        rows = read_table(Path(path), {"date", "description", "amount"})
    except TableFileError as error:
        raise ServiceError(error.problem) from None
    errors, entries = [], []
    for row in rows:
        raw = row.values
        try:
            on = parse_date(raw.get("date"))
        except ValueError:
            errors.append(RowError(row.line, "date", Problem("DATE_FORMAT", cell_text(raw.get("date")))))
            continue
        if (problem := check_date_in_range(on)) is not None:
            errors.append(RowError(row.line, "date", problem))
            continue
        try:
            amount = parse_money(cell_text(raw.get("amount")))
        except ValueError:
            errors.append(RowError(row.line, "amount", Problem("MONEY_FORMAT", cell_text(raw.get("amount")))))
            continue
        category = cell_text(raw.get("category")) or ("council_payment" if amount > 0 else "other")
        if category not in rules.CATEGORIES:
            errors.append(RowError(row.line, "category", Problem("LEDGER_CATEGORY_UNKNOWN", category)))
            continue
        description = cell_text(raw.get("description"))
        if len(description) > (limit := text_limit("ledger_entries", "description")):
            errors.append(RowError(row.line, "description",
                                   Problem.of("TEXT_TOO_LONG", limit=limit, length=len(description))))
            continue
        entries.append(LedgerEntry(on, amount, category, description, "bank_import"))
    if errors:
        return StatementImport(0, 0, tuple(errors))
    # What is there already, and what is added, in one transaction: the same statement imported twice
    # at once (two people on a shared database) still adds each line once.
    with db.session(write=not dry_run) as s:
        if not dry_run:
            lock_employer(s, employer_id)
        known = {tuple(r) for r in s.execute(select(
            models.LedgerEntry.on, models.LedgerEntry.amount, models.LedgerEntry.description)
            .where(models.LedgerEntry.employer_id == employer_id))}
        new = [e for e in entries if (e.on, e.amount, e.description) not in known]
        change = None
        if not dry_run:
            rows = [models.LedgerEntry(employer_id=employer_id, on=e.on, amount=e.amount, category=e.category,
                                       description=e.description, source=e.source) for e in new]
            s.add_all(rows)
            s.flush()
            recorder = Recorder(s)
            recorder.added(models.LedgerEntry, *(row.id for row in rows))
            change = recorder.change("BANK_STATEMENT_IMPORTED", employer_id, count=len(rows))
    return StatementImport(len(new), len(entries) - len(new), (), change)


def save_statement_balance(db: Database, employer_id: int, on: date, balance: Decimal | None) -> Change:
    """Keep the statement's balance at the end of `on`, replacing any kept for that day (None: forget it)
    (STATEMENT_BALANCE_RECORDED)."""
    with db.session() as s:
        recorder = Recorder(s)
        that_day = and_(models.StatementBalance.employer_id == employer_id, models.StatementBalance.on == on)
        recorder.watch(models.StatementBalance, that_day)
        s.execute(delete(models.StatementBalance).where(that_day))
        if balance is not None:
            s.add(models.StatementBalance(employer_id=employer_id, on=on, balance=balance))
        return recorder.change("STATEMENT_BALANCE_RECORDED", employer_id, on=on)


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
    """The rota's planned work from `first` to `last`, costed at each PA's rates, with the steps of the
    employer's pay scale from each work anniversary (domain.pay_scale.with_steps, never a cut)."""
    employer = get_employer(db, employer_id)
    steps = get_steps(db, employer_id)
    terms = {pa.id: scaled_terms(pay_terms(pa.pay_rates), steps, pa.start_date) for pa in list_pas(db, employer_id)}
    out = []
    employed = {pa.id: pa for pa in list_pas(db, employer_id)}
    for shift in planned_shifts(db, employer_id, first, last, include_worked=True):
        if shift.shift_type in (ShiftType.HOLIDAY, ShiftType.SICKNESS):
            continue
        if shift.pa not in employed or not employed[shift.pa].is_current(local_date(shift)):
            continue  # a rota line left running past a leaving date is not work to pay
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


RATES_WORDS = {
    "national_insurance": "National Insurance rates", "income_tax": "income tax rates",
    "minimum_wage": "minimum wage rates", "pension": "workplace pension figures", "holiday": "holiday pay rules",
    "real_living_wage": "Real Living Wage rates", "statutory_sick_pay": "Statutory Sick Pay rates",
}


def rates_missing(error: RatesError, label: str, today: date) -> ServiceError:
    """The error, in words, for a budget year that cannot be costed: which figures are missing, for when,
    and whether they are still to be published or the year comes before the figures PA Manager holds."""
    what = RATES_WORDS.get(error.topic, "figures it needs")
    when = error.when
    if isinstance(when, str):
        when_words, day = f"the {when} tax year", tax_year_start(when)
    elif isinstance(when, date):
        when_words, day = when, when  # a date: the words layer shows it as "1 April 2027"
    else:
        when_words, day = "that year", rules.budget_year_start(label)
    code = "BUDGET_RATES_TOO_EARLY" if day <= today else "BUDGET_RATES_MISSING"
    return ServiceError(Problem.of(code, label, what=what, when=when_words))


def forecast(db: Database, employer_id: int, label: str, today: date) -> Forecast:
    """Raises ServiceError, in words naming the missing figures, for a year that cannot be costed yet."""
    return forecast_with_sick_pay(db, employer_id, label, today, at_most=False)[0]


def forecast_with_sick_pay(db: Database, employer_id: int, label: str, today: date, *, at_most: bool = True
                           ) -> tuple[Forecast, tuple[SchemeRisk, ...]]:
    """The forecast, and (`at_most`) the most the employer's sick pay scheme could cost each PA it covers
    in the rest of the year (not taken off the forecast: see domain.sick_pay_forecast). Working that
    out goes day by day to the year's end, so only what shows it asks for it."""
    try:
        return _forecast(db, employer_id, label, today, at_most)
    except RatesError as error:
        raise rates_missing(error, label, today) from None


@dataclass(frozen=True)
class SchemeRisk:
    """The most the sick pay scheme could cost for one PA, with their name for the words."""

    pa_id: int
    name: str
    at_most: SchemeAtMost


def _sick_pas(db: Database, employer_id: int, first: date, last: date,
              planned: list[PlannedCost]) -> list[tuple[object, SickPA]]:
    """(PA, what their sick pay is worked out from) for every PA employed in the forecast's days. The
    normal week's pay is the contract's hours at the basic rate, as the pay run's scheme pay takes it;
    for irregular hours, the average week of their planned pay in those days (no pay history to come)."""
    steps = get_steps(db, employer_id)
    patterns = [p.pattern for p in list_patterns(db, employer_id)]
    sick: dict[int, list[date]] = {}
    for shift in shifts_between(db, employer_id, history_needed_from(first), last, shift_type=ShiftType.SICKNESS):
        sick.setdefault(shift.pa, []).append(local_date(shift))
    with db.session() as s:
        schemes = schemes_in(s, employer_id)
    weeks = Decimal((last - first).days + 1) / 7
    out = []
    for pa in list_pas(db, employer_id):
        if pa.leaving_date is not None and pa.leaving_date < first:
            continue
        rate = base_rate_on(scaled_terms(pay_terms(pa.pay_rates), steps, pa.start_date).rates, first)
        if not pa.irregular_hours and pa.contracted_hours and rate:
            week_pay = pa.contracted_hours * rate
        else:
            week_pay = sum((p.gross_pay for p in planned if p.pa_key == pa.id), Decimal(0)) / weeks
        out.append((pa, SickPA(pa.id, tuple(sorted(set(sick.get(pa.id, ())))),
                               frozenset(working_weekdays(patterns, pa.id, first, last)), week_pay,
                               scheme_for(schemes, pa.id), pa.start_date, pa.leaving_date)))
    return out


def _forecast(db: Database, employer_id: int, label: str, today: date, at_most: bool
              ) -> tuple[Forecast, tuple[SchemeRisk, ...]]:
    year = get_year(db, employer_id, label)
    as_of = min(max(today, year.starts_on - timedelta(days=1)), year.ends_on)
    entries = [e.entry for e in list_entries(db, employer_id, year.starts_on, year.ends_on)]  # all the forecast reads
    with db.session() as s:
        paid = paid_to(s, employer_id, as_of)
    # Work done since the last pay run is still to be paid: it is costed with the work to come.
    unpaid_from = max(paid, year.starts_on - timedelta(days=1)) if paid is not None else as_of
    unpaid_from = min(unpaid_from, as_of)
    planned = (planned_costs(db, employer_id, unpaid_from + timedelta(days=1), year.ends_on)
               if as_of < year.ends_on else [])
    costs = on_costs(db, employer_id, as_of)
    risks: list[SchemeRisk] = []
    if as_of < year.ends_on:
        # Sickness recorded in the days still to pay is paid as the pay run pays it, SSP and scheme.
        first = unpaid_from + timedelta(days=1)
        for pa, sick_pa in _sick_pas(db, employer_id, first, year.ends_on, planned):
            planned += recorded_sick_pay(sick_pa, first, year.ends_on, costs.frequency)
            risk = scheme_at_most(sick_pa, as_of, year.ends_on, costs) if at_most else None
            if risk is not None:
                risks.append(SchemeRisk(pa.id, pa.name, risk))
    found = forecast_year_end(year, entries, planned, costs, as_of=as_of,
                              allowance_used=_allowance_used(db, employer_id, as_of), paid_to=unpaid_from)
    return found, tuple(risks)


@dataclass(frozen=True)
class Uprating:
    """The council's rate beside the wage floors, and what the household's care costs against it.

    year    the year asked for, costed at the figures of its own dates (as a need, every PA raised
            to the wage floor, when it has not started yet); None when the rota has no priced hours in it
    coming  when the year asked for is under way: the next council year, costed as a need from its
            1 April; None otherwise (a year that has ended or not started has no "next April" to ask about)
    """

    history: tuple[UpratingRow, ...]
    year: YearCost | None
    coming: YearCost | None


def next_label(label: str) -> str:
    start = rules.budget_year_start(label).year + 1
    return f"{start}-{(start + 1) % 100:02d}"


def _pa_work(db: Database, employer_id: int, first: date, last: date) -> list[PAWork]:
    """Each PA's planned shifts from the rota on days they are employed, with their pay terms."""
    pas = {pa.id: pa for pa in list_pas(db, employer_id)}
    steps = get_steps(db, employer_id)
    shifts: dict[int, list] = {}
    for shift in planned_shifts(db, employer_id, first, last, include_worked=True):
        pa = pas.get(shift.pa)
        if pa is not None and pa.is_current(local_date(shift)):
            shifts.setdefault(pa.id, []).append(shift)
    return [PAWork(pa.id, pa.name, tuple(shifts[pa.id]), scaled_terms(pay_terms(pa.pay_rates), steps, pa.start_date),
                   pa.date_of_birth, pa.apprentice,
                   pa.apprenticeship_start) for pa in pas.values() if pa.id in shifts]


def year_cost(db: Database, employer_id: int, label: str, today: date) -> YearCost | None:
    """A council year's planned work costed at the figures of its own dates; a year not started by
    `today` is costed as a need (every PA raised to that year's wage floor). The council's rate is the
    year's own, or with none recorded the latest earlier one ("if it stays"). None when there is no
    rate to compare with or no priced hour in the year."""
    employer = get_employer(db, employer_id)
    recorded = {y.label: y for y in list_years(db, employer_id)}
    start = rules.budget_year_start(label)
    end = date(start.year + 1, 3, 31)
    if label in recorded:
        council_rate, known = recorded[label].council_hourly_rate, True
    else:
        earlier = [y for y in recorded.values() if y.starts_on < start]
        if not earlier:
            return None
        council_rate, known = max(earlier, key=lambda y: y.starts_on).council_hourly_rate, False
    costs = on_costs(db, employer_id, max(start, date(start.year, 4, 6)))  # the tax year the council year is in
    try:
        return cost_year(label, _pa_work(db, employer_id, start, end), costs, council_rate, council_rate_recorded=known,
                         raise_to_floor=start > today, follows_real_living_wage=employer.follows_real_living_wage,
                         london=employer.london, is_bank_holiday=lambda d: is_bank_holiday(d, employer.nation))
    except BudgetError as error:
        if error.code == "UPRATING_NO_HOURS":
            return None
        raise


def uprating(db: Database, employer_id: int, label: str, today: date) -> Uprating:
    """The council's rate against the NLW and RLW over the years, and whether it covers what the
    household's care costs: in the year asked for and, while it is under way, from next April."""
    years = list_years(db, employer_id)
    year = get_year(db, employer_id, label)
    history = uprating_history({y.label: y.council_hourly_rate for y in years}, london=get_employer(db, employer_id).london)
    under_way = year.starts_on <= today <= year.ends_on
    return Uprating(history, year_cost(db, employer_id, label, today),
                    year_cost(db, employer_id, next_label(label), today) if under_way else None)


def try_what_if(db: Database, employer_id: int, label: str, scenario: Scenario,
                today: date | None = None) -> WhatIfResult:
    """The year's plan costed as it is and under the scenario; `today` only words a refusal (figures
    still to be published, or a year before the figures start), and defaults to the year's start."""
    year = get_year(db, employer_id, label)
    today = today or year.starts_on
    plan = planned_costs(db, employer_id, year.starts_on, year.ends_on)
    try:
        costs = on_costs(db, employer_id, year.starts_on)
        return what_if(year, summarise_plan(plan, costs.frequency), costs, scenario)
    except RatesError as error:
        raise rates_missing(error, label, today) from None


@dataclass(frozen=True)
class BudgetSummary:
    year: BudgetYear
    money_in: Decimal
    money_out: Decimal
    balance: Decimal
    by_category: dict[str, Decimal]
    forecast: Forecast
    uprating: Uprating | None  # None when not asked for (the dashboard's glance)
    reconciliation: rules.Reconciliation | None
    sick_pay_at_most: tuple[SchemeRisk, ...] = ()  # beside the forecast, never taken off it; () at a glance

    @property
    def sick_pay_at_most_total(self) -> Decimal:
        return sum((risk.at_most.total for risk in self.sick_pay_at_most), Decimal("0.00"))


def budget_summary(db: Database, employer_id: int, label: str, today: date, *,
                   with_uprating: bool = True) -> BudgetSummary:
    year = get_year(db, employer_id, label)
    entries = [e.entry for e in list_entries(db, employer_id, year.starts_on, year.ends_on)]  # all the sums read
    up_to = min(today, year.ends_on)
    statement = latest_statement_balance(db, employer_id, year)
    # The dashboard's glance (without uprating) shows no sick-pay risk either, so it is not worked out.
    found, risks = forecast_with_sick_pay(db, employer_id, label, today, at_most=with_uprating)
    return BudgetSummary(
        year=year,
        money_in=rules.money_in(entries, year.starts_on, up_to),
        money_out=rules.money_out(entries, year.starts_on, up_to),
        balance=rules.balance_on(year, entries, up_to),
        by_category=rules.totals_by_category(entries, year.starts_on, up_to),
        forecast=found,
        uprating=uprating(db, employer_id, label, today) if with_uprating else None,
        reconciliation=None if statement is None else rules.reconcile(year, entries, statement[0], statement[1]),
        sick_pay_at_most=risks,
    )
