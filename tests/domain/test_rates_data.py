"""Every rates file in pa_manager/data/rates keeps the shape pa_manager/domain/rates.py describes.

Generic over rates.topics(), so a topic added later (student loan thresholds, say) is checked without
touching this file: every figure is a timeline of dated entries, each with an evidence mark and one
https source (official wherever the mark says it was read in an official copy); catalogue rows carry
the same; no figure is a float; no source is a local file or a mirror; nothing in a rates file points
at a file on the developer's machine. Topic-specific checks follow for the minimum wage, the
accommodation offset and the Real Living Wage.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from pa_manager.domain import rates

TOPICS = rates.topics()
FIGURES = [(topic, name) for topic in TOPICS for name in rates.timelines(topic)]
ENTRIES = [(topic, name, entry) for topic, name in FIGURES for entry in rates.timeline(topic, name)]

URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")
# The public bodies whose pages count as official (G): GOV.UK and its publishing host,
# legislation.gov.uk, HMRC, Parliament, the Pensions Regulator, Acas, HSE, DBS, the NHS, Skills for
# Care and the Living Wage Foundation.
OFFICIAL_HOSTS = ("gov.uk", "hmrc.gov.uk", "parliament.uk", "thepensionsregulator.gov.uk", "acas.org.uk",
                  "livingwage.org.uk", "skillsforcare.org.uk", "nhs.uk")
# Copies of official pages: fine to list under `also` (where the figure was read), never the source.
MIRRORS = ("govdiff.njk.onl", "movatter.jp", "crimeline.co.uk", "cheonmugeuk.org", "helgadonf.com",
           "sasastunts.com", "events2join.com", "cwgrowthhub.co.uk")
# Figures with no published source at all; each is marked U and says why in its note. Adding to this
# list is a decision, not a fix.
WITHOUT_SOURCE = {("care_wage", "uplift")}


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _official(url: str) -> bool:
    host = _host(url)
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


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


def _catalogue_rows(topic: str):
    """Rows of the undated arrays of tables (training courses, Care Certificate standards)."""
    for key, value in rates.load_topic(topic).items():
        if isinstance(value, list) and value and all(isinstance(row, dict) and "from" not in row for row in value):
            for i, row in enumerate(value):
                yield f"{topic}.{key}[{i}]", row


def test_there_are_topics_and_figures():
    assert {"minimum_wage", "accommodation_offset", "real_living_wage", "income_tax", "national_insurance",
            "pension", "statutory_sick_pay", "holiday", "retention", "care_wage"} <= set(TOPICS)
    assert len(FIGURES) > 100


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_parses_and_holds_timelines_or_a_catalogue(topic):
    assert rates.timelines(topic) or list(_catalogue_rows(topic)), f"{topic} has neither"


@pytest.mark.parametrize("topic", TOPICS)
def test_no_figure_is_a_float(topic):
    found = list(_floats(rates.load_topic(topic), topic))
    assert not found, f"floats (write figures as strings): {found}"


@pytest.mark.parametrize("topic, name, entry", ENTRIES, ids=lambda x: str(getattr(x, "effective_from", x)))
def test_every_entry_has_an_evidence_mark_and_an_https_source(topic, name, entry):
    where = f"{topic} {name} from {entry.effective_from}"
    assert entry.evidence in rates.EVIDENCE, where
    assert isinstance(entry.effective_from, date) and not isinstance(entry.effective_from, datetime)
    if (topic, name) in WITHOUT_SOURCE:
        assert entry.source == "" and entry.evidence == "U" and entry.note, f"{where}: say why there is no source"
        return
    assert URL.match(entry.source) and entry.source.startswith("https://"), f"{where}: source {entry.source!r}"
    assert _host(entry.source) not in MIRRORS, f"{where}: cite the official page, not a copy of it"
    if entry.evidence == "G":
        assert _official(entry.source), f"{where}: marked G (official) but cites {_host(entry.source)}"
    for other in entry.also:
        assert URL.match(other), f"{where}: also {other!r} is not a web address"


@pytest.mark.parametrize("topic, name", FIGURES)
def test_every_timeline_runs_forward_and_starts_with_a_value(topic, name):
    entries = rates.timeline(topic, name)
    assert not entries[0].ended, f"{topic} {name} starts with an end"
    starts = [entry.effective_from for entry in entries]
    assert starts == sorted(set(starts)), f"{topic} {name}: dates repeat or go backwards"
    for entry in entries:
        assert entry.ended or entry.value is not None


@pytest.mark.parametrize("topic", TOPICS)
def test_catalogue_rows_have_an_evidence_mark_and_an_https_source(topic):
    for where, row in _catalogue_rows(topic):
        assert row.get("evidence") in rates.EVIDENCE, where
        source = row.get("source", "")
        assert URL.match(source) and source.startswith("https://"), f"{where}: source {source!r}"
        assert _host(source) not in MIRRORS, where
        if row["evidence"] == "G":
            assert _official(source), f"{where}: marked G but cites {_host(source)}"


@pytest.mark.parametrize("topic", TOPICS)
def test_no_rates_file_points_at_a_local_file(topic):
    from importlib import resources
    text = (resources.files("pa_manager.data.rates") / f"{topic}.toml").read_text(encoding="utf-8")
    for local in ("/work/", "file:", "uk-rates.md", "C:\\", "~/"):
        assert local not in text, f"{topic}.toml mentions {local!r}"


def test_the_loader_refuses_a_malformed_entry():
    bad = {"from": date(2026, 4, 6), "evidence": "G", "source": "https://www.gov.uk/x"}
    with pytest.raises(rates.RatesError, match="value"):
        rates._entry("t", "f", bad)
    with pytest.raises(rates.RatesError, match="evidence"):
        rates._entry("t", "f", {**bad, "value": "1", "evidence": "maybe"})
    with pytest.raises(rates.RatesError, match="unknown keys"):
        rates._entry("t", "f", {**bad, "value": "1", "sauce": "x"})


def test_the_lookup_follows_the_timeline():
    # The NLW: 12.21 from 1 April 2025, 12.71 from 1 April 2026 (GOV.UK), provisional 13.21 in 2027.
    assert rates.value("minimum_wage", "NLW", date(2026, 3, 31)) == "12.21"
    assert rates.value("minimum_wage", "NLW", date(2026, 4, 1)) == "12.71"
    assert rates.figure("minimum_wage", "NLW", date(2027, 4, 1)).provisional
    # The 21-22 band ended when the NLW age fell to 21 on 1 April 2024.
    assert rates.value("minimum_wage", "21-22", date(2024, 3, 31)) == "10.18"
    assert not rates.known("minimum_wage", "21-22", date(2024, 4, 1))
    with pytest.raises(rates.RatesError):
        rates.value("minimum_wage", "NLW", date(2016, 3, 31))
    with pytest.raises(rates.RatesError):
        rates.value("minimum_wage", "no such figure", date(2026, 4, 1))
    group = rates.group("national_insurance", "thresholds.monthly", date(2026, 5, 1))
    assert group.values == {"lel": "559", "pt": "1048", "st": "417", "uel": "4189", "ust": "4189", "aust": "4189"}


# --- topic-specific checks ----------------------------------------------------------------------

def _bands_expected(nlw_age: int) -> set[str]:
    """The bands in force under an NLW age threshold: the 21-band runs from 21 to nlw_age - 1."""
    bands = {"NLW", "18-20", "under-18", "apprentice"}
    if nlw_age > 21:
        bands.add(f"21-{nlw_age - 1}")
    return bands


MINIMUM_WAGE_DAYS = rates.change_dates("minimum_wage")


@pytest.mark.parametrize("day", MINIMUM_WAGE_DAYS)
def test_minimum_wage_defines_every_band_in_force(day):
    table = rates.group("minimum_wage", "", day)
    nlw_age = table["nlw_age"]
    assert isinstance(nlw_age, int) and nlw_age in (21, 23, 25), f"{day}: nlw_age {nlw_age!r}"
    bands = {name for name in table.entries if name in {"NLW", "21-24", "21-22", "18-20", "under-18", "apprentice"}}
    assert bands == _bands_expected(nlw_age), f"{day}: bands {sorted(bands)}"
    for band in bands:
        assert isinstance(table[band], str) and Decimal(table[band]) > 0, f"{day} {band}"
    chain = ["NLW", f"21-{nlw_age - 1}", "18-20", "under-18", "apprentice"]
    values = [Decimal(table[b]) for b in chain if b in table.entries]
    assert values == sorted(values, reverse=True), f"{day}: rates out of order {values}"
    assert table["school_leaving_age"] < table["development_band_age"] < table["adult_band_age"] <= nlw_age


def test_minimum_wage_history_is_complete():
    expected = [date(2016, 4, 1), date(2016, 10, 1)] + [date(y, 4, 1) for y in range(2017, 2028)]
    assert list(MINIMUM_WAGE_DAYS) == expected


def test_only_unannounced_minimum_wage_rates_are_provisional():
    provisional = sorted({entry.effective_from for name in rates.names("minimum_wage")
                          for entry in rates.timeline("minimum_wage", name) if entry.provisional})
    assert provisional == [date(2027, 4, 1)]
    assert rates.figure("minimum_wage", "NLW", date(2027, 4, 1)).note


def test_accommodation_offset_covers_every_minimum_wage_date():
    assert rates.timeline("accommodation_offset", "daily")[0].effective_from <= MINIMUM_WAGE_DAYS[0]


def test_real_living_wage_entries():
    announced = [entry.effective_from for entry in rates.timeline("real_living_wage", "uk")]
    assert announced == [entry.effective_from for entry in rates.timeline("real_living_wage", "london")]
    assert announced == [entry.effective_from for entry in rates.timeline("real_living_wage", "implement_by")]
    pay_by = [entry.value for entry in rates.timeline("real_living_wage", "implement_by")]
    assert pay_by == sorted(set(pay_by)), "implement-by dates must strictly increase"
    for day, by in zip(announced, pay_by):
        assert isinstance(by, date) and by > day
        assert Decimal(rates.value("real_living_wage", "london", day)) > Decimal(rates.value("real_living_wage", "uk", day))
    for entry in rates.timeline("real_living_wage", "implement_by"):
        if entry.evidence == "D":
            assert entry.note, f"{entry.effective_from}: a derived entry must say why"


@pytest.mark.parametrize("topic", ["income_tax", "national_insurance", "pension", "statutory_sick_pay"])
def test_tax_year_topics_name_each_year_from_6_april(topic):
    for entry in rates.timeline(topic, "tax_year"):
        start = entry.effective_from
        assert (start.month, start.day) == (4, 6)
        assert entry.value == f"{start.year}-{(start.year + 1) % 100:02d}"
