"""The written statement of employment particulars: which particulars the law asks for, the facts of
each for one PA, and when a change to them must be told in writing.

Employment Rights Act 1996 (ERA) Part I, as amended for employment starting on or after 6 April 2020
(SI 2018/1378 and SI 2019/731):
- s.1(3) and (4): the particulars, in one document given no later than the first day (s.1(2));
- s.2(4): pensions (s.1(4)(d)(iii)), collective agreements (j), training entitlement (l) and the note on
  disciplinary and grievance procedures (s.3) may follow within two months (the "later particulars");
- s.1(4): the particulars are "as at" a date no more than 7 days before the statement is given;
- s.4: a change to any of them must be told in writing within one month of the change;
- s.86: the statutory minimum notice.
In Northern Ireland the same duty is in the Employment Rights (Northern Ireland) Order 1996, arts 33-36;
the app gives every particular on the first day wherever the employer lives.

This module speaks in codes and typed values; pa_manager/statement_words.py words them. Figures the
law sets are in data/rates/employment_particulars.toml (and holiday.toml for the 5.6 weeks).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from pa_manager.domain.compliance import DEFAULT_WITHIN_DAYS, DUE_SOON, MISSING, OK, OVERDUE, DueItem
from pa_manager.domain.dates import age_on, anniversary
from pa_manager.domain.holiday import (
    BANK_HOLIDAY_CHOICES, BANK_HOLIDAYS_INCLUDED, LEAVE_YEAR_STARTS, fixed_hours_entitlement, irregular_hours_rates,
    leave_year_start, statutory_leave,
)
from pa_manager.domain.keeping import service_length
from pa_manager.domain.occupational_sick_pay import SickPayScheme
from pa_manager.domain.pay_rates import base_rate_on
from pa_manager.domain.people import BANK_HOLIDAY, HOURLY, SLEEP_IN_ALLOWANCE, WEEKEND, PayRateEntry, pay_terms
from pa_manager.domain.rates import RatesError, group, value as rate
from pa_manager.domain.shifts import ShiftType

TOPIC = "employment_particulars"

# --- The particulars -------------------------------------------------------------------------------

NAMES = "NAMES"                        # s.1(3)(a)
START_DATE = "START_DATE"              # s.1(3)(b)
CONTINUOUS = "CONTINUOUS"              # s.1(3)(c)
PAY = "PAY"                            # s.1(4)(a)
PAY_INTERVALS = "PAY_INTERVALS"        # s.1(4)(b)
HOURS = "HOURS"                        # s.1(4)(c)
HOLIDAY = "HOLIDAY"                    # s.1(4)(d)(i)
SICK_PAY = "SICK_PAY"                  # s.1(4)(d)(ii)
PENSION = "PENSION"                    # s.1(4)(d)(iii)  later
OTHER_PAID_LEAVE = "OTHER_PAID_LEAVE"  # s.1(4)(d)(iv)
OTHER_BENEFITS = "OTHER_BENEFITS"      # s.1(4)(da)
NOTICE = "NOTICE"                      # s.1(4)(e)
JOB = "JOB"                            # s.1(4)(f)
DURATION = "DURATION"                  # s.1(4)(g)
PROBATION = "PROBATION"                # s.1(4)(ga)
PLACE = "PLACE"                        # s.1(4)(h)
COLLECTIVE = "COLLECTIVE"              # s.1(4)(j)  later
OUTSIDE_UK = "OUTSIDE_UK"              # s.1(4)(k)
TRAINING_ENTITLEMENT = "TRAINING_ENTITLEMENT"  # s.1(4)(l)  later
REQUIRED_TRAINING = "REQUIRED_TRAINING"        # s.1(4)(m)
UNPAID_TRAINING = "UNPAID_TRAINING"            # s.1(4)(n)
DISCIPLINARY = "DISCIPLINARY"          # s.3(1)(a), (aa), (b)(i)  later
GRIEVANCE = "GRIEVANCE"                # s.3(1)(b)(ii), (c)  later

DAY_ONE = "day_one"
LATER = "later"  # may be given up to two months after the start (s.2(4)); the app gives them on day one too


@dataclass(frozen=True)
class ParticularRule:
    code: str
    provision: str  # where the law asks for it: "s.1(3)(a)"
    timing: str  # DAY_ONE or LATER


PARTICULARS: tuple[ParticularRule, ...] = (
    ParticularRule(NAMES, "s.1(3)(a)", DAY_ONE),
    ParticularRule(START_DATE, "s.1(3)(b)", DAY_ONE),
    ParticularRule(CONTINUOUS, "s.1(3)(c)", DAY_ONE),
    ParticularRule(PAY, "s.1(4)(a)", DAY_ONE),
    ParticularRule(PAY_INTERVALS, "s.1(4)(b)", DAY_ONE),
    ParticularRule(HOURS, "s.1(4)(c)", DAY_ONE),
    ParticularRule(HOLIDAY, "s.1(4)(d)(i)", DAY_ONE),
    ParticularRule(SICK_PAY, "s.1(4)(d)(ii)", DAY_ONE),
    ParticularRule(PENSION, "s.1(4)(d)(iii)", LATER),
    ParticularRule(OTHER_PAID_LEAVE, "s.1(4)(d)(iv)", DAY_ONE),
    ParticularRule(OTHER_BENEFITS, "s.1(4)(da)", DAY_ONE),
    ParticularRule(NOTICE, "s.1(4)(e)", DAY_ONE),
    ParticularRule(JOB, "s.1(4)(f)", DAY_ONE),
    ParticularRule(DURATION, "s.1(4)(g)", DAY_ONE),
    ParticularRule(PROBATION, "s.1(4)(ga)", DAY_ONE),
    ParticularRule(PLACE, "s.1(4)(h)", DAY_ONE),
    ParticularRule(COLLECTIVE, "s.1(4)(j)", LATER),
    ParticularRule(OUTSIDE_UK, "s.1(4)(k)", DAY_ONE),
    ParticularRule(TRAINING_ENTITLEMENT, "s.1(4)(l)", LATER),
    ParticularRule(REQUIRED_TRAINING, "s.1(4)(m)", DAY_ONE),
    ParticularRule(UNPAID_TRAINING, "s.1(4)(n)", DAY_ONE),
    ParticularRule(DISCIPLINARY, "s.3(1)(a), (aa) and (b)(i)", LATER),
    ParticularRule(GRIEVANCE, "s.3(1)(b)(ii) and (c)", LATER),
)
RULES: Mapping[str, ParticularRule] = {rule.code: rule for rule in PARTICULARS}
CODES = tuple(rule.code for rule in PARTICULARS)

# The order a PA reads them in: about the job, pay, hours, time off, training, ending, problems.
READING_ORDER = (NAMES, JOB, START_DATE, CONTINUOUS, DURATION, PROBATION, PLACE, OUTSIDE_UK,
                 PAY, PAY_INTERVALS, PENSION, OTHER_BENEFITS, HOURS, HOLIDAY, SICK_PAY, OTHER_PAID_LEAVE,
                 REQUIRED_TRAINING, UNPAID_TRAINING, TRAINING_ENTITLEMENT, NOTICE, DISCIPLINARY, GRIEVANCE, COLLECTIVE)
assert sorted(READING_ORDER) == sorted(CODES)

# --- Choices ---------------------------------------------------------------------------------------

PERMANENT, FIXED_TERM, TEMPORARY = "permanent", "fixed_term", "temporary"
DURATIONS = (PERMANENT, FIXED_TERM, TEMPORARY)
BANK_TRANSFER, CASH, CHEQUE = "bank_transfer", "cash", "cheque"
PAYMENT_METHODS = (BANK_TRANSFER, CASH, CHEQUE)

# Problems with the choices, by field (services raise them as ValidationFailed).
TERMS_FIXED_TERM_END_MISSING = "TERMS_FIXED_TERM_END_MISSING"
TERMS_NOTICE_BELOW_LAW = "TERMS_NOTICE_BELOW_LAW"
TERMS_NUMBER_OUT_OF_RANGE = "TERMS_NUMBER_OUT_OF_RANGE"
TERMS_CONTINUOUS_AFTER_START = "TERMS_CONTINUOUS_AFTER_START"
TERMS_CHOICE_UNKNOWN = "TERMS_CHOICE_UNKNOWN"
# Facts the statement needs that the PA's record lacks.
STATEMENT_NO_START_DATE = "STATEMENT_NO_START_DATE"
STATEMENT_NO_PAY_RATE = "STATEMENT_NO_PAY_RATE"
# A young worker rota'd to work at night, which the law allows only in narrow cases (WTR reg 6A).
YOUNG_WORKER_NIGHT_WORK = "YOUNG_WORKER_NIGHT_WORK"
YOUNG_WORKER_LONG_SHIFT = "YOUNG_WORKER_LONG_SHIFT"

# The dashboard item this module produces.
STATEMENT_CHANGE_DUE = "STATEMENT_CHANGE_DUE"


@dataclass(frozen=True)
class StatementTerms:
    """The employer's choices for one PA's statement. Empty text means "the usual words" (the words
    module says what they are); every choice has a default that is lawful as it stands."""

    continuous_from: date | None = None  # None: the start date (no earlier job counts)
    duties: str = ""  # a brief description of the work; "" = the usual PA duties
    place_of_work: str = ""  # "" = the employer's home
    also_out_and_about: bool = True  # goes out with the employer (appointments, shops, activities)
    hours_vary: str = ""  # how hours and days may vary; "" = the usual words for fixed or irregular hours
    bank_holidays: str = BANK_HOLIDAYS_INCLUDED
    payment_method: str = BANK_TRANSFER
    sick_pay: str = ""  # "" = Statutory Sick Pay only
    other_paid_leave: str = ""  # paid leave beyond the law's ("" = none beyond it)
    other_benefits: str = ""  # "" = none
    employer_notice_weeks: int | None = None  # None: the law's minimum
    pa_notice_weeks: int = 1
    probation_months: int = 3  # 0: no probation
    probation_notice_weeks: int = 1
    probation_conditions: str = ""
    duration: str = PERMANENT
    ends_on: date | None = None  # a fixed term's last day
    expected_length: str = ""  # a temporary job: "about 6 months, while Janet is on maternity leave"
    outside_uk: str = ""  # "" = not asked to work abroad for more than a month
    collective_agreements: str = ""  # "" = none
    training_entitlement: str = ""  # "" = the usual words (Care Certificate, training agreed together)
    unpaid_training: str = ""  # "" = none: the employer pays for all the training they require
    grievance_contact: str = ""  # "" = the employer
    appeal_contact: str = ""  # "" = someone not involved, such as the council's direct payment support service
    version: int | None = field(default=None, compare=False)


def default_terms(on: date) -> StatementTerms:
    """The choices a new PA starts with; the probation length is data (typical practice, not law)."""
    months = int(rate(TOPIC, "probation.default_months", on))
    return StatementTerms(probation_months=months)


def check_terms(terms: StatementTerms, start_date: date | None) -> dict[str, tuple[str, dict[str, Any]]]:
    """Problems with the choices, by field: (code, details)."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, value, low, high in (("pa_notice_weeks", terms.pa_notice_weeks, 1, 12),
                                   ("probation_months", terms.probation_months, 0, 12),
                                   ("probation_notice_weeks", terms.probation_notice_weeks, 0, 12)):
        if not low <= value <= high:
            found[name] = (TERMS_NUMBER_OUT_OF_RANGE, {"low": low, "high": high})
    if terms.employer_notice_weeks is not None and not 1 <= terms.employer_notice_weeks <= 52:
        found["employer_notice_weeks"] = (TERMS_NUMBER_OUT_OF_RANGE, {"low": 1, "high": 52})
    if terms.duration not in DURATIONS:
        found["duration"] = (TERMS_CHOICE_UNKNOWN, {})
    if terms.duration == FIXED_TERM and terms.ends_on is None:
        found["ends_on"] = (TERMS_FIXED_TERM_END_MISSING, {})
    if terms.bank_holidays not in BANK_HOLIDAY_CHOICES:
        found["bank_holidays"] = (TERMS_CHOICE_UNKNOWN, {})
    if terms.payment_method not in PAYMENT_METHODS:
        found["payment_method"] = (TERMS_CHOICE_UNKNOWN, {})
    if start_date is not None and terms.continuous_from is not None and terms.continuous_from > start_date:
        found["continuous_from"] = (TERMS_CONTINUOUS_AFTER_START, {"start_date": start_date})
    return found


# --- What the statement is made from -----------------------------------------------------------------

@dataclass(frozen=True)
class WorkingPattern:
    """One repeating shift of the PA's rota, as the statement needs it."""

    weekdays: tuple[int, ...]  # Monday = 0
    start: time
    end: time  # earlier than start: ends the next morning
    shift_type: str = ShiftType.STANDARD.value
    interval: int = 1  # every week (1), every other week (2)...
    break_minutes: int = 0
    starts_on: date | None = None
    until: date | None = None

    def in_force(self, on: date) -> bool:
        return (self.starts_on is None or self.starts_on <= on) and (self.until is None or self.until >= on)

    @property
    def minutes(self) -> int:
        """Length on the clock less the break (a clock change night aside)."""
        start = datetime.combine(date(2001, 1, 1), self.start)
        end = datetime.combine(date(2001, 1, 1), self.end)
        if end <= start:
            end += timedelta(days=1)
        return int((end - start).total_seconds() // 60) - self.break_minutes


@dataclass(frozen=True)
class StatementFacts:
    """Everything one PA's statement says, gathered by the service from the records."""

    employer_name: str
    employer_address: str
    employer_postcode: str
    nation: str  # Nation value
    pay_frequency: str  # PayFrequency value
    pension_provider: str
    pension_employer_rate: Decimal
    pension_employee_rate: Decimal
    pa_name: str
    start_date: date | None
    job_title: str
    contracted_hours: Decimal | None
    irregular_hours: bool
    rolled_up_holiday: bool
    date_of_birth: date | None
    pay_rates: tuple[PayRateEntry, ...]
    patterns: tuple[WorkingPattern, ...]  # the PA's rota, every pattern (in force or not)
    required_courses: tuple[str, ...]  # course names, as the employer's catalogue words them
    terms: StatementTerms
    leave_year_starts: tuple[int, int] = LEAVE_YEAR_STARTS  # the employer's (month, day)
    sick_pay_scheme: SickPayScheme | None = None  # the employer's own scheme that pays this PA, if any


@dataclass(frozen=True)
class Particular:
    """One particular for one PA: its code and the values its words are made from."""

    code: str
    values: tuple[tuple[str, Any], ...]

    def value(self, name: str, default: Any = None) -> Any:
        return dict(self.values).get(name, default)


@dataclass(frozen=True)
class Statement:
    as_at: date
    particulars: tuple[Particular, ...]

    def get(self, code: str) -> Particular:
        return next(p for p in self.particulars if p.code == code)

    def comparable(self) -> dict[str, dict[str, str]]:
        """The values as plain strings, to store with a statement and compare with later."""
        return {p.code: {name: _plain(value) for name, value in p.values} for p in self.particulars}


def _plain(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "|".join(_plain(v) for v in value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


class StatementError(ValueError):
    """The records lack something every statement needs (the start date, a pay rate)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _p(code: str, **values: Any) -> Particular:
    return Particular(code, tuple(values.items()))


def young_worker_limits(on: date) -> dict[str, Any]:
    return group(TOPIC, "young_worker", on).values


def is_young_worker(date_of_birth: date | None, on: date) -> bool:
    if date_of_birth is None:
        return False
    return age_on(date_of_birth, on) < int(young_worker_limits(on)["under_age"])


def statutory_employer_notice_weeks(continuous_from: date, on: date) -> int:
    """ERA s.86(1): none before a month's service; 1 week up to 2 years; then a week for each
    complete year, up to 12."""
    law = group(TOPIC, "statutory_notice", on).values
    if on < continuous_from + relativedelta(months=int(law["qualifying_months"])):
        return 0
    years = service_length(continuous_from, on).years
    return min(max(1, years * int(law["employer_weeks_per_year"])), int(law["employer_max_weeks"]))


def statutory_notice(on: date) -> dict[str, int]:
    return {k: int(v) for k, v in group(TOPIC, "statutory_notice", on).values.items()}


def patterns_in_force(patterns: Iterable[WorkingPattern], on: date) -> tuple[WorkingPattern, ...]:
    return tuple(p for p in patterns if p.in_force(on))


def weekly_hours(patterns: Iterable[WorkingPattern]) -> Decimal:
    """The average hours a week the rota plans, sleep-ins left out (they are nights, not hours):
    every other week counts half."""
    total = Decimal(0)
    for p in patterns:
        if p.shift_type == ShiftType.SLEEP_IN.value:
            continue
        total += Decimal(p.minutes * len(p.weekdays)) / Decimal(60 * p.interval)
    return total.quantize(Decimal("0.01")).normalize()


def sleep_in_nights(patterns: Iterable[WorkingPattern]) -> Decimal:
    """Sleep-in nights a week on average."""
    nights = sum((Decimal(len(p.weekdays)) / Decimal(p.interval) for p in patterns
                  if p.shift_type == ShiftType.SLEEP_IN.value), Decimal(0))
    return nights.quantize(Decimal("0.01")).normalize()


def _at_night(pattern: WorkingPattern, night_from: time, night_to: time) -> bool:
    if pattern.shift_type == ShiftType.SLEEP_IN.value:
        return True
    overnight = pattern.end <= pattern.start
    return overnight or pattern.end > night_from or pattern.start < night_to


def young_worker_problems(facts: StatementFacts, on: date) -> list[str]:
    """What in the rota a young worker may not do (Working Time Regulations 1998 regs 5A and 6A)."""
    if not is_young_worker(facts.date_of_birth, on):
        return []
    limits = young_worker_limits(on)
    night_from, night_to = time.fromisoformat(limits["night_from"]), time.fromisoformat(limits["night_to"])
    shown = patterns_in_force(facts.patterns, on)
    found = []
    if any(_at_night(p, night_from, night_to) for p in shown):
        found.append(YOUNG_WORKER_NIGHT_WORK)
    if any(p.minutes > int(limits["max_daily_hours"]) * 60 for p in shown
           if p.shift_type != ShiftType.SLEEP_IN.value) or \
            weekly_hours(shown) > int(limits["max_weekly_hours"]):
        found.append(YOUNG_WORKER_LONG_SHIFT)
    return found


def _latest_line(entries: Iterable[PayRateEntry], kind: str, shift_type: str, on: date) -> PayRateEntry | None:
    found = None
    for entry in entries:
        if entry.kind == kind and entry.shift_type == shift_type and entry.effective_from <= on:
            if found is None or entry.effective_from >= found.effective_from:
                found = entry
    return found


def _scheme_values(scheme: SickPayScheme | None) -> dict[str, int]:
    """The employer's sick pay scheme as particulars (none at all without one, so a statement made
    before schemes were kept reads the same)."""
    if scheme is None:
        return {}
    return {"full_pay_weeks": scheme.full_pay_weeks, "half_pay_weeks": scheme.half_pay_weeks,
            "qualifying_months": scheme.qualifying_months, "waiting_days": scheme.waiting_days}


def build_statement(facts: StatementFacts, as_at: date) -> Statement:
    """Every particular the law asks for, for one PA, as things stand on `as_at`."""
    if facts.start_date is None:
        raise StatementError(STATEMENT_NO_START_DATE)
    on = max(as_at, facts.start_date)  # a statement made before the first day states the terms from it
    terms = facts.terms
    basic = base_rate_on(pay_terms(facts.pay_rates).rates, on)
    if basic is None:
        raise StatementError(STATEMENT_NO_PAY_RATE)
    basic_line = _latest_line(facts.pay_rates, HOURLY, "", on)
    by_type = []
    for shift_type in ShiftType:
        line = _latest_line(facts.pay_rates, HOURLY, shift_type.value, on)
        if line is not None and line.amount is not None:
            by_type.append((shift_type.value, line.amount))
    sleep_line = _latest_line(facts.pay_rates, SLEEP_IN_ALLOWANCE, "", on)
    enhancements = {}
    for kind in (WEEKEND, BANK_HOLIDAY):
        line = _latest_line(facts.pay_rates, kind, "", on)
        if line is not None and (line.amount is not None or line.multiplier is not None):
            enhancements[kind] = (line.multiplier, line.amount)
    patterns = patterns_in_force(facts.patterns, on)
    rota_days = tuple(sorted({d for p in patterns for d in p.weekdays}))
    young = is_young_worker(facts.date_of_birth, on)
    limits = young_worker_limits(on) if young else {}
    shifts = tuple(sorted(((p.weekdays, p.start, p.end, p.shift_type, p.interval, p.break_minutes) for p in patterns),
                          key=lambda s: (s[0], s[1])))
    sleep_ins = any(p.shift_type == ShiftType.SLEEP_IN.value for p in patterns) or sleep_line is not None

    leave = statutory_leave(on)
    year_start = leave_year_start(on, facts.leave_year_starts)
    holiday: dict[str, Any] = {"weeks": leave.weeks, "cap_days": leave.cap_days, "irregular": facts.irregular_hours,
                               "rolled_up": facts.irregular_hours and facts.rolled_up_holiday,
                               "leave_year_starts": tuple(facts.leave_year_starts), "bank_holidays": terms.bank_holidays}
    if facts.irregular_hours:
        holiday["accrual_rate"] = irregular_hours_rates(year_start).accrual_rate
    else:
        hours = facts.contracted_hours if facts.contracted_hours is not None else weekly_hours(patterns)
        days = Decimal(len(rota_days) or 5)
        holiday["hours_per_week"] = hours
        holiday["days_per_week"] = days
        if hours:
            full = fixed_hours_entitlement(hours, days, year_start)
            holiday["year_hours"], holiday["year_days"] = full.hours, full.days

    continuous = terms.continuous_from or facts.start_date
    probation_end = (facts.start_date + relativedelta(months=terms.probation_months)
                     if terms.probation_months else None)
    notice_law = statutory_notice(on)
    particulars = (
        _p(NAMES, employer=facts.employer_name, worker=facts.pa_name),
        _p(START_DATE, start_date=facts.start_date),
        _p(CONTINUOUS, continuous_from=continuous, same_as_start=continuous == facts.start_date),
        _p(PAY, hourly=basic, hourly_from=basic_line.effective_from if basic_line else None,
           by_type=tuple(by_type), sleep_in=sleep_line.amount if sleep_line else None,
           weekend=enhancements.get(WEEKEND), bank_holiday=enhancements.get(BANK_HOLIDAY),
           payment_method=terms.payment_method, sleep_ins=sleep_ins),
        _p(PAY_INTERVALS, frequency=facts.pay_frequency),
        _p(HOURS, irregular=facts.irregular_hours, hours_per_week=facts.contracted_hours,
           rota_hours=weekly_hours(patterns), days=rota_days, shifts=shifts, sleep_in_nights=sleep_in_nights(patterns),
           how_vary=terms.hours_vary.strip(), young_worker=young,
           young_limits=tuple(sorted(limits.items())) if young else ()),
        _p(HOLIDAY, **holiday),
        _p(SICK_PAY, scheme=terms.sick_pay.strip(), **_scheme_values(facts.sick_pay_scheme)),
        _p(PENSION, provider=facts.pension_provider.strip(), employer_rate=facts.pension_employer_rate,
           employee_rate=facts.pension_employee_rate),
        _p(OTHER_PAID_LEAVE, extra=terms.other_paid_leave.strip()),
        _p(OTHER_BENEFITS, benefits=terms.other_benefits.strip()),
        _p(NOTICE, employer_weeks=terms.employer_notice_weeks, pa_weeks=terms.pa_notice_weeks,
           probation_weeks=terms.probation_notice_weeks if terms.probation_months else None,
           law_qualifying_months=notice_law["qualifying_months"], law_max_weeks=notice_law["employer_max_weeks"],
           law_employee_weeks=notice_law["employee_weeks"]),
        _p(JOB, title=facts.job_title.strip() or "Personal assistant", duties=terms.duties.strip()),
        _p(DURATION, kind=terms.duration, ends_on=terms.ends_on if terms.duration == FIXED_TERM else None,
           expected=terms.expected_length.strip() if terms.duration == TEMPORARY else ""),
        _p(PROBATION, months=terms.probation_months, ends_on=probation_end,
           conditions=terms.probation_conditions.strip()),
        _p(PLACE, place=terms.place_of_work.strip(), employer_address=facts.employer_address.strip(),
           employer_postcode=facts.employer_postcode.strip(), out_and_about=terms.also_out_and_about),
        _p(COLLECTIVE, agreements=terms.collective_agreements.strip()),
        _p(OUTSIDE_UK, arrangements=terms.outside_uk.strip()),
        _p(TRAINING_ENTITLEMENT, entitlement=terms.training_entitlement.strip()),
        _p(REQUIRED_TRAINING, courses=tuple(facts.required_courses)),
        _p(UNPAID_TRAINING, training=terms.unpaid_training.strip()),
        _p(DISCIPLINARY, appeal_contact=terms.appeal_contact.strip(), employer=facts.employer_name),
        _p(GRIEVANCE, contact=terms.grievance_contact.strip(), appeal_contact=terms.appeal_contact.strip(),
           employer=facts.employer_name),
    )
    return Statement(as_at, particulars)


# --- Changes ---------------------------------------------------------------------------------------

def changed_codes(before: Mapping[str, Mapping[str, str]], after: Statement) -> tuple[str, ...]:
    """The particulars whose values differ from those stored with an earlier statement, in reading order."""
    now = after.comparable()
    return tuple(code for code in READING_ORDER if dict(before.get(code, {})) != now.get(code, {}))


def given_particulars(kept: Any) -> dict[str, dict[str, str]]:
    """The particulars kept with a statement (Statement.comparable) read back. ValueError when they are
    not in that form (a changed or damaged file), so what is compared with them later can trust them."""
    if not isinstance(kept, dict) or not all(
            isinstance(code, str) and isinstance(values, dict)
            and all(isinstance(name, str) and isinstance(value, str) for name, value in values.items())
            for code, values in kept.items()):
        raise ValueError("not particulars as PA Manager keeps them")
    return kept


def change_dates(facts: StatementFacts, after: date, until: date) -> list[date]:
    """The days after `after` (up to `until`) on which a dated fact may change a particular: a pay line
    starting, a rota pattern starting or ending, the PA's 18th birthday."""
    days = {e.effective_from for e in facts.pay_rates}
    for p in facts.patterns:
        days |= {d for d in (p.starts_on, p.until + timedelta(days=1) if p.until else None) if d is not None}
    if facts.date_of_birth is not None:
        days.add(anniversary(facts.date_of_birth, int(young_worker_limits(until)["under_age"])))
    return sorted(d for d in days if after < d <= until)


@dataclass(frozen=True)
class PendingChange:
    """Particulars that differ from the last statement given, and from when (None: not known)."""

    codes: tuple[str, ...]
    changed_on: date | None


def pending_change(facts: StatementFacts, given: Mapping[str, Mapping[str, str]], given_as_at: date,
                   today: date, look_ahead_days: int = DEFAULT_WITHIN_DAYS) -> PendingChange | None:
    """What has changed (or is about to) since the particulars of the last statement given.

    A dated change (a pay rise, a rota pattern, turning 18) is found on its own day, up to
    `look_ahead_days` ahead: a day whose particulars differ from the day before's and from those given.
    A change with no date of its own (hours or a job title typed in) shows as a difference on the given
    statement's own date; it is reported with no date. None when nothing differs."""
    def built(day: date) -> Statement | None:
        try:
            return build_statement(facts, day)
        except (StatementError, RatesError):
            return None

    until = today + timedelta(days=min(look_ahead_days, (date.max - today).days))  # however far ahead is asked
    for day in change_dates(facts, given_as_at, until):
        before, after = built(day - timedelta(days=1)), built(day)
        if after is None:
            continue
        moved = set(changed_codes(before.comparable(), after)) if before is not None else set(CODES)
        codes = changed_codes(given, after)
        if moved & set(codes):
            return PendingChange(codes, day)
    now = built(today)
    if now is None:
        return None
    codes = changed_codes(given, now)
    return PendingChange(codes, None) if codes else None


def change_notice_due(changed_on: date) -> date:
    """The last day to tell a change in writing: one month after it (ERA s.4(3))."""
    months = int(group(TOPIC, "change_notice", changed_on).values["months"])
    return changed_on + relativedelta(months=months)


def change_item(pa_key: Any, pa_name: str, change: PendingChange, today: date,
                within_days: int = DEFAULT_WITHIN_DAYS, **details: Any) -> DueItem:
    """STATEMENT_CHANGE_DUE for the dashboard: overdue a month after the change; due soon from
    `within_days` before the change; a change with no known date is "missing" until it is told.
    `details` go into the item's params as they are (the words layer's name for the changes, say)."""
    if change.changed_on is None:
        return DueItem.of(STATEMENT_CHANGE_DUE, None, MISSING, pa_key=pa_key, pa_name=pa_name, changes=change.codes,
                          **details)
    due = change_notice_due(change.changed_on)
    if due < today:
        status = OVERDUE
    elif (change.changed_on - today).days <= within_days:
        status = DUE_SOON
    else:
        status = OK
    return DueItem.of(STATEMENT_CHANGE_DUE, due, status, pa_key=pa_key, pa_name=pa_name, changes=change.codes,
                      changed_on=change.changed_on, **details)


def as_at_problem(as_at: date, given_on: date) -> bool:
    """Whether a statement given on `given_on` is too old: its particulars must be correct as at a date
    no more than 7 days before it is given (ERA s.1(4)), and it cannot be given before it was made."""
    days = int(group(TOPIC, "timing", given_on).values["as_at_days_before"])
    return given_on < as_at or (given_on - as_at).days > days


def later_particulars_due(start_date: date) -> date:
    """The last day for the later particulars (s.2(4)): two months after the start."""
    months = int(group(TOPIC, "timing", start_date).values["later_particulars_months"])
    return start_date + relativedelta(months=months)


def applicant_retention_default(on: date) -> int:
    return int(rate(TOPIC, "applicant_retention.default_months", on))


def missing_codes(statement: Statement, required: Sequence[str] = CODES) -> list[str]:
    """Particulars the law asks for that a statement lacks (always empty for a built one)."""
    present = {p.code for p in statement.particulars}
    return [code for code in required if code not in present]
