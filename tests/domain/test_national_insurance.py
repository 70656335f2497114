"""Class 1 NI against every in-scope row of HMRC's 2025-26 NIC test data, the worked examples of
uk-rates.md, HMRC's rounding rule, and the Employment Allowance."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain.national_insurance import (
    CATEGORIES,
    NIError,
    calculate_ni,
    claim_employment_allowance,
    employment_allowance,
    ni_round,
    thresholds,
)
from pa_manager.domain.pay_frequency import PayFrequency

W, F, FW, M = PayFrequency.WEEKLY, PayFrequency.FORTNIGHTLY, PayFrequency.FOUR_WEEKLY, PayFrequency.MONTHLY
IN_SCOPE = set("ABCHJMZ")   # PA employers: no directors, freeports, investment zones or veterans
FREQUENCY = {"Weekly": W, "Fortnightly": F, "FourWeekly": FW, "Monthly": M}


DATA = Path(__file__).parents[1] / "data" / "hmrc"  # HMRC's own test data, copied with its source


def _hmrc_rows() -> list[dict]:
    with open(DATA / "ni-2025-26.json", encoding="utf-8") as handle:
        rows = json.load(handle, parse_float=Decimal)
    return [row for row in rows if row["NiCategory"] in IN_SCOPE]


ROWS = _hmrc_rows()


def _money(value) -> Decimal:
    return Decimal(str(value))


def test_every_in_scope_row_is_loaded():
    assert len(ROWS) == 392
    assert {row["NiCategory"] for row in ROWS} == IN_SCOPE


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['TestIdentifier']}:{r['PayFrequency']}:{r['GrossPay']}" for r in ROWS])
def test_hmrc_ni_test_data(row):
    result = calculate_ni(tax_year="2025-26", frequency=FREQUENCY[row["PayFrequency"]],
                          gross_pay=_money(row["GrossPay"]), category=row["NiCategory"])
    assert result.employee == _money(row["EmployeeNiContribution"])
    assert result.employer == _money(row["EmployerNiContribution"])
    assert result.total == _money(row["TotalNiContribution"])
    assert result.earnings_at_lel == _money(row["EarningsAtLEL_YTD"])
    assert result.earnings_lel_to_pt == _money(row["EarningsLELtoPT_YTD"])
    assert result.earnings_pt_to_uel == _money(row["EarningsPTtoUEL_YTD"])


@pytest.mark.parametrize("name, frequency, gross, employee, employer", [
    # uk-rates.md "Worked examples" (c), 2026-27, category A.
    ("monthly 2,000", M, "2000.00", "76.16", "237.45"),
    ("weekly 300", W, "300.00", "4.64", "30.60"),
])
def test_worked_examples_2026_27(name, frequency, gross, employee, employer):
    result = calculate_ni(tax_year="2026-27", frequency=frequency, gross_pay=Decimal(gross), category="A")
    assert (result.employee, result.employer) == (Decimal(employee), Decimal(employer))


@pytest.mark.parametrize("amount, rounded", [
    # payroll-methods.md: only the third decimal place counts; 5 or less down, 6 or more up.
    ("0.0056", "0.00"),
    ("0.0064", "0.01"),
    ("26.825", "26.82"),
    ("26.826", "26.83"),
    ("26.8259", "26.82"),
    ("0.006", "0.01"),
    ("130.656", "130.66"),
    ("130.5975", "130.60"),
    ("0", "0.00"),
])
def test_ni_rounding(amount, rounded):
    assert ni_round(Decimal(amount)) == Decimal(rounded)


@pytest.mark.parametrize("year, frequency, lel, pt, st_, uel", [
    ("2024-25", W, 123, 242, 175, 967),
    ("2024-25", F, 246, 484, 350, 1934),
    ("2024-25", FW, 492, 967, 700, 3867),
    ("2024-25", M, 533, 1048, 758, 4189),
    ("2025-26", F, 250, 484, 193, 1934),    # 193, not 2 x 96
    ("2025-26", FW, 500, 967, 385, 3867),   # 967, not 4 x 242
    ("2026-27", W, 129, 242, 96, 967),
    ("2026-27", F, 258, 484, 193, 1934),
    ("2026-27", FW, 516, 967, 385, 3867),
    ("2026-27", M, 559, 1048, 417, 4189),
])
def test_per_period_thresholds(year, frequency, lel, pt, st_, uel):
    t = thresholds(year, frequency)
    assert (t.lel, t.pt, t.st, t.uel) == (lel, pt, st_, uel)
    assert t.ust == t.aust == t.uel


def test_2024_25_rates():
    result = calculate_ni(tax_year="2024-25", frequency=M, gross_pay=Decimal("2000.00"), category="A")
    assert result.employee == Decimal("76.16")                       # (2000 - 1048) x 8%
    assert result.employer == Decimal("171.40")                      # (2000 - 758) x 13.8% = 171.396
    assert employment_allowance("2024-25") == Decimal("5000.00")
    assert employment_allowance("2025-26") == employment_allowance("2026-27") == Decimal("10500.00")


@pytest.mark.parametrize("category, employee, employer", [
    # Monthly 5,000 in 2025-26: main band 1048-4189, 811 above the UEL; employer above 417 or 4189.
    ("A", "267.50", "687.45"),   # 3141 x 8% + 811 x 2%; 4583 x 15%
    ("B", "74.33", "687.45"),    # 3141 x 1.85% = 58.1085 -> 58.11; + 16.22
    ("C", "0.00", "687.45"),
    ("H", "267.50", "121.65"),   # employer only above the AUST: 811 x 15%
    ("J", "79.04", "687.45"),    # 3141 x 2% + 811 x 2%
    ("M", "267.50", "121.65"),
    ("Z", "79.04", "121.65"),
])
def test_category_rules(category, employee, employer):
    result = calculate_ni(tax_year="2025-26", frequency=M, gross_pay=Decimal("5000.00"), category=category)
    assert (result.employee, result.employer) == (Decimal(employee), Decimal(employer))
    assert result.earnings_above_uel == Decimal("811.00")


@pytest.mark.parametrize("category", ["X", "V", "F", "", "AA", "1"])
def test_unknown_category(category):
    with pytest.raises(NIError) as err:
        calculate_ni(tax_year="2025-26", frequency=M, gross_pay=Decimal("100"), category=category)
    assert err.value.code == "NI_CATEGORY_UNKNOWN"
    assert isinstance(err.value, ValueError)


def test_lower_case_category_and_negative_pay():
    assert calculate_ni(tax_year="2025-26", frequency=M, gross_pay=Decimal("2000"), category="a").category == "A"
    with pytest.raises(NIError) as err:
        calculate_ni(tax_year="2025-26", frequency=M, gross_pay=Decimal("-1"), category="A")
    assert err.value.code == "NEGATIVE_PAY"


@pytest.mark.parametrize("due, used, annual, claimed, payable, remaining", [
    ("300.00", "0.00", "10500.00", "300.00", "0.00", "10200.00"),
    ("300.00", "10400.00", "10500.00", "100.00", "200.00", "0.00"),
    ("300.00", "10500.00", "10500.00", "0.00", "300.00", "0.00"),
    ("0.00", "0.00", "10500.00", "0.00", "0.00", "10500.00"),
    ("5000.00", "0.00", "5000.00", "5000.00", "0.00", "0.00"),
])
def test_employment_allowance_claim(due, used, annual, claimed, payable, remaining):
    claim = claim_employment_allowance(employer_ni_due=Decimal(due), allowance_used=Decimal(used),
                                       annual_allowance=Decimal(annual))
    assert (claim.claimed, claim.payable, claim.remaining) == (Decimal(claimed), Decimal(payable), Decimal(remaining))


def test_employment_allowance_refuses_negative_amounts():
    with pytest.raises(NIError) as err:
        claim_employment_allowance(employer_ni_due=Decimal("-1"), allowance_used=Decimal("0"),
                                   annual_allowance=Decimal("10500"))
    assert err.value.code == "NEGATIVE_AMOUNT"


pay = st.decimals(min_value=0, max_value=20000, places=2)


@given(pay, st.sampled_from(CATEGORIES), st.sampled_from([W, F, FW, M]), st.sampled_from(["2024-25", "2025-26", "2026-27"]))
def test_earnings_bands_add_up(gross, category, frequency, year):
    result = calculate_ni(tax_year=year, frequency=frequency, gross_pay=gross, category=category)
    bands = result.earnings_at_lel + result.earnings_lel_to_pt + result.earnings_pt_to_uel + result.earnings_above_uel
    if result.earnings_at_lel:
        assert bands == gross
    else:
        assert bands == 0 and gross < thresholds(year, frequency).lel


@given(pay, st.decimals(min_value=0, max_value=1000, places=2), st.sampled_from(CATEGORIES),
       st.sampled_from([W, F, FW, M]))
def test_ni_never_falls_when_pay_rises(gross, rise, category, frequency):
    lower = calculate_ni(tax_year="2026-27", frequency=frequency, gross_pay=gross, category=category)
    higher = calculate_ni(tax_year="2026-27", frequency=frequency, gross_pay=gross + rise, category=category)
    assert lower.employee <= higher.employee
    assert lower.employer <= higher.employer


@given(st.lists(st.decimals(min_value=0, max_value=2000, places=2), max_size=20))
def test_allowance_claims_over_a_year_never_exceed_the_allowance(dues):
    used = Decimal("0.00")
    for due in dues:
        claim = claim_employment_allowance(employer_ni_due=due, allowance_used=used, annual_allowance=Decimal("10500"))
        assert claim.claimed + claim.payable == due
        used += claim.claimed
    assert used == min(sum(dues, Decimal("0")), Decimal("10500"))
