"""Anniversaries and ages: one rule for the minimum wage band, the pension assessment and the
date-of-birth check. Each row's answer is counted on a calendar."""
from datetime import date

import pytest

from pa_manager.domain.dates import age_on, anniversary


@pytest.mark.parametrize("born, on, age, why", [
    (date(1990, 6, 30), date(2025, 6, 29), 34, "the day before the 35th birthday"),
    (date(1990, 6, 30), date(2025, 6, 30), 35, "a year older from the start of the birthday"),
    (date(1990, 6, 30), date(2025, 12, 31), 35, "later the same year"),
    (date(1990, 12, 31), date(2026, 1, 1), 35, "a new year is not a birthday"),
    (date(2000, 2, 29), date(2022, 2, 28), 21, "29 February: not yet 22 on 28 February of a common year"),
    (date(2000, 2, 29), date(2022, 3, 1), 22, "29 February: a year older on 1 March of a common year"),
    (date(2000, 2, 29), date(2024, 2, 29), 24, "29 February: the real day in a leap year"),
    (date(2000, 2, 29), date(2024, 2, 28), 23, "29 February: the day before it in a leap year"),
    (date(2008, 2, 29), date(2025, 2, 28), 16, "validation's example"),
    (date(2008, 2, 29), date(2023, 3, 1), 15, "validation's example"),
    (date(2004, 2, 29), date(2025, 2, 28), 20, "minimum wage's example: still in the 18-20 band"),
    (date(2004, 2, 29), date(2025, 3, 1), 21, "minimum wage's example"),
    (date(2009, 2, 28), date(2025, 2, 28), 16, "28 February is an ordinary birthday"),
    (date(2026, 5, 1), date(2026, 5, 1), 0, "the day of the birth"),
    (date(2026, 5, 2), date(2026, 5, 1), -1, "the day before the birth counts back"),
])
def test_age_on(born, on, age, why):
    assert age_on(born, on) == age, why


@pytest.mark.parametrize("start, years, expected", [
    (date(2025, 9, 1), 1, date(2026, 9, 1)),
    (date(2024, 2, 29), 1, date(2025, 3, 1)),  # no 29 February in 2025: the day after 28 February
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2024, 2, 29), -1, date(2023, 3, 1)),
    (date(2025, 6, 2), -21, date(2004, 6, 2)),
    (date(1964, 2, 29), 67, date(2031, 3, 1)),
])
def test_anniversary(start, years, expected):
    assert anniversary(start, years) == expected
