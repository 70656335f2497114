"""The budget's words and figures as the Budget page, the budget report and the review letter show
them: gathered from services.budget, worded once here so the screen and the paper say the same."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from pa_manager.domain import budget as rules
from pa_manager.domain.budget import BudgetError, Reconciliation, budget_year_label
from pa_manager.domain.employer import Nation
from pa_manager.domain.forecast import BUDGET_RUNS_OUT, BUDGET_SURPLUS_OVER_LIMIT, Forecast
from pa_manager.domain.minimum_wage import national_living_wage_on
from pa_manager.domain.money import ZERO, format_money, round_half_up
from pa_manager.domain.rates import RatesError
from pa_manager.messages import format_date
from pa_manager.reports.budget import (
    BudgetReport, GapRow, LetterGap, ReviewLetter, write_budget_report, write_budget_report_html, write_review_letter,
    write_review_letter_html,
)
from pa_manager.services import budget
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.budget import BudgetSummary, Uprating
from pa_manager.wording import per_hour

CATEGORY_NAMES = {
    "council_payment": "Direct payment from the council",
    "personal_contribution": "Your own contribution",
    "other_income": "Other money in",
    "pa_net_pay": "PAs' take-home pay",
    "hmrc_tax_ni": "Tax and National Insurance to HMRC",
    "pension": "Pension contributions",
    "insurance": "Employer's liability insurance",
    "payroll_support_fees": "Payroll or support fees",
    "training": "Training",
    "pa_expenses": "PA expenses",
    "other": "Other spending",
}
SOURCE_NAMES = {"manual": "By hand", "pay_run": "Pay run", "bank_import": "Bank statement"}
BASIS_NAMES = {"weekly": "every week", "four-weekly": "every four weeks", "yearly": "once a year"}
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Line = tuple[str, str]  # (status code as StatusList knows it: "ok", "warning", "below", "missing"; sentence)


# --- words shared by the page and the report ---------------------------------------------------


def rise(fraction: Decimal) -> str:
    """0.0197 -> '2.0%': one decimal place, as councils and the Low Pay Commission quote rises."""
    return f"{(fraction * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def share(fraction: Decimal) -> str:
    """0.1207 -> '12.07%', 0.22 -> '22%': an on-cost as exact as it is set, to two places at most."""
    value = (fraction * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{value:f}%"


def month_name(month: date) -> str:
    return format_date(month).split(" ", 1)[1]  # "1 April 2026" -> "April 2026"


def forecast_line(forecast: Forecast, year: rules.BudgetYear) -> Line:
    """The forecast for 31 March, starting with its status word."""
    end, balance = format_date(year.ends_on), format_money(forecast.forecast_year_end_balance)
    limit = format_money(forecast.surplus_limit)
    ended = forecast.as_of >= year.ends_on
    is_ = "was" if ended else "is forecast at"
    if BUDGET_RUNS_OUT in forecast.codes:
        when = format_date(forecast.runs_out_on)
        return ("below", f"Runs out on {when}: the account {'went' if ended else 'is forecast to go'} below £0 that "
                         f"day, and the balance on {end} {is_} {balance}. Ask the council for a review now, and "
                         "check the rota and spending.")
    if BUDGET_SURPLUS_OVER_LIMIT in forecast.codes:
        return ("warning", f"Over the council's surplus limit: the balance on {end} {is_} {balance}, "
                           f"{format_money(forecast.over_limit)} more than the {limit} the council lets you keep. "
                           "It may take back the extra: talk to them before the year ends.")
    return ("ok", f"On track: the balance on {end} {is_} {balance}, below the surplus limit of {limit}.")


def _short_or_spare(gap_per_hour: Decimal, gap_per_year: Decimal, tense: str) -> str:
    """tense: "now", "then" (a date already past) or "ahead"."""
    are, covers = {"now": ("are", "covers"), "then": ("were", "covered"), "ahead": ("will be", "will cover")}[tense]
    if gap_per_hour > 0:
        return f"You {are} {format_money(gap_per_hour)} an hour ({format_money(gap_per_year)} a year) short."
    if gap_per_hour < 0:
        return (f"The council's rate {covers} it, with {format_money(-gap_per_hour)} an hour "
                f"({format_money(-gap_per_year)} a year) to spare.")
    return f"The council's rate {covers} it exactly."


def gap_lines(uprating: Uprating, today: date) -> list[Line]:
    """Whether the council's hourly rate covers pay plus on-costs, now and from next April (for a year
    seen after it ended: on its last day only; for one not yet started: from its first day)."""
    gap = uprating.gap
    if gap is None:
        return [("missing", "Missing: add your PAs' rota and hourly rates to see whether the council's rate "
                            "covers their pay and the costs on top.")]
    now, then = gap.now, gap.next_april
    past = now.on < today
    when = "Now" if now.on == today else f"{'On' if past else 'From'} {format_date(now.on)}"
    pays, needs = ("paid", "needed") if past else ("pays", "needs")
    lines = [("warning" if now.gap_per_hour > 0 else "ok",
              f"{when}: the council {pays} {per_hour(now.council_rate)}. Paying your PAs and the costs on top "
              f"{needs} {per_hour(now.hourly_cost)}. "
              + _short_or_spare(now.gap_per_hour, now.gap_per_year, "then" if past else "now"))]
    if then.on <= today:
        return lines
    nlw_now, _ = national_living_wage_on(now.on)
    change = (f"rises from {format_money(nlw_now)} to {per_hour(gap.next_minimum)}" if gap.next_minimum > nlw_now
              else f"is {per_hour(gap.next_minimum)}")
    unconfirmed = " (not yet confirmed)" if gap.next_minimum_provisional else ""
    lines.append(("warning" if then.gap_per_hour > 0 else "ok",
                  f"From {format_date(then.on)}: the legal minimum {change}{unconfirmed}. If the council's rate "
                  f"stays at {per_hour(then.council_rate)}, paying your PAs and the costs on top will need "
                  f"{per_hour(then.hourly_cost)}. " + _short_or_spare(then.gap_per_hour, then.gap_per_year, "ahead")))
    return lines


def on_costs_sentence(uprating: Uprating) -> str:
    """What the hourly cost is made of, so the figure can be checked."""
    if uprating.gap is None:
        return ""
    rate = uprating.gap.now.on_costs
    return (f"Your PAs are paid {per_hour(uprating.pay_rate)} on average for {uprating.weekly_hours.normalize():f} "
            f"hours a week. On top of their pay come holiday pay ({share(rate.holiday)}), employer's National "
            f"Insurance after the Employment Allowance ({share(rate.employer_ni)}) and pension "
            f"({share(rate.employer_pension)}), each as a share of pay.")


def reconciliation_line(result: Reconciliation) -> Line:
    on = format_date(result.on)
    if result.reconciled:
        return ("ok", f"Matches: your records match your bank statement on {on}. Both show "
                      f"{format_money(result.ledger_balance)}.")
    if result.difference > 0:
        return ("warning", f"Does not match: your records are {format_money(result.difference)} lower than your bank "
                           f"statement on {on}. Check for missing entries.")
    return ("warning", f"Does not match: your records are {format_money(-result.difference)} higher than your bank "
                       f"statement on {on}. Check for spending you have not entered, or an entry entered twice.")


def history_rows(uprating: Uprating, missing: str = "Not recorded") -> list[tuple[str, ...]]:
    """Year, the council's rate and rise, the NLW and its rise, the RLW and its rise, in words;
    `missing` stands for a figure there is none of (a narrow printed column wants a dash)."""
    def rate(value, provisional):
        return missing if value is None else format_money(value) + (" (not yet confirmed)" if provisional else "")

    def up(value):
        return missing if value is None else rise(value)
    return [(row.year_label, format_money(row.council_rate), up(row.council_uplift),
             rate(row.nlw, row.nlw_provisional), up(row.nlw_uplift),
             rate(row.rlw, row.rlw_provisional), up(row.rlw_uplift)) for row in uprating.history]


def record_statement_balance(db, employer_id: int, on: date, balance: Decimal) -> Reconciliation:
    """Keep the bank statement's balance at the end of a day and compare the records with it."""
    year = budget.get_year(db, employer_id, budget_year_label(on))
    entries = [e.entry for e in budget.list_entries(db, employer_id, last=on)]
    try:
        result = rules.reconcile(year, entries, on, balance)
    except BudgetError:
        raise ServiceError("Enter the balance in pounds and pence, like 1234.56.") from None
    budget.save_statement_balance(db, employer_id, on, balance)
    return result


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
        raise ServiceError(f"Choose dates from {format_date(year.starts_on)} to {format_date(year.ends_on)}, "
                           f"with the first date before the last, for the {year.label} budget year.")
    return first, last


def build_budget_report(db, employer_id: int, label: str, today: date, first: date | None = None,
                        last: date | None = None) -> BudgetReport:
    employer = get_employer(db, employer_id)
    summary = budget.budget_summary(db, employer_id, label, today)
    year = summary.year
    first, last = _period(year, today, first, last)
    entries = [e.entry for e in budget.list_entries(db, employer_id, year.starts_on, last)]
    in_period = [e for e in entries if e.on >= first]
    totals = rules.totals_by_category(in_period)
    spend = rules.monthly_series(year, in_period)
    balances = rules.monthly_series(year, entries)
    shown = [i for i, m in enumerate(balances) if first.replace(day=1) <= m.month <= last]
    statement = budget.latest_statement_balance(db, employer_id, year)
    reconciliation = None
    if statement is not None and first <= statement[0] <= last:
        reconciliation = reconciliation_line(rules.reconcile(year, entries, *statement))
    gap = summary.uprating.gap
    gap_rows = ()
    if gap is not None and (gap.now.gap_per_hour > 0 or gap.next_april.gap_per_hour > 0):
        gap_rows = tuple(GapRow(when, g.council_rate, g.hourly_cost, g.gap_per_hour, g.gap_per_year)
                         for when, g in (("Now", gap.now), (f"From {format_date(gap.next_april.on)}", gap.next_april)))
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
        gap_rows=gap_rows,
        gap_lines=tuple(text for _, text in gap_lines(summary.uprating, today)) if gap_rows else (),
        gap_note=on_costs_sentence(summary.uprating) if gap_rows else "",
        spend_by_month=tuple((MONTH_SHORT[spend[i].month.month - 1], spend[i].spend) for i in shown),
        balance_by_month=tuple((MONTH_SHORT[balances[i].month.month - 1], balances[i].closing_balance) for i in shown),
    )


def _no_rates_yet(label: str) -> ServiceError:
    return ServiceError(f"PA Manager does not have the tax and National Insurance rates for {label} yet, so it "
                        "cannot cost that year. Update PA Manager once HMRC has published them.")


def save_budget_report(db, employer_id: int, label: str, path: Path, today: date, first: date | None = None,
                       last: date | None = None, fmt: str = "pdf") -> Path:
    """As a PDF, or a web page (fmt "html"). A missing year, dates outside it or rates not yet known
    each say so: only a missing rate is worded as one."""
    try:
        report = build_budget_report(db, employer_id, label, today, first, last)
    except RatesError:
        raise _no_rates_yet(label) from None
    (write_budget_report_html if fmt == "html" else write_budget_report)(report, Path(path))
    return Path(path)


# --- the letter asking for a review ------------------------------------------------------------


def build_review_letter(db, employer_id: int, label: str, today: date) -> ReviewLetter:
    employer = get_employer(db, employer_id)
    year = budget.get_year(db, employer_id, label)
    up = budget.uprating(db, employer_id, label, today)
    if up.gap is None:
        raise ServiceError("Add your PAs' rota and hourly rates first: the letter needs what an hour of care costs.")
    now, then = up.gap.now, up.gap.next_april
    if now.gap_per_hour <= 0 and then.gap_per_hour <= 0:
        raise ServiceError("The council's hourly rate covers your PAs' pay and the costs on top, now and from "
                           f"{format_date(then.on)}, so there is no shortfall to ask about.")
    row = next((r for r in up.history if r.year_label == label), None)
    address = tuple(line.strip() for line in employer.address.splitlines() if line.strip())
    return ReviewLetter(
        employer_name=employer.name, address_lines=address + ((employer.postcode,) if employer.postcode else ()),
        council=employer.council or "the council", reference=employer.direct_payment_reference, made_on=today,
        year_label=label, council_rate=year.council_hourly_rate,
        council_rise=rise(row.council_uplift) if row and row.council_uplift is not None else None,
        nlw=row.nlw if row else None, nlw_rise=rise(row.nlw_uplift) if row and row.nlw_uplift is not None else None,
        funded_pay_rate=year.funded_pay_rate if year.council_on_cost_rate else None,
        on_cost_share=share(year.council_on_cost_rate),
        pay_rate=up.pay_rate, weekly_hours=up.weekly_hours,
        now=LetterGap(now.on, now.hourly_cost, now.gap_per_hour, now.gap_per_year),
        next_april=LetterGap(then.on, then.hourly_cost, then.gap_per_hour, then.gap_per_year),
        next_minimum=up.gap.next_minimum, next_minimum_provisional=up.gap.next_minimum_provisional,
        england=employer.nation == Nation.ENGLAND,
    )


def save_review_letter(db, employer_id: int, label: str, path: Path, today: date, fmt: str = "pdf") -> Path:
    """As a PDF, or a web page (fmt "html")."""
    try:
        letter = build_review_letter(db, employer_id, label, today)
    except RatesError:
        raise _no_rates_yet(label) from None
    (write_review_letter_html if fmt == "html" else write_review_letter)(letter, Path(path))
    return Path(path)
