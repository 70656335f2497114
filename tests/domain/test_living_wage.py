"""Real Living Wage lookups and the National Minimum Care Wage benchmark.

Sources: /work/shared/reference/uk-rates.md section 2 (Living Wage Foundation rates, announced and
implement-by dates, with the sources named there); the care wage benchmark is the National Living
Wage plus a user-set amount, £2.00 by default (Reinventing Social Care campaign).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain import living_wage as lw

# rate year, UK, London, announced, implement by, evidence — one row per year in ref section 2
RLW = [
    ("2016/17", "8.45", "9.75", date(2016, 10, 31), date(2017, 4, 30), "D"),   # fmj; pay-by = announced + 6 months
    ("2017/18", "8.75", "10.20", date(2017, 11, 6), date(2018, 5, 6), "D"),    # standard.co.uk; unison
    ("2018/19", "9.00", "10.55", date(2018, 11, 5), date(2019, 5, 5), "D"),    # LWF news 2018
    ("2019/20", "9.30", "10.75", date(2019, 11, 11), date(2020, 5, 11), "D"),  # payadvice: "until May" 2020
    ("2020/21", "9.50", "10.85", date(2020, 11, 9), date(2021, 5, 9), "S"),    # CIPP
    ("2021/22", "9.90", "11.05", date(2021, 11, 15), date(2022, 5, 15), "S"),  # LWF news; CIPP
    ("2022/23", "10.90", "11.95", date(2022, 9, 22), date(2023, 5, 14), "S"),  # brightmine
    ("2023/24", "12.00", "13.15", date(2023, 10, 24), date(2024, 5, 1), "G"),  # LWF FAQ
    ("2024/25", "12.60", "13.85", date(2024, 10, 23), date(2025, 5, 1), "S"),  # upday; employeebenefits
    ("2025/26", "13.45", "14.80", date(2025, 10, 22), date(2026, 5, 1), "S"),  # independent; moneywellness
]


@pytest.mark.parametrize("row", RLW, ids=[r[0] for r in RLW])
def test_every_real_living_wage_year(row):
    year, uk, london, announced, pay_by, evidence = row
    (entry,) = [e for e in lw.real_living_wage_rates() if e.rate_year == year]
    assert (entry.uk, entry.london, entry.announced, entry.implement_by, entry.evidence) == \
        (D(uk), D(london), announced, pay_by, evidence)
    assert entry.rate(london=False) == D(uk) and entry.rate(london=True) == D(london)
    assert not entry.provisional and entry.source


def test_no_year_is_invented():
    assert [e.rate_year for e in lw.real_living_wage_rates()] == [r[0] for r in RLW]


@pytest.mark.parametrize("on, latest, required", [
    pytest.param(date(2016, 10, 30), None, None, id="before the first stored announcement"),
    pytest.param(date(2016, 10, 31), "2016/17", None, id="announced; the earlier rate is not stored"),
    pytest.param(date(2017, 4, 30), "2016/17", "2016/17", id="derived pay-by date reached"),
    pytest.param(date(2024, 10, 23), "2024/25", "2023/24", id="announcement day: new rate announced, old required"),
    pytest.param(date(2025, 4, 30), "2024/25", "2023/24", id="day before pay-by"),
    pytest.param(date(2025, 5, 1), "2024/25", "2024/25", id="LWF: all staff on 12.60 by 1 May 2025"),
    pytest.param(date(2026, 11, 30), "2025/26", "2025/26", id="2026/27 unknown: latest known stays"),
])
def test_latest_announced_and_required(on, latest, required):
    got_latest = lw.latest_announced(on)
    got_required = lw.required_on(on)
    assert (got_latest.rate_year if got_latest else None) == latest
    assert (got_required.rate_year if got_required else None) == required


@pytest.mark.parametrize("on, pending", [
    pytest.param(date(2025, 10, 21), None, id="nothing pending before the announcement"),
    pytest.param(date(2025, 10, 22), "2025/26", id="pending from the announcement"),
    pytest.param(date(2026, 4, 30), "2025/26", id="pending until the day before pay-by"),
    pytest.param(date(2026, 5, 1), None, id="due: no longer pending"),
])
def test_pending_on(on, pending):
    got = lw.pending_on(on)
    assert (got.rate_year if got else None) == pending


def test_default_care_wage_uplift_is_two_pounds():
    assert lw.DEFAULT_CARE_WAGE_UPLIFT == D("2.00")


def test_negative_uplift_rejected():
    with pytest.raises(ValueError):
        lw.care_wage_benchmark(D("12.21"), D("-1"))
