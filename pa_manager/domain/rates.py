"""Rates are data: the law's figures as dated timelines, one TOML file per topic in pa_manager/data/rates/.

Every figure is one timeline, read through one lookup (`figure` / `value`). A timeline is an array of
tables named by the figure, oldest first; dotted names group figures ("thresholds.monthly.pt"):

    [[NLW]]
    from = 2026-04-01            # TOML date: in force from this day until the next entry's day
    value = "12.71"              # money and rates as strings (they load as Decimal, never float);
                                 # ages, weeks and months as integers; dates as TOML dates; a band
                                 # schedule as an array of inline tables
    evidence = "G"               # G read in an official copy, S secondary sources only, D derived
                                 # from verified figures, U unverified (the app calls it provisional)
    source = "https://www.gov.uk/national-minimum-wage-rates"
                                 # one https address: the official page (GOV.UK, legislation.gov.uk,
                                 # HMRC manuals, TPR, the Living Wage Foundation) wherever one exists
    also = ["https://..."]       # optional: other pages that give the same figure
    note = "..."                 # optional: for whoever maintains the file (never shown to users)

A new entry is written only when the figure changes, or when it is confirmed for a later period on
other evidence (then it repeats the value with that evidence). An entry with `ended = true` in place of
a value says the figure stops applying that day (the 21-22 band when the NLW age fell to 21). A figure
with no entry in force raises RatesError, as does a date before a timeline's first entry.

Topics confirmed tax year by tax year (income tax, NI, pensions, SSP) carry a `tax_year` timeline
("2026-27" from 6 April 2026, with the source that confirms the year's figures): payroll refuses a
year that is not in it rather than borrow the year before's (tax_year.check_year).

To add a figure (student loan thresholds, say): add its timelines to a topic's file, or a new
<topic>.toml, in this shape, and read it with `value(topic, "name", day)`. The data tests check every
entry's shape, source and evidence without being told about the new file.

Catalogues that are not dated (training courses, Care Certificate standards) are arrays of tables
without `from`; each row still carries its own `source` and `evidence`; `load_topic` reads them.
Files are read once through importlib.resources, so a frozen app finds them too.
"""
from __future__ import annotations

import bisect
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

EVIDENCE = ("U", "D", "S", "G")  # weakest first
ENTRY_KEYS = frozenset({"from", "value", "ended", "evidence", "source", "also", "note"})


class RatesError(LookupError):
    """No rate is known for the date asked (before the first entry, after a figure ended, or a
    missing topic or figure).

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
class Entry:
    """One dated value of one figure: in force from `effective_from` until the next entry's day."""

    effective_from: date
    value: Any           # as written in the file; None when `ended`
    evidence: str
    source: str
    also: tuple[str, ...] = ()
    note: str = ""
    ended: bool = False

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"


def weakest(evidence: Iterable[str]) -> str:
    """The least certain of some evidence marks (U before D before S before G)."""
    return min(evidence, key=EVIDENCE.index, default="G")


def _entry(topic: str, name: str, row: Mapping[str, Any]) -> Entry:
    where = f"{topic}: {name} from {row.get('from')}"
    unknown = set(row) - ENTRY_KEYS
    start = row.get("from")
    if unknown:
        raise RatesError(f"{where} has unknown keys {sorted(unknown)}", topic=topic)
    if not isinstance(start, date) or isinstance(start, datetime):
        raise RatesError(f"{where}: `from` is not a date", topic=topic)
    if row.get("evidence") not in EVIDENCE:
        raise RatesError(f"{where}: evidence {row.get('evidence')!r} is not one of {EVIDENCE}", topic=topic)
    ended = row.get("ended", False) is True
    if ended == ("value" in row):
        raise RatesError(f"{where} needs a value or `ended = true`, not both", topic=topic)
    return Entry(effective_from=start, value=row.get("value"), evidence=row["evidence"], source=row.get("source", ""),
                 also=tuple(row.get("also", ())), note=row.get("note", ""), ended=ended)


def _is_timeline(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(row, dict) and "from" in row for row in value)


def _walk(topic: str, table: Mapping[str, Any], prefix: str, out: dict[str, tuple[Entry, ...]]) -> None:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if _is_timeline(value):
            entries = tuple(_entry(topic, name, row) for row in value)
            for earlier, later in zip(entries, entries[1:]):
                if not earlier.effective_from < later.effective_from:
                    raise RatesError(f"{topic}: {name} entries are not in date order at {later.effective_from}",
                                     topic=topic)
            out[name] = entries
        elif isinstance(value, dict):
            _walk(topic, value, name + ".", out)


@cache
def timelines(topic: str) -> Mapping[str, tuple[Entry, ...]]:
    """Every figure of a topic by its dotted name, each as its entries oldest first (read once: the
    files do not change while the app runs)."""
    out: dict[str, tuple[Entry, ...]] = {}
    _walk(topic, load_topic(topic), "", out)
    return out


def timeline(topic: str, name: str) -> tuple[Entry, ...]:
    try:
        return timelines(topic)[name]
    except KeyError:
        raise RatesError(f"no figure {name} in the {topic} rates", topic=topic) from None


@cache
def _starts(topic: str, name: str) -> tuple[date, ...]:
    return tuple(entry.effective_from for entry in timeline(topic, name))


@lru_cache(maxsize=8192)
def figure(topic: str, name: str, on: date) -> Entry:
    """The one lookup: the entry of a figure in force on a day."""
    index = bisect.bisect_right(_starts(topic, name), on) - 1
    entry = timeline(topic, name)[index] if index >= 0 else None
    if entry is None or entry.ended:
        raise RatesError(f"no {topic} figure {name} is known for {on.isoformat()}", topic=topic, when=on)
    return entry


def value(topic: str, name: str, on: date) -> Any:
    """The value of a figure in force on a day, as written in the file."""
    return figure(topic, name, on).value


def value_or_first(topic: str, name: str, on: date) -> Any:
    """The value in force on the day, or the first one for days before the data starts: for rules
    that were the same long before the first date the app needs (an age, a number of weeks)."""
    return value(topic, name, on) if known(topic, name, on) else timeline(topic, name)[0].value


def known(topic: str, name: str, on: date) -> bool:
    """Whether a figure has a value in force on the day (False before it starts or after it ended)."""
    try:
        figure(topic, name, on)
    except RatesError:
        return False
    return True


def names(topic: str, prefix: str = "") -> tuple[str, ...]:
    """The figures of a topic under a dotted prefix ("thresholds.monthly"), full names."""
    lead = f"{prefix}." if prefix else ""
    return tuple(name for name in timelines(topic) if name.startswith(lead))


def change_dates(topic: str, prefix: str = "") -> tuple[date, ...]:
    """Every day on which a figure under the prefix gains an entry, oldest first."""
    return tuple(sorted({entry.effective_from for name in names(topic, prefix) for entry in timeline(topic, name)}))


@dataclass(frozen=True)
class Group:
    """The figures under one prefix in force on one day (names relative to the prefix)."""

    entries: Mapping[str, Entry]

    @property
    def values(self) -> dict[str, Any]:
        return {name: entry.value for name, entry in self.entries.items()}

    @property
    def evidence(self) -> str:
        return weakest(entry.evidence for entry in self.entries.values())

    @property
    def provisional(self) -> bool:
        return self.evidence == "U"

    @property
    def effective_from(self) -> date:
        """The day the latest of these figures took effect."""
        return max(entry.effective_from for entry in self.entries.values())

    @property
    def source(self) -> str:
        """The source of the newest figure (the page that set the group as it now stands)."""
        return max(self.entries.values(), key=lambda entry: entry.effective_from).source

    def __getitem__(self, name: str) -> Any:
        return self.entries[name].value


def group(topic: str, prefix: str, on: date) -> Group:
    """Every figure under a prefix that is in force on a day. RatesError when none is."""
    lead = f"{prefix}." if prefix else ""
    found = {}
    for name in names(topic, prefix):
        try:
            found[name[len(lead):]] = figure(topic, name, on)
        except RatesError:
            continue
    if not found:
        raise RatesError(f"no {topic} figures {prefix} are known for {on.isoformat()}", topic=topic, when=on)
    return Group(found)
