"""How long records about a PA are kept: each rule from the rates data, and the day a former PA's
details may be erased, which is the end of the longest rule that applies."""
from datetime import date

import pytest

from pa_manager.domain import retention


@pytest.mark.parametrize("kind, counted_from, months, until", [
    ("dbs_check", date(2026, 8, 31), 6, date(2027, 2, 28)),         # 6 months after leaving, month-end kept
    ("right_to_work", date(2026, 3, 31), 24, date(2028, 3, 31)),    # 2 years after leaving (the law)
    ("personnel", date(2026, 3, 31), 72, date(2032, 3, 31)),        # 6 years: Limitation Act 1980 s.5
    ("payroll", date(2026, 4, 5), 36, date(2029, 4, 5)),            # 3 years after the tax year (PAYE reg 97)
    ("minimum_wage", date(2026, 3, 31), 72, date(2032, 3, 31)),     # 6 years after the pay period (NMW reg 59)
])
def test_each_rule_and_its_date(kind, counted_from, months, until):
    assert retention.rule(kind, counted_from).months == months
    assert retention.keep_until(kind, counted_from) == until


def test_a_former_pa_may_be_erased_the_day_after_the_longest_period_ends():
    # Left 31 March 2026, last paid 31 March 2026 for March (tax year 2025-26 ends 5 April 2026): personnel
    # records to 31 March 2032, payroll to 5 April 2029, minimum wage records to 31 March 2032.
    found = retention.erasable_from(date(2026, 3, 31), date(2026, 3, 31), date(2026, 3, 31))
    assert found == retention.ErasableFrom(date(2032, 4, 1), "personnel")


def test_a_late_payment_after_leaving_keeps_the_minimum_wage_records_longest():
    # Left 31 March 2026; arrears paid on 30 April 2026 for a period ending 30 April 2026.
    found = retention.erasable_from(date(2026, 3, 31), date(2026, 4, 30), date(2026, 4, 30))
    assert found == retention.ErasableFrom(date(2032, 5, 1), "minimum_wage")


def test_someone_never_paid_is_kept_for_the_personnel_period():
    assert retention.erasable_from(date(2026, 3, 31), None, None) == retention.ErasableFrom(date(2032, 4, 1),
                                                                                            "personnel")
