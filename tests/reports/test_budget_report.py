"""The budget report and the review letter, made from the demo household and read back as text."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from pa_manager.domain.employer import EmployerRecord
from pa_manager.services import budget, employers
from pa_manager.services.budget_report import build_budget_report, save_budget_report, save_review_letter
from pa_manager.services.errors import ServiceError
from pa_manager.messages import say


def _tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu package poppler-utils)")
    return tool


def _pages(pdf) -> list[str]:
    """Each page's text, runs of spaces made single so a table row reads as one line."""
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return [re.sub(r"[ \t]+", " ", page) for page in out.split("\f") if page.strip()]


def _page_count(pdf) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))


@pytest.fixture
def margaret(demo_db):
    return employers.find_employer(demo_db, "Margaret Okafor").id


def test_the_report_shows_money_in_and_out_by_category_the_gap_and_page_numbers(demo_db, margaret, tmp_path, today):
    path = save_budget_report(demo_db, margaret, "2026-27", tmp_path / "budget.pdf", today)
    pages = _pages(path)
    text = "\n".join(pages)
    assert "Budget report for Margaret Okafor" in text
    assert "This report covers 1 April 2026 to 23 November 2026" in text
    assert "Direct payment from the council £24,786.00" in text
    assert "Total money in £24,786.00" in text
    assert "PAs' take-home pay £17,653.86" in text
    assert "Employer's liability insurance £118.00" in text
    assert "Total money out £20,113.37" in text
    assert "Balance at the end of 23 November 2026 £6,964.26" in text
    summary = budget.budget_summary(demo_db, margaret, "2026-27", today)
    end = f"£{summary.forecast.forecast_year_end_balance:,}"
    assert f"On track The balance on 31 March 2027 is forecast at {end}" in text
    # Rises rounded once: 0.30 / 15.20 = 1.9737%, 0.50 / 12.21 = 4.0950%, 0.85 / 12.60 = 6.7460%.
    assert "2026-27 £15.50 1.97% £12.71 4.10% £13.45 6.75%" in text
    year, coming = summary.uprating.year, summary.uprating.coming
    assert "What an hour costs 2026-27 From 1 April 2027" in text
    assert f"Cost of an hour £{year.hourly_cost} £{coming.hourly_cost}" in text
    assert "The council's rate an hour £15.50 £15.50 if" in text  # one rate a year; next year's "if unchanged"
    assert f"Short by an hour (or to spare) £{year.gap_per_hour} short £{coming.gap_per_hour} short" in text
    assert "Sleep-in nights (52 nights at £60.00)" in text
    assert "Spending by month" in text and "Balance at the end of each month" in text
    for number, page in enumerate(pages, start=1):
        assert "Margaret Okafor" in page and "Budget report, 1 April 2026 to 23 November 2026" in page
        assert f"Page {number} of {len(pages)}" in page


def test_a_quarter_counts_only_its_own_money_and_starts_from_that_days_balance(demo_db, margaret, today):
    report = build_budget_report(demo_db, margaret, "2026-27", today, date(2026, 4, 1), date(2026, 6, 30))
    money_in = dict(report.money_in)
    assert money_in["Direct payment from the council"] == Decimal("11016.00")  # 1 and 29 April, 27 May, 24 June
    assert report.opening_balance == Decimal("2291.63")
    assert [month for month, _ in report.spend_by_month] == ["Apr", "May", "Jun"]
    later = build_budget_report(demo_db, margaret, "2026-27", today, date(2026, 7, 1), date(2026, 9, 30))
    assert later.opening_balance == report.closing_balance


def test_a_period_outside_the_year_is_refused_in_words(demo_db, margaret, today):
    with pytest.raises(ServiceError) as raised:
        build_budget_report(demo_db, margaret, "2026-27", today, date(2026, 3, 1), date(2026, 6, 30))
    assert "1 April 2026 to 31 March 2027" in say(raised.value)


def test_the_letter_is_one_page_naming_the_council_and_the_shortfall(demo_db, margaret, tmp_path, today):
    path = save_review_letter(demo_db, margaret, "2026-27", tmp_path / "letter.pdf", today)
    assert _page_count(path) == 1
    text = " ".join(" ".join(_pages(path)).split())
    assert "Dear Direct Payments team at Ashford Vale Council," in text
    assert "14 Larch Close" in text and "AV1 2QT" in text and "Direct payment reference: DP-204417" in text
    up = budget.uprating(demo_db, margaret, "2026-27", today)
    year, coming = up.year, up.coming
    assert "Request for a review of my direct payment from 1 April 2027" in text
    assert "a rise of 1.97% on the year before" in text and "rose by 4.10%" in text
    assert f"each hour costs me £{year.hourly_cost}: £{year.gap_per_hour} more than you pay" in text
    assert "From 1 April 2027 the National Living Wage is £13.21 an hour (not yet confirmed)" in text
    assert "raising one PA from £11.20 to £11.27 an hour" in text
    # The figure asked for is the year ahead's cost of an hour, and the table shows what it is made of:
    # the legal minimum for each PA's age, pay above it, sleep-ins, then each on-cost, and the total.
    assert f"raise your hourly rate to at least £{coming.hourly_cost}" in text
    assert "Pay at the legal minimum for each PA's age" in text and "Holiday pay (12.07% of pay)" in text
    # (the embedded font is wide enough that this label may wrap within its cell)
    assert re.search(r"Employer's National Insurance after the Employment (Allowance )?£0\.00 £0\.00", text)
    assert f"Total £{coming.total:,} £{coming.hourly_cost}" in text
    assert "Yours faithfully, Margaret Okafor" in text


def test_no_letter_when_there_is_nothing_to_ask_for(db, today):
    employer = employers.save_employer(db, EmployerRecord(name="Ruth Ames", council="Brackenfield Borough Council"))
    budget.save_year(db, employer.id, budget.make_year(label="2026-27", amount=Decimal("600.00"), basis="weekly",
                                                       council_hourly_rate=Decimal("15.00")))
    with pytest.raises(ServiceError) as raised:
        save_review_letter(db, employer.id, "2026-27", "unused.pdf", today)
    assert "rota and hourly rates" in say(raised.value)


def test_a_year_without_published_tax_rates_is_refused_in_words(demo_db, margaret, tmp_path, today):
    year = budget.get_year(demo_db, margaret, "2026-27")
    budget.save_year(demo_db, margaret, budget.make_year(
        label="2030-31", amount=year.amount, basis=year.basis, council_hourly_rate=year.council_hourly_rate))
    with pytest.raises(ServiceError) as raised:
        save_budget_report(demo_db, margaret, "2030-31", tmp_path / "later.pdf", today)
    assert say(raised.value) == ("PA Manager cannot cost the 2030-31 budget year: it does not have the National "
                                 "Insurance rates for the 2030-31 tax year yet – check for an update of PA Manager once "
                                 "they are published.")


def test_a_report_that_cannot_be_made_names_the_real_cause(demo_db, margaret, tmp_path, today):
    # Dates outside the year, and a year not recorded, are their own causes, not missing tax rates.
    with pytest.raises(ServiceError) as raised:
        save_budget_report(demo_db, margaret, "2026-27", tmp_path / "r.pdf", today, date(2026, 3, 1), date(2026, 6, 30))
    assert "Choose dates from 1 April 2026 to 31 March 2027" in say(raised.value)
    with pytest.raises(ServiceError) as raised:
        save_budget_report(demo_db, margaret, "2019-20", tmp_path / "r.pdf", today)
    assert "There is no budget year 2019-20" in say(raised.value)
    # A year before the minimum wage data starts: the words say which figures are missing.
    year = budget.get_year(demo_db, margaret, "2026-27")
    budget.save_year(demo_db, margaret, budget.make_year(label="2015-16", amount=year.amount, basis=year.basis,
                                                         council_hourly_rate=year.council_hourly_rate))
    with pytest.raises(ServiceError) as raised:
        save_budget_report(demo_db, margaret, "2015-16", tmp_path / "r.pdf", today)
    assert say(raised.value) == ("PA Manager cannot cost the 2015-16 budget year: its workplace pension figures start "
                                 "after 31 March 2016, so that year is before what it can work out.")


def test_the_report_shows_the_most_the_sick_pay_scheme_could_cost_beside_the_forecast(db, tmp_path, today):
    # The household of tests/services/test_budget_sick_pay.py, worked by hand there: Ann Cole's scheme could
    # cost £503.50 above SSP and £75.52 employer NI at most in the rest of the year, £579.02.
    from tests.services.test_budget_sick_pay import household_with_scheme

    employer_id, _ = household_with_scheme(db, today)
    pdf = save_budget_report(db, employer_id, "2026-27", tmp_path / "budget.pdf", today)
    text = " ".join(" ".join(_pages(pdf)).split())
    assert "Sick pay If Ann Cole were off sick from 24 November 2026, your sick pay scheme would pay them 5 days" in text
    assert "costing up to £579.02 more than Statutory Sick Pay" in text
    assert "not taken off the forecast balance" in text
    assert "Ann Cole £579.02 Together, at most £579.02" in text
    page = save_budget_report(db, employer_id, "2026-27", tmp_path / "budget.html", today, fmt="html")
    html = " ".join(page.read_text(encoding="utf-8").split())
    assert "<h2>Sick pay</h2>" in html
    assert "costing up to £579.02 more than Statutory Sick Pay" in html
    assert "Sick pay scheme at most, not in the forecast" in html
    assert "£579.02" in html.split("Together, at most", 1)[1]
