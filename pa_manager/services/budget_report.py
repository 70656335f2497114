"""The budget's figures for the Budget page, the budget report and the review letter: gathered from
services.budget; worded by pa_manager.budget_words (the page) and reports.budget_contents (the
documents), so the screen and the paper say the same."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from pa_manager.domain import budget as rules
from pa_manager.domain.budget import BudgetError, Reconciliation, budget_year_label
from pa_manager.domain.money import ZERO, round_half_up
from pa_manager.domain.rates import RatesError
from pa_manager.services import budget
from pa_manager.services.budget import BudgetSummary
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.undo import Done

if TYPE_CHECKING:  # the documents (and ReportLab) are loaded only when one is made
    from pa_manager.reports.budget import BudgetReport, ReviewLetter


def record_statement_balance(db, employer_id: int, on: date, balance: Decimal) -> Done[Reconciliation]:
    """Keep the bank statement's balance at the end of a day and compare the records with it; the
    change is keeping the balance."""
    year = budget.get_year(db, employer_id, budget_year_label(on))
    entries = [e.entry for e in budget.list_entries(db, employer_id, last=on)]
    try:
        result = rules.reconcile(year, entries, on, balance)
    except BudgetError:
        raise ServiceError("BUDGET_BALANCE_FORMAT") from None
    return Done(result, budget.save_statement_balance(db, employer_id, on, balance))


# --- the charts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartMonth:
    month: date  # its first day
    money_in: Decimal
    spend: Decimal
    budget: Decimal  # the year's direct payment over 12
    balance: Decimal  # at the end of the month
    projected: bool  # forecast, not yet recorded


@dataclass(frozen=True)
class ChartData:
    months: tuple[ChartMonth, ...]
    monthly_budget: Decimal
    surplus_limit: Decimal


def chart_data(summary: BudgetSummary) -> ChartData:
    """The year month by month: recorded to today, forecast after."""
    monthly = round_half_up(summary.year.annual_amount / 12)
    months = tuple(ChartMonth(m.month, m.money_in, m.spend, monthly, m.closing_balance, m.projected)
                   for m in summary.forecast.months)
    return ChartData(months, monthly, summary.year.surplus_limit)


# --- the budget report -----------------------------------------------------------------------------


def _period(year: rules.BudgetYear, today: date, first: date | None, last: date | None) -> tuple[date, date]:
    first = first or year.starts_on
    last = last or (min(today, year.ends_on) if today >= year.starts_on else year.ends_on)
    if not year.starts_on <= first <= last <= year.ends_on:
        raise ServiceError("BUDGET_REPORT_DATES", year.label, first=year.starts_on, last=year.ends_on)
    return first, last


def build_budget_report(db, employer_id: int, label: str, today: date, first: date | None = None,
                        last: date | None = None) -> BudgetReport:
    """The year's records, forecast and costing for the dates asked (the whole year so far when none
    are), gathered and worded by reports.budget_contents."""
    from pa_manager.reports.budget_contents import compose_budget_report  # ReportLab, only for a document

    employer = get_employer(db, employer_id)
    summary = budget.budget_summary(db, employer_id, label, today)
    year = summary.year
    first, last = _period(year, today, first, last)
    entries = [e.entry for e in budget.list_entries(db, employer_id, year.starts_on, last)]
    statement = budget.latest_statement_balance(db, employer_id, year)
    return compose_budget_report(employer, summary, entries, statement, first, last, today)


def save_budget_report(db, employer_id: int, label: str, path: Path, today: date, first: date | None = None,
                       last: date | None = None, fmt: str = "pdf") -> Path:
    """As a PDF, or a web page (fmt "html"). A missing year, dates outside it or rates not yet known
    each say so: only a missing rate is worded as one."""
    from pa_manager.reports.budget import write_budget_report, write_budget_report_html  # ReportLab, only for a document

    try:
        report = build_budget_report(db, employer_id, label, today, first, last)
    except RatesError as error:  # a ServiceError is already in words, and its own cause
        raise budget.rates_missing(error, label, today) from None
    (write_budget_report_html if fmt == "html" else write_budget_report)(report, Path(path))
    return Path(path)


# --- the letter asking for a review ------------------------------------------------------------


def build_review_letter(db, employer_id: int, label: str, today: date) -> ReviewLetter:
    """The letter asking the council to review the direct payment for the year ahead. It is written from
    the year under way (`label` is that year, or the year ahead itself); a year that has ended, or one
    further ahead, is refused with its reason."""
    from pa_manager.reports.budget_contents import compose_review_letter  # ReportLab, only for a document

    employer = get_employer(db, employer_id)
    current = budget_year_label(today)
    coming_label = budget.next_label(current)
    coming_start = rules.budget_year_start(coming_label)
    if label not in (current, coming_label):
        if rules.budget_year_start(label) < rules.budget_year_start(current):
            ended = rules.BudgetYear(label, ZERO, "yearly", ZERO).ends_on
            raise ServiceError("REVIEW_LETTER_YEAR_ENDED", label, ended=ended, current=current,
                               coming_start=coming_start)
        raise ServiceError("REVIEW_LETTER_TOO_FAR", label, coming=coming_label, coming_start=coming_start,
                           current=current)
    budget.get_year(db, employer_id, label)  # refused, with its reason, when it is not recorded
    recorded = {y.label: y for y in budget.list_years(db, employer_id)}
    up = budget.uprating(db, employer_id, current, today) if current in recorded else None
    coming = up.coming if up is not None else budget.year_cost(db, employer_id, coming_label, today)
    if coming is None:
        raise ServiceError("REVIEW_LETTER_NO_COSTS")
    if coming.gap_per_hour <= 0:
        raise ServiceError("REVIEW_LETTER_NO_SHORTFALL", coming_start)
    year = recorded.get(current)
    row = next((r for r in up.history if r.year_label == current), None) if up is not None else None
    return compose_review_letter(employer, today, current, up, coming, year, row)


def save_review_letter(db, employer_id: int, label: str, path: Path, today: date, fmt: str = "pdf") -> Path:
    """As a PDF, or a web page (fmt "html")."""
    from pa_manager.reports.budget import write_review_letter, write_review_letter_html  # ReportLab, only for a document

    try:
        letter = build_review_letter(db, employer_id, label, today)
    except RatesError as error:
        raise budget.rates_missing(error, label, today) from None
    (write_review_letter_html if fmt == "html" else write_review_letter)(letter, Path(path))
    return Path(path)
