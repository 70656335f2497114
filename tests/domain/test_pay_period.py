"""Which period a pay date pays for, and the pay day to suggest, around weekends and bank holidays."""
from datetime import date, timedelta

import pytest

from pa_manager.domain.bank_holidays import is_bank_holiday
from pa_manager.domain.nation import Nation
from pa_manager.domain.pay_frequency import PayFrequency as F
from pa_manager.domain.pay_period import pay_period, suggested_pay_date


def england(day: date) -> bool:
    return is_bank_holiday(day, Nation.ENGLAND)


def scotland(day: date) -> bool:
    return is_bank_holiday(day, Nation.SCOTLAND)


@pytest.mark.parametrize("today, frequency, earlier_end, holidays, expected", [
    # Weekly, Fridays: Good Friday 2026 is 3 April, so pay on Thursday 2 April.
    (date(2026, 3, 30), F.WEEKLY, None, england, date(2026, 4, 2)),
    (date(2026, 3, 30), F.WEEKLY, date(2026, 3, 27), england, date(2026, 4, 2)),
    # Christmas Day 2026 is a Friday.
    (date(2026, 12, 21), F.WEEKLY, date(2026, 12, 18), england, date(2026, 12, 24)),
    # An ordinary week: Friday itself.
    (date(2026, 11, 23), F.WEEKLY, None, england, date(2026, 11, 27)),
    # Monthly: 31 August 2026 is England's summer bank holiday (a Monday), so Friday 28 August;
    # Scotland's summer holiday was 3 August, so Monday 31 August stands.
    (date(2026, 8, 3), F.MONTHLY, None, england, date(2026, 8, 28)),
    (date(2026, 8, 3), F.MONTHLY, None, scotland, date(2026, 8, 31)),
    # A month ending on a Saturday: Friday 30 October 2026.
    (date(2026, 10, 5), F.MONTHLY, None, england, date(2026, 10, 30)),
    # Fortnightly, following on from an earlier period ending Friday 20 November: next is 4 December.
    (date(2026, 11, 23), F.FORTNIGHTLY, date(2026, 11, 20), england, date(2026, 12, 4)),
    # An employer paying weekly on Mondays keeps Mondays.
    (date(2026, 11, 24), F.WEEKLY, date(2026, 11, 23), england, date(2026, 11, 30)),
])
def test_the_suggested_pay_day_is_a_working_day_on_the_employers_cycle(today, frequency, earlier_end, holidays,
                                                                       expected):
    assert suggested_pay_date(today, frequency, earlier_period_end=earlier_end, is_bank_holiday=holidays) == expected


@pytest.mark.parametrize("pay_date, frequency, earlier_end, expected", [
    # Brought forward for Good Friday: still the week to Friday 3 April, with or without earlier runs.
    (date(2026, 4, 2), F.WEEKLY, None, (date(2026, 3, 28), date(2026, 4, 3))),
    (date(2026, 4, 2), F.WEEKLY, date(2026, 3, 27), (date(2026, 3, 28), date(2026, 4, 3))),
    # Paid late, on the Monday after: the week that has ended, not the next one.
    (date(2026, 11, 30), F.WEEKLY, date(2026, 11, 20), (date(2026, 11, 21), date(2026, 11, 27))),
    # An ordinary Thursday with a working Friday after it: the week that ended on the Friday before.
    (date(2026, 11, 26), F.WEEKLY, date(2026, 11, 20), (date(2026, 11, 14), date(2026, 11, 20))),
    # No earlier pay run: the period ends on the pay date.
    (date(2026, 11, 25), F.WEEKLY, None, (date(2026, 11, 19), date(2026, 11, 25))),
    # Four-weekly on from 30 October: 31 October to 27 November.
    (date(2026, 11, 27), F.FOUR_WEEKLY, date(2026, 10, 30), (date(2026, 10, 31), date(2026, 11, 27))),
    # Monthly: the calendar month, whatever the day (27 and 30 November are the same period).
    (date(2026, 11, 27), F.MONTHLY, date(2026, 10, 31), (date(2026, 11, 1), date(2026, 11, 30))),
    (date(2026, 11, 30), F.MONTHLY, None, (date(2026, 11, 1), date(2026, 11, 30))),
])
def test_a_pay_date_pays_for_the_period_on_the_cycle(pay_date, frequency, earlier_end, expected):
    assert pay_period(pay_date, frequency, earlier_period_end=earlier_end, is_bank_holiday=england) == expected


def test_every_suggested_pay_day_maps_back_to_a_period_ending_on_the_cycle():
    # A year of weekly Fridays from an earlier period end: each suggestion pays exactly the next week.
    end = date(2026, 1, 2)
    for _ in range(52):
        suggested = suggested_pay_date(end + timedelta(days=1), F.WEEKLY, earlier_period_end=end,
                                       is_bank_holiday=england)
        start, new_end = pay_period(suggested, F.WEEKLY, earlier_period_end=end, is_bank_holiday=england)
        assert (new_end - end).days == 7 and (start - end).days == 1 and suggested <= new_end
        end = new_end
