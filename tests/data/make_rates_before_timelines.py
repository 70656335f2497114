"""Made once, with the rates loader as it was before the figures became timelines (commit 2970b25):
every figure the old [[period]] tables gave, on every date the rates data names, the day before each,
and one later day (1 June 2030).

    python tests/data/make_rates_before_timelines.py tests/data/rates_before_timelines.json

Each dated array of tables in a topic ([[period]], [[irregular_hours]], ...) is asked for the entry in
force on each date; its figures are flattened to dotted names ("thresholds.monthly.pt"; a figure of
an array other than [[period]] is prefixed with the array's name: "irregular_hours.accrual_rate").
Lists (tax bands) are kept whole. Dates are written as ISO strings; `null` means no entry was in force.
Notes are left out: they are words for the maintainer, not figures.
"""
import json
import sys
from datetime import date, timedelta

from pa_manager.domain import rates


def flatten(figures: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif key not in ("note", "notes"):
            out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def dates_named(value) -> set[date]:
    if isinstance(value, date):
        return {value}
    if isinstance(value, dict):
        return set().union(*(dates_named(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(dates_named(v) for v in value)) if value else set()
    return set()


LATER = date(2030, 6, 1)  # after every date in the data: the last entries still in force
snapshot = {}
for topic in rates.topics():
    doc = rates.load_topic(topic)
    keys = [key for key, value in doc.items() if isinstance(value, list) and value
            and all(isinstance(row, dict) and "effective_from" in row for row in value)]
    if not keys:
        continue
    days = sorted({d + timedelta(days=shift) for d in dates_named(doc) for shift in (-1, 0)} | {LATER})
    snapshot[topic] = {}
    for key in keys:
        entries = rates.periods(topic, key)
        prefix = "" if key == "period" else f"{key}."
        by_day = {}
        for day in days:
            try:
                entry = rates.in_force(entries, day)
            except rates.RatesError:
                by_day[day.isoformat()] = None
                continue
            by_day[day.isoformat()] = flatten(entry.figures, prefix)
        snapshot[topic][key] = by_day

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(snapshot, out, indent=1, sort_keys=True)
    out.write("\n")
