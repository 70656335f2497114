"""Automatic enrolment: thresholds, worker categories, State Pension age, contributions, opt-out.

Each table row names where its expected answer comes from.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pa_manager.domain import pension as p
from pa_manager.domain.dates import age_on, anniversary
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.rates import RatesError

C = p.WorkerCategory
TPR = "TPR earnings thresholds table"

# --- per-period thresholds ------------------------------------------------------------------------

THRESHOLDS = [
    # frequency, pay date, trigger, lower, upper, source
    (F.WEEKLY, date(2024, 4, 6), "192", "120", "967", TPR + " 2024-25"),
    (F.FORTNIGHTLY, date(2024, 9, 1), "384", "240", "1934", TPR + " 2024-25"),
    (F.FOUR_WEEKLY, date(2025, 1, 1), "768", "480", "3867", TPR + " 2024-25"),
    (F.MONTHLY, date(2025, 4, 5), "833", "520", "4189", TPR + " 2024-25"),
    (F.MONTHLY, date(2025, 4, 6), "833", "520", "4189", TPR + " 2025-26"),
    (F.WEEKLY, date(2026, 3, 31), "192", "120", "967", TPR + " 2025-26"),
    (F.MONTHLY, date(2026, 4, 30), "833", "520", "4189", "HCWS1206: frozen for 2026-27 (per period D)"),
    (F.FOUR_WEEKLY, date(2027, 1, 1), "768", "480", "3867", "HCWS1206: frozen for 2026-27 (per period D)"),
]


@pytest.mark.parametrize("frequency, on, trigger, lower, upper, source", THRESHOLDS)
def test_thresholds(frequency, on, trigger, lower, upper, source):
    t = p.thresholds(frequency, on)
    assert (t.earnings_trigger, t.lower_qualifying, t.upper_qualifying) == (D(trigger), D(lower), D(upper)), source


def test_thresholds_before_first_year_are_refused():
    with pytest.raises(RatesError):
        p.thresholds(F.MONTHLY, date(2024, 4, 5))


def test_2026_27_per_period_figures_are_marked_derived():
    assert p.thresholds(F.MONTHLY, date(2026, 5, 1)).evidence == "D"
    assessment = p.assess(date(1990, 1, 1), D("2000"), F.MONTHLY, date(2026, 5, 1))
    assert "PENSION_THRESHOLDS_NOT_OFFICIAL" in assessment.codes
    assert "PENSION_THRESHOLDS_NOT_OFFICIAL" not in p.assess(date(1990, 1, 1), D("2000"), F.MONTHLY,
                                                             date(2025, 5, 1)).codes


# --- categories -------------------------------------------------------------------------------------

PAY_DAY = date(2025, 6, 30)
AGED_35 = date(1990, 1, 1)
S3 = "Pensions Act 2008 s.3(1): earnings of MORE THAN the trigger"
S13 = "Pensions Act 2008 s.1 and s.13: qualifying earnings are earnings above the lower amount"

EARNINGS_CATEGORIES = [
    # earnings, frequency, category, source
    ("833.01", F.MONTHLY, C.ELIGIBLE_JOBHOLDER, S3 + "; TPR monthly trigger £833"),
    ("833.00", F.MONTHLY, C.NON_ELIGIBLE_JOBHOLDER, S3 + " (£833.00 is not more than £833)"),
    ("832.99", F.MONTHLY, C.NON_ELIGIBLE_JOBHOLDER, S3),
    ("192.01", F.WEEKLY, C.ELIGIBLE_JOBHOLDER, S3 + "; TPR weekly trigger £192"),
    ("192.00", F.WEEKLY, C.NON_ELIGIBLE_JOBHOLDER, S3),
    ("384.01", F.FORTNIGHTLY, C.ELIGIBLE_JOBHOLDER, S3 + "; TPR fortnightly trigger £384"),
    ("768.00", F.FOUR_WEEKLY, C.NON_ELIGIBLE_JOBHOLDER, S3 + "; TPR four-weekly trigger £768"),
    ("520.01", F.MONTHLY, C.NON_ELIGIBLE_JOBHOLDER, S13 + "; TPR monthly lower £520"),
    ("520.00", F.MONTHLY, C.ENTITLED_WORKER, S13),
    ("0.00", F.MONTHLY, C.ENTITLED_WORKER, S13),
    ("110.00", F.WEEKLY, C.ENTITLED_WORKER, "thepayrollsite FAQ 528: Jack earns £110 a week, no contributions"),
    ("120.01", F.WEEKLY, C.NON_ELIGIBLE_JOBHOLDER, S13 + "; TPR weekly lower £120"),
]


@pytest.mark.parametrize("earnings, frequency, category, source", EARNINGS_CATEGORIES)
def test_category_by_earnings(earnings, frequency, category, source):
    assert p.assess(AGED_35, D(earnings), frequency, PAY_DAY).category is category, source


AGE_CATEGORIES = [
    # date of birth, pay date, category, source
    (date(2003, 6, 30), date(2025, 6, 30), C.ELIGIBLE_JOBHOLDER, "s.3(1)(a): 22 on the pay date"),
    (date(2003, 7, 1), date(2025, 6, 30), C.NON_ELIGIBLE_JOBHOLDER, "s.3(1)(a): 21 the day before 22"),
    (date(2009, 6, 30), date(2025, 6, 30), C.NON_ELIGIBLE_JOBHOLDER, "s.1(1)(b): 16 is a jobholder"),
    (date(2009, 7, 1), date(2025, 6, 30), C.NO_DUTY, "s.1(1)(b): 15 is not"),
    (date(1950, 7, 1), date(2025, 6, 30), C.NON_ELIGIBLE_JOBHOLDER, "s.1(1)(b): 74 is a jobholder"),
    (date(1950, 6, 30), date(2025, 6, 30), C.NO_DUTY, "s.1(1)(b): 'under 75'"),
    (date(1959, 6, 30), date(2025, 6, 30), C.NON_ELIGIBLE_JOBHOLDER, "s.3(1)(b): 66, State Pension age reached"),
    (date(1960, 4, 15), date(2026, 5, 14), C.ELIGIBLE_JOBHOLDER, "PA 2014 notes: SPA 15 May 2026"),
    (date(1960, 4, 15), date(2026, 5, 15), C.NON_ELIGIBLE_JOBHOLDER, "PA 2014 notes: SPA 15 May 2026"),
]


@pytest.mark.parametrize("born, pay_date, category, source", AGE_CATEGORIES)
def test_category_by_age(born, pay_date, category, source):
    assert p.assess(born, D("3000"), F.MONTHLY, pay_date).category is category, source


def test_entitled_worker_outside_age_band_has_no_duty():
    assert p.assess(date(2010, 1, 1), D("100"), F.MONTHLY, PAY_DAY).category is C.NO_DUTY


def test_assessment_flags_and_codes():
    eligible = p.assess(AGED_35, D("1000"), F.MONTHLY, PAY_DAY)
    assert eligible.must_enrol and eligible.employer_must_contribute and not eligible.may_opt_in
    assert eligible.qualifying_earnings == D("480")
    young = p.assess(date(2005, 1, 1), D("1000"), F.MONTHLY, PAY_DAY)
    assert young.may_opt_in and young.employer_must_contribute and young.codes == ("PENSION_UNDER_22",)
    low = p.assess(AGED_35, D("400"), F.MONTHLY, PAY_DAY)
    assert low.may_join and not low.employer_must_contribute
    assert low.codes == ("PENSION_NO_QUALIFYING_EARNINGS",)


def test_negative_earnings_refused():
    with pytest.raises(ValueError):
        p.assess(AGED_35, D("-1"), F.MONTHLY, PAY_DAY)


# --- State Pension age ------------------------------------------------------------------------------

PA14 = "Pensions Act 2014 s.26 / explanatory notes para 124"
SPA = [
    (date(1960, 4, 15), date(2026, 5, 15), PA14 + ": 66 and 1 month"),
    (date(1960, 9, 10), date(2027, 3, 10), PA14 + ": 66 and 6 months"),
    (date(1961, 1, 22), date(2027, 11, 22), PA14 + ": 66 and 10 months"),
    (date(1960, 7, 31), date(2026, 11, 30), "Pensions Act 1995 Sch 4 para 1(7A)(a)"),
    (date(1960, 12, 31), date(2027, 9, 30), "Pensions Act 1995 Sch 4 para 1(7A)(b)"),
    (date(1961, 1, 31), date(2027, 11, 30), "Pensions Act 1995 Sch 4 para 1(7A)(c)"),
    (date(1960, 4, 6), date(2026, 5, 6), "table 3 row 1 starts 6 April 1960"),
    (date(1960, 5, 5), date(2026, 6, 5), "table 3 row 1 ends 5 May 1960"),
    (date(1960, 5, 6), date(2026, 7, 6), "table 3 row 2: 66 and 2 months"),
    (date(1961, 3, 5), date(2028, 2, 5), "table 3 last row: 66 and 11 months"),
    (date(1960, 4, 5), date(2026, 4, 5), "PA 2011: born 6 Oct 1954 to 5 Apr 1960, SPA 66"),
    (date(1954, 10, 6), date(2020, 10, 6), "PA 2011: born 6 Oct 1954 to 5 Apr 1960, SPA 66"),
    (date(1961, 3, 6), date(2028, 3, 6), "PA 2014 notes para 123: born 6 Mar 1961 to 5 Apr 1977, 67"),
    (date(1970, 1, 1), date(2037, 1, 1), "PA 2014 notes para 123: 67"),
    (date(1964, 2, 29), date(2031, 3, 1), "29 February birthday reached on 1 March in a common year"),
]


@pytest.mark.parametrize("born, expected, source", SPA)
def test_state_pension_date(born, expected, source):
    assert p.state_pension_date(born) == expected, source


@given(st.dates(date(1940, 1, 1), date(2010, 12, 31)))
def test_state_pension_age_is_between_66_and_67(born):
    spa = p.state_pension_date(born)
    assert age_on(born, spa) in (66, 67)
    assert spa >= anniversary(born, 66)
    assert spa <= anniversary(born, 67)


# --- qualifying earnings and contributions ------------------------------------------------------------

QE = [
    ("620.00", F.MONTHLY, "100.00", "thepayrollsite FAQ 528: Jill earns £620 a month, £100 in the band"),
    ("833.00", F.MONTHLY, "313.00", "earnings - £520 (6,240 / 12)"),
    ("5000.00", F.MONTHLY, "3669", "capped at £4,189 - £520"),
    ("4189.00", F.MONTHLY, "3669", "not more than the upper amount"),
    ("300.00", F.WEEKLY, "180.00", "earnings - £120"),
    ("100.00", F.WEEKLY, "0", "below the lower amount"),
]


@pytest.mark.parametrize("earnings, frequency, expected, source", QE)
def test_qualifying_earnings(earnings, frequency, expected, source):
    limits = p.thresholds(frequency, PAY_DAY)
    assert p.qualifying_earnings(D(earnings), limits) == D(expected), source


RAS = p.PensionScheme(D("0.03"), D("0.05"), p.TaxRelief.RELIEF_AT_SOURCE, "minimum, relief at source")
NET = p.PensionScheme(D("0.03"), D("0.05"), p.TaxRelief.NET_PAY, "minimum, net pay")

CONTRIBUTIONS = [
    # qualifying, scheme, employer, employee gross, deducted, relief, reduces taxable, source
    ("100.00", RAS, "3.00", "5.00", "4.00", "1.00", False, "thepayrollsite FAQ 528: £3 employer, £4 Jill, £1 HMRC"),
    ("100.00", NET, "3.00", "5.00", "5.00", "0.00", True, "thepayrollsite FAQ 528: net pay takes 5% from pay"),
    ("313.00", RAS, "9.39", "15.65", "12.52", "3.13", False, "3% / 4% / 1% of £313"),
    ("333.33", RAS, "10.00", "16.67", "13.34", "3.33", False, "rounded up: 9.9999 -> 10.00, 16.6665 -> 16.67, 13.3332 -> 13.34"),
    ("333.33", NET, "10.00", "16.67", "16.67", "0.00", True, "rounded up: 16.6665 -> 16.67"),
    ("0.10", RAS, "0.01", "0.01", "0.01", "0.00", False, "rounded up so the employer's 3% is met"),
    ("0", RAS, "0.00", "0.00", "0.00", "0.00", False, "no qualifying earnings, nothing paid"),
]


@pytest.mark.parametrize("qe, scheme, employer, gross, deducted, relief, reduces, source", CONTRIBUTIONS)
def test_contributions(qe, scheme, employer, gross, deducted, relief, reduces, source):
    c = p.contributions(D(qe), scheme, PAY_DAY)
    assert (c.employer, c.employee_gross, c.employee_deducted, c.tax_relief_at_source, c.reduces_taxable_pay) == (
        D(employer), D(gross), D(deducted), D(relief), reduces), source
    assert c.total == c.employer + c.employee_gross


@pytest.mark.parametrize("employer, employee, codes", [
    ("0.02", "0.06", ("PENSION_EMPLOYER_BELOW_MINIMUM",)),
    ("0.03", "0.04", ("PENSION_TOTAL_BELOW_MINIMUM",)),
    ("0.00", "0.00", ("PENSION_EMPLOYER_BELOW_MINIMUM", "PENSION_TOTAL_BELOW_MINIMUM")),
    ("0.08", "0.00", ()),  # the employer may pay the whole 8%
])
def test_scheme_minimums(employer, employee, codes):
    scheme = p.PensionScheme(D(employer), D(employee), p.TaxRelief.NET_PAY)
    assert p.scheme_shortfalls(scheme, PAY_DAY) == codes
    if codes:
        with pytest.raises(p.SchemeBelowMinimum) as raised:
            p.contributions(D("100"), scheme, PAY_DAY)
        assert raised.value.codes == codes
        # An entitled worker who joins: the employer need not contribute.
        joined = p.contributions(D("100"), scheme, PAY_DAY, employer_must_contribute=False)
        assert joined.employer == D(employer) * 100


def test_minimum_rates_from_rates_file():
    assert p.minimum_rates(PAY_DAY) == p.MinimumRates(total=D("0.08"), employer=D("0.03"))


def test_scheme_rates_must_be_decimal_fractions():
    with pytest.raises(TypeError):
        p.PensionScheme(0.03, D("0.05"), p.TaxRelief.NET_PAY)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        p.PensionScheme(D("3"), D("0.05"), p.TaxRelief.NET_PAY)


money = st.decimals(min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=D("0.2"), places=3, allow_nan=False, allow_infinity=False)
frequencies = st.sampled_from(list(F))
days = st.dates(date(2024, 4, 6), date(2027, 4, 5))


@given(earnings=money, frequency=frequencies, on=days, extra_employer=rates, extra_employee=rates,
       relief=st.sampled_from(list(p.TaxRelief)))
def test_contribution_properties(earnings, frequency, on, extra_employer, extra_employee, relief):
    scheme = p.PensionScheme(D("0.03") + extra_employer, D("0.05") + extra_employee, relief)
    limits = p.thresholds(frequency, on)
    qe = p.qualifying_earnings(earnings, limits)
    assert 0 <= qe <= limits.upper_qualifying - limits.lower_qualifying
    c = p.contributions(qe, scheme, on)
    for amount in (c.employer, c.employee_gross, c.employee_deducted, c.tax_relief_at_source):
        assert amount >= 0
        assert amount == amount.quantize(D("0.01"))
    assert c.employer >= qe * D("0.03")                       # employer at least 3%
    assert c.total >= qe * D("0.08")                          # total at least 8%
    assert c.employee_gross == c.employee_deducted + c.tax_relief_at_source
    if relief is p.TaxRelief.RELIEF_AT_SOURCE:
        assert c.employee_deducted >= qe * scheme.employee_rate * D("0.8")
        assert not c.reduces_taxable_pay
    else:
        assert c.tax_relief_at_source == 0 and c.reduces_taxable_pay


@given(earnings=money, frequency=frequencies, on=days, born=st.dates(date(1945, 1, 1), date(2012, 1, 1)))
def test_category_properties(earnings, frequency, on, born):
    a = p.assess(born, earnings, frequency, on)
    limits = p.thresholds(frequency, on)
    if a.category is C.ELIGIBLE_JOBHOLDER:
        assert earnings > limits.earnings_trigger and 22 <= a.age and not a.reached_state_pension_age
    if a.category is C.ENTITLED_WORKER:
        assert earnings <= limits.lower_qualifying and 16 <= a.age <= 74
    if a.category is C.NON_ELIGIBLE_JOBHOLDER:
        assert earnings > limits.lower_qualifying and 16 <= a.age <= 74
    if a.category is C.NO_DUTY:
        assert a.age < 16 or a.age >= 75


# --- postponement --------------------------------------------------------------------------------------

def test_postponement_limits():
    # TPR: up to 3 months from the start; a notice within 6 weeks of the start of postponement.
    post = p.postponement(date(2025, 1, 15))
    assert post.latest_deferral_date == date(2025, 4, 14)
    assert post.notice_due_by == date(2025, 2, 25)
    assert p.postponement(date(2025, 11, 30)).latest_deferral_date == date(2026, 2, 27)
