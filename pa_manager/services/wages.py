"""Is each PA paid legally? Today's standing, warnings before a rise, and the calculator's check."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from pa_manager.domain import minimum_wage as mw
from pa_manager.domain.dates import age_on
from pa_manager.domain.employer import EmployerRecord
from pa_manager.domain.minimum_wage import Hours, MinimumWageError, MinimumWageResult, PayPeriodForCheck, WageWarning
from pa_manager.domain.people import PARecord
from pa_manager.domain.rates import RatesError
from pa_manager.domain.validation import Problem
from pa_manager.services.errors import ServiceError

if TYPE_CHECKING:  # the wage check (check-wage, the calculator) needs no data file, nor the database layer
    from pa_manager.storage.database import Database


@dataclass(frozen=True)
class WageStanding:
    """A PA's hourly rate against the legal minimum and the benchmarks on one day."""

    pa_id: int | None
    pa_name: str
    on: date
    current_rate: Decimal | None  # None: no rate recorded yet
    check: MinimumWageResult
    nlw_age: int
    follows_real_living_wage: bool
    care_wage_benchmark: bool

    @property
    def gap_to_minimum(self) -> Decimal | None:
        return None if self.current_rate is None else self.current_rate - self.check.minimum_hourly_rate


@dataclass(frozen=True)
class PAWageWarning:
    pa_id: int | None
    pa_name: str
    warning: WageWarning
    age_then: int  # the PA's age on the warning's date


def _standing_check(pa: PARecord, employer: EmployerRecord, on: date, rate: Decimal) -> MinimumWageResult:
    # One hour at the PA's rate, in a pay period starting today: the rate is what is compared.
    return mw.check_period(
        PayPeriodForCheck(
            period_start=on, period_end=on, hours=Hours(worked=Decimal(1)), basic_pay=rate,
            date_of_birth=pa.date_of_birth, apprentice=pa.apprentice, apprenticeship_start=pa.apprenticeship_start,
            london=employer.london, care_wage_uplift=employer.care_wage_uplift if employer.care_wage_benchmark else None,
        )
    )


def wage_standing(pa: PARecord, employer: EmployerRecord, on: date) -> WageStanding | None:
    """None when the standing cannot be worked out: no date of birth, or under 16."""
    if pa.date_of_birth is None:
        return None
    rate = pa.rate_on(on)
    try:
        check = _standing_check(pa, employer, on, rate if rate is not None else Decimal("0.00"))
    except MinimumWageError:  # under 16, or not born yet
        return None
    return WageStanding(
        pa_id=pa.id, pa_name=pa.name, on=on, current_rate=rate, check=check,
        nlw_age=nlw_age_on(on),
        follows_real_living_wage=employer.follows_real_living_wage,
        care_wage_benchmark=employer.care_wage_benchmark,
    )


def wage_standings(db: Database, employer_id: int, today: date) -> list[WageStanding]:
    from pa_manager.services.employers import get_employer
    from pa_manager.services.people import list_pas

    return standings_for(get_employer(db, employer_id), list_pas(db, employer_id), today)


def standings_for(employer: EmployerRecord, pas: list[PARecord], today: date) -> list[WageStanding]:
    standings = (wage_standing(pa, employer, today) for pa in pas if pa.is_current(today))
    return [s for s in standings if s is not None]


def wage_warnings(db: Database, employer_id: int, today: date) -> list[PAWageWarning]:
    from pa_manager.services.employers import get_employer
    from pa_manager.services.people import list_pas

    return warnings_for(get_employer(db, employer_id), list_pas(db, employer_id), today)


def warnings_for(employer: EmployerRecord, pas: list[PARecord], today: date) -> list[PAWageWarning]:
    """Warnings for current PAs, soonest first: April rises they fall below, band changes, RLW dates."""
    found = []
    for pa in pas:
        rate = pa.rate_on(today)
        if not pa.is_current(today) or pa.date_of_birth is None or rate is None:
            continue
        try:
            warnings = mw.upcoming_changes(
                today, pa.date_of_birth, rate, apprentice=pa.apprentice, apprenticeship_start=pa.apprenticeship_start,
                follows_rlw=employer.follows_real_living_wage, london=employer.london,
            )
        except MinimumWageError:
            continue
        found.extend(PAWageWarning(pa.id, pa.name, w, age_on(pa.date_of_birth, w.on)) for w in warnings)
    return sorted(found, key=lambda f: (f.warning.on, f.pa_name))


def nlw_age_on(day: date) -> int:
    """The age from which the National Living Wage applied on a day (25, then 23, now 21)."""
    return mw.rates_in_force(day).nlw_age


def check_wage(
    *,
    period_start: date,
    period_end: date,
    hours: Decimal,
    pay: Decimal,
    date_of_birth: date | None = None,
    age: int | None = None,
    apprentice: bool = False,
    apprenticeship_start: date | None = None,
    london: bool = False,
) -> MinimumWageResult:
    """The calculator's question: is this pay legal for these hours? Raises ServiceError in words."""
    try:
        return mw.check_hourly(
            period_start=period_start, period_end=period_end, hours=hours, pay=pay, date_of_birth=date_of_birth,
            age=age, apprentice=apprentice, apprenticeship_start=apprenticeship_start, london=london,
        )
    except MinimumWageError as error:
        raise ServiceError(Problem(error.code, getattr(error, "age", None))) from None
    except RatesError:
        raise ServiceError(Problem("MINIMUM_WAGE_NO_RATES", period_start)) from None
