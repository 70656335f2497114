"""Anniversaries and ages: the one place a person's age on a day is worked out.

The minimum wage band, the pension assessment and the date-of-birth check all ask the same
question, so they all ask it here.
"""
from __future__ import annotations

from datetime import date

# The years any stored date may fall in. All a household employer records (a PA's birth, shifts,
# checks, pay days) lies well inside; a date outside is a slip (0026 for 2026), and would run the
# date arithmetic (retention periods, re-checks, tax years) off the end of the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def anniversary(start: date, years: int) -> date:
    """The date `years` after `start` (before it, if negative). A 29 February start falls on 1 March
    in a year without one: by 28 February the anniversary has not yet come."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a year that has none
        return date(start.year + years, 3, 1)


def age_on(date_of_birth: date, on: date) -> int:
    """Whole years of age on a day: a person is a year older from the start of their birthday
    (Family Law Reform Act 1969 s.9), and someone born on 29 February from 1 March in other years.

    A day before the birth gives a negative age; callers for whom that is an error refuse it first.
    """
    years = on.year - date_of_birth.year
    return years if on >= anniversary(date_of_birth, years) else years - 1
