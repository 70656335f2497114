"""A PA's basic hourly rate on a date: the same rule of "latest line on or before the day" that
costs their shifts (pay_rates), whatever other lines their pay terms hold."""
from datetime import date
from decimal import Decimal as D

import pytest

from pa_manager.domain.pay_rates import PayRateError
from pa_manager.domain.people import BANK_HOLIDAY, SLEEP_IN_ALLOWANCE, WEEKEND, PARecord, PayRateEntry

# Typed out of date order on purpose, with lines that are not the basic rate mixed in.
TERMS = (
    PayRateEntry(date(2026, 4, 1), D("13.45")),
    PayRateEntry(date(2025, 4, 1), D("12.60")),
    PayRateEntry(date(2025, 10, 1), D("14.00"), shift_type="waking_night"),  # one shift type only
    PayRateEntry(date(2025, 10, 1), D("55.00"), SLEEP_IN_ALLOWANCE),
    PayRateEntry(date(2025, 10, 1), None, WEEKEND, multiplier=D("1.5")),
    PayRateEntry(date(2025, 12, 1), D("20.00"), BANK_HOLIDAY),
)


@pytest.mark.parametrize("on, rate", [
    (date(2025, 3, 31), None),  # before the first line
    (date(2025, 4, 1), D("12.60")),  # from its own date
    (date(2025, 12, 25), D("12.60")),  # the waking-night, sleep-in, weekend and bank-holiday lines do not count
    (date(2026, 3, 31), D("12.60")),
    (date(2026, 4, 1), D("13.45")),
    (date(2030, 1, 1), D("13.45")),
])
def test_rate_on(on, rate):
    assert PARecord(name="Ruth Okoro", pay_rates=TERMS).rate_on(on) == rate


def test_no_pay_terms_no_rate():
    assert PARecord(name="Ruth Okoro").rate_on(date(2026, 4, 1)) is None


def test_two_different_basic_rates_from_one_date_are_refused_as_shift_costing_refuses_them():
    pa = PARecord(name="Ruth Okoro", pay_rates=(PayRateEntry(date(2026, 4, 1), D("13.45")),
                                                PayRateEntry(date(2026, 4, 1), D("13.50"))))
    with pytest.raises(PayRateError) as raised:
        pa.rate_on(date(2026, 5, 1))
    assert raised.value.code == "PAY_RATE_DUPLICATE"
