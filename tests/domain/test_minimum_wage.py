"""Minimum wage engine: one row per case, each naming the rule or worked example it reproduces.

Sources: /work/shared/reference/uk-rates.md section 1 ("ref 1a" = its table of hourly rates, with the
sources named there), HMRC National Minimum Wage Manual (NMWM) pages, the National Minimum Wage Act
1998 (the Act) and Regulations 2015 (the Regulations).
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from pa_manager.domain import minimum_wage as mw
from pa_manager.domain.dates import anniversary
from pa_manager.domain.minimum_wage import Hours, PayPeriodForCheck
from pa_manager.domain.rates import RatesError


def born_aged(age: int, on: date) -> date:
    """A date of birth that makes the worker exactly `age` on `on` (their birthday is that day)."""
    return anniversary(on, -age)


def born_oldest_in(age: int, on: date) -> date:
    """A date of birth that makes the worker `age` on `on`, turning `age + 1` the next day."""
    return anniversary(on + timedelta(days=1), -(age + 1))


def minimum_on(on: date, dob: date, **kw) -> mw.MinimumRate:
    """The band and hourly minimum the check finds for a week's pay period starting on `on`."""
    result = mw.check_period(_week(on, dob, D("0.00"), **kw))
    return mw.MinimumRate(result.band, result.minimum_hourly_rate)


# --- every band change since 2016 (ref 1a; one row per effective date x band) ------------------------

RATES = [
    # effective, NLW age, {band: rate}, source in ref 1a
    (date(2016, 4, 1), 25, {"NLW": "7.20", "21-24": "6.70", "18-20": "5.30", "under-18": "3.87", "apprentice": "3.30"}, "karenwise; caldwell-associates; ukcalculator"),
    (date(2016, 10, 1), 25, {"NLW": "7.20", "21-24": "6.95", "18-20": "5.55", "under-18": "4.00", "apprentice": "3.40"}, "doyleclayton; citation"),
    (date(2017, 4, 1), 25, {"NLW": "7.50", "21-24": "7.05", "18-20": "5.60", "under-18": "4.05", "apprentice": "3.50"}, "barrco; amitra"),
    (date(2018, 4, 1), 25, {"NLW": "7.83", "21-24": "7.38", "18-20": "5.90", "under-18": "4.20", "apprentice": "3.70"}, "blackfriarsgroup; frettens"),
    (date(2019, 4, 1), 25, {"NLW": "8.21", "21-24": "7.70", "18-20": "6.15", "under-18": "4.35", "apprentice": "3.90"}, "taxjournal (SI 2019/603); mccabeandco"),
    (date(2020, 4, 1), 25, {"NLW": "8.72", "21-24": "8.20", "18-20": "6.45", "under-18": "4.55", "apprentice": "4.15"}, "LITRG 2020"),
    (date(2021, 4, 1), 23, {"NLW": "8.91", "21-22": "8.36", "18-20": "6.56", "under-18": "4.62", "apprentice": "4.30"}, "GOV-NMW"),
    (date(2022, 4, 1), 23, {"NLW": "9.50", "21-22": "9.18", "18-20": "6.83", "under-18": "4.81", "apprentice": "4.81"}, "GOV-NMW"),
    (date(2023, 4, 1), 23, {"NLW": "10.42", "21-22": "10.18", "18-20": "7.49", "under-18": "5.28", "apprentice": "5.28"}, "GOV-NMW; LPC 2022"),
    (date(2024, 4, 1), 21, {"NLW": "11.44", "18-20": "8.60", "under-18": "6.40", "apprentice": "6.40"}, "GOV-NMW"),
    (date(2025, 4, 1), 21, {"NLW": "12.21", "18-20": "10.00", "under-18": "7.55", "apprentice": "7.55"}, "GOV-NMW; klcemploymentlaw"),
    (date(2026, 4, 1), 21, {"NLW": "12.71", "18-20": "10.85", "under-18": "8.00", "apprentice": "8.00"}, "GOV-NMW; questcover"),
    (date(2027, 4, 1), 21, {"NLW": "13.21", "18-20": "11.27", "under-18": "8.31", "apprentice": "8.31"}, "U: one third-party tool, provisional"),
]


def _band_ages(band: str, nlw_age: int) -> tuple[int, int]:
    """Youngest and oldest age in a band (the NLW is checked at its threshold and at 60)."""
    return {"NLW": (nlw_age, 60), "21-24": (21, 24), "21-22": (21, 22), "18-20": (18, 20),
            "under-18": (16, 17), "apprentice": (16, 18)}[band]


BAND_ROWS = [
    pytest.param(eff, nlw_age, band, D(rate), id=f"{eff}-{band}-{source}")
    for eff, nlw_age, bands, source in RATES
    for band, rate in bands.items()
]


@pytest.mark.parametrize("effective, nlw_age, band, rate", BAND_ROWS)
def test_every_band_on_every_effective_date(effective, nlw_age, band, rate):
    apprentice = band == "apprentice"
    youngest, oldest = _band_ages(band, nlw_age)
    for dob in (born_aged(youngest, effective), born_oldest_in(oldest, effective)):
        assert minimum_on(effective, dob, apprentice=apprentice) == (band, rate)


def _expected(age: int, apprentice: bool, nlw_age: int, bands: dict[str, str]) -> tuple[str, D]:
    """An independent reading of GOV-NMW's bands, to compare with the engine."""
    if apprentice:
        band = "apprentice"
    elif age >= nlw_age:
        band = "NLW"
    elif age >= 21:
        band = f"21-{nlw_age - 1}"
    elif age >= 18:
        band = "18-20"
    else:
        band = "under-18"
    return band, D(bands[band])


@pytest.mark.parametrize("index", range(len(RATES)), ids=[str(r[0]) for r in RATES])
def test_a_period_starting_the_day_before_each_change_uses_the_previous_rates(index):
    effective, nlw_age, bands, _ = RATES[index]
    before = effective - timedelta(days=1)
    if index == 0:
        with pytest.raises(RatesError):
            mw.rates_in_force(before)
        return
    _, old_nlw_age, old_bands, _ = RATES[index - 1]
    for band in bands:
        apprentice = band == "apprentice"
        for age in _band_ages(band, nlw_age):
            dob = born_oldest_in(age, effective)  # the same age on both days
            assert minimum_on(before, dob, apprentice=apprentice) == \
                _expected(age, apprentice, old_nlw_age, old_bands)
            assert minimum_on(effective, dob, apprentice=apprentice) == \
                _expected(age, apprentice, nlw_age, bands)


@pytest.mark.parametrize("on, nlw_age", [
    pytest.param(date(2021, 3, 31), 25, id="GOV-NMW: 25+ until March 2021"),
    pytest.param(date(2021, 4, 1), 23, id="GOV-NMW: 23+ from April 2021"),
    pytest.param(date(2024, 3, 31), 23, id="GOV-NMW: 23+ until March 2024"),
    pytest.param(date(2024, 4, 1), 21, id="GOV-NMW: 21+ from April 2024"),
])
def test_nlw_age_threshold(on, nlw_age):
    assert mw.rates_in_force(on).nlw_age == nlw_age
    assert minimum_on(on, born_aged(nlw_age, on)).band == "NLW"
    assert minimum_on(on, born_oldest_in(nlw_age - 1, on)).band != "NLW"


def test_national_living_wage_on_flags_provisional():
    assert mw.national_living_wage_on(date(2027, 4, 1)) == (D("13.21"), True)
    assert mw.national_living_wage_on(date(2026, 4, 1)) == (D("12.71"), False)
    assert mw.national_living_wage_on(date(2026, 3, 31)) == (D("12.21"), False)  # the day before April


def test_only_2027_is_provisional():
    assert mw.rates_in_force(date(2027, 4, 1)).provisional
    assert not mw.rates_in_force(date(2026, 4, 1)).provisional


@pytest.mark.parametrize("age", [15, 14])
def test_under_school_leaving_age_is_not_covered(age):
    with pytest.raises(mw.UnderSchoolLeavingAge) as caught:
        minimum_on(date(2025, 6, 1), born_oldest_in(age, date(2025, 6, 1)))
    assert caught.value.code == "UNDER_SCHOOL_LEAVING_AGE"
    assert isinstance(caught.value, ValueError)


# --- the first day of the pay reference period sets the rate (LITRG 2020; Croner example) -----------

def _week(start: date, dob: date, pay_rate: D, hours: D = D("30"), **kw) -> PayPeriodForCheck:
    return PayPeriodForCheck(period_start=start, period_end=start + timedelta(days=6),
                             hours=Hours(worked=hours), basic_pay=pay_rate * hours, date_of_birth=dob, **kw)


ADULT = date(1980, 5, 5)


@pytest.mark.parametrize("start, end, rate", [
    pytest.param(date(2026, 3, 28), date(2026, 4, 3), D("12.21"), id="week starting 28 Mar 2026: old rate"),
    pytest.param(date(2026, 3, 31), date(2026, 4, 6), D("12.21"), id="week starting 31 Mar 2026: old rate"),
    pytest.param(date(2026, 4, 1), date(2026, 4, 7), D("12.71"), id="week starting 1 Apr 2026: new rate"),
    pytest.param(date(2019, 3, 16), date(2019, 4, 15), D("7.83"), id="Croner: month from 16 Mar 2019 uses 2018 NLW 7.83"),
    pytest.param(date(2019, 4, 16), date(2019, 5, 15), D("8.21"), id="Croner: month from 16 Apr 2019 uses 8.21"),
])
def test_rate_is_the_one_in_force_on_the_first_day(start, end, rate):
    result = mw.check_hourly(period_start=start, period_end=end, hours=D("40"), hourly_rate=rate,
                             date_of_birth=ADULT)
    assert result.minimum_hourly_rate == rate
    assert result.meets_minimum and result.shortfall == D("0.00")


def test_old_rate_paid_into_april_is_a_shortfall_only_from_the_first_april_period():
    old = D("12.21")
    assert mw.check_period(_week(date(2026, 3, 30), ADULT, old)).meets_minimum
    late = mw.check_period(_week(date(2026, 4, 6), ADULT, old))
    assert not late.meets_minimum
    assert late.shortfall == D("15.00")  # 30 h x (12.71 - 12.21)


# --- birthdays inside a period (band set on the first day) ---------------------------------------

@pytest.mark.parametrize("dob, first_week, band_first, band_next", [
    pytest.param(date(2004, 6, 4), date(2025, 6, 2), "18-20", "NLW", id="turns 21 on Wed 4 Jun 2025"),
    pytest.param(date(2007, 6, 4), date(2025, 6, 2), "under-18", "18-20", id="turns 18 on Wed 4 Jun 2025"),
    pytest.param(date(1999, 9, 14), date(2022, 9, 12), "21-22", "NLW", id="turns 23 in Sept 2022 (NLW age 23)"),
    pytest.param(date(1994, 9, 14), date(2019, 9, 9), "21-24", "NLW", id="turns 25 in Sept 2019 (NLW age 25)"),
    pytest.param(date(1998, 9, 14), date(2019, 9, 9), "18-20", "21-24", id="turns 21 in Sept 2019"),
])
def test_birthday_in_a_period_changes_the_band_from_the_next_period(dob, first_week, band_first, band_next):
    this = mw.check_period(_week(first_week, dob, D("20.00")))
    following = mw.check_period(_week(first_week + timedelta(days=7), dob, D("20.00")))
    assert (this.band, following.band) == (band_first, band_next)


def test_birthday_on_the_first_day_counts_for_that_period():
    dob = date(2004, 6, 2)
    assert mw.check_period(_week(date(2025, 6, 2), dob, D("20.00"))).band == "NLW"


def test_29_february_birthday_counts_from_1_march():
    # Born 29 February 2004: 20 on Friday 28 February 2025, 21 (the NLW age) on 1 March.
    dob = date(2004, 2, 29)
    assert mw.check_period(_week(date(2025, 2, 24), dob, D("20.00"))).band == "18-20"
    assert mw.check_period(_week(date(2025, 3, 1), dob, D("20.00"))).band == "NLW"


def test_a_period_before_the_birth_cannot_be_checked():
    with pytest.raises(mw.MinimumWageError) as caught:
        mw.check_hourly(period_start=date(2025, 6, 2), period_end=date(2025, 6, 8), hours=D("10"),
                        pay=D("130"), date_of_birth=date(2025, 6, 3))
    assert caught.value.code == "DATE_BEFORE_BIRTH"


# --- apprentices (GOV-NMW: under 19, or 19+ in the first year) -----------------------------------

APPR_ON = date(2025, 9, 1)


@pytest.mark.parametrize("age, started, band", [
    pytest.param(17, date(2023, 9, 1), "apprentice", id="17, second year: under 19 always apprentice rate"),
    pytest.param(18, date(2022, 9, 1), "apprentice", id="18, third year: under 19 always apprentice rate"),
    pytest.param(19, date(2025, 3, 1), "apprentice", id="19, month 7 of first year"),
    pytest.param(19, date(2024, 9, 2), "apprentice", id="19, last day of first year"),
    pytest.param(19, date(2024, 9, 1), "18-20", id="19, first day of second year: age rate"),
    pytest.param(24, date(2025, 1, 6), "apprentice", id="24, first year"),
    pytest.param(24, date(2023, 1, 6), "NLW", id="24, after the first year: NLW (21+)"),
    pytest.param(20, None, "18-20", id="20, start date unknown: age rate (first year not shown)"),
    pytest.param(17, None, "apprentice", id="17, start date unknown: under 19"),
    pytest.param(17, date(2025, 10, 1), "under-18", id="17, apprenticeship not started yet"),
])
def test_apprentice_rule(age, started, band):
    dob = born_oldest_in(age, APPR_ON)
    got = minimum_on(APPR_ON, dob, apprentice=True, apprenticeship_start=started)
    assert got.band == band
    assert got.rate == mw.rates_in_force(APPR_ON).rate(band)


def test_not_an_apprentice_never_gets_the_apprentice_rate():
    dob = born_oldest_in(17, APPR_ON)
    assert minimum_on(APPR_ON, dob, apprentice=False, apprenticeship_start=APPR_ON).band == "under-18"


# --- hours and pay that count --------------------------------------------------------------------

WEEK = date(2025, 6, 2)  # NLW 12.21, accommodation offset 10.66 a day


def _check(**kw) -> PayPeriodForCheck:
    base = dict(period_start=WEEK, period_end=WEEK + timedelta(days=6), date_of_birth=ADULT)
    base.update(kw)
    return PayPeriodForCheck(**base)


@pytest.mark.parametrize("case, check, counted, pay, effective, shortfall, meets", [
    pytest.param("20 h at NLW", _check(hours=Hours(worked=D("20")), basic_pay=D("244.20")),
                 D("20"), D("244.20"), D("12.21"), D("0.00"), True, id="time work at the NLW"),
    pytest.param("sleep-in asleep, allowance only",
                 _check(hours=Hours(worked=D("20"), sleep_in_asleep=D("8")), basic_pay=D("244.20"),
                        sleep_in_allowance=D("50.00")),
                 D("20"), D("244.20"), D("12.21"), D("0.00"), True,
                 id="Mencap [2021] UKSC 8: hours asleep and the flat allowance both left out"),
    pytest.param("sleep-in awake 2 h, paid at NLW",
                 _check(hours=Hours(worked=D("20"), sleep_in_awake=D("2"), sleep_in_asleep=D("6")),
                        basic_pay=D("268.62"), sleep_in_allowance=D("50.00")),
                 D("22"), D("268.62"), D("12.21"), D("0.00"), True,
                 id="reg 32: time awake for work counts, and its pay"),
    pytest.param("sleep-in awake 2 h, only the allowance paid",
                 _check(hours=Hours(worked=D("20"), sleep_in_awake=D("2"), sleep_in_asleep=D("6")),
                        basic_pay=D("244.20"), sleep_in_allowance=D("50.00")),
                 D("22"), D("244.20"), D("11.10"), D("24.42"), False,
                 id="reg 32: awake hours need NLW pay; the allowance does not cover them"),
    pytest.param("sleep-in only, asleep all night",
                 _check(hours=Hours(sleep_in_asleep=D("9")), basic_pay=D("0"), sleep_in_allowance=D("45.00")),
                 D("0"), D("0"), None, D("0.00"), True, id="Mencap: no counted hours, nothing owed"),
    pytest.param("travel between visits counted",
                 _check(hours=Hours(worked=D("10"), travel=D("2")), basic_pay=D("122.10")),
                 D("12"), D("122.10"), D("10.18"), D("24.42"), False,
                 id="reg 34: travel between assignments is working time"),
    pytest.param("travel paid",
                 _check(hours=Hours(worked=D("10"), travel=D("2")), basic_pay=D("146.52")),
                 D("12"), D("146.52"), D("12.21"), D("0.00"), True, id="reg 34: travel paid at NLW"),
    pytest.param("premium at NLW basic",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("244.20"), premiums=D("60.00")),
                 D("20"), D("244.20"), D("12.21"), D("0.00"), True, id="NMWM09270: premium left out"),
    pytest.param("premium cannot make up low basic",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("240.00"), premiums=D("100.00")),
                 D("20"), D("240.00"), D("12.00"), D("4.20"), False,
                 id="NMWM09270: basic 12.00 + weekend premium still below 12.21"),
    pytest.param("expenses cannot make up low basic",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("240.00"), expenses=D("80.00")),
                 D("20"), D("240.00"), D("12.00"), D("4.20"), False, id="NMWM09170: expenses left out"),
    pytest.param("salary sacrifice below NLW",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("244.20"), salary_sacrifice=D("10.00")),
                 D("20"), D("234.20"), D("11.71"), D("10.00"), False,
                 id="salary sacrifice reduces minimum-wage pay"),
    pytest.param("deduction for employer's benefit",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("250.00"), deductions_for_employer=D("15.00")),
                 D("20"), D("235.00"), D("11.75"), D("9.20"), False,
                 id="reg 12: deduction for the employer's own use and benefit (uniform)"),
    pytest.param("free accommodation",
                 _check(hours=Hours(worked=D("20")), basic_pay=D("200.00"), accommodation_days=7),
                 D("20"), D("274.62"), D("13.73"), D("0.00"), True,
                 id="GOV-ACC: free accommodation adds the offset 7 x 10.66"),
    pytest.param("fractional hours shortfall rounds up",
                 _check(hours=Hours(worked=D("7.5")), basic_pay=D("91.57")),
                 D("7.5"), D("91.57"), D("12.21"), D("0.01"), False,
                 id="shortfall 91.575 - 91.57 = 0.005 rounds up to 1p; rate rounds to 12.21 but fails"),
])
def test_pay_and_hours_that_count(case, check, counted, pay, effective, shortfall, meets):
    result = mw.check_period(check)
    assert result.counted_hours == counted
    assert result.minimum_wage_pay == pay
    assert result.effective_hourly_rate == effective
    assert result.shortfall == shortfall
    assert result.meets_minimum is meets
    assert result.band == "NLW" and result.minimum_hourly_rate == D("12.21")


def test_premiums_and_expenses_do_not_change_the_result():
    plain = mw.check_period(_check(hours=Hours(worked=D("20")), basic_pay=D("230.00")))
    extras = mw.check_period(_check(hours=Hours(worked=D("20")), basic_pay=D("230.00"),
                                    premiums=D("99.00"), expenses=D("45.00"), sleep_in_allowance=D("30.00")))
    assert plain == extras


# --- accommodation offset: HMRC worked examples --------------------------------------------------

@pytest.mark.parametrize("days, charge, daily, effect", [
    pytest.param(5, D("24.10"), D("4.91"), D("0.00"), id="NMWM10210: rent 24.10 below offset 5 x 4.91 = 24.55"),
    pytest.param(7, D("92.31"), D("4.82"), D("-58.57"), id="NMWM10240: rent 92.31 - offset 33.74 = 58.57 off"),
    pytest.param(7, D("0"), D("4.82"), D("33.74"), id="GOV-ACC: free accommodation adds the offset"),
    pytest.param(7, D("33.74"), D("4.82"), D("0.00"), id="charge equal to the offset: no effect"),
    pytest.param(0, D("0"), D("4.82"), D("0.00"), id="no accommodation"),
])
def test_accommodation_effect(days, charge, daily, effect):
    assert mw.accommodation_effect(days, charge, daily) == effect


@pytest.mark.parametrize("days, charge, rate, daily, pay, effective, meets", [
    pytest.param(5, D("24.10"), D("6.31"), D("4.91"), D("283.95"), D("6.31"), True,
                 id="NMWM10210: 45 h x 6.31, rent under the offset, rate 6.31"),
    pytest.param(7, D("92.31"), D("6.19"), D("4.82"), D("219.98"), D("4.89"), False,
                 id="NMWM10240: 45 h x 6.19, rent 400/month = 92.31/week, NMW pay 219.98, rate 4.89"),
])
def test_hmrc_accommodation_examples_at_their_own_rates(days, charge, rate, daily, pay, effective, meets):
    check = _check(hours=Hours(worked=D("45")), basic_pay=rate * 45, accommodation_days=days,
                   accommodation_charge=charge)
    result = mw.check_period(check, minimum_rate=rate, daily_offset=daily)
    assert result.minimum_wage_pay == pay
    assert result.effective_hourly_rate == effective
    assert result.meets_minimum is meets
    assert result.minimum_hourly_rate == rate


def test_nmwm10240_rent_per_week():
    # HMRC converts £400 a month to a week as 400 x 12 / 52 and rounds to the penny.
    assert (D("400") * 12 / 52).quantize(D("0.01")) == D("92.31")


def test_accommodation_uses_the_offset_in_force_on_the_first_day():
    before = _check(period_start=date(2025, 3, 26), period_end=date(2025, 4, 1),
                    hours=Hours(worked=D("10")), basic_pay=D("100.00"), accommodation_days=7)
    assert mw.check_period(before).minimum_wage_pay == D("100.00") + 7 * D("9.99")


# --- Real Living Wage and the care wage benchmark ------------------------------------------------

@pytest.mark.parametrize("start, london, required, latest, pay_by", [
    pytest.param(date(2025, 4, 28), False, D("12.00"), D("12.60"), date(2025, 5, 1),
                 id="LWF: 2024 rate announced, not yet due: 2023 rate 12.00 still required"),
    pytest.param(date(2025, 5, 1), False, D("12.60"), D("12.60"), date(2025, 5, 1),
                 id="LWF: period starting on the pay-by date must use 12.60"),
    pytest.param(date(2025, 11, 3), False, D("12.60"), D("13.45"), date(2026, 5, 1),
                 id="LWF: 13.45 announced 22 Oct 2025, due 1 May 2026"),
    pytest.param(date(2025, 11, 3), True, D("13.85"), D("14.80"), date(2026, 5, 1), id="London"),
    pytest.param(date(2026, 5, 4), True, D("14.80"), D("14.80"), date(2026, 5, 1), id="London after pay-by"),
])
def test_real_living_wage_in_the_result(start, london, required, latest, pay_by):
    result = mw.check_hourly(period_start=start, period_end=start + timedelta(days=6), hours=D("10"),
                             hourly_rate=D("13.00"), age=30, london=london)
    assert result.real_living_wage_hourly_rate == required
    assert result.real_living_wage_latest_rate == latest
    assert result.real_living_wage_pay_by == pay_by
    assert result.meets_real_living_wage is (D("13.00") >= required)
    assert result.real_living_wage_gap == D("13.00") - required


def test_real_living_wage_not_for_under_18s():
    result = mw.check_hourly(period_start=date(2025, 6, 2), period_end=date(2025, 6, 8), hours=D("10"),
                             hourly_rate=D("8.00"), age=17)
    assert result.band == "under-18" and result.meets_minimum
    assert result.real_living_wage_hourly_rate is None
    assert result.meets_real_living_wage is None and result.real_living_wage_gap is None


def test_real_living_wage_unknown_before_first_pay_by_date():
    result = mw.check_hourly(period_start=date(2016, 11, 7), period_end=date(2016, 11, 13), hours=D("10"),
                             hourly_rate=D("7.20"), age=30)
    assert result.real_living_wage_hourly_rate is None
    assert result.real_living_wage_latest_rate == D("8.45")


@pytest.mark.parametrize("uplift, rate, meets", [
    pytest.param(D("2.00"), D("14.21"), False, id="Reinventing Social Care: NLW 12.21 + default 2.00"),
    pytest.param(D("1.00"), D("13.21"), True, id="user-set uplift 1.00"),
])
def test_care_wage_benchmark_in_the_result(uplift, rate, meets):
    check = _check(hours=Hours(worked=D("10")), basic_pay=D("135.00"), care_wage_uplift=uplift)
    result = mw.check_period(check)
    assert result.care_wage_rate == rate and result.meets_care_wage is meets


def test_care_wage_absent_unless_asked():
    result = mw.check_period(_check(hours=Hours(worked=D("10")), basic_pay=D("135.00")))
    assert result.care_wage_rate is None and result.meets_care_wage is None


def test_provisional_2027_rates_are_flagged():
    result = mw.check_hourly(period_start=date(2027, 4, 5), period_end=date(2027, 4, 11), hours=D("10"),
                             hourly_rate=D("13.21"), age=30)
    assert result.provisional and result.minimum_hourly_rate == D("13.21")
    confirmed = mw.check_hourly(period_start=date(2026, 4, 6), period_end=date(2026, 4, 12), hours=D("10"),
                                hourly_rate=D("13.21"), age=30)
    assert not confirmed.provisional


# --- check_hourly --------------------------------------------------------------------------------

def test_check_hourly_with_age_or_date_of_birth_agree():
    kw = dict(period_start=date(2025, 6, 2), period_end=date(2025, 6, 8), hours=D("16"))
    by_age = mw.check_hourly(**kw, pay=D("160.00"), age=19)
    by_dob = mw.check_hourly(**kw, hourly_rate=D("10.00"), date_of_birth=date(2006, 1, 1))
    assert by_age == by_dob
    assert by_age.band == "18-20" and by_age.meets_minimum and by_age.effective_hourly_rate == D("10.00")


@pytest.mark.parametrize("kw, code", [
    pytest.param(dict(pay=D("1"), hourly_rate=D("1"), age=30), "PAY_OR_RATE_NEEDED", id="pay and rate"),
    pytest.param(dict(age=30), "PAY_OR_RATE_NEEDED", id="neither pay nor rate"),
    pytest.param(dict(pay=D("1")), "AGE_NEEDED", id="no age"),
    pytest.param(dict(pay=D("-1"), age=30), "NEGATIVE_AMOUNT", id="negative pay"),
])
def test_check_hourly_input_errors(kw, code):
    with pytest.raises(mw.MinimumWageError) as caught:
        mw.check_hourly(period_start=date(2025, 6, 2), period_end=date(2025, 6, 8), hours=D("10"), **kw)
    assert caught.value.code == code


@pytest.mark.parametrize("kw, code", [
    pytest.param(dict(period_end=date(2025, 6, 1)), "PERIOD_ENDS_BEFORE_START", id="end before start"),
    pytest.param(dict(accommodation_days=8), "ACCOMMODATION_DAYS_OUT_OF_RANGE", id="8 days in a week"),
    pytest.param(dict(accommodation_charge=D("10")), "ACCOMMODATION_CHARGE_WITHOUT_DAYS", id="charge, no days"),
])
def test_period_input_errors(kw, code):
    with pytest.raises(mw.MinimumWageError) as caught:
        _check(hours=Hours(worked=D("10")), basic_pay=D("130"), **kw)
    assert caught.value.code == code


def test_negative_hours_rejected():
    with pytest.raises(mw.MinimumWageError) as caught:
        Hours(worked=D("-1"))
    assert caught.value.code == "NEGATIVE_HOURS"


def test_money_must_not_be_float():
    with pytest.raises(TypeError):
        _check(hours=Hours(worked=D("10")), basic_pay=130.0)


# --- arrears (the Act s.17) ----------------------------------------------------------------------

@pytest.mark.parametrize("shortfall, then, now, owed", [
    pytest.param(D("50.00"), D("10.42"), D("12.71"), D("60.99"), id="s.17(4): 50 / 10.42 x 12.71 = 60.9885"),
    pytest.param(D("100.00"), D("5.00"), D("6.00"), D("120.00"), id="s.17(4): rate up 20%, arrears up 20%"),
    pytest.param(D("24.42"), D("12.21"), D("12.21"), D("24.42"), id="s.17(1)(a): same rate, the shortfall"),
    pytest.param(D("24.42"), D("12.71"), D("12.21"), D("24.42"), id="s.17(1)(a): rate now lower, the shortfall"),
])
def test_arrears(shortfall, then, now, owed):
    assert mw.arrears(shortfall, then, now) == owed


@pytest.mark.parametrize("period_start, determined, kw, owed", [
    pytest.param(date(2023, 6, 5), date(2026, 6, 1), dict(age=30), D("121.98"),
                 id="NLW 10.42 in 2023, 12.71 now: 100 / 10.42 x 12.71"),
    pytest.param(date(2023, 6, 5), date(2025, 6, 1), dict(age=22), D("119.94"),
                 id="21-22 band 10.18 in 2023; today's rules give a 22-year-old the NLW 12.21"),
    pytest.param(date(2023, 6, 5), date(2025, 6, 1), dict(age=19, apprentice=True), D("142.99"),
                 id="apprentice 5.28 in 2023, apprentice 7.55 now: 100 / 5.28 x 7.55 = 142.992"),
    pytest.param(date(2025, 6, 2), date(2025, 9, 1), dict(date_of_birth=ADULT), D("100.00"),
                 id="same rate still in force: the shortfall"),
])
def test_arrears_for_period(period_start, determined, kw, owed):
    if kw.get("apprentice"):
        kw = {**kw, "apprenticeship_start": date(2023, 1, 9)}  # first year in June 2023
    assert mw.arrears_for_period(D("100.00"), period_start, determined, **kw) == owed


# --- warnings ------------------------------------------------------------------------------------

def _codes(warnings):
    return [(w.code, w.on) for w in warnings]


@pytest.mark.parametrize("today, current, expected", [
    pytest.param(date(2026, 1, 1), D("12.21"), [("NMW_APRIL_RISE_BELOW", date(2026, 4, 1))],
                 id="1 January: the April 2026 rise is warned"),
    pytest.param(date(2026, 3, 31), D("12.50"), [("NMW_APRIL_RISE_BELOW", date(2026, 4, 1))],
                 id="31 March: still warned"),
    pytest.param(date(2025, 12, 31), D("12.21"), [], id="December: too early to warn"),
    pytest.param(date(2026, 1, 15), D("12.71"), [], id="already at the new rate: no warning"),
    pytest.param(date(2026, 4, 2), D("12.21"), [], id="after 1 April: the check itself flags it"),
])
def test_april_rise_warning(today, current, expected):
    warnings = mw.upcoming_changes(today, ADULT, current)
    assert _codes(warnings) == expected
    for w in warnings:
        assert w.rate == D("12.71") and w.band == "NLW" and w.current_rate == current
        assert not w.provisional


def test_april_2027_rise_is_warned_as_provisional():
    (warning,) = mw.upcoming_changes(date(2027, 1, 4), ADULT, D("12.71"))
    assert (warning.code, warning.rate, warning.provisional) == ("NMW_APRIL_RISE_BELOW", D("13.21"), True)


def test_april_warning_uses_the_band_on_1_april():
    # Turns 21 on 20 March 2026: from April the NLW applies, not the 18-20 rate.
    dob = date(2005, 3, 20)
    warnings = mw.upcoming_changes(date(2026, 1, 10), dob, D("11.00"), horizon_days=30)
    (april,) = [w for w in warnings if w.code == "NMW_APRIL_RISE_BELOW"]
    assert (april.band, april.rate) == ("NLW", D("12.71"))


@pytest.mark.parametrize("today, dob, expected", [
    pytest.param(date(2025, 8, 1), date(2007, 9, 10), ("BAND_CHANGE_BIRTHDAY", date(2025, 9, 10), "under-18", "18-20"),
                 id="turning 18"),
    pytest.param(date(2025, 8, 1), date(2004, 9, 10), ("BAND_CHANGE_BIRTHDAY", date(2025, 9, 10), "18-20", "NLW"),
                 id="turning 21 (NLW age 21 since 2024)"),
    pytest.param(date(2022, 8, 1), date(1999, 9, 10), ("BAND_CHANGE_BIRTHDAY", date(2022, 9, 10), "21-22", "NLW"),
                 id="turning 23 (NLW age 23 in 2022)"),
    pytest.param(date(2019, 8, 1), date(1994, 9, 10), ("BAND_CHANGE_BIRTHDAY", date(2019, 9, 10), "21-24", "NLW"),
                 id="turning 25 (NLW age 25 in 2019)"),
    pytest.param(date(2025, 9, 10), date(2004, 9, 10), ("BAND_CHANGE_BIRTHDAY", date(2025, 9, 10), "18-20", "NLW"),
                 id="birthday today: the next period changes band"),
])
def test_birthday_band_change_warning(today, dob, expected):
    warnings = mw.upcoming_changes(today, dob, D("50.00"))
    assert [(w.code, w.on, w.previous_band, w.band) for w in warnings] == [expected]
    assert warnings[0].rate == mw.rates_in_force(expected[1]).rate(expected[3])


@pytest.mark.parametrize("today, dob", [
    pytest.param(date(2025, 8, 1), date(2000, 9, 10), id="turning 25 in 2025: no band change"),
    pytest.param(date(2025, 5, 1), date(2004, 9, 10), id="turning 21 beyond the horizon"),
])
def test_no_birthday_warning(today, dob):
    assert mw.upcoming_changes(today, dob, D("50.00")) == []


def test_apprentice_warnings():
    # Aged 19 in the first year, which ends 1 Sept 2025: moves to 18-20; the 20th birthday does not
    # change the band again.
    dob = date(2005, 10, 1)
    warnings = mw.upcoming_changes(date(2025, 7, 1), dob, D("8.00"), apprentice=True,
                                   apprenticeship_start=date(2024, 9, 1))
    assert [(w.code, w.on, w.previous_band, w.band, w.rate) for w in warnings] == [
        ("APPRENTICE_FIRST_YEAR_ENDS", date(2025, 9, 1), "apprentice", "18-20", D("10.00")),
    ]
    # Aged 18 in the second year: turning 19 ends the apprentice rate.
    dob = date(2006, 8, 20)
    warnings = mw.upcoming_changes(date(2025, 7, 1), dob, D("8.00"), apprentice=True,
                                   apprenticeship_start=date(2023, 9, 1))
    assert [(w.code, w.on, w.band) for w in warnings] == [("BAND_CHANGE_BIRTHDAY", date(2025, 8, 20), "18-20")]


@pytest.mark.parametrize("today, follows, london, current, expected", [
    pytest.param(date(2025, 11, 1), True, False, D("12.60"), [("RLW_PAY_BY", date(2026, 5, 1), D("13.45"))],
                 id="LWF: 13.45 announced 22 Oct 2025, pay by 1 May 2026"),
    pytest.param(date(2025, 11, 1), True, True, D("14.00"), [("RLW_PAY_BY", date(2026, 5, 1), D("14.80"))],
                 id="LWF London: 14.80 by 1 May 2026"),
    pytest.param(date(2025, 11, 1), True, False, D("13.45"), [], id="already at the new rate"),
    pytest.param(date(2025, 11, 1), False, False, D("12.60"), [], id="employer does not follow the RLW"),
    pytest.param(date(2025, 10, 21), True, False, D("12.60"), [], id="day before the announcement"),
    pytest.param(date(2026, 5, 1), True, False, D("12.60"), [], id="pay-by date reached: nothing pending"),
])
def test_real_living_wage_pay_by_warning(today, follows, london, current, expected):
    warnings = mw.upcoming_changes(today, ADULT, current, follows_rlw=follows, london=london)
    assert [(w.code, w.on, w.rate) for w in warnings if w.code == "RLW_PAY_BY"] == expected


def test_warnings_january_vs_december_for_an_rlw_employer():
    january = mw.upcoming_changes(date(2026, 1, 5), ADULT, D("12.21"), follows_rlw=True)
    assert _codes(january) == [("NMW_APRIL_RISE_BELOW", date(2026, 4, 1)), ("RLW_PAY_BY", date(2026, 5, 1))]
    december = mw.upcoming_changes(date(2025, 12, 5), ADULT, D("12.21"), follows_rlw=True)
    assert _codes(december) == [("RLW_PAY_BY", date(2026, 5, 1))]


def test_results_are_frozen():
    result = mw.check_hourly(period_start=WEEK, period_end=WEEK + timedelta(days=6), hours=D("1"),
                             pay=D("20"), age=30)
    with pytest.raises(AttributeError):
        result.band = "NLW"  # type: ignore[misc]
