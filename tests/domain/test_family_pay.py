"""Statutory family pay (domain.family_pay), held to the law's arithmetic and its published examples.

Sources for the expected figures:
- SSCBA 1992 s.166 (https://www.legislation.gov.uk/ukpga/1992/4/section/166): 6 weeks at 90% of AWE,
  then the lower of the standard rate and 90%; a day is one seventh of the weekly rate.
- SMP (General) Regulations 1986 reg 28 (https://legislation.gov.uk/uksi/1986/1960/regulation/28): the
  earnings-related weekly amount rounded up to the next penny.
- Acas, "Working out maternity pay" (https://acas.org.uk/your-maternity-leave-pay-and-other-rights/
  working-out-maternity-pay): 26 weeks before the qualifying week, the 15th week before the due week;
  £187.18 from 6 April 2025; LEL £125 from 6 April 2025.
- The example of £400 a week giving £360.00 for the first six weeks (Croner, "How to work out maternity
  pay", https://croner.co.uk/resources/pay-benefits/maternity-pay/calculate-smp/).
- HMRC Employer Helpbook E15 checksheets (AWE: add the earnings paid in the relevant period; weekly
  and irregular pay by days x 7, monthly by months x 12 / 52; do not round the AWE).
- HMRC SPM182100 (https://www.gov.uk/hmrc-internal-manuals/statutory-payments-manual/spm182100): small
  employers' relief at £45,000; 100% plus compensation; others 92%; 8.5% from 6 April 2025.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from pa_manager.domain import family_pay as fp
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.domain.sick_pay import Payment

D = Decimal


# --- weeks and the qualifying week ----------------------------------------------------------------

@pytest.mark.parametrize("day, sunday", [
    (date(2026, 9, 10), date(2026, 9, 6)),    # Thursday
    (date(2026, 9, 6), date(2026, 9, 6)),     # Sunday itself
    (date(2026, 9, 12), date(2026, 9, 6)),    # Saturday
])
def test_weeks_begin_on_sunday(day, sunday):
    assert fp.week_start(day) == sunday


def test_qualifying_week_is_the_15th_week_before_the_expected_week_of_childbirth():
    # Due Thursday 10 September 2026: the EWC begins Sunday 6 September; 15 weeks earlier is 24 May.
    assert fp.qualifying_week(fp.SMP, date(2026, 9, 10)) == date(2026, 5, 24)
    assert fp.qualifying_week(fp.SPP, date(2026, 9, 10)) == date(2026, 5, 24)
    assert fp.qualifying_week(fp.SHPP, date(2026, 9, 10)) == date(2026, 5, 24)


def test_matching_week_and_relevant_week():
    # Matched on Wednesday 9 July 2025: the matching week is the week of the match.
    assert fp.qualifying_week(fp.SAP, date(2025, 7, 9)) == date(2025, 7, 6)
    assert fp.qualifying_week(fp.SPP, date(2025, 7, 9), adoption=True) == date(2025, 7, 6)
    # The child died on Wednesday 15 October 2025: the relevant week is the week before.
    assert fp.qualifying_week(fp.SPBP, date(2025, 10, 15)) == date(2025, 10, 5)


def test_latest_start_date_gives_26_weeks_ending_with_the_qualifying_week():
    qw = date(2026, 5, 24)
    latest = fp.latest_start_date(qw)
    assert latest == date(2025, 12, 6)                     # a Saturday
    # Counting weeks (Sunday to Saturday) with any day employed, from that start to the QW: 26.
    assert (qw - fp.week_start(latest)).days // 7 + 1 == 26


# --- eligibility ---------------------------------------------------------------------------------

DUE = date(2026, 9, 10)          # QW 24-30 May 2026; LEL then £129 (2026-27)


@pytest.mark.parametrize("started, awe, codes", [
    (date(2025, 12, 6), D("129"), ()),                          # the last start that qualifies, AWE = LEL
    (date(2025, 12, 7), D("400"), (fp.SERVICE_TOO_SHORT,)),     # one day later
    (date(2020, 1, 1), D("128.99"), (fp.BELOW_LEL,)),
    (None, D("400"), (fp.SERVICE_TOO_SHORT,)),                  # start date not known
])
def test_smp_eligibility(started, awe, codes):
    found = fp.eligibility(fp.SMP, DUE, started, awe)
    assert found.codes == codes
    assert found.entitled == (codes == ())
    assert found.lower_earnings_limit == D("129")


def test_lel_of_2025_26_applies_to_a_qualifying_week_in_that_year():
    # Due 1 October 2025: QW 15-21 June 2025, LEL £125 (Acas).
    found = fp.eligibility(fp.SMP, date(2025, 10, 1), date(2024, 1, 1), D("125"))
    assert (found.qualifying_week, found.lower_earnings_limit, found.entitled) == (date(2025, 6, 15), D("125"), True)


def test_a_leaver_before_the_qualifying_week_is_not_entitled():
    found = fp.eligibility(fp.SMP, DUE, date(2020, 1, 1), D("400"), leaving_date=date(2026, 5, 23))
    assert found.codes == (fp.LEFT_BEFORE_QUALIFYING_WEEK,)
    assert fp.eligibility(fp.SMP, DUE, date(2020, 1, 1), D("400"), leaving_date=date(2026, 5, 24)).entitled


# --- average weekly earnings over the relevant period --------------------------------------------

def test_awe_weekly_paid_eight_fridays():
    # Paid £200 every Friday. QW 24-30 May 2026: last pay day on or before Saturday 30 May is Friday 29
    # May; the pay day at least 8 weeks before is 3 April; the relevant period is 4 April to 29 May
    # (56 days) holding 8 pay days: £1,600 / 56 x 7 = £200.
    fridays = [date(2026, 3, 6) + timedelta(weeks=n) for n in range(13)]
    pays = [Payment(day, D("200"), day - timedelta(days=6), day) for day in fridays]
    awe = fp.average_weekly_earnings(date(2026, 5, 24), pays, PayFrequency.WEEKLY)
    assert awe.amount == D("200")
    assert awe.relevant_period == (date(2026, 4, 4), date(2026, 5, 29))


def test_awe_monthly_paid_by_calendar_months():
    # £1,300 on the 28th of each month: relevant period 29 March to 28 May (2 months), £2,600 x 12 / 52 / 2.
    pays = [Payment(date(2026, m, 28), D("1300"), date(2026, m, 1), date(2026, m, 28)) for m in range(1, 7)]
    awe = fp.average_weekly_earnings(date(2026, 5, 24), pays, PayFrequency.MONTHLY)
    assert awe.amount == D("2600") * 12 / 52 / 2
    assert awe.relevant_period == (date(2026, 3, 29), date(2026, 5, 28))


# --- the pay, week by week ------------------------------------------------------------------------

def test_smp_example_400_a_week_2025_26():
    # £400 a week: 6 weeks at £360.00, then 33 at the standard rate, £187.18 (2025-26).
    weeks = fp.pay_weeks(fp.SMP, date(2025, 5, 4), D("400"))
    assert len(weeks) == 39
    assert [w.weekly_rate for w in weeks[:6]] == [D("360.00")] * 6
    assert {w.weekly_rate for w in weeks[6:]} == {D("187.18")}
    assert [w.basis for w in weeks[5:7]] == [fp.EARNINGS_RELATED, fp.STANDARD_RATE]
    assert fp.total(weeks) == D("2160.00") + 33 * D("187.18") == D("8336.94")
    assert (weeks[0].first, weeks[0].last, weeks[-1].last) == (date(2025, 5, 4), date(2025, 5, 10), date(2026, 1, 31))


def test_smp_low_earner_is_paid_90_percent_throughout():
    weeks = fp.pay_weeks(fp.SMP, date(2025, 5, 4), D("150"))
    assert {w.weekly_rate for w in weeks} == {D("135.00")}
    assert {w.basis for w in weeks} == {fp.EARNINGS_RELATED}


@pytest.mark.parametrize("awe, rate", [
    (D("333.33"), D("300.00")),       # 299.997 rounds up
    (D("200.01"), D("180.01")),       # 180.009 rounds up
    (D("200"), D("180.00")),          # exact
    (D("123.456789"), D("111.12")),   # unrounded AWE (HMRC: do not round it): 111.1111... up
])
def test_earnings_related_rate_rounds_up_to_the_penny(awe, rate):
    assert fp.earnings_related_rate(awe, date(2025, 5, 4)) == rate


@pytest.mark.parametrize("pay_start, week_of_rise", [
    (date(2026, 2, 1), 10),   # Sunday start: week 10 begins Sunday 5 April 2026, the uprating day
    (date(2026, 2, 2), 10),   # Monday start: week 9 begins 30 March (old rate), week 10 on 6 April
    (date(2026, 2, 7), 10),   # Saturday start: week 9 begins 4 April (old rate), week 10 on 11 April
    (date(2026, 1, 4), 14),   # Sunday start: week 14 begins 5 April
])
def test_april_rise_applies_to_weeks_beginning_on_or_after_the_first_sunday_in_april(pay_start, week_of_rise):
    weeks = fp.pay_weeks(fp.SMP, pay_start, D("1000"))
    first_new = next(w for w in weeks if w.weekly_rate == D("194.32"))
    assert first_new.number == week_of_rise
    assert first_new.first >= date(2026, 4, 5)
    assert first_new.first - timedelta(weeks=1) < date(2026, 4, 5)
    assert weeks[first_new.number - 2].weekly_rate == D("187.18")


def test_spp_two_weeks_at_the_lower_of_standard_and_90_percent():
    assert [w.weekly_rate for w in fp.pay_weeks(fp.SPP, date(2026, 9, 13), D("500"))] == [D("194.32")] * 2
    assert [w.weekly_rate for w in fp.pay_weeks(fp.SPP, date(2026, 9, 13), D("180"), weeks=1)] == [D("162.00")]


def test_sap_is_like_smp():
    weeks = fp.pay_weeks(fp.SAP, date(2026, 5, 3), D("500"))
    assert [w.weekly_rate for w in weeks[:7]] == [D("450.00")] * 6 + [D("194.32")]
    assert len(weeks) == 39


def test_shpp_and_spbp_never_pay_above_the_standard_rate():
    shpp = fp.pay_weeks(fp.SHPP, date(2026, 5, 3), D("800"), weeks=20)
    assert {w.weekly_rate for w in shpp} == {D("194.32")} and len(shpp) == 20
    assert len(fp.pay_weeks(fp.SHPP, date(2026, 5, 3), D("800"))) == 37
    assert [w.weekly_rate for w in fp.pay_weeks(fp.SPBP, date(2025, 10, 19), D("800"))] == [D("187.18")] * 2


@pytest.mark.parametrize("kind, weeks, code", [
    (fp.SPP, 3, fp.TOO_MANY_WEEKS), (fp.SMP, 40, fp.TOO_MANY_WEEKS), (fp.SHPP, 0, fp.NO_WEEKS),
    ("SSP", 1, fp.KIND_UNKNOWN),
])
def test_impossible_weeks_are_refused(kind, weeks, code):
    with pytest.raises(ValueError, match=code):
        fp.pay_weeks(kind, date(2026, 5, 3), D("400"), weeks=weeks)


def test_days_before_the_rates_held_are_refused():
    with pytest.raises(fp.RatesError):
        fp.pay_weeks(fp.SMP, date(2023, 5, 3), D("400"))


# --- what falls in a pay period ------------------------------------------------------------------

def test_monthly_periods_pay_the_days_of_each_rate():
    weeks = fp.pay_weeks(fp.SMP, date(2026, 4, 6), D("400"))   # 6 weeks at £360 to 17 May
    april = fp.pay_in_period(fp.SMP, weeks, date(2026, 4, 1), date(2026, 4, 30))
    assert [(line.weekly_rate, line.days, line.amount) for line in april] == [
        (D("360.00"), 25, D("1285.72"))]                    # 360 x 25 / 7 = 1,285.714... up
    may = fp.pay_in_period(fp.SMP, weeks, date(2026, 5, 1), date(2026, 5, 31))
    assert [(line.weekly_rate, line.days, line.amount, line.first, line.last) for line in may] == [
        (D("360.00"), 17, D("874.29"), date(2026, 5, 1), date(2026, 5, 17)),
        (D("194.32"), 14, D("388.64"), date(2026, 5, 18), date(2026, 5, 31)),
    ]


def test_weekly_periods_that_match_the_pay_weeks_pay_whole_weeks():
    weeks = fp.pay_weeks(fp.SPP, date(2026, 9, 13), D("500"))
    first = fp.pay_in_period(fp.SPP, weeks, date(2026, 9, 13), date(2026, 9, 19))
    assert [(line.days, line.amount) for line in first] == [(7, D("194.32"))]
    assert fp.pay_in_period(fp.SPP, weeks, date(2026, 9, 27), date(2026, 10, 3)) == ()


def test_every_day_is_paid_once_across_periods():
    weeks = fp.pay_weeks(fp.SMP, date(2025, 6, 11), D("321.09"))
    paid_days, start = 0, date(2025, 6, 1)
    while start < date(2026, 4, 1):
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        paid_days += sum(line.days for line in fp.pay_in_period(fp.SMP, weeks, start, end))
        start = end + timedelta(days=1)
    assert paid_days == 39 * 7


# --- the record ----------------------------------------------------------------------------------

def _leave(**changes):
    base = dict(kind=fp.SMP, key_date=DUE, leave_start=date(2026, 8, 16), pay_start=date(2026, 8, 16),
                average_weekly_earnings=D("400"))
    return fp.FamilyLeave(**{**base, **changes})


def test_a_good_record_has_no_problems():
    ten = tuple(date(2026, 10, 1) + timedelta(days=n) for n in range(10))
    assert fp.check_leave(_leave(keeping_in_touch_days=ten, evidence_received=date(2026, 6, 1))) == {}


@pytest.mark.parametrize("changes, problems", [
    (dict(keeping_in_touch_days=tuple(date(2026, 10, 1) + timedelta(days=n) for n in range(11))),
     {"keeping_in_touch_days": fp.TOO_MANY_KIT_DAYS}),
    (dict(keeping_in_touch_days=(date(2026, 8, 1),)), {"keeping_in_touch_days": fp.KIT_DAY_OUTSIDE_LEAVE}),
    (dict(kind=fp.SPP, weeks=2, keeping_in_touch_days=(date(2026, 8, 20),)),
     {"keeping_in_touch_days": fp.TOO_MANY_KIT_DAYS}),
    (dict(kind=fp.SMP, adoption=True), {"kind": fp.BASIS_DOES_NOT_FIT}),
    (dict(weeks=40), {"weeks": fp.TOO_MANY_WEEKS}),
    (dict(pay_start=date(2026, 8, 15)), {"pay_start": fp.PAY_STARTS_BEFORE_LEAVE}),
    (dict(leave_end=date(2026, 8, 1)), {"leave_end": fp.LEAVE_ENDS_BEFORE_START}),
    (dict(average_weekly_earnings=D("-1")), {"average_weekly_earnings": fp.NEGATIVE_EARNINGS}),
    (dict(leave_start=date(2023, 8, 1), pay_start=date(2023, 8, 1)), {"pay_start": fp.STARTS_BEFORE_RATES}),
    (dict(kind="SSP"), {"kind": fp.KIND_UNKNOWN}),
])
def test_record_problems(changes, problems):
    assert fp.check_leave(_leave(**changes)) == problems


def test_shpp_allows_20_split_days():
    twenty = tuple(date(2026, 9, 1) + timedelta(days=n) for n in range(20))
    leave = _leave(kind=fp.SHPP, pay_start=date(2026, 8, 16), weeks=10, keeping_in_touch_days=twenty)
    assert fp.check_leave(leave) == {}
    assert fp.check_leave(_leave(kind=fp.SHPP, weeks=10, keeping_in_touch_days=(
        *twenty, date(2026, 9, 25)))) == {"keeping_in_touch_days": fp.TOO_MANY_KIT_DAYS}


def test_work_out_pays_nothing_when_not_entitled():
    paid = fp.work_out(_leave(), date(2024, 1, 1))
    assert paid.eligibility.entitled and len(paid.weeks) == 39
    assert paid.total == 6 * D("360.00") + 33 * D("194.32")
    short = fp.work_out(_leave(), date(2026, 1, 5))
    assert short.weeks == () and short.total == 0 and short.eligibility.codes == (fp.SERVICE_TOO_SHORT,)


# --- recovery -----------------------------------------------------------------------------------

def test_small_employers_relief_is_108_5_percent_from_april_2025():
    r = fp.recovery(D("1000.00"), True, date(2025, 6, 1))
    assert (r.recovered, r.compensation, r.total) == (D("1000.00"), D("85.00"), D("1085.00"))
    # 103% before (SPM182100's 3%).
    assert fp.recovery(D("1000.00"), True, date(2025, 3, 1)).compensation == D("30.00")


def test_other_employers_recover_92_percent():
    r = fp.recovery(D("8336.94"), False, date(2025, 6, 1))
    assert (r.recovered, r.compensation) == (D("7669.98"), D("0"))   # 7,669.9848 half up


@pytest.mark.parametrize("nics, small", [(D("45000"), True), (D("45000.01"), False), (D("0"), True)])
def test_small_employer_threshold(nics, small):
    assert fp.is_small_employer(nics, date(2026, 5, 24)) is small


@pytest.mark.parametrize("qw, start", [
    (date(2026, 5, 24), date(2025, 4, 6)),    # QW in 2026-27: the last complete year is 2025-26
    (date(2026, 3, 1), date(2024, 4, 6)),     # QW in 2025-26: 2024-25
    (date(2026, 4, 5), date(2024, 4, 6)),     # 5 April is still 2025-26
])
def test_the_last_complete_tax_year_before_the_qualifying_week(qw, start):
    assert fp.previous_tax_year_start(qw) == start


def test_weeks_in_a_tax_year_not_yet_held_are_paid_at_the_last_rate_marked_provisional():
    weeks = fp.pay_weeks(fp.SMP, date(2027, 3, 7), D("1000"))
    assert {w.weekly_rate for w in weeks[6:]} == {D("194.32")}
    assert not any(w.provisional for w in weeks[:6])            # 90% of AWE is no published rate
    assert (weeks[6].first, weeks[6].provisional) == (date(2027, 4, 18), True)   # 2027-28: not yet held
    assert all(w.provisional for w in weeks[6:])
    assert not any(w.provisional for w in fp.pay_weeks(fp.SMP, date(2026, 5, 3), D("1000")))


# --- published examples ------------------------------------------------------------------------------

def test_hmrc_helpbook_example_weekly_paid_employee():
    """HMRC Employer Helpbook E15 (2012-13), 'Example - weekly paid employee', reproduced at
    http://is4profit.com/statutory-maternity-pay-guide-for-employers-2012-2013/10/ : paid every Friday,
    baby due 12/02/13, qualifying week 28/10/12 to 03/11/12; the relevant period ends with the last payday
    on or before that Saturday (Friday 2/11/12) and starts the day after the payday at least 8 weeks
    before it (GOV.UK, 'Work out your employee's payments for Statutory Maternity Pay',
    https://www.gov.uk/guidance/statutory-maternity-pay-manually-calculate-your-employees-payments)."""
    qw = fp.qualifying_week(fp.SMP, date(2013, 2, 12))
    assert (qw, qw + timedelta(days=6)) == (date(2012, 10, 28), date(2012, 11, 3))
    fridays = [date(2012, 8, 3) + timedelta(weeks=n) for n in range(16)]
    pays = [Payment(day, D("150"), day - timedelta(days=6), day) for day in fridays]
    awe = fp.average_weekly_earnings(qw, pays, PayFrequency.WEEKLY)
    assert awe.relevant_period == (date(2012, 9, 8), date(2012, 11, 2))
    assert awe.amount == D("150")


def test_working_families_example_linda():
    """Working Families, 'Calculating maternity pay'
    (https://www.workingfamilies.org.uk/articles/how-to-work-out-weeks-for-maternity-paternity-and-adoption-leave/):
    due 18 June 2018, expected week of childbirth 17-23 June, qualifying week 4-10 March 2018, and she must
    have started on or before 16 September 2017."""
    assert fp.week_start(date(2018, 6, 18)) == date(2018, 6, 17)
    qw = fp.qualifying_week(fp.SMP, date(2018, 6, 18))
    assert qw == date(2018, 3, 4)
    assert fp.latest_start_date(qw) == date(2017, 9, 16)
