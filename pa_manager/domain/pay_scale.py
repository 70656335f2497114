"""An employer's own pay scale: steps of (completed years of service, hourly rate), and the step a PA
reaches on their work anniversary.

No law asks for a pay scale; it is how some employers keep good PAs (a little more for each year they
stay). Years count by anniversaries of the start date as domain.dates has them (a 29 February start's
falls on 1 March in other years). A step is only ever suggested (or, when the employer chooses, paid) as a rise: never a cut. Codes, never
English: messages_recruitment words them.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DueItem, deadline_status
from pa_manager.domain.dates import age_on, anniversary
from pa_manager.domain.money import AMOUNT_LIMIT, PENNY
from pa_manager.domain.pay_rates import PayRate, base_rate_on
from pa_manager.domain.people import PayTerms

MAX_YEARS = 50

PAY_STEP_DUE = "PAY_STEP_DUE"
PAY_STEP_COMING = "PAY_STEP_COMING"  # pay runs will pay it (the employer's choice): a warning before, to tell the PA
PAY_SCALE_YEARS_OUT_OF_RANGE = "PAY_SCALE_YEARS_OUT_OF_RANGE"
PAY_SCALE_YEARS_REPEATED = "PAY_SCALE_YEARS_REPEATED"
PAY_SCALE_RATE_NOT_POSITIVE = "PAY_SCALE_RATE_NOT_POSITIVE"
PAY_SCALE_RATE_NOT_PENCE = "PAY_SCALE_RATE_NOT_PENCE"
PAY_SCALE_RATE_FALLS = "PAY_SCALE_RATE_FALLS"
CODES = frozenset({PAY_STEP_DUE, PAY_STEP_COMING, PAY_SCALE_YEARS_OUT_OF_RANGE, PAY_SCALE_YEARS_REPEATED, PAY_SCALE_RATE_NOT_POSITIVE,
                   PAY_SCALE_RATE_NOT_PENCE, PAY_SCALE_RATE_FALLS})


@dataclass(frozen=True)
class PayStep:
    years: int  # completed years of service from which the rate applies
    hourly_rate: Decimal


def check_steps(steps: Sequence[PayStep]) -> dict[str, str]:
    """What is wrong with a scale, keyed "years_<i>" or "rate_<i>" by each step's place in `steps`:
    years from 0 to 50, each once; a rate above nothing in whole pence; and no rate below that of a step
    with fewer years."""
    found: dict[str, str] = {}
    seen: set[int] = set()
    for i, step in enumerate(steps):
        if not 0 <= step.years <= MAX_YEARS:
            found[f"years_{i}"] = PAY_SCALE_YEARS_OUT_OF_RANGE
        elif step.years in seen:
            found[f"years_{i}"] = PAY_SCALE_YEARS_REPEATED
        seen.add(step.years)
        if step.hourly_rate <= 0 or step.hourly_rate >= AMOUNT_LIMIT:
            found[f"rate_{i}"] = PAY_SCALE_RATE_NOT_POSITIVE
        elif step.hourly_rate != step.hourly_rate.quantize(PENNY):
            found[f"rate_{i}"] = PAY_SCALE_RATE_NOT_PENCE
    if not found:
        for i, step in enumerate(steps):
            if any(other.years < step.years and other.hourly_rate > step.hourly_rate for other in steps):
                found[f"rate_{i}"] = PAY_SCALE_RATE_FALLS
    return found


def rate_for_years(steps: Sequence[PayStep], years: int) -> Decimal | None:
    """The scale's rate after `years` completed years: the step with the most years not above them
    (None below the first step, or with no scale)."""
    reached = [s for s in steps if s.years <= years]
    return max(reached, key=lambda s: s.years).hourly_rate if reached else None


def anniversary_in_view(start_date: date, today: date, within_days: int = DEFAULT_WITHIN_DAYS) -> tuple[int, date] | None:
    """(completed years, the day) of the latest work anniversary on or before `within_days` from today;
    None before the first."""
    try:
        horizon = date.fromordinal(today.toordinal() + within_days)
    except (ValueError, OverflowError):
        horizon = date.max
    years = age_on(start_date, horizon)
    if years < 1:
        return None
    return years, anniversary(start_date, years)


def pay_step_item(pa_key: Hashable, pa_name: str, start_date: date | None, leaving_date: date | None,
                  rate_on: Callable[[date], Decimal | None], steps: Sequence[PayStep], today: date,
                  within_days: int = DEFAULT_WITHIN_DAYS) -> DueItem | None:
    """PAY_STEP_DUE: on the latest work anniversary in view (due on the day, overdue after it until the
    rate is raised), when the scale's rate for their completed years is above the basic hourly rate in
    force that day (`rate_on`). None with no scale, no start date or rate, before the first anniversary,
    for a PA who leaves before it, and when their rate already meets the step (never a cut)."""
    if not steps or start_date is None or (leaving_date is not None and leaving_date < today):
        return None
    found = anniversary_in_view(start_date, today, within_days)
    if found is None:
        return None
    years, day = found
    if leaving_date is not None and leaving_date < day:
        return None
    step_rate, rate = rate_for_years(steps, years), rate_on(day)
    if step_rate is None or rate is None or step_rate <= rate:
        return None
    return DueItem.of(PAY_STEP_DUE, day, deadline_status(day, today, within_days), pa_key=pa_key, pa_name=pa_name,
                      years=years, hourly_rate=step_rate, current_rate=rate)


@dataclass(frozen=True)
class StepPaid:
    """A base hourly rate the scale brings in: from `on`, after `years` completed years, `hourly_rate`."""

    on: date
    years: int
    hourly_rate: Decimal


def steps_paid(rates: Sequence[PayRate], steps: Sequence[PayStep], start_date: date | None) -> list[StepPaid]:
    """Where the scale raises a PA's base hourly rate (the one for every shift type), in date order: on
    each work anniversary (and the start date, for a step at 0 years) whose step is above the base
    rate in force that day, and on each later change of their own base rate that would take them
    below the step they have reached. Never a cut: their own rate is kept when it is the higher. A
    rate set for one shift type (a waking night, say) is the PA's own choice and stays as it is."""
    if not steps or start_date is None:
        return []
    days = {anniversary(start_date, years) for years in range(MAX_YEARS + 1)}
    days |= {r.effective_from for r in rates if r.shift_type is None and r.effective_from > start_date}
    own_days = {r.effective_from for r in rates if r.shift_type is None}
    found: list[StepPaid] = []
    paying: Decimal | None = None  # the base rate paid just before `day`, the scale's steps included
    for day in sorted(days):
        years = age_on(start_date, day)
        step, own = rate_for_years(steps, years), base_rate_on(rates, day)
        if step is not None and (own is None or step > own):
            if step != paying or day in own_days:  # a new rate, or their own lower one to replace
                found.append(StepPaid(day, years, step))
            paying = step
        else:
            paying = own
    return found


def with_steps(rates: Sequence[PayRate], steps: Sequence[PayStep], start_date: date | None) -> tuple[PayRate, ...]:
    """The PA's rates with the scale paid (steps_paid): each raised base rate replaces their own base
    rate of the same date, if any, and is in force until their next base rate or step."""
    paid = steps_paid(rates, steps, start_date)
    if not paid:
        return tuple(rates)
    raised = {p.on for p in paid}
    kept = [r for r in rates if not (r.shift_type is None and r.effective_from in raised)]
    return (*kept, *(PayRate(p.on, None, p.hourly_rate) for p in paid))


def scaled_terms(terms: PayTerms, steps: Sequence[PayStep], start_date: date | None) -> PayTerms:
    """A PA's pay terms with the scale paid (with_steps); allowances and enhancements as they are."""
    return PayTerms(with_steps(terms.rates, steps, start_date), terms.sleep_in_allowances, terms.enhancements)


def step_for_rate(paid: Sequence[StepPaid], rate: Decimal, by: date) -> StepPaid | None:
    """The latest step paid on or before `by` at this hourly rate: why a payslip line has that rate."""
    found = [p for p in paid if p.on <= by and p.hourly_rate == rate]
    return found[-1] if found else None
