"""The budget's words and figures as the Budget page, the budget report and the review letter show
them: gathered from services.budget, worded once here so the screen and the paper say the same."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from pa_manager.domain import budget as rules
from pa_manager.domain.budget import BudgetError, Reconciliation, budget_year_label
from pa_manager.domain.employer import Nation
from pa_manager.domain.forecast import (
    BUDGET_ABOVE_LIMIT_IN_YEAR, BUDGET_RUNS_OUT, BUDGET_SURPLUS_OVER_LIMIT, Forecast,
)
from pa_manager.domain.minimum_wage import national_living_wage_on
from pa_manager.domain.money import ZERO, format_money, round_half_up
from pa_manager.domain.rates import RatesError
from pa_manager.messages import format_date
from pa_manager.services import budget
from pa_manager.services.employers import get_employer
from pa_manager.services.errors import ServiceError
from pa_manager.services.budget import BudgetSummary, Uprating
from pa_manager.services.undo import Done
from pa_manager.domain.uprating import (
    EMPLOYER_NI, EMPLOYER_PENSION, FLOOR_PAY, HOLIDAY_PAY, PARTS, PAY_ABOVE_FLOOR, PREMIUMS, SLEEP_INS, YearCost,
)
from pa_manager.wording import CATEGORY_NAMES, per_hour

if TYPE_CHECKING:  # the documents (and ReportLab) are loaded only when one is made
    from pa_manager.reports.budget import BudgetReport, LetterYear, ReviewLetter

SOURCE_NAMES = {"manual": "By hand", "pay_run": "Pay run", "bank_import": "Bank statement"}
BASIS_NAMES = {"weekly": "every week", "four-weekly": "every four weeks", "yearly": "once a year"}
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Line = tuple[str, str]  # (status code as StatusList knows it: "ok", "warning", "below", "missing"; sentence)


# --- words shared by the page and the report ---------------------------------------------------


def rise(fraction: Decimal) -> str:
    """An exact fraction as a percentage to two places, rounded once: 0.8500/12.60 -> '6.75%'."""
    return f"{(fraction * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def share(fraction: Decimal) -> str:
    """0.1207 -> '12.07%', 0.22 -> '22%': an on-cost as exact as it is set, to two places at most."""
    value = (fraction * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{value:f}%"


def month_name(month: date) -> str:
    return format_date(month).split(" ", 1)[1]  # "1 April 2026" -> "April 2026"


def forecast_line(forecast: Forecast, year: rules.BudgetYear) -> Line:
    """The forecast for 31 March, starting with its status word. Read from the forecast's codes, which
    come from the same month-end balances the chart draws, so the words and the chart agree."""
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
    if BUDGET_ABOVE_LIMIT_IN_YEAR in forecast.codes:
        peak = forecast.highest_month
        month = month_name(peak.month)
        past = not peak.projected
        was = "was" if past else "is forecast at"
        return ("warning", f"Above the surplus limit {'in' if past else 'by the end of'} {month}: the balance at the "
                           f"end of {month} {was} {format_money(peak.closing_balance)}, "
                           f"{format_money(peak.closing_balance - forecast.surplus_limit)} more than the {limit} the "
                           f"council lets you keep. The balance on {end} {is_} {balance}, below the limit. A council "
                           "can take back money held above the limit when it checks the account: if the money is "
                           "not needed for your care, talk to them.")
    return ("ok", f"On track: the balance on {end} {is_} {balance}, and no month "
                  f"{'ended' if ended else 'ends'} above the surplus limit of {limit}.")


def _short_or_spare(gap_per_hour: Decimal, gap_per_year: Decimal, tense: str) -> str:
    """tense: "now", "then" (a year already past) or "ahead"."""
    are, covers = {"now": ("are", "covers"), "then": ("were", "covered"), "ahead": ("will be", "will cover")}[tense]
    if gap_per_hour > 0:
        return f"You {are} {format_money(gap_per_hour)} an hour ({format_money(gap_per_year)} a year) short."
    if gap_per_hour < 0 or gap_per_year < 0:
        return (f"The council's rate {covers} it, with {format_money(-gap_per_hour)} an hour "
                f"({format_money(-gap_per_year)} a year) to spare.")
    return f"The council's rate {covers} it exactly."


def floor_words(cost: YearCost) -> str:
    """What every PA is paid at least in a year costed as a need."""
    if cost.follows_real_living_wage and cost.rlw is not None:
        return f"the Real Living Wage of {per_hour(cost.rlw)} (or the legal minimum, where that is higher)"
    return "the legal minimum for their age"


def part_name(code: str, cost: YearCost, whose: str = "your") -> str:
    """The words for one line of what an hour costs; `whose` is "your" (the page) or "my" (the letter)."""
    rlw = cost.follows_real_living_wage and cost.rlw is not None
    nights = f"{cost.nights} night{'s' if cost.nights != 1 else ''}"
    if len(cost.night_rates) == 1:
        nights += f" at {format_money(cost.night_rates[0])}"
    return {
        FLOOR_PAY: ("Pay at the Real Living Wage, or the legal minimum where higher" if rlw
                    else "Pay at the legal minimum for each PA's age"),
        PAY_ABOVE_FLOOR: f"Pay above that, at the rates agreed with {whose} PAs",
        PREMIUMS: "Weekend and bank holiday rates",
        SLEEP_INS: f"Sleep-in nights ({nights})",
        HOLIDAY_PAY: f"Holiday pay ({share(cost.holiday_rate)} of pay)",
        EMPLOYER_NI: "Employer's National Insurance after the Employment Allowance",
        EMPLOYER_PENSION: "Employer's pension contributions",
    }[code]


def year_words(cost: YearCost, today: date) -> str:
    """"2026-27" for a year under way or past; "From 1 April 2027" for one still to come."""
    return f"From {format_date(cost.starts_on)}" if cost.starts_on > today else cost.label


def hours_words(hours: Decimal) -> str:
    """2192.5 -> '2,192.5 hours'."""
    whole, _, part = f"{hours.normalize():f}".partition(".")
    return f"{int(whole):,}{'.' + part if part else ''} hour{'' if hours == 1 else 's'}"


def _work_words(cost: YearCost) -> str:
    hours = hours_words(cost.hours)
    if cost.nights:
        hours += f" and {cost.nights} sleep-in night{'s' if cost.nights != 1 else ''}"
    return hours


def raise_words(cost: YearCost, named: bool = True) -> list[str]:
    """One phrase per PA raised: "Priya Sandhu from £11.20 to £11.27 an hour, and to £13.21 from 4 March
    2028" (a birthday brings a later raise); "one PA …" when not `named`."""
    by_pa: dict = {}
    for r in sorted(cost.raises, key=lambda r: r.first_day):
        by_pa.setdefault(r.pa_key, []).append(r)
    out = []
    for raises in by_pa.values():
        first = raises[0]  # from the PA's first shift of the year
        text = f"{first.name if named else 'one PA'} from {format_money(first.from_rate)} to {per_hour(first.to_rate)}"
        for later in raises[1:]:
            text += f", and to {format_money(later.to_rate)} from {format_date(later.first_day)}"
        out.append(text)
    return sorted(out)


def gap_lines(uprating: Uprating, today: date) -> list[Line]:
    """Whether the council's hourly rate covers what the household's care costs: in the year shown, at
    the figures of its own dates, and (while it is under way) from next April, with every PA raised to
    the wage floor."""
    cost = uprating.year
    if cost is None:
        return [("missing", "Missing: add your PAs' rota and hourly rates to see whether the council's rate "
                            "covers their pay and the costs on top.")]
    lines = []
    ended = date(cost.starts_on.year + 1, 3, 31) < today
    if cost.starts_on <= today:
        pays, costs = ("paid", "cost") if ended else ("pays", "costs")
        lines.append(("warning" if cost.gap_per_hour > 0 else "ok",
                      f"{_verdict(cost)} in {cost.label}: the council {pays} {per_hour(cost.council_rate)}. Your PAs' planned work "
                      f"({_work_words(cost)}) at that year's pay rates, with holiday pay, National Insurance and "
                      f"pension on top, {costs} {per_hour(cost.hourly_cost)}. "
                      + _short_or_spare(cost.gap_per_hour, cost.gap_per_year, "then" if ended else "now")))
    coming = uprating.coming if cost.starts_on <= today else cost
    if coming is None:
        return lines
    before = national_living_wage_on(coming.starts_on - timedelta(days=1))[0]
    change = (f"rises from {format_money(before)} to {per_hour(coming.nlw)}" if coming.nlw != before
              else f"is {per_hour(coming.nlw)}")
    unconfirmed = " (not yet confirmed)" if coming.nlw_provisional else ""
    raised = raise_words(coming)
    raising = f" That means raising {_joined(raised)}." if raised else ""
    rate = (f"The council will pay {per_hour(coming.council_rate)}, so" if coming.council_rate_recorded
            else f"If the council's rate stays at {per_hour(coming.council_rate)}")
    verdict = _short_or_spare(coming.gap_per_hour, coming.gap_per_year, "ahead")
    lines.append(("warning" if coming.gap_per_hour > 0 else "ok",
                  f"{_verdict(coming)} from {format_date(coming.starts_on)}: the National Living Wage {change}{unconfirmed}. With every "
                  f"PA paid at least {floor_words(coming)}, your PAs' planned work ({_work_words(coming)}) will cost "
                  f"{per_hour(coming.hourly_cost)}.{raising} {rate}, {verdict[0].lower()}{verdict[1:]}"))
    return lines


def _verdict(cost: YearCost) -> str:
    return "Short" if cost.gap_per_hour > 0 else "Covered"


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def costed_years(uprating: Uprating) -> list[YearCost]:
    return [c for c in (uprating.year, uprating.coming) if c is not None]


def cost_table(uprating: Uprating, today: date, whose: str = "your") -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """What an hour costs, part by part, for each year costed: (headings, rows of words). Each part is
    the year's amount over its hours; they are rounded so that they add up to the cost of an hour."""
    years = costed_years(uprating)
    if not years:
        return (), []
    headings = ("What an hour costs", *(year_words(c, today) for c in years))
    by_year = [{line.code: line.per_hour for line in c.lines()} for c in years]
    rows = [(part_name(code, years[-1], whose), *(format_money(found.get(code, ZERO)) for found in by_year))
            for code in PARTS if any(code in found for found in by_year)]
    rows.append(("Cost of an hour", *(format_money(c.hourly_cost) for c in years)))
    rows.append(("The council's rate an hour", *(format_money(c.council_rate) + ("" if c.council_rate_recorded
                                                                                  else " if unchanged")
                                                  for c in years)))
    rows.append(("Short by an hour (or to spare)", *(_signed(c.gap_per_hour) for c in years)))
    rows.append(("Short by a year (or to spare)", *(_signed(c.gap_per_year) for c in years)))
    return headings, rows


def _signed(gap: Decimal) -> str:
    return f"{format_money(gap)} short" if gap > 0 else "Nothing" if gap == 0 else f"{format_money(-gap)} to spare"


COST_METHOD = ("How an hour is costed: each PA's planned shifts from the rota, at the pay rates, sleep-in allowances "
               "and weekend and bank holiday rates in force on each day, with the holiday pay, employer's National "
               "Insurance (after the Employment Allowance) and pension of that year. Sleep-in nights are paid a set "
               "amount a night, so their cost is shared over the hours paid by the hour.")


def unconfirmed_note(years: list[YearCost], *, nlw: bool = True) -> str:
    """Which figures behind the costing are not confirmed yet, and shifts left out for want of a rate
    (`nlw` False: leave out the National Living Wage, when the words beside it already say so)."""
    text = []
    for cost in years:
        unsure = []
        if nlw and cost.nlw_provisional:
            unsure.append(f"the National Living Wage of {per_hour(cost.nlw)} is not yet confirmed")
        if cost.follows_real_living_wage and cost.rlw_provisional and cost.rlw is not None:
            unsure.append(f"the Real Living Wage for {cost.label} is not known yet, so {per_hour(cost.rlw)} is used")
        for tax_year, stand_in in cost.ni_borrowed:
            unsure.append(f"National Insurance uses the {stand_in} figures until HMRC publishes those for {tax_year}")
        if unsure:
            text.append(f"For {cost.label}, " + "; ".join(unsure) + ".")
        if cost.unpriced:
            many = cost.unpriced != 1
            text.append(f"{cost.unpriced} planned shift{'s' if many else ''} in {cost.label} "
                        f"{'have' if many else 'has'} no pay rate and {'are' if many else 'is'} left out: add the "
                        "rate on the People page.")
    return " ".join(text)


def cost_note(uprating: Uprating) -> str:
    """How the cost of an hour is worked out, and which figures are not confirmed, so it can be checked."""
    years = costed_years(uprating)
    if not years:
        return ""
    return " ".join(part for part in (COST_METHOD, unconfirmed_note(years)) if part)


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


def record_statement_balance(db, employer_id: int, on: date, balance: Decimal) -> Done[Reconciliation]:
    """Keep the bank statement's balance at the end of a day and compare the records with it; the
    change is keeping the balance."""
    year = budget.get_year(db, employer_id, budget_year_label(on))
    entries = [e.entry for e in budget.list_entries(db, employer_id, last=on)]
    try:
        result = rules.reconcile(year, entries, on, balance)
    except BudgetError:
        raise ServiceError("Enter the balance in pounds and pence, like 1234.56.") from None
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


def _month_label(month: date, last: date) -> str:
    """"Apr"; the report's last month, when it stops before the month's end, by its last day: "23 Nov",
    so a balance read before the month's pay run is not taken for the month's end."""
    short = MONTH_SHORT[month.month - 1]
    month_end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return f"{last.day} {short}" if (month.year, month.month) == (last.year, last.month) and last < month_end else short


def _period(year: rules.BudgetYear, today: date, first: date | None, last: date | None) -> tuple[date, date]:
    first = first or year.starts_on
    last = last or (min(today, year.ends_on) if today >= year.starts_on else year.ends_on)
    if not year.starts_on <= first <= last <= year.ends_on:
        raise ServiceError(f"Choose dates from {format_date(year.starts_on)} to {format_date(year.ends_on)}, "
                           f"with the first date before the last, for the {year.label} budget year.")
    return first, last


def build_budget_report(db, employer_id: int, label: str, today: date, first: date | None = None,
                        last: date | None = None) -> BudgetReport:
    from pa_manager.reports.budget import BudgetReport  # ReportLab, only for a document

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
        spend_by_month=tuple((_month_label(spend[i].month, last), spend[i].spend) for i in shown),
        balance_by_month=tuple((_month_label(balances[i].month, last), balances[i].closing_balance) for i in shown),
    )


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


def letter_possible(uprating: Uprating, year: rules.BudgetYear, today: date) -> tuple[bool, str]:
    """Whether the page offers the letter for the year shown, and if not, why, in words. The letter is
    for the year ahead, asked from the year under way (or the year ahead itself)."""
    current = budget_year_label(today)
    if year.label not in (current, budget.next_label(current)):
        return False, f"The letter asking for a review is for the year ahead: choose {current} to write it."
    coming = uprating.coming if year.starts_on <= today else uprating.year
    if coming is None:
        return False, ("The letter asking for a review is there when PA Manager can cost the year ahead: add your "
                       "PAs' rota and hourly rates.")
    if coming.gap_per_hour <= 0:
        return False, (f"The council's rate covers what your PAs will cost from {format_date(coming.starts_on)}, so "
                       "there is nothing to ask for.")
    return True, ""




def _letter_year(cost: YearCost) -> LetterYear:
    from pa_manager.reports.budget import LetterYear  # ReportLab, only for a document

    return LetterYear(cost.label, cost.starts_on, cost.council_rate, cost.council_rate_recorded, cost.hours, cost.nights,
                      cost.hourly_cost, cost.gap_per_hour, cost.gap_per_year)


def build_review_letter(db, employer_id: int, label: str, today: date) -> ReviewLetter:
    """The letter asking the council to review the direct payment for the year ahead. It is written from
    the year under way (`label` is that year, or the year ahead itself); a year that has ended, or one
    further ahead, is refused in words."""
    from pa_manager.reports.budget import ReviewLetter  # ReportLab, only for a document

    employer = get_employer(db, employer_id)
    current = budget_year_label(today)
    coming_label = budget.next_label(current)
    coming_start = format_date(rules.budget_year_start(coming_label))
    if label not in (current, coming_label):
        if rules.budget_year_start(label) < rules.budget_year_start(current):
            ended = format_date(rules.BudgetYear(label, ZERO, "yearly", ZERO).ends_on)
            raise ServiceError(f"The {label} budget year ended on {ended}, so it is too late to ask for a review of "
                               f"it. A letter asking for a review is for the year ahead: choose {current} and the "
                               f"letter asks the council to review your direct payment from {coming_start}.")
        raise ServiceError(f"A letter asking for a review is for the year ahead, {coming_label}, which starts on "
                           f"{coming_start}. Choose {current} or {coming_label} to write it.")
    budget.get_year(db, employer_id, label)  # refused in words when it is not recorded
    recorded = {y.label: y for y in budget.list_years(db, employer_id)}
    up = budget.uprating(db, employer_id, current, today) if current in recorded else None
    coming = up.coming if up is not None else budget.year_cost(db, employer_id, coming_label, today)
    if coming is None:
        raise ServiceError("Add your PAs' rota and hourly rates first: the letter needs what an hour of care costs.")
    if coming.gap_per_hour <= 0:
        raise ServiceError(f"The council's hourly rate covers your PAs' pay and the costs on top from {coming_start}, "
                           "so there is no shortfall to ask about.")
    year = recorded.get(current)
    row = next((r for r in up.history if r.year_label == current), None) if up is not None else None
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


def save_review_letter(db, employer_id: int, label: str, path: Path, today: date, fmt: str = "pdf") -> Path:
    """As a PDF, or a web page (fmt "html")."""
    from pa_manager.reports.budget import write_review_letter, write_review_letter_html  # ReportLab, only for a document

    try:
        letter = build_review_letter(db, employer_id, label, today)
    except RatesError as error:
        raise budget.rates_missing(error, label, today) from None
    (write_review_letter_html if fmt == "html" else write_review_letter)(letter, Path(path))
    return Path(path)
