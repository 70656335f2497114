"""Every rates file in pa_manager/data/rates keeps the convention in pa_manager/domain/rates.py.

Generic over rates.topics(), so a topic added later is checked without touching this file:
every table in a top-level array carries a source and an evidence mark, no figure is a float,
and [[period]] dates strictly increase (no two periods start on the same day, so none overlap; each
runs until the next starts, so there are no gaps). The minimum wage file is also checked for band
coverage: each period defines exactly the bands in force under its NLW age threshold.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from pa_manager.domain import rates

TOPICS = rates.topics()
# The marks rates.py's docstring names: official, secondary, derived, unverified.
EVIDENCE_MARKS = {"G", "S", "D", "U"}


def _arrays_of_tables(doc: dict) -> dict[str, list[dict]]:
    """Top-level arrays whose items are tables ([[period]] and the like)."""
    return {key: value for key, value in doc.items()
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)}


def _floats(value, path: str):
    """Paths of every float anywhere in a parsed TOML value."""
    if isinstance(value, float):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _floats(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _floats(item, f"{path}[{i}]")


def test_there_are_topics():
    assert {"minimum_wage", "accommodation_offset", "real_living_wage"} <= set(TOPICS)


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_parses_and_has_tables(topic):
    doc = rates.load_topic(topic)
    assert _arrays_of_tables(doc), f"{topic} has no [[...]] tables"


@pytest.mark.parametrize("topic", TOPICS)
def test_every_table_has_source_and_evidence(topic):
    for key, tables in _arrays_of_tables(rates.load_topic(topic)).items():
        for i, table in enumerate(tables):
            where = f"{topic}.{key}[{i}]"
            source = table.get("source")
            assert isinstance(source, str) and source.strip(), f"{where} has no source"
            assert table.get("evidence") in EVIDENCE_MARKS, f"{where} evidence {table.get('evidence')!r}"


@pytest.mark.parametrize("topic", TOPICS)
def test_no_figure_is_a_float(topic):
    found = list(_floats(rates.load_topic(topic), topic))
    assert not found, f"floats (write figures as strings): {found}"


DATED = [(topic, key) for topic in TOPICS for key, tables in _arrays_of_tables(rates.load_topic(topic)).items()
         if all("effective_from" in t for t in tables)]


@pytest.mark.parametrize("topic, key", DATED)
def test_dated_tables_start_on_strictly_increasing_dates(topic, key):
    starts = [row.get("effective_from") for row in rates.load_topic(topic)[key]]
    for i, start in enumerate(starts):
        assert isinstance(start, date) and not isinstance(start, datetime), \
            f"{topic}.{key}[{i}].effective_from {start!r} is not a date"
    for earlier, later in zip(starts, starts[1:]):
        assert earlier < later, f"{topic}.{key}: {later} does not come after {earlier} (overlap or out of order)"


@pytest.mark.parametrize("topic, key", DATED)
def test_dated_tables_load_through_rates_module(topic, key):
    loaded = rates.periods(topic, key)
    assert loaded
    assert rates.in_force(loaded, loaded[-1].effective_from) == loaded[-1]


# --- topic-specific checks for the files this module's author owns ---------------------------------

def _bands_expected(nlw_age: int) -> set[str]:
    """The bands in force under an NLW age threshold: the 21-band runs from 21 to nlw_age - 1."""
    bands = {"NLW", "18-20", "under-18", "apprentice"}
    if nlw_age > 21:
        bands.add(f"21-{nlw_age - 1}")
    return bands


def test_minimum_wage_periods_define_every_band_in_force():
    known_bands = {"NLW", "21-24", "21-22", "18-20", "under-18", "apprentice"}
    for row in rates.load_topic("minimum_wage")["period"]:
        where = row["effective_from"]
        nlw_age = row["nlw_age"]
        assert isinstance(nlw_age, int) and nlw_age in (21, 23, 25), f"{where}: nlw_age {nlw_age!r}"
        bands = {key for key in row if key in known_bands}
        assert bands == _bands_expected(nlw_age), f"{where}: bands {sorted(bands)}"
        for band in bands:
            assert isinstance(row[band], str), f"{where} {band} is not a string"
            assert Decimal(row[band]) > 0
        # The order of the floors: NLW >= 21-band >= 18-20 >= under-18 >= apprentice.
        chain = ["NLW", f"21-{nlw_age - 1}", "18-20", "under-18", "apprentice"]
        values = [Decimal(row[b]) for b in chain if b in row]
        assert values == sorted(values, reverse=True), f"{where}: rates out of order {values}"


def test_minimum_wage_history_is_complete():
    starts = [p.effective_from for p in rates.periods("minimum_wage")]
    expected = [date(2016, 4, 1), date(2016, 10, 1)] + [date(y, 4, 1) for y in range(2017, 2028)]
    assert starts == expected


def test_only_unannounced_minimum_wage_rates_are_provisional():
    provisional = [p.effective_from for p in rates.periods("minimum_wage") if p.provisional]
    assert provisional == [date(2027, 4, 1)]
    assert rates.periods("minimum_wage")[-1].figures.get("note")


def test_accommodation_weekly_is_seven_days():
    for p in rates.periods("accommodation_offset"):
        assert rates.dec(p.figures["weekly"]) == 7 * rates.dec(p.figures["daily"]), p.effective_from


def test_accommodation_offset_covers_every_minimum_wage_period():
    first_offset = rates.periods("accommodation_offset")[0].effective_from
    assert first_offset <= rates.periods("minimum_wage")[0].effective_from


def test_real_living_wage_entries():
    entries = rates.periods("real_living_wage")
    pay_by = [p.figures["implement_by"] for p in entries]
    assert pay_by == sorted(set(pay_by)), "implement-by dates must strictly increase"
    for p in entries:
        assert isinstance(p.figures["implement_by"], date)
        assert p.figures["implement_by"] > p.effective_from, p.figures["rate_year"]
        assert rates.dec(p.figures["london"]) > rates.dec(p.figures["uk"])
        if p.evidence == "D":
            assert p.figures.get("note"), f"{p.figures['rate_year']}: a derived entry must say why"
