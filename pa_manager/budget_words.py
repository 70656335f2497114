"""The budget's words as the Budget page, the dashboard, the budget report and the review letter show
them: worded once here, from what services.budget and services.budget_report gather, so the screen and
the paper say the same. `uprating` is always a services.budget.Uprating."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from pa_manager.domain import budget as rules
from pa_manager.domain.budget import Reconciliation, budget_year_label
from pa_manager.domain.forecast import (
    BUDGET_ABOVE_LIMIT_IN_YEAR, BUDGET_RUNS_OUT, BUDGET_SURPLUS_OVER_LIMIT, Forecast,
)
from pa_manager.domain.minimum_wage import national_living_wage_on
from pa_manager.domain.money import ZERO, format_money
from pa_manager.domain.uprating import (
    EMPLOYER_NI, EMPLOYER_PENSION, FLOOR_PAY, HOLIDAY_PAY, PARTS, PAY_ABOVE_FLOOR, PREMIUMS, SLEEP_INS, YearCost,
)
from pa_manager.messages import format_date
from pa_manager.wording import per_hour

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


def gap_lines(uprating, today: date) -> list[Line]:
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


def costed_years(uprating) -> list[YearCost]:
    return [c for c in (uprating.year, uprating.coming) if c is not None]


def cost_table(uprating, today: date, whose: str = "your") -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
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


def cost_note(uprating) -> str:
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


def history_rows(uprating, missing: str = "Not recorded") -> list[tuple[str, ...]]:
    """Year, the council's rate and rise, the NLW and its rise, the RLW and its rise, in words;
    `missing` stands for a figure there is none of (a narrow printed column wants a dash)."""
    def rate(value, provisional):
        return missing if value is None else format_money(value) + (" (not yet confirmed)" if provisional else "")

    def up(value):
        return missing if value is None else rise(value)
    return [(row.year_label, format_money(row.council_rate), up(row.council_uplift),
             rate(row.nlw, row.nlw_provisional), up(row.nlw_uplift),
             rate(row.rlw, row.rlw_provisional), up(row.rlw_uplift)) for row in uprating.history]


def month_label(month: date, last: date) -> str:
    """"Apr"; the report's last month, when it stops before the month's end, by its last day: "23 Nov",
    so a balance read before the month's pay run is not taken for the month's end."""
    short = MONTH_SHORT[month.month - 1]
    month_end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return f"{last.day} {short}" if (month.year, month.month) == (last.year, last.month) and last < month_end else short


def letter_possible(uprating, year: rules.BudgetYear, today: date) -> tuple[bool, str]:
    """Whether the page offers the letter for the year shown, and if not, why, in words. The letter is
    for the year ahead, asked from the year under way (or the year ahead itself)."""
    current = budget_year_label(today)
    ahead = budget_year_label(rules.budget_year_start(current).replace(year=rules.budget_year_start(current).year + 1))
    if year.label not in (current, ahead):
        return False, f"The letter asking for a review is for the year ahead: choose {current} to write it."
    coming = uprating.coming if year.starts_on <= today else uprating.year
    if coming is None:
        return False, ("The letter asking for a review is there when PA Manager can cost the year ahead: add your "
                       "PAs' rota and hourly rates.")
    if coming.gap_per_hour <= 0:
        return False, (f"The council's rate covers what your PAs will cost from {format_date(coming.starts_on)}, so "
                       "there is nothing to ask for.")
    return True, ""


# --- sick pay beside the forecast ------------------------------------------------------------------


def _scheme_days(full: int, half: int) -> str:
    """"10 days at full pay and 12 at half pay", "1 day at full pay", "12 days at half pay"."""
    def days(n: int) -> str:
        return f"{n} day{'' if n == 1 else 's'}"
    if full and half:
        return f"{days(full)} at full pay and {half} at half pay"
    return f"{days(full)} at full pay" if full else f"{days(half)} at half pay"


def sick_pay_lines(summary) -> list[str]:
    """Sick pay beside the forecast, one sentence each (`summary` a services.budget.BudgetSummary): the
    sick pay already recorded that the forecast includes, the most the employer's sick pay scheme could
    cost for each PA it covers in the rest of the year, and that this most is not taken off the balance.
    Empty when there is neither."""
    lines = []
    recorded = summary.forecast.costing.sick_pay
    if recorded:
        lines.append(f"The forecast includes {format_money(recorded)} of sick pay for sickness already recorded "
                     "(Statutory Sick Pay and your sick pay scheme), with employer National Insurance and pension "
                     "on it.")
    for risk in summary.sick_pay_at_most:
        most = risk.at_most
        lines.append(f"If {risk.name} were off sick from {format_date(most.first)}, your sick pay scheme would pay "
                     f"them {_scheme_days(most.full_pay_days, most.half_pay_days)} by {format_date(most.last)}, "
                     f"costing up to {format_money(most.total)} more than Statutory Sick Pay, employer National "
                     "Insurance and pension included.")
    if summary.sick_pay_at_most:
        together = "Together that is" if len(summary.sick_pay_at_most) > 1 else "That is"
        lines.append(f"{together} up to {format_money(summary.sick_pay_at_most_total)} at most, which is not taken "
                     "off the forecast balance: keep it in mind as money you may need if a PA is off sick for a "
                     "long time.")
    return lines
