"""National Minimum Wage and National Living Wage: band, rate in force, the per-period check, arrears
and the warnings that come before a change.

The rules, with where they come from (National Minimum Wage Act 1998 = the Act; National Minimum
Wage Regulations 2015 = the Regulations; HMRC National Minimum Wage Manual = NMWM):

- A pay reference period uses the rates in force on its FIRST day: a new April rate applies from the
  first period that starts on or after 1 April.
- The band is set by the worker's age on the first day of the period, so a birthday inside a period
  changes the band from the next period.
- Apprentice rate: apprentices under 19, or 19 and over in the first year of their apprenticeship;
  otherwise the age band. Workers of compulsory school age are not covered (the Act s.1(2)(c)).
- The check compares minimum-wage pay with the minimum rate times the hours that count:
  time work, travel between assignments, and on a sleep-in only time awake for the purposes of
  working. Premiums, expenses and allowances for time that does not count are left out;
  accommodation counts only up to the offset; salary sacrifice and deductions for the employer's
  own use and benefit reduce it.

Results carry codes and figures only; the user interface puts them into words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Mapping, NamedTuple

from pa_manager.domain import dates, living_wage, rates
from pa_manager.domain.dates import anniversary
from pa_manager.domain.money import ZERO, round_half_up, round_up

TOPIC = "minimum_wage"
OFFSET_TOPIC = "accommodation_offset"

# Band codes, exactly as the rates file names them.
NLW = "NLW"
BAND_21_24 = "21-24"
BAND_21_22 = "21-22"
BAND_18_20 = "18-20"
UNDER_18 = "under-18"
APPRENTICE = "apprentice"
BANDS = (NLW, BAND_21_24, BAND_21_22, BAND_18_20, UNDER_18, APPRENTICE)

# The ages that set the bands are figures in the rates file, dated like the rates (MinimumWageRates).
AGES = ("school_leaving_age", "development_band_age", "adult_band_age", "apprentice_age_limit",
        "apprentice_rate_years")

# Warning codes.
NMW_APRIL_RISE_BELOW = "NMW_APRIL_RISE_BELOW"
BAND_CHANGE_BIRTHDAY = "BAND_CHANGE_BIRTHDAY"
APPRENTICE_FIRST_YEAR_ENDS = "APPRENTICE_FIRST_YEAR_ENDS"
RLW_PAY_BY = "RLW_PAY_BY"

HOURS_ZERO = Decimal("0")


# --- errors -------------------------------------------------------------------------------------


class MinimumWageError(ValueError):
    """Input the minimum-wage rules cannot check. `.code` names the problem for the UI."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


class UnderSchoolLeavingAge(MinimumWageError):
    """The worker is under 16 (of compulsory school age): the minimum wage does not cover them."""

    def __init__(self, age: int) -> None:
        super().__init__("UNDER_SCHOOL_LEAVING_AGE", f"age {age}")
        self.age = age


# --- dates and ages -----------------------------------------------------------------------------


def age_on(date_of_birth: date, on: date) -> int:
    """dates.age_on, refusing a day before the birth: there is no minimum wage to check for it."""
    if on < date_of_birth:
        raise MinimumWageError("DATE_BEFORE_BIRTH", f"{on} is before {date_of_birth}")
    return dates.age_on(date_of_birth, on)


# --- the rates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinimumWageRates:
    """The minimum wage rates in force from one date: the NLW age and each band's hourly rate."""

    effective_from: date
    nlw_age: int
    rates: Mapping[str, Decimal] = field(hash=False)
    evidence: str
    source: str
    school_leaving_age: int        # the minimum wage covers workers above compulsory school age
    development_band_age: int      # 18: the 18-20 band starts
    adult_band_age: int            # 21: the band below the NLW age starts
    apprentice_age_limit: int      # 19: the apprentice rate for any apprentice younger than this
    apprentice_rate_years: int     # 1: and for older apprentices in this many first years

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"

    @property
    def adult_band(self) -> str | None:
        """The band between 21 and the NLW age ("21-24" or "21-22"), or None once the NLW starts at 21."""
        for band in (BAND_21_24, BAND_21_22):
            if band in self.rates:
                return band
        return None

    def rate(self, band: str) -> Decimal:
        return self.rates[band]


@cache
def all_rates() -> tuple[MinimumWageRates, ...]:
    """Every minimum wage period in the rates file, oldest first."""
    out = []
    for day in rates.change_dates(TOPIC):
        table = rates.group(TOPIC, "", day)
        used = [table.entries[name] for name in ("nlw_age", *BANDS) if name in table.entries]
        newest = max(used, key=lambda entry: entry.effective_from)
        out.append(
            MinimumWageRates(
                effective_from=day,
                nlw_age=int(table["nlw_age"]),
                rates={band: rates.dec(table[band]) for band in BANDS if band in table.entries},
                evidence=rates.weakest(entry.evidence for entry in used),
                source=newest.source,
                **{age: int(table[age]) for age in AGES},
            )
        )
    return tuple(out)


def rates_in_force(on: date) -> MinimumWageRates:
    """The rates for a pay reference period that starts on `on` (rates.RatesError before 2016)."""
    found = None
    for entry in all_rates():
        if entry.effective_from > on:
            break
        found = entry
    if found is None:
        raise rates.RatesError(f"no minimum wage rate is known for {on.isoformat()}", topic=TOPIC, when=on)
    return found


def national_living_wage_on(on: date) -> tuple[Decimal, bool]:
    """The National Living Wage in force on a day, and whether that figure is provisional."""
    table = rates_in_force(on)
    return table.rate(NLW), table.provisional


def next_change_after(on: date) -> MinimumWageRates | None:
    """The first set of rates that takes effect after the day, if the file has one."""
    for entry in all_rates():
        if entry.effective_from > on:
            return entry
    return None


def school_leaving_age(on: date) -> int:
    """The age below which the minimum wage does not apply (the first rule for days before the data:
    it has not changed)."""
    return int(rates.value_or_first(TOPIC, "school_leaving_age", on))


class OffsetRates(NamedTuple):
    daily: Decimal
    provisional: bool


def accommodation_offset_on(on: date) -> OffsetRates:
    """The daily accommodation offset for a pay reference period that starts on `on`."""
    entry = rates.figure(OFFSET_TOPIC, "daily", on)
    return OffsetRates(rates.dec(entry.value), entry.provisional)


# --- the band -----------------------------------------------------------------------------------


def apprentice_rate_applies(age: int, on: date, apprentice: bool, apprenticeship_start: date | None) -> bool:
    """Apprentice rate: under 19, or 19 and over in the first year of the apprenticeship (counted
    from its start date to the period's first day; the ages and years are those in force on `on`).
    Without a start date a worker aged 19 or over gets their age rate: the employer cannot show the
    first year, so the higher minimum is used."""
    if not apprentice:
        return False
    if apprenticeship_start is not None and on < apprenticeship_start:
        return False  # not an apprentice yet on this day
    table = rates_in_force(on)
    if age < table.apprentice_age_limit:
        return True
    if apprenticeship_start is None:
        return False
    return on < anniversary(apprenticeship_start, table.apprentice_rate_years)


def band_for(age: int, table: MinimumWageRates, *, apprentice_rate: bool = False) -> str:
    """The band for a worker of `age` under the given rates (raises UnderSchoolLeavingAge under 16)."""
    if age < table.school_leaving_age:
        raise UnderSchoolLeavingAge(age)
    if apprentice_rate:
        return APPRENTICE
    if age >= table.nlw_age:
        return NLW
    if age >= table.adult_band_age and table.adult_band is not None:
        return table.adult_band
    if age >= table.development_band_age:
        return BAND_18_20
    return UNDER_18


class MinimumRate(NamedTuple):
    band: str
    rate: Decimal


def _band_and_rate(age: int, on: date, table: MinimumWageRates, apprentice: bool,
                   apprenticeship_start: date | None) -> MinimumRate:
    band = band_for(age, table, apprentice_rate=apprentice_rate_applies(age, on, apprentice, apprenticeship_start))
    return MinimumRate(band, table.rate(band))


# --- the per-period check -----------------------------------------------------------------------


@dataclass(frozen=True)
class Hours:
    """Hours in a pay reference period, by kind.

    worked           time work, including training and waiting at the workplace
    travel           travel between assignments (Regulations reg 34); not home to the first one
    sleep_in_awake   on a sleep-in, time awake for the purposes of working
    sleep_in_asleep  on a sleep-in, time the worker may sleep with suitable facilities (reg 32(2);
                     Royal Mencap Society v Tomlinson-Blake [2021] UKSC 8): never counted
    """

    worked: Decimal = HOURS_ZERO
    travel: Decimal = HOURS_ZERO
    sleep_in_awake: Decimal = HOURS_ZERO
    sleep_in_asleep: Decimal = HOURS_ZERO

    def __post_init__(self) -> None:
        for name in ("worked", "travel", "sleep_in_awake", "sleep_in_asleep"):
            value = getattr(self, name)
            if isinstance(value, float):
                raise TypeError(f"hours {name} is a float; use Decimal")
            if value < 0:
                raise MinimumWageError("NEGATIVE_HOURS", name)

    @property
    def counted(self) -> Decimal:
        """Hours that count for the minimum wage: time asleep on a sleep-in does not."""
        return self.worked + self.travel + self.sleep_in_awake


_MONEY_FIELDS = ("basic_pay", "premiums", "sleep_in_allowance", "expenses", "accommodation_charge",
                 "salary_sacrifice", "deductions_for_employer")


@dataclass(frozen=True)
class PayPeriodForCheck:
    """One worker's pay reference period, as the minimum wage check needs it.

    date_of_birth or age     one of them; `age` is the age on period_start
    basic_pay                gross pay that counts, before salary sacrifice: pay at the basic rate for
                             every counted hour (including the basic part of hours paid at a premium
                             and pay for time awake on a sleep-in), plus bonuses
    premiums                 the part of pay above the basic rate (unsocial hours, overtime, bank
                             holidays): does not count (reg 10(b)-(c); NMWM09270)
    sleep_in_allowance       a flat payment for a sleep-in: does not count, being pay for time that is
                             not counted (see `minimum_wage_pay`)
    expenses                 reimbursed expenses: do not count (NMWM09170)
    accommodation_days       days in the period the employer provides living accommodation
    accommodation_charge     what the worker pays or has deducted for it in the period (0 = free)
    salary_sacrifice         pay given up for a benefit: reduces minimum-wage pay
    deductions_for_employer  deductions or payments for the employer's own use and benefit (reg 12)
    london                   the employer follows the London Real Living Wage
    care_wage_uplift         set to compare with the National Minimum Care Wage (NLW + this amount)
    """

    period_start: date
    period_end: date
    hours: Hours
    basic_pay: Decimal
    date_of_birth: date | None = None
    age: int | None = None
    apprentice: bool = False
    apprenticeship_start: date | None = None
    premiums: Decimal = ZERO
    sleep_in_allowance: Decimal = ZERO
    expenses: Decimal = ZERO
    accommodation_days: int = 0
    accommodation_charge: Decimal = ZERO
    salary_sacrifice: Decimal = ZERO
    deductions_for_employer: Decimal = ZERO
    london: bool = False
    care_wage_uplift: Decimal | None = None

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise MinimumWageError("PERIOD_ENDS_BEFORE_START")
        if self.date_of_birth is None and self.age is None:
            raise MinimumWageError("AGE_NEEDED")
        for name in _MONEY_FIELDS:
            value = getattr(self, name)
            if isinstance(value, float):
                raise TypeError(f"{name} is a float; money is Decimal")
            if value < 0:
                raise MinimumWageError("NEGATIVE_AMOUNT", name)
        days_in_period = (self.period_end - self.period_start).days + 1
        if not 0 <= self.accommodation_days <= days_in_period:
            raise MinimumWageError("ACCOMMODATION_DAYS_OUT_OF_RANGE", str(self.accommodation_days))
        if self.accommodation_days == 0 and self.accommodation_charge > 0:
            raise MinimumWageError("ACCOMMODATION_CHARGE_WITHOUT_DAYS")

    @property
    def age_at_start(self) -> int:
        """The worker's age on the first day of the period, which sets the band."""
        if self.date_of_birth is not None:
            return age_on(self.date_of_birth, self.period_start)
        assert self.age is not None
        return self.age


@dataclass(frozen=True)
class MinimumWageResult:
    """The outcome of a check, as codes and figures.

    effective_hourly_rate  minimum-wage pay / counted hours, rounded half-up to the penny (as HMRC's
                           worked examples show it); None when no hours count. meets_minimum is
                           decided on the unrounded figures, so a rate that only rounds up to the
                           minimum still fails.
    shortfall              minimum rate x counted hours - minimum-wage pay, never negative, rounded UP
                           to the penny so any fraction of a penny owed is paid
    real_living_wage_*     None when the worker is under 18 or no rate is known for the period.
                           hourly_rate is the rate the employer must be paying (implement-by date
                           passed); latest_rate and pay_by are the newest announced rate and its date.
                           gap is effective rate - required rate per hour (negative = below).
    care_wage_*            None unless the check asked for the care wage benchmark
    provisional            a figure used is not yet confirmed (evidence "U")
    """

    band: str
    minimum_hourly_rate: Decimal
    counted_hours: Decimal
    minimum_wage_pay: Decimal
    effective_hourly_rate: Decimal | None
    shortfall: Decimal
    meets_minimum: bool
    real_living_wage_hourly_rate: Decimal | None
    real_living_wage_latest_rate: Decimal | None
    real_living_wage_pay_by: date | None
    meets_real_living_wage: bool | None
    real_living_wage_gap: Decimal | None
    care_wage_rate: Decimal | None
    meets_care_wage: bool | None
    provisional: bool
    rates_effective_from: date


def accommodation_effect(days: int, charge: Decimal, daily_offset: Decimal) -> Decimal:
    """What living accommodation does to minimum-wage pay (Regulations regs 14-16; NMWM10010):
    free accommodation adds the offset for each day provided; a charge at or below the offset has no
    effect; a charge above it takes the excess off (NMWM10210, NMWM10240)."""
    offset = daily_offset * days
    if days == 0:
        return ZERO
    if charge == 0:
        return offset
    return -max(ZERO, charge - offset)


def minimum_wage_pay(check: PayPeriodForCheck, daily_offset: Decimal) -> Decimal:
    """Pay that counts towards the minimum wage for the period.

    Counted: basic pay, and accommodation up to the offset. Not counted: premiums above the basic
    rate, expenses, and a flat sleep-in allowance. The allowance is left out because it pays for
    hours asleep, which are not working time (reg 32(2); Mencap [2021] UKSC 8); HMRC takes pay for
    time that is not counted out of minimum-wage pay along with the hours (NMWM09080), so counting it
    would let pay for uncounted hours make up pay for counted ones. Pay for time awake goes in basic
    pay. Reduced by: salary sacrifice and deductions for the employer's own use and benefit."""
    pay = check.basic_pay
    pay += accommodation_effect(check.accommodation_days, check.accommodation_charge, daily_offset)
    pay -= check.salary_sacrifice + check.deductions_for_employer
    return pay


def shortfall_for(minimum_rate: Decimal, hours: Decimal, pay: Decimal) -> Decimal:
    """Minimum rate x hours - pay, never negative, rounded up to the penny in the worker's favour."""
    return max(ZERO, round_up(minimum_rate * hours - pay))


def effective_rate(pay: Decimal, hours: Decimal) -> Decimal | None:
    """Pay per counted hour, to the penny (half-up); None when no hours count."""
    if hours == 0:
        return None
    return round_half_up(pay / hours)


def check_period(check: PayPeriodForCheck, *, minimum_rate: Decimal | None = None,
                 daily_offset: Decimal | None = None) -> MinimumWageResult:
    """Check one pay reference period against the minimum wage and the Real Living Wage.

    Rates are those in force on period_start. `minimum_rate` and `daily_offset` override the rates
    file (to rerun a worked example at the rates it states); the band is still worked out."""
    start = check.period_start
    table = rates_in_force(start)
    age = check.age_at_start
    band, rate = _band_and_rate(age, start, table, check.apprentice, check.apprenticeship_start)
    provisional = table.provisional and minimum_rate is None
    if minimum_rate is not None:
        rate = minimum_rate
    if daily_offset is None:
        offset = accommodation_offset_on(start)
        daily_offset = offset.daily
        provisional = provisional or (offset.provisional and check.accommodation_days > 0)

    hours = check.hours.counted
    pay = minimum_wage_pay(check, daily_offset)
    short = shortfall_for(rate, hours, pay)

    # Real Living Wage: the rate that must be paid by now, and the newest one announced (LWF).
    required, latest = living_wage.required_on(start), living_wage.latest_announced(start)
    if required is not None and age < required.min_age:
        required = None
    if latest is not None and age < latest.min_age:
        latest = None
    rlw_rate = required.rate(check.london) if required else None
    meets_rlw = gap = None
    if rlw_rate is not None:
        meets_rlw = pay >= rlw_rate * hours
        gap = round_half_up(pay / hours - rlw_rate) if hours else None
        provisional = provisional or required.provisional

    care_rate = meets_care = None
    if check.care_wage_uplift is not None:
        care_rate = living_wage.care_wage_benchmark(table.rate(NLW), check.care_wage_uplift)
        meets_care = pay >= care_rate * hours
        provisional = provisional or table.provisional

    return MinimumWageResult(
        band=band,
        minimum_hourly_rate=rate,
        counted_hours=hours,
        minimum_wage_pay=pay,
        effective_hourly_rate=effective_rate(pay, hours),
        shortfall=short,
        meets_minimum=pay >= rate * hours,
        real_living_wage_hourly_rate=rlw_rate,
        real_living_wage_latest_rate=latest.rate(check.london) if latest else None,
        real_living_wage_pay_by=latest.implement_by if latest else None,
        meets_real_living_wage=meets_rlw,
        real_living_wage_gap=gap,
        care_wage_rate=care_rate,
        meets_care_wage=meets_care,
        provisional=provisional,
        rates_effective_from=table.effective_from,
    )


def check_hourly(*, period_start: date, period_end: date, hours: Decimal, pay: Decimal | None = None,
                 hourly_rate: Decimal | None = None, date_of_birth: date | None = None,
                 age: int | None = None, apprentice: bool = False,
                 apprenticeship_start: date | None = None, london: bool = False) -> MinimumWageResult:
    """The calculator's check: hours of ordinary work and either the pay for them or the hourly
    rate; date of birth or age (on period_start). Returns the same result as check_period."""
    if (pay is None) == (hourly_rate is None):
        raise MinimumWageError("PAY_OR_RATE_NEEDED")
    basic = pay if pay is not None else hourly_rate * hours
    return check_period(PayPeriodForCheck(
        period_start=period_start, period_end=period_end, hours=Hours(worked=hours), basic_pay=basic,
        date_of_birth=date_of_birth, age=age, apprentice=apprentice,
        apprenticeship_start=apprenticeship_start, london=london,
    ))


# --- arrears ------------------------------------------------------------------------------------


def arrears(shortfall: Decimal, rate_then: Decimal, rate_now: Decimal) -> Decimal:
    """Arrears for a past shortfall (the Act s.17(1) and (4)): the higher of the shortfall A and
    A / R1 x R2, R1 the rate then and R2 the rate now. Rounded half-up to the penny."""
    if rate_then <= 0:
        raise MinimumWageError("RATE_THEN_NOT_POSITIVE")
    if rate_now > rate_then:
        return round_half_up(shortfall / rate_then * rate_now)
    return round_half_up(shortfall)


def arrears_for_period(shortfall: Decimal, period_start: date, determined_on: date, *,
                       date_of_birth: date | None = None, age: int | None = None,
                       apprentice: bool = False, apprenticeship_start: date | None = None) -> Decimal:
    """Arrears with the rates looked up. R1: the worker's rate for the period. R2 (s.17(4)): the rate
    the regulations in force on `determined_on` would have set for the worker as they were in that
    period (same age and apprenticeship), so a band since abolished maps to today's band for that age."""
    if date_of_birth is not None:
        age = age_on(date_of_birth, period_start)
    if age is None:
        raise MinimumWageError("AGE_NEEDED")
    then = _band_and_rate(age, period_start, rates_in_force(period_start), apprentice, apprenticeship_start)
    is_apprentice_rate = then.band == APPRENTICE
    now_table = rates_in_force(determined_on)
    now_band = band_for(age, now_table, apprentice_rate=is_apprentice_rate)
    return arrears(shortfall, then.rate, now_table.rate(now_band))


# --- warnings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WageWarning:
    """Something about to change a worker's floor, as data for the UI to word.

    code           NMW_APRIL_RISE_BELOW, BAND_CHANGE_BIRTHDAY, APPRENTICE_FIRST_YEAR_ENDS or RLW_PAY_BY
    on             the date it takes effect: the rise's effective date (from the first pay period
                   starting on or after it), the birthday, the first-year anniversary, or the pay-by date
    rate           the new hourly floor
    current_rate   the worker's hourly rate now, as given
    band           the band from then on (None for RLW_PAY_BY)
    previous_band  the band before (band changes only)
    """

    code: str
    on: date
    rate: Decimal
    current_rate: Decimal
    band: str | None = None
    previous_band: str | None = None
    provisional: bool = False


def _band_change(code: str, change_day: date, date_of_birth: date, current_rate: Decimal,
                 apprentice: bool, apprenticeship_start: date | None) -> WageWarning | None:
    """A warning if the band on `change_day` differs from the day before, both under the rates in
    force on `change_day` (so an April rate change is not mistaken for a band change)."""
    table = rates_in_force(change_day)
    day_before = change_day - timedelta(days=1)
    try:
        before = _band_and_rate(age_on(date_of_birth, day_before), day_before, table, apprentice, apprenticeship_start)
        after = _band_and_rate(age_on(date_of_birth, change_day), change_day, table, apprentice, apprenticeship_start)
    except UnderSchoolLeavingAge:
        return None
    if before.band == after.band:
        return None
    return WageWarning(code, change_day, after.rate, current_rate, band=after.band,
                       previous_band=before.band, provisional=table.provisional)


def upcoming_changes(today: date, date_of_birth: date, current_rate: Decimal, *, apprentice: bool = False,
                     apprenticeship_start: date | None = None, follows_rlw: bool = False,
                     london: bool = False, horizon_days: int = 92) -> list[WageWarning]:
    """Warnings for one worker, soonest first.

    NMW_APRIL_RISE_BELOW  from 1 January of the year a known rise takes effect, if the worker's rate
                          is below the new minimum for the band they will be in
    BAND_CHANGE_BIRTHDAY  a birthday within `horizon_days` moves the worker to another band (18, 21,
                          the NLW age of the time, or 19 for an apprentice past the first year); the
                          new band applies from the first pay period starting on or after it
    APPRENTICE_FIRST_YEAR_ENDS  the first year ends within `horizon_days` for an apprentice aged 19+
    RLW_PAY_BY            for employers who follow the Real Living Wage: a rate is announced, its
                          pay-by date is still to come and the worker's rate is below it (18 and over)
    """
    out: list[WageWarning] = []

    # The next rise: warned from 1 January of its year (usually the April rise).
    rise = next_change_after(today)
    if rise is not None and today >= date(rise.effective_from.year, 1, 1):
        day = rise.effective_from
        try:
            new = _band_and_rate(age_on(date_of_birth, day), day, rise, apprentice, apprenticeship_start)
        except UnderSchoolLeavingAge:
            new = None
        if new is not None and current_rate < new.rate:
            out.append(WageWarning(NMW_APRIL_RISE_BELOW, day, new.rate, current_rate, band=new.band,
                                   provisional=rise.provisional))

    horizon = today + timedelta(days=horizon_days)

    # The next birthday (today included: the new band starts with the next pay period).
    years = age_on(date_of_birth, today) if today >= date_of_birth else 0
    birthday = anniversary(date_of_birth, years + 1)
    if anniversary(date_of_birth, years) == today:
        birthday = today
    if birthday <= horizon:
        warning = _band_change(BAND_CHANGE_BIRTHDAY, birthday, date_of_birth, current_rate, apprentice,
                               apprenticeship_start)
        if warning:
            out.append(warning)

    # The end of an apprentice's first year.
    if apprentice and apprenticeship_start is not None:
        year_end = anniversary(apprenticeship_start, rates_in_force(today).apprentice_rate_years)
        if today <= year_end <= horizon:
            warning = _band_change(APPRENTICE_FIRST_YEAR_ENDS, year_end, date_of_birth, current_rate,
                                   apprentice, apprenticeship_start)
            if warning:
                out.append(warning)

    # The Real Living Wage pay-by date.
    if follows_rlw:
        pending = living_wage.pending_on(today)
        if (pending is not None and age_on(date_of_birth, pending.implement_by) >= pending.min_age
                and current_rate < pending.rate(london)):
            out.append(WageWarning(RLW_PAY_BY, pending.implement_by, pending.rate(london), current_rate,
                                   provisional=pending.provisional))

    return sorted(out, key=lambda w: w.on)
