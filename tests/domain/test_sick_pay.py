"""Statutory Sick Pay: PIWs, linking, waiting days, the earnings condition, the April 2026 reform and
its transition, daily rates and rounding, the 28-week and 3-year limits.

Each table row names where its expected answer comes from. Qualifying days are date.weekday()
numbers: Monday = 0.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pa_manager.domain import rates
from pa_manager.domain import sick_pay as s
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.rates import RatesError

MON_FRI = range(5)
EVERY_DAY = range(7)
HIGH_AWE = D("500")


def span(first: date, days: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(days)]


def run(sick, qds=MON_FRI, awe=HIGH_AWE, start=None, end=None, history=()):
    sick = list(sick)
    return s.ssp_for_period(sick, qds, awe, start or min(sick), end or max(sick), history)


# --- rules from the rates file ------------------------------------------------------------------------

@pytest.mark.parametrize("on, weekly, waiting, lel, cap, piw, source", [
    (date(2024, 4, 6), "116.75", 3, "123", None, 4, "Up-rating Order 2024; LEL GOV-RT24"),
    (date(2025, 4, 5), "116.75", 3, "123", None, 4, "2024-25 runs to 5 April"),
    (date(2025, 4, 6), "118.75", 3, "125", None, 4, "2025-26; LEL GOV-RT25"),
    (date(2026, 4, 6), "123.25", 0, None, "0.80", 1, "ERA 2025 s.10; business.gov.uk"),
])
def test_rules(on, weekly, waiting, lel, cap, piw, source):
    r = s.rules_on(on)
    assert (r.weekly_rate, r.waiting_days, r.piw_min_days) == (D(weekly), waiting, piw), source
    assert r.lower_earnings_limit == (D(lel) if lel else None)
    assert r.awe_rate_cap == (D(cap) if cap else None)
    assert (r.linking_days, r.max_weeks, r.max_linked_years) == (56, 28, 3)


def test_lel_agrees_with_national_insurance_file():
    try:
        ni = rates.periods("national_insurance")
    except RatesError:
        pytest.skip("no national insurance rates")
    for period in ni:
        weekly = period.figures.get("thresholds", {}).get("weekly", {})
        ssp = s.rules_on(period.effective_from)
        if "lel" in weekly and ssp.lower_earnings_limit is not None:
            assert ssp.lower_earnings_limit == rates.dec(weekly["lel"]), period.effective_from


# --- worked examples ------------------------------------------------------------------------------------

EXAMPLES = [
    # sick days, qualifying days, AWE, days paid, waiting, amount, codes, source
    (span(date(2025, 6, 2), 7), MON_FRI, HIGH_AWE, 2, 3, "47.50", ("SSP_WAITING_DAYS",),
     "brief: 2025-26, Mon-Sun sickness, Mon-Fri worker: 3 waiting days, 2 days at 118.75/5"),
    (span(date(2025, 6, 2), 3), MON_FRI, HIGH_AWE, 0, 0, "0.00", ("SSP_NO_PIW",),
     "SSCBA s.152(2) before April 2026: fewer than 4 days is not a PIW"),
    (span(date(2025, 6, 2), 4), MON_FRI, HIGH_AWE, 1, 3, "23.75", ("SSP_WAITING_DAYS",),
     "4 days form a PIW: paid from the 4th qualifying day"),
    (span(date(2026, 5, 5), 1), MON_FRI, HIGH_AWE, 1, 0, "24.65", (),
     "ERA 2025 s.10: from 6 April 2026 one day is a PIW and there are no waiting days; 123.25/5"),
    (span(date(2026, 5, 5), 1), MON_FRI, D("100"), 1, 0, "16.00", ("SSP_80_PERCENT_AWE",),
     "brief / business.gov.uk: AWE £100 -> 80% = £80 a week; 80/5 a day"),
    (span(date(2026, 5, 4), 5), MON_FRI, D("154.07"), 5, 0, "123.25", (),
     "uk-rates.md: 80% bites below about £154.06 (123.25 / 0.8 = 154.0625); 154.07 gets the flat rate"),
    (span(date(2026, 5, 4), 5), MON_FRI, D("154.0625"), 5, 0, "123.25", (),
     "80% of 154.0625 is exactly the flat rate: the lower of two equal amounts"),
    (span(date(2026, 5, 4), 5), MON_FRI, D("154.06"), 5, 0, "123.25", ("SSP_80_PERCENT_AWE",),
     "80% of 154.06 = 123.248 a week: five days of 24.6496, rounded up once"),
    (span(date(2026, 5, 4), 5), MON_FRI, D("154.00"), 5, 0, "123.20", ("SSP_80_PERCENT_AWE",),
     "80% of 154.00 = 123.20 a week"),
    (span(date(2025, 6, 2), 7), MON_FRI, D("124.99"), 0, 0, "0.00", ("SSP_BELOW_LEL",),
     "2025-26 earnings condition: AWE below the £125 LEL"),
    (span(date(2025, 6, 2), 7), MON_FRI, D("125.00"), 2, 3, "47.50", ("SSP_WAITING_DAYS",),
     "AWE equal to the LEL qualifies (not less than the LEL)"),
    (span(date(2024, 6, 3), 7), MON_FRI, D("122.99"), 0, 0, "0.00", ("SSP_BELOW_LEL",),
     "2024-25 earnings condition: LEL £123"),
    (span(date(2024, 6, 3), 5), [2], HIGH_AWE, 0, 1, "0.00", ("SSP_WAITING_DAYS",),
     "one qualifying day a week (Wednesday): the Wednesday is a waiting day"),
]


@pytest.mark.parametrize("sick, qds, awe, paid, waiting, amount, codes, source", EXAMPLES)
def test_examples(sick, qds, awe, paid, waiting, amount, codes, source):
    r = run(sick, qds, awe)
    assert (r.days_paid, r.waiting_days, r.amount, r.codes) == (paid, waiting, D(amount), codes), source
    assert r.amount == sum((line.amount for line in r.lines), D("0"))


# --- daily rates and rounding ------------------------------------------------------------------------------

MOOREPAY = "Moorepay SSP 2024-25 daily table: unrounded rate, amount rounded up to the penny"
ROUNDING = [
    # sick days, qualifying days, period start, AWE, amount, source
    (span(date(2024, 6, 2), 4), EVERY_DAY, date(2024, 6, 5), "16.68", MOOREPAY + ": 16.6785 x 1, 7 QDs"),
    (span(date(2024, 6, 2), 5), [0, 1, 2, 3, 4, 5], date(2024, 6, 6), "19.46", MOOREPAY + ": 19.4583 x 1, 6 QDs"),
    (span(date(2024, 6, 3), 4), [0, 1, 2, 3], date(2024, 6, 6), "29.19", MOOREPAY + ": 29.1875 x 1, 4 QDs"),
    (span(date(2024, 6, 3), 5), [0, 2, 4], date(2024, 6, 1), "0.00", "3 QDs, all three are waiting days"),
    (span(date(2024, 6, 3), 7) + span(date(2024, 6, 10), 4), [0, 2, 4], date(2024, 6, 10), "77.84",
     "3 QDs: 38.9166... x 2 = 77.8333 rounded up"),
    (span(date(2024, 5, 26), 13), EVERY_DAY, date(2024, 6, 2), "100.08",
     "7 QDs, 6 days to pay: 100.0714 rounded up (the daily table's rule)"),
    (span(date(2026, 5, 3), 7), EVERY_DAY, date(2026, 5, 3), "123.25", "a whole week pays the weekly rate"),
    (span(date(2026, 5, 3), 1), EVERY_DAY, date(2026, 5, 3), "17.61", "2026-27: 123.25 / 7 = 17.6071 rounded up"),
]


@pytest.mark.parametrize("sick, qds, start, amount, source", ROUNDING)
def test_daily_rate_rounding(sick, qds, start, amount, source):
    r = run(sick, qds, HIGH_AWE, start=start, end=max(sick))
    assert r.amount == D(amount), source


def test_rate_change_on_6_april_gives_two_lines():
    # Sick Mon 31 Mar to Fri 11 Apr 2025: waiting 31 Mar, 1, 2 Apr; 3-4 Apr at 116.75; 7-11 Apr at 118.75.
    r = run(span(date(2025, 3, 31), 12))
    assert [(line.weekly_rate, line.days, line.amount) for line in r.lines] == [
        (D("116.75"), 2, D("46.70")), (D("118.75"), 5, D("118.75"))]
    assert r.amount == D("165.45") and r.days_paid == 7 and r.waiting_days == 3


# --- linking ---------------------------------------------------------------------------------------------

PIW1 = span(date(2024, 6, 3), 4)  # Mon-Thu: 3 waiting days, Thursday paid


@pytest.mark.parametrize("second_start, waiting, amount, linked, source", [
    (date(2024, 8, 2), 0, "46.70", True, "SSCBA s.152(3): a gap of 56 days (8 weeks) links"),
    (date(2024, 8, 3), 2, "0.00", False, "a gap of 57 days does not link: waiting days again"),
])
def test_linking(second_start, waiting, amount, linked, source):
    second = span(second_start, 4)
    r = s.ssp_for_period(second, MON_FRI, HIGH_AWE, second_start, second[-1], history=PIW1)
    assert (r.waiting_days, r.amount) == (waiting, D(amount)), source
    assert ("SSP_LINKED" in r.codes) is linked


def test_spell_covering():
    days = PIW1 + span(date(2024, 8, 2), 4) + span(date(2024, 12, 2), 1)
    spell = s.spell_covering(days, date(2024, 8, 3))
    assert spell is not None and spell.first == date(2024, 6, 3) and len(spell.piws) == 2
    assert s.spell_covering(days, date(2024, 12, 2)) is None   # one day before April 2026 is no PIW
    assert s.spell_covering(days, date(2024, 7, 1)) is None


# --- limits ----------------------------------------------------------------------------------------------

def test_28_week_maximum():
    sick = span(date(2024, 4, 8), 300)
    r = run(sick)
    assert r.days_paid == 140 and r.waiting_days == 3          # 28 weeks x 5 qualifying days
    assert r.weeks_paid_in_spell == D("28.00")
    assert "SSP_MAX_REACHED" in r.codes
    paid_days = [d.day for d in r.days if d.status == s.PAID]
    assert paid_days[0] == date(2024, 4, 11) and paid_days[-1] == date(2024, 10, 23)
    # 2024-25 throughout: 140 x 23.35
    assert r.amount == D("3269.00")


def test_max_reached_in_a_later_period_uses_history():
    sick = span(date(2024, 4, 8), 300)
    later = s.ssp_for_period(sick, MON_FRI, HIGH_AWE, date(2024, 10, 21), date(2024, 10, 27))
    assert later.days_paid == 3 and later.codes == ("SSP_MAX_REACHED",)
    assert later.weeks_paid_in_spell == D("28.00")


def test_three_year_limit():
    # One day every 7 weeks from Tue 7 Apr 2026 links (gap 48 days) for more than 3 years.
    sick = [date(2026, 4, 7) + timedelta(weeks=7 * k) for k in range(25)]
    before = s.ssp_for_period(sick, MON_FRI, HIGH_AWE, sick[22], sick[22])
    after = s.ssp_for_period(sick, MON_FRI, HIGH_AWE, sick[23], sick[23])
    assert sick[22] < date(2029, 4, 7) <= sick[23]
    assert before.days_paid == 1 and "SSP_LINKED" in before.codes
    assert after.days_paid == 0 and "SSP_THREE_YEAR_LIMIT" in after.codes


# --- the April 2026 transition --------------------------------------------------------------------------

APRIL_WEEK = (date(2026, 4, 6), date(2026, 4, 10))


@pytest.mark.parametrize("first_sick, awe, amount, codes, source", [
    (date(2026, 4, 2), D("140"), "112.00", ("SSP_80_PERCENT_AWE",),
     "DWP via ICB: serving waiting days on 6 April -> paid under the new rules (80% of 140 = 112)"),
    (date(2026, 3, 23), D("140"), "123.25", ("SSP_TRANSITION_FLAT_RATE",),
     "DWP via payadvice/MHR: already receiving SSP -> keeps the uprated flat rate, not 80%"),
    (date(2026, 3, 23), D("100"), "80.00", ("SSP_80_PERCENT_AWE",),
     "DWP via ICB: below the LEL before 6 April -> eligible at 80% of AWE from 6 April"),
    (date(2025, 9, 1), D("100"), "0.00", ("SSP_TRANSITION_NIL_RATE",),
     "DWP via payadvice 9 Feb 2026: continuous sickness since before 22 Sep 2025 -> nil rate"),
    (date(2025, 9, 22), D("100"), "80.00", ("SSP_80_PERCENT_AWE",),
     "sickness from 22 Sep 2025 itself is not caught by the nil rate"),
    (date(2025, 9, 1), D("300"), "0.00", ("SSP_MAX_REACHED",),
     "receiving SSP since September 2025: 28 weeks used up by March 2026"),
])
def test_transition(first_sick, awe, amount, codes, source):
    sick = span(first_sick, (APRIL_WEEK[1] - first_sick).days + 1)
    r = s.ssp_for_period(sick, MON_FRI, awe, *APRIL_WEEK)
    assert (r.amount, r.codes) == (D(amount), codes), source


def test_waiting_days_before_reform_stay_unpaid():
    # Thu 2 and Fri 3 April 2026 are waiting days under the old rules; Mon 6 April is paid.
    r = run(span(date(2026, 4, 2), 9), awe=D("140"))
    assert r.waiting_days == 2 and r.days_paid == 5
    assert [d.status for d in r.days[:2]] == [s.WAITING, s.WAITING]


def test_new_piw_after_reform_linked_to_paid_piw_gets_new_rules():
    # PIW Mon 2 - Fri 6 March 2026 (3 waiting, 2 paid); a one-day PIW on Tue 14 April links.
    history = span(date(2026, 3, 2), 5)
    r = s.ssp_for_period([date(2026, 4, 14)], MON_FRI, D("140"), date(2026, 4, 14), date(2026, 4, 14), history)
    assert r.amount == D("22.40") and set(r.codes) == {"SSP_LINKED", "SSP_80_PERCENT_AWE"}


def test_short_run_reaching_6_april_is_a_piw():
    # Sat 4, Sun 5, Mon 6 April 2026: three days, but the last falls under the new one-day rule.
    r = run(span(date(2026, 4, 4), 3), awe=D("300"))
    assert r.days_paid == 1 and r.amount == D("24.65")


# --- inputs ----------------------------------------------------------------------------------------------

def test_bad_inputs():
    with pytest.raises(ValueError):
        run(span(date(2025, 6, 2), 5), qds=[])
    with pytest.raises(ValueError):
        run(span(date(2025, 6, 2), 5), qds=[7])
    with pytest.raises(ValueError):
        s.ssp_for_period([], MON_FRI, None, date(2025, 6, 2), date(2025, 6, 1))
    with pytest.raises(ValueError):
        run(span(date(2025, 6, 2), 5), awe=None)   # the LEL test needs AWE
    with pytest.raises(RatesError):
        s.ssp_for_period([], MON_FRI, None, date(2023, 1, 1), date(2023, 1, 31))


def test_awe_not_needed_without_sickness():
    r = s.ssp_for_period([], MON_FRI, None, date(2025, 6, 1), date(2025, 6, 30))
    assert (r.days_paid, r.amount, r.codes, r.days) == (0, D("0.00"), (), ())


@pytest.mark.parametrize("total, frequency, payments, awe, source", [
    ("800", F.WEEKLY, 8, "100", "8 weekly payments over 8 weeks"),
    ("800", F.FORTNIGHTLY, 4, "100", "4 fortnightly payments"),
    ("2000", F.MONTHLY, 2, "230.7692307692307692307692308", "monthly: x 12 / 52 per month (HMRC SSP spec)"),
])
def test_average_weekly_earnings(total, frequency, payments, awe, source):
    assert s.average_weekly_earnings(D(total), frequency, payments) == D(awe), source


# --- properties -----------------------------------------------------------------------------------------

WINDOW_START = date(2025, 12, 1)


@st.composite
def sickness(draw):
    offsets = draw(st.sets(st.integers(0, 160), max_size=60))
    return sorted(WINDOW_START + timedelta(days=o) for o in offsets)


@settings(max_examples=60, deadline=None)
@given(sick=sickness(),
       qds=st.sets(st.integers(0, 6), min_size=1),
       awe=st.decimals(min_value=0, max_value=600, places=2, allow_nan=False, allow_infinity=False),
       split=st.integers(1, 159))
def test_properties(sick, qds, awe, split):
    start, end = WINDOW_START, WINDOW_START + timedelta(days=160)
    middle = WINDOW_START + timedelta(days=split)
    whole = s.ssp_for_period(sick, qds, awe, start, end)
    first = s.ssp_for_period(sick, qds, awe, start, middle - timedelta(days=1))
    second = s.ssp_for_period(sick, qds, awe, middle, end)
    assert whole.amount >= 0 and whole.amount == sum((line.amount for line in whole.lines), D("0"))
    sick_qds = sum(1 for d in sick if d.weekday() in qds)
    assert whole.days_paid + whole.waiting_days <= sick_qds
    # Splitting the pay period changes nothing but the rounding (at most a penny per line).
    assert first.days_paid + second.days_paid == whole.days_paid
    assert first.waiting_days + second.waiting_days == whole.waiting_days
    assert abs(first.amount + second.amount - whole.amount) <= D("0.01") * (len(first.lines) + len(second.lines))
    assert {d.day: d.status for d in first.days + second.days} == {d.day: d.status for d in whole.days}
    # No day is paid more than the flat weekly rate allows, nor at a negative rate.
    for item in whole.days:
        if item.status == s.PAID:
            assert 0 <= item.weekly_rate <= s.rules_on(item.day).weekly_rate
    assert whole.weeks_paid_in_spell <= 28


@pytest.mark.parametrize("qds, first_paid_sick_day, daily, source", [
    (EVERY_DAY, date(2024, 6, 5), "16.6785", MOOREPAY + ": 7 QDs"),
    ([0, 1, 2, 3, 4, 5], date(2024, 6, 6), "19.4583", MOOREPAY + ": 6 QDs"),
    ([0, 2, 4], date(2024, 6, 10), "38.9166", "MG Payroll 2024-25 table: 3 QDs 38.9166"),
    (MON_FRI, date(2024, 6, 6), "23.35", MOOREPAY + ": 5 QDs"),
])
def test_daily_rate_shown_to_four_places(qds, first_paid_sick_day, daily, source):
    r = run(span(date(2024, 6, 2), 9), qds, start=first_paid_sick_day, end=first_paid_sick_day)
    assert [d.daily_rate for d in r.days] == [D(daily)], source
