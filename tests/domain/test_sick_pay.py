"""Statutory Sick Pay: PIWs, linking, waiting days, the earnings condition, the April 2026 reform and
its transition, daily rates and rounding, the 28-week and 3-year limits, and average weekly earnings
for every case of reg 19 (relevant period, new starters paid and not yet paid, nothing known).

Each table row names where its expected answer comes from. Qualifying days are date.weekday()
numbers: Monday = 0.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_DOWN
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
    checked = 0
    for entry in rates.timeline("national_insurance", "tax_year"):
        ssp = s.rules_on(entry.effective_from)
        if ssp.lower_earnings_limit is not None:
            lel = rates.value("national_insurance", "thresholds.weekly.lel", entry.effective_from)
            assert ssp.lower_earnings_limit == rates.dec(lel), entry.effective_from
            checked += 1
    assert checked == 2  # 2024-25 and 2025-26; the earnings condition ends in April 2026


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
    with pytest.raises(RatesError):
        s.ssp_for_period([], MON_FRI, None, date(2023, 1, 1), date(2023, 1, 31))


def test_awe_not_needed_without_sickness():
    r = s.ssp_for_period([], MON_FRI, None, date(2025, 6, 1), date(2025, 6, 30))
    assert (r.days_paid, r.amount, r.codes, r.days) == (0, D("0.00"), (), ())


def test_no_awe_is_nothing_known_not_an_error():
    # Before 6 April 2026 nil AWE is below the LEL; the code says why the AWE was nil.
    r = run(span(date(2025, 6, 2), 5), awe=None)
    assert (r.amount, r.days_paid, r.codes) == (D("0.00"), 0, ("SSP_AWE_NONE_KNOWN", "SSP_BELOW_LEL"))
    assert r.average_weekly_earnings == s.NONE_KNOWN


# --- average weekly earnings (SSP (General) Regulations 1982 reg 19) -------------------------------------

def weekly_pay(friday: date, amount: str, days: int = 7) -> s.Payment:
    return s.Payment(friday, D(amount), friday - timedelta(days=days - 1), friday)


def monthly_pay(paid_on: date, amount: str) -> s.Payment:
    first = paid_on.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return s.Payment(paid_on, D(amount), first, last)


def irregular_pay(paid_on: date, amount: str, since: date) -> s.Payment:
    return s.Payment(paid_on, D(amount), since, paid_on)


# HMRC employer guide (via is4profit "Sick Pay Guide for Employers"), weekly example: paid every Friday,
# first sick Wed 11/06/08. Last pay day before it Fri 6 June; the pay day at least 8 weeks earlier is
# Fri 11 April, so the relevant period is 12 April to 6 June 2008: eight Fridays, 18 April to 6 June,
# paying 100 + 110 + 105 + 120 + 95 + 110.21 + 100 + 120 = 860.21; 860.21 / 8 = 107.52625 exactly.
# 11 April (the period's opening pay day, excluded), 4 April and 13 June (after the PIW began) do not count.
HMRC_WEEKLY = [weekly_pay(date(2008, 4, 4), "50.00"), weekly_pay(date(2008, 4, 11), "60.00")] + [
    weekly_pay(date(2008, 4, 18) + timedelta(weeks=n), amount) for n, amount in
    enumerate(["100.00", "110.00", "105.00", "120.00", "95.00", "110.21", "100.00", "120.00"])
] + [weekly_pay(date(2008, 6, 13), "999.00")]

# Same guide, monthly example: paid on the last working day, first sick Mon 16/06/08. Last pay day before
# it Fri 30 May; 8 weeks earlier is 4 April, and the last pay day on or before that is Mon 31 March, so
# the period is 1 April to 30 May 2008: April plus 30 odd days of May (more than half of 31: a month),
# 2 months. 700.00 + 709.30 = 1,409.30 / 2 x 12 / 52 = 162.6115384..., which the guide prints cut
# to 162.61153.
HMRC_MONTHLY = [monthly_pay(date(2008, 2, 29), "650.00"), monthly_pay(date(2008, 3, 31), "680.00"),
                monthly_pay(date(2008, 4, 30), "700.00"), monthly_pay(date(2008, 5, 30), "709.30"),
                monthly_pay(date(2008, 6, 30), "999.00")]

# HMRC SPM10655 (now SPM170700), irregular pay practice (no identifiable normal pay day, reg 19(4): days
# of payment instead): first day of the PIW Sat 12.05.2012; last payment before it Fri 04.05.2012; the
# payment at least 8 weeks earlier Fri 09.03.2012, so the period is 10.03.2012 to 04.05.2012; payments
# in it 400 + 600 + 500 = 1,500. The period is 56 days (22 in March, 30 in April, 4 in May), so
# 1,500 / 56 x 7 = 187.50. The manual prints "46 days" and 228.260: a slip, since no relevant period
# can be shorter than 56 days (its first day follows a pay day at least 8 weeks before its last). The
# manual's arithmetic (1,500 / 46 x 7) is reproduced by the new-starter row SPM10655-46 below.
SPM10655 = [irregular_pay(date(2012, 2, 10), "300.00", date(2012, 1, 1)),
            irregular_pay(date(2012, 3, 9), "250.00", date(2012, 2, 11)),
            irregular_pay(date(2012, 3, 23), "400.00", date(2012, 3, 10)),
            irregular_pay(date(2012, 4, 13), "600.00", date(2012, 3, 24)),
            irregular_pay(date(2012, 5, 4), "500.00", date(2012, 4, 14))]

RP, PAID, CONTRACT, EARNED, NONE = (s.AWE_RELEVANT_PERIOD, s.AWE_NEW_STARTER_PAID, s.AWE_CONTRACTUAL_WEEK,
                                   s.AWE_EARNED_BEFORE_SICKNESS, s.AWE_NONE_KNOWN)

AWE_EXAMPLES = [
    # id, critical date, payments, frequency, keywords, amount (to 5 places, cut), basis, period, source
    ("hmrc-weekly", date(2008, 6, 11), HMRC_WEEKLY, F.WEEKLY, {}, "107.52625", RP,
     (date(2008, 4, 12), date(2008, 6, 6)), "HMRC employer guide weekly example: 860.21 / 8"),
    ("hmrc-monthly", date(2008, 6, 16), HMRC_MONTHLY, F.MONTHLY, {}, "162.61153", RP,
     (date(2008, 4, 1), date(2008, 5, 30)), "HMRC employer guide monthly example: 1,409.30 / 2 x 12 / 52"),
    ("spm10655-irregular", date(2012, 5, 12), SPM10655, None, {}, "187.50000", RP,
     (date(2012, 3, 10), date(2012, 5, 4)), "SPM10655 irregular pay: 1,500 over 56 days x 7"),
    ("blank-week", date(2008, 6, 11),
     [weekly_pay(date(2008, 4, 11), "60.00")] + [weekly_pay(date(2008, 4, 18) + timedelta(weeks=n), "100.00"
                                                            if n != 3 else "0.00") for n in range(8)],
     F.WEEKLY, {}, "87.50000", RP, (date(2008, 4, 12), date(2008, 6, 6)),
     "SPM170100: a pay day with nothing due counts as nil: 7 x 100 / 8 weeks"),
    ("fortnightly", date(2026, 5, 11),
     [weekly_pay(date(2026, 3, 13) + timedelta(weeks=2 * n), amount, 14)
      for n, amount in enumerate(["999.00", "400.00", "410.00", "420.00", "430.00"])],
     F.FORTNIGHTLY, {"employed_from": date(2025, 1, 6)}, "207.50000", RP,
     (date(2026, 3, 14), date(2026, 5, 8)),
     "reg 19(3), fortnightly Fridays: 8 May back to 13 March (exactly 8 weeks); 1,660 over 56 days x 7"),
    # reg 19(7), SPM170600: paid before the PIW, but with less than 8 weeks of pay days.
    ("spm170600-three-days", date(2026, 5, 11), [weekly_pay(date(2026, 5, 8), "270.00")], F.WEEKLY,
     {"employed_from": date(2026, 5, 6)}, "630.00000", PAID, (date(2026, 5, 6), date(2026, 5, 8)),
     "SPM170600: started Wed 6 May, three days' wages (270) paid Fri 8 May: 270 / 3 x 7"),
    ("starter-one-month-part", date(2026, 5, 5), [monthly_pay(date(2026, 4, 30), "520.00")], F.MONTHLY,
     {"employed_from": date(2026, 4, 15)}, "227.50000", PAID, (date(2026, 4, 15), date(2026, 4, 30)),
     "SPM170600: one monthly payment for 15-30 April (16 days, from the start date): 520 / 16 x 7"),
    ("starter-three-weeks", date(2026, 4, 27),
     [weekly_pay(date(2026, 4, 10), "250.00"), weekly_pay(date(2026, 4, 17), "300.00"),
      weekly_pay(date(2026, 4, 24), "300.00")],
     F.WEEKLY, {"employed_from": date(2026, 4, 6)}, "313.15789", PAID, (date(2026, 4, 6), date(2026, 4, 24)),
     "reg 19(7): started Mon 6 April, three Fridays paid 850 for 6-24 April (19 days): 850 / 19 x 7 = 313.157894..."),
    ("spm10655-46", date(2012, 5, 12), [irregular_pay(date(2012, 5, 4), "1500.00", date(2012, 3, 20))], None,
     {"employed_from": date(2012, 3, 20)}, "228.26086", PAID, (date(2012, 3, 20), date(2012, 5, 4)),
     "SPM10655's arithmetic: 1,500 for 20 March - 4 May 2012 (46 days) / 46 x 7 = 228.2608..."),
    # reg 19(8), SPM170500: not paid before the PIW.
    ("spm170500-contract", date(2026, 5, 13), [], F.WEEKLY,
     {"employed_from": date(2026, 5, 11), "contractual_weekly_pay": D("260.00")}, "260.00000", CONTRACT, None,
     "SPM170500: contract of 20 hours a week at 13.00: a week's pay, 260"),
    ("paid-on-critical-date", date(2026, 5, 15), [weekly_pay(date(2026, 5, 15), "500.00")], F.WEEKLY,
     {"employed_from": date(2026, 5, 11), "contractual_weekly_pay": D("260.00")}, "260.00000", CONTRACT, None,
     "reg 19(3)(a): a pay day ON the critical date is not before it: still the contract week"),
    ("nothing-due-yet", date(2026, 5, 11), [weekly_pay(date(2026, 5, 8), "0.00")], F.WEEKLY,
     {"employed_from": date(2026, 5, 8), "contractual_weekly_pay": D("260.00")}, "260.00000", CONTRACT, None,
     "a pay day with nothing paid is no pay: the contract week"),
    ("earned-before-sickness", date(2026, 5, 11), [], F.WEEKLY,
     {"employed_from": date(2026, 5, 6), "earned_before_sickness": D("250.00")}, "350.00000", EARNED,
     (date(2026, 5, 6), date(2026, 5, 10)),
     "irregular hours, no contract figure: 250 earned Wed 6 - Sun 10 May (5 days) / 5 x 7"),
    ("nothing-known", date(2026, 5, 11), [], F.WEEKLY, {"employed_from": date(2026, 5, 11)}, "0.00000", NONE,
     None, "sick on the first day, no contract figure: nil"),
    ("nothing-at-all", date(2026, 5, 11), [], F.MONTHLY, {}, "0.00000", NONE, None, "no facts at all: nil"),
]


@pytest.mark.parametrize("critical, payments, frequency, kw, amount, basis, period, source",
                         [row[1:] for row in AWE_EXAMPLES], ids=[row[0] for row in AWE_EXAMPLES])
def test_spell_average_weekly_earnings(critical, payments, frequency, kw, amount, basis, period, source):
    awe = s.spell_average_weekly_earnings(critical, payments, frequency, **kw)
    assert awe.amount.quantize(D("0.00001"), rounding=ROUND_DOWN) == D(amount), source
    assert (awe.basis, awe.relevant_period, awe.earlier_pay_not_recorded) == (basis, period, False), source
    assert awe.codes == (("SSP_AWE_NONE_KNOWN",) if basis == NONE else ())


def test_awe_is_not_rounded():
    weekly = s.spell_average_weekly_earnings(date(2008, 6, 11), HMRC_WEEKLY, F.WEEKLY)
    monthly = s.spell_average_weekly_earnings(date(2008, 6, 16), HMRC_MONTHLY, F.MONTHLY)
    assert weekly.amount == D("107.52625")
    assert monthly.amount.quantize(D("0.0000000001")) == D("162.6115384615")   # 8,455.80 / 52


@pytest.mark.parametrize("first, last, months, source", [
    (date(2008, 4, 1), date(2008, 5, 30), 2, "HMRC guide: 1 April - 30 May 2008, 30 odd days of May round up"),
    (date(2008, 4, 1), date(2008, 5, 15), 1, "SPM170400: 15 odd days or fewer round down"),
    (date(2008, 4, 1), date(2008, 5, 16), 2, "SPM170400: 16 odd days or more round up"),
    (date(2026, 3, 1), date(2026, 4, 15), 1, "SPM170400: 15 of a 30-day month round down"),
    (date(2026, 1, 1), date(2026, 2, 14), 1, "SPM170400: February, 14 days or fewer round down"),
    (date(2026, 1, 1), date(2026, 2, 15), 2, "SPM170400: February, 15 days or more round up"),
    (date(2024, 1, 1), date(2024, 2, 15), 2, "29-day February: 15 days round up too"),
    (date(2026, 2, 16), date(2026, 4, 15), 2, "paid on the 15th: two whole months, no odd days"),
])
def test_calendar_months(first, last, months, source):
    assert s.calendar_months(first, last) == months, source


@pytest.mark.parametrize("payments, kw, amount, basis, period, source", [
    ([weekly_pay(date(2026, 5, 8), "400.00")], {"employed_from": date(2019, 9, 2)}, "400.00000", PAID,
     (date(2026, 5, 2), date(2026, 5, 8)),
     "employed since 2019, the app's first pay day Fri 8 May 2026 (400 for 2-8 May): 400 / 7 x 7"),
    ([], {"employed_from": date(2019, 9, 2), "contractual_weekly_pay": D("300.00")}, "300.00000", CONTRACT, None,
     "no pay recorded yet, contracted hours: the contract week"),
    ([], {"employed_from": date(2019, 9, 2), "earned_before_sickness": D("420.00")}, "294.00000", EARNED,
     (date(2026, 5, 1), date(2026, 5, 10)),
     "no pay recorded yet, irregular hours: 420 for work 1-10 May (10 days, from the records' start) x 7"),
    ([], {}, "0.00000", NONE, None, "start date unknown, nothing recorded: nil"),
])
def test_awe_in_the_first_month_in_the_app(payments, kw, amount, basis, period, source):
    # The app's records begin on 1 May 2026; the PA was employed before. Pay days before then are unknown,
    # not nil, so the AWE comes from what is recorded and says so.
    awe = s.spell_average_weekly_earnings(date(2026, 5, 11), payments, F.WEEKLY, records_from=date(2026, 5, 1), **kw)
    assert awe.amount.quantize(D("0.00001"), rounding=ROUND_DOWN) == D(amount), source
    assert (awe.basis, awe.relevant_period, awe.earlier_pay_not_recorded) == (basis, period, True), source
    assert "SSP_AWE_EARLIER_PAY_NOT_RECORDED" in awe.codes


def test_records_start_does_not_matter_once_8_weeks_are_recorded():
    awe = s.spell_average_weekly_earnings(date(2008, 6, 11), HMRC_WEEKLY, F.WEEKLY,
                                          employed_from=date(2001, 1, 1), records_from=date(2008, 4, 1))
    assert (awe.amount, awe.basis, awe.earlier_pay_not_recorded) == (D("107.52625"), RP, False)


def test_spell_in_period():
    days = PIW1 + span(date(2024, 8, 2), 4)
    spell = s.spell_in_period(days, date(2024, 8, 1), date(2024, 8, 31))
    assert spell is not None and spell.first == date(2024, 6, 3)      # the critical date: the first PIW's
    assert s.spell_in_period(days, date(2024, 7, 1), date(2024, 7, 31)) is not None  # between linked PIWs
    assert s.spell_in_period(days, date(2024, 9, 1), date(2024, 9, 30)) is None
    assert s.spell_in_period([date(2025, 6, 2)], date(2025, 6, 1), date(2025, 6, 30)) is None  # 1 day, 2025: no PIW


# From the sickness to the SSP, for a PA with no pay before the PIW: it pays what the rules say, never raises.
NEW_STARTER_SSP = [
    # sick days, PA facts, amount, codes, source
    (span(date(2026, 5, 11), 3), {"employed_from": date(2026, 5, 11)}, "0.00",
     ("SSP_AWE_NONE_KNOWN", "SSP_80_PERCENT_AWE"),
     "2026-27, nothing known: SSP is 80% of nil AWE, so nil for the three days"),
    (span(date(2025, 6, 2), 7), {"employed_from": date(2025, 6, 2)}, "0.00", ("SSP_AWE_NONE_KNOWN", "SSP_BELOW_LEL"),
     "2025-26, nothing known: nil AWE is below the £125 LEL"),
    (span(date(2026, 5, 11), 5), {"employed_from": date(2026, 5, 11), "contractual_weekly_pay": D("260.00")},
     "123.25", (), "2026-27, contract 20 h x 13.00 = 260: 80% is 208, above 123.25: the flat rate for 5 days"),
    (span(date(2025, 6, 2), 7), {"employed_from": date(2025, 6, 2), "contractual_weekly_pay": D("260.00")},
     "47.50", ("SSP_WAITING_DAYS",), "2025-26, contract 260 >= LEL: 3 waiting days, 2 x 118.75 / 5"),
    (span(date(2026, 5, 11), 5), {"employed_from": date(2026, 5, 6), "earned_before_sickness": D("50.00")},
     "56.00", ("SSP_80_PERCENT_AWE",),
     "2026-27, irregular hours: 50 earned in 5 days -> AWE 70; 80% = 56 a week, five days of 11.20"),
    (span(date(2025, 6, 2), 7), {"employed_from": date(2025, 5, 28), "earned_before_sickness": D("85.00")},
     "0.00", ("SSP_BELOW_LEL",),
     "2025-26, irregular hours: 85 earned Wed 28 May - Sun 1 June (5 days) -> AWE 119, below the £125 LEL"),
    (span(date(2025, 6, 2), 7), {"employed_from": date(2025, 5, 28), "earned_before_sickness": D("100.00")},
     "47.50", ("SSP_WAITING_DAYS",), "2025-26, irregular hours: 100 in the same 5 days -> AWE 140, above the LEL"),
    (span(date(2025, 6, 2), 7), {"employed_from": date(2019, 9, 2), "records_from": date(2025, 6, 1),
                                 "contractual_weekly_pay": D("260.00")},
     "47.50", ("SSP_AWE_EARLIER_PAY_NOT_RECORDED", "SSP_WAITING_DAYS"),
     "2025-26, first month in the app, contract 260: paid as above, with a note that earlier pay is unknown"),
    (span(date(2026, 5, 11), 5), {"employed_from": date(2019, 9, 2), "records_from": date(2026, 5, 1),
                                  "contractual_weekly_pay": D("260.00")},
     "123.25", ("SSP_AWE_EARLIER_PAY_NOT_RECORDED",), "2026-27, first month in the app, contract 260: flat rate"),
]


@pytest.mark.parametrize("sick, facts, amount, codes, source", NEW_STARTER_SSP)
def test_ssp_for_a_new_starter(sick, facts, amount, codes, source):
    start, end = sick[0], sick[-1]
    spell = s.spell_in_period(sick, start, end)
    assert spell is not None
    awe = s.spell_average_weekly_earnings(spell.first, [], F.WEEKLY, **facts)
    r = s.ssp_for_period(sick, MON_FRI, awe, start, end)
    assert (r.amount, r.codes) == (D(amount), codes), source
    assert r.average_weekly_earnings == awe


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


@st.composite
def pay_history(draw):
    frequency = draw(st.sampled_from([*F, None]))
    days = draw(st.lists(st.integers(0, 200), max_size=12, unique=True))
    payments = []
    for offset in sorted(days):
        paid_on = date(2026, 1, 1) + timedelta(days=offset)
        length = draw(st.integers(1, 31))
        amount = draw(st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False, allow_infinity=False))
        payments.append(s.Payment(paid_on, amount, paid_on - timedelta(days=length - 1), paid_on))
    return frequency, payments


@settings(max_examples=80, deadline=None)
@given(history=pay_history(),
       critical_offset=st.integers(0, 220),
       employed_offset=st.one_of(st.none(), st.integers(-400, 220)),
       records_offset=st.one_of(st.none(), st.integers(-30, 220)),
       contract=st.one_of(st.none(), st.decimals(min_value=0, max_value=800, places=2,
                                                  allow_nan=False, allow_infinity=False)),
       earned=st.decimals(min_value=0, max_value=800, places=2, allow_nan=False, allow_infinity=False))
def test_awe_always_has_an_answer(history, critical_offset, employed_offset, records_offset, contract, earned):
    frequency, payments = history
    base = date(2026, 1, 1)
    awe = s.spell_average_weekly_earnings(
        base + timedelta(days=critical_offset), payments, frequency,
        employed_from=None if employed_offset is None else base + timedelta(days=employed_offset),
        records_from=None if records_offset is None else base + timedelta(days=records_offset),
        contractual_weekly_pay=contract, earned_before_sickness=earned)
    assert awe.amount >= 0
    assert awe.basis in {RP, PAID, CONTRACT, EARNED, NONE}
    if awe.relevant_period is not None:
        assert awe.relevant_period[0] <= awe.relevant_period[1]
    assert (awe.basis == NONE) == ("SSP_AWE_NONE_KNOWN" in awe.codes)


@pytest.mark.parametrize("qds, first_paid_sick_day, daily, source", [
    (EVERY_DAY, date(2024, 6, 5), "16.6785", MOOREPAY + ": 7 QDs"),
    ([0, 1, 2, 3, 4, 5], date(2024, 6, 6), "19.4583", MOOREPAY + ": 6 QDs"),
    ([0, 2, 4], date(2024, 6, 10), "38.9166", "MG Payroll 2024-25 table: 3 QDs 38.9166"),
    (MON_FRI, date(2024, 6, 6), "23.35", MOOREPAY + ": 5 QDs"),
])
def test_daily_rate_shown_to_four_places(qds, first_paid_sick_day, daily, source):
    r = run(span(date(2024, 6, 2), 9), qds, start=first_paid_sick_day, end=first_paid_sick_day)
    assert [d.daily_rate for d in r.days] == [D(daily)], source
