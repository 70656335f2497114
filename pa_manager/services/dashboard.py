"""What the dashboard shows for one employer, gathered in one read."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from pa_manager.domain.compliance import DueItem
from pa_manager.domain.continuity import Continuity
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.budget import BudgetYear, balance_on, budget_year_label
from pa_manager.domain.forecast import Forecast
from pa_manager.services import budget
from pa_manager.services.due import due_list
from pa_manager.services.errors import ServiceError
from pa_manager.services.pay_runs import (
    EnrolmentDue, UnpaidWork, default_pay_date, pension_enrolment_due, unpaid_work,
)
from pa_manager.services.hours import continuity_of_care
from pa_manager.domain.missing import Gap, missing_details
from pa_manager.domain.people import PARecord
from pa_manager.services.employers import get_employer
from pa_manager.services.people import list_pas
from pa_manager.services.wages import PAWageWarning, WageStanding, standings_for, warnings_for
from pa_manager.storage.database import Database


@dataclass(frozen=True)
class Dashboard:
    employer: EmployerRecord
    current_pas: tuple[PARecord, ...]
    gaps: tuple[Gap, ...]
    standings: tuple[WageStanding, ...]
    wage_warnings: tuple[PAWageWarning, ...]
    due: tuple[DueItem, ...]  # checks, duties and training: overdue, due soon and missing
    continuity: Continuity | None  # share of the last four weeks' care hours worked by regular PAs
    next_pay_day: date
    budget: BudgetGlance | None  # None: no budget year recorded for today
    unpaid: tuple[UnpaidWork, ...] = ()  # shifts up to today in no finalised pay run
    enrol: tuple[EnrolmentDue, ...] = ()  # PAs the last pay run found must be enrolled in the pension

    @property
    def below_minimum(self) -> tuple[WageStanding, ...]:
        return below_minimum(self.standings)


def below_minimum(standings) -> tuple[WageStanding, ...]:
    """The PAs whose hourly rate today is below the legal minimum for them."""
    return tuple(s for s in standings if s.current_rate is not None and not s.check.meets_minimum)


@dataclass(frozen=True)
class PayConcerns:
    """What about pay needs doing, as the dashboard warns of it and `due` lists it beside the checks: worked
    hours no finalised pay run has paid, PAs to enrol in the pension, rates below the legal minimum."""

    unpaid: tuple[UnpaidWork, ...]
    enrol: tuple[EnrolmentDue, ...]
    below_minimum: tuple[WageStanding, ...]


def pay_concerns(db: Database, employer_id: int, today: date) -> PayConcerns:
    with db.session():
        employer = get_employer(db, employer_id)
        return PayConcerns(tuple(unpaid_work(db, employer_id, today)),
                           tuple(pension_enrolment_due(db, employer_id, today)),
                           below_minimum(standings_for(employer, list_pas(db, employer_id), today)))


@dataclass(frozen=True)
class BudgetGlance:
    label: str
    balance: Decimal
    forecast_year_end: Decimal | None  # None when the year cannot be forecast (rates not known yet)
    codes: tuple[str, ...]
    runs_out_on: date | None
    surplus_limit: Decimal | None
    # The forecast and its year, worded as the Budget page's own forecast line, so the two say the same.
    forecast: Forecast | None = None
    year: BudgetYear | None = None


def budget_glance(db: Database, employer_id: int, today: date) -> BudgetGlance | None:
    """The budget line of the dashboard: the year's balance and its forecast (the slow part of the
    dashboard, as the forecast costs every planned shift to the year's end: the window asks for it after
    the rest is on screen)."""
    with db.session():
        return _budget_glance(db, employer_id, today)


def _budget_glance(db: Database, employer_id: int, today: date) -> BudgetGlance | None:
    label = budget_year_label(today)
    if label not in {y.label for y in budget.list_years(db, employer_id)}:
        return None
    try:
        summary = budget.budget_summary(db, employer_id, label, today, with_uprating=False)
    except ServiceError:
        year = budget.get_year(db, employer_id, label)
        entries = [e.entry for e in budget.list_entries(db, employer_id, year.starts_on, year.ends_on)]
        return BudgetGlance(label, balance_on(year, entries, today), None, (), None, None)
    f = summary.forecast
    return BudgetGlance(label, summary.balance, f.forecast_year_end_balance, f.codes, f.runs_out_on, f.surplus_limit,
                        f, summary.year)


def load_dashboard(db: Database, employer_id: int, today: date, *, with_budget: bool = True) -> Dashboard:
    """Everything the dashboard shows; without the budget line (None) when `with_budget` is false."""
    with db.session():  # one transaction: every part read from the same moment
        return _load(db, employer_id, today, with_budget)


def _load(db: Database, employer_id: int, today: date, with_budget: bool) -> Dashboard:
    employer = get_employer(db, employer_id)
    pas = list_pas(db, employer_id)
    return Dashboard(
        employer=employer,
        current_pas=tuple(pa for pa in pas if pa.is_current(today)),
        gaps=tuple(missing_details(employer, pas, today)),
        standings=tuple(standings_for(employer, pas, today)),
        wage_warnings=tuple(warnings_for(employer, pas, today)),
        due=tuple(due_list(db, employer_id, today)),
        continuity=continuity_of_care(db, employer_id, today - timedelta(days=28), today - timedelta(days=1)),
        next_pay_day=default_pay_date(db, employer_id, today),
        unpaid=tuple(unpaid_work(db, employer_id, today)),
        enrol=tuple(pension_enrolment_due(db, employer_id, today)),
        budget=_budget_glance(db, employer_id, today) if with_budget else None,
    )
