"""Rates are data: one TOML file per topic in pa_manager/data/rates/, each figure with a source.

File shape (every topic follows it):

    title = "National Minimum Wage and National Living Wage"

    [[period]]
    effective_from = 2026-04-01      # TOML date; the period runs until the next one starts
    evidence = "G"                   # G official, S secondary, D derived, U unverified (provisional)
    source = "https://www.gov.uk/national-minimum-wage-rates"
    # ... the figures, money and percentages written as strings ("12.71") so they load as Decimal

A topic may instead hold other top-level arrays of tables; each table still carries `source` and
`evidence`. Files are read once through importlib.resources, so a frozen app finds them too.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Sequence


class RatesError(LookupError):
    """No rate is known for the date asked (before the first period, or a missing topic).

    `topic` names the rates file ("national_insurance"), `when` the tax year ("2030-31") or the day
    (a date) asked about, where the raiser knows them, so the words can name the real cause."""

    def __init__(self, message: str, *, topic: str = "", when: str | date | None = None) -> None:
        super().__init__(message)
        self.topic = topic
        self.when = when


@cache
def load_topic(topic: str) -> dict[str, Any]:
    """The parsed TOML of data/rates/<topic>.toml."""
    path = resources.files("pa_manager.data.rates") / f"{topic}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RatesError(f"no rates file for {topic}", topic=topic) from None
    return tomllib.loads(text)


def topics() -> list[str]:
    """Every rates topic shipped with the app."""
    folder = resources.files("pa_manager.data.rates")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def dec(value: Any) -> Decimal:
    """A figure from a rates file as Decimal; figures are strings so no float ever creeps in."""
    if isinstance(value, float):
        raise TypeError(f"rates figure {value!r} is a float; write it as a string")
    return Decimal(str(value))


@dataclass(frozen=True)
class Period:
    """One dated entry of a topic, with its figures left as the raw table."""

    effective_from: date
    evidence: str
    source: str
    figures: dict[str, Any]

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"


@cache
def periods(topic: str, key: str = "period") -> tuple[Period, ...]:
    """The dated entries of a topic, oldest first (read once: the files do not change while running)."""
    rows = load_topic(topic).get(key, [])
    out = [
        Period(
            effective_from=row["effective_from"],
            evidence=row["evidence"],
            source=row["source"],
            figures={k: v for k, v in row.items() if k not in {"effective_from", "evidence", "source"}},
        )
        for row in rows
    ]
    return tuple(sorted(out, key=lambda p: p.effective_from))


def in_force(entries: Sequence[Period], on: date, *, include_provisional: bool = True, topic: str = "") -> Period:
    """The entry in force on a date: the last one whose effective_from is on or before it (`topic`
    only names the rates in the RatesError when there is none)."""
    found = None
    for entry in entries:
        if entry.effective_from > on:
            break
        if entry.provisional and not include_provisional:
            continue
        found = entry
    if found is None:
        raise RatesError(f"no rate is known for {on.isoformat()}", topic=topic, when=on)
    return found
