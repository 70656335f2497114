"""The budget report and the review letter in words, from what pa_manager.services.budget_report
gathers; laid out by reports.budget."""
from __future__ import annotations

from datetime import date, timedelta

from pa_manager.budget_words import (
    BASIS_NAMES, cost_note, cost_table, floor_words, forecast_line, gap_lines, history_rows, month_label, part_name,
    raise_words, reconciliation_line, rise, share, sick_pay_lines, unconfirmed_note,
)
from pa_manager.domain import budget as rules
from pa_manager.domain.employer import EmployerRecord, Nation
from pa_manager.domain.money import ZERO, format_money
from pa_manager.domain.uprating import YearCost
from pa_manager.reports.budget import BudgetReport, LetterYear, ReviewLetter
from pa_manager.wording import CATEGORY_NAMES, per_hour


def compose_budget_report(employer: EmployerRecord, summary, entries: list, statement, first: date, last: date,
                          today: date) -> BudgetReport:
    """The report of `summary`'s year (a services.budget.BudgetSummary) from `first` to `last`, from the
    year's ledger entries up to `last` and the latest bank statement balance kept (day, balance), if any."""
    year = summary.year
    in_period = [e for e in entries if e.on >= first]
    totals = rules.totals_by_category(in_period)
    spend = rules.monthly_series(year, in_period)
    balances = rules.monthly_series(year, entries)
    shown = [i for i, m in enumerate(balances) if first.replace(day=1) <= m.month <= last]
    reconciliation = None
    if statement is not None and first <= statement[0] <= last:
        reconciliation = reconciliation_line(rules.reconcile(year, entries, *statement))
    cost_headings, cost_rows = cost_table(summary.uprating, today)
    facts = (
        ("Council", employer.council or "Not recorded"),
        ("Direct payment reference", employer.direct_payment_reference or "Not recorded"),
        ("Direct payment", f"{format_money(year.amount)} {BASIS_NAMES[year.basis]} "
                           f"({format_money(year.annual_amount)} a year)"),
        ("Council's hourly rate", f"{per_hour(year.council_hourly_rate)}, assuming on-costs of "
                                  f"{share(year.council_on_cost_rate)}"),
        ("Surplus limit", f"{format_money(year.surplus_limit)} ({year.surplus_limit_weeks} weeks of payments)"),
    )
    return BudgetReport(
        employer_name=employer.name, year_label=year.label, first=first, last=last, made_on=today, facts=facts,
        money_in=tuple((CATEGORY_NAMES[c], totals[c]) for c in rules.MONEY_IN),
        money_out=tuple((CATEGORY_NAMES[c], ZERO - totals[c]) for c in rules.MONEY_OUT),
        opening_balance=rules.balance_on(year, entries, first - timedelta(days=1)),
        closing_balance=rules.balance_on(year, entries, last),
        reconciliation=reconciliation,
        forecast=None if today >= year.ends_on else forecast_line(summary.forecast, year),
        history=tuple(history_rows(summary.uprating, missing="–")),
        cost_headings=cost_headings,
        cost_rows=tuple(cost_rows),
        gap_lines=tuple(gap_lines(summary.uprating, today)) if cost_rows else (),
        gap_note=cost_note(summary.uprating),
        spend_by_month=tuple((month_label(spend[i].month, last), spend[i].spend) for i in shown),
        balance_by_month=tuple((month_label(balances[i].month, last), balances[i].closing_balance) for i in shown),
        sick_pay=() if today >= year.ends_on else tuple(sick_pay_lines(summary)),
        sick_pay_at_most=() if today >= year.ends_on else tuple(
            (risk.name, risk.at_most.total) for risk in summary.sick_pay_at_most),
    )


def _letter_year(cost: YearCost) -> LetterYear:
    return LetterYear(cost.label, cost.starts_on, cost.council_rate, cost.council_rate_recorded, cost.hours, cost.nights,
                      cost.hourly_cost, cost.gap_per_hour, cost.gap_per_year)


def compose_review_letter(employer: EmployerRecord, today: date, current: str, up, coming: YearCost,
                          year: rules.BudgetYear | None, row) -> ReviewLetter:
    """The letter from the year under way (`current`, recorded as `year` if it is), its uprating `up`
    (a services.budget.Uprating, None when the year is not recorded) and its history `row`, and the
    costing of the year ahead (`coming`)."""
    address = tuple(line.strip() for line in employer.address.splitlines() if line.strip())
    lines = tuple((part_name(line.code, coming, "my"), line.year, line.per_hour) for line in coming.lines())
    return ReviewLetter(
        employer_name=employer.name, address_lines=address + ((employer.postcode,) if employer.postcode else ()),
        council=employer.council or "the council", reference=employer.direct_payment_reference, made_on=today,
        current_label=current,
        council_rate=year.council_hourly_rate if year else None,
        council_rise=rise(row.council_uplift) if row and row.council_uplift is not None else None,
        nlw=row.nlw if row else None, nlw_rise=rise(row.nlw_uplift) if row and row.nlw_uplift is not None else None,
        funded_pay_rate=year.funded_pay_rate if year and year.council_on_cost_rate else None,
        on_cost_share=share(year.council_on_cost_rate) if year else "",
        now=_letter_year(up.year) if up is not None and up.year is not None else None,
        coming=_letter_year(coming), coming_nlw=coming.nlw, coming_nlw_provisional=coming.nlw_provisional,
        floor=floor_words(coming), raises=tuple(raise_words(coming, named=False)),
        lines=lines, total=coming.total, notes=unconfirmed_note([coming], nlw=False),
        england=employer.nation == Nation.ENGLAND,
    )
