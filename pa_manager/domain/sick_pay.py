"""Statutory Sick Pay (Great Britain) for one pay period, from the PA's days of sickness.

Rules (Social Security Contributions and Benefits Act 1992 Part XI; figures and dates from
data/rates/statutory_sick_pay.toml, which also gives the sources):

- Period of incapacity for work (PIW, s.152): consecutive days of incapacity, counting every day of
  the week. Before 6 April 2026 it takes at least 4 days; from 6 April 2026 a single day is a PIW
  (Employment Rights Act 2025 s.10).
- Linking (s.152(3)): PIWs separated by not more than 8 weeks (56 days) count as one. A linked series
  is one period of entitlement: its waiting days are served once, its average weekly earnings (AWE)
  are those of its first PIW, and it ends after 3 years.
- Qualifying days: the days the PA normally works. SSP is paid only for them. The daily rate is the
  weekly rate divided by the number of qualifying days in the week (s.157(3)).
- Before 6 April 2026: the first 3 qualifying days are waiting days (s.155(1)), AWE must be at least
  the lower earnings limit, and SSP is the flat weekly rate.
- From 6 April 2026: no waiting days, no earnings condition, and SSP is the lower of the weekly rate
  and 80% of AWE.
- Transition (DWP guidance): someone already receiving SSP before 6 April 2026 keeps the flat rate
  for the rest of that continuous absence; someone serving waiting days or below the LEL is paid
  under the new rules from 6 April 2026; someone sick continuously since before 22 September 2025
  who was not receiving SSP gets a nil rate.
- Average weekly earnings (SSP (General) Regulations 1982 reg 19): judged once, on the first day of
  the linked spell (the critical date), from the pay days of the 8 weeks before it; a new employee
  with fewer pay days by what they were paid, one not yet paid by the contract's week, then by the
  work done so far; with nothing known, nil. spell_average_weekly_earnings is the one home of the
  rule and never raises, so no sick day stops a pay run.
- Maximum: 28 weeks of SSP in a period of entitlement. Weeks are counted as paid days over the
  qualifying days in the week (reg 6 of the SSP (General) Regulations 1982 counts in weekly rates).

Rounding: HMRC's daily-rates table keeps the unrounded daily rate and rounds the amount for the days
paid UP to the penny (2024-25, 7 qualifying days: 16.6785 -> 16.68 for one day). Here the exact daily
rate (a fraction) is summed for each weekly rate in the pay period and that line is rounded up to the
penny; the total is the sum of the lines. The 80%-of-AWE weekly rate is not rounded on its own: no
published rule for it was found, so it is carried exactly into the daily rate.

Not modelled: a change of pay pattern inside the relevant period (SPM170700 averages each part on its
own), mistimed payments (SPM170900 divides by the weeks' wages paid), SSP ending with the contract,
maternity allowance or SMP disqualifying periods, custody, changing qualifying-day patterns, and the
SSP1 form. The domain returns codes, never English.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Sequence

from pa_manager.domain.money import PENNY, ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.pension import add_months
from pa_manager.domain.rates import RatesError, dec, group, known, timeline, value, value_or_first, weakest

TOPIC = "statutory_sick_pay"
ONE_DAY = timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Rules from the rates file
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SspRules:
    effective_from: date
    tax_year: str
    weekly_rate: Decimal
    piw_min_days: int
    waiting_days: int
    lower_earnings_limit: Decimal | None
    awe_rate_cap: Decimal | None
    linking_days: int
    max_weeks: int
    max_linked_years: int
    evidence: str


_RULES = ("tax_year", "weekly_rate", "piw_min_days", "waiting_days", "lower_earnings_limit", "awe_rate_cap",
          "linking_days", "max_weeks", "max_linked_years")


def _optional(name: str, day: date) -> Decimal | None:
    """A figure that is not always in force (the earnings condition's LEL, the 80% cap): None when not."""
    return dec(value(TOPIC, name, day)) if known(TOPIC, name, day) else None


def rules_on(day: date) -> SspRules:
    """The SSP rules for a day (rates change on 6 April). Raises RatesError before the first year."""
    f = group(TOPIC, "", day)
    used = [f.entries[name] for name in _RULES if name in f.entries]
    if "tax_year" not in f.entries:
        raise RatesError(f"no SSP rules are known for {day.isoformat()}", topic=TOPIC, when=day)
    return SspRules(
        effective_from=max(entry.effective_from for entry in used),
        tax_year=f["tax_year"],
        weekly_rate=dec(f["weekly_rate"]),
        piw_min_days=int(f["piw_min_days"]),
        waiting_days=int(f["waiting_days"]),
        lower_earnings_limit=_optional("lower_earnings_limit", day),
        awe_rate_cap=_optional("awe_rate_cap", day),
        linking_days=int(f["linking_days"]),
        max_weeks=int(f["max_weeks"]),
        max_linked_years=int(f["max_linked_years"]),
        evidence=weakest(entry.evidence for entry in used),
    )


def _rules_or_earliest(day: date) -> SspRules:
    """For old history only: days before the first year held use its rules to count weeks."""
    try:
        return rules_on(day)
    except RatesError:
        return rules_on(timeline(TOPIC, "tax_year")[0].effective_from)


@dataclass(frozen=True)
class Transition:
    reform_date: date
    nil_rate_if_continuous_sickness_began_before: date


def transition() -> Transition:
    first = {name: timeline(TOPIC, f"transition.{name}")[0].value
             for name in ("reform_date", "nil_rate_if_continuous_sickness_began_before")}
    return Transition(**first)


# ---------------------------------------------------------------------------------------------
# Periods of incapacity for work and linking
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Piw:
    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class Spell:
    """Linked PIWs: one period of entitlement."""

    piws: tuple[Piw, ...]

    @property
    def first(self) -> date:
        return self.piws[0].first

    @property
    def last(self) -> date:
        return self.piws[-1].last


def consecutive_runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Runs of consecutive calendar days (every day of the week counts, s.152(5))."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and day == runs[-1][1] + ONE_DAY:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def periods_of_incapacity(days: Iterable[date]) -> list[Piw]:
    """Runs long enough to be a PIW under the rules in force on their last day (4 days before
    6 April 2026, 1 day from then: a run reaching 6 April 2026 is a PIW however short)."""
    out = []
    for first, last in consecutive_runs(days):
        if (last - first).days + 1 >= _rules_or_earliest(last).piw_min_days:
            out.append(Piw(first, last))
    return out


def linked_spells(piws: Sequence[Piw]) -> list[Spell]:
    """PIWs separated by not more than 56 days link (s.152(3))."""
    spells: list[list[Piw]] = []
    for piw in sorted(piws, key=lambda p: p.first):
        gap = (piw.first - spells[-1][-1].last).days - 1 if spells else None
        if gap is not None and gap <= _rules_or_earliest(piw.first).linking_days:
            spells[-1].append(piw)
        else:
            spells.append([piw])
    return [Spell(tuple(s)) for s in spells]


def spell_in_period(sickness_days: Iterable[date], period_start: date, period_end: date) -> Spell | None:
    """The linked spell that ssp_for_period pays in a pay period (None if no PIW touches it): give it
    the period's sickness and the earlier history together. Its `first` day is the critical date for
    spell_average_weekly_earnings. (Two unlinked spells cannot meet one pay period: they are more than
    56 days apart and no pay period is that long.)"""
    for spell in linked_spells(periods_of_incapacity(sickness_days)):
        if spell.last >= period_start and spell.first <= period_end:
            return spell
    return None


# ---------------------------------------------------------------------------------------------
# Average weekly earnings (SSP (General) Regulations 1982 reg 19; HMRC SPM170100-SPM170700)
# ---------------------------------------------------------------------------------------------

# How the AWE was found (AverageWeeklyEarnings.basis).
AWE_RELEVANT_PERIOD = "SSP_AWE_RELEVANT_PERIOD"            # reg 19(3)-(6): the 8 weeks of pay days
AWE_NEW_STARTER_PAID = "SSP_AWE_NEW_STARTER_PAID"          # reg 19(7): under 8 weeks of pay days
AWE_CONTRACTUAL_WEEK = "SSP_AWE_CONTRACTUAL_WEEK"          # reg 19(8): not paid yet, a contract week
AWE_EARNED_BEFORE_SICKNESS = "SSP_AWE_EARNED_BEFORE_SICKNESS"  # not paid yet, no contract figure
AWE_NONE_KNOWN = "SSP_AWE_NONE_KNOWN"                      # no pay, no contract figure, no work: nil
# A note, not a basis: the employment began before the app's pay records, and the pay days the
# law would look at are not all recorded, so the AWE is worked out from the pay that is.
AWE_EARLIER_PAY_NOT_RECORDED = "SSP_AWE_EARLIER_PAY_NOT_RECORDED"

DAYS_IN_WEEK = 7
MONTHS_IN_YEAR = 12     # reg 19(5): "multiplying the result by 12 and dividing by 52"
WEEKS_IN_YEAR = 52


@dataclass(frozen=True)
class Payment:
    """The earnings paid on one normal pay day. Earnings are gross and include SSP and holiday pay
    paid that day (SPM170100); a pay day on which nothing was due is a Payment of zero."""

    paid_on: date
    earnings: Decimal
    period_start: date          # the pay period it pays for
    period_end: date


@dataclass(frozen=True)
class AverageWeeklyEarnings:
    """The AWE of a linked spell, unrounded (HMRC: do not round to whole pence), with how it was found.

    relevant_period: the days the earnings were averaged over (the reg 19(3) period, or for a new
    starter the period their pay, or their work, represents); None for a contractual week or when
    nothing is known."""

    amount: Decimal
    basis: str
    relevant_period: tuple[date, date] | None = None
    earlier_pay_not_recorded: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes a payslip that relies on this AWE should carry."""
        out = []
        if self.basis == AWE_NONE_KNOWN:
            out.append(AWE_NONE_KNOWN)
        if self.earlier_pay_not_recorded:
            out.append(AWE_EARLIER_PAY_NOT_RECORDED)
        return tuple(out)


NONE_KNOWN = AverageWeeklyEarnings(ZERO, AWE_NONE_KNOWN)


def relevant_period_weeks(critical_date: date) -> int:
    """The 8 weeks of reg 19(3), from the rates file (its first entry for any earlier date)."""
    return int(value_or_first(TOPIC, "average_weekly_earnings.relevant_period_weeks", critical_date))


def _per_week_from_days(earnings: Decimal, days: int) -> Decimal:
    """reg 19(6), SPM170700: earnings / days in the period x 7 (one division: nothing rounded)."""
    return earnings * DAYS_IN_WEEK / days


def _per_week_from_months(earnings: Decimal, months: int) -> Decimal:
    """reg 19(5): earnings / calendar months x 12 / 52 (one division: nothing rounded)."""
    return earnings * MONTHS_IN_YEAR / (WEEKS_IN_YEAR * months)


def calendar_months(first: date, last: date) -> int:
    """The calendar months from `first` to `last` (both included), odd days rounded to the nearest
    month (reg 19(5)); HMRC SPM170400 rounds 15 days or fewer down and 16 or more up (February 14
    and 15), which is "more than half of the month the odd days run in" for every month length."""
    whole = 0
    while add_months(first, whole + 1) - ONE_DAY <= last:
        whole += 1
    odd = (last - add_months(first, whole)).days + 1
    month_length = (add_months(first, whole + 1) - add_months(first, whole)).days
    return whole + (1 if 2 * odd > month_length else 0)


def _days_represented(payments: Sequence[Payment], employed_from: date | None) -> tuple[int, date, date]:
    """The days the payments pay for (their periods, from the start of employment if it came later):
    how many, the first and the last."""
    days: set[date] = set()
    for p in payments:
        start = p.period_start
        if employed_from is not None and start < employed_from <= p.period_end:
            start = employed_from
        days.update(start + timedelta(days=n) for n in range((p.period_end - start).days + 1))
    return len(days), min(days), max(days)


def spell_average_weekly_earnings(
    critical_date: date,
    payments: Sequence[Payment],
    frequency: PayFrequency | None,
    *,
    employed_from: date | None = None,
    contractual_weekly_pay: Decimal | None = None,
    earned_before_sickness: Decimal = ZERO,
    records_from: date | None = None,
) -> AverageWeeklyEarnings:
    """The average weekly earnings of a linked spell, for every case reg 19 knows; never raises.

    critical_date: the first day of the linked spell (spell_in_period(...).first).
    payments: every normal pay day of this employment the app holds (later ones are ignored), zero
    ones included: reg 19(3) counts in pay days, and a pay day with nothing due still is one.
    frequency: monthly pay is averaged by calendar months (reg 19(5)); weekly, multiple-weekly and
    None (an irregular pay practice: no identifiable normal pay day, reg 19(4)) by days x 7.
    employed_from: the first day of employment. contractual_weekly_pay: what the contract pays for a
    week (a month's pay x 12 / 52), None or 0 if it fixes no amount. earned_before_sickness: pay for
    work done from employed_from to the day before the critical date not yet paid.
    records_from: the first day the app holds this PA's pay for, if their employment may have begun
    before it (pay days before it are unknown, not nil).

    In order:
    1. reg 19(3): a pay day before the critical date, and another at least 8 weeks before that: the
       earnings paid after the earlier up to the later one, over the period between them.
    2. reg 19(7), SPM170600: paid before the critical date, but with less than 8 weeks of pay days:
       everything paid before it, over the days those payments are for (from the start of employment
       if that came part way through the first pay period) x 7.
    3. reg 19(8), SPM170500: not paid before the critical date: the contractual week's pay;
    4. or, with no contractual amount, the pay for work done from the start of employment to the day
       before the critical date, over those days x 7;
    5. nothing known: nil (below the LEL before 6 April 2026, SSP of 80% of nothing after).
    """
    before = sorted((p for p in payments if p.paid_on < critical_date), key=lambda p: p.paid_on)
    started = employed_from
    if records_from is not None and (started is None or started < records_from):
        started = records_from
    incomplete = records_from is not None and (employed_from is None or employed_from < records_from)

    if before:
        last = before[-1].paid_on
        reach = last - timedelta(weeks=relevant_period_weeks(critical_date))
        earlier = [p.paid_on for p in before if p.paid_on <= reach]
        if earlier:
            first = earlier[-1] + ONE_DAY
            earnings = sum((p.earnings for p in before if first <= p.paid_on), ZERO)
            if frequency == PayFrequency.MONTHLY:
                amount = _per_week_from_months(earnings, calendar_months(first, last))
            else:
                amount = _per_week_from_days(earnings, (last - first).days + 1)
            return AverageWeeklyEarnings(max(amount, ZERO), AWE_RELEVANT_PERIOD, (first, last))
        earnings = sum((p.earnings for p in before), ZERO)
        if earnings > 0:
            days, first, end = _days_represented(before, started)
            return AverageWeeklyEarnings(_per_week_from_days(earnings, days), AWE_NEW_STARTER_PAID,
                                         (first, end), incomplete)
    if contractual_weekly_pay:
        return AverageWeeklyEarnings(max(contractual_weekly_pay, ZERO), AWE_CONTRACTUAL_WEEK, None, incomplete)
    if earned_before_sickness > 0 and started is not None and started < critical_date:
        last_day = critical_date - ONE_DAY
        days = (last_day - started).days + 1
        return AverageWeeklyEarnings(_per_week_from_days(earned_before_sickness, days),
                                     AWE_EARNED_BEFORE_SICKNESS, (started, last_day), incomplete)
    return AverageWeeklyEarnings(ZERO, AWE_NONE_KNOWN, None, incomplete)


# ---------------------------------------------------------------------------------------------
# Paying SSP for a pay period
# ---------------------------------------------------------------------------------------------

PAID = "PAID"
WAITING = "WAITING"
NOT_QUALIFYING_DAY = "NOT_QUALIFYING_DAY"
NO_PIW = "NO_PIW"
BELOW_LEL = "BELOW_LEL"
MAX_REACHED = "MAX_REACHED"
THREE_YEAR_LIMIT = "THREE_YEAR_LIMIT"
NIL_RATE = "NIL_RATE"

_CODE_FOR = {
    NO_PIW: "SSP_NO_PIW",
    WAITING: "SSP_WAITING_DAYS",
    BELOW_LEL: "SSP_BELOW_LEL",
    MAX_REACHED: "SSP_MAX_REACHED",
    THREE_YEAR_LIMIT: "SSP_THREE_YEAR_LIMIT",
    NIL_RATE: "SSP_TRANSITION_NIL_RATE",
}


@dataclass(frozen=True)
class SspDay:
    day: date
    status: str                              # PAID, WAITING, NOT_QUALIFYING_DAY, NO_PIW, ...
    weekly_rate: Decimal | None = None       # the weekly rate a PAID day is paid at
    daily_rate: Decimal | None = None        # weekly rate / qualifying days, cut to 4 places as in
                                             # HMRC's table (display only: lines use the exact rate)
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SspLine:
    """One payslip line: the days paid at one weekly rate, rounded up to the penny."""

    weekly_rate: Decimal
    qualifying_days_in_week: int
    days: int
    amount: Decimal


@dataclass(frozen=True)
class SickPayResult:
    days_paid: int
    waiting_days: int
    amount: Decimal
    codes: tuple[str, ...]
    lines: tuple[SspLine, ...] = ()
    days: tuple[SspDay, ...] = ()
    weeks_paid_in_spell: Decimal = ZERO      # to the end of the period, to 0.01 (reg 6 rounding)
    average_weekly_earnings: AverageWeeklyEarnings | None = None   # the spell's, if a PIW meets the period


def _pounds_rounded_up(amount: Fraction) -> Decimal:
    return (Decimal(math.ceil(amount * 100)) / 100).quantize(PENNY)


@dataclass
class _SpellState:
    waiting_served: int = 0
    weeks_paid: Fraction = field(default_factory=Fraction)
    paid_before_reform: bool = False


def _assess_spell(spell: Spell, qualifying: frozenset[int], awe: AverageWeeklyEarnings) -> list[SspDay]:
    """Every day of a linked spell, in order, with its status (the 28 weeks and the waiting days
    run across the whole spell, so earlier days must be walked even if already paid)."""
    change = transition()
    spell_rules = _rules_or_earliest(spell.first)
    lel = spell_rules.lower_earnings_limit
    limit_day = _add_years(spell.first, spell_rules.max_linked_years)
    per_week = len(qualifying)
    state = _SpellState()
    out: list[SspDay] = []
    for index, piw in enumerate(spell.piws):
        linked = ("SSP_LINKED",) if index else ()
        for day in piw.days():
            if day.weekday() not in qualifying:
                out.append(SspDay(day, NOT_QUALIFYING_DAY, codes=linked))
                continue
            rules = _rules_or_earliest(day)
            if day >= limit_day:
                out.append(SspDay(day, THREE_YEAR_LIMIT, codes=linked))
                continue
            # Earnings condition, judged once for the spell on its first PIW (old rules only).
            noted: tuple[str, ...] = ()          # the AWE's own codes, on each day that relied on it
            if rules.lower_earnings_limit is not None:
                noted = awe.codes
                if awe.amount < (lel if lel is not None else rules.lower_earnings_limit):
                    out.append(SspDay(day, BELOW_LEL, codes=(*linked, *noted)))
                    continue
            if state.waiting_served < rules.waiting_days:
                state.waiting_served += 1
                out.append(SspDay(day, WAITING, codes=(*linked, *noted)))
                continue
            weekly = rules.weekly_rate
            codes = [*linked, *noted]
            if rules.awe_rate_cap is not None:
                began_before = spell.first < change.reform_date and piw.first < change.reform_date
                if began_before and state.paid_before_reform:
                    codes.append("SSP_TRANSITION_FLAT_RATE")      # protected: keeps the flat rate
                elif began_before and piw.first < change.nil_rate_if_continuous_sickness_began_before:
                    out.append(SspDay(day, NIL_RATE, codes=tuple(codes)))
                    continue
                else:
                    codes += awe.codes
                    capped = awe.amount * rules.awe_rate_cap
                    if capped < weekly:
                        weekly = capped
                        codes.append("SSP_80_PERCENT_AWE")
            share = Fraction(1, per_week)
            if state.weeks_paid + share > rules.max_weeks:
                out.append(SspDay(day, MAX_REACHED, codes=linked))
                continue
            state.weeks_paid += share
            if day < change.reform_date:
                state.paid_before_reform = True
            if rules.evidence == "U":
                codes.append("SSP_RATE_PROVISIONAL")
            daily = (weekly / per_week).quantize(Decimal("0.0001"), rounding=ROUND_DOWN)
            out.append(SspDay(day, PAID, weekly, daily, tuple(codes)))
    return out


def _add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return date(start.year + years, 3, 1)


def _as_awe(value: AverageWeeklyEarnings | Decimal | None) -> AverageWeeklyEarnings:
    if value is None:
        return NONE_KNOWN
    if isinstance(value, AverageWeeklyEarnings):
        return value
    if isinstance(value, float):
        raise TypeError("average weekly earnings is a float; money is Decimal")
    return AverageWeeklyEarnings(Decimal(value), AWE_RELEVANT_PERIOD)   # an amount the caller found


def ssp_for_period(
    sickness_days: Iterable[date],
    qualifying_weekdays: Iterable[int],
    average_weekly_earnings: AverageWeeklyEarnings | Decimal | None,
    period_start: date,
    period_end: date,
    history: Iterable[date] = (),
) -> SickPayResult:
    """SSP due for the days of sickness inside one pay period.

    sickness_days / history: whole days of incapacity with this employer (history = earlier ones, so
    PIWs, linking, waiting days and the 28 weeks can be followed; the two are simply merged).
    qualifying_weekdays: the days the PA normally works, as date.weekday() numbers (Monday = 0).
    average_weekly_earnings: the AWE of the linked spell in the period (spell_in_period and
    spell_average_weekly_earnings), or its bare amount; None is taken as nothing known: nil, with the
    code SSP_AWE_NONE_KNOWN on the days that needed it. A missing AWE never stops the pay run.
    """
    qualifying = frozenset(qualifying_weekdays)
    if not qualifying or not qualifying <= set(range(7)):
        raise ValueError("SSP_QUALIFYING_DAYS_NEEDED")
    if period_end < period_start:
        raise ValueError("SSP_PERIOD_ENDS_BEFORE_START")
    rules_on(period_start)  # refuse periods before the first year held
    awe = _as_awe(average_weekly_earnings)
    all_days = set(sickness_days) | set(history)
    in_period = sorted(d for d in all_days if period_start <= d <= period_end)

    assessed: dict[date, SspDay] = {}
    weeks_paid = Fraction(0)
    used: AverageWeeklyEarnings | None = None
    for spell in linked_spells(periods_of_incapacity(all_days)):
        if spell.last < period_start or spell.first > period_end:
            continue
        used = awe
        for item in _assess_spell(spell, qualifying, awe):
            assessed[item.day] = item
            if item.status == PAID and item.day <= period_end:
                weeks_paid += Fraction(1, len(qualifying))
    days = tuple(assessed.get(d, SspDay(d, NO_PIW)) for d in in_period)

    codes: list[str] = []
    lines: dict[Decimal, int] = {}
    for item in days:
        extra = [_CODE_FOR[item.status]] if item.status in _CODE_FOR else []
        for code in (*item.codes, *extra):
            if code not in codes:
                codes.append(code)
        if item.status == PAID:
            lines[item.weekly_rate] = lines.get(item.weekly_rate, 0) + 1
    per_week = len(qualifying)
    payslip_lines = tuple(
        SspLine(rate, per_week, count, _pounds_rounded_up(Fraction(rate) * count / per_week))
        for rate, count in lines.items()
    )
    weeks = Decimal(weeks_paid.numerator) / Decimal(weeks_paid.denominator)
    return SickPayResult(
        days_paid=sum(line.days for line in payslip_lines),
        waiting_days=sum(1 for item in days if item.status == WAITING),
        amount=sum((line.amount for line in payslip_lines), ZERO),
        codes=tuple(codes),
        lines=payslip_lines,
        days=days,
        weeks_paid_in_spell=weeks.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        average_weekly_earnings=used,
    )


def history_needed_from(day: date) -> date:
    """The earliest day of earlier sickness that can still matter on `day`: a linked series ends
    entitlement once it has lasted the maximum years (s.153(2)), so nothing older counts."""
    return _add_years(day, -rules_on(day).max_linked_years)
