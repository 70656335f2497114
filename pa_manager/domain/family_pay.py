"""Statutory family pay (Great Britain): Statutory Maternity Pay (SMP), Paternity Pay (SPP), Adoption Pay
(SAP), Shared Parental Pay (ShPP) and Parental Bereavement Pay (SPBP); eligibility, the pay week by week,
what falls in a pay period, the records the law asks for, and what the employer recovers from HMRC.

Rules (Social Security Contributions and Benefits Act 1992 (SSCBA) Parts XII to XIIZD; figures from
data/rates/statutory_family_pay.toml, which gives their sources):

- Weeks run Sunday to Saturday. The qualifying week (QW) for a birth (SMP, and SPP and ShPP for a birth)
  is the 15th week before the expected week of childbirth (s.164(2)(b)); for an adoption (SAP, and SPP
  and ShPP for an adoption) it is the matching week, the week the adopter is told they are matched; for
  SPBP it is the relevant week, the week before the week the child died.
- Continuous employment: employed for 26 weeks ending with the QW (s.164(2)(a)); a week counts if the
  person was employed for any part of it, so the latest start is the Saturday of the week 25 weeks
  before the QW. They must still be employed in the QW.
- Earnings: average weekly earnings (AWE) over the relevant period, the pay days of 8 weeks up to the last
  normal pay day on or before the Saturday of the QW (SMP (General) Regulations 1986 reg 21), at least
  the National Insurance weekly lower earnings limit (LEL) in force at the end of the QW. AWE is the same
  arithmetic as SSP's (sick_pay.spell_average_weekly_earnings, which this module reuses), unrounded.
- Rates: the earnings-related rate is 90% of AWE, rounded UP to the next penny (SMP (General) Regulations
  1986 reg 28; SPP and SAP (Weekly Rates) Regulations 2002 reg 4). SMP and SAP pay it for the first 6
  weeks, then the lower of it and the standard rate for 33 weeks (s.166(1)); SPP, ShPP and SPBP pay the
  lower of the two throughout. The standard rate of a week is the one in force on the week's first day:
  the April rise applies to weeks that begin on or after the first Sunday in April.
- Pay weeks start on the day the pay period starts (s.166(1A): "week" means any period of seven days).
  A day is one seventh of the weekly rate (s.166(4)); the days of one weekly rate inside a pay period
  are one line, rounded up to the penny (a whole week is exactly the weekly rate).
- Keeping-in-touch days: up to 10 during SMP or SAP, up to 20 SPLIT days during ShPP; none during SPP or
  SPBP. Work beyond them loses the week's pay; this module refuses a record with more.
- Recovery (Statutory Maternity Pay (Compensation of Employers) Regulations 1994 and the matching
  regulations for the other kinds; HMRC SPM182100): an employer whose Class 1 NICs in the last complete
  tax year before the QW were £45,000 or less recovers 100% plus compensation (3% to 5 April 2025, 8.5%
  from 6 April 2025); any other employer 92%. Claimed through the EPS, year to date.

Not modelled: a baby born early (the relevant period then ends with the week of birth), SMP starting
automatically on the day after birth or 4 weeks before the EWC for pregnancy-related absence, disqualifying
work for another employer, ShPP curtailment notices and the mother's SMP used, the SPP rule that its
weeks are taken within 52 weeks of birth, and statutory neonatal care pay. The domain returns codes,
never English.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Sequence

from pa_manager.domain.money import PENNY, ZERO
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.rates import RatesError, dec, figure, group, timeline, value, weakest
from pa_manager.domain.tax_year import tax_year_label
from pa_manager.domain.sick_pay import AverageWeeklyEarnings, Payment, spell_average_weekly_earnings

TOPIC = "statutory_family_pay"
ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(weeks=1)

# The kinds of pay (also the pay line codes on a payslip).
SMP = "SMP"
SPP = "SPP"
SAP = "SAP"
SHPP = "SHPP"
SPBP = "SPBP"
KINDS = (SMP, SPP, SAP, SHPP, SPBP)

# What the key date of a leave is.
BIRTH = "BIRTH"          # the expected week of childbirth's due date
ADOPTION = "ADOPTION"    # the day the adopter was told they were matched with a child
BEREAVEMENT = "BEREAVEMENT"  # the day the child died

# Rate bases of a pay week.
EARNINGS_RELATED = "EARNINGS_RELATED"
STANDARD_RATE = "STANDARD_RATE"

# Codes: why there is no pay, and problems with a record.
SERVICE_TOO_SHORT = "FAMILY_PAY_SERVICE_TOO_SHORT"     # not 26 weeks' continuous employment by the QW
LEFT_BEFORE_QUALIFYING_WEEK = "FAMILY_PAY_LEFT_BEFORE_QUALIFYING_WEEK"
BELOW_LEL = "FAMILY_PAY_BELOW_LEL"                     # AWE below the lower earnings limit
RATE_PROVISIONAL = "FAMILY_PAY_RATE_PROVISIONAL"
KIND_UNKNOWN = "FAMILY_PAY_KIND_UNKNOWN"
BASIS_DOES_NOT_FIT = "FAMILY_PAY_BASIS_DOES_NOT_FIT"   # SMP for an adoption, SAP for a birth, ...
TOO_MANY_WEEKS = "FAMILY_PAY_TOO_MANY_WEEKS"
NO_WEEKS = "FAMILY_PAY_NO_WEEKS"
TOO_MANY_KIT_DAYS = "FAMILY_PAY_TOO_MANY_KIT_DAYS"
KIT_DAY_OUTSIDE_LEAVE = "FAMILY_PAY_KIT_DAY_OUTSIDE_LEAVE"
NEGATIVE_EARNINGS = "FAMILY_PAY_NEGATIVE_EARNINGS"
STARTS_BEFORE_RATES = "FAMILY_PAY_STARTS_BEFORE_RATES"
PAY_STARTS_BEFORE_LEAVE = "FAMILY_PAY_STARTS_BEFORE_LEAVE"
LEAVE_ENDS_BEFORE_START = "FAMILY_PAY_LEAVE_ENDS_BEFORE_START"

# The key dates each kind can have.
BASES: dict[str, tuple[str, ...]] = {
    SMP: (BIRTH,), SAP: (ADOPTION,), SPP: (BIRTH, ADOPTION), SHPP: (BIRTH, ADOPTION), SPBP: (BEREAVEMENT,),
}
# Kinds paid at the earnings-related rate for their first weeks (s.166(1)(a); SAP alike).
_EARNINGS_RELATED_FIRST = (SMP, SAP)


def _round_up(amount: Decimal | Fraction) -> Decimal:
    """Up to the next penny (reg 28: 'rounded to the next whole number of pence')."""
    return (Decimal(math.ceil(Fraction(amount) * 100)) / 100).quantize(PENNY)


def week_start(day: date) -> date:
    """The Sunday that begins the week (Sunday to Saturday) a day falls in."""
    return day - timedelta(days=(day.weekday() + 1) % 7)


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FamilyPayRules:
    tax_year: str
    standard_rate: Decimal
    earnings_related_share: Decimal
    earnings_related_weeks: int
    continuous_employment_weeks: int
    qualifying_week_before_birth: int
    relevant_period_weeks: int
    evidence: str


def rules_on(day: date) -> FamilyPayRules:
    """The figures in force on a day. RatesError before the first tax year held."""
    f = group(TOPIC, "", day)
    if "tax_year" not in f.entries or "standard_weekly_rate" not in f.entries:
        raise RatesError(f"no statutory family pay figures are known for {day.isoformat()}", topic=TOPIC, when=day)
    used = ("tax_year", "standard_weekly_rate", "earnings_related_share", "earnings_related_weeks",
            "continuous_employment_weeks", "qualifying_week_before_birth", "relevant_period_weeks")
    return FamilyPayRules(
        tax_year=f["tax_year"], standard_rate=dec(f["standard_weekly_rate"]),
        earnings_related_share=dec(f["earnings_related_share"]),
        earnings_related_weeks=int(f["earnings_related_weeks"]),
        continuous_employment_weeks=int(f["continuous_employment_weeks"]),
        qualifying_week_before_birth=int(f["qualifying_week_before_birth"]),
        relevant_period_weeks=int(f["relevant_period_weeks"]),
        evidence=weakest(f.entries[name].evidence for name in used),
    )


def max_weeks(kind: str, day: date) -> int:
    """The most weeks of a kind of pay (39 SMP and SAP, 2 SPP and SPBP, 37 ShPP)."""
    return int(value(TOPIC, f"max_weeks.{kind}", day))


def keeping_in_touch_limit(kind: str, day: date) -> int:
    """Keeping-in-touch days allowed during the leave (10 SMP and SAP, 20 SPLIT days ShPP, 0 otherwise)."""
    return int(value(TOPIC, f"keeping_in_touch_days.{kind}", day))


def lower_earnings_limit(qualifying_week: date) -> Decimal:
    """The weekly NI lower earnings limit in force at the end of the qualifying week."""
    return dec(value("national_insurance", "thresholds.weekly.lel", qualifying_week + 6 * ONE_DAY))


# ---------------------------------------------------------------------------------------------
# Eligibility
# ---------------------------------------------------------------------------------------------

def basis_of(kind: str, adoption: bool = False) -> str:
    """What a leave's key date is: the due date, the matching date or the date of death."""
    if kind == SPBP:
        return BEREAVEMENT
    if kind == SAP or (adoption and kind in (SPP, SHPP)):
        return ADOPTION
    return BIRTH


def qualifying_week(kind: str, key_date: date, adoption: bool = False) -> date:
    """The Sunday that begins the qualifying week (birth), matching week (adoption) or relevant week
    (bereavement)."""
    basis = basis_of(kind, adoption)
    if basis == BIRTH:
        weeks = rules_on_or_first(key_date).qualifying_week_before_birth
        return week_start(key_date) - weeks * ONE_WEEK
    if basis == ADOPTION:
        return week_start(key_date)
    return week_start(key_date) - ONE_WEEK


def rules_on_or_first(day: date) -> FamilyPayRules:
    """The rules of a day, or of the first day held for days before them (weeks and counts only)."""
    try:
        return rules_on(day)
    except RatesError:
        return rules_on(max(timeline(TOPIC, name)[0].effective_from for name in ("tax_year", "standard_weekly_rate")))


def latest_start_date(qw: date) -> date:
    """The last day employment can have begun and still give 26 weeks by the end of the QW: the
    Saturday of the week 25 weeks before it (a week counts if employed for any part of it)."""
    weeks = rules_on_or_first(qw).continuous_employment_weeks
    return qw - (weeks - 1) * ONE_WEEK + 6 * ONE_DAY


@dataclass(frozen=True)
class Eligibility:
    qualifying_week: date                 # its Sunday
    latest_start_date: date
    lower_earnings_limit: Decimal
    average_weekly_earnings: Decimal
    codes: tuple[str, ...]                # empty: entitled

    @property
    def entitled(self) -> bool:
        return not self.codes


def eligibility(kind: str, key_date: date, employed_from: date | None, awe: Decimal,
                leaving_date: date | None = None, adoption: bool = False) -> Eligibility:
    """Whether the PA is entitled: 26 weeks' continuous employment by the end of the QW, still employed
    in it, and AWE at least the LEL. `employed_from` None: not known, which does not count as enough."""
    qw = qualifying_week(kind, key_date, adoption)
    latest = latest_start_date(qw)
    lel = lower_earnings_limit(qw)
    codes = []
    if employed_from is None or employed_from > latest:
        codes.append(SERVICE_TOO_SHORT)
    if leaving_date is not None and leaving_date < qw:
        codes.append(LEFT_BEFORE_QUALIFYING_WEEK)
    if awe < lel:
        codes.append(BELOW_LEL)
    return Eligibility(qw, latest, lel, awe, tuple(codes))


def average_weekly_earnings(qw: date, payments: Sequence[Payment], frequency: PayFrequency | None, *,
                            employed_from: date | None = None,
                            records_from: date | None = None) -> AverageWeeklyEarnings:
    """AWE over the relevant period: the pay days on or before the Saturday of the QW and the one at
    least 8 weeks before the last of them (the same arithmetic as SSP's, reg 21 of the SMP (General)
    Regulations 1986 mirroring reg 19 of the SSP ones)."""
    return spell_average_weekly_earnings(qw + ONE_WEEK, payments, frequency, employed_from=employed_from,
                                         records_from=records_from)


# ---------------------------------------------------------------------------------------------
# The pay, week by week
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PayWeek:
    number: int                # 1 for the first week of pay
    first: date
    last: date
    weekly_rate: Decimal
    basis: str                 # EARNINGS_RELATED or STANDARD_RATE
    provisional: bool = False  # the standard rate used is unverified, or that of an earlier tax year (the
                               # week's own year is not yet in the rates file)


def earnings_related_rate(awe: Decimal, day: date) -> Decimal:
    """90% of AWE, rounded up to the next penny."""
    return _round_up(awe * rules_on(day).earnings_related_share)


def pay_weeks(kind: str, pay_start: date, awe: Decimal, weeks: int | None = None) -> tuple[PayWeek, ...]:
    """Every week of pay from `pay_start` (the first day of pay), for `weeks` weeks (None: the most for
    the kind). ValueError(NO_WEEKS / TOO_MANY_WEEKS) for a number of weeks the kind cannot have."""
    if kind not in KINDS:
        raise ValueError(KIND_UNKNOWN)
    most = max_weeks(kind, pay_start)
    count = most if weeks is None else weeks
    if count < 1:
        raise ValueError(NO_WEEKS)
    if count > most:
        raise ValueError(TOO_MANY_WEEKS)
    earnings_related = earnings_related_rate(awe, pay_start)
    first_weeks = rules_on(pay_start).earnings_related_weeks if kind in _EARNINGS_RELATED_FIRST else 0
    out = []
    for n in range(count):
        first = pay_start + n * ONE_WEEK
        if n < first_weeks:
            out.append(PayWeek(n + 1, first, first + 6 * ONE_DAY, earnings_related, EARNINGS_RELATED))
            continue
        entry = figure(TOPIC, "standard_weekly_rate", first)
        standard = dec(entry.value)
        # A week in a tax year whose rate is not yet held is paid at the last rate known, marked provisional.
        unconfirmed = entry.provisional or rules_on(first).tax_year != tax_year_label(first)
        if earnings_related < standard:
            out.append(PayWeek(n + 1, first, first + 6 * ONE_DAY, earnings_related, EARNINGS_RELATED))
        else:
            out.append(PayWeek(n + 1, first, first + 6 * ONE_DAY, standard, STANDARD_RATE, unconfirmed))
    return tuple(out)


@dataclass(frozen=True)
class PeriodLine:
    """The days of one kind of pay at one weekly rate inside a pay period."""

    kind: str
    weekly_rate: Decimal
    days: int
    amount: Decimal
    first: date
    last: date


def pay_in_period(kind: str, weeks: Iterable[PayWeek], period_start: date, period_end: date) -> tuple[PeriodLine, ...]:
    """The pay weeks' days that fall in a pay period, a line per run of days at one weekly rate; each
    line is weekly rate x days / 7 rounded up to the penny (a whole week is the weekly rate)."""
    runs: list[list] = []
    for week in weeks:
        first, last = max(week.first, period_start), min(week.last, period_end)
        if first > last:
            continue
        days = (last - first).days + 1
        if runs and runs[-1][0] == week.weekly_rate and runs[-1][3] + ONE_DAY == first:
            runs[-1][1] += days
            runs[-1][3] = last
        else:
            runs.append([week.weekly_rate, days, first, last])
    return tuple(PeriodLine(kind, rate, days, _round_up(Fraction(rate) * days / 7), first, last)
                 for rate, days, first, last in runs)


def total(weeks: Iterable[PayWeek]) -> Decimal:
    return sum((w.weekly_rate for w in weeks), ZERO)


# ---------------------------------------------------------------------------------------------
# The record the law asks for
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FamilyLeave:
    """One period of family leave with statutory pay, as the employer records it.

    key_date: the expected due date (birth), the matching date (adoption) or the date the child died.
    evidence_received: the day the evidence came (MATB1 for SMP, the matching certificate for SAP, the
    employee's declaration for SPP, ShPP and SPBP). weeks: the weeks of pay (None: the most).
    average_weekly_earnings: as worked out for the relevant period (or typed from earlier records)."""

    kind: str
    key_date: date
    leave_start: date
    pay_start: date
    average_weekly_earnings: Decimal
    adoption: bool = False
    weeks: int | None = None
    leave_end: date | None = None
    evidence_received: date | None = None
    keeping_in_touch_days: tuple[date, ...] = ()
    notes: str = ""

    @property
    def basis(self) -> str:
        return basis_of(self.kind, self.adoption)


def check_leave(leave: FamilyLeave) -> dict[str, str]:
    """Problems with a record, keyed by the field: kind, weeks, keeping_in_touch_days,
    average_weekly_earnings, pay_start, leave_end."""
    problems: dict[str, str] = {}
    if leave.kind not in KINDS:
        return {"kind": KIND_UNKNOWN}
    if leave.adoption and leave.kind not in (SPP, SHPP, SAP):
        problems["kind"] = BASIS_DOES_NOT_FIT
    if leave.average_weekly_earnings < 0:
        problems["average_weekly_earnings"] = NEGATIVE_EARNINGS
    try:
        rules_on(leave.pay_start)
    except RatesError:
        problems["pay_start"] = STARTS_BEFORE_RATES
        return problems
    if leave.pay_start < leave.leave_start:
        problems["pay_start"] = PAY_STARTS_BEFORE_LEAVE
    if leave.leave_end is not None and leave.leave_end < leave.leave_start:
        problems["leave_end"] = LEAVE_ENDS_BEFORE_START
    most = max_weeks(leave.kind, leave.pay_start)
    if leave.weeks is not None and not 1 <= leave.weeks <= most:
        problems["weeks"] = TOO_MANY_WEEKS if leave.weeks > most else NO_WEEKS
    limit = keeping_in_touch_limit(leave.kind, leave.pay_start)
    days = set(leave.keeping_in_touch_days)
    if len(days) > limit:
        problems["keeping_in_touch_days"] = TOO_MANY_KIT_DAYS
    else:
        weeks = leave.weeks if leave.weeks is not None and 1 <= leave.weeks <= most else most
        last = leave.leave_end or leave.pay_start + weeks * ONE_WEEK - ONE_DAY
        if any(d < leave.leave_start or d > last for d in days):
            problems["keeping_in_touch_days"] = KIT_DAY_OUTSIDE_LEAVE
    return problems


@dataclass(frozen=True)
class LeavePay:
    """A leave worked out: whether it is paid, and its weeks."""

    leave: FamilyLeave
    eligibility: Eligibility
    weeks: tuple[PayWeek, ...]

    @property
    def total(self) -> Decimal:
        return total(self.weeks)


def work_out(leave: FamilyLeave, employed_from: date | None, leaving_date: date | None = None) -> LeavePay:
    """Eligibility and (when entitled) the pay weeks of a recorded leave."""
    found = eligibility(leave.kind, leave.key_date, employed_from, leave.average_weekly_earnings, leaving_date,
                        leave.adoption)
    weeks = pay_weeks(leave.kind, leave.pay_start, leave.average_weekly_earnings, leave.weeks) if found.entitled else ()
    return LeavePay(leave, found, weeks)


# ---------------------------------------------------------------------------------------------
# Recovery from HMRC
# ---------------------------------------------------------------------------------------------

def previous_tax_year_start(qw: date) -> date:
    """The first day of the last complete tax year before the qualifying week."""
    year = qw.year if qw >= date(qw.year, 4, 6) else qw.year - 1   # the tax year the QW is in
    return date(year - 1, 4, 6)


def is_small_employer(class1_nics_previous_year: Decimal, qw: date) -> bool:
    """Small employers' relief: Class 1 NICs (employee's and employer's, before the Employment
    Allowance) in the last complete tax year before the QW at or below the threshold."""
    threshold = dec(value(TOPIC, "recovery.small_employer_threshold", previous_tax_year_start(qw)))
    return class1_nics_previous_year <= threshold


@dataclass(frozen=True)
class Recovery:
    """What the employer recovers on some statutory pay: `recovered` (the SMPRecovered, ... figure of the
    EPS) and `compensation` (NICCompensationOnSMP, ...)."""

    paid: Decimal
    recovered: Decimal
    compensation: Decimal

    @property
    def total(self) -> Decimal:
        return self.recovered + self.compensation


def recovery(paid: Decimal, small_employer: bool, paid_on: date) -> Recovery:
    """Small employer: 100% plus compensation; others 92%. Each figure rounded half up to the penny."""
    if small_employer:
        rate = dec(value(TOPIC, "recovery.compensation_rate", paid_on))
        return Recovery(paid, paid, (paid * rate).quantize(PENNY, rounding=ROUND_HALF_UP))
    rate = dec(value(TOPIC, "recovery.standard_rate", paid_on))
    return Recovery(paid, (paid * rate).quantize(PENNY, rounding=ROUND_HALF_UP), ZERO)


@dataclass(frozen=True)
class RecoveryYearToDate:
    """What the employer recovers, tax year to date, by kind: the EPS's RecoverableAmountsYTD
    (`recovered`: SMPRecovered, ...; `compensation`: NICCompensationOnSMP, ...)."""

    tax_year: str
    paid: dict[str, Decimal]
    recovered: dict[str, Decimal]
    compensation: dict[str, Decimal]
    small_employer: bool | None        # None: no statutory family pay yet this year

    @property
    def total(self) -> Decimal:
        return sum(self.recovered.values(), ZERO) + sum(self.compensation.values(), ZERO)


def class1_nics(records: Iterable, tax_year: str) -> Decimal:
    """Employee's and employer's Class 1 NICs in a tax year's pay records (before the allowance)."""
    return sum((r.employee_ni + r.employer_ni for r in records if r.tax_year == tax_year), ZERO)


def recovery_to_date(records: Sequence, up_to: date) -> RecoveryYearToDate:
    """Statutory family pay paid in the tax year of `up_to`, to that day, from the stored pay records
    (pay_record.PayRecord: lines coded SMP, SPP, SAP, SHPP, SPBP, each with its qualifying week in
    `relates_to`), and what the employer recovers on it: small employers' relief when the Class 1 NICs
    in the records of the last complete tax year before the line's qualifying week were within the
    threshold (only the records given count: a year with none counts as nil). As HMRC asks
    (SPM182100), the pay is added up first and the rate applied to the total."""
    year = tax_year_label(up_to)
    paid_by: dict[tuple[str, bool], Decimal] = defaultdict(lambda: ZERO)
    small_all: bool | None = None
    for record in records:
        if record.tax_year != year or record.pay_date > up_to:
            continue
        for line in record.lines:
            if line.code not in KINDS or line.relates_to is None:
                continue
            previous = tax_year_label(previous_tax_year_start(line.relates_to))
            small = is_small_employer(class1_nics(records, previous), line.relates_to)
            paid_by[(line.code, small)] += line.amount
            small_all = small if small_all is None else small_all and small
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    recovered: dict[str, Decimal] = defaultdict(lambda: ZERO)
    compensation: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for (kind, small), amount in paid_by.items():
        got = recovery(amount, small, up_to)
        paid[kind] += amount
        recovered[kind] += got.recovered
        compensation[kind] += got.compensation
    return RecoveryYearToDate(year, dict(paid), dict(recovered), dict(compensation), small_all)
