"""The rates as timelines give every figure the old [[period]] tables gave, on every date in the data.

tests/data/rates_before_timelines.json was written once by tests/data/make_rates_before_timelines.py
with the loader as it was before the change: for each topic, each dated array and each date the data
names (and the day before it, and 1 June 2030), the figures in force, flattened to dotted names. Here
each of those figures is asked of the one lookup, rates.value, and must come out the same; a figure
the old tables did not have on a day must not be in force on it now.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pa_manager.domain import living_wage, rates

SNAPSHOT = json.loads((Path(__file__).parents[1] / "data" / "rates_before_timelines.json").read_text(encoding="utf-8"))

# Figures that were repeated for every category letter are one figure now: the secondary rate.
RENAMED = {("national_insurance", f"categories.{letter}.employer"): "employer_rate" for letter in "ABCHJMZ"}
# Worked out, not stored: the Living Wage Foundation's name for a rate year (from the announcement),
# and the accommodation offset's weekly maximum (7 x daily); each is checked below.
NOT_STORED = {("real_living_wage", "rate_year"), ("accommodation_offset", "weekly")}


def _new_name(topic: str, name: str) -> str:
    return RENAMED.get((topic, name), name)


def _as_written(value):
    return value.isoformat() if isinstance(value, date) else value


def _old_names(topic: str, key: str) -> set[str]:
    return {name for figures in SNAPSHOT[topic][key].values() if figures for name in figures
            if (topic, name) not in NOT_STORED}


CASES = [(topic, key, day) for topic in SNAPSHOT for key in SNAPSHOT[topic] for day in SNAPSHOT[topic][key]]


def test_the_snapshot_covers_every_dated_topic():
    assert {"minimum_wage", "accommodation_offset", "real_living_wage", "income_tax", "national_insurance",
            "pension", "statutory_sick_pay", "holiday", "retention"} <= set(SNAPSHOT)
    assert len(CASES) > 250


@pytest.mark.parametrize("topic, key, day", CASES)
def test_the_lookup_gives_the_old_figures(topic, key, day):
    on = date.fromisoformat(day)
    old = SNAPSHOT[topic][key][day] or {}
    # An empty string was the old files' way of saying "no such figure on this day".
    present = {name: value for name, value in old.items() if value != "" and (topic, name) not in NOT_STORED}
    for name, value in present.items():
        assert _as_written(rates.value(topic, _new_name(topic, name), on)) == value, f"{topic} {name} on {day}"
    for name in _old_names(topic, key) - set(present):
        assert not rates.known(topic, _new_name(topic, name), on), f"{topic} {name} should not be in force on {day}"


def test_real_living_wage_rate_years_are_as_before():
    old = {}
    for figures in SNAPSHOT["real_living_wage"]["period"].values():
        if figures:
            old[figures["uk"], figures["london"]] = figures["rate_year"]
    new = {(str(r.uk), str(r.london)): r.rate_year for r in living_wage.real_living_wage_rates()}
    assert new == old


def test_accommodation_offset_weekly_maximum_is_as_before():
    for day, figures in SNAPSHOT["accommodation_offset"]["period"].items():
        if figures:
            daily = rates.dec(rates.value("accommodation_offset", "daily", date.fromisoformat(day)))
            assert 7 * daily == rates.dec(figures["weekly"]), day
