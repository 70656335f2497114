"""Court attachment of earnings orders: the Attachment of Earnings Act 1971 Sch 3 paras 3-6, worked by
hand from the Schedule's wording."""
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain.attachment_of_earnings import (
    AEO_RATE_PERIOD,
    JUDGMENT_DEBT,
    MAINTENANCE,
    MONTH,
    WEEK,
    Carried,
    EarningsOrderError,
    OrderTerms,
    attachable_earnings,
    carried_from,
    deduction,
    employer_fee,
    period_amounts,
)
from pa_manager.domain.pay_frequency import PayFrequency

DAY = date(2026, 6, 26)
W, M = PayFrequency.WEEKLY, PayFrequency.MONTHLY


def debt(normal="20", protected="150", period=WEEK, total=None, fee=True):
    return OrderTerms(JUDGMENT_DEBT, D(normal), D(protected), period,
                      None if total is None else D(total), fee)


def maint(normal="20", protected="150", period=WEEK, total=None, fee=True):
    return OrderTerms(MAINTENANCE, D(normal), D(protected), period,
                      None if total is None else D(total), fee)


def test_attachable_earnings_are_pay_after_tax_ni_and_pension():
    assert attachable_earnings(D("1000.00"), D("80.00"), D("30.40"), D("25.00")) == D("864.60")


def test_the_fee_is_one_pound_from_1991():
    assert employer_fee(DAY) == D("1.00")


@pytest.mark.parametrize("terms, freq, normal, protected", [
    (debt("20", "150", WEEK), W, "20", "150"),
    (debt("20", "150", WEEK), PayFrequency.FORTNIGHTLY, "40", "300"),
    (debt("20", "150", WEEK), PayFrequency.FOUR_WEEKLY, "80", "600"),
    (debt("90", "700", MONTH), M, "90", "700"),
])
def test_rates_are_applied_to_the_pay_period(terms, freq, normal, protected):
    assert period_amounts(terms, freq) == (D(normal), D(protected))


@pytest.mark.parametrize("period, freq", [(WEEK, M), (MONTH, W), (MONTH, PayFrequency.FORTNIGHTLY)])
def test_a_rate_period_that_does_not_fit_the_pay_is_refused(period, freq):
    with pytest.raises(EarningsOrderError) as caught:
        period_amounts(debt(period=period), freq)
    assert caught.value.code == AEO_RATE_PERIOD


def test_full_normal_deduction_and_fee_when_pay_is_well_above_protected():
    result = deduction(debt(), frequency=W, attachable=D("300.00"), pay_date=DAY)
    assert (result.deducted, result.fee, result.total) == (D("20"), D("1.00"), D("21.00"))


def test_judgment_debt_takes_only_the_excess_over_protected_earnings():
    result = deduction(debt(), frequency=W, attachable=D("162.50"), pay_date=DAY)
    assert result.deducted == D("12.50")
    assert result.fee == D("0")          # no room left above protected earnings for the fee
    assert result.carried == Carried()   # para 5: nothing carried


def test_fee_only_when_all_of_it_fits_above_protected_earnings():
    assert deduction(debt(), frequency=W, attachable=D("170.99"), pay_date=DAY).fee == 0
    assert deduction(debt(), frequency=W, attachable=D("171.00"), pay_date=DAY).fee == D("1.00")


def test_the_employer_may_choose_not_to_take_the_fee():
    assert deduction(debt(fee=False), frequency=W, attachable=D("500"), pay_date=DAY).fee == 0


@pytest.mark.parametrize("attachable", ["150.00", "149.99", "0.00", "-5.00"])
def test_nothing_is_deducted_at_or_below_protected_earnings(attachable):
    result = deduction(debt(), frequency=W, attachable=D(attachable), pay_date=DAY)
    assert (result.deducted, result.fee) == (0, 0)


def test_maintenance_order_carries_the_missed_deduction_and_the_protected_shortfall():
    result = deduction(maint(), frequency=W, attachable=D("140.00"), pay_date=DAY)
    assert result.deducted == 0
    assert result.carried == Carried(protected_shortfall=D("10.00"), arrears=D("20"))


def test_maintenance_shortfall_is_made_good_before_arrears_are_taken():
    # Carried: £10 of protected earnings short and £20 not deducted. This week £200 attachable:
    # £50 above protected, £10 makes good the shortfall, then £40 of the £20 + £20 wanted is taken.
    result = deduction(maint(), frequency=W, attachable=D("200.00"), pay_date=DAY,
                       carried=Carried(D("10.00"), D("20")))
    assert result.deducted == D("40")
    assert result.fee == 0              # nothing left above protected for the fee
    assert result.carried == Carried(D("0.00"), D("0"))


def test_maintenance_partial_catch_up_leaves_arrears():
    result = deduction(maint(), frequency=W, attachable=D("185.00"), pay_date=DAY,
                       carried=Carried(D("10.00"), D("20")))
    # £35 above protected: £10 makes good the shortfall, £25 of the £40 wanted is taken.
    assert result.deducted == D("25.00")
    assert result.carried == Carried(D("0.00"), D("15.00"))


def test_a_judgment_debt_ignores_anything_said_to_be_carried():
    result = deduction(debt(), frequency=W, attachable=D("300"), pay_date=DAY, carried=Carried(D("50"), D("60")))
    assert result.deducted == D("20")


def test_deductions_stop_at_the_total_to_pay():
    result = deduction(debt(total="100"), frequency=W, attachable=D("300"), pay_date=DAY, paid_so_far=D("92.50"))
    assert result.deducted == D("7.50")
    assert result.fee == D("1.00")
    done = deduction(debt(total="100"), frequency=W, attachable=D("300"), pay_date=DAY, paid_so_far=D("100"))
    assert (done.deducted, done.fee) == (0, 0)


def test_carried_is_worked_out_from_the_pay_days_already_paid():
    paid = [(D("140.00"), D("0")), (D("185.00"), D("25.00")), (D("300.00"), D("20"))]
    # Week 1: £10 short, £20 missed. Week 2: shortfall made good, £25 of £40 taken, £15 owed.
    # Week 3: £150 above protected, £20 taken (the order as then worked), so £15 is still owed.
    assert carried_from(maint(), W, paid) == Carried(D("0.00"), D("15.00"))
    assert carried_from(debt(), W, paid) == Carried()


def test_replaying_deductions_matches_carried_from():
    terms = maint("30", "400", MONTH)
    pays = [D("350"), D("420"), D("500"), D("380"), D("700")]
    carried, history, paid = Carried(), [], D("0")
    for attachable in pays:
        result = deduction(terms, frequency=M, attachable=attachable, pay_date=DAY, carried=carried, paid_so_far=paid)
        history.append((attachable, result.deducted))
        paid += result.deducted
        carried = result.carried
        assert carried_from(terms, M, history) == carried
    assert paid == D("150")   # five months of £30, all caught up by the last pay day


def test_carried_arrears_never_exceed_what_is_left_of_the_total():
    assert carried_from(maint(total="25"), W, [(D("100"), D("0")), (D("100"), D("0"))]).arrears == D("25")
