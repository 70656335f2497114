"""How long records about a PA are kept, and when a former PA's personal details may be erased.

The periods are data (data/rates/retention.toml), each with its source: DBS summaries and right-to-
work copies after leaving, personnel records after leaving, PAYE records after the tax year, minimum
wage records after the pay period. A former PA's details may be erased once the longest that applies
to them has passed; until then the law (or good practice) says keep them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from pa_manager.domain.rates import group
from pa_manager.domain.tax_year import tax_year_label, tax_year_start

TOPIC = "retention"
LEAVING, TAX_YEAR_END, PAY_PERIOD_END = "leaving", "tax_year_end", "pay_period_end"
KINDS = ("dbs_check", "right_to_work", "personnel", "payroll", "minimum_wage")


@dataclass(frozen=True)
class RetentionRule:
    kind: str
    months: int
    counted_from: str  # LEAVING, TAX_YEAR_END or PAY_PERIOD_END
    evidence: str
    source: str


def rule(kind: str, on: date) -> RetentionRule:
    figures = group(TOPIC, kind, on)
    return RetentionRule(kind, int(figures["months"]), figures["counted_from"], figures.evidence, figures.source)


def keep_until(kind: str, counted_from: date) -> date:
    """The last day a kind of record must (or may) be kept, counting from the day its rule says."""
    return counted_from + relativedelta(months=rule(kind, counted_from).months)


@dataclass(frozen=True)
class ErasableFrom:
    """The first day a former PA's personal details may be erased, and the rule that sets it."""

    on: date
    because: str  # the kind whose period ends last


def erasable_from(leaving_date: date, last_pay_date: date | None, last_period_end: date | None) -> ErasableFrom:
    """The day after the longest keeping period that applies to a former PA ends."""
    ends = {"personnel": keep_until("personnel", leaving_date),
            "right_to_work": keep_until("right_to_work", leaving_date),
            "dbs_check": keep_until("dbs_check", leaving_date)}
    if last_pay_date is not None:
        year_end = tax_year_start(tax_year_label(last_pay_date)) + relativedelta(years=1, days=-1)
        ends["payroll"] = keep_until("payroll", year_end)
    if last_period_end is not None:
        ends["minimum_wage"] = keep_until("minimum_wage", last_period_end)
    kind = max(ends, key=lambda k: (ends[k], -KINDS.index(k)))  # on a tie, the rule listed first
    return ErasableFrom(ends[kind] + relativedelta(days=1), kind)
