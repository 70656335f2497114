"""Keeping good PAs: how long each has worked for the employer, and a short record of why a PA left, so
the household can see what makes PAs stay. Codes, never English (pa_manager/keeping_words.py words them)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from pa_manager.domain.dates import anniversary

REASONS = ("another_care_job", "other_work", "moved_away", "family_or_caring", "health", "retired", "studying",
           "pay", "hours", "end_of_fixed_term", "dismissed", "needs_changed", "other")
EXIT_REASON_UNKNOWN = "EXIT_REASON_UNKNOWN"
EXIT_NOT_A_LEAVER = "EXIT_NOT_A_LEAVER"


@dataclass(frozen=True)
class ServiceLength:
    years: int
    months: int
    days: int


def service_length(start_date: date | None, until: date) -> ServiceLength | None:
    """Whole years, months and days from the first day to `until`; None before the start or with no start
    date. Years count by anniversaries as domain.dates has them (a 29 February start's falls on 1 March)."""
    if start_date is None or until < start_date:
        return None
    years = until.year - start_date.year
    while years > 0 and anniversary(start_date, years) > until:
        years -= 1
    gap = relativedelta(until, anniversary(start_date, years))
    return ServiceLength(years, gap.months, gap.days)


@dataclass(frozen=True)
class ExitRecord:
    reason: str  # one of REASONS
    would_reemploy: bool | None = None  # None: not said
    went_well: str = ""
    could_be_better: str = ""
    talked_on: date | None = None  # the day of the leaving talk, if there was one
    recorded_on: date | None = None


def check_exit(record: ExitRecord, leaving_date: date | None) -> dict[str, str]:
    found = {}
    if leaving_date is None:
        found["pa"] = EXIT_NOT_A_LEAVER
    if record.reason not in REASONS:
        found["reason"] = EXIT_REASON_UNKNOWN
    return found


@dataclass(frozen=True)
class Retention:
    """How long leavers stayed, and why they left: the facts behind keeping PAs longer."""

    leavers: int
    average_months: int | None  # whole months, over the leavers with both dates
    reasons: tuple[tuple[str, int], ...]  # most common first


def retention(leavers: Iterable[tuple[date | None, date, ExitRecord | None]]) -> Retention:
    """From (start, leaving date, exit record or None) for each PA who has left."""
    months, reasons, count = [], Counter(), 0
    for start, left, record in leavers:
        count += 1
        length = service_length(start, left)
        if length is not None:
            months.append(length.years * 12 + length.months)
        if record is not None:
            reasons[record.reason] += 1
    average = round(sum(months) / len(months)) if months else None
    order = sorted(reasons.items(), key=lambda pair: (-pair[1], REASONS.index(pair[0])))
    return Retention(count, average, tuple(order))
