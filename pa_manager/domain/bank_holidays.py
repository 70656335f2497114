"""Bank holidays in each UK nation, from the `holidays` library, cached per nation and year.

The library's dates for 2015 to 2040 are also kept in the package (data/bank_holidays.json, written
by data/bank_holidays.py from the library, and checked against it by the tests), so most runs never load
the library: loading it loads every country it knows, a noticeable part of starting the app.

A bank holiday here is a day off as GOV.UK lists it: when a holiday falls at a weekend, the
substitute weekday is the bank holiday and the weekend date itself is not (Boxing Day 2026 is a
Saturday, so England's bank holiday is Monday 28 December). Some contracts pay an enhancement on
the real date instead; `include_weekend_dates=True` keeps those dates too.

Names are the library's own (English) and are data for display, not messages; they may change
between library versions, so compare dates, never names.
"""
from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import NamedTuple

from pa_manager.domain.nation import Nation

TABLE_YEARS = range(2015, 2041)  # the years kept in data/bank_holidays.json

_SUBDIVISION = {
    Nation.ENGLAND: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.WALES: "WLS",
    Nation.NORTHERN_IRELAND: "NIR",
}


class BankHoliday(NamedTuple):
    day: date
    name: str


@cache
def _year(nation: Nation, year: int) -> tuple[BankHoliday, ...]:
    # Every listed date, weekends included, oldest first; callers filter. Cached: the library
    # builds a year's calendar each time it is asked, and pay runs ask day by day.
    if year in TABLE_YEARS:
        return tuple(BankHoliday(date.fromisoformat(day), name) for day, name in _table()[Nation(nation).value][str(year)])
    return library_year(nation, year)


def library_year(nation: Nation, year: int) -> tuple[BankHoliday, ...]:
    """A year's bank holidays as the `holidays` library gives them."""
    import holidays

    calendar = holidays.country_holidays("GB", subdiv=_SUBDIVISION[Nation(nation)], years=year)
    return tuple(BankHoliday(day, name) for day, name in sorted(calendar.items()))


@cache
def _table() -> dict[str, dict[str, list[list[str]]]]:
    return json.loads(resources.files("pa_manager.data").joinpath("bank_holidays.json").read_text(encoding="utf-8"))


def _wanted(holiday: BankHoliday, include_weekend_dates: bool) -> bool:
    return include_weekend_dates or holiday.day.weekday() < 5


def bank_holidays_between(
    nation: Nation, date_from: date, date_to: date, *, include_weekend_dates: bool = False
) -> list[BankHoliday]:
    """Bank holidays from `date_from` to `date_to` inclusive, oldest first, as (date, name)."""
    out: list[BankHoliday] = []
    for year in range(date_from.year, date_to.year + 1):
        out.extend(
            h for h in _year(nation, year)
            if date_from <= h.day <= date_to and _wanted(h, include_weekend_dates)
        )
    return out


def is_bank_holiday(day: date, nation: Nation, *, include_weekend_dates: bool = False) -> bool:
    return any(h.day == day and _wanted(h, include_weekend_dates) for h in _year(nation, day.year))
