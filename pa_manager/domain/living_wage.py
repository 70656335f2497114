"""The Real Living Wage and the "National Minimum Care Wage" benchmark: voluntary floors above the law.

Real Living Wage (Living Wage Foundation): a UK rate and a London rate, announced each autumn, for all
workers aged 18 and over. Employers should move to a new rate as soon as possible after it is
announced and must be paying it by its implement-by date (within six months; 1 May since the 2023
rates). Two readings of "the rate in force" follow from that, and both are exposed:

- `required_on(day)`: the rate an employer who follows the Real Living Wage must be paying on that
  day, the last one whose implement-by date has come. Pay is checked against this one.
- `latest_announced(day)`: the newest rate announced by that day, which the employer should be moving
  to, with its pay-by date.

National Minimum Care Wage: a benchmark proposed by the Reinventing Social Care campaign, the National
Living Wage plus a set amount (data/rates/care_wage.toml gives the starting amount; the user may set
another). It is not law; the app shows it only when the employer asks for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from pa_manager.domain import rates

TOPIC = "real_living_wage"
CARE_WAGE_TOPIC = "care_wage"
# The amount a new employer's care-wage comparison starts with: the newest in the rates data.
DEFAULT_CARE_WAGE_UPLIFT = rates.dec(rates.timeline(CARE_WAGE_TOPIC, "uplift")[-1].value)


@dataclass(frozen=True)
class RealLivingWageRate:
    """One year's Real Living Wage, as announced by the Living Wage Foundation."""

    rate_year: str
    uk: Decimal
    london: Decimal
    announced: date
    implement_by: date
    min_age: int         # the youngest worker the rate is for
    evidence: str
    source: str

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"

    def rate(self, london: bool) -> Decimal:
        """The London rate for workplaces in Greater London, the UK rate elsewhere."""
        return self.london if london else self.uk


@cache
def real_living_wage_rates() -> tuple[RealLivingWageRate, ...]:
    """Every Real Living Wage year in the rates file, oldest first."""
    out = []
    for announced in (entry.effective_from for entry in rates.timeline(TOPIC, "uk")):
        year = rates.group(TOPIC, "", announced)
        used = [year.entries[name] for name in ("uk", "london", "implement_by")]
        out.append(RealLivingWageRate(
            rate_year=f"{announced.year}/{(announced.year + 1) % 100:02d}",
            uk=rates.dec(year["uk"]),
            london=rates.dec(year["london"]),
            announced=announced,
            implement_by=year["implement_by"],
            min_age=int(year["min_age"]),
            evidence=rates.weakest(entry.evidence for entry in used),
            source=year.entries["uk"].source,
        ))
    return tuple(out)


def min_age(on: date) -> int:
    """The youngest worker the Real Living Wage is for, as the Foundation set it on the day (its first
    rule for days before the first rate in the data, when there is no rate to pay anyway)."""
    return int(rates.value_or_first(TOPIC, "min_age", on))


def latest_announced(on: date) -> RealLivingWageRate | None:
    """The newest rate announced on or before the day; None before the first one in the file."""
    found = None
    for entry in real_living_wage_rates():
        if entry.announced <= on:
            found = entry
    return found


def required_on(on: date) -> RealLivingWageRate | None:
    """The rate an employer following the Real Living Wage must pay on the day: the last one whose
    implement-by date has come (LWF: all staff on the new rate by that date). None when unknown."""
    found = None
    for entry in real_living_wage_rates():
        if entry.implement_by <= on:
            found = entry
    return found


def pending_on(on: date) -> RealLivingWageRate | None:
    """A rate already announced whose implement-by date is still to come, if there is one."""
    latest = latest_announced(on)
    if latest is not None and latest.implement_by > on:
        return latest
    return None


def care_wage_benchmark(nlw: Decimal, uplift: Decimal = DEFAULT_CARE_WAGE_UPLIFT) -> Decimal:
    """National Minimum Care Wage (Reinventing Social Care proposal): the NLW plus the uplift."""
    if uplift < 0:
        raise ValueError("the care wage uplift cannot be negative")
    return nlw + uplift
