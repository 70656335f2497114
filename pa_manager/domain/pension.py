"""Workplace pension automatic enrolment: assess a PA for one pay period, and work out contributions.

The rules (Pensions Act 2008; figures from data/rates/pension.toml):

- A *jobholder* (s.1) is a worker aged 16 to 74 who has qualifying earnings in the pay reference
  period, that is earnings above the lower qualifying amount (£520 a month).
- An *eligible jobholder* (s.3(1)) is a jobholder aged at least 22, under State Pension age, with
  earnings of **more than** the earnings trigger (£833 a month, £192 a week). The employer must enrol
  them. The test is "more than": £833.00 a month does not trigger, £833.01 does.
- A *non-eligible jobholder* may opt in; the employer must then contribute.
- An *entitled worker* (aged 16 to 74, earnings at or below the lower amount) may ask to join; the
  employer need not contribute.
- Qualifying earnings (s.13) are the part of the period's earnings above the lower amount and not above
  the upper amount. Per-period amounts are the rounded figures of the yearly order (s.15A).

Contributions are worked on qualifying earnings. Rounding: every contribution is rounded UP to the
penny. The law sets floors ("at least 3%", "at least 8%") and no rounding rule, so rounding up is the
one choice that can never leave a contribution below the minimum; it costs at most a penny per line.

Age is taken on the pay date. The domain returns codes, never English.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from pa_manager.domain.dates import age_on, anniversary
from pa_manager.domain.money import ZERO, round_up
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import dec, group, timeline, value

TOPIC = "pension"


# ---------------------------------------------------------------------------------------------
# Dates and ages
# ---------------------------------------------------------------------------------------------

def add_months(start: date, months: int) -> date:
    """The same day `months` calendar months on; a day the month lacks becomes its last day.

    This is the rule Pensions Act 1995 Sch 4 para 1(7A) spells out for State Pension age (born
    31 July 1960 + 66 years 4 months -> 30 November 2026).
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def state_pension_date(date_of_birth: date) -> date:
    """The day a person reaches State Pension age, by the schedule in the rates data as the law now
    stands (pension.toml `state_pension_age`, which says what is simplified: harmless for pay dates
    from 6 October 2020 to 5 April 2044). The earliest row also covers anyone born before it."""
    schedule = timeline(TOPIC, "state_pension_age")[-1].value
    row = schedule[0]
    for candidate in schedule:
        if candidate["born_from"] <= date_of_birth:
            row = candidate
    if not row["months_per_birth_month"]:
        return anniversary(date_of_birth, row["years"])
    # Table 3: a birth "month" runs from the row's day (the 6th) to the day before it in the next
    # month; a birthday from 6 April to 5 May 1960 is step 1.
    first = row["born_from"]
    months_from_start = (date_of_birth.year - first.year) * 12 + date_of_birth.month - first.month
    step = months_from_start + (1 if date_of_birth.day >= first.day else 0)
    return add_months(date_of_birth, row["years"] * 12 + step * row["months_per_birth_month"])


def reached_state_pension_age(date_of_birth: date, on: date) -> bool:
    return on >= state_pension_date(date_of_birth)


# ---------------------------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Thresholds:
    """The per-period earnings figures for one pay frequency and tax year (whole pounds)."""

    frequency: PayFrequency
    tax_year: str
    earnings_trigger: Decimal
    lower_qualifying: Decimal
    upper_qualifying: Decimal
    evidence: str
    source: str


def thresholds(frequency: PayFrequency, on: date) -> Thresholds:
    """The rounded figures for the pay reference period (s.15A order), in force on the pay date."""
    row = group(TOPIC, frequency.value, on)
    return Thresholds(
        frequency=frequency,
        tax_year=value(TOPIC, "tax_year", on),
        earnings_trigger=dec(row["earnings_trigger"]),
        lower_qualifying=dec(row["lower_qualifying"]),
        upper_qualifying=dec(row["upper_qualifying"]),
        evidence=row.evidence,
        source=row.source,
    )


def qualifying_earnings(earnings: Decimal, limits: Thresholds) -> Decimal:
    """s.13: the part of earnings more than the lower amount and not more than the upper amount."""
    if earnings <= limits.lower_qualifying:
        return ZERO
    return min(earnings, limits.upper_qualifying) - limits.lower_qualifying


@dataclass(frozen=True)
class AgeBand:
    jobholder_min_age: int
    jobholder_max_age: int
    automatic_enrolment_min_age: int


def age_band(on: date) -> AgeBand:
    figures = group(TOPIC, "age_band", on)
    return AgeBand(
        jobholder_min_age=int(figures["jobholder_min_age"]),
        jobholder_max_age=int(figures["jobholder_max_age"]),
        automatic_enrolment_min_age=int(figures["automatic_enrolment_min_age"]),
    )


# ---------------------------------------------------------------------------------------------
# Assessment
# ---------------------------------------------------------------------------------------------

class WorkerCategory(str, Enum):
    ELIGIBLE_JOBHOLDER = "ELIGIBLE_JOBHOLDER"          # must be enrolled (or postponed)
    NON_ELIGIBLE_JOBHOLDER = "NON_ELIGIBLE_JOBHOLDER"  # may opt in; employer must then contribute
    ENTITLED_WORKER = "ENTITLED_WORKER"                # may join; employer need not contribute
    NO_DUTY = "NO_DUTY"                                # under 16 or 75 and over: no duties


@dataclass(frozen=True)
class Assessment:
    category: WorkerCategory
    age: int
    reached_state_pension_age: bool
    earnings: Decimal
    qualifying_earnings: Decimal
    thresholds: Thresholds
    codes: tuple[str, ...]

    @property
    def must_enrol(self) -> bool:
        return self.category is WorkerCategory.ELIGIBLE_JOBHOLDER

    @property
    def may_opt_in(self) -> bool:
        """A non-eligible jobholder's right to opt in (employer contributions follow)."""
        return self.category is WorkerCategory.NON_ELIGIBLE_JOBHOLDER

    @property
    def may_join(self) -> bool:
        """An entitled worker's right to join (employer contributions optional)."""
        return self.category is WorkerCategory.ENTITLED_WORKER

    @property
    def employer_must_contribute(self) -> bool:
        """Whether, if the worker is a member, the employer must pay at least the minimum."""
        return self.category in (WorkerCategory.ELIGIBLE_JOBHOLDER, WorkerCategory.NON_ELIGIBLE_JOBHOLDER)


def assess(date_of_birth: date, earnings: Decimal, frequency: PayFrequency, pay_date: date) -> Assessment:
    """The worker category for one pay period: age on the pay date, the period's gross earnings
    (as paid in the pay reference period) against the per-period trigger and qualifying band."""
    if earnings < 0:
        raise ValueError("earnings cannot be negative")
    limits = thresholds(frequency, pay_date)
    band = age_band(pay_date)
    age = age_on(date_of_birth, pay_date)
    over_spa = reached_state_pension_age(date_of_birth, pay_date)
    qualifying = qualifying_earnings(earnings, limits)
    codes: list[str] = []

    if age < band.jobholder_min_age or age > band.jobholder_max_age:
        codes.append("PENSION_UNDER_16" if age < band.jobholder_min_age else "PENSION_75_OR_OVER")
        category = WorkerCategory.NO_DUTY
    elif qualifying == 0:
        codes.append("PENSION_NO_QUALIFYING_EARNINGS")
        category = WorkerCategory.ENTITLED_WORKER
    else:
        above_trigger = earnings > limits.earnings_trigger          # s.3(1): "more than"
        if age < band.automatic_enrolment_min_age:
            codes.append("PENSION_UNDER_22")
        if over_spa:
            codes.append("PENSION_STATE_PENSION_AGE_REACHED")
        if not above_trigger:
            codes.append("PENSION_EARNINGS_NOT_ABOVE_TRIGGER")
        eligible = above_trigger and age >= band.automatic_enrolment_min_age and not over_spa
        category = WorkerCategory.ELIGIBLE_JOBHOLDER if eligible else WorkerCategory.NON_ELIGIBLE_JOBHOLDER
    if limits.evidence in {"D", "U"}:
        codes.append("PENSION_THRESHOLDS_NOT_OFFICIAL")
    return Assessment(category, age, over_spa, earnings, qualifying, limits, tuple(codes))


# ---------------------------------------------------------------------------------------------
# Membership as data: postponement and enrolment
# ---------------------------------------------------------------------------------------------

class MembershipStatus(str, Enum):
    NOT_MEMBER = "NOT_MEMBER"
    POSTPONED = "POSTPONED"      # enrolment postponed; the worker may still opt in
    ENROLLED = "ENROLLED"        # automatically enrolled (eligible jobholder)
    OPTED_IN = "OPTED_IN"        # jobholder who asked to be enrolled: employer contributes
    JOINED = "JOINED"            # entitled worker who asked to join: employer need not contribute
    OPTED_OUT = "OPTED_OUT"      # left within the opt-out window: contributions refunded
    CEASED = "CEASED"            # left after the window: contributions stay in the pension


@dataclass(frozen=True)
class ProcessRules:
    postponement_max_months: int
    postponement_notice_weeks: int


def process_rules(on: date) -> ProcessRules:
    figures = group(TOPIC, "process", on)
    return ProcessRules(**{name: int(figures[name]) for name in ProcessRules.__dataclass_fields__})


@dataclass(frozen=True)
class Postponement:
    starts: date
    latest_deferral_date: date   # last day of the 3 months; assess again by then, enrol if eligible
    notice_due_by: date          # the postponement notice must reach the worker by this day


def postponement(starts: date) -> Postponement:
    """Postponement from the duties start date, the first day of employment or the day the worker
    first became eligible: at most 3 months, with a written notice within 6 weeks (TPR). Periods
    "beginning with" the start day end the day before the same date later (the earlier, safe end)."""
    rules = process_rules(starts)
    return Postponement(
        starts=starts,
        latest_deferral_date=add_months(starts, rules.postponement_max_months) - timedelta(days=1),
        notice_due_by=starts + timedelta(weeks=rules.postponement_notice_weeks) - timedelta(days=1),
    )


@dataclass(frozen=True)
class Membership:
    status: MembershipStatus
    active_from: date | None = None
    enrolment_information_date: date | None = None
    employer_must_contribute: bool = False

    @property
    def contributing(self) -> bool:
        return self.status in (MembershipStatus.ENROLLED, MembershipStatus.OPTED_IN, MembershipStatus.JOINED)


def enrol(active_from: date, enrolment_information_date: date) -> Membership:
    """Automatic enrolment of an eligible jobholder."""
    return Membership(MembershipStatus.ENROLLED, active_from, enrolment_information_date, True)


# ---------------------------------------------------------------------------------------------
# Contributions
# ---------------------------------------------------------------------------------------------

class TaxRelief(str, Enum):
    RELIEF_AT_SOURCE = "relief-at-source"  # member pays 80%; the provider claims 20% from HMRC
    NET_PAY = "net-pay"                    # whole member contribution taken before tax


@dataclass(frozen=True)
class PensionScheme:
    """A scheme's contribution rates on qualifying earnings, as fractions (Decimal("0.03") = 3%).

    `employee_rate` is the member's gross contribution, including any relief at source (the usual
    minimum is 5% gross: 4% from pay and 1% from HMRC)."""

    employer_rate: Decimal
    employee_rate: Decimal
    tax_relief: TaxRelief
    name: str = ""

    def __post_init__(self) -> None:
        for rate in (self.employer_rate, self.employee_rate):
            if not isinstance(rate, Decimal):
                raise TypeError("scheme rates must be Decimal")
            if rate < 0 or rate > 1:
                raise ValueError("scheme rates are fractions between 0 and 1")


@dataclass(frozen=True)
class MinimumRates:
    total: Decimal
    employer: Decimal


def minimum_rates(on: date) -> MinimumRates:
    figures = group(TOPIC, "minimum_contribution", on)
    return MinimumRates(total=dec(figures["total_rate"]), employer=dec(figures["employer_rate"]))


def relief_at_source_rate(on: date) -> Decimal:
    return dec(value(TOPIC, "relief_at_source.basic_rate", on))


def scheme_shortfalls(scheme: PensionScheme, on: date) -> tuple[str, ...]:
    """Codes for each way the scheme's rates fall below the statutory minimum."""
    minimum = minimum_rates(on)
    codes = []
    if scheme.employer_rate < minimum.employer:
        codes.append("PENSION_EMPLOYER_BELOW_MINIMUM")
    if scheme.employer_rate + scheme.employee_rate < minimum.total:
        codes.append("PENSION_TOTAL_BELOW_MINIMUM")
    return tuple(codes)


class SchemeBelowMinimum(ValueError):
    """The scheme pays less than the law requires for a jobholder; `.codes` says how."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes


@dataclass(frozen=True)
class PensionContributions:
    qualifying_earnings: Decimal
    employee_gross: Decimal          # the member's contribution including relief at source
    employee_deducted: Decimal       # what comes off the PA's pay
    employer: Decimal
    tax_relief_at_source: Decimal    # claimed by the provider from HMRC (0 under net pay)
    reduces_taxable_pay: bool        # net pay arrangement: take employee_deducted off taxable pay

    @property
    def total(self) -> Decimal:
        """Everything that reaches the pension: employer + member's gross contribution."""
        return self.employer + self.employee_gross


def contributions(
    qualifying: Decimal,
    scheme: PensionScheme,
    on: date,
    *,
    employer_must_contribute: bool = True,
) -> PensionContributions:
    """Contributions on one period's qualifying earnings.

    Employer and member's gross contribution are each the rate x qualifying earnings, rounded up to
    the penny. Relief at source: the PA pays 80% of the exact gross contribution, rounded up, and the
    rest of the gross is the basic-rate relief the provider claims from HMRC. Net pay: the whole gross
    contribution is deducted before tax and the payroll must take it off taxable pay (not NI-able pay).
    With `employer_must_contribute` (jobholders) a scheme below the minimum raises SchemeBelowMinimum.
    """
    if qualifying < 0:
        raise ValueError("qualifying earnings cannot be negative")
    if employer_must_contribute:
        short = scheme_shortfalls(scheme, on)
        if short:
            raise SchemeBelowMinimum(short)
    employer = round_up(qualifying * scheme.employer_rate)
    gross_exact = qualifying * scheme.employee_rate
    gross = round_up(gross_exact)
    if scheme.tax_relief is TaxRelief.RELIEF_AT_SOURCE:
        deducted = round_up(gross_exact * (1 - relief_at_source_rate(on)))
        return PensionContributions(qualifying, gross, deducted, employer, gross - deducted, False)
    return PensionContributions(qualifying, gross, gross, employer, ZERO, True)
